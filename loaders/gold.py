"""Gold annotation files (format: docs/GOLD.md) as comparable sets, and the light normalisation
both sides are compared under. No loading here: `loaders.evaluate` scores graphs against these sets.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

import yaml

from loaders.errors import LoaderError
from loaders.lexicon import load_yaml

# Front-matter fields, in the order tables list them. All but issuers are one value a document.
FRONT_MATTER = ("title", "number", "issuers", "date", "validity", "addressees")
# Heading levels from the top: a heading sits below the nearest open heading of a higher level.
# Every field, in the order tables list them.
FIELDS = FRONT_MATTER + ("headings", "chapters", "sections", "articles", "measures", "target systems", "laws",
                         "measure→system", "measure→law", "measure→actor")
HEADING_RANK = {"part": 1, "section": 2, "measure": 3, "item": 4}
DASHES = re.compile(r"[‐‑‒–—―－~～]")
SEPARATORS = re.compile(r"[\s、，,；;：:]+")


def norm(text: Any) -> str:
    """`text` under the light normalisation titles and names are compared with.

    >>> norm(" 总 则 "), norm("行动计划（2020—2022）"), norm("盐政办发〔2023〕6号")
    ('总则', '行动计划(2020-2022)', '盐政办发〔2023〕6号')
    """
    if text is None:
        return ""
    folded = unicodedata.normalize("NFKC", str(text))
    return DASHES.sub("-", re.sub(r"\s+", "", folded))


def norm_joined(value: Any) -> str:
    """A list (or string) of names as one string without separators, so that how a loader splits
    addressees into entries does not change whether they match.

    >>> norm_joined(["各区人民政府", "市政府各委、办、局"]) == norm_joined("各区人民政府，市政府各委、办、局")
    True
    """
    parts = value if isinstance(value, (list, tuple)) else [value]
    return "".join(SEPARATORS.sub("", norm(p)) for p in parts if p)


def read_gold(path: str | Path) -> dict:
    """The gold annotation in `path`; LoaderError naming the file if it is not one."""
    try:
        gold = load_yaml(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise LoaderError(str(path), err.strerror or "cannot be read") from None
    except (yaml.YAMLError, UnicodeDecodeError) as err:
        raise LoaderError(str(path), f"not valid YAML ({str(err).splitlines()[0]})") from None
    if not isinstance(gold, dict):
        raise LoaderError(str(path), "not a gold annotation (expected a YAML mapping)")
    return gold


def source_name(gold: dict, gold_path: str | Path) -> tuple[str, str]:
    """(file name the gold names, stem to fall back on).

    >>> source_name({"source": "a.txt"}, "data/gold/b.yaml"), source_name({}, "data/gold/b.yaml")
    (('a.txt', 'b'), ('', 'b'))
    """
    return str(gold.get("source") or gold.get("document") or ""), Path(gold_path).stem


def heading_keys(headings: list[dict]) -> set[tuple[int, int, str]]:
    """(depth, number, title) of each gold heading, the depth following from order and level.

    >>> sorted(heading_keys([{"level": "part", "number": 1, "title": "总体要求"},
    ...                      {"level": "item", "number": 1, "title": "指导思想"},
    ...                      {"level": "part", "number": 2, "title": "主要举措"},
    ...                      {"level": "section", "number": 1, "title": "甲"},
    ...                      {"level": "measure", "number": 1, "title": "乙"}]))
    [(1, 1, '总体要求'), (1, 2, '主要举措'), (2, 1, '指导思想'), (2, 1, '甲'), (3, 1, '乙')]
    """
    keys, open_ranks = set(), []
    for h in headings or []:
        rank = HEADING_RANK[h["level"]]
        while open_ranks and open_ranks[-1] >= rank:
            open_ranks.pop()
        open_ranks.append(rank)
        keys.add((len(open_ranks), int(h["number"]), norm(h["title"])))
    return keys


def article_numbers(spec: list) -> set[int]:
    """Article numbers from a list of numbers and [first, last] ranges.

    >>> sorted(article_numbers([[1, 3], 7]))
    [1, 2, 3, 7]
    """
    out: set[int] = set()
    for entry in spec or []:
        if isinstance(entry, (list, tuple)):
            out.update(range(int(entry[0]), int(entry[-1]) + 1))
        else:
            out.add(int(entry))
    return out


def chapter_keys(chapters: list[dict]) -> tuple[set, set]:
    """(chapters as (level, number, title), sections as (chapter number, number, title)).

    >>> chapter_keys([{"number": 2, "title": "经营者", "sections": [{"number": 1, "title": "一般规定"}]}])
    ({('chapter', 2, '经营者')}, {(2, 1, '一般规定')})
    """
    chapters_out, sections_out = set(), set()
    for ch in chapters or []:
        chapters_out.add((ch.get("level", "chapter"), int(ch["number"]), norm(ch["title"])))
        for sec in ch.get("sections") or []:
            sections_out.add((int(ch["number"]), int(sec["number"]), norm(sec["title"])))
        inner_chapters, inner_sections = chapter_keys(ch.get("chapters") or [])  # chapters of a 编
        chapters_out |= inner_chapters
        sections_out |= inner_sections
    return chapters_out, sections_out


def _seed_levels(gold: dict) -> dict[str, set]:
    """The seed's relation levels (see docs/GOLD.md), for the keys the gold file has."""
    out: dict[str, set] = {}
    if "measures" in gold:
        out["measures"] = {(int(k), norm(v)) for k, v in gold["measures"].items()}
    sections = gold.get("sections")
    if isinstance(sections, dict):
        out["sections"] = {(int(k), norm(v["title"])) for k, v in sections.items()}
        out["target systems"] = {v["system"] for v in sections.values() if v.get("system")}
        out["measure→system"] = {(int(m), v["system"]) for v in sections.values() if v.get("system")
                                 for m in v.get("measures", [])}
    if "laws" in gold:
        out["laws"] = {law for laws in gold["laws"].values() for law in laws}
        out["measure→law"] = {(int(k), law) for k, laws in gold["laws"].items() for law in laws}
    if "actors" in gold:
        out["measure→actor"] = {(int(k), a) for k, actors in gold["actors"].items() for a in actors}
    return out


def gold_sets(gold: dict) -> dict[str, set]:
    """Every annotated field of `gold` as a set, keyed by field; single values give a set of one
    (or none for `null`). Fields the gold file does not annotate are absent.

    >>> gold_sets({"title": "关于X的意见", "number": None, "issuers": ["甲办公厅"]})
    {'title': {'关于X的意见'}, 'number': set(), 'issuers': {'甲办公厅'}}
    """
    out: dict[str, set] = {}
    for field in FRONT_MATTER:
        if field not in gold:
            continue
        value = gold[field]
        if field == "issuers":
            out[field] = {norm(x) for x in value or []}
        elif field == "addressees":
            out[field] = {norm_joined(value)} if value else set()
        else:
            out[field] = {norm(value)} if value else set()
    if "headings" in gold:
        out["headings"] = heading_keys(gold["headings"])
    if "chapters" in gold:
        out["chapters"], out["sections"] = chapter_keys(gold["chapters"])
    if "articles" in gold:
        out["articles"] = article_numbers(gold["articles"])
    seed = _seed_levels(gold)
    if "sections" in seed and "sections" in out:  # both a policy outline and chapters: one level
        seed["sections"] |= out["sections"]
    out.update(seed)
    return {field: out[field] for field in FIELDS if field in out}
