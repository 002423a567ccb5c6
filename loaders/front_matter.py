"""The front and end matter of an official document (GB/T 9704), and the web page around it.

Works on the lines of normalised text and says, for each line it claims, what it is: the title,
header (文号, 签发人, 主送机关, adoption lines of a law), the wrapping notice of 印发/转发/令
documents, end matter (署名, 成文日期, 抄送, 印发), or text set aside with a reason (site chrome,
a metadata table, a page headline, a news lead). The outline stage reads only the lines it leaves.

A wrapping notice (关于印发《X》的通知, 关于公开征求《X》意见的通知, a 令) is not the policy: the
attached document X is. Its title becomes the title, the notice's number, issuers and date become
its metadata, and the notice text is kept as front matter, never as outline.

The readers of single lines (dates, 文号, issuer lines, chrome) are in `loaders.gbt9704`; which
lines are the title, in `loaders.title`. Vocabulary (genres, body suffixes, chrome words, metadata
keys) is in ``data/lexicon/front_matter.yaml``.

>>> fm = read_front_matter("浙江省人民政府办公厅\\n关于加强数字贸易的\\n若干意见（试行）\\n浙政办发[2024]7号\\n为推动发展，提出如下意见。")
>>> fm.title, fm.issuers, fm.number, fm.kind, fm.body_start
('关于加强数字贸易的若干意见（试行）', ['浙江省人民政府办公厅'], '浙政办发〔2024〕7号', '意见', 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields

from loaders.gbt9704 import (DATE, DATE_LINE_RE, DATE_RE, DECREE_HEAD_RE, DECREE_RE, HEADING_RE,
                             MAX_NUMBER_CHARS, NUMBER_ONLY_RE, SENTENCE_MARKS, SUFFIX_RE, chrome_reason,
                             document_number, headline_title, is_issuer_line, iso_date, issuers_of_line,
                             metadata_of_line, same_title, split_title_issuers, title_key, title_kind, vocab,
                             wrapped_title)
from loaders.issuers import abbreviates, split_issuers
from loaders.title import MAX_TITLE_LINES, ends_title, find_title, title_window

ITEM_NUMBER_RE = re.compile(r"^\d+[.．、]\s*")  # 1. 2、 … before an item of a list (of attachments)
DATE_ISSUER_RE = re.compile(rf"^{DATE}\s*[，,]?\s*(?P<body>[^，,。]{{2,40}})$")  # a date, then who issued
TITLE_DATE_RE = re.compile(rf"[（(]\s*{DATE}[^（）()]{{0,8}}[）)]$")  # a date in brackets after a title
ISSUER_DATE_RE = re.compile(rf"^(?P<body>[^，,。]{{2,40}}?)\s*{DATE}$")  # who issued, then the date


@dataclass
class DocumentMeta:
    """What a document says about itself: read by the front-matter stage, kept by the outline."""

    title: str = ""
    number: str = ""
    issuers: list[str] = field(default_factory=list)
    date: str = ""
    addressees: list[str] = field(default_factory=list)
    signer: str = ""
    attachments: list[str] = field(default_factory=list)
    cc: list[str] = field(default_factory=list)
    kind: str = ""  # genre: 意见, 通知, 条例 …
    wrapper: str = ""  # the wrapping notice's own title, when the policy came wrapped
    validity: str = ""
    metadata: dict[str, str] = field(default_factory=dict)  # a web page's metadata table, as read

    def copy_meta_to(self, other: "DocumentMeta") -> None:
        """Put this metadata into `other` (lists and maps copied)."""
        for f in fields(DocumentMeta):
            value = getattr(self, f.name)
            setattr(other, f.name, type(value)(value) if isinstance(value, (list, dict)) else value)


@dataclass
class FrontMatter(DocumentMeta):
    roles: dict[int, str] = field(default_factory=dict)  # line index -> title | header | notice | end | aside
    excluded: list[tuple[int, str]] = field(default_factory=list)  # (line index, reason)
    issuer_lines: dict[str, int] = field(default_factory=dict)  # issuer -> the line naming it
    body_start: int = 0
    body_end: int = 0
    warnings: list[str] = field(default_factory=list)
    _dates: dict[str, str] = field(default_factory=dict)  # source (notice, end, metadata …) -> ISO date
    _open_key: str = ""  # a metadata key printed alone on its line: its value is the next line


def _set_title(fm: FrontMatter, title: str, line: int) -> None:
    if m := TITLE_DATE_RE.search(title):  # 关于X的通知（2005年3月1日）: the date is no part of the title
        title = title[:m.start()]
        _add_date(fm, "title", m.group())
    title, number = headline_title(title)
    fm.number = fm.number or number
    issuers, fm.title = split_title_issuers(title)
    for x in issuers:
        _add_issuer(fm, x, line)
    fm.kind = title_kind(fm.title)


def _add_issuer(fm: FrontMatter, name: str, line: int) -> None:
    name = name.strip()
    if any(abbreviates(name, x) or abbreviates(x, name) for x in fm.issuers):
        return  # 市水利局 signing what the title issued as 北京市水利局; one body, named once
    if len(name) >= 2 and name not in fm.issuers:
        fm.issuers.append(name)
        fm.issuer_lines.setdefault(name, line)


def _add_date(fm: FrontMatter, source: str, text: str) -> bool:
    date = iso_date(text)
    if date:
        fm._dates.setdefault(source, date)
    return bool(date)


def _read_metadata(fm: FrontMatter, row: dict[str, str], line: int) -> None:
    keys = vocab().metadata_keys
    for key, value in row.items():
        if not value:
            continue
        fm.metadata.setdefault(key, value)
        field_name = keys[key]
        if field_name == "number" and not fm.number:
            fm.number = document_number(value) or value
        elif field_name == "issuer":  # a body's name, not the site's (发文机构：县政府网站)
            for x in filter(vocab().body_end.search, split_issuers(value)):
                _add_issuer(fm, x, line)
        elif field_name in ("date", "published"):
            _add_date(fm, f"metadata {field_name}", value)
        elif field_name == "validity" and not fm.validity:
            fm.validity = value


def _state_body(name: str) -> str:
    """中华人民共和国国务院 as titles and signatures name it: 国务院."""
    return name.removeprefix("中华人民共和国") if name.endswith("国务院") else name


def _adoption(fm: FrontMatter, line: str, index: int) -> bool:
    """A law's adoption or revision line: its date, and the adopting body as issuer."""
    v = vocab()
    body = line.strip("（）()")
    if not DATE_RE.search(body) or not v.adoption.search(body) or len(body) > 400:
        return False
    if not re.search(r"会议|常务委员会|人民代表大会|人民政府|国务院|令|公布|施行", body):
        return False
    dates = list(DATE_RE.finditer(body))
    for m, nxt in zip(dates, dates[1:] + [None]):
        clause = body[m.start():nxt.start() if nxt else len(body)]
        rest = clause[m.end() - m.start():].strip()
        if not rest.rstrip("）)").endswith("施行"):  # the date in force is not the document's date
            fm._dates["adoption"] = max(fm._dates.get("adoption", ""), iso_date(clause))
        if not fm.number and (number := document_number(rest)):
            fm.number = number
        who = v.session.sub("", re.sub(r"^根据|《.*", "", rest)).strip()
        if "adopted" not in fm.metadata and who and (v.body_end.search(who) or who.endswith("国务院")):
            fm.metadata["adopted"] = who
            _add_issuer(fm, _state_body(who), index)
    return True


def _header_line(fm: FrontMatter, line: str, index: int, source: str = "header") -> str:
    """Read one line of the document header; its role ("" if it is no header line)."""
    open_key, fm._open_key = fm._open_key, ""
    if reason := chrome_reason(line):
        fm.excluded.append((index, reason))
        return "aside"
    if _metadata_row(fm, line, index, open_key):
        fm.excluded.append((index, "metadata table (read into the document)"))
        return "aside"
    if _adoption(fm, line, index) or _numbered_or_signed(fm, line, index):
        return "header"
    return "header" if _issuer_date_or_addressee(fm, line, index, source) else ""


def _metadata_row(fm: FrontMatter, line: str, index: int, open_key: str) -> bool:
    """A row of a site's metadata table read into `fm`. Some sites print each key on a line of its
    own (• 发文字号：) and its value on the next: `open_key` is such a key, awaiting this line."""
    if row := metadata_of_line(line):
        _read_metadata(fm, row, index)
        last = list(row)[-1]
        fm._open_key = "" if row[last] else last
        return True
    if open_key and len(line) <= 100 and not SENTENCE_MARKS.search(line):
        _read_metadata(fm, {open_key: line}, index)
        return True
    return False


def _numbered_or_signed(fm: FrontMatter, line: str, index: int) -> bool:
    """A 文号 (or 令 number, whose body becomes an issuer) or a 签发人 line, read into `fm`."""
    # A line too long to be a number line is not searched for one: on a megabyte-long line the search
    # alone takes seconds.
    short = len(line) <= MAX_NUMBER_CHARS + 12
    if short and (number := document_number(line)) and len(line) <= len(number) + 12 and "。" not in line:
        fm.number = fm.number or number
        _add_date(fm, "header", line)  # 2002年4月23日 财税〔2002〕59号: the date beside the number
        if m := DECREE_RE.search(line):
            _add_issuer(fm, _state_body(m.group("org").removesuffix("令")), index)
        return True
    if line.startswith("签发人"):
        fm.signer = line.split("：", 1)[-1].split(":", 1)[-1].strip()
        return True
    return False


def _issuer_date_or_addressee(fm: FrontMatter, line: str, index: int, source: str) -> bool:
    """A date line, an issuer line, the 主送机关 line or a signer, read into `fm`."""
    if DATE_LINE_RE.match(line):
        _add_date(fm, source, line)
    elif (m := DATE_ISSUER_RE.match(line)) and is_issuer_line(m.group("body")):  # 1990年3月10日，铁道部
        _add_date(fm, source, line)
        for x in issuers_of_line(m.group("body")):
            _add_issuer(fm, x, index)
    elif is_issuer_line(line) and len(line) <= 40:
        for x in issuers_of_line(line):
            _add_issuer(fm, x, index)
    elif line.endswith(("：", ":")) and len(line) <= 200 and "。" not in line and not vocab().not_addressee.search(line):
        fm.addressees = fm.addressees or [x for x in re.split(r"[，,；;]", line.rstrip("：:")) if x]
    elif m := vocab().signer.match(line):
        fm.signer = fm.signer or m.group("name")
    else:
        return False
    return True


def _lines(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        raw = m.group()
        s = m.start() + len(raw) - len(raw.lstrip())
        e = m.end() - (len(raw) - len(raw.rstrip()))
        if e > s:
            out.append((s, e))
    return out


def _before_title_reason(line: str) -> str:
    if "。" in line and len(line) > 30:
        return "news lead"
    if len(line) <= 40 or vocab().headline.search(line):
        return "page headline"
    return "before the document title"


def _wrapper_headline(fm: FrontMatter, line: str, index: int, title: str) -> bool:
    """A page's headline naming the wrapping notice of the document titled `title` (某市委办公室印发
    《X》的通知（某办发〔2017〕2号）): its issuers, number and name are the notice's."""
    if not ends_title(line):
        return False
    headline, number = headline_title(line)
    issuers, wrapper = split_title_issuers(headline)
    if not (attached := wrapped_title(wrapper)) or not same_title(attached, title):
        return False
    for x in issuers:
        _add_issuer(fm, x, index)
    fm.number, fm.wrapper = fm.number or number, fm.wrapper or wrapper
    return True


def _decree_line(fm: FrontMatter, texts: list[str], index: int, end: int) -> bool:
    """A line of the 令 that promulgates the document (某某令 / 第N号 / 《X》已经…通过，现予公布):
    its number and issuer read into `fm`, which then counts as wrapped by the 令."""
    line = texts[index]
    if m := DECREE_HEAD_RE.match(line):
        nxt = texts[index + 1] if index + 1 < end else ""
        if n := NUMBER_ONLY_RE.match(nxt):
            fm.number = fm.number or f"{m.group('org')}第{n.group(1)}号"
            fm.wrapper = fm.wrapper or fm.number
            _add_issuer(fm, _state_body(m.group("org").removesuffix("令")), index)
        return True
    if NUMBER_ONLY_RE.match(line) and index and DECREE_HEAD_RE.match(texts[index - 1]):
        return True
    return any(w in line for w in vocab().decree_words)


def _hands_on(line: str, title: str) -> bool:
    """Whether `line` is a wrapping notice's sentence that hands on the document titled `title`
    (现将《X》印发给你们; 《X》已经…同意，现转发给你们), though the notice's own title is not there."""
    for m in re.finditer(r"《([^《》]+)》", line):
        if same_title(m.group(1), title) and vocab().wrapper_verb.search(line, m.end()):
            return True
    return False


def _read_before_title(fm: FrontMatter, texts: list[str], end: int, title: str) -> None:
    """Lines above the title: chrome, metadata, issuer marks, 文号, a 令's header and body, the
    wrapping notice's headline and text."""
    in_notice = False  # the wrapping notice has handed the document on (现将《X》印发给你们)
    for index in range(end):
        line = texts[index]
        if _wrapper_headline(fm, line, index, title):
            fm.roles[index] = "notice"
            continue
        if _decree_line(fm, texts, index, end):
            fm.roles[index] = "notice"
            continue
        in_notice = in_notice or _hands_on(line, title)
        role = _header_line(fm, line, index, "notice" if fm.wrapper or in_notice else "header")
        if role:
            fm.roles[index] = role
        elif (fm.wrapper or in_notice) and ("。" in line or vocab().publish_note.match(line)):
            fm.roles[index] = "notice"  # the text of the wrapping notice above the document
        else:
            fm.roles[index] = "aside"
            fm.excluded.append((index, _before_title_reason(line)))


def _read_after_title(fm: FrontMatter, texts: list[str], start: int) -> int:
    """Header lines under the title (文号, date, adoption lines, 主送机关); the first body line."""
    j = start
    while j < len(texts) and j not in fm.roles and not HEADING_RE.match(texts[j]):
        if texts[j] == fm.title or (fm.wrapper and texts[j] == fm.wrapper):
            fm.roles[j] = "aside"
            fm.excluded.append((j, "repeated title"))
        elif role := _header_line(fm, texts[j], j):
            fm.roles[j] = role
        elif (DECREE_HEAD_RE.match(texts[j]) or fm.wrapper) and _decree_line(fm, texts, j, len(texts)):
            # a web copy may print the 令 under the title
            fm.roles[j] = "notice"
        else:
            break
        j += 1
    return j


def _notice_line(fm: FrontMatter, texts: list[str], index: int) -> None:
    line = texts[index]
    fm.roles[index] = "notice"
    if m := vocab().attachment.match(line):
        if m.group("x"):
            fm.attachments.append(ITEM_NUMBER_RE.sub("", m.group("x")))
        return
    if fm.attachments and re.match(r"^\d+[.．、]", line) and len(line) <= 60 and "。" not in line:
        fm.attachments.append(ITEM_NUMBER_RE.sub("", line))
        return
    role = _header_line(fm, line, index, "notice")
    if role == "aside":
        fm.roles[index] = "aside"


def _grown_to(attached: str, texts: list[str], i: int, k: int, start: int) -> int:
    """The first line of the attached title ending on line k - 1: lines above join it while the
    notice's name for it still contains them (a page breaks a title anywhere: 某省进一步加强 / 某项工作的方案)."""
    want = title_key(attached)
    while i > start and k - i < MAX_TITLE_LINES and title_key(texts[i - 1] + "".join(texts[i:k])) in want:
        i -= 1
    return i


def _unwrap(fm: FrontMatter, texts: list[str], start: int, attached: str) -> int:
    """The notice lines up to the attached document's title; that title becomes the policy's."""
    fm.wrapper = fm.title
    for j in range(start, min(len(texts), start + 80)):
        if not ends_title(texts[j]):
            continue
        i, k = title_window(texts, j)
        i = _grown_to(attached, texts, max(i, start), k, start)
        title = "".join(texts[i:k])
        if title.count("《") > title.count("》"):
            continue  # it ends inside the title it quotes (某市贯彻落实《关于…若干政策 / 措施》实施方案)
        if same_title(wrapped_title(headline_title(title)[0]), attached):
            continue  # the wrapping notice's title printed again (a web page heads the text with it)
        if not same_title(attached, SUFFIX_RE.sub("", title)) and not same_title(attached, title):
            continue
        for index in range(start, i):
            _notice_line(fm, texts, index)
        for index, role in list(fm.roles.items()):
            if role == "title":
                fm.roles[index] = "notice"
        for index in range(i, k):
            fm.roles[index] = "title"
        _set_title(fm, title, i)
        return _read_after_title(fm, texts, k)
    fm.title, fm.kind = attached, title_kind(attached)
    end = _notice_end(texts, start, attached)
    for index in range(start, end):
        _notice_line(fm, texts, index)
    return end


def _notice_end(texts: list[str], start: int, attached: str) -> int:
    """Where a wrapping notice whose attachment has no title line of its own ends: after its date,
    or, undated (a web copy dropped the signature), after the sentence that hands 《X》 on."""
    window = range(start, min(len(texts), start + 25))
    if dated := next((j for j in window if DATE_LINE_RE.match(texts[j])), None):
        return dated + 1
    for j in window:
        if any(same_title(attached, x) for x in re.findall(r"《([^《》]+)》", texts[j])):
            return j + 1
    return start


def _announced_title(fm: FrontMatter, texts: list[str]) -> str:
    """The document a 公告 or 通知 publishes in full (现将《X（草案）》全文公布): X, quoted in the
    notice and standing on a line of its own after the notice's date, with text under it; or ""."""
    if fm.kind not in vocab().announcing:
        return ""
    quoted, dated = [], False
    for j in range(fm.body_start, min(len(texts) - 2, fm.body_start + 40)):
        line = texts[j]
        if dated and ends_title(line) and not vocab().attachment_title.match(line):
            if x := next((q for q in quoted if same_title(q, line)), ""):
                return x
        quoted += re.findall(r"《([^《》]+)》", line)
        dated = dated or bool(DATE_LINE_RE.match(line))
    return ""


INLINE_NOTICE_RE = re.compile(r"^(?P<pre>.*?)(?:关于)?(?:印发|转发|发布)《(?P<x>[^》]+)》的通知$")


def _inline_notice(fm: FrontMatter, texts: list[str]) -> None:
    """A wrapping notice printed inside the text (a newspaper page runs it between columns)."""
    for index in range(fm.body_start, fm.body_end):
        line = texts[index]
        if "通知" not in line or index in fm.roles:
            continue
        m = INLINE_NOTICE_RE.match(line)
        if not m or not same_title(m.group("x"), fm.title):
            continue
        for x in split_issuers(m.group("pre")):
            _add_issuer(fm, x, index)
        fm.wrapper = fm.wrapper or line[len(m.group("pre")):]
        fm.roles[index] = "notice"
        for j in range(index + 1, min(fm.body_end, index + 13)):
            if HEADING_RE.match(texts[j]) or j in fm.roles:
                break
            _notice_line(fm, texts, j)
            if DATE_LINE_RE.match(texts[j]):
                break
        return


def _end_matter(fm: FrontMatter, texts: list[str]) -> None:
    """署名, 成文日期, 附件, 抄送, 印发 lines at the end; sets `body_end` above them."""
    v = vocab()
    index, dated, numbered = len(texts) - 1, False, []
    while index >= fm.body_start and len(texts) - index <= 20 and index not in fm.roles:
        line = texts[index]
        if kind := _end_line(fm, line, index, dated):
            dated = dated or kind == "date"
        elif dated and ITEM_NUMBER_RE.match(line) and len(line) <= 60 and "。" not in line:
            numbered.append(index)  # an attachment list's item: its label line is further up
            index -= 1
            continue
        elif dated and (m := v.attachment.match(line)):
            _read_attachments(fm, texts, m.group("x"), [index, *numbered])
            numbered = []
        else:
            break
        if not numbered:
            fm.roles[index] = "end"
            fm.body_end = index
        index -= 1
    if numbered:
        fm.body_end = max(numbered) + 1 if fm.body_end <= max(numbered) else fm.body_end


def _end_line(fm: FrontMatter, line: str, index: int, dated: bool) -> str:
    """Read one end-matter line into `fm`: "date" for the 成文日期, "end" for another end-matter line
    (抄送, 印发, 署名 below … above the date), "" when it is none."""
    v = vocab()
    if m := v.cc.match(line):
        fm.cc = [x for x in re.split(r"[，,、；;。]", m.group("x")) if x]
    elif v.print_line.match(line):
        _add_date(fm, "printed", line)  # 2005年3月1日印发: the printing date, when no other is given
    elif v.publish_note.match(line):
        pass
    elif not dated and (DATE_LINE_RE.match(line) or _dated_label(line)):
        return "date" if _add_date(fm, "end", line) else "end"
    elif not dated and (m := ISSUER_DATE_RE.match(line)) and is_issuer_line(m.group("body")):
        for x in issuers_of_line(m.group("body")):  # 某市人民政府 2005年3月1日: the 落款 on one line
            _add_issuer(fm, x, index)
        return "date" if _add_date(fm, "end", line) else "end"
    elif dated and is_issuer_line(line) and len(line) <= 40:
        for x in issuers_of_line(line):
            _add_issuer(fm, x, index)
    elif dated and (m := v.signer.match(line)):
        fm.signer = fm.signer or m.group("name")
    else:
        return ""
    return "end"


def _dated_label(line: str) -> bool:
    """A labelled date line (成文日期：2005年3月1日) at the end of the text."""
    keys = vocab().metadata_keys
    row = metadata_of_line(line)
    return len(row) == 1 and keys[next(iter(row))] in ("date", "published") and bool(iso_date(line))


def _read_attachments(fm: FrontMatter, texts: list[str], first: str, lines: list[int]) -> None:
    """附件 from its label line (`first` is the text after the label) and the numbered items under it."""
    items = [first] + [texts[i] for i in reversed(lines[1:])]
    fm.attachments = [ITEM_NUMBER_RE.sub("", x) for x in items if x] + fm.attachments
    for i in lines:
        fm.roles[i] = "end"


def _untitled(fm: FrontMatter, texts: list[str]) -> None:
    """A copy with no title line: the title its metadata table gives (标题：/名称：), else the document
    its first lines hand on or report issued (现将《X》印发给你们; 某厅发布《X》)."""
    keys = vocab().metadata_keys
    if title := next((v for k, v in fm.metadata.items() if keys.get(k) == "title" and v), ""):
        _set_title(fm, title, -1)
        return
    for index in range(fm.body_start, min(len(texts), fm.body_start + 5)):
        pre, quoted = _issued_quote(texts[index])
        if title_kind(quoted) and not wrapped_title(quoted):
            _handed_on(fm, pre, quoted, index)
            _signed_notice(fm, texts, index)
            return


def _signed_notice(fm: FrontMatter, texts: list[str], index: int) -> None:
    """The sentence at `index` that hands the document on, and the signature and date under it: notice
    text, read into `fm` and kept out of the outline."""
    fm.roles[index] = "notice"
    for j in range(index + 1, min(len(texts), index + 4)):
        if j in fm.roles or not (DATE_LINE_RE.match(texts[j]) or is_issuer_line(texts[j])):
            break
        _notice_line(fm, texts, j)


def _issued_quote(line: str) -> tuple[str, str]:
    """The first 《X》 of `line` when the line issues or hands it on (某厅发布《X》; 现将《X》印发给你们),
    and the text before the verb; ("", "") if none."""
    v = vocab()
    m = re.search(r"《([^《》]+)》", line)
    if not m or "。" in line[:m.start()]:
        return "", ""
    before = v.wrapper_verb.search(line[max(0, m.start() - 4):m.start()])
    if before:
        return line[:max(0, m.start() - 4) + before.start()], m.group(1)
    if v.wrapper_verb.search(line[m.end():m.end() + 12]):
        return "", m.group(1)  # 现将《X》印发给你们: the notice's own issuer signs below
    return "", ""


def _handed_on(fm: FrontMatter, head: str, title: str, index: int) -> None:
    """The document a sentence issues or hands on: its title, and the date and issuers the sentence
    names before the verb (2023年12月，某厅、某厅发布《X》)."""
    fm.title, fm.kind = title, title_kind(title)
    if dated := re.match(rf"^{DATE}\s*[，,]?", head):
        _add_date(fm, "notice", dated.group())
        head = head[dated.end():]
    if is_issuer_line(head.replace("、", "")):
        for x in split_issuers(head):
            _add_issuer(fm, x, index)


DATE_ORDER = ("notice", "end", "metadata date", "adoption", "header", "title", "metadata published", "printed")


def read_front_matter(doc: str, lines: list[tuple[int, int]] | None = None,
                      aside: tuple[str, ...] | list[str] = ()) -> FrontMatter:
    """The front and end matter of normalised text `doc` given as `lines` ((start, end) of each
    non-blank line). `aside` is text already set aside (web chrome), searched for a metadata table."""
    lines = _lines(doc) if lines is None else lines
    texts = [doc[s:e] for s, e in lines]
    fm = FrontMatter(body_end=len(texts))
    for text in aside:
        for row in filter(None, map(metadata_of_line, text.splitlines())):
            _read_metadata(fm, row, -1)
    found = find_title(texts)
    if found is None:
        fm.warnings.append("no document title found")
        fm.body_start = _read_after_title(fm, texts, 0)
    else:
        i, k = found
        _read_before_title(fm, texts, i, "".join(texts[i:k]))
        for index in range(i, k):
            fm.roles[index] = "title"
        _set_title(fm, "".join(texts[i:k]), i)
        fm.body_start = _read_after_title(fm, texts, k)
        if attached := wrapped_title(fm.title) or _announced_title(fm, texts):
            fm.body_start = _unwrap(fm, texts, fm.body_start, attached)
        elif not fm.wrapper:
            _inline_notice(fm, texts)
    signed = len(fm.issuers)
    _end_matter(fm, texts)  # read bottom up: the bodies signing on lines of their own in reverse
    fm.issuers[signed:] = sorted(fm.issuers[signed:], key=lambda x: fm.issuer_lines.get(x, 0))
    if not fm.title:
        _untitled(fm, texts)
    fm.date = next((fm._dates[s] for s in DATE_ORDER if fm._dates.get(s)), "")
    return fm
