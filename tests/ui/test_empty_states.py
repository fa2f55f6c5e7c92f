"""On an empty store every list says what to do next instead of showing a blank grid (issue 11 item 7)."""

from __future__ import annotations

import pytest

from qcy_workstation.ui.widgets import EmptyState


@pytest.mark.parametrize(("page_key", "words"), [("cases", "登记第一件案件"), ("consultations", "咨询"), ("warning", "新建项目")])
def test_an_empty_list_says_what_to_do_next(qtbot, window, wait_idle, page_key, words) -> None:
    page = window.go(page_key)
    wait_idle()
    qtbot.waitUntil(lambda: any(e.is_empty for e in page.findChildren(EmptyState)), timeout=5000)
    shown = [e for e in page.findChildren(EmptyState) if e.is_empty]
    assert shown and any(words in e.label.text() for e in shown), [e.label.text() for e in shown]
