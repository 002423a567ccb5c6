"""Matrices: actor × target system, law × measure, actor × measure and, across a corpus, body ×
document and the documents and units citing a law, as heatmaps: tables whose cells are filled by their
count or role, every label written out in full (`app_pages.table_view`).

A measure or article is always shown with its document, so two documents' 第二条 never merge."""

from __future__ import annotations

from collections import Counter
from typing import Any, Callable

import pandas as pd
import streamlit as st

from app_pages import data, widgets
from render.colours import category_fills, colour_of, shade
from render.i18n import node_label, role_name
from render.labels import unique_labels

tr = data.tr
lang = data.lang()
by_id = data.nodes_by_id()
MAX_ROWS_UNASKED = 25  # more rows than this and a slider chooses how many to show

measures = sorted((n for n in by_id.values() if n.get("type") == "Measure"),
                  key=lambda n: (str(n.get("doc_id")), n.get("number") or 0))
several_documents = len({m.get("doc_id") for m in measures}) > 1


def document_of(node: dict) -> str:
    return str(node.get("doc_id") or "").split(":", 1)[-1]


def measure_of(row: dict) -> str:
    """A short column label for a measure: its number (after the document's name when there are several)."""
    prefix = f"{document_of(row)[:6]}·" if several_documents else ""
    return f"{prefix}{row.get('number')}"


# Rows and columns are keyed by node id: names (and short measure labels) repeat across documents.
LABELS = unique_labels((i, node_label(n, lang), document_of(n)) for i, n in by_id.items()
                       if n.get("type") in ("Actor", "Law", "TargetSystem"))
MEASURE_LABELS = unique_labels((m["id"], measure_of(m), document_of(m)) for m in measures)
MEASURE_ORDER = [MEASURE_LABELS[m["id"]] for m in measures]
MEASURE_TITLES = {MEASURE_LABELS[m["id"]]: f"{MEASURE_LABELS[m['id']]} {m.get('title') or ''}".strip() for m in measures}


DOCUMENTS = {d["id"]: d for d in data.query("documents")}
# Documents are keyed by id: two documents may share a title (successive versions of a regulation).
DOCUMENT_LABELS = unique_labels((i, d.get("title") or d.get("name") or i, d.get("date") or i)
                                for i, d in DOCUMENTS.items())


def document_label(doc_id: str | None, title: str | None = None) -> str:
    return DOCUMENT_LABELS.get(doc_id) or title or str(doc_id or "–")


def name_of(node_id: str, fallback: str | None) -> str:
    return LABELS.get(node_id) or node_label({"name": fallback or node_id}, lang)


def measure_label(row: dict) -> str:
    return MEASURE_LABELS.get(row.get("measure")) or measure_of(row)


def top_rows(frame: pd.DataFrame, column: str, key: str, weight: str | None = None) -> pd.DataFrame:
    """The rows of the most frequent (or, with `weight`, heaviest) values of `column`; a slider
    chooses how many when there are many."""
    counts = frame.groupby(column)[weight].sum().to_dict() if weight else Counter(frame[column])
    if len(counts) <= MAX_ROWS_UNASKED:
        return frame
    limit = st.slider(tr("matrices.top_n"), 5, len(counts), min(30, len(counts)), key=key)
    keep = {name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]}
    return frame[frame[column].isin(keep)]


def by_frequency(frame: pd.DataFrame, column: str, weight: str | None = None) -> pd.DataFrame:
    """Rows ordered so the most frequent (or heaviest) values of `column` come first."""
    totals = frame.groupby(column)[weight].sum() if weight else frame[column].value_counts()
    order = totals.sort_values(ascending=False, kind="stable").index.tolist()
    frame = frame.copy()
    frame[column] = pd.Categorical(frame[column], categories=order, ordered=True)
    return frame.sort_values(column, kind="stable")


def pivot_of(frame: pd.DataFrame, rows: str, columns: str, values: str, order: list[str], aggfunc: str,
             fill: object) -> pd.DataFrame:
    """`frame` as a table: one row per value of `rows`, one column per value of `columns` in `order`."""
    pivot = frame.pivot_table(index=rows, columns=columns, values=values, aggfunc=aggfunc, observed=True)
    return pivot.reindex(columns=[c for c in order if c in pivot.columns]).fillna(fill)


def heat_table(pivot: pd.DataFrame, first: str, file_name: str, key: str, fill: Callable[[Any], str | None],
               titles: dict[str, str] | None = None) -> None:
    """`pivot` as a heatmap: one row per row label (headed `first`), each cell filled by `fill` of its
    value and its number or role written in it, headers with `titles` as tooltips; and its CSV."""
    pivot = pivot.reset_index().rename(columns={pivot.index.name: first})
    pivot.columns = [str(c) for c in pivot.columns]
    fills = [[None, *map(fill, row[1:])] for row in pivot.itertuples(index=False, name=None)]
    headers = [None, *((titles or {}).get(c) for c in pivot.columns[1:])]
    widgets.dataframe(pivot, key=f"{key}_table", fills=fills, titles=headers)
    st.download_button(tr("common.download_csv"), widgets.csv_bytes(pivot), file_name,
                       "text/csv", key=key, icon=":material/download:")


def count_fill(colour: str, counts: pd.Series) -> Callable[[Any], str | None]:
    """Fills from light to `colour` as a count goes from 1 to the largest of `counts`; none for 0."""
    top = max(1, int(counts.max()))
    return lambda value: shade(colour, 0.2 + 0.8 * value / top) if value else None


def role_fill(roles: pd.Series) -> Callable[[Any], str | None]:
    """A fill per role (the role's name is written in the cell); none for an empty cell."""
    fills = category_fills(sorted(set(roles) - {""}))
    return lambda value: fills.get(value) if value else None




st.title(tr("nav.matrices"))
tabs = st.tabs([tr("matrices.actor_system"), tr("matrices.law_measure"), tr("matrices.actor_measure"),
                tr("matrices.actor_document"), tr("matrices.law_citations")])
actor_title, law_title = tr("type.Actor"), tr("type.Law")

with tabs[0]:
    rows = data.query("actor_system_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"actor": [name_of(r["actor"], r["actor_name"]) for r in rows],
                              "system": [name_of(r["system"], r["system_name"]) for r in rows],
                              "count": [r["count"] for r in rows]})
        frame = by_frequency(top_rows(frame, "actor", "matrix_actor_system_top"), "actor", "count")
        system_order = [name_of(s["id"], s.get("name")) for s, _ in data.systems_in_order()]
        pivot = pivot_of(frame, "actor", "system", "count", system_order, "sum", 0).astype(int)
        heat_table(pivot, actor_title, "actor-system.csv", "csv_actor_system",
                   count_fill(colour_of("Actor"), pivot.max()))

with tabs[1]:
    rows = data.query("law_measure_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"law": [name_of(r["law"], r["law_name"]) for r in rows],
                              "measure": [measure_label(r) for r in rows],
                              "title": [r.get("title") for r in rows], "cited": 1})
        frame = by_frequency(frame, "law")
        pivot = pivot_of(frame, "law", "measure", "cited", MEASURE_ORDER, "sum", 0).astype(int)
        heat_table(pivot, law_title, "law-measure.csv", "csv_law_measure",
                   count_fill(colour_of("Law"), pivot.max()), MEASURE_TITLES)

with tabs[2]:
    rows = data.query("actor_measure_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        frame = pd.DataFrame({"actor": [name_of(r["actor"], r["actor_name"]) for r in rows],
                              "measure": [measure_label(r) for r in rows],
                              "title": [r.get("title") for r in rows],
                              "role": [role_name(r.get("role"), lang) or "–" for r in rows]})
        frame = by_frequency(top_rows(frame, "actor", "matrix_actor_measure_top"), "actor")
        heat_table(pivot_of(frame, "actor", "measure", "role", MEASURE_ORDER, "first", ""),
                   actor_title, "actor-measure.csv", "csv_actor_measure", role_fill(frame["role"]), MEASURE_TITLES)

with tabs[3]:
    rows = data.query("actor_document_matrix")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        st.caption(tr("matrices.actor_document.help"))
        frame = pd.DataFrame({"actor": [name_of(r["actor"], r["actor_name"]) for r in rows],
                              "document": [document_label(r["doc_id"], r.get("document_title")) for r in rows],
                              "count": [r["count"] for r in rows]})
        frame = by_frequency(top_rows(frame, "actor", "matrix_actor_document_top", "count"), "actor", "count")
        document_order = [document_label(i) for i in sorted(DOCUMENTS, key=lambda i: (
            str(DOCUMENTS[i].get("date") or ""), i))]
        document_order += sorted(set(frame["document"]) - set(document_order))  # units of unloaded documents
        pivot = pivot_of(frame, "actor", "document", "count", document_order, "sum", 0).astype(int)
        heat_table(pivot, actor_title, "actor-document.csv", "csv_actor_document",
                   count_fill(colour_of("Policy"), pivot.max()))


def unit_label(row: dict) -> str:
    """The citing unit as a reader knows it: its name (第二条, a measure's number) and title; "–" when
    the document as a whole cites."""
    if row["source"] == row.get("doc_id") or row.get("source_type") == "Policy":
        return "–"
    name, title = row.get("source_name") or row["source"], by_id.get(row["source"], {}).get("title")
    return f"{name} · {title}" if title and title != name else str(name)


def citing_rows(rows: list[dict], law: str) -> list[dict]:
    """One row per unit citing `law`: its document (title), the unit, the articles it names, the evidence."""
    return [{"document": document_label(r.get("doc_id")), "unit": unit_label(r), "articles": r.get("articles"),
             "evidence": r.get("evidence")} for r in rows if r["target"] == law]


with tabs[4]:
    rows = data.query("citations")
    if not rows:
        st.info(tr("matrices.empty"))
    else:
        cited = Counter(r["target"] for r in rows)
        names = {r["target"]: r.get("target_title") or r.get("target_name") or r["target"] for r in rows}
        laws = sorted(cited, key=lambda law: (-cited[law], names[law], law))
        law = st.selectbox(tr("matrices.law_citations.law"), laws, key="matrix_citations_law",
                           format_func=lambda law: f"{names[law]} ({cited[law]})")
        widgets.table(citing_rows(rows, law),
                      {"document": tr("matrices.col.document"), "unit": tr("matrices.col.unit"),
                       "articles": tr("matrices.col.articles"), "evidence": tr("common.evidence")},
                      key="matrix_citations", file_name="law-citations.csv")
