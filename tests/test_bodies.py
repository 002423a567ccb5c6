"""Government bodies: the gazetteer, the local and functional grammar, jurisdiction."""

from __future__ import annotations

import pytest

from graph.model import EdgeType, Label
from loaders import load_text
from loaders.bodies import Place, find_bodies, jurisdiction_of, province_of_number

ZJ = Place("浙江省", en="Zhejiang")


@pytest.mark.parametrize("written, canonical", [
    ("国家发展和改革委员会", "国家发展和改革委员会"),
    ("国家发展改革委", "国家发展和改革委员会"),
    ("发展改革委", "国家发展和改革委员会"),
    ("发改委", "国家发展和改革委员会"),
    ("市场监管总局", "国家市场监督管理总局"),
    ("工信部", "工业和信息化部"),
    ("中央网信办", "中央网络安全和信息化委员会办公室"),
    ("人力资源社会保障部", "人力资源和社会保障部"),
    ("国务院办公厅", "国务院办公厅"),
    ("省财政厅", "浙江省财政厅"),
    ("省发改委", "浙江省发展和改革委员会"),
    ("省发展改革委", "浙江省发展和改革委员会"),
    ("省人力社保厅", "浙江省人力资源和社会保障厅"),
    ("省经信厅", "浙江省经济和信息化厅"),
    ("省市场监管局", "浙江省市场监督管理局"),
    ("省政府", "浙江省人民政府"),
    ("省委办公厅", "中共浙江省委办公厅"),
    ("省编办", "浙江省机构编制委员会办公室"),
    ("杭州市大数据局", "杭州市大数据发展管理局"),
    ("湖北省财政厅", "湖北省财政厅"),
    ("县级以上人民政府市场监督管理部门", "县级以上人民政府市场监督管理部门"),
    ("县级以上地方人民政府市场监督管理部门", "县级以上人民政府市场监督管理部门"),
    ("省人民政府数据主管部门", "浙江省人民政府数据主管部门"),
    ("国务院反垄断执法机构", "国务院反垄断执法机构"),
    ("各县（市、区）人民政府", "各县（市、区）人民政府"),
    ("各有关部门", "各有关部门"),
])
def test_normalisation_table(written, canonical):
    found = find_bodies(written, ZJ)
    assert [(f.start, f.end, f.body.name) for f in found] == [(0, len(written), canonical)]


def test_kinds_levels_and_english():
    [central] = find_bodies("国家发展改革委", ZJ)
    assert (central.body.kind, central.body.en) == ("government", "National Development and Reform Commission")
    [local] = find_bodies("省财政厅", ZJ)
    assert (local.body.level, local.body.place, local.body.en) == ("province", "浙江省", "Zhejiang Department of Finance")
    [functional] = find_bodies("县级以上人民政府市场监督管理部门", ZJ)
    assert (functional.body.kind, functional.body.level) == ("functional", "县级以上人民政府")
    [generic] = find_bodies("各县（市、区）人民政府", ZJ)
    assert generic.body.kind == "generic"


def test_relative_names_stay_relative_without_a_jurisdiction():
    assert [f.body.name for f in find_bodies("省财政厅", Place())] == ["省财政厅"]


@pytest.mark.parametrize("title, issuers, expected", [
    ("关于促进平台经济高质量发展的实施意见", ["中共浙江省委办公厅", "浙江省人民政府办公厅"], ("浙江省", "")),
    ("湖北省人民政府关于加快数字经济发展的意见", [], ("湖北省", "")),
    ("杭州市数字经济促进条例", [], ("", "杭州市")),
    ("上海市优化营商环境条例", [], ("上海市", "上海市")),
    ("国务院关于深化预算管理制度改革的决定", ["国务院"], ("", "")),
    ("关于加快推进区块链技术应用的意见", [], ("", "")),
    ("加快丽水市养老服务发展实施意见", [], ("", "丽水市")),  # a title that opens with its verb
    ("关于进一步推进台州市文旅融合的若干措施", [], ("", "台州市")),
])
def test_jurisdiction_of(title, issuers, expected):
    place = jurisdiction_of(title, issuers)
    assert (place.province, place.city) == expected


def test_not_bodies():
    # 民政部门 is a functional word, not the Ministry of Civil Affairs; 以下统称… defines a short name.
    assert [f.body.name for f in find_bodies("县级以上人民政府民政部门负责", ZJ)] == ["县级以上人民政府民政部门"]
    assert find_bodies("（以下统称数字经济主管部门）", ZJ) == []
    assert [f.body.name for f in find_bodies("并配合市场监督管理部门", ZJ)] == ["市场监督管理部门"]
    assert [f.body.name for f in find_bodies("第七十二条国家进出口管理部门", ZJ)] == ["国家进出口管理部门"]
    assert [f.body.name for f in find_bodies("县级以上人民政府标准化主管部门", ZJ)] == ["县级以上人民政府标准化主管部门"]
    assert find_bodies("加快市场化改革，推进区域协调发展", ZJ) == []


def test_functions_listed_before_one_suffix_are_one_body_each():
    # Laws name several functional bodies at once: the level and the suffix belong to each.
    text = "县级以上人民政府发展改革、财政和商务等部门应当；会同国家发改委、县级以上人民政府市场监督管理部门"
    assert [(f.body.name, text[f.start:f.end]) for f in find_bodies(text, ZJ)] == [
        ("县级以上人民政府发展改革部门", "县级以上人民政府发展改革"), ("县级以上人民政府财政部门", "财政"),
        ("县级以上人民政府商务部门", "商务等部门"), ("国家发展和改革委员会", "国家发改委"),
        ("县级以上人民政府市场监督管理部门", "县级以上人民政府市场监督管理部门")]
    listed = [f.body.name for f in find_bodies("县级以上地方人民政府工业和信息化、市场监督管理部门", ZJ)]
    assert listed == ["县级以上人民政府工业和信息化部门", "县级以上人民政府市场监督管理部门"]
    # a list of words that are no functions is no list of bodies
    assert [f.body.name for f in find_bodies("省加快改革、推动发展部门", ZJ)] == []


def test_former_ministries_are_national_bodies_under_their_own_names():
    # Documents in force still name bodies since renamed; 农业部门 and 部署 are no ministry.
    found = [(f.body.name, f.body.level) for f in find_bodies("由商务部会同农业部、国防科工委进行", ZJ)]
    assert found == [("商务部", "national"), ("农业部", "national"), ("国防科学技术工业委员会", "national")]
    assert [f.body.name for f in find_bodies("省农业部门负责，加强建设部署", ZJ)] == ["浙江省农业部门"]


def test_a_level_word_inside_an_ordinary_word_is_no_level():
    # 城市管理部门 is urban management, not the city's 管理部门; 本级 and 或者 are cut whole.
    city = Place("浙江省", "杭州市")
    assert [f.body.name for f in find_bodies("由生态环境主管部门或者城市管理部门处罚", city)] == [
        "生态环境主管部门", "城市管理部门"]
    assert [f.body.name for f in find_bodies("经本级烟草专卖行政管理部门批准", city)] == ["烟草专卖行政管理部门"]
    assert [f.body.name for f in find_bodies("报市管理部门备案", city)] == ["杭州市管理部门"]


def test_the_verb_before_a_functional_body_is_not_part_of_its_name():
    assert [f.body.name for f in find_bodies("应当征得野生动植物行政主管部门同意", ZJ)] == ["野生动植物行政主管部门"]
    assert [f.body.name for f in find_bodies("未经煤炭工业主管部门批准", ZJ)] == ["煤炭工业主管部门"]
    # the cut word that ends last wins: 所在地, not the 在 inside it; 经济 is no 经
    assert [f.body.name for f in find_bodies("向企业所在地市场监督管理部门申请", ZJ)] == ["市场监督管理部门"]
    assert [f.body.name for f in find_bodies("经省经济和信息化厅同意", ZJ)] == ["浙江省经济和信息化厅"]
    assert [f.body.name for f in find_bodies("提高物资储备管理部门工作效能", ZJ)] == ["物资储备管理部门"]


def _policy(province: str) -> str:
    return (f"{province}人民政府关于加快数字经济发展的实施意见\n\n为加快数字经济发展，提出如下意见。\n\n"
            "一、重点任务\n\n（一）加强保障。\n\n"
            "1.加强资金保障。省财政厅负责统筹资金，国家发展改革委给予支持。\n")


def test_two_provinces_give_two_finance_departments_and_one_ndrc():
    graphs = [load_text(_policy(p)) for p in ("浙江省", "湖北省")]
    names = [{n.name for n in g.nodes_of(Label.ACTOR)} for g in graphs]
    assert "浙江省财政厅" in names[0] and "湖北省财政厅" in names[1]
    assert "省财政厅" not in names[0] | names[1]
    ids = [{n.id for n in g.nodes_of(Label.ACTOR) if n.name == "国家发展和改革委员会"} for g in graphs]
    assert ids[0] == ids[1] == {"actor:国家发展和改革委员会"}
    assigned = [(graphs[0].node(e.target).name, e.attrs["role"]) for e in graphs[0].edges_of(EdgeType.ASSIGNED_TO)]
    assert assigned == [("浙江省财政厅", "responsible")]


@pytest.mark.parametrize("number, issuers, province", [
    ("皖政〔2020〕5号", ["省人民政府"], "安徽省"),
    ("鄂政办发〔2021〕9号", ["省人民政府办公厅"], "湖北省"),
    ("桂政发〔2019〕3号", ["自治区人民政府"], "广西壮族自治区"),
    ("宁政发〔2006〕1号", ["南京市人民政府"], ""),  # a city's 文号 may share a province's character
    ("宁政发〔2006〕1号", [], ""),
    ("某政发〔2006〕1号", ["省人民政府"], ""),
])
def test_the_province_of_a_provincial_document_number(number, issuers, province):
    assert province_of_number(number, issuers).province == province


def test_a_provincial_notice_numbered_by_its_province_resolves_its_bodies():
    text = ("省人民政府关于加快养老服务发展的意见\n皖政〔2020〕5号\n各市、县人民政府，省政府各部门：\n"
            "为加快养老服务发展，提出如下意见。\n一、重点任务\n"
            "（一）完善养老服务设施。加快建设社区养老服务中心。（省民政厅牵头，省财政厅配合）\n")
    graph = load_text(text)
    assigned = {graph.node(e.target).name for e in graph.edges_of(EdgeType.ASSIGNED_TO)}
    assert assigned == {"安徽省民政厅", "安徽省财政厅"}


@pytest.mark.parametrize("written, canonical", [
    ("市自然资源和规划局", "某市自然资源和规划局"),
    ("市规划和自然资源局", "某市规划和自然资源局"),
    ("省林业和草原局", "浙江省林业和草原局"),
    ("市政务服务和数据管理局", "某市政务服务和数据管理局"),
    ("市自然资源局", "某市自然资源局"),
])
def test_an_agency_of_joined_functions_keeps_its_joined_name(written, canonical):
    place = Place("浙江省", "某市", en="Zhejiang")
    assert [f.body.name for f in find_bodies(f"由{written}负责", place)] == [canonical]


HLJ = Place("黑龙江省", en="Heilongjiang")


@pytest.mark.parametrize("text, expected", [
    # the ending written once for the list: one government a place
    ("由甲山、乙河、丙江市政府负责", ["甲山市人民政府", "乙河市人民政府", "丙江市人民政府"]),
    ("由甲州、乙水市人民政府负责", ["甲州市人民政府", "乙水市人民政府"]),  # 甲州 is a name, no suffix
    ("由甲山县、乙河市人民政府负责", ["甲山县人民政府", "乙河市人民政府"]),
    ("省、市、县政府要加强领导", ["黑龙江省人民政府", "市人民政府", "县人民政府"]),
    # after a verb the first name starts after it
    ("会同甲山、乙河市政府推进", ["甲山市人民政府", "乙河市人民政府"]),
    # a qualifier makes the list one generic body
    ("由相关市、县政府负责", ["相关市、县人民政府"]),
    # the level written once at the start of the list
    ("由省发展改革委、财政厅、商务厅牵头", ["黑龙江省发展和改革委员会", "黑龙江省财政厅", "黑龙江省商务厅"]),
])
def test_a_list_writes_its_ending_or_level_once_for_every_body(text, expected):
    assert [f.body.name for f in find_bodies(text, HLJ)] == expected


def test_a_list_without_jurisdiction_keeps_its_level_word_for_every_body():
    found = find_bodies("市发展改革委、财政局负责", Place())
    assert [(f.body.name, f.body.level) for f in found] == [("市发展和改革委员会", "city"), ("市财政局", "city")]


def test_words_before_a_government_are_no_places_of_a_list():
    assert [f.body.name for f in find_bodies("加强交通、水利、县政府协作", HLJ)] == ["县人民政府"]


def test_a_district_issuer_of_no_named_city_is_the_jurisdiction():
    assert jurisdiction_of("2023年重点工作任务分解", ["某山区人民政府"]) == Place(county="某山区")
    assert jurisdiction_of("x", ["中共某山区委", "某山区人民政府"]).county == "某山区"
    assert jurisdiction_of("x", ["某某经济开发区管委会"]) == Place()
    text = ("某山区人民政府关于印发重点工作任务分解的通知\n\n一、主要任务\n\n"
            "1.加强经济运行分析。按月分析经济运行。（区发改局牵头，区统计局配合）\n")
    graph = load_text(text)
    assigned = sorted(graph.node(e.target).name for e in graph.edges_of(EdgeType.ASSIGNED_TO))
    assert assigned == ["某山区发展和改革局", "某山区统计局"]


@pytest.mark.parametrize("text, expected", [
    ("由县教育和体育局负责", [("某县教育和体育局", "county")]),
    ("责任单位：区科技和经信局", [("某县科技和经信局", "county")]),
    ("县农业农村和水利局、县财政局负责", [("某县农业农村和水利局", "county"), ("某县财政局", "county")]),
    ("推进教育和体育局建设", [("教育和体育局", "")]),
])
def test_an_agency_of_two_functions_joined_by_and_is_one_body(text, expected):
    place = Place("浙江省", "某市", "某县", en="Zhejiang")
    assert [(f.body.name, f.body.level) for f in find_bodies(text, place)] == expected


@pytest.mark.parametrize("text, expected", [
    ("中共某州市委", [("中共某州市委", "中共某州市委")]),
    ("中共某州市委办公室", [("中共某州市委办公室", "中共某州市委办公室")]),
    ("中共某州市委社会工作部", [("中共某州市委社会工作部", "中共某州市委社会工作部")]),
    ("市委宣传部、团市委、市妇联", [("中共某州市委宣传部", "市委宣传部"), ("某州市团委", "团市委"),
                                  ("某州市妇女联合会", "市妇联")]),
    ("市文联、市侨联、市红十字会", [("某州市文学艺术界联合会", "市文联"), ("某州市归国华侨联合会", "市侨联"),
                                  ("某州市红十字会", "市红十字会")]),
])
def test_party_bodies_and_peoples_organisations_of_a_city(text, expected):
    found = find_bodies(text, Place("安徽省", "某州市", en="Anhui"))
    assert [(f.body.name, text[f.start:f.end]) for f in found] == expected


@pytest.mark.parametrize("text, expected", [
    ("公布2016年版市政府部门权力清单", [("某市人民政府", "市政府")]),
    ("2023年度县财政局预算", [("某县财政局", "县财政局")]),
    ("某年区财政局", [("某年区财政局", "某年区财政局")]),  # 年 inside a place name stays
])
def test_a_date_before_a_body_is_no_part_of_its_place(text, expected):
    found = find_bodies(text, Place("浙江省", "某市", "某县", en="Zhejiang"))
    assert [(f.body.name, text[f.start:f.end]) for f in found] == expected


def test_functions_listed_before_a_city_government_are_no_cities():
    assert [f.body.name for f in find_bodies("财政、税务、某河市政府要加强协作", HLJ)] == ["某河市人民政府"]


def test_a_government_office_word_opening_another_word_is_the_government():
    found = find_bodies("修缮省政府办公旧址，由市政府办负责", Place("河南省", "某市", en="Henan"))
    assert [f.body.name for f in found] == ["河南省人民政府", "某市人民政府办公室"]
