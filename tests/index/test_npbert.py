"""The numpy query encoder against sentence-transformers (the oracle), and the precision setting."""
import numpy as np
import pytest

from index import npbert
from index.embedder import SentenceTransformerEmbedder, get_embedder, resolve_model_path

pytestmark = pytest.mark.slow

TEXTS = ["Who leads safeguarding training?", "When will the new integrated children's public health service start?",
         "CAF " * 300]  # the last is longer than the model reads: truncated the same way


def test_numpy_encoder_matches_sentence_transformers():
    path = resolve_model_path("all-MiniLM-L6-v2")
    assert npbert.supported(path)
    mine = npbert.NumpyBert(path).embed(TEXTS)
    reference = get_embedder(precision="fp32").embed(TEXTS)
    assert mine.shape == reference.shape == (3, 384)
    assert np.abs(mine - reference).max() < 1e-4


def test_query_embedding_skips_torch_until_bulk_embedding_needs_it():
    embedder = SentenceTransformerEmbedder(precision="fp32")
    vector = embedder.embed_query(TEXTS[0])
    assert embedder._model is None and abs(float(np.linalg.norm(vector)) - 1) < 1e-5
    assert np.allclose(vector, get_embedder(precision="fp32").embed([TEXTS[0]])[0], atol=1e-4)


def test_precision_changes_the_model_name_in_the_manifest():
    assert SentenceTransformerEmbedder(precision="fp32").name == "all-MiniLM-L6-v2"
    assert SentenceTransformerEmbedder(precision="bf16").name == "all-MiniLM-L6-v2@bf16"
    with pytest.raises(ValueError):
        SentenceTransformerEmbedder(precision="fp8")


def test_auto_precision_resolves_to_a_concrete_one():
    from index.embedder import resolve_precision

    assert resolve_precision("auto") in ("fp32", "bf16") and resolve_precision("int8") == "int8"
    assert get_embedder(precision="auto").precision == resolve_precision("auto")
