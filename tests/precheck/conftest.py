"""Shared helpers for the pre-check tests: the evaluation sets in tests/data/precheck/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data" / "precheck"


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def trademark_pairs() -> list[dict]:
    return _jsonl("trademark_pairs.jsonl")


@pytest.fixture(scope="session")
def gi_labels() -> list[dict]:
    return _jsonl("gi_labels.jsonl")


@pytest.fixture(scope="session")
def patent_cases() -> dict:
    return json.loads((DATA / "patent_cases.json").read_text(encoding="utf-8"))
