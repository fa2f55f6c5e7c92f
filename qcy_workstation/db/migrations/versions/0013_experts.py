"""Expert panels (issue 17 item 2): the expert pool, panel meetings on cases, the experts seated on each.

Revision ID: 0013_experts
Revises: 0012_pg_search_index
"""

import sqlalchemy as sa
from alembic import op

revision = "0013_experts"
down_revision = "0012_pg_search_index"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "experts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("field", sa.String(length=200), nullable=False),
        sa.Column("ipc_classes", sa.String(length=300), nullable=False),
        sa.Column("nice_classes", sa.String(length=200), nullable=False),
        sa.Column("affiliation", sa.String(length=200), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_experts")),
    )
    op.create_table(
        "expert_panels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("questions", sa.Text(), nullable=False),
        sa.Column("conclusion", sa.Text(), nullable=False),
        sa.Column("dissent", sa.Text(), nullable=False),
        sa.Column("concluded_on", sa.Date(), nullable=True),
        sa.Column("staff", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_expert_panels_case_id_cases"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expert_panels")),
        sa.UniqueConstraint("number", name=op.f("uq_expert_panels_number")),
    )
    op.create_index(op.f("ix_expert_panels_case_id"), "expert_panels", ["case_id"], unique=False)
    op.create_table(
        "panel_seats",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("panel_id", sa.Integer(), nullable=False),
        sa.Column("expert_id", sa.Integer(), nullable=False),
        sa.Column("opinion", sa.Text(), nullable=False),
        sa.Column("hours", sa.Numeric(precision=7, scale=2), nullable=True),
        sa.Column("fee", sa.Numeric(precision=12, scale=2), nullable=True),
        sa.ForeignKeyConstraint(
            ["expert_id"], ["experts.id"], name=op.f("fk_panel_seats_expert_id_experts")
        ),
        sa.ForeignKeyConstraint(
            ["panel_id"], ["expert_panels.id"], name=op.f("fk_panel_seats_panel_id_expert_panels"),
            ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_panel_seats")),
        sa.UniqueConstraint("panel_id", "expert_id", name=op.f("uq_panel_seats_panel_id_expert_id")),
    )
    op.create_index(op.f("ix_panel_seats_expert_id"), "panel_seats", ["expert_id"], unique=False)
    op.create_index(op.f("ix_panel_seats_panel_id"), "panel_seats", ["panel_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_panel_seats_panel_id"), table_name="panel_seats")
    op.drop_index(op.f("ix_panel_seats_expert_id"), table_name="panel_seats")
    op.drop_table("panel_seats")
    op.drop_index(op.f("ix_expert_panels_case_id"), table_name="expert_panels")
    op.drop_table("expert_panels")
    op.drop_table("experts")
