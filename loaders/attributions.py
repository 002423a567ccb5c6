"""Attributions: the bodies a measure names as responsible, each with a role.

Three shapes, as policy documents write them:

- a note at the end of a measure: （X负责）, （X牵头，Y、Z配合）, （牵头单位：X；责任单位：Y、Z）;
- a line: 责任单位：X、Y;
- a sentence: 由X牵头…, X会同Y…, X要牵头负责…, X负责….

Roles are lead, support or responsible. Vocabulary lives in `data/lexicon/attributions.yaml`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from loaders.bodies import Body, Found, Place, find_bodies, load_gazetteer, local_body, zone_body
from loaders.body_lists import longest_ended
from loaders.grammar import alt, load_grammar, read_yaml
from loaders.scan import first_stop, last_stop

SEPARATORS = "、，,；;"
PARENTHESES = re.compile("[（）〔〕]")  # task tables of some provinces bracket their notes 〔责任单位：…〕
OPENING = "（〔"


@dataclass(frozen=True)
class Attribution:
    """`body` is named with `role` by the text at [start, end) (the note or sentence)."""

    body: Body
    role: str
    start: int
    end: int


@dataclass(frozen=True)
class Rules:
    roles: Mapping[str, Mapping[str, str]]
    labels: Mapping[str, str]
    verbs: Mapping[str, str]
    label_re: re.Pattern[str]
    verb_end_re: re.Pattern[str]  # a clause that ends with a verb (and fillers before it)
    verb_after_re: re.Pattern[str]  # fillers and a verb right after a list of bodies
    by_marker: str
    with_markers: Mapping[str, str]
    first_is_lead: tuple[str, ...]
    implied_body: str
    joiner_re: re.Pattern[str]  # a list word between two bodies of one list item
    body_end_re: re.Pattern[str]  # how the name of a body the grammar does not know ends
    trailing_re: re.Pattern[str]  # one more list item right before a verb (、县创卫办配合)


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = read_yaml("attributions.yaml")
    verbs, fillers = data["verbs"], alt(data["fillers"])
    return Rules(
        data["roles"], data["labels"], verbs,
        label_re=re.compile(rf"(?P<label>{alt(data['labels'])})[：:]"),
        verb_end_re=re.compile(rf"(?:(?:{fillers}))*(?P<verb>{alt(verbs)})$"),
        verb_after_re=re.compile(rf"(?:{fillers})*(?P<verb>{alt(verbs)})(?!人|同志)"),
        by_marker=data["by_marker"], with_markers=data["with_markers"],
        first_is_lead=tuple(data["first_is_lead"]), implied_body=data["implied_body"],
        joiner_re=_joiner_re(data["joiners"], load_gazetteer().levels),
        body_end_re=re.compile(rf"(?:{alt(data['body_ends'])})$"),
        trailing_re=re.compile(rf"[、和及]([^、和及，,。；;：:\s（）()]{{2,{TRAILING_ITEM_MAX}}}?)"
                               rf"(?=[、和及]|(?:{fillers})*(?:{alt(verbs)}))"),
    )


TRAILING_ITEM_MAX = 12  # characters of a list item the grammar does not know, in a sentence


def _joiner_re(joiners: Mapping[str, list[str]], levels) -> re.Pattern[str]:
    """等 with an optional level and a general word before a list word (等省有关部门和), or a list word."""
    general = rf"{joiners['etc']}(?:{alt(levels)})?(?:{alt(joiners['general'])})?"
    return re.compile(rf"(?:{general})?(?:{alt(joiners['words'])})|{general}$")


def split_list(text: str) -> list[tuple[int, str]]:
    """(offset, item) of each item of a list split on 、，； outside parentheses.

    >>> split_list("省财政厅、各县（市、区）人民政府")
    [(0, '省财政厅'), (5, '各县（市、区）人民政府')]
    """
    items, depth, start = [], 0, 0
    for i, ch in enumerate(text + "、"):
        depth += (ch in "（(") - (ch in "）)")
        if ch in SEPARATORS and depth <= 0:
            if text[start:i].strip():
                items.append((start, text[start:i]))
            start = i + 1
    return items


GENERIC_AT = 4  # 各 within the first characters of an item (县直各单位) makes it a generic body


def body_of(item: str, place: Place) -> Body | None:
    """The body an attribution list item names, or None when it names none.

    >>> body_of("省财政厅", Place("浙江省")).name, body_of("各县（市、区）人民政府", Place()).kind
    ('浙江省财政厅', 'generic')
    """
    item = re.sub(r"^由|等(?:有关|相关)?(?:部门|单位)?$", "", item.strip())
    named = _named_body(item, place) or zone_body(item, place)
    if named is not None:
        return named
    rules = load_rules()
    if (not rules.body_end_re.search(item) or rules.body_end_re.fullmatch(item)  # 单位 alone names no one
            or not 2 <= len(item) <= 24 or item.startswith(load_grammar().verb_heads)):
        return None
    if "各" in item[:GENERIC_AT]:  # 各乡镇, 县直各单位, 区级各部门: bodies that stand for several
        return Body(item, "generic")
    gaz = load_gazetteer()
    level = gaz.levels.get(item[0], ("", ""))[0]
    resolved = place.for_level(level) if level else ""
    return Body(resolved + item[1:] if resolved else item, _kind_of(item), level=level, place=resolved)


def _kind_of(item: str) -> str:
    """An item named as written is a government body unless it ends as an enterprise or a bank does
    (区国投公司, 某某银行): those are responsible too, but no part of the government."""
    suffixes = load_grammar().actor_suffixes
    suffix = max((s for s in suffixes if item.endswith(s)), key=len, default="")
    return suffixes[suffix] if suffixes.get(suffix) in {"enterprise", "financial"} else "government"


def _named_body(item: str, place: Place) -> Body | None:
    """The body the gazetteer or the grammar reads from the whole of `item`, if any."""
    found = find_bodies(item, place)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(item):
        return found[0].body
    return None


def list_bodies(items: str, place: Place) -> list[Body]:
    """The bodies of a list. An item without a level word takes the one of the item before
    it when the grammar reads the two as a body: 省发展改革委、交通运输厅、水利厅 are three
    provincial bodies, since documents write the level once for the whole list.

    >>> [b.name for b in list_bodies("省发展改革委、交通运输厅", Place("广东省"))]
    ['广东省发展和改革委员会', '广东省交通运输厅']
    """
    levels = sorted(load_gazetteer().levels, key=len, reverse=True)
    out, level_word, waiting = [], "", []
    for item in (piece for _, item in split_list(items) for piece in _joined(item.strip(), place)):
        word = next((w for w in levels if item.startswith(w)), "")
        body = body_of(item, place)
        inherited = _with_level(item, body, level_word, place) if not word and level_word else None
        body = inherited or (_own_level(body, item, place) if body is not None and not word else body)
        # the level carries along a run of bodies of that level only (not past 各县区政府)
        level_word = word or (level_word if inherited else "")
        if body is None:
            waiting.append(item)  # 哈尔滨、黑河、绥芬河市政府: a place name that may take a later ending
            continue
        _, shared = longest_ended(waiting, item, place)
        out += shared or [body]
        waiting = []
    return out


def _own_level(body: Body, item: str, place: Place) -> Body:
    """In a county's or district's document, a listed agency named without a level (统计局, 发改委) is
    its own: such documents name their own bureaus so, and the State's in full (国家发展改革委, 财政部)."""
    if not place.county:
        return body
    bare = body.kind == "government" and not body.level and not body.place
    central_short = body.level == "national" and item.endswith(("委", "局")) and not item.endswith("总局")
    own = local_body(place.county, item, place) if bare or central_short else None
    return own or body


SHORT_AGENCY_MAX = 4  # characters of an agency the grammar does not know that a list's level still reaches


def _with_level(item: str, body: Body | None, level_word: str, place: Place) -> Body | None:
    """`item` with the level word of the list item before it, when it names no level of its own:
    a body the grammar reads (财政厅), or a short agency it does not know (铁路办)."""
    if body is not None and (body.kind != "government" or body.level):
        return None
    item = re.sub(r"^由", "", item)
    named = _named_body(level_word + item, place)
    if named is None and body is not None and len(item) <= SHORT_AGENCY_MAX:
        return body_of(level_word + item, place)
    return named


def _joined(item: str, place: Place) -> list[str]:
    """`item` cut where a list word joins two bodies (X等省有关部门和Y, X及Y), when the
    grammar does not read it as one body and every piece names one; else `item` alone."""
    if _named_body(item, place) is not None:
        return [item]
    for m in load_rules().joiner_re.finditer(item):
        left, right = item[:m.start()], item[m.end():]
        if left and body_of(left, place) is not None:
            rest = _joined(right, place) if right else []
            if all(body_of(r, place) is not None for r in rest):
                return [left, *rest]
    return [item]


def _clause_items(clause: str, rules: Rules) -> tuple[str, str, int] | None:
    """(role, list text, offset of the list in the clause) of one clause of a note."""
    m = rules.label_re.search(clause)
    if m:  # 责任单位：X、Y按职责分工负责: the label gives the role, the verb is its echo
        items = clause[m.end():]
        v = rules.verb_end_re.search(items)
        return rules.labels[m.group("label")], items[:v.start()] if v else items, m.end()
    v = rules.verb_end_re.search(clause)
    if v:
        head = clause[:v.start()]
        offset = len(rules.by_marker) if head.startswith(rules.by_marker) else 0
        return rules.verbs[v.group("verb")], head[offset:], offset
    return None


def parse_note(note: str, place: Place, offset: int = 0) -> list[Attribution]:
    """The attributions of a note's text (without its parentheses); [] when it is not one.

    >>> [(a.body.name, a.role) for a in parse_note("牵头单位：省发展改革委；责任单位：省财政厅", Place("浙江省"))]
    [('浙江省发展和改革委员会', 'lead'), ('浙江省财政厅', 'responsible')]
    """
    rules = load_rules()
    first_is_lead = any(p in note for p in rules.first_is_lead)
    out: list[Attribution] = []
    for clause_start, clause in _clauses(note):
        parsed = _clause_items(clause.strip("，,。 "), rules)
        if parsed is None:
            continue
        role, items, _ = parsed
        bodies = list_bodies(items, place)
        if not items.strip():
            bodies = [Body(rules.implied_body, "generic")]
        for i, body in enumerate(bodies):
            lead = first_is_lead and not out and i == 0
            out.append(Attribution(body, "lead" if lead else role, offset, offset + len(note)))
    return out


def _clauses(note: str) -> list[tuple[int, str]]:
    """Clauses of a note: split at ； and 。 always, at ， before a new verb or label, and before
    every label: task tables put 牵头单位：X and 责任单位：Y on one line with only spaces
    between them, or on two lines that the outline joins with nothing between them."""
    out, start = [], 0
    labels = {m.start() for m in load_rules().label_re.finditer(note)} - {0}
    for i, ch in enumerate(note + "；"):
        if i in labels and note[start:i].strip():
            out.append((start, note[start:i]))
            start = i
        if ch in "；;。" or (ch in "，," and _ends_clause(note[start:i], note[i + 1:])):
            out.append((start, note[start:i]))
            start = i + 1
    return [(s, c) for s, c in out if c.strip()]


def _ends_clause(text: str, rest: str = "") -> bool:
    """Whether a ， after `text` ends its clause. After a label it does only before a verb's
    clause (牵头单位：X，Y配合): tables separate a label's bodies with ， too (责任单位：X，Y)."""
    rules = load_rules()
    if rules.verb_end_re.search(text):
        return True
    if not rules.label_re.search(text):
        return False
    piece = re.split("[，,；;]", rest, maxsplit=1)[0]
    return bool(rules.verb_end_re.search(piece.strip("。 "))) or not piece.strip()


def _balanced_notes(text: str):
    """(start, end) of each outermost （…） or 〔…〕 group of `text`, nested ones included in it."""
    depth, start = 0, 0
    for m in PARENTHESES.finditer(text):  # the engine skips the other characters
        i, ch = m.start(), m.group()
        if ch in OPENING:
            if depth == 0:
                start = i
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield start, i + 1


def note_attributions(text: str, place: Place) -> list[Attribution]:
    """Attributions in notes （…） and in label lines (责任单位：…) of `text`."""
    return list(_note_attributions(text, place))


@lru_cache(maxsize=4096)  # the same passage gives the same notes (see bodies._find_bodies)
def _note_attributions(text: str, place: Place) -> tuple[Attribution, ...]:
    out, covered = [], []
    for s, e in _balanced_notes(text):
        if e - s <= 400:
            found = parse_note(text[s + 1:e - 1], place, s)
            out += [Attribution(a.body, a.role, s, e) for a in found]
            covered.append((s, e))
    for m in load_rules().label_re.finditer(text):
        if any(s <= m.start() < e for s, e in covered):
            continue
        end = next((i for i in range(m.end(), min(len(text), m.end() + 300)) if text[i] in "。\n"), None)
        end = end if end is not None else min(len(text), m.end() + 300)
        line_start = text.rfind("\n", 0, m.start()) + 1
        out += parse_note(text[m.start():end], place, m.start())
        out = [a if a.start != m.start() else Attribution(a.body, a.role, max(line_start, m.start()), end)
               for a in out]
        covered.append((m.start(), end))  # its line's later labels are parsed with it
    return tuple(out)


def _groups(text: str, found: list[Found]) -> list[list[Found]]:
    """Bodies named as one list (X、Y和Z): consecutive, joined by a list word only."""
    groups: list[list[Found]] = []
    for f in found:
        if groups and re.fullmatch(r"[、和及与]|以及", text[groups[-1][-1].end:f.start]):
            groups[-1].append(f)
        else:
            groups.append([f])
    return groups


SENTENCE_ENDS = "。；\n"


def _sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    right = first_stop(text, SENTENCE_ENDS, end)
    return last_stop(text, SENTENCE_ENDS, start) + 1, (right + 1 if right != -1 else len(text))


def sentence_attributions(text: str, place: Place, found: list[Found] | None = None) -> list[Attribution]:
    """Attributions of sentences: 由X牵头, X会同Y, X要牵头负责, X负责.

    >>> [(a.body.name, a.role) for a in sentence_attributions("由省商务厅会同省财政厅制定办法。", Place("浙江省"))]
    [('浙江省商务厅', 'lead'), ('浙江省财政厅', 'support')]
    """
    rules = load_rules()
    found = find_bodies(text, place) if found is None else found
    groups = _groups(text, found)
    out: list[Attribution] = []
    for i, group in enumerate(groups):
        start, end = group[0].start, group[-1].end
        end, unknown = _trailing_items(text, end, place)
        s, e = _sentence_bounds(text, start, end)
        marker = next((w for w in rules.with_markers if text.startswith(w, end)), None)
        verb = rules.verb_after_re.match(text, end)
        # endswith over a range, not a slice: a sentence without an end can be megabytes long
        after = next((w for w in rules.with_markers if text.endswith(w, s, start)), None)
        if marker and i + 1 < len(groups) and groups[i + 1][0].start == end + len(marker):
            role = "lead"
        elif verb:
            role = rules.verbs[verb.group("verb")]
        elif after:  # 由X牵头，会同Y…: Y joins the lead named earlier in the sentence
            role = rules.with_markers[after]
        else:
            continue
        out += [Attribution(body, role, s, e) for body in [*(f.body for f in group), *unknown]]
    return out


def _trailing_items(text: str, end: int, place: Place) -> tuple[int, list[Body]]:
    """Bodies the grammar does not know that close a list before its verb (团县委、县文明办、县创卫办
    配合): each read as a note's item is, and where the list now ends."""
    out: list[Body] = []
    while (m := load_rules().trailing_re.match(text, end)) and (body := body_of(m.group(1), place)):
        out.append(body)
        end = m.end()
    return end, out


# A line that opens with names and a full stop or colon: 区工商分局。负责… (a duty list's entry)
HEAD_RE = re.compile(r"(?:^|\n)([^。：:\n，,（）()]{2,40})[。：:]")


def head_attributions(text: str, place: Place) -> list[Attribution]:
    """Duty lists (职责分工): a line that names only bodies, ended by 。 or ：, then what they do
    (区工商分局。负责牵头…; 区商务局、区财政局：负责…). Every name must be a body.

    >>> [(a.body.name, a.role) for a in head_attributions("区商务局。负责组织实施。", Place(county="某区"))]
    [('某区商务局', 'responsible')]
    """
    rules, out = load_rules(), []
    for m in HEAD_RE.finditer(text):
        names = m.group(1).strip()
        verb = rules.verb_after_re.match(text, m.end())
        if verb is None or rules.label_re.match(names + "："):
            continue
        bodies = list_bodies(names, place)
        if bodies and len(bodies) >= len(split_list(names)):
            end = first_stop(text, SENTENCE_ENDS, m.end())
            out += [Attribution(b, rules.verbs[verb.group("verb")], m.start(1), end + 1 if end != -1 else len(text))
                    for b in bodies]
    return out


def find_attributions(text: str, place: Place = Place(), found: list[Found] | None = None) -> list[Attribution]:
    """Every attribution of `text`: notes, label lines and duty-list heads first, then sentences
    outside them. One body keeps its strongest role (lead, then responsible, then support) per text."""
    notes = note_attributions(text, place)
    notes += [a for a in head_attributions(text, place) if not any(n.start <= a.start < n.end for n in notes)]
    covered = [(a.start, a.end) for a in notes]
    found = find_bodies(text, place) if found is None else found
    outside = [f for f in found if not any(s <= f.start < e for s, e in covered)]
    return notes + sentence_attributions(text, place, outside)
