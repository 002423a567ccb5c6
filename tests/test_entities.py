"""Entity mentions: literal passages in, mentions out."""

from __future__ import annotations

from graph.model import Label
from loaders.entities import canonical_law, find_mentions, role_of


def names(text, label):
    return [m.name for m in find_mentions(text) if m.label is label]


def test_law_forms_are_one_law():
    assert canonical_law("《中华人民共和国反垄断法》") == "反垄断法"
    assert canonical_law("反垄断法") == "反垄断法"
    assert names("全面落实《中华人民共和国反垄断法》等法律法规", Label.LAW) == ["反垄断法"]
    assert names("依照反垄断法处理", Label.LAW) == ["反垄断法"]
    assert names("依据《网络交易监督管理办法》开展执法", Label.LAW) == ["网络交易监督管理办法"]
    assert names("印发《关于促进平台经济高质量发展的实施意见》", Label.LAW) == []
    assert names("依法依规推进，严格执法", Label.LAW) == []


def test_actors_from_lexicon_and_patterns():
    assert names("鼓励政府性融资担保机构为小微企业、个体工商户提供担保", Label.ACTOR) == [
        "政府性融资担保机构", "小微企业", "个体工商户"]
    assert names("推动新就业群体依法组建工会", Label.ACTOR) == ["新就业形态劳动者", "工会"]
    # Not in the lexicon: found by suffix, with the governing verb cut off.
    assert names("支持省数据交易服务机构开展试点", Label.ACTOR) == ["省数据交易服务机构"]
    assert names("依法保护企业商誉", Label.ACTOR) == []
    # Outcomes the clause creates are not actors; a known actor stays one wherever it stands.
    assert names("培育未来工厂、数字工厂、云上企业", Label.ACTOR) == []
    assert names("在海外设立研发机构，提升能力", Label.ACTOR) == []
    assert names("打造平台企业与中小企业融通生态", Label.ACTOR) == ["平台企业", "中小企业"]


def test_mechanisms_keep_inner_words_and_drop_leading_verbs():
    assert names("建立数据安全风险监测预警和应急处置机制。", Label.MECHANISM) == ["数据安全风险监测预警和应急处置机制"]
    assert names("全面落实市场准入负面清单制度和外商投资准入前国民待遇加负面清单管理制度", Label.MECHANISM) == [
        "市场准入负面清单制度", "外商投资准入前国民待遇加负面清单管理制度"]
    assert names("实施资本投资“红绿灯”制度，加强监测", Label.MECHANISM) == ["资本投资“红绿灯”制度"]
    assert names("确保制度规则公开透明", Label.MECHANISM) == []


def test_mechanisms_in_articles_start_after_the_subject_and_its_modal():
    # Statutes name the subject first: 国家实行…制度, …应当建立…机制. The name is what is set up.
    assert names("第十条　国家对燃气经营实行许可证制度。", Label.MECHANISM) == ["许可证制度"]
    assert names("县级以上地方人民政府应当根据需要建立企业破产工作协调机制。", Label.MECHANISM) == ["企业破产工作协调机制"]
    assert names("社会组织应当建立健全本单位公共卫生管理制度", Label.MECHANISM) == ["公共卫生管理制度"]
    assert names("行政执法机关应当全面落实行政执法公示制度", Label.MECHANISM) == ["行政执法公示制度"]
    assert names("应当建立并执行进货检查验收制度", Label.MECHANISM) == ["进货检查验收制度"]
    # A verb inside the name stays in it; a name that is only 有关 names nothing.
    assert names("健全市场化价格形成机制和工作推进机制", Label.MECHANISM) == ["市场化价格形成机制", "工作推进机制"]
    assert names("建立联合执行机制", Label.MECHANISM) == ["联合执行机制"]
    assert names("行政机关应当建立和完善有关制度", Label.MECHANISM) == []


def test_programmes_and_concepts():
    assert names("迭代升级“浙江公平在线”“浙江外卖在线”等数字化监管平台", Label.PROGRAMME) == [
        "浙江公平在线", "浙江外卖在线"]
    assert names("实施新型农业数字服务行动，提升水平", Label.PROGRAMME) == ["新型农业数字服务行动"]
    assert names("在大数据、云计算、区块链等领域", Label.CONCEPT) == ["大数据", "云计算", "区块链"]
    # what is done to a project is not its name
    assert names("禁止擅自拆除水土流失防治工程。", Label.PROGRAMME) == ["水土流失防治工程"]
    assert names("不得未经批准扩建地下水取水工程。", Label.PROGRAMME) == ["地下水取水工程"]
    # the object of a contract is no programme, nor is a quoted number
    assert names("不得超越资质等级许可的业务范围承揽信息工程。", Label.PROGRAMME) == []
    assert names("拨打“120”急救平台", Label.PROGRAMME) == []


def test_role_is_the_nearest_verb_in_the_clause():
    sentence = "鼓励金融机构对平台上受疫情影响的困难经营者实施延期还本付息"
    assert role_of(sentence, sentence.index("金融机构")) == "鼓励"
    assert role_of(sentence, sentence.index("困难经营者")) == "适用对象"  # 对 names who a measure applies to
    assert role_of("推动商业保险公司推出产品", 2) == "推动"
    assert role_of("平台企业应当承担责任", 0) == "涉及"


# Precision: each junk class the issue names, from real sentences (the shared corpus's laws and
# regulations, and policy documents).
def actor_names(text, place=None):
    from loaders.bodies import Place

    return [m.name for m in find_mentions(text, place=place or Place()) if m.label is Label.ACTOR]


def test_verb_fragments_are_not_actors():
    assert actor_names("着力破解企业融资难题，帮助企业纾困解难") == []
    assert actor_names("进一步增强企业创新能力") == []
    assert actor_names("支持有条件的企业在境外设置分支机构") == []
    assert actor_names("进一步简化企业开办流程，了解企业诉求") == []
    assert actor_names("鼓励其他教育机构参与") == []


def test_regulation_fragments_are_whole_bodies_or_nothing():
    law = ("第二十八条 电子商务平台经营者应当按照规定向市场监督管理部门报送平台内经营者的身份信息，"
           "并配合市场监督管理部门，针对电子商务的特点，为应当办理市场主体登记的经营者办理登记提供便利。")
    assert "市场监督管理部门" in actor_names(law) and not [n for n in actor_names(law) if "配合" in n]
    assert actor_names("第七十二条国家进出口管理部门应当推进跨境电子商务海关申报") == ["国家进出口管理部门"]
    assert actor_names("（以下统称数字经济主管部门），负责推进本行政区域内的数字经济发展工作") == []
    assert actor_names("县级以上人民政府标准化主管部门、有关行政主管部门应当对标准的实施情况开展监督检查") == [
        "县级以上人民政府标准化主管部门"]
    assert actor_names("通过共享获得的公共数据，应当用于履行本机构职责，不得用于其他目的。") == []


def test_names_inside_longer_names_or_titles_are_not_actors():
    assert actor_names("国务院办公厅印发") == ["国务院办公厅"]
    assert actor_names("依照《中华人民共和国消费者权益保护法》处理") == []
    assert actor_names("依照消费者权益保护法处理") == []
    assert actor_names("支持普通高等学校开设相关专业") == ["普通高等学校"]
    assert actor_names("印发《浙江省财政厅关于加强资金管理的通知》") == []


def test_boilerplate_mentions_are_typed_as_mentions():
    from loaders.entities import is_mentioned_only

    sentence = "深入贯彻落实党中央、国务院决策部署，支持平台企业发展"
    found = [m for m in find_mentions(sentence) if m.label is Label.ACTOR]
    assert [(m.name, is_mentioned_only(sentence, m.start, m.end)) for m in found] == [
        ("中共中央", True), ("国务院", True), ("平台企业", False)]
    assert is_mentioned_only("经省政府同意，现印发给你们", 1, 4)


def test_addressee_lines_outside_a_measure_give_no_actor():
    from graph.model import EdgeType
    from loaders import load_text

    text = ("浙江省人民政府办公厅关于加快数字经济发展的实施意见\n\n各市、县（市、区）人民政府，省政府各直属机构：\n\n"
            "为加快数字经济发展，提出如下意见。\n\n一、重点任务\n\n（一）加强保障。\n\n1.加强资金保障。支持金融机构创新产品。\n")
    graph = load_text(text)
    involved = {graph.node(e.target).name for e in graph.edges_of(EdgeType.INVOLVES)}
    assert involved == {"金融机构"}


def test_longest_first_keeps_the_longest_of_overlapping_mentions_and_adjacent_ones():
    from loaders.entities import Mention, _longest_first

    def m(start: int, end: int) -> Mention:
        return Mention(Label.ACTOR, f"{start}-{end}", start, end)

    # [0,4) wins over [2,5) and [1,3); [4,6) only touches it; an empty mention inside [0,4) overlaps it,
    # one at the start of [4,6) does not.
    kept = _longest_first([m(2, 5), m(4, 6), m(0, 4), m(1, 3), m(2, 2), m(4, 4)])
    assert [(k.start, k.end) for k in kept] == [(0, 4), (4, 6), (4, 4)]
    assert _longest_first([]) == []
