"""The CJK font pictures are drawn with, text widths in it, and labels wrapped to a width."""

from __future__ import annotations

import math
import os
import shutil
import subprocess
from functools import cache, lru_cache

from render.errors import ExportError

CJK_FONT_FAMILY = ("'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',"
                   "'WenQuanYi Micro Hei','Droid Sans Fallback',sans-serif")
# (path, face index) tried in order; index 2 of Noto's collection is Simplified Chinese.
FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc", 2),
    ("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", 0),
    ("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", 0),
    ("/System/Library/Fonts/PingFang.ttc", 0),
    ("C:/Windows/Fonts/msyh.ttc", 0),
)
BOLD_FONT_CANDIDATES: tuple[tuple[str, int], ...] = (
    ("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc", 2),
    ("/usr/share/fonts/noto-cjk/NotoSansCJK-Bold.ttc", 2),
)


@cache
def font_path(bold: bool = False) -> tuple[str, int]:
    """(file, face index) of a CJK font on this machine; ExportError when there is none."""
    for path, index in (BOLD_FONT_CANDIDATES if bold else ()) + FONT_CANDIDATES:
        if os.path.exists(path):
            return path, index
    if shutil.which("fc-match"):
        try:
            found = subprocess.run(["fc-match", "-f", "%{file}", ":lang=zh-cn"], capture_output=True, text=True,
                                   timeout=10, check=False).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            found = ""
        if found and os.path.exists(found):
            return found, 0
    raise ExportError("no Chinese font found for pictures: install fonts-noto-cjk")


@lru_cache(maxsize=64)
def pil_font(size: int, bold: bool = False):
    from PIL import ImageFont

    path, index = font_path(bold)
    return ImageFont.truetype(path, size=max(6, int(size)), index=index)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """The width in pixels of `text` at `size` in the CJK font."""
    try:
        return _measured(text, round(size), bold)
    except ExportError:
        return sum(size if ord(c) > 0x2e80 else size * 0.55 for c in text)


@lru_cache(maxsize=65536)  # labels are measured again for every step, scale and language: measure once
def _measured(text: str, size: int, bold: bool) -> float:
    return float(pil_font(size, bold).getlength(text))


def wrap(text: str, size: float, max_width: float, max_lines: int = 2) -> tuple[str, ...]:
    """`text` in at most `max_lines` lines of even width no wider than `max_width`; … ends a cut text.

    >>> wrap("平台企业", 20, 1000)
    ('平台企业',)
    """
    text = " ".join(str(text).split())
    total = text_width(text, size)
    if total <= max_width or not text:
        return (text,)
    lines_needed = min(max_lines, math.ceil(total / max_width))
    target = min(max_width, total / lines_needed + size * 0.5)  # even lines: no one-character orphan
    lines: list[str] = []
    rest = text
    while rest and len(lines) < max_lines:
        limit = target if len(lines) < lines_needed - 1 else max_width
        cut = len(rest)
        while cut > 1 and text_width(rest[:cut], size) > limit:
            cut -= 1
        if cut < len(rest) and " " in rest[:cut] and not _is_cjk(rest[cut - 1]) and not _is_cjk(rest[cut]):
            cut = rest[:cut].rfind(" ") + 1 or cut  # break English at a space
        lines.append(rest[:cut].strip())
        rest = rest[cut:].lstrip()
    if rest:
        last = lines[-1]
        while last and text_width(last + "…", size) > max_width:
            last = last[:-1]
        lines[-1] = last + "…"
    return tuple(lines)


def _is_cjk(char: str) -> bool:
    return ord(char) >= 0x2e80
