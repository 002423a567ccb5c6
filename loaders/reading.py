"""A file or uploaded bytes -> normalised text (`SourceText`). Knows nothing of the policy outline.

>>> read_bytes("（一）指导思想。".encode("gb18030"), name="意见.txt").text
'（一）指导思想。'
"""

from __future__ import annotations

import codecs
import contextlib
import io
import logging
import os
import re
import warnings as warnings_module
from dataclasses import dataclass
from pathlib import PurePath

import charset_normalizer

from loaders import limits
from loaders.errors import LoaderError
from loaders.limits import MAX_BYTES, size_text
from loaders.markdown import strip_marks
from loaders.unwrap import join_wrapped_lines

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf")
CHROME = "site chrome (html)"
FURNITURE = "page header or footer (docx)"


@dataclass(frozen=True)
class SourceText:
    text: str  # normalised; paragraphs separated by blank lines
    set_aside: tuple[tuple[int, int, str], ...]  # (start, end, reason) of `text` that is not document body
    encoding: str  # detected text encoding, or the format ("docx", "pdf", "html:utf-8")
    warnings: tuple[str, ...] = ()


# ---- normalise (moved to loaders.normalise; re-exported so existing imports keep working) ----------

from loaders.normalise import _t2s, normalise  # noqa: E402,F401

# ---- bytes -> str ------------------------------------------------------------------------------------

# UTF-32 first: its little-endian mark starts with UTF-16's.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"), (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (b"\x89PNG", b"GIF8", b"\xff\xd8\xff",  # images
          b"%PDF", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x1f\x8b")  # pdf, zip (docx), ole (doc), gzip
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _common_hanzi_share(text: str) -> float:
    """Share of the non-ASCII characters that are everyday Chinese: GB2312 level-1 hanzi (after t2s)
    or CJK punctuation. A wrong CJK codec yields rare characters, kana or symbols instead."""
    sample = [c for c in _t2s(text[:20000]) if c > "\x7f"][:4000]
    good = 0
    for c in sample:
        if "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·":
            good += 1
        else:
            try:
                good += 0xB0 <= c.encode("gb2312")[0] <= 0xD7
            except UnicodeEncodeError:
                pass
    return good / len(sample) if sample else 0.0


def _decode_guessed(data: bytes, name: str) -> tuple[str, str, list[str]]:
    matches = list(charset_normalizer.from_bytes(data))[:6]
    guess = matches[0].encoding if matches else None
    # charset-normalizer mixes up CJK codecs (big5, cp932, even utf_16_be for short GB18030 text), so
    # every candidate that decodes is scored on how everyday its Chinese is; GB18030 wins ties.
    scored = []
    for enc in dict.fromkeys(["gb18030", *(m.encoding for m in matches)]):
        try:
            text = data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_common_hanzi_share(text) + (0.05 if enc == "gb18030" else 0.0), enc, text))
    share, enc, text = max(scored, key=lambda s: s[0], default=(0.0, None, ""))
    if share < 0.5:  # not Chinese: trust charset-normalizer (latin-1, cp1252, cp932 …)
        if not matches:
            raise LoaderError(name, "not text: looks binary (no text encoding fits)")
        text, enc = str(matches[0]), guess
    return text, enc, ([f"decoded as {enc} (charset-normalizer guessed {guess})"] if guess != enc else [])


def _decode_damaged_utf8(data: bytes) -> tuple[str, str, list[str]] | None:
    """UTF-8 with a few broken bytes (a cut download, one bad sector) is still UTF-8:
    keep the text, mark the damage with U+FFFD and say so, rather than call it binary."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    # Real UTF-8 keeps most of its multi-byte characters intact; GBK read as UTF-8 does not.
    intact = sum(1 for ch in text if ch > "\u07ff" and ch != "\ufffd")
    if bad > max(1, len(text) // 1000) or intact < 20 * bad:
        return None
    return text, "utf-8", [f"{bad} invalid UTF-8 byte sequence(s) replaced with U+FFFD"]


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Bytes of a text file -> (text, encoding). BOM first, then UTF-8, then charset-normalizer.

    >>> decode_text("平台经济".encode("gb18030"), "a.txt")
    ('平台经济', 'gb18030')
    """
    return _decode(data, name)[:2]


def _decode(data: bytes, name: str) -> tuple[str, str, list[str]]:
    if not data:
        raise LoaderError(name, "empty file")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc), enc, []
            except UnicodeDecodeError:
                raise LoaderError(name, f"not text: invalid {enc} after its byte-order mark") from None
    if b"\x00" in data and not data.startswith(_MAGIC):
        for enc in ("utf-16-le", "utf-16-be"):  # UTF-16 that lost its byte-order mark
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(text) and (max(text) < "\u0250" or _common_hanzi_share(text) >= 0.5):
                return text, enc, [f"no byte-order mark; read as {enc}"]
    if data.startswith(_MAGIC):
        raise LoaderError(name, "not text: looks binary")
    data, warnings = _drop_stray_nuls(data, name)
    try:
        text, enc = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, enc, found = _decode_damaged_utf8(data) or _decode_mixed(data) or _decode_guessed(data, name)
        warnings += found
    if len(_CONTROL.findall(text[:100000])) > max(2, len(text[:100000]) // 200):
        raise LoaderError(name, "not text: looks binary")
    return text, enc, warnings


def _drop_stray_nuls(data: bytes, name: str) -> tuple[bytes, list[str]]:
    """Text with a few NUL bytes (a bad copy, a stray editor byte) is still text: drop them and say
    so. Many NULs mean binary data."""
    count = data.count(b"\x00")
    if not count:
        return data, []
    if count > max(8, len(data) // 10000):
        raise LoaderError(name, "not text: looks binary")
    return data.replace(b"\x00", b""), [f"{count} NUL byte(s) removed"]


def _decode_mixed(data: bytes) -> tuple[str, str, list[str]] | None:
    """Text pasted together from a UTF-8 and a GBK file: each line decoded on its own. Only when
    both kinds of line are there and the result is everyday Chinese; a wholly GBK file is not this."""
    lines, utf8, gbk = [], 0, 0
    for raw in data.split(b"\n"):
        try:
            line = raw.decode("utf-8")
            utf8 += not raw.isascii()
        except UnicodeDecodeError:
            try:
                line = raw.decode("gb18030")
            except UnicodeDecodeError:
                return None
            gbk += 1
        lines.append(line)
    text = "\n".join(lines)
    if not (utf8 and gbk) or _common_hanzi_share(text) < 0.5:
        return None
    return text, "utf-8+gb18030", [f"mixed encodings: {utf8} line(s) read as UTF-8, {gbk} as GB18030"]


# ---- formats -----------------------------------------------------------------------------------------

def _from_paragraphs(body: list[str], aside: list[str], encoding: str, warnings: list[str],
                     name: str, reason: str = CHROME) -> SourceText:
    limits.check_paragraphs(len(body) + len(aside), name)
    limits.check_chars(sum(map(len, body)) + sum(map(len, aside)), name)
    broken = 0

    def clean(paragraphs: list[str]) -> list[str]:
        nonlocal broken
        out = []
        for para in filter(None, map(normalise, paragraphs)):
            para, count = limits.split_long_lines(para)
            out.append(para)
            broken += count
        return out

    body, aside = clean(body), clean(aside)
    spans, start = [], sum(len(p) + 2 for p in body)
    for para in aside:  # after the body, each its own paragraph
        spans.append((start, start + len(para), reason))
        start += len(para) + 2
    return SourceText("\n\n".join(body + aside), tuple(spans), encoding,
                      tuple(warnings + limits.long_lines_warning(broken)))


def _from_text(text: str, encoding: str, warnings: list[str], name: str) -> SourceText:
    """Decoded or extracted text of one piece -> `SourceText`, within the limits."""
    limits.check_chars(len(text), name)
    text, broken = limits.split_long_lines(normalise(join_wrapped_lines(text)))
    limits.check_paragraphs(text.count("\n\n") + 1, name)
    return SourceText(text, (), encoding, tuple(warnings + limits.long_lines_warning(broken)))


def _html_text():
    from loaders import html_text  # imported when a page is read: BeautifulSoup is slow to import

    return html_text


def _read_html(data: bytes, name: str) -> SourceText:
    text, enc, warnings = _html_text().decode_html(data, name, _decode)
    return _read_markup(data, text, f"html:{enc}", warnings, name)


def _read_markup(data: bytes, text: str, encoding: str, warnings: list[str], name: str) -> SourceText:
    limits.check_html_tags(data, name)
    page = _html_text().extract(text)
    if not page.body:
        raise LoaderError(name, "no main text found in the html page")
    return _from_paragraphs(list(page.body), list(page.aside), encoding, warnings + list(page.warnings), name)


def _read_docx(data: bytes, name: str) -> SourceText:
    from loaders.docx_text import docx_text

    found = docx_text(data, name)
    if not any(p.strip() for p in found.body):
        raise LoaderError(name, "no text in the .docx file")
    return _from_paragraphs(found.body, found.furniture, "docx", [], name, FURNITURE)


def _read_pdf(data: bytes, name: str) -> SourceText:
    import pypdf

    # pypdf logs each repair it makes and each stream it cannot unpack; the user gets one line, and
    # what it logged tells a damaged page from a page that has no text.
    with _captured_logs("pypdf") as notes:
        try:
            reader = pypdf.PdfReader(io.BytesIO(data))
            locked = reader.is_encrypted and not reader.decrypt("")
            count = 0 if locked else len(reader.pages)
        except Exception:  # pypdf raises many types on damaged input
            raise LoaderError(name, "not a valid .pdf file (damaged or not a PDF)") from None
        if locked:
            raise LoaderError(name, "encrypted PDF (needs a password)")
        if not count:
            raise LoaderError(name, "not a valid .pdf file (no pages)")
        if count > limits.MAX_PDF_PAGES:
            raise LoaderError(name, f"{count:,} pages, over the {limits.MAX_PDF_PAGES:,} limit")
        pages, failed = _pdf_pages(reader, count, name, notes)
    if failed == count:
        raise LoaderError(name, "damaged PDF: no page's text could be extracted")
    if not any(p.strip() for p in pages):
        raise LoaderError(name, "no text layer (scanned image PDF?)")
    warnings = [f"{failed} of {count} pages: text could not be extracted (damaged page)"] if failed else []
    return _from_text("\n\n".join(pages), "pdf", warnings, name)


def _pdf_pages(reader, count: int, name: str, notes: list) -> tuple[list[str], int]:
    """The text of each page and how many were damaged (extraction raised, or gave nothing while
    pypdf logged a problem); LoaderError once the text is over `MAX_CHARS`."""
    pages, failed, total = [], 0, 0
    for index in range(count):
        logged = len(notes)
        try:
            text = reader.pages[index].extract_text() or ""
        except Exception:  # a damaged content stream: keep the other pages
            failed += 1
            continue
        if not text.strip() and len(notes) > logged:
            failed += 1
            continue
        total += len(text)
        limits.check_chars(total, name)
        pages.append(text)
    return pages, failed


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _captured_logs(logger_name: str):
    """A library's log records (and `warnings`) collected instead of printed, for the duration."""
    logger, handler = logging.getLogger(logger_name), _Collect()
    saved = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(handler)
    try:
        with warnings_module.catch_warnings(record=True) as caught:
            warnings_module.simplefilter("always")
            yield handler.records
            handler.records.extend(caught)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(saved[0])
        logger.propagate = saved[1]


def read_bytes(data: bytes, name: str) -> SourceText:
    """Uploaded bytes -> `SourceText`; the format comes from the suffix of `name`.

    >>> read_bytes(b"<p>Hello</p>", "page.html").text
    'Hello'
    """
    name = str(name)
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = f"'{suffix}'" if suffix else "(no suffix)"
        raise LoaderError(name, f"unsupported file type {shown} (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    if len(data) > MAX_BYTES:
        raise LoaderError(name, f"file is {size_text(len(data))}, over the {size_text(MAX_BYTES)} limit")
    if not data:
        raise LoaderError(name, "empty file")
    data = bytes(data)
    if suffix in (".html", ".htm"):
        return _read_html(data, name)
    if suffix == ".docx":
        return _read_docx(data, name)
    if suffix == ".pdf":
        return _read_pdf(data, name)
    text, enc, warnings = _decode(data, name)
    if suffix == ".md":
        text = strip_marks(text)
    elif _html_text().is_markup(text):  # a web page saved as .txt
        return _read_markup(data, text, f"html:{enc}", warnings, name)
    return _from_text(text, enc, warnings, name)


def read_path(path: str | os.PathLike) -> SourceText:
    """A file on disk -> `SourceText` (see `read_bytes`).

    >>> read_path("data/seed/zhejiang-platform-economy-2023.txt").encoding
    'utf-8'
    """
    name = str(path)
    return read_bytes(limits.read_regular_file(path, name), name)
