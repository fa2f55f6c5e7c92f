"""Translations: installing the translators, labels for the core's codes, errors in plain words.

Source strings are English; ``resources/translations/qcy_zh_CN.ts`` holds the Simplified Chinese
translation (the default language) and is compiled to ``qcy_zh_CN.qm``. The core speaks in codes
(``received``, ``trade-secret``, field ``applicant_uscc``): this module turns them into words in the
current language at the moment they are shown, so a language switch only needs a retranslate.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from qcy_workstation.resources import resource_path

LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"

_installed: list[QTranslator] = []


def translations_dir():  # type: ignore[no-untyped-def]
    return resource_path("translations")


def install_language(lang: str) -> str:
    """Replace the application's translators by those of ``lang``; returns the language in effect.

    Installing a translator makes Qt send a LanguageChange event to every widget; pages retranslate
    themselves on it (their typed text stays where it is).
    """
    app = QCoreApplication.instance()
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    for tr in _installed:
        app.removeTranslator(tr)
    _installed.clear()
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(f"qcy_{lang}", str(translations_dir())):
            app.installTranslator(ours)
            _installed.append(ours)
        qt = QTranslator(app)  # Qt's own strings: the buttons of standard dialogs, context menus
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            _installed.append(qt)
        QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    # Deliver the LanguageChange events now, so the whole window has switched when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return lang


def _t(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def current_language() -> str:
    """"zh" or "en": the language the interface speaks now (the core's data is bilingual)."""
    return "zh" if QLocale().language() == QLocale.Language.Chinese else "en"


# ------------------------------------------------------------------ labels for the core's codes

STATUS = {
    "received": QT_TRANSLATE_NOOP("Labels", "Received"),
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Declined"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "In progress"),
    "opinion_issued": QT_TRANSLATE_NOOP("Labels", "Opinion issued"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdrawn"),
}
# The verb on a workflow button ("Accept", not "Accepted").
STATUS_ACTION = {
    "received": QT_TRANSLATE_NOOP("Labels", "Reconsider"),
    "accepted": QT_TRANSLATE_NOOP("Labels", "Accept"),
    "declined": QT_TRANSLATE_NOOP("Labels", "Decline…"),
    "in_progress": QT_TRANSLATE_NOOP("Labels", "Start work"),
    "opinion_issued": QT_TRANSLATE_NOOP("Labels", "Issue opinion"),
    "closed": QT_TRANSLATE_NOOP("Labels", "Close"),
    "withdrawn": QT_TRANSLATE_NOOP("Labels", "Withdraw…"),
    "reopen": QT_TRANSLATE_NOOP("Labels", "Reopen…"),  # in_progress from closed / opinion issued
}
IP_TYPE = {
    "trademark": QT_TRANSLATE_NOOP("Labels", "Trademark"),
    "patent": QT_TRANSLATE_NOOP("Labels", "Patent"),
    "gi": QT_TRANSLATE_NOOP("Labels", "Geographical indication"),
    "trade-secret": QT_TRANSLATE_NOOP("Labels", "Trade secret"),
}
CHANNEL = {
    "walk-in": QT_TRANSLATE_NOOP("Labels", "Walk-in"),
    "phone": QT_TRANSLATE_NOOP("Labels", "Phone"),
    "online": QT_TRANSLATE_NOOP("Labels", "Online"),
    "letter": QT_TRANSLATE_NOOP("Labels", "Letter"),
}
PRIORITY = {
    "low": QT_TRANSLATE_NOOP("Labels", "Low"),
    "normal": QT_TRANSLATE_NOOP("Labels", "Normal"),
    "high": QT_TRANSLATE_NOOP("Labels", "High"),
    "urgent": QT_TRANSLATE_NOOP("Labels", "Urgent"),
}
PATENT_KIND = {
    "invention": QT_TRANSLATE_NOOP("Labels", "Invention"),
    "utility_model": QT_TRANSLATE_NOOP("Labels", "Utility model"),
    "design": QT_TRANSLATE_NOOP("Labels", "Design"),
}
GI_ROUTE = {
    "gi_product": QT_TRANSLATE_NOOP("Labels", "GI protected product"),
    "collective_mark": QT_TRANSLATE_NOOP("Labels", "Collective mark"),
    "certification_mark": QT_TRANSLATE_NOOP("Labels", "Certification mark"),
    "agricultural_gi": QT_TRANSLATE_NOOP("Labels", "Agricultural product GI"),
}
ASSISTANCE = {
    "infringement-opinion": QT_TRANSLATE_NOOP("Labels", "Infringement opinion"),
    "compensation-estimate": QT_TRANSLATE_NOOP("Labels", "Compensation estimate"),
    "legal-consultation": QT_TRANSLATE_NOOP("Labels", "Legal consultation"),
    "dispute-route": QT_TRANSLATE_NOOP("Labels", "Dispute route guidance"),
    "early-warning": QT_TRANSLATE_NOOP("Labels", "Early warning"),
}
DEADLINE = {
    "overdue": QT_TRANSLATE_NOOP("Labels", "Overdue"),
    "due_soon": QT_TRANSLATE_NOOP("Labels", "Due soon"),
    "ok": QT_TRANSLATE_NOOP("Labels", "On time"),
}
ROLE = {
    "applicant": QT_TRANSLATE_NOOP("Labels", "Applicant"),
    "opponent": QT_TRANSLATE_NOOP("Labels", "Opposing party"),
}
PARTY_KIND = {
    "enterprise": QT_TRANSLATE_NOOP("Labels", "Enterprise"),
    "person": QT_TRANSLATE_NOOP("Labels", "Natural person"),
}
AUDIT_ACTION = {
    "create": QT_TRANSLATE_NOOP("Labels", "Created"),
    "update": QT_TRANSLATE_NOOP("Labels", "Changed"),
    "transition": QT_TRANSLATE_NOOP("Labels", "Status changed"),
    "add": QT_TRANSLATE_NOOP("Labels", "Added"),
    "remove": QT_TRANSLATE_NOOP("Labels", "Removed"),
    "link": QT_TRANSLATE_NOOP("Labels", "Linked"),
    "export": QT_TRANSLATE_NOOP("Labels", "Exported"),
    "view": QT_TRANSLATE_NOOP("Labels", "Viewed"),
}
AUDIT_ENTITY = {
    "case": QT_TRANSLATE_NOOP("Labels", "case"),
    "right": QT_TRANSLATE_NOOP("Labels", "right"),
    "evidence": QT_TRANSLATE_NOOP("Labels", "evidence"),
    "consultation": QT_TRANSLATE_NOOP("Labels", "consultation"),
    "document": QT_TRANSLATE_NOOP("Labels", "document"),
    "settings": QT_TRANSLATE_NOOP("Labels", "settings"),
}


def label(table: dict[str, str], code: str | None) -> str:
    """The current-language word for a core code; unknown codes are shown as they are."""
    if not code:
        return ""
    source = table.get(code)
    return _t("Labels", source) if source else code


# ------------------------------------------------------------------ fields and errors

FIELDS = {
    "claims": QT_TRANSLATE_NOOP("Fields", "Claims"),
    "product": QT_TRANSLATE_NOOP("Fields", "Accused product description"),
    "title": QT_TRANSLATE_NOOP("Fields", "Case title"),
    "type": QT_TRANSLATE_NOOP("Fields", "IP type"),
    "ip_type": QT_TRANSLATE_NOOP("Fields", "IP type"),
    "priority": QT_TRANSLATE_NOOP("Fields", "Priority"),
    "assistance": QT_TRANSLATE_NOOP("Fields", "Assistance wanted"),
    "received_on": QT_TRANSLATE_NOOP("Fields", "Date received"),
    "applicant_name": QT_TRANSLATE_NOOP("Fields", "Applicant name"),
    "applicant_uscc": QT_TRANSLATE_NOOP("Fields", "Applicant credit code"),
    "applicant_phone": QT_TRANSLATE_NOOP("Fields", "Applicant phone"),
    "applicant_email": QT_TRANSLATE_NOOP("Fields", "Applicant e-mail"),
    "applicant_kind": QT_TRANSLATE_NOOP("Fields", "Applicant kind"),
    "opponent_name": QT_TRANSLATE_NOOP("Fields", "Opposing party name"),
    "opponent_uscc": QT_TRANSLATE_NOOP("Fields", "Opposing party credit code"),
    "opponent_phone": QT_TRANSLATE_NOOP("Fields", "Opposing party phone"),
    "opponent_email": QT_TRANSLATE_NOOP("Fields", "Opposing party e-mail"),
    "number": QT_TRANSLATE_NOOP("Fields", "Registration / application number"),
    "patent_number": QT_TRANSLATE_NOOP("Fields", "Patent number"),
    "trademark_number": QT_TRANSLATE_NOOP("Fields", "Trademark registration number"),
    "nice_classes": QT_TRANSLATE_NOOP("Fields", "Nice classes"),
    "similar_groups": QT_TRANSLATE_NOOP("Fields", "Similar groups"),
    "patent_kind": QT_TRANSLATE_NOOP("Fields", "Patent kind"),
    "gi_route": QT_TRANSLATE_NOOP("Fields", "GI protection route"),
    "secret_description": QT_TRANSLATE_NOOP("Fields", "Description of the secret"),
    "channel": QT_TRANSLATE_NOOP("Fields", "Channel"),
    "enquirer": QT_TRANSLATE_NOOP("Fields", "Enquirer"),
    "topic": QT_TRANSLATE_NOOP("Fields", "Topic"),
    "phone": QT_TRANSLATE_NOOP("Fields", "Phone"),
    "follow_up_on": QT_TRANSLATE_NOOP("Fields", "Follow-up date"),
    "status": QT_TRANSLATE_NOOP("Fields", "Status"),
    "reason": QT_TRANSLATE_NOOP("Fields", "Reason"),
    "on": QT_TRANSLATE_NOOP("Fields", "Date"),
    "file": QT_TRANSLATE_NOOP("Fields", "File"),
    "case": QT_TRANSLATE_NOOP("Fields", "Case"),
    "evidence": QT_TRANSLATE_NOOP("Fields", "Evidence"),
    "acceptance_days": QT_TRANSLATE_NOOP("Fields", "Days to decide on acceptance"),
    "opinion_days": QT_TRANSLATE_NOOP("Fields", "Days to issue the opinion"),
    "due_soon_days": QT_TRANSLATE_NOOP("Fields", "Days that count as due soon"),
    "hours": QT_TRANSLATE_NOOP("Fields", "Hours"),
    "fee": QT_TRANSLATE_NOOP("Fields", "Fee (yuan)"),
    "experts": QT_TRANSLATE_NOOP("Fields", "Experts"),
    "expert": QT_TRANSLATE_NOOP("Fields", "Expert"),
    "held_on": QT_TRANSLATE_NOOP("Fields", "Date of the meeting"),
    "conclusion": QT_TRANSLATE_NOOP("Fields", "Panel's conclusion"),
    "dissent": QT_TRANSLATE_NOOP("Fields", "Dissent"),
    "opinion": QT_TRANSLATE_NOOP("Fields", "Expert's opinion"),
    "questions": QT_TRANSLATE_NOOP("Fields", "Questions"),
    "ipc_classes": QT_TRANSLATE_NOOP("Fields", "IPC classes"),
    "affiliation": QT_TRANSLATE_NOOP("Fields", "Affiliation"),
    "concluded_on": QT_TRANSLATE_NOOP("Fields", "Date of the conclusion"),
    # an enterprise's rights (issue 17 item 3): named in the import's bad lines and the right dialogs' refusals
    "registered_on": QT_TRANSLATE_NOOP("Fields", "Registration / grant date"),
    "expires_on": QT_TRANSLATE_NOOP("Fields", "Term ends"),
    "filed_on": QT_TRANSLATE_NOOP("Fields", "Filing date"),
    "granted_on": QT_TRANSLATE_NOOP("Fields", "Grant date"),
    "panel": QT_TRANSLATE_NOOP("Fields", "Expert panel"),
}


def field_label(field: str | None) -> str:
    """``rights[0].nice_classes`` -> "Nice classes" in the current language."""
    if not field:
        return ""
    key = field.split(".")[-1]
    source = FIELDS.get(key)
    return _t("Fields", source) if source else key
