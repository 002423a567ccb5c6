"""The clickable graph: vis-network as a Streamlit custom component (v2: inline, no iframe).

vis-network's code comes from the pyvis package (`render.pyvis_html.vis_assets`), so nothing is
fetched from a CDN: the component loads it from the explorer's static folder (the payload's
``vis_src``, `app_pages.data.vis_script_src`), which the browser fetches once and caches; when
static serving is off, `load_vis` sends it inline. The component's own HTML, CSS and JS are in
``app_pages/assets/graph_view.*`` (`SCRIPTS`). The browser answers a click itself (the details
panel, a prefetched double-click) and then sends back:

- trigger values (one run each): ``select`` ({node, seq}), ``expand`` ({node, type, seq}),
  ``hide``, ``pin``, ``recentre`` (node id); ``seq`` numbers the clicks the browser has answered,
  and the payload's ``seen`` says up to which one the page has applied;
- state values (kept): ``positions`` ({id: [x, y]}) after a layout or a drag, and
  ``hidden_types`` (the node types the legend hides).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

import streamlit as st

from app_pages.component_assets import asset_component

NAME = "policy_kg.graph_view"
SCRIPTS = ("graph_view_local.js", "graph_view.js")  # one module: the local answers, then the component
EVENTS = ("select", "expand", "hide", "pin", "recentre", "positions", "hidden_types")


@lru_cache(maxsize=1)
def _loader() -> Callable[..., Any]:
    from render.pyvis_html import vis_assets

    vis_js, _css = vis_assets()
    # vis-network's UMD build sets globalThis.vis when it runs as part of a module.
    return st.components.v2.component(f"{NAME}.vis", js=vis_js + "\nexport default function () {}\n")


@lru_cache(maxsize=1)
def _component() -> Callable[..., Any]:
    return asset_component(NAME, "graph_view", scripts=SCRIPTS)


def load_vis() -> None:
    """Put vis-network (half a megabyte) on the page inline, for a server without static serving.
    Call it outside the fragment that holds the graph: a fragment's rerun then sends only the
    graph's small code and its data."""
    _loader()(key=f"{NAME}.vis", height=0)


def graph_view(payload: dict[str, Any], *, key: str, on_event: Callable[[str], None] | None = None) -> Any:
    """Mount the graph with `payload` (after `load_vis` on the same page) (nodes, edges, legend, selected, token, strings, height …).

    `on_event(name)` runs, before the page script, whenever the browser sends one of `EVENTS`;
    the value is in ``st.session_state[key][name]``. Returns the component's result.
    """
    callbacks = {f"on_{name}_change": (lambda name=name: on_event(name)) if on_event else (lambda: None)
                 for name in EVENTS}
    return _component()(key=key, data=payload, height="content", **callbacks)


def event_value(key: str, name: str) -> Any:
    """The value of event `name` the component under `key` has just sent (None if none)."""
    state = st.session_state.get(key)
    if state is None:
        return None
    try:
        return state[name]
    except (KeyError, TypeError):
        return getattr(state, name, None)
