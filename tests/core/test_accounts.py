"""Story: the first start of a new store creates its administrator; staff then log in with their own
accounts. Passwords are Argon2id hashes, failed logins are delayed more and more (never locked out), names
are compared normalised (a trailing space or a tab makes nobody else), and a session token stops working
when it expires, is revoked, or its account is deactivated. Every refusal is coded and changes nothing."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select, update

from qcy_workstation.accounts import Principal, acting, normalise_name
from qcy_workstation.accounts.models import Account, LoginSession
from qcy_workstation.accounts.service import AccountService, failure_delay
from qcy_workstation.cases import audit
from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.models import AuditEvent
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.base import utcnow
from qcy_workstation.errors import PermissionDeniedError, ValidationError

PASSWORD = "秦岭 correct horse"


@pytest.fixture
def store(tmp_path: Path, open_test_store):  # type: ignore[no-untyped-def]
    s = open_test_store(tmp_path)
    yield s
    s.close()


@pytest.fixture
def slept() -> list[float]:
    return []


@pytest.fixture
def accounts(store, slept):  # type: ignore[no-untyped-def]
    return AccountService(store, sleep=slept.append)


def test_a_new_store_is_open_until_its_administrator_is_created(store, accounts) -> None:
    assert not accounts.has_accounts()
    assert acting(store, "张三").open_store  # a single-desk store without accounts: the name given acts
    admin = accounts.create_administrator("Admin", "王主任", PASSWORD)
    assert admin.roles == {"admin", "head"} and admin.login == "admin"
    with pytest.raises(PermissionDeniedError) as refused:
        acting(store, "王主任")  # from now on a name alone is nobody
    assert refused.value.reason == "auth.login_required"
    with pytest.raises(PermissionDeniedError) as again:
        accounts.create_administrator("other", "李四", PASSWORD)
    assert again.value.reason == "account.admin_exists"
    with pytest.raises(PermissionDeniedError):
        CaseService(store, "王主任").list()


def test_passwords_are_argon2id_and_rehashed_when_the_parameters_change(store, accounts) -> None:
    accounts.create_administrator("admin", "王主任", PASSWORD)
    with store.read() as s:
        stored = s.execute(select(Account.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    weak = PasswordHasher(time_cost=1, memory_cost=8 * 1024, parallelism=1).hash(PASSWORD)
    with store.write() as s:
        s.execute(update(Account).values(password_hash=weak))
    accounts.authenticate("admin", PASSWORD)
    with store.read() as s:
        rehashed = s.execute(select(Account.password_hash)).scalar_one()
    assert rehashed != weak and "m=65536" in rehashed


def test_login_names_and_staff_names_are_compared_normalised(store, accounts) -> None:
    admin = accounts.create_administrator("admin", "王主任", PASSWORD)
    assert accounts.authenticate("  ＡＤＭＩＮ ", PASSWORD).account_id == admin.account_id  # full-width, spaces
    assert normalise_name("张三\t") == normalise_name(" 张三 ") == "张三"
    assert admin.same_person("王主任 ") and admin.same_person("王主任\t") and not admin.same_person("王主")
    accounts.create(admin, "li", "李四", ["officer"], PASSWORD)
    with pytest.raises(ValidationError) as taken:
        accounts.create(admin, "li2", " 李四\t", ["officer"], PASSWORD)  # the same person's name, padded
    assert taken.value.reason == "account.name_taken"


def test_failed_logins_are_delayed_more_and_more_but_never_locked_out(store, accounts, slept) -> None:
    accounts.create_administrator("admin", "王主任", PASSWORD)
    reasons = []
    for _ in range(6):
        with pytest.raises(PermissionDeniedError) as failed:
            accounts.authenticate("admin", "wrong password")
        reasons.append(failed.value.reason)
    assert reasons == ["auth.failed"] * 6
    assert slept == [1.0, 2.0, 4.0]  # before the 4th, 5th and 6th answers: 2 ** (n - 3) seconds
    assert [failure_delay(n) for n in (0, 2, 3, 4, 10, 40)] == [0, 0, 1, 2, 30, 30]
    assert accounts.authenticate("admin", PASSWORD).name == "王主任"  # the right password still works
    slept.clear()
    with pytest.raises(PermissionDeniedError):
        accounts.authenticate("admin", "wrong again")
    assert slept == []  # a success reset the count
    with store.read() as s:
        actions = [a for (a,) in s.execute(select(AuditEvent.action).where(AuditEvent.entity == "account"))]
    assert actions.count("login_failed") == 7 and actions.count("login") == 1
    with pytest.raises(PermissionDeniedError) as unknown:
        accounts.authenticate("nobody", PASSWORD)
    assert unknown.value.reason == "auth.failed"  # the same answer: names cannot be probed


def test_password_rules_first_login_change_and_reset(store, accounts) -> None:
    admin = accounts.create_administrator("admin", "王主任", PASSWORD)
    with pytest.raises(ValidationError) as short:
        accounts.create(admin, "li", "李四", ["officer"], "short")
    assert short.value.reason == "account.password_short" and short.value.field == "password"
    accounts.create(admin, "li", "李四", ["officer"], "temporary-1234")
    li = accounts.authenticate("li", "temporary-1234")
    assert accounts.must_change_password(li)
    with pytest.raises(ValidationError) as same:
        accounts.change_password(li, "temporary-1234", "temporary-1234")
    assert same.value.reason == "account.password_same"
    accounts.change_password(li, "temporary-1234", "李四的新密码 2026")
    assert not accounts.must_change_password(li)
    accounts.reset_password(admin, "li", "reset-by-admin-1")
    assert accounts.must_change_password(accounts.authenticate("li", "reset-by-admin-1"))
    with pytest.raises(PermissionDeniedError) as not_admin:
        accounts.reset_password(li, "admin", "whatever-12345")
    assert not_admin.value.reason == "auth.forbidden"


def test_session_tokens_expire_are_revoked_and_die_with_their_account(store, accounts) -> None:
    admin = accounts.create_administrator("admin", "王主任", PASSWORD)
    accounts.create(admin, "li", "李四", ["officer"], PASSWORD, must_change=False)
    li = accounts.authenticate("li", PASSWORD)
    token, _expires = accounts.issue_token(li)
    assert accounts.resolve_token(token).name == "李四"
    with store.read() as s:  # only the token's hash is stored
        assert s.execute(select(LoginSession.token_sha256)).scalar_one() == hashlib.sha256(token.encode()).hexdigest()
    for bad, reason in (("not-a-token", "auth.token_invalid"), ("", "auth.token_invalid")):
        with pytest.raises(PermissionDeniedError) as refused:
            accounts.resolve_token(bad)
        assert refused.value.reason == reason
    with store.write() as s:
        s.execute(update(LoginSession).values(expires_at=utcnow() - timedelta(minutes=1)))
    with pytest.raises(PermissionDeniedError) as expired:
        accounts.resolve_token(token)
    assert expired.value.reason == "auth.token_expired"
    token2, _ = accounts.issue_token(li)
    accounts.revoke_token(token2)
    with pytest.raises(PermissionDeniedError) as revoked:
        accounts.resolve_token(token2)
    assert revoked.value.reason == "auth.token_invalid"
    token3, _ = accounts.issue_token(li)
    accounts.set_active(admin, "li", False)
    with pytest.raises(PermissionDeniedError) as removed:
        accounts.resolve_token(token3)
    assert removed.value.reason == "auth.token_invalid"
    with pytest.raises(PermissionDeniedError) as inactive:
        accounts.authenticate("li", PASSWORD)
    assert inactive.value.reason == "auth.inactive"


def test_an_administrator_cannot_lock_themselves_out(store, accounts) -> None:
    admin = accounts.create_administrator("admin", "王主任", PASSWORD)
    with pytest.raises(ValidationError) as own:
        accounts.set_active(admin, "admin", False)
    assert own.value.reason == "account.own_active"
    with pytest.raises(ValidationError) as roles:
        accounts.set_roles(admin, "admin", ["head"])
    assert roles.value.reason == "account.own_admin"


def test_every_write_is_attributed_to_the_account_not_to_a_typed_name(store, accounts) -> None:
    admin = accounts.create_administrator("admin", "王主任", PASSWORD)
    accounts.create(admin, "li", "李四", ["registrar"], PASSWORD, must_change=False)
    li = accounts.authenticate("li", PASSWORD)
    case = CaseService(store, li).create(NewCase(title="“秦岭”商标侵权", ip_type="trademark",
                                                  applicant=PartyInput("西安秦岭茶业有限公司")))
    with store.read() as s:
        event = s.execute(select(AuditEvent).where(AuditEvent.entity == "case", AuditEvent.action == "create")
                          ).scalar_one()
        assert event.actor == "李四" and case.created_by == "李四"
        assert audit.verify_chain(s) == []
    assert isinstance(li, Principal) and not li.open_store
