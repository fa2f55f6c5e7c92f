"""Documents on the store: content from a case, saved compensation estimates, the register of documents
(drafted -> reviewed -> issued by different staff), frozen issued files, exports and reprints.

Every call is one unit of work; plain values go in and out (no ORM objects). Every export and reprint is
an audit event. Issued bytes are stored content-addressed under ``<files_dir>/documents/<sha[:2]>/<sha>``
and checked against their SHA-256 whenever they are read back; those of a confidential case on a store with
accounts are sealed as ``<sha>.enc`` each with its own key (issue 14 item 5, ``db/sealed.py``).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, inspect, or_, select, text

from qcy_workstation.accounts.permissions import require
from qcy_workstation.accounts.principal import Acting, Principal
from qcy_workstation.cases import audit, sealing
from qcy_workstation.cases.access import check_visible, visible_clause
from qcy_workstation.cases.models import Case, Evidence
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.compensation import CompensationEstimate, CompensationInput, estimate, input_from_dict
from qcy_workstation.compensation.rules import check_right_matches_case
from qcy_workstation.db.base import china_today, utcnow
from qcy_workstation.db.store import Store
from qcy_workstation.documents import FORMATS, render
from qcy_workstation.documents.builders import (
    CaseData,
    ConsultationInfo,
    Decision,
    PartyInfo,
    RightInfo,
    WorkstationInfo,
    build_document,
)
from qcy_workstation.documents.case_sections import EvidenceInfo
from qcy_workstation.documents.editable import draft_label
from qcy_workstation.documents.labels import NUMBER_CODES
from qcy_workstation.documents.model import DOCUMENT_KINDS, LANGS, DocumentContent
from qcy_workstation.documents.models import CompensationRecord, DocumentFile, DocumentRecord
from qcy_workstation.errors import (
    IntegrityError,
    NotFoundError,
    PermissionDeniedError,
    ValidationError,
    WorkflowError,
)
from qcy_workstation.experts.service import concluded_panels
from qcy_workstation.outputs import check_output_path, write_output

STATUSES = ("drafted", "reviewed", "issued")
_PRECHECK_JSON_COLUMNS = ("result_json", "result", "payload", "data", "json")


@dataclass(frozen=True)
class DocumentView:
    """A document version in the register, as the desktop list and the CLI show it."""

    id: int
    number: str
    version: int
    kind: str
    lang: str
    topic: str
    case_number: str | None
    title: str
    status: str
    drafted_by: str
    drafted_at: datetime
    reviewed_by: str
    reviewed_at: datetime | None
    issued_by: str
    issued_at: datetime | None
    files: dict[str, str]  # format -> sha256 (issued documents only)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _estimate_input_json(inp: CompensationInput) -> str:
    return json.dumps(asdict(inp), ensure_ascii=False, default=str, sort_keys=True)


class DocumentService(Acting):
    """Use cases of the documents page and the ``export`` / ``documents`` commands; ``actor`` acts.

    Who may: officers draft on their cases, reviewers (or the head) review and issue, never their own draft;
    a confidential case's documents only for those who may see the case (permissions table)."""

    def __init__(self, store: Store, actor: Principal | str = "staff") -> None:
        super().__init__(store, actor)

    # ------------------------------------------------------------------ workstation and case data

    def template_dir(self) -> str | None:
        """A folder of staff-edited DOCX templates (setting ``template_dir``), if one is set."""
        return SettingsService(self.store, self.actor).get().extra.get("template_dir") or None

    def workstation_info(self) -> WorkstationInfo:
        """Letterhead and workstation name from the store's settings."""
        s = SettingsService(self.store, self.actor).get()
        return WorkstationInfo(name=s.workstation_name, name_en=s.workstation_name_en, letterhead=s.letterhead,
                               letterhead_en=s.letterhead_en, address=s.address, phone=s.phone)

    def _case_row(self, session: Any, number: str, action: str | None = None) -> Case:
        """The case, once the principal may see it (and do ``action`` on it, when given)."""
        case = session.execute(select(Case).where(Case.number == number)).scalar_one_or_none()
        if case is None:
            raise NotFoundError(f"no case {number}", field="case", value=number, reason="case.not_found",
                                params={"number": number})
        check_visible(session, self.principal, case)
        if action is not None:
            require(self.principal, action, case_staff=case.staff)
        return case

    def case_data(self, number: str) -> CaseData:
        """What documents need to know about a case: parties, rights, facts, consultations, saved
        pre-check results (table ``precheck_results`` when present) and the current compensation estimate."""
        from qcy_workstation.cases.consultations import ConsultationService
        from qcy_workstation.cases.dto import ConsultationFilter

        with self.store.read() as s:
            case = self._case_row(s, number)

            def party(p: Any) -> PartyInfo | None:
                if p is None:
                    return None
                return PartyInfo(name=p.name, uscc=p.uscc or "", address=p.address, contact=p.contact, phone=p.phone)

            data = CaseData(
                number=case.number, ip_type=case.ip_type, title=case.title, applicant=party(case.applicant),
                opponent=party(case.opponent), facts=case.facts, received_on=case.received_on, staff=case.staff,
                status=case.status,
                rights=[RightInfo(kind=r.kind, number=r.number, title=r.title, owner=r.owner, gi_route=r.gi_route or "",
                                  register_status=_register_status(s, r.kind, r.number)) for r in case.rights],
            )
            for t in sorted(case.transitions, key=lambda t: (t.at, t.id)):
                if t.to_status in ("accepted", "declined"):  # the latest decision of each kind counts
                    data.decisions[t.to_status] = Decision(on=t.on, reason=t.reason or "", by=t.by)
            case_id = case.id
            data.evidence = [EvidenceInfo(name=e.original_name, sha256=e.sha256, size=e.size, source=e.source,
                                          description=e.description, received_on=e.received_on)
                             for e in s.execute(select(Evidence).where(Evidence.case_id == case_id)
                                                .order_by(Evidence.received_on, Evidence.id)).scalars()]
            data.prechecks = self._prechecks(s, case_id)
            data.panels = concluded_panels(s, case_id)
            record = s.execute(select(CompensationRecord).where(CompensationRecord.case_id == case_id)
                               .order_by(CompensationRecord.id.desc()).limit(1)).scalar()
            if record is not None:
                data.compensation = json.loads(record.result_json)
        consultations = ConsultationService(self.store, self.who).list(ConsultationFilter(case_number=number))
        data.consultations = [
            ConsultationInfo(on=c.at.date(), channel=c.channel, enquirer=c.enquirer, topic=c.topic, summary=c.summary,
                             advice=c.advice, staff=c.staff)
            for c in sorted(consultations, key=lambda c: c.at)
        ]
        return data

    @staticmethod
    def _prechecks(session: Any, case_id: int) -> list[dict[str, Any]]:
        """Saved pre-check results, read by reflection: the table belongs to the pre-check feature."""
        insp = inspect(session.connection())
        if not insp.has_table("precheck_results"):
            return []
        columns = {c["name"] for c in insp.get_columns("precheck_results")}
        json_col = next((c for c in _PRECHECK_JSON_COLUMNS if c in columns), None)
        if json_col is None or "case_id" not in columns:
            return []
        order = "id" if "id" in columns else json_col
        kind_col = "kind" if "kind" in columns else "NULL"
        rows = session.execute(text(f"SELECT {json_col}, {kind_col} FROM precheck_results WHERE case_id = :cid "
                                    f"ORDER BY {order}"), {"cid": case_id}).all()
        out = []
        for raw, kind in rows:
            try:
                value = json.loads(raw) if isinstance(raw, str) else raw
            except ValueError:
                continue
            if not isinstance(value, dict):
                continue
            if kind and not value.get("kind"):
                value["kind"] = kind
            # screenings (kind "screen_*") are register searches, not pre-checks of this case's facts
            if not str(value.get("kind", "")).startswith("screen"):
                out.append(value)
        return out

    # ------------------------------------------------------------------------------ compensation

    def save_estimate(self, number: str, inp: CompensationInput) -> CompensationEstimate:
        """Compute and save an estimate on the case (the newest one is used in documents)."""
        result = estimate(inp)
        with self.store.write() as s:
            case = self._case_row(s, number, "estimate.save")
            check_right_matches_case(case.ip_type, inp.right_type)
            row = CompensationRecord(case_id=case.id, rule_set=result.rule_set_id, basis=result.basis,
                                     total=str(result.total), input_json=_estimate_input_json(inp),
                                     result_json=json.dumps(result.to_dict(), ensure_ascii=False),
                                     created_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="estimate", entity="compensation", entity_id=row.id,
                         case_id=case.id, details={"rule_set": result.rule_set_id, "basis": result.basis,
                                                   "total": str(result.total)})
        return result

    def current_estimate_input(self, number: str) -> CompensationInput | None:
        """The input of the case's current estimate, for editing it on the calculator page."""
        with self.store.read() as s:
            case = self._case_row(s, number)
            row = s.execute(select(CompensationRecord).where(CompensationRecord.case_id == case.id)
                            .order_by(CompensationRecord.id.desc()).limit(1)).scalar()
            return None if row is None else input_from_dict(json.loads(row.input_json))

    def current_estimate(self, number: str) -> dict[str, Any] | None:
        with self.store.read() as s:
            case = self._case_row(s, number)
            row = s.execute(select(CompensationRecord).where(CompensationRecord.case_id == case.id)
                            .order_by(CompensationRecord.id.desc()).limit(1)).scalar()
            return None if row is None else json.loads(row.result_json)

    # ---------------------------------------------------------------------------------- building

    def build(self, kind: str, case_number: str | None, *, lang: str = "zh", topic: str | None = None,
              options: dict[str, Any] | None = None, number: str | None = None,
              issue_date: date | None = None) -> DocumentContent:
        """The content of a document from the store (a preview: nothing is written)."""
        case = self.case_data(case_number) if case_number else None
        opts = dict(options or {})
        if topic:
            opts["topic"] = topic
        opts.setdefault("handler", case.staff if case and case.staff else self.actor)
        if number is None:
            # Only the register hands out document numbers; an unregistered export must not borrow one.
            number = UNREGISTERED[lang] if lang in UNREGISTERED else UNREGISTERED["zh"]
        return build_document(kind, case, lang=lang, workstation=self.workstation_info(), number=number,
                              issue_date=issue_date or china_today(), options=opts)

    def export(self, kind: str, case_number: str | None, fmt: str, *, lang: str = "zh", topic: str | None = None,
               options: dict[str, Any] | None = None, out: str | os.PathLike[str] | None = None) -> bytes:
        """Export a document of a case. The newest issued version of that kind and language is reprinted
        byte for byte; otherwise the document is rendered from the current case data. Audited."""
        _check_format(fmt)
        self.require("document.export")
        if out is not None:
            check_output_path(out)  # before any work: never over the store, never onto a folder
        issued = self._latest_issued(kind, case_number, lang, topic or "")
        if issued is not None:
            return self.reprint(issued, fmt, out=out)
        content = self.build(kind, case_number, lang=lang, topic=topic, options=options)
        data = render(content, fmt, template_dir=self.template_dir())
        self._write_out(data, out)
        with self.store.write() as s:
            case_id = self._case_row(s, case_number).id if case_number else None
            audit.record(s, actor=self.actor, action="export", entity="document", entity_id=content.number,
                         case_id=case_id, details={"kind": kind, "format": fmt, "lang": lang, "topic": topic or "",
                                                   "issued": False, "sha256": _sha(data), "out": str(out or "")})
        return data

    def record_print(self, kind: str, case_number: str | None, *, lang: str = "zh", ref: int | str | None = None,
                     pages: int, number: str = "", preview: bool = False) -> None:
        """Record that a document (a draft/preview, or a register document ``ref``) was sent to a printer:
        paper copies leave the workstation, so the audit trail must show who printed what and when.
        Called after the print job was handed to the system (the print dialog itself is the UI's)."""
        if kind not in DOCUMENT_KINDS:
            raise ValidationError(f"must be one of {', '.join(DOCUMENT_KINDS)}", field="kind", value=kind)
        if lang not in LANGS:
            raise ValidationError(f"must be one of {', '.join(LANGS)}", field="lang", value=lang)
        if pages < 1:
            raise ValidationError("must be at least 1", field="pages", value=pages)
        with self.store.write() as s:
            case_id = self._case_row(s, case_number).id if case_number else None
            status = "unregistered"
            entity_id = number or UNREGISTERED.get(lang, UNREGISTERED["zh"])
            version = None
            if ref is not None:
                row = self._resolve(s, ref)
                entity_id, status, version = row.number, row.status, row.version
                case_id = row.case_id if case_id is None else case_id
            audit.record(s, actor=self.actor, action="print", entity="document", entity_id=entity_id,
                         case_id=case_id, details={"kind": kind, "lang": lang, "pages": pages, "status": status,
                                                   "version": version, "preview": preview})

    @staticmethod
    def _write_out(data: bytes, out: str | os.PathLike[str] | None) -> None:
        if out is None:
            return
        write_output(data, out)

    # ---------------------------------------------------------------------------------- register

    def _next_number(self, session: Any, kind: str, year: int) -> tuple[str, int]:
        """The next number in the format set by the workstation (setting ``document_number_format``, e.g.
        ``秦创原维援〔{year}〕{seq}号``; default ``QCY-{code}-{year}-{seq:04d}``). Without ``{code}`` in the format
        one sequence runs across every kind of document in the year, so two documents never share a number."""
        fmt = SettingsService(self.store, self.actor).get().extra.get("document_number_format") or DEFAULT_NUMBER_FORMAT
        per_kind = "{code" in fmt
        query = select(func.max(DocumentRecord.seq)).where(DocumentRecord.year == year)
        if per_kind:
            query = query.where(DocumentRecord.kind == kind)
        seq = (session.execute(query).scalar() or 0) + 1
        return fmt.format(code=NUMBER_CODES[kind], year=year, seq=seq), seq

    def draft(self, kind: str, case_number: str | None, *, lang: str = "zh", topic: str | None = None,
              options: dict[str, Any] | None = None) -> DocumentView:
        """Start a document in the register (status ``drafted``) with a new number."""
        if kind not in DOCUMENT_KINDS:
            raise ValidationError("document kind must be one of " + ", ".join(DOCUMENT_KINDS), field="doc", value=kind)
        if lang not in LANGS:
            raise ValidationError("language must be zh or en", field="lang", value=lang)
        self.require("document.draft")
        content = self.build(kind, case_number, lang=lang, topic=topic, options=options)  # validates early
        year = china_today().year
        with self.store.write() as s:
            case_id = self._case_row(s, case_number, "document.draft").id if case_number else None
            number, seq = self._next_number(s, kind, year)
            row = DocumentRecord(number=number, version=1, year=year, seq=seq, kind=kind, lang=lang,
                                 topic=topic or "", case_id=case_id, title=content.title, status="drafted",
                                 options_json=json.dumps(options or {}, ensure_ascii=False), drafted_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="draft", entity="document", entity_id=number, case_id=case_id,
                         details={"kind": kind, "lang": lang, "version": 1})
            return self._view(s, row)

    def new_version(self, ref: int | str) -> DocumentView:
        """A new draft version of an issued document (same number, version + 1); the issued one stays."""
        with self.store.write() as s:
            old = self._resolve(s, ref, action="document.draft")
            if old.status != "issued":
                raise WorkflowError("only an issued document gets a new version; edit the draft instead",
                                    field="status", value=old.status)
            latest = s.execute(select(func.max(DocumentRecord.version)).where(DocumentRecord.number == old.number)).scalar()
            row = DocumentRecord(number=old.number, version=(latest or 1) + 1, year=old.year, seq=old.seq,
                                 kind=old.kind, lang=old.lang, topic=old.topic, case_id=old.case_id, title=old.title,
                                 status="drafted", options_json=old.options_json, drafted_by=self.actor)
            s.add(row)
            s.flush()
            audit.record(s, actor=self.actor, action="draft", entity="document", entity_id=row.number,
                         case_id=row.case_id, details={"version": row.version})
            return self._view(s, row)

    def update_draft(self, ref: int | str, options: dict[str, Any]) -> DocumentView:
        """Change the free-text parts of a draft; a reviewed draft goes back to ``drafted``."""
        with self.store.write() as s:
            row = self._resolve(s, ref, action="document.draft")
            if row.status == "issued":
                raise WorkflowError("an issued document is frozen", field="status", value=row.status,
                                    reason="document.frozen")
            row.options_json = json.dumps(options, ensure_ascii=False)
            row.status, row.reviewed_by, row.reviewed_at = "drafted", "", None
            row.drafted_by = self.actor
            audit.record(s, actor=self.actor, action="update", entity="document", entity_id=row.number,
                         case_id=row.case_id, details={"version": row.version})
            return self._view(s, row)

    def review(self, ref: int | str) -> DocumentView:
        """drafted -> reviewed, by someone other than the drafter."""
        with self.store.write() as s:
            row = self._resolve(s, ref, action="document.review")
            if row.status != "drafted":
                raise WorkflowError(f"only a drafted document can be reviewed (it is {row.status})", field="status",
                                    reason="document.review_status", params={"status": row.status},
                                    value=row.status)
            if self.principal.same_person(row.drafted_by):  # compared normalised: "张三 " is 张三
                raise PermissionDeniedError("the drafter cannot review their own document", field="staff",
                                            reason="document.self_review", params={"staff": self.actor},
                                            value=self.actor)
            row.status, row.reviewed_by, row.reviewed_at = "reviewed", self.actor, utcnow()
            audit.record(s, actor=self.actor, action="review", entity="document", entity_id=row.number,
                         case_id=row.case_id, details={"version": row.version})
            return self._view(s, row)

    def issue(self, ref: int | str, *, issue_date: date | None = None) -> DocumentView:
        """reviewed -> issued, by someone other than the drafter: renders PDF and DOCX once, stores the bytes
        content-addressed with their SHA-256, and freezes the version."""
        with self.store.read() as s:
            row = self._resolve(s, ref, action="document.issue")
            if row.status != "reviewed":
                raise WorkflowError(f"only a reviewed document can be issued (it is {row.status})", field="status",
                                    reason="document.issue_status", params={"status": row.status},
                                    value=row.status)
            if self.principal.same_person(row.drafted_by):
                raise PermissionDeniedError("the drafter cannot issue their own document", field="staff",
                                            reason="document.self_issue", params={"staff": self.actor},
                                            value=self.actor)
            kind, lang, topic, number, version = row.kind, row.lang, row.topic, row.number, row.version
            reviewed_by = row.reviewed_by
            options = json.loads(row.options_json or "{}")
            case = s.get(Case, row.case_id) if row.case_id else None
            case_number = case.number if case is not None else None
            sealed_case = (case.id, case.number) if case is not None and sealing.seals(self.store, case) else None
        # the case's key (made now for a confidential case that has none yet): each file gets its own key,
        # wrapped under it, so only its holders (and those of other confidential cases using the file) open it
        plan = sealing.plan_sealing(self.store, self.principal, *sealed_case) if sealed_case is not None else None
        day = issue_date or china_today()
        content = self.build(kind, case_number, lang=lang, topic=topic or None, options=options, number=number,
                             issue_date=day)
        content.metadata["version"] = version
        # the issued version names who reviewed and who issued it (issue 13 item 9)
        zh = lang == "zh"
        content.signature.staff_label = "审核人：" if zh else "Reviewed by "
        content.signature.staff_name = (f"{reviewed_by}　签发人：{self.actor}" if zh else
                                        f"{reviewed_by}; issued by {self.actor}")
        blobs = {fmt: render(content, fmt, template_dir=self.template_dir()) for fmt in FORMATS}
        if plan is None:
            for data in blobs.values():
                self._store_blob(data)
        with self.store.write() as s:
            row = self._resolve(s, ref)
            if row.status != "reviewed":  # someone else issued it meanwhile
                raise WorkflowError("the document changed while it was being issued", field="status", value=row.status,
                                    reason="document.changed")
            if plan is not None:  # sealed, with the ciphertext hashes and the file keys in this transaction
                for data in blobs.values():
                    self._store_sealed(s, plan, data)
            for fmt, data in blobs.items():
                s.add(DocumentFile(document_id=row.id, format=fmt, sha256=_sha(data), size=len(data)))
            row.status, row.issued_by, row.issued_at, row.issued_on = "issued", self.actor, utcnow(), day.isoformat()
            row.content_json = json.dumps(asdict(content), ensure_ascii=False, default=str)
            audit.record(s, actor=self.actor, action="issue", entity="document", entity_id=row.number,
                         case_id=row.case_id, details={"version": row.version,
                                                       **{f"sha256_{f}": _sha(d) for f, d in blobs.items()}})
            return self._view(s, row)

    def export_draft(self, ref: int | str, fmt: str, *, out: str | os.PathLike[str] | None = None) -> bytes:
        """A draft (or reviewed, not yet issued) version rendered with its number and marked as a draft."""
        _check_format(fmt)
        if out is not None:
            check_output_path(out)  # before any work: never over the store, never onto a folder
        with self.store.read() as s:
            row = self._resolve(s, ref, action="document.export")
            if row.status == "issued":
                raise WorkflowError("an issued document is reprinted, not re-rendered", field="status",
                                    value=row.status)
            kind, lang, topic, number, version, case_id = (row.kind, row.lang, row.topic, row.number, row.version,
                                                           row.case_id)
            options = json.loads(row.options_json or "{}")
            case_number = s.get(Case, row.case_id).number if row.case_id else None
        content = self.build(kind, case_number, lang=lang, topic=topic or None, options=options, number=number)
        content.number_label = draft_label(content.number_label, lang)
        data = render(content, fmt, template_dir=self.template_dir())
        self._write_out(data, out)
        with self.store.write() as s:
            audit.record(s, actor=self.actor, action="export", entity="document", entity_id=number, case_id=case_id,
                         details={"format": fmt, "version": version, "issued": False, "draft": True,
                                  "sha256": _sha(data), "out": str(out or "")})
        return data

    def reprint(self, ref: int | str, fmt: str, *, version: int | None = None,
                out: str | os.PathLike[str] | None = None) -> bytes:
        """The frozen bytes of an issued document, checked against their SHA-256. Audited as an export."""
        _check_format(fmt)
        if out is not None:
            check_output_path(out)  # before any work: never over the store, never onto a folder
        with self.store.read() as s:
            row = self._resolve(s, ref, version=version, issued_only=True, action="document.export")
            file = s.execute(select(DocumentFile).where(DocumentFile.document_id == row.id,
                                                        DocumentFile.format == fmt)).scalar_one()
            digest, number, doc_version, case_id = file.sha256, row.number, row.version, row.case_id
        data = self._read_blob(digest)
        self._write_out(data, out)
        with self.store.write() as s:
            audit.record(s, actor=self.actor, action="export", entity="document", entity_id=number, case_id=case_id,
                         details={"format": fmt, "version": doc_version, "issued": True, "reprint": True,
                                  "sha256": digest, "out": str(out or "")})
        return data

    def kinds_for(self, number: str) -> list[str]:
        """The document kinds a case can have now: a notice only when the case carries its decision
        (issue 13 item 1), so the documents page never offers one that would be refused."""
        from qcy_workstation.documents.builders import NOTICE_DECISION, NOTICE_STATUSES

        with self.store.read() as s:
            case = self._case_row(s, number)
            decided = {t.to_status for t in case.transitions}
            status = case.status
        return [k for k in DOCUMENT_KINDS if k not in NOTICE_DECISION
                or (status in NOTICE_STATUSES[k] and NOTICE_DECISION[k] in decided)]

    def list(self, *, case_number: str | None = None, status: str | None = None) -> list[DocumentView]:
        if status is not None and status not in STATUSES:
            raise ValidationError("status must be one of " + ", ".join(STATUSES), field="status", value=status)
        with self.store.read() as s:
            q = select(DocumentRecord).order_by(DocumentRecord.id)
            if case_number:
                q = q.where(DocumentRecord.case_id == self._case_row(s, case_number).id)
            else:  # documents of confidential cases the principal may not see are left out
                hidden = visible_clause(self.principal)
                if hidden is not None:
                    q = q.outerjoin(Case, Case.id == DocumentRecord.case_id).where(
                        or_(DocumentRecord.case_id.is_(None), hidden))
            if status:
                q = q.where(DocumentRecord.status == status)
            return [self._view(s, r) for r in s.execute(q).scalars()]

    def get(self, ref: int | str, *, version: int | None = None) -> DocumentView:
        with self.store.read() as s:
            return self._view(s, self._resolve(s, ref, version=version))

    def options(self, ref: int | str, *, version: int | None = None) -> dict[str, Any]:
        """The free-text parts a register document was drafted with (what the editors show again)."""
        with self.store.read() as s:
            row = self._resolve(s, ref, version=version)
            return json.loads(row.options_json or "{}")

    # ----------------------------------------------------------------------------------- helpers

    def _latest_issued(self, kind: str, case_number: str | None, lang: str, topic: str) -> int | None:
        with self.store.read() as s:
            q = select(DocumentRecord.id).where(DocumentRecord.kind == kind, DocumentRecord.lang == lang,
                                                DocumentRecord.status == "issued", DocumentRecord.topic == topic)
            if case_number:
                q = q.where(DocumentRecord.case_id == self._case_row(s, case_number).id)
            else:
                q = q.where(DocumentRecord.case_id.is_(None))
            return s.execute(q.order_by(DocumentRecord.issued_at.desc(), DocumentRecord.id.desc()).limit(1)).scalar()

    def _resolve(self, session: Any, ref: int | str, *, version: int | None = None,
                 issued_only: bool = False, action: str | None = None) -> DocumentRecord:
        """A document by id, or by number (the newest version, or the newest issued one), once the principal
        may see its case (and do ``action`` on it, when given)."""
        if isinstance(ref, int) or (isinstance(ref, str) and ref.isascii() and ref.isdigit()
                                    and len(ref) <= 18):  # not isdigit() alone: "²" is a digit int() cannot read
            row = session.get(DocumentRecord, int(ref))
        else:
            q = select(DocumentRecord).where(DocumentRecord.number == ref)
            if version is not None:
                q = q.where(DocumentRecord.version == version)
            if issued_only:
                q = q.where(DocumentRecord.status == "issued")
            row = session.execute(q.order_by(DocumentRecord.version.desc()).limit(1)).scalar()
        if row is None:
            raise NotFoundError(f"no document {ref}", field="document", value=ref)
        if issued_only and row.status != "issued":
            raise WorkflowError("only issued documents are reprinted; export the draft instead", field="status",
                                value=row.status)
        case = session.get(Case, row.case_id) if row.case_id else None
        if case is not None:
            check_visible(session, self.principal, case)
        if action is not None:
            require(self.principal, action, case_staff=case.staff if case is not None else None)
        return row

    def _view(self, session: Any, row: DocumentRecord) -> DocumentView:
        files = {f.format: f.sha256 for f in session.execute(
            select(DocumentFile).where(DocumentFile.document_id == row.id)).scalars()}
        case_number = session.get(Case, row.case_id).number if row.case_id else None
        return DocumentView(id=row.id, number=row.number, version=row.version, kind=row.kind, lang=row.lang,
                            topic=row.topic, case_number=case_number, title=row.title, status=row.status,
                            drafted_by=row.drafted_by, drafted_at=row.drafted_at, reviewed_by=row.reviewed_by,
                            reviewed_at=row.reviewed_at, issued_by=row.issued_by, issued_at=row.issued_at,
                            files=files)

    @property
    def blob_root(self) -> Path:
        return self.store.files_dir / "documents"

    def blob_path(self, sha256: str) -> Path:
        return self.blob_root / sha256[:2] / sha256

    @property
    def area(self) -> Any:
        return sealing.area(self.store, sealing.DOCUMENTS)

    def _store_blob(self, data: bytes) -> str:
        digest = _sha(data)
        path = self.blob_path(digest)
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_name(path.name + f".{os.getpid()}.part")
            tmp.write_bytes(data)
            os.replace(tmp, path)
            with contextlib.suppress(OSError):  # file systems without modes
                path.chmod(0o444)
        return digest

    def _store_sealed(self, s: Any, plan: Any, data: bytes) -> None:
        """Seal ``data`` with a new file key (or, already sealed for another case, wrap its key for this one)."""
        from qcy_workstation.db.sealed import content_hasher

        content, key = content_hasher(), plan.file_key()
        content.update(data)
        created = not self.area.has_sealed(_sha(data))
        self.area.write_sealed(s, data, key)
        sealing.wrap_sealed(s, self.area, plan, _sha(data), created=created, file_key=key,
                            content_secret=bytes(content.digest()), principal=self.principal)

    def verify_issued(self) -> list[dict[str, str]]:
        """Every issued document's frozen files checked against their SHA-256 (``store check``): a file
        missing or changed since it was issued is listed with the document it belongs to."""
        problems: list[dict[str, str]] = []
        with self.store.read() as s:
            rows = s.execute(select(DocumentRecord.number, DocumentRecord.version, DocumentFile.format,
                                    DocumentFile.sha256).join(DocumentFile, DocumentFile.document_id == DocumentRecord.id)
                             ).all()
        ring = getattr(self.who, "keys", None)
        key = bytes(ring.data_key) if ring is not None else None
        for number, version, fmt, digest in rows:
            problem = None
            if not self.blob_path(digest).exists() and self.area.has_sealed(digest):
                # sealed: decrypted with the key when held, else the ciphertext against its recorded hash
                if self.area.check_sealed(self.store, digest, key) != "ok":
                    problem = "modified"
            else:
                try:
                    self._read_blob(digest)
                except IntegrityError as exc:
                    problem = "missing" if exc.reason == "document.file_missing" else "modified"
            if problem:
                problems.append({"document": number, "version": str(version), "format": fmt, "problem": problem})
        return problems

    def _read_blob(self, digest: str) -> bytes:
        """The issued bytes at ``digest``, checked: a plain file re-hashed, a sealed one decrypted with the
        principal's data key (``crypto.no_key`` without it, ``crypto.tampered`` when changed)."""
        path = self.blob_path(digest)
        if not path.exists() and self.area.has_sealed(digest):
            key = sealing.key_for_opening(self.store, self.principal, None, digest[:12], self.area, digest)
            return bytes(self.area.read_sealed(digest, key))
        if not path.exists():
            raise IntegrityError("the issued document's file is missing", field="document", value=digest,
                                 reason="document.file_missing")
        data = path.read_bytes()
        if _sha(data) != digest:
            raise IntegrityError("the issued document's file was modified", field="document", value=digest,
                                 reason="document.file_modified")
        return data


DEFAULT_NUMBER_FORMAT = "QCY-{code}-{year}-{seq:04d}"
UNREGISTERED = {"zh": "（未登记，无文号）", "en": "(not registered, no number)"}


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValidationError("format must be pdf or docx", field="format", value=fmt)


def _register_status(session: Any, kind: str, number: str) -> str:
    """The right's status in a register extract imported at this workstation ("" when not found there)."""
    from qcy_workstation.precheck.models import RegisterPatent, RegisterTrademark

    if not number:
        return ""
    if kind == "patent":
        bare = number.removeprefix("ZL")
        row = session.execute(select(RegisterPatent.status, RegisterPatent.source)
                              .where(RegisterPatent.number.in_([number, bare, "ZL" + bare]))).first()
    elif kind == "trademark":
        row = session.execute(select(RegisterTrademark.status, RegisterTrademark.source)
                              .where(RegisterTrademark.reg_no == number)).first()
    else:
        return ""
    if row is None or not row[0]:
        return ""
    return row[0] + (f"（{row[1]}）" if row[1] else "")
