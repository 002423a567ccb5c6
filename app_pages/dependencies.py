"""Dependencies: what a node relies on (downstream) and what relies on it (upstream), as a tree."""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets
from render.highlight import tree_html

tr = data.tr
lang = data.lang()

st.title(tr("nav.dependencies"))
node_id = widgets.entity_picker("deps_node", tr("common.entity"), default_name="平台企业")
if node_id is None:
    st.stop()
left, right = st.columns([2, 1])
direction = left.radio(tr("deps.direction"), ["downstream", "upstream"], key="deps_direction", horizontal=True,
                       format_func=lambda d: tr(f"deps.{d}"))
depth = right.slider(tr("deps.depth"), 1, 5, 3, key="deps_depth")

rows = data.query("dependencies", node=node_id, direction=direction, depth=depth)
root = data.nodes_by_id().get(node_id, {"id": node_id, "name": node_id})
if not rows:
    st.info(tr("deps.none"))
    st.stop()
st.caption(tr("deps.count", count=len(rows)))
tree_col, table_col = st.columns([3, 2], gap="large")
with tree_col:
    st.html(tree_html(root, rows, lang, open_depth=1))
with table_col:
    widgets.table(rows, {"name": tr("common.name"), "type": tr("common.type"), "depth": tr("deps.depth"),
                         "edge_type": tr("common.type") + " (→)"}, key="deps_table",
                  file_name=f"dependencies-{direction}.csv", height=420)
