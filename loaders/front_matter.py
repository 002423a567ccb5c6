"""The front and end matter of an official document (GB/T 9704), and the web page around it.

Works on the lines of normalised text and says, for each line it claims, what it is: the title,
header (文号, 签发人, 主送机关, adoption lines of a law), the wrapping notice of 印发/转发/令
documents, end matter (署名, 成文日期, 抄送, 印发), or text set aside with a reason (site chrome,
a metadata table, a page headline, a news lead). The outline stage reads only the lines it leaves.

A wrapping notice (关于印发《X》的通知, 关于公开征求《X》意见的通知, a 令) is not the policy: the
attached document X is. Its title becomes the title, the notice's number, issuers and date become
its metadata, and the notice text is kept as front matter, never as outline.

Vocabulary (genres, body suffixes, chrome words, metadata keys) is in
``data/lexicon/front_matter.yaml``.

>>> fm = read_front_matter("浙江省人民政府办公厅\\n关于加强数字贸易的\\n若干意见（试行）\\n浙政办发[2024]7号\\n为推动发展，提出如下意见。")
>>> fm.title, fm.issuers, fm.number, fm.kind, fm.body_start
('关于加强数字贸易的若干意见（试行）', ['浙江省人民政府办公厅'], '浙政办发〔2024〕7号', '意见', 4)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

import yaml

from loaders.issuers import split_issuers

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "front_matter.yaml"
CN = "〇○零一二三四五六七八九十百千两"
_D = rf"(?:\d{{1,2}}|[{CN}]{{1,3}})"
DATE = rf"(\d{{4}}|[{CN}]{{4}})\s*年\s*({_D})\s*月(?:\s*({_D})\s*日)?"
DATE_RE = re.compile(DATE)
DATE_LINE_RE = re.compile(rf"^[（(]?{DATE}[）)]?$")
ISO_DATE_RE = re.compile(r"(\d{4})[-./](\d{1,2})[-./](\d{1,2})")
DOCNUM_RE = re.compile(
    r"(?P<org>[\u4e00-\u9fff]{1,14}?)\s*[〔\[［(（【]\s*(?P<year>\d{4})\s*[〕\]］)）】]\s*第?\s*(?P<n>\d{1,5})\s*(?P<hao>号?)")
DECREE_RE = re.compile(rf"(?P<org>[\u4e00-\u9fff]{{2,30}}?令)\s*[（(]?\s*第\s*(?P<n>\d{{1,5}}|[{CN}]{{1,6}})\s*号[）)]?")
DECREE_HEAD_RE = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,30}?令)$")
NUMBER_ONLY_RE = re.compile(rf"^[（(]?第\s*(\d{{1,5}}|[{CN}]{{1,6}})\s*号[）)]?$")
ANNOUNCEMENT_RE = re.compile(r"^(?P<org>[\u4e00-\u9fff]{2,30}?(?:公告|通告))\s*(?P<year>\d{4})\s*年\s*第\s*(?P<n>\d{1,4})\s*号$")
HEADING_RE = re.compile(rf"^(?:[{CN}]{{1,3}}[、.．]|[（(][{CN}\d]{{1,3}}[）)]|\d{{1,3}}[.．、](?!\d)|第[{CN}\d]{{1,6}}[编章节条])")
SENTENCE_MARKS = re.compile(r"[。；！？!?…，]")
SUFFIX_RE = re.compile(r"(?:[（(][^（）()]{1,16}[）)])+$")
MAX_TITLE_LINES = 3
TOP_LINES = 60


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


@dataclass(frozen=True)
class _Vocab:
    genres: tuple[str, ...]
    title_end: re.Pattern[str]
    body_end: re.Pattern[str]
    mark: re.Pattern[str]
    etc: re.Pattern[str]
    wrapper: re.Pattern[str]
    consultation: re.Pattern[str]
    decree_words: tuple[str, ...]
    signer: re.Pattern[str]
    adoption: re.Pattern[str]
    session: re.Pattern[str]
    cc: re.Pattern[str]
    print_line: re.Pattern[str]
    publish_note: re.Pattern[str]
    attachment: re.Pattern[str]
    addressee: re.Pattern[str]
    chrome: re.Pattern[str]
    chrome_only: re.Pattern[str]
    metadata_keys: dict[str, str]
    metadata: re.Pattern[str]
    headline: re.Pattern[str]


def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    with LEXICON.open(encoding="utf-8") as fh:
        y = yaml.safe_load(fh)
    genres = _alt(y["genres"])
    keys = y["metadata_keys"]
    return _Vocab(
        genres=tuple(sorted(y["genres"], key=len, reverse=True)),
        title_end=re.compile(rf"(?:{genres})(?:[（(][^（）()]{{1,16}}[）)])*$|^《[^《》]+》$"),
        body_end=re.compile(rf"(?:{_alt(y['body_suffixes'])})$"),
        mark=re.compile(rf"^(?P<body>.+?)(?:{_alt(y['mark_words'])})$"),
        etc=re.compile(rf"(?:{_alt(y['issuer_etc'])})$"),
        wrapper=re.compile(rf"^(?:关于)?(?:{_alt(y['wrapper_verbs'])})(?P<x>.+?)的(?:通知|决定|公告)$"),
        consultation=re.compile(rf"^(?:关于)?(?:{_alt(y['consultation_verbs'])})(?P<x>.+?)(?:修改)?意见(?:建议)?的(?:通知|公告|函)$"),
        decree_words=tuple(y["decree_words"]),
        signer=re.compile(rf"^(?:{_alt(y['signer_titles'])})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$"),
        adoption=re.compile(rf"(?:{_alt(y['adoption_words'])})[）)]?$"),
        session=re.compile(_alt_raw(y["session_words"])),
        cc=re.compile(rf"^(?:{_alt(y['cc_labels'])})[：:]\s*(?P<x>.+)$"),
        print_line=re.compile(rf"^(?P<body>.*?)\s*{DATE}\s*(?:{_alt(y['print_words'])})$"),
        publish_note=re.compile(rf"^[（(](?:{_alt(y['publish_notes'])}).*[）)]$"),
        attachment=re.compile(rf"^(?:{_alt(y['attachment_labels'])})\s*\d*\s*[：:]?\s*(?P<x>.*)$"),
        addressee=re.compile(rf"^(?:{_alt(y['addressee_marks'])})"),
        chrome=re.compile(rf"^[【\[]?(?P<label>{_alt(y['chrome_labels'])})[】\]]?(?:$|[：:\s>]|[【\[])"),
        chrome_only=re.compile(rf"^(?:[\s|/>·]*(?:{_alt(y['chrome_labels'] + y['chrome_size_words'])}))+[\s|/>·]*$"),
        metadata_keys=keys,
        metadata=re.compile(_alt(keys)),
        headline=re.compile(_alt(y["headline_words"])),
    )


def _alt_raw(patterns) -> str:
    return "|".join(f"(?:{p})" for p in patterns)


# ---- small readers (pure, one line in, a value out) ------------------------------------------------

def cn_number(numeral: str) -> int:
    """Arabic or Chinese numeral (一百二十三, 二〇二三, 两) -> int.

    >>> cn_number("二十三"), cn_number("二〇二三"), cn_number("一百零五"), cn_number("427")
    (23, 2023, 105, 427)
    """
    if numeral.isdigit():
        return int(numeral)
    digits = {c: i for i, c in enumerate("零一二三四五六七八九")} | {"〇": 0, "○": 0, "两": 2}
    if not any(c in "十百千" for c in numeral):
        value = 0
        for ch in numeral:
            value = value * 10 + digits[ch]
        return value
    total, current = 0, 0
    for ch in numeral:
        if ch in digits:
            current = digits[ch]
        else:
            unit = {"十": 10, "百": 100, "千": 1000}[ch]
            total += (current or 1) * unit
            current = 0
    return total + current


def iso_date(text: str) -> str:
    """The first date in `text` as ISO (YYYY-MM-DD, or YYYY-MM without a day); "" if none.

    >>> iso_date("二〇二三年一月三十一日"), iso_date("2023年2月1日印发"), iso_date("2023-02-01"), iso_date("2020年7月")
    ('2023-01-31', '2023-02-01', '2023-02-01', '2020-07')
    """
    m = DATE_RE.search(text)
    if m:
        y, mo, d = (cn_number(g) if g else 0 for g in m.groups())
        if 1 <= mo <= 12 and d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}" if d else f"{y:04d}-{mo:02d}"
    m = ISO_DATE_RE.search(text)
    if m and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    return ""


def document_number(text: str) -> str:
    """The 文号 in `text`, brackets normalised to 〔〕 and 号 restored; 令 and 公告 numbers too.

    >>> document_number("盐政办发[2023]6号"), document_number("浙政办发（2024）7"), document_number("浙江省人民政府令第427号")
    ('盐政办发〔2023〕6号', '浙政办发〔2024〕7号', '浙江省人民政府令第427号')
    """
    text = DATE_RE.sub(" ", text)  # 2019年10月22日国务院令… : the day is no part of the issuer
    m = DECREE_RE.search(text)
    if m:
        return f"{m.group('org')}第{m.group('n')}号"
    m = DOCNUM_RE.search(text)
    if m and (m.group("hao") or DOCNUM_RE.fullmatch(text.strip())):
        return f"{m.group('org')}〔{m.group('year')}〕{m.group('n')}号"
    m = ANNOUNCEMENT_RE.match(text)
    if m:
        return f"{m.group('org')}{m.group('year')}年第{m.group('n')}号"
    return ""


def title_kind(title: str) -> str:
    """The genre (文种) a title ends with, suffixes such as （试行） ignored.

    >>> title_kind("关于促进平台经济高质量发展的实施意见"), title_kind("某某行动计划（2020-2022年）（征求意见稿）")
    ('意见', '计划')
    """
    core = SUFFIX_RE.sub("", title).strip("《》")
    return next((g for g in vocab().genres if core.endswith(g)), "")


def split_title_issuers(title: str) -> tuple[list[str], str]:
    """`X关于Y`: the issuers X split off, the title 关于Y kept.

    >>> split_title_issuers("国家发展改革委等部门关于推动平台经济规范健康持续发展的若干意见")
    (['国家发展改革委'], '关于推动平台经济规范健康持续发展的若干意见')
    >>> split_title_issuers("关于加快平台经济健康发展的实施意见")
    ([], '关于加快平台经济健康发展的实施意见')
    """
    v = vocab()
    at = title.find("关于")
    if at < 2:
        return [], title
    prefix = v.etc.sub("", title[:at].strip())
    if not v.body_end.search(prefix) and not v.mark.match(prefix):
        return [], title
    return split_issuers(prefix), title[at:]


def is_issuer_line(line: str) -> bool:
    """A line naming issuing bodies only (one or several, as in joint documents)."""
    v = vocab()
    line = v.mark.sub(r"\g<body>", line) if v.mark.match(line) else line
    line = v.etc.sub("", line)
    return (2 <= len(line) <= 60 and not SENTENCE_MARKS.search(line) and not DATE_RE.search(line)
            and bool(re.fullmatch(r"[\u4e00-\u9fff\s、（）()]+", line)) and bool(v.body_end.search(line))
            and "关于" not in line)


def issuers_of_line(line: str) -> list[str]:
    v = vocab()
    m = v.mark.match(line)
    body = m.group("body") if m and not v.body_end.search(line) else line
    return split_issuers(v.etc.sub("", body))


def chrome_reason(line: str) -> str:
    """Why a line is site chrome ("" if it is not).

    >>> chrome_reason("发布时间：2023-06-10 来源：省政府办公厅"), chrome_reason("字体：大中小"), chrome_reason("一、总体要求")
    ('site chrome: 发布时间', 'site chrome: 字体', '')
    """
    v = vocab()
    if v.chrome_only.match(line) and len(line) <= 40:
        m = v.chrome.match(line)
        return f"site chrome: {m.group('label') if m else line.strip()[:8]}"
    m = v.chrome.match(line)
    if m and (len(line) <= 80 or not SENTENCE_MARKS.search(line)):
        return f"site chrome: {m.group('label')}"
    return ""


def metadata_of_line(line: str) -> dict[str, str]:
    """Key/value pairs of a site's metadata table row (索引号 …  发文字号 …), keys as in the yaml.

    >>> metadata_of_line("文号 盐政办发[2023]6号公开方式主动公开")
    {'文号': '盐政办发[2023]6号', '公开方式': '主动公开'}
    """
    v = vocab()
    hits = list(v.metadata.finditer(line))
    if not hits or hits[0].start() > 0:
        return {}
    out = {}
    for i, m in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(line)
        out[m.group()] = line[m.end():end].strip(" \t：:|")
    return out


def same_title(a: str, b: str) -> bool:
    """Whether two spellings name one document (印发推动X实施意见 vs 关于推动X的实施意见).

    >>> same_title("推动平台经济规范健康持续发展实施意见", "关于推动平台经济规范健康持续发展的实施意见")
    True
    """
    def key(t: str) -> str:
        return re.sub(r"[《》〈〉<>（）()\s“”\"]|关于|的", "", t)
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return min(len(ka), len(kb)) >= 0.6 * max(len(ka), len(kb))
    return SequenceMatcher(None, ka, kb).ratio() >= 0.8


def wrapped_title(title: str) -> str:
    """The attached document's title named by a wrapping notice's title, or "".

    >>> wrapped_title("关于印发《关于加强数字贸易的若干意见》的通知"), wrapped_title("关于印发推动X实施意见的通知")
    ('关于加强数字贸易的若干意见', '推动X实施意见')
    """
    v = vocab()
    m = v.wrapper.match(title) or v.consultation.match(title)
    if not m:
        return ""
    x = m.group("x")
    quoted = re.findall(r"《([^《》]+)》", x)
    return quoted[0] if quoted else x


def _title_line_ok(line: str) -> bool:
    return (0 < len(line) <= 60 and not SENTENCE_MARKS.search(line) and not line.endswith(("：", ":"))
            and not HEADING_RE.match(line) and not chrome_reason(line) and not metadata_of_line(line)
            and not DATE_LINE_RE.match(line) and not document_number(line))


def _ends_title(line: str) -> bool:
    if not _title_line_ok(line) or not vocab().title_end.search(line):
        return False
    core = SUFFIX_RE.sub("", line)
    return len(core) >= 2 and not is_issuer_line(line)


def _starts_title(line: str) -> bool:
    return line.startswith(("关于", "《")) or "关于" in line


def _extends_upward(prev: str, first: str) -> bool:
    """Whether `prev` is the first line of a title that `first` continues."""
    if not _title_line_ok(prev) or len(prev) > 40 or is_issuer_line(prev) or _starts_title(first):
        return False
    short_core = len(SUFFIX_RE.sub("", first)) < 6 or first.startswith(("的", "和", "与", "及", "暨"))
    return "关于" in prev or prev.endswith(("的", "和", "与", "及", "、", "暨")) or short_core


def _title_window(texts: list[str], j: int) -> tuple[int, int]:
    """Lines [i, k) of the title ending on line j (plus a suffix-only line after it)."""
    i = j
    while j - i + 1 < MAX_TITLE_LINES and i > 0 and _extends_upward(texts[i - 1], texts[i]):
        i -= 1
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
            or nxt.startswith(("为", "根据", "近年来")) or DECREE_HEAD_RE.match(nxt)):
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
        if not _ends_title(line):
            continue
        i, k = _title_window(texts, j)
        if len("".join(texts[i:k])) > 100:
            continue
        score = _title_score(texts, i, k)
        if score > best_score:
            best, best_score = (i, k), score
    return best


def _set_title(fm: FrontMatter, title: str, line: int) -> None:
    issuers, fm.title = split_title_issuers(title)
    for x in issuers:
        _add_issuer(fm, x, line)
    fm.kind = title_kind(fm.title)


def _add_issuer(fm: FrontMatter, name: str, line: int) -> None:
    name = name.strip()
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
        elif field_name == "issuer":
            for x in split_issuers(value):
                _add_issuer(fm, x, line)
        elif field_name in ("date", "published"):
            _add_date(fm, f"metadata {field_name}", value)
        elif field_name == "validity" and not fm.validity:
            fm.validity = value


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
            _add_issuer(fm, who.removeprefix("中华人民共和国") if who.endswith("国务院") else who, index)
    return True


def _header_line(fm: FrontMatter, line: str, index: int, source: str = "header") -> str:
    """Read one line of the document header; its role ("" if it is no header line)."""
    v = vocab()
    if reason := chrome_reason(line):
        fm.excluded.append((index, reason))
        return "aside"
    if row := metadata_of_line(line):
        _read_metadata(fm, row, index)
        fm.excluded.append((index, "metadata table (read into the document)"))
        return "aside"
    if _adoption(fm, line, index):
        return "header"
    if (number := document_number(line)) and len(line) <= len(number) + 12 and "。" not in line:
        fm.number = fm.number or number
        if m := DECREE_RE.search(line):
            _add_issuer(fm, m.group("org").removesuffix("令"), index)
        return "header"
    if line.startswith("签发人"):
        fm.signer = line.split("：", 1)[-1].split(":", 1)[-1].strip()
        return "header"
    if DATE_LINE_RE.match(line):
        _add_date(fm, source, line)
        return "header"
    if is_issuer_line(line) and len(line) <= 40:
        for x in issuers_of_line(line):
            _add_issuer(fm, x, index)
        return "header"
    if line.endswith(("：", ":")) and len(line) <= 200 and "。" not in line:
        fm.addressees = fm.addressees or [x for x in re.split(r"[，,；;]", line.rstrip("：:")) if x]
        return "header"
    if m := v.signer.match(line):
        fm.signer = fm.signer or m.group("name")
        return "header"
    return ""


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


def _read_before_title(fm: FrontMatter, texts: list[str], end: int) -> None:
    """Lines above the title: chrome, metadata, issuer marks, 文号, a 令's header and body."""
    for index in range(end):
        line = texts[index]
        if m := DECREE_HEAD_RE.match(line):
            nxt = texts[index + 1] if index + 1 < end else ""
            if n := NUMBER_ONLY_RE.match(nxt):
                fm.number = fm.number or f"{m.group('org')}第{n.group(1)}号"
                fm.wrapper = fm.wrapper or fm.number
                _add_issuer(fm, m.group("org").removesuffix("令"), index)
            fm.roles[index] = "notice"
            continue
        if NUMBER_ONLY_RE.match(line) and index and DECREE_HEAD_RE.match(texts[index - 1]):
            fm.roles[index] = "notice"
            continue
        if any(w in line for w in vocab().decree_words):
            fm.roles[index] = "notice"
            continue
        role = _header_line(fm, line, index, "notice" if fm.wrapper else "header")
        if role:
            fm.roles[index] = role
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
        else:
            break
        j += 1
    return j


def _notice_line(fm: FrontMatter, texts: list[str], index: int) -> None:
    line = texts[index]
    fm.roles[index] = "notice"
    if m := vocab().attachment.match(line):
        if m.group("x"):
            fm.attachments.append(re.sub(r"^\d+[.．、]\s*", "", m.group("x")))
        return
    if fm.attachments and re.match(r"^\d+[.．、]", line) and len(line) <= 60 and "。" not in line:
        fm.attachments.append(re.sub(r"^\d+[.．、]\s*", "", line))
        return
    role = _header_line(fm, line, index, "notice")
    if role == "aside":
        fm.roles[index] = "aside"


def _unwrap(fm: FrontMatter, texts: list[str], start: int, attached: str) -> int:
    """The notice lines up to the attached document's title; that title becomes the policy's."""
    fm.wrapper = fm.title
    for j in range(start, min(len(texts), start + 80)):
        if not _ends_title(texts[j]):
            continue
        i, k = _title_window(texts, j)
        i = max(i, start)
        title = "".join(texts[i:k])
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
    for j in range(start, min(len(texts), start + 25)):  # no attached title: the notice ends at its date
        if DATE_LINE_RE.match(texts[j]):
            for index in range(start, j + 1):
                _notice_line(fm, texts, index)
            return j + 1
    return start


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
        if m := v.cc.match(line):
            fm.cc = [x for x in re.split(r"[，,、；;。]", m.group("x")) if x]
        elif v.print_line.match(line) or v.publish_note.match(line):
            pass
        elif not dated and DATE_LINE_RE.match(line):
            dated = _add_date(fm, "end", line)
        elif dated and is_issuer_line(line) and len(line) <= 40:
            for x in issuers_of_line(line):
                _add_issuer(fm, x, index)
        elif dated and (m := v.signer.match(line)):
            fm.signer = fm.signer or m.group("name")
        elif dated and re.match(r"^\d+[.．、]", line) and len(line) <= 60 and "。" not in line:
            numbered.append(index)
            index -= 1
            continue
        elif dated and (m := v.attachment.match(line)):
            items = [m.group("x")] + [texts[i] for i in reversed(numbered)]
            fm.attachments = [re.sub(r"^\d+[.．、]\s*", "", x) for x in items if x] + fm.attachments
            for i in [index, *numbered]:
                fm.roles[i] = "end"
            numbered = []
        else:
            break
        if not numbered:
            fm.roles[index] = "end"
            fm.body_end = index
        index -= 1
    if numbered:
        fm.body_end = max(numbered) + 1 if fm.body_end <= max(numbered) else fm.body_end


DATE_ORDER = ("notice", "end", "metadata date", "adoption", "header", "metadata published")


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
        _read_before_title(fm, texts, i)
        for index in range(i, k):
            fm.roles[index] = "title"
        _set_title(fm, "".join(texts[i:k]), i)
        fm.body_start = _read_after_title(fm, texts, k)
        if attached := wrapped_title(fm.title):
            fm.body_start = _unwrap(fm, texts, fm.body_start, attached)
        elif not fm.wrapper:
            _inline_notice(fm, texts)
    _end_matter(fm, texts)
    if not fm.title and "title" in fm.metadata:
        fm.title = fm.metadata["title"]
    fm.date = next((fm._dates[s] for s in DATE_ORDER if fm._dates.get(s)), "")
    return fm
