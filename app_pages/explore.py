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
from app_pages.widgets import escape_markdown as md
from render import explore_scene as sc
from render.explore_vis import scene_payload
from render.i18n import edge_name, node_caption, type_name
from render.readable import readable_properties

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


def strings() -> dict[str, str]:
    """The component's own words, in the interface language."""
    keys = ("expand_all", "expand_by", "show_more", "hide", "pin", "unpin", "recentre", "expanding", "legend_tip",
            "fit", "png")
    return {k: tr(f"scene.{k}") for k in keys} | {"png_name": "explore"}


def details(node_id: str) -> None:
    """The selected node: name, type, centrality, evidence sentences and neighbours in the scene."""
    node = g.rows.get(node_id, {"id": node_id})
    st.markdown(f"### {md(str(node.get('name') or node_id))}")
    st.caption(f"{type_name(str(node.get('type')), lang)}"
               + (f" · {md(str(node['name_en']))}" if node.get("name_en") else ""))
    st.metric(tr("explore.centrality"), f"{g.rank.get(node_id, 0.0):.2f}")
    if node.get("type") == "Measure":
        st.page_link("app_pages/measure.py", label=tr("common.open_measure"), icon=":material/article:",
                     query_params={"measure": node_id})
    extra = readable_properties(node, g.rows, lang)
    if extra:
        with st.expander(tr("explore.attributes")):
            st.markdown("  \n".join(f"**{md(label)}**：{md(str(value))}" for label, value in extra))
    evidence = data.query("evidence_of", node=node_id)
    st.markdown(f"**{tr('common.evidence')}** ({len(evidence)})")
    with st.container(height=330, border=True):
        # One element for the whole list: a click in the graph redraws this column, so fewer is faster.
        entries = []
        for row in evidence:
            other = row["target_name"] if row["source"] == node_id else row["source_name"]
            entries.append(f"**{md(edge_name(row['type'], lang))}** · {md(str(other))}\n\n"
                           f"> {md(' '.join(str(row.get('evidence') or '').split()))}")
        if entries:
            st.markdown("\n\n".join(entries))
    shown = set(es.scene().nodes)
    neighbours = sorted({o for o, _ in g.adj.get(node_id, ()) if o in shown} - {node_id})
    if neighbours:
        with st.expander(f"{tr('explore.neighbours')} ({len(neighbours)})"):
            st.markdown("\n".join(f"- {md(node_caption(g.rows.get(n, {'id': n}), lang))}" for n in neighbours))


@st.fragment
def explorer() -> None:
    focus = widgets.entity_picker(es.PICKER, tr("common.entity"), one_row=True)
    es.on_picked(focus, g)
    controls = st.columns([2, 2, 3], vertical_alignment="bottom")
    controls[0].slider(tr("explore.depth"), 1, sc.MAX_DEPTH, es.initial(es.DEPTH, 1), key=es.DEPTH,
                       on_change=es.restart)
    controls[1].number_input(tr("explore.cap"), es.MIN_CAP, es.MAX_CAP, es.initial(es.CAP, sc.DEFAULT_CAP),
                             key=es.CAP, on_change=es.restart, help=tr("explore.cap.help"))
    scene, chosen = es.scene(), es.selected()
    positions, hidden_types = es.loaded_layout()
    edges = data.query("edges_among", ids=sorted(scene.real_nodes()))
    payload = scene_payload(scene, rows=g.rows, edges=edges, adj=g.adj, lang=lang, selected=chosen,
                            centrality=g.rank, evidence=g.evidence, positions=positions)
    payload.update(token=st.session_state[es.TOKEN], selected=chosen, strings=strings(), height=GRAPH_HEIGHT,
                   name="explore", hidden_types=hidden_types, settled=True)  # the first layout is final
    graph_col, detail_col = st.columns([3, 1.25], gap="medium")
    with graph_col:
        graph_view(payload, key=es.GRAPH, on_event=es.on_event)
        st.caption(tr("explore.shown", nodes=len(scene.real_nodes()), edges=len(edges)) + " · " + tr("explore.hint2"))
    with detail_col:
        st.subheader(tr("explore.details"))
        if chosen:
            details(chosen)
    explore_views.view_tools(g)


load_vis()
explorer()
