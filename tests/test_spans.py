"""Spans answers exactly what a scan of every taken span answers, at any order of adds and asks."""

import random

import pytest

from loaders.spans import Spans


def scan(span, taken):
    return any(span[0] < e and s < span[1] for s, e in taken)


@pytest.mark.parametrize("seed", range(20))
def test_spans_agree_with_a_scan(seed):
    rnd = random.Random(seed)
    taken, spans = [], Spans()
    for _ in range(300):
        start = rnd.randint(0, 200)
        span = (start, start + rnd.randint(1, 12))
        if rnd.random() < 0.5:
            assert spans.overlaps(span) == scan(span, taken), (span, taken)
        else:
            taken.append(span)
            spans.add(span)
    union = spans.intervals()
    assert all(a[1] < b[0] for a, b in zip(union, union[1:]))  # disjoint, sorted, not touching


@pytest.mark.parametrize("taken, span, expected", [
    ([(2, 5)], (5, 8), False),   # touching is not overlapping
    ([(2, 5)], (0, 3), True),
    ([(2, 5), (5, 9)], (4, 6), True),
    ([], (0, 1), False),
])
def test_spans_table(taken, span, expected):
    assert Spans(taken).overlaps(span) is expected
