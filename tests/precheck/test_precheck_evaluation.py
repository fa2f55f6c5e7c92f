"""The engines' accuracy on the frozen held-out sets (written blind to the engine, never tuned on).

Floors sit a little under the figures measured when the held-out sets were first run (benchmarks/RESULTS.md)
so that a regression fails; they are not the targets of the issues, which the patent engine does not reach
yet (see RESULTS.md). The development sets carry no floor: they are what thresholds were fitted on.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from qcy_workstation.precheck import evaluation as ev

DATA = Path(__file__).resolve().parents[1] / "data" / "precheck"

FROZEN = {
    "patent_eval_heldout.json": "d7bf98b53c271086813dc083fde95299d066df08b90dade0cce18f748715abb8",
    "trade_secret_eval_heldout.jsonl": "76a1da1055d6755e48b7ff54c60fa585d3b90635b70ae7a7b0d511042ec7fbca",
    "trademark_decisions_heldout.jsonl": "14fd7f45c3bbfb084af827786758f13b7565957472ecd538be1ae39cfec1726d",
    "trademark_decisions_heldout2.jsonl": "74340f2db212bb7c5416bbd629604e5cdd6397f8827bed630594c2bc03f133a7",
    "patent_eval_heldout2.json": "45192223304d002fcfa614f1f1a4bd98f6f84d7eeb31249d472676b79c8f1a24",
    "patent_eval_heldout3.json": "6114c456a52d5e7f4a8a4be25c9227d68f6b65fa91569376074c1497467e016f",
    # written blind by helper sessions on 2026-12-03 (stop 26), run once to report the engine 1.3.0 figures
    "patent_eval_heldout4.json": "38a9d2336bce9aacb63898a92bc4b658419b5015d9ab1bcd53e4819d96e40537",
    "trademark_decisions_heldout3.jsonl": "f172ef7d3b5adfb0b807c0aa175d656181108fd97a72d5047a9980e6888b7750",
}


@pytest.mark.parametrize("name", sorted(FROZEN))
def test_held_out_sets_are_frozen(name: str) -> None:
    """Changing a held-out file would let it be tuned on: its bytes are pinned."""
    assert hashlib.sha256((DATA / name).read_bytes()).hexdigest() == FROZEN[name]


def test_development_and_held_out_sets_do_not_share_items() -> None:
    dev = {(i.claims, i.product) for i in ev.load_patent_set(DATA / "patent_eval_dev.json")}
    held = {(i.claims, i.product) for i in ev.load_patent_set(DATA / "patent_eval_heldout.json")}
    assert dev and held and not dev & held
    sdev = {(p.secret, p.suspect) for p in ev.load_secret_set(DATA / "trade_secret_eval_dev.jsonl")}
    sheld = {(p.secret, p.suspect) for p in ev.load_secret_set(DATA / "trade_secret_eval_heldout.jsonl")}
    assert sdev and sheld and not sdev & sheld


def test_patent_held_out_floor_with_and_without_the_hand_tables() -> None:
    items = ev.load_patent_set(DATA / "patent_eval_heldout.json")
    assert len(items) >= 36 and {i.kind for i in items} >= {"literal", "equivalent", "missing", "replaced"}
    assert any(i.cross_lingual for i in items)
    full = ev.evaluate_patent(items)
    with ev.mode(tables=False):
        bare = ev.evaluate_patent(items)
    # floors one item below the figures of the last run (2026-12-03, RESULTS.md: 83.3 % 2-way, 61.1 % 3-way)
    assert full.acc2 >= 0.80 and full.acc3 >= 0.58
    assert full.missed_infringing <= 0.08  # copies called "not infringing": the harmful error
    assert full.acc2_cross is not None and full.acc2_cross >= full.acc2_same - 0.10
    assert bare.acc2 >= full.acc2 - 0.10  # the hand tables are a supplement, not the engine


def test_trade_secret_held_out_copies_rank_above_same_topic_different_solutions() -> None:
    pairs = ev.load_secret_set(DATA / "trade_secret_eval_heldout.jsonl")
    assert len(pairs) >= 16 and {p.label for p in pairs} == {"copy", "different"}
    full = ev.evaluate_trade_secret(pairs)
    with ev.mode(tables=False):
        bare = ev.evaluate_trade_secret(pairs)
    assert full.auc >= 0.93
    assert full.auc_passages < 0.5  # the wording alone ranks them the wrong way round: the set is hard
    assert bare.auc >= full.auc - 0.10


def test_trademark_held_out_balanced_accuracy_floor_and_every_pair_cites_its_decision() -> None:
    pairs = ev.load_mark_set(DATA / "trademark_decisions_heldout.jsonl")
    dev = ev.load_mark_set(DATA / "trademark_decisions_dev.jsonl")
    assert len(pairs) + len(dev) >= 60 and sum(not p.expected for p in pairs + dev) >= 20
    key = lambda p: (p.mark, p.other, p.classes, p.other_classes)  # noqa: E731
    assert not {key(p) for p in pairs} & {key(p) for p in dev}
    full = ev.evaluate_trademark(pairs)
    with ev.mode(tables=False):
        bare = ev.evaluate_trademark(pairs)
    assert full.balanced >= 0.58
    assert full.by_difficulty["easy"] >= 0.95
    assert bare.balanced >= full.balanced - 0.10
    import json

    for line in (DATA / "trademark_decisions_heldout.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        assert d["citation"].strip() and isinstance(d["citation_verified"], bool)


def test_trademark_second_held_out_set_written_after_the_rules_were_set() -> None:
    """Written by another helper after the trademark rules were in place, and run once (64.1 %)."""
    pairs = ev.load_mark_set(DATA / "trademark_decisions_heldout2.jsonl")
    earlier = ev.load_mark_set(DATA / "trademark_decisions_heldout.jsonl") + ev.load_mark_set(
        DATA / "trademark_decisions_dev.jsonl")
    key = lambda p: (p.mark, p.other, p.classes, p.other_classes)  # noqa: E731
    assert len(pairs) >= 35 and not {key(p) for p in pairs} & {key(p) for p in earlier}
    full = ev.evaluate_trademark(pairs)
    assert full.balanced >= 0.60 and full.by_difficulty["easy"] >= 0.95


def test_patent_second_held_out_set_with_replacements_told_without_negation() -> None:
    """Written after the rules were set, half its non-infringing products told without any negation word;
    run once (72.2 % 2-way, copies missed 4 %); the same after the 2026-12-03 rules (72.2 / 52.8 / 4.0 %)."""
    items = ev.load_patent_set(DATA / "patent_eval_heldout2.json")
    earlier = ev.load_patent_set(DATA / "patent_eval_heldout.json") + ev.load_patent_set(DATA / "patent_eval_dev.json") \
        + ev.load_patent_set(DATA / "patent_eval_dev2.json")
    assert len(items) >= 36 and not {(i.claims, i.product) for i in items} & {(i.claims, i.product) for i in earlier}
    full = ev.evaluate_patent(items)
    assert full.acc2 >= 0.69 and full.acc3 >= 0.50 and full.missed_infringing <= 0.08


def test_patent_third_held_out_set_written_blind_after_the_contradiction_rules() -> None:
    """Written by a helper who saw neither the engine nor the development sets' results, at the same time as
    dev 3, and opened only once, by the lead, after the engine of 2026-12-03 was merged: 72.9 % 2-way, 52.1 %
    3-way, copies missed 3.2 % (48 products, 12 real claims, 11 of 17 non-infringing told without negation)."""
    items = ev.load_patent_set(DATA / "patent_eval_heldout3.json")
    others = [ev.load_patent_set(DATA / f"patent_eval_{s}.json") for s in ("dev", "dev2", "dev3", "heldout", "heldout2")]
    assert len(items) >= 48 and not {i.claims for i in items} & {i.claims for o in others for i in o}
    full = ev.evaluate_patent(items)
    assert full.acc2 >= 0.70 and full.acc3 >= 0.50 and full.missed_infringing <= 0.05


def test_the_third_development_set_shares_no_item_with_a_held_out_set() -> None:
    dev3 = ev.load_patent_set(DATA / "patent_eval_dev3.json")
    held = ev.load_patent_set(DATA / "patent_eval_heldout.json") + ev.load_patent_set(DATA / "patent_eval_heldout2.json")
    assert len(dev3) >= 48 and not {(i.claims, i.product) for i in dev3} & {(i.claims, i.product) for i in held}
    assert not {i.claims for i in dev3} & {i.claims for i in held}


def test_the_reputation_mode_gives_the_decisions_finding_as_staffs_input_and_only_inside_it(monkeypatch) -> None:
    """bench_accuracy's "reputation in" column: the pair's earlier_well_known reaches compare_marks as
    ``reputed`` inside the mode and never outside it (the engine alone does not see it)."""
    from qcy_workstation.precheck import trademark

    seen: list[bool] = []
    real = trademark.compare_marks

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(bool(kwargs.get("reputed")))
        return real(*args, **kwargs)

    monkeypatch.setattr(trademark, "compare_marks", spy)
    pair = ev.MarkPair("X1", "秦韵福星", "30", "秦韵坊", "30", True, "hard", "invented", reputed=True)
    ev.evaluate_trademark([pair])
    with ev.mode(reputation=True):
        ev.evaluate_trademark([pair])
    ev.evaluate_trademark([pair])
    assert seen == [False, True, False]
    assert any(p.reputed for p in ev.load_mark_set(DATA / "trademark_decisions_dev.jsonl"))
