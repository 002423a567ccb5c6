"""Policy documents -> `PolicyGraph`.

>>> from loaders import load_paths
>>> graph = load_paths(["data/seed/zhejiang-platform-economy-2023.txt"])  # doctest: +SKIP
"""

from __future__ import annotations

from loaders.errors import LoaderError
from loaders.pipeline import load_bytes, load_paths, load_text

__all__ = ["LoaderError", "load_bytes", "load_paths", "load_text"]
