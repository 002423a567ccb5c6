"""Join the line breaks of a hard-wrapped copy, so that a paragraph is one line again (pure ``str -> str``).

Copies saved from a fixed-width view break every line at about the same width: mid-sentence,
mid-heading, even inside 《》. Read line by line, the broken middles look like fragments of some
other text (a newspaper article mixed into a scan), and a title broken inside 《》 is no title.
The breaks are recognised by their shape alone, so the rule holds for documents never seen:

- the copy is wrapped when most lines that run on into another line end near one right margin
  (counted in characters, or in columns: a CJK character is two, as fixed-width tools count);
- a line that reaches that margin without ending a sentence runs on into the next line, unless
  that line starts a paragraph of its own: it is indented, opens with a heading number (一、
  （一） 1. 第X条), a row bullet, 附件 or 抄送, or is a date or a 文号 alone.

Text that is not wrapped (no common margin, or lines set out as a table) comes back unchanged.
"""

from __future__ import annotations

import bisect
import re
from typing import Callable

from loaders.gbt9704 import DATE_LINE_RE, DOCNUM_RE, HEADING_RE, vocab

MIN_MARGIN_CHARS = 18  # a narrower "margin" is a list of short lines, not a wrap
MIN_WRAPPED_LINES = 3
WRAPPED_SHARE = 0.5  # of the lines that run on, at least this share ends at the margin
LONGER_SHARE = 0.05  # at most this share of the lines may run past the margin (a table row, a URL)
SENTENCE_END = "。！？；!?;：:…"
CLOSERS = "”’）)》」』"
_SPACE = " \t\u3000\xa0"
_TABLE = re.compile(r"[|│┃]|\S[ \t\u3000]{2,}\S|\t")


def _chars(line: str) -> int:
    return len(line)


def _columns(line: str) -> int:
    # Two bytes a CJK character in GB18030: its width on a fixed-width screen, as wrapping tools count it.
    return len(line.encode("gb18030", "replace"))


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(_SPACE))


def _margin(lines: list[str], width: Callable[[str], int],
            minimum: int) -> tuple[int, tuple[int, int]] | None:
    """How many lines end at the copy's right margin, and the (lowest, highest) width of such a line;
    None when the lines that run on into another line (a paragraph's last line does not) share none."""
    running = sorted(width(a) for a, b in zip(lines, lines[1:]) if a and b)
    if len(running) < MIN_WRAPPED_LINES:
        return None
    best, band = 0, None
    for w in sorted(set(running), reverse=True):
        if w < minimum:
            break
        low = w - max(2, w // 8)  # wrapping tools keep a closing mark on the line, or move a word down
        n = bisect.bisect_right(running, w) - bisect.bisect_left(running, low)
        if n > best:
            best, band = n, (low, w)
    if band is None or best < MIN_WRAPPED_LINES or best < WRAPPED_SHARE * len(running):
        return None
    filled = [line for line in lines if line]
    longer = sum(width(line) > band[1] + 2 for line in filled)
    return (best, band) if longer <= LONGER_SHARE * len(filled) else None


def _own_line(line: str, base_indent: int) -> bool:
    """Whether `line` starts a paragraph, list item or end-matter line of its own."""
    if _indent(line) > base_indent:
        return True
    text = line.strip(_SPACE)
    v = vocab()
    if HEADING_RE.match(text) or DATE_LINE_RE.match(text) or v.bullet.match(text) or v.cc.match(text):
        return True
    if v.attachment.match(text) or v.attachment_title.match(text) or v.publish_note.match(text):
        return True
    number = DOCNUM_RE.match(text)
    return bool(number) and number.end() == len(text)


def _ends_sentence(line: str) -> bool:
    stripped = line.rstrip(CLOSERS)
    return not stripped or stripped[-1] in SENTENCE_END


def _runs_on(a: str, b: str, band: tuple[int, int], width: Callable[[str], int], base_indent: int) -> bool:
    """Whether the break between lines `a` and `b` is the wrapping tool's, not the author's."""
    if not a or not b or width(a) < band[0] or _ends_sentence(a):
        return False
    return not (_TABLE.search(a.strip(_SPACE)) or _TABLE.search(b.strip(_SPACE)) or _own_line(b, base_indent))


def _wrap(lines: list[str]) -> tuple[tuple[int, int], Callable[[str], int]] | None:
    """The copy's margin and how its width is counted, or None when it is not hard-wrapped."""
    found = []
    for width, minimum in ((_chars, MIN_MARGIN_CHARS), (_columns, 2 * MIN_MARGIN_CHARS)):
        margin = _margin(lines, width, minimum)
        if margin is not None:
            found.append((margin, width))
    if not found:
        return None
    (_, band), width = max(found, key=lambda f: f[0][0])  # the count that fits the copy more closely
    return band, width


def join_wrapped_lines(text: str) -> str:
    """`text` with the breaks of a fixed-width wrap removed; any other text unchanged.

    >>> join_wrapped_lines("一、总体要求\\n　　为贯彻落实《某省关于促进平台经济\\n高质量发展的意见》，现就推动平台企业\\n"
    ...                    "创新发展、规范发展、健康发展提出\\n如下意见。\\n二、主要任务")
    '一、总体要求\\n　　为贯彻落实《某省关于促进平台经济高质量发展的意见》，现就推动平台企业创新发展、规范发展、健康发展提出如下意见。\\n二、主要任务'
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [line.rstrip(_SPACE) for line in raw]
    wrap = _wrap(lines)
    if wrap is None:
        return text
    band, width = wrap
    base_indent = min((_indent(line) for line in lines if line), default=0)
    out = [lines[0]]
    for i, (a, b) in enumerate(zip(lines, lines[1:])):
        if _runs_on(a, b, band, width, base_indent):
            gap = " " if raw[i] != a else ""  # a space the wrap broke at stays; a word broken mid-way is one
            out[-1] += gap + b.lstrip(_SPACE)
        else:
            out.append(b)
    return "\n".join(out)
