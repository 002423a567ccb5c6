"""One language at a time: every page, rendered in English, shows no Chinese interface word, and in
Chinese no English interface word. Document content is left aside: every string the graph holds (names,
titles, evidence, texts, English labels of entities …) is removed from the page's text before looking.

The seed has every kind of node the pages show; a set-aside passage and a bad upload bring the
loader's reasons and errors onto the pages too.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any, Iterator

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from app_pages import data
from app_pages.table_view import NAME as TABLE
from graph.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["overview", "explore", "measure", "documents", "dependencies", "paths", "matrices", "compare", "query",
         "upload", "excluded", "presenter"]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")
# Names that stay as they are in a Chinese interface: formats, products, units.
NAMES = {"CSV", "XLSX", "PNG", "SVG", "HTML", "JSON", "YAML", "PDF", "GraphML", "GEXF", "Neo4j", "Cypher",
         "networkx", "Excel", "Bolt", "Home", "End", "PageUp", "PageDown", "Left", "Right", "Enter", "Esc", "English", "Language", "TF", "IDF",
         "txt", "md", "html", "htm", "docx", "pdf", "yaml", "yml", "json", "csv", "xlsx", "png", "svg", "zip",
         "MB", "KB", "vs", "Gephi"}
ENGLISH_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]{2,}")
# The language switch names each language in that language, on every page.
SWITCH = ("界面语言 · Language", "中文", "English")
DOCUMENT_TEXT = re.compile(r'<div class="kg-text">.*?</div>', re.S)  # a measure's text, highlighted
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")  # a component's string filled in by the browser ({count})
MARKUP = re.compile(r"<style.*?</style>|<[^>]+>|:[a-z]+\[|&[a-z]+;", re.S)  # HTML, st.markdown colours


@pytest.fixture(scope="module")
def content() -> list[str]:
    """Every string value in the seed's graph (node and edge properties, set-aside passages), longest
    first."""
    from loaders import load_paths

    graph = load_paths(list(data.seed_paths()))
    store = EmbeddedStore(graph)
    found: set[str] = {x.text.strip() for x in graph.excluded if x.text.strip()}
    found |= {d.text for d in graph.documents}
    for row in store.query("all_nodes") + store.query("all_edges"):
        for value in row.values():
            for item in value if isinstance(value, (list, tuple)) else [value]:
                if isinstance(item, str) and item.strip():
                    found.add(item.strip())
    return sorted(found, key=len, reverse=True)


def strings_of(node: Any) -> Iterator[str]:
    """Every piece of text an element shows: value, label, options, help, placeholder, table headers."""
    if getattr(node, "type", "") == "code" or (getattr(node, "type", "") == "expander"
                                               and node.label in {data.t("query.code", lang) for lang in ("zh", "en")}):
        return  # code, and the raw rows beside it, are for programmers: raw names belong there
    proto = getattr(node, "proto", None)
    widget = proto is not None and hasattr(proto, "form_id") and hasattr(proto, "label")
    # A widget's value goes through its format function outside the app's run: read the proto instead.
    if getattr(node, "type", "") == "html":  # each block of text on a line of its own, as it reads
        body = DOCUMENT_TEXT.sub(" ", node.proto.body)
        yield html.unescape(re.sub(r"<style.*?</style>|<[^>]+>", "\n", body, flags=re.S))
        return
    for attr in () if widget else ("value", "label", "body", "help", "placeholder", "caption"):
        value = getattr(node, attr, None)
        if isinstance(value, str):
            yield value
    for attr in ("options", "label", "help", "placeholder"):
        value = getattr(proto, attr, None) if proto is not None else None
        if isinstance(value, str):
            yield value
        elif value is not None and not isinstance(value, (bytes, int, float)):
            try:
                yield from (str(getattr(v, "content", v)) for v in value)
            except TypeError:
                pass
    if getattr(proto, "component_name", "") == "policy_kg.slides":
        yield from slide_strings(json.loads(proto.json))
    if getattr(proto, "component_name", "") == TABLE:  # the light table: its headers and its own words
        table = json.loads(proto.json)
        yield from (*table["columns"], *table["ui"].values())
    for child in getattr(node, "children", {}).values():
        yield from strings_of(child)


def slide_strings(slides: dict[str, Any]) -> Iterator[str]:
    """What the presenter's slides show (app_pages/assets/slides.js): buttons and captions, each step's
    heading, narrative and evidence, the picker, node labels and tooltips, edge roles, the legend."""
    yield from (*slides["ui"].values(), *slides["counters"])
    for step in slides["steps"]:
        yield from (step["title"], step["narrative"], *(q["text"] for q in step["evidence"]))
    yield from (n[k] for n in slides["nodes"] for k in ("full", "en") if n.get(k))  # "label": "full", wrapped
    yield from slides["types"].values()
    yield from (e[k] for e in slides["edges"] for k in ("typeName", "role", "evidence") if e.get(k))
    yield from (entry["name"] for entry in slides["legend"] + slides["edgeLegend"])


def component_text(at: AppTest) -> Iterator[str]:
    """The words Explore's graph component draws itself, from its payload: menus, legend, and the
    details panel's labels, types, properties and relations (names and sentences are content)."""
    for element in at.main.get("bidi_component"):
        if element.proto.component_name != "policy_kg.graph_view":
            continue  # the slides' words are read by `slide_strings`
        payload = json.loads(element.proto.json or "{}")
        yield from (v for k, v in (payload.get("strings") or {}).items() if k != "png_name")  # a file name
        yield from (item["name"] for kind in ("nodes", "edges") for item in (payload.get("legend") or {}).get(kind, []))
        for details in (payload.get("details") or {}).values():
            yield details["type"]
            yield from (label for label, _ in details["attrs"])
            yield from (value for _, value in details["attrs"])
            yield from (relation for relation, _, _ in details["evidence"])


def interface_text(at: AppTest) -> str:
    text = "\n".join([*strings_of(at.main), *strings_of(at.sidebar), *component_text(at)])
    text = PLACEHOLDER.sub(" ", text)
    text = MARKUP.sub(" ", DOCUMENT_TEXT.sub(" ", text))
    for name in SWITCH:
        text = text.replace(name, " ")
    return re.sub(r"\\(.)", r"\1", text)  # markdown escapes


@pytest.fixture(scope="module")
def rendered() -> Iterator[dict[str, dict[str, str]]]:
    """The interface text of every page in each language, each page opened in a fresh session (a
    format function of the page before would otherwise run outside the app, in the test's language)."""
    st.cache_data.clear()
    st.cache_resource.clear()
    out: dict[str, dict[str, str]] = {"en": {}, "zh": {}}
    for lang in out:
        for page in PAGES:
            at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=120)
            at.session_state[data.LANG_KEY] = lang
            at.session_state["_landed"] = True
            at.run()
            at.switch_page(f"app_pages/{page}.py").run()
            assert not at.exception, (page, [e.value for e in at.exception])
            out[lang][page] = interface_text(at)
    yield out
    st.cache_data.clear()
    st.cache_resource.clear()


def strip(text: str, content: list[str]) -> str:
    """`text` without the graph's strings, nor stretches of a document's text cut short (the context
    around a set-aside passage, between "…" and "⟨✂⟩"): four characters or more found in a document."""
    documents = [" ".join(c.split()) for c in content if len(c) > 2000]
    pieces = [" ".join(p.split()) for p in re.split(r"\n|…|⟨✂⟩", text)]
    text = "\n".join(p for p in pieces if len(p) < 4 or not any(p in d for d in documents))
    for piece in content:
        text = text.replace(piece, " ")
    return text


@pytest.mark.parametrize("page", PAGES)
def test_english_pages_show_no_chinese_interface_words(rendered, content, page):
    text = strip(rendered["en"][page], content)
    left = sorted({w for w in CJK.findall(text)})
    assert not left, [context(text, w) for w in left[:8]]


@pytest.mark.parametrize("page", PAGES)
def test_chinese_pages_show_no_english_interface_words(rendered, content, page):
    text = strip(rendered["zh"][page], content)
    left = sorted({w for w in ENGLISH_WORD.findall(text) if w not in NAMES})
    assert not left, [context(text, w) for w in left[:8]]


def context(text: str, word: str) -> str:
    at = text.index(word)
    return text[max(0, at - 30):at + len(word) + 30].replace("\n", " ")
