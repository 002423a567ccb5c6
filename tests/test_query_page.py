"""The Query page for readers who do not program: plain titles, pickers with sensible defaults,
names instead of ids, the code kept in an expander. Expected values come from a store over the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages import data
from policykg import ingest
from graph.contract import query_params
from graph.embedded import EmbeddedStore
from graph.model import SHARED_LABELS
from render.i18n import LANGS, strings
from render.readable import readable_rows
from app_tables import tables

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def seed_store() -> EmbeddedStore:
    from loaders import load_paths

    return EmbeddedStore(load_paths(list(data.seed_paths())))


@pytest.fixture
def query_page(monkeypatch):
    monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)
    monkeypatch.delenv(ingest.DOCS_ENV, raising=False)
    monkeypatch.setattr(data, "neo4j_settings", lambda: None)
    st.cache_data.clear()
    st.cache_resource.clear()

    def make(lang: str = "zh") -> AppTest:
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
        at.session_state[data.LANG_KEY] = lang
        at.run()
        at.switch_page("app_pages/query.py").run()
        assert not at.exception, at.exception
        return at

    return make


def best_connected(store: EmbeddedStore, types: set[str]) -> list[str]:
    """Node ids of `types`, most distinct neighbours first, ties by id (the rule the page follows)."""
    seen: dict[str, set[str]] = {}
    for e in store.query("all_edges"):
        seen.setdefault(e["source"], set()).add(e["target"])
        seen.setdefault(e["target"], set()).add(e["source"])
    nodes = [n for n in store.query("all_nodes") if n["type"] in types]
    return [n["id"] for n in sorted(nodes, key=lambda n: (-len(seen.get(n["id"], ())), n["id"]))]


def table_cells(at: AppTest) -> set[str]:
    frame = tables(at)[0]
    return {str(v) for column in frame.columns for v in frame[column]}


def test_every_named_query_has_a_plain_title_description_and_parameter_labels():
    known = strings()
    for name, spec in query_params().items():
        for key in (f"query.title.{name}", f"query.description.{name}", *[f"query.param.{p}" for p in spec]):
            assert key in known, key
            assert all(known[key].get(lang) for lang in LANGS), key


def test_the_page_opens_on_the_best_connected_entity_with_code_only_in_an_expander(query_page, seed_store):
    at = query_page()
    assert at.selectbox(key="query_name").value == "neighbourhood"
    central = best_connected(seed_store, {label.value for label in SHARED_LABELS})[0]
    assert at.selectbox(key="q_neighbourhood_node_choice").value == central
    rows = seed_store.query("neighbourhood", node=central, depth=1)
    assert len(tables(at)[0]) == len(rows)
    assert not at.info  # nothing typed: no "no match", no "choose first"
    calls = [t.value for t in at.text if t.value.startswith("store.query(")]
    assert len(calls) == 1 and [t.value for t in at.expander[0].text] == calls  # the call sits in the expander only
    assert calls[0].startswith("store.query('neighbourhood'")
    ids = {n["id"] for n in seed_store.query("all_nodes")}
    assert not table_cells(at) & ids  # names, not ids
    names = {n["name"] for n in seed_store.query("all_nodes") if n["id"] in {r["id"] for r in rows}}
    assert names <= table_cells(at)
    assert list(tables(at)[0].columns) == ["名称", "类型", "步数", "所属文件"]
    assert len(at.get("iframe")) == 1  # the graph tab


def test_shortest_paths_start_and_end_differ_by_default(query_page, seed_store):
    at = query_page()
    at.selectbox(key="query_name").set_value("shortest_paths").run()
    assert not at.exception
    source = at.selectbox(key="q_shortest_paths_source_choice").value
    target = at.selectbox(key="q_shortest_paths_target_choice").value
    assert source != target
    rows = seed_store.query("shortest_paths", source=source, target=target, limit=5)
    assert rows and len(tables(at)[0]) == len(rows)


def test_no_match_only_after_typing(query_page):
    at = query_page()
    assert not at.info
    at.text_input(key="q_neighbourhood_node_text").input("不存在的名称xyz").run()
    assert data.t("query.pick.no_match", "zh") in [i.value for i in at.info]
    at.text_input(key="q_neighbourhood_node_text").input("").run()
    assert not at.info


def test_a_search_picks_among_matching_nodes(query_page, seed_store):
    at = query_page("en")
    law = best_connected(seed_store, {"Law"})[0]
    name = seed_store.query("node", node=law)[0]["name"]
    at.text_input(key="q_neighbourhood_node_text").input(name).run()
    assert at.selectbox(key="q_neighbourhood_node_choice").value == law
    assert len(tables(at)[0]) == len(seed_store.query("neighbourhood", node=law, depth=1))


def test_readable_rows_turn_ids_into_names_and_documents():
    nodes = {"actor:x": {"id": "actor:x", "type": "Actor", "name": "行业协会", "name_en": "industry associations"},
             "law:y": {"id": "law:y", "type": "Law", "name": "反垄断法"},
             "d": {"id": "d", "type": "Policy", "name": "意见", "title": "关于某事的意见"}}
    rows = [{"path": 0, "step": 0, "source": "actor:x", "source_name": "行业协会", "type": "CITES",
             "target": "law:z", "target_name": "某法", "evidence": "句子。", "forward": False, "doc_id": "d"}]
    assert readable_rows(rows, nodes, "en") == (
        ["Path", "Step", "From", "Type", "To", "Evidence", "Along the link", "Document"],
        [{"Path": 0, "Step": 0, "From": "行业协会 · industry associations", "Type": "cites", "To": "某法",
          "Evidence": "句子。", "Along the link": "no", "Document": "关于某事的意见"}])
    assert readable_rows([{"id": "law:y", "name": "反垄断法", "span": [1, 2]}], nodes, "zh") == (
        ["名称"], [{"名称": "反垄断法"}])
