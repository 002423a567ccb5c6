"""Explore: an entity's neighbourhood as an interactive graph, with its details beside it.

vis-network sends no clicks back to Python, so the node whose details are shown
is chosen with a widget next to the graph.
"""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from graph.model import OUTLINE_EDGES, OUTLINE_LABELS, EdgeType, Label
from render.i18n import edge_name, node_caption, type_name

MAX_NODES = 250
OUTLINE_TYPES = frozenset(label.value for label in OUTLINE_LABELS)
OUTLINE_EDGE_TYPES = frozenset(edge.value for edge in OUTLINE_EDGES)
PENDING = "explore_pending"  # a node to centre on, set by the "centre here" button

tr = data.tr
lang = data.lang()


def centre_on(node_id: str) -> None:
    st.session_state[PENDING] = node_id
    st.session_state["explore_focus_text"] = ""
    st.session_state["explore_focus_type"] = widgets.ANY_TYPE


def outline_tree(policy_id: str) -> None:
    """The document's outline as a tree: the policy at the root, outline nodes only, laid out in levels."""
    centre_on(policy_id)
    st.session_state.update({"explore_depth": 3, "explore_outline": True, "explore_hierarchical": True,
                             "explore_whole": False})


st.title(tr("nav.explore"))
focus = widgets.entity_picker("explore_focus", tr("common.entity"), default_name="平台企业",
                              preset=st.session_state.pop(PENDING, None), one_row=True)

controls = st.columns([2.2, 1, 1, 1, 1, 1.3], vertical_alignment="center")
depth = controls[0].slider(tr("explore.depth"), 1, 3, 1, key="explore_depth")
physics = controls[1].toggle(tr("explore.physics"), value=True, key="explore_physics")
hierarchical = controls[2].toggle(tr("explore.hierarchical"), value=False, key="explore_hierarchical")
outline_only = controls[3].toggle(tr("explore.outline_only"), value=False, key="explore_outline")
edge_labels = controls[4].toggle(tr("explore.edge_labels"), value=False, key="explore_edge_labels")
whole = controls[5].toggle(tr("explore.whole_graph"), value=False, key="explore_whole")
policies = [row["id"] for row in data.query("documents")]
if policies:
    st.button(tr("explore.outline_tree"), on_click=outline_tree, args=(policies[0],), key="explore_outline_tree",
              icon=":material/account_tree:", type="tertiary")

if focus is None and not whole:
    st.stop()

by_id = data.nodes_by_id()
if whole:
    reached = [dict(row, distance=0) for row in by_id.values()]
else:
    reached = data.query("neighbourhood", node=focus, depth=depth)
node_types = [label.value for label in Label if any(r.get("type") == label.value for r in reached)]
filters = st.expander(tr("explore.filters"), icon=":material/filter_alt:").columns(2)
shown_types = filters[0].multiselect(tr("explore.node_types"), node_types, default=node_types,
                                     key=f"explore_node_types_{'-'.join(node_types)}",
                                     format_func=lambda v: type_name(v, lang))
reached = [r for r in reached if r.get("type") in shown_types or r["id"] == focus]
if outline_only:
    reached = [r for r in reached if r.get("type") in OUTLINE_TYPES or r["id"] == focus]

if len(reached) > MAX_NODES:
    scores = data.centrality()
    reached.sort(key=lambda r: (r["id"] != focus, r.get("distance", 0), -scores.get(r["id"], 0.0), r["id"]))
    reached = reached[:MAX_NODES]
    st.caption(tr("explore.too_big", limit=MAX_NODES))

ids = sorted(r["id"] for r in reached)
edges = data.query("all_edges") if whole else data.query("edges_among", ids=ids)
edge_types = [e.value for e in EdgeType if any(r.get("type") == e.value for r in edges)]
shown_edges = filters[1].multiselect(tr("explore.edge_types"), edge_types, default=edge_types,
                                     key=f"explore_edge_types_{'-'.join(edge_types)}",
                                     format_func=lambda v: edge_name(v, lang))
kept = set(ids)
edges = [e for e in edges if e.get("type") in shown_edges and e["source"] in kept and e["target"] in kept
         and (not outline_only or e.get("type") in OUTLINE_EDGE_TYPES)]
nodes = [by_id.get(r["id"], r) for r in reached]

graph_col, detail_col = st.columns([3, 1.25], gap="medium")
with graph_col:
    widgets.graph_frame(nodes, edges, height=880 if hierarchical else 640, physics=physics, hierarchical=hierarchical,
                        direction="LR", focus=focus, edge_labels=edge_labels)
    st.caption(tr("explore.shown", nodes=len(nodes), edges=len(edges)) + " · " + tr("explore.hint"))

with detail_col:
    st.subheader(tr("explore.details"))
    order = sorted(ids, key=lambda i: (i != focus, by_id.get(i, {}).get("type", ""), by_id.get(i, {}).get("name", "")))
    if not order:
        st.stop()
    chosen = st.selectbox(tr("explore.details_of"), order, key=f"explore_detail_{focus}",
                          format_func=lambda i: widgets.caption_of(by_id.get(i, {"id": i})))
    node = by_id.get(chosen, {"id": chosen})
    st.markdown(f"### {md(str(node.get('name') or chosen))}")
    st.caption(f"{type_name(str(node.get('type')), lang)}"
               + (f" · {md(str(node['name_en']))}" if node.get("name_en") else ""))
    st.metric(tr("explore.centrality"), f"{data.centrality().get(chosen, 0.0):.2f}")
    if chosen != focus:
        st.button(tr("explore.recentre"), on_click=centre_on, args=(chosen,), key="explore_recentre",
                  icon=":material/center_focus_strong:")
    if node.get("type") == "Measure":
        st.page_link("app_pages/measure.py", label=tr("common.open_measure"), icon=":material/article:",
                     query_params={"measure": chosen})
    extra = {k: v for k, v in node.items() if k not in ("id", "name", "type", "name_en", "text", "span")}
    if extra:
        with st.expander(tr("explore.attributes")):
            st.json(extra)
    evidence = data.query("evidence_of", node=chosen)
    st.markdown(f"**{tr('common.evidence')}** ({len(evidence)})")
    with st.container(height=380, border=True):
        for row in evidence:
            other = row["target_name"] if row["source"] == chosen else row["source_name"]
            st.markdown(f"**{md(edge_name(row['type'], lang))}** · {md(str(other))}")
            widgets.evidence_quote(row.get("evidence"))
    neighbours = sorted({e["target"] if e["source"] == chosen else e["source"]
                         for e in edges if chosen in (e["source"], e["target"])} - {chosen})
    if neighbours:
        with st.expander(f"{tr('explore.neighbours')} ({len(neighbours)})"):
            st.markdown("\n".join(f"- {md(node_caption(by_id.get(n, {'id': n}), lang))}" for n in neighbours))
