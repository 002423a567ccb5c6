"""The presenter's products read through the store: built from Neo4j (over Bolt), the tour, a handout
and the offline page have the same content as built from the embedded store.

Both come from `GraphIndex.of_document(store, doc)`, i.e. the named queries ``document_nodes`` and
``document_edges``; the documents are the seed and the hand-made workshop graph (two documents).
"""

from __future__ import annotations

import pytest
import workshop_graph as wg
from graph.bolt_testserver import wipe

from graph.factory import embedded_store, neo4j_store
from graph.index import GraphIndex
from graph.model import merge_graphs
from render.handout import default_pages, handout_html
from render.standalone import standalone_html
from render.tour import default_tour

pytestmark = pytest.mark.bolt


@pytest.fixture(scope="module")
def stores(bolt_settings, seed_graph):
    graph = merge_graphs([seed_graph, wg.build()])
    neo = neo4j_store(bolt_settings)
    wipe(neo)
    neo.load(graph)
    yield embedded_store(graph), neo, [d.id for d in graph.documents]
    wipe(neo)


def test_each_document_reads_the_same_from_both_stores(stores):
    embedded, neo, docs = stores
    assert len(docs) == 3
    for doc in docs:
        ours, theirs = GraphIndex.of_document(embedded, doc), GraphIndex.of_document(neo, doc)
        assert ours.graph == theirs.graph, doc
        assert ours.graph.nodes and ours.graph.edges, doc


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_tour_handout_and_offline_page_from_neo4j_match_the_embedded_store(stores, lang):
    embedded, neo, docs = stores
    steps = []
    for doc in docs:
        ours, theirs = GraphIndex.of_document(embedded, doc), GraphIndex.of_document(neo, doc)
        tour = default_tour(ours, doc, lang)
        assert default_tour(theirs, doc, lang) == tour, doc
        assert all(s.node_ids for s in tour.visible()), doc
        steps.append(len(tour.visible()))
        pages = default_pages(ours, doc)
        assert pages and default_pages(theirs, doc) == pages, doc
        page = handout_html(ours, pages, lang)
        assert handout_html(theirs, pages, lang) == page
        assert page.count('class="page"') == len(pages), doc
        offline = standalone_html(ours, tour, lang=lang)
        assert standalone_html(theirs, tour, lang=lang) == offline
        assert tour.steps[0].title in offline
    assert max(steps) >= 8  # the seed's tour: title, systems, five systems, a measure, actors
