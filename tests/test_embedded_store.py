"""EmbeddedStore: every named query of docs/QUERIES.md on a hand-built two-document graph.

Document 甲 (doc:甲)                                    Document 乙 (doc:乙)
  part:1 总体要求 ─HAS_ITEM→ item:2                        part:1 ─ section:1 ─ measure:3 规范
  part:2 主要举措 ─ section:1 ─ measure:1, measure:2         section:1 ─BUILDS→ 规则体系
                 ─ section:2 ─ measure:10                  measure:3 ─INVOLVES→ 平台企业, 行业协会
  section:1 ─BUILDS→ 创新体系; section:2 ─BUILDS→ 规则体系    measure:3 ─CITES→ 反垄断法
  measure:1, 2 ─BUILDS→ 创新体系; measure:2 ─BUILDS→ 规则体系   measure:3 ─BUILDS→ 规则体系
                                                          measure:3 ─CROSS_REFERENCES→ 甲 measure:2
  measure:1 ─INVOLVES→ 平台企业, 金融机构
  measure:2 ─INVOLVES→ 平台企业; ─CITES→ 反垄断法; ─MENTIONS→ 数字经济
  measure:10 ─INVOLVES→ 平台企业, 省市场监管局, 金融机构; ─CITES→ 反垄断法
  item:2 ─INVOLVES→ 金融机构; ─CITES→ 反垄断法; ─BUILDS→ 创新体系   (an Item is not a measure)
  CROSS_REFERENCES: measure:2→1 (w1), measure:10→2 (w2), measure:1→10 (w1)

Chinese ids sort by code point: 乙 < 甲; 平 < 省 < 行 < 金; 创 < 规.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import graph.embedded
import graph.embedded_queries
from graph.contract import REQUIRED, check_params, query_params
from graph.embedded import EmbeddedStore
from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph
from graph.store import PolicyStore, StoreError, SyncReport
from loaders import load_paths

QUERY_PARAMS = query_params()

ROOT = Path(__file__).resolve().parents[1]
E = EdgeType

PA, PB = "doc:甲", "doc:乙"
A_P1, A_P2 = "doc:甲/part:1", "doc:甲/part:2"
A_I2 = "doc:甲/part:1/item:2"
A_S1, A_S2 = "doc:甲/part:2/section:1", "doc:甲/part:2/section:2"
A_M1, A_M2, A_M10 = A_S1 + "/measure:1", A_S1 + "/measure:2", A_S2 + "/measure:10"
B_P1, B_S1 = "doc:乙/part:1", "doc:乙/part:1/section:1"
B_M3 = B_S1 + "/measure:3"
ENT, FIN, REG, ASSOC = "actor:平台企业", "actor:金融机构", "actor:省市场监管局", "actor:行业协会"
LAW, INNO, RULE, CON = "law:反垄断法", "system:创新体系", "system:规则体系", "concept:数字经济"

TITLES = {A_M1: "支持平台企业科技创新", A_M2: "健全公平竞争规则", A_M10: "强化监管协同", B_M3: "规范"}


def _outline(node_id, label, number, title, doc, **attrs):
    return Node(node_id, label, title, {"number": number, "title": title, "doc_id": doc, **attrs})


def _edge(doc, source, edge_type, target, evidence="", span=None, **attrs):
    return Edge(source, target, edge_type, doc, evidence, span, attrs)


SHARED = (
    Node(ENT, Label.ACTOR, "平台企业", {"kind": "enterprise", "name_en": "Platform Enterprises"}),
    Node(FIN, Label.ACTOR, "金融机构", {"kind": "financial", "name_en": "Financial Institutions"}),
    Node(REG, Label.ACTOR, "省市场监管局", {"kind": "government"}),
    Node(ASSOC, Label.ACTOR, "行业协会", {"kind": "association"}),
    Node(LAW, Label.LAW, "反垄断法", {"name_en": "Anti-Monopoly Law"}),
    Node(INNO, Label.TARGET_SYSTEM, "创新体系", {"name_en": "Innovation System"}),
    Node(RULE, Label.TARGET_SYSTEM, "规则体系"),
    Node(CON, Label.CONCEPT, "数字经济"),
)


def doc_a() -> PolicyGraph:
    d = PA
    nodes = (
        Node(PA, Label.POLICY, "甲", {"title": "关于甲的实施意见", "number": "浙政发〔2023〕1号",
                                     "issuers": ["省发展改革委", "浙江省人民政府"], "date": "2023-05-01",
                                     "addressees": "各市、县人民政府", "target_year": 2027,
                                     "source": "a.txt"}),
        _outline(A_P1, Label.PART, 1, "总体要求", d),
        _outline(A_P2, Label.PART, 2, "主要举措", d),
        _outline(A_I2, Label.ITEM, 2, "目标要求", d, text="到2027年，平台企业竞争力显著提升。"),
        _outline(A_S1, Label.SECTION, 1, "构建更具活力的创新体系", d),
        _outline(A_S2, Label.SECTION, 2, "构建公平透明的规则体系", d),
        _outline(A_M1, Label.MEASURE, 1, TITLES[A_M1], d, span=(100, 150),
                 text="鼓励平台企业加大研发投入，支持金融机构提供融资。"),
        _outline(A_M2, Label.MEASURE, 2, TITLES[A_M2], d,
                 text="全面落实《反垄断法》，督促平台企业公平竞争。"),
        _outline(A_M10, Label.MEASURE, 10, TITLES[A_M10], d, text="省市场监管局牵头开展执法。"),
    ) + SHARED[:3] + SHARED[4:]
    edges = (
        _edge(d, PA, E.HAS_PART, A_P1), _edge(d, PA, E.HAS_PART, A_P2),
        _edge(d, A_P1, E.HAS_ITEM, A_I2),
        _edge(d, A_P2, E.HAS_SECTION, A_S1), _edge(d, A_P2, E.HAS_SECTION, A_S2),
        _edge(d, A_S1, E.HAS_MEASURE, A_M1), _edge(d, A_S1, E.HAS_MEASURE, A_M2),
        _edge(d, A_S2, E.HAS_MEASURE, A_M10),
        _edge(d, A_S1, E.BUILDS, INNO, "着力构建更具活力的创新体系", (60, 73)),
        _edge(d, A_S2, E.BUILDS, RULE), _edge(d, A_I2, E.BUILDS, INNO),
        _edge(d, A_M1, E.BUILDS, INNO), _edge(d, A_M2, E.BUILDS, INNO), _edge(d, A_M2, E.BUILDS, RULE),
        _edge(d, A_M1, E.INVOLVES, ENT, "鼓励平台企业加大研发投入", (102, 114),
              role="鼓励", roles=["鼓励", "支持"]),
        _edge(d, A_M1, E.INVOLVES, FIN, "支持金融机构提供融资", (115, 125), role="支持"),
        _edge(d, A_M2, E.INVOLVES, ENT, "督促平台企业公平竞争", (170, 180), role="督促"),
        _edge(d, A_M10, E.INVOLVES, ENT, role="支持"),
        _edge(d, A_M10, E.INVOLVES, REG, role="牵头"),
        _edge(d, A_M10, E.INVOLVES, FIN, role="配合"),
        _edge(d, A_I2, E.INVOLVES, FIN),
        _edge(d, A_M2, E.CITES, LAW, "全面落实《反垄断法》", (160, 169)),
        _edge(d, A_M10, E.CITES, LAW), _edge(d, A_I2, E.CITES, LAW),
        _edge(d, A_M2, E.MENTIONS, CON),
        _edge(d, A_M2, E.CROSS_REFERENCES, A_M1, weight=1, shared=[ENT]),
        _edge(d, A_M10, E.CROSS_REFERENCES, A_M2, weight=2, shared=[LAW, ENT]),
        _edge(d, A_M1, E.CROSS_REFERENCES, A_M10, weight=1, shared=[ENT, FIN]),
    )
    return PolicyGraph(nodes, edges, (Document(PA, "a.txt", "…"),))


def doc_b() -> PolicyGraph:
    d = PB
    nodes = (
        Node(PB, Label.POLICY, "乙", {"title": "关于乙的通知", "date": "2024-01-02", "source": "b.txt"}),
        _outline(B_P1, Label.PART, 1, "主要任务", d),
        _outline(B_S1, Label.SECTION, 1, "完善平台治理", d),
        _outline(B_M3, Label.MEASURE, 3, TITLES[B_M3], d, text="引导行业协会制定自律公约。"),
        SHARED[0], SHARED[3], SHARED[4], SHARED[6],
    )
    edges = (
        _edge(d, PB, E.HAS_PART, B_P1), _edge(d, B_P1, E.HAS_SECTION, B_S1),
        _edge(d, B_S1, E.HAS_MEASURE, B_M3),
        _edge(d, B_S1, E.BUILDS, RULE), _edge(d, B_M3, E.BUILDS, RULE),
        _edge(d, B_M3, E.INVOLVES, ENT, "规范平台企业经营行为", (5, 15), role="规范"),
        _edge(d, B_M3, E.INVOLVES, ASSOC, role="引导"),
        _edge(d, B_M3, E.CITES, LAW, "依据反垄断法"),
        _edge(d, B_M3, E.CROSS_REFERENCES, A_M2, weight=1, shared=[LAW, ENT]),
    )
    return PolicyGraph(nodes, edges, (Document(PB, "b.txt", "…"),))


def doc_a_revised() -> PolicyGraph:
    """甲 again, now one part, one section, one measure."""
    d = PA
    nodes = (
        Node(PA, Label.POLICY, "甲", {"title": "关于甲的实施意见（修订）", "source": "a2.txt"}),
        _outline(A_P2, Label.PART, 2, "主要举措", d),
        _outline(A_S1, Label.SECTION, 1, "构建更具活力的创新体系", d),
        _outline(A_M1, Label.MEASURE, 1, "支持平台企业创新", d),
        SHARED[0], SHARED[5],
    )
    edges = (
        _edge(d, PA, E.HAS_PART, A_P2), _edge(d, A_P2, E.HAS_SECTION, A_S1),
        _edge(d, A_S1, E.HAS_MEASURE, A_M1), _edge(d, A_S1, E.BUILDS, INNO), _edge(d, A_M1, E.BUILDS, INNO),
        _edge(d, A_M1, E.INVOLVES, ENT, role="支持"),
    )
    return PolicyGraph(nodes, edges, (Document(PA, "a2.txt", "…"),))


@pytest.fixture(scope="module")
def store() -> EmbeddedStore:
    s = EmbeddedStore()
    s.load(doc_a())
    s.load(doc_b())
    return s


def ids(rows):
    return [r["id"] for r in rows]


def measure_row(node_id, doc):
    return {"id": node_id, "number": int(node_id.rsplit(":", 1)[1]), "title": TITLES[node_id], "doc_id": doc}


# ---------------------------------------------------------------- the interface

def test_store_meets_the_interface(store):
    assert isinstance(store, PolicyStore)
    assert store.name == "embedded"


def test_load_reports_documents_and_counts():
    s = EmbeddedStore()
    assert s.load(doc_a()) == SyncReport(("doc:甲",), 16, 28)
    assert s.load(doc_b()) == SyncReport(("doc:乙",), 21, 37)


def test_every_documented_query_is_answered_with_the_documented_parameters(store):
    documented = _documented_queries()
    assert store.query_names() == sorted(documented)
    assert QUERY_PARAMS == documented


def test_each_embedded_query_takes_exactly_the_parameters_its_cypher_header_declares():
    """The header is the contract (graph.contract); the Python answer must not drift from it."""
    import inspect

    from graph.embedded_queries import QUERIES

    assert sorted(QUERIES) == sorted(QUERY_PARAMS)
    for name, fn in QUERIES.items():
        taken = {p.name: REQUIRED if p.default is inspect.Parameter.empty else p.default
                 for p in inspect.signature(fn).parameters.values() if p.kind is inspect.Parameter.KEYWORD_ONLY}
        assert taken == QUERY_PARAMS[name], name


def _documented_queries() -> dict[str, dict[str, object]]:
    """name -> {param: default or REQUIRED}, read from the table in docs/QUERIES.md."""
    out = {}
    for line in (ROOT / "docs/QUERIES.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("| `"):
            continue
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line.strip().strip("|"))]
        params = {}
        for part in re.sub(r"\s*\(.*?\)", "", cells[1].replace("\\|", "/")).split(","):
            name, _, default = part.strip().partition("=")
            if name and name != "–":
                params[name] = REQUIRED if not _ else _literal(default.split("/")[0])
        out[cells[0].strip("`")] = params
    return out


def _literal(text: str) -> object:
    words = {"None": None, "True": True, "False": False}
    return words[text] if text in words else int(text) if text.isdigit() else text


def test_rows_are_json_plain(store):
    for name, spec in QUERY_PARAMS.items():
        params = {p: {"ids": [A_M1, ENT], "text": "平台", "system": RULE, "law": LAW, "doc": PA,
                      "measure": A_M2, "source": A_M1, "target": LAW}.get(p, ENT)
                  for p, d in spec.items() if d is REQUIRED}
        rows = store.query(name, **params)
        assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows, name


# ---------------------------------------------------------------- errors

def test_unknown_query_names_the_valid_ones(store):
    valid = r"valid names: actor_document_matrix, actor_measure_matrix, actor_system_matrix, actors_of_measure, .*"
    with pytest.raises(StoreError, match=r"unknown query 'nope'; " + valid):
        store.query("nope")


@pytest.mark.parametrize("name, params, message", [
    ("node", {}, "query 'node' needs parameter 'node'; usage: node(node)"),
    ("neighbourhood", {"node": ENT, "hops": 2}, "query 'neighbourhood' has no parameter 'hops'"),
    ("neighbourhood", {"node": ENT, "depth": 4}, "'neighbourhood': depth must be an integer 1-3, got 4"),
    ("neighbourhood", {"node": ENT, "depth": 0}, "depth must be an integer 1-3, got 0"),
    ("dependencies", {"node": ENT, "direction": "sideways"}, "direction must be downstream or upstream"),
    ("dependencies", {"node": ENT, "depth": True}, "depth must be an integer >= 1, got True"),
    ("search_nodes", {"text": "x", "type": "Minister"}, "type must be None or one of Policy, Part"),
    ("search_nodes", {"text": "x", "limit": 0}, "limit must be an integer >= 1, got 0"),
    ("edges_among", {"ids": ENT}, "ids must be a list of node ids"),
    ("co_occurring_actors", {"min_shared": "2"}, "min_shared must be an integer >= 1, got '2'"),
])
def test_bad_parameters_give_one_clear_line(store, name, params, message):
    with pytest.raises(StoreError, match=re.escape(message)) as caught:
        store.query(name, **params)
    assert "\n" not in str(caught.value)


def test_check_params_fills_defaults_and_treats_none_as_default():
    assert check_params("search_nodes", {"text": "平台", "limit": None}) == {
        "text": "平台", "type": None, "limit": 50}
    assert check_params("search_nodes", {"text": "平台", "type": Label.ACTOR})["type"] == "Actor"
    assert check_params("dependencies", {"node": ENT}) == {"node": ENT, "direction": "downstream", "depth": 3}


def test_long_bad_values_are_shortened_in_the_message(store):
    with pytest.raises(StoreError, match=r"got \['x', 1, 'x', 1, .*\.\.\.; usage"):
        store.query("edges_among", ids=["x", 1] * 50)


def test_load_rejects_what_is_not_a_policy_graph():
    with pytest.raises(StoreError, match="load needs a PolicyGraph, got dict"):
        EmbeddedStore().load({"nodes": []})


# ---------------------------------------------------------------- documents, outline, node

def test_documents(store):
    assert store.query("documents") == [
        {"id": PB, "name": "乙", "title": "关于乙的通知", "number": None, "issuers": None,
         "date": "2024-01-02", "addressees": None, "target_year": None, "source": "b.txt", "kind": None,
         "level": None, "validity": None},
        {"id": PA, "name": "甲", "title": "关于甲的实施意见", "number": "浙政发〔2023〕1号",
         "issuers": ["浙江省人民政府", "省发展改革委"], "date": "2023-05-01",
         "addressees": "各市、县人民政府", "target_year": 2027, "source": "a.txt", "kind": None, "level": None,
         "validity": None},
    ]


def test_outline_is_the_tree_of_one_document(store):
    rows = store.query("outline", doc=PA)
    assert [(r["id"], r["parent"], r["depth"]) for r in rows] == [
        (PA, None, 0),
        (A_P1, PA, 1), (A_P2, PA, 1),
        (A_I2, A_P1, 2), (A_S1, A_P2, 2), (A_S2, A_P2, 2),
        (A_M1, A_S1, 3), (A_M2, A_S1, 3), (A_M10, A_S2, 3),
    ]
    assert rows[1] == {"id": A_P1, "type": "Part", "name": "总体要求", "number": 1, "title": "总体要求",
                       "parent": PA, "depth": 1}
    assert store.query("outline", doc=B_S1) == []
    assert store.query("outline", doc="doc:丙") == []


def test_node_gives_all_properties_or_nothing(store):
    assert store.query("node", node=LAW) == [
        {"id": LAW, "type": "Law", "name": "反垄断法", "name_en": "Anti-Monopoly Law"}]
    assert store.query("node", node=A_M1) == [
        {"id": A_M1, "type": "Measure", "name": TITLES[A_M1], "number": 1, "title": TITLES[A_M1],
         "doc_id": PA, "span": [100, 150], "text": "鼓励平台企业加大研发投入，支持金融机构提供融资。"}]
    assert store.query("node", node="law:刑法") == []


# ---------------------------------------------------------------- search_nodes

def test_search_matches_chinese_substrings_in_names_and_measure_text(store):
    # 甲 item:2 mentions 平台企业 in its text, but only measures' text is searched.
    assert store.query("search_nodes", text="平台企业") == [
        {"id": ENT, "type": "Actor", "name": "平台企业", "name_en": "Platform Enterprises"},
        {"id": A_M2, "type": "Measure", "name": TITLES[A_M2], "name_en": None},  # by text; shorter name
        {"id": A_M1, "type": "Measure", "name": TITLES[A_M1], "name_en": None},
    ]
    assert ids(store.query("search_nodes", text="研发投入")) == [A_M1]


def test_search_matches_english_labels_case_insensitively(store):
    assert ids(store.query("search_nodes", text="ANTI-monopoly")) == [LAW]
    assert ids(store.query("search_nodes", text="financial institutions")) == [FIN]


def test_search_puts_the_exact_name_first_then_shorter_names(store):
    # 规范 (2 characters) matches by its text, but the exact name comes first.
    assert ids(store.query("search_nodes", text="行业协会")) == [ASSOC, B_M3]
    assert ids(store.query("search_nodes", text="体系")) == [INNO, RULE, A_S1, A_S2]


def test_search_filters_by_type_and_limits(store):
    assert ids(store.query("search_nodes", text="体系", type="TargetSystem")) == [INNO, RULE]
    assert ids(store.query("search_nodes", text="体系", type=Label.TARGET_SYSTEM)) == [INNO, RULE]
    assert ids(store.query("search_nodes", text="体系", limit=1)) == [INNO]
    assert ids(store.query("search_nodes", text="平台企业", type="Measure")) == [A_M2, A_M1]
    assert store.query("search_nodes", text="无此词") == []


# ---------------------------------------------------------------- measures, actors, laws

def test_measures_of_system_that_build_it_or_sit_in_a_section_that_does(store):
    # measure:10 has no BUILDS edge of its own, its section:2 has; item:2 builds too, but is no measure.
    assert store.query("measures_of_system", system=INNO) == [measure_row(A_M1, PA), measure_row(A_M2, PA)]
    by_name = store.query("measures_of_system", system="规则体系")
    assert by_name == [measure_row(B_M3, PB), measure_row(A_M2, PA), measure_row(A_M10, PA)]  # 2 before 10
    assert store.query("measures_of_system", system=LAW) == []
    assert store.query("measures_of_system", system="无此体系") == []


def test_systems_of_measure_directly_or_through_its_section(store):
    rule = {"id": RULE, "name": "规则体系", "name_en": None}
    inno = {"id": INNO, "name": "创新体系", "name_en": "Innovation System"}
    assert store.query("systems_of_measure", measure=A_M2) == [inno, rule]  # by name: 创 before 规
    assert store.query("systems_of_measure", measure=A_M10) == [rule]  # only its section builds
    assert store.query("systems_of_measure", measure=A_I2) == []  # an item is no measure
    assert store.query("systems_of_measure", measure="no such measure") == []


def test_systems_with_measures_is_measures_of_system_for_every_system(store):
    rows = store.query("systems_with_measures")
    for system in (INNO, RULE):
        assert [{k: r[k] for k in ("id", "number", "title", "doc_id")} for r in rows if r["system"] == system] == \
            store.query("measures_of_system", system=system)
    assert {r["system_name"] for r in rows} == {"创新体系", "规则体系"}


def test_top_actors_by_measures_involving_them(store):
    top = store.query("top_actors")
    # 平台企业: measures 1, 2, 10 of 甲 and 3 of 乙; a tie (1 each) breaks on id
    assert [(a["id"], a["count"]) for a in top] == [(ENT, 4), (FIN, 2), (REG, 1), (ASSOC, 1)]
    counts = {}
    for row in store.query("actor_measure_matrix"):
        counts.setdefault(row["actor"], set()).add(row["measure"])
    assert {a["id"]: a["count"] for a in top} == {a: len(ms) for a, ms in counts.items()}
    assert [a["count"] for a in top] == sorted((a["count"] for a in top), reverse=True)
    assert store.query("top_actors", limit=1) == top[:1]
    assert top[0] == {"id": ENT, "name": "平台企业", "name_en": "Platform Enterprises", "count": 4,
                      "measures": sorted([A_M1, A_M2, A_M10, B_M3])}


def test_document_nodes_and_edges_are_its_own_nodes_and_what_they_reach(store):
    nodes = store.query("document_nodes", doc=PB)
    edges = store.query("document_edges", doc=PB)
    ids = [n["id"] for n in nodes]
    assert ids == sorted(ids) and PB in ids and B_M3 in ids and A_M1 not in ids
    assert {e["source"] for e in edges} <= {n["id"] for n in nodes if n["id"] == PB or n.get("doc_id") == PB}
    assert {e["target"] for e in edges} <= set(ids)
    assert {(e["source"], e["type"], e["target"]) for e in edges} == {
        (e.source, e.type.value, e.target) for e in doc_b().edges}
    whole = {(e["source"], e["type"], e["target"]): e for e in store.query("all_edges")}
    assert all(whole[(e["source"], e["type"], e["target"])] == e for e in edges)
    assert store.query("document_nodes", doc=B_M3) == store.query("document_edges", doc="doc:无") == []


def test_actors_of_measure(store):
    assert store.query("actors_of_measure", measure=A_M1) == [
        {"id": ENT, "name": "平台企业", "kind": "enterprise", "role": "鼓励", "roles": ["支持", "鼓励"],
         "evidence": "鼓励平台企业加大研发投入", "span": [102, 114]},
        {"id": FIN, "name": "金融机构", "kind": "financial", "role": "支持", "roles": None,
         "evidence": "支持金融机构提供融资", "span": [115, 125]},
    ]
    assert [(r["id"], r["role"]) for r in store.query("actors_of_measure", measure=A_M10)] == [
        (ENT, "支持"), (REG, "牵头"), (FIN, "配合")]
    assert store.query("actors_of_measure", measure="doc:甲/none") == []


def test_measures_citing_law_by_id_or_name(store):
    expected = [{**measure_row(B_M3, PB), "evidence": "依据反垄断法"},
                {**measure_row(A_M2, PA), "evidence": "全面落实《反垄断法》"},
                {**measure_row(A_M10, PA), "evidence": None}]  # item:2 cites it too, but is not a measure
    assert store.query("measures_citing_law", law=LAW) == expected
    assert store.query("measures_citing_law", law="反垄断法") == expected
    assert store.query("measures_citing_law", law="刑法") == []


def test_cross_references_by_weight_then_number_in_either_direction(store):
    assert store.query("cross_references", measure=A_M2) == [
        {"id": A_M10, "number": 10, "title": TITLES[A_M10], "weight": 2, "shared": [ENT, LAW]},
        {"id": A_M1, "number": 1, "title": TITLES[A_M1], "weight": 1, "shared": [ENT]},
        {"id": B_M3, "number": 3, "title": TITLES[B_M3], "weight": 1, "shared": [ENT, LAW]},
    ]
    assert ids(store.query("cross_references", measure=A_M1)) == [A_M2, A_M10]  # numbers 2 < 10


# ---------------------------------------------------------------- neighbourhood, edges, paths, dependencies

def test_neighbourhood(store):
    assert store.query("neighbourhood", node=RULE) == [
        {"id": RULE, "type": "TargetSystem", "name": "规则体系", "distance": 0},
        {"id": B_S1, "type": "Section", "name": "完善平台治理", "distance": 1},
        {"id": B_M3, "type": "Measure", "name": "规范", "distance": 1},
        {"id": A_M2, "type": "Measure", "name": TITLES[A_M2], "distance": 1},
        {"id": A_S2, "type": "Section", "name": "构建公平透明的规则体系", "distance": 1},
    ]
    assert [(r["id"], r["distance"]) for r in store.query("neighbourhood", node=CON, depth=2)] == [
        (CON, 0), (A_M2, 1),
        (ENT, 2), (B_M3, 2), (A_S1, 2), (A_M1, 2), (A_M10, 2), (LAW, 2), (INNO, 2), (RULE, 2)]
    assert store.query("neighbourhood", node="actor:无") == []


def test_edges_among(store):
    assert store.query("edges_among", ids=[A_M1, A_M2, ENT, "nope"]) == [
        {"source": A_M1, "target": ENT, "type": "INVOLVES", "evidence": "鼓励平台企业加大研发投入",
         "span": [102, 114], "role": "鼓励", "weight": None, "shared": None},
        {"source": A_M2, "target": A_M1, "type": "CROSS_REFERENCES", "evidence": None, "span": None,
         "role": None, "weight": 1, "shared": [ENT]},
        {"source": A_M2, "target": ENT, "type": "INVOLVES", "evidence": "督促平台企业公平竞争",
         "span": [170, 180], "role": "督促", "weight": None, "shared": None},
    ]
    assert store.query("edges_among", ids=[]) == []


def _step(path, step, source, edge_type, target, forward, evidence=None):
    names = {A_M1: TITLES[A_M1], A_M2: TITLES[A_M2], A_M10: TITLES[A_M10], LAW: "反垄断法"}
    return {"path": path, "step": step, "source": source, "source_name": names[source], "type": edge_type,
            "target": target, "target_name": names[target], "evidence": evidence, "forward": forward}


def test_shortest_paths(store):
    assert store.query("shortest_paths", source=A_M1, target=LAW) == [
        _step(0, 0, A_M1, "CROSS_REFERENCES", A_M2, False),
        _step(0, 1, A_M2, "CITES", LAW, True, "全面落实《反垄断法》"),
        _step(1, 0, A_M1, "CROSS_REFERENCES", A_M10, True),
        _step(1, 1, A_M10, "CITES", LAW, True),
    ]
    assert len(store.query("shortest_paths", source=A_M1, target=LAW, limit=1)) == 2
    assert store.query("shortest_paths", source=A_M1, target=A_M1) == []
    assert store.query("shortest_paths", source=A_M1, target="nope") == []


def test_dependencies_downstream(store):
    rows = store.query("dependencies", node=A_S1)
    assert [(r["id"], r["parent"], r["depth"], r["edge_type"]) for r in rows] == [
        (A_M1, A_S1, 1, "HAS_MEASURE"), (A_M2, A_S1, 1, "HAS_MEASURE"), (INNO, A_S1, 1, "BUILDS"),
        (ENT, A_M1, 2, "INVOLVES"), (FIN, A_M1, 2, "INVOLVES"), (CON, A_M2, 2, "MENTIONS"),
        (LAW, A_M2, 2, "CITES"), (RULE, A_M2, 2, "BUILDS"),
    ]
    assert rows[2] == {"id": INNO, "type": "TargetSystem", "name": "创新体系", "parent": A_S1, "depth": 1,
                       "edge_type": "BUILDS"}


def test_dependencies_upstream(store):
    rows = store.query("dependencies", node=LAW, direction="upstream", depth=2)
    assert [(r["id"], r["parent"], r["depth"]) for r in rows] == [
        (B_M3, LAW, 1), (A_I2, LAW, 1), (A_M2, LAW, 1), (A_M10, LAW, 1),
        (B_S1, B_M3, 2), (A_P1, A_I2, 2), (A_S1, A_M2, 2), (A_S2, A_M10, 2),
    ]
    assert store.query("dependencies", node="nope") == []


# ---------------------------------------------------------------- matrices and co-occurrence

def test_actor_system_matrix_counts_distinct_measures(store):
    assert [(r["actor"], r["system"], r["count"]) for r in store.query("actor_system_matrix")] == [
        (ENT, INNO, 2), (ENT, RULE, 3), (REG, RULE, 1), (ASSOC, RULE, 1), (FIN, INNO, 1), (FIN, RULE, 1)]
    assert store.query("actor_system_matrix")[0] == {"actor": ENT, "actor_name": "平台企业", "system": INNO,
                                                     "system_name": "创新体系", "count": 2}


def test_law_measure_matrix(store):
    assert store.query("law_measure_matrix") == [
        {"law": LAW, "law_name": "反垄断法", "measure": m, "number": n, "title": TITLES[m], "doc_id": d}
        for m, n, d in [(B_M3, 3, PB), (A_M2, 2, PA), (A_M10, 10, PA)]]


def test_actor_measure_matrix(store):
    rows = store.query("actor_measure_matrix")
    assert [(r["actor"], r["measure"], r["role"]) for r in rows] == [
        (ENT, B_M3, "规范"), (ENT, A_M1, "鼓励"), (ENT, A_M2, "督促"), (ENT, A_M10, "支持"),
        (REG, A_M10, "牵头"), (ASSOC, B_M3, "引导"), (FIN, A_M1, "支持"), (FIN, A_M10, "配合")]
    assert rows[0] == {"actor": ENT, "actor_name": "平台企业", "measure": B_M3, "number": 3, "title": "规范",
                       "doc_id": PB, "role": "规范"}


def test_co_occurring_actors(store):
    assert store.query("co_occurring_actors") == [
        {"a": ENT, "a_name": "平台企业", "b": FIN, "b_name": "金融机构", "shared": 2,
         "measures": [A_M1, A_M10]},
        {"a": ENT, "a_name": "平台企业", "b": REG, "b_name": "省市场监管局", "shared": 1,
         "measures": [A_M10]},
        {"a": ENT, "a_name": "平台企业", "b": ASSOC, "b_name": "行业协会", "shared": 1, "measures": [B_M3]},
        {"a": REG, "a_name": "省市场监管局", "b": FIN, "b_name": "金融机构", "shared": 1,
         "measures": [A_M10]},
    ]
    assert [(r["a"], r["b"]) for r in store.query("co_occurring_actors", min_shared=2)] == [(ENT, FIN)]


# ---------------------------------------------------------------- evidence and everything

def test_evidence_of_lists_edges_with_evidence_either_way(store):
    assert store.query("evidence_of", node=ENT) == [
        {"source": B_M3, "source_name": "规范", "type": "INVOLVES", "target": ENT, "target_name": "平台企业",
         "evidence": "规范平台企业经营行为", "span": [5, 15]},
        {"source": A_M1, "source_name": TITLES[A_M1], "type": "INVOLVES", "target": ENT,
         "target_name": "平台企业", "evidence": "鼓励平台企业加大研发投入", "span": [102, 114]},
        {"source": A_M2, "source_name": TITLES[A_M2], "type": "INVOLVES", "target": ENT,
         "target_name": "平台企业", "evidence": "督促平台企业公平竞争", "span": [170, 180]},
    ]
    assert [(r["source"], r["type"], r["target"]) for r in store.query("evidence_of", node=A_S1)] == [
        (A_S1, "BUILDS", INNO)]
    assert store.query("evidence_of", node=CON) == []


def test_all_nodes_and_all_edges(store):
    nodes = store.query("all_nodes")
    assert ids(nodes) == sorted([PA, A_P1, A_P2, A_I2, A_S1, A_S2, A_M1, A_M2, A_M10, PB, B_P1, B_S1, B_M3,
                                 ENT, FIN, REG, ASSOC, LAW, INNO, RULE, CON])
    assert nodes[-2] == {"id": INNO, "type": "TargetSystem", "name": "创新体系",
                         "name_en": "Innovation System"}
    edges = store.query("all_edges")
    assert len(edges) == 37
    assert [(e["source"], e["type"], e["target"]) for e in edges] == sorted(
        (e.source, e.type.value, e.target) for e in doc_a().edges + doc_b().edges)
    assert edges[0] == {"source": PB, "target": B_P1, "type": "HAS_PART", "doc_id": PB}
    assert edges[2] == {"source": B_S1, "target": RULE, "type": "BUILDS", "doc_id": PB}
    assert edges[5] == {"source": B_M3, "target": LAW, "type": "CITES", "doc_id": PB,
                        "evidence": "依据反垄断法"}


# ---------------------------------------------------------------- replacing a document

@pytest.fixture()
def replaced() -> EmbeddedStore:
    s = EmbeddedStore(doc_a())
    s.load(doc_b())
    s.load(doc_a_revised())
    return s


def test_replacing_a_document_drops_its_old_outline_and_orphans(replaced):
    assert ids(replaced.query("all_nodes")) == sorted([PA, A_P2, A_S1, A_M1, PB, B_P1, B_S1, B_M3,
                                                       ENT, ASSOC, LAW, INNO, RULE])
    # 金融机构, 省市场监管局 and 数字经济 were used only by the old 甲;
    # 平台企业 and 反垄断法 are still used by 乙.
    assert ids(replaced.query("outline", doc=PA)) == [PA, A_P2, A_S1, A_M1]
    assert [d["title"] for d in replaced.query("documents")] == ["关于乙的通知", "关于甲的实施意见（修订）"]
    assert replaced.query("node", node=A_M2) == []


def test_replacing_a_document_keeps_the_other_and_drops_edges_into_the_old_version(replaced):
    edges = [(e["source"], e["type"], e["target"]) for e in replaced.query("all_edges")]
    # 乙's cross reference pointed at 甲 measure:2, which the new version does not have.
    assert edges == sorted([(PA, "HAS_PART", A_P2), (A_P2, "HAS_SECTION", A_S1), (A_S1, "HAS_MEASURE", A_M1),
                            (A_S1, "BUILDS", INNO), (A_M1, "BUILDS", INNO), (A_M1, "INVOLVES", ENT),
                            (PB, "HAS_PART", B_P1), (B_P1, "HAS_SECTION", B_S1), (B_S1, "HAS_MEASURE", B_M3),
                            (B_S1, "BUILDS", RULE), (B_M3, "BUILDS", RULE),
                            (B_M3, "INVOLVES", ENT), (B_M3, "INVOLVES", ASSOC),
                            (B_M3, "CITES", LAW)])
    assert replaced.query("actors_of_measure", measure=A_M1) == [
        {"id": ENT, "name": "平台企业", "kind": "enterprise", "role": "支持", "roles": None, "evidence": None,
         "span": None}]
    assert replaced.query("search_nodes", text="研发投入") == []
    assert ids(replaced.query("measures_citing_law", law=LAW)) == [B_M3]


def test_replacing_reports_the_new_counts():
    s = EmbeddedStore(doc_a())
    s.load(doc_b())
    assert s.load(doc_a_revised()) == SyncReport(("doc:甲",), 13, 14)


# ---------------------------------------------------------------- the bundled seed

SEED = ROOT / "data/seed/zhejiang-platform-economy-2023.txt"


def test_every_query_runs_on_the_seed():
    seed = EmbeddedStore(load_paths([str(SEED)]))
    nodes = seed.query("all_nodes")
    assert nodes, "the seed loaded no nodes"
    pick = {label: next((n["id"] for n in nodes if n["type"] == label), None) for label in
            ("Policy", "Measure", "Law", "TargetSystem", "Actor")}
    values = {"doc": pick["Policy"], "node": pick["Measure"], "measure": pick["Measure"], "law": pick["Law"],
              "system": pick["TargetSystem"], "source": pick["Actor"], "target": pick["Law"],
              "text": "平台", "ids": [n["id"] for n in nodes[:20]]}
    answered = {}
    for name, spec in QUERY_PARAMS.items():
        rows = seed.query(name, **{p: values[p] or "none" for p, d in spec.items() if d is REQUIRED})
        assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows, name
        answered[name] = rows
    # The seed has measures building systems and involving actors, so these cannot be empty.
    empty = [name for name in ("documents", "outline", "search_nodes", "measures_of_system", "neighbourhood",
                               "actor_system_matrix", "actor_measure_matrix", "co_occurring_actors",
                               "law_measure_matrix", "all_edges") if not answered[name]]
    assert empty == []
