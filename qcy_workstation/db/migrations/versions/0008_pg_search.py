"""Search on PostgreSQL (issue 15): ``case_fts`` and ``consultation_fts`` as plain tables holding the same
tokenised bodies as SQLite's FTS5 tables (``cases/search.py``), filled for the rows already there.

SQLite has them since 0001 (FTS5 virtual tables); on PostgreSQL search used to fall back to ILIKE over
title, facts and number, so a party's name, a right's number or a linked consultation found nothing. A
trigram GIN index (pg_trgm, where the server has it) serves the ``LIKE '%...%'`` the search runs.

Revision ID: 0008_pg_search
Revises: 0007_sealed_files
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_pg_search"
down_revision = "0007_sealed_files"
branch_labels = None
depends_on = None

FTS_TABLES = ("case_fts", "consultation_fts")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    for name in FTS_TABLES:
        op.create_table(name, sa.Column("rowid", sa.Integer(), primary_key=True, autoincrement=False),
                        sa.Column("body", sa.Text(), nullable=False))
    trgm = bind.execute(sa.text("SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'")).first()
    if trgm is not None:
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        for name in FTS_TABLES:
            op.execute(f"CREATE INDEX ix_{name}_body_trgm ON {name} USING gin (body gin_trgm_ops)")
    _fill(bind)


def _fill(bind) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.search import index_body

    rows = bind.execute(sa.text(
        "SELECT c.id, c.number, c.title, c.facts, a.name, o.name, a.uscc FROM cases c "
        "JOIN parties a ON a.id = c.applicant_id LEFT JOIN parties o ON o.id = c.opponent_id")).all()
    rights: dict[int, list[str]] = {}
    for r in bind.execute(sa.text("SELECT case_id, number, title, goods, protected_area, owner, "
                                  "secret_description FROM rights ORDER BY id")):
        rights.setdefault(r[0], []).append(" ".join(x or "" for x in r[1:]))
    consults: dict[int, list[str]] = {}
    bodies = []
    for c in bind.execute(sa.text("SELECT id, case_id, topic, summary, enquirer, organisation, advice, phone "
                                  "FROM consultations ORDER BY id")):
        if c[1] is not None:
            consults.setdefault(c[1], []).append(" ".join(x or "" for x in (c[2], c[3], c[4], c[5])))
        bodies.append({"id": c[0], "body": index_body(c[4], c[5], c[2], c[3], c[6], c[7])})
    if bodies:
        bind.execute(sa.text("INSERT INTO consultation_fts(rowid, body) VALUES (:id, :body)"), bodies)
    bodies = [{"id": r[0], "body": index_body(r[1], r[2], r[3], r[4], r[5] or "", r[6] or "",
                                               *rights.get(r[0], ()), *consults.get(r[0], ()))} for r in rows]
    if bodies:
        bind.execute(sa.text("INSERT INTO case_fts(rowid, body) VALUES (:id, :body)"), bodies)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in FTS_TABLES:
        op.drop_table(name)
