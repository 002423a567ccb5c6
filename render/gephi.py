"""GraphML and GEXF for Gephi.

GraphML and GEXF hold scalar attributes only, so lists (``span``, ``issuers``,
``shared`` …) travel as JSON strings, and an attribute keeps one type across
all nodes (or edges): numbers stay numbers only when every value is one.
GEXF reserves an edge's ``type`` (directed/undirected), so the relation is
written as ``relation`` and as the edge's ``label``.
"""

from __future__ import annotations

import io
from collections import defaultdict
from collections.abc import Callable
from typing import Any

import networkx as nx

from graph.convert import flat_value
from graph.model import PolicyGraph
from render.tour import node_label


def _uniform(values: list[Any]) -> Callable[[Any], Any]:
    """A converter giving every value of one attribute the same GraphML type."""
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return bool
    if kinds <= {int}:
        return int
    if kinds <= {int, float}:
        return float
    return lambda v: v if isinstance(v, str) else str(flat_value(v))


def scalar_graph(graph: PolicyGraph, lang: str = "zh", gexf: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph whose attributes are all scalars of one type each, with unique edge ids.

    Nodes carry ``label`` (for Gephi's labels); edges carry ``id``, ``label`` (the type) and,
    for GEXF, ``relation`` in place of ``type``.
    """
    nodes = [(n.id, {**_scalars(n.as_dict(), skip="id"), "label": node_label(n, lang)}) for n in graph.nodes]
    edges = [(e.source, e.target, e.type.value, _edge_attrs(e, gexf)) for e in graph.edges]
    _one_type_per_key([d for _, d in nodes])
    _one_type_per_key([d for *_, d in edges])
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for u, v, key, data in edges:
        g.add_edge(u, v, key=key, **data)
    return g


def _scalars(values: dict[str, Any], skip: str = "") -> dict[str, Any]:
    """The values that are set, containers flattened to text."""
    return {k: flat_value(v) if isinstance(v, (list, tuple, dict, set)) else v
            for k, v in values.items() if v is not None and k != skip}


def _edge_attrs(edge: Any, gexf: bool) -> dict[str, Any]:
    data = _scalars(edge.as_dict())
    data["id"] = f"{edge.source}|{edge.type.value}|{edge.target}"
    data["label"] = edge.type.value
    if gexf:  # GEXF reserves `type` for directed/undirected
        data["relation"] = data.pop("type")
    return data


def _one_type_per_key(items: list[dict[str, Any]]) -> None:
    """Convert in place so that every value of one key has the same type (GraphML declares one)."""
    by_key: dict[str, list[Any]] = defaultdict(list)
    for d in items:
        for k, v in d.items():
            by_key[k].append(v)
    convert = {k: _uniform(vs) for k, vs in by_key.items()}
    for d in items:
        for k in d:
            d[k] = convert[k](d[k])


def graphml_bytes(graph: PolicyGraph, lang: str = "zh") -> bytes:
    """GraphML (UTF-8) that Gephi and `networkx.read_graphml` read back with the same counts."""
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(graph, lang), buf, encoding="utf-8", edge_id_from_attribute="id")
    return buf.getvalue()


def gexf_bytes(graph: PolicyGraph, lang: str = "zh") -> bytes:
    """GEXF 1.2 (UTF-8) for Gephi."""
    buf = io.BytesIO()
    nx.write_gexf(scalar_graph(graph, lang, gexf=True), buf, encoding="utf-8")
    return buf.getvalue()
