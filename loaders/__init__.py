"""Policy documents -> `PolicyGraph`.

>>> from loaders import load_paths
>>> graph = load_paths(["data/seed/zhejiang-platform-economy-2023.txt"])
>>> len(graph.documents), graph.documents[0].id
(1, 'doc:中共浙江省委办公厅:关于促进平台经济高质量发展的实施意见:2023-01-31')
"""

from __future__ import annotations

from loaders.errors import LoaderError
from loaders.pipeline import load_bytes, load_paths, load_text

__all__ = ["LoaderError", "load_bytes", "load_paths", "load_text"]
