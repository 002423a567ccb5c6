"""Exports of a policy graph: GraphML/GEXF for Gephi, CSV/XLSX tables, PNG/SVG pictures.

GraphML and GEXF hold scalar attributes only, so lists (``span``, ``issuers``,
``shared`` …) travel as JSON strings, and an attribute keeps one type across
all nodes (or edges): numbers stay numbers only when every value is one.
GEXF reserves an edge's ``type`` (directed/undirected), so the relation is
written as ``relation`` and as the edge's ``label``.

Pictures are laid out here (`layout`, `scene`) and drawn twice from the same
`Scene`: as SVG text and as a PNG through Pillow with a CJK font, so Chinese
labels come out the same in both and need no browser. A step with a focus
node is laid out as a radial tree around it; anything else by a seeded
spring layout, so the same graph always gives the same picture.

Nothing here calls Streamlit; every writer is whole-or-nothing (temp file, then rename).
"""

from __future__ import annotations

import io
import json
import math
import os
import shutil
import subprocess
import zipfile
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape
from xml.sax.saxutils import quoteattr

import networkx as nx

from graph.model import EdgeType, PolicyGraph
from render import files
from render.colours import NODE_ORDER, edge_colour_of, style_of
from render import spreadsheet
from render.spreadsheet import csv_bytes
from render.i18n import type_name
from render.tour import GraphIndex, Tour, TourStep, as_policy_graph, node_label, subgraph

FORMATS = ("html", "png", "svg", "graphml", "gexf", "csv", "xlsx")
CJK_FONT_FAMILY = ("'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
                   "'WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif")
# (path, face index) tried in order; index 2 of Noto's collection is Simplified Chinese.
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)
BOLD_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 2),
)
SPRING_LIMIT = 400  # above this many nodes the spring layout is too slow without scipy: use a grid
RELAX_LIMIT = 250  # label-overlap relaxation is quadratic: skip it above this many nodes
MIN_SIDE, MAX_SIDE = 200, 8000


class ExportError(ValueError):
    """An export cannot be made; `str(err)` is one line naming the file or format and the reason."""


# ============================================================================ tables


def _cell(value: Any) -> Any:
    """A value a table cell or a GraphML attribute can hold: lists and mappings as JSON text."""
    if value is None:
        return ""
    if isinstance(value, (list, tuple, dict, set)):
        if isinstance(value, set):
            value = sorted(value)
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (bool, int, float, str)):
        return value
    return str(value)


NODE_FIRST = ("id", "type", "name", "label", "name_en")
EDGE_FIRST = ("source", "target", "type", "doc_id", "role", "weight", "evidence", "span", "shared")


def node_rows(graph: PolicyGraph, lang: str = "zh") -> list[dict[str, Any]]:
    """One flat dict a node: its properties plus ``label`` (what a person reads)."""
    return [{**n.as_dict(), "label": node_label(n, lang)} for n in graph.nodes]


def edge_rows(graph: PolicyGraph) -> list[dict[str, Any]]:
    """One flat dict an edge: source, target and its properties."""
    return [{"source": e.source, "target": e.target, **e.as_dict()} for e in graph.edges]


def _columns(rows: Sequence[Mapping[str, Any]], first: Sequence[str]) -> list[str]:
    present: dict[str, None] = {}
    for row in rows:
        present.update(dict.fromkeys(row))
    return [c for c in first if c in present] + sorted(c for c in present if c not in first)


def tables(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> dict[str, tuple[list[str], list[list[Any]]]]:
    """``{"nodes": (columns, rows), "edges": (columns, rows)}`` with cells ready for CSV or Excel."""
    graph = as_policy_graph(graph)
    out = {}
    for name, rows, first in (("nodes", node_rows(graph, lang), NODE_FIRST), ("edges", edge_rows(graph), EDGE_FIRST)):
        columns = _columns(rows, first)
        out[name] = (columns, [[_cell(row.get(c)) for c in columns] for row in rows])
    return out


def csv_files(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> dict[str, bytes]:
    """``{"nodes.csv": …, "edges.csv": …}`` in UTF-8 with a byte-order mark, so Excel shows Chinese."""
    return {f"{name}.csv": csv_bytes(columns, rows) for name, (columns, rows) in tables(graph, lang).items()}


def csv_zip(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> bytes:
    """Both CSV tables in one zip, for a single download."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in csv_files(graph, lang).items():
            zf.writestr(name, content)
    return buf.getvalue()


def xlsx_bytes(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> bytes:
    """An Excel workbook with sheets ``nodes`` and ``edges``, header row frozen."""
    return spreadsheet.xlsx_bytes(tables(graph, lang))


def _uniform(values: list[Any]) -> Callable[[Any], Any]:
    """A converter giving every value of one attribute the same GraphML type."""
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return bool
    if kinds <= {int}:
        return int
    if kinds <= {int, float}:
        return float
    return lambda v: v if isinstance(v, str) else json.dumps(v, ensure_ascii=False) \
        if isinstance(v, (list, tuple, dict)) else str(v)


def scalar_graph(graph: PolicyGraph | nx.Graph, lang: str = "zh", gexf: bool = False) -> nx.MultiDiGraph:
    """A MultiDiGraph whose attributes are all scalars of one type each, with unique edge ids.

    Nodes carry ``label`` (for Gephi's labels); edges carry ``id``, ``label`` (the type) and,
    for GEXF, ``relation`` in place of ``type``.
    """
    graph = as_policy_graph(graph)
    nodes = [(n.id, {**{k: _cell(v) if isinstance(v, (list, tuple, dict, set)) else v
                        for k, v in n.as_dict().items() if v is not None and k != "id"},
                     "label": node_label(n, lang)}) for n in graph.nodes]
    edges = []
    for e in graph.edges:
        data = {k: v for k, v in e.as_dict().items() if v is not None}
        data = {k: _cell(v) if isinstance(v, (list, tuple, dict, set)) else v for k, v in data.items()}
        data["id"] = f"{e.source}|{e.type.value}|{e.target}"
        data["label"] = e.type.value
        if gexf:
            data["relation"] = data.pop("type")
        edges.append((e.source, e.target, e.type.value, data))
    for items in ([d for _, d in nodes], [d for *_, d in edges]):
        by_key: dict[str, list[Any]] = defaultdict(list)
        for d in items:
            for k, v in d.items():
                by_key[k].append(v)
        convert = {k: _uniform(vs) for k, vs in by_key.items()}
        for d in items:
            for k in d:
                d[k] = convert[k](d[k])
    g = nx.MultiDiGraph()
    g.add_nodes_from(nodes)
    for u, v, key, data in edges:
        g.add_edge(u, v, key=key, **data)
    return g


def graphml_bytes(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> bytes:
    """GraphML (UTF-8) that Gephi and `networkx.read_graphml` read back with the same counts."""
    buf = io.BytesIO()
    nx.write_graphml(scalar_graph(graph, lang), buf, encoding="utf-8", edge_id_from_attribute="id")
    return buf.getvalue()


def gexf_bytes(graph: PolicyGraph | nx.Graph, lang: str = "zh") -> bytes:
    """GEXF 1.2 (UTF-8) for Gephi."""
    buf = io.BytesIO()
    nx.write_gexf(scalar_graph(graph, lang, gexf=True), buf, encoding="utf-8")
    return buf.getvalue()


# ============================================================================ layout


def _adjacency(ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    adj: dict[str, list[str]] = {i: [] for i in ids}
    for u, v in edges:
        if u in adj and v in adj and u != v:
            if v not in adj[u]:
                adj[u].append(v)
            if u not in adj[v]:
                adj[v].append(u)
    return adj


def layout(ids: Sequence[str], edges: Iterable[tuple[str, str]], focus: str | None = None,
           order: Mapping[str, Any] | None = None, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]²: a radial tree around `focus` when given, else a seeded spring layout.

    `order` sorts siblings (e.g. by type then number) so pictures group alike nodes.

    >>> pos = layout(["a", "b", "c"], [("a", "b"), ("a", "c")], focus="a")
    >>> sorted(pos), all(-1 <= v <= 1 for p in pos.values() for v in p)
    (['a', 'b', 'c'], True)
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    adj = _adjacency(ids, edges)
    key = (lambda i: order.get(i, (9, i))) if order else (lambda i: i)
    for i in adj:
        adj[i].sort(key=key)
    if focus in adj:
        return _normalise(_radial(ids, adj, focus, key))
    if order and len(ids) <= 40 and len({order.get(i, (9,))[0] for i in ids}) == 1:
        # One kind of node (measures and their cross-references): a circle in reading order.
        ring = sorted(ids, key=key)
        return {i: (math.cos(-math.pi / 2 + 2 * math.pi * n / len(ring)),
                    math.sin(-math.pi / 2 + 2 * math.pi * n / len(ring))) for n, i in enumerate(ring)}
    if len(ids) <= SPRING_LIMIT:
        g = nx.Graph()
        g.add_nodes_from(sorted(ids, key=key))
        g.add_edges_from((u, v) for u in adj for v in adj[u])
        pos = nx.spring_layout(g, seed=seed, iterations=200)
        return _normalise({i: (float(p[0]), float(p[1])) for i, p in pos.items()})
    return _grid(sorted(ids, key=key))


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx, sy = (max(xs) - min(xs)) / 2 or 1.0, (max(ys) - min(ys)) / 2 or 1.0
    return {i: ((x - cx) / sx, (y - cy) / sy) for i, (x, y) in pos.items()}


def _grid(ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """A plain grid in the given order: linear time for graphs too big to lay out by force."""
    cols = max(1, math.ceil(math.sqrt(len(ids) * 16 / 9)))
    rows = max(1, math.ceil(len(ids) / cols))
    return {i: ((n % cols) / max(1, cols - 1) * 2 - 1, (n // cols) / max(1, rows - 1) * 2 - 1)
            for n, i in enumerate(ids)}


def _radial(ids: Sequence[str], adj: dict[str, list[str]], root: str,
            key: Callable[[str], Any]) -> dict[str, tuple[float, float]]:
    """A radial tree: breadth-first from `root`, each subtree given an angle in proportion to its leaves."""
    depth = {root: 0}
    children: dict[str, list[str]] = defaultdict(list)
    queue = deque([root])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if v not in depth:
                depth[v] = depth[u] + 1
                children[u].append(v)
                queue.append(v)
    stray = sorted((i for i in ids if i not in depth), key=key)
    max_depth = max(depth.values(), default=0)
    for i in stray:  # nodes not linked to the focus go on an outer ring
        depth[i] = max_depth + 1
        children[root].append(i)
    max_depth = max(depth.values())
    leaves: dict[str, int] = {}

    def count(u: str) -> int:
        leaves[u] = sum(count(c) for c in children[u]) or 1
        return leaves[u]

    # Group the focus's neighbours by what lies beyond them, so a node two hops out sits by all its links.
    beyond = {c: sorted((v for v in adj[c] if depth.get(v, 0) > 1), key=key) for c in children[root]}
    children[root].sort(key=lambda c: (0, key(beyond[c][0]), len(beyond[c])) if beyond[c] else (1, key(c)))
    count(root)
    angle: dict[str, float] = {root: 0.0}

    def spread(u: str, start: float, span: float) -> None:
        for c in children[u]:
            share = span * leaves[c] / leaves[u]
            angle[c] = start + share / 2
            spread(c, start, share)
            start += share

    spread(root, -math.pi / 2, 2 * math.pi)
    for i in sorted((i for i in depth if depth[i] >= 2), key=lambda i: depth[i]):
        inner = [angle[v] for v in adj[i] if depth.get(v) == depth[i] - 1]
        if len(inner) > 1:  # the circular mean of the angles of every inner neighbour
            angle[i] = math.atan2(sum(math.sin(a) for a in inner), sum(math.cos(a) for a in inner))
    rings: dict[int, list[str]] = defaultdict(list)
    for i, d in depth.items():
        rings[d].append(i)
    pos = {root: (0.0, 0.0)}
    for d, members in rings.items():
        if d == 0:
            continue
        members.sort(key=lambda i: angle[i])
        radius = (d / max_depth) ** 0.7  # inner rings hold more nodes than their share of the radius
        crowded = len(members) > 10  # stagger alternate nodes inward so neighbouring labels do not collide
        for n, i in enumerate(members):
            r = radius * (0.75 if crowded and n % 2 else 1.0)
            pos[i] = (r * math.cos(angle[i]), r * math.sin(angle[i]))
    return pos


# ============================================================================ scenes


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

    def label_boxes(self) -> dict[str, tuple[float, float, float, float]]:
        return {n.id: n.box for n in self.nodes}


@cache
def font_path(bold: bool = False) -> tuple[str, int]:
    """(file, face index) of a CJK font on this machine; ExportError when there is none."""
    for path, index in (BOLD_FONT_CANDIDATES if bold else ()) + FONT_CANDIDATES:
        if os.path.exists(path):
            return path, index
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True,
                                   timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and os.path.exists(found):
            return found, 0
    raise ExportError("no Chinese font found for pictures: install fonts-noto-cjk")


@lru_cache(maxsize=64)
def _font(size: int, bold: bool = False):
    from PIL import ImageFont

    path, index = font_path(bold)
    return ImageFont.truetype(path, size=max(6, int(size)), index=index)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of `text` at `size` in the CJK font."""
    try:
        return float(_font(round(size), bold).getlength(text))
    except ExportError:
        return sum(size if ord(c) > 0x2e80 else size * 0.55 for c in text)


def wrap(text: str, size: float, max_width: float, max_lines: int = 2) -> tuple[str, ...]:
    """`text` in at most `max_lines` lines of even width no wider than `max_width`; … ends a cut text.

    >>> wrap("平台企业", 20, 1000)
    ('平台企业',)
    """
    text = " ".join(str(text).split())
    total = text_width(text, size)
    if total <= max_width or not text:
        return (text,)
    lines_needed = min(max_lines, math.ceil(total / max_width))
    target = min(max_width, total / lines_needed + size * 0.5)  # even lines: no one-character orphan
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        limit = target if len(lines) < lines_needed - 1 else max_width
        cut = len(rest)
        while cut > 1 and text_width(rest[:cut], size) > limit:
            cut -= 1
        if cut < len(rest) and " " in rest[:cut] and not _is_cjk(rest[cut - 1]) and not _is_cjk(rest[cut]):
            cut = rest[:cut].rfind(" ") + 1 or cut  # break English at a space
        lines.append(rest[:cut].strip())
        rest = rest[cut:].lstrip()
    if rest:
        last = lines[-1]
        while last and text_width(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last + "…"
    return tuple(lines)


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2e80


def _type_order(idx: GraphIndex) -> dict[str, Any]:
    rank = {name: n for n, name in enumerate(NODE_ORDER)}
    return {i: (rank.get(n.label.value, 99), n.attrs.get("number") if isinstance(n.attrs.get("number"), int) else 0,
                n.name) for i, n in idx.nodes.items()}


def scene(graph: PolicyGraph | nx.Graph | GraphIndex, node_ids: Iterable[str] | None = None,
          edge_types: Iterable[str] = (), focus: str | None = None, *, width: int = 1600, height: int = 900,
          title: str = "", lang: str = "zh", theme: str = "light", scale: float = 1.0,
          legend: bool = True) -> Scene:
    """A laid-out picture of `node_ids` (all nodes when None) and the edges among them.

    Type is sized for a projector at 1600×900 (labels 24 px, title 44 px) and scales with the
    picture; `scale` enlarges it further.
    """
    if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE):
        raise ExportError(f"picture size {width}×{height} is out of range ({MIN_SIDE}–{MAX_SIDE} px a side)")
    if theme not in THEMES:
        raise ExportError(f"unknown theme {theme!r} (use {' or '.join(THEMES)})")
    idx = graph if isinstance(graph, GraphIndex) else GraphIndex(graph)
    ids = list(idx.nodes) if node_ids is None else list(node_ids)
    nodes, edges = subgraph(idx, ids, edge_types)
    th = THEMES[theme]
    s = min(width / 1600, height / 900) * scale
    density = step_density(len(nodes))
    many = len(nodes) > 60
    font = 24 * s * density
    title_size = 44 * s if title else 0
    legend_size = 20 * s if legend else 0
    margin = 24 * s
    top = margin + (title_size * 1.5 if title else 0)
    bottom = height - margin - (legend_size * 1.8 if legend else 0)
    max_label = (160 / 0.66 if many else 260) * s * density

    placed_lines = {n.id: wrap(node_label(n, lang), font, max_label, 1 if many else 2) for n in nodes}
    radius = {n.id: TYPE_RADIUS.get(n.label.value, 15) * s * max(density, 0.6) * (1.2 if n.id == focus else 1.0)
              for n in nodes}
    label_h = {i: len(lines) * font * 1.25 for i, lines in placed_lines.items()}
    label_w = {i: max(text_width(line, font) for line in lines) for i, lines in placed_lines.items()}
    unit = layout([n.id for n in nodes], [(e.source, e.target) for e in edges], focus if focus in radius else None,
                  _type_order(idx))
    # Leave room for the widest label at the sides and the label under the lowest node.
    pad_x = min(max(label_w.values(), default=0) / 2, (width - 2 * margin) / 4) + margin
    pad_bottom = max(label_h.values(), default=0) + 8 * s
    x0, x1 = pad_x, width - pad_x
    y0, y1 = top + max(radius.values(), default=0), bottom - pad_bottom
    if y1 <= y0:
        y1 = y0 + 1
    pos = {i: (x0 + (ux + 1) / 2 * (x1 - x0), y0 + (uy + 1) / 2 * (y1 - y0)) for i, (ux, uy) in unit.items()}
    if len(pos) <= RELAX_LIMIT:
        pos = _relax(pos, radius, label_w, label_h, (margin, top, width - margin, bottom), s)

    placed = []
    for n in nodes:
        x, y = pos[n.id]
        r = radius[n.id]
        w, h = label_w[n.id], label_h[n.id]
        style = style_of(n.label.value)
        placed.append(PlacedNode(n.id, n.label.value, placed_lines[n.id], x, y, r, style["colour"], style["shape"],
                                 n.id == focus, (x - w / 2, y + r + 4 * s, x + w / 2, y + r + 4 * s + h)))
    by_id = {p.id: p for p in placed}
    drawn = []
    show_roles = len(edges) <= 16
    for e in edges:
        a, b = by_id[e.source], by_id[e.target]
        dx, dy = b.x - a.x, b.y - a.y
        dist = math.hypot(dx, dy) or 1.0
        ux, uy = dx / dist, dy / dist
        weight = e.attrs.get("weight")
        width_px = (1.5 + min(float(weight), 4.0) if isinstance(weight, (int, float)) else 2.2) * s
        label = str(e.attrs.get("role") or "") if show_roles and e.type == EdgeType.INVOLVES else ""
        drawn.append(PlacedEdge(e.source, e.target, e.type.value, a.x + ux * a.r, a.y + uy * a.r,
                                b.x - ux * (b.r + 2 * s), b.y - uy * (b.r + 2 * s), edge_colour_of(e.type.value),
                                width_px, e.type == EdgeType.CROSS_REFERENCES,
                                e.type != EdgeType.CROSS_REFERENCES, label))
    types = [t_ for t_ in NODE_ORDER if any(n.label.value == t_ for n in nodes)]
    legend_items = tuple((style_of(t_)["shape"], style_of(t_)["colour"], type_name(t_, lang)) for t_ in types) \
        if legend else ()
    return Scene(width, height, th, font, title, title_size, tuple(placed), tuple(drawn), legend_items, legend_size)


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
    gap = 6 * s

    def box(i: str) -> tuple[float, float, float, float]:
        x, y = xy[i]
        half = max(radius[i], label_w[i] / 2) + gap / 2
        return x - half, y - radius[i] - gap / 2, x + half, y + radius[i] + 4 * s + label_h[i] + gap / 2

    bx0, by0, bx1, by1 = bounds
    for _ in range(rounds):
        moved = False
        boxes = {i: box(i) for i in ids}
        order = sorted(ids, key=lambda i: boxes[i][0])
        for n, i in enumerate(order):
            a = boxes[i]
            for j in order[n + 1:]:
                b = boxes[j]
                if b[0] >= a[2]:
                    break
                ox = min(a[2], b[2]) - max(a[0], b[0])
                oy = min(a[3], b[3]) - max(a[1], b[1])
                if ox <= 0 or oy <= 0:
                    continue
                moved = True
                if ox < oy * 1.6:  # labels are wide: sideways moves are cheaper
                    push = ox / 2 + 0.5
                    sign = -1 if xy[i][0] < xy[j][0] or (xy[i][0] == xy[j][0] and i < j) else 1
                    xy[i][0] += sign * push
                    xy[j][0] -= sign * push
                else:
                    push = oy / 2 + 0.5
                    sign = -1 if xy[i][1] < xy[j][1] or (xy[i][1] == xy[j][1] and i < j) else 1
                    xy[i][1] += sign * push
                    xy[j][1] -= sign * push
                boxes[i], boxes[j] = box(i), box(j)
                a = boxes[i]
        for i in ids:  # keep every box inside the picture
            half = max(radius[i], label_w[i] / 2)
            xy[i][0] = min(max(xy[i][0], bx0 + half), bx1 - half)
            xy[i][1] = min(max(xy[i][1], by0 + radius[i]), by1 - radius[i] - 4 * s - label_h[i])
        if not moved:
            break
    return {i: (xy[i][0], xy[i][1]) for i in ids}


def step_scene(graph: PolicyGraph | nx.Graph | GraphIndex, step: TourStep, **kwargs: Any) -> Scene:
    """The picture of one tour step (its title on top unless `title` is given)."""
    kwargs.setdefault("title", step.title)
    return scene(graph, step.node_ids, step.edge_types, step.focus, **kwargs)


# ============================================================================ drawing


def _shape_points(shape: str, x: float, y: float, r: float) -> list[tuple[float, float]] | None:
    """Polygon corners for a vis-network shape; None for round shapes."""
    if shape == "square":
        q = r * 0.9
        return [(x - q, y - q), (x + q, y - q), (x + q, y + q), (x - q, y + q)]
    if shape == "diamond":
        return [(x, y - r * 1.15), (x + r * 1.15, y), (x, y + r * 1.15), (x - r * 1.15, y)]
    if shape in ("triangle", "triangleDown"):
        sign = 1 if shape == "triangle" else -1
        return [(x, y - sign * r * 1.2), (x + r * 1.1, y + sign * r * 0.75), (x - r * 1.1, y + sign * r * 0.75)]
    if shape == "hexagon":
        return [(x + r * math.cos(math.pi / 3 * k), y + r * math.sin(math.pi / 3 * k)) for k in range(6)]
    if shape == "star":
        pts = []
        for k in range(10):
            rr = r * (1.25 if k % 2 == 0 else 0.55)
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((x + rr * math.cos(a), y + rr * math.sin(a)))
        return pts
    return None


def _arrow(e: PlacedEdge, size: float) -> list[tuple[float, float]]:
    dx, dy = e.x2 - e.x1, e.y2 - e.y1
    d = math.hypot(dx, dy) or 1.0
    ux, uy = dx / d, dy / d
    bx, by = e.x2 - ux * size, e.y2 - uy * size
    return [(e.x2, e.y2), (bx - uy * size * 0.5, by + ux * size * 0.5), (bx + uy * size * 0.5, by - ux * size * 0.5)]


def _legend_layout(sc: Scene) -> list[tuple[float, float, str, str, str]]:
    """(x, baseline y, shape, colour, name) per legend entry, left to right along the bottom."""
    out = []
    size = sc.legend_size
    x = 24 * sc.width / 1600
    y = sc.height - size * 0.8
    for shape, colour, name in sc.legend:
        out.append((x, y, shape, colour, name))
        x += size * 1.6 + text_width(name, size) + size * 1.2
    return out


def svg_text(sc: Scene) -> str:
    """The scene as a standalone SVG document (UTF-8 text, Chinese labels as text)."""
    th = sc.theme
    out = [(f'<svg xmlns="http://www.w3.org/2000/svg" width="{sc.width}" height="{sc.height}" '
            f'viewBox="0 0 {sc.width} {sc.height}" font-family="{xml_escape(CJK_FONT_FAMILY)}">'),
           f'<rect width="100%" height="100%" fill="{th.background}"/>']
    if sc.title:
        out.append(f'<text x="{sc.width / 2:.1f}" y="{24 * sc.width / 1600 + sc.title_size:.1f}" '
                   f'font-size="{sc.title_size:.1f}" font-weight="bold" text-anchor="middle" '
                   f'fill="{th.text}">{xml_escape(sc.title)}</text>')
    for e in sc.edges:
        dash = f' stroke-dasharray="{8 * e.width / 2:.1f},{6 * e.width / 2:.1f}"' if e.dashed else ""
        out.append(f'<line x1="{e.x1:.1f}" y1="{e.y1:.1f}" x2="{e.x2:.1f}" y2="{e.y2:.1f}" stroke="{e.colour}" '
                   f'stroke-width="{e.width:.1f}" stroke-opacity="0.85"{dash}/>')
        if e.arrow:
            pts = " ".join(f"{px:.1f},{py:.1f}" for px, py in _arrow(e, e.width * 5))
            out.append(f'<polygon points="{pts}" fill="{e.colour}"/>')
        if e.label:
            out.append(_svg_label((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2 + sc.font_size * 0.3, e.label,
                                  sc.font_size * 0.75, th.muted, th.halo))
    for n in sc.nodes:
        stroke = th.border
        sw = (4 if n.focus else 1.5) * sc.width / 1600
        pts = _shape_points(n.shape, n.x, n.y, n.r)
        if pts:
            out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{n.colour}" '
                       f'stroke="{stroke}" stroke-width="{sw:.1f}"/>')
        else:
            out.append(f'<circle cx="{n.x:.1f}" cy="{n.y:.1f}" r="{n.r:.1f}" fill="{n.colour}" stroke="{stroke}" '
                       f'stroke-width="{sw:.1f}"/>')
        for k, line in enumerate(n.lines):
            out.append(_svg_label(n.x, n.box[1] + sc.font_size * (0.95 + 1.25 * k), line, sc.font_size, th.text,
                                  th.halo, bold=n.focus))
    for x, y, shape, colour, name in _legend_layout(sc):
        size = sc.legend_size
        pts = _shape_points(shape, x + size / 2, y - size * 0.35, size * 0.42)
        if pts:
            out.append(f'<polygon points="{" ".join(f"{px:.1f},{py:.1f}" for px, py in pts)}" fill="{colour}"/>')
        else:
            out.append(f'<circle cx="{x + size / 2:.1f}" cy="{y - size * 0.35:.1f}" r="{size * 0.42:.1f}" '
                       f'fill="{colour}"/>')
        out.append(f'<text x="{x + size * 1.3:.1f}" y="{y:.1f}" font-size="{size:.1f}" fill="{th.muted}">'
                   f'{xml_escape(name)}</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _svg_label(x: float, y: float, text: str, size: float, fill: str, halo: str, bold: bool = False) -> str:
    weight = ' font-weight="bold"' if bold else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size:.1f}" text-anchor="middle" fill="{fill}" '
            f'stroke={quoteattr(halo)} stroke-width="{size / 6:.1f}" paint-order="stroke" '
            f'stroke-linejoin="round"{weight}>{xml_escape(text)}</text>')


def png_bytes(sc: Scene, supersample: int = 2) -> bytes:
    """The scene as a PNG of exactly `sc.width` × `sc.height` pixels (drawn large, then scaled down smoothly)."""
    from PIL import Image, ImageDraw

    k = max(1, supersample)
    img = Image.new("RGB", (sc.width * k, sc.height * k), sc.theme.background)
    draw = ImageDraw.Draw(img)
    th = sc.theme

    def text(x: float, y: float, s: str, size: float, fill: str, bold: bool = False, anchor: str = "ms") -> None:
        draw.text((x * k, y * k), s, font=_font(round(size * k), bold), fill=fill, anchor=anchor,
                  stroke_width=max(1, round(size * k / 7)), stroke_fill=th.halo)

    if sc.title:
        text(sc.width / 2, 24 * sc.width / 1600 + sc.title_size, sc.title, sc.title_size, th.text, bold=True)
    for e in sc.edges:
        a, b = (e.x1 * k, e.y1 * k), (e.x2 * k, e.y2 * k)
        w = max(1, round(e.width * k))
        if e.dashed:
            _dashed(draw, a, b, e.colour, w, 8 * e.width / 2 * k, 6 * e.width / 2 * k)
        else:
            draw.line([a, b], fill=e.colour, width=w)
        if e.arrow:
            draw.polygon([(px * k, py * k) for px, py in _arrow(e, e.width * 5)], fill=e.colour)
        if e.label:
            text((e.x1 + e.x2) / 2, (e.y1 + e.y2) / 2 + sc.font_size * 0.3, e.label, sc.font_size * 0.75, th.muted)
    for n in sc.nodes:
        sw = max(1, round((4 if n.focus else 1.5) * sc.width / 1600 * k))
        pts = _shape_points(n.shape, n.x, n.y, n.r)
        if pts:
            draw.polygon([(px * k, py * k) for px, py in pts], fill=n.colour, outline=th.border, width=sw)
        else:
            draw.ellipse([(n.x - n.r) * k, (n.y - n.r) * k, (n.x + n.r) * k, (n.y + n.r) * k], fill=n.colour,
                         outline=th.border, width=sw)
        for j, line in enumerate(n.lines):
            text(n.x, n.box[1] + sc.font_size * (0.95 + 1.25 * j), line, sc.font_size, th.text, bold=n.focus)
    for x, y, shape, colour, name in _legend_layout(sc):
        size = sc.legend_size
        pts = _shape_points(shape, x + size / 2, y - size * 0.35, size * 0.42)
        if pts:
            draw.polygon([(px * k, py * k) for px, py in pts], fill=colour)
        else:
            cx, cy, r = x + size / 2, y - size * 0.35, size * 0.42
            draw.ellipse([(cx - r) * k, (cy - r) * k, (cx + r) * k, (cy + r) * k], fill=colour)
        text(x + size * 1.3, y, name, size, th.muted, anchor="ls")
    if k > 1:
        img = img.resize((sc.width, sc.height), Image.LANCZOS)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=False)
    return buf.getvalue()


def _dashed(draw: Any, a: tuple[float, float], b: tuple[float, float], fill: str, width: int, dash: float,
            gap: float) -> None:
    dx, dy = b[0] - a[0], b[1] - a[1]
    d = math.hypot(dx, dy)
    if d == 0:
        return
    ux, uy = dx / d, dy / d
    pos = 0.0
    while pos < d:
        end = min(d, pos + dash)
        draw.line([(a[0] + ux * pos, a[1] + uy * pos), (a[0] + ux * end, a[1] + uy * end)], fill=fill, width=width)
        pos = end + gap


# ============================================================================ files


def write_atomic(path: str | Path, content: bytes | str) -> Path:
    """Write `content` to `path` whole or not at all; ExportError naming the file otherwise."""
    try:
        return files.write_atomic(path, content)
    except OSError as err:
        raise ExportError(f"{path}: cannot write ({err.strerror or err})") from None


def picture_target(graph: PolicyGraph | GraphIndex, tour: Tour | None = None, step: str | None = None,
                   node_ids: Iterable[str] | None = None) -> tuple[list[str] | None, tuple[str, ...], str | None, str]:
    """(node ids, edge types, focus, title) for a picture: a tour step, given nodes, or the whole graph."""
    if step is not None:
        if tour is None:
            raise ExportError(f"step {step!r} needs a tour")
        try:
            chosen = tour.step(step)
        except KeyError:
            known = ", ".join(s.id for s in tour.steps)
            raise ExportError(f"no step {step!r} in the tour (steps: {known})") from None
        return list(chosen.node_ids), chosen.edge_types, chosen.focus, chosen.title
    return (list(node_ids) if node_ids is not None else None), (), None, tour.title if tour else ""


def export_bytes(graph: PolicyGraph | nx.Graph, fmt: str, *, tour: Tour | None = None, step: str | None = None,
                 node_ids: Iterable[str] | None = None, lang: str = "zh", width: int = 1600, height: int = 900,
                 theme: str = "light") -> dict[str, bytes]:
    """File name suffix -> content for `fmt` (csv gives two files, everything else one)."""
    graph = as_policy_graph(graph)
    if fmt == "graphml":
        return {".graphml": graphml_bytes(graph, lang)}
    if fmt == "gexf":
        return {".gexf": gexf_bytes(graph, lang)}
    if fmt == "csv":
        return {f".{name}": content for name, content in csv_files(graph, lang).items()}
    if fmt == "xlsx":
        return {".xlsx": xlsx_bytes(graph, lang)}
    if fmt == "html":
        from render.standalone import standalone_html

        return {".html": standalone_html(graph, tour=tour, lang=lang).encode("utf-8")}
    if fmt in ("png", "svg"):
        idx = GraphIndex(graph)
        ids, kinds, focus, title = picture_target(idx, tour, step, node_ids)
        sc = scene(idx, ids, kinds, focus, width=width, height=height, title=title, lang=lang, theme=theme)
        return {".png": png_bytes(sc)} if fmt == "png" else {".svg": svg_text(sc).encode("utf-8")}
    raise ExportError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")


def csv_paths(out: str | Path) -> dict[str, Path]:
    """Where the two CSV tables go: ``DIR/nodes.csv`` for a folder, else ``STEM.nodes.csv`` beside `out`."""
    out = Path(out)
    if out.is_dir() or str(out).endswith(("/", os.sep)) or not out.suffix:
        return {".nodes.csv": out / "nodes.csv", ".edges.csv": out / "edges.csv"}
    stem = out.with_suffix("")
    return {".nodes.csv": stem.with_name(stem.name + ".nodes.csv"), ".edges.csv": stem.with_name(stem.name + ".edges.csv")}


def write_export(graph: PolicyGraph | nx.Graph, fmt: str, out: str | Path, **kwargs: Any) -> list[Path]:
    """Write the export to `out` (CSV: two files, see `csv_paths`); the paths written."""
    files = export_bytes(graph, fmt, **kwargs)
    if fmt == "csv":
        targets = csv_paths(out)
        return [write_atomic(targets[suffix], content) for suffix, content in files.items()]
    return [write_atomic(out, content) for content in files.values()]


__all__ = [
    "FORMATS",
    "THEMES",
    "ExportError",
    "PlacedEdge",
    "PlacedNode",
    "Scene",
    "csv_files",
    "csv_paths",
    "csv_zip",
    "edge_rows",
    "export_bytes",
    "font_path",
    "gexf_bytes",
    "graphml_bytes",
    "layout",
    "node_rows",
    "png_bytes",
    "scalar_graph",
    "scene",
    "step_scene",
    "svg_text",
    "tables",
    "text_width",
    "wrap",
    "write_atomic",
    "write_export",
    "xlsx_bytes",
]
