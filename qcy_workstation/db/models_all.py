"""Imports every module that declares tables, so ``Base.metadata`` knows the whole schema
(the migration test compares it with what the migrations build). Add new table modules here."""

from __future__ import annotations

import importlib

TABLE_MODULES = (
    "qcy_workstation.db.audit",
    "qcy_workstation.db.sealed",
    "qcy_workstation.cases.models",
    "qcy_workstation.accounts.models",
    "qcy_workstation.precheck.models",
    "qcy_workstation.documents.models",
    "qcy_workstation.stats.models",
    "qcy_workstation.warning.models",
    "qcy_workstation.referrals.models",
    "qcy_workstation.experts.models",
    "qcy_workstation.portfolios.models",
)


def import_all() -> list[str]:
    """Import the table modules that exist; returns their names."""
    found = []
    for name in TABLE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name is None or not name.startswith(exc.name):
                raise
            continue
        found.append(name)
    return found
