"""Attributions: each shape, with its roles and evidence."""

from __future__ import annotations

import pytest

from graph.model import EdgeType
from loaders import load_text
from loaders.attributions import find_attributions, split_list
from loaders.bodies import Place, find_bodies

ZJ = Place("浙江省", en="Zhejiang")


def attributed(text, place=ZJ):
    return [(a.body.name, a.role, text[a.start:a.end]) for a in find_attributions(text, place)]


@pytest.mark.parametrize("text, expected", [
    ("加强平台监管。（市场监管总局负责）",
     [("国家市场监督管理总局", "responsible", "（市场监管总局负责）")]),
    ("推进改革。（省发展改革委牵头，省财政厅、省人力社保厅配合）",
     [("浙江省发展和改革委员会", "lead", "（省发展改革委牵头，省财政厅、省人力社保厅配合）"),
      ("浙江省财政厅", "support", "（省发展改革委牵头，省财政厅、省人力社保厅配合）"),
      ("浙江省人力资源和社会保障厅", "support", "（省发展改革委牵头，省财政厅、省人力社保厅配合）")]),
    ("（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）",
     [("浙江省发展和改革委员会", "lead", "（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）"),
      ("浙江省机构编制委员会办公室", "responsible", "（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）"),
      ("浙江省国土资源厅", "responsible", "（牵头单位：省发展改革委；责任单位：省编办、省国土资源厅）")]),
    ("（省发展改革委、省财政厅负责，列第一位者为牵头单位）",
     [("浙江省发展和改革委员会", "lead", "（省发展改革委、省财政厅负责，列第一位者为牵头单位）"),
      ("浙江省财政厅", "responsible", "（省发展改革委、省财政厅负责，列第一位者为牵头单位）")]),
    ("做好服务保障。（各有关部门按职责分工负责）", [("各有关部门", "responsible", "（各有关部门按职责分工负责）")]),
    ("做好服务保障。（按职责分工负责）", [("各有关部门", "responsible", "（按职责分工负责）")]),
    ("完善机制。\n责任单位：省经信厅、省商务厅",
     [("浙江省经济和信息化厅", "responsible", "责任单位：省经信厅、省商务厅"),
      ("浙江省商务厅", "responsible", "责任单位：省经信厅、省商务厅")]),
    ("由省发展改革委牵头，会同省财政厅等部门制定实施细则。",
     [("浙江省发展和改革委员会", "lead", "由省发展改革委牵头，会同省财政厅等部门制定实施细则。"),
      ("浙江省财政厅", "support", "由省发展改革委牵头，会同省财政厅等部门制定实施细则。")]),
    ("省商务厅会同省财政厅制定办法。",
     [("浙江省商务厅", "lead", "省商务厅会同省财政厅制定办法。"),
      ("浙江省财政厅", "support", "省商务厅会同省财政厅制定办法。")]),
    ("省市场监管局要牵头负责平台监管。", [("浙江省市场监督管理局", "lead", "省市场监管局要牵头负责平台监管。")]),
    ("国务院反垄断执法机构负责反垄断统一执法工作。",
     [("国务院反垄断执法机构", "responsible", "国务院反垄断执法机构负责反垄断统一执法工作。")]),
])
def test_each_shape(text, expected):
    assert attributed(text) == expected


def test_generic_local_bodies_in_a_prefecture_note():
    assert [(n, r) for n, r, _ in attributed("（州司法局牵头，各县市人民政府负责）", Place())] == [
        ("州司法局", "lead"), ("各县市人民政府", "responsible")]


def test_not_attributions():
    assert attributed("（以下简称平台企业）") == []
    assert attributed("深入贯彻落实党中央、国务院决策部署。") == []
    assert attributed("省财政厅负责人表示。") == []  # 负责人 is a person, not the verb


def test_lists_split_outside_parentheses():
    assert split_list("省财政厅、各县（市、区）人民政府；省商务厅") == [
        (0, "省财政厅"), (5, "各县（市、区）人民政府"), (17, "省商务厅")]


def test_assigned_to_edges_in_the_graph():
    text = ("浙江省人民政府关于加快数字经济发展的实施意见\n\n为加快数字经济发展，提出如下意见。\n\n"
            "一、重点任务\n\n（一）加强保障。\n\n"
            "1.加强资金保障。统筹用好各类资金。（省财政厅牵头，省发展改革委、省经信厅配合）\n")
    graph = load_text(text)
    edges = {graph.node(e.target).name: e for e in graph.edges_of(EdgeType.ASSIGNED_TO)}
    assert {n: e.attrs["role"] for n, e in edges.items()} == {
        "浙江省财政厅": "lead", "浙江省发展和改革委员会": "support", "浙江省经济和信息化厅": "support"}
    lead = edges["浙江省财政厅"]
    assert lead.evidence == "（省财政厅牵头，省发展改革委、省经信厅配合）"
    assert graph.documents[0].text[lead.span[0]:lead.span[1]] == lead.evidence
    assert lead.attrs["role_en"] == "lead unit"
    # The attributed body is not also an INVOLVES actor of the same measure.
    assert not [e for e in graph.edges_of(EdgeType.INVOLVES) if e.target == lead.target]


def test_no_actor_comes_from_the_newspaper_text(seed_graph):
    excluded = [(x.start, x.end) for x in seed_graph.excluded]
    actor_edges = seed_graph.edges_of(EdgeType.INVOLVES) + seed_graph.edges_of(EdgeType.ASSIGNED_TO)
    assert actor_edges
    for e in actor_edges:
        assert not any(s <= e.span[0] < t for s, t in excluded), e.evidence


LS = Place("浙江省", "丽水市", en="Zhejiang")


@pytest.mark.parametrize("text, expected", [
    # a task table's two labels on one line, with only spaces between them
    ("（牵头单位：市商务局  责任单位：市统计局、市民政局）",
     [("丽水市商务局", "lead"), ("丽水市统计局", "responsible"), ("丽水市民政局", "responsible")]),
    # two label lines that the outline joins with nothing between them; a label's list split by ，
    ("提高服务水平。牵头单位：市民政局责任单位：市卫健委，各街道",
     [("丽水市民政局", "lead"), ("丽水市卫生健康委员会", "responsible"), ("各街道", "responsible")]),
    ("完善机制。\n牵头单位：市民政局\n责任单位：市财政局",
     [("丽水市民政局", "lead"), ("丽水市财政局", "responsible")]),
    # a label and a verb in one note: the label gives the role
    ("（责任单位：市民政局、市财政局按职责分工负责）",
     [("丽水市民政局", "responsible"), ("丽水市财政局", "responsible")]),
])
def test_task_table_labels(text, expected):
    assert [(n, r) for n, r, _ in attributed(text, LS)] == expected


@pytest.mark.parametrize("text, expected", [
    # the level is written once for a run of bodies
    ("（省商务厅、文化和旅游厅、林业局等省有关部门和各地级以上市人民政府按职责分工负责）",
     ["浙江省商务厅", "浙江省文化和旅游厅", "浙江省林业局", "各地级以上市人民政府"]),
    ("（省民政厅、杭州铁路枢纽指挥部负责）", ["浙江省民政厅", "杭州铁路枢纽指挥部"]),
    # a generic body ends the run: 管委会 is not the city's
    ("（市财政局、各县区政府、管委会负责）", ["丽水市财政局", "各县区政府", "管委会"]),
    # 及 between two bodies of one item
    ("（省住房城乡建设厅及省财政厅负责）", ["浙江省住房和城乡建设厅", "浙江省财政厅"]),
    ("（市级各有关部门及各县市区政府按职责分工负责）", ["市级各有关部门", "各县市区政府"]),
    # a task force (专班) or headquarters the grammar does not know is kept as written
    ("（责任单位：县养老服务攻坚行动工作专班、县融媒体中心）", ["县养老服务攻坚行动工作专班", "县融媒体中心"]),
])
def test_a_list_writes_the_level_and_joins_bodies_once(text, expected):
    assert [n for n, _, _ in attributed(text, LS)] == expected


def test_a_body_of_a_list_is_one_actor_with_its_level():
    text = ("浙江省人民政府关于加快文旅融合的实施意见\n\n为加快文旅融合，提出如下意见。\n\n"
            "一、重点任务\n\n1.建设旅游风景道。统筹建设一批旅游风景道。（省发展改革委、交通运输厅负责）\n")
    graph = load_text(text)
    assigned = {graph.node(e.target).name for e in graph.edges_of(EdgeType.ASSIGNED_TO)}
    assert assigned == {"浙江省发展和改革委员会", "浙江省交通运输厅"}
    involved = {graph.node(e.target).name for e in graph.edges_of(EdgeType.INVOLVES)}
    assert "交通运输厅" not in involved


def test_a_heading_note_leads_the_measures_that_name_no_body():
    text = ("丽水市莲都区人民政府关于推动经济高质量发展的若干举措\n\n为推动经济高质量发展，制定以下举措。\n\n"
            "一、强化科技创新（区科技局牵头）\n\n（一）加强平台建设。支持建设新型研发机构。\n\n"
            "（二）加强人才引育。引进高层次人才。（区人力社保局负责）\n")
    graph = load_text(text)
    by_measure = {}
    for e in graph.edges_of(EdgeType.ASSIGNED_TO):
        by_measure.setdefault(graph.node(e.source).name, []).append(
            (graph.node(e.target).name, e.attrs["role"], e.evidence))
    assert by_measure == {
        "加强平台建设": [("莲都区科学技术局", "lead", "（区科技局牵头）")],
        "加强人才引育": [("莲都区人力资源和社会保障局", "responsible", "（区人力社保局负责）")]}
    edge = next(e for e in graph.edges_of(EdgeType.ASSIGNED_TO) if e.evidence == "（区科技局牵头）")
    assert graph.documents[0].text[edge.span[0]:edge.span[1]] == edge.evidence


@pytest.mark.parametrize("text, expected", [
    # a zone named alone in a list stands for its administrative committee
    ("（责任单位：某山经济开发区，各街道）", [("某山经济开发区管理委员会", "responsible"), ("各街道", "responsible")]),
    # 市高新区 is the city's zone, as 市财政局 is the city's bureau; the next zone inherits the level
    ("（市商务局牵头，市高新区、经开区管委会配合）",
     [("丽水市商务局", "lead"), ("丽水市高新区管理委员会", "support"), ("丽水市经开区管理委员会", "support")]),
    ("（某湖新区、综合保税区负责）", [("某湖新区管理委员会", "responsible"), ("综合保税区管理委员会", "responsible")]),
])
def test_a_development_zone_named_without_its_committee_is_its_committee(text, expected):
    assert [(n, r) for n, r, _ in attributed(text, LS)] == expected


def test_a_zone_committee_is_no_county_body():
    found = find_bodies("下设市高新区管委会办公室，由某江高新区管委会负责", LS)
    assert [(f.body.name, f.body.level) for f in found] == [("丽水市高新区管理委员会", "city"),
                                                              ("某江高新区管理委员会", "")]


@pytest.mark.parametrize("text, expected", [
    ("（某地机场扩建指挥部、甲山、乙河、丙江市政府、省农垦总局负责）",
     ["某地机场扩建指挥部", "甲山市人民政府", "乙河市人民政府", "丙江市人民政府", "浙江省农垦总局"]),
    ("（省发改委、铁路办、某市铁路局、相关市、县政府负责）",
     ["浙江省发展和改革委员会", "浙江省铁路办", "某市铁路局", "相关市、县人民政府"]),
])
def test_a_note_spreads_the_ending_and_level_of_its_list(text, expected):
    assert [n for n, _, _ in attributed(text, ZJ)] == expected


def test_a_sentence_spreads_the_level_and_ending_of_its_lists():
    text = "由省发展改革委、财政厅牵头，会同甲山、乙河市政府推进。"
    assert [(n, r) for n, r, _ in attributed(text, ZJ)] == [
        ("浙江省发展和改革委员会", "lead"), ("浙江省财政厅", "lead"),
        ("甲山市人民政府", "support"), ("乙河市人民政府", "support")]


def test_a_note_in_square_brackets_is_a_note_and_a_document_number_in_one_is_none():
    text = "提升登记便利化水平。〔责任单位：省市场监管局〕\n落实某某意见（某政发〔2022〕8号）。（省商务厅负责）"
    assert attributed(text) == [("浙江省市场监督管理局", "responsible", "〔责任单位：省市场监管局〕"),
                                ("浙江省商务厅", "responsible", "（省商务厅负责）")]


def test_a_duty_list_entry_names_its_bodies_then_what_they_do():
    text = ("关于开展某项创建活动的实施方案\n\n一、职责分工\n\n1、区某某执法大队。负责查处违法行为。\n\n"
            "2、区商务局、区财政局：负责资金保障。\n\n3、加强宣传。各部门要做好宣传。\n")
    graph = load_text(text)
    assigned = sorted((graph.node(e.source).name, graph.node(e.target).name, e.attrs["role"])
                      for e in graph.edges_of(EdgeType.ASSIGNED_TO))
    assert assigned == [("区商务局、区财政局：负责资金保障", "区商务局", "responsible"),
                        ("区商务局、区财政局：负责资金保障", "区财政局", "responsible"),
                        ("区某某执法大队", "区某某执法大队", "responsible")]


def test_a_label_line_is_no_duty_list_entry():
    assert [(n, r) for n, r, _ in attributed("牵头单位：市民政局\n责任单位：市财政局", LS)] == [
        ("丽水市民政局", "lead"), ("丽水市财政局", "responsible")]


def test_an_enterprise_or_bank_of_a_note_is_no_government_body_and_takes_no_level():
    found = [(a.body.name, a.role, a.body.kind) for a in
             find_attributions("（区发改局牵头，区财政局、区国投公司、某某银行配合）", Place(county="某区"))]
    assert found == [("某区发展和改革局", "lead", "government"), ("某区财政局", "support", "government"),
                     ("某区国投公司", "support", "enterprise"), ("某某银行", "support", "financial")]


@pytest.mark.parametrize("text, expected", [
    ("县城管局、县环卫局负责整治乱摆乱建。", [("某县城市管理局", "responsible"), ("某县环境卫生管理局", "responsible")]),
    ("具体分工：市经贸局牵头，负责招商引资。", [("某市经济贸易局", "lead")]),
    ("市文广新局负责组织实施。", [("某市文化广电新闻出版局", "responsible")]),
])
def test_agencies_of_city_and_county_governments(text, expected):
    place = Place("浙江省", "某市", "某县", en="Zhejiang")
    assert [(n, r) for n, r, _ in attributed(text, place)] == expected


def test_a_sentence_after_a_notes_attribution_is_no_part_of_its_list():
    text = "推进改革。〔责任单位：省发展改革委、省数据中心按职责分工负责。具体任务均涉及各市人民政府，下同。〕"
    assert [(n, r) for n, r, _ in attributed(text)] == [
        ("浙江省发展和改革委员会", "responsible"), ("浙江省数据资源管理中心", "responsible")]


@pytest.mark.parametrize("text, expected", [
    ("（牵头单位：发改委、统计局）", [("某山区发展和改革委员会", "lead"), ("某山区统计局", "lead")]),
    ("（市发改委、统计局负责）", [("某州市发展和改革委员会", "responsible"), ("某州市统计局", "responsible")]),
    ("（国家发展改革委、财政部、税务总局负责）",
     [("国家发展和改革委员会", "responsible"), ("财政部", "responsible"), ("国家税务总局", "responsible")]),
])
def test_a_district_documents_bureaus_without_a_level_are_its_own(text, expected):
    place = Place("浙江省", "某州市", "某山区", en="Zhejiang")
    assert [(n, r) for n, r, _ in attributed(text, place)] == expected


def test_a_district_bureau_attributed_in_a_note_is_not_also_the_state_involved():
    text = ("某山区人民政府关于印发工作任务分解的通知\n\n一、主要任务\n\n"
            "1.加强经济运行分析。（牵头单位：发改委、统计局）\n")
    graph = load_text(text)
    assigned = sorted(graph.node(e.target).name for e in graph.edges_of(EdgeType.ASSIGNED_TO))
    involved = [graph.node(e.target).name for e in graph.edges_of(EdgeType.INVOLVES)]
    assert assigned == ["某山区发展和改革委员会", "某山区统计局"]
    assert "国家发展和改革委员会" not in involved


@pytest.mark.parametrize("text, expected", [
    ("由县委宣传部牵头，团县委、县文明办、县某某办配合。",
     [("中共某县委宣传部", "lead"), ("某县团委", "support"), ("某县文明办公室", "support"), ("某县某某办", "support")]),
    ("（县委办、县政府办牵头，县直各单位配合）",
     [("中共某县委办公室", "lead"), ("某县人民政府办公室", "lead"), ("县直各单位", "support")]),
])
def test_county_party_offices_and_bodies_the_grammar_does_not_know_close_a_list(text, expected):
    place = Place("湖南省", "某市", "某县", en="Hunan")
    assert [(n, r) for n, r, _ in attributed(text, place)] == expected


def test_a_government_handling_something_is_no_office():
    found = find_bodies("报市政府办理，由县委办理", Place("湖南省", "某市", "某县", en="Hunan"))
    assert [f.body.name for f in found] == ["某市人民政府", "中共某县委"]


def test_a_body_ending_alone_is_no_body_of_a_list():
    assert attributed("本市有关部门和单位应当协助提供相关信息。", LS) == []
