"""`Neo4jStore`: the policy graph in Neo4j (own server, cluster or Aura) over the official driver.

Usage (needs a server, so shown rather than run)::

    store = Neo4jStore.connect(load_settings())
    store.load(graph)   # SyncReport(documents=('doc:…',), nodes=…, edges=…)

Labels are the model's node types, relationship types its edge types, and the
properties are ``Node.as_dict()`` / ``Edge.as_dict()``. Consecutive documents are
written together in one managed transaction of batched ``UNWIND $rows … MERGE``
statements (their rows merged per label and type) that also drops what the new
versions no longer have, so a failure leaves the previous versions whole (and the
documents are then retried one by one, so only the failing one is left out) and a
re-load changes nothing. The rows come from `graph.neo4j_rows` (checked before anything is
written) and one transaction's statements from `graph.neo4j_write` (documents stored for the first
time created rather than merged; edges joined to their ends by element id). Named queries and
user Cypher run in read transactions and are refused (and rolled back) if they would write,
whether or not the server enforces the access mode itself (ArcadeDB does not).
User Cypher is first checked by `graph.cypher_guard`, which refuses what a read
transaction cannot stop (``CALL { … } IN TRANSACTIONS``, ``LOAD CSV``, foreign
procedures, several statements) before anything is sent. Every read has a time
limit (the driver's transaction timeout) and a row cap (`Rows.truncated`).
Every failure is a `StoreError` with one line and no password in it.
"""

from __future__ import annotations

import atexit
import gc
import json
import logging
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import neo4j
from neo4j.exceptions import (
    AuthError,
    ConfigurationError,
    ConstraintError,
    DriverError,
    Neo4jError,
    ServiceUnavailable,
    SessionExpired,
)

from graph.contract import check_params, plain
from graph.cypher import fill, load_cypher, query_names
from graph.cypher_guard import CypherRefused, check_read_only
from graph.model import EdgeType, Label, PolicyGraph
from graph.neo4j_rows import (JSON_KEYS, DocumentBatch, SyncBatch, document_batches, stored_props,
                              transaction_groups)
from graph.neo4j_write import chunks, write_batch
from graph.resolve import resolution_edges
from graph.set_aside import with_set_aside
from graph.settings import Neo4jSettings
from graph.store import Rows, StoreError, SyncReport

log = logging.getLogger(__name__)

_INDEX_NAME = re.compile(r"\bINDEX\s+(\w+)", re.IGNORECASE)
Progress = Callable[[int, int, str], None]  # (documents done, documents in all, document id)
# Every read is bounded in time (the driver's transaction timeout, which the server enforces and
# which ends the query on the server too) and in rows (the client stops reading and rolls back).
CONSOLE_TIMEOUT_S = 30.0
CONSOLE_ROW_CAP = 1000
QUERY_TIMEOUT_S = 120.0
QUERY_ROW_CAP = 1_000_000  # named queries feed the whole app (all_nodes, all_edges): generous
_TIMED_OUT = ("Neo.ClientError.Transaction.TransactionTimedOut",
              "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
              "Neo.TransientError.Transaction.LockClientStopped")

_drivers: dict[tuple[str, str, str], neo4j.Driver] = {}
_drivers_lock = threading.Lock()


def _driver(settings: Neo4jSettings) -> neo4j.Driver:
    """The process's one driver for these settings (drivers pool connections and are thread-safe)."""
    key = (settings.uri, settings.user, settings.password)
    with _drivers_lock:
        if key not in _drivers:
            _drivers[key] = neo4j.GraphDatabase.driver(
                settings.uri, auth=(settings.user, settings.password),
                connection_timeout=10.0, max_transaction_retry_time=15.0)
        return _drivers[key]


def _forget_driver(settings: Neo4jSettings) -> None:
    with _drivers_lock:
        driver = _drivers.pop((settings.uri, settings.user, settings.password), None)
    if driver is not None:
        driver.close()


@atexit.register
def close_drivers() -> None:
    """Close every driver this process opened."""
    with _drivers_lock:
        drivers = list(_drivers.values())
        _drivers.clear()
    for driver in drivers:
        driver.close()


@contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector off for the block, then back as it was, error or not.

    A sync allocates tens of thousands of small dicts and lists (its rows), none of them in a
    reference cycle, so reference counting frees them all; but their allocation alone sets off
    collections that walk every object the process holds (the loaded graph, the loaders'
    dictionaries): a fifth of the sync's own CPU time for the bench's 100 documents. Garbage in
    cycles made meanwhile waits for the next collection after the block.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class WriteRefused(Exception):
    """Raised inside a read transaction whose statement turned out to write: rolls it back."""


class RowCapReached(Exception):
    """Raised inside a read transaction at the row cap: rolls it back, which stops the query."""

    def __init__(self, rows: list[dict[str, Any]]) -> None:
        super().__init__(len(rows))
        self.rows = rows


def describe(exc: BaseException, settings: Neo4jSettings) -> str:
    """One line saying what went wrong, with the password masked.

    >>> describe(ValueError("Unknown URI scheme 'htp'"), Neo4jSettings("htp://h", password="pw"))
    "bad Neo4j URI 'htp://h': Unknown URI scheme 'htp'"
    """
    where = f"Neo4j at {settings.safe_uri}"
    code = getattr(exc, "code", None) or ""
    if isinstance(exc, AuthError) or code.startswith("Neo.ClientError.Security.Unauthorized"):
        text = f"{where} refused user {settings.user!r}: wrong user name or password"
    elif isinstance(exc, (ServiceUnavailable, SessionExpired)):
        reason = str(exc).rsplit("(reason ", 1)[-1].rstrip(")") if "(reason " in str(exc) else str(exc)
        text = f"cannot reach {where}: {reason.strip()} (is the server running and the URI right?)"
    elif code == "Neo.ClientError.Database.DatabaseNotFound":
        text = f"{where} has no database {settings.database!r} (check NEO4J_DATABASE)"
    elif code.startswith("Neo.ClientError.Security."):
        text = f"{where} does not allow user {settings.user!r} this: {getattr(exc, 'message', '') or exc}"
    elif isinstance(exc, Neo4jError):
        text = f"{where}: {code or type(exc).__name__}: {exc.message or exc}"
    elif isinstance(exc, (ValueError, ConfigurationError)):  # the driver's words for a malformed URI
        text = f"bad Neo4j URI {settings.safe_uri!r}: {exc}"
    else:
        text = f"{where}: {type(exc).__name__}: {exc}"
    return " ".join(settings.redact(text).split())


def schema_statements() -> list[str]:
    """The statements of ``cypher/schema.cypher``, comments dropped."""
    lines = [ln for ln in load_cypher("schema").splitlines() if not ln.lstrip().startswith("//")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class Neo4jStore:
    """A `PolicyStore` in a Neo4j database. Make one with `Neo4jStore.connect`."""

    name = "neo4j"

    def __init__(self, settings: Neo4jSettings, driver: neo4j.Driver) -> None:
        self.settings = settings
        self._driver = driver

    @classmethod
    def connect(cls, settings: Neo4jSettings, *, schema: bool = True) -> Neo4jStore:
        """A store on `settings`' database, checked to answer and (with `schema`) with the schema applied.

        StoreError with one clear line when the server is down, the password is wrong
        or the database does not exist.
        """
        try:
            store = cls(settings, _driver(settings))
            store._driver.verify_connectivity()
            store._read(load_cypher("ping"), {})
            if schema:
                store.apply_schema()
        except (Neo4jError, DriverError, ValueError, OSError) as exc:
            _forget_driver(settings)
            raise StoreError(describe(exc, settings)) from None
        return store

    # ------------------------------------------------------------------ schema

    def apply_schema(self, statements: list[str] | None = None) -> list[str]:
        """Run the schema statements; an index the server refuses is skipped with one warning.

        Returns the refused statements (constraints are never skipped: MERGE relies on them).
        """
        refused = []
        for statement in schema_statements() if statements is None else statements:
            try:
                self._write(statement)
            except Neo4jError as exc:
                if "CONSTRAINT" in statement.upper() or not (exc.code or "").startswith("Neo.ClientError"):
                    raise
                refused.append(statement)
        if refused:
            names = ", ".join(_INDEX_NAME.search(s)[1] if _INDEX_NAME.search(s) else s[:40] for s in refused)
            log.warning("Neo4j at %s refused %d index statement(s) (%s); queries still work, some slower",
                        self.settings.safe_uri, len(refused), names)
        return refused

    # ------------------------------------------------------------------ queries

    def query_names(self) -> list[str]:
        return query_names()

    def query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """Rows of named query `name` (docs/QUERIES.md), run read-only."""
        params = check_params(name, params)
        if name not in query_names():
            raise StoreError(f"query {name!r} has no Cypher file cypher/queries/{name}.cypher")
        rows = self._read(load_cypher(name), _parameters(params), QUERY_ROW_CAP, QUERY_TIMEOUT_S)
        if rows.truncated:
            log.warning("named query %s stopped at its cap of %d rows", name, rows.cap)
        return Rows((plain(_shape(row)) for row in rows), rows.truncated, rows.cap)

    def read(self, cypher: str, *, row_cap: int | None = None, timeout: float | None = None,
             **params: Any) -> Rows:
        """Rows of user-written `cypher` with `params`, as the driver gives them (lists keep their
        order), in a read transaction. Refused before it is sent if it could write or escape the
        graph (`graph.cypher_guard`); at most `row_cap` rows (`Rows.truncated` says when there
        were more) within `timeout` seconds (else StoreError); by default `CONSOLE_ROW_CAP` and
        `CONSOLE_TIMEOUT_S`."""
        try:
            statement = check_read_only(cypher)
        except CypherRefused as exc:
            raise StoreError(str(exc)) from None
        return self._read(statement, _parameters(params), CONSOLE_ROW_CAP if row_cap is None else row_cap,
                          CONSOLE_TIMEOUT_S if timeout is None else timeout)

    def _read(self, statement: str, params: Mapping[str, Any], row_cap: int = QUERY_ROW_CAP,
              timeout: float = QUERY_TIMEOUT_S) -> Rows:
        @neo4j.unit_of_work(timeout=timeout)
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            result = tx.run(statement, params)
            rows = []
            for record in result:
                if len(rows) == row_cap:
                    raise RowCapReached(rows)
                rows.append(record.data())
            summary = result.consume()
            # The server's own read mode is the first guard; this one holds where it is not
            # enforced (ArcadeDB): raising here rolls the transaction back.
            if summary.query_type not in ("r", None) or (
                    summary.query_type is None and summary.counters.contains_updates):
                raise WriteRefused(summary.query_type)
            return rows

        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return Rows(session.execute_read(work), False, row_cap)
        except RowCapReached as cap:
            return Rows(cap.rows, True, row_cap)
        except WriteRefused:
            raise StoreError("refused: a query here is read-only and this one would write "
                             "(nothing was changed)") from None
        except Neo4jError as exc:
            if exc.code in ("Neo.ClientError.Statement.AccessMode",
                            "Neo.ClientError.Transaction.ForbiddenDueToTransactionType"):
                raise StoreError("refused: a query here is read-only and this one would write "
                                 "(nothing was changed)") from None
            if exc.code in _TIMED_OUT:
                raise StoreError(f"stopped after {timeout:g} s, the time limit for a query here "
                                 "(narrow it: a LIMIT, a label, a property to match)") from None
            raise StoreError(describe(exc, self.settings)) from None
        except DriverError as exc:
            raise StoreError(describe(exc, self.settings)) from None

    def _write(self, statement: str, **params: Any) -> None:
        with self._session(neo4j.WRITE_ACCESS) as session:
            session.execute_write(lambda tx: tx.run(statement, params).consume())

    def _session(self, mode: str) -> neo4j.Session:
        return self._driver.session(database=self.settings.database, default_access_mode=mode)

    # ------------------------------------------------------------------ sync

    def load(self, graph: PolicyGraph, progress: Progress | None = None) -> SyncReport:
        """Write every document of `graph`, replacing its previous version: consecutive documents
        share a transaction (`transaction_groups`), so each is written whole or not at all.

        `progress(done, total, doc_id)` is called for each document once it is committed.
        """
        if not isinstance(graph, PolicyGraph):
            raise StoreError(f"load needs a PolicyGraph, got {type(graph).__name__}")
        with collector_paused():
            batches = document_batches(with_set_aside(graph))  # every check before the first write
            done = 0
            for group in transaction_groups(batches):
                self._write_documents(group)
                for batch in group:
                    done += 1
                    if progress is not None:
                        progress(done, len(batches), batch.doc_id)
            self._resolve_citations()
            nodes, edges = self.counts()
        return SyncReport(tuple(sorted(b.doc_id for b in batches)), nodes, edges)

    def _write_documents(self, group: list[DocumentBatch]) -> None:
        """One transaction for `group`. When it fails, its documents are written one by one, so the
        ones before the failing document are kept and the error names that document."""
        try:
            self._write_group(SyncBatch.of(group))
        except (Neo4jError, DriverError, StoreError) as exc:
            if len(group) > 1:
                for batch in group:
                    self._write_documents([batch])
                return
            reason = str(exc) if isinstance(exc, StoreError) else describe(exc, self.settings)
            raise StoreError(f"document {group[0].doc_id} not written (its previous version is kept): "
                             f"{reason}") from None

    def _write_group(self, batch: SyncBatch) -> None:
        with self._session(neo4j.WRITE_ACCESS) as session:
            try:
                session.execute_write(write_batch, batch)
            except ConstraintError:  # a node taken for new was there after all: merge everything
                session.execute_write(write_batch, batch, False)

    def _resolve_citations(self) -> None:
        """Recompute the derived edges of the whole store (graph.resolve), as the embedded store does."""
        citations = self.query("citations")
        edges = resolution_edges(self.query("documents"), citations, lambda _: True)
        labels = {**{r["source"]: r["source_type"] for r in citations},
                  **{r["target"]: r["target_type"] for r in citations}}
        groups: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]] = {}
        for e in edges:
            target = Label.POLICY if e.type is EdgeType.LOADED_AS else Label.ARTICLE
            key = (e.type, Label(labels[e.source]), target)
            groups.setdefault(key, []).append({"source": e.source, "target": e.target,
                                               "props": stored_props(e.as_dict(), e)})

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run(fill("delete_derived_edges", types=(EdgeType.LOADED_AS, EdgeType.REFERS_TO))).consume()
            for (edge_type, source, target), rows in groups.items():
                for chunk in chunks(rows):
                    tx.run(fill("merge_derived_edges", type=edge_type, source=source, target=target),
                           rows=chunk).consume()

        try:
            with self._session(neo4j.WRITE_ACCESS) as session:
                session.execute_write(work)
        except (Neo4jError, DriverError) as exc:
            raise StoreError(f"documents written; linking citations across them failed: "
                             f"{describe(exc, self.settings)}") from None

    def counts(self) -> tuple[int, int]:
        """(nodes, relationships) of the policy graph's labels and types."""
        def work(tx: neo4j.ManagedTransaction) -> tuple[int, int]:
            nodes = tx.run(fill("count_nodes", labels=tuple(Label))).single()["count"]
            return nodes, tx.run(fill("count_edges", types=tuple(EdgeType))).single()["count"]

        try:
            with self._session(neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (Neo4jError, DriverError) as exc:
            raise StoreError(describe(exc, self.settings)) from None

    def close(self) -> None:
        """Nothing to release per store: the process's driver is closed at exit (`close_drivers`)."""


# ---------------------------------------------------------------------- rows back

def _parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as the driver sends them (sets and tuples as lists)."""
    return {k: sorted(v) if isinstance(v, (set, frozenset)) else list(v) if isinstance(v, tuple) else v
            for k, v in params.items()}


def _shape(row: dict[str, Any]) -> dict[str, Any]:
    """A query's row: a ``props`` column (a map of stored properties) is spread into the row, its
    JSON-encoded values (see `stored_props`) decoded."""
    props = row.pop("props", None)
    if not isinstance(props, dict):
        return row
    for key in props.pop(JSON_KEYS, None) or ():
        if key in props:  # a map projection (``p {.a, ._json}``) may hold only some of them
            props[key] = json.loads(props[key])
    return {**row, **props}
