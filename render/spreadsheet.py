"""Cells a spreadsheet will not run: a text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) is a formula to Excel and LibreOffice when they open a CSV file, so a node named
``=HYPERLINK("http://…")`` would run on the reader's machine. OWASP's advice: put a single quote in
front of such a cell in CSV. In XLSX the cell is stored as text instead (see `render.exports`).

>>> [csv_cell(v) for v in ("=1+1", "+86 10", "-", "@SUM(A1)", "\\t=1", "平台企业", -3, None)]
["'=1+1", "'+86 10", "'-", "'@SUM(A1)", "'\\t=1", '平台企业', -3, None]
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """`value` as a CSV cell no spreadsheet evaluates; anything but text unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_frame(frame):
    """A pandas DataFrame with every text cell (and column name) made safe by `csv_cell`."""
    safe = frame.map(csv_cell) if hasattr(frame, "map") else frame.applymap(csv_cell)
    safe.columns = [csv_cell(str(c)) for c in frame.columns]
    return safe
