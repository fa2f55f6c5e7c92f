"""Search on PostgreSQL uses its trigram index (issue 15 item 2).

The search matches ``' ' || body`` (a leading space marks where the first token starts, ``search.like_patterns``)
but 0008 indexed ``body``: the planner could not use that index for the expression and read every body (EXPLAIN
ANALYZE at 100,000 cases: a sequential scan of case_fts, 0.7-0.9 s for a 2- or 6-character query). The index
is now on the expression itself, written as the query writes it (``search.spaced_body``). Where the server has
no pg_trgm, nothing changes (search still works, by scanning).

Revision ID: 0012_pg_search_index
Revises: 0011_case_keys
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_pg_search_index"
down_revision = "0011_case_keys"
branch_labels = None
depends_on = None

FTS_TABLES = ("case_fts", "consultation_fts")


def _has_trgm() -> bool:
    return op.get_bind().execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first() is not None


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql" or not _has_trgm():
        return
    for name in FTS_TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{name}_body_trgm")
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{name}_spaced_trgm ON {name} USING gin ((' ' || body) gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql" or not _has_trgm():
        return
    for name in FTS_TABLES:
        op.execute(f"DROP INDEX IF EXISTS ix_{name}_spaced_trgm")
        op.execute(f"CREATE INDEX IF NOT EXISTS ix_{name}_body_trgm ON {name} USING gin (body gin_trgm_ops)")
