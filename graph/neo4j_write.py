"""One Neo4j sync transaction: the statements that write a `SyncBatch` (`write_batch`).

Documents stored for the first time are created rather than merged (`_fresh_nodes`); an outline
node so created comes with the edge from its parent (`_write_children`); edges find their ends by
the element ids the node statements returned (`_write_edges`); what a document's new version lacks
goes (`_drop_stale`). Rows go in statement-sized `chunks`. Any error leaves the transaction to be
rolled back by the caller (`graph.neo4j_store`).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

import neo4j

from graph.cypher import fill, load_cypher
from graph.model import OUTLINE_EDGES, SHARED_LABELS, EdgeType, Label
from graph.neo4j_rows import DocumentBatch, SyncBatch
from graph.store import StoreError

BATCH_ROWS = 1000  # rows per UNWIND statement: big enough to amortise a round trip, small enough to stream
# Labels whose nodes belong to one document (they carry doc_id) and go when its new version lacks them.
# The Policy node is the document itself; shared entities go only as orphans.
OWNED_LABELS = tuple(lb for lb in Label if lb is not Label.POLICY and lb not in SHARED_LABELS)
LABEL_NAMES = {lb.value: lb for lb in Label}  # a stored label back to the enum (other labels are not ours)
Refs = dict[Label, dict[str, str]]  # the nodes written in a transaction: label -> id -> element id


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


def write_batch(tx: neo4j.ManagedTransaction, batch: SyncBatch, create: bool = True) -> None:
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


Children = Mapping[tuple[EdgeType, Label, Label], list[dict[str, Any]]]  # outline edge rows by type and labels


def _outline_children(batch: SyncBatch, fresh: set[str]) -> Children:
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


def _write_nodes(tx: neo4j.ManagedTransaction, batch: SyncBatch, fresh: set[str], children: Children) -> Refs:
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


def _write_children(tx: neo4j.ManagedTransaction, batch: SyncBatch, children: Children, refs: Refs) -> set[str]:
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
