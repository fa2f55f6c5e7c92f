"""Staff compare marks the way an examiner would: the distinctive part, one character, word order, a
Chinese mark and its pinyin, a translation found in the dictionary, and a well-known earlier mark."""

from __future__ import annotations

import pytest

from qcy_workstation.errors import ValidationError
from qcy_workstation.precheck import compare_marks
from qcy_workstation.precheck.tables import hand_tables_off


def _factors(r) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {f.name: f.score for f in r.factors}


def test_descriptive_words_added_to_the_distinctive_part_do_not_avoid_similarity() -> None:
    r = compare_marks("秦韵", "秦韵纳米科技", classes="1")
    assert "distinctive_part" in _factors(r) and r.likely_confusion
    assert any("显著部分" in f.text_zh for f in r.factors)


def test_marks_sharing_only_a_weak_word_are_not_similar_for_that_reason() -> None:
    r = compare_marks("秦韵空间", "汉风空间", classes="20")
    assert "weak_shared" in _factors(r)
    assert not r.likely_confusion


def test_three_characters_differing_in_one_without_a_meaning_of_their_own_are_similar() -> None:
    r = compare_marks("秦川韵", "秦川运", classes="30")
    assert _factors(r).get("one_character") == 80
    assert r.likely_confusion


def test_a_chinese_mark_and_its_bare_pinyin_follow_the_2001_standard() -> None:
    plain = compare_marks("秦韵", "QINYUN", classes="30")
    assert "pinyin_rule" in _factors(plain) and not plain.likely_confusion
    famous = compare_marks("秦韵", "QINYUN", classes="30", well_known=True)
    assert famous.likely_confusion  # unless the earlier mark is well known


def test_a_translation_is_found_in_the_dictionary_without_the_alias_table() -> None:
    with hand_tables_off():
        r = compare_marks("STARBUCKS", "星巴克", classes="43")
    f = _factors(r)
    assert f.get("meaning", 0) >= 90 and r.likely_confusion
    assert any("CC-CEDICT" in x.text_zh for x in r.factors)


def test_a_mark_on_the_well_known_list_is_compared_across_classes_and_the_letter_says_to_prove_it() -> None:
    r = compare_marks("耐克", "耐克", classes="25", other_classes="9")
    wk = next(f for f in r.factors if f.name == "well_known")
    assert "另行举证" in wk.text_zh and "must still be proved" in wk.text_en
    assert r.likely_confusion
    assert {c.article for c in r.citations} >= {"第13条", "第14条"}
    assert r.to_dict()["inputs"]["well_known_list"]["holder"]
    with hand_tables_off():  # the list is a table: without it, unrelated goods keep the marks apart
        assert not compare_marks("耐克", "耐克", classes="25", other_classes="9").likely_confusion


@pytest.mark.parametrize("kwargs,field", [
    ({"mark": "秦" * 10_000, "other": "秦韵"}, "mark"),
    ({"mark": "秦韵", "other": "x" * 10_000}, "other"),
    ({"mark": "", "other": "秦韵"}, "mark"),
    ({"mark": "秦韵", "other": "秦韵", "classes": "46"}, "classes"),
])
def test_bad_marks_and_classes_name_the_field(kwargs: dict[str, str], field: str) -> None:
    with pytest.raises(ValidationError) as e:
        compare_marks(**kwargs)
    assert e.value.field == field


def test_staff_extend_the_well_known_list_and_the_weak_words_with_their_own_files(tmp_path, monkeypatch) -> None:
    import json

    wk = tmp_path / "well_known.json"
    wk.write_text(json.dumps({"marks": [{"names": ["秦韵"], "holder": "西安秦韵茶业有限公司", "classes": ["30"],
                                         "source": "unverified"}]}, ensure_ascii=False), encoding="utf-8")
    weak = tmp_path / "weak.json"
    weak.write_text(json.dumps({"groups": [{"kind": "goods_name", "classes": ["30"], "words": ["茶庄"]}]},
                               ensure_ascii=False), encoding="utf-8")
    assert not compare_marks("秦韵", "秦韵", classes="30", other_classes="9").likely_confusion
    monkeypatch.setenv("QCY_WELL_KNOWN", str(wk))
    monkeypatch.setenv("QCY_WEAK_WORDS", str(weak))
    r = compare_marks("秦韵", "秦韵", classes="30", other_classes="9")
    assert r.likely_confusion and "西安秦韵茶业有限公司" in next(f.text_zh for f in r.factors if f.name == "well_known")
    r = compare_marks("汉风", "汉风茶庄", classes="30")
    assert "distinctive_part" in _factors(r)


def test_a_homophone_of_the_dictionary_chinese_name_of_a_foreign_mark_is_similar() -> None:
    with hand_tables_off():  # no alias table: CC-CEDICT names LAND ROVER 路虎; 陸虎 (陆虎) sounds the same
        r = compare_marks("LAND ROVER", "陸虎", classes="12")
    assert _factors(r).get("meaning") == 85 and r.likely_confusion


# --- issue 10: the rules examiners and courts turn on, each as staff would meet it ----------------------


def test_a_sign_differing_only_in_a_clearly_different_first_character_is_kept_for_review_not_called_similar() -> None:
    # 秦川韵 / 汉川韵: three characters, one different, but it is the first one (qin / han, another shape)
    r = compare_marks("秦川韵", "汉川韵", classes="30")
    assert "first_character" in _factors(r) and "one_character" not in _factors(r)
    assert not r.likely_confusion and r.needs_review and r.to_dict()["needs_review"] is True
    assert "首字" in next(f.text_zh for f in r.factors if f.name == "first_character")
    # the same difference in the middle is the one-character rule's similar case
    assert compare_marks("秦川韵", "秦山韵", classes="30").likely_confusion


def test_a_reputed_earlier_mark_lifts_the_first_character_exception() -> None:
    plain = compare_marks("秦川韵", "汉川韵", classes="30")
    reputed = compare_marks("秦川韵", "汉川韵", classes="30", reputed=True)
    assert reputed.mark_similarity > plain.mark_similarity
    assert reputed.to_dict()["inputs"]["reputed"] is True


def test_latin_marks_that_read_as_pinyin_follow_the_first_syllable_rule() -> None:
    r = compare_marks("LEXIANGJIA", "HUXIANGJIA", classes="30")  # le-xiang-jia / hu-xiang-jia
    assert "first_character" in _factors(r) and not r.likely_confusion


def test_foreign_words_with_a_letter_or_two_changed_and_the_same_sound_frame_are_similar() -> None:
    r = compare_marks("BORALIN", "BORELYN", classes="7")
    assert _factors(r).get("letter_sound", 0) >= 70 and r.likely_confusion
    assert "letter_sound" not in _factors(compare_marks("BORALIN", "CORALIN", classes="7"))  # another first letter


def test_a_one_character_earlier_mark_inside_a_short_sign_is_contained_unless_a_word_absorbs_it() -> None:
    r = compare_marks("翊", "金翊", classes="33")
    assert "containment" in _factors(r) and r.likely_confusion
    word = compare_marks("贵", "贵族", classes="33")  # 贵族 is a word of its own (nobility)
    assert "containment" not in _factors(word) and not word.likely_confusion


def test_a_longer_sign_with_its_own_distinctive_part_depends_on_the_earlier_marks_reputation() -> None:
    r = compare_marks("卡维特", "鑫磊卡维特酒庄", classes="33")
    f = next(x for x in r.factors if x.name == "own_distinctive_part")
    assert "鑫磊" in f.text_zh and "第10条" in f.text_zh and "Art. 10" in f.text_en
    assert not r.likely_confusion and r.needs_review
    assert compare_marks("卡维特", "鑫磊卡维特酒庄", classes="33", reputed=True).likely_confusion
    # a place name, the goods and the enterprise form added do not give the sign a part of its own
    plain = compare_marks("卡维特", "香港卡维特酒业集团", classes="33")
    assert "own_distinctive_part" not in _factors(plain) and plain.likely_confusion


def test_a_place_and_goods_mark_cannot_stop_others_stating_where_their_goods_come_from() -> None:
    r = compare_marks("洛川苹果", "洛川特产苹果", classes="31")
    assert "place_fair_use" in _factors(r) and not r.likely_confusion and r.needs_review
    assert any(c.article == "第59条第1款" for c in r.citations)


def test_a_reputed_three_character_mark_reaches_a_sign_keeping_its_leading_characters() -> None:
    assert not compare_marks("秦韵坊", "秦韵福星", classes="30").likely_confusion
    r = compare_marks("秦韵坊", "秦韵福星", classes="30", reputed=True)
    assert "reputation_scope" in _factors(r) and r.likely_confusion
    # two-character marks sharing one character are too common for it, however well known
    assert "reputation_scope" not in _factors(compare_marks("秦韵", "秦风", classes="30", reputed=True))


def test_the_pinyin_rule_cites_the_2001_standard() -> None:
    r = compare_marks("秦韵", "QINYUN", classes="30")
    assert any("2001" in c.version for c in r.citations) and r.needs_review


def test_staff_say_on_the_command_line_that_the_earlier_mark_is_reputed(capsys) -> None:
    import json

    from qcy_workstation.cli import main

    base = ["precheck", "trademark", "--mark", "卡维特", "--classes", "33", "--other", "鑫磊卡维特酒庄", "--json"]
    assert main(base) == 0
    plain = json.loads(capsys.readouterr().out)
    assert plain["likely_confusion"] is False and plain["needs_review"] is True
    assert main(base + ["--reputed"]) == 0
    reputed = json.loads(capsys.readouterr().out)
    assert reputed["likely_confusion"] is True and reputed["inputs"]["reputed"] is True
