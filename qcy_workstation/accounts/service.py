"""Accounts: the first administrator, logins with progressive delay, passwords (Argon2id), session tokens.

Why Argon2id through ``argon2-cffi``: a copied store must not give away passwords; its parameters are
chosen so a login stays under 500 ms on an office PC (``benchmarks/bench_login.py``), and a hash made with
older parameters is re-hashed at the next successful login.
Failed logins are delayed progressively, never locked out (a locked-out head cannot issue anything): the
n-th consecutive failure waits ``min(2 ** (n - 3), 30)`` seconds before the next attempt is answered.
"""

from __future__ import annotations

import hashlib
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import select

from qcy_workstation.accounts import case_keys, keys
from qcy_workstation.accounts.keys import KeyRing
from qcy_workstation.accounts.models import Account, LoginSession, StoreKey
from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import (
    ROLES,
    Principal,
    mark_closed,
    normalise_name,
    store_has_accounts,
)
from qcy_workstation.db import audit, server_roles
from qcy_workstation.db.base import utcnow
from qcy_workstation.db.store import Store
from qcy_workstation.errors import NotFoundError, PermissionDeniedError, StoreError, ValidationError

MIN_PASSWORD = 10
SESSION_HOURS = 12
HASHER = PasswordHasher(time_cost=2, memory_cost=64 * 1024, parallelism=2)  # ~60-120 ms here; see the benchmark


def failure_delay(failed: int) -> float:
    """Seconds to wait before answering after ``failed`` consecutive failures (0 for the first two)."""
    return 0.0 if failed < 3 else float(min(2 ** (failed - 3), 30))


@dataclass(frozen=True)
class AccountView:
    id: int
    login: str
    display_name: str
    roles: tuple[str, ...]
    active: bool
    must_change: bool
    demo: bool
    last_login_at: datetime | None


def _view(a: Account) -> AccountView:
    return AccountView(a.id, a.login, a.display_name, tuple(r for r in a.roles.split(",") if r), a.active,
                       a.must_change, a.demo, a.last_login_at)


def _principal(a: Account, ring: KeyRing | None = None) -> Principal:
    return Principal(name=a.display_name, roles=frozenset(r for r in a.roles.split(",") if r), account_id=a.id,
                     login=a.login, demo=a.demo, keys=ring)


def _new_store_key(s: object, by: str) -> KeyRing:
    """A new data key for a store that has none, with its recovery wrapping (the recovery key is handed out
    once, through ``KeyRing.take_recovery_key``)."""
    data_key, recovery = keys.new_data_key(), keys.new_recovery_key()
    s.add(StoreKey(purpose="recovery", key_id=keys.key_id(data_key),  # type: ignore[attr-defined]
                   wrapped=keys.wrap_for_recovery(data_key, recovery), created_by=by))
    case_keys.set_recovery_pair(s, recovery, by)
    audit.record(s, actor=by, action="data_key_create", entity="store", entity_id="data_key",
                 details={"key_id": keys.key_id(data_key)})
    return KeyRing(data_key, recovery)


def _give_pair(acc: Account, ring: KeyRing) -> None:
    """A new X25519 key pair for ``acc``: the public half on the row, the private half in ``ring`` (wrapped
    with the data key by the caller)."""
    private, public = keys.new_key_pair()
    acc.public_key = keys.public_text(public)
    ring.private_key = private


def _has_store_key(s: object) -> bool:
    return s.execute(select(StoreKey.id).where(StoreKey.purpose == "recovery")).first() is not None  # type: ignore[attr-defined]


def _login_key(login: str) -> str:
    return normalise_name(login).lower()


def _check_login(login: str) -> str:
    key = _login_key(login)
    if not key or len(key) > 60 or any(ch.isspace() for ch in key):
        raise ValidationError("a login name is 1-60 characters without spaces", field="login", value=login,
                              reason="account.login_format")
    return key


def _check_password(password: str, field: str = "password") -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError(f"a password has at least {MIN_PASSWORD} characters", field=field,
                              reason="account.password_short", params={"min": MIN_PASSWORD})


def _check_roles(roles: tuple[str, ...] | list[str]) -> str:
    bad = [r for r in roles if r not in ROLES]
    if bad or not roles:
        raise ValidationError("roles must be some of " + ", ".join(ROLES), field="roles", value=list(roles),
                              reason="account.roles", params={"roles": ", ".join(ROLES)})
    return ",".join(r for r in ROLES if r in roles)


class AccountService:
    """Accounts of one store. ``sleep`` is injectable so tests measure the login delay without waiting."""

    def __init__(self, store: Store, *, sleep: Callable[[float], None] = time.sleep) -> None:
        self.store = store
        self.sleep = sleep

    # ------------------------------------------------------------------ set-up

    def has_accounts(self) -> bool:
        return store_has_accounts(self.store)

    def create_administrator(self, login: str, display_name: str, password: str) -> Principal:
        """The first account of a store (first start): an administrator who may also head the workstation.
        Refused once any account exists. The store's data key is made here, wrapped for this password and
        under a new recovery key: ``principal.keys.take_recovery_key()`` gives that key once, to show."""
        key = _check_login(login)
        name = normalise_name(display_name)
        if not name:
            raise ValidationError("the display name is empty", field="display_name", reason="account.name_empty")
        _check_password(password)
        with self.store.write() as s:
            if s.execute(select(Account.id).limit(1)).first() is not None:
                raise PermissionDeniedError("this store already has an administrator", field="login",
                                            reason="account.admin_exists")
            acc = Account(login=key, display_name=name, roles="head,admin", password_hash=HASHER.hash(password),
                          must_change=False, created_by=name)
            s.add(acc)
            s.flush()
            audit.record(s, actor=name, action="account_create", entity="account", entity_id=acc.id,
                         details={"login": key, "roles": acc.roles, "first": True})
            self._sync_role(s, acc.id, password=password, active=True)
            ring = _new_store_key(s, name)
            _give_pair(acc, ring)
            acc.key_wrap = keys.wrap_for_password(ring.secret, password, acc.id)
            principal = _principal(acc, ring)
        mark_closed(self.store)
        return principal

    def create(self, actor: Principal, login: str, display_name: str, roles: list[str] | tuple[str, ...],
               password: str, *, demo: bool = False, must_change: bool = True) -> AccountView:
        """A new account (administrators only); the person changes the password at the first login. The
        store's data key the administrator holds is wrapped for the first password (without it the account
        cannot open encrypted files until an administrator holding the key resets its password)."""
        require(actor, "accounts.manage")
        key = _check_login(login)
        name = normalise_name(display_name)
        if not name:
            raise ValidationError("the display name is empty", field="display_name", reason="account.name_empty")
        role_text = _check_roles(roles)
        _check_password(password)
        with self.store.write() as s:
            taken = s.execute(select(Account).where(Account.login == key)).scalar()
            if taken is not None:
                raise ValidationError(f"the login name {key} is taken", field="login", value=login,
                                      reason="account.login_taken", params={"login": key})
            same_name = s.execute(select(Account).where(Account.display_name == name)).scalar()
            if same_name is not None:  # cases and drafts record names: two people may not share one
                raise ValidationError(f"another account is already called {name}", field="display_name",
                                      value=name, reason="account.name_taken", params={"name": name})
            acc = Account(login=key, display_name=name, roles=role_text, password_hash=HASHER.hash(password),
                          must_change=must_change, demo=demo, created_by=actor.name)
            s.add(acc)
            s.flush()
            if actor.keys is not None:
                ring = KeyRing(actor.keys.data_key)
                _give_pair(acc, ring)
                acc.key_wrap = keys.wrap_for_password(ring.secret, password, acc.id)
            audit.record(s, actor=actor.name, action="account_create", entity="account", entity_id=acc.id,
                         details={"login": key, "roles": role_text, "demo": demo})
            self._sync_role(s, acc.id, password=password, active=True)
            view = _view(acc)
        mark_closed(self.store)
        return view

    # ------------------------------------------------------------------ logins

    def authenticate(self, login: str, password: str) -> Principal:
        """Check a password. Wrong or unknown: ``auth.failed`` (which of the two is not said), after the
        delay earned by earlier failures; an inactive account: ``auth.inactive``. The principal holds the
        store's data key unwrapped with the password (``principal.keys``; None when the account has no
        wrapping). An administrator logging in to a store made before encryption makes its data key (and a
        recovery key, given once by ``principal.keys.take_recovery_key()``)."""
        key = _login_key(login)
        with self.store.read() as s:
            row = s.execute(select(Account.id, Account.active, Account.failed_count).where(Account.login == key)).first()
        acc = row._asdict() if row is not None else None
        failed = acc["failed_count"] if acc is not None else 0
        delay = failure_delay(failed)
        if delay:
            self.sleep(delay)
        if acc is None:
            HASHER.hash(password or "x")  # same time as a wrong password: the answer does not tell names apart
            self._record_failure(None, key, "unknown")
            raise PermissionDeniedError("wrong login name or password", field="password", reason="auth.failed")
        writer = self.store
        if self.store.restricted:  # a desk's or the gate's role on a secured server reads no hash (server_roles)
            password_hash, key_wrap, writer = self._proved_on_server(acc, key, password, failed)
        else:
            with self.store.read() as s:
                password_hash, key_wrap = s.execute(select(Account.password_hash, Account.key_wrap)
                                                    .where(Account.id == acc["id"])).one()
        try:
            try:
                HASHER.verify(password_hash, password or "")
            except (VerifyMismatchError, VerificationError, InvalidHashError):
                self._record_failure(acc["id"], key, "password")
                raise PermissionDeniedError("wrong login name or password", field="password", reason="auth.failed",
                                            params={"delay": failure_delay(failed + 1)}) from None
            if not acc["active"]:
                self._record_failure(acc["id"], key, "inactive")
                raise PermissionDeniedError("this account is no longer active", field="login",
                                            reason="auth.inactive")
            return self._logged_in(writer, acc["id"], password, password_hash, key_wrap)
        finally:
            if writer is not self.store:
                writer.close()

    def _logged_in(self, writer: Store, account_id: int, password: str, password_hash: str,
                   key_wrap: str | None) -> Principal:
        """The checked login's writes (a rehash, the key pair of an older account, the audit event), made by
        ``writer``: on a secured server the account's own role, since the gate may not write a hash."""
        with writer.write() as s:
            row = s.get(Account, account_id)
            assert row is not None
            if HASHER.check_needs_rehash(password_hash):
                row.password_hash = HASHER.hash(password)
            row.failed_count = 0
            row.last_login_at = utcnow()
            audit.record(s, actor=row.display_name, action="login", entity="account", entity_id=row.id)
            if writer.secured and not writer.restricted:  # the administrative URL (an account copied by
                self._sync_role(s, row.id, password=password, active=True)  # migrate-from gets its role's password)
            ring = keys.ring_from(keys.unwrap_with_password(key_wrap, password, row.id))
            if ring is None and "admin" in row.roles.split(",") and not _has_store_key(s):
                ring = _new_store_key(s, row.display_name)
                _give_pair(row, ring)
                row.key_wrap = keys.wrap_for_password(ring.secret, password, row.id)
            elif ring is not None and ring.private_key is None:  # an account from before per-case keys
                _give_pair(row, ring)
                row.key_wrap = keys.wrap_for_password(ring.secret, password, row.id)
                audit.record(s, actor=row.display_name, action="key_pair_create", entity="account",
                             entity_id=row.id)
            return _principal(row, ring)

    def _proved_on_server(self, acc: dict[str, object], key: str, password: str,
                          failed: int) -> tuple[str, str | None, Store]:
        """The password checked by the server itself (a login as the account's own role), then the account's
        hash and key wrapping read as that role, and a store of that role for the login's writes."""
        own = self.own_role(int(acc["id"]))  # type: ignore[call-overload]
        assert own is not None
        with self.store.read() as s:
            state = server_roles.role_state(s, own)
        if state != "ready" and acc["active"]:
            raise PermissionDeniedError(
                f"the database role {own} of this account has no password on the server yet: an administrator "
                "resets its password once (accounts reset-password) to set it", field="login", value=key,
                reason="auth.server_role", params={"role": own, "login": key})
        try:
            password_hash, key_wrap = server_roles.own_secrets(self.store.url, own, password)
        except server_roles.ServerLoginRefused as refused:
            if refused.why == "cannot_login" and not acc["active"]:  # the right password, a deactivated account
                self._record_failure(acc["id"], key, "inactive")  # type: ignore[arg-type]
                raise PermissionDeniedError("this account is no longer active", field="login",
                                            reason="auth.inactive") from None
            self._record_failure(acc["id"], key, "password")  # type: ignore[arg-type]
            raise PermissionDeniedError("wrong login name or password", field="password", reason="auth.failed",
                                        params={"delay": failure_delay(failed + 1)}) from None
        except StoreError:
            raise
        except Exception as exc:  # the server went away between the two connections
            raise StoreError(f"the server could not check the password: {exc}") from exc
        if self.store.session_role == own:
            return password_hash, key_wrap, self.store
        from qcy_workstation.db.store import open_store

        return password_hash, key_wrap, open_store(server_roles.with_credentials(self.store.url, own, password),
                                                   files_dir=self.store.files_dir)

    # ------------------------------------------------------------------ the server's own roles (issue 15 item 5)

    def own_role(self, account_id: int | None) -> str | None:
        """The account's database role on a secured server store (None elsewhere)."""
        if self.store.server_prefix is None or account_id is None:
            return None
        return server_roles.account_role(self.store.server_prefix, account_id)

    def _sync_role(self, s: object, account_id: int, *, password: str | None, active: bool) -> None:
        """On a secured server store the account's database role follows the account (db/server_roles.py)."""
        if self.store.secured:
            server_roles.sync_account(s, account_id, password=password, active=active)

    def desk_store(self, principal: Principal, password: str) -> Store:
        """The store this desk works in once ``principal`` logged in with ``password``: on a secured server
        store a new connection as the account's own database role (the server then hides what the account
        may not see, whatever the client does); anywhere else the same store. A role that cannot log in (an
        account copied by ``migrate-from`` whose password was not set since): ``auth.server_role``."""
        own = self.own_role(principal.account_id)
        if own is None or self.store.session_role == own:
            return self.store
        from qcy_workstation.db.store import open_store

        try:
            return open_store(server_roles.with_credentials(self.store.url, own, password),
                              files_dir=self.store.files_dir)
        except StoreError as exc:
            raise PermissionDeniedError(
                f"the server refused the database role {own} of this account: an administrator resets its "
                "password once (accounts reset-password) to set it", field="login", value=principal.login,
                reason="auth.server_role", params={"role": own, "login": principal.login}) from exc

    def _record_failure(self, account_id: int | None, login: str, why: str) -> None:
        with self.store.write() as s:
            if account_id is not None:
                row = s.get(Account, account_id)
                if row is not None:
                    row.failed_count += 1
                    row.last_failed_at = utcnow()
            audit.record(s, actor=login[:100], action="login_failed", entity="account",
                         entity_id=account_id or "", details={"login": login, "why": why})

    def must_change_password(self, principal: Principal) -> bool:
        with self.store.read() as s:
            acc = s.get(Account, principal.account_id) if principal.account_id else None
            return bool(acc and acc.must_change)

    def change_password(self, principal: Principal, old: str, new: str) -> None:
        """The account's own password (the old one is asked again); the new one differs and is long enough.
        The data key is re-wrapped for the new password (and the principal keeps holding it)."""
        if principal.account_id is None:
            raise PermissionDeniedError("no account to change", field="account", reason="auth.login_required")
        _check_password(new, "new_password")
        if new == old:
            raise ValidationError("the new password is the old one", field="new_password",
                                  reason="account.password_same")
        checked = self.authenticate(principal.login, old)
        with self.store.write() as s:
            row = s.get(Account, principal.account_id)
            assert row is not None
            row.password_hash = HASHER.hash(new)
            row.must_change = False
            ring = checked.keys or principal.keys
            row.key_wrap = keys.wrap_for_password(ring.secret, new, row.id) if ring is not None else None
            audit.record(s, actor=principal.name, action="password_change", entity="account", entity_id=row.id)
            self._sync_role(s, row.id, password=new, active=row.active)
        own = self.own_role(principal.account_id)
        if own is not None and self.store.session_role == own:  # this desk's next connections use the new one
            self.store.reconnect(server_roles.with_credentials(self.store.url, own, new))

    def reset_password(self, actor: Principal, login: str, password: str) -> None:
        """An administrator sets a new password; the person must change it at the next login. The data key
        the administrator holds is wrapped for the new password (an administrator without it leaves the
        account without a key: it cannot open encrypted files until reset by one who holds it)."""
        require(actor, "accounts.manage")
        _check_password(password)
        with self.store.write() as s:
            row = self._row(s, login)
            row.password_hash = HASHER.hash(password)
            # the administrator cannot know the account's private key: it gets a new pair, and the case keys
            # wrapped to its old one are wrapped to the new one by this administrator where it holds them
            if actor.keys is not None:
                ring = KeyRing(actor.keys.data_key)
                _give_pair(row, ring)
                row.key_wrap = keys.wrap_for_password(ring.secret, password, row.id)
                case_keys.rewrap_for(s, row, actor, by=actor.name)
            else:
                row.key_wrap = None
            row.must_change = True
            row.failed_count = 0
            audit.record(s, actor=actor.name, action="password_reset", entity="account", entity_id=row.id)
            self._sync_role(s, row.id, password=password, active=row.active)

    def set_roles(self, actor: Principal, login: str, roles: list[str] | tuple[str, ...]) -> AccountView:
        require(actor, "accounts.manage")
        role_text = _check_roles(roles)
        with self.store.write() as s:
            row = self._row(s, login)
            if row.id == actor.account_id and "admin" not in role_text.split(","):
                raise ValidationError("you cannot remove your own administrator role", field="roles",
                                      reason="account.own_admin")
            before = row.roles
            row.roles = role_text
            audit.record(s, actor=actor.name, action="account_roles", entity="account", entity_id=row.id,
                         details={"roles": [before, role_text]})
            return _view(row)

    def set_active(self, actor: Principal, login: str, active: bool) -> AccountView:
        """Deactivate (or reactivate) an account: its sessions end; its name stays on what it did."""
        require(actor, "accounts.manage")
        with self.store.write() as s:
            row = self._row(s, login)
            if row.id == actor.account_id and not active:
                raise ValidationError("you cannot deactivate your own account", field="login",
                                      reason="account.own_active")
            row.active = active
            if not active:
                for sess in s.execute(select(LoginSession).where(LoginSession.account_id == row.id)).scalars():
                    sess.revoked, sess.key_wrap = True, None  # the session's wrapping of the data key goes too
            audit.record(s, actor=actor.name, action="account_active", entity="account", entity_id=row.id,
                         details={"active": active})
            self._sync_role(s, row.id, password=None, active=active)
            return _view(row)

    def list(self, actor: Principal) -> list[AccountView]:
        require(actor, "accounts.manage")
        with self.store.read() as s:
            return [_view(a) for a in s.execute(select(Account).order_by(Account.id)).scalars()]

    def demo_logins(self) -> list[str]:
        """Login names of the active demo accounts (the login dialog of a demo store names them)."""
        with self.store.read() as s:
            return [n for (n,) in s.execute(select(Account.login).where(Account.demo.is_(True),
                                                                        Account.active.is_(True))
                                            .order_by(Account.id))]

    def names(self) -> list[str]:
        """Display names of active accounts (for choosing a case officer)."""
        with self.store.read() as s:
            return [n for (n,) in s.execute(select(Account.display_name).where(Account.active.is_(True))
                                            .order_by(Account.display_name))]

    @staticmethod
    def _row(s: object, login: str) -> Account:
        row = s.execute(select(Account).where(Account.login == _login_key(login))).scalar()  # type: ignore[attr-defined]
        if row is None:
            raise NotFoundError(f"no account {login}", field="login", value=login, reason="account.not_found",
                                params={"login": login})
        return row  # type: ignore[no-any-return]

    # ------------------------------------------------------------------ session tokens (the CLI)

    def issue_token(self, principal: Principal, hours: int = SESSION_HOURS) -> tuple[str, datetime]:
        """A session token for the CLI (only its SHA-256 is stored) and when it expires (UTC)."""
        if principal.account_id is None:
            raise PermissionDeniedError("no account", field="account", reason="auth.login_required")
        token = secrets.token_urlsafe(32)
        expires = utcnow() + timedelta(hours=hours)
        wrapped = keys.wrap_for_token(principal.keys.secret, token) if principal.keys is not None else None
        with self.store.write() as s:
            s.add(LoginSession(token_sha256=hashlib.sha256(token.encode()).hexdigest(),
                               account_id=principal.account_id, expires_at=expires, key_wrap=wrapped))
        return token, expires

    def resolve_token(self, token: str) -> Principal:
        """The account a token stands for: refused when unknown, expired, revoked or the account inactive.
        The principal holds the data key the session was given at login (unwrapped with the token)."""
        digest = hashlib.sha256((token or "").strip().encode()).hexdigest()
        with self.store.read() as s:
            row = s.execute(select(LoginSession, Account).join(Account, Account.id == LoginSession.account_id)
                            .where(LoginSession.token_sha256 == digest)).first()
            if row is None or row[0].revoked:
                raise PermissionDeniedError("the session is not valid: log in again", field="token",
                                            reason="auth.token_invalid")
            sess, acc = row
            if sess.expires_at <= utcnow():
                raise PermissionDeniedError("the session has expired: log in again", field="token",
                                            reason="auth.token_expired")
            if not acc.active:
                raise PermissionDeniedError("this account is no longer active", field="token", reason="auth.inactive")
            return _principal(acc, keys.ring_from(keys.unwrap_with_token(sess.key_wrap, token)))

    def revoke_token(self, token: str) -> None:
        digest = hashlib.sha256((token or "").strip().encode()).hexdigest()
        with self.store.write() as s:
            for sess in s.execute(select(LoginSession).where(LoginSession.token_sha256 == digest)).scalars():
                sess.revoked, sess.key_wrap = True, None

    # ------------------------------------------------------------------ the recovery key

    def recover(self, login: str, recovery_key: str, new_password: str) -> Principal:
        """An administrator who lost the password (or a store whose key holders all did): the recovery key
        shown at set-up sets a new password for ``login`` (an administrator account) and wraps the data key
        for it. A wrong key: ``crypto.recovery_key``, nothing changed. Audited; the account's sessions end."""
        _check_password(new_password, "new_password")
        with self.store.write() as s:
            row = self._row(s, login)
            if "admin" not in row.roles.split(","):
                raise PermissionDeniedError("the recovery key restores an administrator account", field="login",
                                            reason="auth.forbidden", params={"action": "accounts.recover",
                                                                             "action_zh": "恢复密钥",
                                                                             "account": row.display_name})
            stored = s.execute(select(StoreKey).where(StoreKey.purpose == "recovery")).scalar()
            data_key = keys.unwrap_with_recovery(stored.wrapped if stored is not None else None, recovery_key)
            row.password_hash = HASHER.hash(new_password)
            ring = KeyRing(data_key)
            _give_pair(row, ring)  # the old private key went with the password: case keys come back by recovery
            row.key_wrap = keys.wrap_for_password(ring.secret, new_password, row.id)
            case_keys.recover_for(s, row, recovery_key, by=row.display_name)
            row.must_change, row.failed_count, row.active = False, 0, True
            for sess in s.execute(select(LoginSession).where(LoginSession.account_id == row.id)).scalars():
                sess.revoked, sess.key_wrap = True, None
            audit.record(s, actor=row.display_name, action="key_recovery", entity="account", entity_id=row.id,
                         details={"login": row.login})
            self._sync_role(s, row.id, password=new_password, active=True)
            return _principal(row, ring)

    def new_recovery_key(self, actor: Principal) -> str:
        """A new recovery key (the old one stops working), shown once; administrators holding the key."""
        require(actor, "accounts.manage")
        data_key = keys.data_key_of(actor)
        recovery = keys.new_recovery_key()
        with self.store.write() as s:
            stored = s.execute(select(StoreKey).where(StoreKey.purpose == "recovery")).scalar()
            if stored is None:
                stored = StoreKey(purpose="recovery", key_id=keys.key_id(data_key), wrapped="", created_by=actor.name)
                s.add(stored)
            stored.wrapped = keys.wrap_for_recovery(data_key, recovery)
            stored.key_id, stored.created_at, stored.created_by = keys.key_id(data_key), utcnow(), actor.name
            case_keys.set_recovery_pair(s, recovery, actor.name, holder=actor)  # case keys it holds: wrapped anew
            audit.record(s, actor=actor.name, action="recovery_key_new", entity="store", entity_id="data_key",
                         details={"key_id": keys.key_id(data_key)})
        return recovery
