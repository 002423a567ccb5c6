"""Explore's session state: the scene, the selected node, and keeping the search box in step.

The search box (`widgets.entity_picker`, keys ``explore_focus_*``) and the graph's selection
always name the same node: a click in the graph writes the picker's widgets through
session_state in the component's callback (which runs before the page is drawn), and a
node chosen in the picker is selected in the graph (or starts a new scene when it is not in it).
"""

from __future__ import annotations

import base64
import json
import zlib
from dataclasses import dataclass
from typing import Any, Mapping, Sequence

import streamlit as st

from app_pages import data, widgets
from app_pages.graph_view import event_value
from graph.model import Label
from render import explore_scene as sc
from render.explore_details import edges_by_node, flat_edge

SCENE, SELECTED, TOKEN = "explore_scene", "explore_selected", "explore_token"
SEEN = "explore_seen"  # the number of the browser's last click the page has applied (the browser answers first)
GRAPH = "explore_graph"  # the component's key
PICKER = "explore_focus"
DEPTH, CAP = "explore_depth", "explore_cap"
INITIAL = "explore_initial"  # first values of the depth and cap controls, from a view in the address
SET_BY_VIEW = "explore_set_by_view"  # controls whose value a loaded view wrote in this run
MIN_CAP, MAX_CAP = 2, 30
CONTROLS = {DEPTH: (1, sc.MAX_DEPTH, 1), CAP: (MIN_CAP, MAX_CAP, sc.DEFAULT_CAP)}  # (lowest, highest, first)
MAX_VIEW_BYTES = 2_000_000  # a view of thousands of nodes is far less
NOTICE = "explore_notice"
LOADED = "explore_loaded_view"  # (token, positions, hidden types) of the last view loaded
VIEW_PARAM = "view"
# Containers of the outline: a scene never starts on one by default (the document is not "central").
CONTAINER_TYPES = frozenset({Label.POLICY.value, Label.PART.value, Label.SECTION.value, Label.CHAPTER.value})


@dataclass(frozen=True)
class GraphData:
    """What a scene is grown from: node rows, node types, adjacency and ranking."""

    rows: Mapping[str, Mapping[str, Any]]
    types: Mapping[str, str]
    adj: sc.Adjacency
    rank: Mapping[str, float]
    evidence: Mapping[str, int]  # evidence sentences at each node
    edges_at: Mapping[str, Sequence[Mapping[str, Any]]]  # each node's edge rows (flat), either direction


# cache_resource, not cache_data: one shared, never-mutated copy per store contents. cache_data would
# copy every node row on every click, which on a corpus costs more than the click itself.
@st.cache_resource(show_spinner=False, max_entries=16)
def _graph_data(store_key: str, _store: Any) -> GraphData:
    rows = {row["id"]: row for row in _store.query("all_nodes")}
    types = {i: str(r.get("type") or "") for i, r in rows.items()}
    edges = [flat_edge(row) for row in _store.query("all_edges")]
    return GraphData(rows, types, sc.adjacency(edges), data.centrality(), data.evidence_counts(),
                     edges_by_node(edges))


def graph_data() -> GraphData:
    """Node rows, types, adjacency and centrality of this session's store, worked out once per store."""
    active = data.active_store()
    key = f"{active.key}|graph_data"
    memo = st.session_state.get(data.MEMO_KEY, {})
    if key not in memo:  # once per script run; the cache holds it across runs and sessions
        memo[key] = _graph_data(active.key, active.store)
    return memo[key]


def default_seed(g: GraphData) -> str | None:
    """The most central node of the loaded documents, outline containers aside."""
    return sc.most_central(g.types, g.adj, CONTAINER_TYPES)


def scene() -> sc.Scene | None:
    return st.session_state.get(SCENE)


def selected() -> str | None:
    return st.session_state.get(SELECTED)


def depth_and_cap() -> tuple[int, int]:
    """The depth and cap controls' values (their first values until they are drawn)."""
    return _control(DEPTH), _control(CAP)


def _control(key: str) -> int:
    low, high, _ = CONTROLS[key]
    return _bounded(st.session_state.get(key), low, high, initial(key))


def new_scene(seed: str, g: GraphData, *, sync_picker: bool = True) -> None:
    """Start a scene at `seed` (depth and cap from the page's controls) and select it; the search
    box is told too unless it is what chose `seed` (it is drawn already and says so)."""
    depth, cap = depth_and_cap()
    st.session_state[INITIAL] = {DEPTH: depth, CAP: cap}  # the controls say so again after a page switch
    st.session_state[SCENE] = sc.start(seed, g.adj, g.types, depth=depth, cap=cap, rank=g.rank)
    st.session_state[TOKEN] = st.session_state.get(TOKEN, 0) + 1
    if sync_picker:
        select(seed, g)
    else:
        st.session_state[SELECTED] = seed


def set_scene(new: sc.Scene, chosen: str | None, g: GraphData) -> None:
    """Show `new` as a new scene (a loaded view) with `chosen` selected."""
    st.session_state[SCENE] = new
    st.session_state[TOKEN] = st.session_state.get(TOKEN, 0) + 1
    select(chosen if chosen in new.nodes else new.seed, g)


def select(node: str, g: GraphData) -> None:
    """Select `node` and make the search box say so (text, any type, the node chosen)."""
    st.session_state[SELECTED] = node
    row = g.rows.get(node, {})
    st.session_state[f"{PICKER}_text"] = str(row.get("name") or node)
    st.session_state[f"{PICKER}_type"] = widgets.ANY_TYPE
    st.session_state[f"{PICKER}_choice"] = node


def on_picked(node: str | None, g: GraphData) -> None:
    """The search box chose `node`: select it, in this scene when it is there, else in a new one."""
    if node is None or node == selected():
        return
    current = scene()
    if current is not None and node in current.nodes:
        st.session_state[SELECTED] = node
    else:
        new_scene(node, g, sync_picker=False)


def restart() -> None:
    """The depth or cap changed: grow the scene again from its seed."""
    current = scene()
    if current is not None:
        new_scene(current.seed, graph_data())


def on_event(name: str) -> None:
    """The graph component's callback: apply what the browser sent (and has drawn already)."""
    value = event_value(GRAPH, name)
    current = scene()
    if value is None or current is None:
        return
    if isinstance(value, Mapping) and isinstance(value.get("seq"), int):
        # the highest: triggers that arrive together may be applied in any order
        st.session_state[SEEN] = max(value["seq"], st.session_state.get(SEEN, 0))
    g = graph_data()
    _, cap = depth_and_cap()
    node = value.get("node") if isinstance(value, Mapping) else value
    if name == "select" and node in current.nodes and not sc.is_more(node):
        select(node, g)
    elif name == "expand" and isinstance(value, Mapping) and node in current.nodes:
        st.session_state[SCENE] = sc.expand(current, node, g.adj, g.types, cap=cap,
                                            edge_type=value.get("type") or None, rank=g.rank)
        if not sc.is_more(node):
            select(node, g)
    elif name == "hide" and node in current.nodes:
        st.session_state[SCENE] = sc.hide(current, node)
        if selected() == node:
            select(current.seed, g)
    elif name == "pin":
        st.session_state[SCENE] = sc.toggle_pin(current, node)
    elif name == "recentre" and node in g.rows:
        new_scene(node, g)


# ---------------------------------------------------------------- views

def component_state(name: str) -> Any:
    return event_value(GRAPH, name)


def current_view() -> dict[str, Any]:
    """This scene as a saved view: nodes, positions, the legend's filter, depth and cap."""
    depth, cap = depth_and_cap()
    settings = {"depth": depth, "cap": cap, "hidden_types": list(component_state("hidden_types") or [])}
    return sc.to_view(scene(), positions=component_state("positions") or {}, selected=selected(), settings=settings)


def view_to_param(view: Mapping[str, Any]) -> str:
    """A view as a URL parameter: compact JSON, deflated, base64url without padding.

    >>> view_from_param(view_to_param({"version": 1, "seed": "actor:企业"}))
    {'version': 1, 'seed': 'actor:企业'}
    """
    raw = json.dumps(view, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode("ascii").rstrip("=")


def view_from_param(text: str) -> Any:
    """The view in a URL parameter; ViewError when it is not one."""
    try:
        inflate = zlib.decompressobj()
        raw = inflate.decompress(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), MAX_VIEW_BYTES)
        if inflate.unconsumed_tail:
            raise sc.ViewError(f"the view in the address cannot be read (over {MAX_VIEW_BYTES:,} bytes)")
        return parse_view(raw)
    except (ValueError, zlib.error) as err:
        raise sc.ViewError(f"the view in the address cannot be read ({type(err).__name__})") from None


def parse_view(raw: bytes) -> Any:
    """JSON of a saved view; ViewError for text that is not JSON, too big or nested too deep."""
    if len(raw) > MAX_VIEW_BYTES:
        raise sc.ViewError(f"it is over {MAX_VIEW_BYTES:,} bytes")
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except (ValueError, RecursionError) as err:
        raise sc.ViewError(f"it is not JSON ({type(err).__name__})") from None


def apply_view(view: Any, g: GraphData) -> None:
    """Show a saved view; ViewError (one line) when it cannot be read."""
    loaded, extra = sc.from_view(view, g.rows.keys())
    settings = extra["settings"]
    wanted = {key: _bounded(settings.get(name), *CONTROLS[key]) for key, name in ((DEPTH, "depth"), (CAP, "cap"))}
    for key, value in wanted.items():
        if key in st.session_state:  # the control is on the page: tell it
            st.session_state[key] = value
            st.session_state.setdefault(SET_BY_VIEW, set()).add(key)
    st.session_state[INITIAL] = wanted  # the controls' first value, when they are not drawn yet
    set_scene(loaded, extra.get("selected"), g)
    hidden_types = [str(t) for t in settings.get("hidden_types") or []]
    st.session_state[LOADED] = (st.session_state[TOKEN], extra["positions"], hidden_types)


def _bounded(value: Any, low: int, high: int, default: int) -> int:
    """`value` as an int in low..high, else `default`.

    >>> _bounded("3", 1, 3, 1), _bounded(99, 2, 30, 6), _bounded(None, 1, 3, 1)
    (3, 6, 1)
    """
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return number if low <= number <= high else default


def initial(key: str) -> int:
    """The first value of a control (depth, cap): from a loaded view, else its default."""
    return int(st.session_state.get(INITIAL, {}).get(key, CONTROLS[key][2]))


def control_value(key: str) -> int | None:
    """The `value` to draw a control with: the one it holds, else its first value; None only in the
    run where a loaded view wrote it (a value passed as well would earn Streamlit's "set twice" warning).

    Never None otherwise: a control the browser draws afresh (a page's first run overtaken by the
    next before it was painted) starts from this value, and from None it would start empty.
    """
    if key in st.session_state.get(SET_BY_VIEW, ()):
        st.session_state[SET_BY_VIEW].discard(key)
        return None
    return _control(key)


def loaded_layout() -> tuple[dict[str, Any], list[str]]:
    """(positions, hidden types) of the view this scene was loaded from; empty for a grown scene."""
    token, positions, hidden_types = st.session_state.get(LOADED, (None, {}, []))
    return (positions, hidden_types) if token == st.session_state.get(TOKEN) else ({}, [])
