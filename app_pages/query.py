"""Query: run any named query with parameters; rows as a table and as a graph. On Neo4j, read-only Cypher too."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from graph.model import Label
from render.i18n import type_name

tr = data.tr
lang = data.lang()
NODE_PARAMS = {"node": None, "source": None, "target": None, "measure": "Measure", "doc": "Policy",
               "system": "TargetSystem", "law": "Law"}
ID_FIELDS = ("id", "node", "source", "target", "a", "b", "actor", "law", "measure", "system", "parent")
MAX_GRAPH_NODES = 200


def param_widget(query_name: str, param: str, default: Any) -> Any:
    key = f"q_{query_name}_{param}"
    if param in NODE_PARAMS:
        kind = NODE_PARAMS[param]
        return widgets.entity_picker(key, param, types=[kind] if kind else None,
                                     default_name="平台企业" if kind is None else None)
    if param == "text":
        return st.text_input(param, value="平台", key=key)
    if param == "type":
        return st.selectbox(param, [None, *[label.value for label in Label]], key=key,
                            format_func=lambda v: tr("common.any_type") if v is None else type_name(v, lang))
    if param == "direction":
        return st.radio(param, ["downstream", "upstream"], key=key, horizontal=True)
    if param == "ids":
        by_id = data.nodes_by_id()
        return st.multiselect(param, sorted(by_id), key=key, format_func=lambda i: widgets.caption_of(by_id[i]),
                              default=[i for i in sorted(by_id) if by_id[i].get("type") == "TargetSystem"][:5])
    if param in ("depth", "limit", "min_shared"):
        top = 3 if (query_name, param) == ("neighbourhood", "depth") else 1000
        start = default if isinstance(default, int) else 1
        return int(st.number_input(param, min_value=1, max_value=top, value=start, step=1, key=key))
    return st.text_input(param, key=key) or None


def ids_in(rows: list[dict], known: dict) -> list[str]:
    found = {str(row[f]) for row in rows for f in ID_FIELDS if isinstance(row.get(f), str) and row[f] in known}
    return sorted(found)


st.title(tr("nav.query"))
specs = data.query_params()
names = [n for n in data.query_names() if n in specs] or sorted(specs)
name = st.selectbox(tr("query.name"), names, key="query_name",
                    index=names.index("neighbourhood") if "neighbourhood" in names else 0)
spec = specs.get(name, {})
params: dict[str, Any] = {}
with st.container(border=True):
    st.markdown(f"**{tr('query.params')}**")
    if not spec:
        st.caption(tr("query.param.none"))
    for param, default in spec.items():
        params[param] = param_widget(name, param, default)

missing = [p for p, d in spec.items() if data.is_required(d) and params.get(p) in (None, "")]
if missing:
    st.stop()
call = ", ".join(f"{k}={v!r}" for k, v in params.items() if v is not None)
st.code(f"store.query({name!r}{', ' if call else ''}{call})", language="python")
try:
    rows = data.query(name, **{k: v for k, v in params.items() if v is not None})
except Exception as err:  # noqa: BLE001 - StoreError says why; show it, never a traceback
    st.error(tr("query.error", reason=md(str(err).splitlines()[0] if str(err) else type(err).__name__)))
    st.stop()

st.caption(tr("query.rows", count=len(rows)))
if getattr(rows, "truncated", False):
    st.warning(tr("query.truncated", cap=rows.cap), icon=":material/content_cut:")
table_tab, graph_tab = st.tabs([tr("common.table"), tr("query.as_graph")])
with table_tab:
    columns = list(dict.fromkeys(k for row in rows for k in row))
    widgets.table(rows, {c: c for c in columns}, key="query_rows", file_name=f"{name}.csv")
with graph_tab:
    by_id = data.nodes_by_id()
    ids = ids_in(rows, by_id)[:MAX_GRAPH_NODES]
    if not ids:
        st.info(tr("query.no_graph"))
    else:
        edges = data.query("edges_among", ids=ids)
        widgets.graph_frame([by_id[i] for i in ids], edges, height=520, physics=True)

store = data.active_store().store
# The Neo4j store answers user-written Cypher in a read-only transaction; the embedded one has no Cypher.
if hasattr(store, "read"):
    st.subheader(tr("query.cypher"))
    from graph.neo4j_store import CONSOLE_ROW_CAP, CONSOLE_TIMEOUT_S

    cypher = st.text_area("Cypher", value="MATCH (n:Actor) RETURN n.name AS name LIMIT 10", key="query_cypher",
                          help=tr("query.cypher.help", rows=CONSOLE_ROW_CAP,
                                  seconds=f"{CONSOLE_TIMEOUT_S:g}"))
    if st.button(tr("query.run"), key="query_cypher_run", icon=":material/play_arrow:"):
        try:
            result = store.read(cypher)
            st.caption(tr("query.rows", count=len(result)))
            if getattr(result, "truncated", False):
                st.warning(tr("query.truncated", cap=result.cap), icon=":material/content_cut:")
            widgets.dataframe(result, hide_index=True, width="stretch")
        except Exception as err:  # noqa: BLE001 - the database says why (e.g. a write refused)
            st.error(tr("query.error", reason=md(str(err).splitlines()[0] if str(err) else type(err).__name__)))
