"""Files, bytes or text -> PolicyGraph: read, find the outline, extract, relate."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from graph.model import PolicyGraph, merge_graphs
from loaders.errors import LoaderError
from loaders.outline import parse_outline
from loaders.reading import SourceText, normalise, read_bytes, read_path
from loaders.relations import build_graph

log = logging.getLogger(__name__)


def _graph(source: SourceText, name: str) -> PolicyGraph:
    if not source.text.strip():
        raise LoaderError(name, "no text after normalisation")
    try:
        outline = parse_outline(source.text, list(source.set_aside))
        return build_graph(outline, source.text, Path(name).name, Path(name).stem, source.warnings)
    except LoaderError:
        raise
    except Exception as err:  # noqa: BLE001 - a bug in extraction: one line naming the file, not a traceback
        log.info("extracting %s failed", name, exc_info=True)  # the traceback, for a log that asks for it
        detail = str(err).splitlines()[0][:120] if str(err) else ""
        raise LoaderError(name, f"the loader failed on this document ({type(err).__name__}"
                                f"{': ' + detail if detail else ''}); please report it") from None


def load_text(text: str, source: str = "<text>") -> PolicyGraph:
    """The graph of one document given as text (normalised here)."""
    return _graph(SourceText(normalise(text), (), "str"), source)


def load_bytes(data: bytes, name: str) -> PolicyGraph:
    """The graph of one uploaded file; its format comes from `name`'s suffix."""
    return _graph(read_bytes(data, name), name)


def load_paths(paths: Iterable[str | Path]) -> PolicyGraph:
    """One graph from many files. A later file with the same document id replaces an earlier one.

    >>> g = load_paths(["data/seed/zhejiang-platform-economy-2023.txt"])
    >>> sorted(n.attrs["number"] for n in g.nodes if n.label.value == "Measure")[-1]
    25
    """
    by_document: dict[str, PolicyGraph] = {}
    for path in paths:
        graph = _graph(read_path(path), str(path))
        by_document.pop(graph.documents[0].id, None)  # re-insert: the later file wins
        by_document[graph.documents[0].id] = graph
    return merge_graphs(by_document.values())


__all__ = ["load_bytes", "load_paths", "load_text", "merge_graphs"]
