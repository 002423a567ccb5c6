"""Shared fixtures. `bolt_settings`: a real Bolt server for the whole session.

With NEO4J_URI set, the tests run against that server (NEO4J_USER, NEO4J_PASSWORD,
NEO4J_DATABASE) instead; otherwise one ArcadeDB server (graph/bolt_testserver.py) starts
on a free loopback port with its data in a temp dir, and stops at the end.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `pytest` (not `python -m pytest`) puts only tests/ on the path
    sys.path.insert(0, str(ROOT))

from graph.bolt_testserver import BoltServer

from graph.settings import settings_from_env


SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
CI_SKIP_ALLOWED = "NEO4J_URI"  # the one skip CI accepts: a test that needs a real Neo4j, named by its URI


def in_ci() -> bool:
    return bool(os.environ.get("CI"))


def require(condition: bool, reason: str) -> None:
    """Skip the calling test when `condition` fails, outside CI; in CI that is a failure
    (CI installs everything, so a missing font, browser or ../shared folder is a broken setup)."""
    if condition:
        return
    if in_ci():
        pytest.fail(f"{reason} (CI is set: a skip here is a failure)", pytrace=False)
    pytest.skip(reason)


def _skip_reason(longrepr) -> str:
    return str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)


def _fail_hidden_skip(report) -> None:
    """In CI every skip is a failure unless its reason names a real Neo4j (NEO4J_URI)."""
    if not (in_ci() and report.skipped and not hasattr(report, "wasxfail")):
        return
    reason = _skip_reason(report.longrepr)
    if CI_SKIP_ALLOWED in reason:
        return
    report.outcome = "failed"
    report.longrepr = f"skipped in CI, which counts as a failure (only a skip naming {CI_SKIP_ALLOWED} may " \
                      f"stay a skip): {reason}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    _fail_hidden_skip(outcome.get_result())


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector):
    outcome = yield  # a module that skips itself (allow_module_level) is skipped at collection
    _fail_hidden_skip(outcome.get_result())


def pytest_collection_finish(session):
    """Every new `AppTest` scans the metadata of every installed distribution for Streamlit component
    manifests (about half a second); what is installed does not change during a test run, so the scan
    runs once, and each script is compiled once (`_compile_each_script_once`). Only when a collected
    module uses AppTest: other runs never import Streamlit for it."""
    # What collection imported (Streamlit, pandas, the app and every test module) lives until the end:
    # keep it out of the garbage collector's full passes, which otherwise walk it again and again.
    import gc

    gc.freeze()
    if "streamlit.testing.v1" not in sys.modules:
        return
    from functools import cache

    from streamlit.components.v2 import manifest_scanner

    scanned = cache(manifest_scanner.scan_component_manifests)
    manifest_scanner.scan_component_manifests = lambda max_workers=None: list(scanned())
    _compile_each_script_once()


def _compile_each_script_once() -> None:
    """Every `AppTest.run()` makes a new ScriptCache, so the app and its page are parsed, rewritten for
    Streamlit's magic and compiled again on every run (tens of milliseconds each, hundreds of runs).
    Compiled code is kept for the session instead, keyed by the file's path, size and modification time:
    a script that changes is compiled again."""
    from streamlit.runtime.scriptrunner import script_cache
    from streamlit.testing.v1 import app_test, local_script_runner

    compiled: dict[tuple[str, int, int], object] = {}

    class CompiledOnce(script_cache.ScriptCache):
        def get_bytecode(self, script_path: str):
            stat = os.stat(script_path)
            key = (os.path.abspath(script_path), stat.st_size, stat.st_mtime_ns)
            if key not in compiled:
                compiled[key] = super().get_bytecode(script_path)
            return compiled[key]

    app_test.ScriptCache = local_script_runner.ScriptCache = CompiledOnce


def pytest_collection_modifyitems(config, items):
    """Every test that asks for the Bolt server is a `bolt` test, marked or not, so
    ``-m "not bolt"`` (`make test-fast`) never starts the server. `slow` tests go first (the order is
    otherwise kept): dealt out last, one of them would leave the other workers idle at the end."""
    for item in items:
        if "bolt_settings" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.bolt)
    items.sort(key=lambda item: item.get_closest_marker("slow") is None)


@pytest.fixture(scope="session")
def seed_graph():
    """The seed document's graph, loaded once (a frozen PolicyGraph, safe to share)."""
    from loaders import load_paths

    return load_paths([SEED])


@pytest.fixture(scope="session")
def bolt_settings():
    """Settings of the Bolt server the store tests use (a `Neo4jSettings`)."""
    external = settings_from_env()
    if external is not None:
        yield external
        return
    from graph.neo4j_store import close_drivers

    with BoltServer() as server:
        yield server.settings
        close_drivers()  # open Bolt connections would hold the server's shutdown up


SHARED = ROOT.parent / "shared"


def shared_path(*parts: str) -> Path:
    """A path under ../shared (the development corpus). Skips the test when it is absent, unless
    CI is set: there a missing corpus is a failure, not a skip."""
    import os

    path = SHARED.joinpath(*parts)
    if not path.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{path} is missing (CI is set, so the shared corpus must be there)")
        pytest.skip(f"{path} is absent (the shared corpus is not checked out next to the project)")
    return path
