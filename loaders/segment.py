"""Word boundaries from jieba, to keep pattern-found names clean.

A name found by its suffix (…企业) must start at a word boundary (其他教育机构 gives no
他教育机构) and must not open with a verb, pronoun or adverb (简化企业, 了解企业 are a verb
and its object, not an actor). jieba is imported on first use; without it, the check passes.
"""

from __future__ import annotations

from functools import lru_cache

CONTEXT = 4  # characters of text before a name to segment with it
NOT_A_NAME_START = ("v", "vn", "nr", "r", "p", "c", "d", "ad", "u", "uj", "ul", "f", "zg", "y", "e", "x")
LEVELS = ("省", "市", "区", "县")  # a level word before a name: the next word must pass too
NOUNS = ("n", "nz", "vn", "nt")  # a noun right after a name: the name is a modifier (企业信用…)


@lru_cache(maxsize=1)
def _posseg():
    try:
        import jieba
        import jieba.posseg as pseg
    except ImportError:  # pragma: no cover - jieba is a runtime requirement; stay usable without it
        return None
    jieba.setLogLevel(60)
    return pseg


@lru_cache(maxsize=65536)
def _tokens(window: str) -> tuple[tuple[str, str], ...]:
    return tuple((p.word, p.flag) for p in _posseg().lcut(window, HMM=False))


def is_clean_name(text: str, start: int, end: int) -> bool:
    """True when text[start:end] starts at a word boundary with a noun-like word.

    >>> t = "鼓励其他教育机构参与，进一步简化企业开办流程，支持民营企业"
    >>> [is_clean_name(t, t.index(n), t.index(n) + len(n)) for n in ("他教育机构", "简化企业", "民营企业")]
    [False, False, True]
    """
    if _posseg() is None:
        return True
    lo = max(0, start - CONTEXT)
    tokens = _tokens(text[lo:min(len(text), end + CONTEXT)])
    pos, first = lo, None
    for i, (word, flag) in enumerate(tokens):
        if pos == start:
            first = i
        if pos == end:
            return first is not None and _good_start(tokens, first) and flag not in NOUNS
        if pos > end or (pos > start and first is None):
            return False
        pos += len(word)
    return first is not None and _good_start(tokens, first)


def _good_start(tokens: tuple[tuple[str, str], ...], i: int) -> bool:
    if tokens[i][0] in LEVELS and i + 1 < len(tokens):
        i += 1
    return tokens[i][1] not in NOT_A_NAME_START


HEADING_NOUNS = ("n", "nz", "nt", "ns", "eng", "j")
HEADING_MAX = 16


def fused_heading(clause: str, body: str, modals: frozenset[str] = frozenset()) -> str:
    """The heading a web copy fused with its text when it dropped the full stop between them
    (（一）工业互联网平台深入推进…): a run of nouns, then a verb or adverb that is not a modal (要, 应当 …
    make the nouns a sentence's subject), and the nouns named again in the text. "" when not so.

    >>> fused_heading("工业互联网平台深入推进工业互联网创新发展", "打造工业互联网平台")
    '工业互联网平台'
    >>> fused_heading("平台企业要加强自律管理", "平台企业", frozenset({"要"})), fused_heading("加快发展平台经济", "")
    ('', '')
    """
    if _posseg() is None:
        return ""
    tokens = _tokens(clause[:HEADING_MAX + 6])
    head, words = "", 0
    for word, flag in tokens:
        if flag in HEADING_NOUNS and len(head) + len(word) <= HEADING_MAX:
            head, words = head + word, words + 1
            continue
        if words >= 2 and len(head) >= 4 and flag in ("v", "d") and word not in modals and head in body:
            return head
        return ""
    return ""


LEADING_NOT_NAME = ("v", "d", "ad", "c", "p", "t", "r", "u", "uj", "f")  # verbs, adverbs, time words …


def without_leading_verbs(name: str) -> str:
    """`name` from its first word that can open a name: the verbs and adverbs before a project word
    are what is done to it (扩建…工程, 平时利用…工程), not its name.

    >>> without_leading_verbs("扩建地下水取水工程"), without_leading_verbs("数字生活新服务行动")
    ('地下水取水工程', '数字生活新服务行动')
    """
    if _posseg() is None:
        return name
    tokens = _tokens(name)
    skipped = 0
    for word, flag in tokens[:-1]:  # the project word itself stays
        if flag not in LEADING_NOT_NAME:
            break
        skipped += len(word)
    return name[skipped:]
