"""``python -m policykg`` (``python -m graph``): sync and query through the command's `main`, in process,
against the Bolt test server; one run in a subprocess as a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from cli_runner import Ran, run_main

from graph.bolt_testserver import free_port, wipe
from graph.neo4j_store import Neo4jStore
from policykg import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = sorted(str(p) for p in (ROOT / "data" / "seed").glob("*.txt"))


def run(*args: str, settings=None, password: str | None = None) -> Ran:
    env = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")}
    if settings is not None:
        env.update(NEO4J_URI=settings.uri, NEO4J_USER=settings.user,
                   NEO4J_PASSWORD=settings.password if password is None else password,
                   NEO4J_DATABASE=settings.database or "")
    return run_main(cli.main, args, text=True, env=env)


def assert_one_line_error(result: Ran, *secrets: str) -> str:
    assert result.returncode != 0
    err = result.stderr.strip()
    assert len(err.splitlines()) == 1 and err.startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr
    for secret in secrets:
        assert secret not in result.stderr + result.stdout
    return err


def test_query_on_the_embedded_store_prints_json_rows():
    result = run("query", "search_nodes", "--param", "text=反垄断", "--param", "limit=2")
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert 1 <= len(rows) <= 2 and "反垄断" in rows[0]["name"]  # a name match ranks before a text match


@pytest.mark.slow
def test_python_dash_m_graph_runs_as_a_user_runs_it():
    result = subprocess.run([sys.executable, "-m", "graph", "query", "search_nodes", "--param", "text=反垄断",
                             "--param", "limit=2"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert 1 <= len(rows) <= 2 and "反垄断" in rows[0]["name"]  # a name match ranks before a text match


def test_a_bad_query_name_or_parameter_is_one_line():
    assert "unknown query 'nope'" in assert_one_line_error(run("query", "nope"))
    bad_depth = run("query", "neighbourhood", "--param", "node=x", "--param", "depth=x")
    assert "depth" in assert_one_line_error(bad_depth)
    assert "key=value" in assert_one_line_error(run("query", "node", "--param", "node"))


def test_parameters_are_read_as_the_query_expects():
    assert cli._params(["depth=2", "node=law:x", 'ids=["a", "b"]'], {"depth": 1, "node": None}) == {
        "depth": 2, "node": "law:x", "ids": ["a", "b"]}


def test_export_is_handed_its_own_arguments(monkeypatch):
    seen = []
    fake = types.SimpleNamespace(main=lambda argv: seen.append(argv) or 7)
    monkeypatch.setitem(sys.modules, "policykg.export_cli", fake)
    assert cli.main(["export", "--format", "json", "-o", "x"]) == 7
    assert seen == [["--format", "json", "-o", "x"]]


def test_neo4j_without_settings_says_how_to_configure_it():
    assert "NEO4J_URI" in assert_one_line_error(run("query", "documents", "--store", "neo4j"))


@pytest.mark.bolt
def test_sync_then_query_over_bolt_matches_the_embedded_store(bolt_settings):
    wipe(Neo4jStore.connect(bolt_settings))
    synced = run("sync", *SEED, settings=bolt_settings)
    assert synced.returncode == 0, synced.stderr
    assert f"sync: {len(SEED)}/{len(SEED)} documents" in synced.stderr
    assert bolt_settings.password not in synced.stdout + synced.stderr
    from_neo4j = run("query", "documents", "--store", "neo4j", settings=bolt_settings)
    from_embedded = run("query", "documents")
    assert from_neo4j.returncode == 0, from_neo4j.stderr
    assert json.loads(from_neo4j.stdout) == json.loads(from_embedded.stdout) != []
    again = run("sync", *SEED, settings=bolt_settings)
    assert again.stdout == synced.stdout  # same counts: nothing duplicated


@pytest.mark.bolt
def test_a_wrong_password_is_one_line_and_a_failing_exit(bolt_settings):
    wrong = bolt_settings.password + "-wrong-Zq9"
    err = assert_one_line_error(run("query", "documents", "--store", "neo4j", settings=bolt_settings,
                                    password=wrong), wrong, bolt_settings.password)
    assert "wrong user name or password" in err


@pytest.mark.bolt
def test_a_server_that_is_down_is_one_line_and_a_failing_exit(bolt_settings):
    down = type(bolt_settings)(f"bolt://127.0.0.1:{free_port()}", "neo4j", "pw-Zq9", None)
    err = assert_one_line_error(run("sync", *SEED, settings=down), "pw-Zq9")
    assert err.startswith("error: cannot reach Neo4j")
