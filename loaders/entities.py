"""Find entity mentions in a passage: actors, laws, mechanisms, programmes, concepts.

The curated lexicon (`data/lexicon/*.yaml`) names what it knows; patterns find
actors, laws, mechanisms and programmes it does not, so new documents work.
Within one category the longest mention wins and mentions never overlap; a
lexicon mention beats a pattern mention over the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import Label
from loaders.lexicon import Lexicon, Vocabulary, load_lexicon

CJK = r"\u4e00-\u9fff"
LAW_RE = re.compile(rf"《([^《》]{{2,40}}?(?:法|条例|办法|规定|规则|细则|决定))》")
# Cut points when walking left from a suffix to find where a name starts.
LEFT_CUT = re.compile(
    r".*(?:[，。；：、“”‘’（）()《》\s]|的|和|与|及|或|对|为|向|在|由|将|把|使|让|等|通过|按照|依托|围绕|"
    r"建立健全|建立|健全|完善|落实|实施|实行|推行|探索|推进|推动|加快|加强|强化|构建|创新|优化|深化|"
    r"鼓励|支持|引导|督促|指导|要求|规范|培育|发展|提升|保障|严格|全面|进一步|依法|积极|有效|切实|"
    r"组建|建设|设立|开展|参与|组织|符合条件|相关|有关|各类|各级|多元化|放宽|保护|联合|协同)",
    re.S,
)
# Mechanism names keep their inner words (…监测预警和应急处置机制, …协调保障机制): cut only at
# punctuation and 的, then strip the verbs that introduce them.
MECHANISM_CUT = re.compile(r".*[，。；：、（）()《》\s的]", re.S)
LEADING_VERBS = re.compile(
    r"^(?:建立健全|建立|健全|完善|落实|实施|实行|推行|探索|推进|推动|加快|加强|强化|构建|优化|深化|严格|全面|"
    r"进一步|依法|积极|有效|切实|和|与|及|并|通过|按照|形成|设立|确保|坚持|发挥|运用|利用|提升|做好|制定|出台|建设)+"
)
# A name the clause says is being created (培育…云上企业, 设立研发机构) is an outcome, not an actor.
CREATED_BY = re.compile(r"(?:培育|打造|建设|设立|组建|争创|树立|创建)[^，；。：]*$")
ACTOR_SUFFIX = re.compile(rf"[{CJK}]{{1,12}}?(?:企业|机构|协会|商会|联合会|公司|银行|部门|委员会|办公厅|学会|研究院)")
MECHANISM_SUFFIX = re.compile(r"(?:制度|机制)(?=[，。；、和及与等的]|$)")
PROGRAMME_RE = re.compile(
    rf"“([^“”]{{2,16}})”(?=[^的，。；“”]{{0,6}}?(?:平台|工程|行动|计划|峰会|专项))"
    rf"|[{CJK}]{{4,14}}?(?:行动|工程|峰会|示范区|试验区|示范基地)(?=[，。；、和及等]|$)"
)
ACTOR_KINDS = {
    "企业": "enterprise", "公司": "enterprise", "银行": "financial", "机构": "other", "协会": "association",
    "商会": "association", "联合会": "association", "学会": "association", "部门": "government",
    "委员会": "government", "办公厅": "government", "研究院": "research",
}
LABEL_VOCAB = {
    Label.ACTOR: "actors", Label.LAW: "laws", Label.MECHANISM: "mechanisms",
    Label.PROGRAMME: "programmes", Label.CONCEPT: "concepts",
}


@dataclass(frozen=True)
class Mention:
    """An entity named at text[start:end]; `name` is canonical."""

    label: Label
    name: str
    start: int
    end: int
    kind: str = ""
    en: str = ""


def canonical_law(title: str) -> str:
    """《中华人民共和国反垄断法》, 中华人民共和国反垄断法 and 反垄断法 are one law.

    >>> canonical_law("《中华人民共和国反垄断法》")
    '反垄断法'
    """
    name = title.strip("《》 ")
    return name.removeprefix("中华人民共和国") or name


def _trim_left(phrase: str, cut: re.Pattern[str] = LEFT_CUT) -> str:
    m = cut.match(phrase)
    return phrase[m.end():] if m else phrase


def _overlaps(span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in taken)


def _lexicon_mentions(text: str, vocab: Vocabulary, label: Label) -> list[Mention]:
    if vocab.pattern is None:
        return []
    out = []
    for m in vocab.pattern.finditer(text):
        term = vocab.terms[vocab.spellings[m.group()]]
        out.append(Mention(label, term.name, m.start(), m.end(), term.kind, term.en))
    return out


def _pattern_actors(text: str, known: list[Mention], lex: Lexicon) -> list[Mention]:
    taken = [(m.start, m.end) for m in known]
    out = []
    for m in ACTOR_SUFFIX.finditer(text):
        # Re-anchor: the suffix match is lazy, so walk left from its end to a cut point.
        end = m.end()
        name = _trim_left(text[max(0, end - 14):end])
        start = end - len(name)
        suffix = next((s for s in ACTOR_KINDS if name.endswith(s)), None)
        if suffix is None or len(name) < len(suffix) + 2 or _overlaps((start, end), taken) or CREATED_BY.search(text, 0, start):
            continue
        canonical = lex.actors.canonical(name) or name
        term = lex.actors.terms.get(canonical)
        out.append(Mention(Label.ACTOR, canonical, start, end,
                           term.kind if term else ACTOR_KINDS[suffix], term.en if term else ""))
        taken.append((start, end))
    return out


def _laws(text: str, lex: Lexicon) -> list[Mention]:
    out = []
    for m in LAW_RE.finditer(text):
        name = canonical_law(m.group(1))
        term = lex.laws.terms.get(name)
        out.append(Mention(Label.LAW, name, m.start(), m.end(), term.kind if term else _law_kind(name),
                           term.en if term else ""))
    taken = [(m.start, m.end) for m in out]
    out += [m for m in _lexicon_mentions(text, lex.laws, Label.LAW) if not _overlaps((m.start, m.end), taken)]
    return out


def _law_kind(name: str) -> str:
    return "law" if name.endswith("法") else "regulation" if name.endswith("条例") else "rules"


def _mechanisms(text: str, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    floor = 0
    for m in MECHANISM_SUFFIX.finditer(text):
        end = m.end()
        name = LEADING_VERBS.sub("", _trim_left(text[max(floor, end - 30):end], MECHANISM_CUT))
        floor = end
        if len(name) < 4:
            continue
        known = next((t for t in lex.mechanisms.terms.values() if name.endswith(t.name) or t.name.endswith(name)),
                     None)
        if known is not None and known.name.endswith(name) and text[max(0, end - len(known.name)):end] == known.name:
            name = known.name
        out.append(Mention(Label.MECHANISM, name, end - len(name), end, "", known.en if known else ""))
    return out


def _programmes(text: str, lex: Lexicon) -> list[Mention]:
    out = _lexicon_mentions(text, lex.programmes, Label.PROGRAMME)
    taken = [(m.start, m.end) for m in out]
    for m in PROGRAMME_RE.finditer(text):
        if m.group(1):
            start, end, name = m.start(1), m.end(1), m.group(1)
        else:
            name = _trim_left(m.group())
            start, end = m.end() - len(name), m.end()
            if len(name) < 6:
                continue
        if len(name) < 3 or _overlaps((start, end), taken):
            continue
        out.append(Mention(Label.PROGRAMME, name, start, end))
        taken.append((start, end))
    return out


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    kept: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if not _overlaps((m.start, m.end), taken):
            kept.append(m)
            taken.append((m.start, m.end))
    return sorted(kept, key=lambda m: m.start)


def find_mentions(text: str, lexicon: Lexicon | None = None) -> list[Mention]:
    """Every entity mention in `text`, in order of position.

    >>> [(m.label.value, m.name) for m in find_mentions("鼓励金融机构落实《中华人民共和国反垄断法》")]
    [('Actor', '金融机构'), ('Law', '反垄断法')]
    """
    lex = lexicon or load_lexicon()
    actors = _lexicon_mentions(text, lex.actors, Label.ACTOR)
    actors += _pattern_actors(text, actors, lex)
    found = (
        _longest_first(actors)
        + _longest_first(_laws(text, lex))
        + _longest_first(_mechanisms(text, lex))
        + _longest_first(_programmes(text, lex))
        + _longest_first(_lexicon_mentions(text, lex.concepts, Label.CONCEPT))
    )
    return sorted(found, key=lambda m: (m.start, m.label.value))


def role_of(sentence: str, position: int, lexicon: Lexicon | None = None) -> str:
    """The role of the actor named at `position` of `sentence`: the nearest curated cue
    before it in the same clause (a verb such as 鼓励, or the part a preposition gives
    it, such as 为 -> 服务对象), or 涉及 when there is none.

    >>> role_of("鼓励金融机构为小微企业提供服务", 2), role_of("鼓励金融机构为小微企业提供服务", 8)
    ('鼓励', '服务对象')
    """
    lex = lexicon or load_lexicon()
    clause_start = max(sentence.rfind(p, 0, position) for p in "，；。：") + 1
    cues = list(lex.role_pattern.finditer(sentence, clause_start, position))
    return lex.roles[cues[-1].group()] if cues else "涉及"
