"""Citations resolved across a corpus: a cited law or policy document that is itself loaded.

A measure cites 《反垄断法》; when the corpus also holds the law's full text, the
law node gets one `LOADED_AS` edge to that document, and a citation naming
articles (《反垄断法》第二十二条) gets `REFERS_TO` edges to those Article nodes.
Both are derived edges (attr ``derived: True``): each store recomputes them
after every load from the same inputs, the ``documents`` and ``citations``
named queries, so the embedded store and Neo4j resolve alike. A citation whose
document is not loaded stays a Law/PolicyDocument node with no such edge
("not loaded").

Matching is by canonical title (laws: without 中华人民共和国 and a trailing
revision note) or by 文号 (policy documents); a cited title that carries its
issuer (国务院关于…的决定) also matches the loaded document 关于…的决定 issued
by that body.
"""

from __future__ import annotations

import re
from typing import Any, Callable, Iterable, Mapping

from graph.model import Edge, EdgeType, Label, PolicyGraph

Row = Mapping[str, Any]
_REVISION = re.compile(r"[（(][^（）()]*(?:修正|修订|修改|年)[^（）()]*[）)]$")
_BRACKETS = str.maketrans({"[": "〔", "]": "〕", "［": "〔", "］": "〕", "(": "〔", ")": "〕",
                           "（": "〔", "）": "〕", " ": None})


def title_key(title: str) -> str:
    """The title as citations name it.

    >>> title_key("《中华人民共和国反垄断法（2022年修正）》"), title_key("优化营商环境条例")
    ('反垄断法', '优化营商环境条例')
    """
    name = "".join(str(title or "").split()).strip("《》")
    return _REVISION.sub("", name).removeprefix("中华人民共和国")


def number_key(number: str | None) -> str:
    """A 文号 with its brackets made alike: 国办发[2019]38号 = 国办发〔2019〕38号; a decree number with or
    without the state's name (a regulation's own front matter says 中华人民共和国国务院令第485号, a
    citation of it 国务院令第485号).

    >>> number_key("国办发[2019]38号") == number_key("国办发〔2019〕38号")
    True
    >>> number_key("中华人民共和国国务院令第485号") == number_key("国务院令第485号")
    True
    """
    return str(number or "").translate(_BRACKETS).removeprefix("中华人民共和国")


def _find_document(target: Row, by_title: dict[str, Row], by_number: dict[str, Row]) -> Row | None:
    number = number_key(target.get("target_number"))
    if number and number in by_number:
        return by_number[number]
    for name in (target.get("target_title"), target.get("target_name")):
        key = title_key(name or "")
        if key in by_title:
            return by_title[key]
        for title, doc in by_title.items():  # 国务院关于…的决定 -> 关于…的决定 issued by 国务院
            if title.startswith("关于") and key.endswith(title) and key[:-len(title)] in (doc.get("issuers") or ()):
                return doc
    return None


def resolution_edges(documents: Iterable[Row], citations: Iterable[Row],
                     has_node: Callable[[str], bool]) -> list[Edge]:
    """The derived edges for a corpus, from the rows of the ``documents`` and ``citations`` queries.

    >>> docs = [{"id": "doc:A", "title": "中华人民共和国反垄断法", "number": None, "issuers": []}]
    >>> cites = [{"source": "doc:B/measure:1", "doc_id": "doc:B", "target": "law:反垄断法", "target_type": "Law",
    ...           "target_name": "反垄断法", "articles": [22], "evidence": "依照《反垄断法》第二十二条"}]
    >>> [(e.source, e.type.value, e.target) for e in resolution_edges(docs, cites, lambda n: True)]
    [('law:反垄断法', 'LOADED_AS', 'doc:A'), ('doc:B/measure:1', 'REFERS_TO', 'doc:A/article:22')]
    """
    documents = list(documents)
    by_title = {title_key(d.get("title") or ""): d for d in documents}
    by_number = {number_key(d.get("number")): d for d in documents if d.get("number")}
    edges: dict[tuple[str, str, str], Edge] = {}
    for cite in citations:
        if cite.get("target_type") not in (Label.LAW.value, Label.POLICY_DOCUMENT.value):
            continue
        doc = _find_document(cite, by_title, by_number)
        if doc is None or doc["id"] == cite.get("doc_id"):
            continue
        loaded = Edge(cite["target"], doc["id"], EdgeType.LOADED_AS, doc["id"], attrs={"derived": True})
        edges.setdefault(loaded.key, loaded)
        for number in cite.get("articles") or ():
            article = f"{doc['id']}/article:{number}"
            if has_node(article):
                edge = Edge(cite["source"], article, EdgeType.REFERS_TO, cite.get("doc_id") or "",
                            cite.get("evidence") or "", attrs={"derived": True})
                edges.setdefault(edge.key, edge)
    return list(edges.values())


def is_derived(edge: Edge) -> bool:
    return bool(edge.attrs.get("derived"))


def documents_rows(graph: PolicyGraph) -> list[dict[str, Any]]:
    """The ``documents`` rows a resolution needs, read off a `PolicyGraph`."""
    return [{"id": n.id, "title": n.attrs.get("title") or n.name, "number": n.attrs.get("number"),
             "issuers": list(n.attrs.get("issuers") or ())} for n in graph.nodes if n.label is Label.POLICY]


def citation_rows(graph: PolicyGraph) -> list[dict[str, Any]]:
    """The ``citations`` rows a resolution needs, read off a `PolicyGraph`."""
    nodes = {n.id: n for n in graph.nodes}
    rows = []
    for e in graph.edges_of(EdgeType.CITES):
        target = nodes.get(e.target)
        if target is not None:
            rows.append({"source": e.source, "doc_id": e.doc_id, "target": e.target,
                         "target_type": target.label.value, "target_name": target.name,
                         "target_number": target.attrs.get("number"), "target_title": target.attrs.get("title"),
                         "articles": list(e.attrs.get("articles") or ()), "evidence": e.evidence})
    return rows


def with_resolved_citations(graph: PolicyGraph) -> PolicyGraph:
    """`graph` with its derived edges recomputed (any earlier ones dropped first)."""
    kept = tuple(e for e in graph.edges if not is_derived(e))
    base = PolicyGraph(graph.nodes, kept, graph.documents, graph.excluded)
    ids = {n.id for n in graph.nodes}
    derived = resolution_edges(documents_rows(base), citation_rows(base), ids.__contains__)
    return PolicyGraph(graph.nodes, kept + tuple(derived), graph.documents, graph.excluded)
