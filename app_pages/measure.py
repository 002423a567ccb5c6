"""Measure: the full text with its entities highlighted, who is asked to do what, and related measures."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from graph.labels import measure_label
from render.highlight import highlight_html, legend_html, text_block_html
from render.i18n import node_caption, role_name, type_name

tr = data.tr
lang = data.lang()
LINKED = {"CITES": "Law", "ESTABLISHES": "Mechanism", "RUNS": "Programme", "MENTIONS": "Concept",
          "BUILDS": "TargetSystem"}
HIGHLIGHT_TYPES = ("Actor", "Law", "Mechanism", "Programme", "Concept", "TargetSystem")

st.title(tr("nav.measure"))
by_id = data.nodes_by_id()
measures = sorted((n for n in by_id.values() if n.get("type") == "Measure"),
                  key=lambda n: (str(n.get("doc_id")), n.get("number") or 0, n["id"]))
if not measures:
    st.info(tr("measure.none"))
    st.stop()


ids = [m["id"] for m in measures]
multi_doc = len({m.get("doc_id") for m in measures}) > 1


def choice_label(node_id: str) -> str:
    doc = str(by_id[node_id].get("doc_id") or "").split(":", 1)[-1]
    return (f"{doc[:18]} · " if multi_doc else "") + measure_label(by_id[node_id])


# Kept in the URL (?measure=<id>), so other pages and shared links open a given measure.
linked_to = st.query_params.get("measure")
if linked_to in by_id and linked_to != st.session_state.get("_measure_url"):
    st.session_state["measure"] = linked_to
if st.session_state.get("measure") not in by_id:
    st.session_state.pop("measure", None)
measure_id = st.selectbox(tr("measure.choose"), ids, key="measure", format_func=choice_label)
st.session_state["_measure_url"] = measure_id
if linked_to != measure_id:
    st.query_params["measure"] = measure_id
measure = by_id[measure_id]

# Everything one step away, with the edges between the measure and them.
around = data.query("neighbourhood", node=measure_id, depth=1)
edges = [e for e in data.query("edges_among", ids=sorted(r["id"] for r in around))
         if measure_id in (e["source"], e["target"])]
linked: dict[str, list[dict]] = defaultdict(list)
for edge in edges:
    other = edge["target"] if edge["source"] == measure_id else edge["source"]
    if edge["type"] in LINKED and edge["source"] == measure_id:
        linked[LINKED[edge["type"]]].append({**by_id.get(other, {"id": other}), "evidence": edge.get("evidence")})
for system in data.query("systems_of_measure", measure=measure_id):
    if all(system["id"] != s["id"] for s in linked["TargetSystem"]):
        linked["TargetSystem"].append(system)
actors = data.query("actors_of_measure", measure=measure_id)

st.subheader(md(measure_label(measure)))
caption = [f"{tr('measure.system')}: " + ("、".join(node_caption(s, lang) for s in linked["TargetSystem"])
                                          or tr("common.none"))]
st.caption(md(" · ".join(caption)))

text_col, side_col = st.columns([3, 2], gap="large")
with text_col:
    st.markdown(f"**{tr('measure.text')}**")
    terms: list[tuple[str, str]] = []
    for actor in actors:
        terms.append((str(actor["name"]), "Actor"))
    for kind in HIGHLIGHT_TYPES[1:]:
        for node in linked[kind]:
            terms.append((str(node.get("name") or ""), kind))
    text = str(measure.get("text") or measure.get("title") or "")
    present = [k for k in HIGHLIGHT_TYPES if any(kind == k and s and s in text for s, kind in terms)]
    st.html(legend_html(present, lang, tr("measure.legend")) + text_block_html(highlight_html(text, terms, lang)))

with side_col:
    st.markdown(f"**{tr('measure.actors')}** ({len(actors)})")
    actor_rows = [dict(a, name_shown=node_caption(by_id.get(a["id"], a), lang),
                       role_shown=role_name(a.get("role"), lang),
                       kind_shown=tr(f"kind.{a['kind']}") if a.get("kind") else "") for a in actors]
    widgets.table(actor_rows, {"name_shown": tr("common.name"), "role_shown": tr("common.role"),
                               "kind_shown": tr("common.type")}, key="measure_actors")
    with st.expander(tr("common.evidence")):
        for actor in actors:
            st.markdown(f"**{md(str(actor['name']))}** · {md(role_name(actor.get('role'), lang))}")
            widgets.evidence_quote(actor.get("evidence"))
    st.markdown(f"**{tr('measure.linked')}**")
    for kind in HIGHLIGHT_TYPES[1:]:
        nodes = linked.get(kind) or []
        if not nodes:
            continue
        st.markdown(f"*{type_name(kind, lang)}*: " + "、".join(md(node_caption(n, lang)) for n in nodes))

st.subheader(tr("measure.cross"))
cross = data.query("cross_references", measure=measure_id)
if not cross:
    st.caption(tr("measure.cross.none"))
else:
    rows = [{**row, "shared_names": [by_id.get(s, {"name": s}).get("name") for s in row.get("shared") or []],
             "label": measure_label(row)} for row in cross]
    widgets.table(rows, {"label": tr("common.title"), "weight": tr("measure.weight"),
                         "shared_names": tr("measure.shared")}, key="measure_cross")

    def jump() -> None:
        target = st.session_state.get("measure_cross_pick")
        if target in by_id:
            st.session_state["measure"] = target
        st.session_state["measure_cross_pick"] = None

    st.selectbox(tr("common.open_measure"), [r["id"] for r in cross], index=None, on_change=jump,
                 placeholder=tr("common.choose"),
                 format_func=lambda i: measure_label(by_id.get(i, {"id": i, "title": i})), key="measure_cross_pick")
