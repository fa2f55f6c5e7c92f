"""Per-case keys (issue 14 item 5): each account's X25519 public key, and each confidential case's key
wrapped to every account allowed to see the case (and to the store's recovery public key).

Revision ID: 0011_case_keys
Revises: 0010_referrals
"""

import sqlalchemy as sa
from alembic import op

revision = "0011_case_keys"
down_revision = "0010_referrals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("public_key", sa.Text(), nullable=True))
    op.create_table(
        "case_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=True),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_case_keys_case_id_cases"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["account_id"], ["accounts.id"], name=op.f("fk_case_keys_account_id_accounts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_keys")),
        sa.UniqueConstraint("case_id", "account_id", "purpose", name=op.f("uq_case_keys_case_id_account_id_purpose")),
    )
    op.create_index(op.f("ix_case_keys_case_id"), "case_keys", ["case_id"])
    op.create_index(op.f("ix_case_keys_account_id"), "case_keys", ["account_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_case_keys_account_id"), table_name="case_keys")
    op.drop_index(op.f("ix_case_keys_case_id"), table_name="case_keys")
    op.drop_table("case_keys")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("public_key")
