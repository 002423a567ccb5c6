"""The Overview page: a picture of the document (its outline and target systems) or of the document
network, and bars of the most involved actors with every label written out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages import data
from policykg import ingest
from graph.embedded import EmbeddedStore
from render.i18n import node_caption

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def overview(monkeypatch):
    monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)
    monkeypatch.delenv(ingest.DOCS_ENV, raising=False)
    monkeypatch.setattr(data, "neo4j_settings", lambda: None)

    def make(graph=None, lang: str = "zh") -> AppTest:
        st.cache_data.clear()
        st.cache_resource.clear()
        if graph is not None:
            monkeypatch.setattr(data, "load_documents", lambda paths: graph)
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=90)
        at.session_state[data.LANG_KEY] = lang
        at.session_state["_landed"] = True  # stay on the overview, even with several documents
        at.run()
        assert not at.exception, at.exception
        return at

    yield make
    st.cache_data.clear()
    st.cache_resource.clear()


def picture_ids(at: AppTest) -> set[str]:
    frames = at.main.get("iframe")
    assert len(frames) == 1
    page = frames[0].proto.srcdoc
    start = page.index("new vis.DataSet(") + len("new vis.DataSet(")
    nodes = json.JSONDecoder().raw_decode(page[start:])[0]
    return {n["id"] for n in nodes}


@pytest.fixture(scope="module")
def seed_store() -> EmbeddedStore:
    from loaders import load_paths

    return EmbeddedStore(load_paths(list(data.seed_paths())))


def test_one_document_is_pictured_by_its_outline_and_target_systems(overview, seed_store):
    at = overview()
    doc = seed_store.query("documents")[0]["id"]
    outline = {r["id"] for r in seed_store.query("outline", doc=doc) if r["type"] in ("Policy", "Part", "Section")}
    systems = {n["id"] for n in seed_store.query("all_nodes") if n["type"] == "TargetSystem"}
    assert outline | systems <= picture_ids(at)
    assert not {n["id"] for n in seed_store.query("all_nodes") if n["type"] == "Actor"} & picture_ids(at)


def test_several_documents_are_pictured_as_their_network(overview):
    import corpus_graph

    graph = corpus_graph.build()
    at = overview(graph)
    assert picture_ids(at) == {d.id for d in graph.documents}


def test_top_actor_bars_write_every_label_in_full_and_answer_clicks(overview, seed_store):
    at = overview(lang="en")
    found = [e.proto for e in at.main.get("bidi_component") if e.proto.component_name == "policy_kg.bars"]
    assert len(found) == 1
    payload = json.loads(found[0].json)
    per_actor: dict[str, set[str]] = {}
    for row in seed_store.query("actor_measure_matrix"):
        per_actor.setdefault(row["actor"], set()).add(row["measure"])
    top = sorted(per_actor, key=lambda a: (-len(per_actor[a]), a))[:15]
    assert [b["id"] for b in payload["bars"]] == top  # longest first, a row of its own for every label
    names = {n["id"]: n for n in seed_store.query("all_nodes")}
    assert [b["label"] for b in payload["bars"]] == [node_caption(names[a], "en") for a in top]  # in full
    assert [b["value"] for b in payload["bars"]] == [len(per_actor[a]) for a in top]
    assert payload["picked"] is None and not at.main.get("page_link")
