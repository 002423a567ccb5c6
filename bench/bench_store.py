"""Store speed: sync and named-query latency over Bolt, against baselines run alongside.

    python -m bench.bench_store [--docs N] [--external]

- sync of the seed (into an empty database, then again unchanged) and of N documents
  derived from the seed's graph (own ids and titles; N = 1000 by default), in rows/s;
- batched ``UNWIND $rows … MERGE`` against one statement per row: the same rows, the
  same server, the same run (goal: batched >= 20x faster);
- p50/p95 latency of every named query on both stores on the seed (goals: < 50 ms
  embedded, < 150 ms over Bolt).

The server is a fresh ArcadeDB Bolt server (graph/bolt_testserver.py) in a temp dir; with
``--external`` it is the one NEO4J_URI names, and the bench DELETES every node of the
model's labels there. Figures also go to bench/results/store.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
from graph.bolt_testserver import BoltServer, wipe
from graph.cypher import fill
from graph.factory import embedded_store
from graph.model import Label, PolicyGraph
from graph.neo4j_rows import document_batches
from graph.neo4j_store import Neo4jStore, close_drivers
from graph.neo4j_write import BATCH_ROWS
from graph.settings import settings_from_env

SEED = sorted(str(p) for p in (ROOT / "data" / "seed").glob("*.txt"))
RESULTS = ROOT / "bench" / "results" / "store.json"
GOAL_BATCH_RATIO = 20.0
GOAL_P95_MS = {"embedded": 50.0, "neo4j": 150.0}
QUERY_RUNS = 30
BASELINE_REPEATS = 3
BASELINE_DOCS = 10  # documents of the corpus for the batch comparison: full batches, per-row still affordable


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_store")
    parser.add_argument("--docs", type=int, default=1000, help="documents in the derived corpus")
    parser.add_argument("--external", action="store_true", help="use NEO4J_URI (its policy graph is deleted)")
    args = parser.parse_args([] if argv is None else argv)
    from loaders import load_paths

    seed = load_paths(SEED)
    results: dict[str, Any] = {}
    with _server(args.external) as settings:
        store = Neo4jStore.connect(settings)
        print(f"server: {settings.safe_uri} ({_agent(store)})")
        results["sync_seed"] = _sync_seed(store, seed)
        results["batched_vs_per_row_seed"] = _batched_vs_per_row(store, seed, "the seed")
        results["query_latency"] = _latencies(store, seed)
        corpus = derive_corpus(seed, args.docs)
        results["batched_vs_per_row_corpus"] = _batched_vs_per_row(
            store, derive_corpus(seed, BASELINE_DOCS), f"{BASELINE_DOCS} derived documents")
        results["sync_corpus"] = _sync_corpus(store, corpus)
        wipe(store)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


class _server:
    """Settings of the server to bench: a fresh ArcadeDB one, or NEO4J_URI's with --external."""

    def __init__(self, external: bool) -> None:
        self.external = settings_from_env() if external else None
        if external and self.external is None:
            raise SystemExit("--external needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
        self.server = None if self.external else BoltServer(heap="3g")

    def __enter__(self):
        if self.server is None:
            return self.external
        started = time.perf_counter()
        self.server.start()
        print(f"ArcadeDB Bolt server started in {time.perf_counter() - started:.1f} s")
        return self.server.settings

    def __exit__(self, *exc) -> None:
        close_drivers()
        if self.server is not None:
            self.server.stop()


def _agent(store: Neo4jStore) -> str:
    return store._driver.get_server_info().agent


def _rows(graph: PolicyGraph) -> int:
    return len(graph.nodes) + len(graph.edges)


def _timed(fn: Callable[[], Any]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


# ---------------------------------------------------------------------- sync

def _sync_seed(store: Neo4jStore, seed: PolicyGraph) -> dict[str, Any]:
    wipe(store)
    fresh = _timed(lambda: store.load(seed))
    again = _timed(lambda: store.load(seed))
    rows = _rows(seed)
    print(f"\nsync of the seed ({len(seed.nodes)} nodes + {len(seed.edges)} edges = {rows} rows, "
          "one document):")
    print(f"  into an empty database  {fresh * 1000:8.0f} ms  {rows / fresh:9.0f} rows/s")
    print(f"  again, unchanged        {again * 1000:8.0f} ms  {rows / again:9.0f} rows/s")
    return {"rows": rows, "fresh_s": fresh, "again_s": again}


def derive_corpus(seed: PolicyGraph, n: int) -> PolicyGraph:
    """`n` copies of the seed's documents, each with its own document id and title; shared entities
    (actors, laws, …) stay shared, as they would across real documents. Document ``doc:x`` becomes
    ``doc:x#0001`` … and its outline ``doc:x#0001/part:1`` …; titles get ``（第1号）`` ….
    """
    owned = {n.id for n in seed.nodes if n.label is Label.POLICY or n.attrs.get("doc_id")}
    docs = {d.id for d in seed.documents}
    nodes, edges, documents = [], [], []
    for i in range(1, n + 1):
        def new(ref: str, i: int = i) -> str:
            return next((f"{d}#{i:04d}{ref[len(d):]}" for d in docs if ref.startswith(d)), ref) \
                if ref in owned or ref in docs else ref

        for node in seed.nodes:
            if node.id not in owned:
                continue
            attrs = dict(node.attrs)
            if "doc_id" in attrs:
                attrs["doc_id"] = new(attrs["doc_id"])
            if "title" in attrs and node.label is Label.POLICY:
                attrs["title"] = f"{attrs['title']}（第{i}号）"
            nodes.append(replace(node, id=new(node.id), attrs=attrs))
        edges += [replace(e, source=new(e.source), target=new(e.target), doc_id=new(e.doc_id))
                  for e in seed.edges]
        documents += [replace(d, id=new(d.id)) for d in seed.documents]
    nodes += [node for node in seed.nodes if node.id not in owned]
    return PolicyGraph(tuple(nodes), tuple(edges), tuple(documents))


def _sync_corpus(store: Neo4jStore, corpus: PolicyGraph) -> dict[str, Any]:
    docs = len(corpus.documents)
    wipe(store)
    last = [time.perf_counter()]

    def progress(done: int, total: int, doc_id: str) -> None:
        if time.perf_counter() - last[0] > 20 or done == total:
            last[0] = time.perf_counter()
            print(f"  … {done}/{total} documents", flush=True)

    rows = _rows(corpus)
    print(f"\nsync of {docs} documents derived from the seed (own ids and titles; {rows:,} rows):")
    fresh = _timed(lambda: store.load(corpus, progress=progress))
    nodes, edges = store.counts()
    print(f"  into an empty database  {fresh:8.1f} s   {rows / fresh:9.0f} rows/s   "
          f"{docs / fresh:6.1f} documents/s   ({nodes:,} nodes, {edges:,} relationships stored)")
    return {"documents": docs, "rows": rows, "fresh_s": fresh, "nodes": nodes, "edges": edges}


def _batched_vs_per_row(store: Neo4jStore, graph: PolicyGraph, what: str) -> dict[str, Any]:
    """`graph`'s merges (nodes, then edges; one transaction) as UNWIND batches of up to BATCH_ROWS
    rows per label or edge type, and as one statement per row."""
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for batch in document_batches(graph):
        for label, rows in batch.owned.items():
            groups.setdefault(("merge_nodes", "merge_node", label), []).extend(rows)
        for label, rows in batch.linked.items():
            groups.setdefault(("merge_shared_nodes", "merge_node", label), []).extend(rows)
    for batch in document_batches(graph):
        for key, rows in batch.edges.items():
            groups.setdefault(("merge_edges", "merge_edge", key), []).extend(rows)
    rows = sum(map(len, groups.values()))

    def parts(key) -> dict[str, Any]:
        return {"label": key} if isinstance(key, Label) else dict(zip(("type", "source", "target"), key))

    def batched(tx) -> None:
        for (template, _, key), group in groups.items():
            statement = fill(template, **parts(key))
            for start in range(0, len(group), BATCH_ROWS):
                tx.run(statement, rows=group[start:start + BATCH_ROWS]).consume()

    def per_row(tx) -> None:
        for (_, template, key), group in groups.items():
            statement = fill(template, **parts(key))
            for row in group:
                tx.run(statement, **row).consume()

    def autocommit_per_row(session) -> None:
        # What a naive client does: session.run per row, each its own transaction.
        for (_, template, key), group in groups.items():
            statement = fill(template, **parts(key))
            for row in group:
                session.run(statement, **row).consume()

    def once(work) -> float:
        wipe(store)
        with store._session("WRITE") as session:
            if work is autocommit_per_row:
                return _timed(lambda: work(session))
            return _timed(lambda: session.execute_write(work))

    variants = (("batched", batched), ("per_row", per_row), ("autocommit", autocommit_per_row))
    for _, work in variants:  # warm the server's query caches for every form before timing
        once(work)
    times = {name: statistics.median(once(work) for _ in range(BASELINE_REPEATS)) for name, work in variants}
    ratio = times["per_row"] / times["batched"]
    ratio_autocommit = times["autocommit"] / times["batched"]
    print(f"\nUNWIND batches vs one statement per row: {what}, {rows:,} rows, "
          f"{len(groups)} label/type groups, median of {BASELINE_REPEATS}:")
    labels = {"batched": "batched (UNWIND, one transaction)", "per_row": "per row, one transaction",
              "autocommit": "per row, auto-commit each"}
    for name, _ in variants:
        print(f"  {labels[name]:<34} {times[name] * 1000:8.0f} ms  {rows / times[name]:9.0f} rows/s")
    for name, r in (("per row, one transaction", ratio), ("per row, auto-commit each", ratio_autocommit)):
        verdict = "met" if r >= GOAL_BATCH_RATIO else "NOT met"
        print(f"  ratio vs {name:<26} {r:5.1f}x — goal >= {GOAL_BATCH_RATIO:g}x: {verdict}")
    return {"rows": rows, "groups": len(groups), **{f"{k}_s": v for k, v in times.items()}, "ratio": ratio,
            "ratio_autocommit": ratio_autocommit}


# ---------------------------------------------------------------------- queries

def _query_params(seed: PolicyGraph) -> dict[str, dict[str, Any]]:
    """One typical call of each named query, its references taken from the seed."""
    of = {lb: sorted(n.id for n in seed.nodes if n.label is lb) for lb in Label}
    degree: dict[str, int] = {}
    for e in seed.edges:
        for end in (e.source, e.target):
            degree[end] = degree.get(end, 0) + 1
    measure = max(of[Label.MEASURE], key=lambda n: (degree.get(n, 0), n))
    actor = max(of[Label.ACTOR], key=lambda n: (degree.get(n, 0), n))
    return {"documents": {}, "outline": {"doc": of[Label.POLICY][0]}, "node": {"node": measure},
            "search_nodes": {"text": "平台"}, "measures_of_system": {"system": of[Label.TARGET_SYSTEM][0]},
            "actors_of_measure": {"measure": measure}, "measures_citing_law": {"law": of[Label.LAW][0]},
            "neighbourhood": {"node": actor, "depth": 2},
            "edges_among": {"ids": sorted(degree, key=lambda n: -degree[n])[:30]},
            "shortest_paths": {"source": of[Label.LAW][0], "target": actor},
            "cross_references": {"measure": measure},
            "dependencies": {"node": of[Label.POLICY][0], "direction": "downstream"},
            "actor_system_matrix": {}, "law_measure_matrix": {}, "actor_measure_matrix": {},
            "co_occurring_actors": {}, "evidence_of": {"node": actor}, "all_nodes": {}, "all_edges": {}}


def _latencies(store: Neo4jStore, seed: PolicyGraph) -> dict[str, Any]:
    wipe(store)
    store.load(seed)
    stores = {"embedded": embedded_store(seed), "neo4j": store}
    calls = _query_params(seed)
    out: dict[str, Any] = {}
    print(f"\nnamed queries on the seed, ms (p50 / p95 of {QUERY_RUNS} runs after 2 warm-ups):")
    print(f"  {'query':<22}{'embedded':>18}{'neo4j (Bolt)':>18}{'rows':>7}")
    worst = {name: 0.0 for name in stores}
    for query in sorted(calls):
        line = {}
        for name, s in stores.items():
            def call(s=s, query=query):
                return s.query(query, **calls[query])

            rows = [call() for _ in range(2)][-1]
            samples = sorted(_timed(call) * 1000 for _ in range(QUERY_RUNS))
            p50, p95 = statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]
            line[name] = {"p50_ms": p50, "p95_ms": p95, "rows": len(rows)}
            worst[name] = max(worst[name], p95)
        out[query] = line
        print(f"  {query:<22}{line['embedded']['p50_ms']:>8.1f} /{line['embedded']['p95_ms']:>7.1f}"
              f"{line['neo4j']['p50_ms']:>10.1f} /{line['neo4j']['p95_ms']:>7.1f}{line['neo4j']['rows']:>7}")
    for name, goal in GOAL_P95_MS.items():
        verdict = "met" if worst[name] < goal else "NOT met"
        print(f"  worst p95 {name}: {worst[name]:.1f} ms — goal < {goal:g} ms: {verdict}")
    return out


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
