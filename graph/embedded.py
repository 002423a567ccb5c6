"""`EmbeddedStore`: the default store, a `PolicyGraph` in memory and its networkx view.

It answers every named query of docs/QUERIES.md (see `graph.embedded_queries`)
in Python, over one `graph.index.GraphIndex`; calls are checked by `graph.contract`,
as the Neo4j store's are.

>>> store = EmbeddedStore()
>>> store.query("documents")
[]
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from graph.contract import check_params
from graph.embedded_queries import QUERIES
from graph.index import GraphIndex
from graph.model import PolicyGraph
from graph.resolve import with_resolved_citations
from graph.set_aside import with_set_aside
from graph.store import StoreError, SyncReport

__all__ = ["EmbeddedStore"]


class EmbeddedStore:
    """A `PolicyStore` held in memory. Loading a document replaces its previous version."""

    name = "embedded"

    def __init__(self, graph: PolicyGraph | None = None) -> None:
        self._graph = PolicyGraph()
        self._index = GraphIndex(self._graph)
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
        merged = with_resolved_citations(self._graph.merged_with(with_set_aside(graph)))
        self._index = GraphIndex(merged)
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

