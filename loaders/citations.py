"""Citations: cited laws, cited policy documents (by 文号), and article references.

- 《中华人民共和国X法》 is the law X法; 《国务院关于…的决定》 and 《关于…的意见》（国办发〔2019〕38号）
  are policy documents, keyed by their 文号 when one is given.
- 本法第十条, 第二十条第二款, 前款 refer to articles of the same document; 《反垄断法》第二十二条
  to an article of another. Vocabulary lives in `data/lexicon/citations.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from loaders.grammar import alt, read_yaml

CJK = "\u4e00-\u9fff"
BARE_LAW_MAX = 14  # characters of a law's name written without 《》 (中华人民共和国 aside)
NUM = r"[零〇一二三四五六七八九十百千\d]+"
ARTICLE = rf"第(?P<n>{NUM})条(?:之[一二三四五六七八九十]+)?(?:第(?P<p>{NUM})款)?(?:第{NUM}项)?"
DOCNO = r"[\u4e00-\u9fff]{1,12}(?:〔|\[|［)\d{4}(?:〕|\]|］)\d{1,5}号"
CN = {"零": 0, "〇": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000}


def cn_number(text: str) -> int:
    """A Chinese or Arabic numeral up to the thousands.

    >>> cn_number("二十二"), cn_number("十"), cn_number("一百零五"), cn_number("一千二百六十"), cn_number("12")
    (22, 10, 105, 1260, 12)
    """
    if text.isdigit():
        return int(text)
    total, digit = 0, None
    for ch in text:
        if ch in UNITS:
            total += (1 if digit is None else digit) * UNITS[ch]
            digit = None
        else:
            digit = CN[ch]
    return total + (digit or 0)


@dataclass(frozen=True)
class Rules:
    law_suffixes: Mapping[str, str]
    policy_re: re.Pattern[str]
    issuer_marker: str
    chain_re: re.Pattern[str]  # a list of article numbers, with what names its document
    same_re: re.Pattern[str]
    range_word: str
    bare_law_re: re.Pattern[str]  # a law's name without 《》, at the end of the text before 第X条
    not_bare_laws: frozenset[str]
    not_bare_law_starts: tuple[str, ...]  # 本办法, 该条例: this document or one named before


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = read_yaml("citations.yaml")
    joiner = alt(data["list_words"])
    chain = rf"(?:《(?P<title>[^《》]{{1,60}})》|(?P<self>{alt(data['self_words'])}))?{ARTICLE}(?:(?:{joiner}){ARTICLE.replace('?P<n>', '').replace('?P<p>', '')})*"
    return Rules(
        dict(data["law_suffixes"]),
        re.compile(rf"《(?P<title>[^《》]{{2,80}}(?:{alt(data['policy_suffixes'])}))》(?:[（(](?P<no>{DOCNO})[）)])?|(?P<bare>{DOCNO})"),
        data["issuer_marker"],
        re.compile(chain),
        re.compile(alt(data["same_article"])),
        data["range_word"],
        re.compile(rf".*(?:{alt(data['bare_law_cues'])})(?P<law>(?:中华人民共和国)?[{CJK}]{{1,{BARE_LAW_MAX}}}?(?:法典|法|条例))$", re.S),
        frozenset(data["not_bare_laws"]),
        tuple(data["not_bare_law_starts"]),
    )


def law_kind(title: str) -> str | None:
    """law, regulation or rules for a law's title; None for anything else (a policy document).

    >>> law_kind("反垄断法"), law_kind("优化营商环境条例"), law_kind("国务院关于深化预算管理制度改革的决定")
    ('law', 'regulation', None)
    """
    rules = load_rules()
    return next((kind for suffix, kind in sorted(rules.law_suffixes.items(), key=lambda x: -len(x[0]))
                 if title.endswith(suffix)), None)


@dataclass(frozen=True)
class PolicyCitation:
    """A cited policy document: `title` (may be empty), `number` (文号, may be empty)."""

    title: str
    number: str
    issuer: str
    start: int
    end: int

    @property
    def key(self) -> str:
        return self.number or self.title


def find_policy_documents(text: str) -> list[PolicyCitation]:
    """Policy documents cited by title (《…意见》), by title and 文号, or by 文号 alone.

    >>> [(c.title, c.number, c.issuer) for c in find_policy_documents(
    ...     "按照《国务院办公厅关于促进平台经济规范健康发展的指导意见》（国办发〔2019〕38号）要求")]
    [('国务院办公厅关于促进平台经济规范健康发展的指导意见', '国办发〔2019〕38号', '国务院办公厅')]
    """
    if "《" not in text and "号" not in text:  # neither a title nor a 文号: skip the costly scan
        return []
    rules = load_rules()
    out = []
    for m in rules.policy_re.finditer(text):
        title = m.group("title") or ""
        if title and law_kind(title):
            continue
        issuer = title.partition(rules.issuer_marker)[0] if rules.issuer_marker in title[1:] else ""
        out.append(PolicyCitation(title, m.group("no") or m.group("bare") or "", issuer, m.start(), m.end()))
    return out


@dataclass(frozen=True)
class ArticleRef:
    """A reference to article `article` (0: the citing article itself) of `law` ("" = this
    document), paragraph as written (第二款 -> 2, 前款), at text[start:end]."""

    law: str
    article: int
    paragraph: str
    start: int
    end: int


def bare_law_before(text: str, position: int) -> str:
    """The law named without 《》 right before `position` (a 第X条), canonical; "" if none.

    >>> bare_law_before("应当依照刑法第四百条", 6), bare_law_before("违反个人信息保护法第十条", 9)
    ('刑法', '个人信息保护法')
    >>> bare_law_before("依照本办法第三条", 5), bare_law_before("第三条", 0)
    ('', '')
    """
    return _bare_law(text, position)[0]


def _bare_law(text: str, position: int) -> tuple[str, int]:
    """(canonical name, where its written name starts) of a law named right before `position`."""
    rules = load_rules()
    start = max(0, position - BARE_LAW_MAX - 9)
    m = rules.bare_law_re.match(text, start, position)
    if m is None:
        return "", position
    name = m.group("law").removeprefix("中华人民共和国")
    bad = len(name) < 2 or name in rules.not_bare_laws or name.startswith(rules.not_bare_law_starts)
    return ("", position) if bad else (name, m.start("law"))


def find_bare_laws(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each law named without 《》 before an article number.

    >>> find_bare_laws("依照刑法第四百条第一款的规定")
    [('刑法', 2, 4)]
    """
    if "条" not in text:
        return []
    found = (_bare_law(text, m.start()) + (m.start(),) for m in re.finditer(rf"第{NUM}条", text))
    return [(name, start, end) for name, start, end in found if name]


def find_article_refs(text: str) -> list[ArticleRef]:
    """Article references: 本法第十条, 第十七条、第十八条第一款, 第三十二条至第三十四条,
    《反垄断法》第二十二条 and 前款. A 第X条 that opens a line is a heading, not a reference.

    >>> [(r.law, r.article, r.paragraph) for r in find_article_refs("违反本法第十七条、第十八条第一款规定，依照前款处理")]
    [('', 17, ''), ('', 18, '1'), ('', 0, '前款')]
    >>> [(r.law, r.article) for r in find_article_refs("依照《中华人民共和国反垄断法》第二十二条至第二十四条")]
    [('反垄断法', 22), ('反垄断法', 23), ('反垄断法', 24)]
    """
    rules = load_rules()
    out: list[ArticleRef] = []
    for m in rules.chain_re.finditer(text):
        title, own = m.group("title"), m.group("self")
        if not title and not own and (m.start() == 0 or text[m.start() - 1] == "\n"):
            continue
        if title and not law_kind(title):
            continue
        law = title.removeprefix("中华人民共和国") if title else "" if own else bare_law_before(text, m.start())
        out += _chain(m.group(), m.start(), law, rules)
    taken = [(r.start, r.end) for r in out]
    for m in rules.same_re.finditer(text):
        if not any(s <= m.start() < e for s, e in taken):
            out.append(ArticleRef("", 0, m.group(), m.start(), m.end()))
    return sorted(out, key=lambda r: r.start)


def _chain(chain: str, offset: int, law: str, rules: Rules) -> list[ArticleRef]:
    out: list[ArticleRef] = []
    for m in re.finditer(ARTICLE, chain):
        n = cn_number(m.group("n"))
        paragraph = str(cn_number(m.group("p"))) if m.group("p") else ""
        if out and chain[:m.start()].endswith(rules.range_word) and 0 < n - out[-1].article <= 50:
            first = out[-1].article
            out += [ArticleRef(law, k, "", offset + m.start(), offset + m.end()) for k in range(first + 1, n)]
        out.append(ArticleRef(law, n, paragraph, offset + m.start(), offset + m.end()))
    return out


@dataclass(frozen=True)
class DocumentRelation:
    """The document `kind`s (implements | amends) the document titled `title` (文号 `number` when
    given in brackets after it); `action` amends | repeals for AMENDS; the title at text[start:end]."""

    kind: str
    action: str
    title: str
    number: str
    start: int
    end: int


TITLE = rf"《(?P<title>[^《》]{{2,80}})》(?:[（(](?P<note>[^（）()]{{1,40}})[）)])?"


@lru_cache(maxsize=1)
def relation_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(kind, action, pattern) for every cue of `document_relations`; the group `titles` holds the cited
    titles. Vocabulary in `data/lexicon/citations.yaml`."""
    data = read_yaml("citations.yaml")["document_relations"]
    bare = TITLE.replace("?P<title>", "").replace("?P<note>", "")
    joiner = alt(data["title_joiners"])
    titles = rf"(?:{alt(data['title_lead_ins'])})?(?P<titles>{bare}(?:(?:{joiner})?{bare})*)"
    out = []
    for kind in ("implements", "amends"):
        for cue in data[kind]:
            before = f"(?:{alt(cue['before'])})" if cue.get("before") else ""
            after = f"(?:{alt(cue['after'])})" if cue.get("after") else ""
            out.append((kind, cue.get("action", ""), re.compile(before + titles + after)))
    return tuple(out)


def find_document_relations(text: str, kinds: tuple[str, ...] = ("implements", "amends")
                            ) -> list[DocumentRelation]:
    """Documents that `text` says it implements or amends (relations of `kinds` only), in text order;
    a title found by two cues keeps the first cue's kind.

    >>> [(r.kind, r.title) for r in find_document_relations("根据《优化营商环境条例》等法律法规，结合本市实际")]
    [('implements', '优化营商环境条例')]
    >>> [(r.kind, r.action, r.title) for r in find_document_relations("本条例自2021年3月1日起施行。《浙江省信息化促进条例》同时废止。")]
    [('amends', 'repeals', '浙江省信息化促进条例')]
    >>> [(r.title, r.number) for r in find_document_relations(
    ...     "为贯彻落实《国务院办公厅关于促进平台经济规范健康发展的指导意见》(国办发[2019]38号),进一步")]
    [('国务院办公厅关于促进平台经济规范健康发展的指导意见', '国办发[2019]38号')]
    """
    if "《" not in text:
        return []
    found: dict[tuple[int, int], DocumentRelation] = {}
    for kind, action, pattern in relation_patterns():
        for m in pattern.finditer(text) if kind in kinds else ():
            for t in re.finditer(TITLE, m.group("titles")):
                start, end = m.start("titles") + t.start(), m.start("titles") + t.end("title") + 1
                note = t.group("note") or ""
                number = note if re.fullmatch(DOCNO, note) else ""
                relation = DocumentRelation(kind, action, t.group("title"), number, start, end)
                found.setdefault((start, end), relation)
    return sorted(found.values(), key=lambda r: r.start)
