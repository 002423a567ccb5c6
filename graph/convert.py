"""PolicyGraph <-> networkx and store rows: the one converter each way. The embedded store,
analytics and exports start here (GraphML and GEXF are written by `render.gephi` alone);
`flat_value` is the one way a list becomes JSON text in a cell."""

from __future__ import annotations

import json
from typing import Any, Iterable, Mapping

import networkx as nx

from graph.model import EDGE_FIELDS, NODE_FIELDS, Edge, EdgeType, Label, Node, PolicyGraph


def to_networkx(graph: PolicyGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph with node attributes ``type``, ``name``, … and edges keyed by type.

    >>> from graph.model import Node, Label
    >>> g = to_networkx(PolicyGraph(nodes=(Node("a", Label.POLICY, "A", {"issuers": ["x"]}),)))
    >>> g.nodes["a"]["issuers"], g.number_of_edges()
    (['x'], 0)
    """
    g = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, **node.as_dict())
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, key=edge.type.value, **edge.as_dict())
    return g


def from_rows(nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> PolicyGraph:
    """The graph a store gives as rows: node rows ``{id, type, name, **attrs}`` (``all_nodes``) and
    edge rows ``{source, target, type, doc_id, evidence, span, **attrs}`` (``all_edges``).

    >>> g = from_rows([{"id": "a", "type": "Actor", "name": "甲", "kind": "government"}],
    ...               [{"source": "a", "target": "a", "type": "MENTIONS", "doc_id": "d", "span": [1, 2]}])
    >>> g.nodes[0].attrs, g.edges[0].span
    ({'kind': 'government'}, (1, 2))
    """
    made = [Node(str(r["id"]), Label(r.get("type") or Label.CONCEPT.value), str(r.get("name") or r["id"]),
                 {k: v for k, v in r.items() if k not in NODE_FIELDS}) for r in nodes]
    return PolicyGraph(tuple(made), tuple(_edge(r) for r in edges))


def from_networkx(g: nx.Graph) -> PolicyGraph:
    """The `PolicyGraph` of a networkx graph shaped like `to_networkx` makes (edge type from the
    ``type`` attribute, else the multigraph key).

    >>> from_networkx(to_networkx(PolicyGraph())) == PolicyGraph()
    True
    """
    nodes = [{"id": n, **data} for n, data in g.nodes(data=True)]
    triples = g.edges(keys=True, data=True) if g.is_multigraph() else ((u, v, None, d) for u, v, d in g.edges(data=True))
    return from_rows(nodes, ({"type": key, **data, "source": u, "target": v} for u, v, key, data in triples))


def _edge(row: Mapping[str, Any]) -> Edge:
    span = row.get("span")
    return Edge(str(row["source"]), str(row["target"]), EdgeType(row["type"]), str(row.get("doc_id") or ""),
                str(row.get("evidence") or ""), (int(span[0]), int(span[1])) if span else None,
                {k: v for k, v in row.items() if k not in EDGE_FIELDS})


def node_link(graph: PolicyGraph) -> dict:
    """networkx node-link data (``nodes``/``edges`` lists) for JSON output."""
    return nx.node_link_data(to_networkx(graph), edges="edges")


def flat_value(value: Any) -> Any:
    """A value a table cell, GraphML or GEXF attribute can hold: None as empty text, lists, sets and
    mappings as JSON text (sets sorted), anything else that is not a scalar as its text.

    >>> [flat_value(v) for v in (None, 3, "文", ["甲", 1], {"b"}, {"a": (1, 2)})]
    ['', 3, '文', '["甲", 1]', '["b"]', '{"a": [1, 2]}']
    """
    if value is None:
        return ""
    if isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, (set, frozenset)):
        value = sorted(value, key=str)
    if isinstance(value, (list, tuple, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)
