"""Clickable horizontal bars: one custom component (v2: inline, no iframe) instead of a Vega chart.

Every label is written out in full on a row of its own, and a click (or Enter) on a row picks it. The
Vega-Lite chart this replaces brought a megabyte of script that held the Overview's first paint back
(``app_pages/assets/bars.*``; measured in Chromium, `bench.bench_pages`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from app_pages.component_assets import asset_component
from app_pages.graph_view import event_value

NAME = "policy_kg.bars"


@lru_cache(maxsize=1)
def _component() -> Callable[..., Any]:
    return asset_component(NAME, "bars")


def bars(rows: list[dict[str, Any]], *, key: str, colour: str, axis: str) -> str | None:
    """Draw `rows` (``id``, ``label``, ``value``, optional ``title`` for the tooltip) as bars under
    `key`, longest first as given; returns the id of the bar last clicked, if it is still drawn."""
    picked = picked_bar(key)
    picked = picked if any(r["id"] == picked for r in rows) else None
    _component()(key=key, data={"bars": rows, "colour": colour, "axis": axis, "picked": picked},
                 on_picked_change=lambda: None)
    return picked


def picked_bar(key: str) -> str | None:
    """The id the bars under `key` last reported clicked (None before any click)."""
    value = event_value(key, "picked")
    return value if isinstance(value, str) else None
