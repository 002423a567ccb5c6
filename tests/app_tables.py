"""The tables an AppTest run drew (`app_pages.table_view`), as DataFrames, in page order."""

from __future__ import annotations

import json

import pandas as pd

from app_pages.table_view import NAME


def tables(at, *, main: bool = False) -> list[pd.DataFrame]:
    """Every light table of `at` (of its main area when `main`): the headers and cells it was sent."""
    root = at.main if main else at
    found = [json.loads(e.proto.json) for e in root.get("bidi_component") if e.proto.component_name == NAME]
    return [pd.DataFrame(t["rows"], columns=t["columns"]) for t in found]
