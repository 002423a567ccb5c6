"""Nothing lost from a .docx (issue 13, point 4): every table row once, in document order, and the
page headers and footers. Documents are built here with python-docx."""

from __future__ import annotations

import io

import docx
import pytest

from loaders.reading import FURNITURE, read_bytes

TASKS = [(f"{i}", f"推进第{i}项重点任务建设", f"省发展改革委{'、省商务厅' * (i % 3)}") for i in range(1, 21)]


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _task_table_docx(rows: list[tuple[str, str, str]]) -> bytes:
    document = docx.Document()
    document.add_paragraph("附件：重点任务分工表")
    table = document.add_table(rows=len(rows) + 1, cols=3)
    for cell, text in zip(table.rows[0].cells, ("序号", "重点任务", "牵头单位")):
        cell.text = text
    for row, values in zip(table.rows[1:], rows):
        for cell, text in zip(row.cells, values):
            cell.text = text
    document.add_paragraph("各地各部门要抓好落实。")
    return _save(document)


def test_a_21_by_3_task_table_keeps_every_row_in_order():
    text = read_bytes(_task_table_docx(TASKS), "分工表.docx").text
    assert text.split("\n\n") == ["附件：重点任务分工表", "序号\t重点任务\t牵头单位",
                                  *("\t".join(row) for row in TASKS), "各地各部门要抓好落实。"]


@pytest.mark.slow
def test_a_3000_row_table_keeps_every_row():
    rows = [(f"{i}", f"任务{i}", f"单位{i % 7}") for i in range(1, 3001)]
    paragraphs = read_bytes(_task_table_docx(rows), "大表.docx").text.split("\n\n")
    assert paragraphs[2:-1] == ["\t".join(row) for row in rows]


def test_merged_cells_are_read_once_in_their_first_row():
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "重点任务"  # across the columns
    table.cell(1, 0).merge(table.cell(2, 0)).text = "数字经济"  # down the rows
    for r, c, text in ((1, 1, "任务一"), (1, 2, "省经信厅"), (2, 1, "任务二"), (2, 2, "省发展改革委")):
        table.cell(r, c).text = text
    text = read_bytes(_save(document), "合并.docx").text
    assert text.split("\n\n") == ["重点任务", "数字经济\t任务一\t省经信厅", "任务二\t省发展改革委"]


def test_headers_and_footers_are_kept_as_set_aside_text():
    document = docx.Document()
    document.add_paragraph("一、总体要求")
    section = document.sections[0]
    section.header.paragraphs[0].text = "浙政办发〔2023〕1号"
    section.footer.paragraphs[0].text = "— 1 —"
    source = read_bytes(_save(document), "页眉.docx")
    assert source.text.split("\n\n") == ["一、总体要求", "浙政办发〔2023〕1号", "— 1 —"]
    assert [(source.text[s:e], reason) for s, e, reason in source.set_aside] == [
        ("浙政办发〔2023〕1号", FURNITURE), ("— 1 —", FURNITURE)]


def test_content_controls_are_read_in_place():
    """Agency templates wrap the number and the body in content controls (w:sdt)."""
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_paragraph("一、总体要求")
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    sdt = parse_xml(f'<w:sdt {w}><w:sdtContent><w:p><w:r><w:t>（一）控件中的举措。</w:t></w:r></w:p>'
                    f'</w:sdtContent></w:sdt>')
    document.add_paragraph("二、保障措施")._p.addprevious(sdt)
    text = read_bytes(_save(document), "控件.docx").text
    assert text.split("\n\n") == ["一、总体要求", "（一）控件中的举措。", "二、保障措施"]


def test_the_paragraph_limit_counts_what_reading_gives():
    """The limit is checked on a count taken before any text is read; it must count what reading
    returns: a paragraph, a table row (merged cells once), a paragraph inside a content control."""
    from docx.oxml import parse_xml

    from loaders.docx_text import _block_count, _paragraphs

    document = docx.Document(io.BytesIO(_task_table_docx(TASKS)))
    table = document.add_table(rows=3, cols=3)
    table.cell(1, 0).merge(table.cell(2, 0)).text = "数字经济"
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document.element.body.append(parse_xml(
        f'<w:sdt {w}><w:sdtContent><w:p/><w:p><w:r><w:t>举措</w:t></w:r></w:p></w:sdtContent></w:sdt>'))
    read = _paragraphs(document)
    assert len(read) == 1 + 21 + 1 + 3 + 2  # paragraph, table, paragraph, table, content control
    assert _block_count(document.element.body) == len(read)
