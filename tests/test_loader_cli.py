"""`python -m loaders` (`policykg load`) and `python -m loaders.evaluate`: in process, plus one run
in a subprocess as a user runs them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from cli_runner import Ran, run_main

from graph.model import OUTLINE_EDGES
from loaders import evaluate, load_paths
from policykg import load_cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
GOLD = ROOT / "data" / "gold" / "zhejiang-platform-economy-2023.yaml"
OUTLINE_TYPES = {t.value for t in OUTLINE_EDGES}


COMMANDS = {"loaders": load_cli.main, "loaders.evaluate": evaluate.main}


def run(dash_m: str, module: str, *args: str | Path) -> Ran:
    assert dash_m == "-m"
    return run_main(COMMANDS[module], args)


def run_ok(*args: str | Path) -> Ran:
    proc = run(*args)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    return proc


@pytest.fixture(scope="module")
def data() -> dict:
    return json.loads(run_ok("-m", "loaders", SEED).stdout)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {d.id: d.text for d in load_paths([SEED]).documents}


def test_json_is_node_link_data_of_the_whole_graph(data):
    graph = load_paths([SEED])
    assert data["directed"] is True and data["multigraph"] is True
    assert len(data["nodes"]) == len(graph.nodes)
    assert len(data["edges"]) == len(graph.edges)
    assert {n["id"] for n in data["nodes"]} == {n.id for n in graph.nodes}


def test_every_node_has_a_type_and_a_name(data):
    for node in data["nodes"]:
        assert isinstance(node.get("type"), str) and node["type"], node
        assert isinstance(node.get("name"), str) and node["name"], node


def test_measures_carry_number_title_and_text(data):
    measures = [n for n in data["nodes"] if n["type"] == "Measure"]
    assert sorted(m["number"] for m in measures) == list(range(1, 26))
    for m in measures:
        assert type(m["number"]) is int, m["id"]
        assert isinstance(m["title"], str) and m["title"], m["id"]
        assert isinstance(m["text"], str) and m["title"] in m["text"], m["id"]


def test_edges_have_a_type_and_extracted_ones_evidence_with_a_span(data):
    extracted = [e for e in data["edges"] if e.get("type") not in OUTLINE_TYPES]
    assert all(isinstance(e.get("type"), str) and e["type"] for e in data["edges"])
    with_evidence = [e for e in extracted if e["type"] != "CROSS_REFERENCES"]  # derived, not read
    assert len(with_evidence) > 100
    for e in with_evidence:
        assert isinstance(e.get("evidence"), str) and e["evidence"], e
        span = e.get("span")
        assert isinstance(span, list) and len(span) == 2 and all(type(x) is int for x in span), e
        assert 0 <= span[0] < span[1], e


def _text_at(text, edge):
    """The document text behind an edge: its span, or its pieces where a page break split the sentence."""
    return "".join(text[s:e] for s, e in edge.get("pieces", [edge["span"]]))


def test_evidence_is_the_document_text_at_its_span(data, texts):
    at_span = {id(e): _text_at(texts[e["doc_id"]], e) for e in data["edges"] if "span" in e}
    assert any("pieces" in e for e in data["edges"]), "the seed has sentences split by page breaks"
    wrong = [(e["type"], e["source"].rsplit("/", 1)[-1], e["span"], e["evidence"], at_span[id(e)])
             for e in data["edges"] if id(e) in at_span and at_span[id(e)] != e["evidence"]]
    assert not wrong, f"{len(wrong)} edges' evidence is not the text at their span, e.g. {wrong[0]}"


@pytest.mark.parametrize("fmt, read", [
    ("graphml", lambda p: nx.read_graphml(p, force_multigraph=True)),
    ("gexf", nx.read_gexf),
])
def test_graphml_and_gexf_files_hold_the_same_graph_as_the_json(data, tmp_path, fmt, read):
    out = tmp_path / f"graph.{fmt}"
    proc = run_ok("-m", "loaders", SEED, "--format", fmt, "--out", out)
    assert proc.stdout == b""
    g = read(out)
    assert g.number_of_nodes() == len(data["nodes"])
    assert g.number_of_edges() == len(data["edges"])
    assert set(g.nodes) == {n["id"] for n in data["nodes"]}
    types = {attrs.get("type") for _, attrs in g.nodes(data=True)}
    assert {"Policy", "Measure", "Actor"} <= types


def test_excluded_lists_set_aside_text_with_reasons(texts):
    rows = json.loads(run_ok("-m", "loaders", SEED, "--excluded").stdout)
    assert rows and all(row["reason"] and row["text"] for row in rows)
    assert {"doc_id", "start", "end", "reason", "text"} <= set(rows[0])
    assert ("page furniture", "（紧接第一版）") in {(r["reason"], r["text"]) for r in rows}
    news = [r for r in rows if "景宁县" in r["text"]]
    assert news and all("newspaper" in r["reason"] for r in news)
    for r in rows:
        assert texts[r["doc_id"]][r["start"]:r["end"]] == r["text"]
    assert not any("景宁县" in m["text"] for m in json.loads(run_ok("-m", "loaders", SEED).stdout)["nodes"]
                   if m["type"] == "Measure")


def test_evaluate_prints_a_table_with_measure_actor_recall_of_at_least_0_9():
    lines = run_ok("-m", "loaders.evaluate", GOLD, SEED).stdout.decode("utf-8").splitlines()
    assert lines[0].split() == ["type", "gold", "found", "correct", "precision", "recall"]
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:]}
    assert {"measures", "sections", "measure→actor"} <= set(rows)
    assert rows["measures"][:3] == ["25", "25", "25"]
    assert float(rows["measure→actor"][-1]) >= 0.9


@pytest.mark.slow
def test_python_dash_m_loaders_runs_as_a_user_runs_it(data):
    proc = subprocess.run([sys.executable, "-m", "loaders", str(SEED)], cwd=ROOT, capture_output=True, timeout=300)
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    assert json.loads(proc.stdout) == data
