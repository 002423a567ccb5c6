"""Explore's clickable graph in a real browser (headless Debian Chromium, ``streamlit run`` on the seed).

A click shows the node's details; a double-click grows the scene in place (the same vis Network,
no rebuild); the search box and the graph's selection agree after every action; a saved view
reloads to the same nodes from the address and from a file; depth 2 from the most central node
is readable at 1440×900 (the focused ring's labels drawn, their boxes apart).
"""

from __future__ import annotations

from browser_session import app_url, browser, sync_api  # noqa: F401 - fixtures

import json
import os

import pytest

from bench import explore_driver as drv

pytestmark = pytest.mark.browser

PAGE_TIMEOUT_MS = 120_000
MIN_LABEL_PX = 7.0  # a label drawn smaller than this is not readable


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN", accept_downloads=True)
    pg = context.new_page()
    pg.set_default_timeout(PAGE_TIMEOUT_MS)
    pg.goto(f"{app_url}/explore")
    drv.wait_graph(pg)
    yield pg
    context.close()


def full_name(pg, node_id: str) -> str:
    """A node's whole name: the first line of its tooltip (labels may be shortened)."""
    return pg.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).title.split('\\n')[0]", node_id)


def first_ring(pg) -> list[str]:
    return [n["id"] for n in drv.node_info(pg) if n["ring"] == 1 and not n["more"]]


def wait_agreement(pg, name: str) -> None:
    """Wait until the details panel (the graph's own, in its shadow root) and the search box name `name`."""
    pg.wait_for_function("""(name) => {
        const heading = window.kgGraphs.explore.detailsBox.querySelector("h3");
        const box = document.querySelector("[data-testid='stMain'] [data-testid='stTextInput'] input");
        return heading && heading.innerText === name && box && box.value === name; }""", arg=name,
                         timeout=PAGE_TIMEOUT_MS)


def assert_in_step(pg) -> None:
    """The search box, the picker, the details and the graph's selection name one node."""
    selected = drv.state(pg)["selected"]
    assert len(selected) == 1
    name = full_name(pg, selected[0])
    assert drv.search_value(pg) == name
    assert drv.picked(pg).startswith(name)
    assert drv.detail_heading(pg) == name


def test_a_click_shows_the_node_and_the_search_box_follows(page):
    node = first_ring(page)[0]
    name = full_name(page, node)
    page.mouse.click(*drv.node_point(page, node))
    wait_agreement(page, name)
    assert drv.state(page)["selected"] == [node]
    assert_in_step(page)
    evidence = page.get_by_text("原文证据", exact=False)
    assert evidence.first.is_visible()


def test_a_double_click_grows_the_scene_in_place(page):
    drv.wait_idle(page)
    before = drv.state(page)
    page.evaluate("() => { window.__canvas = window.kgGraphs.explore.wrap.querySelector('canvas'); }")
    node = first_ring(page)[1]
    page.mouse.dblclick(*drv.node_point(page, node))
    drv.wait_nodes_more_than(page, len(before["ids"]))
    after = drv.state(page)
    assert set(before["ids"]) < set(after["ids"])
    assert after["born"] == before["born"] and after["builds"] == before["builds"] == 1
    assert page.evaluate("() => window.__canvas === window.kgGraphs.explore.wrap.querySelector('canvas')"
                         " && window.__canvas.isConnected")
    wait_agreement(page, full_name(page, node))
    assert_in_step(page)


def test_the_browser_answers_a_click_and_a_double_click_and_python_follows(page):
    """The details panel and the grown scene come from the payload, drawn in the browser; Python's
    next run agrees with them (the search box names the node, its scene has the same nodes)."""
    drv.wait_idle(page)
    node = first_ring(page)[3]
    name = full_name(page, node)
    evidence = int(page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).title.split('\\n')[3]"
                                 ".split(': ')[1]", node))
    page.mouse.click(*drv.node_point(page, node))
    page.wait_for_function("(id) => window.kgGraphs.explore.wrap.dataset.detail === id", arg=node,
                           timeout=PAGE_TIMEOUT_MS)
    assert drv.detail_heading(page) == name
    panel = drv.details_text(page)
    assert f"原文证据 ({evidence})" in panel and "中心度" in panel
    wait_agreement(page, name)
    assert page.locator(".kg-details blockquote").count() == evidence  # all of them, once Python has run
    assert_in_step(page)

    drv.wait_idle(page)
    before = drv.state(page)
    target = next(n for n in first_ring(page)
                  if n != node and any(r[2] for r in page.evaluate(
                      "(id) => window.kgGraphs.explore.nodes.get(id).rels || []", n)))
    page.mouse.dblclick(*drv.node_point(page, target))
    drv.wait_nodes_more_than(page, len(before["ids"]))
    grown = set(drv.state(page)["ids"])
    drv.wait_recorded(page)
    drv.wait_idle(page)
    after = drv.state(page)
    assert set(after["ids"]) == grown > set(before["ids"])  # Python's expansion is the browser's
    assert after["builds"] == before["builds"]
    wait_agreement(page, full_name(page, target))
    assert_in_step(page)


def test_the_graph_script_is_served_by_the_explorer(page):
    """vis-network comes from the explorer's static folder (cached by the browser), not inside the
    page's messages, and nothing from outside."""
    src = page.evaluate("() => document.querySelector('script[data-kg-vis]').src")
    assert src.endswith("/app/static/vis-network.min.js") and src.startswith(page.url.split("/explore")[0])
    assert page.evaluate("""(src) => performance.getEntriesByType('resource').some(e => e.name === src)""", src)


def test_the_search_box_selects_in_the_graph(page):
    node = first_ring(page)[2]
    name = full_name(page, node)
    box = page.locator("[data-testid='stMain'] [data-testid='stTextInput'] input").first
    box.fill(name)
    box.press("Enter")
    page.wait_for_function("(id) => window.kgGraphs.explore.network.getSelectedNodes()[0] === id", arg=node,
                           timeout=PAGE_TIMEOUT_MS)
    wait_agreement(page, name)
    assert_in_step(page)
    token = drv.state(page)["token"]
    outside = page.evaluate("""() => { const shown = new Set(window.kgGraphs.explore.nodes.getIds());
        return ['行业协会', '反垄断法'].find(n => !shown.has('actor:' + n) && !shown.has('law:' + n)); }""")
    box.fill(outside)
    box.press("Enter")
    page.wait_for_function("(t) => window.kgGraphs.explore.wrap.dataset.token !== t", arg=token,
                           timeout=PAGE_TIMEOUT_MS)
    drv.wait_graph(page)
    wait_agreement(page, outside)
    assert_in_step(page)


def _grown(page) -> set[str]:
    drv.wait_idle(page)
    before = drv.state(page)
    page.mouse.dblclick(*drv.node_point(page, first_ring(page)[0]))
    drv.wait_nodes_more_than(page, len(before["ids"]))
    drv.wait_graph(page)
    page.wait_for_timeout(500)  # the positions it reports after settling
    return set(drv.state(page)["ids"])


def test_a_view_in_the_address_reloads_to_the_same_nodes(page, browser):
    shown = _grown(page)
    page.get_by_role("button", name="写入网址").click()
    page.wait_for_function("() => location.search.includes('view=')", timeout=PAGE_TIMEOUT_MS)
    address = page.url
    other = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN").new_page()
    other.set_default_timeout(PAGE_TIMEOUT_MS)
    other.goto(address)
    drv.wait_graph(other)
    assert set(drv.state(other)["ids"]) == shown
    other.context.close()


def test_a_view_file_reloads_to_the_same_nodes(page, browser, tmp_path):
    shown = _grown(page)
    with page.expect_download() as download:
        page.get_by_role("button", name="保存视图").click()
    saved = tmp_path / "view.json"
    download.value.save_as(saved)
    assert json.loads(saved.read_text(encoding="utf-8"))["version"] == 1
    other = browser.new_context(viewport={"width": 1440, "height": 900}, locale="zh-CN").new_page()
    other.set_default_timeout(PAGE_TIMEOUT_MS)
    other.goto(page.url.split("?")[0])
    drv.wait_graph(other)
    other.get_by_role("button", name="载入视图").click()
    other.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(str(saved))
    other.wait_for_function("(n) => window.kgGraphs.explore.nodes.length === n", arg=len(shown),
                            timeout=PAGE_TIMEOUT_MS)
    drv.wait_graph(other)
    assert set(drv.state(other)["ids"]) == shown
    other.context.close()


def _intersect(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_depth_two_is_readable_at_1440_by_900(page):
    token = drv.state(page)["token"]
    slider = page.locator("[data-testid='stMain'] [data-testid='stSlider'] input[type='range']").first
    slider.focus()
    slider.press("ArrowRight")
    page.wait_for_function("(t) => window.kgGraphs.explore.wrap.dataset.token !== t", arg=token,
                           timeout=PAGE_TIMEOUT_MS)
    drv.wait_graph(page)
    nodes = drv.node_info(page)
    assert max(n["ring"] for n in nodes) == 2
    focus = [n["id"] for n in nodes if n["font"] == max(m["font"] for m in nodes)]
    assert len(focus) >= 5
    boxes = drv.label_boxes(page, focus)
    assert set(boxes) == set(focus)  # every label of the focused ring is drawn
    canvas = page.evaluate("() => { const r = window.kgGraphs.explore.wrap.querySelector('.kg-canvas')"
                           ".getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }")
    for node, box in boxes.items():
        assert box[4] >= MIN_LABEL_PX, (node, box)
        assert canvas[0] <= box[0] and box[2] <= canvas[2] and canvas[1] <= box[1] and box[3] <= canvas[3], node
    ids = sorted(boxes)
    clashes = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if _intersect(boxes[a], boxes[b])]
    if clashes and os.environ.get("EXPLORE_DEBUG"):
        page.screenshot(path="/tmp/depth2.png")
        print({k: [round(x) for x in v] for k, v in boxes.items()})
    assert clashes == []


def idle(page) -> None:
    """Wait until Streamlit runs no script (its status widget is gone for a while)."""
    quiet = 0
    for _ in range(600):
        quiet = 0 if page.locator("[data-testid='stStatusWidget']").count() else quiet + 1
        if quiet >= 10:
            return
        page.wait_for_timeout(100)


def _right_click(page, node: str) -> None:
    x, y = drv.node_point(page, node)
    page.mouse.click(x, y, button="right")
    page.locator(".kg-menu:not([hidden])").wait_for()


def test_the_menu_expands_by_relation_and_hides_and_the_legend_filters(page):
    node = next(n for n in first_ring(page)
                if page.evaluate("(id) => (window.kgGraphs.explore.nodes.get(id).rels || []).length", n))
    before = drv.state(page)
    _right_click(page, node)
    item = page.locator(".kg-menu-item", has_text="展开：").first
    kind, _label, count = page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).rels[0]", node)
    item.click()
    drv.wait_nodes_more_than(page, len(before["ids"]))
    added = set(drv.state(page)["ids"]) - set(before["ids"])
    real = [n for n in added if not n.startswith("more:")]
    assert 0 < len(real) <= count and drv.state(page)["builds"] == before["builds"]
    linked = page.evaluate("""([id, kind]) => window.kgGraphs.explore.edges.get().filter(e => e.type === kind
        && (e.from === id || e.to === id)).map(e => e.from === id ? e.to : e.from)""", [node, kind])
    assert set(real) <= set(linked)  # only that relation
    wait_agreement(page, full_name(page, node))

    gone = real[0]
    _right_click(page, gone)
    page.locator(".kg-menu-item", has_text="隐藏此节点").click()
    page.wait_for_function("(id) => !window.kgGraphs.explore.nodes.get(id)", arg=gone, timeout=PAGE_TIMEOUT_MS)
    assert_in_step(page)

    chip = page.locator(".kg-chip", has_text="举措").first
    chip.click()
    hidden = [n for n in drv.node_info(page) if n["hidden"]]
    assert hidden and all(page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).type", n["id"]) == "Measure"
                          for n in hidden)
    page.locator(".kg-chip", has_text="举措").first.click()
    assert not any(n["hidden"] for n in drv.node_info(page))


def test_png_and_svg_of_the_view_have_chinese_labels(page, tmp_path):
    with page.expect_download() as png:
        page.locator(".kg-png").click()
    png_path = tmp_path / "explore.png"
    png.value.save_as(png_path)
    data = png_path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    svg_path = tmp_path / "explore.svg"
    for attempt in range(3):
        # The button's file is made when clicked, by the run that drew the button: wait until no run is
        # going (the graph reports its layout after drawing, which reruns the page) before clicking.
        idle(page)
        try:
            with page.expect_download(timeout=30_000) as svg:
                page.get_by_role("button", name="导出 SVG").click()
            svg.value.save_as(svg_path)
            break
        except sync_api.TimeoutError:
            assert attempt < 2, "no SVG download"
    text = svg_path.read_text(encoding="utf-8")
    assert text.startswith("<svg") and "平台企业" in text
