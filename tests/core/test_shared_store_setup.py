"""Setting up a shared store on a PostgreSQL server (issue 15 item 8), through the real command line:
``store init-server`` makes the schema and the first administrator on an empty database; ``store migrate-from``
copies a desk's SQLite store (the demo, with a confidential case's encrypted evidence and an ordinary one) into
an empty server store, after which ``store check`` on the server passes, every table holds as many rows as the
desk's file, case numbers and ids are the same, and the evidence opens. A database that already holds data
is refused with ``store.target_not_empty`` and left as it was."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from cli_runner import run_cli
from sqlalchemy import text

pytestmark = pytest.mark.postgresql_only

ADMIN_PASSWORD = "Qinchuangyuan-2026"


def cli(*args: str, files: Path, stdin: str | None = None, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QCY_FILES": str(files)}
    env.pop("QCY_TOKEN", None)
    proc = run_cli([*args], capture_output=True, text=True,
                          timeout=300, env=env, input=stdin)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc


def counts(url: str) -> dict[str, int]:
    from sqlalchemy import create_engine, inspect

    engine = create_engine(url if "://" in url else f"sqlite:///{url}")
    try:
        with engine.connect() as conn:
            return {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar()
                    for t in inspect(conn).get_table_names() if t != "alembic_version" and "_fts_" not in t}
    finally:
        engine.dispose()


@pytest.fixture
def desk_store(tmp_path: Path) -> Path:
    """A desk's SQLite store: the demo (accounts, cases, consultations) plus two evidence files, one of them
    on a confidential case (sealed with the store's key)."""
    from qcy_workstation.accounts.demo import DEFAULT_DEMO_PASSWORD
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store

    path = tmp_path / "desk" / "qcy-workstation.sqlite"
    path.parent.mkdir()
    cli("--db", str(path), "seed-demo", "--cases", "40", "--seed", "7", files=tmp_path / "unused")
    store = open_store(path)
    try:
        admin = AccountService(store).authenticate("demo-admin", DEFAULT_DEMO_PASSWORD)
        cases = CaseService(store, actor=admin)
        ordinary = cases.list(CaseFilter(), limit=1)[0].number
        secret = cases.create(NewCase(title="某企业核心工艺泄露", ip_type="trade-secret", confidential=True,
                                      applicant=PartyInput("西安秦创新材料有限公司"))).number
        photo = tmp_path / "侵权商品照片.jpg"
        photo.write_bytes(b"\xff\xd8\xff" + "秦川商标仿冒品".encode() * 500)
        contract = tmp_path / "保密协议.pdf"
        contract.write_bytes(b"%PDF-1.4 " + "竞业限制".encode() * 700)
        evidence = EvidenceService(store, actor=admin)
        evidence.add(ordinary, photo, source="企业提供")
        evidence.add(secret, contract, source="企业提供")
    finally:
        store.close()
    return path


def test_init_server_sets_up_an_empty_database_and_refuses_one_in_use(pg_server, tmp_path: Path) -> None:
    url = pg_server.new_database(template=None)
    files = tmp_path / "server-files"
    out = json.loads(cli("store", "init-server", "--url", url, "--admin", "zhang", "--name", "张三",
                         "--password-stdin", "--json", files=files, stdin=ADMIN_PASSWORD + "\n").stdout)
    assert out["administrator"] == "zhang" and out["tables"] > 20 and out["recovery_key"]
    assert out["files"] == str(files)
    assert counts(url)["accounts"] == 1
    login = cli("--db", url, "login", "--user", "zhang", "--password-stdin", "--print-token", files=files,
                stdin=ADMIN_PASSWORD + "\n")
    assert login.stdout.strip()
    # Desks open it through the gate role it printed; the administrator then works as an own role (issue 15
    # item 5; tests/core/test_server_confidentiality.py tells the whole story).
    assert out["desk_url"].startswith("postgresql+psycopg://" + out["gate_role"] + ":")
    desk = json.loads(cli("--db", out["desk_url"], "login", "--user", "zhang", "--password-stdin", "--print-token",
                          "--json", files=files, stdin=ADMIN_PASSWORD + "\n").stdout)
    assert desk["database_role"].startswith(out["gate_role"].removesuffix("gate") + "u")

    again = cli("store", "init-server", "--url", url, "--admin", "li", "--name", "李四", "--password-stdin",
                "--json", files=files, stdin=ADMIN_PASSWORD + "\n", check=False)
    assert again.returncode == 1
    assert json.loads(again.stderr)["reason"] == "store.target_not_empty"
    assert counts(url)["accounts"] == 1  # unchanged

    not_pg = cli("store", "init-server", "--url", str(tmp_path / "x.sqlite"), "--admin", "li", "--name", "李四",
                 "--password-stdin", "--json", files=files, stdin=ADMIN_PASSWORD + "\n", check=False)
    assert not_pg.returncode == 1 and json.loads(not_pg.stderr)["reason"] == "store.not_server"


def test_a_desks_store_moves_to_the_server_whole_and_store_check_passes_there(
        pg_server, desk_store: Path, tmp_path: Path) -> None:
    from qcy_workstation.accounts.demo import DEFAULT_DEMO_PASSWORD
    from qcy_workstation.accounts.service import AccountService
    from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.db.store import open_store

    url = pg_server.new_database(template=None)
    files = tmp_path / "server-files"
    before = counts(str(desk_store))
    out = json.loads(cli("store", "migrate-from", str(desk_store), "--url", url, "--json", files=files).stdout)
    assert out["counts"]["cases"] == before["cases"] == 41
    assert "_gate:" in out["desk_url"]  # secured as init-server secures a store
    assert out["files_copied"] >= 1

    after = counts(url)
    for table, n in before.items():
        if table.startswith(("case_fts", "consultation_fts")):
            continue  # SQLite's FTS5 tables and their shadow tables; the bodies are compared below
        assert after[table] == n + (1 if table == "audit_events" else 0), table  # + the move, recorded
    assert after["case_fts"] == before["cases"]

    check = json.loads(cli("--db", url, "store", "check", "--json", files=files).stdout)
    assert check["ok"], check
    assert check["audit_chain_broken_at"] == [] and check["evidence"] == []

    desk, server = open_store(desk_store), open_store(url, files_dir=files)
    try:
        on_desk = AccountService(desk).authenticate("demo-admin", DEFAULT_DEMO_PASSWORD)
        on_server = AccountService(server).authenticate("demo-admin", DEFAULT_DEMO_PASSWORD)  # same accounts
        everything = CaseFilter(include_confidential=True)
        desk_cases = [(c.id, c.number, c.title) for c in CaseService(desk, actor=on_desk).list(everything, limit=100)]
        assert [(c.id, c.number, c.title) for c in CaseService(server, actor=on_server).list(everything, limit=100)] \
            == desk_cases
        opened = 0
        for number in {c[1] for c in desk_cases}:
            for item in EvidenceService(server, actor=on_server).list(number):
                folder = tmp_path / f"opened-{item.id}"
                folder.mkdir()
                copy = EvidenceService(server, actor=on_server).export_copy(item.id, folder)
                assert Path(copy).read_bytes()[:4] in (b"\xff\xd8\xff\xe7", b"%PDF")  # sealed or plain, it opens
                opened += 1
        assert opened == 2
        # Search works on the copied bodies; a new case continues the numbering.
        assert CaseService(server, actor=on_server).search(desk_cases[0][2][:4])
        fresh = CaseService(server, actor=on_server).create(NewCase(title="迁移后登记的第一件", ip_type="patent",
                                                                     applicant=PartyInput("杨凌农机有限公司")))
        assert fresh.id == max(c[0] for c in desk_cases) + 1  # the id sequence moved past the copied ids
        same_year = [int(c[1].rsplit("-", 1)[1]) for c in desk_cases if c[1].split("-")[1] == fresh.number.split("-")[1]]
        assert int(fresh.number.rsplit("-", 1)[1]) == max(same_year, default=0) + 1  # numbering continues
    finally:
        desk.close()
        server.close()

    after = counts(url)
    refused = cli("store", "migrate-from", str(desk_store), "--url", url, "--json", files=files, check=False)
    assert refused.returncode == 1 and json.loads(refused.stderr)["reason"] == "store.target_not_empty"
    assert counts(url) == after


def test_setting_up_the_roles_again_after_the_server_cancelled_it_in_a_deadlock(pg_server, tmp_path: Path,
                                                                                monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """An autovacuum busy on a freshly copied store can deadlock with set-up's GRANTs; PostgreSQL then cancels the
    set-up transaction (nothing kept). ``secure_store`` makes it again, and the store ends up secured once."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    from qcy_workstation.db import server_roles
    from qcy_workstation.db.transfer import open_empty_server

    real, calls = server_roles.secure_server, []

    def cancelled_once(conn, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        if len(calls) == 1:
            raise OperationalError("GRANT ...", {}, psycopg.errors.DeadlockDetected("deadlock detected"))
        return real(conn, **kwargs)

    monkeypatch.setattr(server_roles, "secure_server", cancelled_once)
    monkeypatch.setattr(server_roles.time, "sleep", lambda _s: None)
    owner = open_empty_server(pg_server.new_database(template=None), files_dir=tmp_path / "files")
    try:
        made = server_roles.secure_store(owner)
        assert len(calls) == 2 and made["desk_url"] and owner.secured
    finally:
        owner.close()
