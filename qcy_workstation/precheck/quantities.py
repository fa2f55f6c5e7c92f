"""Numbers, units and ranges in claims and product descriptions (5-10 mm vs 8 mm).

A claim's numerical feature becomes a ``Constraint`` (interval in base units); a product's statement
becomes a ``Quantity``. "至少 / 不超过 / at least / not more than" set ``limit_word`` because such
features get no equivalents (SPC Interpretation II Art. 12).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from qcy_workstation.precheck.text import fold

# unit -> (dimension, factor to the base unit)
_UNITS: dict[str, tuple[str, float]] = {
    "mm": ("length", 1.0), "毫米": ("length", 1.0), "cm": ("length", 10.0), "厘米": ("length", 10.0),
    "m": ("length", 1000.0), "米": ("length", 1000.0), "μm": ("length", 0.001), "um": ("length", 0.001),
    "微米": ("length", 0.001), "nm": ("length", 1e-6), "纳米": ("length", 1e-6), "km": ("length", 1e6), "公里": ("length", 1e6),
    "mg": ("mass", 0.001), "毫克": ("mass", 0.001), "g": ("mass", 1.0), "克": ("mass", 1.0), "kg": ("mass", 1000.0),
    "千克": ("mass", 1000.0), "公斤": ("mass", 1000.0), "吨": ("mass", 1e6),
    "℃": ("temperature", 1.0), "°c": ("temperature", 1.0), "摄氏度": ("temperature", 1.0),
    "°": ("angle", 1.0), "度": ("angle", 1.0),
    "ms": ("time", 0.001), "毫秒": ("time", 0.001), "s": ("time", 1.0), "秒": ("time", 1.0), "min": ("time", 60.0),
    "分钟": ("time", 60.0), "h": ("time", 3600.0), "小时": ("time", 3600.0),
    "wt%": ("percent", 1.0), "%": ("percent", 1.0), "重量%": ("percent", 1.0),
    "pa": ("pressure", 1.0), "帕": ("pressure", 1.0), "kpa": ("pressure", 1e3), "千帕": ("pressure", 1e3),
    "mpa": ("pressure", 1e6), "兆帕": ("pressure", 1e6),
    "v": ("voltage", 1.0), "伏": ("voltage", 1.0), "kv": ("voltage", 1e3), "千伏": ("voltage", 1e3),
    "w": ("power", 1.0), "瓦": ("power", 1.0), "kw": ("power", 1e3), "千瓦": ("power", 1e3),
    "hz": ("frequency", 1.0), "赫兹": ("frequency", 1.0), "khz": ("frequency", 1e3), "mhz": ("frequency", 1e6),
    "ghz": ("frequency", 1e9), "rpm": ("speed", 1.0), "转/分": ("speed", 1.0), "转每分钟": ("speed", 1.0),
    "ml": ("volume", 1.0), "毫升": ("volume", 1.0), "l": ("volume", 1000.0), "升": ("volume", 1000.0),
    "ma": ("current", 0.001), "毫安": ("current", 0.001), "安": ("current", 1.0), "安培": ("current", 1.0),
    "mah": ("charge", 1.0), "毫安时": ("charge", 1.0),
    # other systems and spellings (conversion factors: SI brochure / NIST SP 811)
    "°f": ("temperature", 5 / 9), "℉": ("temperature", 5 / 9), "华氏度": ("temperature", 5 / 9),
    "degrees fahrenheit": ("temperature", 5 / 9), "degrees celsius": ("temperature", 1.0),
    "deg c": ("temperature", 1.0), "deg f": ("temperature", 5 / 9),
    "inch": ("length", 25.4), "inches": ("length", 25.4), "英寸": ("length", 25.4), "in.": ("length", 25.4),
    "ft": ("length", 304.8), "feet": ("length", 304.8), "foot": ("length", 304.8), "英尺": ("length", 304.8),
    "millimeters": ("length", 1.0), "millimetres": ("length", 1.0), "centimeters": ("length", 10.0),
    "centimetres": ("length", 10.0), "meters": ("length", 1000.0), "metres": ("length", 1000.0),
    "microns": ("length", 0.001), "micrometers": ("length", 0.001),
    "lb": ("mass", 453.59237), "lbs": ("mass", 453.59237), "pounds": ("mass", 453.59237), "磅": ("mass", 453.59237),
    "oz": ("mass", 28.349523125), "ounces": ("mass", 28.349523125), "盎司": ("mass", 28.349523125),
    "grams": ("mass", 1.0), "kilograms": ("mass", 1000.0), "tonnes": ("mass", 1e6), "tons": ("mass", 1e6),
    "seconds": ("time", 1.0), "sec": ("time", 1.0), "mins": ("time", 60.0), "minutes": ("time", 60.0),
    "minute": ("time", 60.0), "hr": ("time", 3600.0), "hrs": ("time", 3600.0), "hours": ("time", 3600.0),
    "hour": ("time", 3600.0), "天": ("time", 86400.0), "days": ("time", 86400.0), "day": ("time", 86400.0),
    "psi": ("pressure", 6894.757293168), "bar": ("pressure", 1e5), "mbar": ("pressure", 100.0),
    "atm": ("pressure", 101325.0), "大气压": ("pressure", 101325.0), "巴": ("pressure", 1e5),
    "r/min": ("speed", 1.0), "转/分钟": ("speed", 1.0), "rev/min": ("speed", 1.0), "rps": ("speed", 60.0),
    "liters": ("volume", 1000.0), "litres": ("volume", 1000.0), "gallons": ("volume", 3785.411784),
    "gal": ("volume", 3785.411784), "fl oz": ("volume", 29.5735295625),
    "g/kg": ("percent", 0.1), "克/千克": ("percent", 0.1), "‰": ("percent", 0.1), "ppm": ("percent", 1e-4),
    "percent": ("percent", 1.0), "per cent": ("percent", 1.0),
    "份": ("parts", 1.0), "重量份": ("parts", 1.0), "质量份": ("parts", 1.0), "parts by weight": ("parts", 1.0),
    "parts": ("parts", 1.0), "phr": ("parts", 1.0),
    "元": ("money", 1.0), "万元": ("money", 1e4), "rmb": ("money", 1.0), "yuan": ("money", 1.0),
    "cny": ("money", 1.0),
}
# units whose zero is not the base unit's zero: value_base = (value + offset) * factor
_OFFSET: dict[str, float] = {"°f": -32.0, "℉": -32.0, "华氏度": -32.0, "degrees fahrenheit": -32.0, "deg f": -32.0}
_UNIT_RE = "|".join(re.escape(u) for u in sorted(_UNITS, key=len, reverse=True))
_NUM = r"(\d+(?:\.\d+)?(?:/[1-9]\d?(?!\d))?)"  # 3/8 inch: a fraction
_LOWER_INCL = r"至少|不少于|不低于|不小于|大于或等于|大于等于|≥|>=|at least|not less than|no less than|minimum of|a minimum of"
_UPPER_INCL = r"不超过|不大于|不高于|小于或等于|小于等于|至多|最多|≤|<=|at most|not more than|no more than|not exceeding|up to|maximum of|a maximum of"
_LOWER_EXCL = r"大于|超过|高于|>|more than|greater than|above|over|exceeding"
_UPPER_EXCL = r"小于|低于|<|less than|below|under"
_SEP = r"\s*(?:-|~|～|〜|至|到|—|–|to)\s*"

_RANGE_RE = re.compile(rf"{_NUM}\s*(?:{_UNIT_RE})?{_SEP}{_NUM}\s*({_UNIT_RE})(?![a-z])")
_CMP_RE = re.compile(
    rf"(?:({_LOWER_INCL})|({_UPPER_INCL})|({_LOWER_EXCL})|({_UPPER_EXCL}))\s*{_NUM}\s*({_UNIT_RE})(?![a-z])"
)
_SUFFIX_RE = re.compile(rf"{_NUM}\s*({_UNIT_RE})\s*(以上|以下|或以上|或以下|or more|or less|and above|and below)")
_SINGLE_RE = re.compile(rf"{_NUM}\s*({_UNIT_RE})(?![a-z])")

_LIMIT_WORDS = re.compile(
    r"至少|不少于|不低于|不小于|不超过|不大于|不高于|至多|最多|以上|以下|at least|not less than|no less than|not more than|no more than|at most|or more|or less"
)


@dataclass(frozen=True)
class Constraint:
    """A claim's numerical feature as an interval in base units."""

    dimension: str
    low: float
    high: float
    low_inclusive: bool
    high_inclusive: bool
    limit_word: bool
    text: str

    def contains(self, lo: float, hi: float) -> bool:
        eps = 1e-9
        ok_lo = lo > self.low - eps if self.low_inclusive else lo > self.low + eps
        ok_hi = hi < self.high + eps if self.high_inclusive else hi < self.high - eps
        return ok_lo and ok_hi

    def relative_gap(self, lo: float, hi: float) -> float:
        """How far a value lies outside, relative to the nearest bound (0 if inside)."""
        if self.contains(lo, hi):
            return 0.0
        if hi < self.low or (hi <= self.low and not self.low_inclusive):
            ref = self.low
            return abs(self.low - hi) / abs(ref) if ref else math.inf
        ref = self.high
        return abs(lo - self.high) / abs(ref) if ref and not math.isinf(ref) else math.inf


@dataclass(frozen=True)
class Quantity:
    dimension: str
    low: float
    high: float
    text: str
    start: int
    end: int


def _u(unit: str) -> tuple[str, float]:
    return _UNITS[unit.lower()]


def num(text: str) -> float:
    """A number as written: 9.5, or a fraction such as 3/8."""
    if "/" in text:
        a, b = text.split("/", 1)
        return float(a) / float(b)
    return float(text)


def to_base(value: float, unit: str) -> tuple[str, float]:
    """(dimension, value in the base unit): 212 °F -> ("temperature", 100.0), 2 inch -> ("length", 50.8)."""
    u = unit.lower()
    dim, f = _UNITS[u]
    return dim, (value + _OFFSET.get(u, 0.0)) * f


def _spans_overlap(a: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def extract_quantities(text: str) -> list[Quantity]:
    """Values and ranges stated in a text (product side), in base units, with their offsets."""
    t = fold(text)
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    for m in _RANGE_RE.finditer(t):
        dim, a = to_base(num(m.group(1)), m.group(3))
        b = to_base(num(m.group(2)), m.group(3))[1]
        out.append(Quantity(dim, min(a, b), max(a, b), m.group(0), m.start(), m.end()))
        taken.append(m.span())
    for m, dim, v in _untaken(_SINGLE_RE, t, taken, value=1, unit=2):
        out.append(Quantity(dim, v, v, m.group(0), m.start(), m.end()))
    return out


_EN_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
               "ten": 10, "a": 1, "an": 1}
_EN_FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
                 "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "eighth": 8, "eighths": 8, "tenth": 10,
                 "tenths": 10, "sixteenth": 16, "sixteenths": 16}
_EN_FRACTION_RE = re.compile(r"\b(" + "|".join(_EN_NUMBERS) + r")[\s-]+(" + "|".join(_EN_FRACTIONS) + r")\b(?:\s+of\s+an?)?",
                             re.I)
_EN_WHOLE_RE = re.compile(r"\b(" + "|".join(k for k in _EN_NUMBERS if len(k) > 2) + r")(?=\s+(?:" + _UNIT_RE + r")\b)",
                          re.I)


def spell_numbers(text: str) -> str:
    """Numbers written in English words, as claims often do: "one eighth inch" -> "0.125 inch",
    "two inches" -> "2 inches"."""
    t = _EN_FRACTION_RE.sub(lambda m: f"{_EN_NUMBERS[m.group(1).lower()] / _EN_FRACTIONS[m.group(2).lower()]:g}", text)
    return _EN_WHOLE_RE.sub(lambda m: str(_EN_NUMBERS[m.group(1).lower()]), t)


def extract_constraints(text: str) -> list[Constraint]:
    """Numerical features of a claim element as intervals."""
    t = fold(spell_numbers(text))
    out: list[Constraint] = []
    taken: list[tuple[int, int]] = []
    limit = bool(_LIMIT_WORDS.search(t))
    for m in _RANGE_RE.finditer(t):
        dim, a = to_base(num(m.group(1)), m.group(3))
        b = to_base(num(m.group(2)), m.group(3))[1]
        out.append(Constraint(dim, min(a, b), max(a, b), True, True, False, m.group(0)))
        taken.append(m.span())
    for m, dim, v in _untaken(_CMP_RE, t, taken, value=5, unit=6):
        if m.group(1):
            c = Constraint(dim, v, math.inf, True, True, True, m.group(0))
        elif m.group(2):
            c = Constraint(dim, -math.inf, v, True, True, True, m.group(0))
        elif m.group(3):
            c = Constraint(dim, v, math.inf, False, True, False, m.group(0))
        else:
            c = Constraint(dim, -math.inf, v, True, False, False, m.group(0))
        out.append(c)
        taken.append(m.span())
    for m, dim, v in _untaken(_SUFFIX_RE, t, taken, value=1, unit=2):
        lower = m.group(3) in ("以上", "或以上", "or more", "and above")
        c = Constraint(dim, v, math.inf, True, True, True, m.group(0)) if lower else Constraint(
            dim, -math.inf, v, True, True, True, m.group(0))
        out.append(c)
        taken.append(m.span())
    for m, dim, v in _untaken(_SINGLE_RE, t, taken, value=1, unit=2):
        if _RELATIVE.search(t[: m.start()]):
            continue  # "该硬币直径+1.5mm", "±0.2 mm": an offset from something else, not a value of its own
        out.append(Constraint(dim, v, v, True, True, limit, m.group(0)))
    return out


# a number right after "+", "±" or a minus that follows a word is an offset or a tolerance
_RELATIVE = re.compile(r"(?:[+＋±]|(?<=[a-z\u3400-\u9fff])\s*[-−])\s*$")


def _untaken(regex: re.Pattern[str], text: str, taken: list[tuple[int, int]], *, value: int,
             unit: int) -> Iterator[tuple[re.Match[str], str, float]]:
    """The matches of ``regex`` outside the spans already read (``taken`` may grow while this runs), each
    with its dimension and its number in base units: a range's numbers are not read again as a bound."""
    for m in regex.finditer(text):
        if _spans_overlap(m.span(), taken):
            continue
        dim, v = to_base(num(m.group(value)), m.group(unit))
        yield m, dim, v


def strip_quantities(text: str) -> str:
    """The text without its numbers and units, for word matching."""
    t = fold(text)
    t = _RANGE_RE.sub(" ", t)
    t = _SINGLE_RE.sub(" ", t)
    return t
