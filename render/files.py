"""Writing output files whole or not at all: `graph.files.write_atomic`, the project's one writer."""

from __future__ import annotations

from graph.files import write_atomic

__all__ = ["write_atomic"]
