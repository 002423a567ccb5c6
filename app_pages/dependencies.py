"""Dependencies: what a node relies on (downstream) and what relies on it (upstream), as trees."""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets
from render.highlight import tree_html
from render.i18n import edge_name, type_name

tr = data.tr
lang = data.lang()

st.title(tr("nav.dependencies"))
# The first time, start from the best connected measure of the loaded documents (else any node):
# a measure both relies on things (actors, laws) and is relied on (its section, its system).
start = None if "deps_node_choice" in st.session_state else next(
    iter(data.ranked_nodes(["Measure"], limit=1) or data.ranked_nodes(limit=1)), None)
node_id = widgets.entity_picker("deps_node", tr("common.entity"), preset=start)
if node_id is None:
    st.stop()
depth = st.slider(tr("deps.depth"), 1, 5, 3, key="deps_depth")
root = data.nodes_by_id().get(node_id, {"id": node_id, "name": node_id})

found = {}
for column, direction in zip(st.columns(2, gap="large"), ("downstream", "upstream")):
    rows = data.query("dependencies", node=node_id, direction=direction, depth=depth)
    found[direction] = rows
    with column:
        st.subheader(tr(f"deps.{direction}"))
        if not rows:
            st.info(tr("deps.none"))
            continue
        st.caption(tr("deps.count", count=len(rows)))
        with st.container(height=min(560, 80 + 30 * len(rows)), border=True):
            st.html(tree_html(root, rows, lang, open_depth=1, upstream=direction == "upstream"))

rows = [dict(row, direction=tr(f"deps.{direction}").split("：")[0].split(":")[0],
             type_label=type_name(str(row.get("type")), lang), via=edge_name(str(row.get("edge_type")), lang))
        for direction, direction_rows in found.items() for row in direction_rows]
if rows:
    with st.expander(tr("common.table")):
        widgets.table(rows, {"direction": tr("deps.direction"), "depth": tr("deps.depth"), "name": tr("common.name"),
                             "type_label": tr("common.type"), "via": tr("deps.via")},
                      key="deps_table", file_name="dependencies.csv")
