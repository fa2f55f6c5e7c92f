"""An enterprise's own rights from the register files staff already import (issue 17 item 3).

Two sources: a register file (CSV/XLSX, the same reader and header detection as ``register import``, plus
the date columns 注册日期 / 专用权期限至 / 申请日 / 授权日), or the register already in the store. Rows are
the enterprise's when the holder column names it (compared after ``names.normalise_name``, so 陕西秦川食品
有限公司 and 秦川食品 match; co-holders separated by ；) or carries its unified social credit code. A row
that cannot become a right is a bad line with its row number (file) or register number, the field and the
reason; rows already in the portfolio are listed, never added twice.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qcy_workstation.cases.names import normalise_name
from qcy_workstation.cases.validation import validate_patent_number, validate_trademark_number
from qcy_workstation.errors import ValidationError
from qcy_workstation.portfolios.dto import NewRight

USCC_HEADERS = ("统一社会信用代码", "信用代码", "社会信用代码", "uscc", "creditcode")
_HOLDERS_SPLIT = re.compile(r"[；;、|]+")


@dataclass(frozen=True)
class BadLine:
    line: str  # "row 7" (file) or "register 10145231"
    field: str
    reason: str
    # the refusal itself (code, field, params), so the desktop words it in the user's language, and where it
    # was: the file's row number, or the register row's number
    error: ValidationError | None = field(default=None, compare=False, repr=False)
    row: int | None = None
    number: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"line": self.line, "field": self.field, "reason": self.reason}


@dataclass(frozen=True)
class ImportPlan:
    """What an import would add (or, once ``added``, did add) to one enterprise's portfolio."""

    enterprise: str
    source: str
    to_add: tuple[NewRight, ...]
    already: tuple[str, ...]  # numbers already in the portfolio
    bad: tuple[BadLine, ...]
    other_holders: int  # rows of other holders, left alone
    added: bool = False
    notes: tuple[str, ...] = field(default_factory=tuple)

    def applied(self) -> ImportPlan:
        return replace(self, added=True)

    def to_dict(self) -> dict[str, Any]:
        return {"enterprise": self.enterprise, "source": self.source, "added": self.added,
                "to_add": [{"kind": r.kind, "number": r.number, "title": r.title, "classes": r.classes,
                            "filed_on": r.filed_on, "registered_on": r.registered_on, "expires_on": r.expires_on}
                           for r in self.to_add],
                "already": list(self.already), "bad": [b.to_dict() for b in self.bad],
                "other_holders": self.other_holders, "notes": list(self.notes)}


def holder_matches(owner: str, name_key: str, uscc: str | None) -> bool:
    """Whether a holder cell names the enterprise (any co-holder), by normalised name or credit code."""
    if uscc and uscc.upper() in owner.upper():
        return True
    return any(normalise_name(h, drop_place=True) == name_key for h in _HOLDERS_SPLIT.split(owner) if h.strip())


def patent_kind(number: str) -> str:
    """Invention, utility model or design from a Chinese application number: the type digit is the 5th of
    the 12-digit numbers (from 2003) and the 3rd of the 8-digit ones (1 / 8 invention incl. PCT, 2 / 9 utility
    model, 3 design)."""
    digits = re.sub(r"[^0-9]", "", number.upper().removeprefix("ZL").removeprefix("CN"))
    code = digits[4] if len(digits) >= 12 else digits[2] if len(digits) >= 8 else ""
    kind = {"1": "invention", "8": "invention", "2": "utility_model", "9": "utility_model", "3": "design"}.get(code)
    if kind is None:
        raise ValidationError("the number does not tell invention, utility model or design", field="number",
                              value=number, reason="portfolio.patent_kind")
    return kind


def _classes(text: str) -> str:
    return ",".join(c for c in re.split(r"[^0-9]+", re.sub(r"第|类", " ", text or "")) if c and len(c) <= 2)


def _check(new: NewRight) -> NewRight:
    from qcy_workstation.portfolios.service import clean_right

    clean_right(new)  # every rule of a right entered by hand
    return new


def _trademark(enterprise: str, v: dict[str, Any]) -> NewRight:
    number = validate_trademark_number(v.get("reg_no") or "", field="reg_no")
    if v.get("registered_on") is None:
        raise ValidationError("no registration date: the term and the renewal window run from it",
                              field="registered_on", value=None, reason="portfolio.import_no_date")
    return _check(NewRight(enterprise, "trademark", number, title=(v.get("mark") or "")[:300],
                           classes=_classes(v.get("classes") or ""), registered_on=v.get("registered_on"),
                           expires_on=v.get("expires_on"), note="imported from " + v["_source"]))


def _bad(line: str, err: ValidationError, *, row: int | None = None, number: str = "") -> BadLine:
    return BadLine(line, err.field or "", err.message, error=err, row=row, number=number)


def _patent(enterprise: str, v: dict[str, Any]) -> NewRight:
    number = validate_patent_number(v.get("number") or "", field="number").removeprefix("ZL")
    if v.get("filed_on") is None:
        raise ValidationError("no filing date: a patent's term runs from it", field="filed_on", value=None,
                              reason="portfolio.import_no_date")
    return _check(NewRight(enterprise, patent_kind(number), number, title=(v.get("title") or "")[:300],
                           filed_on=v.get("filed_on"), registered_on=v.get("granted_on"),
                           note="imported from " + v["_source"]))


def _plan(enterprise: str, source: str, held: set[tuple[str, str]],
          rows: list[tuple[str, str, dict[str, Any]]]) -> tuple[list[NewRight], list[str], list[BadLine]]:
    add: list[NewRight] = []
    already: list[str] = []
    bad: list[BadLine] = []
    seen: set[tuple[str, str]] = set()
    for line, kind, v in rows:
        v["_source"] = source
        try:
            new = _trademark(enterprise, v) if kind == "trademark" else _patent(enterprise, v)
        except ValidationError as err:
            from_file = v.get("_row") is not None
            bad.append(_bad(line, err, row=v.get("_row"),
                            number="" if from_file else str(v.get("reg_no") or v.get("number") or "")))
            continue
        key = (new.kind, new.number)
        if key in held or key in seen:
            already.append(new.number)
            continue
        seen.add(key)
        add.append(new)
    return add, already, bad


def _from_file(path: str | os.PathLike[str], name_key: str, uscc: str | None
               ) -> tuple[str, list[tuple[str, str, dict[str, Any]]], list[BadLine], int]:
    from qcy_workstation.precheck.register import _fold_header, _open_table, _plausible, guess_mapping

    header, table, _ = _open_table(path)
    kind, cols = guess_mapping(header)
    if kind == "gi":
        raise ValidationError("a GI register file lists GIs, not authorisations to use them: enter an enterprise's "
                              "GI authorisation by hand", field="file", value=str(path), reason="portfolio.import_gi")
    owner_col = cols.get("owner")
    if owner_col is None:
        raise ValidationError("the file has no holder column (注册人 / 申请人 / 专利权人)", field="file",
                              value=str(path), reason="portfolio.import_no_holder")
    folded = [_fold_header(h) for h in header]
    uscc_col = next((i for i, h in enumerate(folded) if h in {_fold_header(u) for u in USCC_HEADERS}), None)
    from qcy_workstation.precheck.register import _file_date

    rows: list[tuple[str, str, dict[str, Any]]] = []
    bad: list[BadLine] = []
    others = 0
    for n, cells in table:
        line = f"row {n}"
        if isinstance(cells, str):
            bad.append(BadLine(line, "file", cells, row=n))
            continue
        if not any(c.strip() for c in cells):
            continue
        v: dict[str, Any] = {f: (cells[i] if i < len(cells) else "") for f, i in cols.items()}
        holder = v.get("owner", "") + " " + (cells[uscc_col] if uscc_col is not None and uscc_col < len(cells) else "")
        if not holder_matches(holder, name_key, uscc):
            others += 1
            continue
        try:
            _plausible(kind, cells, v, len(header))
            for f in ("registered_on", "expires_on", "filed_on", "granted_on"):
                v[f] = _file_date(v, f)
        except ValidationError as err:
            bad.append(_bad(line, err, row=n))
            continue
        v["_row"] = n
        rows.append((line, kind, v))
    return Path(path).name, rows, bad, others


def _from_register(s: Session, name_key: str, uscc: str | None) -> tuple[list[tuple[str, str, dict[str, Any]]], int]:
    from qcy_workstation.precheck.models import RegisterPatent, RegisterTrademark

    rows: list[tuple[str, str, dict[str, Any]]] = []
    matched = 0
    for model, kind in ((RegisterTrademark, "trademark"), (RegisterPatent, "patent")):
        owners = [o for o in s.execute(select(model.owner).distinct()).scalars() if o
                  and holder_matches(o, name_key, uscc)]
        for i in range(0, len(owners), 500):
            for r in s.execute(select(model).where(model.owner.in_(owners[i:i + 500]))).scalars():
                matched += 1
                if kind == "trademark":
                    rows.append((f"register {r.reg_no}", kind, {"reg_no": r.reg_no, "mark": r.mark,
                                                               "classes": r.classes, "registered_on": r.registered_on,
                                                               "expires_on": r.expires_on}))
                else:
                    rows.append((f"register {r.number}", kind, {"number": r.number, "title": r.title,
                                                               "filed_on": r.filed_on, "granted_on": r.granted_on}))
    return rows, matched


def plan_import(s: Session, enterprise: str, uscc: str | None, held: set[tuple[str, str]], *,
                file: str | os.PathLike[str] | None = None, from_register: bool = False) -> ImportPlan:
    """What importing from ``file`` or (``from_register``) the stored register would add to ``enterprise``."""
    if (file is None) == (not from_register):
        raise ValidationError("import from a file or from the register, one of the two", field="source",
                              value=None, reason="portfolio.import_source")
    name_key = normalise_name(enterprise, drop_place=True)
    bad: list[BadLine] = []
    notes: list[str] = []
    if file is not None:
        source, rows, bad, others = _from_file(file, name_key, uscc)
    else:
        rows, _matched = _from_register(s, name_key, uscc)
        source, others = "register", 0
        notes.append("holders matched by normalised name or credit code; rows of other holders are not counted")
    add, already, more_bad = _plan(enterprise, source, held, rows)
    return ImportPlan(enterprise, source, tuple(add), tuple(already), tuple(bad + more_bad), others,
                      notes=tuple(notes))
