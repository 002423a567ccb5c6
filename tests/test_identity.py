"""Document identity: issuer + number (or issuer + title + date, else a content hash)."""

from __future__ import annotations

from pathlib import Path

from graph.model import Label
from loaders import load_paths

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"
TITLE = "关于促进平台经济规范健康持续发展的实施意见"
BODY = "\n为推动平台经济发展，提出如下意见。\n一、主要举措\n1.支持平台企业创新。鼓励{who}平台企业加大研发投入。\n"


def province(name: str, number: str) -> str:
    return f"{name}人民政府办公厅\n{TITLE}\n{number}\n" + BODY.format(who=name)


def test_two_provinces_with_the_same_title_stay_two_documents(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(province("河南省", "豫政办〔2022〕53号"), encoding="utf-8")
    b.write_text(province("湖北省", "鄂政办发〔2022〕12号"), encoding="utf-8")
    graph = load_paths([a, b])
    assert sorted(d.id for d in graph.documents) == [
        "doc:河南省人民政府办公厅:豫政办〔2022〕53号", "doc:湖北省人民政府办公厅:鄂政办发〔2022〕12号"]
    assert len(graph.nodes_of(Label.MEASURE)) == 2
    assert not any(w for d in graph.documents for w in d.warnings if "differ" in w)


def test_one_document_in_gb18030_and_utf8_is_one_document(tmp_path):
    text = SEED.read_text(encoding="utf-8")
    utf8, gb = tmp_path / "seed-utf8.txt", tmp_path / "seed-gb.txt"
    utf8.write_bytes(text.encode("utf-8"))
    gb.write_bytes(text.replace("，", ",").encode("gb18030"))  # half-width commas too
    graph = load_paths([utf8, gb])
    assert len(graph.documents) == 1
    assert len(graph.nodes_of(Label.MEASURE)) == 25


def test_conflicting_id_warns_naming_both_files_and_keeps_both(tmp_path):
    a, b = tmp_path / "first.txt", tmp_path / "second.txt"
    a.write_text(province("河南省", "豫政办〔2022〕53号"), encoding="utf-8")
    b.write_text(province("河南省", "豫政办〔2022〕53号").replace("加大研发投入", "开展国际合作"), encoding="utf-8")
    graph = load_paths([a, b])
    assert len(graph.documents) == 2
    warnings = [w for d in graph.documents for w in d.warnings if "differ" in w]
    assert len(warnings) == 1 and str(a) in warnings[0] and str(b) in warnings[0]
    texts = {n.attrs["text"] for n in graph.nodes_of(Label.MEASURE)}
    assert len(texts) == 2  # nothing was replaced


def test_ids_are_deterministic_across_loads(tmp_path):
    path = tmp_path / "x.txt"
    path.write_text("一段没有标题的说明文字。", encoding="utf-8")
    assert load_paths([path]).documents[0].id == load_paths([path]).documents[0].id
    assert load_paths([path]).documents[0].id.startswith("doc:#")
