"""Set-aside text: what the loader left out of the graph and why, so nothing is lost unseen."""

from __future__ import annotations

from collections import Counter

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from render.highlight import passages_html
from render.messages import message

tr = data.tr
lang = data.lang()
CONTEXT = 30  # characters of kept text shown either side of a passage


def short(doc_id: str) -> str:
    return doc_id.split(":", 1)[-1]


def passage(row: dict) -> dict[str, str]:
    """A passage's card: where it was and why it was set aside, its text, the kept text around it."""
    before, after = row.get("before") or "", row.get("after") or ""
    return {"head": f"{row['doc']} · {row['start']}–{row['end']} · {row['reason']}", "text": row["text"],
            "context": f"{tr('excluded.context')}: …{before} ⟨✂⟩ {after}…" if before or after else ""}


st.title(tr("nav.excluded"))
st.caption(tr("excluded.intro"))
# From the store in use (Neo4j too): each document keeps what its loader set aside and why.
documents = data.query("set_aside_text")
rows = [{"doc_id": d["doc_id"], "doc": short(d["doc_id"]), **passage, "reason": message(passage.get("reason"), lang)}
        for d in documents for passage in d.get("set_aside") or []]
warnings = [(d["doc_id"], message(w, lang)) for d in documents for w in d.get("warnings") or []]

if not rows:
    st.success(tr("excluded.none"))
else:
    docs = sorted({r["doc_id"] for r in rows})
    chosen = st.multiselect(tr("excluded.filter"), docs, default=docs, key="excluded_docs", format_func=short)
    shown = [r for r in rows if r["doc_id"] in chosen]
    st.caption(tr("excluded.chars", count=len(shown), chars=sum(len(r["text"]) for r in shown)))
    reasons = Counter(r["reason"] for r in shown)
    st.markdown(" · ".join(f"**{md(reason)}** ×{count}" for reason, count in reasons.most_common()))
    passages_tab, table_tab = st.tabs([tr("excluded.passages"), tr("common.table")])
    with passages_tab:  # one block of cards: three elements per passage made a long page slow to paint
        st.html(passages_html([passage(row) for row in shown]))
    with table_tab:
        widgets.table(shown, {"doc": tr("common.document"), "start": tr("excluded.start"), "end": tr("excluded.end"),
                              "reason": tr("excluded.reason"), "text": tr("excluded.text")},
                      key="excluded", file_name="set-aside-text.csv")
if warnings:
    st.subheader(tr("excluded.warnings"))
    widgets.table([{"doc": short(d), "warning": w} for d, w in warnings],
                  {"doc": tr("common.document"), "warning": tr("excluded.reason")}, key="excluded_warnings")
