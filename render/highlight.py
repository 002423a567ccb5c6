"""Escape-safe HTML fragments for document text: entity highlighting and trees.

Every piece of text taken from a document is escaped with `html.escape` before
it is wrapped in markup; markup is only ever built from our own constants and
escaped values. The fragments are meant for ``st.html``.

>>> highlight_html("督促平台企业<b>落实</b>", [("平台企业", "Actor")])  # doctest: +ELLIPSIS
'<div class="kg-text">督促<mark ...>平台企业</mark>&lt;b&gt;落实&lt;/b&gt;</div>'
"""

from __future__ import annotations

import html
import re
from collections import defaultdict
from typing import Any, Iterable, Mapping, Sequence

from render.colours import colour_of, glyph_of, highlight_colour_of
from render.i18n import edge_name, type_name

esc = html.escape


_MD_SPECIALS = frozenset("\\`*_{}[]()#+-.!|<>~$:")


def escape_markdown(text: str) -> str:
    """`text` on one line with every Markdown/HTML special character backslash-escaped, so
    Streamlit's Markdown shows it literally.

    >>> escape_markdown("<b>*加粗*</b>")
    '\\\\<b\\\\>\\\\*加粗\\\\*\\\\</b\\\\>'
    """
    return "".join("\\" + c if c in _MD_SPECIALS else c for c in " ".join(str(text).split()))


def find_spans(text: str, terms: Iterable[tuple[str, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, type) of `terms` (surface, type) in `text`, left to right,
    the longest term winning where several start at the same place. The first type given
    for a surface wins.

    >>> find_spans("数据安全法和数据", [("数据", "Concept"), ("数据安全法", "Law")])
    [(0, 5, 'Law'), (6, 8, 'Concept')]
    >>> find_spans("abc", [])
    []
    """
    kinds: dict[str, str] = {}
    for surface, kind in terms:
        if surface and surface not in kinds:
            kinds[surface] = kind
    if not kinds:
        return []
    pattern = re.compile("|".join(re.escape(s) for s in sorted(kinds, key=lambda s: (-len(s), s))))
    return [(m.start(), m.end(), kinds[m.group(0)]) for m in pattern.finditer(text)]


def highlight_html(text: str, terms: Iterable[tuple[str, str]], lang: str = "zh") -> str:
    """`text` as escaped HTML with each term marked in its type's colour (type name as tooltip)."""
    out: list[str] = []
    at = 0
    for start, end, kind in find_spans(text, terms):
        out.append(esc(text[at:start]))
        out.append(f'<mark class="kg-mark" title="{esc(type_name(kind, lang))}" '
                   f'style="background:{highlight_colour_of(kind)};border-bottom:2px solid {colour_of(kind)};'
                   f'padding:0 1px;border-radius:2px;color:inherit">{esc(text[start:end])}</mark>')
        at = end
    out.append(esc(text[at:]))
    return f'<div class="kg-text">{"".join(out)}</div>'


def text_block_html(text_html: str) -> str:
    """A highlighted text (from `highlight_html`) in a readable, scrolling reading box."""
    return ('<div style="font-size:1.05rem;line-height:1.9;padding:0.8rem 1rem;border:1px solid #e3e6ea;'
            'border-radius:0.5rem;background:#fcfcfd;white-space:pre-wrap;max-height:28rem;overflow-y:auto">'
            f"{text_html}</div>")


def passages_html(passages: Sequence[Mapping[str, str]], height_px: int = 640) -> str:
    """Passages (``head``, ``text``, optional ``context``) as cards in one scrolling box, all escaped:
    one element for the page instead of three per passage.

    >>> "&lt;b&gt;" in passages_html([{"head": "a", "text": "<b>x</b>"}])
    True
    """
    cards = "".join(
        '<div style="border:1px solid #e3e6ea;border-radius:0.5rem;padding:0.5rem 0.8rem;margin-bottom:0.5rem">'
        f'<div style="font-size:0.8rem;opacity:0.7">{esc(p["head"])}</div>'
        f'<div style="font-family:monospace;white-space:pre-wrap;margin:0.3rem 0">{esc(p["text"])}</div>'
        + (f'<div style="font-size:0.8rem;opacity:0.7">{esc(p["context"])}</div>' if p.get("context") else "")
        + "</div>" for p in passages)
    return f'<div class="kg-passages" style="max-height:{height_px}px;overflow-y:auto">{cards}</div>'


def legend_html(types: Sequence[str], lang: str = "zh", lead: str = "") -> str:
    """A one-line legend of highlight colours for `types`.

    >>> "主体" in legend_html(["Actor"], "zh")
    True
    """
    chips = "".join(
        f'<span style="background:{highlight_colour_of(k)};border-bottom:2px solid {colour_of(k)};'
        f'padding:0 6px;margin-right:6px;border-radius:3px;white-space:nowrap">{esc(type_name(k, lang))}</span>'
        for k in types)
    return f'<div style="font-size:0.85rem;line-height:2">{esc(lead)} {chips}</div>'


def tree_html(root: Mapping[str, Any], rows: Sequence[Mapping[str, Any]], lang: str = "zh",
              open_depth: int = 1, upstream: bool = False) -> str:
    """Rows with id, type, name, parent, depth, edge_type (the ``dependencies`` query) as nested,
    expandable ``<details>`` under `root`; levels up to `open_depth` start open. With `upstream`
    the edges point from each node to its parent, and the arrows say so.

    >>> page = tree_html({"id": "m", "type": "Measure", "name": "举措"},
    ...                  [{"id": "a", "type": "Actor", "name": "<企业>", "parent": "m", "depth": 1,
    ...                    "edge_type": "INVOLVES"}])
    >>> "&lt;企业&gt;" in page, "<企业>" in page
    (True, False)
    """
    children: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.get("depth", 0), str(r.get("type")), str(r.get("name")), r["id"])):
        children[str(row.get("parent"))].append(row)

    def label(row: Mapping[str, Any]) -> str:
        kind = str(row.get("type"))
        via = ""
        if row.get("edge_type"):
            name = esc(edge_name(str(row["edge_type"]), lang))
            via = f'<span style="color:#6b7280;font-size:0.8em">{"← " + name if upstream else name + " →"} </span>'

        return (f'{via}<span style="color:{colour_of(kind)}">{glyph_of(kind)}</span> '
                f'<span>{esc(str(row.get("name") or row["id"]))}</span> '
                f'<span style="color:#6b7280;font-size:0.8em">{esc(type_name(kind, lang))}</span>')

    def branch(row: Mapping[str, Any], level: int) -> str:
        kids = children.get(str(row["id"]), [])
        if not kids:
            return f'<div style="padding:2px 0 2px 1.1rem">{label(row)}</div>'
        opened = " open" if level < open_depth else ""
        inner = "".join(branch(k, level + 1) for k in kids)
        return (f'<details{opened} style="padding:2px 0 2px 0.4rem">'
                f'<summary style="cursor:pointer">{label(row)} '
                f'<span style="color:#9ca3af;font-size:0.8em">({len(kids)})</span></summary>'
                f'<div style="margin-left:0.9rem;border-left:1px dashed #d1d5db;padding-left:0.4rem">{inner}</div>'
                f"</details>")

    return f'<div class="kg-tree" style="line-height:1.7">{branch(root, 0)}</div>'


def diff_html(segments: Sequence[tuple[str, str, str]]) -> tuple[str, str]:
    """Two escaped HTML fragments from `graph.compare.diff_segments` runs: the first text with what
    the second drops struck through, the second with what it adds marked.

    >>> diff_html([("replace", "国家", "本市"), ("equal", "<依法>", "<依法>")])
    ('<del class="kg-del">国家</del>&lt;依法&gt;', '<ins class="kg-ins">本市</ins>&lt;依法&gt;')
    """
    old, new = [], []
    for op, a, b in segments:
        if op == "equal":
            old.append(esc(a))
            new.append(esc(b))
            continue
        if a:
            old.append(f'<del class="kg-del">{esc(a)}</del>')
        if b:
            new.append(f'<ins class="kg-ins">{esc(b)}</ins>')
    return "".join(old), "".join(new)
