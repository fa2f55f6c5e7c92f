"""Encrypted confidential evidence (issue 14 item 5): the data key's wrappings for accounts, sessions and
the recovery key, and the ciphertext hashes of sealed files (``store check`` without a key).

Revision ID: 0007_sealed_files
Revises: 0006_accounts
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_sealed_files"
down_revision = "0006_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("key_wrap", sa.Text(), nullable=True))
    with op.batch_alter_table("login_sessions") as batch:
        batch.add_column(sa.Column("key_wrap", sa.Text(), nullable=True))
    op.create_table(
        "store_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("purpose", sa.String(length=20), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_store_keys")),
        sa.UniqueConstraint("purpose", name=op.f("uq_store_keys_purpose")),
    )
    op.create_table(
        "sealed_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("cipher_sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sealed_files")),
        sa.UniqueConstraint("area", "sha256", name=op.f("uq_sealed_files_area_sha256")),
    )


def downgrade() -> None:
    op.drop_table("sealed_files")
    op.drop_table("store_keys")
    with op.batch_alter_table("login_sessions") as batch:
        batch.drop_column("key_wrap")
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("key_wrap")
