"""Other desks see changes (issue 15 item 4): a change one desk commits on the shared PostgreSQL store is
heard by every other desk within 2 s (LISTEN/NOTIFY), with the case it touched; nothing is heard of a write
that was rolled back, and a desk does not hear itself. On SQLite (one desk per file) listening is a no-op.

Each desk is its own ``Store`` (its own engine and connections), as each workstation is its own process."""

from __future__ import annotations

import queue
from pathlib import Path

import pytest

from qcy_workstation.cases.consultations import ConsultationService
from qcy_workstation.cases.dto import NewCase, NewConsultation, PartyInput
from qcy_workstation.cases.services import CaseService
from qcy_workstation.db.changes import Change, ChangeListener
from qcy_workstation.db.store import open_store
from qcy_workstation.errors import ValidationError

WITHIN_S = 2.0


class Desk:
    """A second workstation on the same server store, listening for the others' changes."""

    def __init__(self, url: str, files: Path | None) -> None:
        self.store = open_store(url, files_dir=files)
        self.heard: queue.Queue[Change] = queue.Queue()
        self.listener = ChangeListener(self.store, self.heard.put)
        self.listener.start()
        assert self.listener.ready.wait(10), "the desk did not start listening"

    def next_change(self, timeout: float = WITHIN_S) -> Change:
        return self.heard.get(timeout=timeout)

    def close(self) -> None:
        self.listener.stop()
        self.store.close()


@pytest.fixture
def other_desk(store, store_url: str, store_files: Path | None):  # type: ignore[no-untyped-def]
    desk = Desk(store_url, store_files)
    yield desk
    desk.close()


def new_case(title: str) -> NewCase:
    return NewCase(title=title, ip_type="trademark", applicant=PartyInput("西安秦川食品有限公司"))


@pytest.mark.postgresql_only
def test_a_case_registered_at_one_desk_is_heard_at_the_other_within_two_seconds(store, other_desk: Desk) -> None:
    number = CaseService(store, actor="张三").create(new_case("秦川商标被仿冒")).number
    change = other_desk.next_change()
    assert number in change.cases
    assert change.touches("cases") and not change.everything
    assert change.desk == store.desk_id != other_desk.store.desk_id


@pytest.mark.postgresql_only
def test_an_edit_and_a_consultation_name_their_case(store, other_desk: Desk) -> None:
    cases = CaseService(store, actor="张三")
    number = cases.create(new_case("秦川商标被仿冒")).number
    other_desk.next_change()
    cases.update(number, title="秦川商标被仿冒（已补材料）")
    edit = other_desk.next_change()
    assert edit.cases == {number}
    assert ("cases", cases.get(number).id) in edit.rows
    ConsultationService(store, actor="李四").add(NewConsultation(
        channel="phone", enquirer="王经理", topic="商标续展", case_number=number))
    logged = other_desk.next_change()
    assert logged.touches("consultations") and number in logged.cases


@pytest.mark.postgresql_only
def test_a_confidential_case_is_never_named_on_the_channel(store, other_desk: Desk) -> None:
    """Every desk's role may LISTEN, so the number of a confidential case is not sent: the other desk hears that
    a confidential case changed (``hidden``) and reloads whatever it shows."""
    cases = CaseService(store, actor="张三")
    secret = cases.create(NewCase(title="配方被前员工带走", ip_type="trade-secret", confidential=True,
                                  applicant=PartyInput("西安秦川食品有限公司"), staff="张三")).number
    made = other_desk.next_change()
    assert made.hidden and secret not in made.cases
    ConsultationService(store, actor="张三").add(NewConsultation(
        channel="phone", enquirer="王经理", topic="配方保护", case_number=secret))
    logged = other_desk.next_change()
    assert logged.hidden and logged.touches("consultations") and secret not in logged.cases
    plain = cases.create(new_case("秦川商标被仿冒")).number
    heard = other_desk.next_change()
    assert heard.cases == {plain} and not heard.hidden


@pytest.mark.postgresql_only
def test_a_refused_write_is_not_heard_and_a_desk_does_not_hear_itself(store, other_desk: Desk) -> None:
    with pytest.raises(ValidationError):
        CaseService(store, actor="张三").create(NewCase(title="", ip_type="trademark",
                                                        applicant=PartyInput("西安秦川食品有限公司")))
    CaseService(other_desk.store, actor="李四").create(new_case("李四自己登记的"))
    with pytest.raises(queue.Empty):
        other_desk.next_change(timeout=1.0)


@pytest.mark.postgresql_only
def test_a_desk_whose_connection_was_cut_hears_again_and_is_told_to_refresh_everything(
        store, other_desk: Desk) -> None:
    from sqlalchemy import text

    with store.engine.connect() as conn:  # the server ends the listening connection (a network cut)
        conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' "
                          "AND pid <> pg_backend_pid()"))
    other_desk.listener.retry_s = 0.2
    assert other_desk.next_change(timeout=10).everything
    number = CaseService(store, actor="张三").create(new_case("断线后登记的")).number
    assert number in other_desk.next_change().cases


@pytest.mark.sqlite_only(reason="listening is for a server store; one SQLite file has one desk")
def test_on_sqlite_listening_is_a_no_op(store) -> None:
    listener = ChangeListener(store, lambda change: None)
    listener.start()
    assert not listener.supported and not listener.active
    listener.stop()
