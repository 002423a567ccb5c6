"""Outline + mentions -> nodes and edges, each extracted edge with its sentence.

One edge per (source, type, target): the first sentence is its `evidence`, later
ones add to `count`; actor edges keep every role verb seen in `roles`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from graph.model import Document, Edge, EdgeType, Excluded, Label, Node, PolicyGraph
from loaders.entities import Mention, find_mentions, role_of
from loaders.lexicon import load_lexicon
from loaders.outline import Block, Outline

SENTENCE_RE = re.compile(r"[^。！？；!?;]+[。！？；!?;]?[”’]?")
EDGE_FOR = {
    Label.ACTOR: EdgeType.INVOLVES,
    Label.LAW: EdgeType.CITES,
    Label.MECHANISM: EdgeType.ESTABLISHES,
    Label.PROGRAMME: EdgeType.RUNS,
    Label.CONCEPT: EdgeType.MENTIONS,
}
ENTITY_PREFIX = {
    Label.ACTOR: "actor", Label.LAW: "law", Label.MECHANISM: "mechanism",
    Label.PROGRAMME: "programme", Label.CONCEPT: "concept",
}


def entity_id(label: Label, name: str) -> str:
    """Shared entities are keyed by normalised name alone, so documents share them.

    >>> entity_id(Label.LAW, "反垄断法")
    'law:反垄断法'
    """
    return f"{ENTITY_PREFIX[label]}:{name}"


def document_id(issuers: list[str] | tuple[str, ...], number: str, title: str, date: str, text: str) -> str:
    """A document's id from what identifies it in print: issuer + 文号; without a 文号, issuer +
    title + date; otherwise the title (if any) and a hash of the normalised content. Two
    documents sharing a title stay two; every copy of one document (any encoding or width) is one.

    >>> document_id(["浙江省人民政府办公厅"], "浙政办发〔2024〕7号", "关于加强数字贸易的若干意见", "", "")
    'doc:浙江省人民政府办公厅:浙政办发〔2024〕7号'
    >>> document_id(["中共浙江省委办公厅"], "", "关于促进平台经济高质量发展的实施意见", "2023-01-31", "")
    'doc:中共浙江省委办公厅:关于促进平台经济高质量发展的实施意见:2023-01-31'
    >>> document_id([], "", "", "", "一段文字")
    'doc:#c7157ec3e3'
    """
    issuer = issuers[0] if issuers else ""
    if issuer and number:
        parts = [issuer, number]
    elif issuer and title and date:
        parts = [issuer, title, date]
    else:
        parts = [title, "#" + content_hash(text)] if title else ["#" + content_hash(text)]
    return "doc:" + ":".join(p.replace("/", "／") for p in parts if p).replace(":#", "#")


def content_hash(text: str) -> str:
    """A short hash of normalised text, blind to whitespace (so line layout does not matter)."""
    return hashlib.sha1("".join(text.split()).encode("utf-8")).hexdigest()[:10]


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, surrounding whitespace excluded."""
    out = []
    for m in SENTENCE_RE.finditer(text):
        s, e = m.span()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


@dataclass
class _Builder:
    doc_id: str
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    roles: dict[tuple[str, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))

    def node(self, node_id: str, label: Label, name: str, **attrs) -> str:
        if node_id not in self.nodes:
            self.nodes[node_id] = Node(node_id, label, name, {k: v for k, v in attrs.items() if v not in ("", None)})
        return node_id

    def edge(self, source: str, target: str, type_: EdgeType, evidence: str = "",
             span: tuple[int, int] | None = None, **attrs) -> None:
        key = (source, type_.value, target)
        self.counts[key] += 1
        if key not in self.edges:
            self.edges[key] = Edge(source, target, type_, self.doc_id, evidence, span, attrs)

    def finish_edges(self) -> list[Edge]:
        out = []
        for key, edge in self.edges.items():
            attrs = dict(edge.attrs)
            if edge.type is EdgeType.INVOLVES:
                attrs["roles"] = list(dict.fromkeys(self.roles[key]))
                attrs["role"] = attrs["roles"][0]
                attrs["role_en"] = load_lexicon().role_en.get(attrs["role"], "involved")
            if edge.evidence:
                attrs["count"] = self.counts[key]
            out.append(Edge(edge.source, edge.target, edge.type, edge.doc_id, edge.evidence, edge.span, attrs))
        return out


def _span(block: Block, start: int, end: int) -> tuple[int, int]:
    return (block.doc_offset(start), block.doc_offset(end, end=True))


def _link_entities(b: _Builder, source: str, block: Block) -> set[str]:
    """Edges from `source` to every entity named in `block`'s body; returns their ids."""
    lex = load_lexicon()
    linked: set[str] = set()
    body_start = block.body_start
    # One pass over the whole body: every pattern stops at sentence punctuation, so the
    # mentions are those of each sentence, found at a fraction of the regex calls.
    found = find_mentions(block.body, lex)
    i = 0
    for s, e in sentences(block.body):
        sentence = block.body[s:e]
        while i < len(found) and found[i].start < s:
            i += 1
        mentions: list[Mention] = []
        while i < len(found) and found[i].start < e:
            m = found[i]
            mentions.append(Mention(m.label, m.name, m.start - s, m.end - s, m.kind, m.en))
            i += 1
        span = _span(block, body_start + s, body_start + e)
        # A sentence split by a page break: `span` covers the gap, `pieces` the text itself.
        pieces = block.doc_ranges(body_start + s, body_start + e)
        extra = {"pieces": [list(p) for p in pieces]} if len(pieces) > 1 else {}
        for m in mentions:
            attrs = {"kind": m.kind} if m.kind else {}
            target = b.node(entity_id(m.label, m.name), m.label, m.name, name_en=m.en, **attrs)
            edge_type = EDGE_FOR[m.label]
            b.edge(source, target, edge_type, sentence, span, **extra)
            if edge_type is EdgeType.INVOLVES:
                b.roles[(source, edge_type.value, target)].append(role_of(sentence, m.start, lex))
            linked.add(target)
    return linked


def _cross_references(b: _Builder, measures: list[tuple[Node, set[str]]]) -> None:
    """Measures that share entities, weighted by how many. Entities named by more than
    half of a document's measures (平台企业 in a platform policy) link everything, so
    they do not count."""
    frequency = Counter(e for _, ents in measures for e in ents)
    generic = {e for e, n in frequency.items() if len(measures) >= 4 and n > len(measures) / 2}
    for i, (a, ents_a) in enumerate(measures):
        for c, ents_c in measures[i + 1:]:
            shared = sorted((ents_a & ents_c) - generic)
            if shared:
                names = sorted(b.nodes[x].name for x in shared)
                b.edge(a.id, c.id, EdgeType.CROSS_REFERENCES, weight=len(shared), shared=names)


def build_graph(outline: Outline, text: str, source: str, fallback_title: str,
                warnings: tuple[str, ...] = (), doc_id: str | None = None) -> PolicyGraph:
    """The PolicyGraph of one document from its outline and normalised text. `doc_id` overrides
    the id derived from the document (used when two different files claim one id)."""
    lex = load_lexicon()
    title = outline.title or fallback_title
    doc_id = doc_id or document_id(outline.issuers, outline.number, outline.title, outline.date, text)
    b = _Builder(doc_id)
    preamble = "".join(x.text for x in outline.of_kind("preamble"))
    notice = "\n".join(x.text for x in outline.of_kind("notice"))
    b.node(doc_id, Label.POLICY, title, title=title, number=outline.number, issuers=list(outline.issuers),
           date=outline.date, addressees=list(outline.addressees), validity=outline.validity,
           signer=outline.signer, attachments=list(outline.attachments), cc=list(outline.cc), kind=outline.kind,
           wrapper=outline.wrapper, metadata=dict(outline.metadata) or None, target_year=outline.target_year,
           source=source, doc_id=doc_id, preamble=preamble, notice=notice,
           content_hash=content_hash(text))
    for issuer in outline.issuers:
        s, e = outline.issuer_spans.get(issuer, (0, 0))
        term = lex.actors.terms.get(issuer)
        target = b.node(entity_id(Label.ACTOR, issuer), Label.ACTOR, issuer, kind="government",
                        name_en=term.en if term else "")
        b.edge(doc_id, target, EdgeType.ISSUED_BY, text[s:e], (s, e))

    ids: dict[int, str] = {}
    chapters: set[int] = set()
    section_system: dict[int, tuple[str, Block]] = {}
    measures: list[tuple[Node, set[str]]] = []
    for index, block in enumerate(outline.blocks):
        parent = ids.get(block.parent, doc_id) if block.parent is not None else doc_id
        span = [block.segments[0][0], block.segments[-1][1]] if block.segments else None
        if block.kind in {"chapter", "article"} or (block.kind == "section" and block.parent in chapters):
            ids[index] = _law_node(b, block, doc_id, ids.get(block.parent, doc_id), span)
            if block.kind == "chapter":
                chapters.add(index)
            elif block.kind == "article":
                _link_entities(b, ids[index], block)
        elif block.kind == "part":
            ids[index] = b.node(f"{doc_id}/part:{block.number}", Label.PART, block.title, number=block.number,
                                title=block.title, role=block.role, doc_id=doc_id, span=span,
                                name_en=lex.part_en.get(block.title, ""))
            b.edge(doc_id, ids[index], EdgeType.HAS_PART)
        elif block.kind == "section":
            ids[index] = b.node(f"{parent}/section:{block.number}", Label.SECTION, block.title,
                                number=block.number, title=block.title, doc_id=doc_id, span=span)
            b.edge(parent, ids[index], EdgeType.HAS_SECTION)
            if block.system:
                system = b.node(f"{doc_id}/system:{block.system}", Label.TARGET_SYSTEM, block.system,
                                doc_id=doc_id, name_en=lex.systems_en.get(block.system, ""))
                b.edge(ids[index], system, EdgeType.BUILDS, block.text, tuple(span))
                section_system[index] = (system, block)
        elif block.kind in {"measure", "item"}:
            label = Label.MEASURE if block.kind == "measure" else Label.ITEM
            node_id = b.node(f"{parent}/{block.kind}:{block.number}", label, block.title, number=block.number,
                             title=block.title, text=block.body, doc_id=doc_id, span=span)
            ids[index] = node_id
            edge_type = EdgeType.HAS_MEASURE if label is Label.MEASURE else EdgeType.HAS_ITEM
            b.edge(parent, node_id, edge_type)
            linked = _link_entities(b, node_id, block)
            if block.parent in section_system:
                system, heading = section_system[block.parent]
                b.edge(node_id, system, EdgeType.BUILDS, heading.text, _span(heading, 0, len(heading.text)))
            if label is Label.MEASURE:
                measures.append((b.nodes[node_id], linked))
        elif block.kind == "preamble":
            _link_entities(b, doc_id, block)
    _link_goal_systems(b, outline)
    _cross_references(b, measures)

    excluded = tuple(Excluded(doc_id, s, e, reason, text[s:e]) for s, e, reason in outline.excluded)
    document = Document(doc_id, source, text, tuple(warnings) + tuple(outline.warnings))
    return PolicyGraph(tuple(b.nodes.values()), tuple(b.finish_edges()), (document,), excluded)


def _law_node(b: _Builder, block: Block, doc_id: str, parent: str, span) -> str:
    """A chapter (编 or 章), a section of a chapter, or an article (flat id: numbered through the law)."""
    if block.kind == "article":
        node_id = b.node(f"{doc_id}/article:{block.number}", Label.ARTICLE, block.title, number=block.number,
                         title=block.title, text=block.body.strip(), doc_id=doc_id, span=span)
        b.edge(parent, node_id, EdgeType.HAS_ARTICLE)
        return node_id
    if block.kind == "section":
        node_id = b.node(f"{parent}/section:{block.number}", Label.SECTION, block.title, number=block.number,
                         title=block.title, doc_id=doc_id, span=span)
        b.edge(parent, node_id, EdgeType.HAS_SECTION)
        return node_id
    unit = "book" if block.level == "book" else "chapter"
    prefix = parent if parent != doc_id else doc_id
    node_id = b.node(f"{prefix}/{unit}:{block.number}", Label.CHAPTER, block.title, number=block.number,
                     title=block.title, level=block.level, doc_id=doc_id, span=span)
    b.edge(parent, node_id, EdgeType.HAS_CHAPTER)
    return node_id


def _link_goal_systems(b: _Builder, outline: Outline) -> None:
    """Items of the general part that name target systems (the 目标要求) build them too."""
    systems = {n.name: n.id for n in b.nodes.values() if n.label is Label.TARGET_SYSTEM}
    item_ids = {n.attrs.get("span", [None])[0]: n.id for n in b.nodes.values() if n.label is Label.ITEM}
    for block in outline.of_kind("item"):
        item_id = item_ids.get(block.segments[0][0])
        for s, e in sentences(block.body):
            sentence = block.body[s:e]
            for name, system_id in systems.items():
                if name in sentence and item_id:
                    b.edge(item_id, system_id, EdgeType.BUILDS, sentence,
                           _span(block, block.body_start + s, block.body_start + e))
