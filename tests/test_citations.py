"""Citations: laws, policy documents by 文号, article references."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from graph.model import EdgeType, Label
from loaders import load_paths, load_text
from loaders.citations import cn_number, find_article_refs, find_bare_laws, find_policy_documents, law_kind
from loaders.reading import read_path

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
LAWS = ["anti-monopoly-law-2022.md", "anti-unfair-competition-law-2019.md", "data-security-law-2021.md",
        "e-commerce-law-2018.md"]


def corpus_file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing (CI is set)")
        pytest.skip(f"{path} is absent: the shared corpus is not mounted")
    return path


@pytest.mark.parametrize("numeral, value", [("一", 1), ("十", 10), ("十七", 17), ("二十二", 22), ("一百", 100),
                                            ("一百零五", 105), ("一百二十三", 123), ("一千二百六十", 1260), ("38", 38)])
def test_cn_number(numeral, value):
    assert cn_number(numeral) == value


@pytest.mark.parametrize("title, kind", [
    ("反垄断法", "law"), ("优化营商环境条例", "regulation"), ("网络交易监督管理办法", "rules"),
    ("国务院关于深化预算管理制度改革的决定", None), ("关于促进平台经济规范健康发展的指导意见", None),
    ("浙江省人民政府办公厅关于加快数字经济发展的通知", None),
])
def test_law_or_policy_document(title, kind):
    assert law_kind(title) == kind


def test_policy_document_with_its_number_is_a_policy_document_not_a_law():
    text = "依据《关于促进平台经济规范健康发展的指导意见》（国办发〔2019〕38号）和《国务院关于深化预算管理制度改革的决定》"
    assert [(c.title, c.number, c.key) for c in find_policy_documents(text)] == [
        ("关于促进平台经济规范健康发展的指导意见", "国办发〔2019〕38号", "国办发〔2019〕38号"),
        ("国务院关于深化预算管理制度改革的决定", "", "国务院关于深化预算管理制度改革的决定")]
    doc = ("浙江省人民政府关于加快数字经济发展的实施意见\n\n为加快数字经济发展，提出如下意见。\n\n一、重点任务\n\n（一）加强保障。\n\n"
           f"1.完善规则。{text}，落实《中华人民共和国反垄断法》第二十二条。\n")
    graph = load_text(doc)
    assert {n.name for n in graph.nodes_of(Label.LAW)} == {"反垄断法"}
    policy = {n.id: n for n in graph.nodes_of(Label.POLICY_DOCUMENT)}
    assert set(policy) == {"policydoc:国办发〔2019〕38号", "policydoc:国务院关于深化预算管理制度改革的决定"}
    assert policy["policydoc:国办发〔2019〕38号"].attrs["title"] == "关于促进平台经济规范健康发展的指导意见"
    assert policy["policydoc:国务院关于深化预算管理制度改革的决定"].attrs["issuer"] == "国务院"
    cites = {graph.node(e.target).name: e for e in graph.edges_of(EdgeType.CITES)}
    assert cites["反垄断法"].attrs["articles"] == (22,)
    assert "国办发〔2019〕38号" in cites["关于促进平台经济规范健康发展的指导意见"].evidence


def test_article_references_in_text():
    text = "违反本法第十七条、第十八条第一款、第十九条规定的，依照前款处理；适用本条例第三十二条至第三十四条。"
    assert [(r.law, r.article, r.paragraph) for r in find_article_refs(text)] == [
        ("", 17, ""), ("", 18, "1"), ("", 19, ""), ("", 0, "前款"), ("", 32, ""), ("", 33, ""), ("", 34, "")]
    assert [(r.law, r.article) for r in find_article_refs("依照《中华人民共和国反垄断法》第二十二条处理")] == [("反垄断法", 22)]
    assert find_article_refs("第十条 国家建立健全制度。") == []  # a heading, not a reference


def test_a_law_named_without_brackets_before_an_article_is_cited_with_it():
    text = "应当依照刑法第四百条第一款的规定追究刑事责任；违反中华人民共和国个人信息保护法第十条"
    assert [(r.law, r.article, r.paragraph) for r in find_article_refs(text)] == [
        ("刑法", 400, "1"), ("个人信息保护法", 10, "")]
    assert find_bare_laws(text) == [("刑法", 4, 6), ("个人信息保护法", 25, 39)]
    # only right after a citing verb, so no other words join the name; this document and 办法 are no law
    assert find_bare_laws("毒品数量达到刑法第三百四十七条规定的标准；依照本条例第三条；按照办法第二条") == []
    graph = load_text("依照刑法第四百条的规定处理。", source="interpretation.txt")
    cites = [e for e in graph.edges if e.type == EdgeType.CITES and e.target == "law:刑法"]
    assert len(cites) == 1 and cites[0].attrs["articles"] == (400,)


def _self_refs(text: str) -> list[int]:
    numeral = r"[零〇一二三四五六七八九十百千]+"
    chains = re.findall(rf"本(?:法|条例)((?:第{numeral}条(?:第{numeral}款)?[、和或者及至]*)+)", text)
    return [cn_number(n) for chain in chains for n in re.findall(rf"第({numeral})条", chain)]


@pytest.mark.parametrize("name", LAWS)
def test_every_self_reference_of_the_laws_is_found(name):
    text = read_path(corpus_file(name)).text
    expected = _self_refs(text)
    assert expected, "each of these laws refers to its own articles"
    found = [r.article for r in find_article_refs(text) if not r.law and r.article]
    assert all(n in found for n in expected)


@pytest.mark.parametrize("name", LAWS)
def test_self_references_are_article_edges(name):
    graph = load_paths([corpus_file(name)])
    articles = {n.id for n in graph.nodes_of(Label.ARTICLE)}
    assert articles
    doc_id = graph.documents[0].id
    refs = {(e.source, e.target) for e in graph.edges_of(EdgeType.REFERS_TO)}
    targets = {t for _, t in refs}
    text = read_path(corpus_file(name)).text
    assert {f"{doc_id}/article:{n}" for n in _self_refs(text)} <= targets
    assert all(s in articles and t in articles for s, t in refs)
