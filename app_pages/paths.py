"""Path finder: the shortest paths between two entities, each step worded from its relation and
role, with the sentence behind it. Outline containers and hubs can be left out of the middle,
so paths run through actors, laws, mechanisms and measures rather than through the document."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from app_pages import data, explore_state as es, widgets
from app_pages.explore_views import svg_maker
from app_pages.widgets import escape_markdown as md
from render import explore_scene as sc
from render.i18n import node_label
from render.path_steps import step_sentence

HUB_SHARE = 0.05  # by default the best-connected 5% of nodes count as hubs

tr = data.tr
lang = data.lang()


def default_ends(g: es.GraphData) -> tuple[str | None, str | None]:
    """The most central node, and the most central law (else the next most central node)."""
    source = es.default_seed(g)
    laws = {n: t for n, t in g.types.items() if t == "Law" and n != source}
    target = sc.most_central(laws, g.adj) or sc.most_central(
        {n: t for n, t in g.types.items() if n != source}, g.adj, es.CONTAINER_TYPES)
    return source, target


def default_hub_degree(g: es.GraphData) -> int:
    """The degree above which a node is a hub: that of the best-connected `HUB_SHARE` of nodes."""
    degrees = sorted((len(edges) for edges in g.adj.values()), reverse=True)
    return max(2, degrees[int(len(degrees) * HUB_SHARE)]) if degrees else 0


def preset(key: str, node: str | None, g: es.GraphData) -> None:
    """Fill a picker (text and choice, before it is drawn) with `node`, once a session."""
    if node and f"{key}_choice" not in st.session_state:
        st.session_state[f"{key}_text"] = str(g.rows.get(node, {}).get("name") or node)
        st.session_state[f"{key}_choice"] = node


def open_in_explore(ids: list[str], seed: str) -> None:
    """Show the nodes on the paths as Explore's scene (where views are saved, shared and exported)."""
    g = es.graph_data()
    scene = sc.Scene(seed, (seed,), {seed: 0})
    for node in ids:
        scene = sc.add_node(scene, node)
    es.set_scene(scene, seed, g)
    st.session_state["paths_opened"] = True


st.title(tr("nav.paths"))
g = es.graph_data()
first, second = default_ends(g)
preset("paths_source", first, g)
preset("paths_target", second, g)
st.session_state.setdefault("paths_max_degree", default_hub_degree(g))
left, right = st.columns(2, gap="large")
with left:
    source = widgets.entity_picker("paths_source", tr("paths.source"))
with right:
    target = widgets.entity_picker("paths_target", tr("paths.target"))
options = st.columns([2, 1.2, 1.6], vertical_alignment="bottom")
limit = options[0].slider(tr("paths.limit"), 1, 10, 5, key="paths_limit")
skip_outline = options[1].toggle(tr("paths.skip_outline"), value=True, key="paths_skip_outline",
                                 help=tr("paths.skip_outline.help"))
max_degree = int(options[2].number_input(tr("paths.max_degree"), 0, 100000, key="paths_max_degree",
                                         help=tr("paths.max_degree.help")))
if not source or not target:
    st.stop()
if source == target:
    st.info(tr("paths.same"))
    st.stop()

steps = data.query("shortest_paths", source=source, target=target, limit=limit, skip_outline=skip_outline,
                   max_degree=max_degree)
if not steps:
    st.warning(tr("paths.none"))
    st.stop()
by_id = g.rows
paths: dict[int, list[dict]] = defaultdict(list)
for step in steps:
    paths[step["path"]].append(step)
ids = sorted({s["source"] for s in steps} | {s["target"] for s in steps})
# Roles live on the edges: fetch them once for every pair on the paths.
pair_edges = {(e["source"], e["type"], e["target"]): e for e in data.query("edges_among", ids=ids)}
for step in steps:
    a, b = (step["source"], step["target"]) if step.get("forward", True) else (step["target"], step["source"])
    step.setdefault("role", pair_edges.get((a, step["type"], b), {}).get("role"))

first_path = sorted(paths)[0]
found = tr("paths.found", count=len(paths), steps=len(paths[first_path]))
st.success(found + (" " + tr("paths.hubs_skipped", degree=max_degree) if max_degree else ""))
text_col, graph_col = st.columns([3, 2], gap="large")
with text_col:
    for number in sorted(paths):
        walk = sorted(paths[number], key=lambda s: s["step"])
        chain = " → ".join([node_label(by_id.get(walk[0]["source"], {"name": walk[0]["source_name"]}), lang)]
                           + [node_label(by_id.get(s["target"], {"name": s["target_name"]}), lang) for s in walk])
        with st.expander(f"{tr('paths.path', number=number + 1)}: {md(chain)}", expanded=number == first_path):
            for step in walk:
                st.markdown(f"**{tr('paths.step', number=step['step'] + 1)}** · {md(step_sentence(step, by_id, lang))}")
                if step.get("evidence"):
                    widgets.evidence_quote(step["evidence"])
                else:
                    st.caption(tr("paths.no_sentence"))
with graph_col:
    nodes = [by_id.get(i, {"id": i, "name": i}) for i in ids]
    on_path = {(s["source"], s["target"]) for s in steps} | {(s["target"], s["source"]) for s in steps}
    edges = [e for e in pair_edges.values() if (e["source"], e["target"]) in on_path]
    widgets.graph_frame(nodes, edges, height=460, physics=True, focus=source, edge_labels=True)
    tools = st.columns(2)
    tools[0].button(tr("paths.open_in_explore"), key="paths_to_explore", icon=":material/hub:",
                    on_click=open_in_explore, args=(ids, source))
    if st.session_state.pop("paths_opened", False):
        st.switch_page("app_pages/explore.py")

    tools[1].download_button(tr("explore.view.svg"), svg_maker(tuple(ids), source, tr("nav.paths")),
                             file_name="paths.svg", mime="image/svg+xml", key="paths_svg", icon=":material/image:",
                             on_click="ignore")
