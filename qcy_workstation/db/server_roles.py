"""The server enforces confidentiality (issue 15 item 5): database roles per account and row-level security.

On a shared PostgreSQL store set up by ``store init-server`` every account logs in to the server as its own
database role, and the server itself hides confidential cases (issue 14 item 3) from roles that may not
see them, so a desk with a modified client, or ``psql`` with the account's credentials, reads no more than
the app would show. SQLite is a single desk's file: nothing here applies to it.

Roles (cluster-wide names, so each carries a prefix made from the database's name, ``qcy_<8 hex>``):

* the **owner**: the role ``init-server`` connected as (a superuser or a role with CREATEROLE that owns the
  database). It owns the tables and the functions below, runs migrations, ``store check`` and backups through
  the administrative URL. Row-level security is ENABLEd, not FORCEd: FORCE would subject the owner too (and
  the SECURITY DEFINER functions, which read the tables as the owner, would recurse into the policies).
* ``<prefix>_desk``: a NOLOGIN group holding the desks' table privileges (no UPDATE/DELETE on the audit trail).
* ``<prefix>_u<account id>``: one LOGIN role per account, member of the group, with the account's password
  as its password. PostgreSQL keeps only a SCRAM-SHA-256 verifier, and the desk computes that verifier
  itself (:func:`scram_verifier`), so the password never reaches the server in clear, nor its logs.
  Created when the account is created, its password set at every password change and reset, NOLOGIN (and
  its open connections ended) when the account is deactivated: ``qcy_account_role()``, which only an
  administrator's role (or the owner) may call for another account.
* ``<prefix>_gate``: the role a desk connects as *before* anyone has logged in (its URL, with a password
  made at set-up, is the desk's ``--db``). It reads accounts to check a password and writes login events,
  and has no privilege on any case table. After the app's login (Argon2id, delays, audit, as on SQLite)
  the desk reconnects as the account's own role with the password just typed
  (``AccountService.desk_store``).

The rule is the one of ``cases.access.can_see``: a case that is not confidential, or the account is a head,
or the case's staff is the account's display name (NFKC, trimmed, inner spaces as one), or the account was
granted access on the case (``case_access``). The policies are plain expressions over the row: the one on
``cases`` applies the rule to the row's own values (an INSERT's new row too); a row hanging off a case is
visible when ``EXISTS (SELECT 1 FROM cases k WHERE k.id = case_id)`` holds under that policy (one index probe per
row read; rows through a parent row look the parent up the same way); writes are checked the same way (USING and
WITH CHECK). ``case_access``, which the policy on cases reads, tests ``case_id NOT IN (SELECT qcy_hidden_cases())``
instead. A search's matching ids are found as the owner, each candidate tested by the same rule (``qcy_fts_ids``):
under a policy the planner may neither use the trigram index for a LIKE nor see the statistics that tell a rare
term from a common one. The first policies called a SECURITY DEFINER function per row, which made every
search read every body at 0.4 ms a row (``benchmarks/bench_server_rls.py``). A party that only hidden cases
name is hidden with them (``parties.in_confidential``, kept by a trigger: see ``_policies``); the conflict check
finds a hidden case, counted without number or title, through ``qcy_party_keys()`` and ``qcy_conflict_cases()``. A trigger
on ``accounts`` lets only an administrator's role change login names, display names, roles or the active
flag (the rule reads them). The audit chain's head is read through ``qcy_audit_head()`` (the newest event
may be one the role cannot see).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
import stringprep
import time
import unicodedata
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, make_url

#: What the statistics views show of each case and status change (no number, title, party or officer).
FIGURE_COLUMNS = {"cases": ("id", "ip_type", "status", "received_on", "accepted_on", "opinion_on", "acceptance_due",
                            "opinion_due", "assistance"),
                  "transitions": ("id", "to_status", '"on"')}
#: Tables holding a case's content through ``case_id`` (nullable ones: rows without a case stay visible).
CASE_TABLES = ("rights", "transitions", "evidence", "precheck_results", "expert_panels", "compensation_estimates",
               "case_access", "case_keys")
NULLABLE_CASE_TABLES = ("documents", "referrals", "audit_events", "consultations", "file_keys")
#: Tables hanging off a case through a parent row: (table, its column, the parent table). The parent's case is
#: looked up with the owner's rights (a SECURITY DEFINER function): looked up under the desk's own policies, a
#: hidden parent would read as "no case" and so as visible.
PARENT_TABLES = (("document_files", "document_id", "documents"), ("referral_documents", "referral_id", "referrals"),
                 ("panel_seats", "panel_id", "expert_panels"), ("consultation_fts", "rowid", "consultations"))
#: Tables whose policy tests "not among the hidden cases" (a SECURITY DEFINER set) instead of looking the case up:
#: the policy on cases reads case_access, which may not read cases back (PostgreSQL: infinite recursion), and the
#: gate, which may read no case, writes login events to audit_events (a policy naming cases needs that privilege).
HIDDEN_SET_TABLES = ("case_access", "audit_events")
#: The columns of ``accounts`` no desk's or gate's role may read.
SECRET_COLUMNS = ("password_hash", "key_wrap")
#: The comment on an account's role made without a password (``migrate-from``): a login is then told so.
NO_PASSWORD = "qcy: no password yet"
SCRAM_ITERATIONS = 4096  # PostgreSQL's default (scram_iterations)


def role_prefix(database: str) -> str:
    """``qcy_`` and 8 hex digits of the database's name: roles are per cluster, stores per database."""
    return "qcy_" + hashlib.sha256(database.encode("utf-8")).hexdigest()[:8]


def account_role(prefix: str, account_id: int) -> str:
    return f"{prefix}_u{account_id}"


def saslprep(password: str) -> str:
    """The password as PostgreSQL and libpq prepare it before SCRAM (RFC 4013, as ``pg_saslprep`` does): ASCII
    as it is; otherwise non-ASCII spaces mapped to a space, characters "mapped to nothing" dropped, NFKC; a
    password SASLprep prohibits (control characters, unassigned code points, mixed directions) is used raw,
    as both ends do."""
    if password.isascii():
        return password
    mapped = "".join(" " if stringprep.in_table_c12(c) else c for c in password if not stringprep.in_table_b1(c))
    prepared = unicodedata.normalize("NFKC", mapped)
    prohibited = (stringprep.in_table_c12, stringprep.in_table_c21_c22, stringprep.in_table_c3,
                  stringprep.in_table_c4, stringprep.in_table_c5, stringprep.in_table_c6, stringprep.in_table_c7,
                  stringprep.in_table_c8, stringprep.in_table_c9, stringprep.in_table_a1)
    if not prepared or any(check(c) for c in prepared for check in prohibited):
        return password
    if any(stringprep.in_table_d1(c) for c in prepared) and (
            any(stringprep.in_table_d2(c) for c in prepared)
            or not (stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1]))):
        return password
    return prepared


def scram_verifier(password: str, *, salt: bytes | None = None, iterations: int = SCRAM_ITERATIONS) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores for ``password`` (RFC 5802/7677), made on the desk from
    the password prepared as the server would (:func:`saslprep`)."""
    salt = salt or os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", saslprep(password).encode("utf-8"), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", hashlib.sha256).digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", hashlib.sha256).digest()
    b64 = base64.b64encode
    return (f"SCRAM-SHA-256${iterations}:{b64(salt).decode()}${b64(stored_key).decode()}:"
            f"{b64(server_key).decode()}")


def with_credentials(url: str, user: str, password: str) -> str:
    return make_url(url).set(username=user, password=password).render_as_string(hide_password=False)


# ---------------------------------------------------------------------------------------------- set-up (owner)

def sees_case(alias: str = "") -> str:
    """``cases.access.can_see`` over a row of ``cases`` (``alias``), as SQL: the row policy on cases, and the
    search's own test of each candidate (``qcy_fts_ids``). What it needs of the session is computed once per
    query (initplans), never per row."""
    p = f"{alias}." if alias else ""
    return (f"NOT {p}confidential OR (SELECT qcy_session_sees_all()) OR qcy_staff_key({p}staff) = (SELECT "
            f"qcy_session_name()) OR {p}id IN (SELECT g.case_id FROM case_access g WHERE g.account_id = "
            "(SELECT qcy_session_account()))")


def _functions(prefix: str, schema: str) -> list[str]:
    # The owner's own search (cases.search.pg_condition) makes the same choice with the same figures.
    from qcy_workstation.db.search_limits import PROBE_CAP, WINDOW

    desk, path = f"{prefix}_desk", f"SET search_path = {schema}, pg_temp"
    return [
        f"CREATE OR REPLACE FUNCTION qcy_role_prefix() RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT '{prefix}' $$",
        # Whether the session is a desk's (an account's role or the gate): the owner's sessions see everything.
        f"""CREATE OR REPLACE FUNCTION qcy_is_desk() RETURNS boolean LANGUAGE sql STABLE AS
            $$ SELECT left(session_user::text, {len(prefix) + 1}) = '{prefix}_' $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_session_account() RETURNS integer LANGUAGE sql STABLE SECURITY DEFINER
            {path} AS $$ SELECT a.id FROM accounts a
                         WHERE session_user::text = '{prefix}_u' || a.id::text AND a.active $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_session_has_role(wanted text) RETURNS boolean LANGUAGE sql STABLE
            SECURITY DEFINER {path} AS $$ SELECT EXISTS (SELECT 1 FROM accounts a WHERE a.id = qcy_session_account()
                                           AND ',' || a.roles || ',' LIKE '%,' || wanted || ',%') $$""",
        # cases.access.can_see, on the row's own values (an INSERT's new row is not in the table yet).
        f"""CREATE OR REPLACE FUNCTION qcy_sees(confidential boolean, staff text, cid integer) RETURNS boolean
            LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT NOT qcy_is_desk() OR NOT coalesce(confidential, false) OR EXISTS (
              SELECT 1 FROM accounts a WHERE a.id = qcy_session_account() AND (
                ',' || a.roles || ',' LIKE '%,head,%'
                OR btrim(regexp_replace(normalize(coalesce(staff, ''), NFKC), '\\s+', ' ', 'g')) = a.display_name
                OR EXISTS (SELECT 1 FROM case_access g WHERE g.case_id = cid AND g.account_id = a.id))) $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_sees_case(cid integer) RETURNS boolean LANGUAGE sql STABLE
            SECURITY DEFINER {path} AS $$
            SELECT cid IS NULL OR NOT qcy_is_desk()
                   OR coalesce((SELECT qcy_sees(c.confidential, c.staff, c.id) FROM cases c WHERE c.id = cid), true) $$""",
        # What the policies below test rows against, each computed ONCE per query (an initplan or a hashed
        # subplan), never per row: a policy calling a SECURITY DEFINER function per row (a GUC switch and a
        # lookup of the session's account each time) cost 0.4 ms a row, so a search that read case_fts under
        # the policy took 130 ms at 300 cases (benchmarks/bench_server_rls.py).
        f"""CREATE OR REPLACE FUNCTION qcy_session_sees_all() RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
            {path} AS $$ SELECT NOT qcy_is_desk() OR EXISTS (SELECT 1 FROM accounts a WHERE a.id = qcy_session_account()
                                                            AND ',' || a.roles || ',' LIKE '%,head,%') $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_session_name() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER {path} AS
            $$ SELECT a.display_name::text FROM accounts a WHERE a.id = qcy_session_account() $$""",
        # cases.access's comparison of a case's staff with the account's name (NFKC, trimmed, inner spaces as
        # one): plain SQL, so the planner inlines it.
        r"""CREATE OR REPLACE FUNCTION qcy_staff_key(staff text) RETURNS text LANGUAGE sql IMMUTABLE AS
            $$ SELECT btrim(regexp_replace(normalize(coalesce(staff, ''), NFKC), '\s+', ' ', 'g')) $$""",
        # The confidential cases the session may not see (none for a head or the owner), read as the owner from
        # the partial indexes secure_server makes (qcy_cases_confidential*): a few ms at 16,000 confidential
        # cases, where testing every confidential row's staff cost ~100 ms per evaluation.
        f"""CREATE OR REPLACE FUNCTION qcy_hidden_cases() RETURNS SETOF integer LANGUAGE sql STABLE SECURITY DEFINER
            ROWS 100 {path} AS $$
            SELECT c.id FROM cases c WHERE c.confidential AND NOT (SELECT qcy_session_sees_all())
            EXCEPT SELECT c.id FROM cases c WHERE c.confidential AND qcy_staff_key(c.staff) = (SELECT qcy_session_name())
            EXCEPT SELECT g.case_id FROM case_access g WHERE g.account_id = (SELECT qcy_session_account()) $$""",
        # A search on a desk's role (cases.search.pg_condition): the matching rows' ids, newest first, at most
        # ``cap`` (NULL: all), found as the owner with the hidden rows taken out. Under the policy itself the
        # planner may neither use the trigram index for a LIKE (not leakproof: it must run after the policy's
        # test) nor read the column's statistics (PostgreSQL withholds them from a role under row-level security
        # for an operator that is not leakproof), so it guessed one matching row for every term and read every
        # body (0.6-1.4 s at 100,000 cases, benchmarks/bench_server_rls.py). Planned here, with the statistics, a
        # rare term goes through the trigram index and a common one walks the newest rows until ``cap``.
        f"""CREATE OR REPLACE FUNCTION qcy_fts_ids(tbl text, patterns text[], cap integer) RETURNS SETOF integer
            LANGUAGE plpgsql VOLATILE SECURITY DEFINER ROWS 200 {path} AS $$  -- VOLATILE: it changes settings
            DECLARE
              cond text;
              joins text := CASE tbl WHEN 'case_fts' THEN 'LEFT JOIN cases k ON k.id = f.rowid'
                            ELSE 'JOIN consultations c ON c.id = f.rowid LEFT JOIN cases k ON k.id = c.case_id' END;
              page text := CASE WHEN cap IS NULL THEN '' ELSE 'LIMIT ' || cap END;
              ids integer[];
              bitmap text := current_setting('enable_bitmapscan');
              seqscan text := current_setting('enable_seqscan');
              visible text;
              found integer[];
              part integer[];
            BEGIN
              IF tbl NOT IN ('case_fts', 'consultation_fts') OR coalesce(array_length(patterns, 1), 0) = 0
                 OR cap < 0 THEN
                RAISE EXCEPTION 'no such search table, no term or a negative cap' USING ERRCODE = '22023';
              END IF;
              SELECT string_agg(format('('' '' || f.body) LIKE %L', p), ' AND ') INTO cond FROM unnest(patterns) AS p;
              -- The choice cases.search.pg_condition makes, and why. A term holding ``cap`` visible matches among
              -- the newest WINDOW bodies: those are the answer. Otherwise at most PROBE_CAP matches through the
              -- trigram index, cut to the newest ``cap``; more, a walk from the newest row (scans forced to it).
              -- Each candidate's case is tested as the row policy on cases tests it (sees_case): per row, so a
              -- walk that stops after ``cap`` rows tests only those (the set of hidden cases cost ~5 ms per
              -- 3,000 confidential cases for every search).
              visible := format('(k.id IS NULL OR %s)', '{sees_case('k')}');
              IF cap IS NOT NULL THEN
                EXECUTE format('SELECT coalesce(array_agg(rowid), ''{{}}'') FROM (SELECT f.rowid FROM (SELECT rowid, body '
                               'FROM %I ORDER BY rowid DESC LIMIT {WINDOW}) f %s WHERE %s AND %s ORDER BY f.rowid DESC '
                               'LIMIT %s) m', tbl, joins, cond, visible, cap) INTO ids;
                IF coalesce(array_length(ids, 1), 0) >= cap THEN
                  RETURN QUERY SELECT unnest(ids);
                  RETURN;
                END IF;
              END IF;
              PERFORM set_config('enable_seqscan', 'off', true);
              EXECUTE format('SELECT coalesce(array_agg(rowid), ''{{}}'') FROM (SELECT f.rowid FROM %I f WHERE %s '
                             'LIMIT {PROBE_CAP + 1}) m', tbl, cond) INTO ids;
              PERFORM set_config('enable_seqscan', seqscan, true);
              IF cap IS NOT NULL AND coalesce(array_length(ids, 1), 0) <= {PROBE_CAP} THEN
                -- the newest first, a few pages at a time, until ``cap`` are visible (a sort of all of them
                -- joined with their cases cost 10-15 ms at 2,500)
                SELECT coalesce(array_agg(i ORDER BY i DESC), '{{}}') INTO ids FROM unnest(ids) AS i;
                found := '{{}}';
                FOR n IN 0 .. coalesce(array_length(ids, 1), 0) / (2 * cap) LOOP
                  EXIT WHEN coalesce(array_length(found, 1), 0) >= cap;
                  EXECUTE format('SELECT coalesce(array_agg(f.rowid ORDER BY f.rowid DESC), ''{{}}'') FROM unnest($1) '
                                 'AS f(rowid) %s WHERE %s', joins, visible)
                    USING ids[n * 2 * cap + 1 : (n + 1) * 2 * cap] INTO part;
                  found := found || part;
                END LOOP;
                RETURN QUERY SELECT unnest(found[1:cap]);
                RETURN;
              ELSIF coalesce(array_length(ids, 1), 0) <= {PROBE_CAP} THEN
                cond := 'f.rowid = ANY($1)';
              ELSIF cap IS NOT NULL THEN
                PERFORM set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true);
              END IF;
              RETURN QUERY EXECUTE format('SELECT f.rowid::integer FROM %I f %s WHERE %s AND %s ORDER BY f.rowid DESC %s',
                                          tbl, joins, cond, visible, page) USING ids;
              PERFORM set_config('enable_bitmapscan', bitmap, true), set_config('enable_seqscan', seqscan, true);
            END $$""",
        "DROP FUNCTION IF EXISTS qcy_fts_probe(text, text[], integer)",  # its forerunner (capped, unordered)
        # The conflict check (cases.services.conflict_check) must find a conflict with a confidential case the
        # desk may not see, counted without its number or title ("counted, not shown", as on a single desk):
        # every party's key for the fuzzy match, and the cases naming the matched parties, each with whether
        # the session may see it and its number and title only then.
        f"""CREATE OR REPLACE FUNCTION qcy_party_keys() RETURNS TABLE(id integer, name_norm text, uscc text)
            LANGUAGE sql STABLE SECURITY DEFINER {path} AS
            $$ SELECT p.id, p.name_norm::text, p.uscc::text FROM parties p ORDER BY p.id $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_conflict_cases(pids integer[], excluded text) RETURNS TABLE(
              number text, title text, status text, applicant_id integer, opponent_id integer,
              applicant_name text, opponent_name text, id integer, visible boolean)
            LANGUAGE sql STABLE SECURITY DEFINER {path} AS $$
            SELECT CASE WHEN v.seen THEN c.number::text ELSE '' END, CASE WHEN v.seen THEN c.title::text ELSE '' END,
                   c.status::text, c.applicant_id, c.opponent_id, a.name::text, o.name::text, c.id, v.seen
            FROM cases c JOIN parties a ON a.id = c.applicant_id LEFT JOIN parties o ON o.id = c.opponent_id
                 CROSS JOIN LATERAL (SELECT qcy_sees(c.confidential, c.staff, c.id) AS seen) v
            WHERE (c.applicant_id = ANY(pids) OR c.opponent_id = ANY(pids))
              AND c.number IS DISTINCT FROM excluded $$""",
        # parties.in_confidential follows the cases (the row policy on parties reads it): recomputed, as the
        # owner, for the parties a case names before and after each change of a case.
        f"""CREATE OR REPLACE FUNCTION qcy_mark_confidential_parties() RETURNS trigger LANGUAGE plpgsql
            SECURITY DEFINER {path} AS $$
            DECLARE ids integer[];
            BEGIN
              IF TG_OP <> 'INSERT' THEN ids := ARRAY[OLD.applicant_id, OLD.opponent_id]; END IF;
              IF TG_OP <> 'DELETE' THEN ids := coalesce(ids, '{{}}') || ARRAY[NEW.applicant_id, NEW.opponent_id]; END IF;
              UPDATE parties p SET in_confidential = m.named
                FROM (SELECT q.id, EXISTS (SELECT 1 FROM cases c WHERE c.applicant_id = q.id AND c.confidential)
                                   OR EXISTS (SELECT 1 FROM cases c WHERE c.opponent_id = q.id AND c.confidential)
                                   AS named
                      FROM parties q WHERE q.id = ANY(ids)) m
               WHERE p.id = m.id AND p.in_confidential IS DISTINCT FROM m.named;
              RETURN NULL;
            END $$""",
        # The audit chain's newest event, whoever may read it (audit.record hashes the next event onto it).
        f"""CREATE OR REPLACE FUNCTION qcy_audit_head() RETURNS text LANGUAGE sql STABLE SECURITY DEFINER {path} AS
            $$ SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1 $$""",
        # The account's own password hash and key wrapping, for the role that logged in as it (and so proved the
        # password to the server): no desk's or gate's role may SELECT those two columns (SECRET_COLUMNS).
        f"""CREATE OR REPLACE FUNCTION qcy_own_secrets() RETURNS TABLE(password_hash text, key_wrap text)
            LANGUAGE sql STABLE SECURITY DEFINER {path} AS
            $$ SELECT a.password_hash::text, a.key_wrap::text FROM accounts a WHERE a.id = qcy_session_account() $$""",
        "REVOKE ALL ON FUNCTION qcy_own_secrets() FROM PUBLIC",
        f'GRANT EXECUTE ON FUNCTION qcy_own_secrets() TO "{desk}"',
        f"""CREATE OR REPLACE FUNCTION qcy_guard_accounts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
            BEGIN
              IF NOT qcy_is_desk() OR qcy_session_has_role('admin') THEN RETURN NEW; END IF;
              IF TG_OP = 'UPDATE' AND NEW.login = OLD.login AND NEW.display_name = OLD.display_name
                 AND NEW.roles = OLD.roles AND NEW.active = OLD.active AND NEW.demo = OLD.demo
                 AND (OLD.id = qcy_session_account() OR (NEW.password_hash = OLD.password_hash
                      AND NEW.key_wrap IS NOT DISTINCT FROM OLD.key_wrap
                      AND NEW.public_key IS NOT DISTINCT FROM OLD.public_key)) THEN
                RETURN NEW;  -- another account's password and keys are an administrator's to reset
              END IF;
              RAISE EXCEPTION 'only an administrator changes accounts' USING ERRCODE = '42501';
            END $$""",
        f"""CREATE OR REPLACE FUNCTION qcy_account_role(aid integer, verifier text, may_login boolean) RETURNS text
            LANGUAGE plpgsql SECURITY DEFINER {path} AS $$
            DECLARE r text := '{prefix}_u' || aid::text;
            BEGIN
              IF verifier IS NOT NULL AND verifier NOT LIKE 'SCRAM-SHA-256$%' THEN
                RAISE EXCEPTION 'a SCRAM-SHA-256 verifier is expected' USING ERRCODE = '22023';
              END IF;
              IF qcy_is_desk() AND NOT qcy_session_has_role('admin')
                 AND (qcy_session_account() IS DISTINCT FROM aid OR NOT may_login OR verifier IS NULL) THEN
                RAISE EXCEPTION 'only an administrator manages another account''s role' USING ERRCODE = '42501';
              END IF;
              IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
                EXECUTE format('CREATE ROLE %I NOLOGIN IN ROLE %I', r, '{desk}');
                IF verifier IS NULL THEN  -- told apart from a wrong password at a login (role_state)
                  EXECUTE format('COMMENT ON ROLE %I IS %L', r, '{NO_PASSWORD}');
                END IF;
              END IF;
              IF verifier IS NOT NULL THEN
                EXECUTE format('ALTER ROLE %I PASSWORD %L', r, verifier);
                EXECUTE format('COMMENT ON ROLE %I IS NULL', r);
              END IF;
              EXECUTE format('ALTER ROLE %I %s', r, CASE WHEN may_login THEN 'LOGIN' ELSE 'NOLOGIN' END);
              IF NOT may_login THEN
                PERFORM pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = r AND pid <> pg_backend_pid();
              END IF;
              RETURN r;
            END $$""",
        "REVOKE ALL ON FUNCTION qcy_account_role(integer, text, boolean) FROM PUBLIC",
        f'GRANT EXECUTE ON FUNCTION qcy_account_role(integer, text, boolean) TO "{desk}"',
    ]


def _policies() -> list[str]:
    """The row policies: plain expressions over the row, with what they need of the session (its account, name,
    whether it sees everything, the hidden cases) computed once per query by the functions above."""
    sees = sees_case()
    sql = ["ALTER TABLE cases ENABLE ROW LEVEL SECURITY", "DROP POLICY IF EXISTS qcy_confidential ON cases",
           f"CREATE POLICY qcy_confidential ON cases USING ({sees}) WITH CHECK ({sees})"]

    def policy(table: str, condition: str) -> list[str]:
        return [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY", f"DROP POLICY IF EXISTS qcy_confidential ON {table}",
                f"CREATE POLICY qcy_confidential ON {table} USING ({condition}) WITH CHECK ({condition})"]

    # A row hanging off a case is visible when its case is: the case looked up under the desk's own policy on
    # cases, per row read (one index probe), so a page of 50 rows costs 50 probes. The earlier form, "not among
    # the hidden cases", computed that set for every query (~5 ms per 3,000 confidential cases, and opening a
    # case reads seven such tables: 130 ms at 100,000 cases). Two tables keep it (HIDDEN_SET_TABLES).
    for table in CASE_TABLES + NULLABLE_CASE_TABLES:
        sql += policy(table, "case_id IS NULL OR case_id NOT IN (SELECT qcy_hidden_cases())" if table in HIDDEN_SET_TABLES
                      else "case_id IS NULL OR EXISTS (SELECT 1 FROM cases k WHERE k.id = case_id)")
    for table, column, parent in PARENT_TABLES:  # visible when the parent row is (itself under its own policy)
        sql += policy(table, f"EXISTS (SELECT 1 FROM {parent} p WHERE p.id = {column})")
    # A party that only cases hidden from the desk name is hidden too (the names of who is in a trade-secret
    # dispute are the case's content). Tested per row, and only for parties a confidential case names
    # (``in_confidential``, kept by the trigger below): one visible case naming it shows it. The first attempt, a
    # per-session set of hidden parties, cost an officer's case list 1.2 s at 100,000 cases.
    sql += ["DROP FUNCTION IF EXISTS qcy_hidden_parties()", "DROP FUNCTION IF EXISTS qcy_sees_party(integer)",
            "DROP TRIGGER IF EXISTS qcy_mark_confidential_parties ON cases",
            "CREATE TRIGGER qcy_mark_confidential_parties AFTER INSERT OR DELETE OR UPDATE OF confidential, "
            "applicant_id, opponent_id ON cases FOR EACH ROW EXECUTE FUNCTION qcy_mark_confidential_parties()",
            # the whole table once, by a join (a per-party EXISTS over "applicant or opponent" read every
            # confidential case per party: minutes at 100,000 cases)
            "WITH named AS (SELECT applicant_id AS id FROM cases WHERE confidential UNION "
            "SELECT opponent_id FROM cases WHERE confidential AND opponent_id IS NOT NULL) "
            "UPDATE parties p SET in_confidential = (n.id IS NOT NULL) FROM parties q LEFT JOIN named n ON n.id = q.id "
            "WHERE p.id = q.id AND p.in_confidential IS DISTINCT FROM (n.id IS NOT NULL)"]
    sql += policy("parties", "NOT in_confidential OR (SELECT qcy_session_sees_all()) "
                             "OR EXISTS (SELECT 1 FROM cases k WHERE k.applicant_id = parties.id) "
                             "OR EXISTS (SELECT 1 FROM cases k WHERE k.opponent_id = parties.id)")
    # The search bodies (titles, parties, rights) of a case: ``rowid`` is the case's id.
    sql += policy("case_fts", "EXISTS (SELECT 1 FROM cases k WHERE k.id = rowid)")
    sql += [f"DROP FUNCTION IF EXISTS qcy_hidden_{parent}()" for parent in sorted({p for _t, _c, p in PARENT_TABLES})]
    sql += [# Statistics count every case without details (issue 14 item 3): the head's and the administrator's
            # roles read these views (the owner's rights, so every row), columns without names, titles or parties.
            f"CREATE OR REPLACE VIEW case_figures AS SELECT {', '.join(FIGURE_COLUMNS['cases'])} FROM cases "
            "WHERE (SELECT NOT qcy_is_desk() OR qcy_session_has_role('head') OR qcy_session_has_role('admin'))",
            f"CREATE OR REPLACE VIEW transition_figures AS SELECT {', '.join(FIGURE_COLUMNS['transitions'])} "
            "FROM transitions WHERE (SELECT NOT qcy_is_desk() OR qcy_session_has_role('head') OR qcy_session_has_role('admin'))",
            "DROP TRIGGER IF EXISTS qcy_guard_accounts ON accounts",
            "CREATE TRIGGER qcy_guard_accounts BEFORE INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW "
            "EXECUTE FUNCTION qcy_guard_accounts()"]
    return sql


#: What ``qcy_hidden_cases()`` reads: the confidential cases, and their staff as the rule compares it.
INDEXES = ("CREATE INDEX IF NOT EXISTS qcy_cases_confidential ON cases (id) WHERE confidential",
           "CREATE INDEX IF NOT EXISTS qcy_cases_confidential_staff ON cases (qcy_staff_key(staff)) WHERE confidential",
           "CREATE INDEX IF NOT EXISTS qcy_case_access_account ON case_access (account_id, case_id)")


#: What the gate may do before a login: read the schema version and the accounts, record failures and logins.
GATE_GRANTS = (
    "GRANT SELECT ON alembic_version, store_keys, login_sessions, audit_events, settings TO {gate}",
    "REVOKE SELECT, UPDATE ON accounts FROM {gate}",  # what earlier set-ups granted
    "GRANT SELECT ({readable}) ON accounts TO {gate}",
    "GRANT UPDATE (failed_count, last_failed_at, last_login_at, row_version) ON accounts TO {gate}",
    "GRANT INSERT, UPDATE ON login_sessions TO {gate}",
    "GRANT INSERT ON audit_events TO {gate}",
    "GRANT USAGE ON SEQUENCE audit_events_id_seq, login_sessions_id_seq TO {gate}",
)


def secure_server(conn: Connection, *, gate_password: str | None = None) -> dict[str, Any]:
    """Create the roles, grants, functions and policies on the store ``conn`` is connected to (as its
    owner), idempotently: run by ``store init-server``, and again after a migration adds a table. Returns
    the prefix, the group and gate role names and the gate's password (new when the gate is made)."""
    database, schema = conn.exec_driver_sql("SELECT current_database(), current_schema()").one()
    # Every table locked first, before a GRANT rewrites their catalog rows: an autovacuum ANALYZE (busy after a
    # large copy) that holds a table and then waits for this transaction's catalog row is a deadlock that
    # PostgreSQL broke by cancelling the set-up (seen twice in bench_server_rls after seeding 300,000 rows);
    # waiting for the lock instead makes PostgreSQL cancel the autovacuum, which is made for that.
    tables = conn.execute(text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")).scalars().all()
    if tables:
        conn.exec_driver_sql("LOCK TABLE " + ", ".join(f'"{t}"' for t in tables) + " IN ACCESS EXCLUSIVE MODE")
    prefix = role_prefix(database)
    desk, gate = f"{prefix}_desk", f"{prefix}_gate"
    exists = {r for (r,) in conn.execute(text("SELECT rolname FROM pg_roles WHERE rolname IN (:d, :g)"),
                                         {"d": desk, "g": gate})}
    if desk not in exists:
        conn.exec_driver_sql(f'CREATE ROLE "{desk}" NOLOGIN')
    made_gate = gate not in exists
    password = gate_password or (secrets.token_urlsafe(18) if made_gate else None)
    if made_gate:
        conn.exec_driver_sql(f'CREATE ROLE "{gate}" LOGIN')
    if password is not None:
        conn.exec_driver_sql(f'ALTER ROLE "{gate}" PASSWORD \'{scram_verifier(password)}\'')  # no ":name" binds
    for sql in (f'GRANT CONNECT ON DATABASE "{database}" TO "{desk}", "{gate}"',
                f'GRANT USAGE ON SCHEMA "{schema}" TO "{desk}", "{gate}"',
                f'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA "{schema}" TO "{desk}"',
                f'REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM "{desk}"',  # the trail is append-only
                f'GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA "{schema}" TO "{desk}"',
                f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "{desk}"',
                f'ALTER DEFAULT PRIVILEGES IN SCHEMA "{schema}" GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO "{desk}"'):
        conn.exec_driver_sql(sql)
    # No desk's or gate's role reads a password hash or a key wrapping, not even through psql: a desk would
    # otherwise take every account's Argon2id hash home to guess at (the head's opens every confidential case).
    # Its own come through qcy_own_secrets() once the server has checked its password (``own_secrets``).
    readable = ", ".join(f'"{c}"' for c in conn.execute(text(
        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
        "AND table_name = 'accounts' AND column_name <> ALL(:secret) ORDER BY ordinal_position"),
        {"secret": list(SECRET_COLUMNS)}).scalars())
    conn.exec_driver_sql(f'REVOKE SELECT ON accounts FROM "{desk}"')
    conn.exec_driver_sql(f'GRANT SELECT ({readable}) ON accounts TO "{desk}"')
    for sql in GATE_GRANTS:
        conn.exec_driver_sql(sql.format(gate=f'"{gate}"', readable=readable))
    for sql in [*_functions(prefix, f"\"{schema}\""), *INDEXES, *_policies()]:
        conn.exec_driver_sql(sql.replace("%", "%%"))  # the driver reads % as its placeholder
    conn.exec_driver_sql(f'GRANT SELECT ON case_figures, transition_figures TO "{desk}"')
    return {"prefix": prefix, "desk_role": desk, "gate_role": gate, "gate_password": password}


# ---------------------------------------------------------------------------------------------- at run time

def server_prefix(conn: Connection) -> str | None:
    """The store's role prefix when it was secured by ``init-server`` (None: not secured, or not PostgreSQL)."""
    if conn.dialect.name != "postgresql":
        return None
    if conn.exec_driver_sql("SELECT to_regproc('qcy_role_prefix')").scalar() is None:
        return None
    return str(conn.exec_driver_sql("SELECT qcy_role_prefix()").scalar())


def sync_account(session: Any, account_id: int, *, password: str | None, active: bool) -> None:
    """Create or update the account's database role inside the caller's transaction: its password (as a
    SCRAM verifier made here) when one is given, LOGIN when active, NOLOGIN (sessions ended) when not."""
    verifier = scram_verifier(password) if password is not None else None
    session.execute(text("SELECT qcy_account_role(:aid, :verifier, :active)"),
                    {"aid": account_id, "verifier": verifier, "active": active})


def role_state(session: Any, role: str) -> str:
    """``"missing"``, ``"no_password"`` (made by ``migrate-from``, no password given since) or ``"ready"``: what a
    login at the gate can know of an account's role without reading the server's own password store."""
    row = session.execute(text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :r"),
                          {"r": role}).first()
    if row is None:
        return "missing"
    return "no_password" if row[0] == NO_PASSWORD else "ready"


class ServerLoginRefused(Exception):
    """The server refused the account's role: ``wrong_password`` (SQLSTATE 28P01) or ``cannot_login`` (28000:
    the password was right, but the role may not log in: a deactivated account)."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


def own_secrets(url: str, role: str, password: str) -> tuple[str, str | None]:
    """The account's password hash and key wrapping, read as the account's own role: the server checks the
    password first (SCRAM, its own verifier), so no role ever reads another account's hash. Raises
    ``ServerLoginRefused``; any other failure (server down) is the caller's ``StoreError``."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.pool import NullPool

    engine = create_engine(with_credentials(url, role, password), poolclass=NullPool,
                           connect_args={"options": "-c jit=off"})
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT password_hash, key_wrap FROM qcy_own_secrets()")).one()
            return str(row[0]), row[1]
    except OperationalError as exc:
        # libpq gives no SQLSTATE for a refused connection, only the server's message (English unless the
        # server was set to another lc_messages, when a deactivated account reads as a wrong password).
        state, message = getattr(exc.orig, "sqlstate", None), str(exc.orig)
        if state == "28000" or "not permitted to log in" in message:
            raise ServerLoginRefused("cannot_login") from None
        if state == "28P01" or "password authentication failed" in message:
            raise ServerLoginRefused("wrong_password") from None
        raise
    finally:
        engine.dispose()


def audit_head(session: Any) -> str | None:
    """The newest audit event's hash on a secured store, whatever the session's role may read."""
    return session.execute(text("SELECT qcy_audit_head()")).scalar()


def secure_store(store: Any, *, gate_password: str | None = None) -> dict[str, Any]:
    """``secure_server`` on an open server store (through its owner's URL), then a role for every account
    already there (``migrate-from``): without a password until an administrator resets it, since the server
    cannot be given one it never saw (the store keeps only Argon2id hashes)."""
    from sqlalchemy.exc import OperationalError

    for attempt in range(3):
        try:
            with store.engine.begin() as conn:
                made = secure_server(conn, gate_password=gate_password)
            break
        except OperationalError as exc:
            # GRANT rewrites every table's catalog row, which an autovacuum ANALYZE (busy after migrate-from
            # or a large import) also updates while holding its table: PostgreSQL may break the cycle by
            # cancelling this transaction (seen once in bench_server_rls right after seeding). Nothing was
            # kept, so it is made again.
            if getattr(exc.orig, "sqlstate", None) != "40P01" or attempt == 2:
                raise
            time.sleep(1.0 + attempt)
    store.note_server()
    with store.write() as s:
        for account_id, active in s.execute(text("SELECT id, active FROM accounts")).all():
            sync_account(s, account_id, password=None, active=active)
    made["desk_url"] = with_credentials(store.url, made["gate_role"], made["gate_password"]) \
        if made["gate_password"] else None
    return made

