"""Where the statistics count from on a secured server store (issue 15 item 5, ``db/server_roles.py``)."""

from __future__ import annotations

from typing import Any

from qcy_workstation.cases.models import Case, Transition
from qcy_workstation.db import server_roles


def figures_sources(session: Any) -> tuple[Any, Any]:
    """What the statistics count from: ``Case`` and ``Transition``, or on a desk's role of a secured store
    the views of every case without details (``case_figures``, ``transition_figures``), so the head's and the
    administrator's figures count confidential cases too (an administrator may not see them otherwise)."""
    if not session.info.get("qcy_restricted"):
        return Case, Transition
    from sqlalchemy import Column, MetaData, Table
    from sqlalchemy.orm import aliased

    meta = MetaData()
    views = []
    for model, view, names in ((Case, "case_figures", server_roles.FIGURE_COLUMNS["cases"]),
                               (Transition, "transition_figures", server_roles.FIGURE_COLUMNS["transitions"])):
        columns = [Column(n.strip('"'), model.__table__.c[n.strip('"')].type) for n in names]
        views.append(aliased(model, Table(view, meta, *columns), adapt_on_names=True))
    return views[0], views[1]
