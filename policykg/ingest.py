"""Files into a store: which documents load at start, loading them, and writing them to a store.

The one place where `loaders` (files -> `PolicyGraph`) meets `graph` (stores): the command
line, the explorer and the benchmarks all load through here.

>>> store = embedded_store([])
>>> store.query("documents")
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from graph.factory import embedded_store as _embedded
from graph.model import PolicyGraph
from graph.store import PolicyStore, SyncReport
from loaders import LoaderError, load_bytes, load_paths
from loaders.corpus import expand_paths as _expand, load_reporting
from loaders.errors import shown_name

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "data" / "seed"
SEED_SUFFIXES = (".txt", ".html", ".htm", ".docx", ".pdf")
# The documents loaded at start instead of the bundled ones: files or folders (recursive), os.pathsep-separated.
DOCS_ENV = "POLICY_KG_DOCS"
# Extra documents to load next to those, separated by os.pathsep (used by the browser test).
EXTRA_DOCS_ENV = "POLICY_KG_EXTRA_DOCS"

# The loaders' entry points the explorer and the command line use, so they reach `loaders` only here.
__all__ = ["DOCS_ENV", "EXTRA_DOCS_ENV", "LoaderError", "SEED_DIR", "bundled_paths", "embedded_store",
           "expand_paths", "load_bytes", "load_file", "load_into", "load_paths", "seed_paths", "shown_name"]


def expand_paths(entries: Iterable[str | os.PathLike]) -> list[str]:
    """Each entry as it is when a file, or every supported file under it (recursive, sorted) when a
    folder: the same rule for the command line and the explorer."""
    return [str(p) for p in _expand(entries)]


def bundled_paths() -> list[str]:
    """The documents that ship with the project (``data/seed``), in name order."""
    if not SEED_DIR.is_dir():
        return []
    return [str(p) for p in sorted(SEED_DIR.iterdir()) if p.suffix.lower() in SEED_SUFFIXES]


def _listed(env: str) -> list[str]:
    return [p for p in os.environ.get(env, "").split(os.pathsep) if p.strip()]


def seed_paths() -> tuple[str, ...]:
    """The documents loaded at start: those under ``POLICY_KG_DOCS`` (files or folders) when it is
    set, else the bundled ones; then any listed in ``POLICY_KG_EXTRA_DOCS``."""
    paths = expand_paths(_listed(DOCS_ENV)) if _listed(DOCS_ENV) else bundled_paths()
    return tuple(paths + expand_paths(_listed(EXTRA_DOCS_ENV)))


def load_file(path: str | os.PathLike) -> PolicyGraph:
    """The graph of one file; `LoaderError` (one line naming the file) when it cannot be read."""
    return load_paths([str(path)])


def embedded_store(paths: Iterable[str | os.PathLike]) -> PolicyStore:
    """An in-memory store holding the documents at `paths` (all of them must load)."""
    return _embedded(load_paths([str(p) for p in paths]))


def load_into(store: PolicyStore, paths: Iterable[str | os.PathLike], report: TextIO,
              progress=None) -> SyncReport | None:
    """Load every file (folders recursively) and write what loaded to `store`, each document
    replacing its stored version. A file that fails is reported on `report` and skipped, so its
    stored version stays; None (and nothing written) when no file loaded."""
    graph = load_reporting(paths, report)
    if not graph.documents:
        return None
    return store.load(graph, progress=progress) if progress else store.load(graph)
