"""Driving Explore's graph component in a real browser (playwright page): shared by the browser
tests and `bench/bench_explore.py`.

The component registers itself as ``window.kgGraphs.explore`` (its vis Network and DataSets), and
its element carries ``data-*`` markers: ``born`` (when the Network was made), ``builds`` (full
rebuilds), ``updates``, ``nodes``, ``selected`` and ``settled``.
"""

from __future__ import annotations

from typing import Any

WRAP = ".kg-wrap"
TIMEOUT_MS = 120_000


def wait_graph(page: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until the graph has drawn and its layout has settled."""
    page.wait_for_selector(f"{WRAP}[data-settled='1']", timeout=timeout_ms)


def wait_idle(page: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until the graph has settled and no script run is going (Streamlit's running indicator is
    gone): a double-click that lands while a run redraws the page can be split into two clicks."""
    wait_graph(page, timeout_ms)
    page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                           timeout=timeout_ms, polling=50)


def state(page: Any) -> dict[str, Any]:
    """What the graph shows now: node ids, counters, selection and the Network's birth mark."""
    return page.evaluate("""() => { const v = window.kgGraphs.explore;
        return {ids: v.nodes.getIds(), edges: v.edges.length, updates: v.updates, builds: v.builds,
                born: v.wrap.dataset.born, selected: v.network.getSelectedNodes(), settled: v.wrap.dataset.settled,
                token: v.wrap.dataset.token}; }""")


def node_info(page: Any) -> list[dict[str, Any]]:
    """Every node: id, label, ring, whether it is a "+N more" node, its font size."""
    return page.evaluate("""() => window.kgGraphs.explore.nodes.get().map(n => (
        {id: n.id, label: n.label, ring: n.ring, more: Boolean(n.more), font: n.font ? n.font.size : null,
         hidden: Boolean(n.hidden)}))""")


def node_point(page: Any, node_id: str) -> tuple[float, float]:
    """Where `node_id` is on the page, in CSS pixels."""
    where = page.evaluate("""(id) => { const v = window.kgGraphs.explore;
        const p = v.network.canvasToDOM(v.network.getPositions([id])[id]);
        const r = v.wrap.querySelector('.kg-canvas').getBoundingClientRect();
        return [p.x + r.left, p.y + r.top]; }""", node_id)
    return float(where[0]), float(where[1])


def label_boxes(page: Any, ids: list[str]) -> dict[str, list[float]]:
    """The label box of each of `ids` on the screen ([x0, y0, x1, y1], CSS pixels) and the font size
    it is drawn at there; a node whose label is not drawn is left out."""
    return page.evaluate("""(ids) => { const v = window.kgGraphs.explore; const net = v.network;
        const out = {}; const scale = net.getScale();
        const r = v.wrap.querySelector('.kg-canvas').getBoundingClientRect();
        for (const id of ids) {
            const node = net.body.nodes[id]; if (!node || node.options.hidden) continue;
            const s = node.labelModule.size;
            if (!s || !s.width) continue;
            const a = net.canvasToDOM({x: s.left, y: s.top});
            const b = net.canvasToDOM({x: s.left + s.width, y: s.top + s.height});
            out[id] = [a.x + r.left, a.y + r.top, b.x + r.left, b.y + r.top, node.options.font.size * scale];
        }
        return out; }""", ids)


def wait_updates(page: Any, after: int, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until the component has been given new data after `after` updates."""
    page.wait_for_function("(u) => window.kgGraphs.explore.updates > u", arg=after, timeout=timeout_ms, polling=10)


def wait_nodes_more_than(page: Any, count: int, timeout_ms: int = TIMEOUT_MS) -> None:
    page.wait_for_function("(n) => window.kgGraphs.explore.nodes.length > n", arg=count, timeout=timeout_ms,
                           polling=10)


def search_value(page: Any) -> str:
    """The text in Explore's search box."""
    return page.locator("[data-testid='stMain'] [data-testid='stTextInput'] input").first.input_value()


def picked(page: Any) -> str:
    """The entity the picker's choice box shows."""
    box = page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").nth(1)
    return box.locator("input[role='combobox']").input_value().strip()


def detail_heading(page: Any) -> str:
    """The name heading of the graph's details panel."""
    return page.locator(f"{WRAP} .kg-details h3").inner_text()


def details_text(page: Any) -> str:
    """Everything the graph's details panel shows."""
    return page.locator(f"{WRAP} .kg-details").inner_text()


def wait_recorded(page: Any, timeout_ms: int = TIMEOUT_MS) -> None:
    """Wait until Python has applied the browser's last click (the page's run says so in `seen`)."""
    page.wait_for_function("() => { const d = window.kgGraphs.explore.wrap.dataset; return (d.seen || '0') === (d.seq || '0'); }",
                           timeout=timeout_ms, polling=10)
