"""The early-warning and statistics core stays headless, and its migration builds what the models declare."""

from __future__ import annotations

import subprocess
import sys

from sqlalchemy import inspect


def test_core_never_imports_qt() -> None:
    code = ("import sys, qcy_workstation.warning.service, qcy_workstation.warning.memo, qcy_workstation.stats.report, "
            "qcy_workstation.stats.export, qcy_workstation.cli.warning, qcy_workstation.cli.stats; "
            "print(any(m.startswith('PySide6') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert out.stdout.strip() == "False"


def test_migration_creates_the_warning_tables_and_the_stats_indexes(store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.stats.models import STATS_INDEXES
    from qcy_workstation.warning import models

    insp = inspect(store.engine)
    tables = set(insp.get_table_names())
    for model in (models.WarningProject, models.WarningRisk, models.WarningScreening):
        assert model.__tablename__ in tables
        assert {c["name"] for c in insp.get_columns(model.__tablename__)} == set(model.__table__.columns.keys())
    for index in STATS_INDEXES:
        found = {i["name"]: i["column_names"] for i in insp.get_indexes(index.table.name)}
        assert found.get(index.name) == [c.name for c in index.columns], index.name
