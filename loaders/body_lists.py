"""Lists of bodies that write a level or an ending once for all of them.

Documents write 省发展改革委、财政厅、商务厅 for three provincial bodies (the level once, at the start)
and 哈尔滨、黑河、绥芬河市政府 for three city governments (the ending once, at the end). Attribution
notes and sentences alike name bodies so; `spread` gives each listed name its own body.
"""

from __future__ import annotations

import re

from loaders.bodies import (PLACE_NAME_MAX, PLACE_SUFFIXES, Body, Found, Gazetteer, Place, load_gazetteer,
                            local_body, trim_left)
from loaders.grammar import load_grammar

LIST_WORDS = re.compile(r"[、和及与]|以及")
CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def ending_of(written: str, gaz: Gazetteer) -> tuple[str, str, str] | None:
    """(place words, place suffix, agency) of a government named with a place or level and one of the
    standalone agencies (绥芬河市政府 → 绥芬河市, 市, 政府): the ending a list may write once."""
    agency = next((a for a in sorted(gaz.standalone, key=len, reverse=True) if written.endswith(a)), "")
    pre = written[: len(written) - len(agency)]
    if not agency or not pre or gaz.standalone[agency][0].startswith("委"):
        return None
    if pre in gaz.levels:
        return pre, "", agency
    suffix = next((s for s in PLACE_SUFFIXES if pre.endswith(s)), "")
    return (pre, suffix, agency) if suffix else None


def is_place_name(name: str, gaz: Gazetteer) -> bool:
    """A bare place or level word (哈尔滨, 黑河市, 县) that may take a list's ending."""
    if name in gaz.levels:
        return True
    return (2 <= len(name) <= PLACE_NAME_MAX + 1 and CJK_RUN.fullmatch(name) is not None and trim_left(name) == name
            and not name.startswith(load_grammar().verb_heads) and name not in gaz.functions)  # 财政、税务、市政府


def with_ending(names: list[str], last: str, place: Place) -> list[Body] | None:
    """The bodies of `names` listed right before `last` when they share its ending, `last`'s own at the
    end; None when they do not. A qualifier before the first name (相关市、县政府) makes the list one
    generic body, since it names no government in particular.

    >>> [b.name for b in with_ending(["哈尔滨", "黑河"], "绥芬河市政府", Place("黑龙江省"))]
    ['哈尔滨市人民政府', '黑河市人民政府', '绥芬河市人民政府']
    """
    gaz = load_gazetteer()
    ending = ending_of(last, gaz)
    if ending is None or not names:
        return None
    pre, suffix, agency = ending
    qualifier = next((q for q in gaz.list_qualifiers if names[0].startswith(q)), "")
    bare = [names[0][len(qualifier):], *names[1:]]
    if not all(is_place_name(n, gaz) for n in bare) or (not suffix and not all(n in gaz.levels for n in bare)):
        return None
    if qualifier:
        return [Body("、".join([*names, pre]) + gaz.standalone[agency][0], "generic")]
    pres = [n if _has_own_suffix(n, suffix, gaz) else n + suffix for n in bare]
    bodies = [local_body(p, agency, place, gaz) for p in [*pres, pre]]
    return None if None in bodies else bodies


def _has_own_suffix(name: str, suffix: str, gaz: Gazetteer) -> bool:
    """湖北省, 桐庐县, 黑河市 end as places do; 郑州 (郑州、洛阳市) ends in 州 as a name, not a suffix."""
    own = name in gaz.levels or name in gaz.provinces or name.endswith(suffix)
    return own or name.endswith(tuple(s for s in PLACE_SUFFIXES if s != "州"))


def spread(text: str, found: list[Found], place: Place) -> list[Found]:
    """`found` (bodies of `text`, in order) with the level of a list's first body spread to the bare
    agencies after it, and the ending of its last government spread back to the place names before it."""
    out: list[Found] = []
    for f in found:
        if out and LIST_WORDS.fullmatch(text[out[-1].end:f.start]) and _bare_agency(f):
            f = _with_level_of(out[-1], f, text, place) or f
        out += _ended_list(text, f, place, out[-1].end if out else 0) if f.body.kind == "government" else [f]
    return out


def _bare_agency(f: Found) -> bool:
    return f.body.kind == "government" and not f.body.level and not f.body.place


def _with_level_of(before: Found, f: Found, text: str, place: Place) -> Found | None:
    """省发展改革委、财政厅: 财政厅 takes the level (or place) of the body before it in the list."""
    gaz = load_gazetteer()
    if before.body.kind != "government" or before.body.level not in {"province", "city", "county"}:
        return None
    pre = before.body.place or (before.body.name[0] if before.body.name[0] in gaz.levels else "")
    body = local_body(pre, text[f.start:f.end], place, gaz) if pre else None
    return Found(f.start, f.end, body) if body is not None and body.level else None


def _ended_list(text: str, f: Found, place: Place, floor: int) -> list[Found]:
    """`f` and the place names listed right before it (after `floor`) that share its ending."""
    spans, at = [], f.start
    while at - 1 > floor and text[at - 1] == "、" and len(spans) < 20:
        start = at - 2
        while start >= floor and "\u4e00" <= text[start] <= "\u9fff" and at - 1 - start <= PLACE_NAME_MAX + 3:
            start -= 1
        if start >= floor and "\u4e00" <= text[start] <= "\u9fff":
            break  # a longer run of words is no place name: the list's names end here
        spans.insert(0, (start + 1, at - 1))
        at = start + 1
    if spans:  # the first name may follow a verb or preposition (会同哈尔滨、黑河市政府), keeping a qualifier
        s, e = spans[0]
        name = trim_left(text[s:e])
        qualifier = next((q for q in load_gazetteer().list_qualifiers if text.endswith(q, s, e - len(name))), "")
        spans[0] = (e - len(name) - len(qualifier), e)
    k, bodies = longest_ended([text[s:e] for s, e in spans], text[f.start:f.end], place)
    if bodies and len(bodies) == 1:  # one generic body for the whole list
        return [Found(spans[k][0], f.end, bodies[0])]
    if bodies:
        return [Found(s, e, b) for (s, e), b in zip([*spans[k:], (f.start, f.end)], bodies)]
    return [f]


def longest_ended(names: list[str], last: str, place: Place) -> tuple[int, list[Body] | None]:
    """(k, bodies) for the longest run names[k:] right before `last` that takes its ending."""
    for k in range(len(names)):
        bodies = with_ending(names[k:], last, place)
        if bodies:
            return k, bodies
    return len(names), None
