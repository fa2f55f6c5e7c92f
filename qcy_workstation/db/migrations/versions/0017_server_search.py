"""A secured server's search and policies made again (issue 15): ``qcy_fts_ids`` replaces ``qcy_fts_probe``, rows
hanging off a case look their case up instead of testing the set of hidden cases, and ``file_keys`` gets its
policy. Nothing changes in the schema: every migration of a secured store ends with ``secure_server``
(``db/store.py: migrate``), which makes the functions and policies of this client; the revision marks the
store as needing this client, so an older desk, whose search would call the function this drops, is told to
update instead.

Revision ID: 0017_server_search
Revises: 0016_file_keys
"""

revision = "0017_server_search"
down_revision = "0016_file_keys"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """No schema change (see the module's docstring)."""


def downgrade() -> None:
    """No schema change."""
