"""The pre-checks saved on a case: the list and each one's inputs, result and citations."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.pages.precheck.common import (
    ELEMENT_STATUS,
    KIND,
    _esc,
    table_view,
    tl,
    ui_lang,
)

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.precheck.page import PrecheckPage


def _saved_at(s: Any) -> str:
    from qcy_workstation.db.base import to_china_time

    return to_china_time(s.created_at).strftime("%Y-%m-%d %H:%M")


INPUT_LABELS = {
    "claims": QT_TRANSLATE_NOOP("PrecheckLabels", "claims"), "product": QT_TRANSLATE_NOOP("PrecheckLabels", "accused product"),
    "claim": QT_TRANSLATE_NOOP("PrecheckLabels", "claim charted"),
    "elements": QT_TRANSLATE_NOOP("PrecheckLabels", "features as corrected by staff"),
    "mark": QT_TRANSLATE_NOOP("PrecheckLabels", "right holder's mark"), "classes": QT_TRANSLATE_NOOP("PrecheckLabels", "right holder's classes"),
    "other": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect sign"),
    "other_classes": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect sign's classes"),
    "well_known": QT_TRANSLATE_NOOP("PrecheckLabels", "well-known mark claimed"),
    "aliases": QT_TRANSLATE_NOOP("PrecheckLabels", "alias tables"), "label": QT_TRANSLATE_NOOP("PrecheckLabels", "label"),
    "region": QT_TRANSLATE_NOOP("PrecheckLabels", "producer's region"),
    "gi_sources": QT_TRANSLATE_NOOP("PrecheckLabels", "GI registers used"),
    "secret": QT_TRANSLATE_NOOP("PrecheckLabels", "trade secret"), "suspect": QT_TRANSLATE_NOOP("PrecheckLabels", "suspect material"),
    "measures": QT_TRANSLATE_NOOP("PrecheckLabels", "secrecy measures"),
    "public_texts": QT_TRANSLATE_NOOP("PrecheckLabels", "public material"),
    "commercial_value": QT_TRANSLATE_NOOP("PrecheckLabels", "commercial value"),
    "access": QT_TRANSLATE_NOOP("PrecheckLabels", "access by the suspect"),
}


def saved_summary(s: Any) -> str:
    """One line for a saved result in the current language (made from the result, so rows saved by an
    older engine read the same)."""
    from qcy_workstation.precheck.results import summarise

    return summarise(s.result, "zh" if ui_lang() == "zh" else "en")


SAVED_COLUMNS = [
    Column(QT_TRANSLATE_NOOP("Columns", "Saved at"), _saved_at),
    Column(QT_TRANSLATE_NOOP("Columns", "Kind"), lambda s: tl(KIND, s.kind)),
    Column(QT_TRANSLATE_NOOP("Columns", "Summary"), saved_summary, tooltip=saved_summary),
    Column(QT_TRANSLATE_NOOP("Columns", "Engine"), lambda s: s.engine_version),
    Column(QT_TRANSLATE_NOOP("Columns", "By"), lambda s: s.created_by),
]


def _input_text(v: Any) -> str:
    if isinstance(v, bool):
        return "✓" if v else "—"
    if isinstance(v, list | tuple):
        return "；".join(str(x) for x in v)[:300]
    return str(v)[:300]


def saved_html(s: Any) -> str:
    r = s.result
    zh = ui_lang() == "zh"
    by = QCoreApplication.translate("PrecheckLabels", "Saved %1 by %2 · engine %3").replace("%1", _saved_at(s)).replace(
        "%2", s.created_by).replace("%3", s.engine_version)
    lines = [f"<h3>{_esc(tl(KIND, s.kind))} · {_esc(saved_summary(s))}</h3>", f"<p style='color:#5f6b7a'>{_esc(by)}</p>"]
    reason = r.get("reason_zh" if zh else "reason_en") or r.get("reason") or r.get("summary_zh" if zh else "summary_en")
    if reason:
        lines.append(f"<p>{_esc(reason)}</p>")
    if s.kind == "trademark":
        lines += [f"<p>{_esc(f.get('text_zh' if zh else 'text_en', ''))}</p>" for f in r.get("factors", [])]
    if s.kind == "patent":
        lines += [f"<p>{e['index']}. [{_esc(tl(ELEMENT_STATUS, e['status']))} {e['score']}] {_esc(e['element'])}"
                  f"{' — ' + _esc(e['evidence']) if e.get('evidence') else ''}</p>" for e in r.get("elements", [])]
    inputs = "".join(f"<li><b>{_esc(tl(INPUT_LABELS, k))}</b>: {_esc(_input_text(v))}</li>"
                     for k, v in s.inputs.items() if v not in (None, "", []))
    inputs_h, cites_h = QCoreApplication.translate("PrecheckLabels", "Inputs"), QCoreApplication.translate("PrecheckLabels", "Citations")
    lines.append(f"<p><b>{_esc(inputs_h)}</b></p><ul>{inputs}</ul>")
    from qcy_workstation.precheck.common import group_citations

    cites = "".join(f"<li>{_esc(g.label('zh' if zh else 'en'))}</li>"
                    for g in group_citations(c for c in r.get("citations", []) if isinstance(c, dict)))
    if cites:
        lines.append(f"<p><b>{_esc(cites_h)}</b></p><ul>{cites}</ul>")
    lines.append(f"<p style='color:#a4161a'><b>{_esc(r.get('disclaimer') if zh else r.get('disclaimer_en', ''))}</b></p>")
    return "".join(lines)


class SavedTab(QWidget):
    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.page = page
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.model = RowTableModel(SAVED_COLUMNS, self)
        self.table = table_view(self.model, self, "savedTable", stretch=2)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("savedDetail")
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([170, 450])
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(split, 1)

    def retranslate(self) -> None:
        self.hint.setText(self.tr("Pre-checks saved on the case, newest first. The case's reference opinion cites "
                                  "them with their inputs and engine version."))
        self.model.retranslate()
        self._show(self.table.currentIndex().row())

    def set_rows(self, rows: list[Any]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
            self._show(0)
        else:
            self.detail.clear()

    def _show(self, row: int) -> None:
        s = self.model.row_at(row)
        if s is not None:
            self.detail.setHtml(saved_html(s))
