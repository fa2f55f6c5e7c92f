"""Register patents keep the sentence vector of claim 1 (computed at import; the pre-check's meaning layer
ranks register patents by it instead of encoding every claim per query).

Revision ID: 0005_patent_vectors
Revises: 0002_register
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_patent_vectors"
down_revision = "0002_register"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("register_patents") as batch:
        batch.add_column(sa.Column("claim1_vector", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("register_patents") as batch:
        batch.drop_column("claim1_vector")
