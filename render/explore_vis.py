"""A scene (`render.explore_scene`) as vis-network node and edge records, with a first layout.

The first layout is readable by construction: the seed in the middle and its ring in two
columns, left and right, one row per node, so the labels of the ring (drawn under each node)
never meet; farther rings start just outside their parent and the browser's physics spreads
them while the first two rings hold still. Labels are short (the full name is in the
tooltip); the focused ring's are drawn larger and always shown.

>>> layout = first_layout(["s", "a", "b", "c"], {"s": 0, "a": 1, "b": 1, "c": 1}, {})
>>> layout["s"], layout["a"][0] < 0 < layout["c"][0]
((0.0, 0.0), True)
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from render.colours import EDGE_ORDER, NODE_ORDER, edge_colour_of, glyph_of, style_of
from render.explore_scene import Adjacency, Scene, focus_ring, is_more, relation_counts
from render.i18n import edge_name, node_label, role_name, t, type_name
from render.pyvis_html import CJK_FONT, edge_tooltip, node_tooltip

LABEL_WIDTH = 28  # columns (a Chinese character is two); longer labels end in "…", the tooltip has it all
RING_X = 250.0  # pixels from the seed to the columns of the first ring
ROW = 70.0  # pixels between rows of a column: a node, its label under it and a gap
OUTER_X = 230.0  # a farther ring's first column is this far outside the last one
OUTER_COLUMN = 180.0  # between columns of one farther ring: the widest short label and a gap
OUTER_ROW = 40.0
OUTER_MIN_ROWS = 8
OUTER_MAX_SIZE = 11.0  # nodes off the focused ring stay small, so their rows stay apart
FOCUS_FONT, OTHER_FONT = 15, 11
MIN_SIZE, MAX_SIZE = 9.0, 20.0


def short_label(text: str, limit: int = LABEL_WIDTH) -> str:
    """`text` on one line, cut to `limit` columns (a Chinese character takes two) with "…".

    >>> short_label("健全完善监管制度，着力构建公平透明的规则体系"), short_label("platform enterprises")
    ('健全完善监管制度，着力构建…', 'platform enterprises')
    """
    text = " ".join(str(text).split())
    widths = [2 if ord(c) > 0x2E7F else 1 for c in text]
    if sum(widths) <= limit:
        return text
    used, cut = 0, 0
    while cut < len(text) and used + widths[cut] <= limit - 2:
        used += widths[cut]
        cut += 1
    return text[:cut] + "…"


def _type_rank(node_type: str) -> int:
    return NODE_ORDER.index(node_type) if node_type in NODE_ORDER else len(NODE_ORDER)


def first_layout(nodes: Sequence[str], ring: Mapping[str, int], parent: Mapping[str, str],
                 types: Mapping[str, str] | None = None) -> dict[str, tuple[float, float]]:
    """Starting positions: the ring-0 node at the origin, ring 1 in two columns (by type, left
    then right, one row each), each later ring in columns farther out on its parent's side,
    in the order of the parents' rows.

    >>> first_layout(["s", "a", "b"], {"s": 0, "a": 1, "b": 1}, {})
    {'s': (0.0, 0.0), 'a': (-250.0, 0.0), 'b': (250.0, 0.0)}
    >>> first_layout(["s", "a", "c"], {"s": 0, "a": 1, "c": 2}, {"c": "a"})["c"]
    (-480.0, 0.0)
    """
    kinds = types or {}
    pos: dict[str, tuple[float, float]] = {n: (0.0, 0.0) for n in nodes if ring.get(n, 1) == 0}
    first = sorted((n for n in nodes if ring.get(n, 1) == 1), key=lambda n: (is_more(n), _type_rank(kinds.get(n, "")),
                                                                              nodes.index(n)))
    half = (len(first) + 1) // 2
    for side, column in ((-1.0, first[:half]), (1.0, first[half:])):
        for row, n in enumerate(column):
            pos[n] = (side * RING_X, (row - (len(column) - 1) / 2) * ROW)
    rows = max(OUTER_MIN_ROWS, int(half * ROW / OUTER_ROW))
    edge = {-1.0: RING_X, 1.0: RING_X}  # how far out each side's columns reach so far
    for r in sorted({ring.get(n, 1) for n in nodes} - {0, 1}):
        outer = [n for n in nodes if ring.get(n, 1) == r]
        for side in (-1.0, 1.0):
            mine = [n for n in outer if _side(pos.get(parent.get(n, ""), (side, 0.0))) == side]
            mine.sort(key=lambda n: (pos.get(parent.get(n, ""), (0.0, 0.0))[1], nodes.index(n)))
            for k, n in enumerate(mine):
                column, row = divmod(k, rows)
                in_column = min(rows, len(mine) - column * rows)
                pos[n] = (side * (edge[side] + OUTER_X + column * OUTER_COLUMN), (row - (in_column - 1) / 2) * OUTER_ROW)
            if mine:
                edge[side] += OUTER_X + ((len(mine) - 1) // rows) * OUTER_COLUMN
    for n in nodes:  # a node whose parent is not shown: beside the seed
        pos.setdefault(n, (0.0, ROW * (1 + len(pos) % 3)))
    return pos


def _side(point: tuple[float, float]) -> float:
    return -1.0 if point[0] < 0 else 1.0


def scaled_size(score: float) -> float:
    """Node radius for a centrality score in 0..1.

    >>> scaled_size(0.0), scaled_size(1.0)
    (9.0, 20.0)
    """
    return round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * max(0.0, min(1.0, float(score))), 2)


def vis_node(row: Mapping[str, Any], *, lang: str, focus: bool, selected: bool, pinned: bool,
             score: float, evidence: int) -> dict[str, Any]:
    """One node record for vis-network: label, tooltip, look and size."""
    node_type = str(row.get("type") or "")
    style = style_of(node_type)
    colour = style["colour"]
    return {
        "id": str(row["id"]), "label": short_label(node_label(row, lang)), "type": node_type,
        "title": node_tooltip(row, lang, evidence), "shape": style["shape"],
        "size": scaled_size(score) if focus else min(scaled_size(score), OUTER_MAX_SIZE),
        "color": {"background": colour, "border": "#111111" if pinned else colour,
                  "highlight": {"background": colour, "border": "#111111"}},
        "borderWidth": 3 if pinned or selected else 1,
        "font": {"size": FOCUS_FONT if focus else OTHER_FONT, "color": "#1f2a44" if focus else "#4a5568",
                 "face": CJK_FONT, "strokeWidth": 4, "strokeColor": "#ffffff"},
        "pinned": pinned,
    }


def more_node(more_id: str, count: int, node_type: str, lang: str, focus: bool) -> dict[str, Any]:
    """The "+N more" node of one type: a small box that shows the next ones when expanded."""
    label = t("scene.more", lang, count=count, type=type_name(node_type, lang))
    return {"id": more_id, "label": label, "type": "", "more": True, "shape": "box", "title": t("scene.more.tip", lang),
            "color": {"background": "#f4f6fa", "border": "#9aa5b8", "highlight": {"background": "#e3e8f2",
                                                                                  "border": "#1f2a44"}},
            "font": {"size": FOCUS_FONT - 2 if focus else OTHER_FONT, "color": "#1f2a44", "face": CJK_FONT},
            "margin": 6, "borderWidth": 1, "shapeProperties": {"borderDashes": [4, 3]}, "pinned": False}


def edge_id(row: Mapping[str, Any]) -> str:
    """A stable id for an edge record.

    >>> edge_id({"source": "a", "type": "CITES", "target": "b"})
    'a|CITES|b'
    """
    return f"{row['source']}|{row.get('type')}|{row['target']}"


def vis_edge(row: Mapping[str, Any], lang: str) -> dict[str, Any]:
    edge_type = str(row.get("type") or "")
    colour = edge_colour_of(edge_type)
    shown = dict(row, role=role_name(str(row["role"]), lang)) if row.get("role") else row
    return {"id": edge_id(row), "from": str(row["source"]), "to": str(row["target"]), "type": edge_type,
            "title": edge_tooltip(shown, lang), "color": {"color": colour, "highlight": colour, "opacity": 0.8},
            "width": 1.4, "dashes": edge_type == "CROSS_REFERENCES", "arrows": {"to": {"enabled": True,
                                                                                      "scaleFactor": 0.45}}}


def more_edge(more_id: str, parent: str) -> dict[str, Any]:
    return {"id": f"{parent}|MORE|{more_id}", "from": parent, "to": more_id, "type": "",
            "color": {"color": "#b8c0cc", "opacity": 0.8}, "width": 1, "dashes": [3, 4], "arrows": {}}


def legend(node_types: Sequence[str], edge_types: Sequence[str], lang: str) -> dict[str, list[dict[str, str]]]:
    """Legend entries in the usual order: node types (glyph, colour, name) and edge types (colour, name)."""
    nodes = [{"type": n, "glyph": glyph_of(n), "colour": style_of(n)["colour"], "name": type_name(n, lang)}
             for n in _ordered(node_types, NODE_ORDER)]
    edges = [{"type": e, "colour": edge_colour_of(e), "name": edge_name(e, lang)} for e in _ordered(edge_types, EDGE_ORDER)]
    return {"nodes": nodes, "edges": edges}


def _ordered(present: Sequence[str], order: Sequence[str]) -> list[str]:
    have = set(present) - {""}
    return [x for x in order if x in have] + sorted(have - set(order))


def node_record(n: str, scene: Scene, *, rows: Mapping[str, Mapping[str, Any]], adj: Adjacency, lang: str,
                focus: bool, selected: bool, centrality: Mapping[str, float], evidence: Mapping[str, int],
                ) -> dict[str, Any]:
    """The vis record of node `n` of `scene` (a "+N more" node of it too), without its place."""
    if is_more(n):
        group = scene.more[n]
        return more_node(n, len(group.rest), group.type, lang, focus)
    record = vis_node(rows.get(n, {"id": n, "name": n}), lang=lang, focus=focus, selected=selected,
                      pinned=n in scene.pinned, score=centrality.get(n, 0.0), evidence=int(evidence.get(n, 0)))
    record["rels"] = [[kind, edge_name(kind, lang), count] for kind, count in relation_counts(n, scene, adj).items()]
    return record


def scene_payload(scene: Scene, *, rows: Mapping[str, Mapping[str, Any]], edges: Sequence[Mapping[str, Any]],
                  adj: Adjacency, lang: str, selected: str | None, centrality: Mapping[str, float],
                  evidence: Mapping[str, int], positions: Mapping[str, Sequence[float]] | None = None,
                  ) -> dict[str, Any]:
    """Nodes, edges and legend of `scene` for the graph component (`edges`: rows among its nodes)."""
    ring = focus_ring(scene, selected)
    types = {n: str(rows.get(n, {}).get("type") or "") for n in scene.nodes}
    start = first_layout(list(scene.nodes), scene.ring, scene.parent, types)
    saved = positions or {}
    nodes = []
    for n in scene.nodes:
        record = node_record(n, scene, rows=rows, adj=adj, lang=lang, focus=n in ring, selected=n == selected,
                             centrality=centrality, evidence=evidence)
        x, y = saved.get(n) or start[n]
        record.update(x=float(x), y=float(y), ring=scene.ring.get(n, 1), parent=scene.parent.get(n),
                      placed=n in saved)
        nodes.append(record)
    shown = set(scene.nodes)
    links = [vis_edge(e, lang) for e in edges if e["source"] in shown and e["target"] in shown]
    links += [more_edge(m, g.parent) for m, g in scene.more.items() if m in shown]
    present_edges = sorted({str(e.get("type")) for e in edges if e["source"] in shown and e["target"] in shown})
    return {"nodes": nodes, "edges": links, "legend": legend(sorted(set(types.values())), present_edges, lang)}
