"""The level of a document's issuer: national, provincial, city or county.

Central bodies (国务院, 全国人大常委会, the ministries of the gazetteer) are national. A local
issuer's level is that of its place: a province (省, 自治区, a municipality such as 上海市), a city
(市, 州, 盟) or a county (县, 区, 旗), read with the jurisdiction grammar of `loaders.bodies`.
A document issued jointly takes the highest level among its issuers; without issuers its title
decides (《中华人民共和国…法》, 杭州市…条例). Vocabulary: `issuer_levels` in bodies.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from loaders.bodies import jurisdiction_of, load_gazetteer
from loaders.grammar import alt, read_yaml

LEVELS = ("national", "provincial", "city", "county")  # highest first
CJK = "\u4e00-\u9fff"


@lru_cache(maxsize=1)
def _rules() -> tuple[tuple[str, ...], re.Pattern[str], dict[str, str]]:
    data = read_yaml("bodies.yaml")["issuer_levels"]
    suffixes = dict(data["place_suffixes"])
    place = re.compile(rf"[{CJK}]{{1,8}}?(?P<suffix>{alt(suffixes)})")
    return tuple(data["national_prefixes"]), place, suffixes


def _level_of_name(name: str) -> str:
    """The level of one issuer (or title); "" when it names no level.

    >>> [_level_of_name(x) for x in ["国务院办公厅", "工业和信息化部", "中共浙江省委办公厅", "上海市人民代表大会常务委员会"]]
    ['national', 'national', 'provincial', 'provincial']
    >>> [_level_of_name(x) for x in ["云浮市人民政府", "杭州市西湖区人民政府", "安吉县人民政府", "关于促进…的意见"]]
    ['city', 'county', 'county', '']
    """
    gaz = load_gazetteer()
    national, place_re, suffixes = _rules()
    name = name if name.startswith(national) else name.removeprefix(gaz.party_prefix)
    if name.startswith(national) or gaz.central_re.match(name):  # central_re matches central bodies only
        return "national"
    place = jurisdiction_of("", [name])
    if place.county:
        return "county"
    if place.city and place.city != place.province:
        return "city"
    if place.province:
        return "provincial"
    m = place_re.match(name)
    return suffixes[m.group("suffix")] if m else ""


def issuer_level(issuers: list[str] | tuple[str, ...], title: str = "") -> str:
    """The highest level among `issuers`, else the level `title` names, else "".

    >>> issuer_level(["中共浙江省委办公厅", "浙江省人民政府办公厅"]), issuer_level([], "中华人民共和国反垄断法")
    ('provincial', 'national')
    >>> issuer_level(["某某委员会"], "杭州市数字经济促进条例"), issuer_level([], "关于加强管理的通知")
    ('city', '')
    """
    levels = {_level_of_name(x) for x in issuers} - {""}
    if levels:
        return min(levels, key=LEVELS.index)
    return _level_of_name(title)
