"""The bounded request queue refuses at once when full instead of letting callers hang."""
import threading

import pytest

from chat.api import Gate, GateFull, check_basic_auth


def test_a_full_gate_refuses_immediately_and_recovers():
    gate = Gate(running=1, waiting=1)
    release, entered = threading.Event(), threading.Event()

    def hold():
        with gate:
            entered.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    entered.wait(5)
    waiter = threading.Thread(target=lambda: gate.__enter__() and gate.__exit__())
    waiter.start()  # takes the one waiting place
    for _ in range(100):
        if gate.inside == 2:
            break
        threading.Event().wait(0.01)
    with pytest.raises(GateFull):
        gate.__enter__()
    release.set()
    holder.join(5)
    waiter.join(5)
    with gate:
        assert gate.inside == 1


def test_basic_auth_check():
    import base64

    header = "Basic " + base64.b64encode(b"amy:pw:with:colons").decode()
    assert check_basic_auth(header, [("amy", "pw:with:colons")])
    assert not check_basic_auth(header, [("amy", "pw")])
    assert not check_basic_auth("Basic !!!", [("amy", "pw")]) and not check_basic_auth(None, [("a", "b")])
