"""Evidence text: the sentence a fact comes from, never more than a bounded window.

A text without sentence ends (a 5 MB single line) would otherwise make every edge carry
the whole text; the window keeps output proportional to the number of facts.
"""

from __future__ import annotations

MAX_EVIDENCE = 300  # characters; a long policy sentence is about 150
CONTEXT = 120  # characters kept on each side of the mention when a sentence is cut


def clip(text: str, start: int, end: int, limit: int = MAX_EVIDENCE) -> tuple[int, int]:
    """(start, end) of the evidence for text[start:end] when the fact is the whole of `text`
    (a sentence) or a part of it: all of `text` when short, else a window around the part.

    >>> clip("短句。", 0, 2)
    (0, 3)
    >>> clip("字" * 1000, 500, 504)
    (380, 624)
    """
    if len(text) <= limit:
        return 0, len(text)
    if end - start >= limit:
        return start, start + limit
    lo = max(0, start - CONTEXT)
    hi = min(len(text), max(end + CONTEXT, lo + 1))
    return lo, min(hi, lo + limit)
