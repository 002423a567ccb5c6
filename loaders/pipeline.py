"""Files, bytes or text -> PolicyGraph: read, find the outline, extract, relate."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable

from graph.model import PolicyGraph, merge_graphs
from loaders.errors import LoaderError
from loaders.outline import parse_outline
from loaders.reading import SourceText, normalise, read_bytes, read_path
from loaders.relations import build_graph, content_hash

log = logging.getLogger(__name__)


def _graph(source: SourceText, name: str, doc_id: str | None = None) -> PolicyGraph:
    if not source.text.strip():
        raise LoaderError(name, "no text after normalisation")
    try:
        outline = parse_outline(source.text, list(source.set_aside))
        return build_graph(outline, source.text, Path(name).name, Path(name).stem, source.warnings, doc_id)
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
    """One graph from many files (see `Documents`); the first file that fails raises.

    >>> g = load_paths(["data/seed/zhejiang-platform-economy-2023.txt"])
    >>> sorted(n.attrs["number"] for n in g.nodes if n.label.value == "Measure")[-1]
    25
    """
    documents = Documents()
    for path in paths:
        documents.add(path)
    return documents.graph()


class Documents:
    """The documents of a corpus, added file by file: copies of one document (same id, same
    normalised text) are one document; two different texts that claim the same id both stay,
    the later one under an id with its content hash, and both files are named in a warning."""

    def __init__(self) -> None:
        self.by_document: dict[str, PolicyGraph] = {}
        self.sources: dict[str, tuple[str, str]] = {}  # doc id -> (file, content hash)

    def add(self, path: str | Path) -> PolicyGraph:
        """Load one file (raises `LoaderError` naming it) and keep its graph; returns that graph."""
        source = read_path(path)
        graph = _graph(source, str(path))
        doc_id, digest = graph.documents[0].id, content_hash(source.text)
        if doc_id in self.sources and self.sources[doc_id][1] != digest:
            first = self.sources[doc_id][0]
            new_id = f"{doc_id}#{digest}"
            warning = (f"{first} and {path} both read as document {doc_id} but their texts differ; "
                       f"{path} is kept as {new_id}")
            graph = _graph(SourceText(source.text, source.set_aside, source.encoding,
                                      source.warnings + (warning,)), str(path), new_id)
            doc_id = new_id
        self.sources[doc_id] = (str(path), digest)
        self.by_document.pop(doc_id, None)  # re-insert: the later copy of the same document wins
        self.by_document[doc_id] = graph
        return graph

    def graph(self) -> PolicyGraph:
        return merge_graphs(self.by_document.values())


__all__ = ["load_bytes", "load_paths", "load_text", "merge_graphs"]
