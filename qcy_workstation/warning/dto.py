"""Plain values of the early-warning service (in and out of the core; safe across threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

PROJECT_KINDS = ("rd", "trade", "investment", "tech_transfer")
SEVERITIES = ("high", "medium", "low")
RISK_STATUSES = ("open", "accepted", "resolved")
ACTIONS = ("fto_opinion", "design_around", "licence", "opposition_invalidation_search", "change_mark",
           "due_diligence")
CATEGORIES = ("patent", "trademark", "gi", "party")


@dataclass(frozen=True)
class NewProject:
    """A project to watch. Lists are plain tuples of strings; ``nice_classes`` like ``"9,35"`` or groups."""

    title: str
    enterprise: str
    kind: str  # rd | trade | investment | tech_transfer
    enterprise_uscc: str | None = None
    industry: str = ""
    target_markets: tuple[str, ...] = ()
    technology: str = ""
    key_features: tuple[str, ...] = ()
    marks: tuple[str, ...] = ()
    product_names: tuple[str, ...] = ()
    nice_classes: str = ""
    gis: tuple[str, ...] = ()
    producer_region: str = ""
    counterparties: tuple[str, ...] = ()
    start_on: date | None = None
    end_on: date | None = None
    owner: str = ""
    watched: bool = True
    notes: str = ""


@dataclass(frozen=True)
class RiskView:
    id: int
    key: str
    category: str
    subject: str
    target: str
    target_ref: str
    severity: str
    score: int
    reason: str
    reason_en: str
    action: str
    action_text: str
    owner: str
    follow_up_on: date | None
    status: str
    flag: str  # "new" | "changed" | "" (seen)
    active: bool
    first_seen_at: datetime
    changed_at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProjectView:
    id: int
    number: str
    title: str
    enterprise: str
    enterprise_uscc: str | None
    industry: str
    kind: str
    target_markets: tuple[str, ...]
    technology: str
    key_features: tuple[str, ...]
    marks: tuple[str, ...]
    product_names: tuple[str, ...]
    nice_classes: str
    gis: tuple[str, ...]
    producer_region: str
    counterparties: tuple[str, ...]
    start_on: date | None
    end_on: date | None
    owner: str
    watched: bool
    status: str
    notes: str
    created_at: datetime
    created_by: str
    last_screened_at: datetime | None
    risks: tuple[RiskView, ...] = ()


@dataclass(frozen=True)
class ProjectRow:
    """One line of the project list."""

    number: str
    title: str
    enterprise: str
    kind: str
    watched: bool
    status: str
    owner: str
    last_screened_at: datetime | None
    risks_high: int
    risks_medium: int
    risks_low: int
    flagged: int
    needs_rescreen: bool


@dataclass(frozen=True)
class ScreeningResult:
    """What one screening found: every current risk, and which of them are new or changed."""

    project: str
    screening_id: int
    trigger: str
    at: datetime
    risks: tuple[RiskView, ...]
    new: tuple[RiskView, ...]
    changed: tuple[RiskView, ...]
    gone: tuple[RiskView, ...]
    unchanged: int
    register_state: dict[str, Any]
    sources: dict[str, int]  # how many register entries each screen looked at
    notes: tuple[str, ...] = ()
