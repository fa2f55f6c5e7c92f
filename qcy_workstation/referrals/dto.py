"""Plain values the referrals service takes and hands out (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

#: Kinds of partner body (code: zh, en), in the order the directory lists them.
BODY_KINDS: dict[str, tuple[str, str]] = {
    "market_regulation": ("市场监督管理部门", "Market regulation bureau"),
    "ip_office": ("知识产权管理部门", "IP administration"),
    "court": ("人民法院", "Court"),
    "mediation": ("调解组织", "Mediation committee"),
    "arbitration": ("仲裁委员会", "Arbitration commission"),
    "customs": ("海关", "Customs"),
    "notary": ("公证机构", "Notary office"),
    "industry_association": ("行业协会", "Industry association"),
    "university_tto": ("高校技术转移机构", "University tech-transfer office"),
    "ip_service": ("知识产权服务机构", "IP service firm"),
}
#: Outcomes a body reports (code: zh, en). "accepted" is a step on the way (the body took the matter up);
#: every other outcome closes the referral.
OUTCOMES: dict[str, tuple[str, str]] = {
    "accepted": ("已受理/立案", "Accepted"),
    "penalty": ("作出行政处罚", "Administrative penalty"),
    "judgment": ("作出判决", "Judgment"),
    "mediation": ("达成调解协议", "Mediation agreement"),
    "withdrawn": ("已撤回", "Withdrawn"),
    "declined": ("不予受理", "Declined"),
}
FINAL_OUTCOMES = tuple(k for k in OUTCOMES if k != "accepted")
#: Working days until the first follow-up when none is given. Workstation practice, not a statute: the
#: bodies' own time limits differ (e.g. a market regulation bureau decides on a complaint within a time
#: its rules set); staff change it per referral.
DEFAULT_FOLLOW_UP_WORKING_DAYS = 10


@dataclass(frozen=True)
class NewBody:
    name: str
    kind: str
    jurisdiction: str = ""
    matters: tuple[str, ...] = ()
    contact: str = ""
    source_note: str = ""


@dataclass(frozen=True)
class BodyView:
    id: int
    name: str
    kind: str
    jurisdiction: str
    matters: tuple[str, ...]
    contact: str
    source_note: str
    active: bool
    referrals: int = 0


@dataclass(frozen=True)
class NewReferral:
    """Refer a case (``case_number``) or a consultation (``consultation_id``) to ``body`` (id or exact name)."""

    body: int | str
    case_number: str | None = None
    consultation_id: int | None = None
    referred_on: date | None = None  # default: today (China)
    request: str = ""
    matter: str = ""  # default: the case's or the consultation's IP type
    body_reference: str = ""
    follow_up_days: int | None = None  # working days; default DEFAULT_FOLLOW_UP_WORKING_DAYS
    follow_up_on: date | None = None  # an explicit date instead of the working days


@dataclass(frozen=True)
class ReceivedDocument:
    id: int
    title: str
    received_on: date
    evidence_id: int | None
    added_by: str


@dataclass(frozen=True)
class ReferralView:
    id: int
    number: str
    body_id: int
    body_name: str
    body_kind: str
    case_number: str | None
    consultation_id: int | None
    subject: str  # the case title or the consultation topic
    applicant: str  # the case's applicant or the enquirer's organisation
    matter: str
    referred_on: date
    request: str
    body_reference: str
    follow_up_on: date | None
    follow_up_estimated: bool  # a year beyond the official holiday schedule: weekends only
    accepted_on: date | None
    outcome: str
    outcome_on: date | None
    outcome_note: str
    staff: str
    row_version: int
    matter_taken: bool  # False: the body's directory entry does not list this kind of matter
    documents: tuple[ReceivedDocument, ...] = field(default_factory=tuple)
    follow_up_state: str = ""  # "overdue", "due" (open, a follow-up date set) or "" (closed or none)

    @property
    def closed(self) -> bool:
        return self.outcome in FINAL_OUTCOMES
