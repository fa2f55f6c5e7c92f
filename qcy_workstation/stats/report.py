"""Monthly and annual statistics reports (PDF and DOCX) with the charts as images.

One content value (:class:`Report`) feeds both renderers, so the PDF and the DOCX say the same thing and
show the same chart images. The documents package's content model has no image block (yet), so reports
have their own small renderers; the layout follows the documents' (A4, letterhead, "第 X 页 共 Y 页").
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qcy_workstation import labels
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.db.store import Store
from qcy_workstation.errors import ValidationError
from qcy_workstation.resources import FONT_FAMILY
from qcy_workstation.stats.charts import bar_chart_png
from qcy_workstation.stats.figures import Dashboard, StatsPeriod, StatsService, Table

REPORT_KINDS = ("monthly", "annual")
FORMATS = ("pdf", "docx")


@dataclass(frozen=True)
class ReportSection:
    heading: str
    table: Table
    chart_png: bytes | None = None


@dataclass(frozen=True)
class Report:
    """What a statistics report shows, already in its language."""

    kind: str
    lang: str
    period: StatsPeriod
    workstation: str
    title: str
    subtitle: str
    generated_on: date
    summary: list[str]
    sections: list[ReportSection]
    notes: list[str] = field(default_factory=list)
    dashboard: Dashboard | None = None

    def all_text(self) -> str:
        parts = [self.workstation, self.title, self.subtitle, *self.summary]
        for sec in self.sections:
            parts.append(sec.heading)
            parts.extend(str(h) for h in sec.table.headers)
            parts.extend(sec.table.cell_text(i, c) for r in sec.table.rows for i, c in enumerate(r))
        parts.extend(self.notes)
        return "\n".join(parts)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _summary(d: Dashboard, lang: str) -> list[str]:
    t, wd, comp, w = d.totals, d.working_days, d.compliance, d.warning
    acc, opi = wd["receipt_to_acceptance"], wd["acceptance_to_opinion"]
    if lang == "zh":
        types = "、".join(f"{zh}{d.cases_by_type.get(code, 0)}件" for code, (zh, _en) in labels.IP_TYPES.items())
        ch = "、".join(f"{zh}{d.consultations_by_channel.get(code, 0)}次" for code, (zh, _en) in labels.CHANNELS.items())
        return [
            f"本期共接收维权援助案件{t['cases']}件（{types}），涉及受援助企业{t['enterprises_assisted']}家；"
            f"目前仍在办理{t['open_cases']}件。",
            f"本期接待知识产权咨询{t['consultations']}次（{ch}），其中{t['consultations_linked_to_cases']}次转为案件。",
            f"本期出具参考意见{d.outcomes.get('opinion_issued', 0)}件，结案{d.outcomes.get('closed', 0)}件，"
            f"不予受理{d.outcomes.get('declined', 0)}件，撤回{d.outcomes.get('withdrawn', 0)}件。",
            f"自接收至受理平均{acc['average'] if acc['average'] is not None else '—'}个工作日，"
            f"按期受理率{_pct(comp['acceptance']['on_time_rate'])}；自受理至出具意见平均"
            f"{opi['average'] if opi['average'] is not None else '—'}个工作日，按期出具率"
            f"{_pct(comp['opinion']['on_time_rate'])}。",
            f"本期新增预警项目{w['projects']}个，发现预警风险{w['risks']}项，其中高风险"
            f"{w['risks_by_severity'].get('high', 0)}项。",
        ]
    return [
        f"Cases received: {t['cases']} (trademark {d.cases_by_type.get('trademark', 0)}, patent "
        f"{d.cases_by_type.get('patent', 0)}, GI {d.cases_by_type.get('gi', 0)}, trade secret "
        f"{d.cases_by_type.get('trade-secret', 0)}), for {t['enterprises_assisted']} enterprises; "
        f"{t['open_cases']} still open.",
        f"Consultations: {t['consultations']} ({', '.join(f'{k} {v}' for k, v in d.consultations_by_channel.items())}); "
        f"{t['consultations_linked_to_cases']} became cases.",
        f"Opinions issued: {d.outcomes.get('opinion_issued', 0)}; closed {d.outcomes.get('closed', 0)}; declined "
        f"{d.outcomes.get('declined', 0)}; withdrawn {d.outcomes.get('withdrawn', 0)}.",
        f"Receipt to acceptance: {acc['average'] if acc['average'] is not None else '—'} working days on average, "
        f"{_pct(comp['acceptance']['on_time_rate'])} on time; acceptance to opinion: "
        f"{opi['average'] if opi['average'] is not None else '—'} working days, "
        f"{_pct(comp['opinion']['on_time_rate'])} on time.",
        f"Early warning: {w['projects']} new projects, {w['risks']} risks found "
        f"({w['risks_by_severity'].get('high', 0)} high).",
    ]


def build_report(store: Store, *, kind: str, year: int, month: int | None = None, lang: str = "zh",
                 today: date | None = None) -> Report:
    """Compute the period's figures and lay them out as a report (sections with chart images)."""
    if kind not in REPORT_KINDS:
        raise ValidationError(f"must be one of {', '.join(REPORT_KINDS)}", field="kind", value=kind)
    if lang not in ("zh", "en"):
        raise ValidationError("must be zh or en", field="lang", value=lang)
    if kind == "monthly":
        if month is None or not 1 <= month <= 12:
            raise ValidationError("a monthly report needs a month 1-12", field="month", value=month)
        period = StatsPeriod.month(year, month)
    else:
        period = StatsPeriod.year(year)
    service = StatsService(store, today=today)
    dash = service.dashboard(period)
    settings = SettingsService(store).get()
    zh = lang == "zh"
    name = settings.workstation_name if zh else settings.workstation_name_en
    if zh:
        title = f"{year}年{month}月工作统计报告" if kind == "monthly" else f"{year}年度工作统计报告"
        subtitle = f"统计期间：{period.label('zh')}"
    else:
        title = (f"Statistics report, {date(year, month or 1, 1):%B %Y}" if kind == "monthly"
                 else f"Annual statistics report {year}")
        subtitle = f"Period: {period.label('en')}"
    sections: list[ReportSection] = []
    for table in dash.tables(lang):
        if kind == "monthly" and table.key in ("cases_by_month", "consultations_by_month"):
            continue  # one bar in a month: the summary says it
        heading = table.title_zh if zh else table.title_en
        png = None
        values = [r[1] for r in table.rows if isinstance(r[1], int | float)]
        if table.chart and len(values) == len(table.rows) and len(values) >= 2 and any(values):
            png = bar_chart_png([str(r[0]) for r in table.rows], values, title=heading,
                                vertical=table.key.endswith("_month"))
        sections.append(ReportSection(heading, table, png))
    notes = ([
        "说明：案件按接收日期统计，咨询按咨询日期统计，办理结果按状态变更日期统计；工作日按国务院节假日安排计算。"
        "受理与出具意见期限为本工作站设定的期限（未见全国统一规定）。本报告数据由系统自动统计。",
    ] if zh else [
        "Notes: cases are counted by date received, consultations by date, outcomes by the date of the status "
        "change; working days follow the State Council holiday schedule. The acceptance and opinion time limits "
        "are this workstation's settings (no national figure was found). Figures computed by the system.",
    ])
    return Report(kind=kind, lang=lang, period=period, workstation=name, title=title, subtitle=subtitle,
                  generated_on=service.today, summary=_summary(dash, lang), sections=sections, notes=notes,
                  dashboard=dash)


# ---------------------------------------------------------------- PDF


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (A4; CJK and Latin TrueType fonts embedded)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as rl_canvas
    from reportlab.platypus import Image, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RLTable

    from qcy_workstation.stats.fonts import draw_mixed, mixed_markup, register_pdf_fonts

    cjk, _latin = register_pdf_fonts()
    zh = report.lang == "zh"
    wrap = {"wordWrap": "CJK"} if zh else {}
    body = ParagraphStyle("b", fontName=cjk, fontSize=10.5, leading=17, firstLineIndent=21 if zh else 0,
                          spaceAfter=3, **wrap)
    note = ParagraphStyle("n", parent=body, fontSize=9, leading=13, firstLineIndent=0,
                          textColor=colors.HexColor("#444444"))
    head = ParagraphStyle("h", fontName=cjk, fontSize=13, leading=19, spaceBefore=10, spaceAfter=4, **wrap)
    title = ParagraphStyle("t", fontName=cjk, fontSize=19, leading=27, alignment=TA_CENTER, spaceAfter=2, **wrap)
    sub = ParagraphStyle("s", fontName=cjk, fontSize=10.5, leading=16, alignment=TA_CENTER, spaceAfter=10, **wrap)
    cell = ParagraphStyle("c", fontName=cjk, fontSize=9, leading=12, **wrap)
    width = A4[0] - 48 * mm
    page_fmt = "第 {page} 页 共 {pages} 页" if zh else "Page {page} of {pages}"
    org = report.workstation

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []  # type: ignore[type-arg]

        def showPage(self) -> None:  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for state in self._pages:
                self.__dict__.update(state)
                self.setFillColor(colors.HexColor("#444444"))
                draw_mixed(self, A4[0] / 2, 12 * mm, page_fmt.format(page=self._pageNumber, pages=len(self._pages)),
                           9, anchor="m")
                if self._pageNumber > 1:
                    draw_mixed(self, 24 * mm, A4[1] - 13 * mm, org, 9)
                super().showPage()
            super().save()

    story: list = [  # type: ignore[type-arg]
        Paragraph(f'<font color="#C00F0F">{mixed_markup(org)}</font>', title),
        Paragraph(mixed_markup(report.title), title),
        Paragraph(mixed_markup(report.subtitle), sub),
        Paragraph(mixed_markup("概况" if zh else "Summary"), head),
    ]
    story += [Paragraph(mixed_markup(p), body) for p in report.summary]
    for sec in report.sections:
        block: list = [Paragraph(mixed_markup(sec.heading), head)]  # type: ignore[type-arg]
        if sec.chart_png:
            img = Image(io.BytesIO(sec.chart_png))
            ratio = img.imageHeight / img.imageWidth
            img.drawWidth, img.drawHeight = width, width * ratio
            block.append(img)
            block.append(Spacer(1, 4))
        rows = [[Paragraph(mixed_markup(str(h), bold=True), cell) for h in sec.table.headers]]
        rows += [[Paragraph(mixed_markup(sec.table.cell_text(i, c)), cell) for i, c in enumerate(r)]
                 for r in sec.table.rows]
        if len(rows) == 1:
            rows.append([Paragraph("—", cell) for _ in sec.table.headers])
        first = width * (0.4 if len(sec.table.headers) > 2 else 0.6)
        rest = (width - first) / max(1, len(sec.table.headers) - 1)
        tbl = RLTable(rows, colWidths=[first] + [rest] * (len(sec.table.headers) - 1), repeatRows=1)
        tbl.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#888888")),
                                 ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DCE6F1")),
                                 ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
        block.append(tbl)
        story.append(KeepTogether(block[:2]) if sec.chart_png else block[0])
        story.extend(block[2:] if sec.chart_png else block[1:])
    story.append(Spacer(1, 8))
    story += [Paragraph(mixed_markup(n), note) for n in report.notes]
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=A4, leftMargin=24 * mm, rightMargin=24 * mm, topMargin=20 * mm,
                            bottomMargin=20 * mm, title=f"{org} {report.title}", author=org,
                            subject=report.subtitle)
    doc.build(story, canvasmaker=NumberedCanvas)
    return buf.getvalue()


# ---------------------------------------------------------------- DOCX


def _set_fonts(run_or_style, east_asia: str = FONT_FAMILY, latin: str = "Arial") -> None:  # type: ignore[no-untyped-def]
    """Latin and East Asian fonts (w:eastAsia), so Word shows Chinese in the intended font."""
    from docx.oxml.ns import qn

    run_or_style.font.name = latin
    rpr = run_or_style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi"):
        fonts.set(qn(attr), latin)
    fonts.set(qn("w:eastAsia"), east_asia)


def _add_page_field(paragraph, instr: str) -> None:  # type: ignore[no-untyped-def]
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instr), ("separate", None), (None, "1"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == instr:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {instr} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes: headings, summary, chart pictures, tables, page X of Y footer."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt, RGBColor

    zh = report.lang == "zh"
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.left_margin = sec.right_margin = Cm(2.4)
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Table Grid"):
        try:
            _set_fonts(doc.styles[name])
        except KeyError:  # a style the default template lacks
            continue
    doc.styles["Normal"].font.size = Pt(10.5)
    doc.core_properties.title = f"{report.workstation} {report.title}"
    doc.core_properties.author = report.workstation

    org = doc.add_paragraph()
    org.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = org.add_run(report.workstation)
    r.font.size, r.font.bold, r.font.color.rgb = Pt(18), True, RGBColor(0xC0, 0x0F, 0x0F)
    _set_fonts(r)
    t = doc.add_paragraph()
    t.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = t.add_run(report.title)
    r.font.size, r.font.bold = Pt(16), True
    _set_fonts(r)
    s = doc.add_paragraph(report.subtitle)
    s.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("概况" if zh else "Summary", level=2)
    for p in report.summary:
        para = doc.add_paragraph(p)
        if zh:
            para.paragraph_format.first_line_indent = Pt(21)
    for section in report.sections:
        doc.add_heading(section.heading, level=2)
        if section.chart_png:
            doc.add_picture(io.BytesIO(section.chart_png), width=Cm(16))
        table = doc.add_table(rows=1, cols=len(section.table.headers))
        table.style = doc.styles["Table Grid"]
        for i, h in enumerate(section.table.headers):
            table.rows[0].cells[i].text = str(h)
            for run in table.rows[0].cells[i].paragraphs[0].runs:
                run.font.bold = True
        for row in section.table.rows:
            cells = table.add_row().cells
            for i, value in enumerate(row):
                cells[i].text = section.table.cell_text(i, value)
    for n in report.notes:
        p = doc.add_paragraph(n)
        for run in p.runs:
            run.font.size = Pt(9)
    footer = sec.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("第 " if zh else "Page ")
    _add_page_field(footer, "PAGE")
    footer.add_run(" 页 共 " if zh else " of ")
    _add_page_field(footer, "NUMPAGES")
    if zh:
        footer.add_run(" 页")
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def export_report(report: Report, path: str | Path, fmt: str | None = None, *, store: Store | None = None,
                  actor: str = "staff") -> Path:
    """Write the report as PDF or DOCX (format from ``fmt`` or the file's suffix). With ``store`` the export
    is recorded in the audit trail (entity ``stats_export``, kind ``monthly``/``annual``, with the SHA-256)."""
    out = Path(path)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError(f"must be one of {', '.join(FORMATS)}", field="format", value=fmt)
    data = render_pdf(report) if fmt == "pdf" else render_docx(report)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(data)
    if store is not None:
        from qcy_workstation.stats.export import record_export

        record_export(store, out, kind=report.kind, period=(report.period.date_from, report.period.date_to),
                      actor=actor, extra={"format": fmt, "lang": report.lang})
    return out
