"""A store as the previous release left it, for the upgrade stories (installer issue 16 item 5).

The previous release's schema is the migration graph's head before the newest migration (its
``down_revision``): the store is made with today's code, given a case, an evidence file and changed settings,
then the newest migration is undone with its own downgrade step, as the older program would have left it. A new program opening it must copy it aside first, migrate it, and keep every record and file."""

from __future__ import annotations

import contextlib
import io
import json
from dataclasses import dataclass
from pathlib import Path

from qcy_workstation.cli import main

EVIDENCE = "收到的侵权商品照片说明：茶叶罐正面印有“秦韵”字样。".encode() * 20


@dataclass
class OldStore:
    path: Path
    revisions: set[str]
    case_number: str
    evidence_sha256: str


def cli(db: Path, *args: str) -> object:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        rc = main(["--db", str(db), "--staff", "王主任", *args, "--json"])
    assert rc == 0, out.getvalue()
    return json.loads(out.getvalue())


def previous_release_revisions() -> set[str]:
    """The heads the release before this one migrated to (the newest migration may merge several)."""
    from alembic.script import ScriptDirectory

    from qcy_workstation.db.store import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    (head,) = script.get_heads()
    down = script.get_revision(head).down_revision
    return {down} if isinstance(down, str) else set(down or ())


def downgrade_newest_migration(store: object) -> set[str]:
    """Undo the newest migration with its own ``downgrade()`` and record the heads before it. (Alembic's
    ``downgrade -1`` refuses to walk back through a merge of several heads: "Ambiguous walk".)"""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations
    from alembic.script import ScriptDirectory
    from sqlalchemy import text

    from qcy_workstation.db.store import _alembic_config

    script = ScriptDirectory.from_config(_alembic_config())
    (head,) = script.get_heads()
    revisions = previous_release_revisions()
    with store.engine.begin() as conn:  # type: ignore[attr-defined]
        with Operations.context(MigrationContext.configure(conn, opts={"render_as_batch": True})):
            script.get_revision(head).module.downgrade()
        conn.execute(text("DELETE FROM alembic_version"))
        for revision in sorted(revisions):
            conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:r)"), {"r": revision})
    return revisions


def make_previous_release_store(folder: Path) -> OldStore:
    from qcy_workstation.db.store import current_revisions, open_store

    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "qcy-workstation.sqlite"
    photo = folder / "侵权商品照片说明.txt"
    photo.write_bytes(EVIDENCE)
    case = cli(path, "cases", "add", "--type", "trademark", "--title", "“秦韵”商标侵权",
               "--applicant", "西安秦韵茶业有限公司", "--opponent", "咸阳某茶行", "--mark", "秦韵", "--classes", "30")
    number = case["number"]  # type: ignore[index]
    evidence = cli(path, "evidence", "add", number, str(photo), "--source", "企业提交")
    cli(path, "store", "settings", "acceptance_days=7", "backup_reminder_days=14")
    store = open_store(path)
    revisions = downgrade_newest_migration(store)
    assert current_revisions(store) == revisions
    store.close()
    return OldStore(path, revisions, number, evidence["sha256"])  # type: ignore[index]
