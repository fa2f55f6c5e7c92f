"""Intake of a new case: the fields of each IP type, checked as the user types, the conflict check shown
before saving and the deadlines the case will get."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from qcy_workstation.cases.deadlines import add_working_days
from qcy_workstation.cases.dto import (
    CaseDetail,
    ConflictHit,
    ConsultationView,
    NewCase,
    PartyInput,
    RightInput,
    WorkstationSettings,
)
from qcy_workstation.cases.validation import (
    ASSISTANCE,
    GI_ROUTES,
    IP_TYPES,
    PATENT_KINDS,
    PRIORITIES,
    patent_kind_from_number,
    validate_patent_number,
)
from qcy_workstation.db.base import china_today
from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.ui import drafts, errors, i18n
from qcy_workstation.ui.context import AppContext
from qcy_workstation.ui.main_window import register_page
from qcy_workstation.ui.widgets import Debouncer, ValidatedLineEdit, described_shortcut, show_error

CONFLICT_DEBOUNCE_MS = 400


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class _RightFields(QWidget):
    """The fields of the right concerned, one set per IP type (a page of a stacked widget)."""

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.labels: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

    def add(self, key: str, widget: QWidget) -> QWidget:
        label = QLabel(self)
        label.setBuddy(widget)
        self.labels[key] = label
        self.widgets[key] = widget
        widget.setObjectName(f"{self.kind}_{key}")
        self.form.addRow(label, widget)
        return widget

    def value(self, key: str) -> str:
        w = self.widgets.get(key)
        if isinstance(w, ValidatedLineEdit | QLineEdit):
            return w.text().strip()
        if isinstance(w, QPlainTextEdit):
            return w.toPlainText().strip()
        if isinstance(w, QComboBox):
            return w.currentData() or ""
        return ""

    def clear(self) -> None:
        for w in self.widgets.values():
            if isinstance(w, ValidatedLineEdit | QLineEdit | QPlainTextEdit):
                w.clear()
            elif isinstance(w, QComboBox):
                w.setCurrentIndex(0)

    def right(self) -> RightInput | None:
        values = {k: self.value(k) for k in self.widgets}
        if not any(values.values()):
            return None
        return RightInput(kind=self.kind, **values)

    @classmethod
    def build(cls, kind: str, parent: QWidget | None = None) -> _RightFields:
        """The fields of one IP type (intake form, "add a right" dialog)."""
        f = cls(kind, parent)
        if kind == "trademark":
            f.add("number", ValidatedLineEdit(errors.trademark_number_problem))
            f.add("title", QLineEdit())
            f.add("nice_classes", ValidatedLineEdit(errors.nice_problem))
            f.add("similar_groups", ValidatedLineEdit(errors.groups_problem))
            f.add("goods", QLineEdit())
        elif kind == "patent":
            number = f.add("number", ValidatedLineEdit(errors.patent_problem))
            assert isinstance(number, ValidatedLineEdit)
            number.textChanged.connect(f._on_patent_number)
            f.add("title", QLineEdit())
            f.add("patent_kind", QComboBox())
            f.add("claims", QPlainTextEdit())
        elif kind == "gi":
            f.add("title", ValidatedLineEdit())
            f.add("gi_route", QComboBox())
            f.add("number", QLineEdit())
            f.add("protected_area", QLineEdit())
        else:
            f.add("secret_description", QPlainTextEdit())
            f.add("secrecy_measures", QPlainTextEdit())
        f.add("owner", QLineEdit())
        for w in f.widgets.values():
            if isinstance(w, QPlainTextEdit):
                w.setTabChangesFocus(True)
                w.setMaximumHeight(90)
        f.retranslate()
        return f

    def _on_patent_number(self, text: str) -> None:
        """The kind of patent follows from the application number's type digit."""
        box = self.widgets["patent_kind"]
        assert isinstance(box, QComboBox)
        try:
            kind = patent_kind_from_number(validate_patent_number(text))
        except ValidationError:
            return
        box.setCurrentIndex(max(box.findData(kind), 0))

    def retranslate(self) -> None:
        names = {
            "trademark": {"number": self.tr("Registration no."), "title": self.tr("Mark"),
                          "nice_classes": self.tr("Nice classes"), "similar_groups": self.tr("Similar groups"),
                          "goods": self.tr("Goods / services"), "owner": self.tr("Registrant")},
            "patent": {"number": self.tr("Patent no."), "title": self.tr("Title of invention"),
                       "patent_kind": self.tr("Kind"), "claims": self.tr("Claims relied on"),
                       "owner": self.tr("Patentee")},
            "gi": {"title": self.tr("GI name"), "gi_route": self.tr("Protected as"),
                   "number": self.tr("Registration / certificate no."), "protected_area": self.tr("Protected area"),
                   "owner": self.tr("Holder")},
            "trade-secret": {"secret_description": self.tr("What the secret is"),
                             "secrecy_measures": self.tr("Confidentiality measures"), "owner": self.tr("Holder")},
        }[self.kind]
        for key, text in names.items():
            self.labels[key].setText(text)
        w = self.widgets
        if self.kind == "trademark":
            w["nice_classes"].setPlaceholderText(self.tr("e.g. 25, 35"))  # type: ignore[attr-defined]
            w["similar_groups"].setPlaceholderText(self.tr("e.g. 2501, 3501"))  # type: ignore[attr-defined]
        elif self.kind == "patent":
            w["number"].setPlaceholderText(self.tr("e.g. ZL202010566088.9"))  # type: ignore[attr-defined]
            w["number"].setToolTip(self.tr("Application or patent number; the check character is verified"))
            _refill(w["patent_kind"], [("", self.tr("(from the number)"))]  # type: ignore[arg-type]
                    + [(k, i18n.label(i18n.PATENT_KIND, k)) for k in PATENT_KINDS])
        elif self.kind == "gi":
            w["title"].setPlaceholderText(self.tr("e.g. 洛川苹果"))  # type: ignore[attr-defined]
            _refill(w["gi_route"], [("", self.tr("(not known)"))]  # type: ignore[arg-type]
                    + [(k, i18n.label(i18n.GI_ROUTE, k)) for k in GI_ROUTES])
        else:
            w["secret_description"].setPlaceholderText(  # type: ignore[attr-defined]
                self.tr("Technical or business information, not known to the public (AUCL 2019 Art. 9)"))
            w["secrecy_measures"].setPlaceholderText(  # type: ignore[attr-defined]
                self.tr("NDAs, access limits, marking, encryption… (SPC trade-secret provisions 2020, Art. 6)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Standalone (in a dialog) the fields translate themselves; the intake page also calls retranslate.
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _refill(box: QComboBox, items: list[tuple[str, str]]) -> None:
    """Refill a combo keeping its selected value."""
    current = box.currentData() if box.count() else None
    box.clear()
    for data, text in items:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(current), 0))


class IntakePage(QWidget):
    """Signals: none; a saved case is announced with ``ctx.cases_changed`` and opened."""

    def __init__(self, ctx: AppContext, window: Any = None) -> None:
        super().__init__()
        self.ctx, self.window_ = ctx, window
        self.consultation: ConsultationView | None = None
        self.settings = WorkstationSettings()
        self.conflicts: list[ConflictHit] = []
        self._conflict_task: Any = None
        self._saving = False
        self._build()
        self.retranslate()
        self.conflict_debouncer = Debouncer(CONFLICT_DEBOUNCE_MS, self.run_conflict_check, self)
        for w in (self.applicant_name, self.opponent_name):
            w.textChanged.connect(lambda _t: self.conflict_debouncer.poke())
        for w in (self.applicant_uscc, self.opponent_uscc):
            w.textChanged.connect(lambda _t: self.conflict_debouncer.poke())
        self.received.dateChanged.connect(lambda _d: self.update_deadlines())
        self.set_type("trademark")
        self._load_settings()
        ctx.settings_changed.connect(self._load_settings)
        ctx.staff_changed.connect(lambda name: self.staff.setPlaceholderText(name))
        self.tracker = drafts.FormTracker(self)
        self.tracker.mark_pristine()

    # ------------------------------------------------------------------ the form as a draft (ui/drafts.py)

    # the IP type, date and staff are settings of the form, not input: they alone do not make a draft
    form_ignored = ("type.", "received", "staff")

    def form_title(self) -> str:
        return self.tr("New case form")

    def form_fields(self) -> dict[str, QWidget]:
        fields: dict[str, QWidget] = {f"type.{k}": rb for k, rb in self.type_radios.items()}
        for name in ("title", "received", "priority", "staff", "confidential", "facts", "applicant_name",
                     "applicant_uscc", "applicant_kind", "applicant_contact", "applicant_phone", "applicant_address",
                     "applicant_industry", "applicant_settled", "opponent_name", "opponent_uscc"):
            fields[name] = getattr(self, name)
        fields.update({f"assistance.{code}": cb for code, cb in self.assistance.items()})
        for kind, right in self.rights.items():
            fields.update({f"right.{kind}.{key}": w for key, w in right.widgets.items()})
        return fields

    def form_dirty(self) -> bool:
        return self.tracker.dirty()

    def restore_form(self, values: dict[str, Any]) -> None:
        """Put a draft back (the staff member chose to restore it)."""
        drafts.restore(self.form_fields(), values)
        kind = next((k for k, rb in self.type_radios.items() if rb.isChecked()), "trademark")
        self.set_type(kind)

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = QLabel(self)
        self.heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.banner = QLabel(self)
        self.banner.setObjectName("consultationBanner")
        self.banner.setStyleSheet("background: #e8f0fb; color: #1f3a5f; padding: 6px; border-radius: 4px;")
        self.banner.setWordWrap(True)
        self.banner.hide()

        # --- the case
        self.case_box = QGroupBox(self)
        case_form = QFormLayout(self.case_box)
        self.type_buttons = QButtonGroup(self)
        type_row = QHBoxLayout()
        self.type_radios: dict[str, QRadioButton] = {}
        for kind in IP_TYPES:
            rb = QRadioButton(self.case_box)
            rb.setObjectName(f"type_{kind}")
            self.type_buttons.addButton(rb)
            self.type_radios[kind] = rb
            rb.toggled.connect(lambda on, k=kind: on and self.set_type(k))
            type_row.addWidget(rb)
        type_row.addStretch(1)
        self.title = ValidatedLineEdit(parent=self.case_box)
        self.title.setObjectName("title")
        self.received = QDateEdit(self.case_box)
        self.received.setObjectName("received")
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.received.setMaximumDate(_qdate(china_today()))
        self.received.setDate(_qdate(china_today()))
        self.priority = QComboBox(self.case_box)
        self.priority.setObjectName("priority")
        self.staff = QLineEdit(self.case_box)
        self.staff.setObjectName("staff")
        self.confidential = QCheckBox(self.case_box)
        self.assistance: dict[str, QCheckBox] = {}
        assist_box = QWidget(self.case_box)
        assist_grid = QGridLayout(assist_box)
        assist_grid.setContentsMargins(0, 0, 0, 0)
        for i, code in enumerate(ASSISTANCE):
            cb = QCheckBox(assist_box)
            cb.setObjectName(f"assist_{code}")
            self.assistance[code] = cb
            assist_grid.addWidget(cb, i // 2, i % 2)
        self.facts = QPlainTextEdit(self.case_box)
        self.facts.setObjectName("facts")
        self.facts.setTabChangesFocus(True)
        self.facts.setMinimumHeight(90)
        self.l_type, self.l_title, self.l_received = QLabel(), QLabel(), QLabel()
        self.l_priority, self.l_staff, self.l_assist, self.l_facts = QLabel(), QLabel(), QLabel(), QLabel()
        case_form.addRow(self.l_title, self.title)
        case_form.addRow(self.l_received, self.received)
        case_form.addRow(self.l_priority, self.priority)
        case_form.addRow(self.l_staff, self.staff)
        case_form.addRow("", self.confidential)
        case_form.addRow(self.l_assist, assist_box)
        case_form.addRow(self.l_facts, self.facts)
        for label, widget in ((self.l_title, self.title), (self.l_received, self.received),
                              (self.l_priority, self.priority), (self.l_staff, self.staff),
                              (self.l_facts, self.facts)):
            label.setBuddy(widget)

        # --- parties
        self.applicant_box = QGroupBox(self)
        app_form = QFormLayout(self.applicant_box)
        self.applicant_name = ValidatedLineEdit(parent=self.applicant_box)
        self.applicant_name.setObjectName("applicant_name")
        self.applicant_uscc = ValidatedLineEdit(errors.uscc_problem, self.applicant_box)
        self.applicant_uscc.setObjectName("applicant_uscc")
        self.applicant_kind = QComboBox(self.applicant_box)
        self.applicant_contact = QLineEdit(self.applicant_box)
        self.applicant_phone = ValidatedLineEdit(parent=self.applicant_box)
        self.applicant_phone.setObjectName("applicant_phone")
        self.applicant_address = QLineEdit(self.applicant_box)
        self.applicant_industry = QLineEdit(self.applicant_box)
        self.applicant_settled = QCheckBox(self.applicant_box)
        self.l_app = [QLabel() for _ in range(7)]
        for label, widget in zip(self.l_app, (self.applicant_name, self.applicant_uscc, self.applicant_kind,
                                              self.applicant_contact, self.applicant_phone,
                                              self.applicant_address, self.applicant_industry), strict=True):
            label.setBuddy(widget)
            app_form.addRow(label, widget)
        app_form.addRow("", self.applicant_settled)

        self.opponent_box = QGroupBox(self)
        opp_form = QFormLayout(self.opponent_box)
        self.opponent_name = ValidatedLineEdit(parent=self.opponent_box)
        self.opponent_name.setObjectName("opponent_name")
        self.opponent_uscc = ValidatedLineEdit(errors.uscc_problem, self.opponent_box)
        self.opponent_uscc.setObjectName("opponent_uscc")
        self.l_opp = [QLabel(), QLabel()]
        for label, widget in zip(self.l_opp, (self.opponent_name, self.opponent_uscc), strict=True):
            label.setBuddy(widget)
            opp_form.addRow(label, widget)

        # --- the right, per type
        self.right_box = QGroupBox(self)
        right_layout = QVBoxLayout(self.right_box)
        self.right_stack = QStackedWidget(self.right_box)
        right_layout.addWidget(self.right_stack)
        self.rights: dict[str, _RightFields] = {}
        for kind in IP_TYPES:
            fields = _RightFields.build(kind)
            self.rights[kind] = fields
            self.right_stack.addWidget(fields)


        # --- conflict check and deadlines
        self.conflict_box = QGroupBox(self)
        conflict_layout = QVBoxLayout(self.conflict_box)
        self.conflict_status = QLabel(self.conflict_box)
        self.conflict_status.setObjectName("conflictStatus")
        self.conflict_status.setWordWrap(True)
        self.conflict_list = QListWidget(self.conflict_box)
        self.conflict_list.setObjectName("conflictList")
        self.conflict_list.setWordWrap(True)
        self.conflict_list.setMaximumHeight(150)
        self.conflict_list.itemDoubleClicked.connect(self._open_conflict)
        conflict_layout.addWidget(self.conflict_status)
        conflict_layout.addWidget(self.conflict_list)

        self.deadline_box = QGroupBox(self)
        deadline_layout = QVBoxLayout(self.deadline_box)
        self.deadline_text = QLabel(self.deadline_box)
        self.deadline_text.setObjectName("deadlineText")
        self.deadline_text.setWordWrap(True)
        deadline_layout.addWidget(self.deadline_text)

        # --- buttons
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveCase")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.clear_button = QPushButton(self)
        self.clear_button.clicked.connect(self.clear)
        self.feedback = QLabel(self)
        self.feedback.setObjectName("intakeFeedback")
        buttons = QHBoxLayout()
        buttons.addWidget(self.feedback, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        described_shortcut("Ctrl+Return", self, self.save, QT_TRANSLATE_NOOP("Shortcuts", "New case: save"))
        described_shortcut("Ctrl+Enter", self, self.save, QT_TRANSLATE_NOOP("Shortcuts", "New case: save"))

        columns = QHBoxLayout()
        col1, col2, col3 = QVBoxLayout(), QVBoxLayout(), QVBoxLayout()
        col1.addWidget(self.case_box)
        col1.addStretch(1)
        col2.addWidget(self.applicant_box)
        col2.addWidget(self.opponent_box)
        col2.addStretch(1)
        col3.addWidget(self.right_box)
        col3.addWidget(self.conflict_box)
        col3.addWidget(self.deadline_box)
        col3.addStretch(1)
        columns.addLayout(col1, 1)
        columns.addLayout(col2, 1)
        columns.addLayout(col3, 1)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        head = QHBoxLayout()
        head.addWidget(self.heading)
        head.addSpacing(24)
        head.addWidget(self.l_type)
        head.addLayout(type_row, 1)
        body_layout.addLayout(head)
        body_layout.addWidget(self.banner)
        body_layout.addLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        # at 150 % scaling on a 1280x720 screen the three columns are wider than the page: scroll, never clip
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("New case"))
        self.case_box.setTitle(self.tr("Case"))
        self.l_type.setText(self.tr("IP type:"))
        for kind, rb in self.type_radios.items():
            rb.setText(i18n.label(i18n.IP_TYPE, kind))
        self.l_title.setText(self.tr("&Title"))
        self.title.setPlaceholderText(self.tr("e.g. “秦川” trademark infringement on online shops"))
        self.l_received.setText(self.tr("&Received on"))
        self.l_priority.setText(self.tr("&Priority"))
        self._fill(self.priority, [(p, i18n.label(i18n.PRIORITY, p)) for p in PRIORITIES], default="normal")
        self.l_staff.setText(self.tr("&Handled by"))
        self.staff.setPlaceholderText(self.ctx.staff)
        self.staff.setToolTip(self.tr("Leave empty to handle the case yourself"))
        self.confidential.setText(self.tr("Confidential (hidden from exports)"))
        self.l_assist.setText(self.tr("Assistance wanted"))
        for code, cb in self.assistance.items():
            cb.setText(i18n.label(i18n.ASSISTANCE, code))
        self.l_facts.setText(self.tr("&Facts"))
        self.facts.setPlaceholderText(self.tr("What happened, where, since when; what the enterprise wants."))

        self.applicant_box.setTitle(self.tr("Applicant (the enterprise we assist)"))
        texts = (self.tr("&Name"), self.tr("&Credit code"), self.tr("Kind"), self.tr("Contact person"),
                 self.tr("Phone"), self.tr("Address"), self.tr("Industry"))
        for label, text in zip(self.l_app, texts, strict=True):
            label.setText(text)
        self.applicant_uscc.setPlaceholderText(self.tr("18 characters, e.g. 91610131MA6U2XXXXX"))
        self.applicant_uscc.setToolTip(self.tr("Unified Social Credit Code (GB 32100-2015); checked as you type"))
        self._fill(self.applicant_kind, [(k, i18n.label(i18n.PARTY_KIND, k)) for k in ("enterprise", "person")])
        self.applicant_settled.setText(self.tr("Settled on the Qin Chuangyuan platform"))
        self.opponent_box.setTitle(self.tr("Opposing party (if known)"))
        self.l_opp[0].setText(self.tr("N&ame"))
        self.l_opp[1].setText(self.tr("Cr&edit code"))

        self.right_box.setTitle(self.tr("Right concerned"))
        for fields in self.rights.values():
            fields.retranslate()

        self.conflict_box.setTitle(self.tr("Conflict check"))
        self.deadline_box.setTitle(self.tr("Deadlines"))
        self.save_button.setText(self.tr("Save case"))
        self.save_button.setToolTip(self.tr("Save the new case (Ctrl+Enter)"))
        self.clear_button.setText(self.tr("Clear form"))
        self._show_conflicts()
        self.update_deadlines()
        self._show_banner()

    @staticmethod
    def _fill(box: QComboBox, items: list[tuple[str, str]], default: str | None = None) -> None:
        current = box.currentData() if box.count() else default
        box.clear()
        for data, text in items:
            box.addItem(text, data)
        i = box.findData(current)
        box.setCurrentIndex(max(i, 0))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # ------------------------------------------------------------------ behaviour

    @property
    def ip_type(self) -> str:
        return next((k for k, rb in self.type_radios.items() if rb.isChecked()), "trademark")

    def set_type(self, kind: str) -> None:
        if not self.type_radios[kind].isChecked():
            self.type_radios[kind].setChecked(True)
        self.right_stack.setCurrentWidget(self.rights[kind])

    def _load_settings(self) -> None:
        def done(settings: WorkstationSettings) -> None:
            self.settings = settings
            self.update_deadlines()

        self.ctx.runner.submit(self.ctx.workstation().get, on_success=done, name="settings")

    def update_deadlines(self) -> None:
        received = self.received.date().toPython()
        s = self.settings
        acceptance = add_working_days(received, s.acceptance_days)
        opinion = add_working_days(acceptance.due, s.opinion_days)
        lines = [
            self.tr("Decision on acceptance due by <b>%1</b> (%2 working days after receipt).")
            .replace("%1", acceptance.due.isoformat()).replace("%2", str(s.acceptance_days)),
            self.tr("If accepted on that day, the opinion is due by <b>%1</b> (%2 working days).")
            .replace("%1", opinion.due.isoformat()).replace("%2", str(s.opinion_days)),
            self.tr("Working days follow the State Council holiday schedule; lengths are set in Settings."),
        ]
        if acceptance.estimated or opinion.estimated:
            lines.append(self.tr("Estimate: the official holiday schedule for that year is not published yet."))
        self.deadline_text.setText("<br>".join(lines))

    def run_conflict_check(self) -> None:
        """Check both parties against every earlier case (background; the newest check wins)."""
        applicant, opponent = self.applicant_name.text(), self.opponent_name.text()
        a_uscc = self.applicant_uscc.text() if not self.applicant_uscc.problem else None
        o_uscc = self.opponent_uscc.text() if not self.opponent_uscc.problem else None
        if self._conflict_task is not None:
            self._conflict_task.cancel()
        if not applicant and not opponent:
            self.conflicts = []
            self._conflict_task = None
            self._show_conflicts()
            return
        service = self.ctx.cases()
        self.conflict_status.setText(self.tr("Checking…"))

        def work() -> list[ConflictHit]:
            return service.conflict_check(applicant or opponent, opponent if applicant else None,
                                          applicant_uscc=a_uscc or None, opponent_uscc=o_uscc or None)

        def done(hits: list[ConflictHit]) -> None:
            self.conflicts = hits
            self._conflict_task = None
            self._show_conflicts()

        self._conflict_task = self.ctx.runner.submit(work, on_success=done, name="conflict_check")

    def _conflict_text(self, hit: ConflictHit) -> str:
        role_new = i18n.label(i18n.ROLE, hit.role_new)
        role_old = i18n.label(i18n.ROLE, hit.role_existing)
        if hit.kind == "conflict":
            return self.tr("Conflict: %1 (%2 here) resembles %3, %4 in case %5 “%6” (%7, match %8%).") \
                .replace("%1", hit.name).replace("%2", role_new).replace("%3", hit.matched_party) \
                .replace("%4", role_old).replace("%5", hit.case_number).replace("%6", hit.case_title) \
                .replace("%7", i18n.label(i18n.STATUS, hit.case_status)).replace("%8", f"{hit.score:.0f}")
        return self.tr("Related: %1 already appears as %2 (%3) in case %4 “%5”.") \
            .replace("%1", hit.name).replace("%2", role_old).replace("%3", hit.matched_party) \
            .replace("%4", hit.case_number).replace("%5", hit.case_title)

    def _show_conflicts(self) -> None:
        self.conflict_list.clear()
        real = [h for h in self.conflicts if h.kind == "conflict"]
        if not self.applicant_name.text() and not self.opponent_name.text():
            self.conflict_status.setText(self.tr("Type the parties' names: earlier cases with the same or similar "
                                                 "parties are listed here before you save."))
        elif real:
            self.conflict_status.setText(self.tr("⚠ Possible conflict of interest: the workstation has acted "
                                                 "against one of these parties. Check before saving."))
            self.conflict_status.setStyleSheet("color: #a4161a; font-weight: bold;")
        elif self.conflicts:
            self.conflict_status.setText(self.tr("No conflict. The parties appear in earlier cases:"))
            self.conflict_status.setStyleSheet("")
        else:
            self.conflict_status.setText(self.tr("No conflict: no earlier case has these parties."))
            self.conflict_status.setStyleSheet("color: #2e7d32;")
        for hit in self.conflicts:
            item = QListWidgetItem(self._conflict_text(hit), self.conflict_list)
            item.setData(Qt.ItemDataRole.UserRole, hit.case_number)
            if hit.kind == "conflict":
                item.setForeground(Qt.GlobalColor.darkRed)
        self.conflict_list.setVisible(bool(self.conflicts))

    def _open_conflict(self, item: QListWidgetItem) -> None:
        if self.window_ is not None:
            self.window_.open_case(item.data(Qt.ItemDataRole.UserRole))

    # ------------------------------------------------------------------ consultation -> case

    def prefill_from_consultation(self, c: ConsultationView) -> None:
        """Start the form from a consultation; saving converts it (the consultation is linked)."""
        self.clear()
        self.consultation = c
        if c.ip_type in IP_TYPES:
            self.set_type(c.ip_type)
        self.title.setText(c.topic)
        self.facts.setPlainText("\n".join(p for p in (c.summary, c.advice) if p))
        self.applicant_name.setText(c.organisation or c.enquirer)
        self.applicant_contact.setText(c.enquirer if c.organisation else "")
        self.applicant_phone.setText(c.phone)
        if c.organisation == "":
            self.applicant_kind.setCurrentIndex(max(self.applicant_kind.findData("person"), 0))
        self._show_banner()

    def _show_banner(self) -> None:
        c = self.consultation
        if c is None:
            self.banner.hide()
            return
        self.banner.setText(self.tr("Turning consultation #%1 (%2, %3) into a case: saving links them.")
                            .replace("%1", str(c.id)).replace("%2", c.enquirer)
                            .replace("%3", c.at.strftime("%Y-%m-%d")))
        self.banner.show()

    # ------------------------------------------------------------------ saving

    def new_case(self) -> NewCase:
        """The form as the core's input value (validation happens in the core)."""
        right = self.rights[self.ip_type].right()
        opponent = None
        if self.opponent_name.text():
            opponent = PartyInput(name=self.opponent_name.text(), uscc=self.opponent_uscc.text() or None)
        return NewCase(
            title=self.title.text(), ip_type=self.ip_type,
            applicant=PartyInput(
                name=self.applicant_name.text(), uscc=self.applicant_uscc.text() or None,
                kind=self.applicant_kind.currentData() or "enterprise", contact=self.applicant_contact.text().strip(),
                phone=self.applicant_phone.text(), address=self.applicant_address.text().strip(),
                industry=self.applicant_industry.text().strip(), settled=self.applicant_settled.isChecked()),
            opponent=opponent, facts=self.facts.toPlainText(),
            assistance=tuple(code for code, cb in self.assistance.items() if cb.isChecked()),
            staff=self.staff.text().strip(), priority=self.priority.currentData() or "normal",
            confidential=self.confidential.isChecked(), received_on=self.received.date().toPython(),
            rights=(right,) if right else (),
        )

    def _field_widget(self, field: str | None) -> QWidget | None:
        if not field:
            return None
        if field.startswith("rights["):
            key = field.split(".", 1)[1]
            return self.rights[self.ip_type].widgets.get(key)
        return {"title": self.title, "applicant_name": self.applicant_name, "applicant_uscc": self.applicant_uscc,
                "applicant_phone": self.applicant_phone, "opponent_name": self.opponent_name,
                "opponent_uscc": self.opponent_uscc, "received_on": self.received, "staff": self.staff,
                "facts": self.facts}.get(field)

    def _validated_fields(self) -> list[ValidatedLineEdit]:
        fields = [self.title, self.applicant_name, self.applicant_uscc, self.applicant_phone, self.opponent_name,
                  self.opponent_uscc]
        fields += [w for w in self.rights[self.ip_type].widgets.values() if isinstance(w, ValidatedLineEdit)]
        return fields

    def save(self) -> None:
        """Check the form, show the conflict check, then create the case in the background."""
        if self._saving:
            return
        required = QCoreApplication.translate("Errors", "must be filled in.")
        for w in (self.title, self.applicant_name):
            if not w.text():
                w.set_problem(i18n.field_label(w.objectName()) + ": " + required)
        bad = [w for w in self._validated_fields() if w.problem]
        if bad:
            bad[0].setFocus()
            self.feedback.setText(self.tr("Please correct the fields marked in red."))
            self.feedback.setStyleSheet("color: #c62828;")
            return
        new = self.new_case()
        service = self.ctx.cases()
        self._saving = True
        self.save_button.setEnabled(False)
        self.feedback.setStyleSheet("")
        self.feedback.setText(self.tr("Checking for conflicts…"))

        def check() -> list[ConflictHit]:
            opp = new.opponent
            return service.conflict_check(new.applicant.name, opp.name if opp else None,
                                          applicant_uscc=_valid_or_none(new.applicant.uscc),
                                          opponent_uscc=_valid_or_none(opp.uscc) if opp else None)

        self.ctx.runner.submit(check, on_success=lambda hits: self._confirm_and_create(new, hits),
                               on_error=self._save_failed, name="conflict_check")

    def _confirm_and_create(self, new: NewCase, hits: list[ConflictHit]) -> None:
        self.conflicts = hits
        self._show_conflicts()
        real = [h for h in hits if h.kind == "conflict"]
        if real:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Possible conflict of interest"),
                              self.tr("The workstation has acted against a party of this case:") + "\n\n"
                              + "\n".join("• " + self._conflict_text(h) for h in real[:5])
                              + "\n\n" + self.tr("Save the case anyway?"), parent=self)
            box.setObjectName("conflictDialog")
            save = box.addButton(self.tr("Save anyway"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(self.tr("Go back"), QMessageBox.ButtonRole.RejectRole)
            box.setDefaultButton(save)
            box.exec()
            if box.clickedButton() is not save:
                self._saving = False
                self.save_button.setEnabled(True)
                self.feedback.setText(self.tr("Not saved: the conflict needs checking first."))
                return
        self.feedback.setText(self.tr("Saving…"))
        consultation = self.consultation
        if consultation is not None:
            service = self.ctx.consultations()
            work = lambda: service.convert_to_case(consultation.id, new)  # noqa: E731
        else:
            cases = self.ctx.cases()
            work = lambda: cases.create(new)  # noqa: E731
        self.ctx.runner.submit(work, on_success=self._saved, on_error=self._save_failed, name="create_case")

    def _saved(self, detail: CaseDetail) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        converted = self.consultation is not None
        self.clear()
        self.feedback.setStyleSheet("color: #2e7d32;")
        self.feedback.setText(self.tr("Saved as %1.").replace("%1", detail.number))
        self.last_saved = detail
        self.ctx.cases_changed.emit(detail.number)
        if converted:
            self.ctx.consultations_changed.emit()
        if self.window_ is not None:
            self.window_.open_case(detail.number)

    def _save_failed(self, exc: BaseException) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        title, message = errors.explain(exc)
        self.feedback.setStyleSheet("color: #c62828;")
        self.feedback.setText(message)
        widget = self._field_widget(exc.field if isinstance(exc, QcyError) else None)
        if isinstance(widget, ValidatedLineEdit):
            widget.set_problem(message)
            widget.setFocus()
        elif widget is not None:
            widget.setFocus()
        else:
            show_error(self, exc)

    def clear(self) -> None:
        """Empty the form for the next case (keeps the IP type, date and staff)."""
        self.consultation = None
        for w in (self.title, self.applicant_name, self.applicant_uscc, self.applicant_phone, self.opponent_name,
                  self.opponent_uscc):
            w.clear()
        for w in (self.applicant_contact, self.applicant_address, self.applicant_industry):
            w.clear()
        self.facts.clear()
        self.applicant_settled.setChecked(False)
        self.confidential.setChecked(False)
        for cb in self.assistance.values():
            cb.setChecked(False)
        for fields in self.rights.values():
            fields.clear()
        self.priority.setCurrentIndex(max(self.priority.findData("normal"), 0))
        self.conflicts = []
        self._show_conflicts()
        self._show_banner()
        self.feedback.setText("")
        if hasattr(self, "tracker"):
            self.tracker.mark_pristine()

    def on_shown(self) -> None:
        self.title.setFocus()


def _valid_or_none(code: str | None) -> str | None:
    return code if code and not errors.uscc_problem(code) else None


register_page("intake", QT_TRANSLATE_NOOP("Pages", "New case"), lambda ctx, w: IntakePage(ctx, w), order=20,
              icon="intake.svg", tooltip=QT_TRANSLATE_NOOP("Pages", "Take in a new case"))
