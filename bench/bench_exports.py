"""Workshop exports: time per format for the seed and the 1,000-document corpus, HTML size and open time.

    python -m bench.bench_exports            (or: python -m bench exports)

Baseline, measured in the same run on the same graph: ``json.dumps`` of networkx node-link data
(`graph.convert.node_link`), the plainest full dump of the graph; each export is reported as a
time and as a ratio to it. The offline HTML is opened in headless Chromium with the network off,
timed from navigation until the graph has drawn (median of several opens).

Goals (issue #5): the seed's HTML under 2 MB and open in under 2 s. Figures also go to
bench/results/exports.json.
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.corpus import DEFAULT_DEST, SEED, make_corpus

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "exports.json"
CORPUS_SIZE = 1000
SEED_REPEATS = 3
OPEN_REPEATS = 5
GOAL_HTML_BYTES = 2 * 1024 * 1024
GOAL_OPEN_SECONDS = 2.0
CHROMIUM = "/usr/bin/chromium"
MB = 1024 * 1024


def _time(fn: Callable[[], object], repeats: int) -> tuple[float, object]:
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def _size(out: object) -> int:
    if isinstance(out, (bytes, str)):
        return len(out.encode("utf-8") if isinstance(out, str) else out)
    if isinstance(out, dict):
        return sum(_size(v) for v in out.values())
    return 0


def _exports(graph, repeats: int, pictures: bool, pdf: bool) -> dict[str, dict]:
    from graph.convert import node_link
    from render import gephi, handout, picture, scenes, tables
    from render.standalone import standalone_html
    from graph.index import GraphIndex
    from render.tour import default_tour

    idx = GraphIndex(graph)
    tour = default_tour(idx)
    jobs: dict[str, Callable[[], object]] = {
        "baseline: node-link JSON": lambda: json.dumps(node_link(graph), ensure_ascii=False, default=list),
        "tour (default)": lambda: default_tour(idx),
        "html (offline page)": lambda: standalone_html(idx, tour),
        "graphml": lambda: gephi.graphml_bytes(graph),
        "gexf": lambda: gephi.gexf_bytes(graph),
        "csv (nodes+edges)": lambda: tables.csv_files(graph),
        "xlsx": lambda: tables.xlsx_bytes(graph),
        "png (tour step)": lambda: picture.png_bytes(scenes.step_scene(idx, tour.step("measure"))),
        "svg (tour step)": lambda: picture.svg_text(scenes.step_scene(idx, tour.step("measure"))),
    }
    if pictures:
        jobs["png (whole graph)"] = lambda: picture.png_bytes(scenes.scene(idx))
        jobs["svg (whole graph)"] = lambda: picture.svg_text(scenes.scene(idx))
    pages = handout.default_pages(idx)
    jobs["handout html (all pages)"] = lambda: handout.handout_html(idx, pages)
    if pdf:
        jobs["handout pdf (all pages)"] = lambda: handout.pdf_bytes(handout.handout_html(idx, pages))
    out = {}
    for name, fn in jobs.items():
        try:
            seconds, result = _time(fn, 1 if "pdf" in name else repeats)
            out[name] = {"seconds": seconds, "bytes": _size(result)}
        except Exception as err:  # noqa: BLE001 - one failed format must not hide the other figures
            out[name] = {"seconds": None, "bytes": None, "error": f"{type(err).__name__}: {err}"}
        print(f"  {name:<28}{_fmt(out[name])}", flush=True)
    base = out["baseline: node-link JSON"]["seconds"]
    for row in out.values():
        row["ratio"] = row["seconds"] / base if row.get("seconds") and base else None
    return out


def _fmt(row: dict) -> str:
    if row.get("error"):
        return f"failed: {row['error'][:80]}"
    s = row["seconds"]
    return f"{s * 1000:9.1f} ms" if s < 1 else f"{s:9.2f} s "


def _open_times(html: str) -> list[float] | str:
    """Seconds from navigation until the offline page has drawn its graph, network off."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return "playwright not installed"
    if not Path(CHROMIUM).exists():
        return f"no Chromium at {CHROMIUM}"
    with tempfile.TemporaryDirectory(prefix="bench-html-") as tmp:
        path = Path(tmp) / "workshop.html"
        path.write_text(html, encoding="utf-8")
        times = []
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
            for _ in range(OPEN_REPEATS):
                context = browser.new_context(viewport={"width": 1600, "height": 900})
                context.set_offline(True)
                page = context.new_page()
                t0 = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("Number(document.body.dataset.drawn || 0) > 0", timeout=60000)
                times.append(time.perf_counter() - t0)
                context.close()
            browser.close()
    return times


def main() -> int:
    from loaders import load_paths
    from graph.index import GraphIndex
    from render.standalone import standalone_html

    results: dict[str, object] = {}
    print("workshop exports: time per format (median), and as a ratio to dumping the graph as node-link JSON",
          flush=True)
    seed = load_paths([SEED])
    print(f"\nseed: {len(seed.nodes)} nodes, {len(seed.edges)} edges (median of {SEED_REPEATS})")
    results["seed"] = _exports(seed, SEED_REPEATS, pictures=True, pdf=True)

    html = standalone_html(GraphIndex(seed))
    size = len(html.encode("utf-8"))
    opens = _open_times(html)
    results["seed_html"] = {"bytes": size, "open_seconds": opens}
    corpus_paths = make_corpus(CORPUS_SIZE, DEFAULT_DEST)
    t0 = time.perf_counter()
    corpus = load_paths(corpus_paths)
    load_s = time.perf_counter() - t0
    print(f"\ncorpus: {len(corpus.documents)} documents, {len(corpus.nodes)} nodes, {len(corpus.edges)} edges "
          f"(loaded in {load_s:.1f} s, not counted; one run each)")
    results["corpus"] = _exports(corpus, 1, pictures=False, pdf=False)
    corpus_html = standalone_html(GraphIndex(corpus))
    results["corpus_html"] = {"bytes": len(corpus_html.encode("utf-8")), "open_seconds": _open_times(corpus_html)}

    print(f"\n{'format':<28}{'seed':>12}{'ratio':>8}{'corpus':>12}{'ratio':>8}{'size (seed)':>14}")
    for name, row in results["seed"].items():
        c = results["corpus"].get(name, {})
        print(f"{name:<28}{_fmt(row):>12}{_r(row):>8}{(_fmt(c) if c else '–'):>12}{_r(c):>8}"
              f"{_kb(row.get('bytes')):>14}")
    ok_size = size < GOAL_HTML_BYTES
    if isinstance(opens, list):
        median_open = statistics.median(opens)
        ok_open = median_open < GOAL_OPEN_SECONDS
        open_text = f"{median_open:.2f} s (median of {len(opens)}, min {min(opens):.2f} s)"
    else:
        ok_open, open_text = False, f"not measured: {opens}"
    corpus_open = results["corpus_html"]["open_seconds"]
    print(f"\nseed HTML: {size / MB:.2f} MB — goal < {GOAL_HTML_BYTES / MB:.0f} MB: {'met' if ok_size else 'MISSED'}")
    print(f"seed HTML open (network off, until drawn): {open_text} — goal < {GOAL_OPEN_SECONDS:g} s: "
          f"{'met' if ok_open else 'MISSED'}")
    print(f"corpus HTML (whole-graph view scoped to the toured document): "
          f"{results['corpus_html']['bytes'] / MB:.2f} MB, open "
          + (f"{statistics.median(corpus_open):.2f} s" if isinstance(corpus_open, list) else str(corpus_open)))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0 if ok_size and ok_open else 1


def _r(row: dict) -> str:
    return f"{row['ratio']:.1f}x" if row.get("ratio") else "–"


def _kb(n: int | None) -> str:
    return "–" if not n else f"{n / 1024:,.0f} KB"


if __name__ == "__main__":
    raise SystemExit(main())
