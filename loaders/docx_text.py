"""A .docx file -> its paragraphs in document order: body paragraphs, each table row as one
paragraph (cells joined by tabs, as the HTML reader does), and the page headers and footers.

The zip directory is checked before anything is unpacked: a small file that expands to hundreds
of megabytes is refused at once (`loaders.limits.MAX_UNPACKED_BYTES`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from loaders.errors import LoaderError
from loaders.limits import (
    MAX_UNPACKED_BYTES,
    MAX_UNPACKED_XML_BYTES,
    MAX_ZIP_ENTRIES,
    check_chars,
    check_paragraphs,
    size_text,
)

CELL_GAP = "\t"


@dataclass(frozen=True)
class DocxText:
    body: list[str]  # paragraphs and table rows, in document order
    furniture: list[str]  # header and footer paragraphs, each distinct one once


def check_zip(data: bytes, name: str) -> None:
    """LoaderError unless `data` is a zip whose parts unpack within the limits."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise LoaderError(name, "not a valid .docx file (not a zip archive)") from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise LoaderError(name, f"{len(entries):,} parts in the .docx, over the {MAX_ZIP_ENTRIES:,} limit")
    # zipfile never unpacks more than an entry's declared size (it stops there and checks the CRC),
    # so the declared sizes bound what unpacking costs.
    unpacked = sum(e.file_size for e in entries)
    xml = sum(e.file_size for e in entries if e.filename.lower().endswith((".xml", ".rels")))
    for size, limit, what in ((unpacked, MAX_UNPACKED_BYTES, ""), (xml, MAX_UNPACKED_XML_BYTES, " of XML")):
        if size > limit:
            raise LoaderError(name, f"unpacks to {size_text(size)}{what}, over the {size_text(limit)} "
                                    "limit for a .docx")


def docx_text(data: bytes, name: str) -> DocxText:
    """The text of a .docx; LoaderError for a damaged file or one over the limits."""
    import docx

    check_zip(data, name)
    try:
        document = docx.Document(io.BytesIO(data))
        # Counted before any text is read: reading a paragraph's text costs far more than counting it,
        # so a document over the limit is refused at once instead of after reading every paragraph.
        check_paragraphs(_block_count(document.element.body), name)
        body = _paragraphs(document)
        furniture = _furniture(document)
    except LoaderError:
        raise
    except Exception:  # python-docx raises zipfile, lxml, KeyError… on damaged input: one line for all
        raise LoaderError(name, "not a valid .docx file") from None
    check_paragraphs(len(body) + len(furniture), name)
    check_chars(sum(map(len, body)) + sum(map(len, furniture)), name)
    return DocxText(body, furniture)


def _paragraphs(container) -> list[str]:
    """Paragraph texts and table rows of `container` (a document, cell, header or footer) in order,
    content controls (``w:sdt``, common in agency templates) included: python-docx's
    ``iter_inner_content`` passes over them."""
    if hasattr(container, "element") and hasattr(container.element, "body"):
        element = container.element.body  # the document
    elif hasattr(container, "_tc"):
        element = container._tc  # a table cell
    else:
        element = container._element  # a header or footer
    return list(_blocks(element, container))


def _blocks(element, parent):
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, parent).text
        elif child.tag == qn("w:tbl"):
            yield from row_texts(Table(child, parent))
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                yield from _blocks(content, parent)


def _block_count(element) -> int:
    """How many texts `_blocks` yields for `element`, counted without reading them."""
    from docx.oxml.ns import qn

    count = 0
    for child in element.iterchildren():
        if child.tag == qn("w:p"):
            count += 1
        elif child.tag == qn("w:tbl"):
            count += len(child.findall(qn("w:tr")))
        elif child.tag in (qn("w:sdt"), qn("w:customXml")):
            content = child.find(qn("w:sdtContent")) if child.tag == qn("w:sdt") else child
            if content is not None:
                count += _block_count(content)
    return count


def row_texts(table) -> list[str]:
    """One line per table row: its cells' text joined by tabs. A cell merged across columns is one
    ``w:tc`` and is read once; a cell merged down the rows is read in its first row (the rows under
    it hold an empty continuation cell). Rows are walked in the XML, not through python-docx's
    ``row.cells``, which repeats merged cells."""
    from docx.table import _Cell

    rows = []
    for tr in table._tbl.tr_lst:
        cells = [_cell_text(_Cell(tc, table)) for tc in tr.tc_lst]
        rows.append(CELL_GAP.join(c for c in cells if c))
    return rows


def _cell_text(cell) -> str:
    """A cell's paragraphs (and nested tables' rows) as one line."""
    return " ".join(p.strip() for p in _paragraphs(cell) if p.strip())


def _furniture(document) -> list[str]:
    """Header and footer paragraphs of every section (first-page and even-page variants too), each
    distinct text once: a document usually repeats one header in every section."""
    seen: dict[str, None] = {}
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:  # no part of its own: it shows the previous section's
                continue
            for text in _paragraphs(part):
                if text.strip():
                    seen.setdefault(text.strip(), None)
    return list(seen)
