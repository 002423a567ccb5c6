"""`EmbeddedStore`: the default store, a `PolicyGraph` in memory and its networkx view.

It answers every named query of docs/QUERIES.md (see `graph.embedded_queries`)
in Python. `QUERY_PARAMS` (query name -> {parameter: default or `REQUIRED`}) and
`check_params` are shared with the Neo4j store and the UI.

>>> store = EmbeddedStore()
>>> store.query("documents")
[]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.convert import to_networkx
from graph.embedded_queries import QUERIES, QUERY_PARAMS, REQUIRED, GraphIndex, check_params
from graph.model import PolicyGraph
from graph.resolve import with_resolved_citations
from graph.store import StoreError, SyncReport

__all__ = ["EmbeddedStore", "QUERY_PARAMS", "REQUIRED", "check_params"]


class EmbeddedStore:
    """A `PolicyStore` held in memory. Loading a document replaces its previous version."""

    name = "embedded"

    def __init__(self, graph: PolicyGraph | None = None) -> None:
        self._graph = PolicyGraph()
        self._index = GraphIndex(nx.MultiDiGraph())
        if graph is not None:
            self.load(graph)

    @property
    def graph(self) -> PolicyGraph:
        """Everything loaded so far, as plain data."""
        return self._graph

    @property
    def networkx(self) -> nx.MultiDiGraph:
        """The networkx view the queries run on (for analytics; treat it as read-only)."""
        return self._index.g

    def load(self, graph: PolicyGraph) -> SyncReport:
        """Add the documents of `graph`, each replacing its previous version with all its nodes
        and edges; shared entities no document uses any more go too."""
        if not isinstance(graph, PolicyGraph):
            raise StoreError(f"load needs a PolicyGraph, got {type(graph).__name__}")
        merged = with_resolved_citations(self._graph.merged_with(graph))
        self._index = GraphIndex(_view(merged))
        self._graph = merged
        g = self._index.g
        documents = tuple(sorted(d.id for d in graph.documents))
        return SyncReport(documents, g.number_of_nodes(), g.number_of_edges())

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of the named query `name` (see docs/QUERIES.md); StoreError for a bad name or parameter."""
        checked = check_params(name, params)
        return QUERIES[name](self._index, **checked)

    def query_names(self) -> list[str]:
        return sorted(QUERIES)

    def close(self) -> None:
        """Nothing to release; present for the `PolicyStore` interface."""


def _view(graph: PolicyGraph) -> nx.MultiDiGraph:
    """The networkx view, without edges whose end is not a node of the graph (left by a
    replaced document), so every node a query sees has its properties."""
    g = to_networkx(graph)
    g.remove_nodes_from([n for n, node_type in g.nodes(data="type") if node_type is None])
    return g
