"""Find a policy's outline in normalised text, and set aside what is not the policy.

Scanned and web copies interleave the policy with other text (newspaper
articles, page furniture, site chrome) and split paragraphs at page breaks.
The scan keeps a small state machine over the lines:

- Headings are accepted only in sequence (一、 after nothing, 二、 after 一、,
  measure 6 after 5), so numbered lists inside a news story do not hijack it.
- A policy paragraph that does not end a sentence waits for its continuation;
  the next paragraph that reads like policy text (see `register_score`) is
  joined to it, even when set-aside text sits in between.
- Paragraphs after a heading are its body. A run of them is set aside only for a
  positive reason: it reads as news (see `_reads_as_news`), or it is page furniture.
- Laws and regulations: 第X编/章/节/条 give chapters (编 as level "book"), their sections
  and articles; an article keeps every following line (款, 项) until the next heading.

The front and end matter (title, 文号, issuers, wrapping notice, site chrome …) is read
first by `loaders.front_matter`; the scan reads only the lines it leaves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.front_matter import DocumentMeta, FrontMatter, read_front_matter
from loaders.gbt9704 import chrome_reason, cn_number, field_label
from loaders.issuers import split_issuers  # noqa: F401  (re-exported: outline.split_issuers)
from loaders.lexicon import load_lexicon
from loaders.page_furniture import running_heads
from loaders.segment import fused_heading

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十〇零"
LAW_CN = "一二三四五六七八九十百千零〇两"
LAW_RE = re.compile(rf"^第\s*([{LAW_CN}\d]{{1,7}})\s*(编|章|节|条)(?:\s*|$)(.*)$")
TOC_RE = re.compile(r"^目\s*录$")
UNIT_MARK_RE = re.compile(rf"第\s*[{LAW_CN}\d]{{1,7}}\s*[编章节]")
# 工作规则 and some 办法 number their articles 一、二、… under 第X章 instead of 第X条.
ENUMERATED_ARTICLE_RE = re.compile(rf"^([{LAW_CN}]{{1,4}})、\s*(.+)$")

PART_RE = re.compile(rf"^([{CN_NUM}]{{1,3}})[、,，.．]\s*([^。；]{{2,30}})$")
# 一、X。text: a part heading a 通知 runs on with its first paragraph, or a 通知's numbered point
# that is one sentence or more (its first sentence names it).
FUSED_PART_RE = re.compile(rf"^([{CN_NUM}]{{1,3}})[、,，.．]\s*([^。；：:]{{2,60}})。")
BRACKET_RE = re.compile(rf"^[（(]([{CN_NUM}]{{1,3}})[）)]\s*(.+)$")
MEASURE_RE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$")
FURNITURE_RE = re.compile(
    r"^[（(]?(?:紧接|下转|上接|转)第?[\d一二三四五六七八九十]+版[）)]?$|^第?[\d一二三四五六七八九十]+版$|"
    r"^[-—－\s\d]+$|^(?:第\s*\d+\s*页|\d+\s*/\s*\d+)$|"
    r"^第\s*\d+\s*页[\s,，]*共\s*\d+\s*页$|^共\s*\d+\s*页[\s,，]*第\s*\d+\s*页$"  # 第3页 共12页
)
TARGET_YEAR_RE = re.compile(r"到\s*(\d{4})\s*年")
SYSTEM_RE = re.compile(r"(?:构建|建设|打造|形成|健全)([^，。；、]{2,20}?体系)")
# A paragraph after a finished measure joins it only when it reads this strongly
# like policy; newspaper paragraphs in real copies score far below.
PARAGRAPH_SCORE = 5
SENTENCE_END = "。！？；!?;…"
CLOSERS = "”’）)》"
HEADING_CUT = ("，", "、", "和", "与")  # a heading ending so was cut by a page break
HEADING_REST_MAX = 30

# Words typical of policy prose versus news prose; used only to pick the paragraph
# that continues a policy sentence split by a page break.
POLICY_WORDS = re.compile(r"推动|推进|加强|加快|完善|健全|建立|落实|支持|鼓励|引导|强化|依法|规范|制度|机制|体系|平台|提升|优化|实施|保障")
NEWS_WORDS = re.compile(r"记者|表示|说|今年|去年|近日|我们|他们|村民|一位|\d{4}年\d{1,2}月|——|……")


def cn_to_int(numeral: str) -> int:
    """Chinese or Arabic numeral -> int.

    >>> cn_to_int("二十三"), cn_to_int("十"), cn_to_int("12"), cn_to_int("二〇二三")
    (23, 10, 12, 2023)
    """
    if numeral.isdigit():
        return int(numeral)
    if "百" in numeral or "千" in numeral or "两" in numeral:
        return cn_number(numeral)
    if "十" not in numeral:
        value = 0
        for ch in numeral:
            value = value * 10 + CN_DIGITS[ch]
        return value
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


def register_score(text: str) -> int:
    """How much a paragraph reads like policy (positive) rather than news (negative)."""
    return len(POLICY_WORDS.findall(text)) - 2 * len(NEWS_WORDS.findall(text))


def closes_open_title(text: str, line: str) -> bool:
    """Whether `line` ends a 《title》 that `text` opened: a title broken over two lines (为贯彻落实《国务院
    关于… / …的意见》), never news set into a scan, however little it reads like policy.

    >>> closes_open_title("为贯彻落实《某某关于促进", "发展的意见》，依据《某法"), closes_open_title("依据《某法》", "某报讯")
    (True, False)
    """
    closing = line.find("》")
    opening = line.find("《")
    return text.count("《") > text.count("》") and closing >= 0 and (opening < 0 or closing < opening)


def is_complete(text: str) -> bool:
    """True if `text` ends a sentence (so a page break after it splits nothing)."""
    stripped = text.rstrip(CLOSERS)
    return not stripped or stripped[-1] in SENTENCE_END or stripped[-1] == "："


@dataclass
class Block:
    """One outline element. `segments` are the document ranges its text comes from
    (several when a page break split it); `body_start` is where the text after the
    number marker begins."""

    kind: str  # title | preamble | part | section | measure | item | chapter | article | notice
    number: int
    title: str
    segments: list[tuple[int, int]]
    text: str
    parent: int | None = None  # index into Outline.blocks
    body_start: int = 0
    role: str = ""  # parts: general | measures | implementation
    system: str = ""  # sections: the target system its heading builds
    level: str = ""  # chapters: "book" (编) or "chapter" (章)
    title_style: str = ""  # items: "arabic" when numbered 1. 2. (not （一）)

    @property
    def body(self) -> str:
        return self.text[self.body_start:]

    def doc_offset(self, i: int, end: bool = False) -> int:
        """Position `i` of `text` as an offset into the document. A position on a
        page-break seam maps to the next segment's start, or, for the `end` of a
        span, to the previous segment's end."""
        for seg_start, seg_end in self.segments:
            length = seg_end - seg_start
            if i < length or (end and i == length):
                return seg_start + i
            i -= length
        return self.segments[-1][1]

    def doc_ranges(self, start: int, end: int) -> list[tuple[int, int]]:
        """The document ranges holding text[start:end]: one, or several across page breaks."""
        if len(self.segments) == 1:  # the common case: no page break inside the block
            seg_start, seg_end = self.segments[0]
            lo, hi = max(start, 0), min(end, seg_end - seg_start)
            return [(seg_start + lo, seg_start + hi)] if lo < hi else []
        out, offset = [], 0
        for seg_start, seg_end in self.segments:
            lo, hi = max(start, offset), min(end, offset + seg_end - seg_start)
            if lo < hi:
                out.append((seg_start + lo - offset, seg_start + hi - offset))
            offset += seg_end - seg_start
        return out

    def append(self, start: int, end: int, doc: str) -> None:
        self.segments.append((start, end))
        self.text += doc[start:end]


@dataclass
class Outline(DocumentMeta):
    target_year: int | None = None
    blocks: list[Block] = field(default_factory=list)
    excluded: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, reason
    issuer_spans: dict[str, tuple[int, int]] = field(default_factory=dict)  # evidence lines
    warnings: list[str] = field(default_factory=list)

    def of_kind(self, kind: str) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]


def lines_of(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, stripped."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.span()
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw) - len(raw.rstrip())
        if e - trail > s + lead:
            out.append((s + lead, e - trail))
    return out


def _part_role(title: str) -> str:
    roles = load_lexicon().part_roles
    for role in ("general", "implementation"):
        if any(word in title for word in roles[role]):
            return role
    return "measures"


def _set_aside_reason(line: str, next_line: str) -> str:
    if FURNITURE_RE.match(line):
        return "page furniture"
    if line.startswith(("——", "--")):
        return "column quote attribution"
    if next_line.startswith(("——", "--")):
        return "column quote"
    if len(line) <= 20 and not is_complete(line):
        return "newspaper headline"
    return "newspaper article (outside the policy outline)"


def _reads_as_news(texts: list[str]) -> bool:
    """A run of paragraphs outside the outline is news (a positive reason to set it aside) when
    news wording is clearly there and policy wording does not outweigh it."""
    news = sum(len(NEWS_WORDS.findall(t)) for t in texts)
    policy = sum(len(POLICY_WORDS.findall(t)) for t in texts)
    quoted = any(t.startswith(("——", "--", "本报")) for t in texts)
    return quoted or (news >= 2 and policy <= 3 * news)


def _toc_lines(texts: list[str]) -> range:
    """Indexes of a law's table of contents (目录, or no title at all, and the headings listed under
    it): they end where the first listed heading comes again. Untitled, at least two headings in a row
    make one, since a chapter heading in the text is followed by its articles."""
    for i, text in enumerate(texts[:200]):
        titled = bool(TOC_RE.match(text))
        first = i + 1 if titled else i
        end = _listed_again(texts, first)
        if end is not None and (titled or end - first >= 2):
            return range(i, end)
    return range(0)


def _is_one_line_toc(text: str) -> bool:
    """第一章 总则 第二章 … on one line: a table of contents a copy ran together, not a heading (a
    sentence that opens with 第三章第二节 is an article's text: it has punctuation)."""
    return (_is_unit_heading(text) and len(UNIT_MARK_RE.findall(text)) >= 2
            and not any(mark in text for mark in "。，；"))


def _listed_again(texts: list[str], first: int) -> int | None:
    """Where the heading texts[first] comes again after an unbroken run of 编/章/节 headings."""
    if first >= len(texts) or not _is_unit_heading(texts[first]):
        return None
    for j in range(first + 1, len(texts)):
        if texts[j] == texts[first]:
            return j
        if not _is_unit_heading(texts[j]):
            return None
    return None


def _run_start(texts: list[str]) -> int | None:
    """The number of the first 第X条 when the document's 第X条 lines all count on from it, at least two:
    a 宪法修正案 numbers its articles on from the last amendment, an excerpt of a code starts mid-code.
    Articles quoted by an amending decision skip about, so they never make such a run."""
    numbers = [cn_to_int(m.group(1)) for t in texts if (m := LAW_RE.match(t)) and m.group(2) == "条"]
    if len(numbers) < 2 or any(b != a + 1 for a, b in zip(numbers, numbers[1:])):
        return None
    return numbers[0]


def _is_unit_heading(text: str) -> bool:
    m = LAW_RE.match(text)
    return bool(m) and m.group(2) != "条"


@dataclass
class _LawState:
    """Where the scan is in a law's 编/章/节/条 (indexes into Outline.blocks)."""

    book: int | None = None
    chapter: int | None = None
    section: int | None = None
    article: Block | None = None
    next_book: int = 1
    next_chapter: int = 1
    next_section: int = 1
    next_article: int = 1
    enumerated: bool = False  # the articles are numbered 一、二、… (not 第X条)
    last_chapter: int = 0  # through the books: some codes number their chapters on (第二编 第十二章)

    def expected(self, unit: str) -> int:
        if unit == "节" and self.chapter is None:
            return -1  # a 节 outside any chapter is no heading
        return {"编": self.next_book, "章": self.next_chapter, "节": self.next_section}[unit]

    def first_chapter_elsewhere(self, unit: str, n: int, title: str) -> bool:
        """A 第X章 that is the first of its run without being 第一章: a book's first chapter numbered on
        from the last book, or, after articles under no chapter (a copy that printed the first chapters'
        titles bare), the first chapter marked, if it has a short title."""
        if unit != "章" or self.chapter is not None or n <= 1:
            return False
        if self.book is not None:
            return n == self.last_chapter + 1
        return self.next_article > 1 and 0 < len(title) <= 20 and "，" not in title

    def entered(self, unit: str, n: int, index: int) -> None:
        if unit == "编":
            self.book, self.chapter, self.section = index, None, None
            self.next_book, self.next_chapter = n + 1, 1  # chapters restart in each book
        elif unit == "章":
            self.chapter, self.section = index, None
            self.next_chapter, self.next_section, self.last_chapter = n + 1, 1, n
        else:
            self.section, self.next_section = index, n + 1


def _item_title(rest: str) -> str:
    """An item heading with no full stop: the whole line, unless a web copy fused a short heading
    with its text (see `segment.fused_heading`)."""
    clause = re.split(r"[，,；;：:]", rest, maxsplit=1)[0]
    if len(clause) < 12:
        return rest
    fused = fused_heading(clause, rest[len(clause):], frozenset(load_lexicon().subject_modals))
    return fused or rest


class _Scanner:
    """The state machine behind `parse_outline`; one instance per document."""

    def __init__(self, text: str, set_aside: list[tuple[int, int, str]]):
        self.doc = text
        self.out = Outline()
        self.set_aside = sorted(set_aside)
        self.part: int | None = None
        self.section: int | None = None
        self.next_part = 1
        self.next_bracket = 1  # （n） within the current part
        self.last_bracket = 0  # （n） across the document (for measures numbered (三)…(二十))
        self.next_measure = 1
        self.local_measure = 1  # restarts with each part or section
        self.open_block: Block | None = None  # last policy block, if it awaits a continuation
        self.open_heading: Block | None = None  # a part or section heading a page break cut mid-phrase
        self.pending: list[tuple[int, int]] = []  # lines seen while waiting for a continuation
        self.measure_style = ""  # "arabic" (1. 2. …) or "bracket" (（三）…（二十）), fixed by the first measure
        self.law = _LawState()
        self.run_start: int | None = None  # see `_run_start`

    # -- helpers ---------------------------------------------------------
    def add(self, block: Block) -> Block:
        self.flush_pending()
        self.out.blocks.append(block)
        waits = block.kind in {"measure", "item", "preamble"} and not is_complete(block.text)
        self.open_block = block if waits else None
        return block

    def exclude(self, start: int, end: int, reason: str) -> None:
        self.out.excluded.append((start, end, reason))

    def flush_pending(self, interrupting: bool = False) -> None:
        """Pending paragraphs either continue the last block (its body) or, with a positive
        reason (they read as news, or they interrupt a sentence split by a page break), are set aside."""
        lines = self.pending
        self.pending = []
        if not lines:
            return
        texts = [self.doc[s:e] for s, e in lines]
        last = self.out.blocks[-1] if self.out.blocks else None
        keep = not interrupting and last is not None and last.kind != "title" and not _reads_as_news(texts)
        for i, (s, e) in enumerate(lines):
            if FURNITURE_RE.match(texts[i]):
                self.exclude(s, e, "page furniture")
            elif keep:
                last.append(s, e, self.doc)
            else:
                self.exclude(s, e, _set_aside_reason(texts[i], texts[i + 1] if i + 1 < len(texts) else ""))

    def line_block(self, kind, number, title, s, e, body_start, parent, **kw) -> Block:
        return Block(kind, number, title, [(s, e)], self.doc[s:e], parent, body_start, **kw)

    # -- scanning --------------------------------------------------------
    def run(self) -> Outline:
        lines = self._lines_not_set_aside()
        texts = [self.doc[s:e] for s, e in lines]
        aside = [self.doc[a:b] for a, b, _ in self.set_aside]
        fm = read_front_matter(self.doc, lines, aside)
        self._take_front_matter(fm, lines)
        toc = _toc_lines(texts)
        self.run_start = _run_start(texts)
        for i in range(fm.body_start, fm.body_end):
            s, e = lines[i]
            if i in fm.roles:
                continue
            if i in toc or _is_one_line_toc(texts[i]):
                self.exclude(s, e, "table of contents")
                continue
            self.step(s, e)
        self._close_open()
        self.out.excluded.sort()
        _childless_sections_as_measures(self.out.blocks)
        self._finish_metadata()
        return self.out

    def _lines_not_set_aside(self) -> list[tuple[int, int]]:
        lines = self._lines_outside_ranges()
        heads = running_heads([self.doc[s:e] for s, e in lines])
        for i in sorted(heads):
            self.exclude(*lines[i], "page furniture")
        return [line for i, line in enumerate(lines) if i not in heads]

    def _lines_outside_ranges(self) -> list[tuple[int, int]]:
        out, k, ranges = [], 0, self.set_aside
        for s, e in lines_of(self.doc):
            while k < len(ranges) and ranges[k][1] < e:  # ranges ending before this line: done with
                k += 1
            if k < len(ranges) and ranges[k][0] <= s and e <= ranges[k][1]:
                self.exclude(s, e, ranges[k][2])
            else:
                out.append((s, e))
        return out

    def _take_front_matter(self, fm: FrontMatter, lines: list[tuple[int, int]]) -> None:
        out = self.out
        fm.copy_meta_to(out)
        out.warnings.extend(fm.warnings)
        for name, i in fm.issuer_lines.items():
            out.issuer_spans[name] = lines[i] if i >= 0 else (0, 0)
        for i, reason in fm.excluded:
            self.exclude(*lines[i], reason)
        title = [lines[i] for i, role in sorted(fm.roles.items()) if role == "title"]
        if title:
            out.blocks.append(Block("title", 0, fm.title, title, "".join(self.doc[s:e] for s, e in title), None))
        front = [lines[i] for i, role in sorted(fm.roles.items()) if role in {"header", "notice", "end"}]
        if front:
            notice = Block("notice", 0, fm.wrapper, [], "", None)
            for s, e in front:
                notice.append(s, e, self.doc)
            out.blocks.append(notice)

    def step(self, s: int, e: int) -> None:
        label, n = field_label(self.doc[s:e])
        if n and s + n < e:  # the label is chrome, the rest of the line the text
            self.exclude(s, s + n, f"site chrome: {label}")
            s += n
        line = self.doc[s:e]
        if FURNITURE_RE.match(line):
            self.exclude(s, e, "page furniture")
        elif self._continues_heading(line, s, e):
            pass
        elif len(line) <= 40 and (reason := chrome_reason(line)):
            self.exclude(s, e, reason)
        elif (m := LAW_RE.match(line)) and self._law_heading(m, s, e):
            pass
        elif (m := ENUMERATED_ARTICLE_RE.match(line)) and self._enumerated_article(m, s, e):
            pass
        elif self.law.article is not None:
            self.law.article.append(s, e, self.doc)  # 款 and 项 stay in their article
        elif self._heading(line, s, e):
            pass
        elif self.open_block is not None:
            self.pending.append((s, e))
            self._try_continuation()
        elif self.part is None and self.law.chapter is None and self.next_measure == 1:
            self.add(self.line_block("preamble", 0, "", s, e, 0, None))
        elif not self.pending and self._extends_last_block(line):
            # A further paragraph of the same measure or item, not a page-break split.
            self.out.blocks[-1].append(s, e, self.doc)
        else:
            self.pending.append((s, e))

    def _extends_last_block(self, line: str) -> bool:
        last = self.out.blocks[-1] if self.out.blocks else None
        return (last is not None and last.kind in {"measure", "item"}
                and register_score(line) >= PARAGRAPH_SCORE and len(line) >= 30)

    def _try_continuation(self) -> None:
        """Join the newest pending paragraph to the open block if it reads as policy. Earlier
        pending paragraphs were tested when they arrived, so each line is looked at once."""
        s, e = self.pending[-1]
        line = self.doc[s:e]
        block = self.open_block
        weak = (len(line) <= 20 and not is_complete(line)) or register_score(line) <= 0
        if FURNITURE_RE.match(line) or (weak and not closes_open_title(block.text, line)):
            return
        self.pending.pop()
        self.flush_pending(interrupting=True)
        block.append(s, e, self.doc)
        self.open_block = None if is_complete(block.text) else block

    def _join_best_pending(self) -> None:
        """No paragraph read clearly as policy: once the next heading (or the end) shows
        where the gap closes, take the most policy-like fragment, the later one on a tie."""
        block = self.open_block
        scored = [(register_score(self.doc[s:e]), i) for i, (s, e) in enumerate(self.pending)
                  if not FURNITURE_RE.match(self.doc[s:e])]
        if not scored or max(scored)[0] < 0:
            return
        _, i = max(scored)
        s, e = self.pending.pop(i)
        before, self.pending = self.pending[:i], self.pending[i:]
        rest, self.pending = self.pending, before
        self.flush_pending(interrupting=True)
        self.pending = rest
        block.append(s, e, self.doc)
        self.open_block = None if is_complete(block.text) else block

    def _heading(self, line: str, s: int, e: int) -> bool:
        m = PART_RE.match(line) or FUSED_PART_RE.match(line)
        if m and cn_to_int(m.group(1)) == self.next_part:
            return self._part_heading(m, s, e)
        if self.part is None:
            return self._document_measure(line, s, e)
        role = self.out.blocks[self.part].role
        m = BRACKET_RE.match(line)
        if m and cn_to_int(m.group(1)) in {self.next_bracket, self.last_bracket + 1}:
            return self._bracket_heading(m, role, s, e)
        m = MEASURE_RE.match(line)
        return bool(m) and self._numbered_heading(m, role, s, e)

    def _continues_heading(self, line: str, s: int, e: int) -> bool:
        """The rest of a heading a page break cut after a comma (（一）增强发展动能， / — 7 — / 着力构建…体系):
        a short line that is no heading and ends no sentence finishes it."""
        block, self.open_heading = self.open_heading, None
        if block is None or len(line) > HEADING_REST_MAX or "。" in line or is_complete(line):
            return False
        if PART_RE.match(line) or BRACKET_RE.match(line) or MEASURE_RE.match(line) or LAW_RE.match(line):
            return False
        block.append(s, e, self.doc)
        block.title += line
        if block.kind == "section" and (system := SYSTEM_RE.search(block.title)):
            block.system = system.group(1)
        return True

    def _cut_heading(self, block: Block) -> Block:
        self.open_heading = block if block.title.endswith(HEADING_CUT) else None
        return block

    def _part_heading(self, m: re.Match[str], s: int, e: int) -> bool:
        """一、X: a new part; bracketed and numbered headings count again from 1 under it."""
        title = m.group(2).strip()
        self._close_open()
        self.part = len(self.out.blocks)
        self.section = None
        self.local_measure = 1
        self._cut_heading(self.add(self.line_block("part", self.next_part, title, s, e, m.start(2), None,
                                                   role=_part_role(title))))
        self.next_part += 1
        self.next_bracket = 1
        return True

    def _document_measure(self, line: str, s: int, e: int) -> bool:
        """1、X or 1.X before any 一、 part: short 通知 and county 方案 number their measures right under
        the document. Only in sequence from 1, and never in a law (its 款 lists are text of an article)."""
        m = MEASURE_RE.match(line)
        if not m or self.law.chapter is not None or int(m.group(1)) != self.next_measure:
            return False
        self._close_open()
        self.measure_style = "arabic"
        self.add(self.line_block("measure", self.next_measure, m.group(2).split("。", 1)[0], s, e, m.start(2), None))
        self.next_measure += 1
        return True

    def _bracket_heading(self, m: re.Match[str], role: str, s: int, e: int) -> bool:
        """（一）X: a section of a measures part, a measure directly under it, or an item."""
        n = cn_to_int(m.group(1))
        rest = m.group(2)
        title, dot, body = rest.partition("。")
        if len(title) > 20 and (fused := _item_title(rest)) != rest:  # a web copy lost the heading's full stop
            title, dot, body = fused, "。", rest[len(fused):]
        self._close_open()
        if role == "measures" and not (dot and body):
            self.section = len(self.out.blocks)
            self.local_measure = 1
            system = SYSTEM_RE.search(rest)
            self._cut_heading(self.add(self.line_block("section", n, rest.strip().rstrip("。；;：:"), s, e, m.start(2),
                                                       self.part, system=system.group(1) if system else "")))
        elif role == "measures" and self.section is None and self.measure_style != "arabic" and len(title) <= 40:
            # Measures numbered （三）…（二十） directly under a part.
            self.measure_style = "bracket"
            self.add(self.line_block("measure", n, title, s, e, m.start(2), self.part))
        else:
            self.add(self.line_block("item", n, title if dot else rest, s, e, m.start(2), self.part))
        self.next_bracket = n + 1
        self.last_bracket = n
        return True

    def _numbered_heading(self, m: re.Match[str], role: str, s: int, e: int) -> bool:
        """1.X: a measure in sequence, or a numbered point inside the item or measure before it."""
        n = int(m.group(1))
        # Numbering runs through the document (seed: 1–25) or restarts in each part or section.
        if role == "measures" and self.measure_style != "bracket" and n in {self.next_measure, self.local_measure}:
            title = m.group(2).split("。", 1)[0]
            self._close_open()
            parent = self.section if self.section is not None else self.part
            self.measure_style = "arabic"
            self.add(self.line_block("measure", n, title, s, e, m.start(2), parent))
            self.next_measure = self.local_measure = n + 1
            return True
        last = self.out.blocks[-1]
        if role != "measures" and self._general_item(m, n, last, s, e):
            return True
        if self.open_block is None and not self.pending and last.kind in {"measure", "item"}:
            # "1. 2. …" points inside an item of 总体要求 or a （三）-style measure: part of its text.
            last.append(s, e, self.doc)
            return True
        return False

    def _general_item(self, m: re.Match[str], n: int, last: Block, s: int, e: int) -> bool:
        """1.X。 right under a 总体要求 or 组织实施 part (no （一） there): its items, numbered 1, 2, …"""
        first = last.kind == "part" and n == 1 and not self.pending
        following = (last.kind == "item" and last.parent == self.part and last.number == n - 1
                     and last.title_style == "arabic")
        if not (first or following):
            return False
        self._close_open()
        title = m.group(2).split("。", 1)[0]
        self.add(self.line_block("item", n, title, s, e, m.start(2), self.part, title_style="arabic"))
        return True

    # -- laws and regulations --------------------------------------------
    def _law_heading(self, m: re.Match[str], s: int, e: int) -> bool:
        """第X编/章/节/条, accepted only in sequence (so 第十条 quoted at a line start is text)."""
        if m.group(2) == "条":
            return self._article(m, s, e)
        return self._division(m, s, e)

    def _article(self, m: re.Match[str], s: int, e: int) -> bool:
        law, n, rest = self.law, cn_to_int(m.group(1)), m.group(3).strip()
        # The first article may carry any number under a heading (an excerpt of a code, 第一千一百一十九条).
        first_under_heading = law.next_article == 1 and (law.chapter is not None or law.book is not None)
        first_of_run = law.next_article == 1 and n == self.run_start
        if not (law.next_article <= n <= law.next_article + 2 or (law.next_article == 1 and n <= 3)
                or first_under_heading or first_of_run):
            return False
        parent = next((x for x in (law.section, law.chapter, law.book) if x is not None), None)
        self._close_open()
        body_start = m.start(3) if rest else m.end()
        law.article = self.add(self.line_block("article", n, f"第{m.group(1)}条", s, e, body_start, parent))
        self.open_block = None
        law.next_article = n + 1
        return True

    def _enumerated_article(self, m: re.Match[str], s: int, e: int) -> bool:
        """一、X under a 第X章 of a 工作规则: an article, numbered through the document like 第X条. Only
        in a document whose first article was so numbered (一、 lists inside a 第X条 stay its text)."""
        law, n = self.law, cn_to_int(m.group(1))
        if law.chapter is None and law.book is None or n != law.next_article:
            return False
        if not (law.enumerated or n == 1):
            return False
        parent = next((x for x in (law.section, law.chapter, law.book) if x is not None), None)
        self._close_open()
        law.article = self.add(self.line_block("article", n, f"{m.group(1)}、", s, e, m.start(2), parent))
        self.open_block = None
        law.next_article, law.enumerated = n + 1, True
        return True

    def _division(self, m: re.Match[str], s: int, e: int) -> bool:
        """第X编, 第X章 or 第X节 with its title."""
        law, n, unit, rest = self.law, cn_to_int(m.group(1)), m.group(2), m.group(3).strip()
        expected = law.expected(unit)
        first = expected == 1 and law.next_article == 1 and bool(rest)  # an excerpt may start at 第六编
        # A copy may lack a heading (a publisher dropped 第二章): a short title a little ahead still counts.
        skipped = expected < n <= expected + 2 and rest and len(rest) <= 20 and "，" not in rest
        elsewhere = law.first_chapter_elsewhere(unit, n, rest)
        in_sequence = n == expected or skipped or elsewhere or (first and unit != "节" and n > 1)
        if len(rest) > 40 or "。" in rest or not in_sequence:
            return False
        self._close_open()
        law.article = None
        index = len(self.out.blocks)
        if unit == "节":
            self.add(self.line_block("section", n, rest, s, e, m.start(3), law.chapter))
        else:
            level = "book" if unit == "编" else "chapter"
            self.add(self.line_block("chapter", n, rest, s, e, m.start(3), law.book if unit == "章" else None,
                                     level=level))
        self.open_block = None
        law.entered(unit, n, index)
        return True

    def _close_open(self) -> None:
        if self.open_block is not None and self.pending:
            self._join_best_pending()
        if self.open_block is not None:
            b = self.open_block
            self.out.warnings.append(f"{b.kind} {b.number} ({b.title}) ends mid-sentence; no continuation found")
            self.open_block = None
        self.flush_pending()

    def _finish_metadata(self) -> None:
        out = self.out
        for block in out.blocks:
            if block.kind in {"preamble", "item"} and out.target_year is None:
                if m := TARGET_YEAR_RE.search(block.text):
                    out.target_year = int(m.group(1))
        if not any(b.kind in {"part", "measure", "chapter", "article"} for b in out.blocks):
            out.warnings.append("no outline found (no 一、 parts, numbered measures or 第X条 articles); "
                                "entities are linked to the document itself")


def _childless_sections_as_measures(blocks: list[Block]) -> None:
    """A （一）X heading with text of its own and nothing numbered under it is a measure, not a
    section: task tables put the target on the heading line and 责任单位：… on the next."""
    parents = {b.parent for b in blocks}
    for i, block in enumerate(blocks):
        heading_line = block.segments[0][1] - block.segments[0][0] if block.segments else 0
        if block.kind == "section" and i not in parents and len(block.text.strip()) > heading_line:
            block.kind = "measure"


def parse_outline(text: str, set_aside: list[tuple[int, int, str]] | None = None) -> Outline:
    """The outline, metadata and set-aside ranges of one normalised document.

    >>> o = parse_outline("关于加强某项工作的意见\\n\\n一、主要举措\\n\\n1.支持企业。鼓励平台企业创新。")
    >>> [(b.kind, b.number, b.title) for b in o.blocks]
    [('title', 0, '关于加强某项工作的意见'), ('part', 1, '主要举措'), ('measure', 1, '支持企业')]
    """
    return _Scanner(text, list(set_aside or [])).run()
