"""Referrals (issue 17 item 1): partner bodies, referrals of cases and consultations, documents received back.

Revision ID: 0010_referrals
Revises: 0009_row_versions
"""

import sqlalchemy as sa
from alembic import op

revision = "0010_referrals"
down_revision = "0009_row_versions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_bodies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("jurisdiction", sa.String(length=200), nullable=False),
        sa.Column("matters", sa.String(length=100), nullable=False),
        sa.Column("contact", sa.Text(), nullable=False),
        sa.Column("source_note", sa.Text(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_bodies")),
        sa.UniqueConstraint("name", name=op.f("uq_partner_bodies_name")),
    )
    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=20), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("consultation_id", sa.Integer(), nullable=True),
        sa.Column("body_id", sa.Integer(), nullable=False),
        sa.Column("matter", sa.String(length=20), nullable=False),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("body_reference", sa.String(length=100), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_estimated", sa.Boolean(), nullable=False),
        sa.Column("accepted_on", sa.Date(), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("outcome_on", sa.Date(), nullable=True),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("staff", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("row_version", sa.Integer(), server_default="1", nullable=False),
        sa.ForeignKeyConstraint(
            ["body_id"], ["partner_bodies.id"], name=op.f("fk_referrals_body_id_partner_bodies")
        ),
        sa.ForeignKeyConstraint(
            ["case_id"], ["cases.id"], name=op.f("fk_referrals_case_id_cases"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["consultation_id"],
            ["consultations.id"],
            name=op.f("fk_referrals_consultation_id_consultations"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
        sa.UniqueConstraint("number", name=op.f("uq_referrals_number")),
    )
    op.create_index(op.f("ix_referrals_body_id"), "referrals", ["body_id"], unique=False)
    op.create_index(op.f("ix_referrals_case_id"), "referrals", ["case_id"], unique=False)
    op.create_index(op.f("ix_referrals_consultation_id"), "referrals", ["consultation_id"], unique=False)
    op.create_index("ix_referrals_follow_up", "referrals", ["outcome", "follow_up_on"], unique=False)
    op.create_table(
        "referral_documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("referral_id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("evidence_id", sa.Integer(), nullable=True),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("added_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["evidence_id"],
            ["evidence.id"],
            name=op.f("fk_referral_documents_evidence_id_evidence"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["referral_id"],
            ["referrals.id"],
            name=op.f("fk_referral_documents_referral_id_referrals"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referral_documents")),
    )
    op.create_index(
        op.f("ix_referral_documents_referral_id"), "referral_documents", ["referral_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_referral_documents_referral_id"), table_name="referral_documents")
    op.drop_table("referral_documents")
    for name in (
        "ix_referrals_follow_up",
        "ix_referrals_consultation_id",
        "ix_referrals_case_id",
        "ix_referrals_body_id",
    ):
        op.drop_index(name, table_name="referrals")
    op.drop_table("referrals")
    op.drop_table("partner_bodies")
