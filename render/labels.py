"""Labels that stay apart: two documents may both have a target system called 数字经济体系, and a table
or chart keyed by name would merge them (or fail on duplicate columns). Keys are ids; a label
shared by several ids gets its document's name, then a number, added.

>>> unique_labels([("a/system:1", "数字体系", "文件甲"), ("b/system:1", "数字体系", "文件乙"),
...                ("c/system:2", "法治体系", "文件甲")])
{'a/system:1': '数字体系 · 文件甲', 'b/system:1': '数字体系 · 文件乙', 'c/system:2': '法治体系'}
>>> unique_labels([("x", "甲", "同"), ("y", "甲", "同")])
{'x': '甲 · 同', 'y': '甲 · 同 #2'}
"""

from __future__ import annotations

from collections import Counter
from typing import Iterable


def unique_labels(items: Iterable[tuple[str, str, str]]) -> dict[str, str]:
    """{key: label} from (key, label, qualifier) triples, each key once (its first triple), with
    every label distinct."""
    first: dict[str, tuple[str, str]] = {}
    for key, label, qualifier in items:
        first.setdefault(key, (str(label), str(qualifier or "")))
    shared = Counter(label for label, _ in first.values())
    out: dict[str, str] = {}
    taken: set[str] = set()
    for key, (label, qualifier) in first.items():
        shown = f"{label} · {qualifier}" if shared[label] > 1 and qualifier else label
        candidate, n = shown, 1
        while candidate in taken:
            n += 1
            candidate = f"{shown} #{n}"
        taken.add(candidate)
        out[key] = candidate
    return out
