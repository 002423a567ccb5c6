"""Page paint in a real browser: what a person waits for, page by page, and a presenter step.

    python -m bench.bench_pages [--runs N] [--pages overview,query,…]

One `streamlit run` server on the seed, warmed by two visits to every page (a warm server). Then, for
each page, a new tab (a new Streamlit session) opens the page's address, and two times are taken:

- first meaningful paint: the page's heading and its first content below it are drawn;
- done: the script run is over (no skeleton, spinner or running indicator) and, on a page with a
  graph or picture frame, that frame has drawn.

A new session is measured three ways: in a browser that has opened the app before, with a profile of
its own on disk (its HTTP cache holds Streamlit's scripts and fonts, and its code cache their compiled
form, as for an analyst opening another tab or coming back tomorrow); in a private window warmed the
same way (the HTTP cache but no code cache: every tab parses Streamlit's 5 MB of scripts again); and
as a first visit (an empty profile, which must also download them). The goal is read on the first;
all three are reported, each beside the baseline measured the same way.

A presenter step: in one session on the Presenter page, the slides' Next is pressed and the time taken
until the step's heading shows and vis-network has drawn the new step's nodes. Baseline, run alongside: a one-line
Streamlit script opened the same way. Goals (issue 11): every page's paint under 2 s, a presenter step
under 300 ms. Figures also go to bench/results/pages.json.
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

from bench.bench_app import BASELINE_SCRIPT, CHROMIUM, CHROMIUM_ARGS, _clean_env, _server, returning_browser

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results" / "pages.json"
PAGES = ["", "explore", "measure", "documents", "dependencies", "paths", "matrices", "compare", "query",
         "upload", "excluded", "presenter"]
GOAL_PAINT_S, GOAL_STEP_S = 2.0, 0.3
BUSY = ("[data-testid='stAppSkeleton'], [data-testid='stSkeleton'], [data-testid='stSpinner'], "
        "[data-testid='stProgress'], [data-testid='stStatusWidget']")
# The heading and the first thing under it: what a reader takes as "the page is there".
PAINTED = "[data-testid='stMain'] h1"
TIMEOUT_MS = 120_000
VIEWPORT = {"width": 1440, "height": 900}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_pages")
    parser.add_argument("--runs", type=int, default=3, help="new sessions per page (median reported)")
    parser.add_argument("--pages", default=",".join(p or "overview" for p in PAGES))
    args = parser.parse_args([] if argv is None else argv)
    if not Path(CHROMIUM).exists():
        print("Chromium is not installed: no page figures")
        return 0
    wanted = [("" if p == "overview" else p) for p in args.pages.split(",") if p]
    results = measure(wanted, args.runs)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    report(results)
    slow = [p for p, r in results["pages"].items() if r["paint_s"] >= GOAL_PAINT_S]
    step = results.get("presenter_step", {}).get("median_s", 0.0)
    return 1 if slow or step >= GOAL_STEP_S else 0


def measure(pages: list[str], runs: int) -> dict[str, Any]:
    from playwright.sync_api import sync_playwright

    env = _clean_env()
    with sync_playwright() as p, tempfile.TemporaryDirectory() as tmp:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        returning = returning_browser(p, str(Path(tmp) / "profile"), VIEWPORT)
        baseline_script = Path(tmp) / "baseline_app.py"
        baseline_script.write_text(BASELINE_SCRIPT, encoding="utf-8")
        with _server(env, str(baseline_script)) as server:
            baseline = page_times(browser, returning, [server.url], runs, elements=1)[server.url]
        out: dict[str, Any] = {"goal_paint_s": GOAL_PAINT_S, "goal_step_s": GOAL_STEP_S,
                               "baseline_paint_s": baseline["paint_s"], "baseline_private_s": baseline["private_paint_s"],
                               "baseline_first_visit_s": baseline["first_visit_paint_s"], "pages": {}}
        with _server(env) as server:
            urls = [f"{server.url}/{page}" for page in pages]
            for page, times in zip(pages, page_times(browser, returning, urls, runs).values()):
                out["pages"][page or "overview"] = times
            if "presenter" in pages:
                out["presenter_step"] = presenter_steps(browser, f"{server.url}/presenter")
        returning.close()
        browser.close()
    return out


def page_times(browser, returning, urls: list[str], runs: int, elements: int = 2) -> dict[str, dict[str, float]]:
    """Median paint and done of a new tab of the `returning` browser for each of `urls` (after two
    visits of every page, so that its caches hold what every page uses), the paint in a private window
    (warmed alike) and as a first visit (an empty profile)."""
    private = browser.new_context(viewport=VIEWPORT)
    for _ in range(2):  # Chromium keeps a script's compiled code from its second run on
        for url in urls:
            open_page(returning, url, elements)
            open_page(private, url, elements)
    out = {}
    for url in urls:
        times = [open_page(returning, url, elements) for _ in range(runs)]
        out[url] = {"paint_s": statistics.median(t[0] for t in times),
                    "done_s": statistics.median(t[1] for t in times),
                    "private_paint_s": statistics.median(open_page(private, url, elements)[0] for _ in range(runs)),
                    "first_visit_paint_s": statistics.median(first_visit(browser, url, elements)[0] for _ in range(runs))}
    private.close()
    return out


def first_visit(browser, url: str, elements: int = 2) -> tuple[float, float]:
    """`open_page` in an empty browser profile: nothing of Streamlit's is cached yet."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        return open_page(context, url, elements)
    finally:
        context.close()


def open_page(context, url: str, elements: int = 2) -> tuple[float, float]:
    """(first meaningful paint, done) in seconds for `url` in a new tab of `context` (a new session):
    painted when the heading and `elements` − 1 more elements of the page are drawn."""
    page = context.new_page()
    started = time.perf_counter()
    page.goto(url)
    page.wait_for_selector(PAINTED, timeout=TIMEOUT_MS)
    page.wait_for_function("""(n) => document.querySelectorAll(
        "[data-testid='stMain'] [data-testid='stElementContainer']").length >= n""", arg=elements,
                           timeout=TIMEOUT_MS)
    paint = time.perf_counter() - started
    settle(page)
    frames_drawn(page)
    done = time.perf_counter() - started
    page.close()
    return paint, done


def settle(page) -> None:
    """Until the script run is over (nothing busy for three looks in a row)."""
    quiet = 0
    while quiet < 3:
        quiet = 0 if page.locator(BUSY).count() else quiet + 1
        page.wait_for_timeout(30)


def frames_drawn(page) -> None:
    """Until every graph frame on the page has drawn once."""
    deadline = time.monotonic() + TIMEOUT_MS / 1000
    while time.monotonic() < deadline:
        frames = [f for f in page.frames if f is not page.main_frame]
        try:
            if all(f.locator("body[data-drawn], body[data-settled]").count() for f in frames):
                return
        except Exception:  # noqa: BLE001 - a frame replaced while looking (a new step): look again
            pass
        page.wait_for_timeout(20)


SLIDES = ".ws-slides"  # the presenter's slides (app_pages/assets/slides.html)
# The step after Next is shown: its heading is new and vis-network has drawn that step's nodes (the
# slides name the step in data-drawn after an afterDrawing with all of its nodes in).
STEP_SHOWN = """(old) => { const r = document.querySelector(".ws-slides");
  const h = r && r.querySelector(".ws-title");
  return !!h && h.innerText !== old && r.dataset.drawn === r.dataset.step; }"""
# Python has heard of the step shown (its fragment rerun is over): the page is at rest again.
STEP_KNOWN = """() => { const r = document.querySelector(".ws-slides");
  return !!r && r.dataset.pythonStep === r.dataset.index; }"""


def presenter_steps(browser, url: str) -> dict[str, Any]:
    """Seconds from pressing the slides' Next to the next step shown (heading and graph drawn), for
    every default step; between presses the page comes to rest (Python has the step, nothing runs)."""
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.goto(url)
    page.wait_for_selector(f"{SLIDES}[data-drawn]", timeout=TIMEOUT_MS)
    settle(page)
    times = []
    next_button = page.locator(f"{SLIDES} .ws-next")
    while next_button.is_enabled():
        before = page.locator(f"{SLIDES} .ws-title").inner_text()
        started = time.perf_counter()
        next_button.click()
        page.wait_for_function(STEP_SHOWN, arg=before, timeout=TIMEOUT_MS, polling="raf")
        times.append(time.perf_counter() - started)
        page.wait_for_function(STEP_KNOWN, timeout=TIMEOUT_MS)
        settle(page)
    context.close()
    return {"steps": len(times), "median_s": statistics.median(times) if times else 0.0,
            "max_s": max(times, default=0.0)}


def report(results: dict[str, Any]) -> None:
    base, private, first = (results[k] for k in ("baseline_paint_s", "baseline_private_s", "baseline_first_visit_s"))
    print("Chromium, a new session (new tab) on a warm server, median; baseline: a one-line script")
    print(f"  in a browser that has opened the app before (its own profile): baseline {base:.2f} s; in a "
          f"private window: {private:.2f} s; first visit (empty profile): {first:.2f} s")
    print(f"  {'page':<14}{'paint':>8}{'done':>8}{'ratio':>7}{'private':>10}{'ratio':>7}{'first visit':>13}{'ratio':>7}")
    for name, row in results["pages"].items():
        flag = "" if row["paint_s"] < GOAL_PAINT_S else "  over the 2 s goal"
        print(f"  {name:<14}{row['paint_s']:>7.2f}s{row['done_s']:>7.2f}s{row['paint_s'] / base:>6.1f}x"
              f"{row['private_paint_s']:>9.2f}s{row['private_paint_s'] / private:>6.1f}x"
              f"{row['first_visit_paint_s']:>12.2f}s{row['first_visit_paint_s'] / first:>6.1f}x{flag}")
    step = results.get("presenter_step")
    if step:
        met = "met" if step["median_s"] < GOAL_STEP_S else "NOT met"
        print(f"  presenter step: median {step['median_s'] * 1000:.0f} ms, slowest {step['max_s'] * 1000:.0f} ms "
              f"over {step['steps']} steps (goal < {GOAL_STEP_S * 1000:.0f} ms: {met})")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
