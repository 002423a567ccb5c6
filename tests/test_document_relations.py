"""Relations between documents: IMPLEMENTS (为贯彻落实《X》, 根据《X》…) and AMENDS (修订, 废止, 同时废止),
from the Policy node to the cited document, each with its sentence; and the document network they feed."""

from __future__ import annotations

import pytest
from conftest import shared_path

from graph.embedded import EmbeddedStore
from graph.model import EdgeType
from loaders import load_paths, load_text
from loaders.citations import find_document_relations


@pytest.mark.parametrize("text, expected", [
    ("为贯彻落实《国务院关于加强数字政府建设的指导意见》，结合本省实际，制定本方案。",
     [("implements", "", "国务院关于加强数字政府建设的指导意见", "")]),
    ("为深入贯彻落实《关于促进平台经济规范健康发展的指导意见》（国办发〔2019〕38号），现提出如下意见。",
     [("implements", "", "关于促进平台经济规范健康发展的指导意见", "国办发〔2019〕38号")]),
    ("为了优化营商环境，根据《优化营商环境条例》等法律法规，结合本市实际，制定本条例。",
     [("implements", "", "优化营商环境条例", "")]),
    ("依据《中华人民共和国数据安全法》《中华人民共和国网络安全法》，制定本办法。",
     [("implements", "", "中华人民共和国数据安全法", ""), ("implements", "", "中华人民共和国网络安全法", "")]),
    ("按照《中华人民共和国行政许可法》的规定，制定本规定。", [("implements", "", "中华人民共和国行政许可法", "")]),
    ("为落实《杭州市数字经济促进条例》和《浙江省数字经济促进条例》，制定本计划。",
     [("implements", "", "杭州市数字经济促进条例", ""), ("implements", "", "浙江省数字经济促进条例", "")]),
    ("第十二届全国人民代表大会常务委员会第三十次会议决定修订《中华人民共和国反不正当竞争法》。",
     [("amends", "amends", "中华人民共和国反不正当竞争法", "")]),
    ("决定对《中华人民共和国电子商务法》作如下修改：", [("amends", "amends", "中华人民共和国电子商务法", "")]),
    ("本条例自2021年3月1日起施行。《浙江省信息化促进条例》同时废止。",
     [("amends", "repeals", "浙江省信息化促进条例", "")]),
    ("本办法自发布之日起施行，《某省企业信用管理办法》（某政发〔2010〕3号）同时废止。",
     [("amends", "repeals", "某省企业信用管理办法", "某政发〔2010〕3号")]),
    ("决定废止《某市促进中小企业发展若干规定》。", [("amends", "repeals", "某市促进中小企业发展若干规定", "")]),
    ("为了持续优化营商环境，根据国务院《优化营商环境条例》，结合本市实际情况，制定本条例。",
     [("implements", "", "优化营商环境条例", "")]),
    ("第一条 为了实施《中华人民共和国气象法》，结合本市实际情况，制定本办法。", [("implements", "", "中华人民共和国气象法", "")]),
    ("为了推进监察工作规范化、法治化，根据宪法和《中华人民共和国监察法》，制定本法。",
     [("implements", "", "中华人民共和国监察法", "")]),
    # cited, but neither implemented nor amended
    ("违反《中华人民共和国反垄断法》第二十二条规定的，依法处理。", []),
    ("根据有关法律、行政法规，结合本省实际，制定本条例。", []),
    ("现将《关于加强数字贸易的若干意见》印发给你们，请认真贯彻执行。", []),
    ("当事人直接向海事法院提起诉讼的，告知当事人依照《中华人民共和国劳动争议调解仲裁法》的规定处理。", []),
])
def test_find_document_relations(text, expected):
    assert [(r.kind, r.action, r.title, r.number) for r in find_document_relations(text)] == expected


REGULATION = """某市促进条例

第一章 总则

第一条 为了促进发展，根据《中华人民共和国中小企业促进法》和《优化营商环境条例》，结合本市实际，制定本条例。

第二条 市人民政府负责组织实施本条例，依据《某市发展规划》推进工作。

第三条 本条例自2024年1月1日起施行。《某市促进中小企业发展若干规定》同时废止。
"""


def _relations(graph):
    doc_id = graph.documents[0].id
    return sorted((e.type.value, e.target, e.attrs.get("action", ""), e.source == doc_id)
                  for e in graph.edges if e.type in (EdgeType.IMPLEMENTS, EdgeType.AMENDS))


def test_relations_are_read_in_the_first_and_last_articles_and_start_at_the_policy_node():
    graph = load_text(REGULATION, "regulation.txt")
    assert _relations(graph) == [
        ("AMENDS", "law:某市促进中小企业发展若干规定", "repeals", True),
        ("IMPLEMENTS", "law:中小企业促进法", "", True),
        ("IMPLEMENTS", "law:优化营商环境条例", "", True),
    ]  # 第二条's 依据《某市发展规划》 is a middle article: it is cited, not implemented
    text = graph.documents[0].text
    for e in graph.edges:
        if e.type in (EdgeType.IMPLEMENTS, EdgeType.AMENDS):
            assert e.evidence and text[e.span[0]:e.span[1]] == e.evidence, e


def test_a_preamble_implementing_a_policy_document_links_to_it_by_its_number():
    text = ("关于促进某业发展的实施意见\n\n为贯彻落实《国务院办公厅关于促进某业发展的指导意见》（国办发〔2020〕9号），"
            "现提出如下实施意见。\n\n一、总体要求\n\n（一）加强统筹。各地要加强统筹。\n")
    graph = load_text(text, "opinion.txt")
    [edge] = [e for e in graph.edges if e.type is EdgeType.IMPLEMENTS]
    target = next(n for n in graph.nodes if n.id == edge.target)
    assert edge.target == "policydoc:国办发〔2020〕9号" and target.attrs["issuer"] == "国务院办公厅"
    assert "为贯彻落实《国务院办公厅关于促进某业发展的指导意见》" in edge.evidence


def _business_environment():
    names = ("business-environment-regulation-2019.md", "shanghai-business-environment-regulation-2024.md",
             "yunfu-business-environment-regulation-2023.md")
    return load_paths([shared_path("corpus", name) for name in names])


def test_document_network_links_the_local_regulations_to_the_national_one():
    rows = EmbeddedStore(_business_environment()).query("document_network")
    implements = sorted((r["source_title"], r["target_title"]) for r in rows if r["type"] == "IMPLEMENTS")
    assert implements == [("上海市优化营商环境条例", "优化营商环境条例"), ("云浮市优化营商环境条例", "优化营商环境条例")]
    assert all("根据《优化营商环境条例》" in r["evidence"] for r in rows if r["type"] == "IMPLEMENTS")


def test_a_repealed_regulation_is_an_amends_edge_on_the_shared_corpus():
    graph = load_paths([shared_path("corpus", "zhejiang-digital-economy-regulation-2020.md")])
    assert [(e.target, e.attrs["action"]) for e in graph.edges if e.type is EdgeType.AMENDS] == [
        ("law:浙江省信息化促进条例", "repeals")]


@pytest.mark.bolt
def test_the_document_network_is_the_same_on_neo4j(bolt_settings):
    from graph.bolt_testserver import wipe

    from graph.neo4j_store import Neo4jStore

    graph = _business_environment()
    neo = Neo4jStore.connect(bolt_settings)
    wipe(neo)
    neo.load(graph)
    rows = neo.query("document_network")
    assert rows == EmbeddedStore(graph).query("document_network")
    assert {r["type"] for r in rows} == {"CITES", "IMPLEMENTS"}
    wipe(neo)
