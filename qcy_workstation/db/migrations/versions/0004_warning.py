"""Early warning: projects, risks and screenings (issue 6), and covering indexes for the statistics
(declared in qcy_workstation/stats/models.py; they lead with the grouped column, see that module).

Revision ID: 0004_warning
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_warning"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('warning_projects',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=20), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('enterprise', sa.String(length=200), nullable=False),
    sa.Column('enterprise_uscc', sa.String(length=18), nullable=True),
    sa.Column('industry', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('target_markets', sa.Text(), nullable=False),
    sa.Column('technology', sa.Text(), nullable=False),
    sa.Column('key_features', sa.Text(), nullable=False),
    sa.Column('marks', sa.Text(), nullable=False),
    sa.Column('product_names', sa.Text(), nullable=False),
    sa.Column('nice_classes', sa.String(length=200), nullable=False),
    sa.Column('gis', sa.Text(), nullable=False),
    sa.Column('producer_region', sa.String(length=200), nullable=False),
    sa.Column('counterparties', sa.Text(), nullable=False),
    sa.Column('start_on', sa.Date(), nullable=True),
    sa.Column('end_on', sa.Date(), nullable=True),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('watched', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.Column('last_screened_at', sa.DateTime(), nullable=True),
    sa.Column('register_state', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warning_projects')),
    sa.UniqueConstraint('number', name=op.f('uq_warning_projects_number'))
    )
    op.create_index(op.f('ix_warning_projects_created_at'), 'warning_projects', ['created_at'], unique=False)
    op.create_table('warning_risks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=300), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('subject', sa.String(length=300), nullable=False),
    sa.Column('target', sa.String(length=300), nullable=False),
    sa.Column('target_ref', sa.String(length=100), nullable=False),
    sa.Column('severity', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('reason_en', sa.Text(), nullable=False),
    sa.Column('action', sa.String(length=40), nullable=False),
    sa.Column('action_text', sa.Text(), nullable=False),
    sa.Column('details', sa.Text(), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('owner', sa.String(length=100), nullable=False),
    sa.Column('follow_up_on', sa.Date(), nullable=True),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('flag', sa.String(length=10), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('flagged_screening_id', sa.Integer(), nullable=True),
    sa.Column('first_seen_at', sa.DateTime(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['project_id'], ['warning_projects.id'], name=op.f('fk_warning_risks_project_id_warning_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warning_risks')),
    sa.UniqueConstraint('project_id', 'key', name=op.f('uq_warning_risks_project_id_key'))
    )
    op.create_index(op.f('ix_warning_risks_project_id'), 'warning_risks', ['project_id'], unique=False)
    op.create_index('ix_warning_risks_severity_status', 'warning_risks', ['severity', 'status'], unique=False)
    op.create_table('warning_screenings',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('project_id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(), nullable=False),
    sa.Column('by', sa.String(length=100), nullable=False),
    sa.Column('trigger', sa.String(length=20), nullable=False),
    sa.Column('register_state', sa.Text(), nullable=False),
    sa.Column('new', sa.Integer(), nullable=False),
    sa.Column('changed', sa.Integer(), nullable=False),
    sa.Column('unchanged', sa.Integer(), nullable=False),
    sa.Column('gone', sa.Integer(), nullable=False),
    sa.Column('engine', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['project_id'], ['warning_projects.id'], name=op.f('fk_warning_screenings_project_id_warning_projects'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_warning_screenings'))
    )
    op.create_index(op.f('ix_warning_screenings_project_id'), 'warning_screenings', ['project_id'], unique=False)
    op.create_index('ix_cases_stats_accept', 'cases', ['received_on', 'accepted_on', 'acceptance_due'], unique=False)
    op.create_index('ix_cases_stats_applicant', 'cases', ['applicant_id', 'received_on'], unique=False)
    op.create_index('ix_cases_stats_assist', 'cases', ['assistance', 'received_on'], unique=False)
    op.create_index('ix_cases_stats_opinion', 'cases', ['accepted_on', 'opinion_on', 'opinion_due', 'received_on'], unique=False)
    op.create_index('ix_consultations_stats_channel', 'consultations', ['channel', 'at', 'case_id'], unique=False)
    op.create_index('ix_consultations_stats_ip', 'consultations', ['ip_type', 'at'], unique=False)
    op.create_index('ix_consultations_stats_topic', 'consultations', ['topic', 'at'], unique=False)
    op.create_index('ix_transitions_stats', 'transitions', ['to_status', 'on', 'case_id'], unique=False)


def downgrade() -> None:
    op.drop_index('ix_transitions_stats', table_name='transitions')
    op.drop_index('ix_consultations_stats_topic', table_name='consultations')
    op.drop_index('ix_consultations_stats_ip', table_name='consultations')
    op.drop_index('ix_consultations_stats_channel', table_name='consultations')
    op.drop_index('ix_cases_stats_opinion', table_name='cases')
    op.drop_index('ix_cases_stats_assist', table_name='cases')
    op.drop_index('ix_cases_stats_applicant', table_name='cases')
    op.drop_index('ix_cases_stats_accept', table_name='cases')
    op.drop_index(op.f('ix_warning_screenings_project_id'), table_name='warning_screenings')
    op.drop_table('warning_screenings')
    op.drop_index('ix_warning_risks_severity_status', table_name='warning_risks')
    op.drop_index(op.f('ix_warning_risks_project_id'), table_name='warning_risks')
    op.drop_table('warning_risks')
    op.drop_index(op.f('ix_warning_projects_created_at'), table_name='warning_projects')
    op.drop_table('warning_projects')
