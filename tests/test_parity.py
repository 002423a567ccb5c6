"""Every named query gives the same rows from Neo4j (over Bolt) as from the embedded store.

Both stores order rows fully (docs/QUERIES.md order, ties broken on id), so rows are
compared in order. Parameters are picked from the loaded graph, not written in.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from graph.bolt_testserver import wipe

from graph.contract import query_params
from graph.embedded import EmbeddedStore
from graph.model import Document, Edge, EdgeType, Excluded, Label, Node, PolicyGraph
from graph.neo4j_store import Neo4jStore

QUERY_PARAMS = query_params()

SEED = sorted(str(p) for p in (Path(__file__).resolve().parent.parent / "data" / "seed").glob("*.txt"))
pytestmark = pytest.mark.bolt


def seed_graph() -> PolicyGraph:
    from loaders import load_paths

    return load_paths(SEED)


ODD = "actor:A'\"`}\\"


def tricky_graph() -> PolicyGraph:
    """Small, hand-made: edges both ways, parallel edge types, missing weights, odd names."""
    d = "doc:t"
    nodes = [Node(d, Label.POLICY, "T", {"title": "T", "issuers": ["乙", "甲"], "date": "2024-01-02"}),
             Node(f"{d}/part:1", Label.PART, "一", {"number": 1, "doc_id": d, "title": "总体"}),
             Node(f"{d}/part:1/section:1", Label.SECTION, "节", {"number": 1, "doc_id": d}),
             Node(f"{d}/system:S", Label.TARGET_SYSTEM, "S 体系", {"doc_id": d})]
    nodes += [Node(f"{d}/part:1/section:1/measure:{i}", Label.MEASURE, f"措施{i}",
                   {"number": i, "doc_id": d, "title": f"措施 {i}", "text": f"Text {i} 企业"})
              for i in (1, 2, 3)]
    nodes += [Node(ODD, Label.ACTOR, "A'\"`}\\ MATCH", {"kind": "enterprise", "name_en": "Firms"}),
              Node("actor:B", Label.ACTOR, "B", {"kind": "government"}),
              Node("law:L", Label.LAW, "L法", {"kind": "law"}),
              Node(f"{d}/article:1", Label.ARTICLE, "第一条", {"number": 1, "doc_id": d, "text": "依据L法，B负责。"})]
    m = [f"{d}/part:1/section:1/measure:{i}" for i in (1, 2, 3)]
    edges = [Edge(d, f"{d}/part:1", EdgeType.HAS_PART, d),
             Edge(f"{d}/part:1", f"{d}/part:1/section:1", EdgeType.HAS_SECTION, d),
             *[Edge(f"{d}/part:1/section:1", x, EdgeType.HAS_MEASURE, d) for x in m],
             Edge(f"{d}/part:1/section:1", f"{d}/system:S", EdgeType.BUILDS, d, "建设S体系", (1, 5)),
             Edge(m[2], f"{d}/system:S", EdgeType.BUILDS, d),
             Edge(m[0], ODD, EdgeType.INVOLVES, d, "鼓励A", (3, 9),
                  {"role": "鼓励", "roles": ["鼓励", "支持"]}),
             Edge(m[1], ODD, EdgeType.INVOLVES, d, attrs={"role": "支持"}),
             Edge(m[1], "actor:B", EdgeType.INVOLVES, d),
             Edge(m[0], "actor:B", EdgeType.INVOLVES, d, "B也"),
             Edge(m[0], "law:L", EdgeType.CITES, d, "依据L法第二条、第九条", attrs={"articles": [2, 9]}),
             Edge(m[0], "law:L", EdgeType.MENTIONS, d),
             Edge(m[0], m[1], EdgeType.CROSS_REFERENCES, d, attrs={"weight": 2, "shared": ["y", "x"]}),
             Edge(m[1], m[0], EdgeType.CROSS_REFERENCES, d, attrs={"weight": 1}),
             Edge(m[2], m[0], EdgeType.CROSS_REFERENCES, d),
             Edge(d, "actor:B", EdgeType.ISSUED_BY, d),
             Edge(d, f"{d}/article:1", EdgeType.HAS_ARTICLE, d),
             Edge(f"{d}/article:1", "law:L", EdgeType.CITES, d, "依据L法"),
             Edge(f"{d}/article:1", "actor:B", EdgeType.ASSIGNED_TO, d, "B负责", attrs={"role": "responsible"})]
    # The cited law is loaded too: its article 2 exists, article 9 does not.
    law = "doc:L"
    nodes += [Node(law, Label.POLICY, "中华人民共和国L法", {"title": "中华人民共和国L法"}),
              Node(f"{law}/article:2", Label.ARTICLE, "第二条", {"number": 2, "doc_id": law, "text": "L"})]
    edges += [Edge(law, f"{law}/article:2", EdgeType.HAS_ARTICLE, law)]
    set_aside = (Excluded(d, 6, 10, "newspaper", "报纸广告"), Excluded(d, 0, 3, "page furniture", "第1页"))
    return PolicyGraph(tuple(nodes), tuple(edges), (Document(d, "t.txt", "第1页正文。报纸广告。后文", ("一个警告",)),
                                                    Document(law, "l.md", "L")), set_aside)


def cases(graph: PolicyGraph) -> list[tuple[str, dict]]:
    """(query, params) pairs covering every named query, with references drawn from `graph`."""
    ids = sorted(n.id for n in graph.nodes)
    of = {lb: sorted(n.id for n in graph.nodes if n.label is lb) for lb in Label}
    degree: dict[str, int] = {}
    for e in graph.edges:
        degree[e.source] = degree.get(e.source, 0) + 1
        degree[e.target] = degree.get(e.target, 0) + 1
    busiest = sorted(ids, key=lambda n: (-degree.get(n, 0), n))
    measure = max(of[Label.MEASURE], key=lambda n: (degree.get(n, 0), n))
    name_of = {n.id: n.name for n in graph.nodes}
    out: list[tuple[str, dict]] = [("documents", {}), ("all_nodes", {}), ("all_edges", {}),
                                   ("actor_system_matrix", {}), ("law_measure_matrix", {}),
                                   ("actor_measure_matrix", {}), ("actor_document_matrix", {}),
                                   ("node", {"node": "no such node"})]
    out += [("outline", {"doc": d}) for d in of[Label.POLICY]]
    out += [("node", {"node": n}) for n in busiest[:3] + of[Label.POLICY]]
    word = name_of[busiest[0]][:2]
    out += [("search_nodes", {"text": word}), ("search_nodes", {"text": word.upper(), "limit": 3}),
            ("search_nodes", {"text": name_of[of[Label.ACTOR][0]], "type": "Actor"}),
            ("search_nodes", {"text": "firm"}), ("search_nodes", {"text": "zzz-nothing"})]
    for system in of[Label.TARGET_SYSTEM]:
        out += [("measures_of_system", {"system": ref}) for ref in (system, name_of[system])]
    for law in of[Label.LAW]:
        out += [("measures_citing_law", {"law": ref}) for ref in (law, name_of[law])]
    for m in of[Label.MEASURE][:6] + [measure]:
        out += [("actors_of_measure", {"measure": m}), ("cross_references", {"measure": m}),
                ("evidence_of", {"node": m})]
    for node in busiest[:2] + [measure, of[Label.POLICY][0]]:
        out += [("neighbourhood", {"node": node, "depth": depth}) for depth in (1, 2, 3)]
        out += [("dependencies", {"node": node, "direction": way, "depth": depth})
                for way in ("downstream", "upstream") for depth in (1, 3, 5)]
        out += [("evidence_of", {"node": node})]
    out += [("edges_among", {"ids": busiest[:25]}), ("edges_among", {"ids": []})]
    far = [of[Label.LAW][0], of[Label.ACTOR][-1], of[Label.POLICY][0], measure, busiest[0]]
    out += [("shortest_paths", {"source": a, "target": b, "limit": lim})
            for a in far for b in far for lim in (1, 5) if a != b]
    out += [("shortest_paths", {"source": measure, "target": measure})]
    out += [("shortest_paths", {"source": a, "target": b, "limit": 5, "skip_outline": True, "max_degree": degree})
            for a in far[:2] for b in far[2:] for degree in (0, 8, 30)]
    out += [("co_occurring_actors", {}), ("co_occurring_actors", {"min_shared": 2})]
    out += [("units_of_document", {"doc": d}) for d in of[Label.POLICY] + ["doc:no such document"]]
    out += [("citations", {}), ("document_network", {}), ("set_aside_text", {}), ("systems_with_measures", {})]
    out += [("top_actors", {}), ("top_actors", {"limit": 1}), ("top_actors", {"limit": 3})]
    out += [("systems_of_measure", {"measure": m}) for m in of[Label.MEASURE][:6] + [measure, "no such measure"]]
    out += [(name, {"doc": d}) for name in ("document_nodes", "document_edges")
            for d in of[Label.POLICY] + ["doc:no such document"]]
    return out


@pytest.fixture(scope="module")
def stores(bolt_settings):
    neo = Neo4jStore.connect(bolt_settings)
    wipe(neo)
    yield neo
    wipe(neo)


def test_the_cases_cover_every_named_query():
    assert {name for name, _ in cases(tricky_graph())} == set(QUERY_PARAMS)


@pytest.mark.parametrize("make", [tricky_graph, seed_graph], ids=["tricky", "seed"])
def test_every_named_query_answers_the_same_on_both_stores(stores, make):
    graph = make()
    embedded = EmbeddedStore(graph)
    wipe(stores)
    stores.load(graph)
    differing = []
    for name, params in cases(graph):
        expected = embedded.query(name, **params)
        try:
            got = stores.query(name, **params)
        except Exception as exc:  # collect every difference before failing
            differing.append(f"{name}({params}): {exc}")
            continue
        if got != expected:
            first = next((i for i, (a, b) in enumerate(zip(got, expected)) if a != b),
                         min(len(got), len(expected)))
            differing.append(f"{name}({params}): {len(got)} vs {len(expected)} rows; first difference at row "
                             f"{first}: neo4j {got[first:first + 1]} embedded {expected[first:first + 1]}")
    assert not differing, "\n".join(differing)


def test_query_names_match_the_embedded_store(stores):
    assert stores.query_names() == EmbeddedStore().query_names()
