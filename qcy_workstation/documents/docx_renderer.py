"""DOCX renderer: fills the staff-editable templates in ``qcy_workstation/templates`` with docxtpl.

Templates are read once and kept in memory (keyed by path and modification time, so a template edited by
staff is picked up without a restart), and the Jinja template compiled from a template's XML is cached
too: parsing and compiling is most of the cost of a small document.
"""

from __future__ import annotations

import io
import threading
from dataclasses import asdict
from pathlib import Path
from typing import Any

from docx.shared import Cm, Pt
from docxtpl import DocxTemplate, InlineImage
from jinja2.exceptions import SecurityError, TemplateError
from jinja2.sandbox import SandboxedEnvironment

from qcy_workstation.documents import layout, model
from qcy_workstation.errors import NotFoundError, ValidationError

TEMPLATE_DIR = Path(__file__).resolve().parent.parent / "templates"

_lock = threading.Lock()
_template_bytes: dict[tuple[Path, float], bytes] = {}
_compiled: dict[str, Any] = {}
_patched: dict[str, str] = {}
# Templates are files staff can edit (and a shared store names their folder): rendered in Jinja2's sandbox,
# so a placeholder such as {{ cycler.__init__.__globals__.os.system('id') }} is refused, never run.
_env = SandboxedEnvironment(autoescape=True)


def template_path(kind: str, lang: str, template_dir: Path | None = None) -> Path:
    """The template used for ``kind`` in ``lang`` (a staff folder may override the shipped one)."""
    for folder in (template_dir, TEMPLATE_DIR):
        if folder is None:
            continue
        path = Path(folder) / f"{kind}.{lang}.docx"
        if path.exists():
            return path
    raise NotFoundError(f"no DOCX template for {kind} ({lang})", field="template", value=f"{kind}.{lang}.docx")


TEXT_WIDTH_CM = 16.0  # A4 (21 cm) less the template's margins (2.6 + 2.4 cm)


def template_context(content: model.DocumentContent, tpl: DocxTemplate | None = None) -> dict[str, Any]:
    """The placeholders a template may use: the content model as plain dicts and lists.

    An image block's ``b.image`` is a docxtpl picture for ``tpl`` (the template being rendered: the picture
    becomes a part of that document); without ``tpl`` it is empty (context for inspection only)."""
    sections = []
    for section in content.sections:
        blocks = []
        for block in section.blocks:
            if isinstance(block, model.Image):
                width = Cm(min(block.width_cm, TEXT_WIDTH_CM))
                picture = InlineImage(tpl, io.BytesIO(block.png), width=width) if tpl is not None else ""
                blocks.append({"kind": "image", "caption": block.caption, "width_cm": block.width_cm,
                               "image": picture})
                continue
            data = asdict(block)
            if isinstance(block, model.Table):
                ncols = max([len(block.header)] + [len(r) for r in block.rows])
                data["header"] = list(block.header) + [""] * (ncols - len(block.header))
                data["rows"] = [list(map(str, r)) + [""] * (ncols - len(r)) for r in block.rows]
            elif isinstance(block, model.KeyValues):
                data["pairs"] = [[str(k), str(v)] for k, v in block.items]  # "items" would be dict.items
            blocks.append(data)
        sections.append({"heading": section.heading, "blocks": blocks})
    lh = content.letterhead
    return {
        "kind": content.kind,
        "lang": content.lang,
        "title": content.title,
        "number": content.number,
        "number_label": content.number_label,
        "date_text": content.date_text,
        "addressee": content.addressee,
        "intro": list(content.intro),
        "sections": sections,
        "closing": list(content.closing),
        "disclaimer": content.disclaimer,
        "letterhead": {"name": lh.name, "subtitle": lh.subtitle,
                       "contact": "  ".join(x for x in (lh.address, lh.phone) if x)},
        "signature": asdict(content.signature),
        "metadata": dict(content.metadata),
    }


def _read_template(path: Path) -> bytes:
    key = (path, path.stat().st_mtime)
    with _lock:
        data = _template_bytes.get(key)
        if data is None:
            data = path.read_bytes()
            _template_bytes[key] = data
    return data


class _CachingTemplate(DocxTemplate):
    """docxtpl with the pre-processing and Jinja compilation of each XML part cached (same XML source ->
    same result), and the document properties rendered from cached templates."""

    def patch_xml(self, src_xml):  # noqa: ANN001, ANN201 - docxtpl signature
        patched = _patched.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            with _lock:
                _patched[src_xml] = patched
        return patched

    def render_properties(self, context, jinja_env=None):  # noqa: ANN001, ANN201 - docxtpl signature
        props = self.docx.core_properties
        for name in ("author", "comments", "identifier", "language", "subject", "title"):
            initial = getattr(props, name)
            if "{" not in initial:
                continue
            template = _compiled.get(initial)
            if template is None:
                template = (jinja_env or _env).from_string(initial)
                with _lock:
                    _compiled[initial] = template
            setattr(props, name, template.render(context))

    def render_xml_part(self, src_xml, part, context, jinja_env=None):  # noqa: ANN001 - docxtpl signature
        import re

        src_xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", src_xml)
        template = _compiled.get(src_xml)
        if template is None:
            template = (jinja_env or _env).from_string(src_xml)
            with _lock:
                _compiled[src_xml] = template
        self.current_rendering_part = part
        dst_xml = template.render(context)
        dst_xml = re.sub(r"\n<w:p([ >])", r"<w:p\1", dst_xml)
        dst_xml = dst_xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
        return self.resolve_listing(dst_xml)


def render_docx(content: model.DocumentContent, *, template_dir: Path | None = None, cached: bool = True) -> bytes:
    """Render to DOCX bytes. ``cached=False`` re-reads and re-compiles the template (benchmark baseline)."""
    path = template_path(content.kind, content.lang, template_dir)
    try:
        if cached:
            tpl: DocxTemplate = _CachingTemplate(io.BytesIO(_read_template(path)))
            tpl.render(template_context(content, tpl), jinja_env=_env)
        else:
            tpl = DocxTemplate(str(path))
            tpl.render(template_context(content, tpl), jinja_env=SandboxedEnvironment(autoescape=True))
    except SecurityError as exc:
        raise ValidationError(f"the template {path.name} reaches outside its placeholders and is refused ({exc})",
                              field="template", value=path.name) from None
    except TemplateError as exc:
        raise ValidationError(f"the template {path.name} cannot be read: {exc}", field="template",
                              value=path.name) from None
    _apply_column_widths(tpl, content)
    _keep_ending_together(tpl, content)
    out = io.BytesIO()
    tpl.save(out)
    return out.getvalue()


TEXT_WIDTH_TWIPS = 9070  # A4 (210 mm) less the template's margins (26 + 24 mm)


def _expected_widths(content: model.DocumentContent) -> list[list[float]]:
    out = []
    for section in content.sections:
        for block in section.blocks:
            if isinstance(block, model.Table):
                ncols = max([len(block.header)] + [len(r) for r in block.rows])
                weights = block.widths if block.widths and len(block.widths) == ncols else [1.0] * ncols
                out.append(list(weights))
            elif isinstance(block, model.KeyValues):
                out.append([0.28, 0.72])
    return out


def _apply_column_widths(tpl: DocxTemplate, content: model.DocumentContent) -> None:
    """Give the rendered tables the content's relative column widths (docxtpl makes them equal).

    Tables are matched in order by column count, so a fixed table that staff add to a template is left
    alone."""
    from docx.oxml.ns import qn

    expected = _expected_widths(content)
    k = 0
    # the rendered body replaced the original one: python-docx's cached ``tables`` would show the old body
    for tbl in tpl.docx.element.body.iterchildren(qn("w:tbl")):
        if k >= len(expected):
            break
        grid = tbl.find(qn("w:tblGrid"))
        cols = grid.findall(qn("w:gridCol")) if grid is not None else []
        weights = expected[k]
        if len(cols) != len(weights):
            continue
        k += 1
        total = sum(weights)
        twips = [int(TEXT_WIDTH_TWIPS * w / total) for w in weights]
        for col, width in zip(cols, twips, strict=True):
            col.set(qn("w:w"), str(width))
        for row in tbl.tr_lst:
            for tc, width in zip(row.tc_lst, twips, strict=False):
                tcw = tc.get_or_add_tcPr().get_or_add_tcW()
                tcw.set(qn("w:w"), str(width))
                tcw.set(qn("w:type"), "dxa")


SEAL_GAP_STYLE = "QcySealGap"  # the style id of the empty line that opens the seal area in the shipped templates


def _keep_ending_together(tpl: DocxTemplate, content: model.DocumentContent) -> None:
    """The seal area never stands alone on a last page, as in the PDF (``pdf._ending``): the paragraph before
    it is kept whole ("keep lines together") and with it ("keep with next"), and so are the empty gap lines
    between; a table right before it is kept whole with it. A long organisation name gets the PDF's smaller
    size so it stays on one line over the seal. A template without the seal area's marker is left alone."""
    from docx.oxml.ns import qn

    body = tpl.docx.element.body
    marker = None
    for p in body.iterchildren(qn("w:p")):
        style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if style is not None and style.get(qn("w:val")) == SEAL_GAP_STYLE:
            marker = p
            break
    if marker is None:
        return

    def keep(p: Any, *, whole: bool = False) -> None:
        ppr = p.get_or_add_pPr()
        ppr.keepNext_val = True
        if whole:
            ppr.keepLines_val = True

    keep(marker)
    prev = marker.getprevious()
    while prev is not None:
        if prev.tag == qn("w:tbl"):
            for p in prev.iter(qn("w:p")):
                keep(p, whole=True)
            break
        if prev.tag == qn("w:p"):
            keep(prev, whole=True)
            if "".join(t.text or "" for t in prev.iter(qn("w:t"))).strip():
                break
        prev = prev.getprevious()
    size = layout.seal_organisation_size(content.signature.organisation)
    if size != 12.0:
        following = marker.itersiblings(qn("w:p"))
        for p in following:
            text = "".join(t.text or "" for t in p.iter(qn("w:t")))
            if text == content.signature.organisation:
                for r in p.iter(qn("w:r")):
                    rpr = r.get_or_add_rPr()
                    rpr.sz_val = Pt(size)
                break


def _sample_content(kind: str, lang: str) -> model.DocumentContent:
    """A document of ``kind`` for an invented case that carries every field a template may show."""
    from datetime import date

    from qcy_workstation.documents.builders import CaseData, Decision, PartyInfo, RightInfo, build_document

    status = {"acceptance-notice": "accepted", "non-acceptance-notice": "declined"}.get(kind, "in_progress")
    case = CaseData(number="QCY-2026-00001", ip_type="patent", title="样例", applicant=PartyInfo("样例企业"),
                    opponent=PartyInfo("对方企业"), rights=[RightInfo("patent", "ZL202010566088.9", "样例专利")],
                    facts="样例案情。", received_on=date(2026, 1, 5), staff="样例", status=status,
                    decisions={"accepted": Decision(date(2026, 1, 8)), "declined": Decision(date(2026, 1, 8), "样例理由")})
    return build_document(kind, None if kind == "guidance" else case, lang=lang,
                          options={"topic": "evidence", "memo": {"subject": "样例", "findings": [], "risks": [],
                                                                 "recommendations": []}})


def validate_template_dir(folder: Path) -> list[str]:
    """The templates in ``folder`` that would fail: each ``<kind>.<lang>.docx`` is rendered once, in the
    sandbox with undefined variables as errors, for an invented case. A template that names a variable the
    documents do not provide, or reaches for Python internals, is listed with the reason. Run when the folder
    is installed (``store settings template_dir=...``), so a broken or hostile template never reaches a desk."""
    from jinja2 import StrictUndefined

    strict = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    problems: list[str] = []
    if not folder.is_dir():
        return [f"{folder} is not a folder"]
    for path in sorted(folder.glob("*.docx")):
        parts = path.name.split(".")
        if len(parts) != 3 or parts[0] not in model.DOCUMENT_KINDS or parts[1] not in model.LANGS:
            continue  # not a template of ours: ignored (the documents look up <kind>.<lang>.docx only)
        try:
            tpl = DocxTemplate(str(path))
            tpl.render(template_context(_sample_content(parts[0], parts[1]), tpl), jinja_env=strict)
        except SecurityError as exc:
            problems.append(f"{path.name}: reaches outside its placeholders ({exc})")
        except TemplateError as exc:
            problems.append(f"{path.name}: {exc}")
        except Exception as exc:  # noqa: BLE001 - a damaged .docx raises many kinds; each is a refusal
            problems.append(f"{path.name}: cannot be read ({type(exc).__name__})")
    return problems
