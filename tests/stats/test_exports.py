"""Story: the head exports the dashboard tables to Excel and the monthly and annual reports to PDF and
Word for the platform; each file is read back and must hold the figures."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from cli_runner import run_cli
from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from qcy_workstation.cases.demo import seed_demo
from qcy_workstation.stats import StatsPeriod, StatsService
from qcy_workstation.stats.export import export_table_xlsx, export_tables_xlsx
from qcy_workstation.stats.report import build_report, export_report

TODAY = date(2026, 11, 20)


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory: pytest.TempPathFactory, open_test_store):  # type: ignore[no-untyped-def]
    store = open_test_store(tmp_path_factory.mktemp("exports"))
    seed_demo(store, cases=300, seed=11, today=TODAY)
    yield store
    store.close()


def test_every_dashboard_table_round_trips_through_xlsx(demo_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    dash = StatsService(demo_store, today=TODAY).dashboard(StatsPeriod(date(2026, 1, 1), date(2026, 11, 20)))
    tables = dash.tables("zh")
    path = export_tables_xlsx(tables, tmp_path / "dashboard.xlsx")
    wb = load_workbook(path)
    assert len(wb.sheetnames) == len(tables)
    for table, name in zip(tables, wb.sheetnames, strict=True):
        ws = wb[name]
        assert ws["A1"].value == table.title_zh
        assert tuple(c.value for c in ws[2]) == table.headers
        got = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=3)]
        assert got == [tuple(r) for r in table.rows]
    by_type = wb["案件按知识产权类型"]
    assert {r[0].value: r[1].value for r in by_type.iter_rows(min_row=3)} == {
        "商标": dash.cases_by_type["trademark"], "专利": dash.cases_by_type["patent"],
        "地理标志": dash.cases_by_type["gi"], "商业秘密": dash.cases_by_type["trade-secret"]}
    assert by_type["C3"].number_format == "0.0%"

    single = export_table_xlsx(next(t for t in dash.tables("en") if t.key == "consultations_by_channel"),
                               tmp_path / "channels.xlsx", lang="en")
    ws = load_workbook(single).active
    assert ws["A1"].value == "Consultations by channel"
    assert {r[0].value: r[1].value for r in ws.iter_rows(min_row=3)}["Phone"] == dash.consultations_by_channel["phone"]


def test_monthly_report_in_pdf_and_docx_say_the_same(demo_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    report = build_report(demo_store, kind="monthly", year=2026, month=10, today=TODAY)
    d = report.dashboard
    assert d is not None and d.totals["cases"] > 0
    pdf = export_report(report, tmp_path / "2026-10.pdf")
    reader = PdfReader(pdf)
    text = "".join(p.extract_text() for p in reader.pages).replace(" ", "").replace("\n", "")
    assert "2026年10月工作统计报告" in text
    assert f"本期共接收维权援助案件{d.totals['cases']}件" in text
    assert f"商标{d.cases_by_type['trademark']}件" in text
    assert f"共{len(reader.pages)}页" in text
    embedded = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"]:
                embedded.add(str(font["/BaseFont"]).split("+")[-1])
    from qcy_workstation.stats.fonts import shipped_font_has_latin

    assert embedded, "no embedded TrueType font"
    if not shipped_font_has_latin():
        assert "BitstreamVeraSans-Roman" in embedded  # Latin runs need their own embedded face
    images = sum(len(p.images) for p in reader.pages)
    assert images == sum(1 for s in report.sections if s.chart_png) and images >= 5

    docx = Document(str(export_report(report, tmp_path / "2026-10.docx")))
    paras = "\n".join(p.text for p in docx.paragraphs)
    assert "2026年10月工作统计报告" in paras and f"本期共接收维权援助案件{d.totals['cases']}件" in paras
    cells = [[c.text for c in row.cells] for t in docx.tables for row in t.rows]
    assert ["商标", str(d.cases_by_type["trademark"]),
            f"{d.cases_by_type['trademark'] / d.totals['cases']:.1%}"] in cells
    assert len(docx.inline_shapes) == sum(1 for s in report.sections if s.chart_png)
    east_asia = docx.styles["Normal"].element.rPr.rFonts.get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}eastAsia")
    assert east_asia
    footer = docx.sections[0].footer.paragraphs[0]._p.xml
    assert "NUMPAGES" in footer and "PAGE" in footer


def test_annual_report_in_english_from_the_command_line(demo_store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "annual.pdf"
    run_cli(["--db", demo_store.url, "stats", "report",
                    "--year", "2025", "--lang", "en", "--out", str(out)], check=True, capture_output=True, timeout=90)
    text = " ".join(p.extract_text() for p in PdfReader(out).pages)
    d = StatsService(demo_store).dashboard(StatsPeriod.year(2025))
    assert "Annual statistics report 2025" in text
    assert f"Cases received: {d.totals['cases']}" in text
    assert "Page 1 of" in text
