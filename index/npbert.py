"""A numpy-only forward pass of a BERT sentence encoder (MiniLM), for fast query embedding.

Importing sentence-transformers and torch costs 4-5 s on the 2-core machines; embedding one short
question needs neither. This reads the same safetensors weights and tokenizer.json and computes the
same mean-pooled, normalised vector (equal to the torch fp32 one within ~1e-6), so a one-shot
`partnerqa ask` or a fresh `serve` answers without ever loading torch. Bulk embedding (ingest)
still uses torch, which is faster on long batches.
"""
from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np


def supported(model_dir: str) -> bool:
    """True when `model_dir` holds a BERT with mean pooling that this module can run."""
    path = Path(model_dir)
    try:
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        pooling = json.loads((path / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return (config.get("model_type") == "bert" and config.get("hidden_act") == "gelu"
            and config.get("position_embedding_type", "absolute") == "absolute"
            and pooling.get("pooling_mode_mean_tokens") is True
            and not any(pooling.get(k) for k in ("pooling_mode_cls_token", "pooling_mode_max_tokens",
                                                 "pooling_mode_mean_sqrt_len_tokens"))
            and (path / "model.safetensors").is_file() and (path / "tokenizer.json").is_file())


class NumpyBert:
    """Mean-pooled, L2-normalised sentence vectors from a BERT checkpoint, computed with numpy."""

    def __init__(self, model_dir: str):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = Path(model_dir)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        st_config = path / "sentence_bert_config.json"
        max_len = json.loads(st_config.read_text(encoding="utf-8")).get("max_seq_length", 256) \
            if st_config.is_file() else 256
        self.w = load_file(str(path / "model.safetensors"))
        self.heads = int(config["num_attention_heads"])
        self.layers = int(config["num_hidden_layers"])
        self.eps = float(config.get("layer_norm_eps", 1e-12))
        self.dimension = int(config["hidden_size"])
        self.tokenizer = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_len)
        self.tokenizer.enable_padding()
        _one_blas_thread()

    def embed(self, texts: list[str]) -> np.ndarray:
        encodings = self.tokenizer.encode_batch(list(texts))
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.float32)
        hidden = self._encode(ids, mask)
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return np.ascontiguousarray(pooled, dtype=np.float32)

    def _encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        w, e = self.w, "embeddings."
        x = (w[e + "word_embeddings.weight"][ids] + w[e + "position_embeddings.weight"][: ids.shape[1]]
             + w[e + "token_type_embeddings.weight"][0])
        x = self._norm(x, e + "LayerNorm")
        bias = (1.0 - mask)[:, None, None, :] * np.float32(-1e9)  # padding gets no attention
        for n in range(self.layers):
            x = self._layer(x, bias, f"encoder.layer.{n}.")
        return x

    def _layer(self, x: np.ndarray, bias: np.ndarray, p: str) -> np.ndarray:
        batch, length, width = x.shape
        size = width // self.heads

        def heads(name):
            y = self._dense(x, p + f"attention.self.{name}")
            return y.reshape(batch, length, self.heads, size).transpose(0, 2, 1, 3)

        scores = heads("query") @ heads("key").transpose(0, 1, 3, 2) / np.float32(math.sqrt(size)) + bias
        scores = np.exp(scores - scores.max(-1, keepdims=True))
        scores /= scores.sum(-1, keepdims=True)
        context = (scores @ heads("value")).transpose(0, 2, 1, 3).reshape(batch, length, width)
        x = self._norm(self._dense(context, p + "attention.output.dense") + x, p + "attention.output.LayerNorm")
        inner = _gelu(self._dense(x, p + "intermediate.dense"))
        return self._norm(self._dense(inner, p + "output.dense") + x, p + "output.LayerNorm")

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.w[name + ".weight"].T + self.w[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        return (x - mean) / np.sqrt(var + self.eps) * self.w[name + ".weight"] + self.w[name + ".bias"]


def _one_blas_thread() -> None:
    """Small matrices gain nothing from BLAS threads; on a busy 2-core machine the hand-offs cost
    more than the work (one question: 15 ms on one thread, 37 ms on two, measured under load)."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - a declared dependency; only slower without it
        return
    threadpool_limits(1, user_api="blas")


def _erf(x: np.ndarray) -> np.ndarray:
    # Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7): numpy has no erf, and scipy is not a dependency.
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def _gelu(x: np.ndarray) -> np.ndarray:
    """The exact (erf) GELU that BERT uses, not the tanh approximation."""
    return (0.5 * x * (1.0 + _erf(x / np.float32(math.sqrt(2.0))))).astype(np.float32)
