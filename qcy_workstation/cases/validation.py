"""Validators for identifiers and codes staff type in. Each raises ValidationError naming the field.

Algorithms: GB 32100-2015 (Unified Social Credit Code) and the CNIPA application-number check
character (see shared DOMAIN.md, "Identifiers").
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

from qcy_workstation import limits
from qcy_workstation.cases.names import fold_width
from qcy_workstation.errors import ValidationError

IP_TYPES = ("trademark", "patent", "gi", "trade-secret")
CHANNELS = ("walk-in", "phone", "online", "letter")
PRIORITIES = ("low", "normal", "high", "urgent")
ASSISTANCE = (
    "infringement-opinion",
    "compensation-estimate",
    "legal-consultation",
    "dispute-route",
    "early-warning",
)
PATENT_KINDS = ("invention", "utility_model", "design")
GI_ROUTES = ("gi_product", "collective_mark", "certification_mark", "agricultural_gi")

USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = [pow(3, i, 31) for i in range(17)]
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ORG_CHARSET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def _fold(text: str) -> str:
    """Full-width ASCII to half-width, trimmed: what people paste from Word or a web page."""
    return fold_width(text).strip()


def uscc_check_char(first17: str) -> str:
    """The 18th character of a Unified Social Credit Code (GB 32100-2015, weights 3^i mod 31)."""
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(first17, _USCC_WEIGHTS, strict=True))
    return USCC_CHARSET[(31 - total % 31) % 31]


def org_code_check_char(first8: str) -> str:
    """Check character of the 9-character organisation code (GB 11714), positions 9-17 of a USCC."""
    total = sum(_ORG_CHARSET.index(c) * w for c, w in zip(first8, _ORG_WEIGHTS, strict=True))
    r = 11 - total % 11
    return "X" if r == 10 else "0" if r == 11 else str(r)


def validate_uscc(value: str, field: str = "uscc") -> str:
    """Return the normalised code or raise. Checks charset, length and the GB 32100-2015 check character."""
    code = _fold(value).upper().replace(" ", "")
    if len(code) != 18:
        raise ValidationError(f"a Unified Social Credit Code has 18 characters, got {len(code)}",
                              field=field, value=value, reason="uscc.length", params={"length": len(code)})
    bad = [c for c in code if c not in USCC_CHARSET]
    if bad:
        raise ValidationError(f"character {bad[0]!r} is not allowed (I, O, S, V, Z and symbols never occur)",
                              field=field, value=value, reason="uscc.char", params={"char": bad[0]})
    if not code[2:8].isdigit():
        raise ValidationError("positions 3-8 must be the 6-digit administrative division code",
                              field=field, value=value, reason="uscc.area")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        raise ValidationError(f"check character is {code[17]!r}, expected {expected!r}", field=field, value=value,
                              reason="uscc.check_char", params={"expected": expected, "got": code[17]})
    return code


def make_uscc(prefix2: str, division6: str, org8: str) -> str:
    """Build a valid code from its parts (demo data and tests); org check and final check computed."""
    org9 = org8 + org_code_check_char(org8)
    first17 = prefix2 + division6 + org9
    return first17 + uscc_check_char(first17)


_APP_NEW = re.compile(r"^(?P<body>(?P<year>\d{4})(?P<type>[12389])\d{7})\.?(?P<check>[0-9X])$")
_APP_OLD = re.compile(r"^(?P<body>\d{2}(?P<type>[12389])\d{5})\.?(?P<check>[0-9X])$")
_PATENT_WEIGHTS = (2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5)
PATENT_TYPE_BY_DIGIT = {"1": "invention", "2": "utility_model", "3": "design", "8": "invention", "9": "utility_model"}


def patent_check_char(body: str) -> str:
    """CNIPA check character: sum(d_i * w_i) mod 11, 10 -> 'X'."""
    r = sum(int(d) * w for d, w in zip(body, _PATENT_WEIGHTS, strict=False)) % 11
    return "X" if r == 10 else str(r)


def validate_patent_number(value: str, field: str = "patent_number") -> str:
    """Accept an application number or a patent number (``ZL`` + application number), with or without
    ``CN`` prefix and the dot. Returns the canonical ``ZL202010566088.9`` form for granted-style input
    and ``202010566088.9`` for bare application numbers."""
    raw = _fold(value).upper().replace(" ", "")
    prefix = ""
    for p in ("ZL", "CN"):
        if raw.startswith(p):
            prefix = "ZL" if p == "ZL" else ""
            raw = raw[len(p):]
    m = _APP_NEW.match(raw) or _APP_OLD.match(raw)
    if not m:
        raise ValidationError(
            "expected an application number like 202010566088.9 (12 digits and a check character) "
            "or the pre-2003 form like 98123456.X",
            field=field, value=value, reason="patent.format")
    body = m.group("body")
    if len(body) == 12 and not (limits.EARLIEST_DATE.year <= int(m.group("year")) <= limits.LATEST_FILING_YEAR):
        raise ValidationError(f"year {m.group('year')} is not a plausible filing year", field=field, value=value,
                              reason="patent.year", params={"year": m.group("year")})
    expected = patent_check_char(body)
    if m.group("check") != expected:
        raise ValidationError(f"check character is {m.group('check')!r}, expected {expected!r}",
                              field=field, value=value, reason="patent.check_char",
                              params={"expected": expected, "got": m.group("check")})
    return f"{prefix}{body}.{expected}"


def patent_kind_from_number(number: str) -> str:
    body = number.removeprefix("ZL").split(".")[0]
    digit = body[4] if len(body) == 12 else body[2]
    return PATENT_TYPE_BY_DIGIT.get(digit, "invention")


def validate_nice_classes(value: str | list[int] | list[str], field: str = "nice_classes") -> str:
    """'25, 35' / '第25类' / [25, 35] -> '25,35' (sorted, unique, each 1..45)."""
    items = value if isinstance(value, list) else re.split(r"[,，、;；\s]+", _fold(str(value)))
    classes: set[int] = set()
    for item in items:
        text = str(item).strip().removeprefix("第").removesuffix("类")
        if not text:
            continue
        if not re.fullmatch(r"[0-9]{1,2}", text) or not 1 <= int(text) <= 45:  # "²".isdigit() is True
            raise ValidationError(f"{item!r} is not a Nice class (1-45)", field=field, value=value,
                                  reason="nice.class", params={"item": item})
        classes.add(int(text))
    return ",".join(str(c) for c in sorted(classes))


def validate_similar_groups(value: str, field: str = "similar_groups") -> str:
    """4-digit similar-group codes of the Similar Goods and Services table, e.g. '2501,2507'."""
    groups = [g for g in re.split(r"[,，、;；\s]+", _fold(value)) if g]
    for g in groups:
        if not re.fullmatch(r"\d{4}", g) or not 1 <= int(g[:2]) <= 45:
            raise ValidationError(f"{g!r} is not a 4-digit similar group (class + group, e.g. 2501)",
                                  field=field, value=value, reason="nice.group", params={"item": g})
    return ",".join(sorted(set(groups)))


def validate_trademark_number(value: str, field: str = "trademark_number") -> str:
    text = _fold(value).replace(" ", "")
    if not re.fullmatch(r"[A-Z]?\d{1,9}[A-Z]?", text.upper()):
        raise ValidationError("a trademark registration number is up to 9 digits (e.g. 1234567)",
                              field=field, value=value, reason="trademark.number")
    return text.upper()


def check_page(offset: int | None, limit: int | None) -> None:
    """A page of a list starts at a row >= 0 and holds >= 0 rows. SQLite read OFFSET -1 as 0 and LIMIT -1 as
    no limit; PostgreSQL refuses both with a bare store error (found by the CLI fuzz on PostgreSQL), so both
    stores refuse them here, naming the option."""
    for field, value in (("offset", offset), ("limit", limit)):
        if value is not None and value < 0:
            raise ValidationError("cannot be negative", field=field, value=value, reason="number.negative")


def validate_choice(value: str, choices: tuple[str, ...], field: str) -> str:
    """Accept ``trade_secret`` for ``trade-secret`` and the like: people type both."""
    v = (value or "").strip().lower()
    for candidate in (v, v.replace("_", "-"), v.replace("-", "_"), v.replace(" ", "-")):
        if candidate in choices:
            return candidate
    raise ValidationError(f"{value!r} is not one of: {', '.join(choices)}", field=field, value=value,
                          reason="choice", params={"choices": ", ".join(choices)})


def check_characters(text: str, field: str, *, multiline: bool = False) -> str:
    """Refuse what must never be stored as text: undecodable bytes and control characters.

    Why: command-line arguments and file names that are not valid UTF-8 reach Python as lone surrogates
    (``\\udcff``) and failed deep in the database driver with a UnicodeEncodeError; and a title holding
    ``ESC [2J`` cleared the terminal of whoever listed the cases. One-line fields take no control
    character at all (no line break or tab either); multi-line fields take line breaks and tabs only.
    Bidirectional overrides are refused in both (``limits.BIDI_CONTROLS``)."""
    for position, char in enumerate(text, start=1):
        if "\ud800" <= char <= "\udfff":
            raise ValidationError(f"is not valid text: undecodable byte at position {position} (not UTF-8); "
                                  "retype it, or rename the file", field=field, value=ascii(text),
                                  reason="text.encoding", params={"position": position})
        if multiline and char in limits.MULTILINE_ALLOWED:
            continue
        if (unicodedata.category(char) == "Cc" or char in limits.BIDI_CONTROLS
                or (not multiline and char in limits.LINE_SEPARATORS)):
            code = f"U+{ord(char):04X}"
            what = "a line break" if char in "\n\r" or char in limits.LINE_SEPARATORS else "a control character"
            raise ValidationError(f"contains {what} ({code}) at position {position}"
                                  + ("" if multiline else "; this field is one line of plain text"),
                                  field=field, value=ascii(text), reason="text.control",
                                  params={"char": code, "position": position})
    return text


def validate_line(value: str | None, field: str, max_len: int = 300) -> str:
    """An optional one-line text (address, contact, source...): trimmed, checked, may be empty."""
    text = check_characters((value or "").strip(), field)
    if len(text) > max_len:
        raise ValidationError(f"is longer than {max_len} characters", field=field, value=value, reason="too_long",
                              params={"max": max_len})
    return text


def validate_text(value: str | None, field: str, max_len: int = 20000) -> str:
    """An optional multi-line text (facts, summary, advice, description): trimmed, checked, may be empty."""
    text = check_characters((value or "").strip(), field, multiline=True)
    if len(text) > max_len:
        raise ValidationError(f"is longer than {max_len} characters", field=field, value=value, reason="too_long",
                              params={"max": max_len})
    return text


def validate_required(value: str | None, field: str, max_len: int = 300, *, multiline: bool = False) -> str:
    """A text that must be filled in; one line unless ``multiline``."""
    text = (value or "").strip()
    if not text:
        raise ValidationError("is required", field=field, value=value, reason="required")
    check_characters(text, field, multiline=multiline)
    if len(text) > max_len:
        raise ValidationError(f"is longer than {max_len} characters", field=field, value=value, reason="too_long",
                              params={"max": max_len})
    return text


def check_date_range(value: date, field: str, *, earliest: date = limits.EARLIEST_DATE,
                     today: date | None = None, latest: date | None = None) -> date:
    """``value`` if it is plausible: not before ``earliest`` (``limits.EARLIEST_DATE`` or a store's
    ``opened_on`` setting), not after ``today`` when given (nothing is received or held in the future),
    not after ``latest`` when given (a follow-up too far ahead)."""
    if value < earliest:
        raise ValidationError(f"cannot be before {earliest.isoformat()}", field=field, value=value,
                              reason="date.too_early", params={"earliest": earliest.isoformat()})
    if today is not None and value > today:
        raise ValidationError("cannot be in the future", field=field, value=value, reason="date.future")
    if latest is not None and value > latest:
        raise ValidationError(f"cannot be after {latest.isoformat()}", field=field, value=value,
                              reason="date.too_late", params={"latest": latest.isoformat()})
    return value


def parse_date(value: str | date | None, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value
    text = _fold(str(value))
    m = re.fullmatch(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?", text)
    if not m:
        raise ValidationError("expected a date as YYYY-MM-DD", field=field, value=value, reason="date.format")
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError as exc:
        raise ValidationError(f"not a calendar date ({exc})", field=field, value=value,
                              reason="date.calendar") from None


def validate_email(value: str, field: str = "email") -> str:
    text = _fold(value)
    if text and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", text):
        raise ValidationError("is not an e-mail address", field=field, value=value, reason="email")
    return text


def validate_phone(value: str, field: str = "phone") -> str:
    text = _fold(value)
    if text and not re.fullmatch(r"[+\d][\d\- ()]{4,24}", text):
        raise ValidationError("is not a phone number", field=field, value=value, reason="phone")
    return text
