"""Citations: laws, policy documents by 文号, article references."""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest

from graph.model import EdgeType, Label
from loaders import load_paths, load_text
from loaders.citations import (clean_title, cn_number, find_aliases, find_article_refs, find_bare_laws,
                               find_document_relations, find_law_numbers, find_policy_documents, law_kind)
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
    # a trial version is still a law; a kind word alone is a short name for a title named before
    ("中华人民共和国某某法（试行）", "law"), ("某省某某管理办法(暂行)", "rules"), ("条例", None), ("细则", None),
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


# An implementing 办法 of a regulation, in the shape such rules take: the regulation is given a short
# name in the first article and cited by it later, article by article.
IMPLEMENTING_RULES = """某某经营备案管理办法

第一条 为加强对某某经营活动的管理，根据《某某经营管理条例》（以下简称《条例》）和《某某条例实施细则》（2012年修订，以下简称《细则》）的有关规定，制定本办法。

第二条 备案机关依照《条例》第八条、第九条和《细则》第7条办理备案。

第三条 违反本办法规定的，依照《条例》第二十五条处理。
"""


def test_a_short_name_given_in_brackets_stands_for_the_full_title():
    assert find_aliases(IMPLEMENTING_RULES) == {"条例": "某某经营管理条例", "细则": "某某条例实施细则"}
    aliases = find_aliases(IMPLEMENTING_RULES)
    assert [(r.law, r.article) for r in find_article_refs("依照《条例》第八条、第九条处理", aliases)] == [
        ("某某经营管理条例", 8), ("某某经营管理条例", 9)]
    assert find_article_refs("依照《条例》第八条处理") == []  # no short name given: 《条例》 names no law


def test_a_short_name_is_no_law_of_its_own_and_its_articles_are_the_full_titles():
    graph = load_text(IMPLEMENTING_RULES, "rules.txt")
    assert {n.name for n in graph.nodes_of(Label.LAW)} == {"某某经营管理条例", "某某条例实施细则"}
    doc = graph.documents[0].id
    cites = {(e.source.removeprefix(doc), e.target): e.attrs.get("articles") for e in graph.edges_of(EdgeType.CITES)}
    assert cites == {
        ("/article:1", "law:某某经营管理条例"): None, ("/article:1", "law:某某条例实施细则"): None,
        ("/article:2", "law:某某经营管理条例"): (8, 9), ("/article:2", "law:某某条例实施细则"): (7,),
        ("/article:3", "law:某某经营管理条例"): (25,)}


def test_a_law_cited_with_its_number_is_one_node_carrying_the_number():
    text = ("根据《中华人民共和国预算法》及《某省省级专项资金管理办法》（某政发〔2017〕13号）、"
            "《某市关于全面实施绩效管理的实施意见》（某委发〔2019〕22号）和《某某条例》（国务院令第8号）等有关规定")
    assert [(c.title, c.number) for c in find_policy_documents(text)] == [
        ("某市关于全面实施绩效管理的实施意见", "某委发〔2019〕22号")]
    assert find_law_numbers(text) == [("某省省级专项资金管理办法", "某政发〔2017〕13号"), ("某某条例", "国务院令第8号")]
    graph = load_text(f"某市专项资金管理办法\n\n第一条 为加强管理，{text}，制定本办法。\n\n第二条 本办法自发布之日起施行。\n")
    laws = {n.name: n.attrs.get("number") for n in graph.nodes_of(Label.LAW)}
    assert laws == {"预算法": None, "某省省级专项资金管理办法": "某政发〔2017〕13号", "某某条例": "国务院令第8号"}
    assert {n.id for n in graph.nodes_of(Label.POLICY_DOCUMENT)} == {"policydoc:某委发〔2019〕22号"}


def test_a_number_in_running_text_or_followed_by_wenjian_is_the_number_alone():
    text = "我局已以某药监械[2001]288号文发布了该细则；按照《关于加强某项工作的若干意见》（某发〔2007〕24号文件）要求"
    assert [(c.title, c.number) for c in find_policy_documents(text)] == [
        ("", "某药监械[2001]288号"), ("关于加强某项工作的若干意见", "某发〔2007〕24号")]


def test_one_title_in_its_spellings_is_one_name():
    assert clean_title("某部关于修改<某某申领和使用规定>的决定") == "某部关于修改〈某某申领和使用规定〉的决定"
    assert clean_title("财政部 卫生部某某补助资金管理\n暂行办法") == "财政部卫生部某某补助资金管理暂行办法"


def test_a_document_never_cites_its_own_title_in_the_decree_that_publishes_it():
    text = ("某自治区《某某工作条例》实施办法\n\n某自治区人民政府令第103号\n\n"
            "《某自治区〈某某工作条例〉实施办法》已经2007年11月9日自治区人民政府常务会议讨论通过，现予以公布。\n\n"
            "第一条 为了规范某某工作，根据国务院公布的《某某工作条例》（以下简称《条例》），制定本办法。\n\n"
            "第二条 本办法自2008年1月1日起施行。\n")
    graph = load_text(text, "decree.txt")
    assert {n.name for n in graph.nodes_of(Label.LAW)} == {"某某工作条例"}


@pytest.mark.parametrize("unit, titles", [("根据国务院《某某条例》和", {"某某条例"}), ("1990年某院发布的《某某办法》，", set()),
                                          ("根据有关法律法规和国务院《某条例》（国发〔2020〕1号）、", {"某条例"})])
def test_a_long_list_of_titles_that_ends_in_no_cue_is_read_within_a_bound(unit, titles):
    # Words before a title that read two ways (国务院 or 院) once made every failed list retried in
    # every reading: 2^n. A bound against that blow-up, not a benchmark.
    start = time.perf_counter()
    relations = find_document_relations(unit * 3000)
    assert time.perf_counter() - start < 20
    assert {r.title for r in relations} == titles
