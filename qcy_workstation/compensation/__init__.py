"""Compensation estimates under the Patent Law, the Trademark Law and the AUCL (headless).

Public API: :func:`estimate` with a :class:`CompensationInput`; money helpers :func:`rmb_capitals` and
:func:`format_rmb`. Rules are versioned data in ``compensation/data``.
"""

from qcy_workstation.compensation.calculator import (
    CompensationEstimate,
    CompensationInput,
    Evidence,
    StatutoryFactors,
    estimate,
    input_from_dict,
    statutory_estimate,
)
from qcy_workstation.compensation.money import format_rmb, rmb_capitals, to_amount
from qcy_workstation.compensation.rules import rule_set_for, rule_sets

__all__ = [
    "CompensationEstimate",
    "CompensationInput",
    "Evidence",
    "StatutoryFactors",
    "estimate",
    "format_rmb",
    "input_from_dict",
    "rmb_capitals",
    "rule_set_for",
    "rule_sets",
    "statutory_estimate",
    "to_amount",
]
