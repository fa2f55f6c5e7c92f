"""The patent tab: claims and accused product in, claim chart and all-elements verdict out, with an
editable split of the claim into technical features and staff's reading of each feature.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.ui.pages.precheck.common import (
    VERDICT,
    VERDICT_SHORT,
    PrecheckTab,
    badge,
    chart_columns,
    chart_model,
    cite_text,
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


def run_patent(claims: str, product: str, claim: int | None, elements: list[str] | None,
               confirmations: list[dict[str, Any]] | None = None) -> tuple[Any, Any]:
    """Worker: parse the claims and chart ``claim`` (the first claim when not given or not found)."""
    from qcy_workstation.precheck import compare_claim, parse_claims

    cs = parse_claims(claims)
    numbers = [c.number for c in cs.claims]
    number = claim if claim in numbers else numbers[0]
    if claim not in numbers:
        elements = None  # the corrected split belonged to a claim that no longer exists
        confirmations = None
    return cs, compare_claim(cs, product, claim=number, elements=elements,  # inputs keep the claim numbers
                             confirmations=confirmations)


# ---------------------------------------------------------------------------------------------------- dialogs


class SplitDialog(QDialog):
    """Split one element: each line of the text becomes an element."""

    def __init__(self, element: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("splitDialog")
        self.setWindowTitle(self.tr("Split the element"))
        self.setMinimumWidth(460)
        prompt = QLabel(self.tr("Put each technical feature on its own line."), self)
        self.edit = QPlainTextEdit(self)
        self.edit.setObjectName("splitEdit")
        # a first guess: a line after each comma
        guess = element.replace("，", "，\n").replace(", ", ",\n").replace("；", "；\n")
        self.edit.setPlainText("\n".join(x.strip().rstrip("，,；") for x in guess.splitlines() if x.strip()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(prompt)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def parts(self) -> list[str]:
        return [x.strip() for x in self.edit.toPlainText().splitlines() if x.strip()]


class PatentTab(PrecheckTab):
    """Claims and accused product in, claim chart and all-elements verdict out; editable element split.

    Signals:
        finished(): a chart is shown (tests and screenshots wait on it).
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.claim_set: Any = None
        self.elements_edited = False
        self.confirmations: list[dict[str, Any]] = []
        self._build()

    def _build(self) -> None:
        self.claims_label = QLabel(self)
        self.claims_edit = QPlainTextEdit(self)
        self.claims_edit.setObjectName("claimsEdit")
        self.claims_edit.setTabChangesFocus(True)
        self.product_label = QLabel(self)
        self.product_edit = QPlainTextEdit(self)
        self.product_edit.setObjectName("productEdit")
        self.product_edit.setTabChangesFocus(True)
        self.product_open = QPushButton(self)
        self.product_open.setObjectName("productOpen")
        self.product_open.clicked.connect(self._open_product)
        self.claim_label = QLabel(self)
        self.claim_combo = QComboBox(self)
        self.claim_combo.setObjectName("claimCombo")
        self.claim_combo.setMinimumWidth(220)
        self.claim_combo.activated.connect(self._claim_chosen)
        self.run_button = QPushButton(self)
        self.run_button.setObjectName("patentRun")
        self.run_button.setDefault(True)
        self.run_button.clicked.connect(lambda: self.run(use_elements=False))

        left = QWidget(self)
        lv = QVBoxLayout(left)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.claims_label)
        lv.addWidget(self.claims_edit, 3)
        prod_head = QHBoxLayout()
        prod_head.addWidget(self.product_label)
        prod_head.addStretch(1)
        prod_head.addWidget(self.product_open)
        lv.addLayout(prod_head)
        lv.addWidget(self.product_edit, 3)
        run_row = QHBoxLayout()
        run_row.addWidget(self.claim_label)
        run_row.addWidget(self.claim_combo, 1)
        run_row.addWidget(self.run_button)
        lv.addLayout(run_row)

        # element split editor
        self.elements_box = QGroupBox(self)
        eb = QVBoxLayout(self.elements_box)
        self.elements_hint = QLabel(self.elements_box)
        self.elements_hint.setWordWrap(True)
        self.elements_hint.setStyleSheet("color: #5f6b7a;")
        self.elements_list = QListWidget(self.elements_box)
        self.elements_list.setObjectName("elementsList")
        self.elements_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.elements_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                           | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.elements_list.setWordWrap(True)
        self.elements_list.itemChanged.connect(lambda _i: self._edited())
        self.add_button = QPushButton(self.elements_box)
        self.add_button.setObjectName("elementAdd")
        self.add_button.clicked.connect(self.add_element)
        self.remove_button = QPushButton(self.elements_box)
        self.remove_button.setObjectName("elementRemove")
        self.remove_button.clicked.connect(self.remove_elements)
        self.merge_button = QPushButton(self.elements_box)
        self.merge_button.setObjectName("elementMerge")
        self.merge_button.clicked.connect(self.merge_elements)
        self.split_button = QPushButton(self.elements_box)
        self.split_button.setObjectName("elementSplit")
        self.split_button.clicked.connect(self.split_element)
        self.reset_button = QPushButton(self.elements_box)
        self.reset_button.setObjectName("elementReset")
        self.reset_button.clicked.connect(self.reset_elements)
        self.rerun_button = QPushButton(self.elements_box)
        self.rerun_button.setObjectName("patentRerun")
        self.rerun_button.clicked.connect(lambda: self.run(use_elements=True))
        buttons = QGridLayout()
        for i, b in enumerate((self.add_button, self.remove_button, self.merge_button, self.split_button,
                               self.reset_button)):
            buttons.addWidget(b, i // 3, i % 3)
        eb.addWidget(self.elements_hint)
        eb.addWidget(self.elements_list, 1)
        eb.addLayout(buttons)
        eb.addWidget(self.rerun_button)
        lv.addWidget(self.elements_box, 3)

        # results
        right = QWidget(self)
        rv = QVBoxLayout(right)
        rv.setContentsMargins(0, 0, 0, 0)
        self.verdict = QLabel(right)
        self.verdict.setObjectName("patentVerdict")
        self.verdict.setWordWrap(True)
        badge(self.verdict, "", None)
        self.reason = note_label(right)
        self.reason.setObjectName("patentReason")
        self.citation = note_label(right)
        self.citation.setObjectName("patentCitation")
        self.citation.setStyleSheet("color: #37474f;")
        self.dependents = note_label(right)
        self.dependents.setObjectName("patentDependents")
        self.disclaimer = QLabel(right)
        self.disclaimer.setObjectName("patentDisclaimer")
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.model = chart_model(self)
        self.table = table_view(self.model, right, "claimChart")
        chart_columns(self.table)
        self.table.clicked.connect(self._show_evidence)
        self.legend = QLabel(right)
        # staff's reading of the selected element; the verdict follows by the all-elements rule
        self.confirm_label = QLabel(right)
        self.confirm_covered = QPushButton(right)
        self.confirm_covered.setObjectName("confirmCovered")
        self.confirm_equivalent = QPushButton(right)
        self.confirm_equivalent.setObjectName("confirmEquivalent")
        self.confirm_missing = QPushButton(right)
        self.confirm_missing.setObjectName("confirmMissing")
        self.confirm_undo = QPushButton(right)
        self.confirm_undo.setObjectName("confirmUndo")
        for b, status in ((self.confirm_covered, "covered"), (self.confirm_equivalent, "equivalent"),
                          (self.confirm_missing, "missing"), (self.confirm_undo, "")):
            b.clicked.connect(lambda _c=False, st=status: self.confirm_selected(st))
            b.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._confirm_buttons())
        self.review_label = note_label(right)
        self.review_label.setObjectName("patentReview")
        self.review_label.setStyleSheet("color: #7a5200;")
        confirm_row = QHBoxLayout()
        confirm_row.addWidget(self.confirm_label)
        for b in (self.confirm_covered, self.confirm_equivalent, self.confirm_missing, self.confirm_undo):
            confirm_row.addWidget(b)
        confirm_row.addStretch(1)
        rv.addWidget(self.verdict)
        rv.addWidget(self.reason)
        rv.addWidget(self.citation)
        rv.addWidget(self.dependents)
        rv.addWidget(self.disclaimer)
        rv.addWidget(self.legend)
        rv.addWidget(self.table, 1)
        rv.addWidget(self.review_label)
        rv.addLayout(confirm_row)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setSizes([470, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._clear_result()

    def retranslate(self) -> None:
        self.claims_label.setText(self.tr("Claims (numbered; Chinese or English):"))
        self.claims_edit.setPlaceholderText(self.tr("1. 一种…，包括…，其特征在于：…\n2. 根据权利要求1所述的…"))
        self.product_label.setText(self.tr("Accused product or process (description, brochure text):"))
        self.product_open.setText(self.tr("Open file…"))
        self.claim_label.setText(self.tr("Claim:"))
        self.run_button.setText(self.tr("Compare"))
        self.elements_box.setTitle(self.tr("Technical features of the claim (editable)"))
        self.elements_hint.setText(self.tr("Double-click to edit a feature; select several to merge them. "
                                           "Then re-run with the corrected features."))
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.merge_button.setText(self.tr("Merge"))
        self.split_button.setText(self.tr("Split…"))
        self.reset_button.setText(self.tr("Reset to parsed"))
        self.rerun_button.setText(self.tr("Re-run with these features"))
        self.confirm_label.setText(self.tr("Staff reading of the selected feature:"))
        self.confirm_covered.setText(self.tr("Present"))
        self.confirm_covered.setToolTip(self.tr("The product has this feature (identical)"))
        self.confirm_equivalent.setText(self.tr("Equivalent"))
        self.confirm_equivalent.setToolTip(self.tr("Same means, function and effect, obvious without creative work "
                                                   "(SPC provisions on patent disputes Art. 13)"))
        self.confirm_missing.setText(self.tr("Absent"))
        self.confirm_missing.setToolTip(self.tr("The product has neither this feature nor an equivalent"))
        self.confirm_undo.setText(self.tr("Engine's reading"))
        self.confirm_undo.setToolTip(self.tr("Drop the staff reading of this feature"))
        self.legend.setText(self.tr("Rows: <span style='background:#e3f4e1;color:#1b5e20'>&nbsp;covered&nbsp;</span> "
                                    "<span style='background:#fff3cd;color:#7a5200'>&nbsp;equivalent (staff confirm)&nbsp;</span> "
                                    "<span style='background:#fde2e1;color:#a4161a'>&nbsp;missing&nbsp;</span> "
                                    "<span style='background:#eceff1;color:#37474f'>&nbsp;not found, to check&nbsp;</span> · "
                                    "⚑ needs review · click a row to see the passage in the product text"))
        self._fill_claims_combo()
        if self.result is not None:
            self.show_result(self.result)
        else:
            self._clear_result()
        self.model.retranslate()

    # ------------------------------------------------------------------ running

    def current_claim(self) -> int | None:
        data = self.claim_combo.currentData()
        return int(data) if data is not None else None

    def elements(self) -> list[str]:
        return [self.elements_list.item(i).text().strip() for i in range(self.elements_list.count())
                if self.elements_list.item(i).text().strip()]

    def run(self, *, use_elements: bool, keep_confirmations: bool = False) -> None:
        claims, product = self.claims_edit.toPlainText(), self.product_edit.toPlainText()
        elements = self.elements() if use_elements and self.elements_list.count() else None
        claim = self.current_claim()
        if not keep_confirmations:
            self.confirmations = []  # staff readings belong to one claim text and one product text
        confirmations = list(self.confirmations)
        if not claims.strip() or not product.strip():
            self.page.set_status(self.tr("Enter the claims and the accused product's description first."), error=True)
            (self.claims_edit if not claims.strip() else self.product_edit).setFocus()
            return
        self.page.set_status(self.tr("Comparing the claim with the product…"))
        self.run_button.setEnabled(False)
        self.rerun_button.setEnabled(False)

        def done(res: tuple[Any, Any]) -> None:
            self.run_button.setEnabled(True)
            self.claim_set, self.result = res
            self.elements_edited = elements is not None
            self._fill_claims_combo()
            if elements is None:
                self._fill_elements(self.result.claim.elements)
            self.show_result(self.result)
            self.result_shown()
            self.page.set_status(self.tr("Claim %1 compared.").replace("%1", str(self.result.chart.claim)))
            self.finished.emit()

        def failed(exc: BaseException) -> None:
            self.run_button.setEnabled(True)
            self.rerun_button.setEnabled(self.elements_list.count() > 0)
            self.page.failed(exc)

        self.page.ctx.runner.submit(lambda: run_patent(claims, product, claim, elements, confirmations),
                                    on_success=done, on_error=failed, name="precheck-patent")

    def _confirm_buttons(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row()) if self.table.currentIndex().isValid() else None
        for b in (self.confirm_covered, self.confirm_equivalent, self.confirm_missing):
            b.setEnabled(row is not None)
        self.confirm_undo.setEnabled(row is not None and row.basis == "staff")

    def confirm_selected(self, status: str) -> None:
        """Record staff's reading of the selected element (or drop it) and re-chart; the verdict follows."""
        if self.result is None or not self.table.currentIndex().isValid():
            return
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        self.confirmations = [c for c in self.confirmations
                              if not (c["claim"] == row.origin_claim and c["element"] == row.element)]
        if status:
            self.confirmations.append({"claim": row.origin_claim, "element": row.element, "status": status,
                                       "by": self.page.ctx.staff})
        self._keep_row = self.table.currentIndex().row()
        self.run(use_elements=self.elements_edited, keep_confirmations=True)

    def _claim_chosen(self, _index: int) -> None:
        if self.claims_edit.toPlainText().strip() and self.product_edit.toPlainText().strip():
            self.run(use_elements=False)

    # ------------------------------------------------------------------ element editor

    def _fill_elements(self, elements: tuple[str, ...] | list[str]) -> None:
        self.elements_list.blockSignals(True)
        self.elements_list.clear()
        for e in elements:
            self._add_item(e)
        self.elements_list.blockSignals(False)
        self.rerun_button.setEnabled(bool(elements))

    def _add_item(self, text: str, row: int | None = None) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        if row is None:
            self.elements_list.addItem(item)
        else:
            self.elements_list.insertItem(row, item)
        return item

    def _edited(self) -> None:
        self.rerun_button.setEnabled(self.elements_list.count() > 0)
        self.page.set_status(self.tr("Features changed: press “Re-run with these features”."))

    def add_element(self) -> None:
        row = self.elements_list.currentRow() + 1 if self.elements_list.currentRow() >= 0 else self.elements_list.count()
        item = self._add_item(self.tr("new feature"), row)
        self.elements_list.setCurrentItem(item)
        self.elements_list.editItem(item)
        self._edited()

    def remove_elements(self) -> None:
        for item in self.elements_list.selectedItems():
            self.elements_list.takeItem(self.elements_list.row(item))
        self._edited()

    def merge_elements(self) -> None:
        """Join the selected features (in list order) into one."""
        rows = sorted(self.elements_list.row(i) for i in self.elements_list.selectedItems())
        if len(rows) < 2:
            rows = [r for r in (self.elements_list.currentRow(), self.elements_list.currentRow() + 1)
                    if 0 <= r < self.elements_list.count()]
        if len(rows) < 2:
            return
        texts = [self.elements_list.item(r).text().strip().rstrip("，,；;。") for r in rows]
        sep = "，" if any("\u4e00" <= ch <= "\u9fff" for ch in "".join(texts)) else ", "
        for r in reversed(rows):
            self.elements_list.takeItem(r)
        item = self._add_item(sep.join(texts), rows[0])
        self.elements_list.setCurrentItem(item)
        self._edited()

    def split_element(self, dialog: SplitDialog | None = None) -> None:
        row = self.elements_list.currentRow()
        if row < 0:
            return
        dlg = dialog or SplitDialog(self.elements_list.item(row).text(), self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return
        parts = dlg.parts()
        if not parts:
            return
        self.elements_list.takeItem(row)
        for i, part in enumerate(parts):
            self._add_item(part, row + i)
        self.elements_list.setCurrentRow(row)
        self._edited()

    def reset_elements(self) -> None:
        if self.claim_set is None:
            return
        number = self.current_claim() or 1
        claim = next((c for c in self.claim_set.claims if c.number == number), None)
        if claim is not None:
            self._fill_elements(claim.elements)
            self._edited()

    # ------------------------------------------------------------------ showing

    def _fill_claims_combo(self) -> None:
        keep = self.result.chart.claim if self.result is not None else self.current_claim()
        self.claim_combo.blockSignals(True)
        self.claim_combo.clear()
        if self.claim_set is not None:
            for c in self.claim_set.claims:
                if c.independent:
                    text = self.tr("Claim %1 (independent)").replace("%1", str(c.number))
                else:
                    text = self.tr("Claim %1 (depends on %2)").replace("%1", str(c.number)).replace(
                        "%2", ", ".join(str(n) for n in c.depends_on))
                self.claim_combo.addItem(text, c.number)
            idx = self.claim_combo.findData(keep)
            self.claim_combo.setCurrentIndex(max(0, idx))
        self.claim_combo.blockSignals(False)

    def _clear_result(self) -> None:
        badge(self.verdict, self.tr("No comparison yet: enter the claims and the product, then press Compare."),
              None)
        self.reason.clear()
        self.citation.clear()
        self.dependents.clear()
        self.disclaimer.clear()

    def show_result(self, res: Any) -> None:
        chart = res.chart
        head = self.tr("Claim %1: %2").replace("%1", str(chart.claim)).replace("%2", tl(VERDICT, res.verdict))
        badge(self.verdict, head, None)  # neutral: green/amber/red belong to the elements in the chart
        self.reason.setText(chart.reason_zh if ui_lang() == "zh" else chart.reason_en)
        rule = [c for c in res.citations if c.key == "spc_patent_2009_art7"]
        others = [c for c in res.citations if c.key != "spc_patent_2009_art7"]
        text = self.tr("All-elements rule: %1").replace("%1", cite_text(rule))
        if others:
            text += "\n" + self.tr("Also cited: %1").replace("%1", cite_text(others))
        self.citation.setText(text)
        if res.dependent_charts:
            parts = [self.tr("claim %1: %2").replace("%1", str(d.claim)).replace("%2", tl(VERDICT_SHORT, d.verdict))
                     for d in res.dependent_charts]
            self.dependents.setText(self.tr("Dependent claims: %1").replace("%1", "; ".join(parts)))
        else:
            self.dependents.setText("")
        self.disclaimer.setText(disclaimer())
        self.model.set_rows(list(chart.elements))
        fit_rows(self.table)
        review = res.review
        if review:
            lines = []
            for r in review:
                cands = " / ".join(f"“{c['text'][:40]}”" for c in r["candidates"])
                lines.append(self.tr("Feature %1: check the reading").replace("%1", str(r["index"]))
                             + (self.tr(" (best passages: %1)").replace("%1", cands) if cands else ""))
            self.review_label.setText("⚑ " + "\n⚑ ".join(lines))
        else:
            self.review_label.setText("")
        keep = getattr(self, "_keep_row", None)
        if keep is not None and 0 <= keep < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(keep, 0))
        self._keep_row = None
        self._confirm_buttons()

    def _show_evidence(self, index: Any) -> None:
        row = self.model.row_at(index.row())
        if row is None or row.evidence_start < 0:
            return
        text = self.product_edit.toPlainText()
        if self.result is None or text != self.result.inputs.get("product"):
            return  # the product text changed since: offsets no longer apply
        cursor = self.product_edit.textCursor()
        cursor.setPosition(utf16_pos(text, row.evidence_start))
        cursor.setPosition(utf16_pos(text, row.evidence_end), QTextCursor.MoveMode.KeepAnchor)
        self.product_edit.setTextCursor(cursor)
        self.product_edit.ensureCursorVisible()

    def _open_product(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open the product description"), "",
                                              self.tr("Text (*.txt *.md *.docx *.pdf);;All files (*)"))
        if path:
            self.page.load_file(path, self.product_edit.setPlainText)
