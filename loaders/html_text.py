"""A government web page -> its main-text paragraphs, plus the site chrome around them.

>>> page = extract("<nav>首页</nav><div id='zoom'><p>第一条</p><p>第二条</p></div>")
>>> page.body, page.aside
(('第一条', '第二条'), ('首页',))
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag

# Main-text containers used by gov.cn / zj.gov.cn style sites (TRS, UCAP content systems).
CONTENT_SELECTORS = "#zoom, #Zoom, .TRS_Editor, #UCAP-CONTENT, .article, article, .pages_content"
_DROP = frozenset("script style noscript template svg iframe object embed canvas head".split())
_BLOCK = frozenset(("p div br hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 tr table thead tbody tfoot "
                    "caption section article main header footer nav aside menu blockquote pre form "
                    "center address figure figcaption body html").split())
_CHROME_TAGS = frozenset("nav header footer aside menu select button input textarea".split())
_CHROME_ROLES = frozenset("navigation banner contentinfo menu menubar search".split())
_CHROME_WORD = re.compile(r"nav|menu|crumb|footer|header|sidebar|share|copyright|toolbar|banner|login", re.I)
_CHROME_TOKEN = frozenset("top bottom foot head side print position location search links tools".split())
_LINK_ROW = re.compile(r"打印本页|关闭窗口|分享到|【\s*(?:打印|关闭)\s*】|字体[：:]\s*[【\[]?\s*大|字号[：:]"
                       r"|扫一扫|收藏本页|加入收藏|设为首页|返回顶部|当前位置[：:]|版权所有|Copyright|©"
                       r"|ICP\s*备|网站标识码|公网安备|主办单位|承办单位|技术支持[：:]|网站地图|联系我们")
_BLOCK_TAG = re.compile(r"<(?:p|div|br|h[1-6]|li|tr|td|table)(?:\s[^<>]*)?/?>", re.I)
MARKUP_TAGS = 3  # block tags that make a text file a saved web page, not a text quoting a tag
_ROW_MAX = 80  # a longer paragraph that mentions "打印本页" is body text, not a link row
_IDEO = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_WS = re.compile(r"[ \t\r\n\f]+")
_CELL_GAP = re.compile(r" ?\x00[ \x00]*")  # cells of one table row: marked while collecting, then a tab
_SQUASH = str.maketrans("", "", " \t\r\n\f\u3000")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)


@dataclass(frozen=True)
class HtmlPage:
    heading: str | None  # the page's <h1>, else its <title> without the site name
    body: tuple[str, ...]  # main-text paragraphs, in order; starts with `heading` unless the text has it
    aside: tuple[str, ...]  # site chrome paragraphs, in order
    warnings: tuple[str, ...] = ()


def decode_html(data: bytes, name: str, decode) -> tuple[str, str, list[str]]:
    """Bytes -> (markup, encoding, warnings): a byte-order mark, else the <meta> charset, else `decode`
    (the plain-text detector, which also raises for binary data)."""
    found = _META_CHARSET.search(data[:4096])
    if found and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            enc = codecs.lookup(found.group(1).decode("ascii")).name
            enc = "gb18030" if enc in ("gb2312", "gbk") else enc  # pages labelled gb2312 often hold GBK
            if b"\x00" not in data:
                return data.decode(enc), enc, []
        except (LookupError, UnicodeDecodeError):
            pass
        text, enc, warnings = decode(data, name)
        return text, enc, [f"page says charset={found.group(1).decode('ascii', 'replace')}, read as {enc}",
                           *warnings]
    return decode(data, name)


def _chrome_by_tag(tag: Tag) -> bool:
    return tag.name in _CHROME_TAGS or tag.get("role") in _CHROME_ROLES


def _chrome_by_name(tag: Tag) -> bool:
    classes = tag.get("class") or []
    names = [tag.get("id") or "", *(classes if isinstance(classes, list) else [classes])]
    return any(_CHROME_WORD.search(n) or n.lower() in _CHROME_TOKEN for n in names if n)


def _under(tag, flagged, memo: dict[int, bool]) -> bool:
    """Whether `tag` or one of its ancestors is `flagged`, memoised so that a whole page costs one
    pass however deep it nests (a hostile page nests thousands of <div>s)."""
    chain = []
    while tag is not None and id(tag) not in memo:
        chain.append(tag)
        tag = tag.parent
    found = memo[id(tag)] if tag is not None else False
    for t in reversed(chain):
        found = found or flagged(t)
        memo[id(t)] = found
    return found


def _scores(soup, strings, chrome: set[int]) -> dict[int, int]:
    """Ideographs of non-link text under each element, leaving out dropped and chrome subtrees."""
    memo: dict[int, bool] = {}

    def left_out(t) -> bool:
        return t.name in _DROP or t.name == "a" or id(t) in chrome

    score: dict[int, int] = {}
    for s in strings:
        count = len(_IDEO.findall(s))
        if count and not _under(s.parent, left_out, memo):
            score[id(s.parent)] = score.get(id(s.parent), 0) + count
    for tag in reversed(soup.find_all(True)):  # children come after their parent in document order
        if score.get(id(tag)) and tag.parent is not None:
            score[id(tag.parent)] = score.get(id(tag.parent), 0) + score[id(tag)]
    return score


def _main_block(soup, root: Tag, chrome: set[int], score: dict[int, int]) -> Tag:
    memo: dict[int, bool] = {}

    def outside_chrome(t: Tag) -> bool:
        return not _under(t, lambda tag: id(tag) in chrome, memo)

    picks = [t for t in soup.select(CONTENT_SELECTORS) if outside_chrome(t)]
    most = max((score.get(id(t), 0) for t in picks), default=0)
    if most >= 20:  # the innermost container that still holds most of the text ("#zoom" in ".article")
        holding = [t for t in picks if score.get(id(t), 0) >= 0.7 * most]
        return max(holding, key=lambda t: len(list(t.parents)))
    # Text density: go down while one child holds most of the main text.
    block = root
    while True:
        kids = [c for c in block.children if isinstance(c, Tag) and id(c) not in chrome]
        top = max(kids, key=lambda c: score.get(id(c), 0), default=None)
        if top is None or score.get(id(top), 0) < 0.7 * score.get(id(block), 0) or not score.get(id(top)):
            return block
        block = top


def _heading(soup, block: Tag, chrome: set[int]) -> tuple[Tag | None, str | None]:
    in_chrome: dict[int, bool] = {}
    in_block: dict[int, bool] = {}
    first = None  # the first usable <h1>, unless one inside the block is found
    for h in soup.find_all("h1"):
        if _under(h, lambda t: id(t) in chrome, in_chrome):
            continue
        # `in` would compare markup; the block itself does not count as inside
        inside = h.parent is not None and _under(h.parent, lambda t: t is block, in_block)
        if (inside or first is None) and h.get_text(strip=True):  # text only when it can matter
            first = first or h
            if inside:
                first = h
                break
    h1 = first
    if h1 is not None:
        return h1, _WS.sub(" ", h1.get_text(" ")).strip()
    title = soup.title.get_text(" ") if soup.title else ""
    pieces = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+[-–—]\s+", title) if p.strip()]
    return None, max(pieces, key=len, default=None)


def is_markup(text: str) -> bool:
    """Whether a text file is a web page's markup saved as text (<p>…</p>): read as html then.

    >>> is_markup("<p>各市人民政府：</p><p>现将《某方案》印发给你们。</p><br/>"), is_markup("支持<b>试点</b>。")
    (True, False)
    """
    return len(_BLOCK_TAG.findall(text, 0, 200_000)) >= MARKUP_TAGS


def extract(markup: str) -> HtmlPage:
    """Split a page into main text and chrome. Blocks (p, div, br, li, h1–h6, tr …) end paragraphs;
    the cells of a table row are joined by tabs.

    The main block is the innermost CONTENT_SELECTORS match holding most of the matches' text, else the
    element reached by descending while one child holds 70% of the page's non-link Chinese text. Chrome
    is everything else that shows on the page (nav/header/footer/aside/menus, breadcrumbs, share/print
    rows, copyright lines), kept in `aside`; script/style/head content is dropped. The <h1> (else the
    <title>) leads the body when the block's first paragraphs lack it.
    """
    soup = BeautifulSoup(markup, "html.parser")
    root = soup.body or soup
    strings = [s for s in soup.find_all(string=True) if type(s) is NavigableString]
    chrome = _chrome(soup, strings, root)
    score = _scores(soup, strings, chrome)
    block = _main_block(soup, root, chrome, score)
    h1, heading = _heading(soup, block, chrome)
    warnings = [] if score.get(id(block)) else ["no Chinese main text found; the whole page is taken as body"]
    body, aside = _sorted_paragraphs(soup, _paragraphs(soup, _Zones(h1, block, chrome)), h1)
    if heading:
        key = heading.translate(_SQUASH)
        if key not in "".join(body[:5]).translate(_SQUASH).replace(f"《{key}》", ""):
            body.insert(0, heading)
    return HtmlPage(heading, tuple(body), tuple(aside), tuple(warnings))


def _chrome(soup: BeautifulSoup, strings: list[NavigableString], root: Tag) -> set[int]:
    """Ids of the chrome elements. A class/id that looks like chrome on a wrapper holding most of the
    text ("main-head-wrap") is layout, not chrome."""
    raw = _scores(soup, strings, set())
    total = raw.get(id(root), 0)
    return {id(t) for t in soup.find_all(True)
            if _chrome_by_tag(t) or (_chrome_by_name(t) and raw.get(id(t), 0) <= 0.5 * total)}


class _Zones:
    """Which zone (body, aside, heading, drop) each element is in, and the block element its text
    belongs to; worked out once per element, walking up to the nearest element already known."""

    def __init__(self, h1: Tag | None, block: Tag, chrome: set[int]) -> None:
        self.h1, self.block, self.chrome = h1, block, chrome
        self.memo: dict[int, tuple[int, str]] = {}

    def of(self, tag: Tag) -> tuple[int, str]:
        chain, t = [], tag
        while t is not None and id(t) not in self.memo:
            chain.append(t)
            t = t.parent
        anchor, zone = self.memo[id(t)] if t is not None else (0, "aside")
        for t in reversed(chain):
            if t.name in _BLOCK:
                anchor = id(t)
            zone = self._zone(t, zone)
            self.memo[id(t)] = (anchor, zone)
        return anchor, zone

    def _zone(self, t: Tag, outer: str) -> str:
        if outer in ("drop", "heading"):
            return outer
        if t.name in _DROP:
            return "drop"
        if t is self.h1 and outer != "body":
            return "heading"  # taken out as `heading`; the reader puts it first if the body lacks it
        if t is self.block:
            return "body"
        if outer == "body" and id(t) in self.chrome:
            return "aside"
        return outer


def _paragraphs(soup: BeautifulSoup, zones: _Zones) -> list[tuple[str, str]]:
    """(zone, text) of each paragraph in page order: text runs of one block element and one zone,
    broken at <br>/<hr>, table cells joined by tabs; dropped and heading text left out."""
    paragraphs: list[tuple[str, str]] = []
    buf: list[str] = []
    key = None

    def flush() -> None:
        text = _CELL_GAP.sub("\t", _WS.sub(" ", "".join(buf))).strip()
        if text:
            paragraphs.append((key[1], text))
        buf.clear()

    for node in soup.descendants:
        if isinstance(node, Tag):
            if node.name in ("br", "hr"):
                flush()
            elif node.name in ("td", "th") and buf:
                buf.append("\x00")
            continue
        if type(node) is not NavigableString:
            continue  # comments, doctype, CDATA
        anchor, zone = zones.of(node.parent)
        if zone in ("drop", "heading"):
            continue
        if (anchor, zone) != key:
            flush()
            key = (anchor, zone)
        buf.append(str(node))
    flush()
    return paragraphs


def _sorted_paragraphs(soup: BeautifulSoup, paragraphs: list[tuple[str, str]],
                       h1: Tag | None) -> tuple[list[str], list[str]]:
    """(body, aside): link rows inside the body go to the aside; the <title> too when an <h1> leads."""
    body, aside = [], []
    if h1 is not None and soup.title and soup.title.get_text(strip=True):
        aside.append(_WS.sub(" ", soup.title.get_text(" ")).strip())  # shown in the browser tab only
    for zone, text in paragraphs:
        is_row = len(text) <= _ROW_MAX and _LINK_ROW.search(text)
        (body if zone == "body" and not is_row else aside).append(text)
    return body, aside
