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

>>> from graph.model import PolicyGraph
>>> "<script src=" in standalone_html(PolicyGraph())
False
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Iterable
from typing import Any

import networkx as nx

from graph.model import EdgeType, PolicyGraph
from render.colours import NODE_ORDER, edge_colour_of, glyph_of, style_of
from render.exports import TYPE_RADIUS, GraphIndex, scene, step_density, wrap
from render.i18n import edge_name, t, type_name
from render.label_boxes import label_box, spread_until_clear
from render.pyvis_html import CJK_FONT, script_json, vis_assets
from render.tour import Tour, TourError, as_policy_graph, default_tour, node_label, subgraph

# Steps are laid out for a graph pane of about 1100×820 with type enlarged 1.75×, so that
# on a 1600×900 (or larger) screen node labels come out at 26 px or more.
STEP_W, STEP_H, STEP_SCALE = 1100, 820, 1.75
STEP_S = min(STEP_W / 1600, STEP_H / 900) * STEP_SCALE
FONT_SIZE = 24 * STEP_S  # what `render.exports.scene` uses for these settings
LABEL_WIDTH = 260 * STEP_S
MAX_OVERVIEW_NODES = 3000  # past this, `scope="auto"` keeps the whole-graph view to the toured document
OVERVIEW_FONT, OVERVIEW_LABEL = 16, 160  # the whole graph: `scene` in its compact form at 1600×900 (k = 0.66)
EVIDENCE_CHARS = 400
TEXT_CHARS = 600


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
                               "colour": edge_colour_of(e.type.value)}
        if e.attrs.get("role"):
            row["role"] = str(e.attrs["role"])
        if e.evidence:
            row["evidence"] = e.evidence if len(e.evidence) <= EVIDENCE_CHARS else e.evidence[:EVIDENCE_CHARS - 1] + "…"
        if e.attrs.get("weight") is not None:
            row["weight"] = e.attrs["weight"]
        out.append(row)
    return out


def _positions(idx: GraphIndex, ids: list[str] | None, edge_types: Iterable[str], focus: str | None,
               lang: str, step: bool = True, font_scale: float = 1.0) -> dict[str, tuple[float, float]]:
    width, height, scale = (STEP_W, STEP_H, STEP_SCALE * font_scale) if step else (1600, 900, 1.0)
    sc = scene(idx, ids, edge_types, focus, width=width, height=height, lang=lang, legend=False, scale=scale)
    pos = {n.id: (n.x - width / 2, n.y - height / 2) for n in sc.nodes}
    if not step:
        return pos
    # The page draws labels at its own sizes (`step_label_boxes`); spread the step until none overlap.
    return spread_until_clear(pos, lambda p: step_label_boxes(idx, p, focus, lang, font_scale))


def step_label_boxes(idx: GraphIndex, pos: dict[str, tuple[float, float]], focus: str | None, lang: str,
                     font_scale: float = 1.0) -> dict[str, tuple[float, float, float, float]]:
    """The label box of every node of a step as the page draws it (`visNode` in the page's script):
    the label wrapped as `_node_payload` wraps it, at the step's type size times `font_scale`."""
    k = step_density(len(pos))
    font = round(round(FONT_SIZE, 1) * k * font_scale)
    boxes = {}
    for node_id, (x, y) in pos.items():
        node = idx.nodes[node_id]
        radius = TYPE_RADIUS.get(node.label.value, 15) * round(STEP_S, 3) * max(k, 0.6) * (1.2 if node_id == focus else 1)
        boxes[node_id] = label_box(x, y, radius, wrap(node_label(node, lang), FONT_SIZE, LABEL_WIDTH), font)
    return boxes


def document_scope(idx: GraphIndex, doc_id: str) -> set[str]:
    """The document's own nodes and every node they link to (the shared actors, laws …)."""
    own = {i for i, n in idx.nodes.items() if i == doc_id or i.startswith(doc_id + "/")
           or n.attrs.get("doc_id") == doc_id}
    return own | {e.target for i in own for e in idx.out_edges(i)} | {e.source for i in own for e in idx.in_edges(i)
                                                                     if e.doc_id == doc_id}


def standalone_html(graph: PolicyGraph | nx.Graph | GraphIndex, tour: Tour | None = None, *, lang: str = "zh",
                    title: str | None = None, theme: str = "light", start: int = 0, bare: bool = False,
                    font_scale: float = 1.0, scope: str = "auto") -> str:
    """The whole page as one string: graph, legend, search, and the tour (the default tour when None).

    Steps whose nodes are not in `graph` show what is there; skipped steps are left out.
    `bare` gives just the graph and legend of the tour's first visible step (for embedding in the
    presenter page, which shows the text itself); `font_scale` enlarges the labels. `scope` is what
    the whole-graph view and the search cover: ``all`` nodes, the tour's ``document`` (its nodes and
    what they link to), or ``auto``: all up to `MAX_OVERVIEW_NODES`, else the document, so a
    corpus of a thousand documents still gives a file that opens quickly.
    """
    idx = graph if isinstance(graph, GraphIndex) else GraphIndex(as_policy_graph(graph))
    graph = idx.graph
    if tour is None:
        try:
            tour = default_tour(idx, lang=lang)
        except TourError:
            tour = Tour(title or "", ())
    edge_ids = {(e.source, e.type.value, e.target): n for n, e in enumerate(graph.edges)}
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
    if bare:
        only_nodes: set[str] | None = {i for st in steps for i in st["nodes"]}
        only_edges: set[int] | None = {k for st in steps for k in st["edges"]}
        overview: dict[str, tuple[float, float]] = {}
    elif scope == "document" or (scope == "auto" and len(idx.nodes) > MAX_OVERVIEW_NODES and tour.doc_id):
        only_nodes = document_scope(idx, tour.doc_id) | {i for st in steps for i in st["nodes"]}
        only_edges = {n for n, e in enumerate(graph.edges) if e.source in only_nodes and e.target in only_nodes}
        overview = _positions(idx, sorted(only_nodes), (), None, lang, step=False)
    else:
        only_nodes = only_edges = None
        overview = _positions(idx, None, (), None, lang, step=False) if idx.nodes else {}
    present = {n.label.value for n in graph.nodes if only_nodes is None or n.id in only_nodes}
    legend = [{"type": ty, "name": type_name(ty, lang), "colour": style_of(ty)["colour"], "glyph": glyph_of(ty)}
              for ty in NODE_ORDER if ty in present]
    edge_legend = [{"type": et.value, "name": edge_name(et.value, lang), "colour": edge_colour_of(et.value)}
                   for et in EdgeType if any(e.type == et for e in graph.edges)]
    keys = ("prev", "next", "overview", "search", "legend", "evidence", "theme", "keys", "no_match", "nodes_in_view")
    data = {
        "title": title or tour.title, "lang": lang, "theme": theme if theme in ("light", "dark") else "light",
        "start": max(0, min(start, len(steps) - 1)) if steps else 0,
        "nodes": _node_payload(idx, lang, overview, only_nodes), "edges": _edge_payload(idx, lang, only_edges),
        "steps": steps, "bare": bare, "fontScale": max(0.5, min(3.0, float(font_scale))),
        "legend": legend, "edgeLegend": edge_legend,
        "types": {ty: type_name(ty, lang) for ty in present},
        "strings": {k: t(f"workshop.html.{k}", lang) for k in keys},
        "fontSize": round(FONT_SIZE, 1), "nodeScale": round(STEP_S, 3), "font": CJK_FONT,
        "overviewFont": round(24 * step_density(len(overview)), 1),
        "overviewScale": max(0.6, step_density(len(overview))),
    }
    js, _css = vis_assets()
    page_title = html_lib.escape(title or tour.title or t("workshop.page.title", lang))
    # One pass: a title or a node name holding "%VIS%" or "%DATA%" stays text.
    return fill_template(_PAGE, {"LANG": "en" if lang == "en" else "zh-CN", "TITLE": page_title,
                                 "FONT": CJK_FONT, "DATA": script_json(data),
                                 "VIS": js.replace("</script", "<\\/script")})


_PLACEHOLDER = re.compile(r"%([A-Z]+)%")


def fill_template(template: str, values: dict[str, str]) -> str:
    """Every ``%NAME%`` of `template` replaced by ``values[NAME]`` in one pass, so a value that
    itself holds a placeholder is never filled again; unknown names stay as they are.

    >>> fill_template("<h1>%TITLE%</h1><script>%DATA%</script>", {"TITLE": "%DATA%", "DATA": "{}"})
    '<h1>%DATA%</h1><script>{}</script>'
    """
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


_PAGE = r"""<!DOCTYPE html>
<html lang="%LANG%">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%TITLE%</title>
<style>
:root { --bg:#ffffff; --fg:#0b1220; --muted:#374151; --panel:#f3f4f6; --line:#9ca3af; --accent:#1d4ed8;
        --quote:#fff7d6; --chip:#e5e7eb; --btn:#111827; --btnfg:#ffffff; }
body.dark { --bg:#000000; --fg:#ffffff; --muted:#e5e7eb; --panel:#111111; --line:#6b7280; --accent:#facc15;
            --quote:#1f1f1f; --chip:#262626; --btn:#facc15; --btnfg:#000000; }
* { box-sizing: border-box; }
html, body { margin:0; height:100%; background:var(--bg); color:var(--fg); font-family:%FONT%; }
body { display:flex; flex-direction:column; font-size:20px; }
header { display:flex; align-items:center; gap:14px; padding:10px 16px; border-bottom:2px solid var(--line);
         flex-wrap:wrap; }
header h1 { font-size:1.25em; margin:0; flex:1 1 auto; min-width:12em; overflow:hidden; text-overflow:ellipsis;
            white-space:nowrap; }
button { font:inherit; font-size:0.95em; padding:6px 16px; border-radius:8px; border:2px solid var(--btn);
         background:var(--btn); color:var(--btnfg); cursor:pointer; }
button.ghost { background:transparent; color:var(--fg); border-color:var(--line); }
button:focus-visible, input:focus-visible, select:focus-visible { outline:3px solid var(--accent); outline-offset:2px; }
#counter { font-weight:bold; min-width:4.5em; text-align:center; }
select { font:inherit; font-size:0.9em; max-width:16em; padding:5px; background:var(--bg); color:var(--fg);
         border:2px solid var(--line); border-radius:8px; }
#searchbox { position:relative; }
#search { font:inherit; font-size:0.9em; width:13em; padding:6px 10px; border:2px solid var(--line);
          border-radius:8px; background:var(--bg); color:var(--fg); }
#results { position:absolute; top:110%; left:0; z-index:20; min-width:22em; max-height:60vh; overflow:auto;
           background:var(--bg); border:2px solid var(--line); border-radius:8px; display:none; }
#results div { padding:6px 10px; cursor:pointer; }
#results div.active, #results div:hover { background:var(--chip); }
#results small { color:var(--muted); margin-left:8px; }
main { flex:1 1 auto; display:flex; min-height:0; }
#stage { flex:1 1 68%; min-width:0; position:relative; }
#graph { position:absolute; top:0; left:0; right:0; bottom:0; }
#panel { flex:0 0 32%; max-width:620px; overflow:auto; padding:16px 20px; background:var(--panel);
         border-left:2px solid var(--line); }
#panel h2 { font-size:1.6em; line-height:1.3; margin:0 0 12px; }
#narrative { font-size:1.15em; line-height:1.6; margin:0 0 14px; }
#panel h3 { font-size:1em; margin:18px 0 8px; color:var(--muted); }
blockquote { margin:0 0 10px; padding:8px 12px; border-left:6px solid var(--accent); background:var(--quote);
             font-size:1em; line-height:1.55; }
blockquote cite { display:block; font-style:normal; font-size:0.8em; color:var(--muted); margin-top:4px; }
#chips span { display:inline-block; background:var(--chip); border-radius:14px; padding:2px 10px; margin:0 6px 6px 0;
              font-size:0.85em; cursor:pointer; }
#chips span b { margin-right:4px; }
#legend { position:absolute; left:0; right:0; bottom:0; font-size:0.8em; line-height:1.7; padding:4px 12px 6px;
          border-top:1px solid var(--line); background:var(--bg); }
#legend span.item { margin-right:14px; white-space:nowrap; }
#legend span.line { display:inline-block; width:22px; height:4px; vertical-align:middle; margin-right:5px; }
#details { display:none; border:2px solid var(--accent); border-radius:10px; padding:10px 12px; margin-bottom:12px; }
#details h3 { margin-top:0; color:var(--fg); font-size:1.1em; }
#details p { margin:4px 0; line-height:1.5; font-size:0.95em; }
#keys { font-size:0.75em; color:var(--muted); margin-top:18px; }
div.vis-tooltip { position:absolute; visibility:hidden; white-space:pre-line; max-width:420px; padding:8px 10px;
                  font-family:%FONT%; font-size:16px; line-height:1.5; background:#fffdf5; color:#111827;
                  border:1px solid #c8c2a8; border-radius:6px; box-shadow:0 2px 8px rgba(0,0,0,.2); z-index:30; }
body.bare header, body.bare #panel { display:none; }
@media (max-width: 900px) { main { flex-direction:column; } #panel { max-width:none; flex-basis:40%; } }
</style>
</head>
<body>
<header>
  <h1 id="doc-title"></h1>
  <div id="searchbox"><input id="search" type="search" autocomplete="off"><div id="results" role="listbox"></div></div>
  <select id="steps" aria-label="steps"></select>
  <button id="prev" class="ghost"></button>
  <span id="counter"></span>
  <button id="next"></button>
  <button id="overview" class="ghost"></button>
  <button id="theme" class="ghost" aria-label="theme">◐</button>
</header>
<main>
  <div id="stage"><div id="graph"></div><div id="legend" aria-label="legend"></div></div>
  <aside id="panel">
    <div id="details"></div>
    <h2 id="step-title"></h2>
    <p id="narrative"></p>
    <div id="evidence"></div>
    <h3 id="chips-title"></h3>
    <div id="chips"></div>
    <div id="keys"></div>
  </aside>
</main>
<script type="application/json" id="workshop-data">%DATA%</script>
<script>%VIS%</script>
<script>
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("workshop-data").textContent);
  var S = D.strings;
  var byId = {}; D.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {}; D.edges.forEach(function (e) { edgeById[e.id] = e; });
  var $ = function (id) { return document.getElementById(id); };
  var state = { step: -1, mode: "step", fontScale: D.fontScale, dark: D.theme === "dark", drawn: 0 };
  window.workshop = state;
  if (state.dark) document.body.classList.add("dark");
  if (D.bare) document.body.classList.add("bare");
  document.title = D.title || document.title;
  $("doc-title").textContent = D.title;
  $("prev").textContent = "← " + S.prev; $("next").textContent = S.next + " →";
  $("overview").textContent = S.overview; $("search").placeholder = S.search;
  $("legend").title = S.legend; $("chips-title").textContent = S.nodes_in_view;
  $("keys").textContent = S.keys; $("theme").title = S.theme;

  // Legend: the node and edge types drawn right now.
  function updateLegend(ids, edgeIds) {
    var box = $("legend"), types = {}, kinds = {};
    ids.forEach(function (i) { if (byId[i]) types[byId[i].type] = 1; });
    edgeIds.forEach(function (k) { kinds[edgeById[k].type] = 1; });
    box.textContent = "";
    D.legend.forEach(function (l) {
      if (!types[l.type]) return;
      var s = document.createElement("span"); s.className = "item";
      var g = document.createElement("span"); g.style.color = l.colour; g.textContent = l.glyph + " ";
      s.appendChild(g); s.appendChild(document.createTextNode(l.name)); box.appendChild(s);
    });
    var first = true;
    D.edgeLegend.forEach(function (l) {
      if (!kinds[l.type]) return;
      if (first) { box.appendChild(document.createElement("br")); first = false; }
      var s = document.createElement("span"); s.className = "item";
      var g = document.createElement("span"); g.className = "line"; g.style.background = l.colour;
      s.appendChild(g); s.appendChild(document.createTextNode(l.name)); box.appendChild(s);
    });
    box.style.display = ids.length ? "" : "none";
    // The graph stops where the legend starts, so no label hides under it.
    $("graph").style.bottom = (ids.length ? box.offsetHeight : 0) + "px";
  }

  var sel = $("steps");
  D.steps.forEach(function (st, i) {
    var o = document.createElement("option"); o.value = i; o.textContent = (i + 1) + ". " + st.title; sel.appendChild(o);
  });
  if (!D.steps.length) { sel.style.display = "none"; $("prev").style.display = "none"; $("next").style.display = "none"; }

  function colours() {
    return state.dark ? { text: "#ffffff", halo: "#000000", border: "#ffffff" }
                      : { text: "#0b1220", halo: "#ffffff", border: "#1f2a44" };
  }
  function visNode(n, pos, focus, compact, density) {
    var c = colours(), isFocus = n.id === focus;
    var k = compact ? D.overviewScale : D.nodeScale * Math.max(density, 0.6);
    var fs = compact ? D.overviewFont : D.fontSize * density;
    var tip = n.full + "\n" + (D.types[n.type] || n.type) + (n.en ? "\n" + n.en : "");
    return { id: n.id, label: compact ? n.short : n.label, title: tip, shape: n.shape, x: pos[0], y: pos[1],
             size: n.size * k * (isFocus ? 1.2 : 1),
             color: { background: n.colour, border: isFocus ? c.border : n.colour,
                      highlight: { background: n.colour, border: c.border } },
             borderWidth: isFocus ? 4 : 1,
             font: { size: Math.round(fs * state.fontScale), color: c.text, strokeColor: c.halo,
                     strokeWidth: 5, face: D.font } };
  }
  function visEdge(e, showRoles) {
    var tip = e.type + (e.role ? " · " + e.role : "") + (e.evidence ? "\n" + e.evidence : "");
    return { id: e.id, from: e.from, to: e.to, color: { color: e.colour, highlight: e.colour, hover: e.colour, opacity: 0.9 }, title: tip,
             width: e.weight ? 1.5 + Math.min(e.weight, 4) : 2.2, dashes: e.type === "CROSS_REFERENCES",
             arrows: e.type === "CROSS_REFERENCES" ? "" : "to",
             label: showRoles && e.role ? e.role : undefined,
             font: { size: Math.round(D.fontSize * 0.7 * state.fontScale), color: colours().text,
                     strokeColor: colours().halo, strokeWidth: 4, face: D.font, align: "middle" } };
  }
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, {
    physics: { enabled: false }, layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, keyboard: false, navigationButtons: false },
    edges: { smooth: false, arrows: { to: { scaleFactor: 0.7 } } },
    nodes: { font: { face: D.font } }
  });
  window.workshopNetwork = network; window.workshopNodes = nodes; window.workshopEdges = edges;
  network.on("afterDrawing", function () {
    state.drawn += 1; document.body.setAttribute("data-drawn", String(state.drawn));
  });
  network.on("click", function (p) { if (p.nodes.length) details(p.nodes[0]); });

  function draw(ids, edgeIds, pos, focus, density) {
    var showRoles = edgeIds.length <= 16, compact = !pos;
    nodes.clear(); edges.clear();
    nodes.add(ids.filter(function (i) { return byId[i]; }).map(function (i) {
      var n = byId[i]; return visNode(n, pos ? pos[i] : [n.x, n.y], focus, compact, density || 1);
    }));
    edges.add(edgeIds.map(function (k) { return visEdge(edgeById[k], showRoles); }));
    updateLegend(ids, edgeIds);
    network.setSize("100%", "100%"); network.redraw();
    network.fit({ animation: false });
  }
  function chips(ids) {
    var box = $("chips"); box.textContent = "";
    $("chips-title").style.display = ids.length ? "" : "none";
    ids.forEach(function (i) {
      var n = byId[i]; if (!n) return;
      var s = document.createElement("span"); var g = document.createElement("b");
      g.style.color = n.colour; g.textContent = "●"; s.appendChild(g);
      s.appendChild(document.createTextNode(n.full)); s.title = D.types[n.type] || n.type;
      s.onclick = function () { network.selectNodes([i]); details(i); };
      box.appendChild(s);
    });
  }
  function evidence(list) {
    var box = $("evidence"); box.textContent = "";
    if (!list.length) return;
    var h = document.createElement("h3"); h.textContent = S.evidence; box.appendChild(h);
    list.forEach(function (q) {
      var b = document.createElement("blockquote"); b.textContent = q.text;
      if (q.from || q.to) { var c = document.createElement("cite"); c.textContent = q.from + (q.to ? " → " + q.to : ""); b.appendChild(c); }
      box.appendChild(b);
    });
  }
  function show(i) {
    if (!D.steps.length) { overview(); return; }
    i = Math.max(0, Math.min(D.steps.length - 1, i));
    var st = D.steps[i];
    state.step = i; state.mode = "step";
    $("details").style.display = "none";
    $("step-title").textContent = st.title;
    $("narrative").textContent = st.narrative;
    evidence(st.evidence);
    chips(st.nodes);
    $("counter").textContent = (i + 1) + " / " + D.steps.length;
    sel.value = String(i);
    $("prev").disabled = i === 0; $("next").disabled = i === D.steps.length - 1;
    document.body.setAttribute("data-step", st.id);
    draw(st.nodes, st.edges, st.pos, st.focus, st.k);
    if (st.focus) network.selectNodes([st.focus], false);
    if (!D.bare && location.hash !== "#step-" + (i + 1)) {
      try { history.replaceState(null, "", "#step-" + (i + 1)); } catch (e) { /* sandboxed: no address to keep */ }
    }
  }
  function overview() {
    state.mode = "overview";
    document.body.setAttribute("data-step", "overview");
    $("step-title").textContent = S.overview; $("narrative").textContent = D.title;
    evidence([]); chips([]);
    $("counter").textContent = D.steps.length ? "– / " + D.steps.length : "";
    draw(D.nodes.map(function (n) { return n.id; }), D.edges.map(function (e) { return e.id; }), null, null);
  }
  function details(id) {
    var n = byId[id], box = $("details"); if (!n) return;
    box.textContent = "";
    var h = document.createElement("h3"); h.textContent = n.full; box.appendChild(h);
    var p = document.createElement("p"); p.textContent = (D.types[n.type] || n.type) + (n.en ? " · " + n.en : "");
    box.appendChild(p);
    if (n.text) { var tx = document.createElement("p"); tx.textContent = n.text; box.appendChild(tx); }
    var quotes = D.edges.filter(function (e) { return (e.from === id || e.to === id) && e.evidence; }).slice(0, 4);
    quotes.forEach(function (e) {
      var b = document.createElement("blockquote"); b.textContent = e.evidence;
      var c = document.createElement("cite");
      c.textContent = (byId[e.from] ? byId[e.from].full : e.from) + " → " + (byId[e.to] ? byId[e.to].full : e.to);
      b.appendChild(c); box.appendChild(b);
    });
    box.style.display = "block"; $("panel").scrollTop = 0;
  }
  function focusNode(id) {
    if (state.mode !== "overview") {
      var st = D.steps[state.step];
      if (!st || st.nodes.indexOf(id) < 0) overview();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    details(id);
  }

  // Search: substring of the label, Chinese name, English label or id.
  var search = $("search"), results = $("results"), active = -1, hits = [];
  function find(q) {
    q = q.trim().toLowerCase(); if (!q) return [];
    var out = D.nodes.filter(function (n) {
      return n.full.toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0 ||
             (n.en && n.en.toLowerCase().indexOf(q) >= 0) || n.id.toLowerCase().indexOf(q) >= 0;
    });
    out.sort(function (a, b) { return (a.name.toLowerCase() === q ? -1 : 0) - (b.name.toLowerCase() === q ? -1 : 0) ||
                                      a.full.length - b.full.length; });
    return out.slice(0, 15);
  }
  function renderResults() {
    results.textContent = "";
    if (!search.value.trim()) { results.style.display = "none"; return; }
    if (!hits.length) { var none = document.createElement("div"); none.textContent = S.no_match; results.appendChild(none); }
    hits.forEach(function (n, k) {
      var d = document.createElement("div"); d.className = k === active ? "active" : "";
      d.textContent = n.full; var sm = document.createElement("small"); sm.textContent = D.types[n.type] || n.type;
      d.appendChild(sm); d.onmousedown = function (ev) { ev.preventDefault(); pick(n.id); };
      results.appendChild(d);
    });
    results.style.display = "block";
  }
  function pick(id) { results.style.display = "none"; search.blur(); focusNode(id); }
  search.addEventListener("input", function () { hits = find(search.value); active = hits.length ? 0 : -1; renderResults(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(hits.length - 1, active + 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(0, active - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "Enter" && hits[active]) { pick(hits[active].id); ev.preventDefault(); }
    else if (ev.key === "Escape") { search.value = ""; results.style.display = "none"; search.blur(); }
    ev.stopPropagation();
  });
  search.addEventListener("blur", function () { setTimeout(function () { results.style.display = "none"; }, 150); });

  function restyle() {
    var st = state.mode === "step" ? D.steps[state.step] : null;
    if (st) draw(st.nodes, st.edges, st.pos, st.focus, st.k); else overview();
  }
  $("prev").onclick = function () { show(state.step - 1); };
  $("next").onclick = function () { show(state.step + 1); };
  $("overview").onclick = overview;
  $("theme").onclick = function () { state.dark = !state.dark; document.body.classList.toggle("dark", state.dark); restyle(); };
  sel.onchange = function () { show(parseInt(sel.value, 10)); sel.blur(); };
  document.addEventListener("keydown", function (ev) {
    if (ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var k = ev.key;
    if (D.bare && "+=-_tT".indexOf(k) < 0) return;  // the presenter page moves between steps itself
    if (k === "ArrowRight" || k === "PageDown" || k === " " || k === "n") show(state.mode === "step" ? state.step + 1 : Math.max(0, state.step));
    else if (k === "ArrowLeft" || k === "PageUp" || k === "p") show(state.mode === "step" ? state.step - 1 : Math.max(0, state.step));
    else if (k === "Home") show(0);
    else if (k === "End") show(D.steps.length - 1);
    else if (k === "o" || k === "O") overview();
    else if (k === "t" || k === "T") $("theme").onclick();
    else if (k === "/") { search.focus(); }
    else if (k === "f" || k === "F") { if (document.fullscreenElement) document.exitFullscreen(); else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen(); }
    else if (k === "+" || k === "=") { state.fontScale = Math.min(2.5, state.fontScale + 0.15); restyle(); }
    else if (k === "-" || k === "_") { state.fontScale = Math.max(0.5, state.fontScale - 0.15); restyle(); }
    else return;
    ev.preventDefault();
  });
  window.addEventListener("resize", function () { network.fit({ animation: false }); });
  var m = /^#step-(\d+)$/.exec(location.hash);
  show(m ? parseInt(m[1], 10) - 1 : D.start);
  state.ready = true;
  document.body.setAttribute("data-ready", "1");
})();
</script>
</body>
</html>
"""
