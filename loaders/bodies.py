"""Government bodies: a gazetteer of central bodies, a grammar for local and functional
bodies, and the document's jurisdiction that relative names resolve against.

Central bodies (国家发展改革委, 市场监管总局) have one canonical name wherever they
stand. Local bodies are a place or level, a function and an agency word (省 + 财政 + 厅);
省财政厅 in a Zhejiang document is 浙江省财政厅, and in a Hubei one 湖北省财政厅.
Functional bodies of laws (县级以上人民政府 + 市场监督管理 + 部门) are one node per
level and function. Vocabulary lives in `data/lexicon/bodies.yaml`; this is the mechanism.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from loaders.grammar import load_grammar, read_yaml
from loaders.lexicon import _alternation
from loaders.scan import anchor, anchored_finditer
from loaders.spans import Spans

CJK = "\u4e00-\u9fff"


@dataclass(frozen=True)
class Place:
    """Where a document applies: its province and, below that, city and county."""

    province: str = ""
    city: str = ""
    county: str = ""
    en: str = ""

    def for_level(self, level: str) -> str:
        """The place a relative name of `level` (province, city, county) resolves to."""
        return {"province": self.province, "city": self.city, "county": self.county}.get(level, "")


@dataclass(frozen=True)
class Body:
    """One government body, canonical: `name` is its node name, `kind` government,
    functional or generic; `level` and `place` when the grammar knows them."""

    name: str
    kind: str = "government"
    en: str = ""
    level: str = ""
    place: str = ""


@dataclass(frozen=True)
class Gazetteer:
    central: Mapping[str, tuple[str, str]]  # any spelling -> (canonical, en)
    provinces: Mapping[str, tuple[str, str]]  # 浙江省 / 浙江 -> (浙江省, Zhejiang)
    levels: Mapping[str, tuple[str, str]]  # 省 -> (province, Provincial)
    functions: Mapping[str, tuple[str, str]]  # 发改 -> (发展和改革, Development and Reform)
    agencies: Mapping[str, tuple[str, str]]  # 委 -> (委员会, "{} Commission")
    standalone: Mapping[str, tuple[str, str]]  # 政府 -> (人民政府, People's Government)
    functional_levels: Mapping[str, str]
    functional_suffixes: tuple[str, ...]
    bare_suffixes: tuple[str, ...]
    not_levels: tuple[str, ...]
    not_level_ends: frozenset[str]  # words a one-character level ends (城市, 社区): no level there
    not_functions: frozenset[str]
    generic: frozenset[str]
    agency_not_before: tuple[str, ...]
    office_not_before: tuple[str, ...]  # 政府办 + 公旧址: the office word is the start of another word
    party_prefix: str
    zones: tuple[str, ...]  # how a development zone's name ends (经济技术开发区, 高新区)
    zone_body: str  # the body a zone named alone stands for (管理委员会)
    list_qualifiers: tuple[str, ...]  # 相关市、县政府: a list so qualified is one generic body
    youth_league: Mapping[str, str]  # 团市委: written 团, then a level, then 委 -> the level's 团委
    central_re: re.Pattern[str]
    local_re: re.Pattern[str]
    local_anchor_re: re.Pattern[str]  # where an agency name starts: local_re is tried only near one
    local_reach: int  # the most characters of place and level words before the agency name
    functional_re: re.Pattern[str]
    functional_list_re: re.Pattern[str]  # a level, functions listed with 、, one suffix for them all
    bare_functional_re: re.Pattern[str]
    bare_functional_anchor_re: re.Pattern[str]
    generic_re: re.Pattern[str]


def _spellings(entries) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for e in entries:
        for spelling in [e["name"], *e.get("aliases", [])]:
            out[spelling] = (e["name"], e.get("en", ""))
    return out


def _canonical_map(mapping) -> dict[str, tuple[str, str]]:
    return {k: ((v or {}).get("canonical", k), (v or {}).get("en", "")) for k, v in mapping.items()}


def _alt(words) -> str:
    pattern = _alternation(words)
    return pattern.pattern if pattern else "(?!)"


PLACE_SUFFIXES = ("自治州", "地区", "市", "州", "盟", "县", "区", "旗")  # in the order the regex tries them
PLACE_NAME_MAX = 5  # characters of a city or county name before its suffix
PLACES_MAX = 2  # a city, then a county
BARE_FUNCTION_MAX = 10  # characters of a function before a bare functional suffix (…主管部门)
FUNCTION_MAX = 12  # characters of one function between a level and its suffix (县级以上人民政府 + 财政 + 部门)


def _patterns(prov, levels, functions, agencies, standalone, f_levels, f_suffixes, bare) -> dict:
    places = rf"(?:[{CJK}]{{1,{PLACE_NAME_MAX}}}?(?:{'|'.join(PLACE_SUFFIXES)})){{0,{PLACES_MAX}}}"
    place = rf"(?:{_alt(prov)})?{places}"
    level = _alt(levels)
    agency = rf"(?:委)?(?:{_alt(functions)})(?:{_alt(agencies)})|{_alt(standalone)}"
    places_max = PLACES_MAX * (PLACE_NAME_MAX + max(map(len, PLACE_SUFFIXES)))
    return {
        # pre: a province, cities/counties, or a bare level word; then the agency.
        "local_re": re.compile(rf"(?P<pre>(?:{_alt(prov)}){places}|{place}|{level})(?P<agency>{agency})"),
        "local_anchor_re": anchor(agency, {"委", *(w[0] for w in [*functions, *standalone])}),
        "local_reach": max(max(map(len, prov), default=0) + places_max, max(map(len, levels), default=0)),
        "functional_re": re.compile(rf"(?P<level>{_alt(f_levels)})(?:及其)?(?P<func>[{CJK}、]{{1,{FUNCTION_MAX}}}?)"
                                    rf"(?P<suffix>{_alt(f_suffixes)})"),
        "functional_list_re": re.compile(rf"(?P<level>{_alt(f_levels)})(?:及其)?(?P<func>[{CJK}]{{2,{FUNCTION_MAX}}}?"
                                         rf"(?:、[{CJK}]{{2,{FUNCTION_MAX}}}?)+)(?P<suffix>{_alt(f_suffixes)})"),
        "bare_functional_re": re.compile(rf"(?P<func>[{CJK}]{{2,{BARE_FUNCTION_MAX}}}?)(?P<suffix>{_alt(bare)})"),
        "bare_functional_anchor_re": anchor(_alt(bare), (w[0] for w in bare)),
    }


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The bundled gazetteer (`data/lexicon/bodies.yaml`), compiled once."""
    data = read_yaml("bodies.yaml")
    provinces = {p["name"]: (p["name"], p["en"]) for p in data["provinces"]}
    provinces.update({p["short"]: (p["name"], p["en"]) for p in data["provinces"]})
    levels = {k: (v["level"], v["en"]) for k, v in data["levels"].items()}
    functions = _spellings(data["functions"])
    agencies, standalone = _canonical_map(data["agencies"]), _canonical_map(data["standalone"])
    f = data["functional"]
    central = _spellings(data["central"])
    generic = frozenset(data["generic"])
    return Gazetteer(
        central, provinces, levels, functions, agencies, standalone, dict(f["levels"]),
        tuple(f["suffixes"]), tuple(f["bare_suffixes"]), tuple(f["not_levels"]), frozenset(f["not_level_ends"]),
        frozenset(f["not_functions"]),
        generic, tuple(data["agency_not_before"]), tuple(data["office_not_before"]), data["party_prefix"],
        tuple(data["zones"]["names"]), data["zones"]["body"], tuple(data["list_qualifiers"]), dict(data["youth_league"]), central_re=_alternation(central), generic_re=_alternation(generic),
        **_patterns(provinces, levels, functions, agencies, standalone, f["levels"], f["suffixes"],
                    f["bare_suffixes"]),
    )


DATE_WORDS = "年月日"  # after a number they end a date, never start a place name
PLACE_RE = re.compile(rf"[{CJK}]{{2,6}}?(?:自治州|地区|市|州|盟|县|区|旗)")


def jurisdiction_of(title: str, issuers: list[str] | tuple[str, ...] = ()) -> Place:
    """The place a document applies to, from its issuers first, then its title.

    >>> jurisdiction_of("关于促进平台经济高质量发展的实施意见", ["中共浙江省委办公厅", "浙江省人民政府办公厅"])
    Place(province='浙江省', city='', county='', en='Zhejiang')
    >>> jurisdiction_of("杭州市数字经济促进条例").city, jurisdiction_of("国务院关于…的意见", ["国务院"]).province
    ('杭州市', '')
    """
    gaz = load_gazetteer()
    for i, text in enumerate([*issuers, _without_openers(title)]):
        text = text.removeprefix("中共")
        province = next((p for p in sorted(gaz.provinces, key=len, reverse=True) if text.startswith(p)), "")
        canonical, en = gaz.provinces.get(province, ("", ""))
        rest = text[len(province):]
        if canonical.endswith("市"):  # 上海市: a municipality is a province and a city at once
            return Place(canonical, canonical, _county(rest), en)
        m = PLACE_RE.match(rest)
        city = m.group() if m and m.group().endswith(("市", "州", "盟", "地区")) else ""
        if canonical or city:
            return Place(canonical, city, _county(rest[len(city):]) if city else "", en)
        if i < len(issuers) and (county := _issuer_county(rest, gaz)):  # 宝山区人民政府: a district alone
            return Place(county=county)
    return Place()


def _issuer_county(issuer: str, gaz: Gazetteer) -> str:
    """The county or district an issuer opens with when it names no city (宝山区人民政府), unless it is
    a development zone (高新区管委会). Titles are not read so: 贫困县, 示范区 open titles as ordinary words."""
    m = PLACE_RE.match(issuer)
    name = m.group() if m else ""
    return name if name.endswith(("县", "区", "旗")) and not name.endswith(gaz.zones) else ""


@lru_cache(maxsize=1)
def _jurisdiction_words() -> tuple[re.Pattern[str], Mapping[str, str]]:
    data = read_yaml("bodies.yaml")["jurisdiction"]
    return re.compile(rf"^(?:{_alt(data['title_openers'])})+"), data["number_prefixes"]


def _without_openers(title: str) -> str:
    """`title` without the verbs a title may open with before its place (加快西宁市…)."""
    return _jurisdiction_words()[0].sub("", title)


def province_of_number(number: str, issuers: list[str] | tuple[str, ...]) -> Place:
    """The province a 文号 names (鄂政发 is Hubei's) when the issuers name only a level
    (省人民政府): a city's 文号 uses its own character, so only a provincial issuer's counts.

    >>> province_of_number("鄂政发〔2018〕26号", ["省人民政府"]).province
    '湖北省'
    """
    gaz = load_gazetteer()
    provincial = [w for w, (level, _) in gaz.levels.items() if level == "province"]
    if not issuers or not all(i.startswith(tuple(provincial)) for i in issuers):
        return Place()
    name = _jurisdiction_words()[1].get(number[:1], "")
    return Place(name, en=gaz.provinces[name][1]) if name else Place()


def _county(text: str) -> str:
    m = PLACE_RE.match(text)
    return m.group() if m and m.group().endswith(("县", "区", "旗", "市")) and len(m.group()) <= 6 else ""


@dataclass(frozen=True)
class Found:
    """A body named at text[start:end]."""

    start: int
    end: int
    body: Body


def _prefix(pre: str, place: Place, gaz: Gazetteer) -> tuple[str, str, str]:
    """(name prefix, English prefix, level) of a local body's place or level words."""
    if pre in gaz.levels:
        level, level_en = gaz.levels[pre]
        resolved = place.for_level(level)
        if resolved:
            return resolved, place.en if level == "province" else "", level
        return pre, level_en, level
    if pre.endswith(gaz.zones):
        return _zone_prefix(pre, place, gaz)
    province = next((p for p in sorted(gaz.provinces, key=len, reverse=True) if pre.startswith(p)), "")
    canonical, en = gaz.provinces.get(province, ("", ""))
    rest = pre[len(province):]
    level = "county" if rest.endswith(("县", "区", "旗")) else "city" if rest else "province"
    return canonical + rest, en, level


def _zone_prefix(zone: str, place: Place, gaz: Gazetteer) -> tuple[str, str, str]:
    """(name, English, level) of a development zone: 市高新区 is the city's (resolved like 市财政局),
    a zone with a name of its own (立山经济开发区) stays as written; a zone is never a county."""
    level = gaz.levels[zone[0]][0] if zone[0] in gaz.levels else ""
    resolved = place.for_level(level) if level else ""
    return (resolved + zone[1:] if resolved else zone), "", level


def zone_body(item: str, place: Place) -> Body | None:
    """The administrative committee a development zone named alone stands for, or None.

    >>> zone_body("市高新区", Place("广东省", "佛山市")).name, zone_body("立山经济开发区", Place()).name
    ('佛山市高新区管理委员会', '立山经济开发区管理委员会')
    """
    gaz = load_gazetteer()
    if not item.endswith(gaz.zones) or len(item) <= min(map(len, gaz.zones)) or item.startswith("各"):
        return None
    name, _, level = _zone_prefix(item, place, gaz)
    return Body(name + gaz.zone_body, "government", level=level, place=name if name != item else "")


def local_body(pre: str, agency: str, place: Place, gaz: Gazetteer | None = None) -> Body | None:
    """The body a place/level word and an agency name make, resolved against `place`.

    >>> local_body("省", "财政厅", Place("浙江省", en="Zhejiang")).name
    '浙江省财政厅'
    >>> local_body("省", "发改委", Place("湖北省", en="Hubei"))
    Body(name='湖北省发展和改革委员会', kind='government', en='Hubei Development and Reform Commission', level='province', place='湖北省')
    """
    gaz = gaz or load_gazetteer()
    prefix, prefix_en, level = _prefix(pre, place, gaz) if pre else ("", "", "")
    party = agency.startswith("委") and agency not in gaz.standalone
    core = agency[1:] if party else agency
    if core in gaz.standalone:
        canonical, en = gaz.standalone[core]
        party = party or canonical.startswith("委")
        name = f"{'委' if agency.startswith('委') and not canonical.startswith('委') else ''}{canonical}"
    else:
        parsed = _function_agency(core, gaz)
        if parsed is None:
            return None
        name, en = parsed
        name = ("委" if party else "") + name
    resolved = prefix if prefix and prefix not in gaz.levels else ""
    full = (gaz.party_prefix if party and resolved else "") + prefix + name
    english = " ".join(x for x in (prefix_en, en) if x)
    return Body(full, "government", english, level, resolved)


def _function_agency(core: str, gaz: Gazetteer) -> tuple[str, str] | None:
    for agency in sorted(gaz.agencies, key=len, reverse=True):
        function = core[: -len(agency)]
        if core.endswith(agency) and function in gaz.functions:
            canonical_fn, fn_en = gaz.functions[function]
            canonical_ag, ag_en = gaz.agencies[agency]
            return canonical_fn + canonical_ag, ag_en.format(fn_en)
    return None


def trim_left(phrase: str) -> str:
    """`phrase` after its last cut word (punctuation, function word, governing verb).

    >>> trim_left("由杭州市"), trim_left("并配合市场"), trim_left("第七十二条国家进出口"), trim_left("报所在地市场")
    ('杭州市', '市场', '国家进出口', '市场')
    """
    grammar = load_grammar()
    masked = grammar.not_cuts_re.sub(lambda w: "囗" * len(w.group()), phrase)
    # Backwards, so that the cut word that ends last wins (所在地 over its 在), longest first.
    m = grammar.left_cut_re.search(masked[::-1])
    return phrase[len(phrase) - m.start():] if m else phrase


def _central(text: str, gaz: Gazetteer) -> list[Found]:
    out = []
    for m in gaz.central_re.finditer(text):
        if not text.startswith(gaz.agency_not_before, m.end()):  # 民政部门 is not 民政部
            name, en = gaz.central[m.group()]
            out.append(Found(m.start(), m.end(), Body(name, "government", en, "national")))
    return out


def _generic(text: str, gaz: Gazetteer) -> list[Found]:
    return [Found(m.start(), m.end(), Body(m.group(), "generic")) for m in gaz.generic_re.finditer(text)]


def _local(text: str, place: Place, gaz: Gazetteer) -> list[Found]:
    out = []
    for m in anchored_finditer(gaz.local_re, gaz.local_anchor_re, text, gaz.local_reach):
        raw, agency = m.group("pre"), m.group("agency")
        lead = _after_date(text, m.end() - len(agency), trim_left(raw))
        start = m.end() - len(lead) - len(agency)
        pre = lead.removeprefix(gaz.party_prefix)  # 中共宿州市委: the prefix is added back once
        pre, agency = _youth_league(pre, agency, gaz)
        end = m.end()
        if (agency in gaz.standalone and agency[:-1] in gaz.standalone
                and text.startswith((*gaz.agency_not_before, *gaz.office_not_before), end)):
            agency, end = agency[:-1], end - 1  # 市政府办理: 市政府, then 办理
        if pre.startswith("各") or (not pre and agency in gaz.standalone):
            continue
        if agency not in gaz.standalone and text.startswith(gaz.agency_not_before, end):
            continue
        body = local_body(pre, agency, place, gaz)
        joined = _joined_agency(text, start, end, place, gaz) if body is not None and not pre else None
        if joined is not None:
            out.append(joined)
        elif body is not None:
            out.append(Found(start, end, body))
    return out


def _after_date(text: str, end: int, pre: str) -> str:
    """`pre` (ending at `end`) without the date word it opens with: 2016年版市政府 names 市政府."""
    start = end - len(pre)
    if pre[:1] in DATE_WORDS and start > 0 and text[start - 1].isdigit():
        return pre[1:].removeprefix("版").removeprefix("度")
    return pre


def _youth_league(pre: str, agency: str, gaz: Gazetteer) -> tuple[str, str]:
    """团市委 is the city's 团委 (the Youth League), not a party committee of a place named 团市."""
    written = gaz.youth_league["written"]
    if agency == "委" and pre.startswith(written) and pre[len(written):] in gaz.levels:
        return pre[len(written):], gaz.youth_league["agency"]
    return pre, agency


def _joined_agency(text: str, start: int, end: int, place: Place, gaz: Gazetteer) -> Found | None:
    """县教育和体育局, 区科技和经信局: an agency of two functions joined by 和 is one body, named as
    written (with its place resolved), not the agency of the second function alone."""
    if start < 3 or text[start - 1] != "和":
        return None
    function = max((f for f in gaz.functions if text.endswith(f, 0, start - 1)), key=len, default="")
    if not function:
        return None
    fs = start - 1 - len(function)
    pre = trim_left(text[max(0, fs - gaz.local_reach):fs])
    if pre and pre not in gaz.levels and not pre.endswith(PLACE_SUFFIXES):
        return None
    prefix, prefix_en, level = _prefix(pre, place, gaz) if pre else ("", "", "")
    resolved = prefix if prefix and prefix not in gaz.levels else ""
    return Found(fs - len(pre), end, Body(prefix + text[fs:end], "government", level=level, place=resolved))


def _functional_body(level: str, func: str, suffix: str, place: Place, gaz: Gazetteer) -> Body | None:
    canonical = gaz.functional_levels.get(level, level)
    if func in gaz.not_functions:
        return Body(canonical + func + suffix, "generic", level=canonical)
    if (len(func) < 2 or len(func) > FUNCTION_MAX or "、" in func or func.endswith("等")
            or (func not in gaz.functions and trim_left(func) != func)):
        return None
    head = canonical[:1]
    resolved = place.for_level(gaz.levels[head][0]) if head in gaz.levels and canonical[:2] != "县级" else ""
    name = (resolved + canonical[1:] if resolved else canonical) + func + suffix
    return Body(name, "functional", level=canonical, place=resolved)


def _functional(text: str, place: Place, gaz: Gazetteer) -> list[Found]:
    out = _functional_lists(text, place, gaz)
    for m in gaz.functional_re.finditer(text):
        level = m.group("level")
        if not _is_level_at(text, m.start(), level, gaz) or any(f.start <= m.start() < f.end for f in out):
            continue
        body = _functional_body(level, m.group("func"), m.group("suffix"), place, gaz)
        if body is not None:
            out.append(Found(m.start(), m.end(), body))
    return out + [f for f in _bare_functional(text, gaz) if not any(f.start < o.end and o.start < f.end for o in out)]


def _is_level_at(text: str, start: int, level: str, gaz: Gazetteer) -> bool:
    """False for a one-character level inside an ordinary word (市场, 城市)."""
    return not (len(level) == 1 and (text.startswith(gaz.not_levels, start)
                                     or text[start - 1:start + 1] in gaz.not_level_ends))


def _functional_lists(text: str, place: Place, gaz: Gazetteer) -> list[Found]:
    """发展改革、财政、商务等部门 after a level: one body a function, each with the level and suffix."""
    out: list[Found] = []
    for m in gaz.functional_list_re.finditer(text):
        if not _is_level_at(text, m.start(), m.group("level"), gaz):
            continue
        whole = m.group("func") + m.group("suffix")  # 市场监督管理部门: 市场 + 监督管理部门, or 市场监督管理 + 部门
        for suffix in (x for x in gaz.functional_suffixes if whole.endswith(x)):
            listed = _function_list(whole[:-len(suffix)], gaz)
            if listed:
                out += _listed_bodies(m, listed, suffix, place, gaz)
                break
    return out


def _function_list(func: str, gaz: Gazetteer) -> list[str]:
    """The functions of a list that shares one suffix, each a known function; [] if it is none.

    >>> _function_list("发展改革、财政和商务等", load_gazetteer()), _function_list("财政", load_gazetteer())
    (['发展改革', '财政', '商务'], [])
    """
    parts = func.removesuffix("等").split("、")
    last = parts[-1]
    if last not in gaz.functions:  # 财政和商务: the last two joined, unless the pair is one function
        parts[-1:] = next((pair for pair in (last.split(w, 1) for w in ("以及", "和", "及")) if len(pair) == 2
                           and all(p in gaz.functions for p in pair)), [last])
    return parts if len(parts) > 1 and all(p in gaz.functions for p in parts) else []


def _listed_bodies(m: re.Match[str], functions: list[str], suffix: str, place: Place, gaz: Gazetteer) -> list[Found]:
    """One body per listed function; the first span holds the level, the last the suffix."""
    out, at = [], m.start("func")
    for i, func in enumerate(functions):
        at = m.string.index(func, at)
        start, end = (m.start() if i == 0 else at), (m.end() if i == len(functions) - 1 else at + len(func))
        body = _functional_body(m.group("level"), func, suffix, place, gaz)
        if body is not None:
            out.append(Found(start, end, body))
        at += len(func)
    return out


def _bare_functional(text: str, gaz: Gazetteer) -> list[Found]:
    out = []
    for m in anchored_finditer(gaz.bare_functional_re, gaz.bare_functional_anchor_re, text, BARE_FUNCTION_MAX):
        raw = m.group("func")
        known = max((f for f in gaz.functions if raw.endswith(f)), key=len, default="")
        func = max(known, trim_left(raw), key=len)
        if len(func) < 2 or func in gaz.not_functions or func.startswith(load_grammar().verb_heads) or func.startswith("各"):
            continue
        name = func + m.group("suffix")
        out.append(Found(m.end() - len(name), m.end(), Body(name, "functional")))
    return out


def find_bodies(text: str, place: Place = Place()) -> list[Found]:
    """Every government body named in `text`, longest first where names overlap; names
    defined as a short name for others (以下统称X) are left out.

    >>> [f.body.name for f in find_bodies("由省发展改革委牵头，会同国家发改委、县级以上人民政府市场监督管理部门", Place("浙江省"))]
    ['浙江省发展和改革委员会', '国家发展和改革委员会', '县级以上人民政府市场监督管理部门']
    """
    return list(_find_bodies(text, place))


# The same text names the same bodies: attribution items (省财政厅) and boilerplate recur across
# documents, and a document loaded again (an app rerun, a copy in another format) repeats every passage.
@lru_cache(maxsize=4096)
def _find_bodies(text: str, place: Place) -> tuple[Found, ...]:
    gaz = load_gazetteer()
    found = _central(text, gaz) + _generic(text, gaz) + _functional(text, place, gaz) + _local(text, place, gaz)
    markers = load_grammar().alias_markers
    kept: list[Found] = []
    taken = Spans()
    for f in sorted(found, key=lambda f: f.start - f.end):  # stable: earlier finders win ties
        if taken.overlaps((f.start, f.end)):
            continue
        if text[max(0, f.start - 4):f.start].endswith(markers):
            continue
        kept.append(f)
        taken.add((f.start, f.end))
    from loaders.body_lists import spread  # a module of its own that builds on this one

    return tuple(spread(text, sorted(kept, key=lambda f: f.start), place))
