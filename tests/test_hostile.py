"""Hostile input (issue 13, points 4, 5 and 9): input -> the one line a user gets, within a time and
memory BOUND (generous: a bound on a fixed input, not a benchmark).

Each case is read in a child process (``loaders.reading.read_path``) with an address-space limit,
so a case that regresses into reading gigabytes fails here instead of taking the machine down.
"""

from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Callable

import pytest
from cli_runner import run_main

from policykg import load_cli

ROOT = Path(__file__).resolve().parent.parent
TIME_BOUND_S = 60.0  # reading any of these takes well under 5 s
MEMORY_BOUND_MB = 1200  # peak RSS of the child; the interpreter with the loaders is about 150 MB
ADDRESS_LIMIT = 4 << 30  # the child cannot grow past this even when a case regresses

_READ = """
import json, resource, sys
from loaders.errors import LoaderError
from loaders.reading import read_path
try:
    source = read_path(sys.argv[1])
    answer = {"ok": True, "warnings": list(source.warnings), "chars": len(source.text)}
except LoaderError as err:
    answer = {"ok": False, "error": str(err)}
answer["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(answer))
"""


@dataclass(frozen=True)
class Case:
    id: str
    make: Callable[[Path], Path]  # writes the input into a temp folder, returns its path
    expect: str  # words of the error, or of a warning when `ok` ("": read, no warning needed)
    ok: bool = False  # read (with a warning) rather than refused


def _write(name: str, data: bytes | Callable[[], bytes]) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data() if callable(data) else data)
        return path
    return make


def _fifo(folder: Path) -> Path:
    path = folder / "x.txt"
    os.mkfifo(path)
    return path


def _docx(document_xml: bytes) -> bytes:
    """A real .docx (python-docx's template) with `document_xml` as its body."""
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    out = io.BytesIO()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            # The fastest deflate: a bomb is a hundred megabytes of XML to pack, and what it unpacks to
            # is what counts.
            dst.writestr(item, document_xml if item.filename == "word/document.xml" else src.read(item),
                         compresslevel=1)
    return out.getvalue()


_W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@cache  # bytes, never changed: the upload page's check (test_app_hostile) packs the same bomb
def _docx_bomb(repeat: int = 10_000_000) -> bytes:
    """A few hundred KB that unpack to tens of millions of characters of XML."""
    run = b"<w:p><w:r><w:t>" + "平台经济".encode() * repeat + b"</w:t></w:r></w:p>"
    return _docx(b"<w:document " + _W + b"><w:body>" + run + b"</w:body></w:document>")


def _docx_many_paragraphs() -> bytes:
    paragraphs = b"<w:p><w:r><w:t>\xe6\xae\xb5</w:t></w:r></w:p>" * 150_000
    return _docx(b"<w:document " + _W + b"><w:body>" + paragraphs + b"</w:body></w:document>")


def _pdf_damaged() -> bytes:
    """A real PDF with text whose page content stream was overwritten: it opens, but its text is gone."""
    import re

    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text="Article 1 of a policy")
    data = bytes(pdf.output())
    stream = re.search(rb"stream\n(.*?)endstream", data, re.DOTALL)
    size = stream.end(1) - stream.start(1)
    return data[:stream.start(1)] + (b"\x00garbage" * size)[:size] + data[stream.end(1):]


def _pdf_garbage() -> bytes:
    """A PDF whose header and trailer are there but whose body is garbage."""
    return b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n" + b"\x8f garbage" * 300 + \
        b"\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def _pdf_blank() -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()  # a page without any text: what a scan without OCR looks like
    return bytes(pdf.output())


CASES = [
    Case("dev-zero", lambda folder: Path("/dev/zero"), "/dev/zero: not a regular file (a character device)"),
    Case("fifo", _fifo, "x.txt: not a regular file (a FIFO)"),
    Case("folder", lambda folder: folder, "is a directory"),
    Case("over-10MB", _write("big.txt", b"a" * (10 * 1024 * 1024 + 1)), "over the 10.0 MB limit"),
    Case("docx-bomb", _write("bomb.docx", _docx_bomb), "bomb.docx: unpacks to 115.2 MB, over the 60.0 MB limit"),
    Case("docx-xml-bomb", _write("xml.docx", lambda: _docx_bomb(3_000_000)),
         "xml.docx: unpacks to 35.1 MB of XML, over the 25.0 MB limit"),
    Case("docx-150k-paragraphs", _write("many.docx", _docx_many_paragraphs),
         "150,000 paragraphs, over the 100,000 limit"),
    Case("html-million-tags", _write("tags.html", lambda: b"<html><body>" + "<p>段</p>".encode() * 1_000_000),
         "tags.html: 2,000,002 tags, over the 100,000 limit"),
    Case("html-nested-20k", _write("deep.html", lambda: b"<html><body>" + "<div>段".encode() * 20_000
                                   + b"</div>" * 20_000 + b"</body></html>"), "", ok=True),
    Case("6MB-one-line", _write("line.txt", "平台经济发展".encode() * 350_000),
         "line(s) longer than 20,000 characters were split", ok=True),
    Case("one-NUL", _write("nul.txt", "（一）指导思想。\x00推进平台经济发展。".encode()), "1 NUL byte(s) removed", ok=True),
    Case("half-utf8-half-gbk", _write("mixed.txt", "第一条 为了促进平台经济发展，制定本办法。\n".encode()
                                      + "第二条 本办法适用于本省行政区域内的平台企业。\n".encode("gbk")),
         "mixed encodings: 1 line(s) read as UTF-8, 1 as GB18030", ok=True),
    Case("pdf-garbage", _write("garbage.pdf", _pdf_garbage), "garbage.pdf: not a valid .pdf file"),
    Case("pdf-damaged-page", _write("broken.pdf", _pdf_damaged), "broken.pdf: damaged PDF"),
    Case("pdf-no-text", _write("scan.pdf", _pdf_blank), "scan.pdf: no text layer"),
    Case("name-with-newline", _write("a\nerror: fake.txt", b""), "a\\nerror: fake.txt': empty file"),
]


def _read_in_child(path: Path) -> tuple[dict, float, float]:
    """(the child's answer, seconds, peak RSS in MB)."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_LIMIT, ADDRESS_LIMIT))

    import time

    start = time.monotonic()
    child = subprocess.Popen([sys.executable, "-c", _READ, str(path)], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, preexec_fn=limit)
    try:
        out, err = child.communicate(timeout=TIME_BOUND_S)
    except subprocess.TimeoutExpired:
        child.kill()
        child.communicate()
        pytest.fail(f"{path.name}: still reading after {TIME_BOUND_S:.0f} s")
    seconds = time.monotonic() - start
    assert child.returncode == 0 and b"Traceback" not in err, err.decode(errors="replace")[-2000:]
    assert err.strip() == b"", f"parser noise on stderr: {err[:500]!r}"
    answer = json.loads(out)
    return answer, seconds, answer["peak_mb"]


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_hostile_input_gives_one_line_within_bounds(tmp_path, case):
    answer, seconds, peak_mb = _read_in_child(case.make(tmp_path))
    assert seconds < TIME_BOUND_S
    assert peak_mb < MEMORY_BOUND_MB, f"peak RSS {peak_mb:.0f} MB"
    if case.ok:
        assert answer["ok"], answer
        assert not case.expect or any(case.expect in w for w in answer["warnings"]), answer["warnings"]
        assert all("\n" not in w for w in answer["warnings"])
    else:
        assert not answer["ok"], answer
        assert case.expect in answer["error"] and "\n" not in answer["error"], answer["error"]


def test_a_damaged_pdf_is_not_called_a_scan(tmp_path):
    answer, _, _ = _read_in_child(_write("broken.pdf", _pdf_damaged)(tmp_path))
    assert "no text layer" not in answer["error"]


CORPUS = ROOT.parent / "shared" / "corpus"


def test_every_real_regulation_is_a_graph_or_one_line(tmp_path):
    """The real corpus through the command line: a graph, or one line naming the file (a document the
    extractor trips over included), never a traceback."""
    from conftest import require

    require(CORPUS.is_dir(), f"{CORPUS} is absent (the shared corpus)")
    for path in sorted(p for p in CORPUS.iterdir() if p.suffix in (".md", ".txt", ".html", ".docx", ".pdf")):
        done = run_main(load_cli.main, [path])
        err = done.stderr.decode("utf-8", "replace")
        assert "Traceback" not in err, (path.name, err[-800:])
        if done.returncode:
            lines = err.strip().splitlines()
            assert len(lines) == 1 and path.name in lines[0], (path.name, lines)
