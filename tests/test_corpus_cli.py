"""Loading a corpus: folders, a report per file, and a broken file that stops nothing
(`loaders.corpus`, `python -m loaders DIR`, `python -m graph sync DIR`)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from cli_runner import run_main
from graph.bolt_testserver import wipe

from policykg import cli as graph_cli
from graph.model import Label
from loaders import __main__ as loaders_cli
from loaders.corpus import FileReport, expand_paths, load_corpus, summary

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
BINARY = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
REGULATION = """某市促进条例

第一条 为了促进发展，根据《优化营商环境条例》，结合本市实际，制定本条例。

第二条 市人民政府负责组织实施本条例。
"""


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    """Two good documents (one in a sub-folder) and one broken file named .txt."""
    (tmp_path / "sub").mkdir()
    (tmp_path / "a-seed.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "sub" / "regulation.md").write_text(REGULATION, encoding="utf-8")
    (tmp_path / "broken.txt").write_bytes(BINARY)
    return tmp_path


def test_expand_paths_recurses_sorted_over_supported_suffixes_only(tmp_path):
    for name in ["b.md", "a.txt", "sub/c.DOCX", "sub/deeper/d.pdf", ".git/e.txt", "notes.csv", "f.html"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    got = [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])]
    assert got == ["a.txt", "b.md", "f.html", "sub/c.DOCX", "sub/deeper/d.pdf"]
    # a file named on its own is kept whatever its suffix (its load then says why it fails), and once
    assert expand_paths([tmp_path / "notes.csv", tmp_path / "a.txt", tmp_path]) [:2] == [
        tmp_path / "notes.csv", tmp_path / "a.txt"]
    assert len(expand_paths([tmp_path, tmp_path])) == 5


def test_a_broken_file_is_reported_and_the_others_load(corpus):
    seen = []
    graph, reports = load_corpus([corpus], lambda done, total, report: seen.append((done, total, report)))
    by_name = {Path(r.path).name: r for r in reports}
    assert sorted(by_name) == ["a-seed.txt", "broken.txt", "regulation.md"]
    assert not by_name["broken.txt"].loaded and "broken.txt" in by_name["broken.txt"].error
    assert by_name["a-seed.txt"].loaded and by_name["regulation.md"].loaded
    assert {d.id for d in graph.documents} == {by_name["a-seed.txt"].doc_id, by_name["regulation.md"].doc_id}
    assert seen == [(1, 3, reports[0]), (2, 3, reports[1]), (3, 3, reports[2])]
    assert summary(reports) == "loaded 2 of 3 files (1 failed)"


def test_an_empty_folder_is_reported_not_silently_skipped(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "one.txt").write_bytes(SEED.read_bytes())
    graph, reports = load_corpus([tmp_path / "empty", tmp_path / "one.txt"])
    assert len(graph.documents) == 1 and [r.loaded for r in reports] == [False, True]
    assert "no supported files" in reports[0].error and str(tmp_path / "empty") in reports[0].error


@pytest.mark.parametrize("report, line", [
    (FileReport("a.txt", "doc:a"), "loaded: a.txt -> doc:a"),
    (FileReport("a.txt", "doc:a", ("w1", "w2")), "loaded: a.txt -> doc:a (2 warnings)"),
    (FileReport("b.txt", error="b.txt: not text: looks binary"), "error: b.txt: not text: looks binary"),
])
def test_report_line(report, line):
    assert report.line() == line


def test_loaders_cli_on_a_folder_writes_the_good_documents_and_names_the_broken_one(corpus, tmp_path, capsys):
    out = tmp_path / "graph.json"
    assert loaders_cli.main([str(corpus), "--out", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if line.startswith("error:")] == [
        f"error: {corpus / 'broken.txt'}: not text: looks binary"]
    assert sum(line.startswith("loaded: ") for line in err) == 2
    assert err[-1] == "loaded 2 of 3 files (1 failed)"
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    assert sum(n["type"] == Label.POLICY.value for n in nodes) == 2


def test_loaders_cli_fails_when_no_file_loads(tmp_path, capsys):
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_bytes(BINARY)
    out = tmp_path / "graph.json"
    assert loaders_cli.main([str(tmp_path), "--out", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1] == "error: none of the 2 files loaded" and len(err) == 3
    assert not out.exists()


def test_loaders_cli_on_a_folder_reports_the_broken_file_and_prints_the_others(corpus):
    # In process: `python -m loaders` has its subprocess smoke test in test_loader_cli (issue 12).
    done = run_main(loaders_cli.main, [corpus], text=True)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "broken.txt: not text" in done.stderr
    assert sum(n["type"] == "Policy" for n in json.loads(done.stdout)["nodes"]) == 2


def test_graph_sync_without_settings_loads_nothing_and_says_how_to_configure(corpus, monkeypatch, capsys):
    for key in [k for k in os.environ if k.startswith("NEO4J_")]:
        monkeypatch.delenv(key)
    monkeypatch.chdir(corpus)  # no .streamlit/secrets.toml here
    assert graph_cli.main(["sync", str(corpus)]) == 1
    assert "NEO4J_URI" in capsys.readouterr().err


@pytest.mark.bolt
def test_graph_sync_of_a_folder_with_a_broken_file_keeps_what_is_stored(corpus, bolt_settings, monkeypatch,
                                                                       capsys):
    from graph.neo4j_store import Neo4jStore

    monkeypatch.setenv("NEO4J_URI", bolt_settings.uri)
    monkeypatch.setenv("NEO4J_USER", bolt_settings.user)
    monkeypatch.setenv("NEO4J_PASSWORD", bolt_settings.password)
    monkeypatch.setenv("NEO4J_DATABASE", bolt_settings.database or "")
    store = Neo4jStore.connect(bolt_settings)
    wipe(store)
    try:
        assert graph_cli.main(["sync", str(corpus / "a-seed.txt")]) == 0
        seed_id = store.query("documents")[0]["id"]
        (corpus / "a-seed.txt").write_bytes(BINARY)  # the stored document's file is broken now
        assert graph_cli.main(["sync", str(corpus)]) == 0
        err = capsys.readouterr().err
        assert "a-seed.txt: not text" in err and "broken.txt: not text" in err
        ids = {row["id"] for row in store.query("documents")}
        assert seed_id in ids and len(ids) == 2  # the seed is still there, the regulation was added
        for broken in ("a-seed.txt", "broken.txt"):
            assert graph_cli.main(["sync", str(corpus / broken)]) == 1
        assert {row["id"] for row in store.query("documents")} == ids
    finally:
        wipe(store)  # the next test module finds the server empty


def test_a_folders_readme_is_not_loaded_as_a_document(tmp_path):
    from loaders.corpus import expand_paths

    (tmp_path / "README.md").write_text("# 说明\n\n本文件夹收录政策文件。", encoding="utf-8")
    (tmp_path / "关于某事的通知.txt").write_text("关于某事的通知\n\n一、总体要求", encoding="utf-8")
    assert [p.name for p in expand_paths([tmp_path])] == ["关于某事的通知.txt"]
    assert [p.name for p in expand_paths([tmp_path / "README.md"])] == ["README.md"]  # named: read it


def test_graph_query_reads_a_folder_for_the_embedded_store(corpus, capsys):
    (corpus / "broken.txt").unlink()  # `query --data` reads every file or fails, as before
    assert graph_cli.main(["query", "documents", "--data", str(corpus)]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(row["source"] for row in rows) == ["a-seed.txt", "regulation.md"]
