"""The explorer in a real browser: headless Debian Chromium driven by playwright.

Starts ``streamlit run streamlit_app.py`` on a free port on the seed, then checks that the
graph canvas draws, Chinese text shows, a hostile document (``tests/explorer_xss.txt``,
uploaded through the page) shows its markup as text with no dialog and no injected
element, nothing is fetched from outside this machine, and the English switch works.
Saves a screenshot of the Explore page to build/explorer.png (``make screenshot`` writes
docs/screenshot.png, the README's picture, instead).
"""

from __future__ import annotations

from browser_session import app_url, browser, recording_page, sync_api  # noqa: F401 - fixtures

from bench import explore_driver as drv

import os
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
XSS_DOC = ROOT / "tests" / "explorer_xss.txt"
SCREENSHOT = Path(os.environ.get("EXPLORER_SCREENSHOT", ROOT / "build" / "explorer.png"))
PAGE_TIMEOUT_MS = 60_000


@pytest.fixture
def page(browser, app_url):
    context, pg = recording_page(browser, app_url, height=1000, timeout_ms=PAGE_TIMEOUT_MS)
    pg.dialogs = []  # type: ignore[attr-defined]
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def settle(pg) -> None:
    """Wait until the script run is over: a heading drawn, no skeleton, spinner or progress bar."""
    pg.wait_for_selector("[data-testid='stMain'] h1")
    busy = ("[data-testid='stAppSkeleton'], [data-testid='stSkeleton'], [data-testid='stSpinner'], "
            "[data-testid='stProgress'], [data-testid='stStatusWidget']")
    quiet = 0
    for _ in range(300):
        quiet = 0 if pg.locator(busy).count() else quiet + 1
        if quiet >= 4:
            return
        pg.wait_for_timeout(100)


def open_page(pg, title: str) -> None:
    """Go to a page through the sidebar, staying in the same session (a URL would start a new one)."""
    pg.locator("[data-testid='stSidebarNav']").get_by_text(title, exact=True).click()
    pg.wait_for_selector(f"[data-testid='stMain'] h1:has-text('{title}')")
    settle(pg)


def explore_graph(pg):
    """Explore's graph component (no iframe), once it has drawn and settled."""
    drv.wait_graph(pg, PAGE_TIMEOUT_MS)
    return pg.locator(".kg-wrap")


def graph_pixels(pg) -> int:
    """How many pixels of Explore's graph canvas are not background."""
    return pg.evaluate("""() => {
        const c = window.kgGraphs.explore.wrap.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) { if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++; }
        return n;
    }""")


def test_explore_draws_the_graph_with_chinese_labels(page, app_url):
    page.goto(f"{app_url}/explore")
    settle(page)
    graph = explore_graph(page)
    assert graph.locator("canvas").count() == 1
    assert graph_pixels(page) > 5000
    heading = page.locator("[data-testid='stMain'] h3", has_text="平台企业")
    assert heading.first.is_visible()
    legend = graph.locator(".kg-legend")
    assert legend.is_visible() and "主体" in legend.inner_text()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 50_000
    assert page.dialogs == [] and page.outside == []


def test_markup_in_an_uploaded_document_stays_text(page, app_url):
    page.goto(f"{app_url}/upload")
    settle(page)
    page.locator("[data-testid='stFileUploader'] input[type=file]").set_input_files(str(XSS_DOC))
    page.wait_for_selector("[data-testid='stAlertContentSuccess']")
    settle(page)
    assert page.locator("[data-testid='stSidebar']").get_by_text("2 份文件", exact=False).is_visible()

    open_page(page, "举措详情")
    choice = page.locator("[data-testid='stSelectbox']").first
    choice.click()
    page.keyboard.type("alert")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-testid='stMain'] h3:has-text('alert')")
    settle(page)
    shown = page.locator(".kg-text").first.inner_text()
    assert "<script>alert('xss')</script>" in shown
    assert "<img src=x onerror=alert(1)>" in shown
    heading = page.locator("[data-testid='stMain'] h3").first.inner_text()
    assert "<script>alert('xss')</script>" in heading
    assert page.locator("img[src='x']").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.text.includes(\"alert('xss')\"))") is False

    # The same document in the graph: labels and tooltips are text on a canvas.
    open_page(page, "探索")
    search = page.get_by_label("搜索（中文或英文）")
    search.fill("alert")
    search.press("Enter")
    page.wait_for_selector("[data-testid='stMain'] h3:has-text('alert')")
    settle(page)
    explore_graph(page)
    assert graph_pixels(page) > 1000
    labels = page.evaluate("() => window.kgGraphs.explore.nodes.get().map(n => [n.id, n.label, n.title])")
    node_id, label, title = next((i, lb, t) for i, lb, t in labels if "<script>" in t)
    assert "<script>" in label  # drawn as text on the canvas
    assert "<script>alert('xss')</script>" in title

    # Hover it: the tooltip shows the name as text.
    page.mouse.move(*drv.node_point(page, node_id))
    tooltip = page.locator("div.vis-tooltip")
    tooltip.wait_for(state="visible")
    assert "<script>alert('xss')</script>" in tooltip.inner_text()
    assert tooltip.locator("*:not(br)").count() == 0  # text and line breaks only, no elements
    assert page.locator(".kg-wrap img").count() == 0
    # The details panel, drawn by the browser from the payload: the name as text too.
    chosen = drv.state(page)["selected"][0]
    name = page.evaluate("(id) => window.kgGraphs.explore.nodes.get(id).title.split('\\n')[0]", chosen)
    assert "alert" in name and drv.detail_heading(page) == name
    assert page.locator(".kg-details script, .kg-details img, .kg-details b b").count() == 0

    # A table (the Query page's default: 平台企业's neighbours, the hostile measure among them): text too.
    open_page(page, "查询")
    cell = page.locator(".kt td", has_text="alert('xss')").first
    assert "<script>alert('xss')</script>" in cell.inner_text()
    assert page.locator(".kt script, .kt img, .kt b").count() == 0
    assert page.dialogs == []
    assert page.outside == []


def column(table, index: int) -> list[str]:
    """The texts of column `index` (from 1) of `table`, top to bottom as shown."""
    return table.locator(f"tbody tr td:nth-child({index})").evaluate_all("cells => cells.map(c => c.textContent)")


def test_a_table_sorts_by_a_header_click_and_filters_by_text(page, app_url):
    page.goto(f"{app_url}/query")  # its default: the neighbours of the most central node, in a table
    settle(page)
    table = page.locator(".kt").first
    table.wait_for()
    given = column(table, 1)
    headers = table.locator("th")
    steps = next(i for i in range(headers.count()) if headers.nth(i).inner_text().strip() == "步数")
    headers.nth(steps).click()
    assert headers.nth(steps).get_attribute("aria-sort") == "ascending"
    numbers = [int(x) for x in column(table, steps + 1)]
    assert numbers == sorted(numbers) and numbers[0] == 0
    headers.nth(steps).click()
    assert [int(x) for x in column(table, steps + 1)] == sorted(numbers, reverse=True)
    headers.nth(steps).click()  # the third click: the rows in their own order again
    assert column(table, 1) == given and headers.nth(steps).get_attribute("aria-sort") is None
    word = given[-1][:2]
    table.locator(".kt-filter").fill(word)
    shown = column(table, 1)
    assert 0 < len(shown) < len(given)
    assert all(word in " ".join(row) for row in table.locator("tbody tr").evaluate_all(
        "rows => rows.map(r => [...r.cells].map(c => c.textContent))"))
    assert table.locator(".kt-count").inner_text() == f"{len(shown)} / {len(given)} 行"


def test_english_switch(page, app_url):
    page.goto(f"{app_url}/explore")
    settle(page)
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    page.wait_for_selector("[data-testid='stMain'] h1:has-text('Explore')")
    settle(page)
    page.wait_for_function("() => window.kgGraphs.explore.wrap.querySelector('.kg-legend').innerText.includes('Actor')",
                           timeout=PAGE_TIMEOUT_MS)
    assert page.locator("[data-testid='stSidebarNav']").inner_text().count("Path finder") == 1
    assert page.dialogs == [] and page.outside == []
