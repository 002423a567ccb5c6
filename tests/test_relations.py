"""`loaders.relations`: what one short document becomes, edge by edge, and its pure helpers."""

from __future__ import annotations

import pytest

from graph.model import EdgeType, Label
from loaders import load_text
from loaders.relations import entity_id, sentences

TEXT = """关于促进数字经济发展的实施意见

一、构建创新体系
（一）支持企业创新。鼓励平台企业加大研发投入，依据《反垄断法》第二十二条规范竞争行为。引导金融机构支持平台企业。
（二）完善监管机制。建立健全数据安全制度。
"""


@pytest.fixture(scope="module")
def graph():
    return load_text(TEXT)


def test_every_extracted_edge_with_its_attributes_and_sentence(graph):
    doc = graph.documents[0].id
    m1, m2 = f"{doc}/part:1/measure:1", f"{doc}/part:1/measure:2"
    got = {(e.source, e.type, e.target): (dict(e.attrs), e.evidence, e.span) for e in graph.edges if e.evidence}
    first = "鼓励平台企业加大研发投入，依据《反垄断法》第二十二条规范竞争行为。"
    assert got == {
        (m1, EdgeType.INVOLVES, "actor:平台企业"): (
            {"roles": ("鼓励", "支持"), "role": "鼓励", "role_en": "encourage", "count": 2}, first, (36, 69)),
        (m1, EdgeType.CITES, "law:反垄断法"): ({"articles": (22,), "count": 1}, first, (36, 69)),
        (m1, EdgeType.INVOLVES, "actor:金融机构"): (
            {"roles": ("引导",), "role": "引导", "role_en": "guide", "count": 1}, "引导金融机构支持平台企业。", (69, 82)),
        (m2, EdgeType.ESTABLISHES, "mechanism:监管机制"): ({"count": 1}, "完善监管机制。", (86, 93)),
        (m2, EdgeType.MENTIONS, "concept:数据安全"): ({"count": 1}, "建立健全数据安全制度。", (93, 104)),
        (m2, EdgeType.ESTABLISHES, "mechanism:数据安全制度"): ({"count": 1}, "建立健全数据安全制度。", (93, 104)),
    }


def test_each_evidence_is_the_text_at_its_span(graph):
    text = graph.documents[0].text
    assert all(text[e.span[0]:e.span[1]] == e.evidence for e in graph.edges if e.evidence)


def test_the_outline_edges_carry_no_sentence(graph):
    doc = graph.documents[0].id
    outline = sorted((e.source, e.type, e.target) for e in graph.edges if not e.evidence)
    assert outline == [
        (doc, EdgeType.HAS_PART, f"{doc}/part:1"),
        (f"{doc}/part:1", EdgeType.HAS_MEASURE, f"{doc}/part:1/measure:1"),
        (f"{doc}/part:1", EdgeType.HAS_MEASURE, f"{doc}/part:1/measure:2"),
    ]


@pytest.mark.parametrize("label, name, expected", [
    (Label.ACTOR, "平台企业", "actor:平台企业"),
    (Label.LAW, "反垄断法", "law:反垄断法"),
    (Label.MECHANISM, "监管机制", "mechanism:监管机制"),
    (Label.PROGRAMME, "数字化改革", "programme:数字化改革"),
    (Label.CONCEPT, "数据安全", "concept:数据安全"),
])
def test_entity_ids_are_kind_and_name(label, name, expected):
    assert entity_id(label, name) == expected


@pytest.mark.parametrize("text, expected", [
    ("甲。乙；丙", [(0, 2), (2, 4), (4, 5)]),
    ("  甲！ \n乙？", [(2, 4), (6, 8)]),
    ("“好。”他说", [(0, 4), (4, 6)]),
    ("各市人民政府：\n现将", [(0, 7), (8, 10)]),
    ("", []),
])
def test_sentences_end_at_stops_and_line_breaks(text, expected):
    assert list(sentences(text)) == expected


def test_the_text_of_a_part_outside_any_item_links_its_entities_to_the_document():
    graph = load_text("关于加强某项工作的通知\n各市人民政府：\n一、积极引导人才到基层\n鼓励平台企业参与招聘。\n"
                      "二、加强组织领导\n各地要落实责任。")
    policy = graph.documents[0].id
    actors = {e.target for e in graph.edges if e.source == policy and e.type is EdgeType.INVOLVES}
    assert entity_id(Label.ACTOR, "平台企业") in actors
