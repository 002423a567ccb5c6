"""The development corpus loaded together: citations resolve to the loaded laws, on both stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from graph.bolt_testserver import wipe
from conftest import shared_path

from graph.embedded import EmbeddedStore
from graph.model import Label, PolicyGraph
from graph.neo4j_store import Neo4jStore

SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "zhejiang-platform-economy-2023.txt"


@pytest.fixture(scope="module")
def corpus() -> PolicyGraph:
    from loaders import load_paths

    return load_paths([SEED] + sorted(shared_path("corpus").glob("*.md")))


def _title_of(graph: PolicyGraph, needle: str) -> str:
    return next(n.id for n in graph.nodes_of(Label.POLICY) if n.attrs.get("title", "").endswith(needle))


def _check(store, graph: PolicyGraph) -> None:
    measure19 = next(n.id for n in graph.nodes_of(Label.MEASURE) if n.attrs.get("number") == 19)
    aml = _title_of(graph, "反垄断法")
    down = {r["id"]: r["depth"] for r in store.query("dependencies", node=measure19, depth=4)}
    assert down.get("law:反垄断法") == 1 and down.get(aml) == 2
    chapters = [r["id"] for r in store.query("outline", doc=aml) if r["type"] == "Chapter"]
    assert len(chapters) == 8 and all(down.get(c) == 3 for c in chapters)
    assert sum(1 for i in down if i.startswith(f"{aml}/") and "/article:" in i) == 70
    national = next(n.id for n in graph.nodes_of(Label.POLICY) if n.attrs.get("title") == "优化营商环境条例")
    links = {(r["source"], r["target"]) for r in store.query("document_network")}
    for city in ("上海市优化营商环境条例", "云浮市优化营商环境条例"):
        assert (_title_of(graph, city), national) in links
    rows = store.query("citations")
    assert all(r["loaded_as"] is None for r in rows if r["target_name"] == "行政许可法")  # not in the corpus
    assert any(r["loaded_as"] == aml for r in rows if r["target"] == "law:反垄断法")


def test_the_corpus_resolves_in_the_embedded_store(corpus):
    _check(EmbeddedStore(corpus), corpus)


@pytest.mark.bolt
def test_the_corpus_resolves_in_neo4j(corpus, bolt_settings):
    store = Neo4jStore.connect(bolt_settings)
    wipe(store)
    try:
        store.load(corpus)
        _check(store, corpus)
    finally:
        wipe(store)
