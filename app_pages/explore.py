"""Explore: a scene grown from any node. Click a node for its details, double-click (or right-click
for a menu) to expand it in place, hide or pin nodes; save the view to a file or the address,
export it as PNG or SVG, or add it to the presenter's tour.

The scene starts at the most central node of the loaded documents (or the view in ``?view=``).
The search box and the graph's selection always name the same node (`app_pages.explore_state`).
"""

from __future__ import annotations

import streamlit as st

from app_pages import data, explore_state as es, explore_views, widgets
from app_pages.graph_view import graph_view, load_vis
from render import explore_scene as sc
from render.explore_details import scene_details, waiting_details
from render.explore_prefetch import next_rings
from render.explore_vis import scene_payload

GRAPH_HEIGHT = 640

tr = data.tr
lang = data.lang()

st.title(tr("nav.explore"))
g = es.graph_data()
if not g.rows:
    st.info(tr("app.no_documents"))
    st.stop()

if es.scene() is None or es.scene().seed not in g.rows:  # a session's first visit, or the documents changed
    explore_views.open_view_in_address(g)
    if es.scene() is None or es.scene().seed not in g.rows:
        es.new_scene(es.default_seed(g), g)
if f"{es.PICKER}_choice" not in st.session_state and es.selected() in g.rows:
    es.select(es.selected(), g)  # back from another page, whose run forgot the search box: it says so again


def strings() -> dict[str, str]:
    """The component's own words, in the interface language (its details panel's too)."""
    keys = ("expand_all", "expand_by", "show_more", "hide", "pin", "unpin", "recentre", "expanding", "legend_tip",
            "fit", "png", "evidence_more")
    panel = {"details": "explore.details", "centrality": "explore.centrality", "attributes": "explore.attributes",
             "neighbours": "explore.neighbours", "evidence": "common.evidence"}
    return {k: tr(f"scene.{k}") for k in keys} | {k: tr(v) for k, v in panel.items()} | {"png_name": "explore"}


def graph_payload(scene: sc.Scene, chosen: str | None) -> tuple[dict, int]:
    """(the scene for the component, its edge count), with what a click answers in the browser:
    every node's details and, for each node a double-click expands, its next ring."""
    positions, hidden_types = es.loaded_layout()
    edges = data.query("edges_among", ids=sorted(scene.real_nodes()))
    payload = scene_payload(scene, rows=g.rows, edges=edges, adj=g.adj, lang=lang, selected=chosen,
                            centrality=g.rank, evidence=g.evidence, positions=positions)
    _, cap = es.depth_and_cap()
    prefetch = next_rings(scene, rows=g.rows, adj=g.adj, types=g.types, cap=cap, rank=g.rank, edges_at=g.edges_at,
                          lang=lang, evidence=g.evidence)
    prefetch["details"] = waiting_details(prefetch, rows=g.rows, edges_at=g.edges_at, lang=lang, centrality=g.rank)
    payload.update(token=st.session_state[es.TOKEN], selected=chosen, strings=strings(), height=GRAPH_HEIGHT,
                   name="explore", hidden_types=hidden_types, settled=True,  # the first layout is final
                   prefetch=prefetch, seen=st.session_state.get(es.SEEN, 0), vis_src=data.vis_script_src(),
                   details=scene_details(scene.real_nodes(), chosen, rows=g.rows, edges_at=g.edges_at, lang=lang,
                                         centrality=g.rank))
    return payload, len(edges)


@st.fragment
def explorer() -> None:
    focus = widgets.entity_picker(es.PICKER, tr("common.entity"), one_row=True)
    es.on_picked(focus, g)
    controls = st.columns([2, 2, 3], vertical_alignment="bottom")
    controls[0].slider(tr("explore.depth"), 1, sc.MAX_DEPTH, es.control_value(es.DEPTH), key=es.DEPTH,
                       on_change=es.restart)
    controls[1].number_input(tr("explore.cap"), es.MIN_CAP, es.MAX_CAP, es.control_value(es.CAP),
                             key=es.CAP, on_change=es.restart, help=tr("explore.cap.help"))
    scene, chosen = es.scene(), es.selected()
    payload, edge_count = graph_payload(scene, chosen)
    graph_view(payload, key=es.GRAPH, on_event=es.on_event)
    below = st.columns([3, 1.25], vertical_alignment="center")
    below[0].caption(tr("explore.shown", nodes=len(scene.real_nodes()), edges=edge_count) + " · " + tr("explore.hint2"))
    if g.types.get(chosen or "") == "Measure":  # a page switch needs Streamlit: after the page's run
        below[1].page_link("app_pages/measure.py", label=tr("common.open_measure"), icon=":material/article:",
                           query_params={"measure": chosen})
    explore_views.view_tools(g)


if data.vis_script_src() is None:  # no static serving: vis-network goes inline, once, outside the fragment
    load_vis()
explorer()
