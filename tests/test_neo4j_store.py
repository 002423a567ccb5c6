"""Neo4jStore against a real Bolt server (graph/bolt_testserver.py, or NEO4J_URI), plus its pure helpers."""

from __future__ import annotations

import gc
import logging
import re
from pathlib import Path

import pytest
from graph.bolt_testserver import free_port, wipe

from graph import cypher, neo4j_store, neo4j_write
from graph.contract import REQUIRED, query_params
from graph.embedded import EmbeddedStore
from graph.model import OUTLINE_EDGES, Document, Edge, EdgeType, Label, Node, PolicyGraph, merge_graphs
from graph.neo4j_rows import SyncBatch, document_batches, transaction_groups
from graph.neo4j_store import Neo4jStore
from graph.settings import Neo4jSettings, load_settings, settings_from_env
from graph.store import PolicyStore, StoreError

QUERY_PARAMS = query_params()

ODD = "引号'双\"反`括}斜\\ MATCH (n) DETACH DELETE n RETURN $x {label} //"


def doc(doc_id: str, measures: dict[int, str], actors: dict[int, list[str]], extra: dict | None = None,
        cites: dict[int, str] | None = None) -> PolicyGraph:
    """Document `doc_id`: one part, one section, `measures` (number -> title), each involving `actors`."""
    part, section = f"{doc_id}/part:1", f"{doc_id}/part:1/section:1"
    nodes = [Node(doc_id, Label.POLICY, doc_id, {"title": doc_id, "doc_id": doc_id}),
             Node(part, Label.PART, "一", {"number": 1, "doc_id": doc_id, "span": [0, 5]}),
             Node(section, Label.SECTION, "一", {"number": 1, "doc_id": doc_id})]
    edges = [Edge(doc_id, part, EdgeType.HAS_PART, doc_id), Edge(part, section, EdgeType.HAS_SECTION, doc_id)]
    names = set()
    for number, title in measures.items():
        m = f"{section}/measure:{number}"
        nodes.append(Node(m, Label.MEASURE, title, {"number": number, "title": title, "doc_id": doc_id,
                                                    **(extra or {}).get(number, {})}))
        edges.append(Edge(section, m, EdgeType.HAS_MEASURE, doc_id))
        for name in actors.get(number, []):
            names.add(name)
            edges.append(Edge(m, f"actor:{name}", EdgeType.INVOLVES, doc_id, f"{name}参与{title}",
                              (number, number + 9), {"role": "支持", "roles": ["鼓励", "支持"]}))
        if cites and number in cites:
            nodes.append(Node(f"law:{cites[number]}", Label.LAW, cites[number], {"kind": "law"}))
            edges.append(Edge(m, f"law:{cites[number]}", EdgeType.CITES, doc_id, "依法"))
    nodes += [Node(f"actor:{n}", Label.ACTOR, n, {"kind": "enterprise"}) for n in sorted(names)]
    return PolicyGraph(tuple(nodes), tuple(edges), (Document(doc_id, f"{doc_id}.txt", "…"),))


def snapshot(store) -> tuple[list, list]:
    return store.query("all_nodes"), store.query("all_edges")


@pytest.fixture(scope="module")
def server(bolt_settings):
    return bolt_settings


@pytest.fixture
def store(server):
    s = Neo4jStore.connect(server)
    wipe(s)
    yield s
    wipe(s)


# ---------------------------------------------------------------------- pure helpers (no server)

def test_settings_mask_the_password_everywhere():
    s = Neo4jSettings("neo4j+s://bob:hunter2@x.databases.neo4j.io", "neo4j", "hunter2", "policy")
    for text in (repr(s), str(s), f"{s}", s.redact(f"failed for {s.uri} with hunter2")):
        assert "hunter2" not in text
    assert "***" in repr(s)


def test_settings_come_from_env_first_then_the_secrets_table(tmp_path: Path):
    secrets = tmp_path / "secrets.toml"
    secrets.write_text('[neo4j]\nuri = "bolt://s:7687"\nuser = "u"\npassword = "p"\ndatabase = "d"\n')
    from_secrets = load_settings({}, (tmp_path / "missing.toml", secrets))
    assert from_secrets == Neo4jSettings("bolt://s:7687", "u", "p", "d")
    env = {"NEO4J_URI": "bolt://e:7687", "NEO4J_PASSWORD": "q"}
    assert load_settings(env, (secrets,)) == Neo4jSettings("bolt://e:7687", "neo4j", "q", None)
    assert load_settings({}, (tmp_path / "missing.toml",)) is None
    assert settings_from_env({"NEO4J_URI": "  "}) is None


def test_every_label_has_a_uniqueness_constraint_in_the_schema():
    text = cypher.load_cypher("schema")
    for label in Label:
        assert re.search(rf"FOR \(n:{label.value}\) REQUIRE n\.id IS UNIQUE", text), label
    assert all(s.startswith("CREATE ") and "IF NOT EXISTS" in s for s in neo4j_store.schema_statements())


def _types_followed(query: str) -> set[str]:
    text = cypher.load_cypher(query)
    return {t for m in re.finditer(r"\[:([A-Z_|]+)\*", text) for t in m.group(1).split("|")}


def test_walking_queries_follow_every_edge_type_they_promise():
    assert _types_followed("outline") == {t.value for t in OUTLINE_EDGES}
    assert _types_followed("dependencies") == {t.value for t in EdgeType} - {"CROSS_REFERENCES"}


def test_templates_take_only_enum_members():
    with pytest.raises(TypeError):
        cypher.fill("merge_nodes", label="Law) DETACH DELETE (x")
    assert ":Actor {" in cypher.fill("merge_nodes", label=Label.ACTOR)
    with pytest.raises(TypeError):  # a disjunction takes enum members only, every one checked
        cypher.fill("count_nodes", labels=(Label.LAW, "Law) DETACH DELETE (x"))
    assert "(n:Law|Actor)" in cypher.fill("count_nodes", labels=(Label.LAW, Label.ACTOR))
    with pytest.raises(KeyError):
        cypher.load_cypher("../schema")


def test_query_headers_name_and_document_their_parameters():
    assert cypher.query_names() == sorted(QUERY_PARAMS)
    for name in cypher.query_names():
        spec = cypher.query_spec(name)
        assert spec.answers and spec.rows, name
        declared = {p.name: (REQUIRED if p.required else p.default) for p in spec.params}
        assert declared == QUERY_PARAMS[name], name


def test_values_neo4j_cannot_store_as_they_are_go_as_json_and_a_reserved_key_is_refused():
    odd_values = {"pieces": [[1, 2], [4, 6]], "meta": {"a": [1]}, "tags": [1, "a"], "span": (3, 9)}
    g = doc("doc:y", {1: "a"}, {}, extra={1: odd_values})
    (batch,) = document_batches(g)
    props = next(r["props"] for r in batch.owned[Label.MEASURE])
    assert props["_json"] == ["pieces", "meta", "tags"] and props["pieces"] == "[[1, 2], [4, 6]]"
    assert props["span"] == [3, 9]
    assert neo4j_store._shape({"props": dict(props)})["meta"] == {"a": [1]}
    bad = PolicyGraph((Node("doc:x", Label.POLICY, "x", {"_json": "x"}),), (), (Document("doc:x", "x", ""),))
    with pytest.raises(StoreError, match="doc:x: property '_json' is reserved"):
        document_batches(bad)


def test_an_edge_value_that_cannot_be_stored_names_the_edge_and_plain_lists_go_as_they_are():
    g = doc("doc:e", {1: "a"}, {1: ["甲"]})
    (batch,) = document_batches(g)
    (involves,) = batch.edges[(EdgeType.INVOLVES, Label.MEASURE, Label.ACTOR)]
    assert involves["props"]["roles"] == ["鼓励", "支持"] and involves["props"]["span"] == [1, 10]
    assert "_json" not in involves["props"]
    odd = Edge(g.edges[-1].source, "actor:甲", EdgeType.INVOLVES, "doc:e", attrs={"when": object()})
    bad = PolicyGraph(g.nodes, g.edges[:-1] + (odd,), g.documents)
    with pytest.raises(StoreError, match=r"\('doc:e/part:1/section:1/measure:1', 'INVOLVES', 'actor:甲'\): "
                                         r"property 'when' \(object\) can be stored neither"):
        document_batches(bad)


def test_an_edge_to_a_node_not_in_the_graph_is_refused_before_writing():
    g = doc("doc:z", {1: "a"}, {1: ["甲"]})
    broken = PolicyGraph(tuple(n for n in g.nodes if n.label is not Label.ACTOR), g.edges, g.documents)
    with pytest.raises(StoreError, match="node actor:甲 is not in the graph"):
        document_batches(broken)


def test_the_garbage_collector_is_paused_for_a_block_and_restored_as_it_was_even_on_error():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), neo4j_store.collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("mid-sync")
    assert gc.isenabled()
    gc.disable()  # someone else turned it off: a sync does not turn it back on for them
    try:
        with neo4j_store.collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_documents_written_together_write_each_node_and_edge_once():
    a = doc("doc:a", {1: "甲"}, {1: ["企业"]})
    b = doc("doc:b", {1: "乙"}, {1: ["企业"]})
    named = Node("actor:企业", Label.ACTOR, "企业", {"kind": "enterprise", "name_en": "enterprises"})
    b = PolicyGraph(tuple(named if n.id == "actor:企业" else n for n in b.nodes), b.edges, b.documents)
    batch = SyncBatch.of(document_batches(merge_graphs([a, b])))
    (actor,) = batch.linked[Label.ACTOR]  # linked by both documents, written once
    assert actor["props"]["kind"] == "enterprise"
    assert [d.doc_id for d in batch.documents] == ["doc:a", "doc:b"]
    assert sorted(r["id"] for r in batch.owned[Label.MEASURE]) == ["doc:a/part:1/section:1/measure:1",
                                                                     "doc:b/part:1/section:1/measure:1"]
    involves = [r for (t, _, _), rows in batch.edges.items() if t is EdgeType.INVOLVES for r in rows]
    assert sorted(r["source"].split("/")[0] for r in involves) == ["doc:a", "doc:b"]
    # A shared node's English label comes from the first document that has one (as one by one).
    first_lacks = SyncBatch.of(document_batches(a) + document_batches(b))
    assert first_lacks.linked[Label.ACTOR][0]["props"]["name_en"] == "enterprises"


def test_transaction_groups_keep_document_order_and_never_split_a_document():
    docs = [doc(f"doc:{i}", {1: "x", 2: "y"}, {1: ["甲"]}) for i in range(5)]
    batches = document_batches(merge_graphs(docs))
    size = batches[0].rows()
    groups = transaction_groups(batches, limit=2 * size)
    assert [[b.doc_id for b in g] for g in groups] == [["doc:0", "doc:1"], ["doc:2", "doc:3"], ["doc:4"]]
    alone = transaction_groups(batches, limit=1)
    assert [[b.doc_id for b in g] for g in alone] == [[b.doc_id] for b in batches]


# ---------------------------------------------------------------------- against the server

bolt = pytest.mark.bolt


@bolt
def test_it_is_a_policy_store(store):
    assert isinstance(store, PolicyStore) and store.name == "neo4j"


@bolt
def test_the_constraints_hold_on_the_server(store):
    store.load(doc("doc:a", {1: "甲"}, {1: ["企业"]}))
    for label, node_id in ((Label.POLICY, "doc:a"), (Label.ACTOR, "actor:企业")):
        with pytest.raises(Exception, match="(?i)constraint|already exists|duplicate"):
            store._write(f"CREATE (:{label.value} {{id: $id}})", id=node_id)
    assert store.apply_schema() == []  # again: nothing to do, nothing refused


@bolt
def test_a_refused_index_type_gives_one_warning_and_the_rest_still_applies(store, caplog):
    statements = ["CREATE FULLTEXT INDEX policy_text_probe IF NOT EXISTS FOR (n:Measure) ON EACH [n.title]",
                  "CREATE INDEX measure_number_probe IF NOT EXISTS FOR (n:Measure) ON (n.number)"]
    with caplog.at_level(logging.WARNING, logger="graph.neo4j_store"):
        refused = store.apply_schema(statements)
    assert refused in ([], statements[:1])  # Neo4j has full-text indexes; ArcadeDB's Bolt refuses them
    assert len(caplog.records) == len(refused)
    if refused:
        assert "policy_text_probe" in caplog.records[0].getMessage()
    for name in ("policy_text_probe", "measure_number_probe"):
        store._write(f"DROP INDEX {name} IF EXISTS")


@bolt
def test_counts_are_of_the_models_labels_and_types_only(store):
    g = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业", "政府"]}, cites={2: "反垄断法"})
    report = store.load(g)
    assert (report.nodes, report.edges) == store.counts() == (len(g.nodes), len(g.edges))
    store._write("CREATE (:Foreign {id: 'x'})-[:FOREIGN_LINK]->(:Foreign {id: 'y'})")
    try:
        assert store.counts() == (len(g.nodes), len(g.edges))
    finally:
        store._write("MATCH (n:Foreign) DETACH DELETE n")


@bolt
def test_a_refused_sync_leaves_the_garbage_collector_on(store):
    g = doc("doc:z", {1: "a"}, {1: ["甲"]})
    broken = PolicyGraph(tuple(n for n in g.nodes if n.label is not Label.ACTOR), g.edges, g.documents)
    with pytest.raises(StoreError, match="node actor:甲 is not in the graph"):
        store.load(broken)
    assert gc.isenabled()
    store.load(g)
    assert gc.isenabled() and store.counts() == (len(g.nodes), len(g.edges))


@bolt
def test_syncing_twice_changes_nothing(store):
    g = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业", "政府"], 2: ["企业"]},
            cites={2: "反垄断法"})
    first = store.load(g)
    before = snapshot(store)
    second = store.load(g)
    assert (first.nodes, first.edges) == (second.nodes, second.edges) == (len(g.nodes), len(g.edges))
    assert snapshot(store) == before
    assert before == snapshot(EmbeddedStore(g))


@bolt
def test_a_reloaded_document_replaces_its_previous_version(store):
    v1 = doc("doc:a", {1: "甲", 2: "乙", 3: "丙"}, {1: ["企业"], 2: ["共享"], 3: ["只在丙"]},
             extra={1: {"note": "old"}}, cites={3: "旧法"})
    other = doc("doc:b", {1: "丁"}, {1: ["共享"]})
    v2 = doc("doc:a", {1: "甲新", 2: "乙"}, {1: ["企业"]})
    embedded = EmbeddedStore()
    for g in (v1, other, v2):
        store.load(g)
        embedded.load(g)
    nodes, edges = snapshot(store)
    ids = {n["id"] for n in nodes}
    assert "doc:a/part:1/section:1/measure:3" not in ids  # stale outline node gone
    assert {"actor:只在丙", "law:旧法"}.isdisjoint(ids)  # orphans gone
    assert "actor:共享" in ids  # still used by doc:b
    m1 = store.query("node", node="doc:a/part:1/section:1/measure:1")[0]
    assert m1["title"] == "甲新" and "note" not in m1  # replaced whole
    assert not [e for e in edges if e["source"].startswith("doc:a/") and e["target"] == "actor:共享"]
    assert (nodes, edges) == snapshot(embedded)


@bolt
def test_documents_reloaded_together_each_replace_their_previous_version(store):
    v1 = [doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"], 2: ["只在a"]}, cites={2: "旧法"}),
          doc("doc:b", {1: "丙", 2: "丁"}, {1: ["企业"], 2: ["只在b"]})]
    v2 = [doc("doc:a", {1: "甲新"}, {1: ["企业"]}), doc("doc:b", {1: "丙", 2: "丁", 3: "戊"}, {3: ["新人"]})]
    embedded = EmbeddedStore()
    for version in (v1, v2):
        store.load(merge_graphs(version))  # both documents in one transaction
        embedded.load(merge_graphs(version))
    nodes, edges = snapshot(store)
    ids = {n["id"] for n in nodes}
    assert "doc:a/part:1/section:1/measure:2" not in ids and "doc:b/part:1/section:1/measure:3" in ids
    assert {"actor:只在a", "actor:只在b", "law:旧法"}.isdisjoint(ids)
    assert (nodes, edges) == snapshot(embedded)


@bolt
def test_new_documents_written_together_share_their_entities_and_a_reload_changes_nothing(store):
    both = merge_graphs([doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业", "政府"], 2: ["企业"]}, cites={2: "反垄断法"}),
                         doc("doc:b", {1: "丙"}, {1: ["企业", "政府"]}, cites={1: "反垄断法"})])
    first = store.load(both)  # neither stored before: their own nodes and edges are created
    created = snapshot(store)
    assert created == snapshot(EmbeddedStore(both))
    assert (first.nodes, first.edges) == (len(both.nodes), len(both.edges))
    ids = [n["id"] for n in created[0]]
    assert len(ids) == len(set(ids)) and ids.count("actor:企业") == 1 and ids.count("law:反垄断法") == 1
    second = store.load(both)  # stored now: merged, and nothing changes
    assert (second.nodes, second.edges) == (first.nodes, first.edges)
    assert snapshot(store) == created


@bolt
def test_a_new_document_whose_node_another_document_linked_to_keeps_one_such_node(store):
    a = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"]})
    target = "doc:a/part:1/section:1/measure:1"
    b = doc("doc:b", {1: "丙"}, {1: ["企业"]})
    link = Edge("doc:b/part:1/section:1/measure:1", target, EdgeType.CROSS_REFERENCES, "doc:b", "见甲")
    b = PolicyGraph(b.nodes + tuple(n for n in a.nodes if n.id == target), b.edges + (link,), b.documents)
    embedded = EmbeddedStore()
    for g in (b, a):  # doc:b stores doc:a's measure first; doc:a itself comes later, new
        store.load(g)
        embedded.load(g)
    nodes, edges = snapshot(store)
    assert [n["id"] for n in nodes].count(target) == 1
    assert [e["source"] for e in edges if e["target"] == target] == ["doc:a/part:1/section:1",
                                                                     "doc:b/part:1/section:1/measure:1"]
    assert (nodes, edges) == snapshot(embedded)
    assert store.counts() == (len(nodes), len(edges))


def with_item(g: PolicyGraph, actor: str | None) -> PolicyGraph:
    """`g` (a `doc`) with an item under its part, the item and the document itself involving `actor`:
    INVOLVES from three labels (Measure, Item, Policy) to Actor, written by one statement each way."""
    doc_id = g.documents[0].id
    part, item = f"{doc_id}/part:1", f"{doc_id}/part:1/item:1"
    nodes = (Node(item, Label.ITEM, "一", {"number": 1, "doc_id": doc_id}),)
    edges = (Edge(part, item, EdgeType.HAS_ITEM, doc_id),)
    if actor:
        nodes += (Node(f"actor:{actor}", Label.ACTOR, actor, {"kind": "enterprise"}),)
        edges += (Edge(item, f"actor:{actor}", EdgeType.INVOLVES, doc_id, f"{actor}负责"),
                  Edge(doc_id, f"actor:{actor}", EdgeType.INVOLVES, doc_id, f"{actor}牵头"))
    return merge_graphs([g, PolicyGraph(nodes, edges, ())])


@bolt
def test_outline_nodes_with_two_parents_or_in_a_cycle_keep_every_outline_edge(store):
    g = doc("doc:o", {1: "甲", 2: "乙"}, {})
    section, (m1, m2) = "doc:o/part:1/section:1", (f"doc:o/part:1/section:1/measure:{i}" for i in (1, 2))
    loop = [Node(f"doc:o/part:{i}", Label.PART, str(i), {"number": i, "doc_id": "doc:o"}) for i in (8, 9)]
    odd = (Edge("doc:o/part:1", m1, EdgeType.HAS_MEASURE, "doc:o"),  # a measure with two parents
           Edge(loop[0].id, loop[1].id, EdgeType.HAS_PART, "doc:o"),  # two parts, each the other's parent
           Edge(loop[1].id, loop[0].id, EdgeType.HAS_PART, "doc:o"))
    g = PolicyGraph(g.nodes + tuple(loop), g.edges + odd, g.documents)
    report = store.load(g)
    assert (report.nodes, report.edges) == (len(g.nodes), len(g.edges))
    assert snapshot(store) == snapshot(EmbeddedStore(g))
    outline = {(r["source"], r["target"]) for r in snapshot(store)[1] if r["type"] in ("HAS_MEASURE", "HAS_PART")}
    assert {(section, m1), ("doc:o/part:1", m1), (section, m2), (loop[0].id, loop[1].id),
            (loop[1].id, loop[0].id), ("doc:o", "doc:o/part:1")} <= outline


@bolt
def test_edges_of_one_type_between_several_label_pairs_are_created_merged_and_replaced(store):
    target = "doc:a/part:1/section:1/measure:1"
    b = doc("doc:b", {1: "丙"}, {1: ["企业"]})
    link = Edge("doc:b/part:1/section:1/measure:1", target, EdgeType.CROSS_REFERENCES, "doc:b", "见甲")
    a = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"], 2: ["政府"]}, cites={2: "反垄断法"})
    b = PolicyGraph(b.nodes + tuple(n for n in a.nodes if n.id == target), b.edges + (link,), b.documents)
    v1 = merge_graphs([with_item(a, "政府"), b])
    first = store.load(v1)  # both new, one transaction: every edge created between nodes just written
    assert snapshot(store) == snapshot(EmbeddedStore(v1))
    involves = {(e["source"], e["target"]) for e in snapshot(store)[1] if e["type"] == "INVOLVES"}
    assert {("doc:a", "actor:政府"), ("doc:a/part:1/item:1", "actor:政府"),
            (target, "actor:企业")} <= involves
    again = store.load(v1)  # stored now: every edge merged, nothing changes
    assert (again.nodes, again.edges) == (first.nodes, first.edges) == (len(v1.nodes), len(v1.edges))
    assert snapshot(store) == snapshot(EmbeddedStore(v1))
    v2 = with_item(doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"], 2: ["企业"]}), "企业")
    embedded = EmbeddedStore(v1)
    embedded.load(v2)
    store.load(v2)  # doc:a replaced: its item now involves 企业; 政府 and 反垄断法 are orphans
    nodes, edges = snapshot(store)
    assert {"actor:政府", "law:反垄断法"}.isdisjoint(n["id"] for n in nodes)
    assert ("doc:b/part:1/section:1/measure:1", target) in {(e["source"], e["target"]) for e in edges}
    assert (nodes, edges) == snapshot(embedded)
    assert store.counts() == (len(nodes), len(edges))


@bolt
def test_a_node_taken_for_new_but_stored_under_another_document_is_merged_after_all(store, monkeypatch):
    squatter = Node("doc:a/part:1", Label.PART, "占", {"number": 9, "doc_id": "doc:c"})
    c = PolicyGraph((Node("doc:c", Label.POLICY, "doc:c", {"title": "doc:c"}), squatter),
                    (Edge("doc:c", squatter.id, EdgeType.HAS_PART, "doc:c"),), (Document("doc:c", "c.txt", "…"),))
    a = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"], 2: ["政府"]})
    store.load(c)
    store.load(a)  # doc:a's part is in the database under doc:c: the create fails, the merge holds
    fell_back = snapshot(store)
    wipe(store)
    monkeypatch.setattr(neo4j_write, "_fresh_nodes", lambda tx, batch, stored: set())  # merge only
    store.load(c)
    store.load(a)
    assert snapshot(store) == fell_back
    assert [n["id"] for n in fell_back[0]].count("doc:a/part:1") == 1
    assert store.counts() == (len(fell_back[0]), len(fell_back[1]))


@bolt
def test_a_failure_mid_document_leaves_its_previous_version(store, monkeypatch):
    v1 = doc("doc:a", {1: "甲", 2: "乙"}, {1: ["企业"], 2: ["政府"]})
    store.load(v1)
    before = snapshot(store)

    def boom(tx, batch):  # after this document's nodes and edges were merged in the transaction
        raise RuntimeError("injected failure")

    monkeypatch.setattr(neo4j_write, "_drop_stale", boom)
    with pytest.raises(RuntimeError, match="injected"):
        store.load(doc("doc:a", {1: "甲改"}, {1: ["新人"]}))
    assert snapshot(store) == before


@bolt
def test_a_server_error_mid_sync_keeps_earlier_documents_and_the_failing_ones_old_version(store, monkeypatch):
    store.load(doc("doc:b", {1: "旧"}, {1: ["企业"]}))
    before_b = store.query("outline", doc="doc:b")
    real_fill = cypher.fill

    def failing_fill(name, **parts):  # the server rejects this statement of doc:b's transaction
        text = real_fill(name, **parts)
        return text + " RETURN broken(" if name == "delete_orphans" else text

    monkeypatch.setattr(neo4j_write, "fill", failing_fill)
    both = merge_graphs([doc("doc:a", {1: "甲"}, {}), doc("doc:b", {1: "新"}, {1: ["政府"]})])
    with pytest.raises(StoreError, match=r"document doc:b not written \(its previous version is kept\)"):
        store.load(both)
    monkeypatch.undo()
    assert [d["id"] for d in store.query("documents")] == ["doc:a", "doc:b"]  # doc:a committed first
    assert store.query("outline", doc="doc:b") == before_b
    assert store.query("node", node="actor:政府") == []


@bolt
def test_progress_is_reported_per_document(store):
    seen = []
    merged = merge_graphs([doc(f"doc:{i}", {1: "x"}, {}) for i in range(3)])
    report = store.load(merged, progress=lambda done, total, doc_id: seen.append((done, total, doc_id)))
    assert seen == [(1, 3, "doc:0"), (2, 3, "doc:1"), (3, 3, "doc:2")]
    assert report.documents == ("doc:0", "doc:1", "doc:2")


@bolt
def test_names_with_quotes_braces_backslashes_and_keywords_round_trip(store):
    g = doc(f"doc:{ODD}", {1: ODD}, {1: [ODD, "MERGE"]},
            extra={1: {"text": ODD, "tags": [ODD, "}"], "nested": [[ODD], {"k": ODD}]}})
    store.load(g)
    store.load(g)
    assert snapshot(store) == snapshot(EmbeddedStore(g))
    node = store.query("node", node=f"actor:{ODD}")[0]
    assert (node["id"], node["name"]) == (f"actor:{ODD}", ODD)
    assert [r["id"] for r in store.query("search_nodes", text=ODD, type="Actor")] == [f"actor:{ODD}"]
    assert store.read("MATCH (n:Actor {name: $name}) RETURN n.name AS name", name=ODD) == [{"name": ODD}]


@bolt
@pytest.mark.parametrize("statement", [
    "CREATE (n:Law {id: 'law:written'}) RETURN n.id AS id",
    "MERGE (n:Law {id: 'law:written'}) RETURN n.id AS id",
    "MATCH (n:Actor) SET n.name = 'changed' RETURN count(n) AS c",
    "MATCH (n) DETACH DELETE n",
])
def test_a_write_through_the_read_path_is_refused_and_rolled_back(store, statement):
    store.load(doc("doc:a", {1: "甲"}, {1: ["企业"]}))
    before = snapshot(store)
    with pytest.raises(StoreError, match="read-only"):
        store.read(statement)
    assert snapshot(store) == before
    assert store.read("MATCH (n:Law {id: 'law:written'}) RETURN n.id AS id") == []


@bolt
def test_a_named_query_that_would_write_is_refused_too(store, monkeypatch):
    real = cypher.load_cypher
    writes = "CREATE (n:Law {id: 'law:written'}) RETURN n.id AS id"
    monkeypatch.setattr(neo4j_store, "load_cypher",
                        lambda name: writes if name == "documents" else real(name))
    with pytest.raises(StoreError, match="read-only"):
        store.query("documents")
    monkeypatch.undo()
    assert store.read("MATCH (n:Law {id: 'law:written'}) RETURN n.id AS id") == []


@bolt
def test_named_query_errors_are_one_line(store):
    with pytest.raises(StoreError, match="unknown query 'nope'"):
        store.query("nope")
    with pytest.raises(StoreError, match="needs parameter 'node'"):
        store.query("node")
    with pytest.raises(StoreError) as err:
        store.read("MATCH (n RETURN n")
    assert "\n" not in str(err.value)


@bolt
def test_a_wrong_password_is_one_clear_line_without_the_password(server):
    wrong = Neo4jSettings(server.uri, server.user, server.password + "-wrong-Zq9", server.database)
    with pytest.raises(StoreError) as err:
        Neo4jStore.connect(wrong)
    message = str(err.value)
    assert "wrong user name or password" in message and "\n" not in message
    assert wrong.password not in message and server.password not in message


@bolt
def test_a_server_that_is_down_is_one_clear_line(server):
    down = Neo4jSettings(f"bolt://127.0.0.1:{free_port()}", "neo4j", "pw-Zq9", None)
    with pytest.raises(StoreError) as err:
        Neo4jStore.connect(down)
    assert str(err.value).startswith("cannot reach Neo4j at bolt://127.0.0.1:")
    assert "\n" not in str(err.value) and "pw-Zq9" not in str(err.value)


@bolt
def test_an_unknown_database_is_one_clear_line(server):
    missing = Neo4jSettings(server.uri, server.user, server.password, "nosuchdb")
    with pytest.raises(StoreError, match="has no database 'nosuchdb'") as err:
        Neo4jStore.connect(missing)
    assert server.password not in str(err.value)
