"""Staff read a chart where the accused product differs in one feature without saying "we left it out":
a denied list, a part told the other way round, another shape in the same place.

The claims and descriptions here are written for these tests (none is an evaluation item's wording)."""

from __future__ import annotations

from qcy_workstation.precheck import compare_claim
from qcy_workstation.precheck.contrasts import contrast
from qcy_workstation.precheck.polarity import list_continuation
from qcy_workstation.precheck.tables import hand_tables_off

RACK = "1. A drying rack comprising: a frame standing on four feet; and a mesh panel carried by the frame, the mesh panel having a plurality of openings for airflow."


def _row(result, word):
    return next(e for e in result.elements if word in e.element)


def test_a_denial_covers_every_item_of_its_list():
    product = ("Folding drying rack, steel frame standing on four rubber feet. The panel is a smooth plastic board "
               "with no holes, slots or mesh, so it wipes clean.")
    r = compare_claim(RACK, product)
    mesh = _row(r, "mesh panel having")
    assert mesh.status == "missing" and mesh.basis == "stated_absent"
    assert "mesh" in mesh.evidence
    assert r.verdict == "not_infringing"
    assert list_continuation("slots or mesh,") and not list_continuation("so it wipes clean in seconds.")


def test_the_same_rack_with_its_mesh_is_still_read_as_a_copy():
    product = ("Folding drying rack, steel frame standing on four rubber feet. The frame carries a mesh panel full "
               "of small openings so air flows through the laundry.")
    r = compare_claim(RACK, product)
    assert r.verdict == "literal"
    assert not any(e.status == "missing" for e in r.elements)


def test_a_chinese_denial_of_a_list_reaches_its_later_items():
    claims = "1. 一种收纳盒，包括盒体和盒盖，其特征在于：所述盒盖通过磁铁吸合在盒体上。"
    product = "木质收纳盒，盒体方正，盒盖直接搭在盒体上，没有卡扣、铰链或磁铁，靠自重压住。"
    r = compare_claim(claims, product)
    magnet = _row(r, "磁铁")
    assert magnet.status in ("missing", "equivalent") and magnet.basis in ("stated_absent", "stated_replaced")
    assert r.verdict != "literal"


def test_a_lid_told_the_other_way_round_is_not_read_as_literal_but_put_to_staff():
    claims = "1. A serving bowl comprising: a round base; and a concave lid resting on the base and dipping into the bowl."
    product = "Serving bowl on a round foot. The lid is domed, bulging upward over the food, and simply rests on the rim."
    r = compare_claim(claims, product)
    lid = _row(r, "concave lid")
    # not the same feature; whether the domed lid still does the job is for staff: proposed as an
    # equivalent with its reason, flagged, never a confident "literal"
    assert lid.status == "equivalent" and lid.basis == "contradicted" and lid.needs_review
    assert "domed" in lid.note_en or "bulg" in lid.note_en
    assert "otherwise outside the scope" in lid.note_en
    assert r.verdict == "equivalent"
    assert any(x["index"] == lid.index for x in r.review)  # staff see it in the review list


def test_another_shape_in_the_same_place_is_proposed_as_an_equivalent_for_review():
    claims = "1. A comb comprising: a handle; and a row of semicircular teeth along one edge of the handle."
    product = "Pocket comb with a walnut handle; along one edge of the handle runs a row of small triangular teeth."
    r = compare_claim(claims, product)
    teeth = _row(r, "teeth")
    assert teeth.status == "equivalent" and teeth.basis == "substituted" and teeth.needs_review
    assert "triangular" in teeth.note_en and "semicircular" in teeth.note_en
    assert r.verdict == "equivalent"


def test_contrast_rules_need_one_part_told_one_way_only():
    # the description uses both poles (a raised rib and a recess): two parts, no contradiction
    assert contrast("所述盖面设有凹槽", "盖面上有一道凸筋，旁边压出凹槽", "盖面上有一道凸筋，旁边压出凹槽") is None
    # the claim itself names parts by both poles (上端 / 下端): position words are names there
    assert contrast("所述杯体上端设有凸缘", "杯体下端有一圈凸缘", claim="所述杯体上端设有凸缘；所述杯体下端设有底座") is None
    # a bare part name is no attribute
    assert contrast("外壁", "内壁光滑") is None
    c = contrast("所述杯体上端设有凸缘", "杯体下端有一圈凸缘")
    assert c is not None and (c.kind, c.claim_word, c.product_word) == ("opposite", "上端", "下端")
    with hand_tables_off():
        assert contrast("所述杯体上端设有凸缘", "杯体下端有一圈凸缘") is None
