"""Plain values the expert-panel service takes and hands out (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

#: Limits on what one expert is paid for one meeting: a larger figure is a mistyped one.
MAX_HOURS = Decimal("100")
MAX_FEE = Decimal("1000000")  # yuan


@dataclass(frozen=True)
class NewExpert:
    name: str
    field: str = ""
    ipc_classes: str = ""  # "H04L, G06F 17/30" (IPC: section letter, class, subclass, group)
    nice_classes: str = ""  # "30, 43" (Nice classes 1-45)
    affiliation: str = ""
    contact: str = ""


@dataclass(frozen=True)
class ExpertView:
    id: int
    name: str
    field: str
    ipc_classes: tuple[str, ...]
    nice_classes: tuple[str, ...]
    affiliation: str
    contact: str
    active: bool
    panels: int = 0  # panels the expert sat on

    @property
    def label(self) -> str:
        return f"{self.name}（{self.affiliation}）" if self.affiliation else self.name


@dataclass(frozen=True)
class ExpertConflict:
    """An expert whose name or affiliation resembles a party of the case (the intake conflict check's keys)."""

    expert_id: int
    expert: str
    matched: str  # "name" | "affiliation"
    text: str  # the expert's name or affiliation that matched
    party: str
    role: str  # the party's role in the case: "applicant" | "opponent"
    score: float


@dataclass(frozen=True)
class Seat:
    """An expert to seat (id or exact name), with hours and/or a fee (yuan) when already known."""

    expert: int | str
    hours: Decimal | float | str | None = None
    fee: Decimal | float | str | None = None


@dataclass(frozen=True)
class NewPanel:
    case_number: str
    experts: tuple[int | str | Seat, ...]
    held_on: date | None = None  # default: today (China)
    questions: str = ""


@dataclass(frozen=True)
class SeatView:
    expert_id: int
    name: str
    affiliation: str
    field: str
    opinion: str
    hours: float | None
    fee: float | None


@dataclass(frozen=True)
class PanelView:
    id: int
    number: str
    case_number: str
    case_title: str
    held_on: date
    questions: str
    conclusion: str
    dissent: str
    concluded_on: date | None
    staff: str
    row_version: int
    seats: tuple[SeatView, ...] = field(default_factory=tuple)

    @property
    def concluded(self) -> bool:
        return self.concluded_on is not None

    @property
    def total_hours(self) -> float:
        return sum(s.hours or 0.0 for s in self.seats)

    @property
    def total_fee(self) -> float:
        return sum(s.fee or 0.0 for s in self.seats)
