"""Compensation estimate: which statutory method applies, the base, punitive damages, costs and a range.

Pure computation (no store, no Qt): the CLI, the documents and the desktop calculator page call
:func:`estimate` with a :class:`CompensationInput` and show the :class:`CompensationEstimate` line by line.
Every number that comes from a law is read from the versioned rule files (see ``rules.py``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from qcy_workstation.china_time import china_today
from qcy_workstation.compensation.money import amount_json, format_rmb, rmb_capitals, to_amount
from qcy_workstation.compensation.rules import (
    RIGHT_TYPES,
    RuleSet,
    Text,
    circumstance_codes,
    circumstance_text,
    common_rules,
    punitive_interpretation,
    rule_set_for,
)
from qcy_workstation.errors import ValidationError

CONFIDENCE_LEVELS = ("low", "medium", "high")
SCENARIOS = ("low", "likely", "high")
STATUTORY = "statutory"

METHOD_LABELS = {
    "actual_loss": Text("权利人的实际损失", "right holder's actual loss"),
    "infringer_profit": Text("侵权人因侵权所获得的利益", "infringer's profits from the infringement"),
    "licence_fee_multiple": Text("许可使用费的合理倍数", "reasonable multiple of the licence fee"),
    STATUTORY: Text("法定赔偿", "statutory damages"),
}

STATUTORY_FACTOR_CHOICES = {
    "right_kind": ("invention", "utility_model", "design", "trademark", "trademark_well_known", "trade_secret",
                   "gi", "unknown"),
    "nature": ("manufacture", "import", "sale", "offer_for_sale", "use", "online_sale", "unknown"),
    "scale": ("small", "medium", "large", "unknown"),
    "fault": ("none", "negligent", "knowing", "intentional", "unknown"),
}


@dataclass(frozen=True)
class Evidence:
    """An amount the staff can support for one basis, and how sure they are (low / medium / high).

    Without a confidence an amount is taken as entered ("high": counted in full in the likely figure); a
    lower confidence is a deliberate choice, and the discount it brings is shown on a line of its own."""

    amount: Decimal
    confidence: str = "high"
    note: str = ""

    @classmethod
    def of(cls, amount: object, confidence: str = "high", note: str = "", *, field: str = "amount") -> Evidence:
        if confidence not in CONFIDENCE_LEVELS:
            raise ValidationError("confidence must be low, medium or high", field=f"{field}.confidence",
                                  value=confidence)
        return cls(amount=to_amount(amount, field=field), confidence=confidence, note=note)


@dataclass(frozen=True)
class StatutoryFactors:
    """What a court weighs for a statutory figure: type of right, nature, duration, scale, fault."""

    right_kind: str = "unknown"
    nature: str = "unknown"
    duration_months: int = 0
    scale: str = "unknown"
    fault: str = "unknown"


@dataclass(frozen=True)
class CompensationInput:
    """Everything the calculator needs; amounts are RMB. Build with keyword arguments."""

    right_type: str
    infringement_date: date | None = None
    gi_route: str | None = None
    actual_loss: Evidence | None = None
    infringer_profit: Evidence | None = None
    licence_fee: Evidence | None = None
    licence_multiple: Decimal | None = None
    costs: Evidence | None = None
    punitive_multiple: Decimal | None = None
    intent_circumstances: tuple[str, ...] = ()
    seriousness_circumstances: tuple[str, ...] = ()
    statutory_factors: StatutoryFactors = field(default_factory=StatutoryFactors)
    innocent_seller: bool = False
    trademark_unused_3y: bool = False
    known_date: date | None = None
    continuing: bool = False
    as_of: date | None = None


def input_from_dict(data: dict[str, Any]) -> CompensationInput:
    """Rebuild a :class:`CompensationInput` from its JSON form (a saved estimate's ``input_json``)."""

    def ev(raw: Any, name: str) -> Evidence | None:
        if not raw:
            return None
        return Evidence.of(raw["amount"], raw.get("confidence", "medium"), raw.get("note", ""), field=name)

    def day(raw: Any) -> date | None:
        return date.fromisoformat(raw) if raw else None

    def dec(raw: Any) -> Decimal | None:
        return None if raw in (None, "") else Decimal(str(raw))

    factors = data.get("statutory_factors") or {}
    return CompensationInput(
        right_type=data["right_type"], infringement_date=day(data.get("infringement_date")),
        gi_route=data.get("gi_route"), actual_loss=ev(data.get("actual_loss"), "actual_loss"),
        infringer_profit=ev(data.get("infringer_profit"), "infringer_profit"),
        licence_fee=ev(data.get("licence_fee"), "licence_fee"), licence_multiple=dec(data.get("licence_multiple")),
        costs=ev(data.get("costs"), "costs"), punitive_multiple=dec(data.get("punitive_multiple")),
        intent_circumstances=tuple(data.get("intent_circumstances") or ()),
        seriousness_circumstances=tuple(data.get("seriousness_circumstances") or ()),
        statutory_factors=StatutoryFactors(**{k: v for k, v in factors.items()
                                              if k in StatutoryFactors.__dataclass_fields__}),
        innocent_seller=bool(data.get("innocent_seller")), trademark_unused_3y=bool(data.get("trademark_unused_3y")),
        known_date=day(data.get("known_date")), continuing=bool(data.get("continuing")), as_of=day(data.get("as_of")),
    )


@dataclass(frozen=True)
class Line:
    """One line of the reasoning: what, how much, under which article."""

    code: str
    label: Text
    amount: Decimal | None
    citation: Text
    note: Text = Text("", "")

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code, "label_zh": self.label.zh, "label_en": self.label.en,
            "amount": amount_json(self.amount), "citation_zh": self.citation.zh, "citation_en": self.citation.en,
            "note_zh": self.note.zh, "note_en": self.note.en,
        }


@dataclass(frozen=True)
class Scenario:
    """One end of the range (low / likely / high) worked out in full."""

    name: str
    basis: str
    base: Decimal
    punitive_amount: Decimal
    damages: Decimal
    costs: Decimal
    total: Decimal

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name, "basis": self.basis, "base": amount_json(self.base),
            "punitive_amount": amount_json(self.punitive_amount), "damages": amount_json(self.damages),
            "costs": amount_json(self.costs), "total": amount_json(self.total),
        }


@dataclass(frozen=True)
class CompensationEstimate:
    """The result: the likely figure (``total``), the range, and the reasoning with citations."""

    right_type: str
    gi_route: str | None
    infringement_date: date
    rule_set_id: str
    law: Text
    article: Text
    rules_verified: bool
    basis: str
    basis_label: Text
    base: Decimal
    punitive_multiple: Decimal | None
    punitive_amount: Decimal
    damages: Decimal
    costs: Decimal
    total: Decimal
    low: Decimal
    high: Decimal
    scenarios: tuple[Scenario, ...]
    lines: tuple[Line, ...]
    why_not: tuple[Line, ...]
    citations: tuple[Text, ...]
    statutory_range: tuple[Decimal, Decimal]
    statutory_estimate: tuple[Decimal, Decimal, Decimal]
    statutory_factors: dict[str, Any]
    composition: dict[str, Any]
    notes: tuple[Text, ...]
    circumstances: dict[str, list[dict[str, str]]]

    @property
    def range(self) -> tuple[Decimal, Decimal]:
        return (self.low, self.high)

    def scenario(self, name: str) -> Scenario:
        return next(s for s in self.scenarios if s.name == name)

    def text_lines(self, lang: str = "zh") -> list[str]:
        """The reasoning as plain lines, for the CLI and the documents."""
        out = [
            f"{self.law.get(lang)} {self.article.get(lang)}",
            (f"计算依据：{self.basis_label.zh}" if lang == "zh" else f"Basis: {self.basis_label.en}"),
        ]
        for line in self.lines:
            amount = "" if line.amount is None else " " + format_rmb(line.amount, lang=lang)
            out.append(f"- {line.label.get(lang)}{amount} [{line.citation.get(lang)}]")
            if line.note.get(lang):
                out.append(f"  {line.note.get(lang)}")
        for line in self.why_not:
            out.append(f"- {line.label.get(lang)}: {line.note.get(lang)}")
        comp = self.composition
        if comp.get("model"):
            alt = comp.get("alternative_total")
            if lang == "zh":
                out.append(f"计算构成（把握程度：中等）：{comp['formula_zh']}；依据：{comp['citation_zh']}")
                if alt is not None:
                    other_zh = "乘法" if comp.get("alternative_model") == "multiplicative" else "加法"
                    out.append(f"  按{other_zh}理解（{comp['alternative_formula_zh']}）为 {format_rmb(alt)}")
            else:
                out.append(f"Composition (confidence: {comp['confidence']}): {comp['formula_en']}; "
                           f"source: {comp['citation_en']}")
                if alt is not None:
                    out.append(f"  {str(comp.get('alternative_model', '')).capitalize()} reading "
                               f"({comp['alternative_formula_en']}): "
                               f"{format_rmb(alt, lang='en')}")
        if lang == "zh":
            out.append(f"可能金额：{format_rmb(self.total)}（{rmb_capitals(self.total)}）")
            out.append(f"估算区间：{format_rmb(self.low)} 至 {format_rmb(self.high)}")
        else:
            out.append(f"Likely: {format_rmb(self.total, lang='en')}")
            out.append(f"Range: {format_rmb(self.low, lang='en')} to {format_rmb(self.high, lang='en')}")
        out.extend(f"* {note.get(lang)}" for note in self.notes)
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON form (``compensate --json`` and the value stored on a case)."""
        return {
            "right_type": self.right_type,
            "gi_route": self.gi_route,
            "infringement_date": self.infringement_date.isoformat(),
            "rule_set": self.rule_set_id,
            "law_zh": self.law.zh, "law_en": self.law.en,
            "article_zh": self.article.zh, "article_en": self.article.en,
            "rules_verified": self.rules_verified,
            "basis": self.basis,
            "basis_label_zh": self.basis_label.zh, "basis_label_en": self.basis_label.en,
            "base": amount_json(self.base),
            "punitive_multiple": None if self.punitive_multiple is None else float(self.punitive_multiple),
            "punitive_amount": amount_json(self.punitive_amount),
            "damages": amount_json(self.damages),
            "costs": amount_json(self.costs),
            "total": amount_json(self.total),
            "total_capitals": rmb_capitals(self.total),
            "range": [amount_json(self.low), amount_json(self.high)],
            "range_capitals": [rmb_capitals(self.low), rmb_capitals(self.high)],
            "scenarios": [s.to_dict() for s in self.scenarios],
            "lines": [line.to_dict() for line in self.lines],
            "why_not": [line.to_dict() for line in self.why_not],
            "citations": [c.zh for c in self.citations],
            "citations_en": [c.en for c in self.citations],
            "statutory_range": [amount_json(self.statutory_range[0]), amount_json(self.statutory_range[1])],
            "statutory_estimate": [amount_json(v) for v in self.statutory_estimate],
            "statutory_factors": self.statutory_factors,
            "composition": self.composition,
            "circumstances": self.circumstances,
            "notes_zh": [n.zh for n in self.notes],
            "notes_en": [n.en for n in self.notes],
        }


# --------------------------------------------------------------------------------------------- validation


def _validate(inp: CompensationInput, rules: RuleSet, available: dict[str, Evidence]) -> None:
    if inp.licence_fee is not None and inp.licence_multiple is None:
        raise ValidationError("a licence fee needs the multiple to apply to it", field="licence_multiple",
                              reason="licence.needs_multiple")
    if inp.licence_multiple is not None:
        if inp.licence_fee is None:
            raise ValidationError("a licence multiple needs the licence fee", field="licence_fee", reason="licence.needs_fee")
        if inp.licence_multiple <= 0:
            raise ValidationError("the licence multiple must be positive", field="licence_multiple",
                                  reason="licence.multiple_positive",
                                  value=str(inp.licence_multiple))
    factors = inp.statutory_factors
    for name, choices in STATUTORY_FACTOR_CHOICES.items():
        value = getattr(factors, name)
        if value not in choices:
            raise ValidationError(f"one of {', '.join(choices)}", field=f"statutory_factors.{name}", value=value,
                                  reason="choice", params={"choices": ", ".join(choices)})
    if factors.duration_months < 0:
        raise ValidationError("duration cannot be negative", field="statutory_factors.duration_months",
                              reason="number.negative",
                              value=factors.duration_months)
    for kind, values in (("intent", inp.intent_circumstances), ("seriousness", inp.seriousness_circumstances)):
        codes = circumstance_codes(kind)
        for code in values:
            if code not in codes:
                raise ValidationError(f"not a listed {kind} circumstance; one of {', '.join(codes)}",
                                      field=f"{kind}_circumstances", value=code,
                                      reason="choice", params={"choices": ", ".join(codes)})

    multiple = inp.punitive_multiple
    if multiple is None:
        return
    spc = punitive_interpretation()
    punitive = rules.punitive
    if punitive is None or (punitive.applies_to and inp.right_type not in punitive.applies_to):
        raise ValidationError(
            f"{rules.law.en} {rules.article.en} provides no punitive damages for this right and date",
            field="punitive_multiple", value=str(multiple), reason="punitive.none")
    if not (punitive.min_multiple <= multiple <= punitive.max_multiple):
        raise ValidationError(
            f"the punitive multiple must be between {punitive.min_multiple} and {punitive.max_multiple} "
            f"({punitive.citation.en})", field="punitive_multiple", value=str(multiple), reason="punitive.range",
            params={"min": punitive.min_multiple, "max": punitive.max_multiple,
                    "citation_zh": punitive.citation.zh, "citation_en": punitive.citation.en})
    if not inp.intent_circumstances:
        raise ValidationError(
            "a punitive multiple needs at least one listed intent circumstance "
            f"({spc['intent']['article']['en']} of the SPC 2021 interpretation): "
            + ", ".join(circumstance_codes("intent")), field="intent_circumstances", reason="punitive.intent")
    if not inp.seriousness_circumstances:
        raise ValidationError(
            "a punitive multiple needs at least one listed seriousness circumstance "
            f"({spc['seriousness']['article']['en']} of the SPC 2021 interpretation): "
            + ", ".join(circumstance_codes("seriousness")), field="seriousness_circumstances",
            reason="punitive.seriousness")
    if inp.innocent_seller:
        raise ValidationError("an innocent seller with a lawful source cannot be a wilful infringer",
                              field="punitive_multiple", value=str(multiple), reason="punitive.innocent_seller")
    if not available:
        raise ValidationError(
            "a punitive multiple never applies to statutory damages: give the actual loss, the infringer's "
            "profits or the licence fee as the base (SPC 2021 interpretation Art. 5)",
            field="punitive_multiple", value=str(multiple), reason="punitive.statutory")


# ------------------------------------------------------------------------------------------- computation


def _q(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def statutory_estimate(rules: RuleSet, factors: StatutoryFactors) -> tuple[Decimal, Decimal, Decimal]:
    """Low / likely / high statutory figure inside the rule set's range (a workstation heuristic)."""
    params = common_rules()["statutory_heuristic"]
    weights = params["weights"]
    score = (
        weights["right_kind"].get(factors.right_kind, 0)
        + weights["nature"].get(factors.nature, 0)
        + weights["scale"].get(factors.scale, 0)
        + weights["fault"].get(factors.fault, 0)
    )
    for months, weight in weights["duration_months"]:
        if factors.duration_months >= months:
            duration_weight = weight
    score += duration_weight
    score = min(max(score, 0.0), 1.0)
    floor = max(rules.statutory_min, Decimal(params["floor_when_no_minimum"]))
    top = rules.statutory_max
    likely = Decimal(str(math.exp(math.log(float(floor)) + score * (math.log(float(top)) - math.log(float(floor))))))
    likely = (likely / 1000).quantize(Decimal(1), rounding=ROUND_HALF_UP) * 1000

    def clamp(value: Decimal) -> Decimal:
        return _q(min(max(value, rules.statutory_min), rules.statutory_max))

    low = clamp(likely * Decimal(params["spread"]["low"]))
    high = clamp(likely * Decimal(params["spread"]["high"]))
    return low, clamp(likely), high


def _method_amounts(inp: CompensationInput) -> dict[str, Evidence]:
    out: dict[str, Evidence] = {}
    if inp.actual_loss is not None:
        out["actual_loss"] = inp.actual_loss
    if inp.infringer_profit is not None:
        out["infringer_profit"] = inp.infringer_profit
    if inp.licence_fee is not None and inp.licence_multiple is not None:
        out["licence_fee_multiple"] = replace(inp.licence_fee, amount=_q(inp.licence_fee.amount * inp.licence_multiple))
    return out


def _pick_basis(rules: RuleSet, available: dict[str, Evidence], scenario: str) -> tuple[str, Decimal] | None:
    """The first statutory step with usable evidence; inside a step the holder's best choice."""
    params = common_rules()["scenarios"][scenario]
    for step in rules.steps:
        best: tuple[str, Decimal] | None = None
        for method in step:
            ev = available.get(method.code)
            if ev is None or ev.confidence not in params["accepts"]:
                continue
            amount = _q(ev.amount * Decimal(params["factor"][ev.confidence]))
            if best is None or amount > best[1]:
                best = (method.code, amount)
        if best is not None:
            return best
    return None


def _discount_line(ev: Evidence, cut: Decimal, common: dict[str, Any], *, costs: bool = False) -> Line:
    """The amount left out of the likely figure because staff marked the evidence as less than sure."""
    level = {"medium": ("中", "medium"), "low": ("低", "low")}.get(ev.confidence, (ev.confidence, ev.confidence))
    what = ("合理开支", "reasonable costs") if costs else ("上述基数", "the base above")
    return Line(
        "discount",
        Text(f"其中未计入可能值的部分（{what[0]}证据把握为“{level[0]}”）",
             f"left out of the likely figure ({what[1]}: evidence confidence '{level[1]}')"),
        _q(cut),  # shown as the amount left out (a Line carries no negative amounts)
        Text("本工作站的估算方法，非法律规定", "the workstation's estimating method, not a legal rule"),
        Text(f"录入金额 {format_rmb(ev.amount)}；" + common["scenario_note"]["zh"],
             f"Amount entered {format_rmb(ev.amount, lang='en')}. " + common["scenario_note"]["en"]),
    )


def estimate(inp: CompensationInput) -> CompensationEstimate:
    """Work out the compensation estimate; raises ValidationError naming the bad field."""
    if inp.right_type not in RIGHT_TYPES:
        raise ValidationError("type must be one of " + ", ".join(RIGHT_TYPES), field="right_type",
                              value=inp.right_type)
    as_of = inp.as_of or china_today()
    day = inp.infringement_date or as_of
    if inp.infringement_date is not None and inp.infringement_date > as_of:
        raise ValidationError("the infringement cannot be in the future", field="infringement_date",
                              value=inp.infringement_date.isoformat(), reason="date.future")
    if inp.known_date is not None and inp.known_date > as_of:
        raise ValidationError("the date of knowledge cannot be in the future", field="known_date",
                              value=inp.known_date.isoformat(), reason="date.future")
    if inp.known_date is not None and inp.infringement_date is not None and inp.known_date < inp.infringement_date:
        raise ValidationError("the right holder cannot have known of the infringement before it began",
                              field="known_date", value=inp.known_date.isoformat(),
                              reason="date.known_before_infringement",
                              params={"infringement_date": inp.infringement_date.isoformat()})
    rules = rule_set_for(inp.right_type, day, inp.gi_route)
    if inp.trademark_unused_3y and rules.family != "trademark":
        # the three-year non-use defence (Trademark Law Art. 64(1)) exists for registered marks only
        raise ValidationError("the three-year non-use defence applies to trademarks only", field="trademark_unused_3y",
                              value=inp.right_type, reason="estimate.option_not_for_right",
                              params={"right_type": inp.right_type})
    available = _method_amounts(inp)
    _validate(inp, rules, available)
    common = common_rules()
    spc = punitive_interpretation()
    notes: list[Text] = list(rules.notes)
    if not rules.verified:
        notes.append(Text(
            f"本规则集（{rules.id}）未经本工作站核对：" + "、".join(rules.unverified_fields or ("全部",)),
            f"This rule set ({rules.id}) is not verified here: " + ", ".join(rules.unverified_fields or ("all",)),
        ))
    if inp.right_type == "gi":
        gi = common["gi_route"]
        notes.append(Text.of(gi["mark_note"] if rules.family == "trademark" else gi["other_note"]))

    no_damages = False
    if inp.innocent_seller:
        key = "patent" if rules.family == "patent" else "trademark" if rules.family == "trademark" else None
        if key == "patent" and rules.id.startswith("patent-2008"):
            key = "patent_2008"
        if key:
            notes.append(Text.of(common["innocent_seller"][key]))
            notes.append(Text.of(common["innocent_seller"]["costs_note"]))
            no_damages = True
        else:
            notes.append(Text("反不正当竞争法未规定与专利法第七十七条、商标法第六十四条相同的合法来源免赔规则（未核对）。",
                              "The AUCL has no lawful-source exemption like Patent Law Art. 77 / Trademark Law "
                              "Art. 64 (unverified)."))
    if inp.trademark_unused_3y and rules.family == "trademark":
        notes.append(Text.of(common["trademark_non_use"]))
        no_damages = True

    stat_low, stat_likely, stat_high = statutory_estimate(rules, inp.statutory_factors)
    stat_for = {"low": stat_low, "likely": stat_likely, "high": stat_high}
    multiple = inp.punitive_multiple
    law_model = rules.punitive.composition if rules.punitive is not None else None
    composition_model = law_model or spc["composition"]["model"]  # each law version's reading is rule data

    scenarios: list[Scenario] = []
    for name in SCENARIOS:
        picked = _pick_basis(rules, available, name)
        if picked is None:
            basis, base = STATUTORY, stat_for[name]
        else:
            basis, base = picked
        punitive_amount = Decimal("0.00")
        if multiple is not None and basis != STATUTORY:
            if composition_model == "additive":
                punitive_amount = _q(base * multiple)
            else:  # multiplicative reading: the whole award is base x multiple
                punitive_amount = _q(base * (multiple - 1))
        damages = base + punitive_amount
        costs = Decimal("0.00")
        if inp.costs is not None:
            params = common["scenarios"][name]
            if inp.costs.confidence in params["accepts"]:
                costs = _q(inp.costs.amount * Decimal(params["factor"][inp.costs.confidence]))
        if no_damages:
            base, punitive_amount, damages = Decimal("0.00"), Decimal("0.00"), Decimal("0.00")
            if name != "high":
                costs = Decimal("0.00")
        scenarios.append(Scenario(name=name, basis=basis, base=_q(base), punitive_amount=punitive_amount,
                                  damages=_q(damages), costs=costs, total=_q(damages + costs)))

    likely = scenarios[1]
    method_by_code = {m.code: m for m in rules.methods}
    lines: list[Line] = []
    if likely.basis == STATUTORY:
        lines.append(Line(STATUTORY, METHOD_LABELS[STATUTORY], likely.base, rules.statutory_citation,
                          Text.of(common["statutory_heuristic"]["note"])))
    else:
        method = method_by_code[likely.basis]
        note = Text("", "")
        if likely.basis == "licence_fee_multiple" and inp.licence_fee and inp.licence_multiple:
            note = Text(
                f"许可使用费 {format_rmb(inp.licence_fee.amount)} × {inp.licence_multiple} 倍。"
                + common["licence_multiple_note"]["zh"],
                f"Licence fee {format_rmb(inp.licence_fee.amount, lang='en')} x {inp.licence_multiple}. "
                + common["licence_multiple_note"]["en"],
            )
        lines.append(Line(likely.basis, METHOD_LABELS[likely.basis], likely.base, method.citation, note))
        entered = available[likely.basis].amount
        if likely.base < entered:  # a confidence below "high": the cut is shown, with its reason
            lines.append(_discount_line(available[likely.basis], entered - likely.base, common))
    composition: dict[str, Any] = {"model": None}
    if multiple is not None and rules.punitive is not None:
        comp = spc["composition"]
        formulas = {comp["model"]: comp["formula"], comp["alternative"]["model"]: comp["alternative"]["formula"]}
        other = next(m for m in formulas if m != composition_model)
        if law_model and rules.punitive.composition_reason is not None:
            reason, citation = rules.punitive.composition_reason, rules.punitive.citation
        else:
            reason = Text(comp["reasoning"]["zh"], comp["reasoning"]["en"])
            citation = Text(spc["source"]["zh"] + spc["base"]["article"]["zh"] + "；" + spc["civil_code"]["zh"],
                            spc["source"]["en"] + " " + spc["base"]["article"]["en"] + "; " + spc["civil_code"]["en"])
        composition = {
            "model": composition_model,
            "formula_zh": formulas[composition_model]["zh"], "formula_en": formulas[composition_model]["en"],
            "confidence": comp["confidence"],
            "reasoning_zh": reason.zh, "reasoning_en": reason.en,
            "citation_zh": citation.zh, "citation_en": citation.en,
            "alternative_model": other,
            "alternative_formula_zh": formulas[other]["zh"],
            "alternative_formula_en": formulas[other]["en"],
        }
        if likely.basis != STATUTORY and not no_damages:
            if other == "multiplicative":
                alt = _q(likely.base * multiple + likely.costs)
            else:
                alt = _q(likely.base + likely.base * multiple + likely.costs)
            composition["alternative_total"] = amount_json(alt)
            label = (Text(f"惩罚性赔偿：基数 × {multiple} 倍", f"punitive damages: base x {multiple}")
                     if composition_model == "additive" else
                     Text(f"按基数的 {multiple} 倍确定赔偿数额，超出基数的部分",
                          f"compensation at {multiple} times the base: the part above the base"))
            lines.append(Line(
                "punitive",
                label,
                likely.punitive_amount,
                Text(rules.punitive.citation.zh + "；" + spc["source"]["zh"] + "第五条、第六条",
                     rules.punitive.citation.en + "; " + spc["source"]["en"] + " Arts. 5-6"),
                Text("基数不包括合理开支；倍数不适用于法定赔偿。", "The base excludes costs; a multiple never applies "
                     "to statutory damages."),
            ))
        elif likely.basis == STATUTORY:
            notes.append(Text(
                "可能值回落到法定赔偿（证据把握不足），该情形下不适用惩罚性倍数（惩罚性赔偿解释第五条）。",
                "The likely figure falls back to statutory damages (evidence not strong enough); the punitive "
                "multiple cannot apply there (SPC 2021 interpretation Art. 5).",
            ))
    if inp.costs is not None and likely.costs < inp.costs.amount and not no_damages:
        lines.append(_discount_line(inp.costs, inp.costs.amount - likely.costs, common, costs=True))
    if likely.costs or inp.costs is not None:
        lines.append(Line("costs", Text("合理开支（在乘以倍数之后另计）", "reasonable costs (added after multiplying)"),
                          likely.costs, rules.costs_citation,
                          Text("惩罚性赔偿解释第五条：基数不包括合理开支。", "SPC 2021 interpretation Art. 5: costs are not "
                               "part of the base.") if multiple is not None else Text("", "")))
    lines.append(Line("total", Text("赔偿总额（可能值）", "total (likely)"), likely.total,
                      Text(composition.get("formula_zh") or "赔偿数额 + 合理开支",
                           composition.get("formula_en") or "damages + reasonable costs")))

    why_not: list[Line] = []
    likely_params = common["scenarios"]["likely"]
    for step in rules.steps:
        if any(m.code == likely.basis for m in step):
            for m in step:
                if m.code != likely.basis and m.code in available:
                    why_not.append(Line(m.code, METHOD_LABELS[m.code], available[m.code].amount, m.citation, Text(
                        "同一顺位可择一，选用金额较高或把握较大的一项。",
                        "Same step, alternatives: the better-supported or higher figure was chosen.")))
            break
        for m in step:
            ev = available.get(m.code)
            if ev is None:
                reason = Text("未提供证据，视为难以确定。", "No evidence given: treated as hard to determine.")
            elif ev.confidence not in likely_params["accepts"]:
                reason = Text(f"证据把握为“{ev.confidence}”，可能值不予采信（高值中采用）。",
                              f"Evidence confidence '{ev.confidence}': not relied on for the likely figure "
                              "(used in the high figure).")
            else:
                reason = Text("已采用。", "Used.")
            why_not.append(Line(m.code, METHOD_LABELS[m.code], None if ev is None else ev.amount, m.citation, reason))

    circumstances = {
        kind: [{"code": c, "zh": circumstance_text(kind, c).zh, "en": circumstance_text(kind, c).en}
               for c in values]
        for kind, values in (("intent", inp.intent_circumstances), ("seriousness", inp.seriousness_circumstances))
    }
    if multiple is None and (inp.intent_circumstances or inp.seriousness_circumstances):
        notes.append(Text("已记录故意或情节严重情形，但未请求惩罚性倍数。",
                          "Intent or seriousness circumstances recorded, but no punitive multiple requested."))

    if inp.known_date is not None:
        years = common["limitation"]["years"]
        try:
            deadline = inp.known_date.replace(year=inp.known_date.year + years)
        except ValueError:  # 29 February
            deadline = inp.known_date.replace(year=inp.known_date.year + years, day=28)
        key = "patent" if rules.family == "patent" else "general"
        if as_of >= deadline and rules.id.startswith("patent-2008"):
            notes.append(Text.of(common["limitation"]["patent_2008"]))
        if as_of >= deadline:
            notes.append(Text(
                f"诉讼时效可能已届满（知道侵权之日 {inp.known_date.isoformat()}，三年期满 {deadline.isoformat()}）。"
                + common["limitation"][key]["zh"] + common["limitation"]["continuing"]["zh"],
                f"The limitation period may have run out (knew on {inp.known_date.isoformat()}, three years "
                f"ended {deadline.isoformat()}). " + common["limitation"][key]["en"] + " "
                + common["limitation"]["continuing"]["en"]))
        else:
            notes.append(Text(
                f"诉讼时效：自知道之日起三年，至 {deadline.isoformat()}。" + common["limitation"][key]["zh"],
                f"Limitation: three years from knowledge, until {deadline.isoformat()}. "
                + common["limitation"][key]["en"]))
    if inp.continuing:
        notes.append(Text("侵权行为持续的，新法施行后的部分可能适用新法；请核对各期间适用的法律版本。",
                          "For a continuing infringement the law in force for each period may differ: a court may "
                          "apply the newer law to the part after it took effect."))
    notes.append(Text.of(common["scenario_note"]))

    citations: list[Text] = []
    for line in [*lines, *why_not]:
        if line.citation.zh and line.citation not in citations and line.code != "total":
            citations.append(line.citation)
    if multiple is not None:
        citations.append(Text(spc["source"]["zh"] + "第三条至第六条", spc["source"]["en"] + " Arts. 3-6"))

    factors = inp.statutory_factors
    return CompensationEstimate(
        right_type=inp.right_type, gi_route=inp.gi_route, infringement_date=day, rule_set_id=rules.id,
        law=rules.law, article=rules.article, rules_verified=rules.verified,
        basis=likely.basis, basis_label=METHOD_LABELS[likely.basis], base=likely.base,
        punitive_multiple=multiple, punitive_amount=likely.punitive_amount, damages=likely.damages,
        costs=likely.costs, total=likely.total,
        low=min(s.total for s in scenarios), high=max(s.total for s in scenarios),
        scenarios=tuple(scenarios), lines=tuple(lines), why_not=tuple(why_not), citations=tuple(citations),
        statutory_range=(rules.statutory_min, rules.statutory_max),
        statutory_estimate=(stat_low, stat_likely, stat_high),
        statutory_factors={
            "right_kind": factors.right_kind, "nature": factors.nature,
            "duration_months": factors.duration_months, "scale": factors.scale, "fault": factors.fault,
            "law_zh": rules.statutory_factors.zh, "law_en": rules.statutory_factors.en,
        },
        composition=composition, notes=tuple(notes), circumstances=circumstances,
    )
