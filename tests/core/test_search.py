"""Chinese-aware search: any substring that staff remember must find the case."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qcy_workstation.cases import search

HANZI = st.sampled_from(list("周至猕猴桃洛川苹果富平柿饼秦韵长安商标专利侵权地理标志商业秘密西安科技有限公司锂电池光伏"))
TEXT = st.lists(st.one_of(HANZI, st.sampled_from(list("ab12 ，。"))), min_size=1, max_size=40).map("".join)


def _matches(body: str, query: str) -> bool:
    """Evaluate a MATCH expression against an index body the way FTS5 does (phrases and prefixes)."""
    tokens = body.split()
    expr = search.match_expression(query)
    assert expr is not None
    for clause in expr.split(" AND "):
        prefix = clause.endswith("*")
        words = clause.rstrip("*").strip('"').split()
        found = False
        for i in range(len(tokens) - len(words) + 1):
            window = tokens[i : i + len(words)]
            if window[:-1] == words[:-1] and (
                window[-1].startswith(words[-1]) if prefix else window[-1] == words[-1]
            ):
                found = True
                break
        if not found:
            return False
    return True


@settings(max_examples=300, deadline=None)  # the first example loads zhconv (~0.3 s on a busy machine)
@given(TEXT, st.data())
def test_every_chinese_substring_of_a_document_matches_it(text: str, data) -> None:  # type: ignore[no-untyped-def]
    runs = [r for r in search._TOKEN.findall(search.normalise(text)) if search._is_cjk(r)]
    if not runs:
        return
    run = data.draw(st.sampled_from(runs))
    start = data.draw(st.integers(0, len(run) - 1))
    end = data.draw(st.integers(start + 1, min(len(run), start + 6)))
    assert _matches(search.index_body(text), run[start:end])


def test_a_query_that_is_not_in_the_text_does_not_match() -> None:
    body = search.index_body("周至猕猴桃地理标志被冒用")
    assert _matches(body, "猕猴")
    assert not _matches(body, "桃猕")
    assert not _matches(body, "苹果")


def test_queries_in_the_store(cases) -> None:  # type: ignore[no-untyped-def]
    from qcy_workstation.cases.dto import NewCase, PartyInput

    texts = ["洛川苹果地理标志被冒用", "锂电池极片涂布设备专利", "“秦韵”商标在第30类茶叶上被仿冒"]
    numbers = [cases.create(NewCase(title=t, ip_type="gi", applicant=PartyInput("某协会"))).number for t in texts]
    for t in texts:
        for size in (1, 2, 3, 6):
            q = t[1 : 1 + size]
            found = {r.number for r in cases.search(q)}
            expected = {n for n, other in zip(numbers, texts, strict=True) if q in other}
            assert found == expected, q
    assert len(cases.search("   ")) == 3  # a blank box means no text filter: the whole list
    assert cases.search("！？") == []


@pytest.mark.postgresql_only
def test_on_postgresql_rare_and_common_terms_find_the_same_cases_by_either_route(cases, consultations,
                                                                                 monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A rare term is looked up through the trigram index first (ids), a common one by walking the newest rows
    (``search.pg_condition``: common when the newest rows hold a page of it, or when the index has more than
    ``PROBE_CAP``): every route gives the same cases and consultations, newest first, with the same counts."""
    from qcy_workstation.cases.dto import CaseFilter, ConsultationFilter, NewCase, NewConsultation, PartyInput

    titles = ["洛川苹果地理标志被冒用", "周至猕猴桃地理标志冒用", "“秦韵”商标在第30类茶叶上被仿冒", "锂电池极片涂布设备专利",
              "富平柿饼地理标志", "周至猕猴桃包装盒外观设计"]
    for t in titles:
        cases.create(NewCase(title=t, ip_type="gi", applicant=PartyInput("周至县猕猴桃协会")))
        consultations.add(NewConsultation(channel="phone", enquirer="王经理", topic=t))
    queries = ["猕", "地理", "周至猕猴桃地", "标志 冒用", "不存在"]

    def answers() -> list[tuple[list[str], int, list[str], int]]:
        return [([r.title for r in cases.search(q)], cases.count(CaseFilter(text=q)),
                 [c.topic for c in consultations.list(ConsultationFilter(text=q))],
                 consultations.count(ConsultationFilter(text=q))) for q in queries]

    by_ids = answers()
    # A page of two wants four matches: a term holding four of the newest rows is common at once (the window).
    pages = [[r.title for r in cases.list(CaseFilter(text=q), limit=2)] for q in queries]
    assert pages == [found[:2] for found, _n, _c, _m in by_ids]
    monkeypatch.setattr(search, "PROBE_CAP", 0)  # every term that matches treated as common: the walk
    assert answers() == by_ids
    assert by_ids[2][0] == ["周至猕猴桃地理标志冒用"] and by_ids[2][1] == 1
    assert by_ids[0][0] == titles[::-1]  # every applicant is 周至县猕猴桃协会; newest first
    assert by_ids[4] == ([], 0, [], 0)
