"""The parts of an official document's header and end matter (GB/T 9704), read one line at a time.

Dates in Arabic or Chinese numerals, 文号 in every bracket form, 令 and 公告 numbers, issuer lines,
the genre (文种) a title ends with, a wrapping notice's title, site chrome and metadata table rows.
Each reader is pure: one line in, a value out. `loaders.front_matter` decides which line is which.

Vocabulary (genres, body suffixes, chrome words, metadata keys) is in
``data/lexicon/front_matter.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from loaders.issuers import split_issuers
from loaders.lexicon import load_yaml

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "front_matter.yaml"
CN = "〇○零一二三四五六七八九十百千两"
# A year typed with a zero digit or letter O among Chinese numerals (二00五, 二OO五): still a year.
ZERO_LOOKALIKES = "0OoＯ"
_D = rf"(?:\d{{1,2}}|[{CN}]{{1,3}})"
DATE = rf"(\d{{4}}|[{CN}{ZERO_LOOKALIKES}]{{4}})\s*年\s*({_D})\s*月(?:\s*({_D})\s*日)?"
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
# The longest number `document_number` can give: a 公告 body of 30 characters and 公告, a year, 年第,
# four digits and 号 (a 令 number is at most 39, a 文号 26). A line far longer holds more than a number.
MAX_NUMBER_CHARS = 43
SENTENCE_MARKS = re.compile(r"[。；！？!?…，]")
SUFFIX_RE = re.compile(r"(?:[（(][^（）()]{1,16}[）)])+$")
NUMBER_SUFFIX_RE = re.compile(r"[（(]([^（）()]{4,30})[）)]$")  # a 文号 in brackets after a web page's title


@dataclass(frozen=True)
class _Vocab:
    genres: tuple[str, ...]
    title_end: re.Pattern[str]
    body_end: re.Pattern[str]
    mark: re.Pattern[str]
    etc: re.Pattern[str]
    wrapper: re.Pattern[str]
    consultation: re.Pattern[str]
    wrapper_verb: re.Pattern[str]  # where a title without 关于 begins after its issuers (X印发《Y》的通知)
    attachment_title: re.Pattern[str]  # 附： or 附件2： before an attached document's title
    attachment_after: re.Pattern[str]  # …附：修正本 after a title
    announcing: tuple[str, ...]  # genres of a notice that may publish a document in full
    decree_words: tuple[str, ...]
    signer: re.Pattern[str]
    adoption: re.Pattern[str]
    session: re.Pattern[str]
    cc: re.Pattern[str]
    print_line: re.Pattern[str]
    publish_note: re.Pattern[str]
    attachment: re.Pattern[str]
    addressee: re.Pattern[str]
    not_addressee: re.Pattern[str]  # a colon line that is a preamble, not the 主送 line
    chrome: re.Pattern[str]
    chrome_only: re.Pattern[str]
    metadata_keys: dict[str, str]
    metadata: re.Pattern[str]
    headline: re.Pattern[str]
    bullet: re.Pattern[str]  # a row marker before a metadata or chrome row (• 索引号：…)
    field_label: re.Pattern[str]  # 【章名】 before a line of a law database's text


def _alt(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def vocab() -> _Vocab:
    with LEXICON.open(encoding="utf-8") as fh:
        y = load_yaml(fh)
    genres = _alt(y["genres"])
    keys = y["metadata_keys"]
    return _Vocab(
        genres=tuple(sorted(y["genres"], key=len, reverse=True)),
        title_end=re.compile(rf"(?:{genres})(?:[（(][^（）()]{{1,16}}[）)])*$|^《[^《》]+》$"
                             rf"|(?:{_alt(y['wrapper_verbs'])})[^《》]*《[^《》]+(?:{genres})》$"),
        body_end=re.compile(rf"(?:{_alt(y['body_suffixes'])})$"),
        mark=re.compile(rf"^(?P<body>.+?)(?:{_alt(y['mark_words'])})$"),
        etc=re.compile(rf"(?:{_alt(y['issuer_etc'])})$"),
        wrapper=re.compile(rf"^(?:关于)?(?:{_alt(y['wrapper_verbs'])})"
                           rf"(?:(?P<x>.+?)的(?:通知|决定|公告)|(?P<q>[^《》]*《[^《》]+》))$"),
        consultation=re.compile(rf"^(?:关于)?(?:(?:{_alt(y['consultation_verbs'])})(?P<x>.+?)"
                                rf"|(?P<q>《[^《》]+》(?:[（(][^（）()]+[）)])?)(?:{_alt(y['consultation_verbs'])}))"
                                rf"(?:修改)?意见(?:建议)?的(?:通知|公告|函)$"),
        wrapper_verb=re.compile(_alt(y["wrapper_verbs"])),
        announcing=tuple(y["announcing_genres"]),
        attachment_after=re.compile(rf"(?:{_alt(y['attachment_title_labels'])})\s*\d*\s*[：:][^：:]{{1,12}}$"),
        attachment_title=re.compile(rf"^(?:{_alt(y['attachment_title_labels'])})\s*\d*\s*[：:]\s*"),
        decree_words=tuple(y["decree_words"]),
        signer=re.compile(rf"^(?:{_alt(y['signer_titles'])})\s*(?P<name>[\u4e00-\u9fff·]{{2,4}})$"),
        adoption=re.compile(rf"(?:{_alt(y['adoption_words'])})[）)]?$"),
        session=re.compile(_alt_raw(y["session_words"])),
        cc=re.compile(rf"^(?:{_alt(y['cc_labels'])})[：:]\s*(?P<x>.+)$"),
        print_line=re.compile(rf"^(?P<body>.*?)\s*{DATE}\s*(?:{_alt(y['print_words'])})$"),
        publish_note=re.compile(rf"^[（(](?:{_alt(y['publish_notes'])}).*[）)]$"),
        attachment=re.compile(rf"^(?:{_alt(y['attachment_labels'])})\s*\d*\s*[：:]?\s*(?P<x>.*)$"),
        addressee=re.compile(rf"^(?:{_alt(y['addressee_marks'])})"),
        not_addressee=re.compile(rf"^(?:{_alt(y['addressee_not_starts'])})|{_alt(y['addressee_not_words'])}"),
        chrome=re.compile(rf"^[【\[]?(?P<label>{_alt(y['chrome_labels'])})[】\]]?(?:$|[：:\s>]|[【\[])"),
        chrome_only=re.compile(rf"^(?:[\s|/>·]*(?:{_alt(y['chrome_labels'] + y['chrome_size_words'])}))+[\s|/>·]*$"),
        metadata_keys=keys,
        metadata=re.compile(_alt(keys)),
        headline=re.compile(_alt(y["headline_words"])),
        bullet=re.compile(rf"^(?:{_alt(y['row_bullets'])})\s*"),
        field_label=re.compile(rf"^【(?P<label>{_alt(y['field_labels'])})】\s*"),
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
    digits |= {c: 0 for c in ZERO_LOOKALIKES} | {str(i): i for i in range(10)}
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
    >>> iso_date("二00五年三月一日"), iso_date("二OO五年十二月")
    ('2005-03-01', '2005-12')
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
    >>> split_title_issuers("某市人民政府印发《关于加强某项工作的实施意见》的通知")
    (['某市人民政府'], '印发《关于加强某项工作的实施意见》的通知')
    """
    v = vocab()
    verb = v.wrapper_verb.search(title)
    at = min(x for x in (title.find("关于"), verb.start() if verb else -1, len(title)) if x >= 0)
    if at < 2 or at == len(title):
        return [], title
    prefix = v.etc.sub("", title[:at].strip())
    if not v.body_end.search(prefix) and not v.mark.match(prefix):
        return [], title
    return split_issuers(prefix), title[at:]


def headline_title(line: str) -> tuple[str, str]:
    """A title as a web page heads it, and the 文号 it prints in brackets after it ("" if none): a
    quoted official title loses its 《》, an attachment label (附：) and the bracketed number go.

    >>> headline_title("《某市人民政府办公室关于印发〈某某要点〉的通知》")
    ('某市人民政府办公室关于印发〈某某要点〉的通知', '')
    >>> headline_title("某市委办公室印发《某某意见》的通知（某办发〔2017〕2号）"), headline_title("附：某某暂行办法")
    (('某市委办公室印发《某某意见》的通知', '某办发〔2017〕2号'), ('某某暂行办法', ''))
    >>> headline_title("某省人大常委会关于修改《某省某某条例》的决定附：修正本")
    ('某省人大常委会关于修改《某省某某条例》的决定', '')
    """
    v = vocab()
    number = ""
    if (m := NUMBER_SUFFIX_RE.search(line)) and document_number(m.group(1)) == m.group(1):
        line, number = line[:m.start()], m.group(1)
    line = v.attachment_title.sub("", line)
    if (m := v.attachment_after.search(line)) and v.title_end.search(line[:m.start()]):
        line = line[:m.start()]  # …的决定附：修正本: the label of what a database appends
    inner = line[1:-1] if line.startswith("《") and line.endswith("》") else ""
    if inner and "《" not in inner and ("关于" in inner or v.wrapper_verb.search(inner)):
        line = inner
    return line, number


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
    line = v.bullet.sub("", line)
    if v.chrome_only.match(line) and len(line) <= 40:
        m = v.chrome.match(line)
        return f"site chrome: {m.group('label') if m else line.strip()[:8]}"
    m = v.chrome.match(line)
    if m and (len(line) <= 80 or not SENTENCE_MARKS.search(line)):
        return f"site chrome: {m.group('label')}"
    return ""


def field_label(line: str) -> tuple[str, int]:
    """A law database's field label before the text of `line` (【章名】第一章 总则), and the length of
    what goes with it; ("", 0) if none.

    >>> field_label("【章名】 第一章 总则"), field_label("【打印】")
    (('章名', 5), ('', 0))
    """
    m = vocab().field_label.match(line)
    return (m.group("label"), m.end()) if m else ("", 0)


def metadata_of_line(line: str) -> dict[str, str]:
    """Key/value pairs of a site's metadata table row (索引号 …  发文字号 …), keys as in the yaml.

    >>> metadata_of_line("文号 盐政办发[2023]6号公开方式主动公开"), metadata_of_line("• 发文字号：")
    ({'文号': '盐政办发[2023]6号', '公开方式': '主动公开'}, {'发文字号': ''})
    """
    v = vocab()
    line = v.bullet.sub("", line)
    hits = list(v.metadata.finditer(line))
    if not hits or hits[0].start() > 0:
        return {}
    out = {}
    for i, m in enumerate(hits):
        end = hits[i + 1].start() if i + 1 < len(hits) else len(line)
        out[m.group()] = line[m.end():end].strip(" \t：:|")
    return out


def title_key(title: str) -> str:
    """A title with its quotes, brackets, 关于 and 的 dropped: what two spellings of it share."""
    return re.sub(r"[《》〈〉<>（）()\s“”\"]|关于|的", "", title)


def same_title(a: str, b: str) -> bool:
    """Whether two spellings name one document (印发推动X实施意见 vs 关于推动X的实施意见).

    >>> same_title("推动平台经济规范健康持续发展实施意见", "关于推动平台经济规范健康持续发展的实施意见")
    True
    """
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka in kb or kb in ka:
        return min(len(ka), len(kb)) >= 0.6 * max(len(ka), len(kb))
    return SequenceMatcher(None, ka, kb).ratio() >= 0.8


def wrapped_title(title: str) -> str:
    """The attached document's title named by a wrapping notice's title, or "".

    >>> wrapped_title("关于印发《关于加强数字贸易的若干意见》的通知"), wrapped_title("关于印发推动X实施意见的通知")
    ('关于加强数字贸易的若干意见', '推动X实施意见')
    >>> wrapped_title("转发某部《关于颁发〈某某暂行办法〉的通知》"), wrapped_title("关于《某某条例》（草案）公开征求意见的通知")
    ('某某暂行办法', '某某条例')
    >>> wrapped_title("关于印发某省贯彻落实《某某规划》工作方案的通知")
    '某省贯彻落实《某某规划》工作方案'
    """
    v = vocab()
    m = v.wrapper.match(title) or v.consultation.match(title)
    if not m:
        return ""
    x = m.group("x") or m.group("q")
    quoted = _closing_quote(x, "《", "》") or _closing_quote(x, "〈", "〉")
    if not quoted:
        return x
    return wrapped_title(quoted) or quoted  # 转发《关于颁发〈X〉的通知》: X is the policy


def _closing_quote(x: str, opening: str, closing: str) -> str:
    """The title `x` quotes first when it opens with it (《A》和《B》), else the one quoted at its end
    (after an issuer, before a note such as （草案））; "" when the quote stands inside the attached
    title (某省贯彻落实《X》工作方案 is the title, not X)."""
    pattern = rf"{opening}([^{opening}{closing}]+){closing}"
    m = re.match(pattern, x) or re.search(rf"{pattern}(?:[（(][^（）()]*[）)])?$", x)
    return m.group(1) if m else ""
