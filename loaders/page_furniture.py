"""Running headers and footers of a scanned or PDF-converted copy (pure: line texts -> indices).

A PDF-to-text conversion or an OCR run prints each page's header or footer (the law's name, the
issuer's 红头, a gazette's masthead) as a line of its own wherever the page broke, often in the
middle of a sentence. Such a line is known by its shape alone: short, no punctuation of a
sentence, and the very same text three times or more, a page apart (a web page that prints the
title twice over its text is no page furniture). Its first printing in the first lines of
the copy may be the title or the 红头 and stays for the front matter; every other printing goes.
"""

from __future__ import annotations

import re
from collections import defaultdict

MIN_REPEATS = 3  # twice is a title printed again over the text, not a page's furniture
MIN_CHARS, MAX_CHARS = 4, 40
MIN_GAP = 8  # lines between two printings: a page holds more than this
TOP_LINES = 5  # a first printing this near the top is the title or the 红头, read by the front matter
# Sentence and list punctuation: a line with any of it is text (牵头单位：某局 may recur), not furniture.
_TEXT_MARKS = re.compile(r"[。，；：、！？,;:!?（）()]")
_HEADING = re.compile(r"^(?:第\s*[一二三四五六七八九十百千零〇两\d]+\s*[编章节条]|[一二三四五六七八九十]+、|\d+[.．、])")


def _furniture_like(text: str) -> bool:
    return (MIN_CHARS <= len(text) <= MAX_CHARS and not _TEXT_MARKS.search(text)
            and not _HEADING.match(text))


def running_heads(texts: list[str]) -> set[int]:
    """Indices of the lines in `texts` that are a running header or footer.

    >>> page = ["第一条 甲。"] * 9
    >>> sorted(running_heads(["某某条例", *page, "某某条例", *page, "某某条例"]))
    [10, 20]
    >>> running_heads(["某某条例", "第一条 甲。", "某某条例", "第二条 乙。", "某某条例"])
    set()
    >>> sorted(running_heads(page + ["某省人民政府文件", *page] * 3))
    [9, 19, 29]
    """
    where: dict[str, list[int]] = defaultdict(list)
    for i, text in enumerate(texts):
        if _furniture_like(text):
            where[text].append(i)
    out: set[int] = set()
    for indices in where.values():
        gaps = [b - a for a, b in zip(indices, indices[1:])]
        if len(indices) >= MIN_REPEATS and min(gaps) >= MIN_GAP:
            out.update(indices[1:] if indices[0] < TOP_LINES else indices)
    return out
