"""Several desks on one store at the same moment (issue 15): on SQLite several programs on one file, on
PostgreSQL (``--store=postgresql``) several workstations on one server. Each desk is its own ``Store``
(its own connections), as each workstation is its own process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from qcy_workstation.cases.dto import NewCase, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.audit import verify_chain
from qcy_workstation.db.base import china_today
from qcy_workstation.db.store import open_store

DESKS = ("张三", "李四", "王五", "赵六")


def at_once(work: Callable[[int], Any], desks: int) -> list[Any]:
    """Run ``work(desk)`` for every desk in its own thread, all released together; re-raise any failure."""
    start = threading.Barrier(desks)
    results: list[Any] = [None] * desks
    failures: list[BaseException] = []

    def run(desk: int) -> None:
        start.wait()
        try:
            results[desk] = work(desk)
        except BaseException as exc:  # noqa: BLE001 - handed to the test below
            failures.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(desks)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not failures, failures
    return results


def test_four_desks_registering_cases_at_once_get_consecutive_numbers_and_one_audit_trail(
        store, store_url: str, store_files: Path | None) -> None:  # type: ignore[no-untyped-def]
    stores = [open_store(store_url, files_dir=store_files) for _ in DESKS]
    try:
        def register_five(desk: int) -> list[str]:
            svc = CaseService(stores[desk], actor=DESKS[desk])
            return [svc.create(NewCase(title=f"{DESKS[desk]}登记的第{i + 1}件", ip_type="trademark",
                                       applicant=PartyInput(f"西安{DESKS[desk]}商贸有限公司"))).number
                    for i in range(5)]

        numbers = [n for desk in at_once(register_five, len(DESKS)) for n in desk]
    finally:
        for s in stores:
            s.close()
    year = china_today().year
    assert sorted(numbers) == [f"QCY-{year}-{i:05d}" for i in range(1, 21)]  # none twice, none skipped
    everyone = CaseService(store, actor="张三")
    assert everyone.count() == 20
    assert {r.title for r in everyone.search("王五登记")} == {f"王五登记的第{i}件" for i in range(1, 6)}
    with store.read() as s:
        assert verify_chain(s) == []  # one chain: no two events were written on the same head
