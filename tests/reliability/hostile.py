"""Parser stand-ins that misbehave on purpose, run by ingest.sandbox in the tests' child processes."""


def spin(data: bytes, source: str) -> list[str]:
    """A parser stuck in a loop."""
    while True:
        pass


def hog(data: bytes, source: str) -> list[str]:
    """A parser that keeps allocating, like one unpacking a bomb."""
    held = []
    while True:
        held.append(bytearray(64 * 1024 * 1024))


def crash(data: bytes, source: str) -> list[str]:
    """A parser that dies outright (as a C extension might)."""
    import os
    import signal

    os.kill(os.getpid(), signal.SIGSEGV)
    return []


def flood(data: bytes, source: str) -> list[str]:
    """A parser returning far more text than any real document holds."""
    return ["word " * 1_000_000] * 30
