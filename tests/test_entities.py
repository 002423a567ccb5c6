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


def test_programmes_and_concepts():
    assert names("迭代升级“浙江公平在线”“浙江外卖在线”等数字化监管平台", Label.PROGRAMME) == [
        "浙江公平在线", "浙江外卖在线"]
    assert names("实施新型农业数字服务行动，提升水平", Label.PROGRAMME) == ["新型农业数字服务行动"]
    assert names("在大数据、云计算、区块链等领域", Label.CONCEPT) == ["大数据", "云计算", "区块链"]


def test_role_is_the_nearest_verb_in_the_clause():
    sentence = "鼓励金融机构对平台上受疫情影响的困难经营者实施延期还本付息"
    assert role_of(sentence, sentence.index("金融机构")) == "鼓励"
    assert role_of(sentence, sentence.index("困难经营者")) == "适用对象"  # 对 names who a measure applies to
    assert role_of("推动商业保险公司推出产品", 2) == "推动"
    assert role_of("平台企业应当承担责任", 0) == "涉及"
