"""Overview: the documents, their outline as a tree, the target systems and key figures."""

from __future__ import annotations

from collections import Counter, defaultdict

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from graph.labels import measure_label
from render.colours import colour_of
from render.i18n import node_caption

tr = data.tr
lang = data.lang()

st.title(tr("app.title"))
st.caption(tr("app.tagline"))

documents = data.query("documents")
nodes = data.query("all_nodes")
edges = data.query("all_edges")
if not documents:
    st.info(tr("app.no_documents"))
    st.stop()

# ---------------------------------------------------------------- key figures
types = Counter(n.get("type") for n in nodes)
st.subheader(tr("overview.figures"))
figures = [("documents", len(documents)), ("measures", types.get("Measure", 0)), ("actors", types.get("Actor", 0)),
           ("laws", types.get("Law", 0)), ("mechanisms", types.get("Mechanism", 0)), ("edges", len(edges)),
           ("evidence", sum(1 for e in edges if e.get("evidence")))]
for column, (name, value) in zip(st.columns(len(figures)), figures):
    column.metric(tr(f"overview.figure.{name}"), value, border=True)

# ---------------------------------------------------------------- documents
st.subheader(tr("overview.documents"))
for doc in documents:
    with st.container(border=True):
        st.markdown(f"#### {md(str(doc.get('title') or doc.get('name') or doc['id']))}")
        facts = [(tr("overview.doc.number"), doc.get("number")),
                 (tr("overview.doc.issuers"), "、".join(doc.get("issuers") or []) or None),
                 (tr("overview.doc.date"), doc.get("date")),
                 (tr("overview.doc.source"), doc.get("source"))]
        st.markdown("  \n".join(f"**{name}**：{md(str(value))}" for name, value in facts if value))


# ---------------------------------------------------------------- outline
st.subheader(tr("overview.outline"))
for doc in documents:
    rows = data.query("outline", doc=doc["id"])
    children: dict[str | None, list[dict]] = defaultdict(list)
    for row in rows:
        children[row.get("parent")].append(row)
    if len(documents) > 1:
        st.markdown(f"**{md(str(doc.get('title') or doc.get('name') or doc['id']))}**")
    for part in children.get(doc["id"], []):
        sections = [c for c in children.get(part["id"], []) if c.get("type") == "Section"]
        items = [c for c in children.get(part["id"], []) if c.get("type") == "Item"]
        measures = [m for s in sections for m in children.get(s["id"], []) if m.get("type") == "Measure"]
        summary = (tr("overview.outline.counts", sections=len(sections), measures=len(measures)) if sections
                   else tr("overview.outline.items", count=len(items)))
        with st.expander(f"{md(str(part.get('title') or part.get('name')))} — {summary}", expanded=False):
            lines = []
            for section in sections:
                section_measures = [m for m in children.get(section["id"], []) if m.get("type") == "Measure"]
                lines.append(f"- **{md(str(section.get('title') or section.get('name')))}** "
                             f"({len(section_measures)})")
                lines += [f"    - {md(measure_label(m))}" for m in section_measures]
            lines += [f"- {md(measure_label(i))}" for i in items]
            st.markdown("\n".join(lines) if lines else tr("common.none"))

# ---------------------------------------------------------------- target systems
st.subheader(tr("overview.systems"))
systems = data.systems_in_order()
if not systems:
    st.caption(tr("overview.systems.none"))
for row_start in range(0, len(systems), 5):
    batch = systems[row_start:row_start + 5]
    for column, (system, measures) in zip(st.columns(5), batch):
        with column.container(border=True):
            st.markdown(f":orange[▲] **{md(node_caption(system, lang))}**")
            st.caption(f"{tr('overview.measures_count')}: {len(measures)}")
            st.markdown("\n".join(f"- {md(measure_label(m))}" for m in measures) or tr("common.none"))

# ---------------------------------------------------------------- most involved actors
top = data.query("top_actors", limit=12)
if top:
    st.subheader(tr("overview.top_actors"))
    frame = pd.DataFrame({"actor": [node_caption(a, lang) for a in top], "count": [a["count"] for a in top]})
    chart = (alt.Chart(frame).mark_bar(color=colour_of("Actor"))
             .encode(x=alt.X("count:Q", title=tr("overview.measures_count")),
                     y=alt.Y("actor:N", sort="-x", title=None),
                     tooltip=[alt.Tooltip("actor:N", title=tr("common.name")),
                              alt.Tooltip("count:Q", title=tr("overview.measures_count"))])
             .properties(height=max(160, 26 * len(frame))))
    st.altair_chart(chart, width="stretch")
