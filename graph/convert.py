"""PolicyGraph <-> networkx. The embedded store, analytics and exports start here.

GraphML and GEXF are written by `render.gephi` alone (one writer a format)."""

from __future__ import annotations

import networkx as nx

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
