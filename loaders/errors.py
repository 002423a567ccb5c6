"""The one error loaders raise: it names the file and the reason."""

from __future__ import annotations


class LoaderError(ValueError):
    """A document could not be loaded. `str(err)` is one line: ``<file>: <reason>``."""

    def __init__(self, source: str, reason: str):
        self.source = str(source)
        self.reason = reason
        super().__init__(f"{self.source}: {reason}")
