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
# The number of a decree that enacts rules: 国务院令第485号, 公安部令第123号, 建设部〔2007〕第162号令.
DECREE_NO = r"[\u4e00-\u9fff]{1,16}令(?:〔\d{4}〕)?第\d{1,5}号|[\u4e00-\u9fff]{1,12}〔\d{4}〕第\d{1,5}号令"
# 〈〉 and <> both mark a title inside a title (《关于修改〈X〉的决定》); written as 〈〉 so both spellings are one name.
_INNER_BRACKETS = str.maketrans({"<": "〈", ">": "〉", " ": None, "\u3000": None, "\n": None, "\t": None})
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


def clean_title(title: str) -> str:
    """A cited title as one spelling: spaces and line breaks dropped (a scan's 《财政部 卫生部…办法》,
    a title broken over two lines), <> as 〈〉.

    >>> clean_title("公安部关于修改<机动车驾驶证申领和使用规定>的决定")
    '公安部关于修改〈机动车驾驶证申领和使用规定〉的决定'
    """
    return title.translate(_INNER_BRACKETS)


def title_identity(title: str) -> str:
    """What two spellings of one title share: no brackets of any kind, no 中华人民共和国 prefix, so a
    document's own title written with 〈〉 (in its decree) is recognised as its own.

    >>> title_identity("《某自治区〈某条例〉实施办法》") == title_identity("某自治区《某条例》实施办法")
    True
    """
    return re.sub(r"[《》〈〉<>\s]", "", title).removeprefix("中华人民共和国")


def number_identity(number: str) -> str:
    """What two spellings of one 文号 share (brackets of any kind, the state's name before a decree).

    >>> number_identity("某政发[2008]5号") == number_identity("某政发〔2008〕5号"), number_identity("")
    (True, '')
    """
    return re.sub(r"[\[［(（]", "〔", re.sub(r"[\]］)）]", "〕", number.replace(" ", ""))).removeprefix("中华人民共和国")


@lru_cache(maxsize=1)
def _number_tail() -> str:
    """What some copies write after a 文号 (国发〔2007〕24号文件), optional."""
    return f"(?:{alt(read_yaml('citations.yaml')['number_tails'])})?"


def number_of(note: str) -> str:
    """The 文号 or decree number a bracketed note after a title gives ("" if it gives none); the
    word 文件 some copies add (国发〔2007〕24号文件) is not part of it.

    >>> number_of("国发〔2007〕24号文件"), number_of("国务院令第485号"), number_of("以下简称《条例》")
    ('国发〔2007〕24号', '国务院令第485号', '')
    """
    m = re.fullmatch(f"({DOCNO}|{DECREE_NO}){_number_tail()}", note)
    return m.group(1) if m else ""


@dataclass(frozen=True)
class Rules:
    law_suffixes: Mapping[str, str]
    policy_re: re.Pattern[str]
    policy_suffix_re: re.Pattern[str]  # a title of a policy document: 《…意见》, 《…通知》
    issuer_marker: str
    chain_re: re.Pattern[str]  # a list of article numbers, with what names its document
    same_re: re.Pattern[str]
    range_word: str
    bare_law_re: re.Pattern[str]  # a law's name without 《》, at the end of the text before 第X条
    not_bare_laws: frozenset[str]
    not_bare_law_starts: tuple[str, ...]  # 本办法, 该条例: this document or one named before
    title_note_re: re.Pattern[str]  # a note that ends a title without changing its kind: （试行）
    alias_re: re.Pattern[str]  # 《full》（以下简称《short》）
    alias_words: tuple[str, ...]  # 以下简称 …
    making_words: tuple[str, ...]  # 制定: an article with one says what the document is made under
    number_lead_re: re.Pattern[str]  # running text before a bare 文号, up to its last lead word
    joiner_re: re.Pattern[str]  # a word joining two cited titles (、和及)
    joined_number_re: re.Pattern[str]  # a 文号 in a list of them (…10号文件和某政发〔2022〕3号)
    not_implemented: frozenset[str]  # laws named bare that a document never implements (宪法)


def _implementing_cues(data: Mapping) -> list[str]:
    """The words that stand before what a document implements (根据, 为贯彻落实 …)."""
    return [w for cue in data["document_relations"]["implements"] for w in cue.get("before", ())]


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = read_yaml("citations.yaml")
    joiner = alt(data["list_words"])
    chain = rf"(?:《(?P<title>[^《》]{{1,60}})》|(?P<self>{alt(data['self_words'])}))?{ARTICLE}(?:(?:{joiner}){ARTICLE.replace('?P<n>', '').replace('?P<p>', '')})*"
    return Rules(
        dict(data["law_suffixes"]),
        re.compile(rf"《(?P<title>[^《》]{{2,80}})》(?:[（(](?P<no>{DOCNO}|{DECREE_NO}){_number_tail()}[）)])?|(?P<bare>{DOCNO})"),
        re.compile(rf"^.{{2,}}(?:{alt(data['policy_suffixes'])})$", re.S),
        data["issuer_marker"],
        re.compile(chain),
        re.compile(alt(data["same_article"])),
        data["range_word"],
        re.compile(rf".*(?:{alt(data['bare_law_cues'])})(?P<law>(?:中华人民共和国)?[{CJK}]{{1,{BARE_LAW_MAX}}}?(?:法典|法|条例))$", re.S),
        frozenset(data["not_bare_laws"]),
        tuple(data["not_bare_law_starts"]),
        re.compile(rf"[（(](?:{alt(data['title_notes'])})[）)]$"),
        # The short name in its own brackets or at the end of a note: （2001年修订，以下简称《细则》）.
        re.compile(rf"《(?P<full>[^《》]{{2,80}})》(?:[（(][^（）()《》]{{1,40}}[）)])?"
                   rf"[（(](?:[^（）()《》]{{0,30}}[，,、])?(?:{alt(data['alias_words'])})《(?P<short>[^《》]{{1,20}})》[）)]"),
        tuple(data["alias_words"]),
        tuple(data["making_words"]),
        # an implementing cue ends running text too: 为贯彻落实国办发〔2022〕10号
        re.compile(rf".*(?:{alt(data['number_lead_words'] + _implementing_cues(data))})", re.S),
        re.compile(alt(data["document_relations"]["title_joiners"])),
        re.compile(rf"{_number_tail()}(?:{alt(data['document_relations']['title_joiners'])})?(?P<no>{DOCNO})"),
        frozenset(data["document_relations"]["not_implemented"]),
    )


def law_kind(title: str) -> str | None:
    """law, regulation or rules for a law's title; None for anything else (a policy document).

    >>> law_kind("反垄断法"), law_kind("优化营商环境条例"), law_kind("国务院关于深化预算管理制度改革的决定")
    ('law', 'regulation', None)
    """
    rules = load_rules()
    title = rules.title_note_re.sub("", title)  # 《企业破产法（试行）》 is a law
    # A kind word alone (《条例》) is a short name for a document named before, never a law by itself.
    return next((kind for suffix, kind in sorted(rules.law_suffixes.items(), key=lambda x: -len(x[0]))
                 if title.endswith(suffix) and len(title) > len(suffix)), None)


def find_aliases(text: str) -> dict[str, str]:
    """Short names a document gives the titles it cites: 《X条例》（以下简称《条例》） -> {"条例": "X条例"}.

    >>> find_aliases("根据《某某管理条例》（以下简称《条例》）和《某某条例实施细则》（2001年修订，以下简称《细则》）")
    {'条例': '某某管理条例', '细则': '某某条例实施细则'}
    """
    rules = load_rules()
    if not any(word in text for word in rules.alias_words):  # most blocks shorten nothing: skip the scan
        return {}
    return {m.group("short"): clean_title(m.group("full")) for m in rules.alias_re.finditer(text)}


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
        title, number = clean_title(m.group("title") or ""), m.group("no") or _bare_number(m.group("bare"), rules)
        # A law's title takes its number with it (a 文号 after 《X办法》 is the 办法's, not a second
        # document); a title of no known kind is a document only when it carries a number.
        if title and (law_kind(title) or not (number or rules.policy_suffix_re.match(title))):
            continue
        issuer = title.partition(rules.issuer_marker)[0] if rules.issuer_marker in title[1:] else ""
        out.append(PolicyCitation(title, number, issuer, m.start(), m.end()))
    return out


def _bare_number(number: str | None, rules: Rules) -> str:
    """A 文号 written in running text without its title, without the words before it that the pattern
    took for its issuer: 我局已以国药监械[2001]288号 is 国药监械[2001]288号."""
    if not number:
        return ""
    m = rules.number_lead_re.match(number)
    return number[m.end():] if m else number


def find_law_numbers(text: str) -> list[tuple[str, str]]:
    """(title, number) of each law or rules cited with its 文号 or decree number in brackets.

    >>> find_law_numbers("根据《某省专项资金管理办法》（某政发〔2017〕13号）和《某条例》（国务院令第8号）")
    [('某省专项资金管理办法', '某政发〔2017〕13号'), ('某条例', '国务院令第8号')]
    """
    if "号" not in text:
        return []
    return [(clean_title(m.group("title")), m.group("no")) for m in load_rules().policy_re.finditer(text)
            if m.group("title") and m.group("no") and law_kind(clean_title(m.group("title")))]


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


def find_article_refs(text: str, aliases: Mapping[str, str] | None = None) -> list[ArticleRef]:
    """Article references: 本法第十条, 第十七条、第十八条第一款, 第三十二条至第三十四条,
    《反垄断法》第二十二条 and 前款. A 第X条 that opens a line is a heading, not a reference.
    A short name the document gave a law (`aliases`: 《条例》) refers to that law's articles.

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
        title = (aliases or {}).get(clean_title(title), title) if title else title
        if title and not law_kind(title):
            continue
        law = clean_title(title).removeprefix("中华人民共和国") if title else "" if own else bare_law_before(text, m.start())
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


LEAD_IN_MAX = 12  # characters of who issued a title or how it was made, between a cue and the title
TITLES_MAX = 30  # titles in one list: bounds the work on a line of hundreds of 《》


def _lead_in(data: Mapping, words: bool = True) -> str:
    """What may stand between a cue and a title: a listed phrase, or (`words`) a few words ending in an
    issuer or a making word (根据国家发展改革委《X》, 根据新修订的《X》, 根据有关法律法规和《X》).
    Atomic and ending at the 《: words that could be read two ways (国务院 or 院) are read one way, so a
    long list that ends in no cue is given up in linear time, not retried in every reading."""
    listed = alt(data["title_lead_ins"])
    lead = rf"{listed}|[{CJK}]{{0,{LEAD_IN_MAX}}}?(?:{alt(data['lead_in_ends'])})" if words else listed
    return rf"(?>(?:{lead})(?=《))"


def _title_chain(data: Mapping, listed: bool) -> str:
    """Titles side by side or joined (《A》、国务院《B》和《C》); a `listed` chain (before 同时废止) also
    joins titles each introduced by its own date and issuer (《A》，1988年国务院发布的《B》). Each link
    between two titles is atomic, for the reason `_lead_in` gives."""
    bare = TITLE.replace("?P<title>", "").replace("?P<note>", "")
    joiner = alt(data["title_joiners"])
    link = rf"(?:{joiner})(?:{_lead_in(data)})?"
    if listed:
        link = rf"(?:(?:{joiner}|，)[^《》。；\n]{{0,60}}?的|{link})"
    return rf"(?P<titles>{bare}(?:(?>(?:{link})(?=《))?{bare}){{0,{TITLES_MAX}}})"


@lru_cache(maxsize=1)
def relation_patterns() -> tuple[tuple[str, str, str, re.Pattern[str]], ...]:
    """(where, kind, action, pattern) for every cue of `document_relations`: `where` is the list it
    came from (implements, amends, instructions), `kind` the relation (implements | amends); the group
    `titles` holds the cited titles. Vocabulary in `data/lexicon/citations.yaml`."""
    data = read_yaml("citations.yaml")["document_relations"]
    article = rf"(?:{ARTICLE.replace('?P<n>', '').replace('?P<p>', '')}[^。；，《》\n]{{0,12}}?)"
    out = []
    for where in ("implements", "amends", "instructions"):
        for cue in data[where]:
            # Only an implementing cue takes a few words before its title: 修订的《X》 or 发布的《X》 in
            # 1994年修订公布的《X》同时废止 are how X was made, not what this document does to it.
            lead_in = _lead_in(data, words=where == "implements")
            before = f"(?:{alt(cue['before'])})(?:{lead_in})?" if cue.get("before") else ""
            listed = not cue.get("before")
            titles = _title_chain(data, listed)
            after = f"{'，?' if listed else ''}(?:{alt(cue['after'])})" if cue.get("after") else ""
            if where == "instructions":  # 将《X》第七条第二项修改为: the article stands before the verb
                after = f"{article}(?:{alt(cue['after'])})"
            kind = "implements" if where == "implements" else "amends"
            out.append((where, kind, cue.get("action", ""), re.compile(before + titles + after)))
    return tuple(out)


@lru_cache(maxsize=1)
def _bare_basis_re() -> re.Pattern[str]:
    """Laws named without 《》 right after an implementing cue and before 制定 (根据宪法和国务院组织法，
    制定本条例): the group `laws` holds them, joined."""
    data = read_yaml("citations.yaml")
    relations, cues = data["document_relations"], alt(_implementing_cues(data))
    law = rf"(?:中华人民共和国)?[{CJK}]{{1,{BARE_LAW_MAX}}}?(?:法典|法)"
    return re.compile(rf"(?:{cues})(?P<laws>{law}(?:(?:{alt(relations['title_joiners'])}){law}){{0,5}})"
                      rf"(?:{alt(relations['basis_tails'])})?[，,]?(?:{alt(data['making_words'])})")


@lru_cache(maxsize=1)
def _numbered_basis_re() -> re.Pattern[str]:
    """文号 written without their titles right after an implementing cue (为贯彻落实国办发〔2022〕10号文件精神)."""
    data = read_yaml("citations.yaml")
    relations, cues = data["document_relations"], alt(_implementing_cues(data))
    number = rf"{DOCNO}{_number_tail()}"
    return re.compile(rf"(?:{cues})(?P<numbers>{number}(?:(?:{alt(relations['title_joiners'])}){number}){{0,{TITLES_MAX}}})")


def _numbered_bases(text: str) -> list[DocumentRelation]:
    """What a document implements when it names it by 文号 alone.

    >>> [r.number for r in _numbered_bases("为贯彻落实国办发〔2022〕10号和某政发〔2022〕3号文件精神，制定本方案")]
    ['国办发〔2022〕10号', '某政发〔2022〕3号']
    """
    if "号" not in text:
        return []
    out = []
    for m in _numbered_basis_re().finditer(text):
        for n in load_rules().joined_number_re.finditer(m.group("numbers")):
            start = m.start("numbers") + n.start("no")
            out.append(DocumentRelation("implements", "", "", n.group("no"), start, start + len(n.group("no"))))
    return out


def _bare_bases(text: str) -> list[DocumentRelation]:
    """What a document says it is made under when it names laws without 《》 (older regulations).

    >>> [r.title for r in _bare_bases("根据宪法和某某组织法，制定本条例。根据本办法制定细则。")]
    ['某某组织法']
    """
    if "法" not in text:
        return []
    rules = load_rules()
    out = []
    for m in _bare_basis_re().finditer(text):
        start = m.start("laws")
        for piece in rules.joiner_re.finditer(m.group("laws") + "、"):  # a name ends at a joiner after 法
            name = text[start:m.start("laws") + piece.start()]
            if not name.endswith("法"):
                continue  # 地方各级人民代表大会和…组织法: the joiner is inside the name
            short = name.removeprefix("中华人民共和国")
            if not (short in rules.not_bare_laws or short in rules.not_implemented
                    or short.startswith(rules.not_bare_law_starts)):
                out.append(DocumentRelation("implements", "", short, "", start, start + len(name)))
            start = m.start("laws") + piece.end()
    return out


def find_document_relations(text: str, kinds: tuple[str, ...] = ("implements", "amends", "instructions")
                            ) -> list[DocumentRelation]:
    """Documents that `text` says it implements or amends (cues of the lists `kinds` only: implements,
    amends, instructions), in text order; a title found by two cues keeps the first cue's kind.

    >>> [(r.kind, r.title) for r in find_document_relations("根据《优化营商环境条例》等法律法规，结合本市实际")]
    [('implements', '优化营商环境条例')]
    >>> [(r.kind, r.action, r.title) for r in find_document_relations("本条例自2021年3月1日起施行。《浙江省信息化促进条例》同时废止。")]
    [('amends', 'repeals', '浙江省信息化促进条例')]
    >>> [(r.title, r.number) for r in find_document_relations(
    ...     "为贯彻落实《国务院办公厅关于促进平台经济规范健康发展的指导意见》(国办发[2019]38号),进一步")]
    [('国务院办公厅关于促进平台经济规范健康发展的指导意见', '国办发[2019]38号')]
    """
    found: dict[tuple[int, int], DocumentRelation] = {}
    if "implements" in kinds:
        found.update({(r.start, r.end): r for r in _bare_bases(text) + _numbered_bases(text)})
    if "《" not in text:
        return sorted(found.values(), key=lambda r: r.start)
    for where, kind, action, pattern in relation_patterns():
        for m in pattern.finditer(text) if where in kinds else ():
            for t in re.finditer(TITLE, m.group("titles")):
                start, end = m.start("titles") + t.start(), m.start("titles") + t.end("title") + 1
                number = number_of(t.group("note") or "")
                relation = DocumentRelation(kind, action, clean_title(t.group("title")), number, start, end)
                found.setdefault((start, end), relation)
    return sorted(found.values(), key=lambda r: r.start)
