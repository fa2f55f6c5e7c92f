"""Story: staff print an acceptance notice preview from the documents page; once the job is handed to the
system's print dialog (modal, so not driven here), the page records who printed what in the audit trail."""

from __future__ import annotations

import json

from sqlalchemy import select

from qcy_workstation.cases.models import AuditEvent


def test_a_printed_preview_is_in_the_audit_trail(qtbot, window, store, add_case, wait_idle):  # type: ignore[no-untyped-def]
    case = add_case(title="网店使用近似商标", applicant="西安秦川食品有限公司")
    page = window.go("documents", case.number)
    qtbot.waitUntil(lambda: page.preview is not None, timeout=20000)
    wait_idle()
    page._record_print(len(page.preview.images), preview=False)  # what print_document does after the dialog
    wait_idle()
    with store.read() as s:
        rows = s.execute(select(AuditEvent.actor, AuditEvent.details, AuditEvent.case_id).where(
            AuditEvent.entity == "document", AuditEvent.action == "print")).all()
    assert len(rows) == 1
    actor, details, case_id = rows[0]
    details = json.loads(details)
    assert (actor, case_id) == ("张三", case.id)
    assert details["kind"] == page.preview.request.kind and details["pages"] == len(page.preview.images) >= 1
    assert details["status"] == "unregistered" and details["preview"] is False
