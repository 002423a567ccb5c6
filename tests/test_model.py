"""`graph.model`: frozen attributes, reserved names, `merge_graphs` / `merged_with`, `node()`."""

from __future__ import annotations

import json
import pickle

import pytest

from graph.convert import node_link
from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph, merge_graphs

LAW = Node("law:反垄断法", Label.LAW, "反垄断法")


def _doc(doc_id: str, *nodes: Node, edges: tuple[Edge, ...] = ()) -> PolicyGraph:
    return PolicyGraph(nodes=(Node(doc_id, Label.POLICY, doc_id), *nodes), edges=edges,
                       documents=(Document(doc_id, f"{doc_id}.txt", "…"),))


def test_attributes_cannot_change_at_any_depth():
    node = Node("a", Label.POLICY, "甲", {"issuers": ["国务院"], "meta": {"pages": [1, 2]}})
    with pytest.raises(TypeError, match="read-only"):
        node.attrs["issuers"] = []
    with pytest.raises(TypeError, match="read-only"):
        node.attrs["meta"]["pages"] = ()
    with pytest.raises(AttributeError):
        node.attrs["issuers"].append("省政府")
    assert node.attrs["issuers"] == ("国务院",) and node.attrs["meta"]["pages"] == (1, 2)


def test_the_callers_list_is_not_shared():
    issuers = ["国务院"]
    node = Node("a", Label.POLICY, "甲", {"issuers": issuers})
    issuers.append("省政府")
    assert node.attrs["issuers"] == ("国务院",)


def test_flat_properties_and_json_come_back_as_plain_lists():
    edge = Edge("m", "actor:企业", EdgeType.INVOLVES, "d", "鼓励企业。", (3, 8), {"roles": ["鼓励", "支持"]})
    assert edge.as_dict() == {"type": "INVOLVES", "doc_id": "d", "roles": ["鼓励", "支持"], "evidence": "鼓励企业。",
                              "span": [3, 8]}
    graph = PolicyGraph(nodes=(Node("m", Label.MEASURE, "m", {"span": (0, 9)}), Node("actor:企业", Label.ACTOR, "企业")),
                        edges=(edge,))
    data = json.loads(json.dumps(node_link(graph), ensure_ascii=False))
    assert [n["span"] for n in data["nodes"] if n["id"] == "m"] == [[0, 9]]
    assert data["edges"][0]["roles"] == ["鼓励", "支持"]


def test_a_graph_survives_pickling_whole():
    graph = _doc("d", Node("d/measure:1", Label.MEASURE, "一", {"shared": ["x"]}))
    graph.node("d")  # the lookup index travels too, and must not get in the way
    back = pickle.loads(pickle.dumps(graph))
    assert back == graph and back.node("d/measure:1").attrs["shared"] == ("x",)


@pytest.mark.parametrize("make, message", [
    (lambda: Node("a", Label.ACTOR, "甲", {"name": "乙"}), "node a: attribute 'name' is reserved"),
    (lambda: Node("a", Label.ACTOR, "甲", {"id": "b"}), "node a: attribute 'id' is reserved"),
    (lambda: Node("a", Label.ACTOR, "甲", {"type": "Law"}), "node a: attribute 'type' is reserved"),
    (lambda: Node("a", Label.ACTOR, "甲", {"label": "x"}), "node a: attribute 'label' is reserved"),
    (lambda: Edge("a", "b", EdgeType.CITES, "d", attrs={"source": "c"}), "attribute 'source' is reserved"),
    (lambda: Edge("a", "b", EdgeType.CITES, "d", attrs={"evidence": "x"}), "attribute 'evidence' is reserved"),
    (lambda: Edge("a", "b", EdgeType.CITES, "d", attrs={"doc_id": "e"}), "attribute 'doc_id' is reserved"),
])
def test_reserved_names_are_refused_with_a_clear_error(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_node_attributes_may_name_the_document_and_source():
    node = Node("d/measure:1", Label.MEASURE, "一", {"doc_id": "d", "source": "d.txt"})
    assert node.as_dict() == {"id": "d/measure:1", "type": "Measure", "name": "一", "doc_id": "d", "source": "d.txt"}


def test_node_lookup_by_id():
    graph = PolicyGraph(nodes=(Node("a", Label.ACTOR, "甲"), LAW, Node("a", Label.ACTOR, "重复")))
    assert graph.node("law:反垄断法") is LAW
    assert graph.node("a").name == "甲"  # the first of a repeated id, as before
    with pytest.raises(KeyError):
        graph.node("law:民法典")


def test_merge_keeps_first_attributes_and_fills_in_english_labels():
    first = _doc("d1", Node("actor:企业", Label.ACTOR, "企业", {"kind": "enterprise"}),
                 edges=(Edge("d1", "actor:企业", EdgeType.INVOLVES, "d1"),))
    later = _doc("d2", Node("actor:企业", Label.ACTOR, "企业", {"kind": "other", "name_en": "enterprises"}),
                 edges=(Edge("d2", "actor:企业", EdgeType.INVOLVES, "d2"),))
    merged = merge_graphs([first, later])
    assert [n.id for n in merged.nodes] == ["d1", "actor:企业", "d2"]
    assert dict(merged.node("actor:企业").attrs) == {"kind": "enterprise", "name_en": "enterprises"}
    assert dict(first.merged_with(later).node("actor:企业").attrs) == {"kind": "enterprise", "name_en": "enterprises"}


def test_merge_never_overwrites_an_english_label():
    cites = (Edge("d1", "law:反垄断法", EdgeType.CITES, "d1"),)
    a = _doc("d1", Node("law:反垄断法", Label.LAW, "反垄断法", {"name_en": "Anti-Monopoly Law"}), edges=cites)
    b = _doc("d2", Node("law:反垄断法", Label.LAW, "反垄断法", {"name_en": "Antitrust Law"}))
    assert merge_graphs([a, b]).node("law:反垄断法").attrs["name_en"] == "Anti-Monopoly Law"


def test_merge_dedupes_edges_by_key_and_drops_orphaned_shared_entities():
    edge = Edge("d1", "law:反垄断法", EdgeType.CITES, "d1", "依据《反垄断法》。")
    a = _doc("d1", LAW, edges=(edge,))
    b = PolicyGraph(edges=(Edge("d1", "law:反垄断法", EdgeType.CITES, "d1", "又一句。"),))
    merged = merge_graphs([a, b])
    assert merged.edges == (edge,)
    orphan = merge_graphs([_doc("d2", Node("actor:无人", Label.ACTOR, "无人"))])
    assert [n.id for n in orphan.nodes] == ["d2"]


def test_merged_with_replaces_a_reloaded_document_whole():
    old = _doc("d1", Node("d1/measure:1", Label.MEASURE, "旧", {"doc_id": "d1"}), LAW,
               edges=(Edge("d1/measure:1", "law:反垄断法", EdgeType.CITES, "d1"),))
    new = _doc("d1", Node("d1/measure:1", Label.MEASURE, "新", {"doc_id": "d1"}))
    merged = old.merged_with(new)
    assert [(n.id, n.name) for n in merged.nodes] == [("d1", "d1"), ("d1/measure:1", "新")]
    assert merged.edges == () and [d.id for d in merged.documents] == ["d1"]
