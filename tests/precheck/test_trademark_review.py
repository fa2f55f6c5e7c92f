"""Issue 10: the trademark pre-check says "needs review", with its reasons, where the examiners' rules turn on
facts the words cannot show; it answers confidently elsewhere.

The classes were chosen on the development decisions only; the held-out floors below sit a little under the
figures of the one held-out run recorded in benchmarks/RESULTS.md ("Pre-check 2: abstention"), so that a
regression fails. They are far from the issue's targets: the abstention does not make the held-out hard pairs
predictable (see RESULTS.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qcy_workstation.precheck import evaluation as ev
from qcy_workstation.precheck.common import load_data
from qcy_workstation.precheck.trademark import compare_marks
from qcy_workstation.precheck.trademark_calibration import calibration, fit, probability
from qcy_workstation.precheck.trademark_review import FACTS

DATA = Path(__file__).resolve().parents[1] / "data" / "precheck"


def _codes(res) -> list[str]:  # type: ignore[no-untyped-def]
    return [r.code for r in res.review_reasons]


@pytest.mark.parametrize(("split", "cov_hard", "sel_hard"), [("heldout", 0.40, 0.50), ("heldout2", 0.45, 0.60)])
def test_held_out_coverage_and_selective_accuracy_floors(split: str, cov_hard: float, sel_hard: float) -> None:
    pairs = ev.load_mark_set(DATA / f"trademark_decisions_{split}.jsonl")
    full = ev.evaluate_trademark(pairs)
    assert full.coverage["hard"] >= cov_hard and full.selective["hard"] is not None
    assert full.selective["hard"] >= sel_hard
    # easy pairs (identical marks, unrelated words) are answered, and answered right
    assert full.coverage["easy"] >= 0.95 and full.selective["easy"] >= 0.95
    with ev.mode(tables=False):
        bare = ev.evaluate_trademark(pairs)
    assert bare.coverage["easy"] >= 0.95 and bare.selective["easy"] >= 0.95
    assert bare.selective["hard"] is not None and bare.selective["hard"] >= full.selective["hard"] - 0.10


def test_two_character_marks_one_character_apart_go_to_review_with_the_guideline_cited() -> None:
    """海天 / 每天 (dev MD38): the guideline's one-character rule is for three or more characters; two
    characters turn on reputation and use."""
    res = compare_marks("海天", "每天", classes="30")
    assert res.needs_review and _codes(res) == ["one_character"]
    d = res.to_dict()
    reason = d["review_reasons"][0]
    assert reason["source"] == "cnipa_tm_guideline_similarity"
    assert set(reason["facts"]) == {"reputation", "use", "get_up"}
    assert "商标审查审理指南" in reason["text_zh"] and "知名度" in reason["text_zh"]
    assert "reputation" in d["review_facts_en"]
    assert "cnipa_tm_guideline_similarity" in {c["key"] for c in d["citations"]}
    # the score, the answer it leans to, the risk and the factors stay in the output
    assert {"score", "likely_confusion", "risk", "factors"} <= d.keys()


def test_look_alike_characters_are_answered_without_review() -> None:
    res = compare_marks("雪碧", "雷碧", classes="32")
    assert res.likely_confusion and not res.needs_review


def test_identical_marks_on_the_same_goods_are_answered_confidently() -> None:
    res = compare_marks("山楂树下", "山楂树下", classes="32")
    assert res.likely_confusion and not res.needs_review and res.to_dict()["review_reasons"] == []


def test_dissimilar_goods_need_the_reputation_which_only_staff_can_state() -> None:
    """IPHONE on leather goods (dev MD03): the well-known list cannot know the filing date."""
    res = compare_marks("IPHONE", "IPHONE", classes="9", other_classes="18")
    assert "cross_class_reputation" in _codes(res)
    assert res.to_dict()["review_reasons"][0]["source"] == "trademark_law_13"
    claimed = compare_marks("IPHONE", "IPHONE", classes="9", other_classes="18", well_known=True)
    assert "cross_class_reputation" not in _codes(claimed)  # staff stated it: the Art. 13 factor says "to prove"
    assert any(f.name == "well_known" for f in claimed.factors)


def test_chinese_against_its_pinyin_and_against_an_unrelated_foreign_word() -> None:
    res = compare_marks("硕涵", "SHUOHAN", classes="20")
    assert _codes(res) == ["pinyin_vs_chinese"] and res.review_reasons[0].source == "tmo_pinyin_standard_2001"
    foreign = compare_marks("PENFOLDS", "克里斯奔富酒王", classes="33")
    assert "cross_script" in _codes(foreign)


def test_a_short_mark_inside_a_longer_sign_turns_on_its_reputation_and_fair_use() -> None:
    res = compare_marks("茅", "金茅", classes="33")
    assert "short_mark_contained" in _codes(res)
    assert {"reputation", "fair_use"} <= set(res.review_reasons[0].facts)
    assert all(f in FACTS for r in res.review_reasons for f in r.facts)


def test_the_fitted_rule_is_fitted_on_the_development_file_and_does_not_replace_the_general_rule() -> None:
    import hashlib

    cal = calibration()
    dev = DATA / "trademark_decisions_dev.jsonl"
    assert cal["fitted_on"]["sha256"] == hashlib.sha256(dev.read_bytes()).hexdigest()
    # the fitted rules did not beat the general threshold in leave-one-out on the development set,
    # so likely_confusion stays the general rule (the benchmark reports the fitted ones on held-out)
    assert max(cal["threshold"]["dev_loo_balanced"], cal["weights"]["dev_loo_balanced"]) < cal["rule"]["dev_balanced"]
    assert load_data("trademark_calibration.json")["features"][0] == "constant"
    res = compare_marks("星巴克", "星巴克", classes="43")
    assert probability(res) > 0.5 and probability(res, "threshold") > 0.5
    low = compare_marks("金麦穗", "蓝鲸", classes="30")
    assert probability(low) < 0.5


def test_the_logistic_fit_finds_a_threshold_in_separable_scores() -> None:
    class R:  # a result with only what the features read
        def __init__(self, score: int) -> None:
            self.score, self.mark_similarity, self.factors, self.inputs = score, score, (), {}
            self.goods = type("G", (), {"score": 80})()

    results = [R(s) for s in (10, 20, 30, 40, 70, 80, 90, 95)]
    out = fit(results, [False] * 4 + [True] * 4)
    assert 40 < out["threshold"]["score"] < 70
    assert out["threshold"]["dev_loo_balanced"] == 1.0


def test_the_same_sound_written_with_other_characters_goes_to_review() -> None:
    """今礼来 / 金利来 (not similar) and 倍芬 / 贝分 (similar), dev MD09 and MD20: the guideline makes sound decide
    together with a similar form; with other characters the outcome turns on meaning, writing and reputation."""
    for earlier, later in (("金利来", "今礼来"), ("贝分", "倍芬")):
        res = compare_marks(earlier, later, classes="25")
        assert "same_sound" in _codes(res), (earlier, later)
        reason = next(r for r in res.review_reasons if r.code == "same_sound")
        assert reason.source == "cnipa_tm_guideline_similarity" and "读音相同" in reason.text_zh
    # a look-alike character with the same sound is the guideline's plain case: answered
    assert "same_sound" not in _codes(compare_marks("脈動", "脉动", classes="32"))


def test_a_kept_leading_part_scored_dissimilar_turns_on_the_earlier_marks_reputation() -> None:
    """恒源祥 / 恒源彩羊 (dev MD24): SPC interpretation Art. 10(3)."""
    res = compare_marks("恒源祥", "恒源彩羊", classes="25")
    assert not res.likely_confusion and "leading_part_kept" in _codes(res)
    assert res.review_reasons[0].source == "spc_tm_interp_art10"
    # one shared first character is too common to raise it (海尔 / 海信 is reviewed for another reason only)
    assert "leading_part_kept" not in _codes(compare_marks("海尔", "海信", classes="7"))


def test_pinyin_letters_one_syllable_apart_are_compared_like_two_characters() -> None:
    """SANWEI / SAN-EI (dev MD11): letters that spell pinyin are read the Chinese way (san-wei / san-ei); two
    syllables, one different, have no general rule, however alike the letters look."""
    res = compare_marks("SAN-EI", "SANWEI", classes="28")
    assert "one_character" in _codes(res)


def test_the_guidelines_one_character_rule_answers_without_review() -> None:
    """护舒宝 / 护士宝 (dev MD18) and MYSERVICE / MiService (dev MD28): three or more characters, or four or more
    letters, one different but not the first, no different meaning of the whole mark: similar in principle."""
    for earlier, later, cls in (("护舒宝", "护士宝", "5"), ("MYSERVICE", "MiService", "9"), ("ADIDAS", "ADIDOS", "25")):
        res = compare_marks(earlier, later, classes=cls)
        assert res.likely_confusion and not res.needs_review, (earlier, later, _codes(res))


def test_a_foreign_name_linked_other_than_by_a_dictionary_entry_needs_the_correspondence_proved() -> None:
    """LAFITE / 拉菲庄园 (alias table, part of the sign) and LAND ROVER / 陸虎 (a rendering by sound of CC-CEDICT's
    路虎), dev MD12 and MD13: decided on evidence that the public linked them before the filing date."""
    for earlier, later in (("LAFITE", "拉菲庄园"), ("LAND ROVER", "陸虎")):
        res = compare_marks(earlier, later, classes="33")
        assert res.likely_confusion and "correspondence_by_use" in _codes(res), (earlier, later)
    # CC-CEDICT's own entry for the whole Chinese mark (a general dictionary: the public knows it) is answered
    for earlier, later in (("APPLE", "苹果"), ("STARBUCKS", "星巴克")):
        res = compare_marks(earlier, later, classes="9" if earlier == "APPLE" else "43")
        assert res.likely_confusion and "correspondence_by_use" not in _codes(res), (earlier, later)
