"""The server enforces confidentiality (issue 15 item 5), on a real PostgreSQL store set up like ``store
init-server`` sets one up: each account is its own database role and row-level security hides a
confidential case from a role that may not see it, however the client asks.

The story: the head registers a trade-secret case assigned to 张敏 with a contract as evidence. 刘洋, another
officer, takes his own database credentials (the login and password he types at the desk) into a modified
client, a bare SQLAlchemy connection: the case, its evidence, its rights, its search body and its audit
events are not there; updating it changes nothing; inserting evidence on it, granting himself access or
making himself head is refused. 张敏 and the head see it. Once the head grants 刘洋 access (with a reason) his
role sees it. Deactivating his account stops his role from logging in. The desk itself works as the
account's own role after the app's login, through the ordinary services."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from cli_runner import run_cli
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, OperationalError

from qcy_workstation.accounts.service import AccountService
from qcy_workstation.cases.dto import CaseFilter, NewCase, PartyInput, RightInput
from qcy_workstation.cases.evidence import EvidenceService
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.server_roles import NO_PASSWORD, account_role, secure_store, with_credentials
from qcy_workstation.db.store import open_store
from qcy_workstation.db.transfer import open_empty_server
from qcy_workstation.errors import NotFoundError, PermissionDeniedError

pytestmark = pytest.mark.postgresql_only

PASSWORD = "Qinchuangyuan-2026"
SECRET = "高温合金热处理曲线被前员工带走"


@pytest.fixture
def server_store(pg_server, tmp_path: Path) -> Any:  # type: ignore[no-untyped-def]
    """A store made as ``store init-server`` makes it: schema, roles, policies, the administrator."""
    files = tmp_path / "files"
    owner = open_empty_server(pg_server.new_database(template=None), files_dir=files)
    secured = secure_store(owner)
    root = AccountService(owner).create_administrator("root", "站长", PASSWORD)
    for login, name, roles in (("zhang", "张敏", ["officer"]), ("liu", "刘洋", ["officer"]),
                               ("chen", "陈洁", ["registrar"]), ("zhao", "赵磊", ["head"]), ("wang", "王芳", ["admin"])):
        AccountService(owner).create(root, login, name, roles, PASSWORD, must_change=False)
    gate = open_store(secured["desk_url"], files_dir=files)
    opened: list[Any] = [gate]

    def desk(login: str, password: str = PASSWORD) -> tuple[Any, Any]:
        """A desk's login: the app checks the password through the gate, then works as the account's role."""
        principal = AccountService(gate).authenticate(login, password)
        own = AccountService(gate).desk_store(principal, password)
        opened.append(own)
        return own, principal

    head_store, head = desk("zhao")
    cases = CaseService(head_store, head)
    secret = cases.create(NewCase(
        title=SECRET, ip_type="trade-secret", applicant=PartyInput("西安秦岭合金材料有限公司"), staff="张敏",
        received_on=date(2026, 11, 2),
        rights=(RightInput(kind="trade-secret", title="热处理工艺曲线", secret_description="保温温度与时间的组合曲线"),)))
    plain = cases.create(NewCase(title="“秦岭”商标侵权", ip_type="trademark", staff="刘洋",
                                 applicant=PartyInput("西安秦岭茶业有限公司"), received_on=date(2026, 11, 2)))
    contract = tmp_path / "保密协议.pdf"
    contract.write_bytes(b"%PDF-1.4 " + "竞业限制".encode() * 700)
    EvidenceService(head_store, head).add(secret.number, contract, source="企业提供")
    yield {"owner": owner, "gate": gate, "desk": desk, "root": root, "secret": secret, "plain": plain,
           "secured": secured, "files": files}
    for store in opened:
        store.close()
    owner.close()


def raw(world: dict[str, Any], login: str, password: str = PASSWORD) -> Any:
    """The modified client: a bare connection with the account's own database credentials."""
    owner = world["owner"]
    account = {a.login: a.id for a in AccountService(owner).list(world["root"])}[login]
    return create_engine(with_credentials(owner.url, account_role(owner.server_prefix, account), password))


def scalars_pairs(store: Any, sql: str) -> list[tuple[Any, Any]]:
    with store.read() as s:
        return [(a, b) for a, b in s.execute(text(sql))]


def scalars(engine: Any, sql: str, **params: Any) -> list[Any]:
    with engine.connect() as conn:
        return [r[0] for r in conn.execute(text(sql), params)]


def test_a_modified_client_cannot_read_or_touch_a_confidential_case(server_store: dict[str, Any]) -> None:
    secret, plain = server_store["secret"], server_store["plain"]
    liu = raw(server_store, "liu")
    try:
        assert scalars(liu, "SELECT number FROM cases") == [plain.number]
        assert scalars(liu, "SELECT count(*) FROM evidence WHERE case_id = :c", c=secret.id) == [0]
        assert scalars(liu, "SELECT count(*) FROM rights WHERE case_id = :c", c=secret.id) == [0]
        assert scalars(liu, "SELECT count(*) FROM case_fts WHERE rowid = :c", c=secret.id) == [0]
        assert scalars(liu, "SELECT count(*) FROM audit_events WHERE case_id = :c", c=secret.id) == [0]
        assert scalars(liu, "SELECT count(*) FROM case_keys WHERE case_id = :c", c=secret.id) == [0]
        assert not any(SECRET in str(d) for d in scalars(liu, "SELECT details FROM audit_events"))
        with liu.begin() as conn:  # an UPDATE finds no row it may see
            assert conn.execute(text("UPDATE cases SET title = 'x' WHERE id = :c"), {"c": secret.id}).rowcount == 0
        refused = [
            ("INSERT INTO evidence (case_id, sha256, original_name, size, source, description, received_on, added_at, "
             "added_by, row_version) VALUES (:c, 'x', 'x.pdf', 1, 'x', '', current_date, now(), '刘洋', 1)"),
            ("INSERT INTO case_access (case_id, account_id, reason, granted_by, granted_at) "
             "SELECT :c, id, '自己给自己', '刘洋', now() FROM accounts WHERE login = 'liu'"),
            "UPDATE accounts SET roles = 'head' WHERE login = 'liu'",
            "UPDATE cases SET confidential = false WHERE id = :c",  # no row: checked below that nothing moved
            "DELETE FROM audit_events",
        ]
        outcomes = []
        for sql in refused:
            try:
                with liu.begin() as conn:
                    outcomes.append(conn.execute(text(sql), {"c": secret.id}).rowcount)
            except DBAPIError as exc:
                outcomes.append(type(exc.orig).__name__)
        assert outcomes == ["InsufficientPrivilege", "InsufficientPrivilege", "InsufficientPrivilege", 0,
                            "InsufficientPrivilege"]
    finally:
        liu.dispose()
    with server_store["owner"].read() as s:  # the administrative view: the case and its evidence as they were
        assert s.execute(text("SELECT title, confidential FROM cases WHERE id = :c"),
                         {"c": secret.id}).one() == (SECRET, True)
        assert s.execute(text("SELECT count(*) FROM evidence WHERE case_id = :c"), {"c": secret.id}).scalar() == 1
        assert s.execute(text("SELECT roles FROM accounts WHERE login = 'liu'")).scalar() == "officer"
        assert s.execute(text("SELECT count(*) FROM case_access")).scalar() == 0


def test_what_hangs_off_a_confidential_case_through_other_rows_stays_hidden_too(server_store: dict[str, Any]) -> None:
    """A consultation logged on the secret case (and its search body), and the stored file of the case's document,
    are the case's content too: the modified client of an officer not on the case reads none of them, while an
    unlinked consultation stays visible to every desk."""
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.dto import NewConsultation
    from qcy_workstation.documents.service import DocumentService

    secret = server_store["secret"]
    head_store, head = server_store["desk"]("zhao")
    consults = ConsultationService(head_store, head)
    linked = consults.add(NewConsultation(channel="walk-in", enquirer="王工", topic="热处理曲线被带走怎么办",
                                          summary=SECRET, organisation="西安秦岭合金材料有限公司",
                                          case_number=secret.number))
    loose = consults.add(NewConsultation(channel="phone", enquirer="李经理", topic="商标续展期限"))
    draft = DocumentService(head_store, head).draft("advice-letter", secret.number)
    with server_store["owner"].write() as s:  # an issued file of that document, as issuing stores it
        s.execute(text("INSERT INTO document_files (document_id, format, sha256, size, created_at) "
                       "VALUES (:d, 'pdf', :h, 1, now())"), {"d": draft.id, "h": "0" * 64})
    liu = raw(server_store, "liu")
    try:
        assert scalars(liu, "SELECT id FROM consultations ORDER BY id") == [loose.id]
        assert scalars(liu, "SELECT count(*) FROM consultation_fts WHERE rowid = :c", c=linked.id) == [0]
        assert scalars(liu, "SELECT count(*) FROM consultation_fts WHERE rowid = :c", c=loose.id) == [1]
        assert scalars(liu, "SELECT count(*) FROM document_files") == [0]
        with liu.begin() as conn:  # nor can it move the consultation off the case to read it
            assert conn.execute(text("UPDATE consultations SET case_id = NULL WHERE id = :c"),
                                {"c": linked.id}).rowcount == 0
    finally:
        liu.dispose()
    zhang = raw(server_store, "zhang")  # the case's own officer sees all of it
    try:
        assert sorted(scalars(zhang, "SELECT id FROM consultations")) == sorted([linked.id, loose.id])
        assert scalars(zhang, "SELECT count(*) FROM document_files") == [1]
    finally:
        zhang.dispose()


def test_no_desk_reads_a_password_hash_and_none_overwrites_anothers(server_store: dict[str, Any]) -> None:
    """An officer's role and the gate's (whose password every desk's URL holds) read the accounts but not one
    password hash or key wrapping: taken home, the head's Argon2id hash could be guessed at offline. The server
    checks a password itself (SCRAM, at the login as the account's own role), and only then hands the role its
    own. Nor may an officer put his own hash on the head's account."""
    liu, gate = raw(server_store, "liu"), create_engine(server_store["secured"]["desk_url"])

    def refused(engine: Any, sql: str) -> str:
        try:
            with engine.begin() as conn:
                conn.execute(text(sql))
        except DBAPIError as exc:
            return type(exc.orig).__name__
        return "allowed"

    try:
        for engine in (liu, gate):
            assert "zhao" in scalars(engine, "SELECT login FROM accounts")
            assert refused(engine, "SELECT password_hash FROM accounts") == "InsufficientPrivilege"
            assert refused(engine, "SELECT key_wrap FROM accounts WHERE login = 'zhao'") == "InsufficientPrivilege"
            assert refused(engine, "SELECT * FROM accounts") == "InsufficientPrivilege"
        assert refused(gate, "SELECT * FROM qcy_own_secrets()") == "InsufficientPrivilege"
        own = scalars(liu, "SELECT password_hash FROM qcy_own_secrets()")
        assert len(own) == 1 and own[0].startswith("$argon2id$")
        assert refused(liu, "UPDATE accounts SET password_hash = 'x' WHERE login = 'zhao'") == "InsufficientPrivilege"
        assert refused(gate, "UPDATE accounts SET password_hash = 'x' WHERE login = 'zhao'") == "InsufficientPrivilege"
    finally:
        liu.dispose()
        gate.dispose()
    head_store, head = server_store["desk"]("zhao")  # the head still logs in, through the server's own check
    assert head.login == "zhao" and head_store.restricted
    with pytest.raises(PermissionDeniedError) as wrong:
        server_store["desk"]("zhao", "not-the-password-2026")
    assert wrong.value.reason == "auth.failed"


def test_the_parties_of_a_hidden_case_are_hidden_with_it(server_store: dict[str, Any]) -> None:
    """Who is in a trade-secret dispute is the case's content: the applicant only the confidential case names is
    not in an officer's parties, nor found by name; a party a visible case also names stays visible; once the
    case is no longer confidential its party is back. The conflict check still finds the hidden party (counted)."""
    secret = server_store["secret"]
    alloy, tea = "西安秦岭合金材料有限公司", "西安秦岭茶业有限公司"
    liu, zhang = raw(server_store, "liu"), raw(server_store, "zhang")
    try:
        assert scalars(liu, "SELECT name FROM parties ORDER BY id") == [tea]
        assert scalars(liu, "SELECT count(*) FROM parties WHERE name = :n", n=alloy) == [0]
        assert scalars(zhang, "SELECT count(*) FROM parties WHERE name = :n", n=alloy) == [1]
        head_store, head = server_store["desk"]("zhao")
        CaseService(head_store, head).create(NewCase(  # the same enterprise in a case every desk sees
            title="合金牌号商标咨询", ip_type="trademark", staff="刘洋", applicant=PartyInput(alloy),
            received_on=date(2026, 11, 3)))
        assert scalars(liu, "SELECT count(*) FROM parties WHERE name = :n", n=alloy) == [1]
        with server_store["owner"].write() as s:  # that case goes; the secret one is the only one naming it again
            s.execute(text("DELETE FROM cases WHERE title = '合金牌号商标咨询'"))
        assert scalars(liu, "SELECT count(*) FROM parties WHERE name = :n", n=alloy) == [0]
        with server_store["owner"].write() as s:
            s.execute(text("UPDATE cases SET confidential = false WHERE id = :c"), {"c": secret.id})
        assert scalars(liu, "SELECT count(*) FROM parties WHERE name = :n", n=alloy) == [1]
    finally:
        liu.dispose()
        zhang.dispose()


def test_every_table_that_names_a_case_is_row_secured(server_store: dict[str, Any]) -> None:
    """A table added later with a ``case_id`` (file_keys was missed once) is covered by a policy, and so is every
    table hanging off one through a parent row."""
    from qcy_workstation.db.server_roles import PARENT_TABLES

    with server_store["owner"].read() as s:
        naming = set(s.execute(text("SELECT table_name FROM information_schema.columns WHERE column_name = 'case_id' "
                                    "AND table_schema = current_schema()")).scalars())
        secured = set(s.execute(text("SELECT c.relname FROM pg_class c JOIN pg_policy p ON p.polrelid = c.oid "
                                     "WHERE c.relrowsecurity")).scalars())
    assert naming and naming | {"cases", "case_fts"} | {t for t, _c, _p in PARENT_TABLES} <= secured | {"cases"}
    assert "cases" in secured and "file_keys" in secured


def test_the_assigned_officer_and_the_head_see_it_and_a_grant_opens_it(server_store: dict[str, Any]) -> None:
    secret = server_store["secret"]
    for login in ("zhang", "zhao"):
        engine = raw(server_store, login)
        try:
            assert secret.number in scalars(engine, "SELECT number FROM cases")
            assert scalars(engine, "SELECT count(*) FROM evidence WHERE case_id = :c", c=secret.id) == [1]
        finally:
            engine.dispose()
    registrar = raw(server_store, "chen")
    try:
        assert secret.number not in scalars(registrar, "SELECT number FROM cases")
    finally:
        registrar.dispose()

    head_store, head = server_store["desk"]("zhao")
    CaseService(head_store, head).grant_access(secret.number, "liu", "协助核对保密协议条款")
    liu = raw(server_store, "liu")
    try:
        assert secret.number in scalars(liu, "SELECT number FROM cases")
        assert scalars(liu, "SELECT count(*) FROM evidence WHERE case_id = :c", c=secret.id) == [1]
    finally:
        liu.dispose()


def test_the_desk_works_as_the_accounts_own_role_through_the_services(server_store: dict[str, Any]) -> None:
    secret, plain = server_store["secret"], server_store["plain"]
    liu_store, liu = server_store["desk"]("liu")
    assert liu_store.session_role == account_role(liu_store.server_prefix, liu.account_id)
    assert liu_store.restricted
    cases = CaseService(liu_store, liu)
    assert {c.number for c in cases.list(CaseFilter(include_confidential=True), limit=50)} == {plain.number}
    assert cases.search("热处理") == []
    with pytest.raises(NotFoundError) as hidden:  # on the server it is not even there for him (SQLite says
        cases.get(secret.number)                  # case.confidential: the app found it and refused it)
    assert hidden.value.reason == "case.not_found"
    # Ordinary work goes on: his own case changes hands through the services, audited on the one chain.
    assert cases.transition(plain.number, "accepted").status == "accepted"
    zhang_store, zhang = server_store["desk"]("zhang")
    assert CaseService(zhang_store, zhang).get(secret.number).title == SECRET
    from qcy_workstation.db import audit

    with server_store["owner"].read() as s:
        assert audit.verify_chain(s) == []  # the desks' roles appended to the head they could not all see

    # Statistics count the confidential case without details: the administrator (not a head, so it may not
    # see the case) counts it through the figures views; an officer's role reads nothing from them.
    from qcy_workstation.stats.figures import StatsService

    admin_store, admin = server_store["desk"]("wang")  # an administrator only (the first one also heads)
    assert admin_store.restricted
    with pytest.raises(NotFoundError):
        CaseService(admin_store, admin).get(secret.number)
    figures = StatsService(admin_store).dashboard(principal=admin)
    assert figures.cases_by_type["trade-secret"] == 1 and figures.cases_by_type["trademark"] == 1
    liu_raw = raw(server_store, "liu")
    try:
        assert scalars(liu_raw, "SELECT count(*) FROM case_figures") == [0]
    finally:
        liu_raw.dispose()

    # The gate itself reads no case at all.
    gate = create_engine(server_store["secured"]["desk_url"])
    try:
        with pytest.raises(DBAPIError) as denied, gate.connect() as conn:
            conn.execute(text("SELECT count(*) FROM cases"))
        assert type(denied.value.orig).__name__ == "InsufficientPrivilege"
    finally:
        gate.dispose()


def test_a_conflict_with_a_hidden_case_is_still_found_on_the_server(
        server_store: dict[str, Any]) -> None:
    """刘洋 registers a new matter for 西安秦岭合金材料有限公司: the workstation already assists it in two
    confidential cases he may not see. The conflict check finds them as on a single desk (counted, no number,
    no title), though his role cannot read those cases; the case's own officer gets the number."""
    plain = server_store["plain"]
    head_store, head = server_store["desk"]("zhao")
    secret = CaseService(head_store, head).create(NewCase(
        title="合金配方被带到宝鸡", ip_type="trade-secret", staff="张敏", received_on=date(2026, 11, 3),
        applicant=PartyInput("西安秦岭合金材料有限公司"),
        opponent=PartyInput("宝鸡某特钢有限公司", address="宝鸡市渭滨区", phone="0917-1234567"),
        rights=(RightInput(kind="trade-secret", title="合金配方", secret_description="镍铬钼配比"),)))
    assert secret.confidential
    liu_store, liu = server_store["desk"]("liu")
    hits = CaseService(liu_store, liu).conflict_check("西安秦岭合金材料公司", "宝鸡某特钢有限公司")
    assert {(h.role_new, h.role_existing, h.kind, h.confidential, h.case_number, h.case_title) for h in hits} == {
        ("applicant", "applicant", "related", True, "", ""), ("opponent", "opponent", "related", True, "", "")}
    assert len([h for h in hits if h.role_new == "applicant"]) == 2  # both confidential cases, counted
    reversed_roles = CaseService(liu_store, liu).conflict_check("宝鸡某特钢有限公司", "西安秦岭合金材料有限公司")
    assert {h.kind for h in reversed_roles} == {"conflict"} and all(h.confidential for h in reversed_roles)
    assert [h.case_number for h in CaseService(liu_store, liu).conflict_check("西安秦岭茶业有限公司")] == [plain.number]
    zhang_store, zhang = server_store["desk"]("zhang")  # the case's own officer gets the number
    assert {h.case_number for h in CaseService(zhang_store, zhang).conflict_check("宝鸡某特钢有限公司")} == {secret.number}
    ids = dict(scalars_pairs(server_store["owner"], "SELECT name, id FROM parties"))
    liu_raw = raw(server_store, "liu")
    try:  # the server's function tells his modified client no more than the check does
        assert scalars(liu_raw, "SELECT count(*) FROM qcy_conflict_cases(ARRAY[:p], NULL) WHERE number <> ''",
                       p=ids["西安秦岭合金材料有限公司"]) == [0]
        assert scalars(liu_raw, "SELECT count(*) FROM qcy_conflict_cases(ARRAY[:p], NULL)",
                       p=ids["西安秦岭合金材料有限公司"]) == [2]
    finally:
        liu_raw.dispose()


def test_password_changes_and_deactivation_follow_the_account_to_its_role(server_store: dict[str, Any]) -> None:
    zhang_store, zhang = server_store["desk"]("zhang")
    AccountService(zhang_store).change_password(zhang, PASSWORD, "Weihe-River-2027")
    assert CaseService(zhang_store, zhang).get(server_store["secret"].number).title == SECRET  # reconnected
    with pytest.raises(OperationalError):
        raw(server_store, "zhang").connect().close()
    raw(server_store, "zhang", "Weihe-River-2027").connect().close()

    liu = raw(server_store, "liu")
    held = liu.connect()  # a connection open when the account is deactivated is ended too
    root_store, root = server_store["desk"]("root")
    AccountService(root_store).set_active(root, "liu", False)
    with pytest.raises(OperationalError):
        liu.connect().close()
    with pytest.raises(DBAPIError):
        held.execute(text("SELECT 1"))
    liu.dispose()
    with pytest.raises(PermissionDeniedError) as refused:  # and the app says so at the desk
        server_store["desk"]("liu")
    assert refused.value.reason == "auth.inactive"

    # An officer cannot manage another account's role, even with his own credentials and a bare connection.
    engine = raw(server_store, "zhang", "Weihe-River-2027")
    try:
        with pytest.raises(DBAPIError) as denied, engine.begin() as conn:
            conn.execute(text("SELECT qcy_account_role(id, NULL, true) FROM accounts WHERE login = 'liu'"))
        assert type(denied.value.orig).__name__ == "InsufficientPrivilege"
    finally:
        engine.dispose()


def test_an_officers_search_pages_through_what_he_may_see_newest_first(server_store: dict[str, Any]) -> None:
    """A desk's role searches through the server's own lookup (``qcy_fts_ids``): newest first, page by page, the
    confidential cases of others left out, and filters besides the text (which leave the first lookup's page
    short) asked again until the page is full. The owner's connection, which no policy narrows, is the reference."""
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.dto import ConsultationFilter, NewConsultation

    head_store, head = server_store["desk"]("zhao")
    cases = CaseService(head_store, head)
    made = []
    for i in range(36):  # a common word in every title; every third case confidential to 张敏; a few accepted
        made.append(cases.create(NewCase(
            title=f"猕猴桃包装外观设计第{i}号", ip_type="patent", staff="张敏" if i % 3 == 0 else "刘洋",
            applicant=PartyInput("周至县猕猴桃协会"), received_on=date(2026, 11, 3),
            confidential=i % 3 == 0)))
        ConsultationService(head_store, head).add(NewConsultation(
            channel="phone", enquirer="王经理", topic=f"猕猴桃包装咨询{i}", case_number=made[-1].number))
    for case in made[1:4] + made[30:]:  # only the oldest and newest few accepted: a filter that skips most
        cases.transition(case.number, "accepted")
    liu_store, liu = server_store["desk"]("liu")
    officer = CaseService(liu_store, liu)
    seen = [c.number for c in reversed(made) if c.staff == "刘洋"]  # newest first
    assert [r.number for r in officer.search("猕猴桃", limit=10)] == seen[:10]
    assert [r.number for r in officer.list(CaseFilter(text="猕猴桃"), offset=10, limit=10)] == seen[10:20]
    accepted = [c.number for c in reversed(made[1:4] + made[30:]) if c.staff == "刘洋"]
    assert [r.number for r in officer.list(CaseFilter(text="猕猴桃", status="accepted"), limit=5)] == accepted[:5]
    assert officer.count(CaseFilter(text="猕猴桃")) == len(seen) == 24
    assert [r.number for r in officer.list(CaseFilter(text="外观 第7号"), limit=5)] == [made[7].number]
    assert officer.list(CaseFilter(text="第9号"), limit=5) == []  # his colleague's confidential case
    topics = [c.topic for c in ConsultationService(liu_store, liu).list(ConsultationFilter(text="猕猴桃"), limit=30)]
    assert topics == [f"猕猴桃包装咨询{i}" for i in reversed(range(36)) if i % 3][:30]
    assert ConsultationService(liu_store, liu).count(ConsultationFilter(text="包装咨询")) == 24
    owner = CaseService(server_store["owner"], head)
    assert [r.number for r in owner.search("猕猴桃", limit=60)] == [c.number for c in reversed(made)]


def test_the_command_line_works_as_the_accounts_own_role(server_store: dict[str, Any], tmp_path: Path) -> None:
    """The command line is given the account's own role (``login`` names it) with the password from libpq's
    usual places (``PGPASSWORD`` here, ``~/.pgpass`` at a desk); through the gate it reads no case, and a
    token used over another account's role is refused."""
    import json
    import os
    import subprocess

    from sqlalchemy.engine import make_url

    owner, secret, plain = server_store["owner"], server_store["secret"], server_store["plain"]

    def cli(db: str, *args: str, token: str = "", stdin: str | None = None) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "QCY_TOKEN": token, "QCY_FILES": str(server_store["files"]), "PGPASSWORD": PASSWORD,
               "QCY_CONFIG_DIR": str(tmp_path / "config")}
        return run_cli(["--db", db, *args, "--json"],
                              capture_output=True, text=True, timeout=120, env=env, input=stdin)

    gate = server_store["secured"]["desk_url"]
    first = json.loads(cli(gate, "login", "--user", "liu", "--password-stdin", "--print-token",
                           stdin=PASSWORD + "\n").stdout)
    ids = {a.login: a.id for a in AccountService(owner).list(server_store["root"])}
    assert first["database_role"] == account_role(owner.server_prefix, ids["liu"])
    refused = cli(gate, "cases", "list", token=first["token"])
    assert refused.returncode == 1 and json.loads(refused.stderr)["reason"] == "store.permission_denied"

    own = make_url(owner.url).set(username=first["database_role"], password=None).render_as_string()
    token = json.loads(cli(own, "login", "--user", "liu", "--password-stdin", "--print-token",
                           stdin=PASSWORD + "\n").stdout)["token"]
    listed = json.loads(cli(own, "cases", "list", token=token).stdout)
    assert {c["number"] for c in listed} == {plain.number} and secret.number not in json.dumps(listed)

    zhang_role = make_url(owner.url).set(username=account_role(owner.server_prefix, ids["zhang"]),
                                         password=None).render_as_string()
    mixed = cli(zhang_role, "cases", "list", token=token)  # 刘洋's session over 张敏's role
    assert mixed.returncode == 1 and json.loads(mixed.stderr)["reason"] == "auth.staff_mismatch"


def test_a_role_without_a_password_gets_it_at_a_login_with_the_administrative_url(
        server_store: dict[str, Any]) -> None:
    """Accounts copied by ``migrate-from`` have roles without passwords (the store keeps only Argon2id hashes):
    the desk says so (``auth.server_role``) until the account logs in once with the administrative URL."""
    owner = server_store["owner"]
    ids = {a.login: a.id for a in AccountService(owner).list(server_store["root"])}
    role = account_role(owner.server_prefix, ids["chen"])
    with owner.engine.begin() as conn:  # as migrate-from leaves it: no password, and marked so
        conn.exec_driver_sql(f'ALTER ROLE "{role}" PASSWORD NULL')
        conn.exec_driver_sql(f"COMMENT ON ROLE \"{role}\" IS '{NO_PASSWORD}'")
    with pytest.raises(PermissionDeniedError) as refused:
        server_store["desk"]("chen")
    assert refused.value.reason == "auth.server_role"
    AccountService(owner).authenticate("chen", PASSWORD)
    chen_store, chen = server_store["desk"]("chen")
    assert chen_store.session_role == account_role(owner.server_prefix, ids["chen"])


@pytest.mark.parametrize("password", ["Qinchuangyuan-2026", "秦创原　知识产权\u00ad2026", "ｆｕｌｌwidth-2026"])
def test_the_verifier_made_on_the_desk_is_the_one_the_server_makes(pg_server, password: str) -> None:
    """The desk's SCRAM verifier (SASLprep included: an ideographic space, a soft hyphen, full-width letters)
    lets libpq log in with the password as typed."""
    import secrets as _secrets

    from qcy_workstation.db.server_roles import scram_verifier

    role = "qcy_verifier_" + _secrets.token_hex(4)
    pg_server.execute(f"CREATE ROLE {role} LOGIN PASSWORD '{scram_verifier(password)}'")
    try:
        engine = create_engine(with_credentials(pg_server.url_of("postgres"), role, password))
        try:
            with engine.connect() as conn:
                assert conn.execute(text("SELECT session_user")).scalar() == role
        finally:
            engine.dispose()
    finally:
        pg_server.execute(f"DROP ROLE {role}")
