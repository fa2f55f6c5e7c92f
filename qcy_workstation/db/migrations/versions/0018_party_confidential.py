"""Parties named by a confidential case (issue 15 item 5): ``parties.in_confidential``, kept by the server's own
trigger on a store secured by ``init-server`` (``db/server_roles.py``), where the row policy on parties hides a
party that only cases hidden from the desk name. Always false on SQLite (a single desk's file).

Revision ID: 0018_party_confidential
Revises: 0017_server_search
"""

import sqlalchemy as sa
from alembic import op

revision = "0018_party_confidential"
down_revision = "0017_server_search"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN (SQLite too: a constant default): a batch copy of parties would be refused by the
    # foreign keys of the cases that name them.
    op.add_column("parties", sa.Column("in_confidential", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    op.drop_column("parties", "in_confidential")
