"""The trademark tab: the right holder's mark against a suspect sign (score, confusion, risk, factors)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from qcy_workstation.ui.pages.precheck.common import (
    AMBER_BG,
    AMBER_FG,
    GREEN_BG,
    GREEN_FG,
    RED_BG,
    RED_FG,
    RISK,
    RISK_COLOURS,
    PrecheckTab,
    _factor_text,
    badge,
    cite_text,
    disclaimer,
    factor_columns,
    factor_model,
    note_label,
    table_view,
    tl,
    ui_lang,
)

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.precheck.page import PrecheckPage


class TrademarkTab(PrecheckTab):
    """Mark A (the right holder's) with classes/groups against mark B: score, confusion, risk, factors.

    Signals:
        finished(): a comparison is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self._build()

    def _build(self) -> None:
        self.mark = self.run_line_edit("markA")
        self.classes = self.run_line_edit("classesA")
        self.other = self.run_line_edit("markB")
        self.other_classes = self.run_line_edit("classesB")
        self.well_known = QCheckBox(self)
        self.well_known.setObjectName("wellKnown")
        self.reputed = QCheckBox(self)
        self.reputed.setObjectName("reputed")
        self.run_button = self.make_run_button("trademarkRun")
        self.form = QGridLayout()
        self.mark_label, self.classes_label = QLabel(self), QLabel(self)
        self.other_label, self.other_classes_label = QLabel(self), QLabel(self)
        self.form.addWidget(self.mark_label, 0, 0)
        self.form.addWidget(self.mark, 0, 1)
        self.form.addWidget(self.classes_label, 0, 2)
        self.form.addWidget(self.classes, 0, 3)
        self.form.addWidget(self.other_label, 1, 0)
        self.form.addWidget(self.other, 1, 1)
        self.form.addWidget(self.other_classes_label, 1, 2)
        self.form.addWidget(self.other_classes, 1, 3)
        self.form.addWidget(self.well_known, 2, 1, 1, 2)
        self.form.addWidget(self.reputed, 3, 1, 1, 2)
        self.form.addWidget(self.run_button, 2, 3)
        self.form.setColumnStretch(1, 2)
        self.form.setColumnStretch(3, 1)

        self.score = QLabel(self)
        self.score.setObjectName("tmScore")
        self.score.setStyleSheet("font-size: 28px; font-weight: bold; color: #1f3a5f; padding: 0 12px;")
        self.confusion = QLabel(self)
        self.confusion.setObjectName("tmConfusion")
        self.risk = QLabel(self)
        self.risk.setObjectName("tmRisk")
        self.goods = note_label(self)
        self.goods.setObjectName("tmGoods")
        self.review = note_label(self)
        self.review.setObjectName("tmReview")
        self.review.setStyleSheet("color: #8a5a00;")
        self.citation = note_label(self)
        self.citation.setStyleSheet("color: #37474f;")
        self.disclaimer = QLabel(self)
        self.disclaimer.setStyleSheet("color: #a4161a; font-weight: bold;")
        self.model = factor_model(self)
        self.table = table_view(self.model, self, "factorTable")
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyFactors")
        self.copy_button.clicked.connect(self.copy_sentences)
        self.copy_button.setEnabled(False)

        head = QHBoxLayout()
        head.addWidget(self.score)
        head.addWidget(self.confusion)
        head.addWidget(self.risk)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(head)
        layout.addWidget(self.goods)
        layout.addWidget(self.review)
        layout.addWidget(self.table, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.citation, 1)
        bottom.addWidget(self.copy_button)
        layout.addLayout(bottom)
        layout.addWidget(self.disclaimer)

    def retranslate(self) -> None:
        self.mark_label.setText(self.tr("Right holder's mark:"))
        self.classes_label.setText(self.tr("Classes / groups:"))
        self.other_label.setText(self.tr("Suspect sign:"))
        self.other_classes_label.setText(self.tr("Classes / groups:"))
        self.classes.setPlaceholderText(self.tr("e.g. 25 or 25,2501"))
        self.other_classes.setPlaceholderText(self.tr("empty: the same as the mark's"))
        self.mark.setPlaceholderText(self.tr("e.g. 乔丹"))
        self.other.setPlaceholderText(self.tr("e.g. QIAODAN"))
        self.well_known.setText(self.tr("The right holder's mark is claimed to be well known (Art. 13)"))
        self.reputed.setText(self.tr("The right holder's mark has a reputation for its goods (SPC interpretation Art. 10)"))
        self.run_button.setText(self.tr("Compare"))
        self.copy_button.setText(self.tr("Copy the sentences"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.confusion, self.tr("No comparison yet."), None)
            self.risk.clear()
            self.risk.setStyleSheet("")
        self.model.retranslate()

    def run(self) -> None:
        mark, other = self.mark.text().strip(), self.other.text().strip()
        classes = self.classes.text().strip() or None
        other_classes = self.other_classes.text().strip() or None
        well_known = self.well_known.isChecked()
        reputed = self.reputed.isChecked()
        if not mark or not other:
            self.page.set_status(self.tr("Enter both marks first."), error=True)
            (self.mark if not mark else self.other).setFocus()
            return
        self.page.set_status(self.tr("Comparing the marks…"))

        def work() -> Any:
            from qcy_workstation.precheck import compare_marks

            return compare_marks(mark, other, classes=classes, other_classes=other_classes, well_known=well_known,
                                 reputed=reputed)

        self.submit(work, self.show_result, name="precheck-trademark", status=self.tr("Marks compared."))

    def show_result(self, res: Any) -> None:
        self.result = res
        self.score.setText(f"{res.score}<span style='font-size:14px;color:#5f6b7a'> / 100</span>")
        reasons = list(getattr(res, "review_reasons", ()))
        if reasons:  # the engine does not answer: the score only leans one way
            badge(self.confusion, self.tr("Needs review (the score leans to: %1)").replace(
                "%1", self.tr("likely confusion") if res.likely_confusion else self.tr("confusion unlikely")),
                (AMBER_BG, AMBER_FG))
        elif res.likely_confusion:
            badge(self.confusion, self.tr("Likely confusion"), (RED_BG, RED_FG))
        else:
            badge(self.confusion, self.tr("Confusion unlikely"), (GREEN_BG, GREEN_FG))
        badge(self.risk, self.tr("Risk: %1 · mark similarity %2 · goods %3").replace("%1", tl(RISK, res.risk)).replace(
            "%2", str(res.mark_similarity)).replace("%3", str(res.goods.score) if res.goods.score >= 0 else "—"),
            RISK_COLOURS.get(res.risk))
        self.goods.setText(res.goods.detail_zh if ui_lang() == "zh" else res.goods.detail_en)
        self.review.setText(self._review_text(reasons))
        self.citation.setText(self.tr("Cited: %1").replace("%1", cite_text(res.citations)))
        self.disclaimer.setText(disclaimer())
        self.model.set_rows(list(res.factors))
        factor_columns(self.table)
        self.copy_button.setEnabled(True)

    def _review_text(self, reasons: list[Any]) -> str:
        """Why the pair goes to staff: each class with the facts the words cannot show and its source."""
        if not reasons:
            return ""
        zh = ui_lang() == "zh"
        lines = [self.tr("To review: the answer turns on facts the words do not show. Do not state it as settled "
                         "in a letter; check:")]
        lines += [f"• {r.text_zh if zh else r.text_en}" for r in reasons]
        return "\n".join(lines)

    def copy_sentences(self) -> None:
        if self.result is None:
            return
        lines = [_factor_text(f) for f in self.result.factors]
        review = self._review_text(list(getattr(self.result, "review_reasons", ())))
        if review:
            lines.append(review)
        QGuiApplication.clipboard().setText("\n".join(lines) + "\n" + disclaimer())
        self.page.set_status(self.tr("The sentences were copied."))
