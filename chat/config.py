"""One validated settings object: defaults here, then partnerqa.toml, then PARTNERQA_* variables,
then command-line flags. A misspelt key is an error, not a silent default."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

from ingest.sandbox import LoadLimits

CONFIG_FILE = "partnerqa.toml"


class ConfigError(Exception):
    """A settings file or variable that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class Settings:
    index_dir: str = ".partnerqa"
    corpus_dir: str = "corpus"
    model: str = "all-MiniLM-L6-v2"
    embed_precision: str = "auto"
    k: int = 5
    retriever: str = "hybrid"
    # Weighted sum of min-max-normalised scores beat reciprocal rank fusion on the dev set.
    fusion: str = "weighted"
    dense_weight: float = 0.25
    target_words: int = 120
    max_words: int = 200
    llm_url: str = ""
    llm_model: str = ""
    llm_timeout: float = 60.0
    llm_max_tokens: int = 512
    max_file_mb: float = 100.0  # larger files are skipped, not read
    parse_timeout: float = 120.0  # seconds one PDF or Word file may take to read
    parse_memory_mb: int = 2048  # address space for the process that reads it

    def load_limits(self) -> LoadLimits:
        """The ingest limits these settings ask for."""
        return LoadLimits(max_file_bytes=int(self.max_file_mb * 1024 * 1024), timeout_s=self.parse_timeout,
                          memory_bytes=self.parse_memory_mb * 1024 * 1024)

    def to_json(self) -> dict:
        return {f.name: getattr(self, f.name) for f in fields(self)}


_TYPES = {f.name: f.type for f in fields(Settings)}


def load_settings(config_file: str | None = None, overrides: dict | None = None,
                  environ: dict | None = None) -> Settings:
    """Defaults < config file < environment < explicit overrides (None values are ignored)."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = Path(config_file or environ.get("PARTNERQA_CONFIG") or CONFIG_FILE)
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: not valid TOML ({exc})") from exc
        settings = _apply(settings, data.get("partnerqa", data), str(path))
    elif config_file:
        raise ConfigError(f"{config_file}: no such settings file")
    env = {name: environ[f"PARTNERQA_{name.upper()}"] for name in _TYPES
           if f"PARTNERQA_{name.upper()}" in environ}
    settings = _apply(settings, env, "environment")
    return _apply(settings, {k: v for k, v in (overrides or {}).items() if v is not None}, "options")


def _apply(settings: Settings, data: dict, origin: str) -> Settings:
    if {"llm_api_key", "api_key"} & set(data):
        raise ConfigError(f"{origin}: the LLM API key is read only from the environment variable "
                          "PARTNERQA_LLM_API_KEY, never from a settings file or option")
    unknown = sorted(set(data) - set(_TYPES))
    if unknown:
        raise ConfigError(f"{origin}: unknown setting(s) {', '.join(unknown)}; "
                          f"known settings are {', '.join(_TYPES)}")
    values = {}
    for name, value in data.items():
        kind = {"int": int, "float": float, "str": str}[_TYPES[name]]
        try:
            values[name] = kind(value)
        except (TypeError, ValueError) as exc:
            raise ConfigError(f"{origin}: {name} must be {_TYPES[name]}, got {value!r}") from exc
    if values.get("retriever", settings.retriever) not in ("hybrid", "dense", "lexical"):
        raise ConfigError(f"{origin}: retriever must be hybrid, dense or lexical")
    if values.get("fusion", settings.fusion) not in ("weighted", "rrf"):
        raise ConfigError(f"{origin}: fusion must be weighted or rrf")
    if not 0.0 <= values.get("dense_weight", settings.dense_weight) <= 1.0:
        raise ConfigError(f"{origin}: dense_weight must be between 0 and 1")
    if values.get("embed_precision", settings.embed_precision) not in ("auto", "fp32", "bf16", "int8"):
        raise ConfigError(f"{origin}: embed_precision must be auto, fp32, bf16 or int8")
    _check_llm(values, origin)
    return replace(settings, **values)


def _check_llm(values: dict, origin: str) -> None:
    url = values.get("llm_url")
    if url and not url.startswith(("http://", "https://")):
        raise ConfigError(f"{origin}: llm_url must start with http:// or https://, "
                          f"e.g. http://localhost:11434/v1 (got {url!r})")
    for name in ("llm_timeout", "llm_max_tokens"):
        if name in values and values[name] <= 0:
            raise ConfigError(f"{origin}: {name} must be more than 0")
