"""Acceptance: the seed document becomes the graph an analyst expects."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import opencc
import pytest

from graph.model import EdgeType, Label
from loaders import load_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
SYSTEMS = {
    "更具活力的创新体系": range(1, 5),
    "多元融合的生态体系": range(5, 11),
    "精准高效的服务体系": range(11, 17),
    "公平透明的规则体系": range(17, 22),
    "高效协同的监管体系": range(22, 26),
}


@pytest.fixture(scope="module")
def graph():
    return load_paths([SEED])


@pytest.fixture(scope="module")
def DOC(graph):  # noqa: N802  (the id scheme belongs to the loader: read it, never spell it)
    return graph.documents[0].id


@pytest.fixture(scope="module")
def measures(graph):
    return {n.attrs["number"]: n for n in graph.nodes_of(Label.MEASURE)}


def targets_of(graph, source_id, edge_type):
    names = {n.id: n.name for n in graph.nodes}
    return {names[e.target] for e in graph.edges_of(edge_type) if e.source == source_id}


def test_25_measures_with_numbers_and_titles(measures):
    assert sorted(measures) == list(range(1, 26))
    assert measures[19].attrs["title"] == "健全平台经济公平竞争规则"
    assert measures[1].attrs["title"] == "支持平台企业科技创新"
    assert measures[25].attrs["title"] == "规范网络市场监管执法"


def test_five_sections_each_building_its_system(graph, measures, DOC):
    sections = graph.nodes_of(Label.SECTION)
    assert len(sections) == 5
    built = {s.attrs["number"]: targets_of(graph, s.id, EdgeType.BUILDS) for s in sections}
    assert [next(iter(built[i])) for i in range(1, 6)] == list(SYSTEMS)
    for system, numbers in SYSTEMS.items():
        for n in numbers:
            assert targets_of(graph, measures[n].id, EdgeType.BUILDS) == {system}, n
    parents = {e.target: e.source for e in graph.edges_of(EdgeType.HAS_MEASURE)}
    assert {parents[measures[n].id] for n in SYSTEMS["公平透明的规则体系"]} == {f"{DOC}/part:2/section:4"}


def test_laws_cited_by_measures_19_and_20_only(graph, measures):
    assert targets_of(graph, measures[19].id, EdgeType.CITES) == {"反垄断法", "电子商务法", "反不正当竞争法"}
    assert targets_of(graph, measures[20].id, EdgeType.CITES) == {"数据安全法", "数据出境安全评估办法"}
    assert {n.name for n in graph.nodes_of(Label.LAW)} == {
        "反垄断法", "电子商务法", "反不正当竞争法", "数据安全法", "数据出境安全评估办法"}
    assert {e.source for e in graph.edges_of(EdgeType.CITES)} == {measures[19].id, measures[20].id}


def test_document_facts(graph, DOC):
    policy = graph.node(DOC)
    assert policy.attrs["issuers"] == ("中共浙江省委办公厅", "浙江省人民政府办公厅")
    assert policy.attrs["date"] == "2023-01-31"
    assert policy.attrs["target_year"] == 2027
    assert targets_of(graph, DOC, EdgeType.ISSUED_BY) == {"中共浙江省委办公厅", "浙江省人民政府办公厅"}


def test_page_break_splits_are_rejoined(graph, measures, DOC):
    assert "职工基本养老、工伤、医疗保险" in measures[12].attrs["text"]
    assert measures[12].attrs["text"].endswith("确保制度规则公开透明。")
    assert "优化完善产业政策实施方式" in measures[19].attrs["text"]
    items = {(n.attrs["number"], n.attrs["title"]): n for n in graph.nodes_of(Label.ITEM)}
    leadership = items[(1, "强化组织领导")]
    assert leadership.id == f"{DOC}/part:3/item:1"
    assert "坚持正确的政治方向" in leadership.attrs["text"]


def test_evidence_is_the_sentence_at_its_span(graph, DOC):
    text = graph.document(DOC).text
    extracted = [e for e in graph.edges if e.evidence]
    assert len(extracted) > 200
    for e in extracted:
        pieces = e.attrs.get("pieces", [e.span])
        assert "".join(text[s:t] for s, t in pieces) == e.evidence, e
        assert (pieces[0][0], pieces[-1][1]) == tuple(e.span)
    split = next(e for e in graph.edges_of(EdgeType.INVOLVES) if "工伤、医疗保险" in e.evidence)
    assert "职工基本养老、工伤" in split.evidence


NEWS = ["景宁县", "宁波诺丁汉大学", "之江新语", "为民办事实效机制", "高达", "温州肯恩大学"]


def test_no_newspaper_text_leaks_into_nodes_or_edges(graph):
    for node in graph.nodes:
        blob = " ".join(str(v) for v in node.as_dict().values())
        assert not any(word in blob for word in NEWS), node.id
    for edge in graph.edges:
        blob = " ".join(str(v) for v in edge.as_dict().values())
        assert not any(word in blob for word in NEWS), edge
    set_aside = " ".join(x.text for x in graph.excluded)
    assert all(word in set_aside for word in NEWS)
    assert {x.reason for x in graph.excluded} >= {"page furniture", "column quote attribution"}


def test_actors_of_measures(graph, measures):
    def actors(n):
        return targets_of(graph, measures[n].id, EdgeType.INVOLVES)

    assert actors(11) >= {"金融机构", "政府性融资担保机构", "基础电信企业", "小微企业", "个体工商户"}
    assert actors(12) >= {"商业保险公司", "工会"}
    assert "医疗机构" in actors(9)
    assert "寄递企业" in actors(10)
    assert "行业协会" in actors(20) and "行业协会" in actors(22)
    assert sum("平台企业" in actors(n) for n in measures) >= 20
    implementation = [n for n in graph.nodes_of(Label.ITEM) if "/part:3/" in n.id]
    assert any("省平台经济工作联席会议" in targets_of(graph, n.id, EdgeType.INVOLVES) for n in implementation)


def test_actor_edges_carry_role_verbs(graph, measures):
    roles = {graph.node(e.target).name: e.attrs["role"] for e in graph.edges_of(EdgeType.INVOLVES)
             if e.source == measures[11].id}
    assert roles["金融机构"] == "鼓励"
    assert roles["政府性融资担保机构"] == "鼓励"
    assert roles["小微企业"] == "服务对象"  # 为小微企业提供…: the beneficiary
    english = {graph.node(e.target).name: e.attrs["role_en"] for e in graph.edges_of(EdgeType.INVOLVES)
               if e.source == measures[11].id}
    assert english["金融机构"] == "encourage" and english["小微企业"] == "beneficiary"


def test_entity_kinds(graph):
    kinds = {n.name: n.attrs.get("kind") for n in graph.nodes_of(Label.ACTOR)}
    assert kinds["金融机构"] == "financial"
    assert kinds["行业协会"] == "association"
    assert kinds["新就业形态劳动者"] == "group"
    assert kinds["平台企业"] == "enterprise"
    assert kinds["省平台经济工作联席会议"] == "government"
    programmes = {n.name for n in graph.nodes_of(Label.PROGRAMME)}
    assert {"浙江公平在线", "产业大脑+未来工厂", "世界互联网大会乌镇峰会"} <= programmes
    concepts = {n.name for n in graph.nodes_of(Label.CONCEPT)}
    assert {"区块链", "元宇宙", "数字人民币"} <= concepts
    mechanisms = {n.name for n in graph.nodes_of(Label.MECHANISM)}
    assert {"知识产权保护制度", "算法备案制度", "省平台经济工作联席会议制度"} <= mechanisms


def test_cross_references_list_shared_entities(graph, measures):
    refs = {(e.source, e.target): e for e in graph.edges_of(EdgeType.CROSS_REFERENCES)}
    edge = refs[(measures[19].id, measures[20].id)] if (measures[19].id, measures[20].id) in refs else None
    assert refs, "measures sharing laws, mechanisms or actors are cross-referenced"
    for e in refs.values():
        assert e.attrs["weight"] == len(e.attrs["shared"]) >= 1
        assert "平台企业" not in e.attrs["shared"]  # named by most measures, so it links nothing
    assert edge is None or edge.attrs["weight"] >= 1


def test_reload_gives_identical_ids(graph):
    again = load_paths([SEED])
    assert {n.id for n in again.nodes} == {n.id for n in graph.nodes}
    assert {e.key for e in again.edges} == {e.key for e in graph.edges}


def _core(g):
    return (
        sorted((n.attrs["number"], n.attrs["title"]) for n in g.nodes_of(Label.MEASURE)),
        sorted(n.name for n in g.nodes_of(Label.LAW)),
        sorted(n.name for n in g.nodes_of(Label.TARGET_SYSTEM)),
        sorted((g.node(e.source).attrs["number"], g.node(e.target).name) for e in g.edges_of(EdgeType.CITES)),
    )


@pytest.mark.parametrize("variant", ["traditional", "gb18030", "halfwidth"])
def test_same_graph_from_every_copy(graph, tmp_path, variant):
    text = SEED.read_text(encoding="utf-8")
    path = tmp_path / f"{variant}.txt"
    if variant == "traditional":
        path.write_text(opencc.OpenCC("s2t").convert(text), encoding="utf-8")
    elif variant == "gb18030":
        path.write_bytes(text.encode("gb18030"))
    else:
        path.write_text(text.replace("（", "(").replace("）", ")").replace("，", ",").replace("：", ":"),
                        encoding="utf-8")
    assert _core(load_paths([path])) == _core(graph)


def test_two_documents_share_entities_but_not_outline(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    other = tmp_path / "other.txt"
    other.write_text(text.replace("关于促进平台经济高质量发展的实施意见", "关于促进数字贸易高质量发展的实施意见"),
                     encoding="utf-8")
    g = load_paths([SEED, other])
    assert len(g.documents) == 2
    assert len(g.nodes_of(Label.MEASURE)) == 50
    assert len([n for n in g.nodes_of(Label.LAW)]) == 5
    citing = defaultdict(set)
    for e in g.edges_of(EdgeType.CITES):
        citing[e.target].add(e.doc_id)
    assert len(citing["law:反垄断法"]) == 2
