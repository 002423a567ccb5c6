"""Cells a spreadsheet will not run: a text that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or
carriage return) is a formula to Excel and LibreOffice when they open a CSV file, so a node named
``=HYPERLINK("http://…")`` would run on the reader's machine. OWASP's advice: put a single quote in
front of such a cell in CSV. In XLSX the cell is stored as text instead. Every table the product
writes (graph exports, comparisons, the app's downloads) goes through `csv_bytes` and `xlsx_bytes`.

>>> [csv_cell(v) for v in ("=1+1", "+86 10", "-", "@SUM(A1)", "\\t=1", "平台企业", -3, None)]
["'=1+1", "'+86 10", "'-", "'@SUM(A1)", "'\\t=1", '平台企业', -3, None]
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence
from typing import Any

Table = tuple[Sequence[str], Sequence[Sequence[Any]]]  # (columns, rows)
WIDE_COLUMNS = {"evidence": 60, "text": 60, "preamble": 60, "a_text": 60, "b_text": 60, "id": 28, "source": 28,
                "target": 28}

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


def csv_bytes(columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> bytes:
    """One table as CSV in UTF-8 with a byte-order mark (so Excel shows Chinese), every cell safe.

    >>> csv_bytes(["name"], [["=1+1"], ["平台企业"]]).decode("utf-8-sig").splitlines()
    ['name', "'=1+1", '平台企业']
    """
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([csv_cell(c) for c in columns])
    writer.writerows([csv_cell(v) for v in row] for row in rows)
    return buf.getvalue().encode("utf-8-sig")


def xlsx_bytes(tables: Mapping[str, Table]) -> bytes:
    """An Excel workbook with one sheet per table, header row bold and frozen, text stored as text."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    for name, (columns, rows) in tables.items():
        ws = wb.create_sheet(name)
        ws.freeze_panes = "A2"
        for i, column in enumerate(columns):
            ws.column_dimensions[get_column_letter(i + 1)].width = WIDE_COLUMNS.get(column, 16)
        header = []
        for column in columns:
            cell = _text_cell(ws, column)
            cell.font = Font(bold=True)
            header.append(cell)
        ws.append(header)
        for row in rows:
            ws.append([_text_cell(ws, ILLEGAL_CHARACTERS_RE.sub("", v)) if isinstance(v, str) else v
                       for v in row])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _text_cell(ws, text: str):
    """A cell holding `text` as text: openpyxl would store a text starting with "=" as a live formula."""
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(ws, value=text)
    cell.data_type = "s"
    return cell
