"""Plain values the portfolio service takes and hands out (never ORM rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

#: Kinds of right an enterprise holds (code: zh, en).
RIGHT_KINDS: dict[str, tuple[str, str]] = {
    "trademark": ("注册商标", "Trademark"),
    "invention": ("发明专利", "Invention patent"),
    "utility_model": ("实用新型专利", "Utility model patent"),
    "design": ("外观设计专利", "Design patent"),
    "gi": ("地理标志专用标志使用授权", "GI authorisation"),
}
PATENT_KINDS = ("invention", "utility_model", "design")
#: What falls due (code: zh, en).
EVENTS: dict[str, tuple[str, str]] = {
    "renewal_opens": ("续展期开始", "Renewal window opens"),
    "term_ends": ("有效期/保护期届满", "Term ends"),
    "grace_ends": ("宽展期/滞纳期届满", "Grace period ends"),
    "annuity_due": ("年费应缴", "Annual fee due"),
}
DEFAULT_DUE_DAYS = 90


@dataclass(frozen=True)
class NewRight:
    enterprise: str  # the party's id or exact name
    kind: str
    number: str
    title: str = ""
    classes: str = ""
    filed_on: date | None = None
    registered_on: date | None = None
    expires_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class RightView:
    id: int
    enterprise_id: int
    enterprise: str
    kind: str
    number: str
    title: str
    classes: str
    filed_on: date | None
    registered_on: date | None
    expires_on: date | None  # as entered
    term_ends: date | None  # entered expiry, or computed from the law
    term_computed: bool
    term_article: str  # zh citation of the rule the term comes from
    term_article_en: str
    renewal_opens: date | None  # trademarks
    grace_ends: date | None  # trademarks: renewal grace
    renewal_article: str
    renewal_article_en: str
    note: str
    paid_year: int = 0  # patents: the last patent year whose annual fee is recorded as paid
    renewals: int = 0  # trademarks: renewals recorded


@dataclass(frozen=True)
class DueItem:
    """One date that falls due for one right of one enterprise."""

    date: date
    event: str  # EVENTS
    enterprise_id: int
    enterprise: str
    right_id: int
    kind: str
    number: str
    title: str
    grace_ends: date | None  # until when it can still be done late (renewal grace, annuity with surcharge)
    article: str
    article_en: str
    patent_year: int | None = None  # annuity_due: the patent year the fee is for


@dataclass(frozen=True)
class RightEventView:
    """A renewal or an annual fee recorded for one right."""

    id: int
    right_id: int
    kind: str  # renewal | annuity
    on: date
    patent_year: int | None
    term_from: date | None
    term_to: date | None
    article: str
    note: str
    created_by: str
