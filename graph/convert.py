"""PolicyGraph <-> networkx. The embedded store, analytics and exports start here."""

from __future__ import annotations

import io
import json

import networkx as nx

from graph.files import write_atomic
from graph.model import PolicyGraph


def to_networkx(graph: PolicyGraph) -> nx.MultiDiGraph:
    """A MultiDiGraph with node attributes ``type``, ``name``, … and edges keyed by type.

    >>> g = to_networkx(PolicyGraph())
    >>> g.number_of_nodes()
    0
    """
    g = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, **node.as_dict())
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, key=edge.type.value, **edge.as_dict())
    return g


def node_link(graph: PolicyGraph) -> dict:
    """networkx node-link data (``nodes``/``edges`` lists) for JSON output."""
    return nx.node_link_data(to_networkx(graph), edges="edges")


def _scalar(value):
    if value is None or isinstance(value, (str, int, float, bool)):
        return "" if value is None else value
    return json.dumps(value, ensure_ascii=False)


def to_flat_networkx(graph: PolicyGraph) -> nx.MultiDiGraph:
    """Like `to_networkx`, with list and dict values as JSON strings, as GraphML and
    GEXF (Gephi) require scalar attributes.

    >>> from graph.model import Node, Label
    >>> g = to_flat_networkx(PolicyGraph(nodes=(Node("a", Label.POLICY, "A", {"issuers": ["x"]}),)))
    >>> g.nodes["a"]["issuers"]
    '["x"]'
    """
    g = nx.MultiDiGraph()
    for node in graph.nodes:
        g.add_node(node.id, **{k: _scalar(v) for k, v in node.as_dict().items()})
    for edge in graph.edges:
        g.add_edge(edge.source, edge.target, key=edge.type.value, **{k: _scalar(v) for k, v in edge.as_dict().items()})
    return g


def write_graph(graph: PolicyGraph, fmt: str, out) -> None:
    """Write `graph` as ``json`` (node-link), ``graphml`` or ``gexf`` to a path or binary file."""
    if fmt == "json":
        data = json.dumps(node_link(graph), ensure_ascii=False, indent=1).encode("utf-8")
    elif fmt in ("graphml", "gexf"):
        buffer = io.BytesIO()
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(to_flat_networkx(graph), buffer)
        data = buffer.getvalue()
    else:
        raise ValueError(f"unknown format {fmt!r} (json, graphml, gexf)")
    if hasattr(out, "write"):
        out.write(data)
    else:
        write_atomic(out, data)
