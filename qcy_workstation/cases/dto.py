"""Plain values that cross the core's boundary (to the CLI, the UI and its worker threads)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class PartyInput:
    name: str
    uscc: str | None = None
    kind: str = "enterprise"
    address: str = ""
    contact: str = ""
    phone: str = ""
    email: str = ""
    industry: str = ""
    settled: bool = False


@dataclass(frozen=True)
class RightInput:
    kind: str  # patent | trademark | gi | trade-secret
    number: str = ""
    title: str = ""
    patent_kind: str = ""
    claims: str = ""
    nice_classes: str = ""
    similar_groups: str = ""
    goods: str = ""
    protected_area: str = ""
    gi_route: str = ""
    secret_description: str = ""
    secrecy_measures: str = ""
    owner: str = ""


@dataclass(frozen=True)
class NewCase:
    title: str
    ip_type: str
    applicant: PartyInput
    opponent: PartyInput | None = None
    facts: str = ""
    assistance: tuple[str, ...] = ()
    staff: str = ""
    priority: str = "normal"
    confidential: bool = False
    received_on: date | None = None
    rights: tuple[RightInput, ...] = ()


@dataclass(frozen=True)
class CaseFilter:
    ip_type: str | None = None
    status: str | tuple[str, ...] | None = None
    staff: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    deadline: str | None = None  # "overdue" | "due_soon"
    include_confidential: bool = True


@dataclass(frozen=True)
class PartyView:
    id: int
    name: str
    kind: str
    uscc: str | None
    address: str
    contact: str
    phone: str
    email: str
    industry: str
    settled: bool


@dataclass(frozen=True)
class RightView:
    id: int
    kind: str
    number: str
    title: str
    patent_kind: str
    claims: str
    nice_classes: str
    similar_groups: str
    goods: str
    protected_area: str
    gi_route: str
    secret_description: str
    secrecy_measures: str
    owner: str


@dataclass(frozen=True)
class TransitionView:
    from_status: str
    to_status: str
    on: date
    at: datetime
    by: str
    reason: str


@dataclass(frozen=True)
class CaseRow:
    id: int
    number: str
    title: str
    type: str
    status: str
    applicant: str
    opponent: str
    staff: str
    priority: str
    confidential: bool
    received_on: date
    due: date | None  # the deadline that applies in the current status
    deadline_state: str  # "overdue" | "due_soon" | "ok" | "" (no deadline in this status)


@dataclass(frozen=True)
class CaseDetail:
    id: int
    number: str
    title: str
    type: str
    status: str
    facts: str
    assistance: tuple[str, ...]
    staff: str
    priority: str
    confidential: bool
    received_on: date
    accepted_on: date | None
    opinion_on: date | None
    closed_on: date | None
    acceptance_due: date | None
    opinion_due: date | None
    due: date | None
    deadline_state: str
    outcome: str
    applicant: PartyView
    opponent: PartyView | None
    rights: tuple[RightView, ...]
    transitions: tuple[TransitionView, ...]
    allowed_transitions: tuple[str, ...]
    created_by: str
    created_at: datetime
    conflicts: tuple[ConflictHit, ...] = ()
    row_version: int = 0  # what an edit form hands back to update(expected_version=) (no lost update)


@dataclass(frozen=True)
class ConflictHit:
    """An existing case in which a party resembling ``name`` already takes part."""

    name: str  # the name checked (applicant or opponent of the new case)
    role_new: str  # "applicant" | "opponent" in the new case
    matched_party: str
    score: float  # 0-100
    case_number: str
    case_title: str
    case_status: str
    role_existing: str  # "applicant" | "opponent" in the existing case
    kind: str  # "conflict" (sides are reversed) | "related" (same side: already assisted)
    message: str
    confidential: bool = False  # a confidential case the principal may not see: number and title withheld


@dataclass(frozen=True)
class NewConsultation:
    channel: str
    enquirer: str
    topic: str
    summary: str = ""
    advice: str = ""
    organisation: str = ""
    phone: str = ""
    ip_type: str = ""
    staff: str = ""
    at: datetime | None = None  # China local time; now when omitted
    follow_up_on: date | None = None
    case_number: str | None = None


@dataclass(frozen=True)
class ConsultationFilter:
    channel: str | None = None
    ip_type: str | None = None
    staff: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    case_number: str | None = None
    unlinked_only: bool = False


@dataclass(frozen=True)
class ConsultationView:
    id: int
    at: datetime
    channel: str
    staff: str
    enquirer: str
    organisation: str
    phone: str
    ip_type: str
    topic: str
    summary: str
    advice: str
    follow_up_on: date | None
    case_number: str | None
    row_version: int = 0  # what a correction form hands back to update(expected_version=)


@dataclass(frozen=True)
class EvidenceView:
    id: int
    case_number: str
    sha256: str
    original_name: str
    size: int
    source: str
    description: str
    received_on: date
    added_at: datetime
    added_by: str
    encrypted: bool = False  # stored sealed (a confidential case's file; issue 14 item 5)


@dataclass(frozen=True)
class EvidenceProblem:
    evidence_id: int
    case_number: str
    original_name: str
    problem: str  # "missing" | "modified"


@dataclass(frozen=True)
class WorkstationSettings:
    workstation_name: str = "秦创原知识产权维权援助工作站"
    workstation_name_en: str = "Qin Chuangyuan IP Rights-Protection Assistance Workstation"
    letterhead: str = "秦创原创新驱动平台 · 知识产权维权援助工作站"
    letterhead_en: str = "Qin Chuangyuan Innovation Platform · IP Rights-Protection Assistance Workstation"
    address: str = "陕西省西安市"
    phone: str = "12330"
    acceptance_days: int = 5  # working days from receipt to the acceptance decision
    opinion_days: int = 20  # working days from acceptance to the opinion
    due_soon_days: int = 3  # working days ahead that count as "due soon"
    opened_on: str = ""  # ISO date the workstation opened: nothing is received before it ("" = limits.EARLIEST_DATE)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Leftover:
    """A file in the store's files folder that no record accounts for (``cases.leftovers``)."""

    path: str
    kind: str  # "partial" (a killed add's .incoming-* or a document's .part) | "unreferenced" (evidence)
    size: int
    age_seconds: int
    removed: bool
