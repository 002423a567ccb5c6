"""Find a policy's outline in normalised text, and set aside what is not the policy.

Scanned and web copies interleave the policy with other text (newspaper
articles, page furniture, site chrome) and split paragraphs at page breaks.
The scan keeps a small state machine over the lines:

- Headings are accepted only in sequence (一、 after nothing, 二、 after 一、,
  measure 6 after 5), so numbered lists inside a news story do not hijack it.
- A policy paragraph that does not end a sentence waits for its continuation;
  the next paragraph that reads like policy text (see `register_score`) is
  joined to it, even when set-aside text sits in between.
- Any other paragraph after the preamble that is not a heading, not the notice
  block and not a continuation is set aside, with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from loaders.lexicon import load_lexicon

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUM = "一二三四五六七八九十〇零"

TITLE_RE = re.compile(
    r"^(?:中共[^。，]{2,20}?\s*)?[^。；]{0,60}?(?:意见|通知|办法|方案|规定|决定|条例|规划|措施|细则|纲要|计划|政策|通告)"
    r"(?:[（(][^（）()]{1,12}[）)])?$"
)
PART_RE = re.compile(rf"^([{CN_NUM}]{{1,3}})[、,，.．]\s*([^。；]{{2,30}})$")
BRACKET_RE = re.compile(rf"^[（(]([{CN_NUM}]{{1,3}})[）)]\s*(.+)$")
MEASURE_RE = re.compile(r"^(\d{1,3})\s*[.．、]\s*(?!\d)(.+)$")
NOTICE_RE = re.compile(r"印发.{0,6}《(?P<title>[^》]+)》.{0,6}通知")
DATE_RE = re.compile(rf"^(\d{{4}}|[{CN_NUM}]{{4}})年(\d{{1,2}}|[{CN_NUM}]{{1,3}})月(\d{{1,2}}|[{CN_NUM}]{{1,3}})日$")
DOCNUM_RE = re.compile(r"[\u4e00-\u9fff]{1,10}(?:〔|\[|［)(\d{4})(?:〕|\]|］)\d{1,4}号")
ISSUER_RE = re.compile(r"^[\u4e00-\u9fff]{2,24}(?:办公厅|办公室|人民政府|委员会|省委|市委|县委|厅|局|部|院|署|委)$")
FURNITURE_RE = re.compile(
    r"^[（(]?(?:紧接|下转|上接|转)第?[\d一二三四五六七八九十]+版[）)]?$|^第?[\d一二三四五六七八九十]+版$|"
    r"^[-—－\s\d]+$|^(?:第\s*\d+\s*页|\d+\s*/\s*\d+)$"
)
TARGET_YEAR_RE = re.compile(r"到\s*(\d{4})\s*年")
SYSTEM_RE = re.compile(r"(?:构建|建设|打造|形成|健全)([^，。；、]{2,20}?体系)")
# A paragraph after a finished measure joins it only when it reads this strongly
# like policy; newspaper paragraphs in real copies score far below.
PARAGRAPH_SCORE = 5
SENTENCE_END = "。！？；!?;…"
CLOSERS = "”’）)》"

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
    if "十" not in numeral:
        value = 0
        for ch in numeral:
            value = value * 10 + CN_DIGITS[ch]
        return value
    tens, _, ones = numeral.partition("十")
    return (CN_DIGITS[tens] if tens else 1) * 10 + (CN_DIGITS[ones] if ones else 0)


ISSUER_SPLIT = re.compile(r".+?(?:办公厅|办公室|委员会|人民政府(?!办公))(?=.)|.+$")


def split_issuers(text: str) -> list[str]:
    """Issuing bodies named before 印发, whether or not spaces survived normalisation.

    >>> split_issuers("中共浙江省委办公厅浙江省人民政府办公厅")
    ['中共浙江省委办公厅', '浙江省人民政府办公厅']
    """
    return [x for token in re.split(r"[\s、，,]+", text) for x in ISSUER_SPLIT.findall(token) if x]


def register_score(text: str) -> int:
    """How much a paragraph reads like policy (positive) rather than news (negative)."""
    return len(POLICY_WORDS.findall(text)) - 2 * len(NEWS_WORDS.findall(text))


def is_complete(text: str) -> bool:
    """True if `text` ends a sentence (so a page break after it splits nothing)."""
    stripped = text.rstrip(CLOSERS)
    return not stripped or stripped[-1] in SENTENCE_END or stripped[-1] == "："


@dataclass
class Block:
    """One outline element. `segments` are the document ranges its text comes from
    (several when a page break split it); `body_start` is where the text after the
    number marker begins."""

    kind: str  # preamble | part | section | measure | item | notice
    number: int
    title: str
    segments: list[tuple[int, int]]
    text: str
    parent: int | None = None  # index into Outline.blocks
    body_start: int = 0
    role: str = ""  # parts: general | measures | implementation
    system: str = ""  # sections: the target system its heading builds

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
class Outline:
    title: str = ""
    number: str = ""
    issuers: list[str] = field(default_factory=list)
    date: str = ""
    addressees: str = ""
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


def _iso_date(m: re.Match[str]) -> str:
    y, mo, d = (cn_to_int(g) for g in m.groups())
    return f"{y:04d}-{mo:02d}-{d:02d}"


class _Scanner:
    """The state machine behind `parse_outline`; one instance per document."""

    def __init__(self, text: str, set_aside: list[tuple[int, int, str]]):
        self.doc = text
        self.out = Outline()
        self.set_aside = set_aside
        self.part: int | None = None
        self.section: int | None = None
        self.next_part = 1
        self.next_bracket = 1  # （n） within the current part
        self.last_bracket = 0  # （n） across the document (for measures numbered (三)…(二十))
        self.next_measure = 1
        self.local_measure = 1  # restarts with each part or section
        self.open_block: Block | None = None  # last policy block, if it awaits a continuation
        self.pending: list[tuple[int, int]] = []  # lines seen while waiting for a continuation
        self.in_notice = False
        self.measure_style = ""  # "arabic" (1. 2. …) or "bracket" (（三）…（二十）), fixed by the first measure

    # -- helpers ---------------------------------------------------------
    def add(self, block: Block) -> Block:
        self.out.blocks.append(block)
        waits = block.kind in {"measure", "item", "preamble"} and not is_complete(block.text)
        self.open_block = block if waits else None
        self.flush_pending()
        return block

    def exclude(self, start: int, end: int, reason: str) -> None:
        self.out.excluded.append((start, end, reason))

    def flush_pending(self) -> None:
        lines = self.pending
        self.pending = []
        for i, (s, e) in enumerate(lines):
            nxt = self.doc[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else ""
            self.exclude(s, e, _set_aside_reason(self.doc[s:e], nxt))

    def line_block(self, kind, number, title, s, e, body_start, parent, **kw) -> Block:
        return Block(kind, number, title, [(s, e)], self.doc[s:e], parent, body_start, **kw)

    # -- scanning --------------------------------------------------------
    def run(self) -> Outline:
        lines = [(s, e) for s, e in lines_of(self.doc) if not self._is_set_aside(s, e)]
        start = self._find_title(lines)
        for s, e in lines[start:]:
            self.step(s, e)
        self._close_open()
        self.out.excluded.sort()
        self._finish_metadata()
        return self.out

    def _is_set_aside(self, s: int, e: int) -> bool:
        for a, b, reason in self.set_aside:
            if a <= s and e <= b:
                self.exclude(s, e, reason)
                return True
        return False

    def _find_title(self, lines) -> int:
        for i, (s, e) in enumerate(lines[:40]):
            line = self.doc[s:e]
            if TITLE_RE.match(line) and not NOTICE_RE.search(line) and len(line) <= 80:
                # A notice block (or a document number) often precedes the title.
                for ps, pe in lines[:i]:
                    head = self.doc[ps:pe]
                    if self.in_notice or NOTICE_RE.search(head) or DOCNUM_RE.search(head):
                        self.in_notice = not DATE_RE.match(head)
                        self._notice_line(ps, pe)
                    else:
                        self.exclude(ps, pe, "before the document title")
                self.in_notice = False
                self.out.title = line
                self.add(self.line_block("title", 0, line, s, e, 0, None))
                return i + 1
        self.out.warnings.append("no document title found")
        return 0

    def step(self, s: int, e: int) -> None:
        line = self.doc[s:e]
        if FURNITURE_RE.match(line):
            self.exclude(s, e, "page furniture")
        elif NOTICE_RE.search(line) and not self.in_notice:
            self.in_notice = True
            self._notice_line(s, e)
        elif self.in_notice and not self._is_heading_line(line):
            self._notice_line(s, e)
        elif self._heading(line, s, e):
            self.in_notice = False
        elif self.open_block is not None:
            self.pending.append((s, e))
            self._try_continuation()
        elif self.part is None and not self.out.of_kind("part"):
            self.add(self.line_block("preamble", 0, "", s, e, 0, None))
        elif not self.pending and self._extends_last_block(line):
            # A further paragraph of the same measure or item, not a page-break split.
            last = self.out.blocks[-1]
            last.append(s, e, self.doc)
        else:
            self.pending.append((s, e))

    def _extends_last_block(self, line: str) -> bool:
        last = self.out.blocks[-1] if self.out.blocks else None
        return (last is not None and last.kind in {"measure", "item"}
                and register_score(line) >= PARAGRAPH_SCORE and len(line) >= 30)

    def _is_heading_line(self, line: str) -> bool:
        return bool(PART_RE.match(line) or BRACKET_RE.match(line) or MEASURE_RE.match(line))

    def _try_continuation(self) -> None:
        """Join the best pending paragraph to the open block once it is clear enough."""
        block = self.open_block
        candidates = [
            (i, s, e) for i, (s, e) in enumerate(self.pending)
            if not FURNITURE_RE.match(self.doc[s:e]) and not (len(self.doc[s:e]) <= 20 and not is_complete(self.doc[s:e]))
        ]
        best = next(((i, s, e) for i, s, e in candidates if register_score(self.doc[s:e]) > 0), None)
        if best is None:
            return
        i, s, e = best
        before, self.pending = self.pending[:i], self.pending[i + 1:]
        rest = self.pending
        self.pending = before
        self.flush_pending()
        block.append(s, e, self.doc)
        self.open_block = None if is_complete(block.text) else block
        self.pending = rest

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
        block.append(s, e, self.doc)
        self.open_block = None if is_complete(block.text) else block

    def _heading(self, line: str, s: int, e: int) -> bool:
        m = PART_RE.match(line)
        if m and cn_to_int(m.group(1)) == self.next_part:
            title = m.group(2).strip()
            self._close_open()
            self.part = len(self.out.blocks)
            self.section = None
            self.local_measure = 1
            self.add(self.line_block("part", self.next_part, title, s, e, m.start(2), None, role=_part_role(title)))
            self.next_part += 1
            self.next_bracket = 1
            return True
        if self.part is None:
            return False
        role = self.out.blocks[self.part].role
        m = BRACKET_RE.match(line)
        if m and cn_to_int(m.group(1)) in {self.next_bracket, self.last_bracket + 1}:
            n = cn_to_int(m.group(1))
            rest = m.group(2)
            title, dot, body = rest.partition("。")
            self._close_open()
            if role == "measures" and not (dot and body):
                self.section = len(self.out.blocks)
                self.local_measure = 1
                system = SYSTEM_RE.search(rest)
                self.add(self.line_block("section", n, rest.strip(), s, e, m.start(2), self.part,
                                         system=system.group(1) if system else ""))
            elif role == "measures" and self.section is None and self.measure_style != "arabic" and len(title) <= 40:
                # Measures numbered （三）…（二十） directly under a part.
                self.measure_style = "bracket"
                self.add(self.line_block("measure", n, title, s, e, m.start(2), self.part))
            else:
                self.add(self.line_block("item", n, title if dot else rest, s, e, m.start(2), self.part))
            self.next_bracket = n + 1
            self.last_bracket = n
            return True
        m = MEASURE_RE.match(line)
        if not m:
            return False
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
        if self.open_block is None and not self.pending and last.kind in {"measure", "item"}:
            # "1. 2. …" points inside an item of 总体要求 or a （三）-style measure: part of its text.
            last.append(s, e, self.doc)
            return True
        return False

    def _close_open(self) -> None:
        if self.open_block is not None:
            self._join_best_pending()
        if self.open_block is not None:
            b = self.open_block
            self.out.warnings.append(f"{b.kind} {b.number} ({b.title}) ends mid-sentence; no continuation found")
            self.open_block = None
        self.flush_pending()

    def _notice_line(self, s: int, e: int) -> None:
        """Lines of the 印发通知 block: header, addressees, body, issuers, date."""
        line = self.doc[s:e]
        out = self.out
        notice = next((b for b in out.blocks if b.kind == "notice"), None)
        if notice is None:
            notice = Block("notice", 0, "", [], "", None)
            out.blocks.append(notice)
        notice.append(s, e, self.doc)
        if m := NOTICE_RE.search(line):
            out.title = out.title or m.group("title")
            for x in split_issuers(line[: m.start()].removesuffix("关于")):
                if x and x not in out.issuers:
                    out.issuers.append(x)
                    out.issuer_spans[x] = (s, e)
        elif m := DOCNUM_RE.search(line):
            out.number = out.number or m.group()
        elif line.endswith(("：", ":")) and not out.addressees:
            out.addressees = line.rstrip("：:")
        elif ISSUER_RE.match(line):
            if line not in out.issuers:
                out.issuers.append(line)
            out.issuer_spans.setdefault(line, (s, e))
        elif m := DATE_RE.match(line):
            out.date = _iso_date(m)
            self.in_notice = False
        if m := DOCNUM_RE.search(line):
            out.number = out.number or m.group()

    def _finish_metadata(self) -> None:
        out = self.out
        for block in out.blocks:
            if block.kind in {"preamble", "item"} and out.target_year is None:
                if m := TARGET_YEAR_RE.search(block.text):
                    out.target_year = int(m.group(1))
        if not out.of_kind("part") and not out.of_kind("measure"):
            out.warnings.append("no outline found (no 一、 parts or numbered measures); "
                                "entities are linked to the document itself")


def parse_outline(text: str, set_aside: list[tuple[int, int, str]] | None = None) -> Outline:
    """The outline, metadata and set-aside ranges of one normalised document.

    >>> o = parse_outline("关于加强某项工作的意见\\n\\n一、主要举措\\n\\n1.支持企业。鼓励平台企业创新。")
    >>> [(b.kind, b.number, b.title) for b in o.blocks]
    [('title', 0, '关于加强某项工作的意见'), ('part', 1, '主要举措'), ('measure', 1, '支持企业')]
    """
    return _Scanner(text, list(set_aside or [])).run()
