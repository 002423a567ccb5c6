"""anchored_finditer: the matches of finditer, found by trying the pattern only near its anchor words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import SEED, require

from loaders.bodies import BARE_FUNCTION_MAX, load_gazetteer
from loaders.entities import PROGRAMME_ANCHOR, PROGRAMME_NAME_MAX, PROGRAMME_RE
from loaders.grammar import ACTOR_HEAD_MAX, load_grammar
from loaders.reading import read_path
from loaders.scan import anchor, anchored_finditer

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
WORDS = re.compile(r"[a-z]{1,3}?(?:ab|b)")


@pytest.mark.parametrize("text, expected", [
    ("", []),
    ("xxab yb", ["xxab", "yb"]),
    ("zzzzb", ["zzzb"]),  # starts `reach` characters before its anchor, not earlier
    ("b b", []),  # an anchor with no room before it
    ("ab", ["ab"]),
    ("aab", ["aab"]),
    ("abab", ["ab", "ab"]),  # consumed text is not matched again
    ("xbab", ["xb", "ab"]),  # a later match right after the first
    ("xb zzzzzzzzb", ["xb", "zzzb"]),
])
def test_matches_are_those_of_finditer(text, expected):
    assert [m.group() for m in anchored_finditer(WORDS, anchor("ab|b", "ab"), text, 3)] == expected
    assert [m.group() for m in WORDS.finditer(text)] == expected


@pytest.mark.parametrize("pattern, first, text, starts", [
    ("ab|b", "ab", "xxab yb", [2, 3, 6]),  # overlapping starts all found (ab at 2, b at 3)
    ("局|管理局", "局管", "管理局局", [0, 2, 3]),
    ("x", "", "xxx", []),  # no first characters: no anchor
])
def test_anchor_finds_every_start(pattern, first, text, starts):
    assert [m.start() for m in anchor(pattern, first).finditer(text)] == starts


def _patterns():
    gaz, grammar = load_gazetteer(), load_grammar()
    return {
        "local bodies": (gaz.local_re, gaz.local_anchor_re, gaz.local_reach),
        "bare functional bodies": (gaz.bare_functional_re, gaz.bare_functional_anchor_re, BARE_FUNCTION_MAX),
        "pattern actors": (grammar.actor_suffix_re, grammar.actor_suffix_anchor_re, ACTOR_HEAD_MAX),
        "programmes": (PROGRAMME_RE, PROGRAMME_ANCHOR, PROGRAMME_NAME_MAX),
    }


def _same_matches(texts: list[str]) -> None:
    for name, (pattern, anchors, reach) in _patterns().items():
        for text in texts:
            expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
            found = [(m.span(), m.groups()) for m in anchored_finditer(pattern, anchors, text, reach)]
            assert found == expected, name


def test_the_loader_patterns_find_what_finditer_finds_in_the_seed():
    text = read_path(SEED).text
    _same_matches([text, *text.split("\n")])


def test_the_loader_patterns_find_what_finditer_finds_in_the_shared_corpus():
    require(SHARED.is_dir(), f"{SHARED} is absent")
    texts = [read_path(p).text for p in sorted(SHARED.glob("*.md")) + sorted(SHARED.glob("excerpts/*.txt"))
             if p.name.lower() != "readme.md"]
    _same_matches(texts)
