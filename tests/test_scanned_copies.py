"""Copies run through OCR or PDF-to-text read like the clean document: page numbers and running
headers repeated on every page are not text, and OCR's stand-ins (O for 0, . for 。, spaces between
every character) read as what they stand for. Synthetic text in the genre's shape."""

from __future__ import annotations

from loaders.pipeline import load_text
from loaders.reading import normalise
from graph.model import EdgeType, Label


def _articles(text: str) -> list[str]:
    return [n.attrs["text"] for n in load_text(text).nodes_of(Label.ARTICLE)]


def test_ocr_letter_o_inside_a_year_reads_as_zero():
    assert normalise("2O22年12月6日通过") == "2022年12月6日通过"
    assert normalise("2O23年5月1O日，浙政办发(2O23)12号") == "2023年5月10日，浙政办发（2023）12号"
    assert normalise("5O kg, 1O%, No 1O0") == "5O kg, 1O%, No 100"
    assert normalise("视野半径20o以下") == "视野半径20o以下"  # a small o is a degree sign
    assert normalise("二〇二二年，IO 设备，10 Oct") == "二〇二二年，IO 设备，10 Oct"


def test_ocr_half_width_full_stop_after_chinese_reads_as_a_full_stop():
    assert normalise("提高审批效率.加快建立中介超市.(某局牵头)\n1.推进改革") == "提高审批效率。加快建立中介超市。（某局牵头）\n1.推进改革"
    assert normalise("见 www.gov.cn 和附件1.xlsx") == "见 www.gov.cn 和附件1.xlsx"


def test_digits_spaced_out_with_the_characters_around_them_close_up():
    assert normalise("第 五 十 条 本 法 自 2 0 2 1 年 9 月 1 日 起 施 行 。") == "第五十条本法自2021年9月1日起施行。"
    assert normalise("表 合计 10 20 30") == "表合计 10 20 30"
    assert normalise("方 案 ( 2 0 2 3 — 2 0 2 5 年 )") == "方案（2023—2025年）"


def test_ocr_dash_for_the_stroke_one_of_a_heading_number_reads_as_one():
    text = "-、总体要求\n(-)指导思想。\n十-、保障措施\n第-条 为了规范。\n2021-2025年\n- 3 -"
    assert normalise(text) == "一、总体要求\n（一）指导思想。\n十一、保障措施\n第一条为了规范。\n2021-2025年\n- 3 -"


def test_taiwan_terms_of_a_traditional_copy_read_as_mainland_terms():
    assert normalise("加強演算法創新，保護智慧財產權，開放程式碼") == "加强算法创新，保护知识产权，开放代码"


LAW = "\n\n".join(f"第{n}条 某某机构应当依法开展某项工作，履行相应职责，保障当事人合法权益。\n（一）某项；\n（二）某项；\n"
                   f"（三）某项；\n（四）某项。" for n in "一二三四五六")


def test_page_x_of_y_footers_are_not_article_text():
    pages = LAW.replace("\n\n第三条", "\n\n第 1 页，共 3 页\n\n第三条").replace("\n\n第五条", "\n\n第2页 共3页\n\n第五条")
    assert _articles(pages) == _articles(LAW)


def test_a_running_header_repeated_on_every_page_is_not_article_text():
    text = "某某省某某条例\n\n" + LAW
    for n in "三五":
        text = text.replace(f"\n\n第{n}条", f"\n\n某某省某某条例\n\n第{n}条")
    texts = _articles(text)
    assert texts == _articles("某某省某某条例\n\n" + LAW)
    assert all("条例" not in t for t in texts)


POLICY = ("某市关于促进某产业发展的实施意见\n\n一、主要任务\n\n（一）增强创新动能，着力构建更具活力的创新体系\n\n"
          "1.支持企业科技创新。鼓励企业组建创新联合体，推动研发投入持续增长。\n\n"
          "（二）优化发展环境，着力构建公平透明的规则体系\n\n2.完善规则制度。健全公平竞争审查制度，规范市场秩序。")


def _sections(text: str) -> list[tuple[str, str, list[int]]]:
    g = load_text(text)
    has = [(e.source, e.target) for e in g.edges_of(EdgeType.HAS_MEASURE)]
    return [(n.attrs["title"], sorted(g.node(m).attrs["number"] for parent, m in has if parent == n.id))
            for n in g.nodes_of(Label.SECTION)]


def test_a_section_heading_cut_by_a_page_break_is_one_heading_again():
    cut = POLICY.replace("（一）增强创新动能，", "（一）增强创新动能，\n\n— 7 —\n\n")
    assert _sections(cut) == _sections(POLICY)
    assert _sections(cut)[0][0] == "增强创新动能，着力构建更具活力的创新体系"
