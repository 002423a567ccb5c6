"""Curated vocabulary from `data/lexicon/*.yaml`, loaded once and compiled for matching."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Mapping

import yaml

LEXICON_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicon"
# libyaml's parser when PyYAML has it: reading the vocabulary with the pure-Python one took about a
# second of every process's start.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(stream):
    """YAML from a bundled (trusted) file or text, with a safe loader.

    >>> load_yaml("a: [1, 2]")
    {'a': [1, 2]}
    """
    return yaml.load(stream, Loader=_SAFE_LOADER)  # noqa: S506 - a safe loader


@dataclass(frozen=True)
class Term:
    """One curated name: its canonical form, English label and kind (actors, laws)."""

    name: str
    en: str = ""
    kind: str = ""


@dataclass(frozen=True)
class Vocabulary:
    """Canonical terms of one category, and a regex that finds any of their spellings."""

    terms: Mapping[str, Term]  # canonical name -> term
    spellings: Mapping[str, str]  # any spelling -> canonical name
    pattern: re.Pattern[str] | None  # longest spelling first

    def canonical(self, spelling: str) -> str | None:
        return self.spellings.get(spelling)


@dataclass(frozen=True)
class Lexicon:
    actors: Vocabulary
    laws: Vocabulary
    mechanisms: Vocabulary
    programmes: Vocabulary
    concepts: Vocabulary
    roles: Mapping[str, str]  # cue (verb or preposition) -> role
    role_en: Mapping[str, str]  # role -> English
    role_pattern: re.Pattern[str]
    systems_en: Mapping[str, str]
    part_roles: Mapping[str, tuple[str, ...]]  # "general"/"implementation" -> title keywords
    part_en: Mapping[str, str]
    subject_modals: tuple[str, ...] = ()  # words after a noun run that make it a subject, not a heading


def _read(name: str):
    path = LEXICON_DIR / name
    with path.open(encoding="utf-8") as fh:
        return load_yaml(fh) or []


def _alternation(words) -> re.Pattern[str] | None:
    ordered = sorted(set(words), key=lambda w: (-len(w), w))
    return re.compile("|".join(map(re.escape, ordered))) if ordered else None


def _vocabulary(entries, fold) -> Vocabulary:
    terms: dict[str, Term] = {}
    spellings: dict[str, str] = {}
    for entry in entries:
        name = fold(entry["name"])
        terms[name] = Term(name, entry.get("en", ""), entry.get("kind", ""))
        for spelling in [entry["name"], *entry.get("aliases", [])]:
            spellings[fold(spelling)] = name
    return Vocabulary(terms, spellings, _alternation(spellings))


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The bundled lexicon, normalised like document text so spellings match."""
    from loaders.reading import normalise

    cues = {normalise(k): v or {} for k, v in _read("roles.yaml").items()}
    roles = {cue: v.get("role", cue) for cue, v in cues.items()}
    role_en = {roles[cue]: v.get("en", "") for cue, v in cues.items()}
    outline = _read("outline.yaml")
    return Lexicon(
        actors=_vocabulary(_read("actors.yaml"), normalise),
        laws=_vocabulary(_read("laws.yaml"), normalise),
        mechanisms=_vocabulary(_read("mechanisms.yaml"), normalise),
        programmes=_vocabulary(_read("programmes.yaml"), normalise),
        concepts=_vocabulary(_read("concepts.yaml"), normalise),
        roles=roles,
        role_en=role_en,
        role_pattern=_alternation(roles),
        systems_en={normalise(k): v for k, v in _read("systems.yaml").items()},
        part_roles={k: tuple(outline[k]) for k in ("general", "implementation")},
        part_en=dict(outline.get("en", {})),
        subject_modals=tuple(outline.get("subject_modals", ())),
    )
