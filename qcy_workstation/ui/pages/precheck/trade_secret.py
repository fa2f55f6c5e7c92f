"""The trade-secret tab: the secret against the suspect's material side by side, matched passages
highlighted in both, and the statutory checklist.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.models import Column, RowTableModel
from qcy_workstation.ui.pages.precheck.common import (
    CHECK_COLOURS,
    CHECK_STATUS,
    CURRENT_MATCH_BG,
    MATCH_BG,
    MATCH_METHOD,
    POINT_COLOURS,
    POINT_STATUS,
    RISK_COLOURS,
    PrecheckTab,
    StatusModel,
    badge,
    disclaimer,
    fit_rows,
    note_label,
    table_view,
    tl,
    ui_lang,
    utf16_pos,
)

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.precheck.page import PrecheckPage


class TradeSecretTab(PrecheckTab):
    """Secret against suspect material side by side: matched passages highlighted in both, the overall
    similarity, and the statutory checklist with what staff still need.

    Signals:
        finished(): a comparison is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.current_match = -1
        self._syncing = False
        self._build()

    def _build(self) -> None:
        self.secret_label, self.suspect_label = QLabel(self), QLabel(self)
        self.secret = QTextEdit(self)
        self.secret.setObjectName("secretEdit")
        self.suspect = QTextEdit(self)
        self.suspect.setObjectName("suspectEdit")
        for edit in (self.secret, self.suspect):
            edit.setAcceptRichText(False)
            edit.setTabChangesFocus(True)
            edit.textChanged.connect(self._text_changed)
        self.secret.cursorPositionChanged.connect(lambda: self._cursor_moved(self.secret, "secret"))
        self.suspect.cursorPositionChanged.connect(lambda: self._cursor_moved(self.suspect, "suspect"))
        self.secret_open, self.suspect_open = QPushButton(self), QPushButton(self)
        self.secret_open.setObjectName("secretOpen")
        self.suspect_open.setObjectName("suspectOpen")
        self.secret_open.clicked.connect(lambda: self._open(self.secret))
        self.suspect_open.clicked.connect(lambda: self._open(self.suspect))
        self.measures = QLineEdit(self)
        self.measures.setObjectName("tsMeasures")
        self.value = QLineEdit(self)
        self.value.setObjectName("tsValue")
        self.access = QLineEdit(self)
        self.access.setObjectName("tsAccess")
        self.run_button = self.make_run_button("tradeSecretRun")

        def column(label: QLabel, button: QPushButton, edit: QTextEdit) -> QWidget:
            w = QWidget(self)
            v = QVBoxLayout(w)
            v.setContentsMargins(0, 0, 0, 0)
            h = QHBoxLayout()
            h.addWidget(label)
            h.addStretch(1)
            h.addWidget(button)
            v.addLayout(h)
            v.addWidget(edit)
            return w

        texts = QSplitter(Qt.Orientation.Horizontal, self)
        texts.addWidget(column(self.secret_label, self.secret_open, self.secret))
        texts.addWidget(column(self.suspect_label, self.suspect_open, self.suspect))
        form = QGridLayout()
        self.l_measures, self.l_value, self.l_access = QLabel(self), QLabel(self), QLabel(self)
        form.addWidget(self.l_measures, 0, 0)
        form.addWidget(self.measures, 0, 1, 1, 4)
        form.addWidget(self.l_value, 1, 0)
        form.addWidget(self.value, 1, 1)
        form.addWidget(self.l_access, 1, 2)
        form.addWidget(self.access, 1, 3)
        form.addWidget(self.run_button, 1, 4)
        form.setColumnStretch(1, 1)
        form.setColumnStretch(3, 1)

        self.similarity = QLabel(self)
        self.similarity.setObjectName("tsSimilarity")
        self.summary = note_label(self)
        self.disclaimer = QLabel(self)
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.match_model = RowTableModel([
            Column(QT_TRANSLATE_NOOP("Columns", "#"), lambda m: m[0] + 1, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Score"), lambda m: m[1].score, align_right=True),
            Column(QT_TRANSLATE_NOOP("Columns", "Match"), lambda m: tl(MATCH_METHOD, m[1].method)
                   + (" · " + QCoreApplication.translate("PrecheckLabels", "public") if m[1].public else "")),
            Column(QT_TRANSLATE_NOOP("Columns", "Secret passage"), lambda m: m[1].secret_text,
                   tooltip=lambda m: m[1].secret_text),
            Column(QT_TRANSLATE_NOOP("Columns", "Suspect passage"), lambda m: m[1].suspect_text,
                   tooltip=lambda m: m[1].suspect_text),
        ], self)
        self.match_table = table_view(self.match_model, self, "matchTable")
        self.match_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.select_match(cur.row()))
        self.check_model = StatusModel([
            Column(QT_TRANSLATE_NOOP("Columns", "Statutory element"), lambda c: c.label_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda c: tl(CHECK_STATUS, c.status)),
            Column(QT_TRANSLATE_NOOP("Columns", "What the file shows"), lambda c: c.detail_zh, tooltip=lambda c: c.detail_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Still needed"), lambda c: c.needed_zh,
                   tooltip=lambda c: c.needed_zh),
            Column(QT_TRANSLATE_NOOP("Columns", "Basis"), lambda c: _cite_label(c.citation)),
        ], lambda c: c.status, CHECK_COLOURS, self)
        self.check_table = table_view(self.check_model, self, "checklistTable")
        # the information compared point by point: found, changed (both values), absent
        self.point_model = StatusModel([
            Column(QT_TRANSLATE_NOOP("Columns", "Secret point"), lambda p: p.secret.text, tooltip=lambda p: p.secret.text),
            Column(QT_TRANSLATE_NOOP("Columns", "Status"), lambda p: tl(POINT_STATUS, p.status)),
            Column(QT_TRANSLATE_NOOP("Columns", "In the suspect's material"),
                   lambda p: p.match_text if p.status != "absent" else "—", tooltip=lambda p: p.match_text),
            Column(QT_TRANSLATE_NOOP("Columns", "Values: secret → suspect"),
                   lambda p: "；".join(f"{a} → {b}" for a, b in p.differences)),
        ], lambda p: p.status, POINT_COLOURS, self)
        self.point_table = table_view(self.point_model, self, "pointTable")
        self.point_table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self.select_point(cur.row()))
        self.results_tabs = QTabWidget(self)
        self.results_tabs.addTab(self.point_table, "")
        self.results_tabs.addTab(self.match_table, "")
        self.results_tabs.addTab(self.check_table, "")

        layout = QVBoxLayout(self)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(self)
        tv = QVBoxLayout(top)
        tv.setContentsMargins(0, 0, 0, 0)
        tv.addWidget(texts, 1)
        tv.addLayout(form)
        bottom = QWidget(self)
        bv = QVBoxLayout(bottom)
        bv.setContentsMargins(0, 0, 0, 0)
        head = QHBoxLayout()
        head.addWidget(self.similarity)
        head.addWidget(self.summary, 1)
        bv.addLayout(head)
        bv.addWidget(self.results_tabs, 1)
        bv.addWidget(self.disclaimer)
        outer.addWidget(top)
        outer.addWidget(bottom)
        outer.setSizes([380, 330])
        layout.addWidget(outer)

    def retranslate(self) -> None:
        self.secret_label.setText(self.tr("The trade secret (document, technical information):"))
        self.suspect_label.setText(self.tr("The suspect's material:"))
        self.secret_open.setText(self.tr("Open file…"))
        self.suspect_open.setText(self.tr("Open file…"))
        self.l_measures.setText(self.tr("Secrecy measures taken:"))
        self.measures.setPlaceholderText(self.tr("e.g. 保密协议, 门禁, 加密, 离职交接"))
        self.l_value.setText(self.tr("Commercial value:"))
        self.value.setPlaceholderText(self.tr("what shows it (R&D cost, licence income…)"))
        self.l_access.setText(self.tr("Access by the suspect:"))
        self.access.setPlaceholderText(self.tr("e.g. former employee of the R&D department"))
        self.run_button.setText(self.tr("Compare"))
        self.results_tabs.setTabText(0, self.tr("Secret points"))
        self.results_tabs.setTabText(1, self.tr("Matched passages"))
        self.results_tabs.setTabText(2, self.tr("Statutory elements"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.similarity, self.tr("No comparison yet."), None)
        self.match_model.retranslate()
        self.check_model.retranslate()
        self.point_model.retranslate()

    def _open(self, edit: QTextEdit) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open a document"), "",
                                              self.tr("Text (*.txt *.md *.docx *.pdf);;All files (*)"))
        if path:
            self.page.load_file(path, edit.setPlainText)

    def run(self) -> None:
        secret, suspect = self.secret.toPlainText(), self.suspect.toPlainText()
        measures = [m for m in self.measures.text().replace("，", ",").replace("、", ",").split(",") if m.strip()]
        value, access = self.value.text().strip(), self.access.text().strip()
        if not secret.strip() or not suspect.strip():
            self.page.set_status(self.tr("Enter or open both texts first."), error=True)
            return
        self.page.set_status(self.tr("Comparing the passages…"))

        def work() -> Any:
            from qcy_workstation.precheck import compare_secret

            return compare_secret(secret, suspect, measures=measures, commercial_value=value, access=access)

        self.submit(work, self.show_result, name="precheck-trade-secret", status=self.tr("Passages compared."))

    def show_result(self, res: Any) -> None:
        self.result = res
        band = "high" if res.similarity >= 60 else ("medium" if res.similarity >= 30 else "low")
        badge(self.similarity, self.tr("Similarity %1 / 100").replace("%1", str(res.similarity)), RISK_COLOURS[band])
        self.summary.setText(res.summary_zh if ui_lang() == "zh" else res.summary_en)
        self.disclaimer.setText(disclaimer())
        self.match_model.set_rows(list(enumerate(res.matches)))
        self.check_model.set_rows(list(res.checklist))
        self.point_model.set_rows(list(res.points))
        for view, widths in ((self.match_table, (40, 60, 110, 360, 360)), (self.check_table, (150, 80, 330, 330, 200)),
                             (self.point_table, (330, 80, 330, 250))):
            for col, w in enumerate(widths):
                view.setColumnWidth(col, w)
            fit_rows(view)
        self.current_match = -1
        self.highlight()

    def select_point(self, row: int) -> None:
        """Select the secret point and its counterpart in the two texts."""
        p = self.point_model.row_at(row)
        if p is None or not self._texts_current():
            return
        pairs = [(self.secret, p.secret.start, p.secret.end)]
        if p.status != "absent" and p.match_start >= 0:
            pairs.append((self.suspect, p.match_start, p.match_end))
        for edit, start, end in pairs:
            text = edit.toPlainText()
            cursor = edit.textCursor()
            cursor.setPosition(utf16_pos(text, start))
            cursor.setPosition(utf16_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
            edit.setTextCursor(cursor)
            edit.ensureCursorVisible()

    def _text_changed(self) -> None:
        if self.result is not None and not self._syncing:
            # the texts no longer are what was compared: the highlights would point at the wrong words
            self.secret.setExtraSelections([])
            self.suspect.setExtraSelections([])

    def _texts_current(self) -> bool:
        return self.result is not None and self.secret.toPlainText() == self.result.inputs.get("secret") \
            and self.suspect.toPlainText() == self.result.inputs.get("suspect")

    def highlight(self) -> None:
        """Mark every matched passage in both texts; the selected one in a stronger colour."""
        if not self._texts_current():
            return
        for edit, which in ((self.secret, "secret"), (self.suspect, "suspect")):
            text = edit.toPlainText()
            sels = []
            for i, m in enumerate(self.result.matches):
                start, end = (m.secret_start, m.secret_end) if which == "secret" else (m.suspect_start, m.suspect_end)
                sel = QTextEdit.ExtraSelection()
                cursor = QTextCursor(edit.document())
                cursor.setPosition(utf16_pos(text, start))
                cursor.setPosition(utf16_pos(text, end), QTextCursor.MoveMode.KeepAnchor)
                sel.cursor = cursor
                fmt = QTextCharFormat()
                fmt.setBackground(CURRENT_MATCH_BG if i == self.current_match else MATCH_BG)
                fmt.setProperty(QTextFormat.Property.UserProperty, i)
                sel.format = fmt
                sels.append(sel)
            edit.setExtraSelections(sels)

    def highlighted_ranges(self, which: str) -> list[tuple[int, int, str]]:
        """(start, end, colour name) of the highlights in one editor (tests check what staff see)."""
        edit = self.secret if which == "secret" else self.suspect
        return [(s.cursor.selectionStart(), s.cursor.selectionEnd(), s.format.background().color().name())
                for s in edit.extraSelections()]

    def select_match(self, row: int) -> None:
        """Show match ``row``: stronger highlight and both texts scrolled to it."""
        if self.result is None or not 0 <= row < len(self.result.matches):
            return
        self.current_match = row
        self.highlight()
        if not self._texts_current():
            return
        m = self.result.matches[row]
        self._syncing = True
        try:
            for edit, pos in ((self.secret, m.secret_start), (self.suspect, m.suspect_start)):
                cursor = edit.textCursor()
                cursor.setPosition(utf16_pos(edit.toPlainText(), pos))
                edit.setTextCursor(cursor)
                edit.ensureCursorVisible()
        finally:
            self._syncing = False
        if self.match_table.currentIndex().row() != row:
            self.match_table.selectRow(row)

    def _cursor_moved(self, edit: QTextEdit, which: str) -> None:
        """Clicking inside a highlighted passage selects that match (and scrolls the other text)."""
        if self._syncing or not self._texts_current():
            return
        text = edit.toPlainText()
        pos = edit.textCursor().position()
        for i, m in enumerate(self.result.matches):
            start, end = (m.secret_start, m.secret_end) if which == "secret" else (m.suspect_start, m.suspect_end)
            if utf16_pos(text, start) <= pos < utf16_pos(text, end):
                if i != self.current_match:
                    self.select_match(i)
                return


def _cite_label(key: str) -> str:
    try:
        from qcy_workstation.precheck.common import cite

        return cite(key)[0].label()
    except (KeyError, IndexError):
        return key
