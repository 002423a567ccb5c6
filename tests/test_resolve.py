"""Citations resolved across documents (graph/resolve.py), in the embedded store."""

from __future__ import annotations

from graph.embedded import EmbeddedStore
from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph
from graph.resolve import number_key, resolution_edges, title_key


def test_title_keys_drop_the_state_prefix_brackets_and_revision_notes():
    assert [title_key(t) for t in ("《中华人民共和国反垄断法》", "中华人民共和国反垄断法（2022年修正）",
                                   "反垄断法", "优化营商环境条例")] == ["反垄断法"] * 3 + ["优化营商环境条例"]


def test_number_keys_make_bracket_forms_alike():
    assert len({number_key(n) for n in ("国办发〔2019〕38号", "国办发[2019]38号", "国办发［2019］38号",
                                         "国办发(2019)38号")}) == 1
    assert number_key("国办发〔2019〕38号") != number_key("国办发〔2019〕39号")
    # a regulation's decree names the state; a citation of the regulation by its decree number may not
    assert number_key("中华人民共和国国务院令第485号") == number_key("国务院令第485号")
    assert number_key("国务院令第485号") != number_key("国务院令第486号")


def _cite(target: str, target_type: str = "Law", **extra) -> dict:
    return {"source": "doc:B/measure:1", "doc_id": "doc:B", "target": target, "target_type": target_type,
            "target_name": target.split(":", 1)[1], "articles": [], "evidence": "e", **extra}


def test_a_policy_document_is_found_by_its_number_or_by_its_issuer_and_title():
    docs = [{"id": "doc:P", "title": "关于促进平台经济规范健康发展的指导意见", "number": "国办发〔2019〕38号",
             "issuers": ["国务院办公厅"]}]
    by_number = _cite("policydoc:x", "PolicyDocument", target_number="国办发[2019]38号")
    by_title = _cite("policydoc:y", "PolicyDocument",
                     target_title="国务院办公厅关于促进平台经济规范健康发展的指导意见")
    wrong_issuer = _cite("policydoc:z", "PolicyDocument", target_title="某省关于促进平台经济规范健康发展的指导意见")
    found = {e.source for e in resolution_edges(docs, [by_number, by_title, wrong_issuer], lambda n: True)}
    assert found == {"policydoc:x", "policydoc:y"}


def test_a_document_never_resolves_a_citation_to_itself():
    docs = [{"id": "doc:B", "title": "反垄断法", "number": None, "issuers": []}]
    assert resolution_edges(docs, [_cite("law:反垄断法")], lambda n: True) == []


def _graph(with_law: bool) -> PolicyGraph:
    b = "doc:B"
    nodes = [Node(b, Label.POLICY, "关于某事的意见", {"title": "关于某事的意见"}),
             Node(f"{b}/measure:1", Label.MEASURE, "一", {"number": 1, "doc_id": b}),
             Node("law:反垄断法", Label.LAW, "反垄断法", {"kind": "law"})]
    edges = [Edge(b, f"{b}/measure:1", EdgeType.HAS_MEASURE, b),
             Edge(f"{b}/measure:1", "law:反垄断法", EdgeType.CITES, b, "依照《反垄断法》第二十二条",
                  attrs={"articles": [22]})]
    docs = [Document(b, "b.txt", "")]
    if with_law:
        law = "doc:AML"
        nodes += [Node(law, Label.POLICY, "中华人民共和国反垄断法", {"title": "中华人民共和国反垄断法"}),
                  Node(f"{law}/article:22", Label.ARTICLE, "第二十二条", {"number": 22, "doc_id": law})]
        edges += [Edge(law, f"{law}/article:22", EdgeType.HAS_ARTICLE, law)]
        docs += [Document(law, "aml.md", "")]
    return PolicyGraph(tuple(nodes), tuple(edges), tuple(docs))


def test_a_cited_law_that_is_loaded_leads_to_its_document_and_the_cited_article():
    store = EmbeddedStore(_graph(with_law=True))
    down = {r["id"] for r in store.query("dependencies", node="doc:B/measure:1", depth=2)}
    assert {"law:反垄断法", "doc:AML", "doc:AML/article:22"} <= down
    refs = store.query("edges_among", ids=["doc:B/measure:1", "doc:AML/article:22"])
    assert [(r["type"], r["evidence"]) for r in refs] == [("REFERS_TO", "依照《反垄断法》第二十二条")]


def test_a_law_that_is_not_loaded_stays_a_bare_citation_and_links_once_it_is():
    store = EmbeddedStore(_graph(with_law=False))
    assert [r["type"] for r in store.query("evidence_of", node="law:反垄断法")] == ["CITES"]
    assert store.query("neighbourhood", node="law:反垄断法")[-1]["id"] == "doc:B/measure:1"
    law_only = _graph(with_law=True)
    store.load(PolicyGraph(law_only.nodes[3:], law_only.edges[2:], law_only.documents[1:]))
    ids = {r["id"] for r in store.query("neighbourhood", node="law:反垄断法")}
    assert "doc:AML" in ids
    store.load(_graph(with_law=False))  # reloading the citing document keeps the link, once
    loaded = [r for r in store.query("all_edges") if r["type"] == "LOADED_AS"]
    assert len(loaded) == 1


def test_the_document_network_joins_a_citing_document_to_the_loaded_one():
    rows = EmbeddedStore(_graph(with_law=True)).query("document_network")
    assert [(r["source"], r["target"], r["type"], r["count"]) for r in rows] == [("doc:B", "doc:AML", "CITES", 1)]
    assert rows[0]["evidence"] == "依照《反垄断法》第二十二条"
    assert EmbeddedStore(_graph(with_law=False)).query("document_network") == []
