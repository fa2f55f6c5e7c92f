"""Date fields start on China's today, the day the services count from, whatever zone the PC's clock is in.

Seen in CI: between 16:00 and 24:00 UTC China is already on the next day; the panel-date field offered the PC's
(UTC) today, which is the day before a case received "today", and convening a panel was refused as dated
before the case was received instead of showing the conflict the staff member was looking at."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QWidget

from qcy_workstation.ui import widgets


def test_a_new_date_field_shows_chinas_today_not_the_pcs(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ahead = date.today() + timedelta(days=1)  # the PC still on the day before, as a UTC clock is at 16:00-24:00
    monkeypatch.setattr(widgets, "china_today", lambda: ahead)
    parent = QWidget()
    qtbot.addWidget(parent)
    field = widgets.date_edit(parent, "heldOn")
    assert field.date() == QDate(ahead.year, ahead.month, ahead.day) != QDate.currentDate()
    assert widgets.picked_day(field) == ahead
