"""Translations: installing the translators, labels for the core's codes, errors in plain words.

Source strings are English; ``resources/translations/qcy_zh_CN.ts`` holds the Simplified Chinese
translation (the default language) and is compiled to ``qcy_zh_CN.qm``. The core speaks in codes
(``received``, ``trade-secret``, field ``applicant_uscc``): this module turns them into words in the
current language at the moment they are shown, so a language switch only needs a retranslate.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from qcy_workstation.errors import QcyError
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
}

# The core's messages are English details; the common ones are translated by pattern, the rest are
# shown as they are after a translated field name (better an exact English detail than a vague one).
_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^is required$"), QT_TRANSLATE_NOOP("Errors", "must be filled in.")),
    (re.compile(r"^cannot be in the future$"), QT_TRANSLATE_NOOP("Errors", "cannot be a date in the future.")),
    (re.compile(r"^is not a phone number$"), QT_TRANSLATE_NOOP("Errors", "is not a phone number.")),
    (re.compile(r"^is not an e-mail address$"), QT_TRANSLATE_NOOP("Errors", "is not an e-mail address.")),
    (re.compile(r"^is not a readable file$"), QT_TRANSLATE_NOOP("Errors", "cannot be read: is it still there?")),
    (re.compile(r"^the same file is already attached"),
     QT_TRANSLATE_NOOP("Errors", "this very file is already attached to the case.")),
    (re.compile(r"needs a reason$"), QT_TRANSLATE_NOOP("Errors", "please give a reason for this step.")),
    (re.compile(r"cannot become"), QT_TRANSLATE_NOOP("Errors", "this step is not possible from the case's status.")),
    (re.compile(r"^cannot be before the case was received$"),
     QT_TRANSLATE_NOOP("Errors", "cannot be before the case was received.")),
    (re.compile(r"^is before the consultation$"), QT_TRANSLATE_NOOP("Errors", "is before the consultation.")),
    (re.compile(r"^must be between (\d+) and (\d+)$"), QT_TRANSLATE_NOOP("Errors", "must be between %1 and %2.")),
    (re.compile(r"^must be a whole number"), QT_TRANSLATE_NOOP("Errors", "must be a whole number.")),
    (re.compile(r"is missing$"), QT_TRANSLATE_NOOP("Errors", "the stored copy of this file is missing.")),
    (re.compile(r"was modified$"), QT_TRANSLATE_NOOP("Errors", "the stored copy of this file was changed.")),
]

ERROR_TITLES = {
    "invalid": QT_TRANSLATE_NOOP("Errors", "Please check the input"),
    "not_found": QT_TRANSLATE_NOOP("Errors", "Not found"),
    "workflow": QT_TRANSLATE_NOOP("Errors", "This step is not possible"),
    "permission": QT_TRANSLATE_NOOP("Errors", "Not allowed"),
    "store": QT_TRANSLATE_NOOP("Errors", "The case store has a problem"),
    "integrity": QT_TRANSLATE_NOOP("Errors", "A stored file does not match its record"),
    "error": QT_TRANSLATE_NOOP("Errors", "Something went wrong"),
}


def field_label(field: str | None) -> str:
    """``rights[0].nice_classes`` -> "Nice classes" in the current language."""
    if not field:
        return ""
    key = field.split(".")[-1]
    source = FIELDS.get(key)
    return _t("Fields", source) if source else key


def explain(exc: BaseException) -> tuple[str, str]:
    """(title, message) in plain words for any error a background task or slot may meet."""
    if isinstance(exc, QcyError):
        title = _t("Errors", ERROR_TITLES.get(exc.code, ERROR_TITLES["error"]))
        detail = exc.message
        for pattern, source in _MESSAGES:
            m = pattern.search(exc.message)
            if m:
                detail = _t("Errors", source)
                for i, group in enumerate(m.groups(), start=1):
                    detail = detail.replace(f"%{i}", group)
                break
        if exc.code == "store":
            detail = exc.message + "\n\n" + QCoreApplication.translate(
                "Errors", "Nothing was changed. If this keeps happening, ask whoever looks after this computer.")
        name = field_label(exc.field)
        return title, f"{name}: {detail}" if name and exc.code != "store" else detail
    if isinstance(exc, OSError):
        return QCoreApplication.translate("Errors", "A file could not be used"), f"{exc.strerror or exc} ({exc.filename or ''})"
    return _t("Errors", ERROR_TITLES["error"]), f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------ inline validation (as the user types)


def uscc_problem(text: str) -> str:
    """Why ``text`` is not a valid Unified Social Credit Code (GB 32100-2015), or "" when it is."""
    from qcy_workstation.cases.validation import USCC_CHARSET, uscc_check_char

    code = text.strip().upper().replace(" ", "")
    if not code:
        return ""
    if len(code) != 18:
        return QCoreApplication.translate("Errors", "A credit code has 18 characters; this one has %1.").replace("%1", str(len(code)))
    bad = next((c for c in code if c not in USCC_CHARSET), None)
    if bad is not None:
        return QCoreApplication.translate("Errors", "“%1” never occurs in a credit code (no I, O, S, V, Z).").replace("%1", bad)
    if not code[2:8].isdigit():
        return QCoreApplication.translate("Errors", "Characters 3–8 must be the 6-digit area code.")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return QCoreApplication.translate("Errors", "The last (check) character should be %1: a character was probably mistyped."
                  ).replace("%1", expected)
    return ""


def patent_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_patent_number
    from qcy_workstation.errors import ValidationError

    if not text.strip():
        return ""
    try:
        validate_patent_number(text)
    except ValidationError as exc:
        m = re.search(r"expected '(.)'", exc.message)
        if m:
            return QCoreApplication.translate("Errors", "The check character should be %1: a digit was probably mistyped."
                      ).replace("%1", m.group(1))
        return QCoreApplication.translate("Errors", "Expected an application number like 202010566088.9 (optionally with ZL in front).")
    return ""


def _problem(validator: Callable[[str], object], text: str, message: str) -> str:
    """The translated plain-words ``message`` when the core's ``validator`` refuses ``text``, else ""."""
    from qcy_workstation.errors import ValidationError

    try:
        validator(text)
    except ValidationError:
        return QCoreApplication.translate("Errors", message)
    return ""


def nice_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_nice_classes

    return _problem(validate_nice_classes, text, QT_TRANSLATE_NOOP("Errors", "Nice classes are numbers from 1 to 45, separated by commas, e.g. 25, 35."))


def groups_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_similar_groups

    return _problem(validate_similar_groups, text, QT_TRANSLATE_NOOP("Errors", "Similar groups have 4 digits (class and group), e.g. 2501, 3501."))


def trademark_number_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_trademark_number

    if not text.strip():
        return ""
    return _problem(validate_trademark_number, text, QT_TRANSLATE_NOOP(
        "Errors", "A trademark registration number has up to 9 digits, e.g. 1234567."))
