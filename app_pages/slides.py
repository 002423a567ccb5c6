"""The presenter's slides: one custom component (v2: inline, no iframe) holding the whole tour.

Python sends every visible step once (`render.standalone.slides_data`: headings, notes, evidence,
nodes, edges and the positions laid out on the server, label boxes apart); the browser swaps steps
itself (``app_pages/assets/slides.*``) on its buttons, its step picker and the keys → ← PageDown
PageUp Home End, and sends the step it shows back as the state value ``step``. Mounted inside a
fragment, that state starts a rerun of the fragment only, never of the page script. vis-network is
loaded by a script element from the explorer's static folder, else put on the page by
`graph_view.load_vis`.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from app_pages.component_assets import asset_component
from app_pages.graph_view import event_value
from render.standalone import slide_style_js

NAME = "policy_kg.slides"


@lru_cache(maxsize=1)
def _component() -> Callable[..., Any]:
    # Not isolated in a shadow root: the slides take the page's fonts, and fullscreen works on the root.
    return asset_component(NAME, "slides", js_prefix=slide_style_js(), isolate_styles=False)


def slides(payload: dict[str, Any], *, key: str, on_step: Callable[[], None]) -> Any:
    """Mount the slides with `payload` (`slides_data` plus step, jump, token, ui strings, sizes).
    `on_step` runs, before the script, when the browser reports the step it shows (`shown_step`)."""
    return _component()(key=key, data=payload, height="content", on_step_change=on_step)


def shown_step(key: str) -> int | None:
    """The step the slides under `key` last reported showing (None before any)."""
    value = event_value(key, "step")
    return int(value) if isinstance(value, (int, float)) else None
