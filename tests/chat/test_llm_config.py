"""LLM settings: URL checked, key only from the environment, CLI options reach the settings."""
import pytest

from chat.cli import build_parser
from chat.config import ConfigError, load_settings
from chat.llm_client import LLMClient, endpoint


def test_llm_settings_from_file_environment_and_options(tmp_path):
    path = tmp_path / "partnerqa.toml"
    path.write_text('[partnerqa]\nllm_url = "http://localhost:11434/v1"\nllm_model = "llama3.1"\n')
    settings = load_settings(str(path), {"llm_timeout": 5}, environ={"PARTNERQA_LLM_MAX_TOKENS": "200"})
    assert (settings.llm_url, settings.llm_model, settings.llm_timeout, settings.llm_max_tokens) == \
        ("http://localhost:11434/v1", "llama3.1", 5.0, 200)


@pytest.mark.parametrize("text,message", [
    ('llm_api_key = "sk-abc"', "PARTNERQA_LLM_API_KEY"),
    ('llm_url = "localhost:11434"', "must start with http:// or https://"),
    ("llm_timeout = 0", "llm_timeout must be more than 0"),
])
def test_bad_llm_settings_are_errors(tmp_path, text, message):
    path = tmp_path / "partnerqa.toml"
    path.write_text(f"[partnerqa]\n{text}\n")
    with pytest.raises(ConfigError, match=message) as info:
        load_settings(str(path), environ={})
    assert "sk-abc" not in str(info.value)


def test_cli_options():
    args = build_parser().parse_args(["ask", "q", "--llm-url", "http://h/v1", "--llm-model", "m",
                                      "--llm-timeout", "9", "--llm-max-tokens", "99"])
    assert (args.llm_url, args.llm_model, args.llm_timeout, args.llm_max_tokens) == ("http://h/v1", "m", 9.0, 99)
    assert build_parser().parse_args(["serve", "--llm-url", "http://h/v1"]).llm_url == "http://h/v1"
    with pytest.raises(SystemExit):
        build_parser().parse_args(["ask", "q", "--llm-api-key", "sk-x"])  # no such flag, by design


@pytest.mark.parametrize("base,url", [
    ("http://localhost:11434/v1", "http://localhost:11434/v1/chat/completions"),
    ("https://api.openai.com/v1/", "https://api.openai.com/v1/chat/completions"),
    ("https://r.openai.azure.com/openai/deployments/gpt/chat/completions?api-version=2024-10-21",
     "https://r.openai.azure.com/openai/deployments/gpt/chat/completions?api-version=2024-10-21"),
])
def test_endpoint(base, url):
    assert endpoint(base) == url


def test_the_client_never_shows_its_key():
    client = LLMClient("https://r.openai.azure.com/openai/v1", "gpt", environ={"PARTNERQA_LLM_API_KEY": "sk-zz"})
    assert "sk-zz" not in repr(client) and "sk-zz" not in str(vars(client).get("url"))
    assert client._headers()["api-key"] == "sk-zz" and client._headers()["Authorization"] == "Bearer sk-zz"


def test_a_local_server_is_reached_even_with_a_proxy_set(monkeypatch):
    from chat.config import Settings
    from chat.generate import llm_answer
    from fake_llm import GOOD, FakeLLM, Reply, make_hits

    monkeypatch.setenv("http_proxy", "http://proxy.invalid:3128")
    monkeypatch.setenv("HTTP_PROXY", "http://proxy.invalid:3128")
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    with FakeLLM(Reply(GOOD)) as llm:
        answer = llm_answer("q?", make_hits(), None, Settings(llm_url=llm.url, llm_timeout=5), None)
    assert answer.mode == "llm" and len(llm.requests) == 1
