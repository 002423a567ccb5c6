"""The outline scan is linear in the number of paragraphs: hostile inputs finish within a generous
bound (a bound against quadratic blow-up, not a benchmark)."""

from __future__ import annotations

import time

import pytest

from loaders.outline import parse_outline
from loaders.reading import normalise


def _scan_seconds(text: str) -> float:
    start = time.perf_counter()
    parse_outline(normalise(text))
    return time.perf_counter() - start


def test_table_like_text_of_short_unfinished_rows():
    # 20,000 short rows that never end a sentence, after an open measure: each waits for a continuation.
    rows = "\n".join(f"序号{i}\t项目名称{i}\t责任单位" for i in range(20000))
    text = "关于某项工作的实施方案\n一、主要任务\n1.推进项目建设，包括\n" + rows
    assert _scan_seconds(text) < 20


@pytest.mark.slow
def test_megabytes_without_sentence_ends():
    # 3 MB of numbered-looking and plain fragments with no sentence punctuation.
    lines = "\n".join(("（%d）推动平台企业发展" % i) if i % 3 else "推进平台经济规范健康持续发展工作" for i in range(120000))
    text = "关于某项工作的意见\n一、总体要求\n（一）指导思想\n" + lines
    assert _scan_seconds(text) < 30
