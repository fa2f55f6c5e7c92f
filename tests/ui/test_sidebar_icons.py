"""Every page in the sidebar carries its icon, drawn for the app and shipped (seen missing: the Enterprises page
came without one and stood out as the only bare entry)."""

from __future__ import annotations

from qcy_workstation.resources import resource_path


def test_every_sidebar_page_has_an_icon_that_is_shipped(window) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.ui.main_window import PAGES

    assert len([s for s in PAGES.values() if s.in_sidebar]) >= 15  # the window has registered every page
    bare = [key for key, spec in PAGES.items() if spec.in_sidebar and not spec.icon]
    assert bare == []
    missing = [spec.icon for spec in PAGES.values() if spec.icon and not resource_path("icons", spec.icon).exists()]
    assert missing == []
