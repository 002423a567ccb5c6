"""The explorer under hostile data (issue 13, point 7 and 9): no traceback reaches a user."""

from __future__ import annotations

import json

import tomllib
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages import data
from graph.index import GraphIndex
from policykg import ingest
from graph.model import merge_graphs
from loaders import load_text
from render.tour import default_tour, dumps_tour
from app_tables import tables

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
TIMEOUT = 120


@pytest.fixture
def app(monkeypatch):
    def make(graph=None, extra: str | None = None, page: str | None = None) -> AppTest:
        st.cache_data.clear()
        st.cache_resource.clear()
        monkeypatch.setattr(data, "neo4j_settings", lambda: None)
        if extra is None:
            monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)
        else:
            monkeypatch.setenv(ingest.EXTRA_DOCS_ENV, extra)
        if graph is not None:
            monkeypatch.setattr(data, "_load_each", lambda paths: (graph, ()))
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT).run()
        if page:
            at = at.switch_page(f"app_pages/{page}.py").run()
        return at

    yield make
    st.cache_data.clear()
    st.cache_resource.clear()


def clean(at: AppTest) -> AppTest:
    """No exception, and no page that had to be caught by the app's last net."""
    assert not at.exception, [e.value for e in at.exception]
    caught = [e.value for e in at.error if data.t("app.page_error", "zh") in e.value
              or data.t("app.page_error", "en") in e.value]
    assert not caught, caught
    return at


def two_documents_sharing_system_names():
    text = SEED.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.strip())
    other = text.replace(first, first.replace("实施意见", "实施方案"), 1)
    graph = merge_graphs([load_text(text, "a.txt"), load_text(other, "b.txt")])
    systems = [n for n in graph.nodes if n.label.value == "TargetSystem"]
    assert len({n.name for n in systems}) < len(systems)  # the same names, in two documents
    return graph


def test_matrices_keep_two_documents_systems_of_the_same_name_apart(app):
    graph = two_documents_sharing_system_names()
    at = clean(app(graph=graph, page="matrices"))
    systems = [n for n in graph.nodes if n.label.value == "TargetSystem"]
    columns = list(tables(at)[0].columns)[1:]
    assert len(columns) == len(set(columns)) == len(systems)


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_presenter_loads_the_products_own_tour_export(app, fmt):
    at = clean(app(page="presenter"))
    from loaders import load_paths

    tour = default_tour(GraphIndex(load_paths([SEED])))
    edited = tour.__class__("改过的导览", tuple(reversed(tour.steps)), tour.doc_id, tour.lang)
    at.file_uploader(key="ws_upload").set_value((f"tour.{fmt}", dumps_tour(edited, fmt).encode(), "text/plain"))
    at = clean(at.run())
    slides = json.loads(next(e for e in at.get("bidi_component") if e.proto.component_name == "policy_kg.slides")
                        .proto.json)
    assert [s["title"] for s in slides["steps"]] == [s.title for s in edited.visible()]
    assert slides["step"] == 0  # the loaded tour opens at its first step


def test_presenter_shows_one_line_for_a_hostile_tour(app):
    at = clean(app(page="presenter"))
    laughs = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "\n".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8))
    at.file_uploader(key="ws_upload").set_value(("evil.yaml", laughs.encode(), "text/plain"))
    at = clean(at.run())
    assert [e.value for e in at.error] == ["evil.yaml: YAML aliases (*name) are not allowed in a tour file"]


def test_a_bad_start_up_file_is_reported_while_the_others_load(app, tmp_path):
    bad = tmp_path / "notes.xyz"
    bad.write_text("平台经济", encoding="utf-8")
    at = clean(app(extra=str(bad)))
    warnings = [w.value.replace("\\", "") for w in at.warning if "notes" in w.value]
    assert len(warnings) == 1 and "notes.xyz: 不支持的文件类型" in warnings[0], warnings  # the reason in Chinese
    assert str(tmp_path) not in warnings[0] and "\n" not in warnings[0]  # no server folders
    assert not at.error  # the app loaded: the seed is there
    assert any(c.value.startswith("1 份文件") for c in at.sidebar.caption), [c.value for c in at.sidebar.caption]


def test_upload_page_shows_load_warnings(app):
    at = clean(app(page="upload"))
    text = SEED.read_bytes().replace("（一）".encode(), "（一）\x00".encode(), 1)
    at.file_uploader(key="upload_files").set_value(("nul.txt", text, "text/plain"))
    at = clean(at.run())
    shown = [w.value.replace("\\", "") for w in at.warning]
    assert any("nul.txt: 已删除 1 个空字节（NUL）" in w for w in shown), shown  # in the interface language


def test_the_browser_is_never_shown_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] in ("type", "none", False)


def test_a_page_that_fails_shows_one_line_without_server_folders(app, monkeypatch):
    at = clean(app())

    def broken(*args, **kwargs):
        raise FileNotFoundError(2, "No such file or directory", "/srv/policy/secret/cache.bin")

    monkeypatch.setattr(data, "systems_in_order", broken)
    at = at.switch_page("app_pages/overview.py").run()
    assert not at.exception, [e.value for e in at.exception]
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and data.t("app.page_error", "zh") in errors[0], errors
    assert "/srv/policy" not in errors[0] and "cache" in errors[0] and "\n" not in errors[0]


@pytest.mark.bolt
def test_the_console_refuses_file_reads_and_says_when_rows_are_cut(app, monkeypatch, bolt_settings):
    from graph import neo4j_store

    monkeypatch.setattr(neo4j_store, "CONSOLE_ROW_CAP", 3)
    monkeypatch.setattr(data, "neo4j_settings", lambda: bolt_settings)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT).run()
    at = clean(at.switch_page("app_pages/query.py").run())
    box = at.text_area(key="query_cypher")
    box.set_value("LOAD CSV FROM 'file:///etc/passwd' AS row RETURN row").run()
    at = clean(at.button(key="query_cypher_run").click().run())
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 1 and "LOAD CSV" in errors[0] and "root:" not in errors[0], errors
    box.set_value("MATCH (n) RETURN n.id AS id").run()
    at = clean(at.button(key="query_cypher_run").click().run())
    assert len(tables(at)[-1]) == 3
    assert any("3" in w.value for w in at.warning), [w.value for w in at.warning]


def test_an_upload_whose_name_holds_a_line_break_is_still_one_line(app):
    at = clean(app(page="upload"))
    at.file_uploader(key="upload_files").set_value(("a\nerror: fake.txt", b"", "text/plain"))
    at = clean(at.run())
    errors = [e.value for e in at.error]
    assert len(errors) == 1 and "\n" not in errors[0] and "empty file" in errors[0], errors


def test_a_docx_bomb_on_the_upload_page_is_one_line_at_once(app):
    from test_hostile import _docx_bomb

    at = clean(app(page="upload"))
    at.file_uploader(key="upload_files").set_value(("bomb.docx", _docx_bomb(), "application/octet-stream"))
    at = clean(at.run(timeout=60))
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 1 and "bomb.docx: unpacks to" in errors[0] and "over the 60.0 MB limit" in errors[0], errors
