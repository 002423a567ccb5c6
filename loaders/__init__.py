"""Policy documents -> `PolicyGraph`.

>>> from loaders import load_paths
>>> graph = load_paths(["data/seed/zhejiang-platform-economy-2023.txt"])
>>> len(graph.documents), graph.documents[0].id
(1, 'doc:中共浙江省委办公厅:关于促进平台经济高质量发展的实施意见:2023-01-31')
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from loaders.errors import LoaderError

if TYPE_CHECKING:
    from loaders.pipeline import load_bytes, load_paths, load_text

__all__ = ["LoaderError", "load_bytes", "load_paths", "load_text"]
_PIPELINE = ("load_bytes", "load_paths", "load_text")


def __getattr__(name: str):
    # The pipeline (outline, entities, lexicons …) is imported when first asked for: a process that
    # only reads files (`loaders.reading`, as each hostile-input check's child process does) starts in
    # a fifth of the time.
    if name in _PIPELINE:
        value = getattr(import_module("loaders.pipeline"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
