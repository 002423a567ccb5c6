"""What every real-browser test module shares: Debian Chromium through playwright, and the explorer
served once per module (`tests/streamlit_server.py`).

Importing this module skips the importing test module when Chromium or playwright is missing on a
user's machine, and fails it in CI, which installs both (`make test` -> system-deps, requirements-dev).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from streamlit_server import serve_app

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is None:
    if os.environ.get("CI"):  # CI installs it (make test -> system-deps): missing there is a failure
        pytest.fail("Debian chromium is not installed (make system-deps)", pytrace=False)
    pytest.skip("Debian chromium is not installed (make system-deps)", allow_module_level=True)
if os.environ.get("CI"):  # CI installs playwright (requirements-dev.txt): missing there is a failure
    import playwright.sync_api as sync_api
else:
    sync_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    """The explorer on its own port for the module's tests."""
    with serve_app(tmp_path_factory.mktemp("streamlit")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, shared by the module's tests."""
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def recording_page(browser, app_url: str, *, height: int, timeout_ms: int, on_request=None):
    """A new Chinese-locale page at 1440×`height` whose ``outside`` lists every request that leaves the
    explorer's host (the app must work offline); `on_request(page, url)` sees every parsed request too."""
    import urllib.parse

    context = browser.new_context(viewport={"width": 1440, "height": height}, locale="zh-CN")
    pg = context.new_page()
    pg.set_default_timeout(timeout_ms)
    pg.outside = []  # type: ignore[attr-defined]
    host = urllib.parse.urlparse(app_url).netloc

    def record(request) -> None:
        url = urllib.parse.urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != host:
            pg.outside.append(request.url)
        if on_request is not None:
            on_request(pg, url)

    pg.on("request", record)
    return context, pg
