"""Indexes that keep the dashboard's GROUP BY queries on narrow covering indexes (no table scans, no sorts).

They live on core tables but serve only statistics, so they are declared here and created by migration
``0004_warning``. Each one leads with the grouped column(s) and carries the date the period filters on, so
SQLite reads groups in index order (measured in ``benchmarks/bench_stats.py``). Importing this module
attaches them to ``Base.metadata``.
"""

from __future__ import annotations

from sqlalchemy import Index

from qcy_workstation.cases.models import Case, Consultation, Transition

STATS_INDEXES = (
    # receipt -> acceptance pairs and acceptance compliance, in (received_on, accepted_on) order
    Index("ix_cases_stats_accept", Case.received_on, Case.accepted_on, Case.acceptance_due),
    # acceptance -> opinion pairs and opinion compliance
    Index("ix_cases_stats_opinion", Case.accepted_on, Case.opinion_on, Case.opinion_due, Case.received_on),
    Index("ix_cases_stats_assist", Case.assistance, Case.received_on),
    Index("ix_cases_stats_applicant", Case.applicant_id, Case.received_on),
    Index("ix_consultations_stats_channel", Consultation.channel, Consultation.at, Consultation.case_id),
    Index("ix_consultations_stats_ip", Consultation.ip_type, Consultation.at),
    Index("ix_consultations_stats_topic", Consultation.topic, Consultation.at),
    Index("ix_transitions_stats", Transition.to_status, Transition.on, Transition.case_id),
)
