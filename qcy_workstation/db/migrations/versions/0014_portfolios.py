"""Enterprise portfolios (issue 17 item 3): the enterprises' own rights.

Revision ID: 0014_portfolios
Revises: 0013_experts
"""

import sqlalchemy as sa
from alembic import op

revision = "0014_portfolios"
down_revision = "0013_experts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "enterprise_rights",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("party_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("classes", sa.String(length=200), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=True),
        sa.Column("registered_on", sa.Date(), nullable=True),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(["party_id"], ["parties.id"], name=op.f("fk_enterprise_rights_party_id_parties"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enterprise_rights")),
        sa.UniqueConstraint("party_id", "kind", "number", name=op.f("uq_enterprise_rights_party_id_kind_number")),
    )
    op.create_index(op.f("ix_enterprise_rights_party_id"), "enterprise_rights", ["party_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_enterprise_rights_party_id"), table_name="enterprise_rights")
    op.drop_table("enterprise_rights")
