"""Display names (Chinese / English) of the codes the figures are keyed by. Keys stay codes in JSON.

The case codes (IP types, statuses, channels, assistance kinds) and the early-warning project kinds and
severities come from ``qcy_workstation.labels``."""

from __future__ import annotations

from qcy_workstation import labels as core

IP_TYPES = core.IP_TYPES_OR_UNSTATED
STATUSES = core.CASE_STATUSES
CHANNELS = core.CHANNELS
ASSISTANCE = core.ASSISTANCE_KINDS
PROJECT_KINDS = core.PROJECT_KINDS
SEVERITIES = core.SEVERITIES
RISK_STATUSES = {"open": ("待处理", "Open"), "accepted": ("已接受", "Accepted"), "resolved": ("已解决", "Resolved")}
OUTCOMES = {"opinion_issued": ("出具意见", "Opinion issued"), "closed": ("结案", "Closed"),
            "declined": ("不予受理", "Declined"), "withdrawn": ("撤回", "Withdrawn")}

_ALL = (IP_TYPES, STATUSES, CHANNELS, ASSISTANCE, PROJECT_KINDS, SEVERITIES, RISK_STATUSES, OUTCOMES)


def label(code: str, lang: str = "zh", table: dict[str, tuple[str, str]] | None = None) -> str:
    """The display name of ``code`` (looked up in ``table`` or in every table); the code itself if unknown."""
    tables = (table,) if table is not None else _ALL
    for t in tables:
        if code in t:
            return t[code][0 if lang == "zh" else 1]
    return code
