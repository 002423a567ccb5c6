"""What Explore's graph answers in the browser before Python runs (render.explore_prefetch,
render.explore_details): a double-click adds exactly the nodes and edges the page's own expansion
gives, and the details panel lists what the evidence_of query answers."""

from __future__ import annotations

import pytest

from graph.embedded import EmbeddedStore
from render import explore_scene as sc
from render.explore_details import SCENE_EVIDENCE_CAP, edges_by_node, flat_edge, scene_details, waiting_details
from render.explore_prefetch import edge_record, next_rings
from render.explore_vis import scene_payload
from render.i18n import edge_name, type_name


@pytest.fixture(scope="module")
def seed(seed_graph):
    store = EmbeddedStore(seed_graph)
    rows = {r["id"]: r for r in store.query("all_nodes")}
    edges = [flat_edge(r) for r in store.query("all_edges")]
    return store, rows, {i: str(r["type"]) for i, r in rows.items()}, sc.adjacency(edges), edges_by_node(edges)


def browser_step(scene_nodes: dict[str, dict], edges: dict[str, dict], pre: dict, step: dict) -> None:
    """What graph_view_local.js's applyStep does to the graph's DataSets (ids only)."""
    ids = pre["ids"]
    for i in step["drop"]:
        scene_nodes.pop(ids[i], None)
        for key in [k for k, e in edges.items() if ids[i] in (e["from"], e["to"])]:
            edges.pop(key)
    for i, record in step["more"].items():  # relabelled
        if ids[int(i)] in scene_nodes:
            scene_nodes[ids[int(i)]].update(label=record["label"])
    for i, ring, parent in step["add"]:
        record = step["more"].get(str(i)) or pre["nodes"][str(i)]
        scene_nodes.setdefault(ids[i], dict(record, ring=ring, parent=ids[parent]))
    for e in step["edges"]:
        record = edge_record(pre, e)
        edges[record["id"]] = record


@pytest.mark.parametrize("depth,cap", [(1, 6), (2, 3), (1, 2)])
def test_a_prefetched_double_click_adds_what_the_page_expansion_adds(seed, depth, cap):
    store, rows, types, adj, edges_at = seed
    seed_node = sc.most_central(types, adj, {"Policy", "Part", "Section", "Chapter"})
    scene = sc.start(seed_node, adj, types, depth=depth, cap=cap)
    pre = next_rings(scene, rows=rows, adj=adj, types=types, cap=cap, rank={}, edges_at=edges_at, lang="zh",
                     evidence={})
    expandable = [n for n in scene.nodes if sc.expand(scene, n, adj, types, cap=cap).nodes != scene.nodes]
    assert expandable and set(expandable) <= set(pre["steps"])
    for node, step in pre["steps"].items():
        after = sc.expand(scene, node, adj, types, cap=cap)
        want = scene_payload(after, rows=rows, edges=store.query("edges_among", ids=sorted(after.real_nodes())),
                             adj=adj, lang="zh", selected=node, centrality={}, evidence={})
        before = scene_payload(scene, rows=rows, edges=store.query("edges_among", ids=sorted(scene.real_nodes())),
                               adj=adj, lang="zh", selected=None, centrality={}, evidence={})
        nodes = {n["id"]: n for n in before["nodes"]}
        edges = {e["id"]: e for e in before["edges"]}
        browser_step(nodes, edges, pre, step)
        assert {k: (n["ring"], n["parent"], n["label"]) for k, n in nodes.items()} == {
            n["id"]: (n["ring"], n["parent"], n["label"]) for n in want["nodes"]}
        wanted_edges = {e["id"]: e for e in want["edges"]}
        assert set(edges) == set(wanted_edges), node
        for key, record in edges.items():  # the same look; the tooltip without its sentence
            assert {k: v for k, v in record.items() if k != "title"} == {
                k: v for k, v in wanted_edges[key].items() if k != "title"}
            assert wanted_edges[key].get("title", "").startswith(record.get("title", ""))


def test_the_prefetch_sends_each_id_once(seed):
    store, rows, types, adj, edges_at = seed
    seed_node = sc.most_central(types, adj, {"Policy", "Part", "Section", "Chapter"})
    pre = next_rings(sc.start(seed_node, adj, types, depth=2, cap=6), rows=rows, adj=adj, types=types, cap=6,
                     rank={}, edges_at=edges_at, lang="zh", evidence={})
    assert len(pre["ids"]) == len(set(pre["ids"]))
    assert all("id" not in record and "font" not in record for record in pre["nodes"].values())
    waiting = waiting_details(pre, rows=rows, edges_at=edges_at, lang="zh", centrality={})
    assert set(waiting) == set(pre["nodes"])
    assert all(d["evidence"] == [] for d in waiting.values())
    assert {pre["ids"][int(k)]: d["total"] for k, d in waiting.items()} == {
        pre["ids"][int(k)]: len(store.query("evidence_of", node=pre["ids"][int(k)])) for k in waiting}


def test_details_list_the_evidence_of_query_the_selected_node_in_full(seed):
    store, rows, types, adj, edges_at = seed
    node = max(rows, key=lambda n: len(edges_at.get(n, ())))
    answer = store.query("evidence_of", node=node)
    assert len(answer) > SCENE_EVIDENCE_CAP
    expected = [[edge_name(r["type"], "en"), r["target_name"] if r["source"] == node else r["source_name"],
                 " ".join(r["evidence"].split())] for r in answer]
    neighbour = next(o for o, _ in adj[node])
    details = scene_details([node, neighbour], node, rows=rows, edges_at=edges_at, lang="en", centrality={node: 0.5})
    assert details[node]["evidence"] == expected and details[node]["total"] == len(answer)
    assert details[node]["score"] == "0.50" and details[node]["type"] == type_name(types[node], "en")
    other = store.query("evidence_of", node=neighbour)
    assert details[neighbour]["total"] == len(other) and len(details[neighbour]["evidence"]) == min(
        len(other), SCENE_EVIDENCE_CAP)

