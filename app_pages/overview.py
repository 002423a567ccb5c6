"""Overview: key figures, a picture (the document's outline and target systems, or the document network
when several are loaded), the documents, their outline, the target systems and the most involved
actors as bars that open an actor's measures."""

from __future__ import annotations

from collections import Counter, defaultdict

import streamlit as st

from app_pages import data, widgets
from app_pages.bars import bars
from app_pages.widgets import escape_markdown as md
from graph.labels import measure_label
from render.colours import colour_of
from render.i18n import node_caption

tr = data.tr
lang = data.lang()
FRAME_TYPES = ("Policy", "Part", "Section", "Chapter", "TargetSystem")  # the outline's frame, always drawn
MAX_PICTURE_NODES = 80  # measures join the picture while it stays readable
MAX_LISTED = 12  # documents listed one by one; a corpus has its own page
TOP_ACTORS = 15

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

# ---------------------------------------------------------------- picture


def outline_picture(doc_id: str) -> tuple[list[dict], list[dict]]:
    """The document's frame (parts, sections, chapters) and its target systems, with its measures
    when they fit."""
    rows = data.query("outline", doc=doc_id)
    by_id = data.nodes_by_id()
    systems = [s for s, measures in data.systems_in_order()
               if s["id"].startswith(doc_id + "/") or any(m.get("doc_id") == doc_id for m in measures)]
    shown = [by_id.get(r["id"], r) for r in rows if r.get("type") in FRAME_TYPES] + systems
    measures = [by_id.get(r["id"], r) for r in rows if r.get("type") == "Measure"]
    if len(shown) + len(measures) <= MAX_PICTURE_NODES:
        shown += measures
    return shown, data.query("edges_among", ids=sorted(n["id"] for n in shown))


def network_picture() -> tuple[list[dict], list[dict]]:
    """The loaded documents and how they cite, implement and amend each other."""
    nodes = [{"id": d["id"], "type": "Policy", "name": d.get("title") or d.get("name"), "title": d.get("title")}
             for d in documents]
    edges = [{"source": r["source"], "target": r["target"], "type": r["type"], "evidence": r.get("evidence")}
             for r in data.query("document_network")]
    return nodes, edges


st.subheader(tr("overview.picture"))
if len(documents) > 1:
    st.caption(tr("overview.picture.network", count=len(documents)))
    picture_nodes, picture_edges = network_picture()
else:
    st.caption(tr("overview.picture.outline"))
    picture_nodes, picture_edges = outline_picture(documents[0]["id"])
widgets.graph_frame(picture_nodes, picture_edges, height=480, physics=True)

# ---------------------------------------------------------------- documents
st.subheader(tr("overview.documents"))
if len(documents) > MAX_LISTED:
    st.caption(tr("overview.more_documents", shown=MAX_LISTED, total=len(documents)))
for doc in documents[:MAX_LISTED]:
    with st.container(border=True):
        st.markdown(f"#### {md(str(doc.get('title') or doc.get('name') or doc['id']))}")
        facts = [(tr("overview.doc.number"), doc.get("number")),
                 (tr("overview.doc.issuers"), "、".join(doc.get("issuers") or []) or None),
                 (tr("overview.doc.date"), doc.get("date")),
                 (tr("overview.doc.source"), doc.get("source"))]
        st.markdown("  \n".join(f"**{name}**：{md(str(value))}" for name, value in facts if value))


# ---------------------------------------------------------------- outline
st.subheader(tr("overview.outline"))
for doc in documents[:MAX_LISTED]:
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


def top_actor_bars(top: list[dict]) -> tuple[list[dict], dict[str, list[dict]]]:
    """The bars of the actors in most measures (rows of ``top_actors``, in the query's order), and each
    one's measures (node rows, in the query's order)."""
    by_id = {n["id"]: n for n in nodes}
    count_title = tr("overview.measures_count")
    rows = [{"id": a["id"], "label": node_caption(a, lang), "value": a["count"],
             "title": f"{node_caption(a, lang)} · {count_title}: {a['count']}"} for a in top]
    return rows, {a["id"]: [by_id.get(m, {"id": m}) for m in a["measures"]] for a in top}


top = data.query("top_actors", limit=TOP_ACTORS)
if top:
    st.subheader(tr("overview.top_actors"))
    st.caption(tr("overview.top_actors.help"))
    rows, measures_of = top_actor_bars(top)
    picked = bars(rows, key="overview_actors", colour=colour_of("Actor"), axis=tr("overview.measures_count"))
    if picked:
        name = next(r["label"] for r in rows if r["id"] == picked)
        st.markdown(f"**{md(tr('overview.actor_measures', actor=name))}**")
        for m in measures_of[picked]:  # each opens on the Measure page, in this session
            st.page_link("app_pages/measure.py", label=measure_label(m), icon=":material/article:",
                         query_params={"measure": m["id"]})
