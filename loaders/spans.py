"""A growing set of text spans asked "does this span overlap any of you?" in logarithmic time.

Mentions in one passage are checked against the spans already taken (titles in 《》, longer names);
a megabyte-long line holds thousands of each, so a scan per mention would be quadratic. The set
keeps the union of its spans as sorted, disjoint intervals: the intervals starting before a span's
end are a prefix, and among them the last reaches furthest.

>>> taken = Spans([(2, 5), (10, 12)])
>>> [taken.overlaps(s) for s in [(0, 2), (4, 6), (5, 10), (11, 20), (0, 30)]]
[False, True, False, True, True]
>>> taken.add((5, 10)); taken.intervals()
[(2, 12)]
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable


class Spans:
    """The union of half-open spans ``[start, end)``; `overlaps` is true when a span shares a
    character with one of them, exactly as a scan ``any(s < e2 and s2 < e ...)`` would say."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for span in sorted(spans):
            self.add(span)

    def overlaps(self, span: tuple[int, int]) -> bool:
        start, end = span
        i = bisect.bisect_left(self._starts, end)  # intervals starting before `end`
        return i > 0 and self._ends[i - 1] > start

    def add(self, span: tuple[int, int]) -> None:
        """Add `span`, merging it with every interval it overlaps or touches."""
        start, end = span
        if end <= start:  # an empty span holds no character
            return
        first = bisect.bisect_left(self._ends, start)  # the first interval ending at or after `start`
        last = bisect.bisect_right(self._starts, end)  # one past the last starting at or before `end`
        if first < last:
            start, end = min(start, self._starts[first]), max(end, self._ends[last - 1])
        self._starts[first:last] = [start]
        self._ends[first:last] = [end]

    def intervals(self) -> list[tuple[int, int]]:
        return list(zip(self._starts, self._ends))
