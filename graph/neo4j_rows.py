"""What a Neo4j sync writes, as rows: each document's nodes and edges grouped by label and type
(`document_batches`), consecutive documents' rows merged for one transaction (`SyncBatch`,
`transaction_groups`), and properties as Neo4j stores them (`stored_props`).

Everything here is plain data and is checked before anything is written: an edge whose end is not
in the graph, a property that can be stored neither as it is nor as JSON, the reserved ``_json``
key. `graph.neo4j_write` sends these rows; `graph.neo4j_store` drives the sync.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.model import Edge, EdgeType, Label, PolicyGraph
from graph.store import StoreError

# Rows (nodes and edges) of the consecutive documents one sync transaction writes: a statement costs a
# round trip and a plan whatever its size, and each transaction splits every label's and type's rows
# again, so a corpus of small documents is written in few of them (the 100-document bench corpus,
# 19,425 rows: 60 statements in one transaction rather than 134 in three at 10,000). Bounded so a
# failure, which writes the group's documents again one by one, never redoes more than this.
TRANSACTION_ROWS = 50_000
JSON_KEYS = "_json"  # property listing the keys stored as JSON text
_SCALARS = frozenset({str, int, float, bool})


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
            {"source": edge.source, "target": edge.target, "props": stored_props(edge.as_dict(), edge)})
    return {e.source for e in graph.edges} | {e.target for e in graph.edges}


def _add_node(groups: dict[Label, list[dict[str, Any]]], node: Any, rows: dict[str, dict[str, Any]]) -> None:
    if node.id not in rows:
        rows[node.id] = {"id": node.id, "props": stored_props(node.as_dict(), node.id)}
    groups.setdefault(node.label, []).append(rows[node.id])


def stored_props(values: dict[str, Any], where: Any) -> dict[str, Any]:
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
