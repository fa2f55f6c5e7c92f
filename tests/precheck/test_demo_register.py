"""A demo store gets a rights register too: screening a demo case's mark or patent finds something real."""

from __future__ import annotations

import csv
import json

import pytest
from sqlalchemy import select

from qcy_workstation.cases.demo import MARKS, PATENT_TITLES, seed_demo
from qcy_workstation.cases.models import Right
from qcy_workstation.cases.validation import validate_patent_number
from qcy_workstation.cli import main
from qcy_workstation.db.store import open_store
from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck.demo import LOOK_ALIKES, seed_register, title_claim
from qcy_workstation.precheck.models import RegisterPatent, RegisterTrademark
from qcy_workstation.precheck.register import import_register, register_counts
from qcy_workstation.precheck.screening import screen_patent, screen_trademark

TM_COLS = ("reg_no", "mark", "owner", "classes", "groups", "status", "class_mask", "norm", "cjk", "latin", "visual",
           "pinyin", "pinyin_tones", "pinyin_loose", "sound", "latin_sound", "alias_terms")
PAT_COLS = ("number", "title", "owner", "status", "claims", "claim1_terms")


def _rows(store, model, cols):
    with store.read() as s:
        return [tuple(getattr(r, c) for c in cols)
                for r in s.execute(select(model).order_by(model.id)).scalars()]


@pytest.fixture(scope="module")
def demo_store(tmp_path_factory, open_test_store):
    """A demo store as staff get it from seed-demo: cases, then a register of 3,000 marks and 300 patents."""
    s = open_test_store(tmp_path_factory.mktemp("demo"))
    seed_demo(s, cases=80, seed=7)
    seed_register(s, marks=3000, patents=300, seed=7)
    yield s
    s.close()


def test_counts_match_what_was_asked_and_numbers_are_valid(demo_store):
    assert register_counts(demo_store) == {"trademark": 3000, "patent": 300, "gi": 0}
    for number, *_ in _rows(demo_store, RegisterPatent, PAT_COLS):
        assert validate_patent_number(number) == number  # CN number with its check character
    marks = {r[1] for r in _rows(demo_store, RegisterTrademark, TM_COLS)}
    assert any(m.isascii() for m in marks) and any(not m.isascii() for m in marks)  # Latin and Chinese marks


def test_same_seed_gives_the_same_rows(demo_store, tmp_path):
    other = open_store(tmp_path / "again.sqlite")
    try:
        seed_register(other, marks=3000, patents=300, seed=7)
        assert _rows(other, RegisterTrademark, TM_COLS) == _rows(demo_store, RegisterTrademark, TM_COLS)
        assert _rows(other, RegisterPatent, PAT_COLS) == _rows(demo_store, RegisterPatent, PAT_COLS)
    finally:
        other.close()
    third = open_store(tmp_path / "other-seed.sqlite")
    try:
        seed_register(third, marks=100, patents=20, seed=8)
        assert _rows(third, RegisterTrademark, TM_COLS) != _rows(demo_store, RegisterTrademark, TM_COLS)[:100]
    finally:
        third.close()


def test_keys_equal_what_an_import_of_the_same_rows_computes(demo_store, tmp_path):
    tm = _rows(demo_store, RegisterTrademark, TM_COLS)
    pat = _rows(demo_store, RegisterPatent, PAT_COLS)
    with (tmp_path / "tm.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["注册号", "商标名称", "注册人", "国际分类", "类似群", "商标状态"], *(r[:6] for r in tm)])
    with (tmp_path / "pat.csv").open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["专利号", "专利名称", "专利权人", "法律状态", "权利要求"], *(r[:5] for r in pat)])
    fresh = open_store(tmp_path / "imported.sqlite")
    try:
        assert import_register(fresh, tmp_path / "tm.csv").imported == 3000
        assert import_register(fresh, tmp_path / "pat.csv").imported == 300
        assert _rows(fresh, RegisterTrademark, TM_COLS) == tm
        assert _rows(fresh, RegisterPatent, PAT_COLS) == pat
    finally:
        fresh.close()


def test_screening_a_demo_cases_mark_finds_its_planted_look_alike_in_the_top_5(demo_store):
    with demo_store.read() as s:
        rights = s.execute(select(Right.title, Right.nice_classes).where(Right.kind == "trademark")).all()
    assert rights
    for mark, classes in rights:
        hits = screen_trademark(demo_store, mark, classes=classes, top=5).hits
        assert any(h.mark in LOOK_ALIKES[mark] for h in hits), (mark, classes, [h.mark for h in hits])
    for mark in MARKS:  # every demo mark, also without classes
        hits = screen_trademark(demo_store, mark, top=5).hits
        assert any(h.mark in LOOK_ALIKES[mark] for h in hits), (mark, [h.mark for h in hits])


def test_a_claim_screening_of_a_demo_patent_title_finds_it(demo_store):
    for title in PATENT_TITLES:
        hits = screen_patent(demo_store, title_claim(title), top=5).hits
        assert hits and hits[0].verdict == "literal" and title[2:] in hits[0].title, (title, hits[:1])
    planted = {r[1]: r[0] for r in _rows(demo_store, RegisterPatent, PAT_COLS)[:len(PATENT_TITLES)]}
    assert set(planted) == set(PATENT_TITLES)


def test_seed_demo_command_writes_the_register_when_asked(tmp_path, capsys):
    db = str(tmp_path / "cli.sqlite")
    assert main(["seed-demo", "--db", db, "--cases", "20", "--register-marks", "600", "--register-patents", "40",
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["register"]["marks"] == 600 and out["register"]["patents"] == 40
    assert main(["seed-demo", "--db", str(tmp_path / "plain.sqlite"), "--cases", "5", "--json"]) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["cases"] == 5 and "register" not in plain  # default: no register, output as before


def test_bad_counts_are_refused():
    with pytest.raises(ValidationError) as err:
        seed_register(None, marks=-1)  # type: ignore[arg-type]
    assert err.value.field == "register_marks"
