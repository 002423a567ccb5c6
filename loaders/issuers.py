"""Split a run of issuing bodies into names, even when the spaces between them were lost.

Joint documents print their issuers two or three to a line; normalisation removes the spaces
between Chinese characters, so 中共浙江省委办公厅 浙江省人民政府办公厅 arrives as one run.

>>> split_issuers("中共浙江省委办公厅浙江省人民政府办公厅")
['中共浙江省委办公厅', '浙江省人民政府办公厅']
>>> split_issuers("国家发展改革委市场监管总局中央网信办")
['国家发展改革委', '市场监管总局', '中央网信办']
>>> split_issuers("杭州市市场监督管理局杭州市商务局")
['杭州市市场监督管理局', '杭州市商务局']
>>> split_issuers("某某市发展和改革委员会中共某某市委社会工作部")
['某某市发展和改革委员会', '中共某某市委社会工作部']
>>> split_issuers("某市人民代表大会常务委员会办公室")
['某市人民代表大会常务委员会办公室']
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from loaders.lexicon import load_yaml

LEXICON = Path(__file__).resolve().parent.parent / "data" / "lexicon" / "front_matter.yaml"
# Cut after these even without a list: nothing ends a body name more surely.
STRONG_SUFFIX = re.compile(
    r".+?(?:办公厅|办公室|委员会(?!办公)|人民政府(?!办公|[\u4e00-\u9fff]{0,12}(?:委员会|局|厅|办|室)$))(?=.)|.+$")
REGION = re.compile(r"^(?:中共)?([\u4e00-\u9fff]{2,8}?(?:省|自治区|市|县|区|自治州|州|盟|旗))")
PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:省|自治区)")  # 浙江省 before 杭州市…
SEPARATORS = re.compile(r"[\s、，,；;/]+")


@lru_cache(maxsize=1)
def _known() -> re.Pattern[str]:
    with LEXICON.open(encoding="utf-8") as fh:
        names = load_yaml(fh).get("issuing_bodies") or []
    return re.compile("|".join(map(re.escape, sorted(names, key=len, reverse=True))))


def _before_prefix(token: str, i: int, last_cut: int) -> int:
    """A cut at `i` moved before a party prefix standing there (…委员会 | 中共成都市委…)."""
    for prefix in _prefixes():
        at = i - len(prefix)
        if at - last_cut >= 3 and token.startswith(prefix, at):
            return at
    return i


@lru_cache(maxsize=1)
def _prefixes() -> tuple[str, ...]:
    with LEXICON.open(encoding="utf-8") as fh:
        return tuple(load_yaml(fh).get("body_prefixes") or ())


def _cuts(token: str) -> list[int]:
    """Where a new body starts in `token`: a known central body, or the first body's place again."""
    known = _known()
    cuts, i = [0], 0
    region = REGION.match(token)
    while i < len(token):
        m = known.match(token, i)
        if m:
            if i:
                cuts.append(i)
            i = m.end()
            if i < len(token):
                cuts.append(i)
            continue
        if i and region and token.startswith(region.group(1), i) and i - cuts[-1] >= 3:
            cuts.append(_before_prefix(token, i, cuts[-1]))
        elif i - cuts[-1] >= 3 and _abbreviated_at(token, i):
            cuts.append(i)
        i += 1
    return sorted(set(cuts))


def _abbreviated_at(token: str, i: int) -> bool:
    """Whether a body named by its level alone starts at `i` (北京市财政局 | 市水利局, 省发展改革委 |
    省财政厅): a level word right after a body's ending, then a body's name up to the end or the next."""
    level, ending = _abbreviation()
    if not level.match(token, i) or not ending.search(token, 0, i):
        return False
    return any(ending.search(token, i, j) for j in range(i + 3, min(len(token), i + 14) + 1)
               if j == len(token) or level.match(token, j))


@lru_cache(maxsize=1)
def _abbreviation() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The level words that open an abbreviated body's name, and the endings of a body's name."""
    with LEXICON.open(encoding="utf-8") as fh:
        y = load_yaml(fh)
    levels = "|".join(map(re.escape, y.get("abbreviated_levels") or []))
    not_after = "|".join(map(re.escape, y.get("abbreviated_level_not") or []))
    endings = "|".join(map(re.escape, sorted(y.get("body_suffixes") or [], key=len, reverse=True)))
    return re.compile(f"(?:{levels})(?!{not_after})"), re.compile(f"(?:{endings})$")


def abbreviates(short: str, full: str) -> bool:
    """Whether `short` names the body `full` by its level alone (市水利局 for 北京市水利局) or without
    the province above its city (杭州市人民政府办公厅 for 浙江省杭州市人民政府办公厅).

    >>> abbreviates("市水利局", "北京市水利局"), abbreviates("杭州市人民政府", "浙江省杭州市人民政府")
    (True, True)
    >>> abbreviates("市场监管局", "某市市场监管局"), abbreviates("人民政府", "某市人民政府")
    (False, False)
    """
    if len(full) <= len(short) or not full.endswith(short):
        return False
    level, _ = _abbreviation()
    head = full[:-len(short)]
    return bool(level.match(short)) and len(head) >= 2 or bool(PROVINCE.fullmatch(head) and REGION.match(short))


def split_issuers(text: str) -> list[str]:
    """Issuing bodies named in `text` (separated by spaces, 、 or nothing at all)."""
    out: list[str] = []
    for token in SEPARATORS.split(text):
        if not token:
            continue
        cuts = _cuts(token) + [len(token)]
        for a, b in zip(cuts, cuts[1:]):
            out += [x for x in STRONG_SUFFIX.findall(token[a:b]) if x]
    return list(dict.fromkeys(out))
