"""One HTML file for a workshop: the graph, legend, search box and tour, with nothing to fetch.

The file opens from a USB stick in any modern browser with no network: the
vis-network script (from the installed pyvis package) and every style are
inlined, and the data travels as JSON inside the page. Positions are computed
here, with the same layout as the PNG/SVG pictures, so nothing settles or
jiggles on a projector and the page draws at once.

For presenting: large type, two high-contrast themes (T switches), and the
keyboard (→ / PageDown / Space next, ← / PageUp previous, Home / End, O the
whole graph, / search, F full screen, + / − type size). Presentation clickers send
PageDown / PageUp, so they work too. ``#step-N`` in the address opens step N.

>>> from graph.index import GraphIndex
>>> from graph.model import PolicyGraph
>>> "<script src=" in standalone_html(GraphIndex(PolicyGraph()))
False
"""

from __future__ import annotations

import html as html_lib
import re
from functools import cache
from importlib import resources
from collections.abc import Iterable
from typing import Any

from graph.model import EdgeType
from render.colours import NODE_ORDER, edge_colour_of, glyph_of, style_of
from render.fonts import wrap
from render.scenes import TYPE_RADIUS, scene, step_density
from render.i18n import edge_name, role_name, t, type_name
from render.label_boxes import LABEL_OFFSET, label_box, spread_until_clear
from render.pyvis_html import CJK_FONT, script_json, vis_script
from graph.index import GraphIndex
from render.tour import Tour, TourError, default_tour, node_label, subgraph

# Steps are laid out for a graph pane of about 1100×820 with type enlarged 1.75×, so that
# on a 1600×900 (or larger) screen node labels come out at 26 px or more.
STEP_W, STEP_H, STEP_SCALE = 1100, 820, 1.75
STEP_S = min(STEP_W / 1600, STEP_H / 900) * STEP_SCALE
FONT_SIZE = 24 * STEP_S  # what `render.scenes.scene` uses for these settings
LABEL_WIDTH = 260 * STEP_S
MAX_OVERVIEW_NODES = 3000  # past this, `scope="auto"` keeps the whole-graph view to the toured document
OVERVIEW_FONT, OVERVIEW_LABEL = 16, 160  # the whole graph: `scene` in its compact form at 1600×900 (k = 0.66)
EVIDENCE_CHARS = 400
STEP_RELAX_ROUNDS = 30
TEXT_CHARS = 600
PAGE_STRINGS = ("prev", "next", "overview", "search", "legend", "evidence", "theme", "keys", "no_match",
                "nodes_in_view")  # the `workshop.html.*` strings the page script shows


def _node_payload(idx: GraphIndex, lang: str, positions: dict[str, tuple[float, float]],
                  only: set[str] | None = None) -> list[dict[str, Any]]:
    out = []
    for node_id, n in idx.nodes.items():
        if only is not None and node_id not in only:
            continue
        style = style_of(n.label.value)
        label = node_label(n, lang)
        row: dict[str, Any] = {
            "id": node_id, "label": "\n".join(wrap(label, FONT_SIZE, LABEL_WIDTH)),
            "short": wrap(label, OVERVIEW_FONT, OVERVIEW_LABEL, 1)[0], "full": label, "type": n.label.value,
            "name": n.name, "colour": style["colour"], "shape": style["shape"],
            "size": TYPE_RADIUS.get(n.label.value, 15),
        }
        if n.attrs.get("name_en"):
            row["en"] = str(n.attrs["name_en"])
        if n.attrs.get("text"):
            body = str(n.attrs["text"])
            row["text"] = body if len(body) <= TEXT_CHARS else body[:TEXT_CHARS - 1] + "…"
        if node_id in positions:
            row["x"], row["y"] = round(positions[node_id][0], 1), round(positions[node_id][1], 1)
        out.append(row)
    return out


def _edge_payload(idx: GraphIndex, lang: str, only: set[int] | None = None) -> list[dict[str, Any]]:
    out = []
    for n, e in enumerate(idx.graph.edges):
        if only is not None and n not in only:
            continue
        row: dict[str, Any] = {"id": n, "from": e.source, "to": e.target, "type": e.type.value,
                               "typeName": edge_name(e.type.value, lang),
                               "colour": edge_colour_of(e.type.value)}
        if e.attrs.get("role"):
            row["role"] = role_name(str(e.attrs["role"]), lang)  # drawn on the edge: the slide's language
        if e.evidence:
            row["evidence"] = e.evidence if len(e.evidence) <= EVIDENCE_CHARS else e.evidence[:EVIDENCE_CHARS - 1] + "…"
        if e.attrs.get("weight") is not None:
            row["weight"] = e.attrs["weight"]
        out.append(row)
    return out


def _positions(idx: GraphIndex, ids: list[str] | None, edge_types: Iterable[str], focus: str | None,
               lang: str, step: bool = True, font_scale: float = 1.0) -> dict[str, tuple[float, float]]:
    width, height, scale = (STEP_W, STEP_H, STEP_SCALE * font_scale) if step else (1600, 900, 1.0)
    # Steps are spread until clear afterwards (and drawn while a trainer waits): a shorter nudge.
    sc = scene(idx, ids, edge_types, focus, width=width, height=height, lang=lang, legend=False, scale=scale,
               relax_rounds=STEP_RELAX_ROUNDS if step else 120)
    pos = {n.id: (n.x - width / 2, n.y - height / 2) for n in sc.nodes}
    if not step:
        return pos
    # The page draws labels at its own sizes (`step_label_boxes`); spread the step until none overlap.
    sizes = _label_sizes(idx, list(pos), focus, lang, font_scale)  # measured once, moved many times
    return spread_until_clear(pos, lambda p: _boxes(p, sizes))


def step_label_boxes(idx: GraphIndex, pos: dict[str, tuple[float, float]], focus: str | None, lang: str,
                     font_scale: float = 1.0) -> dict[str, tuple[float, float, float, float]]:
    """The label box of every node of a step as the page draws it (`visNode` in the page's script):
    the label wrapped as `_node_payload` wraps it, at the step's type size times `font_scale`."""
    return _boxes(pos, _label_sizes(idx, list(pos), focus, lang, font_scale))


def _label_sizes(idx: GraphIndex, ids: list[str], focus: str | None, lang: str,
                 font_scale: float) -> dict[str, tuple[float, float, float]]:
    """(node radius, label width, label height) of each node of a step, as the page draws them."""
    k = step_density(len(ids))
    font = round(round(FONT_SIZE, 1) * k * font_scale)
    sizes = {}
    for node_id in ids:
        node = idx.nodes[node_id]
        grow = 1.2 if node_id == focus else 1
        radius = TYPE_RADIUS.get(node.label.value, 15) * round(STEP_S, 3) * max(k, 0.6) * grow
        x0, y0, x1, y1 = label_box(0.0, 0.0, radius, wrap(node_label(node, lang), FONT_SIZE, LABEL_WIDTH), font)
        sizes[node_id] = (radius, x1 - x0, y1 - y0)
    return sizes


def _boxes(pos: dict[str, tuple[float, float]],
           sizes: dict[str, tuple[float, float, float]]) -> dict[str, tuple[float, float, float, float]]:
    out = {}
    for node_id, (x, y) in pos.items():
        radius, width, height = sizes[node_id]
        top = y + radius + LABEL_OFFSET
        out[node_id] = (x - width / 2, top, x + width / 2, top + height)
    return out


def document_scope(idx: GraphIndex, doc_id: str) -> set[str]:
    """The document's own nodes and every node they link to (the shared actors, laws …)."""
    own = {i for i, n in idx.nodes.items() if i == doc_id or i.startswith(doc_id + "/")
           or n.attrs.get("doc_id") == doc_id}
    return own | {e.target for i in own for e in idx.out_edges(i)} | {e.source for i in own for e in idx.in_edges(i)
                                                                     if e.doc_id == doc_id}


def standalone_html(idx: GraphIndex, tour: Tour | None = None, *, lang: str = "zh",
                    title: str | None = None, theme: str = "light", start: int = 0, bare: bool = False,
                    font_scale: float = 1.0, scope: str = "auto", script_src: str | None = None) -> str:
    """The whole page as one string: graph, legend, search, and the tour (the default tour when None).

    Steps whose nodes are not in `idx` show what is there; skipped steps are left out.
    `bare` gives just the graph and legend of the tour's first visible step (for embedding in the
    presenter page, which shows the text itself); `font_scale` enlarges the labels. `scope` is what
    the whole-graph view and the search cover: ``all`` nodes, the tour's ``document`` (its nodes and
    what they link to), or ``auto``: all up to `MAX_OVERVIEW_NODES`, else the document, so a
    corpus of a thousand documents still gives a file that opens quickly.
    """
    tour = tour if tour is not None else _default_tour(idx, title, lang)
    steps = _step_payloads(idx, tour, lang, bare, font_scale)
    only_nodes, only_edges, overview = _overview(idx, tour, steps, lang, bare, scope)
    data = {
        "title": title or tour.title, "lang": lang, "theme": theme if theme in ("light", "dark") else "light",
        "start": max(0, min(start, len(steps) - 1)) if steps else 0,
        "nodes": _node_payload(idx, lang, overview, only_nodes), "edges": _edge_payload(idx, lang, only_edges),
        "steps": steps, "bare": bare, **_legends(idx, only_nodes, lang), **_drawing(font_scale),
        "strings": {k: t(f"workshop.html.{k}", lang) for k in PAGE_STRINGS},
        "overviewFont": round(24 * step_density(len(overview)), 1),
        "overviewScale": max(0.6, step_density(len(overview))),
    }
    return _page(data, html_lib.escape(title or tour.title or t("workshop.page.title", lang)), lang, script_src)


def slides_data(idx: GraphIndex, tour: Tour, *, lang: str = "zh", font_scale: float = 1.0) -> dict[str, Any]:
    """Every visible step of `tour` for the presenter's slides, in the page data's shape (`standalone_html`):
    each step's heading, narrative, evidence, nodes, edges and laid-out positions, and only the nodes
    and edges some step draws, so a client can swap steps without asking for more.

    >>> from graph.model import PolicyGraph
    >>> slides_data(GraphIndex(PolicyGraph()), Tour("t", ()))["steps"]
    []
    """
    steps = _step_payloads(idx, tour, lang, False, font_scale)
    only_nodes, only_edges, _ = _overview(idx, tour, steps, lang, True, "document")
    return {"title": tour.title, "lang": lang, "steps": steps,
            "nodes": _node_payload(idx, lang, {}, only_nodes), "edges": _edge_payload(idx, lang, only_edges),
            **_legends(idx, only_nodes, lang), **_drawing(font_scale)}


def _drawing(font_scale: float) -> dict[str, Any]:
    """The sizes `slide_style.js` draws steps with."""
    return {"fontScale": max(0.5, min(3.0, float(font_scale))), "fontSize": round(FONT_SIZE, 1),
            "nodeScale": round(STEP_S, 3), "font": CJK_FONT}


def _default_tour(idx: GraphIndex, title: str | None, lang: str) -> Tour:
    """The default tour, or an empty one for a graph no tour can be built from."""
    try:
        return default_tour(idx, lang=lang)
    except TourError:
        return Tour(title or "", ())


def _step_payloads(idx: GraphIndex, tour: Tour, lang: str, bare: bool,
                   font_scale: float = 1.0) -> list[dict[str, Any]]:
    """One dict a visible step (only the first when `bare`): its nodes, edges, positions and evidence."""
    edge_ids = {(e.source, e.type.value, e.target): n for n, e in enumerate(idx.graph.edges)}
    steps = []
    for step in tour.visible()[:1] if bare else tour.visible():
        nodes, edges = subgraph(idx, step.node_ids, step.edge_types)
        ids = [n.id for n in nodes]
        pos = _positions(idx, ids, step.edge_types, step.focus, lang, font_scale=font_scale)
        steps.append({
            "id": step.id, "title": step.title, "narrative": step.narrative, "focus": step.focus,
            "k": step_density(len(ids)),
            "nodes": ids, "edges": [edge_ids[e.key] for e in edges],
            "pos": {i: [round(x, 1), round(y, 1)] for i, (x, y) in pos.items()},
            "evidence": [{"text": q.text, "from": idx.label(q.source, lang) if q.source else "",
                          "to": idx.label(q.target, lang) if q.target else ""} for q in step.evidence],
        })
    return steps


def _overview(idx: GraphIndex, tour: Tour, steps: list[dict[str, Any]], lang: str, bare: bool,
              scope: str) -> tuple[set[str] | None, set[int] | None, dict[str, tuple[float, float]]]:
    """(nodes, edge numbers, positions) of the whole-graph view; None for all of them."""
    if bare:
        return ({i for st in steps for i in st["nodes"]}, {k for st in steps for k in st["edges"]}, {})
    if scope == "document" or (scope == "auto" and len(idx.nodes) > MAX_OVERVIEW_NODES and tour.doc_id):
        only_nodes = document_scope(idx, tour.doc_id) | {i for st in steps for i in st["nodes"]}
        only_edges = {n for n, e in enumerate(idx.graph.edges) if e.source in only_nodes and e.target in only_nodes}
        return only_nodes, only_edges, _positions(idx, sorted(only_nodes), (), None, lang, step=False)
    return None, None, _positions(idx, None, (), None, lang, step=False) if idx.nodes else {}


def _legends(idx: GraphIndex, only_nodes: set[str] | None, lang: str) -> dict[str, Any]:
    """The node legend, the edge legend and the type names, for the node types present."""
    graph = idx.graph
    present = {n.label.value for n in graph.nodes if only_nodes is None or n.id in only_nodes}
    legend = [{"type": ty, "name": type_name(ty, lang), "colour": style_of(ty)["colour"], "glyph": glyph_of(ty)}
              for ty in NODE_ORDER if ty in present]
    edge_legend = [{"type": et.value, "name": edge_name(et.value, lang), "colour": edge_colour_of(et.value)}
                   for et in EdgeType if any(e.type == et for e in graph.edges)]
    return {"legend": legend, "edgeLegend": edge_legend, "types": {ty: type_name(ty, lang) for ty in sorted(present)}}


def _page(data: dict[str, Any], page_title: str, lang: str, script_src: str | None = None) -> str:
    """The page template filled with the data, the title and the vis-network script (inlined, or
    loaded from `script_src`: the presenter's frames, served by the explorer)."""
    # One pass: a title or a node name holding "%VIS%" or "%DATA%" stays text.
    return fill_template(page_template(), {"LANG": "en" if lang == "en" else "zh-CN", "TITLE": page_title,
                                           "FONT": CJK_FONT, "DATA": script_json(data),
                                           "VIS": vis_script(script_src)})


@cache
def page_template() -> str:
    """``templates/standalone.html`` with its style sheet and script put in (package files, so they
    ship with the package and no user text has been filled in yet)."""
    folder = resources.files("render") / "templates"
    parts = {"STYLE": (folder / "standalone.css").read_text(encoding="utf-8"),
             "SCRIPT": slide_style_js() + (folder / "standalone.js").read_text(encoding="utf-8")}
    return fill_template((folder / "standalone.html").read_text(encoding="utf-8"), parts)


@cache
def slide_style_js() -> str:
    """``templates/slide_style.js``: how a step's nodes and edges look in vis-network, for every page
    that draws steps (this file's page and the presenter's slides), so their label boxes are the ones
    `step_label_boxes` keeps apart."""
    return (resources.files("render") / "templates" / "slide_style.js").read_text(encoding="utf-8")


_PLACEHOLDER = re.compile(r"%([A-Z]+)%")


def fill_template(template: str, values: dict[str, str]) -> str:
    """Every ``%NAME%`` of `template` replaced by ``values[NAME]`` in one pass, so a value that
    itself holds a placeholder is never filled again; unknown names stay as they are.

    >>> fill_template("<h1>%TITLE%</h1><script>%DATA%</script>", {"TITLE": "%DATA%", "DATA": "{}"})
    '<h1>%DATA%</h1><script>{}</script>'
    """
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)

