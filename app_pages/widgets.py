"""Widgets several pages share: the entity picker, tables with CSV download, the graph frame."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

import pandas as pd
import streamlit as st

from app_pages import data
from app_pages.table_view import table_view
from graph.model import Label
from render.highlight import escape_markdown
from render.i18n import node_caption, type_name
from render.pyvis_html import graph_html

SEARCH_LIMIT = 50


ANY_TYPE = ""  # the type filter's "all types" choice (None would read as "nothing chosen")


def type_options() -> list[str]:
    """ANY_TYPE and every node type."""
    return [ANY_TYPE, *[label.value for label in Label]]


def caption_of(row: Mapping[str, Any], lang: str | None = None) -> str:
    """Picker label of a node row: its name (English label in English) and its type. Pickers pass
    `lang`: a format function may run outside the script run, where the session is not known."""
    lang = lang or data.lang()
    return f"{node_caption(row, lang)} · {type_name(str(row.get('type')), lang)}"


def entity_picker(key: str, label: str, *, default_name: str | None = None,
                  types: Sequence[str] | None = None, preset: str | None = None,
                  one_row: bool = False) -> str | None:
    """A search box, a type filter and a choice of matching nodes; returns the chosen node id.

    `default_name` is searched for when the box is empty; `preset` (a node id) is selected
    once, e.g. when another widget asks to centre on a node. `one_row` puts all three side by side.
    """
    lang = data.lang()
    if one_row:
        left, right, choice_slot = st.columns([3, 2, 4])
    else:
        left, right = st.columns([3, 2])
        choice_slot = st.container()
    text = left.text_input(data.tr("common.search"), key=f"{key}_text",
                           placeholder=data.tr("common.search.placeholder")).strip()
    allowed = [ANY_TYPE, *types] if types else type_options()
    node_type = right.selectbox(data.tr("common.type_filter"), allowed, key=f"{key}_type",
                                format_func=lambda v: type_name(v, lang) if v else data.t("common.any_type", lang)
                                ) or None
    choice_key = f"{key}_choice"
    # The node asked for, or (while nothing is typed) the one already chosen, stays a choice even
    # when the first page of matches does not hold it.
    keep = preset or (None if text else st.session_state.get(choice_key))
    by_id = _matches(text, node_type, default_name, types, keep)
    if preset:
        st.session_state[choice_key] = preset
    if not by_id:
        choice_slot.info(data.tr("common.no_match"))
        return None
    if st.session_state.get(choice_key) not in by_id:
        # Set, not dropped: a keyed box whose value is dropped keeps showing its old choice in the
        # browser while the page already answers for the new one.
        st.session_state[choice_key] = next(iter(by_id))
    return choice_slot.selectbox(label, list(by_id), key=choice_key,
                                 format_func=lambda i: caption_of(by_id[i], lang),
                                 help=data.tr("common.matches", count=len(by_id)))


def _matches(text: str, node_type: str | None, default_name: str | None, types: Sequence[str] | None,
             keep: str | None) -> dict[str, Mapping[str, Any]]:
    """The nodes matching `text` (else `default_name`, else any) of `node_type`, by id, with `keep`
    first when it is a node of that type."""
    rows = data.query("search_nodes", text=text or (default_name or ""), type=node_type, limit=SEARCH_LIMIT)
    if not text and default_name and not rows:
        rows = data.query("search_nodes", text="", type=node_type, limit=SEARCH_LIMIT)
    if types and node_type is None:
        rows = [r for r in rows if r.get("type") in types]
    by_id = {r["id"]: r for r in rows}
    if keep and keep not in by_id:
        found = data.query("node", node=keep)
        if found and (node_type is None or found[0].get("type") == node_type):
            by_id = {keep: found[0], **by_id}
    return by_id


def csv_bytes(frame: pd.DataFrame) -> bytes:
    """`frame` as CSV for Excel (UTF-8 with a byte-order mark), no cell a formula (`render.spreadsheet`)."""
    from render.spreadsheet import csv_frame

    return csv_frame(frame).to_csv(index=False).encode("utf-8-sig")


def dataframe(rows: pd.DataFrame | Sequence[Mapping[str, Any]], *, key: str, height: int | None = None,
              **heat: Any) -> None:
    """Rows as the light table (`app_pages.table_view`; `heat`: its ``fills`` and header ``titles``):
    sortable headers, a filter box on long tables, blanks for missing cells. Downloads go through
    `csv_bytes`, which keeps formulas from running."""
    frame = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    ui = {"filter": data.tr("common.table.filter"), "count": data.tr("common.table.count", shown="{shown}", total="{total}")}
    table_view(frame, key=key, height=height, ui=ui, **heat)


def table(rows: Sequence[Mapping[str, Any]], columns: Mapping[str, str], *, key: str,
          file_name: str | None = None, height: int | None = None) -> pd.DataFrame:
    """Rows as a table with translated `columns` (field -> header), and a CSV download when `file_name`."""
    frame = pd.DataFrame([{header: _cell(row.get(field)) for field, header in columns.items()} for row in rows],
                         columns=list(columns.values()))
    dataframe(frame, key=f"{key}_table", height=height)
    if file_name:
        st.download_button(data.tr("common.download_csv"), csv_bytes(frame), file_name=file_name,
                           mime="text/csv", key=f"{key}_csv",
                           icon=":material/download:")
    return frame


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return "、".join(map(str, value))
    return value


def graph_frame(nodes: Sequence[Mapping[str, Any]], edges: Sequence[Mapping[str, Any]], *,
                height: int = 600, laid_out: bool = False, **options: Any) -> None:
    """Draw nodes and edges with vis-network in an iframe, sized by centrality, tooltips from evidence.

    `laid_out` places the nodes here (a seeded spring layout, cached per set of nodes and links), so
    the browser draws at once instead of simulating the layout first."""
    if laid_out:
        options["positions"] = spring_positions(tuple(str(n["id"]) for n in nodes),
                                                tuple((str(e["source"]), str(e["target"])) for e in edges))
    page = graph_html(nodes, edges, lang=data.lang(), centrality=data.centrality(),
                      evidence=data.evidence_counts(), height=height, script_src=data.vis_script_src(), **options)
    st.iframe(page, height=height + 4)


@st.cache_data(show_spinner=False, max_entries=64)
def spring_positions(ids: tuple[str, ...],
                     links: tuple[tuple[str, str], ...]) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² of `ids` joined by `links` (`render.layout.layout`)."""
    from render.layout import layout

    return layout(ids, links)


def evidence_quote(text: str | None) -> None:
    """An evidence sentence as a quote (markdown-escaped), or a note that there is none."""
    if text:
        st.markdown("> " + escape_markdown(str(text)))
    else:
        st.caption(data.tr("common.no_evidence"))
