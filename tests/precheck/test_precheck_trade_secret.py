"""Staff compare a client's secret process with material found at a former employee's new company."""

from __future__ import annotations

from qcy_workstation.precheck import compare_secret

SECRET = ("本配方的关键在于：将聚乙烯醇与淀粉按3:7的比例混合，加入0.5%的甘油作为增塑剂，在85摄氏度下搅拌40分钟。"
          "随后加入纳米二氧化硅2%，继续搅拌至均匀。干燥温度控制在60摄氏度，干燥时间为12小时。")
COPIED = ("我司工艺：将聚乙烯醇与淀粉按3:7的比例混合，加入0.5%的甘油作为增塑剂，在85摄氏度下搅拌45分钟。"
          "然后加入纳米二氧化硅2%，再搅拌到均匀。干燥温度控制在60摄氏度，干燥时间为12小时。成品采用铝箔袋包装。")
UNRELATED = "本公司生产的纸箱采用五层瓦楞纸，经模切、印刷、粘箱后出厂，适用于水果运输。"


def test_copied_passages_are_found_with_offsets_for_highlighting():
    r = compare_secret(SECRET, COPIED)
    assert r.similarity >= 70
    assert r.matches
    for m in r.matches:
        assert SECRET[m.secret_start:m.secret_end] == m.secret_text
        assert COPIED[m.suspect_start:m.suspect_end] == m.suspect_text
    assert any(m.method in ("exact", "near") for m in r.matches)


def test_unrelated_material_scores_low():
    r = compare_secret(SECRET, UNRELATED)
    assert r.similarity <= 10 and not r.matches


def test_reworded_english_sentences_are_matched():
    secret = "The coating is cured at 120 degrees for 30 minutes. The primer layer contains 5 percent zinc phosphate."
    suspect = "Our primer layer contains 5 percent of zinc phosphate. Cure the coating at 120 degrees for 30 minutes."
    r = compare_secret(secret, suspect)
    assert r.similarity >= 60


def test_public_domain_passages_are_left_out():
    public = "干燥温度控制在60摄氏度，干燥时间为12小时。"
    with_public = compare_secret(SECRET, COPIED, public_texts=[public])
    assert any(m.public for m in with_public.matches) or with_public.similarity <= compare_secret(SECRET, COPIED).similarity


def test_checklist_lists_recognised_measures_and_what_staff_still_need():
    r = compare_secret(SECRET, COPIED, measures=["员工入职签订保密协议", "配方文件加密存储，限定知悉范围"], access="前研发员工2024年离职后入职被诉方")
    items = {c.key: c for c in r.checklist}
    assert items["measures"].status == "indicated" and set(r.measures_found) == {"agreement", "marking"}
    assert items["access"].status == "indicated"
    assert items["commercial_value"].status == "missing"
    assert any("商业价值" in n for n in r.still_needed)
    assert any("离职" in n for n in r.still_needed)  # Art. 6 measures not yet evidenced
    keys = {c.key for c in r.citations}
    assert {"aucl_2019_art9", "spc_ts_2020_art6", "spc_ts_2020_art13", "spc_ts_2020_art14"} <= keys
    d = r.to_dict()
    assert d["kind"] == "trade_secret" and d["inputs"]["secret"] == SECRET
