"""Settings: defaults, file, environment and options, with misspelt keys refused."""
import pytest

from chat.config import ConfigError, load_settings


def test_layers_override_in_order(tmp_path):
    config = tmp_path / "partnerqa.toml"
    config.write_text('[partnerqa]\nk = 7\ncorpus_dir = "docs"\n')
    settings = load_settings(str(config), {"k": 3}, environ={"PARTNERQA_CORPUS_DIR": "papers"})
    assert settings.k == 3 and settings.corpus_dir == "papers"
    assert load_settings(str(config), environ={}).k == 7


def test_misspelt_or_invalid_settings_are_errors(tmp_path):
    config = tmp_path / "partnerqa.toml"
    config.write_text("[partnerqa]\ncorpus_dri = 'x'\n")
    with pytest.raises(ConfigError, match="corpus_dri"):
        load_settings(str(config), environ={})
    with pytest.raises(ConfigError, match="k must be int"):
        load_settings(None, environ={"PARTNERQA_K": "five"})
    with pytest.raises(ConfigError, match="retriever"):
        load_settings(None, {"retriever": "magic"}, environ={})
    with pytest.raises(ConfigError, match="no such settings file"):
        load_settings(str(tmp_path / "missing.toml"), environ={})
