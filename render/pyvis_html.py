"""A policy subgraph as one self-contained HTML page drawn by vis-network.

pyvis assembles the nodes, edges and options; the page around them is ours,
because pyvis's own template links Bootstrap (and, unless told otherwise,
vis-network) from a CDN. Here vis-network's JS and CSS are read from the
installed pyvis package and inlined, so the page works offline.

Everything taken from documents reaches the page only as JSON inside a
script (with ``<``, ``>`` and ``&`` escaped, so no ``</script>`` can close it)
or as HTML-escaped legend text. vis-network shows string tooltips as plain
text, so a name such as ``<img src=x onerror=alert(1)>`` is shown, not run.

>>> html = graph_html([{"id": "a", "type": "Actor", "name": "平台企业"}], [])
>>> "<script src=" in html, "vis.Network" in html
(False, True)
"""

from __future__ import annotations

import html as html_lib
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable, Mapping, Sequence

import networkx as nx

from graph.model import OUTLINE_EDGES, PolicyGraph
from render.colours import EDGE_ORDER, NODE_ORDER, edge_colour_of, glyph_of, style_of
from render.i18n import edge_name, node_label, role_name, t, type_name

VIS_VERSION = "vis-9.1.2"
CJK_FONT = "'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif"
MIN_SIZE, MAX_SIZE = 12.0, 40.0
IMPROVED_LAYOUT_MAX = 100  # nodes
TREE_BOX_WIDTH = 200  # pixels: longer labels wrap inside their box
TOOLTIP_EVIDENCE_CHARS = 160
POSITION_SPREAD_PX = 60  # given positions in [-1, 1]² are scaled by this times √(node count)
OUTLINE_EDGE_TYPES = frozenset(e.value for e in OUTLINE_EDGES)


# Of vis-network's stylesheet only the tooltip rules matter here: the rest styles the navigation
# buttons, manipulation toolbar and configurator (not used) with 200 kB of inline images.
USED_CSS_CLASS = ".vis-tooltip"


@lru_cache(maxsize=1)
def vis_script(src: str | None = None) -> str:
    """The vis-network script as a tag: inlined (a file that opens anywhere, offline), or, with `src`,
    loaded from the address the explorer serves it at (its own server, never a CDN), which the
    browser caches across pages and steps instead of receiving half a megabyte with each.

    >>> vis_script("app/static/vis-network.min.js")
    '<script src="app/static/vis-network.min.js"></script>'
    >>> vis_script().startswith("<script>") and "vis-network" in vis_script()
    True
    """
    if src:
        return f'<script src="{html_lib.escape(src, quote=True)}"></script>'
    return "<script>" + vis_assets()[0].replace("</script", "<\\/script") + "</script>"


def vis_assets() -> tuple[str, str]:
    """(JS, CSS) of the vis-network build that ships inside the pyvis package; the CSS is
    the part of its stylesheet the graph page uses (the tooltip)."""
    base = resources.files("pyvis") / "lib" / VIS_VERSION
    js = (base / "vis-network.min.js").read_text(encoding="utf-8")
    css = (base / "vis-network.css").read_text(encoding="utf-8")
    rules = (rule.strip() + "}" for rule in css.split("}"))
    used = "\n".join(r for r in rules if USED_CSS_CLASS in r.split("{", 1)[0])
    return js, used or css


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: no ``<``, ``>``, ``&`` or line separators survive.

    >>> script_json({"name": "</script><b>"})
    '{"name": "\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False)
    for char, code in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _shorten(text: str, limit: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def text_colour_on(background: str) -> str:
    """Dark or white text, whichever reads better on `background` (``#rrggbb``).

    >>> text_colour_on("#1f3b73"), text_colour_on("#f2b134")
    ('#ffffff', '#1f2a44')
    """
    r, g, b = (int(background.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4))
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return "#ffffff" if luminance < 0.5 else "#1f2a44"


def evidence_counts(edges: Iterable[Mapping[str, Any]]) -> dict[str, int]:
    """How many edges with an evidence sentence touch each node.

    >>> evidence_counts([{"source": "m", "target": "a", "evidence": "句子"}, {"source": "m", "target": "b"}])
    {'m': 1, 'a': 1}
    """
    counts: dict[str, int] = {}
    for edge in edges:
        if edge.get("evidence"):
            for end in (edge["source"], edge["target"]):
                counts[end] = counts.get(end, 0) + 1
    return counts


def node_tooltip(row: Mapping[str, Any], lang: str, evidence: int) -> str:
    """Plain-text tooltip: name, type, English label and evidence count, one per line.

    >>> print(node_tooltip({"name": "平台企业", "type": "Actor", "name_en": "platform enterprises"}, "en", 3))
    平台企业
    Type: Actor
    English: platform enterprises
    Evidence sentences: 3
    """
    lines = [str(row.get("name") or row.get("id"))]
    lines.append(f"{t('graph.tip.type', lang)}: {type_name(str(row.get('type')), lang)}")
    lines.append(f"{t('graph.tip.english', lang)}: {row.get('name_en') or '–'}")
    lines.append(f"{t('graph.tip.evidence', lang)}: {evidence}")
    return "\n".join(lines)


def edge_tooltip(row: Mapping[str, Any], lang: str) -> str:
    """Plain-text tooltip for an edge: its type, role and evidence sentence."""
    lines = [edge_name(str(row.get("type")), lang)]
    if row.get("role"):
        lines[0] += f" · {role_name(str(row['role']), lang)}"
    if row.get("shared"):
        shared = row["shared"]
        lines.append(f"{t('graph.tip.shared', lang)}: "
                     + ("、".join(map(str, shared)) if isinstance(shared, (list, tuple)) else str(shared)))
    if row.get("evidence"):
        lines.append(_shorten(str(row["evidence"]), TOOLTIP_EVIDENCE_CHARS))
    return "\n".join(lines)


def scaled_sizes(node_ids: Iterable[str], centrality: Mapping[str, float] | None) -> dict[str, float]:
    """Node sizes between MIN_SIZE and MAX_SIZE, proportional to centrality within the shown nodes.

    >>> scaled_sizes(["a", "b", "c"], {"a": 0.0, "b": 0.5, "c": 1.0})
    {'a': 12.0, 'b': 26.0, 'c': 40.0}
    >>> scaled_sizes(["a"], None)
    {'a': 18.0}
    """
    ids = list(node_ids)
    if not centrality:
        return {i: 18.0 for i in ids}
    values = [float(centrality.get(i, 0.0)) for i in ids]
    low, high = min(values, default=0.0), max(values, default=0.0)
    span = high - low
    return {i: (round(MIN_SIZE + (MAX_SIZE - MIN_SIZE) * (v - low) / span, 2) if span else 18.0)
            for i, v in zip(ids, values)}


def _legend_html(node_types: Sequence[str], edge_types: Sequence[str], lang: str) -> str:
    esc = html_lib.escape
    items = []
    for node_type in node_types:
        colour = style_of(node_type)["colour"]
        items.append(f'<span class="lg-item"><span class="lg-glyph" style="color:{colour}">'
                     f'{glyph_of(node_type)}</span>{esc(type_name(node_type, lang))}</span>')
    edges = []
    for edge_type in edge_types:
        colour = edge_colour_of(edge_type)
        edges.append(f'<span class="lg-item"><span class="lg-line" style="background:{colour}"></span>'
                     f'{esc(edge_name(edge_type, lang))}</span>')
    rows = [f'<div class="lg-row">{"".join(items)}</div>']
    if edges:
        rows.append(f'<div class="lg-row lg-edges">{"".join(edges)}</div>')
    return f'<div id="legend" aria-label="{esc(t("graph.legend", lang))}">{"".join(rows)}</div>'


def _ordered(present: set[str], order: Sequence[str]) -> list[str]:
    return [x for x in order if x in present] + sorted(present - set(order))


def _options(physics: bool, hierarchical: bool, direction: str, size: int = 0) -> dict[str, Any]:
    options: dict[str, Any] = {
        "nodes": {"font": {"face": CJK_FONT, "size": 14, "color": "#1f2a44",
                           "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "smooth": {"enabled": True, "type": "continuous"},
                  "font": {"face": CJK_FONT, "size": 11, "align": "middle"},
                  "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                        "keyboard": False, "multiselect": False},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -80, "springLength": 140,
                                         "springConstant": 0.06, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 200, "fit": True}},
        # The improved initial layout pays off on small graphs and costs seconds on big ones.
        "layout": {"improvedLayout": size <= IMPROVED_LAYOUT_MAX, "randomSeed": 7},
    }
    if hierarchical:
        options["layout"] = {"hierarchical": {"enabled": True, "direction": direction,
                                              "sortMethod": "directed", "shakeTowards": "roots",
                                              "levelSeparation": 260 if direction in ("LR", "RL") else 110,
                                              "nodeSpacing": 36 if direction in ("LR", "RL") else 230,
                                              "treeSpacing": 80}}
        options["edges"]["smooth"] = {"enabled": True, "type": "cubicBezier",
                                      "forceDirection": "horizontal" if direction in ("LR", "RL") else "vertical",
                                      "roundness": 0.4}
        options["physics"] = {"enabled": False}
    return options


def _node_look(row: Mapping[str, Any], lang: str, evidence: int, size: float, is_focus: bool,
               hierarchical: bool) -> dict[str, Any]:
    """vis-network options of one node: label, tooltip, colour by type (or the row's own), size."""
    style = style_of(str(row.get("type") or ""))
    if row.get("colour"):  # a caller's own colouring (documents by level), else the type's
        style["colour"] = str(row["colour"])
    # A tree reads best as labelled boxes: the label inside, wrapped, so levels stay narrow.
    tree_look: dict[str, Any] = ({"shape": "box", "margin": 7, "widthConstraint": {"maximum": TREE_BOX_WIDTH},
                                  "font": {"color": text_colour_on(style["colour"]), "strokeWidth": 0}}
                                 if hierarchical else {"shape": style["shape"]})
    return dict(
        label=node_label(row, lang),
        title=node_tooltip(row, lang, evidence),
        color={"background": style["colour"], "border": "#1f2a44" if is_focus else style["colour"],
               "highlight": {"background": style["colour"], "border": "#111111"},
               "hover": {"background": style["colour"], "border": "#111111"}},
        size=size * (1.25 if is_focus else 1.0),
        borderWidth=4 if is_focus else 1,
        **tree_look,
    )


def _edge_look(row: Mapping[str, Any], lang: str, edge_labels: bool) -> dict[str, Any]:
    """vis-network options of one edge: tooltip, colour by type, outline edges lighter and thinner."""
    edge_type = str(row.get("type") or "")
    outline = edge_type in OUTLINE_EDGE_TYPES
    extra: dict[str, Any] = {"label": role_name(str(row["role"]), lang)} if edge_labels and row.get("role") else {}
    return dict(
        title=edge_tooltip(row, lang),
        color={"color": edge_colour_of(edge_type), "highlight": edge_colour_of(edge_type),
               "hover": edge_colour_of(edge_type), "inherit": False, "opacity": 0.55 if outline else 0.85},
        width=1 if outline else 1.6,
        dashes=edge_type == "CROSS_REFERENCES",
        **extra,
    )


def graph_html(
    nodes: Sequence[Mapping[str, Any]],
    edges: Sequence[Mapping[str, Any]],
    *,
    lang: str = "zh",
    centrality: Mapping[str, float] | None = None,
    evidence: Mapping[str, int] | None = None,
    physics: bool = True,
    hierarchical: bool = False,
    direction: str = "LR",
    focus: str | None = None,
    height: int = 620,
    edge_labels: bool = False,
    script_src: str | None = None,
    positions: Mapping[str, tuple[float, float]] | None = None,
) -> str:
    """A complete HTML page drawing `nodes` (rows with id, type, name, name_en …) and `edges`
    (rows with source, target, type, evidence, role …), with a legend.

    Node colour and shape follow the type, size follows `centrality` (scaled within the
    shown nodes). `physics=False` freezes the layout once it has settled; `hierarchical`
    lays the outline out as a tree in `direction` (``LR`` or ``UD``). `focus` is drawn
    with a heavy border. Edges whose ends are not among `nodes` are left out. `script_src` loads
    vis-network from that address instead of inlining it (`vis_script`). `positions` (node
    id -> x, y in [-1, 1]², e.g. `render.layout.layout`) places the nodes as given: the page draws
    at once, with no simulation to wait for (nodes can still be dragged).

    >>> page = graph_html([{"id": "a", "type": "Law", "name": "<b>法</b>"}], [], lang="en")
    >>> "<b>法</b>" in page, "\\\\u003cb\\\\u003e法" in page
    (False, True)
    """
    ids = [str(n["id"]) for n in nodes]
    known = set(ids)
    shown_edges = [e for e in edges if str(e["source"]) in known and str(e["target"]) in known]
    counts = dict(evidence) if evidence is not None else evidence_counts(shown_edges)
    sizes = scaled_sizes(ids, centrality)
    spread = POSITION_SPREAD_PX * max(1.0, len(ids) ** 0.5)

    from pyvis.network import Network  # imported here: it takes a while and only graph pages need it

    net = Network(directed=True, height=f"{height}px", width="100%", cdn_resources="in_line")
    for row in nodes:
        node_id = str(row["id"])
        look = _node_look(row, lang, int(counts.get(node_id, 0)), sizes[node_id], node_id == focus, hierarchical)
        placed = positions.get(node_id) if positions else None
        if placed is not None:
            look.update(x=round(placed[0] * spread, 1), y=round(placed[1] * spread, 1))
        net.add_node(node_id, **look)
    for row in shown_edges:
        net.add_edge(str(row["source"]), str(row["target"]), **_edge_look(row, lang, edge_labels))
    net.options = _options(physics, hierarchical, direction, len(nodes))
    if positions:
        net.options["physics"] = {"enabled": False}
        net.options["layout"] = {"improvedLayout": False, "randomSeed": 7}
    node_data, edge_data, _heading, _height, _width, options_json = net.get_network_data()

    legend = _legend_html(_ordered({str(n.get("type")) for n in nodes}, NODE_ORDER),
                          _ordered({str(e.get("type")) for e in shown_edges}, EDGE_ORDER), lang)
    _js, css = vis_assets()
    settings = {"freeze": not physics and not hierarchical, "simulate": not hierarchical and not positions,
                "fit": bool(positions),
                "settling": t("graph.settling", lang), "empty": t("graph.empty", lang)}
    return _PAGE.format(
        lang="en" if lang == "en" else "zh-CN",
        css=css,
        script=vis_script(script_src),
        height=int(height),
        font=CJK_FONT,
        legend=legend,
        nodes=script_json(node_data),
        edges=script_json(edge_data),
        options=script_json(json.loads(options_json)),
        settings=script_json(settings),
    )


def policy_rows(graph: PolicyGraph, ids: Iterable[str] | None = None) -> tuple[list[dict], list[dict]]:
    """Node and edge rows (the shape `graph_html` takes) for `ids` of a PolicyGraph (all when None)."""
    wanted = None if ids is None else set(ids)
    nodes = [n.as_dict() for n in graph.nodes if wanted is None or n.id in wanted]
    keep = {n["id"] for n in nodes}
    edges = [{"source": e.source, "target": e.target, **e.as_dict()}
             for e in graph.edges if e.source in keep and e.target in keep]
    return nodes, edges


def networkx_rows(g: nx.Graph) -> tuple[list[dict], list[dict]]:
    """Node and edge rows (the shape `graph_html` takes) from a networkx graph built by `graph.convert`."""
    nodes = [{"id": str(n), **{k: v for k, v in data.items() if k != "id"}} for n, data in g.nodes(data=True)]
    edges = [{"source": str(u), "target": str(v), **data} for u, v, data in g.edges(data=True)]
    return nodes, edges


# Doubled braces are literal braces for str.format.
_PAGE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>{css}</style>
<style>
  html, body {{ margin: 0; padding: 0; background: #ffffff; font-family: {font}; }}
  #wrap {{ position: relative; width: 100%; height: {height}px; }}
  #graph {{ width: 100%; height: {height}px; }}
  #legend {{ position: absolute; top: 6px; left: 6px; right: 6px; z-index: 5; pointer-events: none;
            font-size: 12px; color: #1f2a44; line-height: 1.7; }}
  .lg-row {{ display: flex; flex-wrap: wrap; gap: 2px 10px; background: rgba(255,255,255,0.85);
             border-radius: 6px; padding: 1px 8px; width: fit-content; max-width: 100%; }}
  .lg-edges {{ margin-top: 3px; color: #4a5568; }}
  .lg-glyph {{ margin-right: 3px; font-size: 13px; }}
  .lg-line {{ display: inline-block; width: 16px; height: 3px; margin: 0 4px 3px 0; vertical-align: middle;
              border-radius: 2px; }}
  #status {{ position: absolute; bottom: 8px; left: 8px; font-size: 12px; color: #4a5568; z-index: 5; }}
  div.vis-tooltip {{ white-space: pre-line; max-width: 340px; font-family: {font}; font-size: 12px;
                     line-height: 1.5; background: #fffdf5; border: 1px solid #c8c2a8; color: #1f2a44;
                     box-shadow: 0 2px 8px rgba(0,0,0,0.15); padding: 6px 8px; }}
</style>
</head>
<body>
<div id="wrap">{legend}<div id="status"></div><div id="graph"></div></div>
{script}
<script>
(function () {{
  var settings = {settings};
  var nodes = new vis.DataSet({nodes});
  var edges = new vis.DataSet({edges});
  var container = document.getElementById("graph");
  var status = document.getElementById("status");
  if (nodes.length === 0) {{ status.textContent = settings.empty; return; }}
  status.textContent = settings.settling;
  var network = new vis.Network(container, {{nodes: nodes, edges: edges}}, {options});
  window.policyNetwork = network;
  if (settings.fit) {{ network.fit({{animation: false}}); }}
  network.once("afterDrawing", function () {{
    document.body.setAttribute("data-drawn", "1");
  }});
  function settled() {{
    status.textContent = "";
    if (settings.freeze) {{ network.setOptions({{physics: {{enabled: false}}}}); }}
    document.body.setAttribute("data-settled", "1");
  }}
  network.once("stabilizationIterationsDone", settled);
  if (!settings.simulate) {{ settled(); }}
}})();
</script>
</body>
</html>
"""
