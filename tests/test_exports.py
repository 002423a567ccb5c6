"""Exports: Gephi files, tables, pictures, handouts and the `python -m graph export` command."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import networkx as nx
import numpy as np
import pytest
import workshop_graph as wg
from cli_runner import run_main
from openpyxl import load_workbook
from PIL import Image

from policykg.cli import main as graph_cli_main
from policykg.export_cli import main as export_main
from render import exports, fonts, gephi, handout, layout, picture, scenes, tables
from graph.convert import from_networkx
from graph.index import GraphIndex
from render.tour import default_tour, node_label, save_tour, update_step

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"


@pytest.fixture(scope="module")
def fixture_graph():
    return wg.build()



def _cjk(text: str) -> bool:
    return any("\u4e00" <= c <= "\u9fff" for c in text)


# ---------------------------------------------------------------- Gephi

@pytest.mark.parametrize("which", ["fixture_graph", "seed_graph"])
def test_graphml_and_gexf_read_back_with_the_same_counts(request, which):
    graph = request.getfixturevalue(which)
    for content, read in ((gephi.graphml_bytes(graph), nx.read_graphml),
                          (gephi.gexf_bytes(graph), nx.read_gexf)):
        back = read(io.BytesIO(content))
        assert back.number_of_nodes() == len(graph.nodes)
        assert back.number_of_edges() == len(graph.edges)


def test_graphml_lists_travel_as_json_and_numbers_stay_numbers(fixture_graph):
    back = nx.read_graphml(io.BytesIO(gephi.graphml_bytes(fixture_graph)))
    policy = back.nodes[wg.DOC]
    assert json.loads(policy["issuers"]) == ["中共浙江省委办公厅", "浙江省人民政府办公厅"]
    measure = back.nodes[wg._measure_id(4, 5)]
    assert measure["number"] == 5 and measure["label"] == "5. 健全平台经济公平竞争规则"
    edges = {(u, v, d["label"]): d for u, v, d in back.edges(data=True)}
    ref = edges[(wg._measure_id(4, 5), wg._measure_id(5, 8), "CROSS_REFERENCES")]
    assert json.loads(ref["shared"]) == ["actor:省市场监管局", "law:反垄断法"] and ref["weight"] == 2
    cites = edges[(wg._measure_id(4, 5), "law:反垄断法", "CITES")]
    assert json.loads(cites["span"]) == [2050, 2058] and cites["evidence"].startswith("全面落实《反垄断法》")


def test_gexf_keeps_the_relation_out_of_the_reserved_edge_type(fixture_graph):
    root = ET.fromstring(gephi.gexf_bytes(fixture_graph))
    ns = {"g": root.tag.split("}")[0].strip("{")}
    edges = root.findall(".//g:edge", ns)
    assert {e.get("label") for e in edges} >= {"CITES", "INVOLVES", "BUILDS"}
    assert all(e.get("type") in (None, "directed", "undirected", "mutual") for e in edges)
    assert len({e.get("id") for e in edges}) == len(edges)


def test_mixed_attribute_types_become_one_type():
    g = nx.MultiDiGraph()
    g.add_node("a", type="Measure", name="甲", number=1)
    g.add_node("b", type="Measure", name="乙", number="一")
    g.add_edge("a", "b", key="CROSS_REFERENCES", type="CROSS_REFERENCES", doc_id="d", weight=1)
    g.add_edge("b", "a", key="CROSS_REFERENCES", type="CROSS_REFERENCES", doc_id="d", weight=0.5)
    scalar = gephi.scalar_graph(from_networkx(g))
    assert {type(d["number"]) for _, d in scalar.nodes(data=True)} == {str}
    assert {type(d["weight"]) for *_, d in scalar.edges(data=True)} == {float}
    back = nx.read_graphml(io.BytesIO(gephi.graphml_bytes(from_networkx(g))))
    assert back.number_of_edges() == 2


# ---------------------------------------------------------------- tables

def test_csv_files_hold_every_node_and_edge_with_chinese_readable_in_excel(fixture_graph):
    files = tables.csv_files(fixture_graph)
    assert set(files) == {"nodes.csv", "edges.csv"}
    for name, count in (("nodes.csv", len(fixture_graph.nodes)), ("edges.csv", len(fixture_graph.edges))):
        raw = files[name]
        assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 Chinese correctly
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
        assert len(rows) == count
    nodes = list(csv.DictReader(io.StringIO(files["nodes.csv"].decode("utf-8-sig"))))
    assert list(nodes[0])[:4] == ["id", "type", "name", "label"]
    assert {r["name"] for r in nodes} >= {"平台企业", "反垄断法"}
    with zipfile.ZipFile(io.BytesIO(tables.csv_zip(fixture_graph))) as zf:
        assert sorted(zf.namelist()) == ["edges.csv", "nodes.csv"]


def test_xlsx_opens_with_openpyxl(seed_graph, tmp_path):
    path = tmp_path / "graph.xlsx"
    path.write_bytes(tables.xlsx_bytes(seed_graph))
    wb = load_workbook(path, read_only=True)
    assert wb.sheetnames == ["nodes", "edges"]
    nodes = list(wb["nodes"].values)
    edges = list(wb["edges"].values)
    assert len(nodes) == len(seed_graph.nodes) + 1 and len(edges) == len(seed_graph.edges) + 1
    assert nodes[0][:3] == ("id", "type", "name") and edges[0][:3] == ("source", "target", "type")
    assert any(_cjk(str(row[2])) for row in nodes[1:])


def test_csv_paths_for_a_file_and_a_folder(tmp_path):
    assert exports.csv_paths(tmp_path / "out.csv") == {".nodes.csv": tmp_path / "out.nodes.csv",
                                                        ".edges.csv": tmp_path / "out.edges.csv"}
    assert exports.csv_paths(tmp_path)[".nodes.csv"] == tmp_path / "nodes.csv"


# ---------------------------------------------------------------- pictures

def _background_share(img: Image.Image, box: tuple[float, float, float, float], bg=(255, 255, 255)) -> float:
    x0, y0, x1, y1 = (round(v) for v in box)
    crop = np.asarray(img.crop((max(0, x0), max(0, y0), min(img.width, x1), min(img.height, y1))))
    return float((crop == np.array(bg)).all(axis=-1).mean()) if crop.size else 1.0


@pytest.mark.parametrize("size", [(1600, 900), (1024, 768), (640, 480)])
def test_png_has_the_requested_size_and_ink_where_the_labels_are(seed_graph, size):
    idx = GraphIndex(seed_graph)
    step = default_tour(idx).step("measure")
    sc = scenes.step_scene(idx, step, width=size[0], height=size[1])
    img = Image.open(io.BytesIO(picture.png_bytes(sc))).convert("RGB")
    assert img.size == size
    assert sc.nodes and all(_cjk("".join(n.lines)) for n in sc.nodes)
    for node in sc.nodes:
        assert _background_share(img, node.box) < 0.97, node.id  # text drawn inside the label box
    # and the corners, away from every node, stay background
    assert img.getpixel((2, size[1] // 2)) == (255, 255, 255)


def test_dark_theme_png_is_dark_with_light_labels(fixture_graph):
    idx = GraphIndex(fixture_graph)
    sc = scenes.step_scene(idx, default_tour(idx).step("systems"), width=800, height=450, theme="dark")
    img = Image.open(io.BytesIO(picture.png_bytes(sc))).convert("RGB")
    assert img.getpixel((1, 1)) == (0, 0, 0)
    box = sc.nodes[0].box
    crop = np.asarray(img.crop(tuple(int(v) for v in box))).astype(int)
    assert crop.sum(axis=-1).max() > 600  # white-ish text on black


def test_svg_is_valid_sized_and_carries_the_chinese_labels(fixture_graph):
    idx = GraphIndex(fixture_graph)
    step = default_tour(idx).step("system-4")
    svg = picture.svg_text(scenes.step_scene(idx, step, width=1200, height=700))
    root = ET.fromstring(svg)
    assert root.get("width") == "1200" and root.get("height") == "700"
    texts = "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert step.title in texts
    assert "健全平台经济公平竞争规则"[:4] in texts and "规则体系" in texts
    assert "Noto Sans CJK SC" in root.get("font-family")


def test_layout_is_deterministic_and_inside_the_picture(seed_graph):
    idx = GraphIndex(seed_graph)
    a = scenes.scene(idx, width=1000, height=700)
    b = scenes.scene(idx, width=1000, height=700)
    assert [(n.id, n.x, n.y) for n in a.nodes] == [(n.id, n.x, n.y) for n in b.nodes]
    for n in a.nodes:
        assert 0 <= n.box[0] and n.box[2] <= 1000 and 0 <= n.y - n.r and n.box[3] <= 700, n.id


def test_focus_sits_amid_its_neighbours_in_a_radial_layout():
    pos = layout.layout(["c", "a", "b", "d"], [("c", "a"), ("c", "b"), ("c", "d")], focus="c")
    others = [pos[i] for i in "abd"]
    centre = (sum(x for x, _ in others) / 3, sum(y for _, y in others) / 3)
    assert pos["c"] == pytest.approx(centre, abs=1e-9)
    assert all(-1 - 1e-9 <= v <= 1 + 1e-9 for p in pos.values() for v in p)  # spread to fill the picture
    assert min(y for _, y in pos.values()) == pytest.approx(-1) and max(y for _, y in pos.values()) == pytest.approx(1)


def test_wrap_keeps_lines_within_width_and_marks_cuts():
    lines = fonts.wrap("增强创新发展动能，着力构建更具活力的创新体系", 24, 200)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(fonts.text_width(line, 24) <= 200 for line in lines)
    assert fonts.wrap("平台企业", 24, 200) == ("平台企业",)


def test_picture_size_limits_and_unknown_formats(fixture_graph):
    with pytest.raises(exports.ExportError, match="out of range"):
        scenes.scene(GraphIndex(fixture_graph), width=50, height=50)
    with pytest.raises(exports.ExportError, match="unknown export format"):
        exports.export_bytes(fixture_graph, "bmp")
    with pytest.raises(exports.ExportError, match="no step 'nope'"):
        exports.export_bytes(fixture_graph, "png", tour=default_tour(GraphIndex(fixture_graph)), step="nope")


def test_a_failed_write_leaves_nothing_behind(tmp_path):
    target = tmp_path / "missing-dir-file"
    target.write_text("x")
    with pytest.raises(exports.ExportError, match="cannot write"):
        exports.write_atomic(target / "sub" / "out.png", b"data")  # a file where a folder should be
    assert sorted(p.name for p in tmp_path.iterdir()) == ["missing-dir-file"]


# ---------------------------------------------------------------- handouts

def test_handout_pages_cover_systems_then_their_measures(seed_graph):
    idx = GraphIndex(seed_graph)
    pages = handout.default_pages(idx)
    systems = [p for p in pages if idx.nodes[p].label.value == "TargetSystem"]
    assert len(systems) == 5 and pages[0] == systems[0]
    assert len(pages) == 5 + len(idx.of_doc(idx.nodes[pages[1]].label, default_tour(idx).doc_id))


def test_handout_html_has_picture_actors_laws_and_evidence(seed_graph):
    idx = GraphIndex(seed_graph)
    measure = default_tour(idx).step("measure").focus
    system = handout.default_pages(idx)[0]
    page = handout.handout_html(idx, [system, measure])
    assert page.count('<section class="page">') == 2
    assert page.count("<svg") == 2 and "http" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    for e, n in idx.entities(measure):
        if e.type.value in ("INVOLVES", "CITES"):
            assert node_label(n) in page
    cites = [e for e in idx.out_edges(measure) if e.type.value == "CITES"]
    assert cites and all(e.evidence.replace("《", "").replace("》", "")[:10] in
                         page.replace("《", "").replace("》", "") for e in cites)
    assert node_label(idx.nodes[system]) in page


@pytest.mark.browser
def test_handout_pdf_is_printed_by_headless_chromium(fixture_graph, tmp_path):
    from pypdf import PdfReader

    idx = GraphIndex(fixture_graph)
    pages = handout.default_pages(idx)[:2]
    out = handout.html_to_pdf(handout.handout_html(idx, pages), tmp_path / "handout.pdf", timeout=180)
    reader = PdfReader(out)
    assert len(reader.pages) >= 2  # one page (at least) per handout page
    first = reader.pages[0].extract_text()
    assert "创新体系" in first


def test_pdf_without_chromium_is_one_clear_line(tmp_path):
    with pytest.raises(handout.HandoutError, match="cannot run"):
        handout.html_to_pdf("<html></html>", tmp_path / "x.pdf", chromium=str(tmp_path / "no-chromium"))
    assert not (tmp_path / "x.pdf").exists()


# ---------------------------------------------------------------- the command line

@pytest.mark.parametrize("fmt, name", [("graphml", "g.graphml"), ("gexf", "g.gexf"), ("xlsx", "g.xlsx"),
                                       ("svg", "g.svg"), ("png", "g.png"), ("html", "g.html"),
                                       ("handout", "h.html"), ("tour", "t.yaml")])
def test_cli_writes_each_format(tmp_path, capsys, fmt, name):
    out = tmp_path / name
    assert export_main([str(SEED), "--format", fmt, "--out", str(out), "--width", "800", "--height", "600"]) == 0
    assert out.is_file() and out.stat().st_size > 0
    assert capsys.readouterr().out.strip() == str(out)


def test_cli_csv_writes_two_tables(tmp_path, capsys):
    assert export_main([str(SEED), "--format", "csv", "--out", str(tmp_path / "seed.csv")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seed.edges.csv", "seed.nodes.csv"]


def test_cli_png_of_a_step_from_an_edited_tour_file(tmp_path, seed_graph):
    tour = update_step(default_tour(GraphIndex(seed_graph)), "measure", title="本次重点")
    save_tour(tour, tmp_path / "tour.yaml")
    out = tmp_path / "step.svg"
    assert export_main([str(SEED), "--format", "svg", "--tour", str(tmp_path / "tour.yaml"), "--step", "measure",
                        "--out", str(out)]) == 0
    assert "本次重点" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("args, code, fragment", [
    (["nope.txt", "--format", "png", "--out", "x.png"], 1, "nope.txt: no such file"),
    ([str(SEED), "--format", "bmp", "--out", "x.bmp"], 2, "invalid choice"),
    ([str(SEED), "--out", "x.png"], 2, "--format"),
    ([str(SEED), "--format", "png", "--step", "nope", "--out", "x.png"], 1, "no step 'nope'"),
    ([str(SEED), "--format", "png", "--width", "10", "--out", "x.png"], 1, "out of range"),
    ([str(SEED), "--format", "pdf", "--pages", "law:nope", "--out", "x.pdf"], 1, "law:nope"),
    ([str(SEED), "--format", "html", "--tour", "missing.yaml", "--out", "x.html"], 1, "missing.yaml"),
])
def test_cli_errors_are_one_line_and_non_zero(tmp_path, capsys, monkeypatch, args, code, fragment):
    monkeypatch.chdir(tmp_path)
    assert export_main(args) == code
    err = capsys.readouterr().err
    assert fragment in err and err.count("\n") == 1 and "Traceback" not in err
    assert not list(tmp_path.iterdir())


def test_cli_through_python_dash_m_graph(tmp_path):
    # The export itself runs in process (`python -m graph` is `policykg.cli.main`); the subprocess is the
    # cheap failing run, so the entry point is still started as a user starts it (issue 12).
    out = tmp_path / "seed.gexf"
    done = run_main(graph_cli_main, ["export", SEED, "--format", "gexf", "--out", out], text=True)
    assert done.returncode == 0, done.stderr
    assert nx.read_gexf(out).number_of_nodes() > 100
    bad = subprocess.run([sys.executable, "-m", "graph", "export", "nope.txt", "--format", "gexf", "--out", "x"],
                         cwd=tmp_path, capture_output=True, text=True, timeout=300,
                         env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}, check=False)
    assert bad.returncode == 1 and bad.stderr.count("\n") == 1 and "Traceback" not in bad.stderr
