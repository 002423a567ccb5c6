"""Word lists of the actor grammar (`data/lexicon/grammar.yaml`), compiled once."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Mapping

from loaders.lexicon import LEXICON_DIR, _alternation, load_yaml
from loaders.scan import anchor

CJK = "\u4e00-\u9fff"
ACTOR_HEAD_MAX = 12  # characters of an actor's name before its actor word (…企业)


@dataclass(frozen=True)
class Grammar:
    left_cut_re: re.Pattern[str]  # in a phrase written backwards, its first cut word: the last one to end
    not_cuts_re: re.Pattern[str]  # words that hold a cut word but never cut a name
    verb_heads: tuple[str, ...]
    alias_markers: tuple[str, ...]
    actor_suffixes: Mapping[str, str]  # name ending -> actor kind
    actor_suffix_re: re.Pattern[str]
    actor_suffix_anchor_re: re.Pattern[str]  # where an actor word starts: actor_suffix_re is tried near one
    created_by_re: re.Pattern[str]
    created_after: tuple[str, ...]
    mention_before_re: re.Pattern[str]
    mention_after_re: re.Pattern[str]
    mechanism_cut_re: re.Pattern[str]  # matches up to the last word that introduces a mechanism's name
    mechanism_not_cuts_re: re.Pattern[str]  # words that hold a mechanism cut word but never cut there
    mechanism_lead_re: re.Pattern[str]  # the verbs at the start of a mechanism's name
    mechanism_empty_heads: frozenset[str]  # what before 制度/机制 names nothing (有关, 相应)
    programme_not_within_re: re.Pattern[str]  # 承揽信息工程: a name holding these is no programme


def normalised(value, normalise):
    """Every string of a YAML tree normalised like document text, so spellings match."""
    if isinstance(value, str):
        return normalise(value)
    if isinstance(value, list):
        return [normalised(v, normalise) for v in value]
    if isinstance(value, dict):
        return {normalised(k, normalise): normalised(v, normalise) for k, v in value.items()}
    return value


def read_yaml(name: str):
    """A lexicon file with its strings normalised."""
    from loaders.reading import normalise

    with (LEXICON_DIR / name).open(encoding="utf-8") as fh:
        return normalised(load_yaml(fh), normalise)


def alt(words) -> str:
    """A regex alternation of `words`, longest first (never matches when empty)."""
    pattern = _alternation(words)
    return pattern.pattern if pattern else "(?!)"


@lru_cache(maxsize=1)
def load_grammar() -> Grammar:
    data = read_yaml("grammar.yaml")
    suffixes = dict(data["actor_suffixes"])
    clause = "[^，；。：]"
    return Grammar(
        left_cut_re=re.compile(rf"[，。；：、“”‘’（）《》\s]|{alt(w[::-1] for w in data['left_cut'])}"),
        not_cuts_re=re.compile(alt(data["not_cuts"])),
        verb_heads=tuple(data["verb_heads"]),
        alias_markers=tuple(data["alias_markers"]),
        actor_suffixes=suffixes,
        actor_suffix_re=re.compile(rf"[{CJK}]{{1,{ACTOR_HEAD_MAX}}}?(?P<suffix>{alt(suffixes)})"),
        actor_suffix_anchor_re=anchor(alt(suffixes), (w[0] for w in suffixes)),
        created_by_re=re.compile(rf"(?:{alt(data['created_by'])}){clause}*$"),
        # 贯彻落实党中央、国务院…: the cue, then perhaps other names of the same list.
        created_after=tuple(data['created_after']),
        mention_before_re=re.compile(rf"(?:{alt(data['mention_before'])})(?:{clause}{{0,20}}[、和及与])?$"),
        mention_after_re=re.compile(rf"(?:[、和及与]{clause}{{1,20}}?)*?的?(?:{alt(data['mention_after'])})"),
        mechanism_cut_re=re.compile(rf".*(?:{alt(data['mechanism_cut'])})", re.S),
        mechanism_not_cuts_re=re.compile(alt(data["mechanism_not_cuts"])),
        mechanism_lead_re=re.compile(rf"^(?:{alt(data['mechanism_lead'])})+"),
        mechanism_empty_heads=frozenset(data["mechanism_empty_heads"]),
        programme_not_within_re=re.compile(alt(data["programme_not_within"])),
    )
