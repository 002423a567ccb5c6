"""`finditer`, exactly, for patterns built around a word: try the pattern only near that word.

A pattern such as "up to 12 characters, then an actor word" (…企业) is tried by the regex engine
at every position of the text, each time with every length and every word: the cost of a
document grows with its length times the pattern's size. Where every match holds an anchor
word (the actor word, the agency name) that starts at most `reach` characters after the match
does, the matches can only start in the `reach` characters before an anchor; one cheap scan
finds the anchors, and the pattern is tried at those few positions alone.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Iterator


def anchor(pattern: str, first_chars) -> re.Pattern[str]:
    """A pattern matching one character wherever `pattern` can start (all of them, overlapping or
    not); `first_chars` are the characters a match of `pattern` can begin with. The engine skips in C
    to those characters, so the scan costs little more than a search for one character.

    >>> [m.start() for m in anchor("ab|b", "ab").finditer("xxab yb")]
    [2, 3, 6]
    """
    chars = "".join(re.escape(c) for c in sorted(set(first_chars)))
    return re.compile(rf"[{chars}](?<=(?={pattern}).)" if chars else "(?!)")


def anchored_finditer(pattern: re.Pattern[str], anchors: re.Pattern[str], text: str,
                      reach: int) -> Iterator[re.Match[str]]:
    """The matches of `pattern.finditer(text)`, in order, the same ones. `anchors` (made by
    `anchor`) matches where an anchor word starts; every match of `pattern` that starts
    at s must hold an anchor starting at q, s <= q <= s + reach, q < the match's end. `pattern`
    must not look behind its start (lookbehind, \\b, ^), and never matches the empty string.

    >>> words = re.compile(r"[a-z]{1,3}?(?:ab|b)")
    >>> text = "xxab yb zzzzb b"
    >>> [m.group() for m in anchored_finditer(words, anchor("ab|b", "ab"), text, 3)]
    ['xxab', 'yb', 'zzzb']
    >>> [m.group() for m in words.finditer(text)]
    ['xxab', 'yb', 'zzzb']
    """
    starts = [m.start() for m in anchors.finditer(text)]
    pos, i = 0, 0
    while i < len(starts):
        q = starts[i]
        if q < pos:
            i += 1
            continue
        # No match starts in [pos, q - reach): its anchor would lie before q, the first one from pos.
        for s in range(max(pos, q - reach), q + 1):
            m = pattern.match(text, s)
            if m:
                yield m
                pos = max(m.end(), s + 1)
                break
        else:
            pos, i = q + 1, i + 1


@lru_cache(maxsize=8)
def _stops(text: str, chars: str) -> tuple[int, ...]:
    """Where any of `chars` stands in `text`, in order: found once per text, so the many mentions of
    one line (a megabyte-long one too) each find their sentence or clause by bisection, not by a scan."""
    return tuple(m.start() for m in re.finditer(f"[{re.escape(chars)}]", text))


def last_stop(text: str, chars: str, before: int) -> int:
    """``max(text.rfind(c, 0, before) for c in chars)``: the last of `chars` before `before`, or -1.

    >>> last_stop("一，二。三", "，。", 3), last_stop("一，二。三", "，。", 1)
    (1, -1)
    """
    stops = _stops(text, chars)
    i = bisect.bisect_left(stops, before)
    return stops[i - 1] if i else -1


def first_stop(text: str, chars: str, start: int) -> int:
    """The first of `chars` at or after `start`, or -1.

    >>> first_stop("一，二。三", "，。", 2), first_stop("一，二。三", "，。", 4)
    (3, -1)
    """
    stops = _stops(text, chars)
    i = bisect.bisect_left(stops, start)
    return stops[i] if i < len(stops) else -1
