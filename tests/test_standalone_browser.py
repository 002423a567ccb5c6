"""The offline HTML in a real browser with the network cut: it draws, shows Chinese, and steps the tour."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from loaders import load_paths
from render.standalone import standalone_html
from graph.index import GraphIndex
from render.tour import default_tour, node_label, update_step

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
CHROMIUM = "/usr/bin/chromium"
MAX_BYTES = 2 * 1024 * 1024


@pytest.fixture(scope="module")
def seed():
    graph = load_paths([SEED])
    idx = GraphIndex(graph)
    return idx, default_tour(idx)


@pytest.fixture(scope="module")
def page_file(seed, tmp_path_factory):
    idx, tour = seed
    path = tmp_path_factory.mktemp("usb") / "workshop.html"
    path.write_text(standalone_html(idx, tour), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser():
    if os.environ.get("CI"):  # CI installs playwright (requirements-dev.txt): missing there is a failure
        import playwright.sync_api as sync_api
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):  # CI installs it (make test -> system-deps): missing there is a failure
            pytest.fail("no Chromium at /usr/bin/chromium (make system-deps)", pytrace=False)
        pytest.skip("no Chromium at /usr/bin/chromium")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        yield b
        b.close()


@pytest.fixture()
def offline(browser, page_file):
    """A page on the file with every non-file request refused and the context offline."""
    context = browser.new_context(viewport={"width": 1600, "height": 900})
    context.set_offline(True)
    outside: list[str] = []
    errors: list[str] = []

    def refuse(route):
        outside.append(route.request.url)
        route.abort()

    context.route(re.compile(r"^(?!file:).*"), refuse)
    page = context.new_page()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.goto(page_file.as_uri())
    page.wait_for_selector('body[data-ready="1"]', timeout=20000)
    page.wait_for_function("Number(document.body.dataset.drawn || 0) > 0", timeout=20000)
    yield page
    context.close()
    assert outside == [], f"the page tried to reach {outside}"
    assert errors == [], errors


def test_the_file_is_self_contained_and_small(page_file):
    html = page_file.read_text(encoding="utf-8")
    assert page_file.stat().st_size < MAX_BYTES
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "@import" not in html and "url(http" not in html


def _ink(page) -> int:
    """How many canvas pixels differ from the background."""
    return page.evaluate("""() => {
        const c = document.querySelector('#graph canvas');
        const ctx = c.getContext('2d');
        const d = ctx.getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
        return n;
    }""")


def _label_ink(page, node_id: str) -> int:
    """Dark pixels in the band just under a node, where vis-network writes its label."""
    return page.evaluate("""(id) => {
        const net = window.workshopNetwork;
        const p = net.canvasToDOM(net.getPositions([id])[id]);
        const c = document.querySelector('#graph canvas');
        const ratio = c.width / c.clientWidth;
        const ctx = c.getContext('2d');
        const x = Math.max(0, Math.round((p.x - 60) * ratio)), y = Math.max(0, Math.round((p.y + 12) * ratio));
        const d = ctx.getImageData(x, y, Math.round(120 * ratio), Math.round(60 * ratio)).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && d[i] < 90 && d[i + 1] < 90 && d[i + 2] < 90) n++;
        return n;
    }""", node_id)


def test_the_graph_is_drawn_with_chinese_labels_offline(offline, seed):
    idx, tour = seed
    first = tour.visible()[0]
    assert _ink(offline) > 2000
    labels = offline.evaluate("window.workshopNodes.get().map(n => n.label)")
    assert labels and all(re.search(r"[\u4e00-\u9fff]", label) for label in labels)
    assert _label_ink(offline, first.focus) > 30  # the focus's Chinese label is painted under it
    assert offline.locator("#step-title").inner_text() == first.title
    chips = offline.locator("#chips").inner_text()
    assert node_label(idx.nodes[first.focus]) in chips


def test_keyboard_steps_through_every_step_of_the_tour(offline, seed):
    _, tour = seed
    steps = tour.visible()
    seen = []
    for n, step in enumerate(steps):
        if n:
            offline.keyboard.press("ArrowRight")
        offline.wait_for_function("(id) => document.body.dataset.step === id", arg=step.id)
        assert offline.locator("#step-title").inner_text() == step.title
        assert offline.locator("#counter").inner_text() == f"{n + 1} / {len(steps)}"
        drawn = sorted(offline.evaluate("window.workshopNodes.getIds()"))
        assert drawn and set(drawn) <= set(step.node_ids)
        if step.evidence:
            assert step.evidence[0].text in offline.locator("#evidence").inner_text()
        seen.append(step.id)
    assert seen == [s.id for s in steps]
    offline.keyboard.press("ArrowRight")  # past the end stays on the last step
    assert offline.evaluate("document.body.dataset.step") == steps[-1].id
    offline.keyboard.press("PageUp")
    assert offline.evaluate("document.body.dataset.step") == steps[-2].id
    offline.keyboard.press("Home")
    assert offline.evaluate("document.body.dataset.step") == steps[0].id
    offline.locator("#next").click()
    assert offline.evaluate("document.body.dataset.step") == steps[1].id


def test_search_box_finds_a_law_and_shows_its_evidence(offline):
    offline.keyboard.press("/")
    offline.keyboard.type("反垄断")
    offline.wait_for_selector("#results div")
    assert "反垄断法" in offline.locator("#results").inner_text()
    offline.keyboard.press("Enter")
    details = offline.locator("#details")
    details.wait_for(state="visible")
    assert "反垄断法" in details.inner_text() and "《中华人民共和国反垄断法》" in details.inner_text()
    assert offline.evaluate("document.body.dataset.step") == "overview"
    assert offline.evaluate("window.workshopNetwork.getSelectedNodes()") == ["law:反垄断法"]


def test_overview_theme_and_address_of_a_step(browser, page_file, seed):
    _, tour = seed
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_offline(True)
    page = context.new_page()
    page.goto(page_file.as_uri() + "#step-3")
    page.wait_for_selector('body[data-ready="1"]')
    assert page.evaluate("document.body.dataset.step") == tour.visible()[2].id
    page.keyboard.press("o")
    assert page.evaluate("window.workshopNodes.length") > 100
    page.keyboard.press("t")
    assert page.evaluate("document.body.classList.contains('dark')")
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(0, 0, 0)"
    context.close()


def test_an_edited_tour_shows_its_edits_and_skips(browser, seed, tmp_path):
    idx, tour = seed
    edited = update_step(update_step(tour, "systems", skip=True), "measure", title="今天的重点举措")
    path = tmp_path / "edited.html"
    path.write_text(standalone_html(idx, edited, lang="zh"), encoding="utf-8")
    context = browser.new_context()
    context.set_offline(True)
    page = context.new_page()
    page.goto(path.as_uri())
    page.wait_for_selector('body[data-ready="1"]')
    options = page.locator("#steps option").all_inner_texts()
    assert len(options) == len(tour.steps) - 1
    assert not any(o.endswith(tour.step("systems").title) for o in options)
    assert any("今天的重点举措" in o for o in options)
    context.close()
