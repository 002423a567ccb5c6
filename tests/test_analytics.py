"""graph.analytics on small hand-built graphs; every expected value is worked out by hand.

The graph (ids are short; `g` ignores labels' usual id scheme)::

    p ─HAS_PART→ s, p ─HAS_ITEM→ i1            s ─HAS_MEASURE→ m1, m2, m3;  s ─BUILDS→ t
    m1 ─INVOLVES→ a (evidence), b               m2 ─INVOLVES→ a, b;  m2 ─MENTIONS→ b
    m3 ─INVOLVES→ b, c                          m1 ─CITES→ l;  m1 ─MENTIONS→ l (evidence)
    m1 ─CROSS_REFERENCES→ m3 and back           i1 ─INVOLVES→ a, c;   z (a Concept) alone

Distinct undirected neighbours: p 2, s 5, i1 3, m1 5, m2 3, m3 4, a 3, b 3, c 2, l 1, t 1, z 0.
"""

from __future__ import annotations


import networkx as nx
import pytest

from graph.analytics import (centrality, co_occurring_actors, dependencies, k_hop, neighbours, shortest_paths,
                             top_central)
from graph.convert import to_networkx
from graph.model import Edge, EdgeType, Label, Node, PolicyGraph

NAMES = {"p": "政策", "s": "一、创新", "i1": "目标", "m1": "措施一", "m2": "措施二", "m3": "措施三",
         "a": "平台企业", "b": "金融机构", "c": "行业协会", "l": "反垄断法", "t": "创新体系", "z": "数字经济"}
LABELS = {"p": Label.POLICY, "s": Label.SECTION, "i1": Label.ITEM, "m1": Label.MEASURE, "m2": Label.MEASURE,
          "m3": Label.MEASURE, "a": Label.ACTOR, "b": Label.ACTOR, "c": Label.ACTOR, "l": Label.LAW,
          "t": Label.TARGET_SYSTEM, "z": Label.CONCEPT}
E = EdgeType


def _edge(source, edge_type, target, evidence="", **attrs):
    span = (0, len(evidence)) if evidence else None
    return Edge(source, target, edge_type, "d", evidence, span, attrs)


@pytest.fixture(scope="module")
def g() -> nx.MultiDiGraph:
    nodes = tuple(Node(i, LABELS[i], NAMES[i]) for i in NAMES)
    edges = (
        _edge("p", E.HAS_PART, "s"), _edge("p", E.HAS_ITEM, "i1"),
        _edge("s", E.HAS_MEASURE, "m1"), _edge("s", E.HAS_MEASURE, "m2"), _edge("s", E.HAS_MEASURE, "m3"),
        _edge("s", E.BUILDS, "t"),
        _edge("m1", E.INVOLVES, "a", "支持平台企业。", role="支持"), _edge("m1", E.INVOLVES, "b"),
        _edge("m2", E.INVOLVES, "a"), _edge("m2", E.INVOLVES, "b"), _edge("m2", E.MENTIONS, "b"),
        _edge("m3", E.INVOLVES, "b"), _edge("m3", E.INVOLVES, "c"),
        _edge("m1", E.CITES, "l"), _edge("m1", E.MENTIONS, "l", "依据反垄断法。"),
        _edge("m1", E.CROSS_REFERENCES, "m3", weight=2), _edge("m3", E.CROSS_REFERENCES, "m1", weight=2),
        _edge("i1", E.INVOLVES, "a"), _edge("i1", E.INVOLVES, "c"),
    )
    return to_networkx(PolicyGraph(nodes, edges))


def step(source, edge_type, target, forward, evidence=None):
    return {"source": source, "source_name": NAMES[source], "type": edge_type, "target": target,
            "target_name": NAMES[target], "evidence": evidence, "forward": forward}


# ---------------------------------------------------------------- centrality

def test_degree_centrality_is_normalised_within_each_type(g):
    assert centrality(g, "Actor") == {"a": 1.0, "b": 1.0, "c": pytest.approx(2 / 3)}
    assert centrality(g, Label.MEASURE) == {"m1": 1.0, "m2": 0.6, "m3": 0.8}


def test_centrality_of_all_types_gives_lone_zero_nodes_zero(g):
    assert centrality(g) == {"a": 1.0, "b": 1.0, "c": pytest.approx(2 / 3), "i1": 1.0, "l": 1.0,
                             "m1": 1.0, "m2": 0.6, "m3": 0.8, "p": 1.0, "s": 1.0, "t": 1.0, "z": 0.0}
    assert list(centrality(g)) == sorted(NAMES)


def test_directed_degree_kinds_count_distinct_neighbours_one_way(g):
    assert centrality(g, "Measure", kind="out_degree") == {"m1": 1.0, "m2": 0.5, "m3": 0.75}
    assert centrality(g, "Actor", kind="in_degree") == {"a": 1.0, "b": 1.0, "c": pytest.approx(2 / 3)}
    assert centrality(g, "Actor", kind="out_degree") == {"a": 0.0, "b": 0.0, "c": 0.0}


def test_betweenness_on_a_path():
    # m1 - a - m2 - b once direction is ignored: a and m2 each lie on two shortest paths.
    nodes = (Node("m1", Label.MEASURE, "m1"), Node("m2", Label.MEASURE, "m2"),
             Node("a", Label.ACTOR, "a"), Node("b", Label.ACTOR, "b"))
    edges = (_edge("m1", E.INVOLVES, "a"), _edge("m2", E.INVOLVES, "a"), _edge("m2", E.INVOLVES, "b"))
    path = to_networkx(PolicyGraph(nodes, edges))
    assert centrality(path, kind="betweenness") == {"a": 1.0, "b": 0.0, "m1": 0.0, "m2": 1.0}


def test_centrality_rejects_unknown_kind_and_label(g):
    with pytest.raises(ValueError, match="kind must be one of"):
        centrality(g, kind="pagerank")
    with pytest.raises(ValueError):
        centrality(g, "Minister")


def test_top_central_orders_by_score_then_id(g):
    assert top_central(g, "Actor", n=2) == [{"id": "a", "name": "平台企业", "type": "Actor", "score": 1.0},
                                            {"id": "b", "name": "金融机构", "type": "Actor", "score": 1.0}]
    assert [r["id"] for r in top_central(g, "Measure")] == ["m1", "m3", "m2"]
    assert [(r["id"], r["score"]) for r in top_central(g, "Measure", n=3, kind="out_degree")] == [
        ("m1", 1.0), ("m3", 0.75), ("m2", 0.5)]
    assert top_central(g, "Measure", n=0) == []


# ---------------------------------------------------------------- k_hop, neighbours

def test_k_hop_ignores_direction_and_orders_by_distance_then_id(g):
    result = k_hop(g, "c", depth=2)
    assert result == {"c": 0, "i1": 1, "m3": 1, "a": 2, "b": 2, "m1": 2, "p": 2, "s": 2}
    assert list(result) == ["c", "i1", "m3", "a", "b", "m1", "p", "s"]
    assert k_hop(g, "a") == {"a": 0, "i1": 1, "m1": 1, "m2": 1}
    assert k_hop(g, "t", depth=1) == {"t": 0, "s": 1}


def test_k_hop_of_isolated_and_unknown_nodes(g):
    assert k_hop(g, "z", depth=3) == {"z": 0}
    with pytest.raises(nx.NodeNotFound):
        k_hop(g, "nope")


def test_neighbours_are_distinct_and_sorted(g):
    assert neighbours(g, "m2") == ["a", "b", "s"]
    assert neighbours(g, "m1") == ["a", "b", "l", "m3", "s"]


# ---------------------------------------------------------------- shortest_paths

def test_shortest_path_prefers_evidence_then_type_then_forward(g):
    assert shortest_paths(g, "m3", "l") == [[
        step("m3", "CROSS_REFERENCES", "m1", True),
        step("m1", "MENTIONS", "l", True, "依据反垄断法。"),  # evidence beats the smaller type CITES
    ]]
    assert shortest_paths(g, "l", "m3") == [[
        step("l", "MENTIONS", "m1", False, "依据反垄断法。"),
        step("m1", "CROSS_REFERENCES", "m3", True),  # both directions stored: the forward one
    ]]


def test_all_shortest_paths_in_node_id_order_and_limited(g):
    assert shortest_paths(g, "b", "s") == [
        [step("b", "INVOLVES", "m1", False), step("m1", "HAS_MEASURE", "s", False)],
        [step("b", "INVOLVES", "m2", False), step("m2", "HAS_MEASURE", "s", False)],  # INVOLVES < MENTIONS
        [step("b", "INVOLVES", "m3", False), step("m3", "HAS_MEASURE", "s", False)],
    ]
    two = shortest_paths(g, "b", "s", limit=2)
    assert [[s["target"] for s in p] for p in two] == [["m1", "s"], ["m2", "s"]]
    assert shortest_paths(g, "a", "c") == [
        [step("a", "INVOLVES", "i1", False), step("i1", "INVOLVES", "c", True)]]


def test_shortest_paths_around_avoided_nodes(g):
    # b - m1/m2/m3 - s at two steps; without m1 and m2 only the walk through m3 is left, without all none.
    assert [[s["target"] for s in p] for p in shortest_paths(g, "b", "s", avoid={"m1", "m2"})] == [["m3", "s"]]
    assert shortest_paths(g, "b", "s", avoid={"m1", "m2", "m3"}) == []
    # a - i1 - c is the shortest; without i1 the walk runs through two measures.
    assert [[s["target"] for s in p] for p in shortest_paths(g, "a", "c", avoid={"i1"})] == [["m1", "m3", "c"]]
    assert shortest_paths(g, "c", "i1", avoid={"c", "i1"}) == [[step("c", "INVOLVES", "i1", False)]]  # ends stay


def test_shortest_paths_without_a_path(g):
    assert shortest_paths(g, "a", "z") == []
    assert shortest_paths(g, "a", "a") == []
    with pytest.raises(nx.NodeNotFound):
        shortest_paths(g, "a", "nope")


# ---------------------------------------------------------------- co_occurring_actors

def test_co_occurring_actors_counts_measures_only(g):
    # i1 (an Item) involves a and c; that is not a shared measure.
    assert co_occurring_actors(g) == [
        {"a": "a", "a_name": "平台企业", "b": "b", "b_name": "金融机构", "shared": 2,
         "measures": ["m1", "m2"]},
        {"a": "b", "a_name": "金融机构", "b": "c", "b_name": "行业协会", "shared": 1, "measures": ["m3"]},
    ]
    assert [(r["a"], r["b"]) for r in co_occurring_actors(g, min_shared=2)] == [("a", "b")]
    assert co_occurring_actors(g, min_shared=3) == []


# ---------------------------------------------------------------- dependencies

def _deps(rows):
    return [(r["id"], r["parent"], r["depth"], r["edge_type"]) for r in rows]


def test_downstream_dependencies(g):
    rows = dependencies(g, "s", "downstream", 3)
    assert _deps(rows) == [
        ("m1", "s", 1, "HAS_MEASURE"), ("m2", "s", 1, "HAS_MEASURE"), ("m3", "s", 1, "HAS_MEASURE"),
        ("t", "s", 1, "BUILDS"),
        ("a", "m1", 2, "INVOLVES"), ("b", "m1", 2, "INVOLVES"), ("c", "m3", 2, "INVOLVES"),
        ("l", "m1", 2, "CITES"),  # CITES and MENTIONS both link: the smaller type name
    ]
    assert rows[0] == {"id": "m1", "type": "Measure", "name": "措施一", "parent": "s", "depth": 1,
                       "edge_type": "HAS_MEASURE"}
    assert _deps(dependencies(g, "s", depth=1)) == _deps(rows)[:4]


def test_upstream_dependencies_keep_each_node_at_its_smallest_depth(g):
    assert _deps(dependencies(g, "a", "upstream", 3)) == [
        ("i1", "a", 1, "INVOLVES"), ("m1", "a", 1, "INVOLVES"), ("m2", "a", 1, "INVOLVES"),
        ("p", "i1", 2, "HAS_ITEM"), ("s", "m1", 2, "HAS_MEASURE"),  # p not again at depth 3 via s
    ]


def test_dependencies_do_not_follow_cross_references(g):
    assert _deps(dependencies(g, "m3", "downstream", 1)) == [
        ("b", "m3", 1, "INVOLVES"), ("c", "m3", 1, "INVOLVES")]
    assert _deps(dependencies(g, "m1", "upstream", 2)) == [
        ("s", "m1", 1, "HAS_MEASURE"), ("p", "s", 2, "HAS_PART")]
    assert dependencies(g, "z", "upstream") == []


def test_dependencies_reject_bad_direction_and_unknown_node(g):
    with pytest.raises(ValueError, match="direction must be one of downstream, upstream"):
        dependencies(g, "s", "sideways")
    with pytest.raises(nx.NodeNotFound):
        dependencies(g, "nope")


