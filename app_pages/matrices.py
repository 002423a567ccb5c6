"""Matrices: actor × target system, law × measure and actor × measure, as heatmaps and tables."""

from __future__ import annotations

from collections import Counter

import altair as alt
import pandas as pd
import streamlit as st

from app_pages import data
from render.i18n import node_label

tr = data.tr
lang = data.lang()
by_id = data.nodes_by_id()
CELL = 22  # pixels per heatmap row


def name_of(node_id: str, fallback: str | None) -> str:
    return node_label(by_id.get(node_id, {"name": fallback or node_id}), lang)


def measure_of(row: dict) -> str:
    doc_count = len({r.get("doc_id") for r in by_id.values() if r.get("type") == "Measure"})
    prefix = f"{str(row.get('doc_id') or '').split(':', 1)[-1][:6]}·" if doc_count > 1 else ""
    return f"{prefix}{row.get('number')}"


def heatmap(frame: pd.DataFrame, x: str, y: str, colour: alt.Color, tooltip: list, x_sort: list[str]) -> None:
    rows = frame[y].nunique()
    chart = (alt.Chart(frame).mark_rect(stroke="white", strokeWidth=1)
             .encode(x=alt.X(f"{x}:O", sort=x_sort, title=None,
                             axis=alt.Axis(labelAngle=0, orient="top", labelLimit=180)),
                     y=alt.Y(f"{y}:N", sort=None, title=None, axis=alt.Axis(labelLimit=260)),
                     color=colour, tooltip=tooltip)
             .properties(height=max(120, CELL * rows)))
    st.altair_chart(chart, width="stretch")


def top_rows(frame: pd.DataFrame, column: str, key: str) -> pd.DataFrame:
    counts = Counter(frame[column])
    if len(counts) <= 25:
        return frame
    limit = st.slider(tr("matrices.top_n"), 5, len(counts), min(30, len(counts)), key=key)
    keep = {name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    return frame[frame[column].isin(keep)]


st.title(tr("nav.matrices"))
tabs = st.tabs([tr("matrices.actor_system"), tr("matrices.law_measure"), tr("matrices.actor_measure")])

with tabs[0]:
    rows = data.query("actor_system_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"actor": [name_of(r["actor"], r["actor_name"]) for r in rows],
                              "system": [name_of(r["system"], r["system_name"]) for r in rows],
                              "count": [r["count"] for r in rows]})
        frame = top_rows(frame, "actor", "matrix_actor_system_top")
        system_order = [name_of(s["id"], s.get("name")) for s, _ in data.systems_in_order()]
        order = frame.groupby("actor")["count"].sum().sort_values(ascending=False).index.tolist()
        frame["actor"] = pd.Categorical(frame["actor"], categories=order, ordered=True)
        frame = frame.sort_values("actor")
        heatmap(frame, "system", "actor",
                alt.Color("count:Q", title=tr("common.count"), scale=alt.Scale(scheme="oranges")),
                ["actor:N", "system:N", "count:Q"], system_order)
        pivot = (frame.pivot_table(index="actor", columns="system", values="count", fill_value=0,
                                   aggfunc="sum", observed=True)
                 .reindex(columns=[s for s in system_order if s in set(frame["system"])], fill_value=0)
                 .reset_index().rename(columns={"actor": tr("type.Actor")}))
        st.dataframe(pivot, hide_index=True, width="stretch")
        st.download_button(tr("common.download_csv"), pivot.to_csv(index=False).encode("utf-8-sig"),
                           "actor-system.csv", "text/csv", key="csv_actor_system", icon=":material/download:")

with tabs[1]:
    rows = data.query("law_measure_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"law": [name_of(r["law"], r["law_name"]) for r in rows],
                              "measure": [measure_of(r) for r in rows],
                              "title": [r.get("title") for r in rows], "cited": 1})
        measures = list(dict.fromkeys(frame["measure"]))
        heatmap(frame, "measure", "law", alt.Color("cited:Q", legend=None, scale=alt.Scale(range=["#6a4c93"])),
                ["law:N", "measure:N", "title:N"], measures)
        pivot = frame.pivot_table(index="law", columns="measure", values="cited", fill_value=0,
                                  aggfunc="sum").reindex(columns=measures, fill_value=0).reset_index()
        pivot = pivot.rename(columns={"law": tr("type.Law")})
        st.dataframe(pivot, hide_index=True, width="stretch")
        st.download_button(tr("common.download_csv"), pivot.to_csv(index=False).encode("utf-8-sig"),
                           "law-measure.csv", "text/csv", key="csv_law_measure", icon=":material/download:")

with tabs[2]:
    rows = data.query("actor_measure_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"actor": [name_of(r["actor"], r["actor_name"]) for r in rows],
                              "measure": [measure_of(r) for r in rows],
                              "title": [r.get("title") for r in rows],
                              "role": [r.get("role") or "–" for r in rows]})
        frame = top_rows(frame, "actor", "matrix_actor_measure_top")
        order = frame["actor"].value_counts().index.tolist()
        frame["actor"] = pd.Categorical(frame["actor"], categories=order, ordered=True)
        frame = frame.sort_values("actor")
        measures = list(dict.fromkeys(m for m in (measure_of(r) for r in rows) if m in set(frame["measure"])))
        heatmap(frame, "measure", "actor", alt.Color("role:N", title=tr("common.role"),
                                                     scale=alt.Scale(scheme="tableau20")),
                ["actor:N", "measure:N", "title:N", "role:N"], measures)
        pivot = frame.pivot_table(index="actor", columns="measure", values="role", aggfunc="first",
                                  observed=True).reindex(columns=measures).fillna("").reset_index()
        pivot = pivot.rename(columns={"actor": tr("type.Actor")})
        st.dataframe(pivot, hide_index=True, width="stretch")
        st.download_button(tr("common.download_csv"), pivot.to_csv(index=False).encode("utf-8-sig"),
                           "actor-measure.csv", "text/csv", key="csv_actor_measure", icon=":material/download:")
