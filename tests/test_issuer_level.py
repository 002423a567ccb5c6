"""The issuer level of a document (Policy `level`): national | provincial | city | county, or none."""

from __future__ import annotations

import pytest

from graph.model import Label
from loaders import load_text
from loaders.issuer_level import issuer_level


@pytest.mark.parametrize("issuers, title, level", [
    (["国务院"], "优化营商环境条例", "national"),
    (["全国人民代表大会常务委员会"], "中华人民共和国反垄断法", "national"),
    (["国务院办公厅"], "关于促进平台经济规范健康发展的指导意见", "national"),
    (["国家发展改革委", "市场监管总局", "中央网信办"], "关于推动平台经济规范健康持续发展的若干意见", "national"),
    (["工业和信息化部"], "关于印发某方案的通知", "national"),
    (["中共中央办公厅", "国务院办公厅"], "关于某事项的意见", "national"),
    (["中共浙江省委办公厅", "浙江省人民政府办公厅"], "关于促进平台经济高质量发展的实施意见", "provincial"),
    (["广西壮族自治区人民政府"], "关于某事项的通知", "provincial"),
    (["上海市人民代表大会常务委员会"], "上海市优化营商环境条例", "provincial"),  # a municipality
    (["天津市人民政府办公厅"], "关于某事项的实施意见", "provincial"),
    (["云浮市人民代表大会常务委员会"], "云浮市优化营商环境条例", "city"),
    (["浙江省杭州市人民政府"], "关于某事项的通知", "city"),
    (["延边朝鲜族自治州人民政府"], "关于某事项的通知", "city"),
    (["杭州市西湖区人民政府"], "关于某事项的通知", "county"),
    (["上海市浦东新区人民政府"], "关于某事项的通知", "county"),
    (["安吉县人民政府办公室"], "关于某事项的通知", "county"),
    (["浙江省人民政府", "杭州市人民政府"], "关于某事项的通知", "provincial"),  # joint: the highest
    ([], "中华人民共和国数据安全法", "national"),  # no issuer: the title decides
    ([], "浙江省数字经济促进条例", "provincial"),
    ([], "杭州市数字经济促进条例", "city"),
    ([], "关于加强管理的通知", ""),  # unknown: no level at all
    (["某某委员会"], "关于加强管理的通知", ""),
])
def test_issuer_level(issuers, title, level):
    assert issuer_level(issuers, title) == level


def _level(text: str):
    graph = load_text(text, "doc.txt")
    return next(n for n in graph.nodes if n.label is Label.POLICY).attrs.get("level")


def test_the_policy_node_carries_the_level_and_omits_it_when_unknown():
    assert _level("云浮市优化营商环境条例\n\n第一条 为了优化营商环境，制定本条例。\n\n第二条 本条例自公布之日起施行。\n") \
        == "city"
    assert _level("关于加强管理的意见\n\n一、总体要求\n\n（一）加强统筹。各单位要加强统筹。\n") is None


def test_the_seed_document_is_provincial(seed_graph):
    assert next(n for n in seed_graph.nodes if n.label is Label.POLICY).attrs["level"] == "provincial"
