"""A file or uploaded bytes -> normalised text (`SourceText`). Knows nothing of the policy outline.

>>> read_bytes("（一）指导思想。".encode("gb18030"), name="意见.txt").text
'（一）指导思想。'
"""

from __future__ import annotations

import codecs
import io
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePath

import charset_normalizer

from loaders.errors import LoaderError
from loaders.markdown import strip_marks

SUPPORTED_SUFFIXES = (".txt", ".text", ".md", ".html", ".htm", ".docx", ".pdf")
MAX_BYTES = 10 * 1024 * 1024
CHROME = "site chrome (html)"


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
    if data.startswith(_MAGIC) or b"\x00" in data:
        raise LoaderError(name, "not text: looks binary")
    try:
        text, enc, warnings = data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        text, enc, warnings = _decode_damaged_utf8(data) or _decode_guessed(data, name)
    if len(_CONTROL.findall(text[:100000])) > max(2, len(text[:100000]) // 200):
        raise LoaderError(name, "not text: looks binary")
    return text, enc, warnings


# ---- formats -----------------------------------------------------------------------------------------

def _size(n: int) -> str:
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n} bytes"


def _from_paragraphs(body: list[str], aside: list[str], encoding: str, warnings: list[str]) -> SourceText:
    body = [p for p in map(normalise, body) if p]
    aside = [p for p in map(normalise, aside) if p]
    spans, start = [], sum(len(p) + 2 for p in body)
    for para in aside:  # after the body, each its own paragraph
        spans.append((start, start + len(para), CHROME))
        start += len(para) + 2
    return SourceText("\n\n".join(body + aside), tuple(spans), encoding, tuple(warnings))


def _read_html(data: bytes, name: str) -> SourceText:
    from loaders import html_text

    text, enc, warnings = html_text.decode_html(data, name, _decode)
    page = html_text.extract(text)
    if not page.body:
        raise LoaderError(name, "no main text found in the html page")
    return _from_paragraphs(list(page.body), list(page.aside), f"html:{enc}", warnings + list(page.warnings))


def _read_docx(data: bytes, name: str) -> SourceText:
    import docx
    from docx.table import Table

    def blocks(container):
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                seen = set()
                for row in item.rows:
                    for cell in row.cells:
                        if id(cell._tc) not in seen:  # merged cells repeat in row.cells
                            seen.add(id(cell._tc))
                            yield from blocks(cell)
            else:
                yield item.text

    try:
        paragraphs = list(blocks(docx.Document(io.BytesIO(data))))
    except Exception:  # python-docx raises zipfile, lxml, KeyError… on damaged input: one line for all
        raise LoaderError(name, "not a valid .docx file") from None
    if not any(p.strip() for p in paragraphs):
        raise LoaderError(name, "no text in the .docx file")
    return _from_paragraphs(paragraphs, [], "docx", [])


def _read_pdf(data: bytes, name: str) -> SourceText:
    import pypdf

    warnings, pages = [], []
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        locked = reader.is_encrypted and not reader.decrypt("")
        page_list = [] if locked else list(reader.pages)
    except Exception:  # pypdf raises many types on damaged input
        raise LoaderError(name, "not a valid .pdf file") from None
    if locked:
        raise LoaderError(name, "encrypted PDF (needs a password)")
    for number, page in enumerate(page_list, 1):
        try:
            pages.append(page.extract_text() or "")
        except Exception:
            warnings.append(f"page {number}: text could not be extracted")
    if not any(p.strip() for p in pages):
        raise LoaderError(name, "no text layer (scanned image PDF?)")
    text = normalise("\n\n".join(pages))
    return SourceText(text, (), "pdf", tuple(warnings))


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
        raise LoaderError(name, f"file is {_size(len(data))}, over the {_size(MAX_BYTES)} limit")
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
    return SourceText(normalise(text), (), enc, tuple(warnings))


def read_path(path: str | os.PathLike) -> SourceText:
    """A file on disk -> `SourceText` (see `read_bytes`).

    >>> read_path("data/seed/zhejiang-platform-economy-2023.txt").encoding
    'utf-8'
    """
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if Path(path).is_dir():
            raise LoaderError(name, "is a directory, not a file")
        if size > MAX_BYTES:  # checked before reading so a huge file is never loaded
            raise LoaderError(name, f"file is {_size(size)}, over the {_size(MAX_BYTES)} limit")
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise LoaderError(name, "no such file") from None
    except PermissionError:
        raise LoaderError(name, "permission denied") from None
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from None
    return read_bytes(data, name)
