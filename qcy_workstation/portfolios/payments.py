"""Checks of a recorded renewal or annual fee against the law in ``data/right_terms.json``.

A trademark renewal may be filed in the 12 months before the term expires or in the 6 months' grace after
it, and each renewal runs 10 years from the day after the previous term expires (Trademark Law 2019
Art. 40). A patent's annual fee for patent year N is due on the N-1th anniversary of filing, may be paid
late (with a surcharge) in the 6 months after, and unpaid the patent lapses (Patent Law Arts. 43, 44;
Implementing Regulations Rule 98). A date outside these bounds is refused with a code and nothing is saved.
"""

from __future__ import annotations

from datetime import date, timedelta

from qcy_workstation.db.base import china_today
from qcy_workstation.errors import ValidationError
from qcy_workstation.portfolios.dto import PATENT_KINDS, RightView


def _not_future(day: date, field: str) -> None:
    if not isinstance(day, date):
        raise ValidationError("is required", field=field, value=day, reason="required")
    if day > china_today():
        raise ValidationError("cannot be in the future", field=field, value=day, reason="portfolio.future_date",
                              params={"date": day.isoformat()})


def renewal_term(right: RightView, filed_on: date) -> tuple[date, date, str]:
    """(new term's first day, its last day, the article) for a renewal filed on ``filed_on``."""
    from qcy_workstation.portfolios.service import _in_force, add_years, law

    if right.kind != "trademark":
        raise ValidationError("only a registered trademark is renewed", field="kind", value=right.kind,
                              reason="portfolio.not_renewable", params={"kind": right.kind})
    _not_future(filed_on, "filed_on")
    if right.registered_on is not None and filed_on < right.registered_on:
        raise ValidationError("a renewal cannot be filed before the mark was registered", field="filed_on",
                              value=filed_on, reason="portfolio.renewal_before_registration",
                              params={"date": filed_on.isoformat(), "registered_on": right.registered_on.isoformat()})
    if right.term_ends is None or right.renewal_opens is None or right.grace_ends is None:
        raise ValidationError("no renewal rule covers this mark's expiry", field="filed_on", value=filed_on,
                              reason="portfolio.no_rule", params={"date": filed_on.isoformat()})
    if not right.renewal_opens <= filed_on <= right.grace_ends:
        raise ValidationError("a renewal is filed in the 12 months before expiry or the 6 months' grace after it",
                              field="filed_on", value=filed_on, reason="portfolio.renewal_outside_window",
                              params={"date": filed_on.isoformat(), "opens": right.renewal_opens.isoformat(),
                                      "grace": right.grace_ends.isoformat(), "article": right.renewal_article_en})
    rule = _in_force(law()["renewal"], right.term_ends, "trademark")
    assert rule is not None  # renewal_opens was computed from it
    start = right.term_ends + timedelta(days=1)
    return start, add_years(start, int(rule["renewal_years"])) - timedelta(days=1), rule["term_article"]["zh"]


def annuity_due(right: RightView, year: int) -> tuple[date, date]:
    """(due date, last day with surcharge) of the annual fee for patent year ``year``."""
    from qcy_workstation.portfolios.service import _in_force, add_months, add_years, law

    assert right.filed_on is not None
    rule = _in_force(law()["annuity"], right.filed_on, right.kind)
    due = add_years(right.filed_on, year - 1)
    return due, add_months(due, int(rule["grace_months"]) if rule else 6)


def check_annuity(right: RightView, year: int, paid_on: date) -> str:
    """The article under which the fee for ``year`` paid on ``paid_on`` is recorded, or a coded error."""
    from qcy_workstation.portfolios.service import _in_force, add_years, law

    if right.kind not in PATENT_KINDS:
        raise ValidationError("annual fees are paid for patents", field="kind", value=right.kind,
                              reason="portfolio.not_a_patent", params={"kind": right.kind})
    _not_future(paid_on, "paid_on")
    if right.filed_on is None or right.term_ends is None:
        raise ValidationError("the patent has no filing date", field="filed_on", value=None, reason="required")
    last = 0  # patent years that begin within the term
    while add_years(right.filed_on, last) <= right.term_ends and last < 100:
        last += 1
    if not isinstance(year, int) or not 1 <= year <= last:
        raise ValidationError(f"patent years run from 1 to {last}", field="year", value=year,
                              reason="portfolio.patent_year", params={"max": last})
    if right.registered_on is not None and paid_on < right.registered_on:
        raise ValidationError("an annual fee is paid from the grant on", field="paid_on", value=paid_on,
                              reason="portfolio.paid_before_grant",
                              params={"date": paid_on.isoformat(), "registered_on": right.registered_on.isoformat()})
    due, late = annuity_due(right, year)
    if paid_on > late:
        raise ValidationError("paid after the 6 months' late period: the patent lapsed unless restored",
                              field="paid_on", value=paid_on, reason="portfolio.annuity_late",
                              params={"date": paid_on.isoformat(), "due": due.isoformat(), "late": late.isoformat()})
    rule = _in_force(law()["annuity"], right.filed_on, right.kind)
    return rule["article"]["zh"] if rule else ""
