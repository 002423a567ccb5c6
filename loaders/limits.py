"""Bounds on what one input may cost: bytes read, bytes unpacked, characters, paragraphs, line length.

Every limit is one line naming the file: an error (`LoaderError`) when the input cannot be read
within it, a warning when the text can still be kept whole (an over-long line is split, not cut).

>>> split_long_lines("甲。乙。丙丁", limit=3)
('甲。\\n乙。\\n丙丁', 1)
"""

from __future__ import annotations

import os
import re
import stat

from loaders.errors import LoaderError

MAX_BYTES = 10 * 1024 * 1024  # a file or upload
MAX_UNPACKED_BYTES = 60 * 1024 * 1024  # all parts of a .docx, as its zip directory declares them
MAX_UNPACKED_XML_BYTES = 25 * 1024 * 1024  # the XML python-docx parses into a tree (a 300-page text: ~10 MB)
MAX_ZIP_ENTRIES = 5000
MAX_PDF_PAGES = 3000
MAX_HTML_TAGS = 100_000  # a government page has a few thousand; the parser's tree costs ~1 KB a tag
MAX_CHARS = 5_000_000  # extracted text (a whole civil code is about 110,000 characters)
MAX_PARAGRAPHS = 100_000
MAX_LINE_CHARS = 20_000  # a line this long has lost its line breaks; it is split at sentence ends
_SENTENCE_END = re.compile(r"[。！？；!?;]")


def size_text(n: int) -> str:
    """A byte count for a message.

    >>> size_text(3 * 1048576), size_text(512)
    ('3.0 MB', '512 bytes')
    """
    return f"{n / 1048576:.1f} MB" if n >= 1048576 else f"{n} bytes"


def read_regular_file(path: str | os.PathLike, name: str) -> bytes:
    """The bytes of a regular file, at most `MAX_BYTES`: a FIFO, device or socket is refused at once
    (opened without blocking, checked on the open descriptor, so nothing can be swapped in between)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise LoaderError(name, "no such file") from None
    except PermissionError:
        raise LoaderError(name, "permission denied") from None
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise LoaderError(name, "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise LoaderError(name, f"not a regular file ({_kind(info.st_mode)}); only files can be read")
        if info.st_size > MAX_BYTES:  # checked before reading so a huge file is never loaded
            raise LoaderError(name, f"file is {size_text(info.st_size)}, over the {size_text(MAX_BYTES)} "
                                    "limit")
        return _read_at_most(fd, name)
    except OSError as err:
        raise LoaderError(name, f"cannot read: {err.strerror or err}") from None
    finally:
        os.close(fd)


def _read_at_most(fd: int, name: str) -> bytes:
    chunks, total = [], 0
    while chunk := os.read(fd, 1 << 20):
        total += len(chunk)
        if total > MAX_BYTES:  # the file grew while it was read
            raise LoaderError(name, f"file is over the {size_text(MAX_BYTES)} limit")
        chunks.append(chunk)
    return b"".join(chunks)


def _kind(mode: int) -> str:
    for test, kind in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return kind
    return "not a file"


def check_chars(count: int, name: str) -> None:
    """LoaderError when extracted text of `count` characters is over `MAX_CHARS`."""
    if count > MAX_CHARS:
        raise LoaderError(name, f"text is {count:,} characters, over the {MAX_CHARS:,} limit")


def check_html_tags(data: bytes, name: str) -> None:
    """LoaderError when an HTML page has more than `MAX_HTML_TAGS` tags (counted as ``<``, before
    parsing, so a page of a million empty tags never reaches the parser)."""
    count = data.count(b"<")
    if count > MAX_HTML_TAGS:
        raise LoaderError(name, f"{count:,} tags, over the {MAX_HTML_TAGS:,} limit for an HTML page")


def check_paragraphs(count: int, name: str) -> None:
    """LoaderError when a document has more than `MAX_PARAGRAPHS` paragraphs."""
    if count > MAX_PARAGRAPHS:
        raise LoaderError(name, f"{count:,} paragraphs, over the {MAX_PARAGRAPHS:,} limit")


def split_long_lines(text: str, limit: int = MAX_LINE_CHARS) -> tuple[str, int]:
    """`text` with every line longer than `limit` broken at its last sentence end before the limit
    (or at the limit when there is none), and how many lines were broken. Nothing is dropped.

    >>> split_long_lines("abcdef", limit=4)
    ('abcd\\nef', 1)
    >>> split_long_lines("短行\\n也短", limit=4)
    ('短行\\n也短', 0)
    """
    if len(text) <= limit or all(len(line) <= limit for line in text.split("\n")):
        return text, 0
    out, broken = [], 0
    for line in text.split("\n"):
        if len(line) > limit:
            broken += 1
        while len(line) > limit:
            ends = [m.end() for m in _SENTENCE_END.finditer(line, 0, limit)]
            cut = ends[-1] if ends else limit
            out.append(line[:cut])
            line = line[cut:]
        out.append(line)
    return "\n".join(out), broken


def long_lines_warning(broken: int) -> list[str]:
    """The warning for `split_long_lines`' count (none when nothing was broken)."""
    if not broken:
        return []
    return [f"{broken} line(s) longer than {MAX_LINE_CHARS:,} characters were split at sentence ends"]
