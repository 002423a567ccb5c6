"""No two node labels overlap on any default step of the presenter, as its slides draw them, nor in
the offline page.

The boxes are computed from what the slides (`slides_data`) and the page (`standalone_html`) receive
(positions, label lines, sizes, type scale) the way their scripts hand them to vis-network
(`slideNode` in render/templates/slide_style.js): each label centred under its node, `size + 3`
px below the centre, one line per ``\\n``, with the font's real metrics. The presenter shows steps at
large type (``font_scale`` 1.25) by default and at 1.0 when large type is off.
"""

from __future__ import annotations

import json
import re

import pytest

from app_pages import data
from loaders import load_paths
from render.fonts import text_width
from render.label_boxes import intersect
from render.standalone import slides_data, standalone_html
from render.tour import GraphIndex, default_tour

DEFAULT_STEPS = ["title", "systems", "system-1", "system-2", "system-3", "system-4", "system-5", "measure",
                 "cross-references", "actors"]


@pytest.fixture(scope="module", params=["slides", "page"])
def pages(request) -> dict[tuple[str, float], dict]:
    """The data of the seed's default tour, by (language, font scale): the presenter's slides, or the
    offline page."""
    idx = GraphIndex(load_paths(list(data.seed_paths())))
    out = {}
    for lang in ("zh", "en"):
        tour = default_tour(idx, lang=lang)
        for scale in (1.0, 1.25):
            if request.param == "slides":
                out[lang, scale] = json.loads(json.dumps(slides_data(idx, tour, lang=lang, font_scale=scale)))
                continue
            page = standalone_html(idx, tour, lang=lang, font_scale=scale)
            raw = re.search(r'id="workshop-data">(.*?)</script>', page, re.S).group(1)
            out[lang, scale] = json.loads(raw)
    return out


def drawn_boxes(page: dict, step: dict) -> dict[str, tuple[float, float, float, float]]:
    """Label boxes of `step` as the page's script draws them."""
    by_id = {n["id"]: n for n in page["nodes"]}
    font = round(page["fontSize"] * step["k"] * page["fontScale"])
    boxes = {}
    for node_id in step["nodes"]:
        node, (x, y) = by_id[node_id], step["pos"][node_id]
        size = node["size"] * page["nodeScale"] * max(step["k"], 0.6) * (1.2 if node_id == step["focus"] else 1)
        lines = node["label"].split("\n")
        width = max(text_width(line, font) for line in lines)
        top = y + size + 3
        boxes[node_id] = (x - width / 2, top, x + width / 2, top + len(lines) * font * 1.2)
    return boxes


def test_the_seed_tour_has_the_default_steps(pages):
    assert [s["id"] for s in pages["zh", 1.25]["steps"]] == DEFAULT_STEPS


@pytest.mark.parametrize("step_id", DEFAULT_STEPS)
@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("scale", [1.0, 1.25])
def test_no_label_box_intersects_another(pages, step_id, lang, scale):
    page = pages[lang, scale]
    step = next(s for s in page["steps"] if s["id"] == step_id)
    boxes = drawn_boxes(page, step)
    assert len(boxes) == len(step["nodes"]) >= 1
    clashes = [(a, b) for n, a in enumerate(boxes) for b in list(boxes)[n + 1:] if intersect(boxes[a], boxes[b])]
    assert not clashes, clashes


def test_english_slides_write_roles_and_relations_in_english(pages):
    edges = pages["en", 1.0]["edges"]
    roles = {e["role"] for e in edges if e.get("role")}
    assert roles and not [r for r in roles if re.search(r"[\u4e00-\u9fff]", r)], roles
    assert {e["typeName"] for e in edges if e["type"] == "INVOLVES"} == {"involves"}
    assert {e["role"] for e in pages["zh", 1.0]["edges"] if e.get("role")} & {"鼓励", "支持"}
