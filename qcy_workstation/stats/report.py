"""Monthly and annual statistics reports (PDF and DOCX) with the charts as images.

One content value (:class:`Report`) becomes a documents :class:`DocumentContent` (:func:`report_content`:
summary, then per section its chart as an image block and its table) rendered by
:func:`qcy_workstation.documents.render`, so the PDF and the DOCX say the same thing, show the same chart
images and have the letterhead and "第 X 页 共 Y 页" of every other document the workstation issues.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from qcy_workstation import labels
from qcy_workstation.accounts.principal import Principal
from qcy_workstation.cases.settings import SettingsService
from qcy_workstation.db.store import Store
from qcy_workstation.documents import model as doc_model
from qcy_workstation.documents import render as render_document
from qcy_workstation.errors import ValidationError
from qcy_workstation.outputs import check_output_path, write_output
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
    letterhead: doc_model.Letterhead | None = None  # from the settings; None: the workstation's name alone

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
                 today: date | None = None, principal: Principal | None = None) -> Report:
    """Compute the period's figures and lay them out as a report (sections with chart images); ``principal``
    as in ``StatsService.dashboard`` (who reads it: confidential cases' enterprises are not named)."""
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
    dash = service.dashboard(period, principal=principal)
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
    letterhead = doc_model.Letterhead(
        name=name, subtitle=settings.letterhead if zh else settings.letterhead_en, address=settings.address,
        phone=(("电话：" if zh else "Tel. ") + settings.phone) if settings.phone else "")
    return Report(kind=kind, lang=lang, period=period, workstation=name, title=title, subtitle=subtitle,
                  generated_on=service.today, summary=_summary(dash, lang), sections=sections, notes=notes,
                  dashboard=dash, letterhead=letterhead)


# ---------------------------------------------------------------- rendering (the documents module)

REPORT_DOCUMENT_KIND = "statistics-report"  # DOCX template qcy_workstation/templates/statistics-report.<lang>.docx
CHART_WIDTH_CM = 16.0  # the full text width of the documents' A4 layout


def _table_block(table: Table) -> doc_model.Table:
    """A dashboard table as a document table: the label column wider, an em dash row when empty."""
    ncols = len(table.headers)
    rows = [[table.cell_text(i, c) for i, c in enumerate(r)] for r in table.rows] or [["—"] * ncols]
    first = 0.4 if ncols > 2 else 0.6
    widths = [first] + [(1 - first) / max(1, ncols - 1)] * (ncols - 1)
    return doc_model.Table(header=[str(h) for h in table.headers], rows=rows, widths=widths)


def report_content(report: Report) -> doc_model.DocumentContent:
    """The report as a :class:`DocumentContent` (letterhead, page X of Y, seal area as on every document the
    workstation issues); each section shows its chart image, then its table."""
    zh = report.lang == "zh"
    sections = [doc_model.Section("概况" if zh else "Overview",
                                  [doc_model.Paragraph(p) for p in report.summary])]
    for sec in report.sections:
        blocks: list[doc_model.Block] = []
        if sec.chart_png:
            blocks.append(doc_model.Image(sec.chart_png, CHART_WIDTH_CM))
        blocks.append(_table_block(sec.table))
        sections.append(doc_model.Section(sec.heading, blocks))
    date_text = doc_model.format_date(report.generated_on, report.lang)
    return doc_model.DocumentContent(
        kind=REPORT_DOCUMENT_KIND, lang=report.lang, title=report.title, number=report.period.label(report.lang),
        number_label="统计期间：" if zh else "Period: ", issue_date=report.generated_on, date_text=date_text,
        letterhead=report.letterhead or doc_model.Letterhead(name=report.workstation),
        signature=doc_model.Signature(organisation=report.workstation, date_text=date_text,
                                      seal_hint="（盖章）" if zh else "(seal)"),
        sections=sections, disclaimer="\n".join(report.notes),
        page_label="第 {page} 页 共 {pages} 页" if zh else "Page {page} of {pages}",
        metadata={"kind": report.kind, "period": [report.period.date_from, report.period.date_to]},
    )


def render(report: Report, fmt: str) -> bytes:
    """The report as ``pdf`` or ``docx`` bytes, rendered by :func:`qcy_workstation.documents.render`."""
    if fmt not in FORMATS:
        raise ValidationError(f"must be one of {', '.join(FORMATS)}", field="format", value=fmt)
    return render_document(report_content(report), fmt)


def render_pdf(report: Report) -> bytes:
    """The report as PDF bytes (kept for the benchmark and callers of the earlier API)."""
    return render(report, "pdf")


def render_docx(report: Report) -> bytes:
    """The report as DOCX bytes (kept for callers of the earlier API)."""
    return render(report, "docx")


def export_report(report: Report, path: str | Path, fmt: str | None = None, *, store: Store | None = None,
                  actor: Any = "staff") -> Path:
    """Write the report as PDF or DOCX (format from ``fmt`` or the file's suffix). With ``store`` the export
    is recorded in the audit trail (entity ``stats_export``, kind ``monthly``/``annual``, with the SHA-256)."""
    out = Path(path)
    fmt = (fmt or out.suffix.lstrip(".")).lower()
    if fmt not in FORMATS:
        raise ValidationError(f"must be one of {', '.join(FORMATS)}", field="format", value=fmt)
    check_output_path(out)
    if store is not None:
        from qcy_workstation.stats.export import check_stats_access

        actor = check_stats_access(store, actor)
    data = render(report, fmt)
    write_output(data, out)
    if store is not None:
        from qcy_workstation.stats.export import record_export

        record_export(store, out, kind=report.kind, period=(report.period.date_from, report.period.date_to),
                      actor=actor, extra={"format": fmt, "lang": report.lang})
    return out
