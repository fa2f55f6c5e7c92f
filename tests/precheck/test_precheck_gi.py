"""Staff check a product label and the producer's region against the GI register."""

from __future__ import annotations

import json

from qcy_workstation.precheck import check_label, load_gi_register

# Measured 35/35 on 2026-11-24 (set partly written alongside the rules); floor below.
ACCURACY_FLOOR = 0.88


def test_accuracy_on_the_labelled_labels_stays_above_the_floor(gi_labels):
    assert len(gi_labels) >= 20
    right = 0
    for g in gi_labels:
        r = check_label(g["label"], g["region"])
        right += r.verdict == g["expected"] and (r.gi.name if r.gi else None) == g["gi"]
    assert right / len(gi_labels) >= ACCURACY_FLOOR


def test_register_ships_shaanxi_gis_with_route_and_an_honest_verified_flag():
    reg = load_gi_register()
    names = {g.name: g for g in reg.entries}
    for n in ("洛川苹果", "周至猕猴桃", "眉县猕猴桃", "富平柿饼", "临潼石榴", "旬邑苹果", "延安苹果", "大荔冬枣", "潼关肉夹馍",
              "西湖龙井", "阳澄湖大闸蟹", "五常大米", "贵州茅台酒"):
        assert n in names
    assert names["旬邑苹果"].certificate == "AGI02153" and names["旬邑苹果"].routes == ("agricultural_gi",)
    assert set(names["洛川苹果"].routes) == {"certification_mark", "agricultural_gi"}
    assert all(g.note for g in reg.entries if not g.verified)
    # no invented certificate numbers
    assert [g.certificate for g in reg.entries if g.certificate] == ["AGI02153"]


def test_qualifier_does_not_make_outside_use_lawful():
    r = check_label("洛川风味苹果", "甘肃省天水市")
    assert r.verdict == "misuse" and r.match.qualifiers == ("风味",)
    assert r.region_match == "outside"
    assert any(c.key == "trips_art23" for c in r.citations)


def test_producer_inside_the_area_may_use_the_name():
    r = check_label("洛川红富士苹果", "陕西省延安市洛川县")
    assert r.verdict == "lawful" and r.region_match == "inside" and r.gi.name == "洛川苹果"


def test_generic_variety_name_alone_is_not_the_gi():
    r = check_label("红富士苹果", "山东省烟台市")
    assert r.verdict == "lawful" and r.gi is None and "通用" in r.reason_zh


def test_english_rendering_is_found():
    r = check_label("Luochuan-style apples", "Shandong")
    assert r.verdict == "misuse" and r.match.how == "translation"


def test_region_above_the_protected_level_needs_review():
    r = check_label("洛川苹果", "陕西省")
    assert r.region_match == "partial" and r.needs_review


def test_staff_gi_file_is_merged_over_the_shipped_register(tmp_path):
    f = tmp_path / "gis.json"
    f.write_text(json.dumps({"gis": [{"id": "yangling-kiwi", "name": "杨凌猕猴桃", "place": "杨凌", "product": "猕猴桃",
                                        "area": {"province": "陕西省", "city": "咸阳市", "counties": ["杨凌区"]},
                                        "routes": ["collective_mark"], "verified": False, "note": "staff entry"}]},
                            ensure_ascii=False), encoding="utf-8")
    assert check_label("杨凌猕猴桃", "河南省").gi is None
    r = check_label("杨凌猕猴桃", "河南省", gi_file=f)
    assert r.verdict == "misuse" and r.gi.source == str(f)
    d = r.to_dict()
    assert d["gi"] == "杨凌猕猴桃" and d["disclaimer"] and str(f) in d["inputs"]["gi_sources"]
