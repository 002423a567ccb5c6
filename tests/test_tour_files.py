"""Hostile tour files (issue 13, point 7): each is one TourError line naming the file, within a bound
on time and memory, never MemoryError, RecursionError, ValueError, TypeError or OverflowError."""

from __future__ import annotations

import json
import time
import tracemalloc

import pytest

from render.tour import TourError, dumps_tour, load_tour, loads_tour, Tour, TourStep

BILLION_LAUGHS = "\n".join(
    ["a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{','.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    + ["steps: [*i]"])


def _step(**fields) -> dict:
    return {"id": "s1", "kind": "custom", "title": "标题", **fields}


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


# (id, content, format, words of the one-line error)
CASES = [
    ("billion-laughs", BILLION_LAUGHS, "yaml", "YAML aliases (*name) are not allowed"),
    ("deep-yaml", "steps: " + "[" * 5000 + "]" * 5000, "yaml", "nested more than 20 levels deep"),
    ("deep-json", '{"steps": ' + "[" * 100_000 + "]" * 100_000 + "}", "json", "nested more than 20 levels"),
    ("version-text", _json({"version": "x", "steps": []}), "json", "'version' must be a whole number"),
    ("version-huge", '{"version": 1e999, "steps": []}', "json", "'version' must be a whole number"),
    ("version-list", _json({"version": [1], "steps": []}), "json", "'version' must be a whole number"),
    ("title-list", _json({"title": ["a"], "steps": []}), "json", "'title' must be text"),
    ("lang-list", _json({"lang": ["zh"], "steps": []}), "json", "unknown language"),
    ("edge-types-map", _json({"steps": [_step(edge_types=[{"a": 1}])]}), "json", "must be a list of texts"),
    ("edge-types-text", _json({"steps": [_step(edge_types="INVOLVES")]}), "json", "'edge_types' must be a list"),
    ("node-ids-map", _json({"steps": [_step(node_ids={"a": 1})]}), "json", "'node_ids' must be a list"),
    ("kind-list", _json({"steps": [_step(kind=["custom"])]}), "json", "unknown kind"),
    ("skip-text", _json({"steps": [_step(skip="no")]}), "json", "'skip' must be true or false"),
    ("narrative-map", _json({"steps": [_step(narrative={"a": 1})]}), "json", "'narrative' must be text"),
    ("evidence-text-list", _json({"steps": [_step(evidence=[{"text": ["a"]}])]}), "json", "'text' must be text"),
    ("too-many-steps", _json({"steps": [_step(id=f"s{i}") for i in range(20_000)]}), "json", "over the 500 limit"),
    ("over-2MB", "title: " + "长" * 1_000_000, "yaml", "over the 2,097,152-byte limit"),
]


@pytest.mark.parametrize(("content", "fmt", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_hostile_tour_file_is_one_line_within_bounds(content, fmt, words):
    tracemalloc.start()
    start = time.monotonic()
    try:
        with pytest.raises(TourError) as err:
            loads_tour(content, fmt, "evil.tour")
        seconds = time.monotonic() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    message = str(err.value)
    assert message.startswith("evil.tour: ") and words in message and "\n" not in message, message
    assert len(message) < 400
    assert seconds < 30 and peak < 300 * 1024 * 1024, (seconds, peak)


def test_duplicate_ids_are_found_in_one_pass():
    steps = [_step(id=f"s{i % 250}") for i in range(500)]
    with pytest.raises(TourError, match=r"step id\(s\) used twice: s0, s1, s10"):
        loads_tour(_json({"steps": steps}), "json", "dupes.json")


def test_the_products_own_export_still_loads():
    tour = Tour("导览", (TourStep("a", "custom", "第一步", "说明", ("actor:企业",), skip=True),), "doc:x", "zh")
    for fmt in ("yaml", "json"):
        assert loads_tour(dumps_tour(tour, fmt), fmt, f"t.{fmt}") == tour


def test_a_device_or_fifo_named_like_a_tour_is_refused_at_once(tmp_path):
    import os

    fifo = tmp_path / "tour.yaml"
    os.mkfifo(fifo)
    with pytest.raises(TourError, match="not a regular file"):
        load_tour(fifo)
