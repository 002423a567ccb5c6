"""The one small interface every store implements.

The app and most tests depend only on this. `EmbeddedStore` (networkx, in
memory) is the default; `Neo4jStore` speaks Bolt through the official driver.
Both answer the same named queries (see `cypher/queries/*.cypher` for the
list, names and parameters) and return plain rows: lists of dicts holding
only str, int, float, bool, None and lists/dicts of those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from graph.model import PolicyGraph


@dataclass(frozen=True)
class SyncReport:
    """What a `load` did: documents written and node/edge counts after it."""

    documents: tuple[str, ...]
    nodes: int
    edges: int


class Rows(list):
    """A query's rows; `truncated` is True when the store stopped at its row cap (`cap` rows),
    so a page can say the table is not complete.

    >>> rows = Rows([{"n": 1}], truncated=True, cap=1)
    >>> rows, rows.truncated, rows.cap
    ([{'n': 1}], True, 1)
    """

    def __init__(self, rows=(), truncated: bool = False, cap: int | None = None) -> None:
        super().__init__(rows)
        self.truncated = truncated
        self.cap = cap


class StoreError(RuntimeError):
    """A store cannot do what was asked; the message is one clear line, no secrets."""


@runtime_checkable
class PolicyStore(Protocol):
    """Where a policy graph lives and how it is asked questions."""

    name: str  # "embedded" or "neo4j"

    def load(self, graph: PolicyGraph) -> SyncReport:
        """Write every document of `graph`, each replacing its previous version."""
        ...

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Run the named query `name` with `params`; plain rows back."""
        ...

    def query_names(self) -> list[str]:
        """Names of the named queries this store answers."""
        ...

    def close(self) -> None:
        ...
