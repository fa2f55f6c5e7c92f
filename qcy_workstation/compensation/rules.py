"""Versioned compensation rules, loaded from ``compensation/data/*.json``.

Every legal number (statutory range, punitive multiples) lives in those files with its law, version,
article and effective dates, so that a change of law is a data change. This module only picks the rule set
in force on the date of the infringement.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Any

from qcy_workstation.errors import ValidationError

DATA_DIR = Path(__file__).resolve().parent / "data"

RIGHT_TYPES = ("patent", "trademark", "trade_secret", "gi")
GI_ROUTES = ("collective_mark", "certification_mark", "gi_product", "agricultural_gi")
FAMILY_OF = {"patent": "patent", "trademark": "trademark", "trade_secret": "aucl"}


@dataclass(frozen=True)
class Text:
    """A bilingual string from the data files."""

    zh: str
    en: str

    @classmethod
    def of(cls, raw: dict[str, str] | None) -> Text:
        raw = raw or {}
        return cls(zh=raw.get("zh", ""), en=raw.get("en", ""))

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass(frozen=True)
class Method:
    code: str
    step: int
    citation: Text
    counts_as: str | None = None  # e.g. licence fee as a measure of the actual loss (trade secrets)


@dataclass(frozen=True)
class Punitive:
    min_multiple: Decimal
    max_multiple: Decimal
    requirement: Text
    citation: Text
    applies_to: tuple[str, ...] | None
    # how this law version's text is read: "multiplicative" (total = base x multiple) or "additive"
    # (compensatory + base x multiple); None: as the SPC 2021 interpretation reads it (punitive_spc_2021.json)
    composition: str | None = None
    composition_reason: Text | None = None


@dataclass(frozen=True)
class RuleSet:
    id: str
    family: str
    law: Text
    article: Text
    effective_from: date
    effective_to: date | None
    verified: bool
    methods: tuple[Method, ...]
    statutory_min: Decimal
    statutory_max: Decimal
    statutory_citation: Text
    punitive: Punitive | None
    costs_citation: Text
    statutory_factors: Text
    notes: tuple[Text, ...]
    unverified_fields: tuple[str, ...]

    def in_force_on(self, day: date) -> bool:
        return self.effective_from <= day and (self.effective_to is None or day <= self.effective_to)

    @property
    def steps(self) -> list[list[Method]]:
        """Methods grouped by step, in statutory order; methods in one step are alternatives."""
        out: dict[int, list[Method]] = {}
        for method in self.methods:
            out.setdefault(method.step, []).append(method)
        return [out[k] for k in sorted(out)]


def _parse_rule_set(raw: dict[str, Any]) -> RuleSet:
    punitive_raw = raw.get("punitive")
    punitive = None
    if punitive_raw:
        applies = punitive_raw.get("applies_to")
        punitive = Punitive(
            min_multiple=Decimal(str(punitive_raw["min_multiple"])),
            max_multiple=Decimal(str(punitive_raw["max_multiple"])),
            requirement=Text.of(punitive_raw.get("requirement")),
            citation=Text.of(punitive_raw["citation"]),
            applies_to=tuple(applies) if applies else None,
            composition=punitive_raw.get("composition"),
            composition_reason=Text.of(punitive_raw["composition_reason"]) if punitive_raw.get("composition_reason")
            else None,
        )
    return RuleSet(
        id=raw["id"],
        family=raw["family"],
        law=Text.of(raw["law"]),
        article=Text.of(raw["article"]),
        effective_from=date.fromisoformat(raw["effective_from"]),
        effective_to=date.fromisoformat(raw["effective_to"]) if raw.get("effective_to") else None,
        verified=bool(raw.get("verified")),
        methods=tuple(
            Method(code=m["code"], step=int(m["step"]), citation=Text.of(m["citation"]), counts_as=m.get("as"))
            for m in raw["methods"]
        ),
        statutory_min=Decimal(str(raw["statutory"]["min"])),
        statutory_max=Decimal(str(raw["statutory"]["max"])),
        statutory_citation=Text.of(raw["statutory"]["citation"]),
        punitive=punitive,
        costs_citation=Text.of(raw["costs"]["citation"]),
        statutory_factors=Text.of(raw.get("statutory_factors")),
        notes=tuple(Text.of(n) for n in raw.get("notes", [])),
        unverified_fields=tuple(raw.get("unverified_fields", [])),
    )


@lru_cache(maxsize=1)
def rule_sets() -> tuple[RuleSet, ...]:
    """Every rule set on file (cached: the files ship with the program)."""
    out = []
    for path in sorted(DATA_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        if "family" in raw:
            out.append(_parse_rule_set(raw))
    return tuple(out)


@lru_cache(maxsize=1)
def punitive_interpretation() -> dict[str, Any]:
    """The SPC 2021 punitive-damages interpretation: circumstances, base rule, composition."""
    return json.loads((DATA_DIR / "punitive_spc_2021.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def common_rules() -> dict[str, Any]:
    """Estimating parameters and cross-law notes (innocent seller, limitation, GI routes)."""
    return json.loads((DATA_DIR / "common.json").read_text(encoding="utf-8"))


def circumstance_codes(kind: str) -> tuple[str, ...]:
    """Codes of the listed intent (``"intent"``) or seriousness (``"seriousness"``) circumstances."""
    return tuple(c["code"] for c in punitive_interpretation()[kind]["circumstances"])


def circumstance_text(kind: str, code: str) -> Text:
    for item in punitive_interpretation()[kind]["circumstances"]:
        if item["code"] == code:
            return Text(zh=item["zh"], en=item["en"])
    raise KeyError(code)


def family_for(right_type: str, gi_route: str | None) -> str:
    """Which law family governs: GIs registered as marks follow the Trademark Law, other GIs the AUCL."""
    if right_type == "gi":
        if gi_route is None:
            raise ValidationError(
                "a GI needs its protection route: " + ", ".join(GI_ROUTES), field="gi_route", value=None
            )
        if gi_route not in GI_ROUTES:
            raise ValidationError("unknown GI route; one of " + ", ".join(GI_ROUTES), field="gi_route",
                                  value=gi_route)
        return "trademark" if gi_route in common_rules()["gi_route"]["mark_routes"] else "aucl"
    if right_type not in FAMILY_OF:
        raise ValidationError("type must be one of " + ", ".join(RIGHT_TYPES), field="right_type",
                              value=right_type)
    return FAMILY_OF[right_type]


def rule_set_for(right_type: str, infringement_date: date, gi_route: str | None = None) -> RuleSet:
    """The rule set in force on the date of the infringement (the law at the time of the act applies)."""
    family = family_for(right_type, gi_route)
    for rules in rule_sets():
        if rules.family == family and rules.in_force_on(infringement_date):
            return rules
    earliest = min((r.effective_from for r in rule_sets() if r.family == family), default=None)
    raise ValidationError(
        f"no {family} compensation rules on file for an infringement on {infringement_date.isoformat()}"
        + (f" (earliest on file: {earliest.isoformat()})" if earliest else ""),
        field="infringement_date",
        value=infringement_date.isoformat(),
        reason="rules.none",
        params={"date": infringement_date.isoformat(), "earliest": earliest.isoformat() if earliest else ""},
    )


# A case's IP type and the right an estimate is computed for: a patent estimate applies Patent Law Art. 71,
# which says nothing about a trademark case (issue 13 item 2). GI cases are protected through the Trademark
# Law (collective / certification marks) or the GI product rules, so an estimate for a GI case uses "gi".
RIGHT_FOR_CASE_TYPE = {"patent": "patent", "trademark": "trademark", "trade-secret": "trade_secret", "gi": "gi"}


def check_right_matches_case(case_type: str, right_type: str) -> None:
    """Refuse an estimate whose law does not fit the case (a ValidationError on ``right_type``)."""
    expected = RIGHT_FOR_CASE_TYPE.get(case_type)
    if expected is not None and right_type != expected:
        raise ValidationError(f"a {case_type} case takes a {expected} estimate, not a {right_type} one",
                              field="right_type", value=right_type, reason="estimate.wrong_law",
                              params={"case_type": case_type, "right_type": right_type, "expected": expected})
