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
re-load changes nothing. What a document stored for the first time owns cannot be in
the database yet (checked by doc_id; the uniqueness constraint is the backstop), so its
nodes and their edges are created rather than merged (`_fresh_nodes`). Edges find their ends by the
element ids the transaction's node statements returned, not by id (`_write_edges`). Named queries and
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
from dataclasses import dataclass, field
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
from graph.model import OUTLINE_EDGES, SHARED_LABELS, Edge, EdgeType, Label, PolicyGraph
from graph.resolve import resolution_edges
from graph.set_aside import with_set_aside
from graph.settings import Neo4jSettings
from graph.store import Rows, StoreError, SyncReport

log = logging.getLogger(__name__)

BATCH_ROWS = 1000  # rows per UNWIND statement: big enough to amortise a round trip, small enough to stream
# Rows (nodes and edges) of the consecutive documents one sync transaction writes: a statement costs a
# round trip and a plan whatever its size, and each transaction splits every label's and type's rows
# again, so a corpus of small documents is written in few of them (the 100-document bench corpus,
# 19,425 rows: 60 statements in one transaction rather than 134 in three at 10,000). Bounded so a
# failure, which writes the group's documents again one by one, never redoes more than this.
TRANSACTION_ROWS = 50_000
# Labels whose nodes belong to one document (they carry doc_id) and go when its new version lacks them.
# The Policy node is the document itself; shared entities go only as orphans.
OWNED_LABELS = tuple(lb for lb in Label if lb is not Label.POLICY and lb not in SHARED_LABELS)
LABEL_NAMES = {lb.value: lb for lb in Label}  # a stored label back to the enum (other labels are not ours)
JSON_KEYS = "_json"  # property listing the keys stored as JSON text
_SCALARS = frozenset({str, int, float, bool})
_INDEX_NAME = re.compile(r"\bINDEX\s+(\w+)", re.IGNORECASE)
Refs = dict[Label, dict[str, str]]  # the nodes written in a transaction: label -> id -> element id
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


class Chunk(list):
    """One statement's rows. The driver formats every parameter for its debug log before it looks
    whether debug logging is on (neo4j 6, Bolt RUN): the repr of a sync's rows cost 0.1 s of client
    time for the bench's 100 documents. A chunk's repr is its size; it packs as any list."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"<{len(self)} rows>"


def chunks(rows: list[dict[str, Any]]) -> Iterator[Chunk]:
    """`rows` in statement-sized chunks (`BATCH_ROWS`).

    >>> [len(c) for c in chunks([{}] * 2500)], repr(next(chunks([{}])))
    ([1000, 1000, 500], '<1 rows>')
    """
    for start in range(0, len(rows), BATCH_ROWS):
        yield Chunk(rows[start:start + BATCH_ROWS])


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
                session.execute_write(_write_batch, batch)
            except ConstraintError:  # a node taken for new was there after all: merge everything
                session.execute_write(_write_batch, batch, False)

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
                                               "props": _props(e.as_dict(), e)})

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


# ---------------------------------------------------------------------- rows of one document

@dataclass
class DocumentBatch:
    """What one document's transaction writes: rows grouped by label / edge type."""

    doc_id: str
    owned: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)  # replaced whole
    linked: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)  # created if missing
    edges: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]] = field(default_factory=dict)
    loose: list[str] = field(default_factory=list)  # linked nodes no edge of this document uses

    def keep_edges(self, edge_type: EdgeType) -> list[list[str]]:
        return [[r["source"], r["target"]] for (t, _, _), rows in self.edges.items() if t is edge_type
                for r in rows]

    def keep_nodes(self, label: Label) -> list[str]:
        return [r["id"] for r in self.owned.get(label, [])]

    def rows(self) -> int:
        return sum(len(rows) for part in (self.owned, self.linked, self.edges) for rows in part.values())


def document_batches(graph: PolicyGraph) -> list[DocumentBatch]:
    """One batch per document of `graph` (its Document records, then any doc_id its nodes or edges
    name), validated: StoreError if an edge's end is missing or a property cannot be stored."""
    owner = {n.id: n.id if n.label is Label.POLICY else n.attrs.get("doc_id") for n in graph.nodes}
    doc_ids = list(dict.fromkeys([d.id for d in graph.documents] + [o for o in owner.values() if o]
                                 + [e.doc_id for e in graph.edges]))
    batches = {doc: DocumentBatch(doc) for doc in doc_ids}
    placed: dict[str, set[str]] = {doc: set() for doc in doc_ids}
    rows: dict[str, dict[str, Any]] = {}  # a shared node's row, made once for all its documents
    for node in graph.nodes:
        if owner[node.id]:
            _add_node(batches[owner[node.id]].owned, node, rows)
            placed[owner[node.id]].add(node.id)
    used = _add_edges(graph, batches, placed, rows)
    strays = [n for n in graph.nodes if not owner[n.id] and n.id not in used]
    if strays and batches:  # unowned and unused: kept with the first document, dropped if orphans
        first = batches[doc_ids[0]]
        for node in strays:
            _add_node(first.linked, node, rows)
            first.loose.append(node.id)
    return list(batches.values())


def _add_edges(graph: PolicyGraph, batches: dict[str, DocumentBatch], placed: dict[str, set[str]],
               rows: dict[str, dict[str, Any]]) -> set[str]:
    """Each edge into its document's batch, with any end that document does not own as a linked node;
    the ids of every node an edge uses."""
    nodes = {n.id: n for n in graph.nodes}
    for edge in graph.edges:
        ends = nodes.get(edge.source), nodes.get(edge.target)
        if ends[0] is None or ends[1] is None:  # not `None in ends`: that compares whole nodes
            missing = edge.source if ends[0] is None else edge.target
            raise StoreError(f"edge {edge.source} -{edge.type.value}-> {edge.target} of document "
                             f"{edge.doc_id}: node {missing} is not in the graph")
        batch, seen = batches[edge.doc_id], placed[edge.doc_id]
        for end in ends:
            if end.id not in seen:
                _add_node(batch.linked, end, rows)
                seen.add(end.id)
        batch.edges.setdefault((edge.type, ends[0].label, ends[1].label), []).append(
            {"source": edge.source, "target": edge.target, "props": _props(edge.as_dict(), edge)})
    return {e.source for e in graph.edges} | {e.target for e in graph.edges}


def _add_node(groups: dict[Label, list[dict[str, Any]]], node: Any, rows: dict[str, dict[str, Any]]) -> None:
    if node.id not in rows:
        rows[node.id] = {"id": node.id, "props": _props(node.as_dict(), node.id)}
    groups.setdefault(node.label, []).append(rows[node.id])


def _props(values: dict[str, Any], where: Any) -> dict[str, Any]:
    """Properties as Neo4j stores them: None dropped, tuples as lists; `values` itself (a dict the
    caller made, e.g. by ``as_dict()``) when Neo4j stores every value as it is, as for most rows.

    A value Neo4j cannot store (a map, a list of lists, a mixed list, e.g. an edge's ``pieces``
    ranges) is stored as JSON text and its key listed in ``_json``; `_shape` decodes it on the way
    back, so rows match the embedded store. This happens here, before any write, on every server.
    `where` (a node id, or an edge, named by its key) only goes into an error message.
    """
    if values.get(JSON_KEYS) is not None:
        raise StoreError(f"{_where(where)}: property {JSON_KEYS!r} is reserved by the Neo4j store")
    for value in values.values():
        kind = type(value)
        if kind not in _SCALARS and not (kind is list and _plain_list(value)):
            return _converted(values, where)
    return values


def _plain_list(value: list[Any]) -> bool:
    """A non-empty list of one scalar type (a span, a list of names): stored as it is."""
    return len({type(v) for v in value}) == 1 and type(value[0]) in _SCALARS


def _converted(values: Mapping[str, Any], where: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    encoded: list[str] = []
    for key, value in values.items():
        if type(value) in _SCALARS:
            out[key] = value
        elif value is not None:
            out[key] = _storable_value(key, value, where, encoded)
    if encoded:
        out[JSON_KEYS] = encoded
    return out


def _storable_value(key: str, value: Any, where: Any, encoded: list[str]) -> Any:
    """`value` as Neo4j stores it: a list for a tuple or set, JSON text (its key added to `encoded`)
    for what Neo4j cannot store as it is."""
    if isinstance(value, (tuple, list, set, frozenset)):
        value = sorted(value) if isinstance(value, (set, frozenset)) else list(value)
    if _storable(value):
        return value
    try:
        text = json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        raise StoreError(f"{_where(where)}: property {key!r} ({type(value).__name__}) can be stored "
                         "neither as it is nor as JSON") from None
    encoded.append(key)
    return text


def _where(where: Any) -> Any:
    """What an error message names: an edge by its key, anything else as it is."""
    return where.key if isinstance(where, Edge) else where


def _storable(value: Any) -> bool:
    """Whether Neo4j stores `value` as it is: a scalar, or a list of scalars of one kind."""
    if isinstance(value, list):
        types = {type(v) for v in value}
        if len(types) == 1 and types <= _SCALARS:  # most lists (names, roles): one plain type
            return True
        kinds = {_kind(v) for v in value}
        return len(kinds) <= 1 and not kinds & {"list", "map", "other", None}
    return _kind(value) in ("bool", "number", "text")


def _kind(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, (list, tuple, set, frozenset)):
        return "list"
    return "map" if isinstance(value, Mapping) else "other"


# ---------------------------------------------------------------------- several documents, one transaction

@dataclass
class SyncBatch:
    """What one transaction writes: the rows of consecutive documents, merged per label / edge type
    across them, so a corpus needs a few dozen statements per transaction rather than per document."""

    documents: list[DocumentBatch]
    owned: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)
    linked: dict[Label, list[dict[str, Any]]] = field(default_factory=dict)
    edges: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]] = field(default_factory=dict)
    loose: list[str] = field(default_factory=list)

    @classmethod
    def of(cls, documents: list[DocumentBatch]) -> SyncBatch:
        """The documents' rows together. A node owned by one of them is written once, as owned;
        a shared node linked by several is written once, with the first document's attributes
        and the first English label any of them has (what writing them one by one stores)."""
        batch = cls(list(documents))
        owned_ids = set()
        for doc in documents:
            for label, rows in doc.owned.items():
                batch.owned.setdefault(label, []).extend(rows)
                owned_ids.update(r["id"] for r in rows)
        linked: dict[str, dict[str, Any]] = {}
        edges: dict[tuple[str, EdgeType, str], tuple[tuple[EdgeType, Label, Label], dict[str, Any]]] = {}
        for doc in documents:
            for label, rows in doc.linked.items():
                for row in rows:
                    if row["id"] not in owned_ids:
                        _link_once(linked, label, row)
            for key, rows in doc.edges.items():
                for row in rows:  # one edge per (source, type, target): the last document's wins
                    edges[(row["source"], key[0], row["target"])] = (key, row)
            batch.loose.extend(doc.loose)
        for label, row in linked.values():
            batch.linked.setdefault(label, []).append(row)
        for key, row in edges.values():
            batch.edges.setdefault(key, []).append(row)
        return batch

    def replacing(self, stored: set[str]) -> SyncBatch:
        """This batch narrowed to the documents that may have a previous version: those stored before
        (their Policy node was there) and any without a Policy node of their own to tell."""
        kept = [d for d in self.documents if d.doc_id in stored or not d.owned.get(Label.POLICY)]
        return SyncBatch(kept, loose=self.loose)


def _link_once(linked: dict[str, tuple[Label, dict[str, Any]]], label: Label, row: dict[str, Any]) -> None:
    """Keep the first row of a linked node; a later row only lends an English label the first lacks."""
    first = linked.get(row["id"])
    if first is None:
        linked[row["id"]] = (label, row)
    elif "name_en" not in first[1]["props"] and "name_en" in row["props"]:
        props = {**first[1]["props"], "name_en": row["props"]["name_en"]}
        linked[row["id"]] = (label, {**first[1], "props": props})


def transaction_groups(batches: list[DocumentBatch],
                       limit: int = TRANSACTION_ROWS) -> list[list[DocumentBatch]]:
    """Consecutive documents in groups of at most `limit` rows (a larger document is a group alone).

    >>> rows = {"a": 3, "b": 2, "c": 9, "d": 1}
    >>> sizes = [DocumentBatch(d, {Label.PART: [{}] * n}) for d, n in rows.items()]
    >>> [[b.doc_id for b in g] for g in transaction_groups(sizes, limit=5)]
    [['a', 'b'], ['c'], ['d']]
    """
    groups: list[list[DocumentBatch]] = []
    rows = 0
    for batch in batches:
        size = batch.rows()
        if not groups or rows + size > limit:
            groups.append([])
            rows = 0
        groups[-1].append(batch)
        rows += size
    return groups


# ---------------------------------------------------------------------- one transaction

def _write_batch(tx: neo4j.ManagedTransaction, batch: SyncBatch, create: bool = True) -> None:
    """Write `batch` in `tx`. With `create`, what cannot be in the database yet is created rather than
    merged (`_fresh_nodes`): MERGE's lookups are most of a sync's cost on the server."""
    ids = [d.doc_id for d in batch.documents]
    stored = {r["id"] for r in tx.run(load_cypher("stored_documents"), ids=ids)}
    fresh = _fresh_nodes(tx, batch, stored) if create else set()
    children = _outline_children(batch, fresh)
    refs = _write_nodes(tx, batch, fresh, children)
    _write_edges(tx, batch, fresh, refs, _write_children(tx, batch, children, refs))
    _drop_stale(tx, batch.replacing(stored))


def _fresh_nodes(tx: neo4j.ManagedTransaction, batch: SyncBatch, stored: set[str]) -> set[str]:
    """Ids of the nodes owned by documents stored for the first time, less those already in the
    database (another document linked to them, so they carry this one's doc_id)."""
    new = [d for d in batch.documents if d.doc_id not in stored and d.owned.get(Label.POLICY)]
    fresh = {r["id"] for d in new for rows in d.owned.values() for r in rows}
    labels = {label for d in new for label in d.owned if label is not Label.POLICY}
    docs = [d.doc_id for d in new]
    for label in sorted(labels):
        fresh.difference_update(r["id"] for r in tx.run(fill("stored_document_nodes", label=label), docs=docs))
    return fresh


def _outline_children(batch: SyncBatch, fresh: set[str]) -> dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]]:
    """The outline edges to create with their child node (`_write_children`): those into a node just
    created that no other outline edge of the batch enters, by edge type and labels."""
    into: dict[str, list[tuple[tuple[EdgeType, Label, Label], dict[str, Any]]]] = {}
    for key, rows in batch.edges.items():
        if key[0] in OUTLINE_EDGES:
            for row in rows:
                if row["target"] in fresh:
                    into.setdefault(row["target"], []).append((key, row))
    children: dict[tuple[EdgeType, Label, Label], list[dict[str, Any]]] = {}
    for (key, row), *others in into.values():
        if not others:
            children.setdefault(key, []).append(row)
    return children


def _write_nodes(tx: neo4j.ManagedTransaction, batch: SyncBatch, fresh: set[str],
                 children: Mapping[tuple[EdgeType, Label, Label], list[dict[str, Any]]]) -> Refs:
    """Write the batch's nodes but the `children` (written under their parents next); each node's
    element id by label and id, for the edges."""
    under_parent = {row["target"] for rows in children.values() for row in rows}
    refs: Refs = {}
    for label, rows in batch.owned.items():
        for name, part in (("create_nodes", [r for r in rows if r["id"] in fresh and r["id"] not in under_parent]),
                           ("merge_nodes", [r for r in rows if r["id"] not in fresh])):
            refs.setdefault(label, {}).update(_unwind_nodes(tx, fill(name, label=label), part))
    for label, rows in batch.linked.items():
        refs.setdefault(label, {}).update(_unwind_nodes(tx, fill("merge_shared_nodes", label=label), rows))
    return refs


def _write_children(tx: neo4j.ManagedTransaction, batch: SyncBatch,
                    children: Mapping[tuple[EdgeType, Label, Label], list[dict[str, Any]]], refs: Refs) -> set[str]:
    """Create each child node with the outline edge from its parent, one outline level a round (a
    parent needs its element id first); the ids of the children so written. A child whose parent
    never gets one (outline edges in a cycle) is written alone, and its edge with the others."""
    rows_by_id = {r["id"]: r for rows in batch.owned.values() for r in rows}
    pending = {key: list(rows) for key, rows in children.items()}
    written: set[str] = set()
    while pending:
        ready = {key: [r for r in rows if r["source"] in refs.get(key[1], {})] for key, rows in pending.items()}
        if not any(ready.values()):
            for (_, _, label), rows in pending.items():
                part = [rows_by_id[r["target"]] for r in rows]
                refs.setdefault(label, {}).update(_unwind_nodes(tx, fill("create_nodes", label=label), part))
            break
        for (edge_type, parent, label), rows in ready.items():
            part = [{**rows_by_id[r["target"]], "parent": refs[parent][r["source"]], "edge": r["props"]}
                    for r in rows]
            refs.setdefault(label, {}).update(
                _unwind_nodes(tx, fill("create_child_nodes", type=edge_type, label=label), part))
            written.update(r["target"] for r in rows)
        pending = {key: [r for r in rows if r["target"] not in written] for key, rows in pending.items()}
        pending = {key: rows for key, rows in pending.items() if rows}
    return written


def _write_edges(tx: neo4j.ManagedTransaction, batch: SyncBatch, fresh: set[str], refs: Refs,
                 with_child: set[str] = frozenset()) -> None:
    """Edges with an end just created cannot exist yet: created; the others merged; the outline
    edges into `with_child` were created with their child. Their ends are the element ids the node
    statements returned, so one statement per type serves every pair of labels and no end is looked
    up by id."""
    created: dict[EdgeType, list[dict[str, Any]]] = {}
    merged: dict[EdgeType, list[dict[str, Any]]] = {}
    for (edge_type, source, target), rows in batch.edges.items():
        sources, targets = refs.get(source, {}), refs.get(target, {})
        new, old = created.setdefault(edge_type, []), merged.setdefault(edge_type, [])
        if edge_type in OUTLINE_EDGES and with_child:
            rows = [r for r in rows if r["target"] not in with_child]
        for row in rows:
            ends = (sources.get(row["source"]), targets.get(row["target"]))
            if None in ends:  # every end is one of the batch's nodes; never commit a partial document
                raise StoreError(f"edge {row['source']} -{edge_type.value}-> {row['target']}: an end "
                                 "was not written; the document was rolled back")
            (new if row["source"] in fresh or row["target"] in fresh else old).append(
                {"source": ends[0], "target": ends[1], "props": row["props"]})
    for name, groups in (("create_edges_by_ref", created), ("merge_edges_by_ref", merged)):
        for edge_type, rows in groups.items():
            _unwind(tx, fill(name, type=edge_type), rows)


def _drop_stale(tx: neo4j.ManagedTransaction, batch: SyncBatch) -> None:
    """Edges and owned nodes the documents' new versions lack, then shared entities nothing uses any
    more. Documents stored for the first time have nothing to drop and are not looked at."""
    maybe_orphans = set(batch.loose)
    if batch.documents:
        maybe_orphans.update(_drop_stale_edges(tx, batch.documents))
        for label in OWNED_LABELS:
            docs = [{"id": d.doc_id, "keep": d.keep_nodes(label)} for d in batch.documents]
            tx.run(fill("delete_stale_nodes", label=label), docs=docs).consume()
    if maybe_orphans:
        ids = sorted(maybe_orphans)
        for label in SHARED_LABELS:
            tx.run(fill("delete_orphans", label=label), ids=ids).consume()


def _drop_stale_edges(tx: neo4j.ManagedTransaction, documents: list[DocumentBatch]) -> set[str]:
    """Delete the stored edges of `documents` that their new versions lack; their endpoints back."""
    ids = [d.doc_id for d in documents]
    ends: set[str] = set()
    for edge_type in EdgeType:
        keep = {d.doc_id: {tuple(pair) for pair in d.keep_edges(edge_type)} for d in documents}
        stale: dict[Label, list[dict[str, str]]] = {}
        for r in tx.run(fill("match_document_edges", type=edge_type), docs=ids):
            if (r["source"], r["target"]) not in keep[r["doc"]] and r["source_label"] in LABEL_NAMES:
                stale.setdefault(LABEL_NAMES[r["source_label"]], []).append(
                    {"doc": r["doc"], "source": r["source"], "target": r["target"]})
        for source, rows in stale.items():
            for record in tx.run(fill("delete_stale_edges", type=edge_type, source=source), rows=rows):
                ends.update((record["source"], record["target"]))
    return ends


def _unwind(tx: neo4j.ManagedTransaction, statement: str, rows: list[dict[str, Any]]) -> None:
    for chunk in chunks(rows):
        written = tx.run(statement, rows=chunk).single()["written"]
        if written != len(chunk):  # a MATCH found no node: never commit a partial document
            raise StoreError(f"wrote {written} of {len(chunk)} rows; the document was rolled back")


def _unwind_nodes(tx: neo4j.ManagedTransaction, statement: str,
                  rows: list[dict[str, Any]]) -> list[list[str]]:
    """(id, element id) of each node a node statement wrote, all of `rows` or StoreError."""
    out: list[list[str]] = []
    for chunk in chunks(rows):
        written = tx.run(statement, rows=chunk).single()["refs"]  # [id, element id] pairs
        if len(written) != len(chunk):
            raise StoreError(f"wrote {len(written)} of {len(chunk)} nodes; the document was rolled back")
        out.extend(written)
    return out


# ---------------------------------------------------------------------- rows back

def _parameters(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as the driver sends them (sets and tuples as lists)."""
    return {k: sorted(v) if isinstance(v, (set, frozenset)) else list(v) if isinstance(v, tuple) else v
            for k, v in params.items()}


def _shape(row: dict[str, Any]) -> dict[str, Any]:
    """A query's row: a ``props`` column (a map of stored properties) is spread into the row, its
    JSON-encoded values (see `_props`) decoded."""
    props = row.pop("props", None)
    if not isinstance(props, dict):
        return row
    for key in props.pop(JSON_KEYS, None) or ():
        if key in props:  # a map projection (``p {.a, ._json}``) may hold only some of them
            props[key] = json.loads(props[key])
    return {**row, **props}
