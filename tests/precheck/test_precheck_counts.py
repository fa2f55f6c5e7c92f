"""Staff read a chart where the accused product has another number of a part, told positively ("three
prongs" for a claim's "four prongs"), with no negation anywhere: the engine no longer reads that feature
as present; it says the counts differ and asks staff to confirm both name the same part.

The claims and descriptions here are written for these tests (none is an evaluation item's wording)."""

from __future__ import annotations

from qcy_workstation.precheck import compare_claim
from qcy_workstation.precheck.counts import count_conflict, find_counts

RAKE = ("1. A garden rake comprising: a wooden shaft; a head fixed to one end of the shaft; "
        "the head carrying five curved prongs.")
RAKE_ZH = "1. 一种晾衣架，包括挂钩和横梁，其特征在于：所述横梁下方设有四根挂杆。"


def _row(result, word):
    return next(e for e in result.elements if word in e.element)


def test_another_count_of_the_same_part_is_not_the_claimed_feature():
    product = ("Lawn rake, 140 cm. Ash-wood shaft; at its lower end a fixed head with three curved prongs "
               "for leaves and moss. Lightweight, hang it on the shed wall.")
    r = compare_claim(RAKE, product)
    prongs = _row(r, "prongs")
    assert prongs.status == "missing" and prongs.basis == "count"
    assert prongs.needs_review, "the pairing of the nouns is a reading for staff, never a silent finding"
    assert "three curved prongs" in prongs.evidence
    assert "5" in prongs.note_en and "3" in prongs.note_en
    assert r.verdict == "not_infringing"


def test_the_claimed_count_in_other_words_is_still_a_copy():
    product = ("Lawn rake, 140 cm. Ash-wood shaft; at its lower end a fixed head with five curved tines "
               "for leaves and moss. Packed two rakes per box.")
    r = compare_claim(RAKE, product)
    assert not any(e.basis == "count" for e in r.elements)
    assert r.verdict in ("literal", "equivalent")


def test_a_chinese_count_with_its_classifier_is_compared():
    product = "落地晾衣架：顶部挂钩，挂钩下连一根横梁，横梁下面吊着两根挂杆，可挂衣服。"
    r = compare_claim(RAKE_ZH, product)
    rods = _row(r, "挂杆")
    assert rods.basis == "count" and rods.status == "missing" and rods.needs_review
    assert r.verdict == "not_infringing"
    same = "落地晾衣架：顶部挂钩，挂钩下连一根横梁，横梁下面吊着四根挂杆，可挂衣服。"
    assert compare_claim(RAKE_ZH, same).verdict in ("literal", "equivalent")


def test_open_counts_ordinals_and_subsets_are_not_counts_to_contradict():
    assert find_counts("至少两个卡扣") == ()
    assert find_counts("三个以上的存储腔") == ()
    assert find_counts("at least two hooks and three or more slots") == ()
    assert find_counts("第三根横杆") == ()
    # the claim names a subset of its own part ("三根横杆 … 其中两根横杆"): no count of the whole part
    claim = "三根横杆连接于竖杆；其中两根横杆的末端设有圆孔"
    assert count_conflict("其中两根横杆的末端设有圆孔", "竖杆上有三根横杆，两端的横杆末端有圆孔", claim) is None


def test_a_count_given_for_an_unrelated_thing_does_not_contradict():
    # "two packs" or a price is no count of the claim's prongs
    assert count_conflict("the head carrying five curved prongs",
                          "Sold in two packs of five curved prongs each.") is None
    assert count_conflict("the head carrying five curved prongs", "Comes with three spare handles.") is None
