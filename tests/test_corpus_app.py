"""A corpus in the explorer: POLICY_KG_DOCS folders at start, many uploads at once, the per-file
report, and the cross-document matrices that keep each unit with its document."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import corpus_graph
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages import data
from policykg import ingest
from graph.embedded import EmbeddedStore
from graph.model import Edge, EdgeType, Label, Node, PolicyGraph
from app_tables import tables

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
XSS = ROOT / "tests" / "explorer_xss.txt"
TIMEOUT = 120


@pytest.fixture
def app(monkeypatch):
    """`app(docs=None, graph=None)`: a fresh AppTest run once, POLICY_KG_DOCS set to `docs` when given."""
    monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)
    monkeypatch.setattr(data, "neo4j_settings", lambda: None)

    def make(docs: str | None = None, graph: PolicyGraph | None = None) -> AppTest:
        st.cache_data.clear()
        st.cache_resource.clear()
        if docs is None:
            monkeypatch.delenv(ingest.DOCS_ENV, raising=False)
        else:
            monkeypatch.setenv(ingest.DOCS_ENV, docs)
        if graph is not None:
            monkeypatch.setattr(data, "load_documents", lambda paths: graph)
        return ok(AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT).run())

    yield make
    st.cache_data.clear()
    st.cache_resource.clear()


def ok(at: AppTest) -> AppTest:
    assert not at.exception, [e.value for e in at.exception]
    caught = [e.value for e in at.error if data.t("app.page_error", "zh") in e.value]
    assert not caught, caught
    return at


def plain(text: str) -> str:
    return text.replace("\\", "")


def a_second_document() -> str:
    """The seed under another title: a distinct document of the same genre."""
    text = SEED.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip())
    return text.replace(first, first.replace("实施意见", "实施方案"), 1)


@pytest.fixture
def corpus_dir(tmp_path) -> Path:
    """A folder as an analyst keeps one: documents in sub-folders, a broken file, a stray note."""
    (tmp_path / "省级" / "2023").mkdir(parents=True)
    shutil.copy(SEED, tmp_path / "省级" / SEED.name)
    (tmp_path / "省级" / "2023" / "方案.txt").write_text(a_second_document(), encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"\x00\x01 not a zip")
    (tmp_path / "notes.xyz").write_text("not a document", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("an editor's backup", encoding="utf-8")
    return tmp_path


# ---------------------------------------------------------------- which files are loaded at start

def test_a_folder_expands_to_its_supported_files_recursively(corpus_dir):
    missing = str(corpus_dir / "absent.txt")
    found = ingest.expand_paths([str(corpus_dir), missing, str(SEED)])
    assert [Path(p).relative_to(corpus_dir).as_posix() if p.startswith(str(corpus_dir)) else p
            for p in found] == ["broken.docx", "省级/2023/方案.txt", f"省级/{SEED.name}", "absent.txt", str(SEED)]


def test_policy_kg_docs_replaces_the_bundled_documents_and_extra_docs_adds(monkeypatch, corpus_dir, tmp_path):
    monkeypatch.delenv(ingest.DOCS_ENV, raising=False)
    monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)
    bundled = data.seed_paths()
    assert bundled and all(Path(p).parent == ingest.SEED_DIR for p in bundled)
    monkeypatch.setenv(ingest.DOCS_ENV, os.pathsep.join([str(corpus_dir / "省级" / "2023"), str(corpus_dir / "broken.docx")]))
    monkeypatch.setenv(ingest.EXTRA_DOCS_ENV, str(SEED))
    assert data.seed_paths() == (str(corpus_dir / "省级" / "2023" / "方案.txt"), str(corpus_dir / "broken.docx"),
                                 str(SEED))


# ---------------------------------------------------------------- a corpus with one broken file

def test_a_corpus_folder_loads_with_one_broken_file_named(app, corpus_dir):
    at = app(docs=str(corpus_dir))
    sidebar = [plain(w.value) for w in at.sidebar.warning]
    assert len(sidebar) == 1 and "broken.docx" in sidebar[0] and "\n" not in sidebar[0]
    assert str(corpus_dir) not in sidebar[0]  # the file's name, not the server's folders
    assert data.t("app.store.counts", "zh", documents=2, nodes=0, edges=0).split(" · ")[0] in \
        "\n".join(c.value for c in at.sidebar.caption)
    at = ok(at.switch_page("app_pages/upload.py").run())
    report = tables(at)[-1]
    status = dict(zip(report[data.t("upload.col.file", "zh")], report[data.t("upload.col.status", "zh")]))
    assert status == {"broken.docx": data.t("upload.status.error", "zh"),
                      "方案.txt": data.t("upload.status.loaded", "zh"),
                      SEED.name: data.t("upload.status.loaded", "zh")}
    assert data.t("upload.start_up.summary", "zh", files=3, failed=1) in [c.value for c in at.caption]


def test_many_uploads_at_once_a_broken_one_never_stops_or_removes_the_others(app):
    at = ok(app().switch_page("app_pages/upload.py").run())
    xss = XSS.read_bytes()
    at.file_uploader(key="upload_files").set_value([("xss.txt", xss, "text/plain"),
                                                   ("broken.pdf", b"%PDF-1.4 not really", "application/pdf"),
                                                   ("方案.txt", a_second_document().encode(), "text/plain")]).run()
    ok(at)
    assert set(at.session_state[data.UPLOADS_KEY]) == {"xss.txt", "方案.txt"}
    errors = [plain(e.value) for e in at.error]
    assert len(errors) == 1 and "broken.pdf" in errors[0]
    report = tables(at)[0]
    assert list(report[data.t("upload.col.file", "zh")]) == ["xss.txt", "broken.pdf", "方案.txt"]
    assert list(report[data.t("upload.col.documents", "zh")]) == [1, 0, 1]
    # A later broken file leaves what was added before in place.
    at.file_uploader(key="upload_files").set_value([("xss.txt", xss, "text/plain"),
                                                   ("empty.txt", b"", "text/plain")]).run()
    ok(at)
    assert set(at.session_state[data.UPLOADS_KEY]) == {"xss.txt", "方案.txt"}
    assert any("empty.txt" in plain(e.value) for e in at.error)


# ---------------------------------------------------------------- matrices across documents

def two_documents_citing_through_their_second_articles() -> PolicyGraph:
    """The corpus graph with the national 第二条 also citing the law, and both 第二条 assigned to one body:
    two units with the same name in two documents."""
    graph = corpus_graph.build()
    national, city = (f"{corpus_graph.NATIONAL}/article:2", f"{corpus_graph.CITY}/article:2")
    body = Node("actor:市场监管部门", Label.ACTOR, "市场监管部门", {"kind": "government"})
    edges = [Edge(national, "law:某法", EdgeType.CITES, corpus_graph.NATIONAL, "依照《某法》", attrs={"articles": [1]}),
             Edge(national, body.id, EdgeType.ASSIGNED_TO, corpus_graph.NATIONAL, "由市场监管部门负责",
                  attrs={"role": "responsible"}),
             Edge(city, body.id, EdgeType.INVOLVES, corpus_graph.CITY, "市场监管部门", attrs={"role": "支持"}),
             Edge(city, body.id, EdgeType.ASSIGNED_TO, corpus_graph.CITY, "市场监管部门负责",
                  attrs={"role": "responsible"})]
    return PolicyGraph(graph.nodes + (body,), graph.edges + tuple(edges), graph.documents)


def test_actor_document_matrix_counts_each_unit_once_per_document():
    rows = EmbeddedStore(two_documents_citing_through_their_second_articles()).query("actor_document_matrix")
    assert [(r["actor"], r["doc_id"], r["document_title"], r["count"]) for r in rows] == [
        ("actor:市场监管部门", corpus_graph.NATIONAL, "优化营商环境条例", 1),
        ("actor:市场监管部门", corpus_graph.CITY, "某市优化营商环境条例", 1)]


def test_matrices_keep_two_documents_second_articles_apart(app):
    at = ok(app(graph=two_documents_citing_through_their_second_articles()).switch_page(
        "app_pages/matrices.py").run())
    labels = [t.label for t in at.tabs]
    assert labels[-2:] == [data.t("matrices.actor_document", "zh"), data.t("matrices.law_citations", "zh")]
    by_document = next(f for f in tables(at) if "市场监管部门" in set(f.iloc[:, 0]))
    assert list(by_document.columns[1:]) == ["优化营商环境条例", "某市优化营商环境条例"]
    assert by_document.iloc[0, 1:].tolist() == [1, 1]
    citing = tables(at)[-1]
    document, unit, articles = (data.t(f"matrices.col.{c}", "zh") for c in ("document", "unit", "articles"))
    assert sorted(zip(citing[document], citing[unit].str.split(" · ").str[0], citing[articles])) == [
        ("优化营商环境条例", "第二条", "1"), ("某市优化营商环境条例", "第三条", "2")]


def test_a_corpus_opens_on_the_document_network(monkeypatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    seed = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
    (tmp_path / "a.txt").write_bytes(seed.read_bytes())
    (tmp_path / "b.txt").write_text("某市优化营商环境条例\n\n第一条 为了优化营商环境，制定本条例。", encoding="utf-8")
    monkeypatch.setenv("POLICY_KG_DOCS", str(tmp_path))
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=60).run()
    assert not at.exception
    assert data.t("nav.documents", "zh") in [t.value for t in at.title]
