"""Overview and Presenter in a real browser (headless Debian Chromium, playwright).

- the sidebar folds away on the Presenter page and comes back on the others, in one session;
- on every default step, no label box that vis-network computed intersects another;
- the presenter's Next and the arrow keys change the step in the browser, without a rerun of the
  page script, and the step survives a language switch and a visit to another page;
- the Overview paints its heading, figures and picture, and a click on a top-actor bar lists that
  actor's measures;
- graph frames load the graph script from the explorer itself (cached), nothing from outside.
"""

from __future__ import annotations

import urllib.parse

import pytest
from browser_session import app_url, browser, recording_page, sync_api  # noqa: F401 - fixtures

from app_pages import data

pytestmark = pytest.mark.browser

TIMEOUT_MS = 90_000


@pytest.fixture
def page(browser, app_url):
    def graph_script(pg, url) -> None:
        if url.path.endswith(data.VIS_FILE):
            pg.scripts.append(url.geturl())

    context, pg = recording_page(browser, app_url, height=900, timeout_ms=TIMEOUT_MS, on_request=graph_script)
    pg.scripts = []  # type: ignore[attr-defined]
    yield pg
    context.close()


def settle(pg) -> None:
    busy = "[data-testid='stSkeleton'], [data-testid='stSpinner'], [data-testid='stStatusWidget']"
    quiet = 0
    while quiet < 4:
        quiet = 0 if pg.locator(busy).count() else quiet + 1
        pg.wait_for_timeout(100)


def sidebar_open(pg) -> bool:
    box = pg.locator("[data-testid='stSidebar']").bounding_box()
    return bool(box and box["width"] > 50 and box["x"] + box["width"] > 50)


SLIDES = ".ws-slides"


def step_drawn(pg, step_id: str):
    """The presenter's slides once they show `step_id` and vis-network has drawn its nodes."""
    pg.wait_for_selector(f"{SLIDES}[data-step='{step_id}'][data-drawn='{step_id}']")
    return pg.locator(SLIDES)


LABEL_BOXES = """() => {
  const n = window.workshopNetwork;
  return Object.keys(n.body.nodes).filter(id => n.body.data.nodes.get(id)).map(id => {
    const s = n.body.nodes[id].labelModule.size;
    return [id, s.left, s.top, s.left + s.width, s.top + s.height];
  });
}"""


def test_presenting_folds_the_sidebar_and_no_label_overlaps_on_any_step(page, app_url):
    from graph.index import GraphIndex
    from loaders import load_paths
    from render.tour import default_tour

    page.goto(app_url)
    page.wait_for_selector("[data-testid='stMain'] h1")
    settle(page)
    assert sidebar_open(page)
    page.locator("[data-testid='stSidebarNav'] a[href$='/presenter']").click()
    next_button = page.locator(f"{SLIDES} .ws-next")
    next_button.wait_for()
    settle(page)
    assert not sidebar_open(page)
    steps = default_tour(GraphIndex(load_paths(list(data.seed_paths())))).visible()
    for n, step in enumerate(steps):
        step_drawn(page, step.id)
        boxes = page.evaluate(LABEL_BOXES)
        assert len(boxes) == len(step.node_ids)
        clashes = [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                   if min(a[3], b[3]) > max(a[1], b[1]) and min(a[4], b[4]) > max(a[2], b[2])]
        assert not clashes, (step.id, clashes)
        if n < len(steps) - 1:
            next_button.click()
    page.locator("[data-testid='stSidebar'], [data-testid='stSidebarCollapsedControl']").first.wait_for(
        state="attached")
    page.goto(app_url)  # a new session on another page: the sidebar is there again
    page.wait_for_selector("[data-testid='stMain'] h1")
    settle(page)
    assert sidebar_open(page)
    assert page.outside == []
    assert page.scripts and all(urllib.parse.urlparse(u).netloc == urllib.parse.urlparse(app_url).netloc
                                for u in page.scripts)


def test_presenter_steps_change_in_the_browser_and_survive_a_language_and_page_switch(page, app_url):
    from graph.index import GraphIndex
    from loaders import load_paths
    from render.tour import default_tour

    idx = GraphIndex(load_paths(list(data.seed_paths())))
    zh, en = (default_tour(idx, lang=lang).visible() for lang in ("zh", "en"))
    page.goto(f"{app_url}/presenter")
    slides = step_drawn(page, zh[0].id)
    settle(page)
    runs = slides.get_attribute("data-runs")
    page.locator(f"{SLIDES} .ws-next").click()
    step_drawn(page, zh[1].id)
    assert page.locator(f"{SLIDES} .ws-title").inner_text() == zh[1].title
    page.keyboard.press("ArrowRight")
    step_drawn(page, zh[2].id)
    assert page.locator(f"{SLIDES} .ws-title").inner_text() == zh[2].title
    page.keyboard.press("PageDown")  # a clicker
    step_drawn(page, zh[3].id)
    page.keyboard.press("ArrowLeft")
    step_drawn(page, zh[2].id)
    page.wait_for_selector(f"{SLIDES}[data-python-step='2']")  # Python has the step (a fragment rerun) …
    settle(page)
    assert slides.get_attribute("data-runs") == runs  # … and the page script did not run again
    page.locator("[data-testid='stSidebarCollapsedControl'] button, "
                 "[data-testid='stExpandSidebarButton']").first.click()
    page.locator("[data-testid='stSidebar']").get_by_text("English", exact=True).click()
    page.wait_for_function("(runs) => document.querySelector('.ws-slides').dataset.runs !== runs",
                           arg=runs)  # the page script ran: a new language
    step_drawn(page, en[2].id)
    assert page.locator(f"{SLIDES} .ws-title").inner_text() == en[2].title
    assert page.locator(f"{SLIDES} .ws-next").inner_text() == data.t("workshop.page.next", "en")
    page.locator("[data-testid='stSidebarNav'] a").first.click()  # another page, and back
    page.wait_for_selector(SLIDES, state="detached")
    page.locator("[data-testid='stSidebarNav'] a[href$='/presenter']").click()
    step_drawn(page, en[2].id)
    assert page.outside == []


def test_overview_paints_its_picture_and_a_bar_lists_the_actors_measures(page, app_url):
    page.goto(app_url)
    page.wait_for_selector("[data-testid='stMain'] h1")
    page.wait_for_selector("[data-testid='stMetric']")
    settle(page)
    for _ in range(300):  # the picture's frame draws
        try:
            if any(f.locator("body[data-settled='1']").count() for f in page.frames if f is not page.main_frame):
                break
        except sync_api.Error:  # a frame replaced while looking
            pass
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the overview picture did not draw")
    bars = page.locator(".kb-row")
    assert bars.count() >= 5
    labels = [bars.nth(i).locator(".kb-label") for i in range(bars.count())]
    assert all(label.evaluate("l => l.scrollWidth <= l.clientWidth + 1") for label in labels)  # none cut short
    first = bars.first
    first.scroll_into_view_if_needed()
    actor = first.locator(".kb-label").inner_text()
    first.click()
    page.wait_for_selector(f"[data-testid='stMain'] strong:has-text('{actor}')")
    page.wait_for_selector("[data-testid='stMain'] a[href*='measure=']")
    assert page.locator("[data-testid='stMain'] a[href*='measure=']").count() >= 1
    assert page.outside == []
