"""The corpus views in a real browser: headless Debian Chromium, ``streamlit run`` on the seed plus
the shared corpus (``POLICY_KG_DOCS``), the Documents page's network and timeline, and the Compare
page pairing a national regulation's articles with a local one's."""

from __future__ import annotations

from streamlit_server import serve_app

import os
import re
from pathlib import Path

import pytest
from browser_session import CHROMIUM, CHROMIUM_ARGS, sync_api
from conftest import require

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "corpus"
PAGE_TIMEOUT_MS = 120_000
NATIONAL, LOCAL = "优化营商环境条例", "上海市优化营商环境条例"
SHOWN = re.compile(r"(\d+)\s*/\s*(\d+)")


def corpus_paths() -> str:
    """The seed folder and every document of the shared corpus (its README is not one)."""
    documents = [str(p) for p in sorted(SHARED.glob("*.md")) if p.name != "README.md"]
    return os.pathsep.join([str(ROOT / "data" / "seed"), *documents])


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    require(SHARED.is_dir(), f"{SHARED} is absent (the shared corpus)")
    with serve_app(tmp_path_factory.mktemp("streamlit"), {"POLICY_KG_DOCS": corpus_paths()}) as url:
        yield url


@pytest.fixture
def page(app_url):
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        pg = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN").new_page()
        pg.set_default_timeout(PAGE_TIMEOUT_MS)
        yield pg
        browser.close()


def settle(pg) -> None:
    """Wait until the script run is over: a heading drawn, no skeleton, spinner or progress bar."""
    pg.wait_for_selector("[data-testid='stMain'] h1")
    busy = ("[data-testid='stAppSkeleton'], [data-testid='stSkeleton'], [data-testid='stSpinner'], "
            "[data-testid='stProgress'], [data-testid='stStatusWidget']")
    quiet = 0
    for _ in range(600):
        quiet = 0 if pg.locator(busy).count() else quiet + 1
        if quiet >= 4:
            return
        pg.wait_for_timeout(100)


def drawn_frame(pg):
    """The frame of the vis-network graph, once it has drawn."""
    for _ in range(600):
        for frame in pg.frames:
            if frame is not pg.main_frame and frame.locator("body[data-drawn='1'] #graph canvas").count():
                return frame
        pg.wait_for_timeout(100)
    raise AssertionError("no drawn graph frame")


def shown_counts(pg) -> tuple[int, int]:
    """(documents shown, documents loaded) from the Documents page's caption."""
    caption = pg.locator("[data-testid='stCaptionContainer']").filter(has_text=SHOWN).first.inner_text()
    shown, total = SHOWN.search(caption).groups()
    return int(shown), int(total)


def test_the_document_network_draws_and_the_timeline_changes_it(page, app_url):
    page.goto(f"{app_url}/documents")
    settle(page)
    frame = drawn_frame(page)
    assert frame.locator("#graph canvas").count() == 1
    shown, total = shown_counts(page)
    assert shown == total >= 9
    # The timeline's lower handle to the last year: only the newest documents (and the undated) stay.
    page.locator("[data-testid='stSlider'] input[type='range']").first.press("End")
    settle(page)
    for _ in range(100):
        if shown_counts(page)[0] < total:
            break
        page.wait_for_timeout(100)
    narrowed, still = shown_counts(page)
    assert still == total and 0 < narrowed < total
    assert drawn_frame(page).locator("#graph canvas").count() == 1


def choose(pg, label: str, option: str) -> None:
    box = pg.locator("[data-testid='stSelectbox']").filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(option)
    pg.get_by_role("option", name=option, exact=True).click()
    settle(pg)


def test_the_comparison_page_pairs_the_national_and_the_local_regulation(page, app_url):
    page.goto(f"{app_url}/compare")
    settle(page)
    choose(page, "上位或原文件", NATIONAL)
    choose(page, "比对文件", LOCAL)
    labels = page.locator("[data-testid='stMetricLabel']").all_inner_texts()
    values = [int(v) for v in page.locator("[data-testid='stMetricValue']").all_inner_texts()]
    assert [label.strip() for label in labels] == ["承接", "新增", "未承接"]
    inherited, added, dropped = values
    assert inherited >= 20 and added >= 1 and dropped >= 1
    pairs = page.locator("[data-testid='stMain'] strong").filter(has_text="→")
    assert pairs.count() == inherited
    assert re.fullmatch(r"第\S+条.* → 第\S+条.*", pairs.first.inner_text())
