"""What a person reads for a node, one helper per kind, over plain rows (``Node.as_dict()`` or a
store's row): the tour, handouts, exports and pages all label through here.

>>> measure_label({"type": "Measure", "number": 19, "title": "公平竞争"})
'19. 公平竞争'
>>> node_title({"type": "Policy", "name": "甲", "title": "关于甲的意见"}), node_title({"name": "平台企业"})
('关于甲的意见', '平台企业')
>>> node_title({"type": "Actor", "name": "平台企业", "name_en": "platform enterprises"}, "en")
'platform enterprises'
"""

from __future__ import annotations

from typing import Any, Mapping

_TITLED = frozenset({"Policy", "Measure"})  # kinds read by their title rather than their short name


def _base(row: Mapping[str, Any], lang: str) -> str:
    if lang == "en" and row.get("name_en"):
        return str(row["name_en"])
    if row.get("type") in _TITLED and row.get("title"):
        return str(row["title"])
    return str(row.get("name") or row.get("title") or row.get("id") or "")


def measure_label(row: Mapping[str, Any], lang: str = "zh") -> str:
    """A measure as ``N. title`` (English label when asked and known); the number is not repeated
    when the title starts with it, and a measure without a number is its title.

    >>> measure_label({"number": 3, "title": "3. 已编号"}), measure_label({"title": "无号"})
    ('3. 已编号', '无号')
    """
    base = _base({**row, "type": "Measure"}, lang)
    number = row.get("number")
    if number is not None and not base.startswith(f"{number}"):
        return f"{number}. {base}"
    return base


def node_title(row: Mapping[str, Any], lang: str = "zh") -> str:
    """A node as a heading reads it: a measure by `measure_label`, a document by its title, anything
    else by its name; the English label when `lang` is ``en`` and one is known."""
    return measure_label(row, lang) if row.get("type") == "Measure" else _base(row, lang)
