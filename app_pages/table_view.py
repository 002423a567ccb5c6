"""A light table for every page: one custom component (v2: inline, no iframe) instead of `st.dataframe`.

Streamlit's data grid is a large script of its own; on a page's first paint in a new session it held the
heading back by 0.3–0.6 s (measured in Chromium, `bench.bench_pages`). This table is plain HTML drawn by
``app_pages/assets/table_view.*``: sticky headers, a click on a header sorts (Chinese by pinyin order,
numbers as numbers, blanks last), a filter box above long tables, and blank cells where a value is
missing; with a fill per cell it is a heatmap whose labels are never cut short. Cells are sent as text
or numbers and written with ``textContent``, never as HTML.
"""

from __future__ import annotations

import math
from functools import lru_cache
from numbers import Number
from typing import Any, Callable

import pandas as pd

from app_pages.component_assets import asset_component

NAME = "policy_kg.table"
FILTER_FROM_ROWS = 8  # shorter tables are read at a glance: no filter box
ROW_PX, MAX_AUTO_PX = 33, 420  # "auto" height: every row up to about twelve, then the table scrolls


@lru_cache(maxsize=1)
def _component() -> Callable[..., Any]:
    return asset_component(NAME, "table_view")


def table_data(frame: pd.DataFrame, *, height: int | None = None, ui: dict[str, str] | None = None,
               fills: list[list[str | None]] | None = None, titles: list[str | None] | None = None) -> dict[str, Any]:
    """The component's payload for `frame`: headers, rows of plain cells, which columns are numeric;
    with `fills`, a background per cell (a heatmap; rows and columns as in `frame`), and with
    `titles`, a tooltip per header.

    >>> table_data(pd.DataFrame({"名称": ["甲", None], "数量": [2, 3]}))["rows"]
    [['甲', 2], [None, 3]]
    """
    numeric = [pd.api.types.is_numeric_dtype(dtype) and not pd.api.types.is_bool_dtype(dtype)
               for dtype in frame.dtypes]
    rows = [[plain_cell(value) for value in row] for row in frame.itertuples(index=False, name=None)]
    payload = {"columns": [str(c) for c in frame.columns], "numeric": numeric, "rows": rows,
               "height": height or min(MAX_AUTO_PX, ROW_PX * (len(rows) + 1) + 2),
               "ui": ui if ui and len(rows) >= FILTER_FROM_ROWS else {}}
    return payload | ({"fills": fills} if fills else {}) | ({"titles": titles} if titles else {})


def plain_cell(value: Any) -> str | int | float | None:
    """A cell as the browser shows it: numbers stay numbers, a missing value is None (a blank).

    >>> [plain_cell(v) for v in (3, 2.5, float("nan"), None, "平台企业", True)]
    [3, 2.5, None, None, '平台企业', 'True']
    """
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, Number):
        return int(value) if float(value).is_integer() and not isinstance(value, float) else float(value)
    return str(value)


def table_view(frame: pd.DataFrame, *, key: str, height: int | None = None, ui: dict[str, str] | None = None,
               fills: list[list[str | None]] | None = None, titles: list[str | None] | None = None) -> None:
    """Draw `frame` (its columns as headers; the index is not shown) as the light table under `key`."""
    _component()(key=key, data=table_data(frame, height=height, ui=ui, fills=fills, titles=titles))
