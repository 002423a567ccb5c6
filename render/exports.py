"""Every export of a policy graph by format name, and writing it to files.

The formats live in their own modules: `render.tables` (CSV, Excel), `render.gephi`
(GraphML, GEXF), `render.scenes` + `render.picture` (PNG, SVG) and `render.standalone`
(one offline HTML page). Nothing here calls Streamlit; every writer is whole-or-nothing
(temp file, then rename).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from graph import files
from graph.index import GraphIndex
from graph.model import PolicyGraph
from render.errors import ExportError
from render.gephi import gexf_bytes, graphml_bytes
from render.picture import png_bytes, svg_text
from render.scenes import scene
from render.tables import csv_files, xlsx_bytes
from render.tour import Tour

FORMATS = ("html", "png", "svg", "graphml", "gexf", "csv", "xlsx")



def write_atomic(path: str | Path, content: bytes | str) -> Path:
    """Write `content` to `path` whole or not at all; ExportError naming the file otherwise."""
    try:
        return files.write_atomic(path, content)
    except OSError as err:
        raise ExportError(f"{path}: cannot write ({err.strerror or err})") from None


def picture_target(tour: Tour | None = None, step: str | None = None,
                   node_ids: Iterable[str] | None = None) -> tuple[list[str] | None, tuple[str, ...], str | None, str]:
    """(node ids, edge types, focus, title) for a picture: a tour step, given nodes, or the whole graph."""
    if step is not None:
        if tour is None:
            raise ExportError(f"step {step!r} needs a tour")
        try:
            chosen = tour.step(step)
        except KeyError:
            known = ", ".join(s.id for s in tour.steps)
            raise ExportError(f"no step {step!r} in the tour (steps: {known})") from None
        return list(chosen.node_ids), chosen.edge_types, chosen.focus, chosen.title
    return (list(node_ids) if node_ids is not None else None), (), None, tour.title if tour else ""


def export_bytes(graph: PolicyGraph, fmt: str, *, tour: Tour | None = None, step: str | None = None,
                 node_ids: Iterable[str] | None = None, lang: str = "zh", width: int = 1600, height: int = 900,
                 theme: str = "light") -> dict[str, bytes]:
    """File name suffix -> content for `fmt` (csv gives two files, everything else one)."""
    if fmt == "graphml":
        return {".graphml": graphml_bytes(graph, lang)}
    if fmt == "gexf":
        return {".gexf": gexf_bytes(graph, lang)}
    if fmt == "csv":
        return {f".{name}": content for name, content in csv_files(graph, lang).items()}
    if fmt == "xlsx":
        return {".xlsx": xlsx_bytes(graph, lang)}
    if fmt == "html":
        from render.standalone import standalone_html

        return {".html": standalone_html(GraphIndex(graph), tour=tour, lang=lang).encode("utf-8")}
    if fmt in ("png", "svg"):
        ids, kinds, focus, title = picture_target(tour, step, node_ids)
        sc = scene(GraphIndex(graph), ids, kinds, focus, width=width, height=height, title=title, lang=lang, theme=theme)
        return {".png": png_bytes(sc)} if fmt == "png" else {".svg": svg_text(sc).encode("utf-8")}
    raise ExportError(f"unknown export format {fmt!r} (use {', '.join(FORMATS)})")


def csv_paths(out: str | Path) -> dict[str, Path]:
    """Where the two CSV tables go: ``DIR/nodes.csv`` for a folder, else ``STEM.nodes.csv`` beside `out`."""
    out = Path(out)
    if out.is_dir() or str(out).endswith(("/", os.sep)) or not out.suffix:
        return {".nodes.csv": out / "nodes.csv", ".edges.csv": out / "edges.csv"}
    stem = out.with_suffix("")
    return {".nodes.csv": stem.with_name(stem.name + ".nodes.csv"), ".edges.csv": stem.with_name(stem.name + ".edges.csv")}


def write_export(graph: PolicyGraph, fmt: str, out: str | Path, **kwargs: Any) -> list[Path]:
    """Write the export to `out` (CSV: two files, see `csv_paths`); the paths written."""
    files = export_bytes(graph, fmt, **kwargs)
    if fmt == "csv":
        targets = csv_paths(out)
        return [write_atomic(targets[suffix], content) for suffix, content in files.items()]
    return [write_atomic(out, content) for content in files.values()]
