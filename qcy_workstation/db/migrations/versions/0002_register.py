"""Rights register (trademarks, patents, GIs with stored keys) and saved pre-check results (issue 4).

Revision ID: 0002_register
Revises: 0001_core
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_register"
down_revision = "0001_core"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('register_trademarks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('reg_no', sa.String(length=40), nullable=False),
    sa.Column('mark', sa.String(length=200), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('classes', sa.String(length=200), nullable=False),
    sa.Column('groups', sa.String(length=400), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('class_mask', sa.BigInteger(), nullable=False),
    sa.Column('norm', sa.String(length=200), nullable=False),
    sa.Column('cjk', sa.String(length=200), nullable=False),
    sa.Column('latin', sa.String(length=200), nullable=False),
    sa.Column('visual', sa.String(length=200), nullable=False),
    sa.Column('pinyin', sa.String(length=400), nullable=False),
    sa.Column('pinyin_tones', sa.String(length=400), nullable=False),
    sa.Column('pinyin_loose', sa.String(length=400), nullable=False),
    sa.Column('sound', sa.String(length=200), nullable=False),
    sa.Column('latin_sound', sa.String(length=200), nullable=False),
    sa.Column('alias_terms', sa.String(length=400), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('batch', sa.String(length=40), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_trademarks')),
    sa.UniqueConstraint('reg_no', name=op.f('uq_register_trademarks_reg_no'))
    )
    op.create_index(op.f('ix_register_trademarks_norm'), 'register_trademarks', ['norm'], unique=False)
    op.create_table('register_patents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('title', sa.String(length=300), nullable=False),
    sa.Column('owner', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=40), nullable=False),
    sa.Column('claims', sa.Text(), nullable=False),
    sa.Column('claim1_terms', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('batch', sa.String(length=40), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_patents')),
    sa.UniqueConstraint('number', name=op.f('uq_register_patents_number'))
    )
    op.create_index(op.f('ix_register_patents_batch'), 'register_patents', ['batch'], unique=False)
    op.create_table('register_gis',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('gi_id', sa.String(length=80), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('place', sa.String(length=60), nullable=False),
    sa.Column('product', sa.String(length=60), nullable=False),
    sa.Column('province', sa.String(length=60), nullable=False),
    sa.Column('city', sa.String(length=60), nullable=False),
    sa.Column('counties', sa.String(length=300), nullable=False),
    sa.Column('towns', sa.String(length=300), nullable=False),
    sa.Column('routes', sa.String(length=200), nullable=False),
    sa.Column('english', sa.String(length=300), nullable=False),
    sa.Column('aliases', sa.String(length=300), nullable=False),
    sa.Column('certificate', sa.String(length=40), nullable=True),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('verified', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('source', sa.String(length=300), nullable=False),
    sa.Column('batch', sa.String(length=40), nullable=False),
    sa.Column('imported_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_register_gis')),
    sa.UniqueConstraint('gi_id', name=op.f('uq_register_gis_gi_id'))
    )
    op.create_index(op.f('ix_register_gis_batch'), 'register_gis', ['batch'], unique=False)
    op.create_index(op.f('ix_register_gis_name'), 'register_gis', ['name'], unique=False)
    op.create_table('precheck_results',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('case_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('summary', sa.String(length=300), nullable=False),
    sa.Column('inputs_json', sa.Text(), nullable=False),
    sa.Column('result_json', sa.Text(), nullable=False),
    sa.Column('engine_version', sa.String(length=30), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('created_by', sa.String(length=100), nullable=False),
    sa.ForeignKeyConstraint(['case_id'], ['cases.id'], name=op.f('fk_precheck_results_case_id_cases'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_precheck_results'))
    )
    op.create_index(op.f('ix_precheck_results_case_id'), 'precheck_results', ['case_id'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_precheck_results_case_id'), table_name='precheck_results')
    op.drop_table('precheck_results')
    op.drop_index(op.f('ix_register_gis_batch'), table_name='register_gis')
    op.drop_index(op.f('ix_register_gis_name'), table_name='register_gis')
    op.drop_table('register_gis')
    op.drop_index(op.f('ix_register_patents_batch'), table_name='register_patents')
    op.drop_table('register_patents')
    op.drop_index(op.f('ix_register_trademarks_norm'), table_name='register_trademarks')
    op.drop_table('register_trademarks')
