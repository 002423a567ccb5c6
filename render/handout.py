"""Printable handouts: one page per target system or measure, as HTML and as PDF.

Each page has the picture (inline SVG, so it prints sharp), the actors and laws
with the sentence behind each link, and the evidence sentences. The HTML needs
nothing from the network; the PDF is headless Chromium's print of it.

>>> from graph.index import GraphIndex
>>> from graph.model import PolicyGraph
>>> "<html" in handout_html(GraphIndex(PolicyGraph()), [])
True
"""

from __future__ import annotations

import html as html_lib
import os
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from pathlib import Path

from graph.index import ENTITY_EDGES, GraphIndex
from graph.model import Edge, EdgeType, Label, Node
from render.exports import write_atomic
from render.fonts import CJK_FONT_FAMILY
from render.picture import svg_text
from render.scenes import scene
from render.i18n import t, type_name
from render.tour import TourError, node_label, policy_of, system_step

CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--no-pdf-header-footer")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
PICTURE = (1200, 640)
MAX_QUOTES = 8


class HandoutError(RuntimeError):
    """A handout cannot be made; `str(err)` is one line with the reason."""


def _esc(value: object) -> str:
    return html_lib.escape(str(value))


def default_pages(idx: GraphIndex, doc_id: str | None = None) -> list[str]:
    """The document's target systems, each followed by its measures (ids, in reading order)."""
    try:
        policy = policy_of(idx, doc_id)
    except TourError:
        return []
    pages: list[str] = []
    for system in idx.systems(policy.id):
        pages.append(system.id)
        pages += [m.id for m in idx.measures_of_system(system.id, policy.id) if m.id not in pages]
    pages += [m.id for m in idx.of_doc(Label.MEASURE, policy.id) if m.id not in pages]
    return pages


def _picture(idx: GraphIndex, ids: list[str], kinds: Iterable[str], focus: str, lang: str) -> str:
    sc = scene(idx, ids, kinds, focus, width=PICTURE[0], height=PICTURE[1], lang=lang, scale=1.25)
    return svg_text(sc)


def _table(headers: list[str], rows: list[list[str]]) -> str:
    if not rows:
        return ""
    head = "".join(f"<th>{_esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _quotes(items: list[tuple[str, str]]) -> str:
    seen: dict[str, str] = {}
    for sentence, where in items:
        if sentence and sentence not in seen:
            seen[sentence] = where
    rows = list(seen.items())[:MAX_QUOTES]
    return "".join(f"<blockquote>{_esc(s)}<cite>{_esc(w)}</cite></blockquote>" for s, w in rows)


def _en(node, lang: str) -> str:
    en = node.attrs.get("name_en")
    return f'<p class="en">{_esc(en)}</p>' if en and lang == "zh" else ""


def system_page(idx: GraphIndex, system_id: str, lang: str = "zh", doc_id: str | None = None) -> str:
    """One page for a target system: picture, measures, actors, laws, evidence."""
    system = idx.nodes[system_id]
    policy = policy_of(idx, doc_id)
    step = system_step(idx, system_id, policy.id, lang)
    measures = idx.measures_of_system(system_id, policy.id)
    actors: dict[str, list[str]] = {}
    laws: dict[str, list[str]] = {}
    quotes: list[tuple[str, str]] = [(q.text, f"{idx.label(q.source, lang)} → {idx.label(q.target, lang)}")
                                     for q in step.evidence]
    for m in measures:
        for e, n in idx.entities(m.id, EdgeType.INVOLVES, EdgeType.CITES):
            bucket = actors if e.type == EdgeType.INVOLVES else laws
            bucket.setdefault(n.id, []).append(str(m.attrs.get("number", "?")))
            if e.type == EdgeType.CITES:
                quotes.append((e.evidence, f"{node_label(m, lang)} → {node_label(n, lang)}"))
    ranked = sorted(actors, key=lambda a: (-len(actors[a]), idx.label(a, lang)))
    body = [
        f'<h1>{_esc(node_label(system, lang))}</h1>{_en(system, lang)}',
        f'<p class="lead">{_esc(step.narrative)}</p>',
        f'<figure>{_picture(idx, list(step.node_ids), step.edge_types, system_id, lang)}</figure>',
        f'<h2>{_esc(t("workshop.handout.measures", lang))}</h2>',
        _table(["#", t("workshop.handout.measures", lang)],
               [[str(m.attrs.get("number", "")), str(m.attrs.get("title") or m.name)] for m in measures]),
        f'<h2>{_esc(t("workshop.handout.actors", lang))}</h2>' if ranked else "",
        _table([t("workshop.handout.actors", lang), t("workshop.handout.measures", lang)],
               [[idx.label(a, lang), "、".join(dict.fromkeys(actors[a]))] for a in ranked]),
        f'<h2>{_esc(t("workshop.handout.laws", lang))}</h2>' if laws else "",
        _table([t("workshop.handout.laws", lang), t("workshop.handout.measures", lang)],
               [[idx.label(law, lang), "、".join(dict.fromkeys(nums))] for law, nums in sorted(laws.items())]),
        f'<h2>{_esc(t("workshop.handout.evidence", lang))}</h2>' if quotes else "",
        _quotes(quotes),
    ]
    return _page(body, node_label(policy, lang), lang)


def measure_page(idx: GraphIndex, measure_id: str, lang: str = "zh") -> str:
    """One page for a measure: its text, picture, actors (with roles), laws, other links, evidence."""
    m = idx.nodes[measure_id]
    entities = idx.entities(measure_id)
    systems = idx.systems_of_measure(measure_id)
    title = t("workshop.step.measure", lang, number=m.attrs.get("number", "?"), title=m.attrs.get("title") or m.name)
    ids = [measure_id, *dict.fromkeys(n.id for _, n in entities)]
    body = [
        f"<h1>{_esc(title)}</h1>{_en(m, lang)}",
        (f'<p class="meta">{_esc(t("workshop.handout.system_of", lang))}：'
         f'{_esc("、".join(node_label(s, lang) for s in systems) or t("workshop.none", lang))}</p>'),
        f'<figure>{_picture(idx, ids, [k.value for k in ENTITY_EDGES], measure_id, lang)}</figure>',
        f'<h2>{_esc(t("workshop.handout.text", lang))}</h2><p class="text">{_esc(m.attrs.get("text") or "")}</p>'
        if m.attrs.get("text") else "",
        *_entity_tables(entities, lang),
    ]
    return _page(body, _document_title(idx, m, lang), lang)


def _document_title(idx: GraphIndex, measure: Node, lang: str) -> str:
    """The title of the document a measure belongs to ("" if that document is not in the graph)."""
    doc_id = str(measure.attrs.get("doc_id") or measure.id.split("/")[0])
    try:
        return node_label(policy_of(idx, doc_id), lang)
    except TourError:
        return ""


def _entity_tables(entities: list[tuple[Edge, Node]], lang: str) -> list[str]:
    """A measure's actors (with roles), laws and other links, each a heading and a table with evidence."""
    actors = [(e, n) for e, n in entities if e.type == EdgeType.INVOLVES]
    laws = [(e, n) for e, n in entities if e.type == EdgeType.CITES]
    others = [(e, n) for e, n in entities if e.type not in (EdgeType.INVOLVES, EdgeType.CITES)]
    seen: set[str] = set()

    def once(sentence: str) -> str:
        """A sentence already quoted above reads as "same as above", so long sentences print once."""
        if sentence and sentence in seen:
            return t("workshop.handout.same", lang)
        seen.add(sentence)
        return sentence

    return [
        _heading("workshop.handout.actors", lang, bool(actors)),
        _table([t("workshop.handout.actors", lang), t("workshop.handout.role", lang),
                t("workshop.handout.evidence", lang)],
               [[node_label(n, lang), str(e.attrs.get("role") or ""), once(e.evidence)] for e, n in actors]),
        _heading("workshop.handout.laws", lang, bool(laws)),
        _table([t("workshop.handout.laws", lang), t("workshop.handout.evidence", lang)],
               [[node_label(n, lang), once(e.evidence)] for e, n in laws]),
        _heading("workshop.handout.others", lang, bool(others)),
        _table([t("workshop.handout.others", lang), t("workshop.page.col_kind", lang),
                t("workshop.handout.evidence", lang)],
               [[node_label(n, lang), type_name(n.label.value, lang), once(e.evidence)] for e, n in others]),
    ]


def _heading(key: str, lang: str, shown: bool) -> str:
    """A section heading, or nothing when its table is empty."""
    return f'<h2>{_esc(t(key, lang))}</h2>' if shown else ""


def _page(body: list[str], doc_title: str, lang: str) -> str:
    footer = t("workshop.handout.footer", lang, title=doc_title) if doc_title else ""
    return f'<section class="page">{"".join(body)}<footer>{_esc(footer)}</footer></section>'


def handout_html(idx: GraphIndex, node_ids: Iterable[str] | None = None,
                 lang: str = "zh", title: str | None = None) -> str:
    """A printable document, one page per target system or measure in `node_ids` (default: `default_pages`).

    Ids that are neither are skipped.
    """
    ids = default_pages(idx) if node_ids is None else list(node_ids)
    pages = []
    for node_id in ids:
        node = idx.nodes.get(node_id)
        if node is None:
            continue
        if node.label == Label.TARGET_SYSTEM:
            doc = next((e.doc_id for e in idx.in_edges(node_id, EdgeType.BUILDS)), None)
            pages.append(system_page(idx, node_id, lang, doc or None))
        elif node.label == Label.MEASURE:
            pages.append(measure_page(idx, node_id, lang))
    if title is None:
        try:
            title = node_label(policy_of(idx), lang)
        except TourError:
            title = t("workshop.page.handouts", lang)
    return _DOC.format(lang="en" if lang == "en" else "zh-CN", title=_esc(title), font=CJK_FONT_FAMILY,
                       pages="\n".join(pages))


def find_chromium() -> str:
    """The Chromium (or Chrome) to print with: ``$CHROMIUM`` or the first on PATH."""
    explicit = os.environ.get("CHROMIUM")
    if explicit:
        return explicit
    for name in CHROMIUM_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise HandoutError("no Chromium found to print the PDF (install chromium, or set CHROMIUM)")


def html_to_pdf(html: str, out: str | Path, chromium: str | None = None, timeout: float = 120) -> Path:
    """Print `html` to the PDF `out` with headless Chromium (fresh profile, no network services)."""
    out = Path(out)
    browser = chromium or find_chromium()
    with tempfile.TemporaryDirectory(prefix="handout-") as tmp:
        page = Path(tmp) / "handout.html"
        page.write_text(html, encoding="utf-8")
        pdf = Path(tmp) / "handout.pdf"
        cmd = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={Path(tmp) / 'profile'}",
               f"--print-to-pdf={pdf}", page.as_uri()]
        try:
            done = subprocess.run(cmd, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                                  check=False)
        except FileNotFoundError:
            raise HandoutError(f"cannot run {browser}: not found") from None
        except subprocess.TimeoutExpired:
            raise HandoutError(f"Chromium did not finish printing within {timeout:.0f} s") from None
        if not pdf.exists() or pdf.read_bytes()[:5] != b"%PDF-":
            last = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"])[-1]
            raise HandoutError(f"Chromium printed no PDF (exit {done.returncode}: {last[:200]})")
        write_atomic(out, pdf.read_bytes())
    return out


def pdf_bytes(html: str, chromium: str | None = None, timeout: float = 120) -> bytes:
    """`html_to_pdf`, returning the PDF's bytes (for a download button)."""
    with tempfile.TemporaryDirectory(prefix="handout-out-") as tmp:
        return html_to_pdf(html, Path(tmp) / "handout.pdf", chromium, timeout).read_bytes()


_DOC = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 14mm 14mm 16mm; }}
  body {{ font-family: {font}; color: #111827; margin: 0; font-size: 11pt; line-height: 1.55; }}
  .page {{ page-break-after: always; break-after: page; max-width: 182mm; margin: 0 auto 12mm; }}
  .page:last-child {{ page-break-after: auto; break-after: auto; }}
  h1 {{ font-size: 20pt; margin: 0 0 2mm; line-height: 1.3; }}
  h2 {{ font-size: 13pt; margin: 5mm 0 2mm; border-bottom: 1px solid #9ca3af; }}
  p.en, p.meta {{ color: #4b5563; margin: 0 0 2mm; }}
  p.lead {{ font-size: 12pt; }}
  p.text {{ text-align: justify; }}
  figure {{ margin: 2mm 0; border: 1px solid #d1d5db; border-radius: 2mm; break-inside: avoid; }}
  figure svg {{ width: 100%; height: auto; display: block; }}
  table {{ width: 100%; border-collapse: collapse; font-size: 10pt; break-inside: auto; }}
  th, td {{ border: 1px solid #d1d5db; padding: 1.2mm 2mm; text-align: left; vertical-align: top; }}
  th {{ background: #f3f4f6; }}
  td:first-child {{ width: 24%; }}
  tr {{ break-inside: avoid; }}
  blockquote {{ margin: 0 0 2mm; padding: 1.5mm 3mm; border-left: 1.2mm solid #1d4ed8; background: #f8fafc;
               break-inside: avoid; }}
  blockquote cite {{ display: block; font-style: normal; color: #4b5563; font-size: 9pt; }}
  footer {{ margin-top: 4mm; font-size: 9pt; color: #6b7280; }}
  @media screen {{ body {{ background: #e5e7eb; padding: 8mm 0; }}
                   .page {{ background: #fff; padding: 12mm; box-shadow: 0 1mm 4mm rgba(0,0,0,.15); }} }}
</style>
</head>
<body>
{pages}
</body>
</html>
"""
