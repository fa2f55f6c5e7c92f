"""Core store: parties, cases, rights, workflow transitions, consultations, evidence, audit, settings.

Revision ID: 0001_core
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001_core"
down_revision = None
branch_labels = None
depends_on = None

# Full-text indexes (SQLite FTS5). Bodies are pre-tokenised by qcy_workstation.cases.search: CJK runs
# as overlapping bigrams plus a trailing unigram, Latin and digits as words, so 1- and 2-character
# Chinese queries work (an FTS5 trigram index cannot answer them).
FTS_TABLES = ("case_fts", "consultation_fts")


def upgrade() -> None:
    op.create_table('audit_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.Column('action', sa.String(length=30), nullable=False),
    sa.Column('entity', sa.String(length=30), nullable=False),
    sa.Column('entity_id', sa.String(length=40), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_events'))
    )
    op.create_index(op.f('ix_audit_events_case_id'), 'audit_events', ['case_id'], unique=False)
    op.create_table('parties',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('name_norm', sa.String(length=200), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('uscc', sa.String(length=18), nullable=True),
    sa.Column('address', sa.String(length=300), nullable=False),
    sa.Column('contact', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('email', sa.String(length=200), nullable=False),
    sa.Column('industry', sa.String(length=100), nullable=False),
    sa.Column('settled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_parties'))
    )
    op.create_index('ix_parties_name', 'parties', ['name'], unique=False)
    op.create_index(op.f('ix_parties_name_norm'), 'parties', ['name_norm'], unique=False)
    op.create_index(op.f('ix_parties_uscc'), 'parties', ['uscc'], unique=False)
    op.create_table('settings',
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_settings'))
    )
    op.create_table('cases',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('ip_type', sa.String(length=20), nullable=False),
    sa.Column('assistance', sa.String(length=300), nullable=False),
    sa.Column('applicant_id', sa.Integer(), nullable=False),
    sa.Column('opponent_id', sa.Integer(), nullable=True),
    sa.Column('facts', sa.Text(), nullable=False),
    sa.Column('staff', sa.String(length=100), nullable=False),
    sa.Column('priority', sa.String(length=10), nullable=False),
    sa.Column('confidential', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('accepted_on', sa.Date(), nullable=True),
    sa.Column('opinion_on', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('acceptance_due', sa.Date(), nullable=True),
    sa.Column('opinion_due', sa.Date(), nullable=True),
    sa.Column('outcome', sa.String(length=300), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['applicant_id'], ['parties.id'], name=op.f('fk_cases_applicant_id_parties')),
    sa.ForeignKeyConstraint(['opponent_id'], ['parties.id'], name=op.f('fk_cases_opponent_id_parties')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cases')),
    sa.UniqueConstraint('number', name=op.f('uq_cases_number')),
    sa.UniqueConstraint('year', 'seq', name=op.f('uq_cases_year_seq'))
    )
    op.create_index('ix_cases_acceptance_due', 'cases', ['acceptance_due'], unique=False)
    op.create_index(op.f('ix_cases_applicant_id'), 'cases', ['applicant_id'], unique=False)
    op.create_index('ix_cases_opinion_due', 'cases', ['opinion_due'], unique=False)
    op.create_index(op.f('ix_cases_opponent_id'), 'cases', ['opponent_id'], unique=False)
    op.create_index('ix_cases_received', 'cases', ['received_on', 'id'], unique=False)
    op.create_index('ix_cases_staff', 'cases', ['staff'], unique=False)
    op.create_index('ix_cases_status_received', 'cases', ['status', 'received_on'], unique=False)
    op.create_index('ix_cases_type_received', 'cases', ['ip_type', 'received_on'], unique=False)
    op.create_table('consultations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('channel', sa.String(length=20), nullable=False),
    sa.Column('staff', sa.String(length=100), nullable=False),
    sa.Column('enquirer', sa.String(length=100), nullable=False),
    sa.Column('organisation', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('ip_type', sa.String(length=20), nullable=False),
    sa.Column('topic', sa.String(length=300), nullable=False),
    sa.Column('summary', sa.Text(), nullable=False),
    sa.Column('advice', sa.Text(), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('case_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_consultations_case_id_cases'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consultations'))
    )
    op.create_index('ix_consultations_at', 'consultations', ['at'], unique=False)
    op.create_index(op.f('ix_consultations_case_id'), 'consultations', ['case_id'], unique=False)
    op.create_index(op.f('ix_consultations_staff'), 'consultations', ['staff'], unique=False)
    op.create_table('evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('original_name', sa.String(length=300), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.Column('added_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_evidence_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_evidence')),
    sa.UniqueConstraint('case_id', 'sha256', name=op.f('uq_evidence_case_id_sha256'))
    )
    op.create_index(op.f('ix_evidence_case_id'), 'evidence', ['case_id'], unique=False)
    op.create_index(op.f('ix_evidence_sha256'), 'evidence', ['sha256'], unique=False)
    op.create_table('rights',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('patent_kind', sa.String(length=20), nullable=False),
    sa.Column('claims', sa.Text(), nullable=False),
    sa.Column('nice_classes', sa.String(length=200), nullable=False),
    sa.Column('similar_groups', sa.String(length=300), nullable=False),
    sa.Column('goods', sa.Text(), nullable=False),
    sa.Column('protected_area', sa.String(length=300), nullable=False),
    sa.Column('gi_route', sa.String(length=30), nullable=False),
    sa.Column('secret_description', sa.Text(), nullable=False),
    sa.Column('secrecy_measures', sa.Text(), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_rights_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rights'))
    )
    op.create_index(op.f('ix_rights_case_id'), 'rights', ['case_id'], unique=False)
    op.create_table('transitions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=20), nullable=False),
    sa.Column('to_status', sa.String(length=20), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('on', sa.Date(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_transitions_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_transitions'))
    )
    op.create_index(op.f('ix_transitions_case_id'), 'transitions', ['case_id'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        for name in FTS_TABLES:
            op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in FTS_TABLES:
            op.execute(f"DROP TABLE IF EXISTS {name}")
    for table in ("audit_events", "evidence", "consultations", "transitions", "rights", "cases", "parties",
                  "settings"):
        op.drop_table(table)
