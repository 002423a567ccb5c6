"""Explore's scenes (render.explore_scene), their vis records and first layout (render.explore_vis),
saved views in the address (app_pages.explore_state) and path steps worded for people
(render.path_steps): literal inputs and outputs."""

from __future__ import annotations

import pytest

from app_pages.explore_state import view_from_param, view_to_param
from render import explore_scene as sc
from render.explore_vis import first_layout, scene_payload, short_label
from render.path_steps import role_text, step_sentence

# A hub "h" with four measures, two laws and one actor; m1 also cites law l1 and involves a2.
EDGES = [{"source": f"m{i}", "target": "h", "type": "INVOLVES"} for i in range(1, 5)]
EDGES += [{"source": "m1", "target": "l1", "type": "CITES"}, {"source": "m2", "target": "l2", "type": "CITES"},
          {"source": "m1", "target": "a2", "type": "INVOLVES"}, {"source": "h", "target": "l1", "type": "MENTIONS"}]
TYPES = {"h": "Actor", "a2": "Actor", "l1": "Law", "l2": "Law", **{f"m{i}": "Measure" for i in range(1, 5)}}
RANK = {"m3": 1.0, "m1": 0.5}


@pytest.fixture
def adj():
    return sc.adjacency(EDGES)


def test_a_scene_takes_at_most_cap_of_each_type_best_first_and_the_rest_waits(adj):
    scene = sc.start("h", adj, TYPES, cap=2, rank=RANK)
    assert scene.real_nodes() == ("h", "l1", "m3", "m1")
    assert scene.more_ids() == ("more:h:Measure",)
    assert scene.more["more:h:Measure"].rest == ("m2", "m4")
    assert scene.ring == {"h": 0, "l1": 1, "m3": 1, "m1": 1, "more:h:Measure": 1}
    assert scene.parent["more:h:Measure"] == "h"


def test_expanding_the_more_node_shows_the_next_ones_and_it_goes_when_empty(adj):
    scene = sc.expand(sc.start("h", adj, TYPES, cap=2, rank=RANK), "more:h:Measure", adj, TYPES, cap=1)
    assert scene.real_nodes()[-1] == "m2" and scene.more["more:h:Measure"].rest == ("m4",)
    scene = sc.expand(scene, "more:h:Measure", adj, TYPES, cap=1)
    assert scene.real_nodes()[-1] == "m4" and scene.more_ids() == ()
    assert "more:h:Measure" not in scene.nodes


def test_expanding_by_one_relation_type_and_depth_two(adj):
    scene = sc.start("m1", adj, TYPES, cap=5)
    assert set(scene.real_nodes()) == {"m1", "h", "l1", "a2"}
    only_cites = sc.expand(sc.Scene("m2", ("m2",), {"m2": 0}), "m2", adj, TYPES, edge_type="CITES")
    assert only_cites.real_nodes() == ("m2", "l2")
    deep = sc.start("l2", adj, TYPES, depth=2, cap=6)
    assert deep.ring == {"l2": 0, "m2": 1, "h": 2}


def test_hidden_nodes_stay_out_and_pins_toggle(adj):
    scene = sc.hide(sc.start("h", adj, TYPES, cap=5), "l1")
    assert "l1" not in scene.nodes and scene.hidden == {"l1"}
    assert "l1" not in sc.expand(scene, "m1", adj, TYPES).nodes
    assert sc.hide(scene, "h") == scene  # never the seed
    pinned = sc.toggle_pin(scene, "m1")
    assert pinned.pinned == {"m1"} and sc.toggle_pin(pinned, "m1").pinned == frozenset()
    assert sc.relation_counts("m1", scene, adj) == {"INVOLVES": 1}  # a2; l1 is hidden, h is shown


def test_most_central_leaves_out_containers():
    adj = sc.adjacency([{"source": "doc", "target": f"p{i}", "type": "HAS_PART"} for i in range(5)]
                       + [{"source": "p1", "target": "a", "type": "X"}, {"source": "p2", "target": "a", "type": "X"},
                          {"source": "p1", "target": "x", "type": "X"}])
    types = {"doc": "Policy", "a": "Actor", "x": "Concept", **{f"p{i}": "Part" for i in range(5)}}
    assert sc.most_central(types, adj, ["Policy"]) == "p1"
    assert sc.most_central(types, adj, ["Policy", "Part"]) == "a"
    assert sc.most_central({}, adj) is None


def test_a_view_round_trips_and_drops_what_is_not_loaded(adj):
    scene = sc.toggle_pin(sc.start("h", adj, TYPES, cap=2, rank=RANK), "m3")
    view = sc.to_view(scene, positions={"h": [0.4, 1.6], "m3": [10, 20], "zz": [1, 1]}, selected="m3",
                      settings={"depth": 1, "cap": 2})
    assert view["positions"] == {"h": [0, 2], "m3": [10, 20]}
    again, extra = sc.from_view(view, TYPES)
    assert again.nodes == scene.nodes and again.more == scene.more and again.pinned == {"m3"}
    assert extra["selected"] == "m3" and extra["settings"] == {"depth": 1, "cap": 2}
    smaller, _ = sc.from_view(view, set(TYPES) - {"m1"})
    assert "m1" not in smaller.nodes and smaller.seed == "h"


@pytest.mark.parametrize("view, reason", [
    ({"seed": "h"}, "not a saved view"),
    ([1, 2], "not a saved view"),
    ({"version": 1, "seed": "gone"}, "not in the loaded documents"),
    ({"version": 1, "seed": "h", "nodes": [["m1"]]}, "malformed"),
])
def test_a_bad_view_is_one_clear_line(view, reason):
    with pytest.raises(sc.ViewError, match=reason):
        sc.from_view(view, TYPES)


def test_a_view_in_the_address_round_trips_and_a_bad_one_is_refused():
    view = {"version": 1, "seed": "actor:平台企业", "nodes": [["actor:平台企业", 0, None]]}
    text = view_to_param(view)
    assert set(text) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert view_from_param(text) == view
    with pytest.raises(sc.ViewError, match="cannot be read"):
        view_from_param("not base64 ~~~")


def test_a_bomb_in_the_address_is_refused_without_unpacking_it():
    import base64
    import zlib

    bomb = base64.urlsafe_b64encode(zlib.compress(b"[" * 50_000_000, 9)).decode().rstrip("=")
    with pytest.raises(sc.ViewError):
        view_from_param(bomb)


@pytest.mark.parametrize("text, short", [("平台企业", "平台企业"), ("a  b\nc", "a b c"),
                                         ("健全完善监管制度，着力构建公平透明的规则体系", "健全完善监管制度，着力构建…")])
def test_short_labels(text, short):
    assert short_label(text) == short


def _boxes(pos, width=170.0, height=40.0):
    """Label boxes under each node (as vis draws them): `width` wide, `height` tall with the node."""
    return {n: (x - width / 2, y, x + width / 2, y + height) for n, (x, y) in pos.items()}


def test_the_first_ring_is_laid_out_without_label_clashes():
    ring1 = [f"n{i}" for i in range(15)]
    ring = {"s": 0, **{n: 1 for n in ring1}}
    pos = first_layout(["s", *ring1], ring, {}, {n: "Measure" for n in ring1})
    boxes = _boxes(pos)
    ids = sorted(boxes)
    clash = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
             if boxes[a][0] < boxes[b][2] and boxes[b][0] < boxes[a][2]
             and boxes[a][1] < boxes[b][3] and boxes[b][1] < boxes[a][3]]
    assert clash == []
    assert sorted({round(x) for x, _ in pos.values()}) == [-250, 0, 250]


def test_farther_rings_go_outside_on_their_parents_side():
    pos = first_layout(["s", "a", "b", "c", "d"], {"s": 0, "a": 1, "b": 1, "c": 2, "d": 2}, {"c": "a", "d": "b"})
    assert pos["c"][0] < pos["a"][0] < 0 < pos["b"][0] < pos["d"][0]


def test_the_payload_marks_the_focused_ring_and_offers_relations(adj):
    scene = sc.start("h", adj, TYPES, cap=2, rank=RANK)
    rows = {n: {"id": n, "type": t, "name": n.upper()} for n, t in TYPES.items()}
    edges = [e for e in EDGES if e["source"] in scene.nodes and e["target"] in scene.nodes]
    payload = scene_payload(scene, rows=rows, edges=edges, adj=adj, lang="en", selected="h", centrality={},
                            evidence={})
    by_id = {n["id"]: n for n in payload["nodes"]}
    assert set(by_id) == set(scene.nodes)
    assert by_id["more:h:Measure"]["label"] == "+2 more Measure"
    assert {by_id[n]["font"]["size"] for n in ("h", "m3", "l1")} == {15}
    assert by_id["m1"]["rels"] == [["INVOLVES", "involves", 1]]  # a2, not shown yet
    assert [e["id"] for e in payload["edges"] if e["to"] == "more:h:Measure"] == ["h|MORE|more:h:Measure"]
    assert [n["type"] for n in payload["legend"]["nodes"]] == ["Measure", "Actor", "Law"]


@pytest.mark.parametrize("edge_type, role, lang, shown", [
    ("ASSIGNED_TO", "lead", "zh", "牵头"), ("ASSIGNED_TO", "support", "en", "support"),
    ("INVOLVES", "鼓励", "en", "encourage"), ("INVOLVES", "涉及", "zh", ""), ("INVOLVES", None, "en", ""),
    ("INVOLVES", ["鼓励", "涉及"], "zh", "鼓励"),
])
def test_roles_are_worded_in_the_interface_language_and_placeholders_dropped(edge_type, role, lang, shown):
    assert role_text(edge_type, role, lang) == shown


def test_a_step_reads_along_its_stored_edge():
    by_id = {"m": {"name": "举措甲"}, "b": {"name": "省商务厅", "name_en": "Provincial Dept. of Commerce"}}
    back = {"source": "b", "target": "m", "type": "ASSIGNED_TO", "forward": False, "role": "lead"}
    assert step_sentence(back, by_id, "zh") == "「举措甲」由「省商务厅」负责（牵头）。"
    assert step_sentence(back, by_id, "en") == "“举措甲” is assigned to “Provincial Dept. of Commerce” (lead)."
    odd = {"source": "m", "target": "b", "type": "NO_SUCH", "forward": True}
    assert step_sentence(odd, by_id, "en") == "“举措甲” —NO_SUCH→ “Provincial Dept. of Commerce”."


def test_the_svg_of_a_view_has_its_labels_and_roles_in_the_interface_language():
    from graph.index import GraphIndex
    from render.picture import svg_text
    from render.scenes import scene

    nodes = [{"id": "m", "type": "Measure", "name": "举措甲", "number": 1},
             {"id": "a", "type": "Actor", "name": "金融机构", "name_en": "financial institutions"}]
    edges = [{"source": "m", "target": "a", "type": "INVOLVES", "role": "鼓励", "doc_id": "d"}]
    picture = scene(GraphIndex.from_rows(nodes, edges), ["m", "a"], focus="a", lang="en")
    text = svg_text(picture)
    assert "financial institutions" in text and ">encourage<" in text
    assert "金融机构" in svg_text(scene(GraphIndex.from_rows(nodes, edges), ["m", "a"], lang="zh"))


def test_the_svg_keeps_the_arrangement_shown_on_screen():
    from graph.index import GraphIndex
    from render.scenes import scene

    nodes = [{"id": i, "type": "Actor", "name": name} for i, name in
             (("a", "甲单位"), ("b", "乙单位"), ("c", "丙单位"), ("d", "丁单位"))]
    edges = [{"source": "a", "target": u, "type": "INVOLVES", "doc_id": "d"} for u in ("b", "c", "d")]
    idx = GraphIndex.from_rows(nodes, edges)
    # On screen (vis-network's coordinates, y down): a row from left to right, d far below.
    on_screen = {"a": [-300, 0], "b": [-100, 0], "c": [100, 0], "d": [300, 400], "more:x": [0, 0]}
    placed = {p.id: (p.x, p.y) for p in scene(idx, ["a", "b", "c", "d"], arranged=on_screen).nodes}
    assert placed["a"][0] < placed["b"][0] < placed["c"][0] < placed["d"][0]
    assert placed["d"][1] > max(placed[i][1] for i in "abc")
    # A node the screen has not placed yet: the picture lays everything out itself.
    laid_out = {p.id: (p.x, p.y) for p in scene(idx, ["a", "b", "c", "d"], arranged={"a": [0, 0]}).nodes}
    assert laid_out == {p.id: (p.x, p.y) for p in scene(idx, ["a", "b", "c", "d"]).nodes}
