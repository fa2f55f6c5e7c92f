"""The hand-written term tables (synonyms, equivalents, aliases) as a supplement that can be switched off.

Why: the engines must work on meaning, words and numbers; a table is a staff-editable supplement. The
evaluation reports every figure with the tables switched off too (``benchmarks/bench_accuracy.py``), so
that a result carried by table entries shows up as such.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_state = threading.local()


def hand_tables_on() -> bool:
    """False inside :func:`hand_tables_off` or with ``QCY_HAND_TABLES=off``."""
    if getattr(_state, "off", False):
        return False
    return os.environ.get("QCY_HAND_TABLES", "").lower() not in ("off", "0", "no")


@contextmanager
def hand_tables_off() -> Iterator[None]:
    """Within the block (this thread) the engines ignore the hand tables."""
    prev = getattr(_state, "off", False)
    _state.off = True
    try:
        yield
    finally:
        _state.off = prev
