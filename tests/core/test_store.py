"""Opening, migrating and protecting the store."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect

from qcy_workstation.db.base import Base
from qcy_workstation.db.models_all import import_all
from qcy_workstation.db.store import current_revisions, head_revisions, open_store
from qcy_workstation.errors import StoreError


def test_migrations_build_every_table_the_models_declare(store) -> None:  # type: ignore[no-untyped-def]
    import_all()
    tables = set(inspect(store.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    assert {"case_fts", "consultation_fts"} <= tables
    assert current_revisions(store) == head_revisions()


def test_migrated_schema_matches_the_models(store) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    import_all()
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": _not_fts_or_alembic})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _not_fts_or_alembic(name, type_, parent_names) -> bool:  # type: ignore[no-untyped-def]
    # FTS5 virtual tables and their shadow tables are created by raw SQL in the migration.
    return not (type_ == "table" and (name.endswith("_fts") or "_fts_" in name or name == "alembic_version"))


def test_upgrade_from_the_first_revision_keeps_data_and_copies_the_file_aside(tmp_path: Path) -> None:
    from alembic import command

    from qcy_workstation.cases.dto import NewCase, PartyInput
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import _alembic_config

    path = tmp_path / "old.sqlite"
    store = open_store(path)
    n = CaseService(store).create(NewCase(title="旧案", ip_type="patent", applicant=PartyInput("某公司"))).number
    with store.engine.begin() as conn:  # the store as the first version left it
        command.downgrade(_alembic_config(conn), "0001_core")
    store.close()
    heads = head_revisions()
    store = open_store(path)
    assert current_revisions(store) == heads
    assert CaseService(store).get(n).title == "旧案"
    backups = list(tmp_path.glob("old.sqlite.before-*.bak"))
    assert len(backups) == (0 if heads == {"0001_core"} else 1)
    store.close()


def test_a_file_that_is_not_a_store_is_reported_not_crashed_on(tmp_path: Path) -> None:
    bad = tmp_path / "garbage.sqlite"
    bad.write_bytes(b"this is a word document, not a database" * 100)
    with pytest.raises(StoreError, match="damaged"):
        open_store(bad)


def test_a_folder_is_not_a_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        open_store(tmp_path)


@pytest.mark.sqlite_only("another program's EXCLUSIVE lock on the file (PostgreSQL: test_several_desks.py)")
def test_a_locked_store_gives_a_clear_message(store, cases, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import qcy_workstation.db.store as store_mod
    from qcy_workstation.cases.dto import NewCase, PartyInput

    locker = sqlite3.connect(store.path, timeout=0.1)
    locker.execute("BEGIN EXCLUSIVE")
    try:
        engine = store_mod.create_store_engine(store.url)
        quick = store_mod.Store(engine, store.url)
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA busy_timeout = 100")
        from qcy_workstation.cases.services import CaseService

        with pytest.raises(StoreError, match="locked"):
            CaseService(quick).create(NewCase(title="x", ip_type="gi", applicant=PartyInput("y")))
        quick.close()
    finally:
        locker.rollback()
        locker.close()


def test_a_read_only_store_gives_a_clear_message(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions; the query_only pragma covers the same path below")
    path = tmp_path / "ro.sqlite"
    open_store(path).close()
    path.chmod(0o444)
    from qcy_workstation.cases.dto import NewCase, PartyInput
    from qcy_workstation.cases.services import CaseService

    with pytest.raises(StoreError, match="read-only"):
        CaseService(open_store(path)).create(NewCase(title="x", ip_type="gi", applicant=PartyInput("y")))


@pytest.mark.sqlite_only("SQLite's query_only pragma")
def test_a_write_refused_by_the_database_is_reported_and_changes_nothing(store, cases) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import event

    from qcy_workstation.cases.dto import NewCase, PartyInput

    @event.listens_for(store.engine, "connect")
    def _ro(dbapi_conn, _rec):  # type: ignore[no-untyped-def]
        dbapi_conn.execute("PRAGMA query_only = ON")

    store.engine.dispose()
    with pytest.raises(StoreError, match="read-only"):
        cases.create(NewCase(title="x", ip_type="gi", applicant=PartyInput("y")))
    event.remove(store.engine, "connect", _ro)
    store.engine.dispose()
    assert cases.count() == 0


@pytest.mark.slow
def test_killing_a_large_write_leaves_a_sound_store(tmp_path: Path) -> None:
    path = tmp_path / "killed.sqlite"
    open_store(path).close()
    proc = subprocess.Popen([sys.executable, "-m", "qcy_workstation", "--db", str(path), "seed-demo",
                             "--cases", "60000", "--seed", "5", "--no-accounts"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    # Wait until the first chunk is committed, then kill in the middle of a later one.
    deadline = time.time() + 90
    committed = 0
    while time.time() < deadline and committed == 0:
        time.sleep(0.2)
        with sqlite3.connect(path, timeout=5) as conn:
            committed = conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    assert committed > 0, "the writer committed nothing in 90 s"
    time.sleep(0.4)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    store = open_store(path)
    assert store.integrity_check() == []
    from qcy_workstation.cases import audit
    from qcy_workstation.cases.services import CaseService

    count = CaseService(store).count()
    assert 0 < count <= 60000
    assert count % 5000 == 0  # only whole chunks (transactions) are there
    with store.read() as s:
        assert audit.verify_chain(s) == []
    store.close()


def test_default_location_is_the_user_data_folder(monkeypatch, tmp_path: Path) -> None:
    from qcy_workstation.db import store as store_mod

    monkeypatch.delenv("QCY_DB", raising=False)
    url = store_mod.resolve_db_url(None)
    assert url.endswith("QCYWorkstation/qcy-workstation.sqlite")
    monkeypatch.setenv("QCY_DB", str(tmp_path / "x.sqlite"))
    assert store_mod.resolve_db_url(None) == f"sqlite:///{tmp_path / 'x.sqlite'}"
    assert store_mod.resolve_db_url("postgresql+psycopg://u@h/db") == "postgresql+psycopg://u@h/db"


@pytest.mark.sqlite_only("SQLite's pragmas")
def test_engine_sets_wal_foreign_keys_and_busy_timeout(store) -> None:  # type: ignore[no-untyped-def]
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    assert create_engine  # imported for parity with PostgreSQL tests later


def test_the_core_never_imports_qt() -> None:
    code = ("import sys, qcy_workstation.cli, qcy_workstation.cases.services, qcy_workstation.cases.demo;"
            "import qcy_workstation.db.models_all as m; m.import_all();"
            "import pkgutil, importlib, qcy_workstation as q;"
            "[importlib.import_module(n.name) for n in pkgutil.walk_packages(q.__path__, 'qcy_workstation.')"
            " if not n.name.startswith('qcy_workstation.ui') and '.migrations' not in n.name"
            " and not n.name.endswith(('build_templates', '__main__'))];"
            "print(sorted(k for k in sys.modules if k.startswith('PySide6')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_quick_head_reading_agrees_with_alembic() -> None:
    from qcy_workstation.db.store import alembic_heads

    assert head_revisions() == alembic_heads()
