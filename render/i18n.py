"""Interface strings in Chinese and English, from every ``data/i18n/*.yaml``.

Each file maps a key to ``{zh: …, en: …}``; keys may be written flat
(``nav.overview``) or nested (``nav: {overview: …}``). Later files add keys,
so a feature can ship its own file (``workshop.yaml``) without touching
``ui.yaml``. Document content is never translated: only the interface and
entity names that have an English label (``name_en``) from the lexicon.

>>> t("app.title", "en")
'Policy knowledge graph'
>>> t("no.such.key", "en")
'no.such.key'
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any, Mapping

import yaml

# The C loader when PyYAML has it: the pure-Python one takes a noticeable part of a first page.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str):
    """YAML from a bundled (trusted) file's text, with libyaml's safe loader when PyYAML has it.

    >>> load_yaml("zh: 中文")
    {'zh': '中文'}
    """
    return yaml.load(text, Loader=_LOADER)  # noqa: S506 - a safe loader

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"
I18N_DIR = Path(__file__).resolve().parent.parent / "data" / "i18n"
ROLES_FILE = I18N_DIR.parent / "lexicon" / "roles.yaml"


def _is_leaf(value: Any) -> bool:
    return isinstance(value, Mapping) and bool(value) and set(value) <= set(LANGS)


def _flatten(prefix: str, value: Any, out: dict[str, dict[str, str]], source: str) -> None:
    if _is_leaf(value):
        out[prefix] = {lang: str(text) for lang, text in value.items()}
    elif isinstance(value, Mapping):
        for key, sub in value.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), sub, out, source)
    else:
        raise ValueError(f"{source}: key {prefix!r} needs a mapping of {'/'.join(LANGS)} strings")


@lru_cache(maxsize=4)
def strings(directory: str | None = None) -> dict[str, dict[str, str]]:
    """Every key of every ``*.yaml`` in `directory` (default ``data/i18n``), files in name order.

    >>> strings()["nav.explore"]["zh"]
    '探索'
    """
    folder = Path(directory) if directory else I18N_DIR
    out: dict[str, dict[str, str]] = {}
    for path in sorted(folder.glob("*.yaml")):
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
        _flatten("", data, out, path.name)
    return out


def normalise_lang(lang: str | None) -> str:
    """`lang` if it is one we have, else the default.

    >>> normalise_lang("EN"), normalise_lang("fr")
    ('en', 'zh')
    """
    lang = (lang or "").lower()
    return lang if lang in LANGS else DEFAULT_LANG


def t(key: str, lang: str = DEFAULT_LANG, **fmt: Any) -> str:
    """The string for `key` in `lang` (Chinese when English is missing); the key itself if unknown.

    >>> t("explore.depth", "zh")
    '深度'
    """
    entry = strings().get(key)
    if entry is None:
        return key
    text = entry.get(normalise_lang(lang)) or entry.get(DEFAULT_LANG) or key
    return text.format(**fmt) if fmt else text


def type_name(node_type: str, lang: str = DEFAULT_LANG) -> str:
    """The display name of a node type.

    >>> type_name("Law", "zh"), type_name("Law", "en")
    ('法律法规', 'Law')
    """
    key = f"type.{node_type}"
    return t(key, lang) if key in strings() else str(node_type)


def edge_name(edge_type: str, lang: str = DEFAULT_LANG) -> str:
    """The display name of an edge type.

    >>> edge_name("CITES", "en")
    'cites'
    """
    key = f"edge.{edge_type}"
    return t(key, lang) if key in strings() else str(edge_type)


def node_label(row: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """A short label for a node row: the Chinese name, or its English label when asked and known.

    >>> node_label({"name": "平台企业", "name_en": "platform enterprises"}, "en")
    'platform enterprises'
    >>> node_label({"name": "平台企业"}, "en")
    '平台企业'
    """
    name = str(row.get("name") or row.get("title") or row.get("id") or "")
    if normalise_lang(lang) == "en" and row.get("name_en"):
        return str(row["name_en"])
    return name


def node_caption(row: Mapping[str, Any], lang: str = DEFAULT_LANG) -> str:
    """A label for pickers and headings: the Chinese name, followed in English by its English label.

    >>> node_caption({"name": "平台企业", "name_en": "platform enterprises"}, "en")
    '平台企业 · platform enterprises'
    >>> node_caption({"name": "平台企业", "name_en": "platform enterprises"}, "zh")
    '平台企业'
    """
    name = str(row.get("name") or row.get("title") or row.get("id") or "")
    en = row.get("name_en")
    if normalise_lang(lang) == "en" and en and en != name:
        return f"{name} · {en}"
    return name


def role_name(role: str | None, lang: str = DEFAULT_LANG) -> str:
    """A role as the interface shows it: the Chinese cue as extracted, or its English label
    from `data/lexicon/roles.yaml`.

    A role no cue gives (the loader's "涉及" when nothing governs the actor) has its English in
    ``data/i18n`` (``role.<role>``).

    >>> role_name("鼓励", "en"), role_name("鼓励", "zh"), role_name("服务对象", "en"), role_name("涉及", "en")
    ('encourage', '鼓励', 'beneficiary', 'involved')
    """
    if not role or normalise_lang(lang) != "en":
        return role or ""
    found = role_labels().get(role)
    return found or (t(f"role.{role}", lang) if f"role.{role}" in strings() else role)


@lru_cache(maxsize=1)
def role_labels() -> dict[str, str]:
    """Role -> English label from ``data/lexicon/roles.yaml``, whose entries read
    ``cue: {role: 角色, en: label}`` (a cue without ``role`` is its own role). Read here, not
    through the loaders' lexicon: drawing a graph needs the labels, not the loaders."""
    cues = load_yaml(ROLES_FILE.read_text(encoding="utf-8")) or {}
    return {str((entry or {}).get("role", cue)): str((entry or {}).get("en", "")) for cue, entry in cues.items()}
