"""Documents: the loaded corpus as a network (cites, implements, amends), with a timeline and a
validity filter, and the documents as a table."""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets
from render.colours import LEVEL_COLOURS
from render.i18n import edge_name

tr = data.tr
lang = data.lang()
VIEWS = ("network", "tables")

st.title(tr("nav.documents"))
docs = data.query("documents")
if not docs:
    st.info(tr("app.no_documents"))
    st.stop()


def year_of(row: dict) -> int | None:
    date = str(row.get("date") or "")
    return int(date[:4]) if date[:4].isdigit() else None


def validity_of(row: dict) -> str:
    return str(row.get("validity") or tr("documents.validity.unknown"))


controls = st.columns([3, 2], vertical_alignment="bottom")
years = sorted({y for y in map(year_of, docs) if y is not None})
low, high = (years[0], years[-1]) if years else (None, None)
if years and low != high:
    low, high = controls[0].slider(tr("documents.timeline"), low, high, (low, high), key="documents_years")
undated = controls[0].toggle(tr("documents.undated"), value=True, key="documents_undated")
validities = sorted({validity_of(d) for d in docs})
wanted = controls[1].multiselect(tr("documents.validity"), validities, default=validities, key="documents_validity")


def shown(row: dict) -> bool:
    year = year_of(row)
    in_time = undated if year is None else (low is None or low <= year <= high)
    return in_time and validity_of(row) in wanted


def tables(kept: list[dict], links: list[dict]) -> None:
    """The shown documents, and the links between them with their evidence, as tables with CSV downloads."""
    st.subheader(tr("documents.table"))
    widgets.table([{**d, "level": tr(f"documents.level.{d.get('level') or 'unknown'}"), "validity": validity_of(d)}
                   for d in kept],
                  {"title": tr("documents.col.title"), "number": tr("documents.col.number"),
                   "issuers": tr("documents.col.issuers"), "date": tr("documents.col.date"),
                   "level": tr("documents.col.level"), "validity": tr("documents.col.validity")},
                  key="documents_table", file_name="documents.csv")
    if links:
        st.subheader(tr("documents.links"))
        title_of = {d["id"]: d.get("title") or d["id"] for d in docs}
        widgets.table([{"source": title_of[r["source"]], "type": edge_name(r["type"], lang),
                        "target": title_of[r["target"]], "count": r["count"], "evidence": r.get("evidence")}
                       for r in links],
                      {"source": tr("documents.col.source"), "type": tr("documents.col.relation"),
                       "target": tr("documents.col.target"), "count": tr("documents.col.count"),
                       "evidence": tr("common.evidence")},
                      key="documents_links", file_name="document-links.csv")


kept = [d for d in docs if shown(d)]
ids = {d["id"] for d in kept}
links = [r for r in data.query("document_network") if r["source"] in ids and r["target"] in ids]
nodes = [{"id": d["id"], "type": "Policy", "name": d.get("title") or d.get("name"), "title": d.get("title"),
          "colour": LEVEL_COLOURS.get(str(d.get("level")), LEVEL_COLOURS["unknown"])} for d in kept]
edges = [{"source": r["source"], "target": r["target"], "type": r["type"], "evidence": r.get("evidence")}
         for r in links]
st.caption(tr("documents.shown", shown=len(kept), total=len(docs), links=len(links)))
# One view at a time: a table or chart on the page delays the network's first paint by most of a second
# in Streamlit's front end, and a corpus's network is what the page is for.
view = st.segmented_control(tr("documents.view"), VIEWS, default=VIEWS[0], key="documents_view", required=True,
                            format_func=lambda v: tr(f"documents.view.{v}"), label_visibility="collapsed")
if view == "network":
    widgets.graph_frame(nodes, edges, height=520, laid_out=True)
    st.caption(" · ".join(f"<span style='color:{colour}'>●</span> {tr(f'documents.level.{level}')}"
                          for level, colour in LEVEL_COLOURS.items()), unsafe_allow_html=True)
else:
    tables(kept, links)
