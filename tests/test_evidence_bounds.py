"""Evidence is a bounded window around the fact, so output stays proportional to the facts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from policykg.load_cli import graph_bytes
from loaders import load_text
from loaders.evidence import MAX_EVIDENCE, clip

SEED = Path(__file__).resolve().parent.parent / "data" / "seed" / "zhejiang-platform-economy-2023.txt"


def test_clip_table():
    assert clip("短句。", 0, 2) == (0, 3)  # a short sentence is kept whole
    assert clip("字" * 1000, 500, 504) == (380, 624)  # a long one: a window around the mention
    assert clip("字" * 1000, 0, 4) == (0, 124)
    assert clip("字" * 1000, 990, 1000) == (870, 1000)
    assert clip("字" * 1000, 10, 900) == (10, 10 + MAX_EVIDENCE)


@pytest.mark.slow
def test_a_single_line_of_megabytes_gives_small_output():
    # The seed without any sentence end or line break, repeated to 2 MB: one "sentence".
    line = re.sub(r"[。；！？\n\s]", "", SEED.read_text(encoding="utf-8"))
    text = (line * (2_000_000 // len(line) + 1))[:2_000_000]
    graph = load_text(text)
    assert all(len(e.evidence) <= MAX_EVIDENCE for e in graph.edges)
    out = graph_bytes(graph, "json")
    # Bound: the text may be kept once (as the preamble or an article's text), never once per edge.
    assert len(out) < 1.2 * len(text.encode("utf-8"))
