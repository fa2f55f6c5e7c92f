"""Personal information (PIPL, issue 14 item 6): who sees enquirers' and parties' contact details in full,
how they are masked for everyone else, and how long consultations that never became cases keep them.

The rule (``personal.view_full`` in ``accounts/data/permissions.json``): the registrar (logs consultations
and calls enquirers back), the case officer (contacts the parties of the cases) and the head see phone
numbers, contact persons, e-mail addresses and ID numbers in full. The reviewer (reviews and issues
documents) and the administrator (accounts, settings, backup) do not need them: every list, search result,
opened record and export the services hand them carries masked values (``138****5678``,
``610***********1234``, ``王**``, ``w***@example.com``). Masking happens here, in the services' values, so
no page or CLI command can show more than the account may see. A store without accounts shows everything.

No field holds an ID number (身份证号) as such, but one may be typed into a free-text field (the summary of a
consultation, a case's facts): such numbers, and mobile numbers, are masked inside the text too. An ID
number is recognised by its GB 11643-1999 check character and a real birth date, so an 18-digit credit
code or a patent number is left alone.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date
from typing import Any

from qcy_workstation.accounts.permissions import may
from qcy_workstation.accounts.principal import Principal
from qcy_workstation.errors import ValidationError

VIEW_FULL = "personal.view_full"
ANONYMISE = "personal.anonymise"
#: What an anonymised consultation's enquirer reads (the column is required, so it is not left empty).
ANONYMISED = "（已匿名）"
RETENTION_KEY = "consultation_retention_months"
RETENTION_MONTHS = 36  # default: three years after the consultation (0: keep forever)
_RETENTION_RANGE = (0, 600)

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_ID_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])")
_MOBILE_IN_TEXT = re.compile(r"(?<![0-9A-Za-z])(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?![0-9A-Za-z])")


def sees_full(principal: Principal) -> bool:
    """Whether ``principal`` sees personal details unmasked (every account on a store without accounts)."""
    return may(principal, VIEW_FULL)


# ---------------------------------------------------------------- masks


def mask_phone(value: str | None) -> str:
    """``13812345678`` -> ``138****5678``; ``029-88123456`` -> ``029-****3456``. The first three and the last
    four digits stay (the last two of a short number); separators stay where they were."""
    text = value or ""
    digits = sum(ch.isdigit() for ch in text)
    if not digits:
        return "*" * len(text) if text else ""
    keep_head, keep_tail = (3, 4) if digits >= 8 else (0, 2 if digits > 2 else 0)
    out, seen = [], 0
    for ch in text:
        if ch.isdigit():
            seen += 1
            out.append(ch if seen <= keep_head or seen > digits - keep_tail else "*")
        else:
            out.append(ch)
    return "".join(out)


def is_id_number(value: str) -> bool:
    """A resident identity card number (GB 11643-1999): 18 characters with a valid check character and birth
    date, or an old 15-digit number with a valid birth date."""
    v = value.strip().upper()
    if len(v) == 18 and v[:17].isdigit():
        if _ID_CHECK[sum(int(c) * w for c, w in zip(v[:17], _ID_WEIGHTS, strict=True)) % 11] != v[17]:
            return False
        birth = v[6:14]
    elif len(v) == 15 and v.isdigit():
        birth = "19" + v[6:12]
    else:
        return False
    try:
        born = date(int(birth[:4]), int(birth[4:6]), int(birth[6:8]))
    except ValueError:
        return False
    return date(1900, 1, 1) <= born


def mask_id_number(value: str | None) -> str:
    """``610102199003071234`` -> ``610***********1234`` (the first three and the last four stay)."""
    text = (value or "").strip()
    if len(text) <= 7:
        return "*" * len(text)
    return text[:3] + "*" * (len(text) - 7) + text[-4:]


def mask_name(value: str | None) -> str:
    """A person's name: its first character and a star for each other one (``王经理`` -> ``王**``)."""
    text = (value or "").strip()
    if not text or text == ANONYMISED:
        return text
    return text[0] + "".join(" " if ch == " " else "*" for ch in text[1:])


def mask_email(value: str | None) -> str:
    """``wang.li@example.com`` -> ``w***@example.com``."""
    text = (value or "").strip()
    if "@" not in text:
        return mask_name(text)
    local, _, domain = text.partition("@")
    return (local[:1] + "***" if local else "") + "@" + domain


def mask_text(value: str | None, *, whole: bool = False) -> str:
    """Free text with every ID number and mobile number in it masked (``whole``: every digit of them, as
    anonymisation does); everything else as written."""
    text = value or ""
    if not any(ch.isdigit() for ch in text):
        return text

    def hide(found: str, mask: Callable[[str], str]) -> str:
        return re.sub(r"[0-9Xx]", "*", found) if whole else mask(found)

    def id_number(m: re.Match[str]) -> str:
        return hide(m.group(0), mask_id_number) if is_id_number(m.group(0)) else m.group(0)

    text = _ID_IN_TEXT.sub(id_number, text)
    return _MOBILE_IN_TEXT.sub(lambda m: hide(m.group(0), mask_phone), text)


_ANONYMISED_KEYS = ("enquirer", "organisation", "summary", "advice")


def mask_details(details: dict[str, Any], *, anonymised: bool = False) -> dict[str, Any]:
    """An audit event's details as a reader without ``personal.view_full`` sees them: phones, contact
    persons, e-mail and ID/mobile numbers in texts masked, also inside ``[old, new]`` pairs. ``anonymised``
    (the event of a consultation anonymised since): its enquirer, organisation, summary and advice are not
    shown at all, to anyone. The stored row is never changed (the hash chain stays whole)."""
    def one(key: str, value: Any) -> Any:
        if isinstance(value, list | tuple):
            return [one(key, v) for v in value]
        if isinstance(value, dict):
            return mask_details(value, anonymised=anonymised)
        if not isinstance(value, str):
            return value
        if anonymised and (key in _ANONYMISED_KEYS or key.endswith("phone")):
            return ANONYMISED if value else value
        if key.endswith("phone"):
            return mask_phone(value)
        if key.endswith("contact"):
            return mask_name(value)
        if key.endswith("email"):
            return mask_email(value)
        return mask_text(value)

    return {k: one(k, v) for k, v in details.items()}


# ---------------------------------------------------------------- retention


def retention_months(extra: dict[str, str]) -> int:
    """The ``consultation_retention_months`` setting (default 36; 0 keeps consultations forever)."""
    try:
        return check_retention_months(extra.get(RETENTION_KEY, RETENTION_MONTHS))
    except ValidationError:  # a hand-edited store: the default rather than anonymising everything
        return RETENTION_MONTHS


def check_retention_months(value: object) -> int:
    lo, hi = _RETENTION_RANGE
    try:
        number = int(str(value).strip())
    except ValueError:
        raise ValidationError("must be a whole number of months", field=RETENTION_KEY, value=value,
                              reason="number.whole") from None
    if not lo <= number <= hi:
        raise ValidationError(f"must be between {lo} and {hi}", field=RETENTION_KEY, value=value,
                              reason="number.range", params={"min": lo, "max": hi})
    return number


def months_before(day: date, months: int) -> date:
    """``day`` moved back by whole calendar months (31 March minus one month is 28/29 February)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
