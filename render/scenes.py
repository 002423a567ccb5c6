"""A picture laid out in pixels (`Scene`), drawn by `render.picture` as SVG and as PNG alike.

A step with a focus node is laid out as a radial tree around it; anything else by
a seeded spring layout, so the same graph always gives the same picture.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from graph.model import Edge, EdgeType, Node
from render.colours import NODE_ORDER, edge_colour_of, style_of
from render.errors import ExportError
from render.fonts import text_width, wrap
from render.i18n import role_name, type_name
from render.layout import layout, normalised
from graph.index import GraphIndex
from render.tour import TourStep, node_label, subgraph

RELAX_LIMIT = 250  # label-overlap relaxation is quadratic: skip it above this many nodes
MIN_SIDE, MAX_SIDE = 200, 8000



@dataclass(frozen=True)
class Theme:
    background: str
    text: str
    halo: str
    border: str
    muted: str


THEMES = {
    "light": Theme("#ffffff", "#111827", "#ffffff", "#1f2a44", "#4b5563"),
    "dark": Theme("#000000", "#ffffff", "#000000", "#ffffff", "#d1d5db"),
}

TYPE_RADIUS = {"Policy": 34, "TargetSystem": 28, "Part": 22, "Section": 20, "Measure": 18, "Actor": 18, "Law": 18,
               "Mechanism": 15, "Programme": 15, "Concept": 13, "Item": 15}


@dataclass(frozen=True)
class PlacedNode:
    id: str
    type: str
    lines: tuple[str, ...]
    x: float
    y: float
    r: float
    colour: str
    shape: str
    focus: bool
    box: tuple[float, float, float, float]  # the label: x0, y0, x1, y1


@dataclass(frozen=True)
class PlacedEdge:
    source: str
    target: str
    type: str
    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float
    dashed: bool
    arrow: bool
    label: str = ""


@dataclass(frozen=True)
class Scene:
    """Everything a picture needs, in pixels; drawn by `svg_text` and `png_bytes` alike."""

    width: int
    height: int
    theme: Theme
    font_size: float
    title: str
    title_size: float
    nodes: tuple[PlacedNode, ...]
    edges: tuple[PlacedEdge, ...]
    legend: tuple[tuple[str, str, str], ...]  # (shape, colour, name)
    legend_size: float



def _type_order(idx: GraphIndex) -> dict[str, Any]:
    rank = {name: n for n, name in enumerate(NODE_ORDER)}
    return {i: (rank.get(n.label.value, 99), n.attrs.get("number") if isinstance(n.attrs.get("number"), int) else 0,
                n.name) for i, n in idx.nodes.items()}


def scene(idx: GraphIndex, node_ids: Iterable[str] | None = None,
          edge_types: Iterable[str] = (), focus: str | None = None, *, width: int = 1600, height: int = 900,
          title: str = "", lang: str = "zh", theme: str = "light", scale: float = 1.0,
          legend: bool = True, relax_rounds: int = 120,
          arranged: Mapping[str, Sequence[float]] | None = None) -> Scene:
    """A laid-out picture of `node_ids` (all nodes when None) and the edges among them.

    `arranged` (node id -> x, y in any coordinates, e.g. where the browser shows them) keeps that
    arrangement when it places every node; otherwise the nodes are laid out here.

    Type is sized for a projector at 1600×900 (labels 24 px, title 44 px) and scales with the
    picture; `scale` enlarges it further. `relax_rounds` bounds the nudging of overlapping labels
    (a caller that spreads the layout afterwards needs fewer).
    """
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ExportError(f"picture size {width}×{height} is out of range ({MIN_SIDE}–{MAX_SIDE} px a side)")
    if theme not in THEMES:
        raise ExportError(f"unknown theme {theme!r} (use {' or '.join(THEMES)})")
    nodes, edges = subgraph(idx, list(idx.nodes) if node_ids is None else list(node_ids), edge_types)
    frame = _frame(width, height, len(nodes), scale, bool(title), legend)
    labels = _labels(nodes, frame, focus, lang)
    pos = _positions(idx, nodes, edges, focus, frame, labels, relax_rounds, arranged)
    placed = _placed_nodes(nodes, pos, frame, labels, focus)
    drawn = _placed_edges(edges, {p.id: p for p in placed}, frame.s, lang)
    types = [t_ for t_ in NODE_ORDER if any(n.label.value == t_ for n in nodes)]
    legend_items = tuple((style_of(t_)["shape"], style_of(t_)["colour"], type_name(t_, lang)) for t_ in types) \
        if legend else ()
    return Scene(width, height, THEMES[theme], frame.font, title, frame.title_size, tuple(placed), tuple(drawn),
                 legend_items, frame.legend_size)


@dataclass(frozen=True)
class _Frame:
    """The picture's type sizes and the band between title and legend where nodes go, in pixels."""

    width: int
    height: int
    s: float  # scale against 1600×900
    density: float
    many: bool  # over 60 nodes: one-line labels
    font: float
    title_size: float
    legend_size: float
    margin: float
    top: float
    bottom: float
    max_label: float


def _frame(width: int, height: int, count: int, scale: float, title: bool, legend: bool) -> _Frame:
    s = min(width / 1600, height / 900) * scale
    density = step_density(count)
    many = count > 60
    title_size = 44 * s if title else 0
    legend_size = 20 * s if legend else 0
    margin = 24 * s
    return _Frame(width, height, s, density, many, 24 * s * density, title_size, legend_size, margin,
                  margin + (title_size * 1.5 if title else 0),
                  height - margin - (legend_size * 1.8 if legend else 0),
                  (160 / 0.66 if many else 260) * s * density)


@dataclass(frozen=True)
class _Labels:
    lines: dict[str, tuple[str, ...]]
    radius: dict[str, float]
    width: dict[str, float]
    height: dict[str, float]


def _labels(nodes: list[Node], frame: _Frame, focus: str | None, lang: str) -> _Labels:
    """Each node's wrapped label, its radius and the size of its label box."""
    font = frame.font
    lines = {n.id: wrap(node_label(n, lang), font, frame.max_label, 1 if frame.many else 2) for n in nodes}
    radius = {n.id: TYPE_RADIUS.get(n.label.value, 15) * frame.s * max(frame.density, 0.6)
              * (1.2 if n.id == focus else 1.0) for n in nodes}
    return _Labels(lines, radius, {i: max(text_width(line, font) for line in ls) for i, ls in lines.items()},
                   {i: len(ls) * font * 1.25 for i, ls in lines.items()})


def _positions(idx: GraphIndex, nodes: list[Node], edges: list[Edge], focus: str | None, frame: _Frame,
               labels: _Labels, relax_rounds: int = 120,
               arranged: Mapping[str, Sequence[float]] | None = None) -> dict[str, tuple[float, float]]:
    """Pixel positions: the layout (or the given arrangement) stretched over the band, then nudged apart
    so labels do not overlap."""
    if arranged and all(n.id in arranged for n in nodes):
        unit = normalised({n.id: arranged[n.id] for n in nodes})
    else:
        unit = layout([n.id for n in nodes], [(e.source, e.target) for e in edges],
                      focus if focus in labels.radius else None, _type_order(idx))
    margin, s = frame.margin, frame.s
    # Leave room for the widest label at the sides and the label under the lowest node.
    pad_x = min(max(labels.width.values(), default=0) / 2, (frame.width - 2 * margin) / 4) + margin
    pad_bottom = max(labels.height.values(), default=0) + 8 * s
    x0, x1 = pad_x, frame.width - pad_x
    y0, y1 = frame.top + max(labels.radius.values(), default=0), frame.bottom - pad_bottom
    if y1 <= y0:
        y1 = y0 + 1
    pos = {i: (x0 + (ux + 1) / 2 * (x1 - x0), y0 + (uy + 1) / 2 * (y1 - y0)) for i, (ux, uy) in unit.items()}
    if len(pos) > RELAX_LIMIT:
        return pos
    return _relax(pos, labels.radius, labels.width, labels.height,
                  (margin, frame.top, frame.width - margin, frame.bottom), s, relax_rounds)


def _placed_nodes(nodes: list[Node], pos: dict[str, tuple[float, float]], frame: _Frame, labels: _Labels,
                  focus: str | None) -> list[PlacedNode]:
    placed = []
    gap = 4 * frame.s
    for n in nodes:
        x, y = pos[n.id]
        r, w, h = labels.radius[n.id], labels.width[n.id], labels.height[n.id]
        style = style_of(n.label.value)
        placed.append(PlacedNode(n.id, n.label.value, labels.lines[n.id], x, y, r, style["colour"], style["shape"],
                                 n.id == focus, (x - w / 2, y + r + gap, x + w / 2, y + r + gap + h)))
    return placed


def _placed_edges(edges: list[Edge], by_id: dict[str, PlacedNode], s: float,
                  lang: str) -> list[PlacedEdge]:
    """Each edge from rim to rim (arrowhead clear of the target), its width by weight; the roles of
    actor edges written on them, in `lang`, when there are few edges."""
    drawn = []
    show_roles = len(edges) <= 16
    for e in edges:
        a, b = by_id[e.source], by_id[e.target]
        dist = math.hypot(b.x - a.x, b.y - a.y) or 1.0
        ux, uy = (b.x - a.x) / dist, (b.y - a.y) / dist
        weight = e.attrs.get("weight")
        width_px = (1.5 + min(float(weight), 4.0) if isinstance(weight, (int, float)) else 2.2) * s
        role = str(e.attrs.get("role") or "")
        label = role_name(role, lang) if show_roles and e.type == EdgeType.INVOLVES else ""
        drawn.append(PlacedEdge(e.source, e.target, e.type.value, a.x + ux * a.r, a.y + uy * a.r,
                                b.x - ux * (b.r + 2 * s), b.y - uy * (b.r + 2 * s), edge_colour_of(e.type.value),
                                width_px, e.type == EdgeType.CROSS_REFERENCES,
                                e.type != EdgeType.CROSS_REFERENCES, label))
    return drawn


def step_density(count: int) -> float:
    """How much type and nodes shrink for `count` nodes: 1 up to 15 nodes, down to 0.66 from 35 on.

    >>> step_density(10), step_density(200)
    (1.0, 0.66)
    """
    return round(min(1.0, max(0.66, math.sqrt(15 / max(count, 1)))), 3)


def _relax(pos: dict[str, tuple[float, float]], radius: Mapping[str, float], label_w: Mapping[str, float],
           label_h: Mapping[str, float], bounds: tuple[float, float, float, float], s: float,
           rounds: int = 120) -> dict[str, tuple[float, float]]:
    """Nudge nodes apart until no node-and-label box overlaps another (or `rounds` run out)."""
    ids = list(pos)
    xy = {i: list(pos[i]) for i in ids}
    box = _box_maker(xy, radius, label_w, label_h, s)
    bx0, by0, bx1, by1 = bounds
    for _ in range(rounds):
        boxes = {i: box(i) for i in ids}
        moved = _separate(sorted(ids, key=lambda i: boxes[i][0]), boxes, xy, box)
        for i in ids:  # keep every box inside the picture
            half = max(radius[i], label_w[i] / 2)
            xy[i][0] = min(max(xy[i][0], bx0 + half), bx1 - half)
            xy[i][1] = min(max(xy[i][1], by0 + radius[i]), by1 - radius[i] - 4 * s - label_h[i])
        if not moved:
            break
    return {i: (xy[i][0], xy[i][1]) for i in ids}


def _box_maker(xy: dict[str, list[float]], radius: Mapping[str, float], label_w: Mapping[str, float],
               label_h: Mapping[str, float], s: float):
    """The function giving a node's box (node and label, with a gap) where `xy` has it now."""
    gap = 6 * s
    # Each node's extents, computed once: the same sums in the same order as before, so the same floats.
    extents = {i: (max(radius[i], label_w[i] / 2) + gap / 2, radius[i], label_h[i]) for i in xy}
    g2, s4 = gap / 2, 4 * s

    def box(i: str) -> tuple[float, float, float, float]:
        x, y = xy[i]
        half, r, h = extents[i]
        return x - half, y - r - g2, x + half, y + r + s4 + h + g2
    return box


def _separate(order: list[str], boxes: dict[str, tuple[float, float, float, float]],
              xy: dict[str, list[float]], box) -> bool:
    """One sweep along x pushing overlapping boxes apart (the wider way round the cheaper); True when
    any moved. Written with comparisons rather than min and max: this loop is most of a picture's time."""
    moved = False
    for n, i in enumerate(order):
        a0, a1, a2, a3 = boxes[i]
        for j in order[n + 1:]:
            b0, b1, b2, b3 = boxes[j]
            if b0 >= a2:
                break
            # min(p, q) is q only when q < p, max(p, q) q only when q > p: the same values as min and max.
            ox = (b2 if b2 < a2 else a2) - (b0 if b0 > a0 else a0)
            oy = (b3 if b3 < a3 else a3) - (b1 if b1 > a1 else a1)
            if ox <= 0 or oy <= 0:
                continue
            moved = True
            xi, xj = xy[i], xy[j]
            k = 0 if ox < oy * 1.6 else 1  # labels are wide: sideways moves are cheaper
            push = (ox if k == 0 else oy) / 2 + 0.5
            sign = -1 if xi[k] < xj[k] or (xi[k] == xj[k] and i < j) else 1
            xi[k] += sign * push
            xj[k] -= sign * push
            boxes[i], boxes[j] = box(i), box(j)
            a0, a1, a2, a3 = boxes[i]
    return moved


def step_scene(idx: GraphIndex, step: TourStep, **kwargs: Any) -> Scene:
    """The picture of one tour step (its title on top unless `title` is given)."""
    kwargs.setdefault("title", step.title)
    return scene(idx, step.node_ids, step.edge_types, step.focus, **kwargs)
