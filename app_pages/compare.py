"""Compare: what a second document inherits from a first, what it adds and what it drops, unit by
unit (articles, else measures and items), with the changed wording marked."""

from __future__ import annotations

import streamlit as st

from app_pages import data, widgets
from graph.compare import THRESHOLD, align, comparison_rows, comparison_table, diff_segments
from render import spreadsheet
from render.highlight import diff_html

tr = data.tr

st.title(tr("nav.compare"))
docs = data.query("documents")
if len(docs) < 2:
    st.info(tr("compare.need_two"))
    st.stop()
title_of = {d["id"]: d.get("title") or d["id"] for d in docs}
ids = list(title_of)
pick = st.columns([2, 2, 1])
first = pick[0].selectbox(tr("compare.first"), ids, key="compare_first", format_func=title_of.get)
second = pick[1].selectbox(tr("compare.second"), [i for i in ids if i != first], key="compare_second",
                           format_func=title_of.get)
threshold = pick[2].slider(tr("compare.threshold"), 0.05, 0.9, THRESHOLD, 0.01, key="compare_threshold",
                           help=tr("compare.threshold_help"))


@st.cache_data(show_spinner=False, max_entries=32)
def comparison(store_key: str, a: str, b: str, threshold: float):
    return align(data.query("units_of_document", doc=a), data.query("units_of_document", doc=b), threshold)


result = comparison(data.active_store().key, first, second, threshold)
counts = st.columns(3)
counts[0].metric(tr("compare.inherited"), len(result.inherited))
counts[1].metric(tr("compare.added"), len(result.added))
counts[2].metric(tr("compare.dropped"), len(result.dropped))
st.html("<style>.kg-del{background:#fbd3d0;text-decoration:line-through}"
        ".kg-ins{background:#cdeccf;text-decoration:none}</style>")


def unit_title(unit) -> str:
    name, title = str(unit.get("name") or ""), str(unit.get("title") or "")
    return name if not title or title == name else f"{name} {title}"


inherited, added, dropped = st.tabs([tr("compare.inherited"), tr("compare.added"), tr("compare.dropped")])
with inherited:
    for pair in result.inherited:
        old, new = diff_html(diff_segments(str(pair.a.get("text") or ""), str(pair.b.get("text") or "")))
        st.markdown(f"**{widgets.escape_markdown(unit_title(pair.a))} → {widgets.escape_markdown(unit_title(pair.b))}**"
                    f" · {tr('compare.score')} {pair.score:.2f}"
                    + (f" · {tr('compare.shared')}: {widgets.escape_markdown('、'.join(pair.shared_entities))}"
                       if pair.shared_entities else ""))
        sides = st.columns(2)
        sides[0].html(f"<div class='kg-text'>{old}</div>")
        sides[1].html(f"<div class='kg-text'>{new}</div>")
for tab, units in ((added, result.added), (dropped, result.dropped)):
    with tab:
        for unit in units:
            st.markdown(f"**{widgets.escape_markdown(unit_title(unit))}**")
            widgets.evidence_quote(unit.get("text"))

rows = comparison_rows(result)
widgets.table(rows, {c: tr(f"compare.col.{c}") for c in ("status", "score", "a_name", "b_name", "shared_entities")},
              key="compare_table", height=240)
columns, cells = comparison_table(result)
downloads = st.columns(2)
downloads[0].download_button(tr("common.download_csv"), spreadsheet.csv_bytes(columns, cells),
                             file_name="comparison.csv", mime="text/csv", icon=":material/download:",
                             key="compare_csv")
downloads[1].download_button(tr("compare.download_xlsx"), spreadsheet.xlsx_bytes({"comparison": (columns, cells)}),
                             file_name="comparison.xlsx", icon=":material/download:", key="compare_xlsx",
                             mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
