"""Shared fixtures: a real SQLite store in a temporary folder, and services acting as a named staff member."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Qt tests run offscreen everywhere (CI has no display); set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def store(store_path: Path):  # type: ignore[no-untyped-def]
    from qcy_workstation.db.store import open_store

    s = open_store(store_path)
    yield s
    s.close()


@pytest.fixture
def cases(store):  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.services import CaseService

    return CaseService(store, actor="张三")


@pytest.fixture
def consultations(store):  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.consultations import ConsultationService

    return ConsultationService(store, actor="李四")
