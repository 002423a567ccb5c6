"""Corpus speed: comparing two documents, syncing a 100-document corpus, drawing its network.

    python -m bench.bench_corpus [--docs N] [--runs N] [--sync-runs N] [--no-compare] [--no-browser]
                                 [--no-bolt] [--external]

- (a) comparison of a national and a local document of ``../shared/corpus`` (with the shared
  corpus present: 优化营商环境条例 and 上海市优化营商环境条例, ~70 and ~100 articles)
  with `graph.compare.align` over ``units_of_document`` rows. Goal: < 2 s.
- (b) Neo4j sync of N documents (the shared corpus repeated with varied titles and numbers,
  `bench.corpus.make_corpus`) into an empty database (a fresh ArcadeDB Bolt server; with
  ``--external`` the one NEO4J_URI names, whose policy graph the bench DELETES), in rows/s,
  against the same server's bare ``UNWIND $rows AS row CREATE (n:BenchRow) SET n = row``
  (cypher/create_bench_rows.cypher) for the same number of rows, in batches of the store's size,
  one transaction, same run.
  Goal: sync >= 50 % of the bare rate. Both sides
  are warmed first (2,000 bare rows; a sync of the first documents, wiped again), then
  ``--sync-runs`` (3) pairs of bare-then-sync are timed, alternated so that a busy spell of a
  shared machine falls on both; the share is the median of the pairs' ratios, shown with each
  and the load. Each pair also writes the same nodes and edges with plain CREATE statements (the
  store's rows made beforehand; no MERGE, no checks, no citation links): the share that reaches is
  what the graph costs written the plainest way, a reference for the sync's own work (the sync's
  rate as a share of that one is shown too). The bare rows carry about three quarters of the bytes
  the sync sends (12.4 against 16.9 MB packed for the 100 documents: its rows hold every property,
  evidence, spans and doc_id included), so the share is, if anything, on the strict side.
- (c) the Documents page's network of the N documents in headless Chromium (``streamlit run``
  with ``POLICY_KG_DOCS`` set to the corpus folder): seconds from navigation to the canvas
  painted and its layout settled, in a new tab (a new session) of a browser that has opened the app
  before (a profile of its own on disk, `bench.bench_app.returning_browser`), after the server has
  read the documents (goal: < 3 s); the same as a first visit (an
  empty browser profile, Streamlit's scripts not cached yet); and for the first visitor of a
  fresh server (loading the N documents included; no goal, shown).

Figures also go to bench/results/corpus.json.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any, Callable

from bench.corpus import SHARED_CORPUS, make_corpus
from graph.cypher import load_cypher
from graph.factory import embedded_store
from graph.model import PolicyGraph, merge_graphs
from graph.settings import settings_from_env
from graph.store import PolicyStore

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "corpus.json"
CORPUS_DIR = ROOT / "bench" / "results" / "corpus-app"  # its own folder: exactly the N documents
GOAL_COMPARE_S = 2.0
GOAL_SYNC_SHARE = 0.5
GOAL_NETWORK_S = 3.0
VIEWPORT = {"width": 1440, "height": 1000}
COMPARE_RUNS = 5
WARM_UP_DOCS = 10  # documents synced (then wiped) before the measured sync, as the bare side is warmed
SYNC_RUNS = 3  # bare-then-sync pairs; the ratio reported is the median of theirs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_corpus")
    parser.add_argument("--docs", type=int, default=100, help="documents in the derived corpus")
    parser.add_argument("--runs", type=int, default=3, help="browser visits to take the median of")
    parser.add_argument("--no-browser", action="store_true", help="skip the Chromium figure")
    parser.add_argument("--no-bolt", action="store_true", help="skip the Neo4j sync figure")
    parser.add_argument("--external", action="store_true", help="sync into NEO4J_URI (its policy graph is deleted)")
    parser.add_argument("--sync-runs", type=int, default=SYNC_RUNS, help="bare-then-sync pairs for (b)")
    parser.add_argument("--no-compare", action="store_true", help="skip the comparison figure")
    args = parser.parse_args([] if argv is None else argv)
    if args.external and not args.no_bolt and settings_from_env() is None:  # before minutes of loading
        parser.error("--external needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD, NEO4J_DATABASE)")
    results: dict[str, Any] = {} if args.no_compare else {"compare": compare_largest()}
    paths = make_corpus(args.docs, CORPUS_DIR)
    if not args.no_bolt:
        results["sync"] = sync_against_bare(load_corpus(paths), args.sync_runs, args.external)
    if not args.no_browser:
        results["network"] = network_in_browser(args.runs)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    out = fn()
    return time.perf_counter() - started, out


# ---------------------------------------------------------------------- (a) comparison

def _articles(store: PolicyStore, doc_id: str) -> list[dict[str, Any]]:
    return store.query("units_of_document", doc=doc_id)


def pick_pair(sizes: dict[str, int], titles: dict[str, str]) -> tuple[str, str]:
    """The two documents to compare: a national text and a local one of the same name (the local
    title ends with the national one, as 上海市X条例 does with X条例), the largest such pair; else
    the two largest documents.

    >>> pick_pair({"a": 70, "b": 97, "c": 90}, {"a": "X条例", "b": "甲市X条例", "c": "Y法"})
    ('a', 'b')
    >>> pick_pair({"a": 70, "b": 97, "c": 90}, {"a": "X条例", "b": "Z条例", "c": "Y法"})
    ('b', 'c')
    """
    pairs = [(sizes[a] + sizes[b], a, b) for a in sizes for b in sizes
             if a != b and titles.get(a) and titles.get(b, "").endswith(titles[a])]
    if pairs:
        return max(pairs)[1:]
    largest = sorted(sizes, key=lambda d: (-sizes[d], d))
    return largest[0], largest[min(1, len(largest) - 1)]


def compare_largest() -> dict[str, Any]:
    """Align a national and a local document of the shared corpus (`pick_pair`; the seed without it)."""
    from graph.compare import align
    from loaders import load_paths

    files = sorted(SHARED_CORPUS.glob("*.md")) or sorted((ROOT / "data" / "seed").glob("*.txt"))
    graph = merge_graphs(load_paths([str(p)]) for p in files)
    store = embedded_store(graph)
    title = {n.id: n.attrs.get("title") or n.name for n in graph.nodes}
    sizes = {d.id: len(_articles(store, d.id)) for d in graph.documents}
    a, b = pick_pair(sizes, title)
    n_a, n_b = sizes[a], sizes[b]
    samples = []
    for _ in range(COMPARE_RUNS):
        seconds, result = _timed(lambda: align(_articles(store, a), _articles(store, b)))
        samples.append(seconds)
    median = statistics.median(samples)
    verdict = "met" if median < GOAL_COMPARE_S else "NOT met"
    print(f"(a) comparison of {title.get(a, a)} ({n_a} units) and {title.get(b, b)} ({n_b} units), "
          f"median of {COMPARE_RUNS}: {median:.3f} s — {len(result.inherited)} inherited, "
          f"{len(result.added)} added, {len(result.dropped)} dropped; goal < {GOAL_COMPARE_S:g} s: {verdict}")
    return {"first": title.get(a, a), "second": title.get(b, b), "units": [n_a, n_b], "median_s": median,
            "inherited": len(result.inherited), "added": len(result.added), "dropped": len(result.dropped)}


# ---------------------------------------------------------------------- (b) Neo4j sync

def load_corpus(paths: list[Path]) -> PolicyGraph:
    from loaders import load_paths

    seconds, graphs = _timed(lambda: [load_paths([str(p)]) for p in paths])
    graph = merge_graphs(graphs)
    print(f"\nloaded {len(paths)} documents in {seconds:.1f} s ({len(paths) / seconds:.1f} documents/s): "
          f"{len(graph.nodes):,} nodes, {len(graph.edges):,} edges")
    return graph


def bare_rows(graph: PolicyGraph) -> list[dict[str, Any]]:
    """As many plain rows as the sync writes (one per node, one per edge), with comparable payloads."""
    rows = [{"id": n.id, "name": n.name, "type": n.label.value} for n in graph.nodes]
    rows += [{"source": e.source, "target": e.target, "type": e.type.value, "evidence": e.evidence or ""}
             for e in graph.edges]
    return rows


def _bare_create(store: Any, rows: list[dict[str, Any]]) -> float:
    from graph.neo4j_write import chunks

    statement = load_cypher("create_bench_rows")

    def write(tx) -> None:  # chunked as the store's statements are, short repr included
        for chunk in chunks(rows):
            tx.run(statement, rows=chunk).consume()

    store._write(load_cypher("delete_bench_rows"))
    with store._session("WRITE") as session:
        seconds, _ = _timed(lambda: session.execute_write(write))
    store._write(load_cypher("delete_bench_rows"))
    return seconds


def _plain_create(store: Any, corpus: PolicyGraph) -> float:
    """Seconds to write `corpus`'s nodes and edges with nothing but CREATE, one statement for each
    label's nodes and one for each type's edges (rows made beforehand, as the bare rows are; no
    MERGE, no checks, no citation links): the graph written the plainest way. Wiped afterwards."""
    from bench.bench_store import wipe
    from graph.cypher import fill
    from graph.neo4j_rows import SyncBatch, document_batches
    from graph.neo4j_write import chunks
    from graph.set_aside import with_set_aside

    batch = SyncBatch.of(document_batches(with_set_aside(corpus)))
    nodes = [*batch.owned.items(), *batch.linked.items()]

    def write(tx) -> None:
        refs: dict[str, str] = {}
        for label, rows in nodes:
            for chunk in chunks(rows):
                refs.update(tx.run(fill("create_nodes", label=label), rows=chunk).single()["refs"])
        for (edge_type, _, _), rows in batch.edges.items():
            ends = [{"source": refs[r["source"]], "target": refs[r["target"]], "props": r["props"]}
                    for r in rows]
            for chunk in chunks(ends):
                tx.run(fill("create_edges_by_ref", type=edge_type), rows=chunk).consume()

    with store._session("WRITE") as session:
        seconds, _ = _timed(lambda: session.execute_write(write))
    wipe(store)
    return seconds


def first_documents(graph: PolicyGraph, n: int) -> PolicyGraph:
    """The first `n` documents of `graph`, with the nodes their edges use."""
    keep = {d.id for d in graph.documents[:n]}
    edges = tuple(e for e in graph.edges if e.doc_id in keep)
    used = {e.source for e in edges} | {e.target for e in edges}
    nodes = tuple(x for x in graph.nodes if x.id in keep or x.attrs.get("doc_id") in keep or x.id in used)
    return PolicyGraph(nodes, edges, tuple(d for d in graph.documents if d.id in keep))


def sync_against_bare(corpus: PolicyGraph, runs: int = SYNC_RUNS, external: bool = False) -> dict[str, Any]:
    from bench.bench_store import _server, wipe
    from graph.neo4j_store import Neo4jStore

    bare, sync, plain, load = [], [], [], []
    with _server(external) as settings:
        store = Neo4jStore.connect(settings)
        wipe(store)
        # Both sides warmed alike (the JVM compiles a statement's code paths on first use): the bare
        # statement on 2,000 rows, the sync on a few documents, wiped again before the measured sync.
        _bare_create(store, bare_rows(corpus)[:2000])
        _plain_create(store, first_documents(corpus, WARM_UP_DOCS))
        store.load(first_documents(corpus, WARM_UP_DOCS))
        wipe(store)
        for _ in range(runs):  # alternated, so a busy spell on a shared machine hits both sides
            load.append(os.getloadavg()[0])
            bare.append(_bare_create(store, bare_rows(corpus)))
            plain.append(_plain_create(store, corpus))
            sync.append(_timed(lambda: store.load(corpus))[0])
            again, _ = _timed(lambda: store.load(corpus))
            wipe(store)
    return _report_sync(corpus, bare, plain, sync, again, load)


def _shares(faster: list[float], slower: list[float]) -> tuple[float, str]:
    """The median of the runs' rate ratios (seconds of `faster` over seconds of `slower`), and each.

    >>> _shares([1.0, 1.0, 2.0], [2.0, 4.0, 2.0])
    (0.5, '50%, 25%, 100%')
    """
    ratios = [f / s for f, s in zip(faster, slower)]
    return statistics.median(ratios), ", ".join(f"{r:.0%}" for r in ratios)


def _report_sync(corpus: PolicyGraph, bare: list[float], plain: list[float], sync: list[float],
                 again: float, load: list[float]) -> dict[str, Any]:
    rows = len(corpus.nodes) + len(corpus.edges)
    (share, each), (plain_share, plain_each) = _shares(bare, sync), _shares(bare, plain)
    of_plain, of_plain_each = _shares(plain, sync)
    bare_s, sync_s = statistics.median(bare), statistics.median(sync)
    verdict = "met" if share >= GOAL_SYNC_SHARE else "NOT met"
    print(f"(b) Neo4j sync of {len(corpus.documents)} documents ({rows:,} rows) into an empty database, "
          f"median of {len(sync)} runs (load {min(load):.1f}-{max(load):.1f}): {sync_s:.1f} s, "
          f"{rows / sync_s:,.0f} rows/s; again, unchanged: {again:.1f} s")
    print(f"    bare UNWIND $rows CREATE, same rows, same server, run before each sync: {bare_s:.1f} s, "
          f"{rows / bare_s:,.0f} rows/s")
    print(f"    plain CREATE of the same nodes and edges (rows made beforehand; no MERGE, checks or "
          f"citation links), same runs: {statistics.median(plain):.1f} s, at {plain_share:.0%} of the "
          f"bare rate ({plain_each}): the graph written the plainest way")
    print(f"    sync at {of_plain:.0%} of the plain CREATE's rate ({of_plain_each})")
    print(f"    sync at {share:.0%} of the bare rate (median of the runs' ratios: {each}) — goal >= "
          f"{GOAL_SYNC_SHARE:.0%}: {verdict}")
    return {"documents": len(corpus.documents), "rows": rows, "sync_s": sync_s, "again_s": again,
            "bare_s": bare_s, "sync_rows_per_s": rows / sync_s, "bare_rows_per_s": rows / bare_s,
            "share": share, "plain_share": plain_share, "share_of_plain": of_plain, "runs": len(sync),
            "bare_samples_s": bare, "plain_samples_s": plain, "sync_samples_s": sync, "load": load}


# ---------------------------------------------------------------------- (c) network in Chromium

def _network_settled(page: Any, started: float) -> float:
    """Seconds from `started` until the graph's canvas is painted and its layout has settled (what a
    person waits for; render/pyvis_html.py marks both on the page's body)."""
    page.wait_for_selector("iframe", timeout=120_000)
    while True:
        for frame in page.frames:
            if frame is not page.main_frame and frame.locator(
                    "body[data-drawn='1'][data-settled='1'] #graph canvas").count():
                return time.perf_counter() - started
        page.wait_for_timeout(20)


def network_in_browser(runs: int) -> dict[str, Any]:
    import tempfile

    from playwright.sync_api import sync_playwright

    from bench.bench_app import BASELINE_SCRIPT, CHROMIUM, CHROMIUM_ARGS, _clean_env, _server, returning_browser

    env = _clean_env(POLICY_KG_DOCS=str(CORPUS_DIR))
    cold, warm, first_visits, heading, baseline = [], [], [], [], []
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

        def visit(context: Any, url: str, drawn: bool = True) -> tuple[float, float]:
            """(seconds to the page's heading, seconds to the graph drawn) from navigation, in a new
            tab of `context` (a new session)."""
            page = context.new_page()
            started = time.perf_counter()
            page.goto(url)
            page.wait_for_selector("[data-testid='stMain'] h1", timeout=600_000)
            first = time.perf_counter() - started
            seconds = _network_settled(page, started) if drawn else first
            page.close()
            return first, seconds

        def first_visit(url: str) -> float:
            """The graph drawn in an empty browser profile (nothing of Streamlit's cached yet)."""
            context = browser.new_context(viewport=VIEWPORT)
            try:
                return visit(context, url)[1]
            finally:
                context.close()

        script = Path(tmp) / "baseline_app.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        visited = returning_browser(p, str(Path(tmp) / "profile"), VIEWPORT)  # an analyst's own browser
        with _server(env, str(script)) as server:
            for _ in range(2):  # Chromium keeps a script's compiled code from its second run on
                visit(visited, server.url, drawn=False)
            baseline += [visit(visited, server.url, drawn=False)[0] for _ in range(runs)]
        with _server(env) as server:
            cold.append(visit(visited, f"{server.url}/documents")[1])
            visit(visited, f"{server.url}/documents")
            for _ in range(runs):
                first, drawn = visit(visited, f"{server.url}/documents")
                heading.append(first)
                warm.append(drawn)
            visited.close()
            first_visits += [first_visit(f"{server.url}/documents") for _ in range(runs)]
        browser.close()
    median, base = statistics.median(warm), statistics.median(baseline)
    verdict = "met" if median < GOAL_NETWORK_S else "NOT met"
    print(f"(c) Documents page, network of the corpus drawn and settled in Chromium: {median:.2f} s "
          f"from navigation "
          f"(median of {runs} visits after the server has read the documents; heading at "
          f"{statistics.median(heading):.2f} s), in a browser that has opened the app before — goal "
          f"< {GOAL_NETWORK_S:g} s: {verdict}; as a first visit (empty browser profile): "
          f"{statistics.median(first_visits):.2f} s")
    print(f"    baseline, a one-line Streamlit script's heading on the same machine: {base:.2f} s "
          f"(network drawn at {median / base:.1f}x); first visitor of a fresh server (reading every "
          f"document): {cold[0]:.1f} s")
    return {"warm_s": median, "warm_samples_s": warm, "first_visit_s": statistics.median(first_visits), "heading_s": statistics.median(heading),
            "baseline_heading_s": base, "cold_s": cold[0]}


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
