"""Explore's clicks in a real browser: how long a click that selects a node, and a double-click that
expands it, take to be answered.

    python -m bench.bench_explore [--clicks N]

Headless Chromium on `streamlit run` (seed documents, embedded store), 1440×900. For each of
`--clicks` nodes of the first ring, from the mouse event:

- select: until the graph has the node selected and its details panel names it (the first moment
  the user sees the answer: drawn in the browser from the payload);
- select, in step: until Python's run has followed (the search box names the node too);
- expand: until the new nodes are in the graph's DataSet (added in place, no rebuild; from the
  prefetched next ring); also on the page's own clock, from the release that completes the
  double-click to the first new node, without the driver's four input round trips;
- expand, recorded: until Python's run has applied it (the page's `seen` reaches the click's number).

Baseline, measured alongside on the same server kind: a one-widget Streamlit script, from a button
click until the text it writes has changed (Streamlit's own round trip). Goal: 300 ms each.
Figures also go to bench/results/explore.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench import explore_driver as drv
from bench.bench_app import CHROMIUM, CHROMIUM_ARGS, ROOT, _clean_env, _server

RESULTS = ROOT / "bench" / "results" / "explore.json"
# In the page: from the button release that completes the double-click (vis-network answers on
# that release, before the browser's own dblclick event) until the first new node joins the graph's
# DataSet, on the page's own clock, without the driver's round trips.
MARK_DOUBLE_CLICK = """() => { window.__expand = null; window.__release = null;
    window.addEventListener('pointerup', (e) => { window.__release = e.timeStamp; }, {capture: true});
    const nodes = window.kgGraphs.explore.nodes;
    const seen = () => { window.__expand = performance.now() - window.__release; nodes.off('add', seen); };
    nodes.on('add', seen); }"""
GOAL_MS = 300.0
BASELINE_SCRIPT = ("import streamlit as st\n"
                   "st.session_state.setdefault('n', 0)\n"
                   "if st.button('go'):\n    st.session_state['n'] += 1\n"
                   "st.write(f\"count {st.session_state['n']}\")\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_explore")
    parser.add_argument("--clicks", type=int, default=5, help="nodes clicked and double-clicked (median reported)")
    args = parser.parse_args([] if argv is None else argv)
    if not Path(CHROMIUM).exists():
        print("no Chromium at /usr/bin/chromium: nothing measured")
        return 0
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        baseline = _baseline(browser, args.clicks)
        times = _explore(browser, args.clicks)
        browser.close()
    results = {"goal_ms": GOAL_MS, **times, "baseline_button_ms": baseline}
    med = {k: statistics.median(v) for k, v in results.items() if isinstance(v, list) and v}
    print(f"Chromium, Explore ({args.clicks} nodes, median): select answered in {med['select_ms']:.0f} ms, "
          f"expand in place in {med['expand_ms']:.0f} ms (goal {GOAL_MS:.0f} ms)")
    print(f"  expand in the page, from the release that completes the double-click to the new nodes: {med['expand_in_page_ms']:.0f} ms")
    print(f"  Python in step after: select {med['select_synced_ms']:.0f} ms (search box names the node), "
          f"expand {med['expand_recorded_ms']:.0f} ms (the page's run has applied it)")
    print(f"  baseline (a Streamlit button's round trip on a one-widget script): {med['baseline_button_ms']:.0f} ms; "
          f"ratios {med['select_ms'] / med['baseline_button_ms']:.1f}x (select), "
          f"{med['expand_ms'] / med['baseline_button_ms']:.1f}x (expand)")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**results, "medians": med}, indent=1), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


def _page(browser: Any, url: str) -> Any:
    context = browser.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    page.set_default_timeout(drv.TIMEOUT_MS)
    page.goto(url)
    return page


def _baseline(browser: Any, clicks: int) -> list[float]:
    times = []
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "baseline_app.py"
        script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        with _server(_clean_env(), str(script)) as server:
            page = _page(browser, server.url)
            page.wait_for_selector("text=count 0")
            for n in range(1, clicks + 1):
                started = time.perf_counter()
                page.get_by_role("button", name="go").click()
                page.wait_for_selector(f"text=count {n}")
                times.append((time.perf_counter() - started) * 1000)
            page.context.close()
    return times


def _explore(browser: Any, clicks: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"select_ms": [], "select_synced_ms": [], "expand_ms": [],
                                     "expand_in_page_ms": [], "expand_recorded_ms": []}
    with _server(_clean_env()) as server:
        page = _page(browser, f"{server.url}/explore")
        drv.wait_graph(page)
        page.wait_for_timeout(1000)  # the positions it reports after its first layout
        ring = [n["id"] for n in drv.node_info(page) if n["ring"] == 1 and not n["more"]][:clicks]
        for node in ring:
            name = page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).title.split('\\n')[0]", node)
            started = time.perf_counter()
            page.mouse.click(*drv.node_point(page, node))
            page.wait_for_function("""([id, name]) => { const v = window.kgGraphs.explore;
                const h = v.detailsBox.querySelector('h3');
                return v.network.getSelectedNodes()[0] === id && h && h.innerText === name; }""",
                                   arg=[node, name], polling=5)
            times["select_ms"].append((time.perf_counter() - started) * 1000)
            page.wait_for_function("""(name) => { const box = document.querySelector(
                "[data-testid='stMain'] [data-testid='stTextInput'] input"); return box && box.value === name; }""",
                                   arg=name, polling=5)
            times["select_synced_ms"].append((time.perf_counter() - started) * 1000)
            page.wait_for_timeout(600)
        for node in ring:
            drv.wait_idle(page)
            before = drv.state(page)
            if not any(r[2] for r in page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).rels || []", node)):
                continue  # nothing left to add
            page.evaluate(MARK_DOUBLE_CLICK)
            started = time.perf_counter()
            page.mouse.dblclick(*drv.node_point(page, node))
            drv.wait_nodes_more_than(page, len(before["ids"]))
            times["expand_ms"].append((time.perf_counter() - started) * 1000)
            times["expand_in_page_ms"].append(page.evaluate("() => window.__expand"))
            drv.wait_recorded(page)
            times["expand_recorded_ms"].append((time.perf_counter() - started) * 1000)
            assert drv.state(page)["builds"] == before["builds"]  # in place, never rebuilt
            drv.wait_graph(page)
            page.wait_for_timeout(600)
        page.context.close()
    return times


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
