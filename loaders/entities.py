"""Find entity mentions in a passage: actors, laws, mechanisms, programmes, concepts.

The curated lexicon (`data/lexicon/*.yaml`) names what it knows; patterns find
actors, laws, mechanisms and programmes it does not, so new documents work.
Within one category the longest mention wins and mentions never overlap; a
lexicon mention beats a pattern mention over the same characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from graph.model import Label
from loaders.bodies import Found, Place, find_bodies, trim_left
from loaders.citations import find_bare_laws, law_kind
from loaders.grammar import ACTOR_HEAD_MAX, load_grammar
from loaders.lexicon import Lexicon, Vocabulary, load_lexicon
from loaders.scan import anchor, anchored_finditer, last_stop
from loaders.segment import is_clean_name, without_leading_verbs
from loaders.spans import Spans

CJK = r"\u4e00-\u9fff"
TITLE_RE = re.compile(r"《[^《》]{1,80}》")
LAW_RE = re.compile(r"《([^《》]{2,60})》")
# Mechanism names keep their inner words (…监测预警和应急处置机制, …协调保障机制): cut at
# punctuation and 的, then after the modal or verb that introduces them (grammar.yaml).
MECHANISM_CUT = re.compile(r".*[，。；：、（）()《》\s的]", re.S)
MECHANISM_SUFFIX = re.compile(r"(?:制度|机制)(?=[，。；、和及与等的]|$)")
PROGRAMME_WORDS = "行动|工程|峰会|示范区|试验区|示范基地"
PROGRAMME_NAME_MAX = 14
PROGRAMME_RE = re.compile(
    rf"“([^“”]{{2,16}})”(?=[^的，。；“”]{{0,6}}?(?:平台|工程|行动|计划|峰会|专项))"
    rf"|[{CJK}]{{4,{PROGRAMME_NAME_MAX}}}?(?:{PROGRAMME_WORDS})(?=[，。；、和及等]|$)"
)
# A programme starts at its opening quote or at most PROGRAMME_NAME_MAX characters before its word.
PROGRAMME_ANCHOR = anchor(f"“|{PROGRAMME_WORDS}", "“" + "".join(w[0] for w in PROGRAMME_WORDS.split("|")))


@dataclass(frozen=True)
class Mention:
    """An entity named at text[start:end]; `name` is canonical."""

    label: Label
    name: str
    start: int
    end: int
    kind: str = ""
    en: str = ""
    attrs: tuple[tuple[str, str], ...] = ()  # more node attributes (level, jurisdiction of a body)


def canonical_law(title: str) -> str:
    """《中华人民共和国反垄断法》, 中华人民共和国反垄断法 and 反垄断法 are one law.

    >>> canonical_law("《中华人民共和国反垄断法》")
    '反垄断法'
    """
    name = title.strip("《》 ")
    return name.removeprefix("中华人民共和国") or name


def _trim_left(phrase: str, cut: re.Pattern[str] | None = None) -> str:
    if cut is None:
        return trim_left(phrase)
    m = cut.match(phrase)
    return phrase[m.end():] if m else phrase


def _lexicon_mentions(text: str, vocab: Vocabulary, label: Label) -> list[Mention]:
    if vocab.pattern is None:
        return []
    out = []
    for m in vocab.pattern.finditer(text):
        term = vocab.terms[vocab.spellings[m.group()]]
        out.append(Mention(label, term.name, m.start(), m.end(), term.kind, term.en))
    return out


def _pattern_actors(text: str, known: list[Mention], lex: Lexicon) -> list[Mention]:
    """Names ending in an actor word (…企业, …协会) that the lexicon does not know."""
    grammar = load_grammar()
    taken = Spans((m.start, m.end) for m in known)
    out = []
    for m in anchored_finditer(grammar.actor_suffix_re, grammar.actor_suffix_anchor_re, text, ACTOR_HEAD_MAX):
        # Re-anchor: the suffix match is lazy, so walk left from its end to a cut point.
        end = m.end()
        name = _trim_left(text[max(0, end - 14):end])
        start = end - len(name)
        suffix = m.group("suffix")
        head = name[: -len(suffix)]
        if (len(head) < 2 or head.startswith(grammar.verb_heads) or taken.overlaps((start, end))
                or grammar.created_by_re.search(text, max(0, start - 30), start)
                or text.startswith(grammar.created_after, end) or not is_clean_name(text, start, end)):
            continue
        canonical = lex.actors.canonical(name) or name
        term = lex.actors.terms.get(canonical)
        out.append(Mention(Label.ACTOR, canonical, start, end,
                           term.kind if term else grammar.actor_suffixes[suffix], term.en if term else ""))
        taken.add((start, end))
    return out


def _body_mentions(text: str, place: Place, bodies: list[Found] | None = None) -> list[Mention]:
    out = []
    for f in find_bodies(text, place) if bodies is None else bodies:
        b = f.body
        attrs = tuple((k, v) for k, v in (("level", b.level), ("jurisdiction", b.place)) if v)
        out.append(Mention(Label.ACTOR, b.name, f.start, f.end, b.kind, b.en, attrs))
    return out


def _outside_titles(mentions: list[Mention], text: str, laws: list[Mention]) -> list[Mention]:
    """Actors named inside 《…》 or inside a law's name (消费者 in 消费者权益保护法) are not actors."""
    titles = Spans([(m.start(), m.end()) for m in TITLE_RE.finditer(text)] + [(m.start, m.end) for m in laws])
    return [m for m in mentions if not titles.overlaps((m.start, m.end))]


def _laws(text: str, lex: Lexicon) -> list[Mention]:
    """Laws cited in 《》 (a policy document's title is not a law), named bare before an article
    number, and curated bare names."""
    out = []
    for m in LAW_RE.finditer(text):
        name = canonical_law(m.group(1))
        kind = law_kind(name)
        if kind is None:
            continue
        term = lex.laws.terms.get(name)
        out.append(Mention(Label.LAW, name, m.start(), m.end(), term.kind if term else kind, term.en if term else ""))
    taken = Spans((m.start, m.end) for m in out)
    for name, start, end in find_bare_laws(text):  # 依照刑法第四百条: named without 《》 before an article
        term = lex.laws.terms.get(name)
        if not taken.overlaps((start, end)):
            out.append(Mention(Label.LAW, name, start, end, term.kind if term else law_kind(name) or "", term.en if term else ""))
            taken.add((start, end))
    out += [m for m in _lexicon_mentions(text, lex.laws, Label.LAW) if not taken.overlaps((m.start, m.end))]
    return out


def mechanism_name(phrase: str) -> str:
    """The mechanism a phrase ending in …制度/…机制 names: after punctuation, 的, and the modal or
    verb that introduces it, with leading verbs stripped.

    >>> mechanism_name("国家对燃气经营实行许可证制度"), mechanism_name("健全市场化价格形成机制")
    ('许可证制度', '市场化价格形成机制')
    >>> mechanism_name("应当全面落实行政执法公示制度"), mechanism_name("建立和完善有关制度")
    ('行政执法公示制度', '')
    """
    grammar = load_grammar()
    phrase = _trim_left(phrase, MECHANISM_CUT)
    masked = grammar.mechanism_not_cuts_re.sub(lambda w: "囗" * len(w.group()), phrase)
    introduced = grammar.mechanism_cut_re.match(masked, 0, max(0, len(phrase) - 4))
    if introduced:
        phrase = phrase[introduced.end():]
    name = grammar.mechanism_lead_re.sub("", phrase)
    return "" if name[:-2] in grammar.mechanism_empty_heads else name


def _mechanisms(text: str, lex: Lexicon) -> list[Mention]:
    out: list[Mention] = []
    floor = 0
    for m in MECHANISM_SUFFIX.finditer(text):
        end = m.end()
        name = mechanism_name(text[max(floor, end - 30):end])
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
    taken = Spans((m.start, m.end) for m in out)
    for m in anchored_finditer(PROGRAMME_RE, PROGRAMME_ANCHOR, text, PROGRAMME_NAME_MAX):
        if m.group(1):
            start, end, name = m.start(1), m.end(1), m.group(1)
            if not re.search(f"[{CJK}]", name):  # “120”: a number, not a name
                continue
        else:
            name = without_leading_verbs(_trim_left(m.group()))
            start, end = m.end() - len(name), m.end()
            if len(name) < 6 or load_grammar().programme_not_within_re.search(name):
                continue
        if len(name) < 3 or taken.overlaps((start, end)):
            continue
        out.append(Mention(Label.PROGRAMME, name, start, end))
        taken.add((start, end))
    return out


def _longest_first(mentions: list[Mention]) -> list[Mention]:
    """The longest mentions that do not overlap a longer (or earlier) one, in text order.

    Each kept mention marks its characters (2 its first, 1 the rest): a mention overlaps a kept one
    when one of its characters is marked, and an empty one when it falls inside a kept one (on a 1).
    Counting and marking run over a bytearray at C speed, so a megabyte-long line with tens of
    thousands of mentions stays linear (a sorted list of kept spans cost a list insert each).
    """
    taken = bytearray(max((m.end for m in mentions), default=0) + 1)
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (m.start - m.end, m.start)):
        if _overlaps_taken(taken, m.start, m.end):
            continue
        if m.end > m.start:
            taken[m.start:m.end] = b"\x02" + b"\x01" * (m.end - m.start - 1)
        kept.append(m)
    return sorted(kept, key=lambda m: m.start)


def _overlaps_taken(taken: bytearray, start: int, end: int) -> bool:
    if end > start:
        return taken.count(0, start, end) < end - start
    return taken[start] == 1  # an empty span overlaps only when inside a kept one, not at its start


def find_mentions(text: str, lexicon: Lexicon | None = None, place: Place = Place(),
                  bodies: list[Found] | None = None) -> list[Mention]:
    """Every entity mention in `text`, in order of position. Relative body names
    (省财政厅) resolve against `place`, the document's jurisdiction; `bodies`, when given,
    are the government bodies `find_bodies` found in `text` already.

    >>> [(m.label.value, m.name) for m in find_mentions("鼓励金融机构落实《中华人民共和国反垄断法》")]
    [('Actor', '金融机构'), ('Law', '反垄断法')]
    """
    if lexicon is None and bodies is None:
        return list(_bundled_mentions(text, place))
    return _find_mentions(text, lexicon or load_lexicon(), place, bodies)


@lru_cache(maxsize=4096)  # the same passage names the same things (see bodies._find_bodies)
def _bundled_mentions(text: str, place: Place) -> tuple[Mention, ...]:
    return tuple(_find_mentions(text, load_lexicon(), place, None))


def _find_mentions(text: str, lex: Lexicon, place: Place, bodies: list[Found] | None) -> list[Mention]:
    laws = _longest_first(_laws(text, lex))
    actors = _lexicon_mentions(text, lex.actors, Label.ACTOR) + _body_mentions(text, place, bodies)
    actors = _longest_first(actors)
    actors += _pattern_actors(text, actors, lex)
    found = (
        _outside_titles(_longest_first(actors), text, laws)
        + laws
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
    return _role_of(sentence, position, lexicon) if lexicon else _bundled_role(sentence, position)


@lru_cache(maxsize=16384)  # a sentence recurs (boilerplate, a document loaded again): so do its roles
def _bundled_role(sentence: str, position: int) -> str:
    return _role_of(sentence, position, load_lexicon())


# How far back a role cue may stand from its actor: clauses are far shorter, and the bound keeps a
# megabyte-long "sentence" without punctuation from being scanned again for every actor in it.
ROLE_LOOKBACK = 400


def _role_of(sentence: str, position: int, lex: Lexicon) -> str:
    floor = max(0, position - ROLE_LOOKBACK)
    clause_start = max(max(sentence.rfind(p, floor, position) for p in "，；。：") + 1, floor)
    cues = list(lex.role_pattern.finditer(sentence, clause_start, position))
    return lex.roles[cues[-1].group()] if cues else "涉及"


def is_mentioned_only(sentence: str, start: int, end: int) -> bool:
    """True when the body at sentence[start:end] is only mentioned, as in boilerplate
    (贯彻落实党中央、国务院决策部署, 经省政府同意), not asked to act.

    >>> s = "深入贯彻落实党中央、国务院决策部署，支持平台企业发展"
    >>> is_mentioned_only(s, 6, 9), is_mentioned_only(s, 10, 13), is_mentioned_only(s, 21, 25)
    (True, True, False)
    """
    return _mentioned_only(sentence, start, end)


@lru_cache(maxsize=16384)  # see _bundled_role
def _mentioned_only(sentence: str, start: int, end: int) -> bool:
    grammar = load_grammar()
    clause_start = last_stop(sentence, "，；。：", start) + 1
    if grammar.mention_before_re.search(sentence, clause_start, start):
        return True
    return grammar.mention_after_re.match(sentence, end) is not None
