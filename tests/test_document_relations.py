"""Relations between documents: IMPLEMENTS (为贯彻落实《X》, 根据《X》…) and AMENDS (修订, 废止, 同时废止),
from the Policy node to the cited document, each with its sentence; and the document network they feed."""

from __future__ import annotations

import pytest
from conftest import shared_path

from graph.embedded import EmbeddedStore
from graph.model import EdgeType, Label
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
    # who issued the title, or how it was made, between the cue and the title; titles of a list each
    # with its own issuer; a 文号 followed by 文件
    ("为激发投资活力，根据国家发展改革委《关于进一步完善某某政策环境的意见》（发改投资〔2022〕1号）要求，结合我省实际，制定本方案。",
     [("implements", "", "关于进一步完善某某政策环境的意见", "发改投资〔2022〕1号")]),
    ("根据新修订的《中华人民共和国某某法》、《国务院关于深化某某改革的决定》（国发〔2014〕4号）和《某省关于某某改革的意见》（某发〔2014〕8号）有关要求",
     [("implements", "", "中华人民共和国某某法", ""), ("implements", "", "国务院关于深化某某改革的决定", "国发〔2014〕4号"),
      ("implements", "", "某省关于某某改革的意见", "某发〔2014〕8号")]),
    ("按照国务院《关于解决某某困难的若干意见》（国发〔2007〕9号文件）和某某省《关于贯彻落实<国务院关于解决某某困难的若干意见>的实施意见》（某建保〔2007〕1号文件）要求",
     [("implements", "", "关于解决某某困难的若干意见", "国发〔2007〕9号"),
      ("implements", "", "关于贯彻落实〈国务院关于解决某某困难的若干意见〉的实施意见", "某建保〔2007〕1号")]),
    ("根据有关法律法规和《某省某某专项资金管理暂行办法》，参照《某省某某资金管理办法》，结合我市实际，制定本办法。",
     [("implements", "", "某省某某专项资金管理暂行办法", "")]),
    ("根据国务院公布的《某某工作条例》（以下简称《条例》），制定本办法。", [("implements", "", "某某工作条例", "")]),
    ("推动《某省人民政府办公厅印发<关于某某的若干政策措施>的通知》（某政办发〔2023〕4号）文件落地见效，特制定本方案。",
     [("implements", "", "某省人民政府办公厅印发〈关于某某的若干政策措施〉的通知", "某政办发〔2023〕4号")]),
    # documents named by their 文号 alone
    ("为贯彻落实国办发〔2022〕10号和某政发〔2022〕3号文件精神，结合我省实际，制定本方案。",
     [("implements", "", "", "国办发〔2022〕10号"), ("implements", "", "", "某政发〔2022〕3号")]),
    # laws named without 《》 (the constitution aside, which every law rests on)
    ("为了规范某某机构的设置，根据宪法和某某院组织法，制定本条例。", [("implements", "", "某某院组织法", "")]),
    ("依据刑法和刑事诉讼法的规定，制定本解释。", [("implements", "", "刑法", ""), ("implements", "", "刑事诉讼法", "")]),
    # every title of a repeal list, each introduced by its own date and issuer; 修订公布的 says how the
    # repealed title was made, not that this document amends it
    ("1960年2月11日某院批准、某部发布的《某某车辆管理办法》，1988年3月9日某院发布的《中华人民共和国某某管理条例》，"
     "1991年9月22日某院发布的《某某事故处理办法》，同时废止。",
     [("amends", "repeals", "某某车辆管理办法", ""), ("amends", "repeals", "中华人民共和国某某管理条例", ""),
      ("amends", "repeals", "某某事故处理办法", "")]),
    ("1986年9月5日公布、1994年5月12日修订公布的《中华人民共和国某某处罚条例》同时废止。",
     [("amends", "repeals", "中华人民共和国某某处罚条例", "")]),
    # the instructions of a 修改决定
    ("1.在《某省某某建设管理条例》第七条中增加一项作为第六项，即：“负责某某工作；”",
     [("amends", "amends", "某省某某建设管理条例", "")]),
    ("2.将《某省某某条例》第七条第二项修改为：“为某某服务设置的机构；”", [("amends", "amends", "某省某某条例", "")]),
    # cited, but neither implemented nor amended
    ("在《某省某某条例》实施中增加投入。", []),
    ("根据本办法制定实施细则。", []),
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


def test_the_article_that_says_what_rules_are_made_under_may_be_the_second():
    text = ("某省某某补助资金管理办法\n\n第一条 为加强某某补助资金管理，提高资金使用效益，制定本办法。\n\n"
            "第二条 本办法依据《预算法》、《某部某某补助资金管理暂行办法》（财社〔2015〕7号）、"
            "《某省关于某某管理的意见》（某发〔2016〕3号）等法律法规和政策规定制定。\n\n"
            "第三条 本办法所称补助资金，按照《某省某某资金分配办法》执行。\n\n第四条 本办法自发布之日起施行。\n")
    graph = load_text(text, "rules.txt")
    assert _relations(graph) == [
        ("IMPLEMENTS", "law:某部某某补助资金管理暂行办法", "", True),
        ("IMPLEMENTS", "law:预算法", "", True),
        ("IMPLEMENTS", "policydoc:某发〔2016〕3号", "", True),
    ]  # 第三条's 按照《X》执行 applies a rule: cited, not implemented


def test_a_decision_that_amends_regulations_amends_each_one_it_instructs_about():
    text = ("某省人民代表大会常务委员会关于修改部分地方性法规的决定\n\n某省人民代表大会常务委员会决定，修改下列地方性法规：\n\n"
            "一、对下列法规进行修改\n\n1.在《某省农村某某建设管理条例》第七条中增加一项作为第六项，即：“负责某某工作；”\n"
            "第九条修改为：“各级人民政府应当发挥本地优势。”\n\n2.将《某省某某条例》第七条第二项修改为：“为某某服务设置的机构；”\n")
    graph = load_text(text, "decision.txt")
    assert _relations(graph) == [("AMENDS", "law:某省农村某某建设管理条例", "amends", True),
                                 ("AMENDS", "law:某省某某条例", "amends", True)]


def test_a_title_cited_with_its_number_once_is_that_numbered_document_everywhere():
    text = ("某省人民政府办公厅关于印发某省贯彻落实《某某地区崛起规划》工作方案的通知\n某政办发〔2017〕5号\n各市人民政府：\n"
            "《某省贯彻落实〈某某地区崛起规划〉工作方案》已经省人民政府同意，现印发给你们，请认真贯彻执行。\n"
            "某省人民政府办公厅\n2017年5月15日\n某省贯彻落实《某某地区崛起规划》工作方案\n"
            "为深入贯彻落实《某某地区崛起规划》（国函〔2016〕1号），结合我省实际，制定本方案。\n一、总体要求\n"
            "（一）加强统筹。各地要加强统筹。\n")
    graph = load_text(text, "plan.txt")
    assert graph.documents and graph.node(graph.documents[0].id).attrs["title"] == "某省贯彻落实《某某地区崛起规划》工作方案"
    assert _relations(graph) == [("IMPLEMENTS", "policydoc:国函〔2016〕1号", "", True)]
    assert {n.id for n in graph.nodes_of(Label.POLICY_DOCUMENT)} == {"policydoc:国函〔2016〕1号"}


def test_a_repealed_trial_law_is_a_law():
    text = ("中华人民共和国某某法\n\n第一条 为了规范某某程序，制定本法。\n\n第二条 本法适用于某某活动。\n\n"
            "第三条 本法自2007年6月1日起施行，《中华人民共和国某某法（试行）》同时废止。\n")
    graph = load_text(text, "law.txt")
    assert _relations(graph) == [("AMENDS", "law:某某法（试行）", "repeals", True)]
    assert graph.node("law:某某法（试行）").label is Label.LAW


NATIONAL_REGULATION = """某某经营管理条例

中华人民共和国国务院令
第908号

《某某经营管理条例》已经2007年1月31日国务院常务会议通过，现予公布，自2007年5月1日起施行。

总理 某某
2007年2月6日

第一条 为规范某某经营活动，制定本条例。

第二条 从事某某经营活动，应当向备案机关备案。

第三条 本条例自2007年5月1日起施行。
"""

LOCAL_RULES = """某省某某经营备案办法

第一条 为加强某某经营备案管理，根据《某某经营管理条例》（以下简称《条例》），结合本省实际，制定本办法。

第二条 特许人依照《条例》第二条办理备案；备案材料按照《某某经营备案暂行条例》（国务院令第908号）的规定提交。

第三条 本办法自发布之日起施行。
"""


def test_a_short_name_and_a_decree_number_resolve_to_the_loaded_regulation(tmp_path):
    (tmp_path / "national.txt").write_text(NATIONAL_REGULATION, encoding="utf-8")
    (tmp_path / "local.txt").write_text(LOCAL_RULES, encoding="utf-8")
    store = EmbeddedStore(load_paths([tmp_path / "national.txt", tmp_path / "local.txt"]))
    edges = store.query("all_edges")
    national = next(r["target"] for r in edges if r["type"] == "LOADED_AS" and r["source"] == "law:某某经营管理条例")
    assert national.startswith("doc:国务院")
    refers = [(r["source"].rsplit("/", 1)[1], r["target"]) for r in edges if r["type"] == "REFERS_TO"
              and r["target"].startswith(national)]
    assert refers == [("article:2", f"{national}/article:2")]  # 依照《条例》第二条
    # cited under another title, but with the number its decree gives it
    assert ("law:某某经营备案暂行条例", national) in {(r["source"], r["target"]) for r in edges if r["type"] == "LOADED_AS"}


def test_titles_broken_over_lines_in_a_preamble_are_read_whole():
    text = ("关于促进某业发展的实施意见\n\n为贯彻落实《国务院办公厅关于促进某业\n发展的指导意见》（国办发〔2020〕9号），"
            "依据《中华人民共和国某某\n促进法》，现提出如下实施意见。\n\n一、总体要求\n\n（一）加强统筹。各地要加强统筹。\n")
    graph = load_text(text, "opinion.txt")
    assert graph.excluded == ()  # the middle line is the policy's own, not news set into a scan
    assert _relations(graph) == [("IMPLEMENTS", "law:某某促进法", "", True),
                                 ("IMPLEMENTS", "policydoc:国办发〔2020〕9号", "", True)]


def test_a_document_implemented_by_its_number_alone_is_named_by_it():
    text = ("某省关于推进某项工作的实施方案\n\n为贯彻落实国办发〔2022〕10号文件精神，结合我省实际，制定本方案。\n\n"
            "一、总体要求\n\n（一）加强统筹。各地要加强统筹。\n")
    graph = load_text(text, "plan.txt")
    assert _relations(graph) == [("IMPLEMENTS", "policydoc:国办发〔2022〕10号", "", True)]
    assert [n.name for n in graph.nodes_of(Label.POLICY_DOCUMENT)] == ["国办发〔2022〕10号"]


def test_a_revised_rule_repeals_the_earlier_one_of_its_own_title_by_that_ones_number():
    text = ("某市某某管理办法\n\n第一条 为了加强某某管理，根据《中华人民共和国某某法》，制定本办法。\n\n"
            "第二条 本办法适用于本市行政区域。\n\n第三条 本办法自2024年1月1日起施行。2008年5月1日发布的《某市某某管理办法》"
            "（某政发〔2008〕5号）同时废止。\n")
    graph = load_text(text, "rules.txt")
    assert _relations(graph) == [("AMENDS", "policydoc:某政发〔2008〕5号", "repeals", True),
                                 ("IMPLEMENTS", "law:某某法", "", True)]
    assert graph.node("policydoc:某政发〔2008〕5号").attrs["title"] == "某市某某管理办法"
    assert "law:某市某某管理办法" not in {n.id for n in graph.nodes}  # never a citation of itself


def test_a_law_named_only_in_the_basis_resolves_to_the_loaded_law(tmp_path):
    (tmp_path / "law.txt").write_text("中华人民共和国某某院组织法\n\n第一条 根据宪法，制定本法。\n\n第二条 本法自公布之日起施行。\n",
                                      encoding="utf-8")
    (tmp_path / "regulation.txt").write_text(
        "某某机构设置管理条例\n\n第一条 为了规范某某机构的设置，根据宪法和某某院组织法，制定本条例。\n\n"
        "第二条 本条例自发布之日起施行。\n", encoding="utf-8")
    edges = EmbeddedStore(load_paths([tmp_path / "law.txt", tmp_path / "regulation.txt"])).query("all_edges")
    law_doc = next(r["target"] for r in edges if r["type"] == "LOADED_AS" and r["source"] == "law:某某院组织法")
    assert "某某院组织法" in law_doc
    assert {r["type"] for r in edges if r["target"] == "law:某某院组织法"} == {"CITES", "IMPLEMENTS"}


def test_a_title_that_says_what_the_document_implements_is_read_last():
    text = ("某市关于贯彻落实《国务院关于促进某业发展的意见》的实施意见\n\n为促进某业发展，结合我市实际，提出如下实施意见。\n\n"
            "一、总体要求\n\n（一）加强统筹。各地要加强统筹。\n")
    graph = load_text(text, "opinion.txt")
    assert _relations(graph) == [("IMPLEMENTS", "policydoc:国务院关于促进某业发展的意见", "", True)]
    [edge] = [e for e in graph.edges if e.type is EdgeType.IMPLEMENTS]
    assert edge.evidence == "某市关于贯彻落实《国务院关于促进某业发展的意见》的实施意见"
    # the body's sentence, with the 文号, is the evidence when it says the same
    body = text.replace("为促进某业发展，", "为贯彻落实《国务院关于促进某业发展的意见》（国发〔2020〕3号），")
    [edge] = [e for e in load_text(body, "opinion.txt").edges if e.type is EdgeType.IMPLEMENTS]
    assert edge.target == "policydoc:国发〔2020〕3号" and "国发〔2020〕3号" in edge.evidence
