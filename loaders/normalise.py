"""Normalise policy text: one canonical form for every copy of a document (pure ``str -> str``).

Folds widths, line endings and indents; converts traditional characters and Taiwan wording to
mainland simplified; drops pinyin glosses and spaces that OCR or line wrapping left between
Chinese characters. The vocabulary (Taiwan phrases) lives in ``data/lexicon/normalise.yaml``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.lexicon import load_yaml

_IDEO = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_CJK = _IDEO + "\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019"
_HALF, _FULL = "(),:;?!", "（），：；？！"
_TO_FULL, _TO_HALF = str.maketrans(_HALF, _FULL), str.maketrans(_FULL, _HALF)
_FOLD = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if chr(c) not in _FULL}
_FOLD.update({c: " " for c in (0x3000, 0xA0, *range(0x2000, 0x200B), 0x202F, 0x205F)})
_FOLD.update({0: None, 0x200B: None, 0xFEFF: None, 0x0D: "\n", 0x0B: "\n", 0x0C: "\n\n", 0x2028: "\n",
              0x2029: "\n\n"})
_FOLDABLE = re.compile("[%s]+" % re.escape("".join(map(chr, _FOLD))))  # translate only what needs it
_IDEOGRAPHS = re.compile(f"[{_IDEO}]")
_IS_CJK = re.compile(f"[{_CJK}]").match
_HAS_IDEO = re.compile(f"[{_IDEO}]").search
_AND = re.compile(f"(?<=[{_IDEO}])[ \t]+and[ \t]+(?=[{_IDEO}])")
_PUNCT_RUN = re.compile(r"[(),:;?!（），：；？！]+(?:[ \t]+[(),:;?!（），：；？！]+)*")
_BRACKET = re.compile(r"[()（）\n]")
_CJK_SPACE = re.compile(f"(?<=[{_CJK}]) +(?=[{_CJK}])")
_LINE_EDGE = re.compile(r"^[ \t]+|[ \t]+$", re.M)
_BLANKS = re.compile(r"\n{3,}")
# OCR stand-ins: a capital O among a number's digits (2O22年; a small o is a degree sign: 20o以下);
# a half-width full stop after a Chinese character that ends a sentence (效率.加快); digits
# letter-spaced with the characters around them (本 法 自 2 0 2 1 年), which the CJK-only space rule leaves apart.
_OCR_ZERO = re.compile(
    r"(?<![A-Za-z\d])(?=[\dO]*\d)(?=\d*O)(?:[\dO]{2,}(?=[年月日号])|[\dO]{3,}(?![A-Za-z\d]))")
_OCR_STOP = re.compile(f"(?<=[{_IDEO}”）])\\.(?=[{_IDEO}“（(]|[ \t]*$)", re.M)
_SPACED_RUN = re.compile(f"(?<!\\S)[{_CJK}\\d—(),:;](?: [{_CJK}\\d—(),:;]){{3,}}(?!\\S)")
# OCR reads the stroke 一 of a heading number as a dash: -、 (-) 第-条 十-、
_DASH_ONE = re.compile(r"^(第?[二三四五六七八九十]*|[（(])[-－—](?=[二三四五六七八九]?(?:、|[)）]|[章节条]))", re.M)
_converter = None
LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "normalise.yaml"
# A pinyin gloss after a character, 中（zhōng）: Latin letters with at least one tone mark
# (ɡ is the "script g" Chinese typesetting uses in pinyin).
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"
_HAS_TONED = re.compile(f"[{_TONED}]").search
_PINYIN_GLOSS = re.compile(
    rf"(?<=[{_IDEO}])[ \t]*[（(][ \t]*(?=[a-zɡü{_TONED} ]*[{_TONED}])[a-zA-Zɡü{_TONED}' ]{{1,40}}[ \t]*[）)]")


def _t2s(text: str) -> str:
    """Traditional -> simplified characters (OpenCC ``t2s``, no regional phrases)."""
    global _converter
    if _converter is None:
        import opencc  # imported lazily: building the converter reads its dictionaries once

        _converter = opencc.OpenCC("t2s")
    return _converter.convert(text)


@lru_cache(maxsize=1)
def _taiwan_phrases() -> tuple[dict[str, str], re.Pattern[str] | None]:
    with LEXICON.open(encoding="utf-8") as fh:
        phrases = (load_yaml(fh) or {}).get("taiwan_phrases") or {}
    ordered = sorted(phrases, key=len, reverse=True)
    return phrases, (re.compile("|".join(map(re.escape, ordered))) if ordered else None)


def _to_simplified(text: str) -> str:
    """t2s; Taiwan wording too, but only when the text came in traditional characters, so a
    mainland text is never reworded."""
    simplified = _t2s(text)
    if simplified == text:
        return text
    changed = sum(a != b for a, b in zip(text, simplified)) if len(text) == len(simplified) else len(text)
    ideographs = len(_IDEOGRAPHS.findall(text))
    phrases, pattern = _taiwan_phrases()
    if pattern is None or changed * 50 < ideographs:  # under 2 % changed: a stray character, not a copy
        return simplified
    return pattern.sub(lambda m: phrases[m.group()], simplified)


def _punct(m: re.Match) -> str:
    s, i, j = m.string, m.start() - 1, m.end()
    while i >= 0 and s[i] in " \t":
        i -= 1
    while j < len(s) and s[j] in " \t":
        j += 1
    cjk = (i >= 0 and _IS_CJK(s[i])) or (j < len(s) and _IS_CJK(s[j]))
    return m.group().translate(_TO_FULL if cjk else _TO_HALF)


def _pair_brackets(text: str) -> str:
    # "(1)支持" would otherwise come out as "(1）支持": a pair goes full-width together when either
    # bracket already is, or it encloses a CJK ideograph.
    if "(" not in text and ")" not in text:
        return text
    chars, stack = None, []
    for m in _BRACKET.finditer(text):
        c, at = m.group(), m.start()
        if c == "\n":
            stack.clear()
        elif c in "(（":
            stack.append(at)
        elif stack:
            o = stack.pop()
            pair = text[o] + c
            if pair != "（）" and (pair != "()" or _HAS_IDEO(text, o + 1, at)):
                chars = chars or list(text)
                chars[o], chars[at] = "（", "）"
    return "".join(chars) if chars else text


def _ocr_debris(text: str) -> str:
    """OCR's stand-ins read as what they stand for (see `_OCR_ZERO`, `_OCR_STOP`, `_SPACED_RUN`)."""
    if "O" in text:
        text = _OCR_ZERO.sub(lambda m: m.group().replace("O", "0"), text)
    if "." in text:
        text = _OCR_STOP.sub("。", text)
    text = _DASH_ONE.sub(lambda m: m.group(1) + "一", text)
    return _SPACED_RUN.sub(lambda m: m.group().replace(" ", "") if _HAS_IDEO(m.group()) else m.group(), text)


def normalise(text: str) -> str:
    """Normalise policy text; idempotent, pure ``str -> str``.

    - Line endings become ``\\n``; lines lose leading/trailing spaces (indents such as "　　" included);
      runs of blank lines become one blank line; the whole text is stripped. Single line breaks stay.
    - Full-width forms U+FF01–FF5E and U+3000 fold to ASCII ("２０２７" -> "2027", "＋" -> "+",
      "％" -> "%"), except the punctuation ``( ) , : ; ? !``, which takes the form of its context:
      full-width ``（ ） ， ： ； ？ ！`` when the nearest character before or after the run of such
      punctuation (skipping spaces and tabs, not line breaks) is a CJK ideograph or CJK punctuation
      (U+3000–303F, U+FF00–FFEF, “”‘’), half-width otherwise. A bracket pair goes full-width together
      when either bracket does or it encloses an ideograph. The decision never looks at the width the
      punctuation already had, so half- and full-width copies normalise alike.
    - OCR debris: " and " between two ideographs becomes "和"; spaces between two CJK characters go;
      a letter O among a number's digits is 0 (2O23年5月1O日); "." after an ideograph that ends a
      sentence is "。"; a dash for the stroke 一 of a heading number is 一 (-、 (-) 第三十－条); a
      letter-spaced run holding an ideograph closes up, digits and brackets too (自 2 0 2 1 年).
    - Traditional characters become simplified (OpenCC ``t2s``); in a text that came in traditional
      characters, Taiwan wording becomes mainland wording too (最佳化 -> 优化, 網路 -> 网络; the list is
      ``data/lexicon/normalise.yaml``). Simplified text is never reworded.
    - Pinyin glosses after a character go: 中（zhōng） -> 中.

    >>> normalise("(一)到2027年,全面 and 未来\\r\\n\\r\\n\\r\\n１,000 f(x)　％")
    '（一）到2027年，全面和未来\\n\\n1,000 f(x) %'
    >>> normalise("發展生態全面最佳化，網路經營主體"), normalise("平台（pínɡ tái）程序")
    ('发展生态全面优化，网络经营主体', '平台程序')
    """
    text = _FOLDABLE.sub(lambda m: m.group().translate(_FOLD), text.replace("\r\n", "\n"))
    if ("(" in text or "（" in text) and _HAS_TONED(text):  # a gloss holds a tone mark: most texts have none
        text = _PINYIN_GLOSS.sub("", text)
    if "and" in text:
        text = _AND.sub("和", text)
    text = _pair_brackets(_PUNCT_RUN.sub(_punct, _ocr_debris(text)))
    text = _to_simplified(_CJK_SPACE.sub("", text))
    text = _BLANKS.sub("\n\n", _LINE_EDGE.sub("", text))
    return text.strip()


