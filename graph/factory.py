"""Making a store: the one door to the store implementations for everything outside `graph/`.

Pages, exports, command lines and benchmarks ask for a store here and then speak only the
`graph.store.PolicyStore` interface (named queries through `query`, checked by `graph.contract`),
so whatever they show comes from the store in use, embedded or Neo4j. The Neo4j driver is imported
only when a Neo4j store is asked for.

>>> store = embedded_store()
>>> store.name, store.query("documents")
('embedded', [])
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import PolicyGraph
from graph.store import PolicyStore

if TYPE_CHECKING:
    from graph.settings import Neo4jSettings


def embedded_store(graph: PolicyGraph | None = None) -> PolicyStore:
    """An in-memory store holding `graph` (empty when None)."""
    from graph.embedded import EmbeddedStore

    return EmbeddedStore(graph)


def neo4j_store(settings: "Neo4jSettings", *, schema: bool = True) -> PolicyStore:
    """A store on the Neo4j database of `settings`, checked to answer (and with the schema applied
    when `schema`); `graph.store.StoreError` with one clear line when it cannot be reached."""
    from graph.neo4j_store import Neo4jStore

    return Neo4jStore.connect(settings, schema=schema)


def console_limits() -> tuple[int, float]:
    """(rows, seconds): how much a user-written Cypher query may return and run, on Neo4j.

    >>> rows, seconds = console_limits()
    >>> rows > 0 and seconds > 0
    True
    """
    from graph.neo4j_store import CONSOLE_ROW_CAP, CONSOLE_TIMEOUT_S

    return CONSOLE_ROW_CAP, CONSOLE_TIMEOUT_S
