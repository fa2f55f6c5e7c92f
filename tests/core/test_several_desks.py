"""Several desks on one store at the same moment (issue 15): on SQLite several programs on one file, on
PostgreSQL (``--store=postgresql``) several workstations on one server. Each desk is its own ``Store``
(its own connections), as each workstation is its own process."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

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
    assert not [t for t in threads if t.is_alive()], "a desk is still waiting after a minute"
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


def test_four_desks_drafting_advice_letters_at_once_get_consecutive_document_numbers(
        store, store_url: str, store_files: Path | None) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.documents.service import DocumentService

    number = CaseService(store, actor="张三").create(NewCase(title="秦川商标侵权", ip_type="trademark",
                                                         applicant=PartyInput("西安秦川食品有限公司"))).number
    stores = [open_store(store_url, files_dir=store_files) for _ in DESKS]
    try:
        drafted = at_once(lambda desk: [DocumentService(stores[desk], DESKS[desk]).draft("advice-letter", number).number
                                        for _ in range(3)], len(DESKS))
    finally:
        for s in stores:
            s.close()
    year = china_today().year
    assert sorted(n for desk in drafted for n in desk) == [f"QCY-YJ-{year}-{i:04d}" for i in range(1, 13)]
    with store.read() as s:
        assert verify_chain(s) == []


def test_desks_starting_together_on_the_new_version_migrate_the_store_once(
        blank_store_url: str, tmp_path: Path) -> None:
    from alembic import command

    from qcy_workstation.db.store import _alembic_config, current_revisions, head_revisions

    old = open_store(blank_store_url, files_dir=tmp_path / "files")
    kept = CaseService(old, actor="张三").create(NewCase(title="去年的案件", ip_type="patent",
                                                       applicant=PartyInput("宝鸡某机床厂"))).number
    with old.engine.begin() as conn:  # the store as the previous version left it
        command.downgrade(_alembic_config(conn), "0007_sealed_files")
    old.close()

    # The update is rolled out and every desk starts at nine o'clock.
    stores = at_once(lambda desk: open_store(blank_store_url, files_dir=tmp_path / "files"), len(DESKS))
    try:
        assert [s.migrated_from is not None for s in stores].count(True) == 1  # one desk migrated
        assert all(current_revisions(s) == head_revisions() for s in stores)
        for desk, s in zip(DESKS, stores, strict=True):
            CaseService(s, actor=desk).create(NewCase(title=f"{desk}的新案件", ip_type="gi",
                                                      applicant=PartyInput("周至县猕猴桃协会")))
        assert [r.number for r in CaseService(stores[0], actor="张三").search("宝鸡")] == [kept]
        assert CaseService(stores[0], actor="张三").count() == 5
    finally:
        for s in stores:
            s.close()


def test_a_desk_with_an_older_version_is_told_to_update_and_writes_nothing(store, store_url: str,
                                                                            store_files: Path | None) -> None:
    from sqlalchemy import text

    from qcy_workstation.errors import StoreError

    CaseService(store, actor="张三").create(NewCase(title="新版本登记", ip_type="trademark",
                                                  applicant=PartyInput("西安秦韵茶业有限公司")))
    with store.engine.begin() as conn:  # a newer desk has migrated the store further than this client knows
        conn.execute(text("INSERT INTO alembic_version VALUES ('0099_from_the_future')"))
    with pytest.raises(StoreError) as refused:
        open_store(store_url, files_dir=store_files)
    assert refused.value.reason == "store.client_too_old"
    assert "update this desk" in refused.value.message
    with store.engine.connect() as conn:
        assert "0099_from_the_future" in conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        assert conn.execute(text("SELECT count(*) FROM cases")).scalar() == 1


def test_a_save_that_waits_too_long_for_another_desks_save_is_told_the_store_is_busy(
        store, store_url: str, store_files: Path | None, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    import qcy_workstation.db.store as store_mod
    from qcy_workstation.errors import StoreError

    monkeypatch.setattr(store_mod, "BUSY_TIMEOUT_MS", 200)  # a desk waits 0.2 s instead of 5 s
    other_desk = open_store(store_url, files_dir=store_files)
    try:
        with store.write() as s:  # 张三's desk is in the middle of a long save
            s.execute(text("SELECT 1"))
            with pytest.raises(StoreError) as busy:
                CaseService(other_desk, actor="李四").create(NewCase(title="李四的案件", ip_type="gi",
                                                                    applicant=PartyInput("周至县猕猴桃协会")))
        assert busy.value.reason == "store.busy"
        assert CaseService(store, actor="张三").count() == 0  # nothing of 李四's case was written
        CaseService(other_desk, actor="李四").create(NewCase(title="李四的案件", ip_type="gi",
                                                            applicant=PartyInput("周至县猕猴桃协会")))
        assert [r.title for r in CaseService(store, actor="张三").list()] == ["李四的案件"]  # again, later: saved
    finally:
        other_desk.close()


def test_the_second_desk_to_save_the_same_case_hears_who_changed_it_and_loses_nothing(store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.errors import ConflictError

    zhang, li = CaseService(store, actor="张三"), CaseService(store, actor="李四")
    number = zhang.create(NewCase(title="秦川商标侵权", ip_type="trademark",
                                  applicant=PartyInput("西安秦川食品有限公司"))).number
    on_zhangs_screen = zhang.get(number)  # both desks open the case
    on_lis_screen = li.get(number)

    li.update(number, expected_version=on_lis_screen.row_version, title="“秦川”商标侵权纠纷（加急）")
    with pytest.raises(ConflictError) as refused:  # 张三 saves the facts he typed on the version he opened
        zhang.update(number, expected_version=on_zhangs_screen.row_version, facts="被申请人在淘宝店铺销售假冒商品。")
    assert refused.value.reason == "case.changed"
    assert refused.value.params["by"] == "李四" and refused.value.params["number"] == number
    assert refused.value.params["at"].startswith(str(china_today().year))  # China time, to the minute
    assert (zhang.get(number).title, zhang.get(number).facts) == ("“秦川”商标侵权纠纷（加急）", "")  # kept

    reloaded = zhang.get(number)  # reload and apply again: both changes stand
    zhang.update(number, expected_version=reloaded.row_version, facts="被申请人在淘宝店铺销售假冒商品。")
    both = zhang.get(number)
    assert (both.title, both.facts) == ("“秦川”商标侵权纠纷（加急）", "被申请人在淘宝店铺销售假冒商品。")
    assert both.row_version == on_zhangs_screen.row_version + 2


@pytest.mark.postgresql_only
def test_a_change_written_around_the_desks_lock_is_not_overwritten_either(store, store_url: str) -> None:  # type: ignore[no-untyped-def]
    """A script on the server (or a desk of another program) updates a case without the store's write lock;
    a desk saving the same row in between gets a conflict, not a silent overwrite (row_version)."""
    from sqlalchemy import create_engine, select, text

    from qcy_workstation.cases.models import Case
    from qcy_workstation.errors import ConflictError

    number = CaseService(store, actor="张三").create(NewCase(title="原标题", ip_type="gi",
                                                         applicant=PartyInput("洛川县苹果协会"))).number
    script = create_engine(store_url)
    try:
        with pytest.raises(ConflictError) as refused, store.write() as s:
            case = s.execute(select(Case).where(Case.number == number)).scalar_one()
            with script.begin() as conn:
                conn.execute(text("UPDATE cases SET title = '脚本改的标题', row_version = row_version + 1 "
                                  "WHERE number = :n"), {"n": number})
            case.title = "张三改的标题"
    finally:
        script.dispose()
    assert refused.value.reason == "record.changed"
    assert CaseService(store, actor="张三").get(number).title == "脚本改的标题"


def test_a_correction_of_a_consultation_another_desk_corrected_meanwhile_is_refused_naming_them(store) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.consultations import ConsultationService
    from qcy_workstation.cases.dto import NewConsultation
    from qcy_workstation.errors import ConflictError

    zhang, li = ConsultationService(store, actor="张三"), ConsultationService(store, actor="李四")
    logged = zhang.add(NewConsultation(channel="phone", enquirer="王经理", topic="商标被抢注怎么办",
                                       organisation="西安秦韵茶业有限公司"))
    li.update(logged.id, expected_version=logged.row_version, advice="建议先提出异议，并保存在先使用证据。")
    with pytest.raises(ConflictError) as refused:  # 张三 corrects the topic on the version he opened
        zhang.update(logged.id, expected_version=logged.row_version, topic="“秦韵”商标被抢注")
    assert refused.value.reason == "consultation.changed" and refused.value.params["by"] == "李四"
    kept = zhang.get(logged.id)
    assert (kept.topic, kept.advice) == ("商标被抢注怎么办", "建议先提出异议，并保存在先使用证据。")
    zhang.update(logged.id, expected_version=kept.row_version, topic="“秦韵”商标被抢注")  # on the new version
    assert zhang.get(logged.id).topic == "“秦韵”商标被抢注"
