"""Query: any named query in plain words, with a picker for each parameter; the answer as a table of
names (and the documents they belong to) and as a graph. The code and the raw rows wait in an expander.
On Neo4j, a read-only Cypher box too."""

from __future__ import annotations

from typing import Any, Sequence

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from graph.model import Label
from render.i18n import node_caption, t, type_name
from render.readable import readable_rows

tr = data.tr
lang = data.lang()
# The node type a parameter takes (None: any shared entity: actors, laws, mechanisms …).
NODE_PARAMS = {"node": None, "source": None, "target": None, "measure": ["Measure"], "doc": ["Policy"],
               "system": ["TargetSystem"], "law": ["Law"]}
NUMBER_RANGES = {"depth": (1, 3), "limit": (1, 1000), "min_shared": (1, 100)}
DEPTH_RANGES = {"dependencies": (1, 10)}
PICK_LIMIT = 200  # choices offered before the reader types: the best connected first
MAX_GRAPH_NODES = 200
DEFAULT_QUERY = "neighbourhood"


def caption(node_id: str) -> str:
    """A picker's label of a node; the session's language is bound here, as format functions may be
    called outside the script run."""
    node = data.nodes_by_id().get(node_id, {"id": node_id})
    return f"{node_caption(node, lang)} · {type_name(str(node.get('type')), lang)}"


def title_of(name: str) -> str:
    return t(f"query.title.{name}", lang)


def node_picker(key: str, label: str, types: Sequence[str] | None, default: str | None) -> str | None:
    """A search box and a choice of nodes: before anything is typed, the best connected nodes of
    `types`, with `default` chosen; after, the nodes whose name holds the words."""
    search_col, choice_col = st.columns([2, 3])
    text = search_col.text_input(tr("query.pick.search"), key=f"{key}_text").strip()
    if text:
        found = data.query("search_nodes", text=text, limit=PICK_LIMIT)
        ids = [r["id"] for r in found if not types or r.get("type") in types]
    else:
        ids = data.ranked_nodes(types, limit=PICK_LIMIT)
        if default and default not in ids:
            ids = [default, *ids]
    if not ids:
        choice_col.info(tr("query.pick.no_match" if text else "query.pick.none"))
        return None
    choice_key = f"{key}_choice"
    if st.session_state.get(choice_key) not in ids:
        st.session_state[choice_key] = default if default in ids else ids[0]
    return choice_col.selectbox(label, ids, key=choice_key, format_func=caption)


def default_nodes(name: str, spec: dict[str, Any]) -> dict[str, str | None]:
    """The node each node parameter starts from: the best connected of its type; a path's end is the
    best connected node of another type, so start and end never coincide."""
    out: dict[str, str | None] = {}
    for param in spec:
        if param not in NODE_PARAMS:
            continue
        ranked = data.ranked_nodes(NODE_PARAMS[param], limit=PICK_LIMIT)
        out[param] = ranked[0] if ranked else None
    if name == "shortest_paths" and out.get("source"):
        by_id = data.nodes_by_id()
        start = out["source"]
        others = [i for i in data.ranked_nodes(limit=PICK_LIMIT) if i != start]
        other_type = [i for i in others if by_id.get(i, {}).get("type") != by_id.get(start, {}).get("type")]
        out["target"] = (other_type or others or [None])[0]
    return out


def param_widget(name: str, param: str, default: Any, start: str | None) -> Any:
    key = f"q_{name}_{param}"
    label = tr(f"query.param.{param}")
    if param in NODE_PARAMS:
        return node_picker(key, label, NODE_PARAMS[param], start)
    if param == "text":
        first = data.ranked_nodes(limit=1)
        seed = str(data.nodes_by_id().get(first[0], {}).get("name") or "") if first else ""
        return st.text_input(label, value=seed, key=key).strip() or None
    if param == "type":
        return st.selectbox(label, [None, *[t.value for t in Label]], key=key,
                            format_func=lambda v: t("common.any_type", lang) if v is None else type_name(v, lang))
    if param == "direction":
        return st.radio(label, ["downstream", "upstream"], key=key, horizontal=True,
                        format_func=lambda v: t(f"query.direction.{v}", lang))
    if param == "ids":
        ranked = data.ranked_nodes(limit=PICK_LIMIT)
        return st.multiselect(label, ranked, default=ranked[:5], key=key, format_func=caption) or None
    if param in NUMBER_RANGES:
        low, high = DEPTH_RANGES.get(name, NUMBER_RANGES[param]) if param == "depth" else NUMBER_RANGES[param]
        value = min(max(default if isinstance(default, int) else low, low), high)
        return int(st.number_input(label, min_value=low, max_value=high, value=value, step=1, key=key))
    return st.text_input(label, key=key).strip() or None


def graph_ids(rows: list[dict], known: dict) -> list[str]:
    """Every node a result row names (lists included), in the order they come."""
    found: dict[str, None] = {}
    for row in rows:
        for value in row.values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, str) and item in known:
                    found.setdefault(item)
    return list(found)


def show_results(name: str, rows: list[dict]) -> None:
    st.caption(tr("query.rows", count=len(rows)))
    if getattr(rows, "truncated", False):
        st.warning(tr("query.truncated", cap=rows.cap), icon=":material/content_cut:")
    if not rows:
        st.info(tr("query.no_rows"))
        return
    by_id = data.nodes_by_id()
    table_tab, graph_tab = st.tabs([tr("common.table"), tr("query.as_graph")])
    with table_tab:
        headers, shown = readable_rows(rows, by_id, lang)
        widgets.table(shown, {h: h for h in headers}, key="query_rows", file_name=f"{name}.csv")
    with graph_tab:
        ids = graph_ids(rows, by_id)[:MAX_GRAPH_NODES]
        if not ids:
            st.info(tr("query.no_graph"))
        else:
            edges = data.query("edges_among", ids=sorted(ids))
            widgets.graph_frame([by_id[i] for i in ids], edges, height=520, physics=True)


def run_named_query() -> None:
    specs = data.query_params()
    names = sorted((n for n in data.query_names() if n in specs), key=title_of)
    name = st.selectbox(tr("query.name"), names, key="query_name", format_func=title_of,
                        index=names.index(DEFAULT_QUERY) if DEFAULT_QUERY in names else 0)
    st.caption(tr(f"query.description.{name}"))
    spec = specs.get(name, {})
    starts = default_nodes(name, spec)
    params: dict[str, Any] = {}
    with st.container(border=True):
        if not spec:
            st.caption(tr("query.param.none"))
        for param, default in spec.items():
            params[param] = param_widget(name, param, default, starts.get(param))
    missing = [p for p, d in spec.items() if data.is_required(d) and params.get(p) in (None, "", [])]
    if missing:
        st.info(tr("query.needs", names="、".join(tr(f"query.param.{p}") for p in missing)))
        return
    given = {k: v for k, v in params.items() if v is not None}
    try:
        rows = data.query(name, **given)
    except Exception as err:  # noqa: BLE001 - StoreError says why; show it, never a traceback
        st.error(tr("query.error", reason=md(str(err).splitlines()[0] if str(err) else type(err).__name__)))
        return
    show_results(name, rows)
    with st.expander(tr("query.code")):
        call = ", ".join(f"{k}={v!r}" for k, v in given.items())
        st.caption(tr("query.code.call"))
        # Plain monospace text: st.code's highlighter is 1.5 MB of script that held the page's first paint back.
        st.text(f"store.query({name!r}{', ' if call else ''}{call})")
        widgets.dataframe(rows, key="query_code_rows")


def cypher_console() -> None:
    store = data.active_store().store
    # The Neo4j store answers user-written Cypher in a read-only transaction; the embedded one has no Cypher.
    if not hasattr(store, "read"):
        return
    from graph.factory import console_limits

    CONSOLE_ROW_CAP, CONSOLE_TIMEOUT_S = console_limits()

    st.subheader(tr("query.cypher"))
    cypher = st.text_area("Cypher", value="MATCH (n:Actor) RETURN n.name AS name LIMIT 10", key="query_cypher",
                          help=tr("query.cypher.help", rows=CONSOLE_ROW_CAP, seconds=f"{CONSOLE_TIMEOUT_S:g}"))
    if st.button(tr("query.run"), key="query_cypher_run", icon=":material/play_arrow:"):
        try:
            result = store.read(cypher)
            st.caption(tr("query.rows", count=len(result)))
            if getattr(result, "truncated", False):
                st.warning(tr("query.truncated", cap=result.cap), icon=":material/content_cut:")
            widgets.dataframe(result, key="query_cypher_rows")
        except Exception as err:  # noqa: BLE001 - the database says why (e.g. a write refused)
            st.error(tr("query.error", reason=md(str(err).splitlines()[0] if str(err) else type(err).__name__)))


st.title(tr("nav.query"))
run_named_query()
cypher_console()
