"""The one place where the desktop client turns the core's coded errors into words.

The core raises errors with a ``code`` (invalid, workflow ...), a ``reason`` (``uscc.check_char``), the
``field`` and ``params`` (``expected="1"``). This module maps each reason to a translatable sentence with
named placeholders and fills them from ``params``. It never reads the English ``message``: when the core
rewords a detail, no translation breaks. A reason not listed here falls back to the field name and the
core's English detail (better an exact English detail than a vague one).

The inline checks of the intake forms (credit code, patent number, Nice classes) call the core's own
validators and present the reason, so there is one validator for each identifier, in the core.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from qcy_workstation.errors import QcyError, ValidationError
from qcy_workstation.ui import i18n

# reason -> (sentence, prefixed by the field's name?). Sentences that name their subject stand alone.
REASONS: dict[str, tuple[str, bool]] = {
    "required": (QT_TRANSLATE_NOOP("Errors", "must be filled in."), True),
    "too_long": (QT_TRANSLATE_NOOP("Errors", "is longer than {max} characters."), True),
    "choice": (QT_TRANSLATE_NOOP("Errors", "must be one of: {choices}."), True),
    "date.format": (QT_TRANSLATE_NOOP("Errors", "expected a date such as 2026-03-15."), True),
    "date.calendar": (QT_TRANSLATE_NOOP("Errors", "is not a date on the calendar."), True),
    "date.future": (QT_TRANSLATE_NOOP("Errors", "cannot be a date in the future."), True),
    "date.before_received": (QT_TRANSLATE_NOOP("Errors", "cannot be before the case was received."), True),
    "date.before_consultation": (QT_TRANSLATE_NOOP("Errors", "is before the consultation."), True),
    "email": (QT_TRANSLATE_NOOP("Errors", "is not an e-mail address."), True),
    "phone": (QT_TRANSLATE_NOOP("Errors", "is not a phone number."), True),
    "file.unreadable": (QT_TRANSLATE_NOOP("Errors", "cannot be read: is it still there?"), True),
    "evidence.duplicate": (QT_TRANSLATE_NOOP("Errors", "this very file is already attached to the case (as “{name}”)."),
                           True),
    "evidence.missing": (QT_TRANSLATE_NOOP("Errors", "The stored copy of “{name}” is missing."), False),
    "evidence.modified": (QT_TRANSLATE_NOOP("Errors", "The stored copy of “{name}” was changed."), False),
    "number.whole": (QT_TRANSLATE_NOOP("Errors", "must be a whole number."), True),
    "number.range": (QT_TRANSLATE_NOOP("Errors", "must be between {min} and {max}."), True),
    "number.negative": (QT_TRANSLATE_NOOP("Errors", "cannot be negative."), True),
    "workflow.not_allowed": (QT_TRANSLATE_NOOP(
        "Errors", "A case that is “{current}” cannot become “{target}”."), False),
    "workflow.needs_reason": (QT_TRANSLATE_NOOP("Errors", "Please give a reason for this step."), False),
    "case.not_found": (QT_TRANSLATE_NOOP("Errors", "There is no case {number}. Check the number (e.g. QCY-2026-00042)."),
                       False),
    "uscc.length": (QT_TRANSLATE_NOOP("Errors", "A credit code has 18 characters; this one has {length}."), False),
    "uscc.char": (QT_TRANSLATE_NOOP("Errors", "“{char}” never occurs in a credit code (no I, O, S, V, Z)."), False),
    "uscc.area": (QT_TRANSLATE_NOOP("Errors", "Characters 3–8 must be the 6-digit area code."), False),
    "uscc.check_char": (QT_TRANSLATE_NOOP(
        "Errors", "The last (check) character should be {expected}: a character was probably mistyped."), False),
    "patent.format": (QT_TRANSLATE_NOOP(
        "Errors", "Expected an application number like 202010566088.9 (optionally with ZL in front)."), False),
    "patent.year": (QT_TRANSLATE_NOOP("Errors", "{year} is not a plausible filing year."), False),
    "patent.check_char": (QT_TRANSLATE_NOOP(
        "Errors", "The check character should be {expected}: a digit was probably mistyped."), False),
    "nice.class": (QT_TRANSLATE_NOOP(
        "Errors", "Nice classes are numbers from 1 to 45, separated by commas, e.g. 25, 35."), False),
    "nice.group": (QT_TRANSLATE_NOOP(
        "Errors", "Similar groups have 4 digits (class and group), e.g. 2501, 3501."), False),
    "trademark.number": (QT_TRANSLATE_NOOP(
        "Errors", "A trademark registration number has up to 9 digits, e.g. 1234567."), False),
    "amount.not_number": (QT_TRANSLATE_NOOP(
        "Errors", "Not a number: enter digits such as 120000, 1,200,000.50 or 12万."), False),
    "amount.negative": (QT_TRANSLATE_NOOP("Errors", "An amount cannot be negative."), False),
    "amount.too_large": (QT_TRANSLATE_NOOP("Errors", "This amount is too large."), False),
    "licence.needs_multiple": (QT_TRANSLATE_NOOP("Errors", "Enter the multiple of the licence fee (the K after ×)."),
                               False),
    "licence.needs_fee": (QT_TRANSLATE_NOOP("Errors", "A multiple needs the licence fee it applies to."), False),
    "licence.multiple_positive": (QT_TRANSLATE_NOOP("Errors", "The multiple of the licence fee must be more than 0."),
                                  False),
    "punitive.none": (QT_TRANSLATE_NOOP(
        "Errors", "The law in force on the infringement date provides no punitive damages for this right: leave "
                  "the multiple empty."), False),
    "punitive.range": (QT_TRANSLATE_NOOP(
        "Errors", "The punitive multiple must be between {min} and {max} times ({citation})."), False),
    "punitive.intent": (QT_TRANSLATE_NOOP(
        "Errors", "A punitive multiple needs at least one intent circumstance ticked below (SPC 2021 "
                  "interpretation Art. 3)."), False),
    "punitive.seriousness": (QT_TRANSLATE_NOOP(
        "Errors", "A punitive multiple needs at least one serious circumstance ticked below (SPC 2021 "
                  "interpretation Art. 4)."), False),
    "punitive.innocent_seller": (QT_TRANSLATE_NOOP(
        "Errors", "A seller without knowledge and with a lawful source cannot be a wilful infringer: leave the "
                  "multiple empty or untick that box."), False),
    "punitive.statutory": (QT_TRANSLATE_NOOP(
        "Errors", "A punitive multiple never applies to statutory damages: enter the actual loss, the infringer's "
                  "profits or the licence fee as its base (SPC 2021 interpretation Art. 5)."), False),
    "rules.none": (QT_TRANSLATE_NOOP(
        "Errors", "No compensation rules on file for an infringement on {date} (earliest on file: {earliest})."),
        False),
    "out.name": (QT_TRANSLATE_NOOP("Errors", "This is not a usable file name: choose another."), False),
    "out.is_folder": (QT_TRANSLATE_NOOP("Errors", "This is a folder: give a file name to save to."), False),
    "out.store": (QT_TRANSLATE_NOOP(
        "Errors", "This file is the case store (or one of its files or backups): saving here would destroy it. "
                  "Choose another file."), False),
    "out.unwritable": (QT_TRANSLATE_NOOP("Errors", "The file cannot be written here ({detail}): choose another "
                                                   "folder."), False),
    "document.notice_status": (QT_TRANSLATE_NOOP(
        "Errors", "This notice states a decision the case does not carry: an acceptance notice is for an accepted "
                  "case, a non-acceptance notice for a declined one. This case is “{case_status}”."), False),
    "estimate.wrong_law": (QT_TRANSLATE_NOOP(
        "Errors", "This is a {case_type} case: its estimate must be made under the {expected} rules, not the "
                  "{right_type} rules (the letter would cite the wrong law). Choose the right type above."), False),
    "date.known_before_infringement": (QT_TRANSLATE_NOOP(
        "Errors", "is before the infringement began ({infringement_date}): no one can know of it earlier."), True),
    "estimate.option_not_for_right": (QT_TRANSLATE_NOOP(
        "Errors", "The three-year non-use defence applies to trademarks only: untick it for a {right_type} "
                  "estimate."), False),
    "template.invalid": (QT_TRANSLATE_NOOP(
        "Errors", "The template folder is refused, nothing was changed: {problems}"), False),
    "settings.number_format": (QT_TRANSLATE_NOOP(
        "Errors", "A document number format needs {year} and {seq} and may use {code}, e.g. 秦创原维援〔{year}〕{seq}号."),
        False),
    "document.frozen": (QT_TRANSLATE_NOOP(
        "Errors", "An issued document is frozen: make a new version to change its text."), False),
    "document.review_status": (QT_TRANSLATE_NOOP(
        "Errors", "Only a draft can be reviewed; this document is “{status}”."), False),
    "document.issue_status": (QT_TRANSLATE_NOOP(
        "Errors", "Only a reviewed document can be issued; this document is “{status}”."), False),
    "document.self_review": (QT_TRANSLATE_NOOP(
        "Errors", "{staff} drafted this document and so cannot review it: another member of staff must review it."),
        False),
    "document.self_issue": (QT_TRANSLATE_NOOP(
        "Errors", "{staff} drafted this document and so cannot issue it: another member of staff must issue it."),
        False),
    "document.changed": (QT_TRANSLATE_NOOP(
        "Errors", "Someone else changed this document meanwhile: look at the list again."), False),
    "document.needs_case": (QT_TRANSLATE_NOOP("Errors", "This document needs a case: enter its number above."),
                            False),
    "document.file_missing": (QT_TRANSLATE_NOOP(
        "Errors", "The stored file of this issued document is missing: it cannot be reprinted. Ask whoever looks "
                  "after this computer."), False),
    "document.file_modified": (QT_TRANSLATE_NOOP(
        "Errors", "The stored file of this issued document was changed: it cannot be reprinted. Ask whoever looks "
                  "after this computer."), False),
    "text.encoding": (QT_TRANSLATE_NOOP(
        "Errors", "contains characters that are not valid text (a name or text that is not UTF-8): retype it, or "
                  "rename the file."), True),
    "text.control": (QT_TRANSLATE_NOOP(
        "Errors", "contains a control character ({char}) that this field cannot hold (one-line fields take no "
                  "line breaks or tabs)."), True),
    "date.too_early": (QT_TRANSLATE_NOOP("Errors", "cannot be before {earliest}."), True),
    "date.too_late": (QT_TRANSLATE_NOOP("Errors", "cannot be after {latest}."), True),
    "settings.unknown": (QT_TRANSLATE_NOOP("Errors", "There is no setting “{key}”. Known settings: {known}."), False),
    "store.empty": (QT_TRANSLATE_NOOP(
        "Errors", "The file {path} is empty, not a case store. Choose the real store, or delete the empty file to "
                  "start a new store there."), False),
    "case.changed": (QT_TRANSLATE_NOOP(
        "Errors", "Case {number} was changed by {by} at {at} after you opened it. Nothing was saved, so their "
                  "changes are not overwritten."), False),
    "consultation.changed": (QT_TRANSLATE_NOOP(
        "Errors", "This consultation was corrected by {by} at {at} after you opened it. Nothing was saved: "
                  "refresh the list and make your correction again."), False),
    "record.changed": (QT_TRANSLATE_NOOP(
        "Errors", "Another desk changed this record while it was being saved. Nothing was saved: reload it and "
                  "apply your changes again."), False),
    "store.permission_denied": (QT_TRANSLATE_NOOP(
        "Errors", "The server does not let this connection read or change that: on a shared store each account "
                  "works as its own database role, and a confidential case is only there for those who may see it. "
                  "Nothing was changed."), False),
    "store.busy": (QT_TRANSLATE_NOOP(
        "Errors", "Another desk or program is saving to the case store right now. Nothing was saved here: try "
                  "again in a moment."), False),
    "store.client_too_old": (QT_TRANSLATE_NOOP(
        "Errors", "The case store was upgraded by a newer version of QCY Workstation (schema {revision}). Update "
                  "QCY Workstation on this desk before working on it; nothing was changed."), False),
    "store.not_server": (QT_TRANSLATE_NOOP(
        "Errors", "{url} is not a PostgreSQL database. A shared store is given as postgresql+psycopg://user@server/"
                  "database."), False),
    "store.target_not_empty": (QT_TRANSLATE_NOOP(
        "Errors", "The server database {url} already holds data ({tables}). Nothing was changed: set up or copy "
                  "into an empty database."), False),
    "store.source_missing": (QT_TRANSLATE_NOOP("Errors", "There is no store file at {path}."), False),
    "store.schema_mismatch": (QT_TRANSLATE_NOOP(
        "Errors", "The desk's store and the server store are at different schema versions; update QCY "
                  "Workstation and try again. Nothing was copied."), False),
    "store.copy_failed": (QT_TRANSLATE_NOOP(
        "Errors", "Copying the store to the server failed a check ({what}); nothing was copied."), False),
    "store.damaged": (QT_TRANSLATE_NOOP(
        "Errors", "The case store {path} is damaged ({detail}). To restore it: close the workstation on every "
                  "desk, move the damaged file aside (keep it), then copy the newest sound backup {backup} over "
                  "it. Work entered since that backup must be entered again."), False),
    "store.damaged_no_backup": (QT_TRANSLATE_NOOP(
        "Errors", "The case store {path} is damaged ({detail}) and no sound backup is beside it. Close the "
                  "workstation on every desk, move the damaged file aside (keep it) and copy your most recent "
                  "backup of the store to its place."), False),
    "batch.type": (QT_TRANSLATE_NOOP("Errors", "must be {expected}."), True),
    "batch.json": (QT_TRANSLATE_NOOP(
        "Errors", "Line {line} of the batch file is not a JSON object (or is nested too deeply)."), False),
    "batch.unknown_key": (QT_TRANSLATE_NOOP("Errors", "“{key}” is not a known key. Known keys: {known}."), False),
    "file.too_large": (QT_TRANSLATE_NOOP("Errors", "is larger than {max} bytes: is it the right file?"), True),
    "patent.no_claim": (QT_TRANSLATE_NOOP(
        "Errors", "no claim found: no numbered claim and nothing worded as one (“一种…，包括…”, “A … comprising …”). "
        "Is it the product description or another document?"), True),
    "backup.cancelled": (QT_TRANSLATE_NOOP(
        "Errors", "The backup or restore was cancelled; nothing was changed."), False),
    "backup.engine": (QT_TRANSLATE_NOOP(
        "Errors", "Backup and restore of a {engine} store are not supported yet: use pg_dump and copy the files folder."), False),
    "backup.target_not_folder": (QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a folder: choose a folder."), False),
    "backup.inside_store": (QT_TRANSLATE_NOOP(
        "Errors", "A backup cannot be written inside the store's files folder ({files}): choose a folder elsewhere, best on another disk."), False),
    "backup.unwritable": (QT_TRANSLATE_NOOP(
        "Errors", "The backup cannot be written to {path} ({detail}): choose another folder."), False),
    "backup.no_manifest": (QT_TRANSLATE_NOOP(
        "Errors", "{path} is not a backup folder: it has no manifest.json. Choose the qcy-backup-… folder itself."), False),
    "backup.manifest_unreadable": (QT_TRANSLATE_NOOP(
        "Errors", "The backup's manifest {path} cannot be read: the backup is damaged. Nothing was changed."), False),
    "backup.newer_format": (QT_TRANSLATE_NOOP(
        "Errors", "This backup was made in a newer format ({version}): update QCY Workstation first. Nothing was changed."), False),
    "backup.manifest_tampered": (QT_TRANSLATE_NOOP(
        "Errors", "The backup's manifest {path} was changed after the backup was made: the backup is refused. Nothing was changed."), False),
    "backup.file_missing": (QT_TRANSLATE_NOOP(
        "Errors", "The backup is incomplete: {path} is missing. Nothing was changed."), False),
    "backup.file_damaged": (QT_TRANSLATE_NOOP(
        "Errors", "The backup is damaged: {path} differs from its manifest (size or SHA-256). Nothing was changed."), False),
    "backup.database_damaged": (QT_TRANSLATE_NOOP(
        "Errors", "The backup's database is damaged ({detail}). Nothing was changed."), False),
    "backup.newer_schema": (QT_TRANSLATE_NOOP(
        "Errors", "This backup was made by a newer version of QCY Workstation ({app_version}): update it first. Nothing was changed."), False),
    "backup.target_is_folder": (QT_TRANSLATE_NOOP(
        "Errors", "{path} is a folder, not a store file: give the store's file with --db."), False),
    "backup.target_in_backup": (QT_TRANSLATE_NOOP(
        "Errors", "The store {path} lies inside the backup folder: restore it to another place."), False),
    "auth.login_required": (QT_TRANSLATE_NOOP(
        "Errors", "This store has staff accounts: log in first."), False),
    "auth.forbidden": (QT_TRANSLATE_NOOP(
        "Errors", "Your account may not do this ({action_zh}): ask the head of the workstation or the administrator."), False),
    "auth.not_assigned": (QT_TRANSLATE_NOOP(
        "Errors", "Only the case officer assigned to the case ({assigned}) or the head may do this ({action_zh})."), False),
    "auth.failed": (QT_TRANSLATE_NOOP(
        "Errors", "Wrong login name or password."), False),
    "auth.server_role": (QT_TRANSLATE_NOOP(
        "Errors", "The server refused this account's own database role ({role}): an administrator resets the "
                  "account's password once to set it."), False),
    "auth.inactive": (QT_TRANSLATE_NOOP(
        "Errors", "This account is no longer active: ask the administrator."), False),
    "auth.token_invalid": (QT_TRANSLATE_NOOP(
        "Errors", "The session is no longer valid: log in again."), False),
    "auth.token_expired": (QT_TRANSLATE_NOOP(
        "Errors", "The session has expired: log in again."), False),
    "auth.staff_mismatch": (QT_TRANSLATE_NOOP(
        "Errors", "You are logged in as {account}, not {staff}."), False),
    "account.login_format": (QT_TRANSLATE_NOOP(
        "Errors", "a login name is 1 to 60 characters without spaces."), True),
    "account.password_short": (QT_TRANSLATE_NOOP(
        "Errors", "a password has at least {min} characters."), True),
    "account.password_same": (QT_TRANSLATE_NOOP(
        "Errors", "the new password must differ from the old one."), True),
    "account.roles": (QT_TRANSLATE_NOOP(
        "Errors", "choose one or more roles: {roles}."), True),
    "account.admin_exists": (QT_TRANSLATE_NOOP(
        "Errors", "This store already has an administrator: log in."), False),
    "account.login_taken": (QT_TRANSLATE_NOOP(
        "Errors", "the login name {login} is already taken."), True),
    "account.name_taken": (QT_TRANSLATE_NOOP(
        "Errors", "another account is already called {name}."), True),
    "account.name_empty": (QT_TRANSLATE_NOOP(
        "Errors", "must be filled in."), True),
    "account.own_admin": (QT_TRANSLATE_NOOP(
        "Errors", "You cannot remove your own administrator role."), False),
    "account.own_active": (QT_TRANSLATE_NOOP(
        "Errors", "You cannot deactivate your own account."), False),
    "account.not_found": (QT_TRANSLATE_NOOP(
        "Errors", "There is no account {login}."), False),
    "case.confidential": (QT_TRANSLATE_NOOP(
        "Errors", "Case {number} is confidential: only its case officer, the head and staff granted access may open it."), False),
    "crypto.no_key": (QT_TRANSLATE_NOOP(
        "Errors", "{account} holds no key for encrypted files: log in again, or ask the administrator to reset your password."), False),
    "crypto.no_case_key": (QT_TRANSLATE_NOOP(
        "Errors", "{account} holds no key for the encrypted files of case {number}: ask the head to grant access again, or log in again."), False),
    "crypto.tampered": (QT_TRANSLATE_NOOP(
        "Errors", "The encrypted file “{name}” was changed or damaged: it cannot be decrypted. Nothing was changed."), False),
    "crypto.wrong_key": (QT_TRANSLATE_NOOP(
        "Errors", "The encrypted file “{name}” belongs to another store's key: it cannot be decrypted here."), False),
    "crypto.recovery_key": (QT_TRANSLATE_NOOP(
        "Errors", "This recovery key does not open this store's key: check the 13 groups of letters and digits."), False),
    # referrals (issue 17 item 1)
    "referral.not_found": (QT_TRANSLATE_NOOP("Errors", "There is no referral {number}."), False),
    "referral.body_not_found": (QT_TRANSLATE_NOOP(
        "Errors", "“{body}” is not in the directory of partner bodies. Pick one from the list or add it first."), False),
    "referral.body_exists": (QT_TRANSLATE_NOOP("Errors", "{name} is already in the directory."), False),
    "referral.body_inactive": (QT_TRANSLATE_NOOP(
        "Errors", "{body} is marked as no longer used: choose another body."), False),
    "referral.consultation_not_found": (QT_TRANSLATE_NOOP("Errors", "There is no consultation {id}."), False),
    "referral.case_or_consultation": (QT_TRANSLATE_NOOP(
        "Errors", "A referral is made from one case or one consultation: give exactly one of them."), False),
    "referral.date_before_referral": (QT_TRANSLATE_NOOP(
        "Errors", "cannot be before the referral ({referred_on})."), True),
    "referral.follow_up_how": (QT_TRANSLATE_NOOP(
        "Errors", "Give the next follow-up either in working days or as a date, not both."), False),
    "referral.file_needs_case": (QT_TRANSLATE_NOOP(
        "Errors", "A consultation's referral has no case file to store the document in: record its title only, "
        "or turn the consultation into a case first."), False),
    "referral.closed": (QT_TRANSLATE_NOOP(
        "Errors", "Referral {number} is already closed ({outcome}); nothing was changed."), False),
    "date.past": (QT_TRANSLATE_NOOP("Errors", "cannot be a date in the past."), True),    # expert panels (issue 17 item 2)
    "expert.not_found": (QT_TRANSLATE_NOOP(
        "Errors", "“{expert}” is not in the expert pool. Pick an expert from the list or add them first."), False),
    "expert.exists": (QT_TRANSLATE_NOOP(
        "Errors", "{name} is already in the expert pool with this affiliation."), False),
    "expert.ambiguous": (QT_TRANSLATE_NOOP(
        "Errors", "Several experts are named {expert}: choose the one you mean from the list."), False),
    "expert.ipc_class": (QT_TRANSLATE_NOOP(
        "Errors", "“{item}” is not an IPC symbol (for example H04L or G06F 17/30)."), True),
    "expert.inactive": (QT_TRANSLATE_NOOP(
        "Errors", "{expert} is no longer in the expert pool: choose another expert."), False),
    "expert.twice": (QT_TRANSLATE_NOOP(
        "Errors", "{expert} is chosen twice."), False),
    "expert.conflict": (QT_TRANSLATE_NOOP(
        "Errors", "Conflict of interest: {expert} (“{text}”) resembles {party}, a party to this case. The expert is not seated and nothing was saved: choose another expert."), False),
    "expert.panel_empty": (QT_TRANSLATE_NOOP(
        "Errors", "A panel needs at least one expert: choose the experts who meet."), False),
    "expert.panel_not_found": (QT_TRANSLATE_NOOP(
        "Errors", "There is no expert panel {number}."), False),
    "expert.panel_concluded": (QT_TRANSLATE_NOOP(
        "Errors", "Panel {number} was concluded on {on}; nothing was changed."), False),
    "expert.not_seated": (QT_TRANSLATE_NOOP(
        "Errors", "{expert} does not sit on panel {number}."), False),
    "expert.opinion_missing": (QT_TRANSLATE_NOOP(
        "Errors", "Record the opinion of {experts} before concluding the panel."), False),
    "expert.date_before_meeting": (QT_TRANSLATE_NOOP(
        "Errors", "cannot be before the meeting ({held_on})."), True),
    "number.invalid": (QT_TRANSLATE_NOOP(
        "Errors", "is not a number."), True),
    # enterprise portfolios (issue 17 item 3)
    "portfolio.enterprise_not_found": (QT_TRANSLATE_NOOP(
        "Errors", "“{enterprise}” is not an enterprise on file: enter it first as the applicant of a case."), False),
    "portfolio.nice_class": (QT_TRANSLATE_NOOP("Errors", "class {value} is not a Nice class (1 to 45)."), True),
    "portfolio.registered_before_filed": (QT_TRANSLATE_NOOP(
        "Errors", "cannot be before the filing date ({filed_on})."), True),
    "portfolio.expiry_before_registration": (QT_TRANSLATE_NOOP(
        "Errors", "must come after the registration or filing date ({date})."), True),
    "portfolio.no_rule": (QT_TRANSLATE_NOOP(
        "Errors", "no patent term rule on file covers a filing date of {date}."), True),
    "portfolio.right_exists": (QT_TRANSLATE_NOOP(
        "Errors", "{number} is already in this enterprise's portfolio; nothing was changed."), False),
    "portfolio.days": (QT_TRANSLATE_NOOP("Errors", "must be 1 to {max} days."), True),
    # service record and annual report (issue 17 item 4)
    "service.year_future": (QT_TRANSLATE_NOOP(
        "Errors", "{year} has not begun yet: choose {now} or an earlier year."), True),
    "service.year_before_opening": (QT_TRANSLATE_NOOP(
        "Errors", "the workstation holds no records before {first}: choose {first} or a later year."), True),
    "service.ambiguous": (QT_TRANSLATE_NOOP(
        "Errors", "“{enterprise}” matches several enterprises ({names}): choose one by its id or credit code."),
        False),
    "portfolio.right_not_found": (QT_TRANSLATE_NOOP("Errors", "there is no enterprise right {right}."), False),
    "portfolio.renewal_before_registration": (QT_TRANSLATE_NOOP(
        "Errors", "a renewal cannot be filed before the mark was registered ({registered_on})."), True),
    "portfolio.renewal_outside_window": (QT_TRANSLATE_NOOP(
        "Errors", "a renewal is filed from {opens} (12 months before expiry) to {grace} (end of the 6 months' "
                  "grace), {article}."), True),
    "portfolio.future_date": (QT_TRANSLATE_NOOP("Errors", "cannot be in the future ({date})."), True),
    "portfolio.not_renewable": (QT_TRANSLATE_NOOP("Errors", "only a registered trademark is renewed."), False),
    "portfolio.not_a_patent": (QT_TRANSLATE_NOOP("Errors", "annual fees are paid for patents only."), False),
    "portfolio.patent_year": (QT_TRANSLATE_NOOP("Errors", "patent years run from 1 to {max}."), True),
    "portfolio.paid_before_grant": (QT_TRANSLATE_NOOP(
        "Errors", "an annual fee is paid from the grant on ({registered_on})."), True),
    "portfolio.annuity_late": (QT_TRANSLATE_NOOP(
        "Errors", "the fee fell due on {due} and could be paid late until {late}: after that the patent lapsed "
                  "(Patent Law Art. 44) unless it was restored."), True),
    "portfolio.annuity_recorded": (QT_TRANSLATE_NOOP("Errors", "the fee for year {year} is already recorded."), True),
    "portfolio.patent_kind": (QT_TRANSLATE_NOOP(
        "Errors", "the number does not tell invention, utility model or design."), True),
    "portfolio.import_no_date": (QT_TRANSLATE_NOOP(
        "Errors", "is missing: the term and the renewal window run from it."), True),
    "portfolio.import_source": (QT_TRANSLATE_NOOP("Errors", "import from a file or from the register."), False),
    "portfolio.import_gi": (QT_TRANSLATE_NOOP(
        "Errors", "a GI register file lists GIs, not authorisations to use them: enter a GI authorisation by hand."),
        False),
    "portfolio.import_no_holder": (QT_TRANSLATE_NOOP(
        "Errors", "the file has no holder column (注册人 / 申请人 / 专利权人)."), False),
}

ERROR_TITLES = {
    "invalid": QT_TRANSLATE_NOOP("Errors", "Please check the input"),
    "not_found": QT_TRANSLATE_NOOP("Errors", "Not found"),
    "workflow": QT_TRANSLATE_NOOP("Errors", "This step is not possible"),
    "permission": QT_TRANSLATE_NOOP("Errors", "Not allowed"),
    "store": QT_TRANSLATE_NOOP("Errors", "The case store has a problem"),
    "integrity": QT_TRANSLATE_NOOP("Errors", "A stored file does not match its record"),
    "error": QT_TRANSLATE_NOOP("Errors", "Something went wrong"),
}

DOCUMENT_STATUS = {
    "drafted": QT_TRANSLATE_NOOP("Errors", "drafted"),
    "reviewed": QT_TRANSLATE_NOOP("Errors", "reviewed"),
    "issued": QT_TRANSLATE_NOOP("Errors", "issued"),
}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def _param_words(exc: QcyError) -> dict[str, str]:
    """The params as words of the interface language (status codes become their labels)."""
    words = {k: str(v) for k, v in exc.params.items()}
    for key in ("current", "target", "case_status"):
        if key in words:
            words[key] = i18n.label(i18n.STATUS, words[key])
    for key in ("case_type", "right_type", "expected"):
        if key in words:
            words[key] = i18n.label(i18n.IP_TYPE, words[key].replace("_", "-"))
    if "status" in words:
        source = DOCUMENT_STATUS.get(words["status"])
        words["status"] = i18n._t("Errors", source) if source else words["status"]
    if "citation_zh" in exc.params:
        words["citation"] = str(exc.params["citation_zh" if i18n.current_language() == "zh" else "citation_en"])
    return words


def reason_text(exc: QcyError) -> str | None:
    """The translated sentence for ``exc.reason`` with its params filled in, or None when not listed."""
    entry = REASONS.get(exc.reason or "")
    if entry is None:
        return None
    words = _param_words(exc)
    text = i18n._t("Errors", entry[0])
    return _PLACEHOLDER.sub(lambda m: words.get(m.group(1), m.group(0)), text)


def message(exc: QcyError) -> str:
    """The plain-words message for a coded error, with the field's name in front where it needs one."""
    text = reason_text(exc)
    entry = REASONS.get(exc.reason or "")
    name = i18n.field_label(exc.field)
    if name == (exc.field or "").split(".")[-1]:
        name = ""  # a field without a translated name: the sentence stands alone
    if text is None:
        text = exc.message
        with_field = exc.code != "store"
    else:
        with_field = entry is not None and entry[1]
    if exc.code == "store":
        text += "\n\n" + QCoreApplication.translate(
            "Errors", "Nothing was changed. If this keeps happening, ask whoever looks after this computer.")
    return f"{name}: {text}" if with_field and name else text


def explain(exc: BaseException) -> tuple[str, str]:
    """(title, message) in plain words for any error a background task or slot may meet."""
    if isinstance(exc, QcyError):
        return i18n._t("Errors", ERROR_TITLES.get(exc.code, ERROR_TITLES["error"])), message(exc)
    if isinstance(exc, OSError):
        return (QCoreApplication.translate("Errors", "A file could not be used"),
                f"{exc.strerror or exc} ({exc.filename or ''})")
    return i18n._t("Errors", ERROR_TITLES["error"]), f"{type(exc).__name__}: {exc}"


# ------------------------------------------------------------------ inline validation (as the user types)


def problem(validator: Callable[[str], object], text: str) -> str:
    """Why the core's ``validator`` refuses ``text`` in plain words, or "" when it accepts it (or it is empty)."""
    if not text.strip():
        return ""
    try:
        validator(text)
    except ValidationError as exc:
        return reason_text(exc) or message(exc)
    return ""


def uscc_problem(text: str) -> str:
    """Why ``text`` is not a valid Unified Social Credit Code (GB 32100-2015), or "" when it is."""
    from qcy_workstation.cases.validation import validate_uscc

    return problem(validate_uscc, text)


def patent_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_patent_number

    return problem(validate_patent_number, text)


def nice_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_nice_classes

    return problem(validate_nice_classes, text)


def groups_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_similar_groups

    return problem(validate_similar_groups, text)


def trademark_number_problem(text: str) -> str:
    from qcy_workstation.cases.validation import validate_trademark_number

    return problem(validate_trademark_number, text)


def reasons_used() -> Mapping[str, tuple[str, bool]]:
    """Every reason the presenter knows (a test checks each core reason has a sentence)."""
    return REASONS


def plain_message(exc: BaseException) -> str:
    """One line for a message bar: a coded refusal in its own words; anything else with its kind as a title."""
    if isinstance(exc, QcyError) and reason_text(exc):
        return message(exc)
    title, text = explain(exc)
    return f"{title}: {text}"
