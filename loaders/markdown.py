"""Markdown -> the plain text a reader sees: marks go, the words and the line layout stay.

Laws and regulations often circulate as Markdown (the LawRefBook layout: ``# title``, the adoption
lines, ``<!-- INFO END -->``, ``## 第X章``, ``### 第X节``, paragraphs opening with 第X条). Once the
marks are gone such a file reads like a plain-text copy of the same law, so the front-matter and
outline stages need no Markdown knowledge at all.

>>> strip_marks("# 某某条例\\n\\n<!-- INFO END -->\\n\\n## 第一章 总则\\n\\n**第一条** 为了[规范](http://x)管理。")
'某某条例\\n\\n\\n\\n第一章 总则\\n\\n第一条 为了规范管理。'
"""

from __future__ import annotations

import re

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_FENCE = re.compile(r"^[ \t]*(?:```|~~~).*$", re.M)
_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.M)
_TABLE_RULE = re.compile(r"^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$", re.M)
_HEADING = re.compile(r"^[ \t]{0,3}#{1,6}[ \t]*|[ \t]+#+[ \t]*$", re.M)
_QUOTE = re.compile(r"^[ \t]*(?:>[ \t]?)+", re.M)
_BULLET = re.compile(r"^([ \t]*)[-*+][ \t]+", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPHASIS = re.compile(r"(?<![*\w])\*(?=\S)([^*\n]+?)(?<=\S)\*(?!\*)")
_CODE = re.compile(r"`([^`\n]*)`")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_TABLE_ROW = re.compile(r"^[ \t]*\|(.*)\|[ \t]*$", re.M)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.I)


def _table_row(m: re.Match[str]) -> str:
    return "\t".join(cell.strip() for cell in m.group(1).split("|"))


def strip_marks(text: str) -> str:
    """Markdown marks removed; every line stays where it was (so offsets of lines keep their order)."""
    text = _COMMENT.sub("", text)
    text = _FENCE.sub("", text)
    text = _TABLE_RULE.sub("", text)
    text = _RULE.sub("", text)
    text = _TABLE_ROW.sub(_table_row, text)
    text = _HEADING.sub("", text)
    text = _QUOTE.sub("", text)
    text = _BULLET.sub(r"\1", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _HTML_BREAK.sub("\n", text)
    text = _STRONG.sub(r"\2", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    return _ESCAPE.sub(r"\1", text)
