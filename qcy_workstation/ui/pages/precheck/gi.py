"""The geographical-indication tab: a product label and its producer's region against the GI register."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QVBoxLayout,
)

from qcy_workstation.ui.pages.precheck.common import (
    GI_HOW,
    GI_VERDICT,
    GREEN_BG,
    GREEN_FG,
    RED_BG,
    RED_FG,
    REGION,
    PrecheckTab,
    _esc,
    badge,
    disclaimer,
    tl,
    ui_lang,
)

if TYPE_CHECKING:
    from qcy_workstation.ui.pages.precheck.page import PrecheckPage


class GiTab(PrecheckTab):
    """A product label and the producer's region against the GI register: misuse or lawful, and why.

    Signals:
        finished(): a result is shown.
    """

    def __init__(self, page: PrecheckPage) -> None:
        super().__init__(page)
        self.label_edit = self.run_line_edit("giLabel")
        self.region_edit = self.run_line_edit("giRegion")
        self.use_register = QCheckBox(self)
        self.use_register.setObjectName("giUseRegister")
        self.use_register.setChecked(True)
        self.run_button = self.make_run_button("giRun")
        self.form = QFormLayout()
        self.l_label, self.l_region = QLabel(self), QLabel(self)
        self.form.addRow(self.l_label, self.label_edit)
        self.form.addRow(self.l_region, self.region_edit)
        row = QHBoxLayout()
        row.addWidget(self.use_register)
        row.addStretch(1)
        row.addWidget(self.run_button)
        self.verdict = QLabel(self)
        self.verdict.setObjectName("giVerdict")
        self.details = QTextBrowser(self)
        self.details.setObjectName("giDetails")
        self.details.setOpenLinks(False)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addLayout(row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.details, 1)

    def retranslate(self) -> None:
        self.l_label.setText(self.tr("Product label text:"))
        self.l_region.setText(self.tr("Producer's region:"))
        self.label_edit.setPlaceholderText(self.tr("e.g. 洛川风味苹果"))
        self.region_edit.setPlaceholderText(self.tr("province / city / county, e.g. 甘肃省天水市"))
        self.use_register.setText(self.tr("Include the GIs of the rights register"))
        self.run_button.setText(self.tr("Check the label"))
        if self.result is not None:
            self.show_result(self.result)
        else:
            badge(self.verdict, self.tr("No check yet."), None)

    def run(self) -> None:
        label, region = self.label_edit.text().strip(), self.region_edit.text().strip()
        store = self.page.ctx.store if self.use_register.isChecked() else None
        if not label:
            self.page.set_status(self.tr("Enter the label text first."), error=True)
            self.label_edit.setFocus()
            return
        self.page.set_status(self.tr("Checking the label…"))

        def work() -> Any:
            if store is not None:
                from qcy_workstation.precheck.screening import screen_gi

                return screen_gi(store, label, region)
            from qcy_workstation.precheck import check_label

            return check_label(label, region)

        self.submit(work, self.show_result, name="precheck-gi", status=self.tr("Label checked."))

    def show_result(self, res: Any) -> None:
        self.result = res
        show_gi(self.verdict, self.details, res)


def show_gi(verdict: QLabel, details: QTextBrowser, res: Any, note: str = "") -> None:
    """A GI result on screen: the verdict badge (misuse red, lawful green) with the GI's name and ``note``,
    and the details document."""
    colours = (RED_BG, RED_FG) if res.verdict == "misuse" else (GREEN_BG, GREEN_FG)
    text = tl(GI_VERDICT, res.verdict)
    if res.gi is not None:
        text += " · " + res.gi.name
    badge(verdict, text + note, colours)
    details.setHtml(gi_html(res))


def gi_html(res: Any) -> str:
    """The GI result as a small document (reason, the GI found, region, citations, disclaimer)."""
    zh = ui_lang() == "zh"
    rows = []
    if res.gi is not None:
        g = res.gi
        rows.append((QCoreApplication.translate("PrecheckLabels", "GI found"), g.name))
        rows.append((QCoreApplication.translate("PrecheckLabels", "Protected area"), g.area.label()))
        if res.match is not None:
            how = tl(GI_HOW, res.match.how)
            if res.match.qualifiers:
                how += " · " + QCoreApplication.translate("PrecheckLabels", "qualifiers: %1").replace("%1", "、".join(res.match.qualifiers))
            rows.append((QCoreApplication.translate("PrecheckLabels", "How the label uses it"), f"{how}（{res.match.matched_text}）"))
        rows.append((QCoreApplication.translate("PrecheckLabels", "Producer's region"), tl(REGION, res.region_match)))
        if g.certificate or g.holder:
            rows.append((QCoreApplication.translate("PrecheckLabels", "Certificate / holder"), " · ".join(x for x in (g.certificate, g.holder) if x)))
        if not g.verified:
            rows.append((QCoreApplication.translate("PrecheckLabels", "Register entry"), QCoreApplication.translate("PrecheckLabels", "not verified against the official notice")))
    if res.other_matches:
        rows.append((QCoreApplication.translate("PrecheckLabels", "Other GIs in the label"), "、".join(m.gi.name for m in res.other_matches)))
    if res.needs_review:
        rows.append((QCoreApplication.translate("PrecheckLabels", "Review"), QCoreApplication.translate("PrecheckLabels", "staff must verify this result")))
    table = "".join(f"<tr><td style='color:#5f6b7a;padding-right:12px'>{_esc(k)}</td><td>{_esc(v)}</td></tr>"
                    for k, v in rows)
    from qcy_workstation.precheck.common import group_citations

    cites = "".join(f"<li>{_esc(g.label('zh' if zh else 'en'))}</li>" for g in group_citations(res.citations))
    reason = res.reason_zh if zh else res.reason_en
    reason_h = QCoreApplication.translate("PrecheckLabels", "Reason")
    cites_h = QCoreApplication.translate("PrecheckLabels", "Citations")
    return (f"<p><b>{_esc(reason_h)}</b><br>{_esc(reason)}</p><table>{table}</table>"
            f"<p><b>{_esc(cites_h)}</b></p><ul>{cites}</ul>"
            f"<p style='color:#a4161a'><b>{_esc(disclaimer())}</b></p>")
