"""A policy graph as two tables, nodes and edges: rows, CSV (zipped or not) and Excel.

Lists and mappings travel as JSON text (`graph.convert.flat_value`), so every cell is a scalar a
spreadsheet shows.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from typing import Any

from graph.convert import flat_value
from graph.model import PolicyGraph
from render import spreadsheet
from render.spreadsheet import csv_bytes
from render.tour import node_label


NODE_FIRST = ("id", "type", "name", "label", "name_en")
EDGE_FIRST = ("source", "target", "type", "doc_id", "role", "weight", "evidence", "span", "shared")


def node_rows(graph: PolicyGraph, lang: str = "zh") -> list[dict[str, Any]]:
    """One flat dict a node: its properties plus ``label`` (what a person reads)."""
    return [{**n.as_dict(), "label": node_label(n, lang)} for n in graph.nodes]


def edge_rows(graph: PolicyGraph) -> list[dict[str, Any]]:
    """One flat dict an edge: source, target and its properties."""
    return [{"source": e.source, "target": e.target, **e.as_dict()} for e in graph.edges]


def _columns(rows: Sequence[Mapping[str, Any]], first: Sequence[str]) -> list[str]:
    present: dict[str, None] = {}
    for row in rows:
        present.update(dict.fromkeys(row))
    return [c for c in first if c in present] + sorted(c for c in present if c not in first)


def tables(graph: PolicyGraph, lang: str = "zh") -> dict[str, tuple[list[str], list[list[Any]]]]:
    """``{"nodes": (columns, rows), "edges": (columns, rows)}`` with cells ready for CSV or Excel."""
    out = {}
    for name, rows, first in (("nodes", node_rows(graph, lang), NODE_FIRST), ("edges", edge_rows(graph), EDGE_FIRST)):
        columns = _columns(rows, first)
        out[name] = (columns, [[flat_value(row.get(c)) for c in columns] for row in rows])
    return out


def csv_files(graph: PolicyGraph, lang: str = "zh") -> dict[str, bytes]:
    """``{"nodes.csv": …, "edges.csv": …}`` in UTF-8 with a byte-order mark, so Excel shows Chinese."""
    return {f"{name}.csv": csv_bytes(columns, rows) for name, (columns, rows) in tables(graph, lang).items()}


def csv_zip(graph: PolicyGraph, lang: str = "zh") -> bytes:
    """Both CSV tables in one zip, for a single download."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in csv_files(graph, lang).items():
            zf.writestr(name, content)
    return buf.getvalue()


def xlsx_bytes(graph: PolicyGraph, lang: str = "zh") -> bytes:
    """An Excel workbook with sheets ``nodes`` and ``edges``, header row frozen."""
    return spreadsheet.xlsx_bytes(tables(graph, lang))
