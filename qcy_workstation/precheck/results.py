"""Saving pre-check results on a case, with their inputs and the engine version, for later citation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases.access import check_visible
from qcy_workstation.errors import NotFoundError, ValidationError
from qcy_workstation.precheck.common import ENGINE_VERSION
from qcy_workstation.precheck.models import PrecheckResult

if TYPE_CHECKING:
    from qcy_workstation.db.store import Store


@dataclass(frozen=True)
class SavedPrecheck:
    id: int
    case_number: str
    kind: str
    summary: str
    engine_version: str
    created_at: datetime
    created_by: str
    inputs: dict[str, Any]
    result: dict[str, Any]

    @property
    def summary_en(self) -> str:
        """The stored (Chinese) summary's English counterpart, made from the saved result."""
        return summarise(self.result, "en")

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "case_number": self.case_number, "kind": self.kind, "summary": self.summary,
                "summary_en": self.summary_en,
                "engine_version": self.engine_version, "created_at": self.created_at.isoformat(),
                "created_by": self.created_by, "inputs": self.inputs, "result": self.result}


_PATENT_VERDICT = {"zh": {"literal": "字面落入", "equivalent": "等同落入", "not_infringing": "未落入保护范围"},
                   "en": {"literal": "literal infringement", "equivalent": "infringement by equivalents",
                          "not_infringing": "outside the scope"}}
_RISK = {"zh": {"high": "高", "medium": "中", "low": "低"}, "en": {"high": "high", "medium": "medium", "low": "low"}}
_GI_VERDICT = {"zh": {"misuse": "不当使用", "lawful": "合法使用"}, "en": {"misuse": "misuse", "lawful": "lawful use"}}
_SCREEN = {"zh": {"screen_trademark": "商标筛查", "screen_patent": "专利筛查", "screen_gi": "地理标志筛查"},
           "en": {"screen_trademark": "trademark screening", "screen_patent": "patent screening",
                  "screen_gi": "GI screening"}}
_UNKNOWN = {"zh": "未知", "en": "unknown"}


def summarise(d: dict[str, Any], lang: str = "zh") -> str:
    """One line for lists, the audit log and the case timeline, all in one language (``zh`` or ``en``):
    staff read it in the timeline, so no engine codes such as ``not_infringing`` or ``high``."""
    en = lang == "en"
    lang = "en" if en else "zh"

    def word(table: dict[str, dict[str, str]], code: Any) -> str:
        return table[lang].get(str(code), f"{_UNKNOWN[lang]}（{code}）" if not en else f"{_UNKNOWN[lang]} ({code})")

    kind = d.get("kind", "")
    if kind == "trademark":
        if en:
            return f"Trademark {d['mark']} / {d['other']}: {d['score']}/100, {word(_RISK, d['risk'])} risk"
        return f"商标 {d['mark']} / {d['other']}：{d['score']}分，风险{word(_RISK, d['risk'])}"
    if kind == "patent":
        review = len(d.get("review") or [])
        if en:
            return f"Patent claim {d['claim']}: {word(_PATENT_VERDICT, d['verdict'])}" + (
                f" ({review} feature(s) to check)" if review else "")
        return f"专利 权利要求{d['claim']}：{word(_PATENT_VERDICT, d['verdict'])}" + (
            f"（{review}项特征待核实）" if review else "")
    if kind == "gi":
        if en:
            return f"GI {d.get('gi') or '—'}: {word(_GI_VERDICT, d['verdict'])}"
        return f"地理标志 {d.get('gi') or '—'}：{word(_GI_VERDICT, d['verdict'])}"
    if kind == "trade_secret":
        return f"Trade secret similarity {d['similarity']}/100" if en else f"商业秘密 相似度{d['similarity']}/100"
    if kind.startswith("screen_"):
        n = len(d.get("hits", []))
        return f"{word(_SCREEN, kind)}: {n} hits" if en else f"{word(_SCREEN, kind)}：{n}条结果"
    return kind


class PrecheckResultService(Acting):
    """Use cases on saved pre-checks. Plain values in and out; one transaction per call. Saving needs the
    ``precheck.save`` permission on the case; reading, sight of the case (confidential cases)."""

    def __init__(self, store: Store, actor: Principal | str) -> None:
        super().__init__(store, actor)

    def save(self, case_number: str, result: Any) -> SavedPrecheck:
        """Save a result object (anything with ``to_dict()``) or its dict on the case ``case_number``."""
        from qcy_workstation.cases import audit
        from qcy_workstation.cases.models import Case

        d = result.to_dict() if hasattr(result, "to_dict") else dict(result)
        if "kind" not in d or "inputs" not in d:
            raise ValidationError("not a pre-check result (needs kind and inputs)", field="result")
        with self.store.write() as s:
            case = s.execute(select(Case).where(Case.number == case_number)).scalar_one_or_none()
            if case is None:
                raise NotFoundError(f"no case {case_number}", field="case", value=case_number)
            check_visible(s, self.principal, case)
            require(self.principal, "precheck.save", case_staff=case.staff)
            row = PrecheckResult(case_id=case.id, kind=d["kind"], summary=summarise(d)[:300],
                                 inputs_json=json.dumps(d["inputs"], ensure_ascii=False),
                                 result_json=json.dumps(d, ensure_ascii=False),
                                 engine_version=d.get("engine_version", ENGINE_VERSION), created_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="precheck", entity="precheck_result", entity_id=row.id,
                         case_id=case.id, details={"kind": row.kind, "summary": row.summary,
                                                   "engine_version": row.engine_version})
            return self._dto(row, case_number)

    def list(self, case_number: str) -> list[SavedPrecheck]:
        from qcy_workstation.cases.models import Case

        with self.store.read() as s:
            case = s.execute(select(Case).where(Case.number == case_number)).scalar_one_or_none()
            if case is None:
                raise NotFoundError(f"no case {case_number}", field="case", value=case_number)
            check_visible(s, self.principal, case)
            rows = s.execute(select(PrecheckResult).where(PrecheckResult.case_id == case.id)
                             .order_by(PrecheckResult.created_at.desc(), PrecheckResult.id.desc())).scalars()
            return [self._dto(r, case_number) for r in rows]

    def get(self, result_id: int) -> SavedPrecheck:
        from qcy_workstation.cases.models import Case

        with self.store.read() as s:
            row = s.get(PrecheckResult, result_id)
            if row is None:
                raise NotFoundError(f"no saved pre-check {result_id}", field="id", value=result_id)
            case = s.get(Case, row.case_id)
            check_visible(s, self.principal, case)
            return self._dto(row, case.number)

    @staticmethod
    def _dto(row: PrecheckResult, case_number: str) -> SavedPrecheck:
        return SavedPrecheck(row.id, case_number, row.kind, row.summary, row.engine_version, row.created_at,
                             row.created_by, json.loads(row.inputs_json), json.loads(row.result_json))
