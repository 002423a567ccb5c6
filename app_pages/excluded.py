"""Set-aside text: what the loader left out of the graph and why, so nothing is lost unseen."""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets

tr = data.tr

st.title(tr("nav.excluded"))
st.caption(tr("excluded.intro"))
graph = data.session_graph()
rows = [{"doc_id": x.doc_id, "start": x.start, "end": x.end, "reason": x.reason, "text": x.text}
        for x in sorted(graph.excluded, key=lambda x: (x.doc_id, x.start))]
warnings = [(d.id, w) for d in graph.documents for w in d.warnings]

if not rows:
    st.success(tr("excluded.none"))
else:
    docs = sorted({r["doc_id"] for r in rows})
    chosen = st.multiselect(tr("excluded.filter"), docs, default=docs, key="excluded_docs",
                            format_func=lambda d: d.split(":", 1)[-1])
    shown = [r for r in rows if r["doc_id"] in chosen]
    st.caption(tr("excluded.chars", count=len(shown), chars=sum(len(r["text"]) for r in shown)))
    widgets.table(shown, {"doc_id": tr("common.document"), "start": tr("excluded.start"), "end": tr("excluded.end"),
                          "reason": tr("excluded.reason"), "text": tr("excluded.text")},
                  key="excluded", file_name="set-aside-text.csv")
if warnings:
    st.subheader(tr("excluded.warnings"))
    widgets.table([{"doc": d, "warning": w} for d, w in warnings],
                  {"doc": tr("common.document"), "warning": tr("excluded.reason")}, key="excluded_warnings")
