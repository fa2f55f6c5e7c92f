"""What every page needs, passed in explicitly (no global to patch in tests): the store, who is working,
the background runner and the desk's preferences.

Services are built on demand with the current staff name, so changing the name in the settings page
takes effect on the next action without rebuilding pages.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Signal

from qcy_workstation.ui.tasks import TaskRunner

if TYPE_CHECKING:  # imported when first used: the window paints before SQLAlchemy is loaded
    from qcy_workstation.accounts.principal import Principal
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.evidence import EvidenceService
    from qcy_workstation.cases.services import CaseService
    from qcy_workstation.cases.settings import SettingsService
    from qcy_workstation.db.store import Store
    from qcy_workstation.experts.service import ExpertService
    from qcy_workstation.portfolios.service import PortfolioService
    from qcy_workstation.portfolios.service_record import ServiceRecordService
    from qcy_workstation.referrals.service import ReferralService


class Prefs:
    """Per-desk preferences in an INI file (QSettings): language, staff name, window, last page.

    ``VERSION`` keys the upgrade steps (Picard's habit): when a later release renames a key, add a step
    in ``_upgrade`` instead of leaving old values behind.
    """

    VERSION = 1

    def __init__(self, settings: QSettings) -> None:
        self.qs = settings
        self._upgrade()

    @classmethod
    def at(cls, path: str | None = None) -> Prefs:
        if path:
            return cls(QSettings(path, QSettings.Format.IniFormat))
        return cls(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "QCYWorkstation", "workstation"))

    def _upgrade(self) -> None:
        version = int(self.qs.value("meta/version", 0) or 0)
        if version < 1:
            pass  # first version: nothing to migrate
        self.qs.setValue("meta/version", self.VERSION)

    def get(self, key: str, default: str = "") -> str:
        value = self.qs.value(key, default)
        return str(value) if value is not None else default

    def set(self, key: str, value: object) -> None:
        self.qs.setValue(key, value)

    @property
    def language(self) -> str:
        return self.get("ui/language", "zh_CN")

    @language.setter
    def language(self, value: str) -> None:
        self.set("ui/language", value)

    @property
    def staff(self) -> str:
        return self.get("desk/staff", "")

    @staff.setter
    def staff(self, value: str) -> None:
        self.set("desk/staff", value)

    def sync(self) -> None:
        self.qs.sync()


class AppContext(QObject):
    """Shared by the main window and its pages.

    Signals:
        cases_changed(str): a case was created or changed (its number); lists refresh.
        consultations_changed(): a consultation was logged, linked or converted.
        staff_changed(str): the member of staff working at this desk changed.
        settings_changed(): the workstation settings (deadline lengths, letterhead) were saved.
        other_desk_changed(object): another desk committed a change (a ``db.changes.Change``); it is followed
            by the signals above for what it touched (``ui/other_desks.py``).
    """

    cases_changed = Signal(str)
    consultations_changed = Signal()
    staff_changed = Signal(str)
    settings_changed = Signal()
    other_desk_changed = Signal(object)

    def __init__(self, store: Store | None, *, staff: str, prefs: Prefs, runner: TaskRunner | None = None) -> None:
        super().__init__()
        self.store = store  # None until the background start-up has opened it
        self._staff = staff
        self.principal: Principal | None = None  # the logged-in account (None: a store without accounts)
        self.prefs = prefs
        self.runner = runner or TaskRunner(self)

    @property
    def staff(self) -> str:
        return self._staff

    @staff.setter
    def staff(self, value: str) -> None:
        value = value.strip() or self._staff
        if value != self._staff:
            self._staff = value
            self.staff_changed.emit(value)

    @property
    def actor(self) -> Principal | str:
        """Who acts in the services: the logged-in account, or on a store without accounts the desk's name."""
        return self.principal if self.principal is not None else self._staff

    def sign_in(self, principal: Principal) -> None:
        """An account logged in (or unlocked the desk): it acts from now on, under its own name."""
        self.principal = principal
        self._staff = principal.name
        self.staff_changed.emit(principal.name)

    def may(self, action: str) -> bool:
        """Whether the account may do ``action`` (the permissions table; the services check it again)."""
        from qcy_workstation.accounts.permissions import may

        return self.principal is None or may(self.principal, action)

    def _open_store(self) -> Store:
        if self.store is None:
            raise RuntimeError("the store is not open yet")
        return self.store

    def cases(self) -> CaseService:
        from qcy_workstation.cases.services import CaseService

        return CaseService(self._open_store(), actor=self.actor)

    def consultations(self) -> ConsultationService:
        from qcy_workstation.cases.consultations import ConsultationService

        return ConsultationService(self._open_store(), actor=self.actor)

    def evidence(self) -> EvidenceService:
        from qcy_workstation.cases.evidence import EvidenceService

        return EvidenceService(self._open_store(), actor=self.actor)

    def referrals(self) -> ReferralService:
        from qcy_workstation.referrals.service import ReferralService

        return ReferralService(self._open_store(), actor=self.actor)

    def experts(self) -> ExpertService:
        from qcy_workstation.experts.service import ExpertService

        return ExpertService(self._open_store(), actor=self.actor)

    def portfolios(self) -> PortfolioService:
        from qcy_workstation.portfolios.service import PortfolioService

        return PortfolioService(self._open_store(), actor=self.actor)

    def service_records(self) -> ServiceRecordService:
        from qcy_workstation.portfolios.service_record import ServiceRecordService

        return ServiceRecordService(self._open_store(), actor=self.actor)

    def workstation(self) -> SettingsService:
        from qcy_workstation.cases.settings import SettingsService

        return SettingsService(self._open_store(), actor=self.actor)
