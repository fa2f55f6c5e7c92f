"""Renewals and annual fees of the enterprises' rights (issue 17 item 3), and the dates register files carry.

Revision ID: 0015_rights_events
Revises: 0014_portfolios
"""

import sqlalchemy as sa
from alembic import op

revision = "0015_rights_events"
down_revision = "0014_portfolios"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rights_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("right_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("on", sa.Date(), nullable=False),
        sa.Column("patent_year", sa.Integer(), nullable=True),
        sa.Column("term_from", sa.Date(), nullable=True),
        sa.Column("term_to", sa.Date(), nullable=True),
        sa.Column("article", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["right_id"], ["enterprise_rights.id"],
                                name=op.f("fk_rights_events_right_id_enterprise_rights"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rights_events")),
        sa.UniqueConstraint("right_id", "kind", "patent_year",
                            name=op.f("uq_rights_events_right_id_kind_patent_year")),
    )
    op.create_index(op.f("ix_rights_events_right_id"), "rights_events", ["right_id"], unique=False)
    with op.batch_alter_table("register_trademarks") as t:
        t.add_column(sa.Column("registered_on", sa.Date(), nullable=True))
        t.add_column(sa.Column("expires_on", sa.Date(), nullable=True))
    with op.batch_alter_table("register_patents") as t:
        t.add_column(sa.Column("filed_on", sa.Date(), nullable=True))
        t.add_column(sa.Column("granted_on", sa.Date(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("register_patents") as t:
        t.drop_column("granted_on")
        t.drop_column("filed_on")
    with op.batch_alter_table("register_trademarks") as t:
        t.drop_column("expires_on")
        t.drop_column("registered_on")
    op.drop_index(op.f("ix_rights_events_right_id"), table_name="rights_events")
    op.drop_table("rights_events")
