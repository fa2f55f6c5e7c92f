"""Settings: this desk's staff name and language (QSettings), the workstation's letterhead and deadline
lengths (in the store, shared by every desk)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.dto import WorkstationSettings
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.i18n import LANGUAGES
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.pages.settings_backup import BackupBox
from qcy_workstation.ui.pages.settings_rekey import RekeyBox
from qcy_workstation.ui.widgets import described_shortcut, show_error

TEXT_FIELDS = ("workstation_name", "workstation_name_en", "letterhead", "letterhead_en", "address", "phone")
DAY_FIELDS = {"acceptance_days": (1, 60), "opinion_days": (1, 250), "due_soon_days": (0, 30)}


class SettingsPage(QWidget):
    """``load()`` reads, ``save()`` writes (Picard's preference-page contract)."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self._build()
        self.retranslate()
        self.load()

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.desk_box = QGroupBox(self)
        desk = QFormLayout(self.desk_box)
        self.staff = QLineEdit(self.desk_box)
        self.staff.setObjectName("staffName")
        self.language = QComboBox(self.desk_box)
        self.language.setObjectName("languageBox")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(self.ctx.prefs.language), 0))
        self.language.currentIndexChanged.connect(self._on_language)
        self.l_staff, self.l_language = QLabel(), QLabel()
        self.l_staff.setBuddy(self.staff)
        self.l_language.setBuddy(self.language)
        desk.addRow(self.l_staff, self.staff)
        desk.addRow(self.l_language, self.language)

        self.ws_box = QGroupBox(self)
        ws = QFormLayout(self.ws_box)
        self.texts: dict[str, QLineEdit] = {}
        self.days: dict[str, QSpinBox] = {}
        self.labels: dict[str, QLabel] = {}
        for key in TEXT_FIELDS:
            edit = QLineEdit(self.ws_box)
            edit.setObjectName(key)
            self.texts[key] = edit
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(edit)
            ws.addRow(self.labels[key], edit)
        for key, (lo, hi) in DAY_FIELDS.items():
            spin = QSpinBox(self.ws_box)
            spin.setObjectName(key)
            spin.setRange(lo, hi)
            spin.setMaximumWidth(120)
            self.days[key] = spin
            self.labels[key] = QLabel()
            self.labels[key].setBuddy(spin)
            ws.addRow(self.labels[key], spin)
        self.note = QLabel(self.ws_box)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6b7a;")
        ws.addRow(self.note)

        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.clicked.connect(self.save)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("settingsFeedback")
        row = QHBoxLayout()
        row.addWidget(self.feedback, 1)
        row.addWidget(self.save_button)
        described_shortcut("Ctrl+Return", self, self.save, QT_TRANSLATE_NOOP("Shortcuts", "Settings: save"))

        self.backup = BackupBox(self)  # back up now, restore, the reminder's days (issue 14 item 7)
        left = QVBoxLayout()
        left.addWidget(self.desk_box)
        left.addWidget(self.backup)
        self.rekey = RekeyBox(self)  # the head re-seals pre-case-key files with case keys (issue 14 item 5)
        left.addWidget(self.rekey)
        left.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(left, 2)
        columns.addWidget(self.ws_box, 3, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(columns)
        layout.addLayout(row)
        layout.addStretch(1)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Settings"))
        self.desk_box.setTitle(self.tr("This desk"))
        self.l_staff.setText(self.tr("&Your name"))
        self.staff.setToolTip(self.tr("Recorded as the author of every change you make"))
        self.l_language.setText(self.tr("&Language"))
        self.language.setToolTip(self.tr("Switches at once; nothing typed is lost"))
        self.ws_box.setTitle(self.tr("Workstation (shared by every desk using this store)"))
        names = {
            "workstation_name": self.tr("Workstation name"), "workstation_name_en": self.tr("Name in English"),
            "letterhead": self.tr("Letterhead"), "letterhead_en": self.tr("Letterhead in English"),
            "address": self.tr("Address"), "phone": self.tr("Phone"),
            "acceptance_days": self.tr("Working days to decide on acceptance"),
            "opinion_days": self.tr("Working days to issue the opinion"),
            "due_soon_days": self.tr("Working days ahead that count as “due soon”"),
        }
        for key, label in self.labels.items():
            label.setText(names[key])
        self.note.setText(self.tr(
            "No national time limit for accepting a request was found; each centre sets its own. New lengths apply "
            "to deadlines computed from now on."))
        self.save_button.setText(self.tr("Save settings"))
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        self.backup.retranslate()
        self.rekey.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def load(self) -> None:
        self.staff.setText(self.ctx.staff)
        # the name comes from the account once someone logged in; workstation-wide settings are the
        # administrator's (the service refuses others too)
        self.staff.setReadOnly(self.ctx.principal is not None)
        admin = self.ctx.may("settings.change")
        for widget in [*self.texts.values(), *self.days.values(), self.backup]:
            widget.setEnabled(admin)
        self.ctx.runner.submit(self.ctx.workstation().get, on_success=self._show, name="settings")
        self.backup.refresh()
        self.rekey.load()

    def _show(self, s: WorkstationSettings) -> None:
        for key, edit in self.texts.items():
            edit.setText(str(getattr(s, key)))
            edit.setCursorPosition(0)
        for key, spin in self.days.items():
            spin.setValue(int(getattr(s, key)))
        self.backup.show_settings(s.extra)

    def _on_language(self, _index: int) -> None:
        code = self.language.currentData()
        if self.window_ is not None:
            self.window_.set_language(code)

    def save(self) -> None:
        name = self.staff.text().strip()
        if name and self.ctx.principal is None:
            self.ctx.prefs.staff = name
            self.ctx.staff = name
        if not self.ctx.may("settings.change"):
            return
        changes: dict[str, object] = {k: e.text() for k, e in self.texts.items()}
        changes.update({k: s.value() for k, s in self.days.items()})
        changes.update(self.backup.changes())
        service = self.ctx.workstation()
        self.ctx.runner.submit(lambda: service.update(**changes), on_success=self._saved,
                               on_error=lambda exc: show_error(self, exc), name="save_settings")

    def _saved(self, s: WorkstationSettings) -> None:
        self._show(s)
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(self.tr("Saved."))
        self.ctx.settings_changed.emit()
        self.ctx.cases_changed.emit("")  # due-soon colours may change


register_page("settings", QT_TRANSLATE_NOOP("Pages", "Settings"), lambda ctx, w: SettingsPage(ctx, w), order=900,
              icon="settings.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Your name, language, letterhead, deadlines"))
