"""Which lines at the top of a document are its title: a window of up to three lines ending with a
genre word (意见, 通知, 条例 …), scored by what stands before and after it (an issuer line or 文号
above, a 文号, date, addressee or the first heading below)."""

from __future__ import annotations

import re

from loaders.gbt9704 import (DATE, DATE_LINE_RE, DATE_RE, DECREE_HEAD_RE, HEADING_RE, SENTENCE_MARKS,
                             SUFFIX_RE, chrome_reason, document_number, headline_title, is_issuer_line,
                             metadata_of_line, vocab)

MAX_TITLE_LINES = 3
TOP_LINES = 60


MAX_TITLE_CHARS = 60
MAX_ISSUED_TITLE_CHARS = 100  # a title line that also names its issuers (X关于Y, X印发《Y》的通知)


# Hangul and kana: the language of a foreign site around the text, never a Chinese title's
FOREIGN_SCRIPT_RE = re.compile("[\uac00-\ud7af\u1100-\u11ff\u3040-\u30ff]")
ADOPTION_NOTE_RE = re.compile(rf"^[（(]\s*{DATE}")  # （2000年3月15日…通过） under a law's title


def title_line_ok(line: str) -> bool:
    if FOREIGN_SCRIPT_RE.search(line):
        return False
    line = headline_title(line)[0]
    longest = MAX_ISSUED_TITLE_CHARS if "关于" in line or vocab().wrapper_verb.search(line) else MAX_TITLE_CHARS
    return (0 < len(line) <= longest and not SENTENCE_MARKS.search(line) and not line.endswith(("：", ":"))
            and not HEADING_RE.match(line) and not chrome_reason(line) and not metadata_of_line(line)
            and not DATE_LINE_RE.match(line) and not document_number(line))


def ends_title(line: str) -> bool:
    if not title_line_ok(line):
        return False
    line = headline_title(line)[0]
    if not vocab().title_end.search(line):
        return False
    core = SUFFIX_RE.sub("", line)
    return len(core) >= 2 and not is_issuer_line(line)


def _starts_title(line: str) -> bool:
    return line.startswith(("关于", "《")) or "关于" in line


def _extends_upward(prev: str, first: str) -> bool:
    """Whether `prev` is the first line of a title that `first` continues."""
    if not title_line_ok(prev) or len(prev) > 40 or is_issuer_line(prev) or _starts_title(first):
        return False
    short_core = len(SUFFIX_RE.sub("", first)) < 6 or first.startswith(("的", "和", "与", "及", "暨"))
    return "关于" in prev or prev.endswith(("的", "和", "与", "及", "、", "暨")) or short_core


def _start_above(texts: list[str], j: int) -> int:
    """The line above `j` where a title broken at any point starts (its 关于), or `j`: a web
    copy may break 某某关于印发某省 / 进一步加强某项 / 工作方案的通知 mid-phrase."""
    for p in range(j - 1, max(-1, j - MAX_TITLE_LINES), -1):
        line = texts[p]
        if not title_line_ok(line) or len(line) > 40 or is_issuer_line(line) or ends_title(line):
            break
        if "关于" in line:
            return p
    return j


def title_window(texts: list[str], j: int) -> tuple[int, int]:
    """Lines [i, k) of the title ending on line j (plus a suffix-only line after it)."""
    i = j
    while j - i + 1 < MAX_TITLE_LINES and i > 0 and _extends_upward(texts[i - 1], texts[i]):
        i -= 1
    if i == j and not _starts_title(texts[j]):
        i = _start_above(texts, j)
    k = j + 1
    if k < len(texts) and SUFFIX_RE.fullmatch(texts[k]) and len(texts[k]) <= 20:
        k += 1
    return i, k


def _title_score(texts: list[str], i: int, k: int) -> int:
    title = "".join(texts[i:k])
    v = vocab()
    score = 3 if _starts_title(title) or (i > 0 and (is_issuer_line(texts[i - 1]) or document_number(texts[i - 1]))) else 0
    nxt = texts[k] if k < len(texts) else ""
    if (document_number(nxt) or nxt.endswith(("：", ":")) or DATE_RE.match(nxt) or HEADING_RE.match(nxt)
            or nxt.startswith(("为", "根据", "近年来")) or DECREE_HEAD_RE.match(nxt)
            or ADOPTION_NOTE_RE.match(nxt)):
        score += 2
    if v.headline.search(title):
        score -= 4
    return score - (2 if len(title) < 6 else 0)


def find_title(texts: list[str], limit: int = TOP_LINES) -> tuple[int, int] | None:
    """Lines [i, k) of the document title among the first `limit` lines: the best-scored window
    that ends with a genre word (the earliest on a tie), or None."""
    best, best_score = None, -99
    for j, line in enumerate(texts[:limit]):
        if HEADING_RE.match(line) and best is not None:
            break  # the outline has begun
        if not ends_title(line):
            continue
        i, k = title_window(texts, j)
        if len("".join(texts[i:k])) > 100:
            continue
        score = _title_score(texts, i, k) - (3 if _cut_short(texts, i, k, limit) else 0)
        if score > best_score:
            best, best_score = (i, k), score
    return best


def _cut_short(texts: list[str], i: int, k: int, limit: int) -> bool:
    """Whether the title on lines [i, k) is the start of a longer title line among the top lines
    (a page repeats its title, once cut short: 关于印发某某人大代表建议 of …建议和政协提案工作规则的通知)."""
    title = "".join(texts[i:k])
    return any(len(line) > len(title) and line.startswith(title) and ends_title(line)
               for line in texts[:limit])
