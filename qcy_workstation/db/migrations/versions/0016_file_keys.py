"""Per-file keys (issue 14 item 5, a file shared by two confidential cases): each sealed file's own random key,
wrapped under the key of every confidential case that uses the file, and under a key derived from its
plaintext (``accounts/file_keys.py``).

Revision ID: 0016_file_keys
Revises: 0015_rights_events
"""

import sqlalchemy as sa
from alembic import op

revision = "0016_file_keys"
down_revision = "0015_rights_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("area", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=True),
        sa.Column("key_id", sa.String(length=32), nullable=False),
        sa.Column("file_key_id", sa.String(length=32), nullable=False),
        sa.Column("wrapped", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(["case_id"], ["cases.id"], name=op.f("fk_file_keys_case_id_cases"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_file_keys")),
        sa.UniqueConstraint("area", "sha256", "case_id", name=op.f("uq_file_keys_area_sha256_case_id")),
    )
    op.create_index(op.f("ix_file_keys_sha256"), "file_keys", ["sha256"])
    op.create_index(op.f("ix_file_keys_case_id"), "file_keys", ["case_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_file_keys_case_id"), table_name="file_keys")
    op.drop_index(op.f("ix_file_keys_sha256"), table_name="file_keys")
    op.drop_table("file_keys")
