"""No lost update (issue 15 item 3): ``row_version`` on every editable table, SQLAlchemy's
``version_id_col`` (``db.base.Versioned``). Rows already there start at 1.

It alters tables of every branch, so it also merges them: it comes after all four heads.

Revision ID: 0009_row_versions
Revises: 0008_pg_search, 0003_documents, 0004_warning, 0005_patent_vectors
"""

import sqlalchemy as sa
from alembic import op

revision = "0009_row_versions"
down_revision = ("0008_pg_search", "0003_documents", "0004_warning", "0005_patent_vectors")
branch_labels = None
depends_on = None

TABLES = ("parties", "cases", "rights", "consultations", "evidence", "settings", "warning_projects",
          "warning_risks", "compensation_estimates", "documents", "accounts")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("row_version", sa.Integer(), nullable=False, server_default="1"))


def downgrade() -> None:
    # ALTER TABLE ... DROP COLUMN (SQLite 3.35+): a batch copy of parties would trip its foreign keys
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} DROP COLUMN row_version")
