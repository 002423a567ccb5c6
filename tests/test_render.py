"""Pure rendering helpers: graph HTML, colours, interface strings, highlighting."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from graph.model import EdgeType, Label
from render import colours, i18n
from render.highlight import escape_markdown, find_spans, highlight_html, legend_html, tree_html
from render.pyvis_html import (evidence_counts, graph_html, networkx_rows, policy_rows, scaled_sizes, script_json,
                               vis_assets)
from explorer_graph import IMG, SCRIPT, build

ROOT = Path(__file__).resolve().parent.parent
EXTERNAL = re.compile(r"""<(script|link|img|iframe)\b[^<>]{0,400}\b(src|href)\s*=\s*["']?\s*(https?:)?//""", re.I)


def _data(page: str, name: str):
    """The JSON literal passed to vis.DataSet / options in the page, decoded."""
    match = re.search(rf"var {name} = new vis\.DataSet\((.*?)\);\n", page)
    return json.loads(match.group(1))


def _options(page: str) -> dict:
    match = re.search(r"new vis\.Network\(container, \{nodes: nodes, edges: edges\}, (.*?)\);\n", page)
    return json.loads(match.group(1))


@pytest.fixture(scope="module")
def fixture_rows():
    return policy_rows(build())


# ---------------------------------------------------------------- graph HTML

def test_page_is_self_contained(fixture_rows):
    page = graph_html(*fixture_rows)
    js, css = vis_assets()
    assert js in page and css in page  # vis-network inlined, not linked
    assert not EXTERNAL.search(page)
    assert "<script src" not in page and "<link" not in page
    assert "bootstrap" not in page.lower()


def test_document_text_cannot_close_the_script(fixture_rows):
    page = graph_html(*fixture_rows)
    script_part = page.split("<script>", 2)[2]  # our data script, after the vis-network library
    assert SCRIPT not in page and IMG not in page
    assert "</script>" not in script_part.split("</script>")[0] + "x"  # exactly one closing tag ends it
    names = {n["id"]: n for n in _data(page, "nodes")}
    measure = next(n for n in names.values() if n["label"].startswith("降低经营成本"))
    assert IMG in measure["label"]  # decoded, the name is intact: drawn on canvas as text
    assert IMG in measure["title"]  # and the tooltip is a string, which vis-network shows as text


def test_tooltips_carry_name_type_english_and_evidence(fixture_rows):
    nodes, edges = fixture_rows
    page = graph_html(nodes, edges, lang="en")
    shown = {n["id"]: n for n in _data(page, "nodes")}
    tip = shown["actor:平台企业"]["title"].split("\n")
    assert tip[0] == "平台企业"
    assert tip[1] == "Type: Actor"
    assert tip[2] == "English: platform enterprises"
    expected = sum(1 for e in edges if e.get("evidence") and "actor:平台企业" in (e["source"], e["target"]))
    assert tip[3] == f"Evidence sentences: {expected}"
    assert shown["actor:平台企业"]["label"] == "platform enterprises"  # English label where known
    assert shown["actor:省市场监管局"]["label"] == "省市场监管局"  # Chinese where not


def test_colour_and_shape_follow_type_and_legend_lists_present_types(fixture_rows):
    nodes, edges = fixture_rows
    keep = [n for n in nodes if n["type"] in ("Actor", "Law", "Measure")]
    page = graph_html(keep, edges, lang="zh")
    for node in _data(page, "nodes"):
        original = next(n for n in keep if n["id"] == node["id"])
        assert node["shape"] == colours.shape_of(original["type"])
        assert node["color"]["background"] == colours.colour_of(original["type"])
    legend = page[page.index('<div id="legend"'):page.index('<div id="status"')]
    for label in ("主体", "法律法规", "举措", "涉及主体", "依据"):
        assert label in legend
    assert "目标体系" not in legend and "机制" not in legend


def test_edges_need_both_ends_and_take_type_colours(fixture_rows):
    nodes, edges = fixture_rows
    keep = [n for n in nodes if n["type"] != "Law"]
    page = graph_html(keep, edges)
    shown = _data(page, "edges")
    ids = {n["id"] for n in keep}
    assert len(shown) == sum(1 for e in edges if e["source"] in ids and e["target"] in ids)
    assert {e["color"]["color"] for e in shown} <= set(colours.EDGE_COLOURS.values())


def test_size_follows_centrality_and_focus_stands_out(fixture_rows):
    nodes, edges = fixture_rows
    centrality = {n["id"]: (1.0 if n["id"] == "actor:平台企业" else 0.0) for n in nodes}
    page = graph_html(nodes, edges, centrality=centrality, focus="law:数据安全法")
    shown = {n["id"]: n for n in _data(page, "nodes")}
    assert shown["actor:平台企业"]["size"] > shown["actor:金融机构"]["size"]
    assert shown["law:数据安全法"]["borderWidth"] > shown["actor:金融机构"]["borderWidth"]


def test_physics_and_hierarchical_options(fixture_rows):
    nodes, edges = fixture_rows
    free = _options(graph_html(nodes, edges, physics=True))
    assert free["physics"]["enabled"] is True and "hierarchical" not in free["layout"]
    frozen = graph_html(nodes, edges, physics=False)
    assert '"freeze": true' in frozen
    tree = _options(graph_html(nodes, edges, hierarchical=True, direction="UD"))
    assert tree["layout"]["hierarchical"]["enabled"] is True
    assert tree["layout"]["hierarchical"]["direction"] == "UD"
    assert tree["physics"]["enabled"] is False


def test_empty_graph_draws_a_message():
    page = graph_html([], [], lang="en")
    assert "Nothing to draw." in page


def test_script_json_round_trips_and_hides_markup():
    value = {"a": "</script><!-- & \u2028", "b": [1, "<x>"]}
    text = script_json(value)
    assert json.loads(text) == value
    assert not re.search(r"[<>&\u2028]", text)


def test_evidence_counts_and_sizes():
    edges = [{"source": "m", "target": "a", "evidence": "句"}, {"source": "m", "target": "b", "evidence": ""},
             {"source": "n", "target": "a", "evidence": "句"}]
    assert evidence_counts(edges) == {"m": 1, "a": 2, "n": 1}
    sizes = scaled_sizes(["a", "b"], {"a": 2.0, "b": 1.0})
    assert sizes["a"] > sizes["b"]


def test_networkx_rows_match_policy_rows():
    from graph.convert import to_networkx

    graph = build()
    nx_nodes, nx_edges = networkx_rows(to_networkx(graph))
    pg_nodes, pg_edges = policy_rows(graph)
    assert {n["id"] for n in nx_nodes} == {n["id"] for n in pg_nodes}
    assert len(nx_edges) == len(pg_edges)


# ---------------------------------------------------------------- colours

def test_every_type_has_a_distinct_look():
    looks = {(colours.colour_of(label.value), colours.shape_of(label.value)) for label in Label}
    assert len(looks) == len(Label)
    assert all(edge.value in colours.EDGE_COLOURS for edge in EdgeType)
    assert colours.colour_of("Unknown") == colours.DEFAULT_NODE_STYLE["colour"]


def test_highlight_colour_is_a_lighter_tint():
    for label in Label:
        dark = int(colours.colour_of(label.value)[1:], 16)
        light = int(colours.highlight_colour_of(label.value)[1:], 16)
        assert sum((light >> s) & 255 for s in (0, 8, 16)) > sum((dark >> s) & 255 for s in (0, 8, 16))


# ---------------------------------------------------------------- interface strings

def test_every_string_has_both_languages():
    for key, entry in i18n.strings().items():
        assert set(entry) == set(i18n.LANGS), key
        assert all(entry[lang].strip() for lang in i18n.LANGS), key


def test_every_type_and_edge_has_names():
    for label in Label:
        assert f"type.{label.value}" in i18n.strings(), label
        assert i18n.type_name(label.value, "zh") != label.value
    for edge in EdgeType:
        assert i18n.edge_name(edge.value, "zh") != edge.value
        assert f"rel.{edge.value}" in i18n.strings()


def test_every_key_the_app_uses_exists():
    used = set()
    for path in [ROOT / "streamlit_app.py", *sorted((ROOT / "app_pages").glob("*.py"))]:
        used |= set(re.findall(r"""\btr\(\s*["']([a-z_][\w.]*)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in i18n.strings())
    assert used and not missing


def test_all_files_are_merged_flat_or_nested(tmp_path):
    (tmp_path / "a.yaml").write_text("x:\n  y: {zh: 甲, en: A}\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("z.w: {zh: 乙, en: B}\n", encoding="utf-8")
    merged = i18n.strings(str(tmp_path))
    assert merged == {"x.y": {"zh": "甲", "en": "A"}, "z.w": {"zh": "乙", "en": "B"}}
    (tmp_path / "c.yaml").write_text("bad: 3\n", encoding="utf-8")
    with pytest.raises(ValueError, match="c.yaml"):
        i18n.strings.__wrapped__(str(tmp_path))


def test_t_formats_and_falls_back():
    assert i18n.t("paths.found", "en", count=2, steps=3) == "2 shortest path(s) of 3 step(s)."
    assert i18n.t("missing.key", "en") == "missing.key"
    assert i18n.t("nav.explore", "fr") == i18n.t("nav.explore", "zh")


def test_node_labels_use_english_only_where_known():
    row = {"name": "金融机构", "name_en": "financial institutions"}
    assert i18n.node_label(row, "en") == "financial institutions"
    assert i18n.node_label(row, "zh") == "金融机构"
    assert i18n.node_caption({"name": "省市场监管局"}, "en") == "省市场监管局"


# ---------------------------------------------------------------- highlighting

def test_find_spans_prefers_longest_and_never_overlaps():
    spans = find_spans("落实数据安全法，保障数据安全", [("数据安全", "Concept"), ("数据安全法", "Law")])
    assert spans == [(2, 7, "Law"), (10, 14, "Concept")]


def test_highlight_escapes_text_and_terms():
    html = highlight_html(f"平台企业{SCRIPT}与<b>金融机构</b>", [("平台企业", "Actor"), ("金融机构", "Actor")], "zh")
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;" in html and "&lt;b&gt;" in html
    assert html.count("<mark") == 2
    assert colours.highlight_colour_of("Actor") in html


def test_highlight_terms_with_markup_are_escaped_too():
    html = highlight_html(f"降低{IMG}成本", [(IMG, "Concept")], "en")
    assert IMG not in html and "&lt;img src=x onerror=alert(1)&gt;</mark>" in html


def test_legend_names_types_in_the_language():
    assert "Actor" in legend_html(["Actor"], "en") and "主体" in legend_html(["Actor"], "zh")


def test_tree_nests_children_under_parents_and_escapes():
    root = {"id": "m", "type": "Measure", "name": "举措"}
    rows = [{"id": "s", "type": "Section", "name": "章节", "parent": "m", "depth": 1, "edge_type": "HAS_MEASURE"},
            {"id": "p", "type": "Part", "name": SCRIPT, "parent": "s", "depth": 2, "edge_type": "HAS_SECTION"}]
    html = tree_html(root, rows, "zh", upstream=True)
    assert html.index("章节") < html.index("&lt;script&gt;")
    assert SCRIPT not in html
    assert html.count("<details") == 2  # root and the section have children
    assert "← " in html


def test_escape_markdown_shows_markup_literally():
    assert escape_markdown("**粗** <i>") == "\\*\\*粗\\*\\* \\<i\\>"
    assert escape_markdown(":orange[x]") == "\\:orange\\[x\\]"


def test_hierarchical_layout_draws_labelled_boxes(fixture_rows):
    nodes, edges = fixture_rows
    page = graph_html(nodes, edges, hierarchical=True)
    shown = _data(page, "nodes")
    assert {n["shape"] for n in shown} == {"box"}
    policy = next(n for n in shown if n["id"].startswith("doc:") and "/" not in n["id"])
    assert policy["font"]["color"] == "#ffffff"  # light text on the dark policy colour


def test_given_positions_are_drawn_as_placed_without_a_simulation():
    nodes = [{"id": "a", "type": "Policy", "name": "甲"}, {"id": "b", "type": "Policy", "name": "乙"},
             {"id": "c", "type": "Policy", "name": "丙"}]
    edges = [{"source": "a", "target": "b", "type": "CITES"}]
    page = graph_html(nodes, edges, positions={"a": (-1.0, 0.5), "b": (1.0, -0.5)})
    placed = {n["id"]: (n.get("x"), n.get("y")) for n in _data(page, "nodes")}
    spread = 60 * 3 ** 0.5  # POSITION_SPREAD_PX times the square root of the node count
    assert placed == {"a": (round(-spread, 1), round(0.5 * spread, 1)),
                      "b": (round(spread, 1), round(-0.5 * spread, 1)),
                      "c": (None, None)}  # a node without a position is left to vis-network
    assert _options(page)["physics"] == {"enabled": False}
    assert '"simulate": false' in page and '"fit": true' in page
    free = graph_html(nodes, edges)
    assert _options(free)["physics"]["enabled"] is True and '"simulate": true' in free
