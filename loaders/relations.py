"""Outline + mentions -> nodes and edges, each extracted edge with its sentence.

One edge per (source, type, target): the first sentence is its `evidence`, later
ones add to `count`; actor edges keep every role verb seen in `roles`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from functools import lru_cache
from dataclasses import dataclass, field

from graph.model import Document, Edge, EdgeType, Excluded, Label, Node, PolicyGraph
from loaders.attributions import Attribution, body_of, find_attributions, list_bodies, load_rules, note_attributions
from loaders.bodies import Body, Found, Place, find_bodies, jurisdiction_of, province_of_number
from loaders.citations import load_rules as load_citation_rules
from loaders.citations import (find_aliases, find_article_refs, find_document_relations,
                               find_law_numbers, find_policy_documents, law_kind, number_identity,
                               title_identity)
from loaders.entities import Mention, canonical_law, find_mentions, is_mentioned_only, role_of
from loaders.evidence import clip
from loaders.issuer_level import issuer_level
from loaders.lexicon import load_lexicon
from loaders.outline import Block, Outline

# A line break ends a sentence too: an addressee line (各…：) is never part of the next one.
SENTENCE_RE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?[”’]?")
ADDRESSEE_RE = re.compile(r"^各[^。]{0,120}[：:]$")
BASIS_ARTICLES = 3  # the articles that may say what a document is made under (第一条, at most 第三条)
ROLE_RANK = {"lead": 0, "responsible": 1, "support": 2}
BODY_KINDS = {"government", "functional", "generic"}  # only bodies are named in boilerplate
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


@lru_cache(maxsize=8)  # a block's sentences are asked for once per mention and citation in it
def sentences(text: str) -> tuple[tuple[int, int], ...]:
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
    return tuple(out)


@dataclass
class _Builder:
    doc_id: str
    place: Place = field(default_factory=Place)
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str, str], Edge] = field(default_factory=dict)
    counts: Counter = field(default_factory=Counter)
    roles: dict[tuple[str, str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    articles: dict[tuple[str, str, str], set[int]] = field(default_factory=lambda: defaultdict(set))
    # Article references inside the document, resolved once every Article node exists.
    pending_refs: list[tuple[str, int, str, str, tuple[int, int]]] = field(default_factory=list)
    aliases: dict[str, str] = field(default_factory=dict)  # 条例 -> the title the document shortened so
    own_titles: frozenset[str] = frozenset()  # title_identity of the document's own titles: never cited
    own_number: str = ""  # its 文号: a title of its own cited with another number is an earlier version
    numbers: dict[str, str] = field(default_factory=dict)  # title_identity -> the 文号 it is cited with

    def is_own(self, title: str, number: str = "") -> bool:
        """Whether `title` (cited with `number`) is this document: a revised 办法 repeals the earlier
        one of the same title by that one's number (《X办法》（某政发〔2008〕5号）同时废止)."""
        same_number = not number or number_identity(number) == number_identity(self.own_number)
        return title_identity(title) in self.own_titles and same_number

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
        if type_ is EdgeType.ASSIGNED_TO:
            self.roles[key].append(attrs["role"])

    def finish_edges(self) -> list[Edge]:
        out = []
        for key, edge in self.edges.items():
            attrs = dict(edge.attrs)
            if edge.type is EdgeType.INVOLVES:
                attrs["roles"] = list(dict.fromkeys(self.roles[key]))
                attrs["role"] = attrs["roles"][0]
                attrs["role_en"] = load_lexicon().role_en.get(attrs["role"], "involved")
            elif edge.type is EdgeType.ASSIGNED_TO:
                attrs.update(_assigned_roles(self.roles[key]))
            if self.articles.get(key):
                attrs["articles"] = sorted(self.articles[key])
            if edge.evidence:
                attrs["count"] = self.counts[key]
            out.append(Edge(edge.source, edge.target, edge.type, edge.doc_id, edge.evidence, edge.span, attrs))
        return out


def _span(block: Block, start: int, end: int) -> tuple[int, int]:
    return (block.doc_offset(start), block.doc_offset(end, end=True))


def _assigned_roles(roles: list[str]) -> dict:
    """The strongest role a body is given (lead, responsible, support), with its labels."""
    ordered = sorted(dict.fromkeys(roles), key=ROLE_RANK.get)
    labels = load_rules().roles[ordered[0]]
    return {"role": ordered[0], "roles": ordered, "role_en": labels["en"], "role_zh": labels["zh"]}


def _actor_node(b: _Builder, m: Mention) -> str:
    attrs = {"kind": m.kind, **dict(m.attrs)}
    return b.node(entity_id(m.label, m.name), m.label, m.name, name_en=m.en, **attrs)


def _link_attributions(b: _Builder, source: str, block: Block,
                       bodies: list[Found]) -> tuple[set[str], list[tuple[int, int, str]]]:
    """ASSIGNED_TO edges for the bodies `block` names as responsible; returns their ids, and
    (start, end, name) of each attribution's text and body."""
    assigned, spans = set(), []
    for a in find_attributions(block.body, b.place, bodies):
        body = a.body
        target = b.node(entity_id(Label.ACTOR, body.name), Label.ACTOR, body.name, kind=body.kind,
                        name_en=body.en, level=body.level, jurisdiction=body.place)
        cs, ce = clip(block.body[a.start:a.end], 0, a.end - a.start)
        s, e = a.start + cs, a.start + ce
        b.edge(source, target, EdgeType.ASSIGNED_TO, block.body[s:e],
               _span(block, block.body_start + s, block.body_start + e), role=a.role)
        assigned.add(target)
        spans.append((a.start, a.end, body.name))
    return assigned, spans


def _restated(m: Mention, at: int, spans: list[tuple[int, int, str]], written: str, place: Place) -> bool:
    """Whether mention `m` at `at` (`written` there) is an attributed body read without the level its
    list gave it: 交通运输厅 in （省发展改革委、交通运输厅负责） is the 省交通运输厅 assigned there, and
    发改委 in a district's （发改委、统计局牵头） the district's, not the State's."""
    inside = [name for s, e, name in spans if s <= at < e and name != m.name]
    if m.label is not Label.ACTOR or not inside:
        return False
    return any(name.endswith(m.name) for name in inside) or any(
        b.name in inside for b in list_bodies(written, place))


def _link_entities(b: _Builder, source: str, block: Block) -> set[str]:
    """Edges from `source` to every entity named in `block`'s body; returns their ids."""
    bodies = find_bodies(block.body, b.place)
    linked, spans = _link_attributions(b, source, block, bodies)
    # One pass over the whole body: every pattern stops at sentence punctuation, so the
    # mentions are those of each sentence, found at a fraction of the regex calls.
    found = find_mentions(block.body, place=b.place)  # the bundled lexicon, and `bodies` again (cached)
    i = 0
    for s, e in sentences(block.body):
        sentence = block.body[s:e]
        while i < len(found) and found[i].start < s:
            i += 1
        mentions: list[Mention] = []
        while i < len(found) and found[i].start < e:
            m = found[i]
            mentions.append(Mention(m.label, m.name, m.start - s, m.end - s, m.kind, m.en, m.attrs))
            i += 1
        if ADDRESSEE_RE.match(sentence):  # 各市、县（市、区）人民政府…： names who receive it, not who acts
            continue
        for m in mentions:
            if not _restated(m, s + m.start, spans, sentence[m.start:m.end], b.place):
                _link_mention(b, source, block, s, sentence, m, linked)
    _link_citations(b, source, block, linked)
    return linked


def _evidence(block: Block, start: int, end: int) -> tuple[str, tuple[int, int]]:
    """The sentence around block.body[start:end] (bounded), and its document span."""
    s, e = next(((s, e) for s, e in sentences(block.body) if s <= start < e), (start, end))
    cs, ce = clip(block.body[s:e], start - s, end - s)
    lo, hi = block.body_start + s + cs, block.body_start + s + ce
    return block.text[lo:hi], _span(block, lo, hi)


def _link_citations(b: _Builder, source: str, block: Block, linked: set[str]) -> None:
    """CITES edges to cited policy documents and to laws named by the short name the document gave
    them (《条例》); article numbers on CITES edges to laws; references to this document's articles,
    kept until every Article node exists."""
    for c in find_policy_documents(block.body):
        if c.title and b.is_own(c.title, c.number):
            continue
        number = c.number or b.numbers.get(title_identity(c.title), "")
        target = b.node(f"policydoc:{number or c.key}", Label.POLICY_DOCUMENT, c.title or c.number,
                        title=c.title, number=number, issuer=c.issuer)
        b.edge(source, target, EdgeType.CITES, *_evidence(block, c.start, c.end))
        linked.add(target)
    _link_aliases(b, source, block, linked)
    _number_laws(b, block.body)
    for r in find_article_refs(block.body, b.aliases):
        evidence, span = _evidence(block, r.start, r.end)
        if r.law:
            law = entity_id(Label.LAW, r.law)
            if law in b.nodes:
                b.articles[(source, EdgeType.CITES.value, law)].add(r.article)
        else:
            b.pending_refs.append((source, r.article, r.paragraph, evidence, span))


def _link_aliases(b: _Builder, source: str, block: Block, linked: set[str]) -> None:
    """CITES edges for each 《条例》 that stands for the title the document shortened to it."""
    for short, title in b.aliases.items():
        name = canonical_law(title)
        if law_kind(name) is None or f"《{short}》" not in block.body:
            continue
        target = b.node(entity_id(Label.LAW, name), Label.LAW, name, kind=law_kind(name))
        for m in re.finditer(re.escape(f"《{short}》"), block.body):
            b.edge(source, target, EdgeType.CITES, *_evidence(block, m.start(), m.end()))
        linked.add(target)


def _number_laws(b: _Builder, text: str) -> None:
    """The 文号 or decree number a law or rules is cited with (《X办法》（某政发〔2017〕13号）) on its node:
    the corpus resolves a citation by number when its title is written differently."""
    for title, number in find_law_numbers(text):
        node = b.nodes.get(entity_id(Label.LAW, canonical_law(title)))
        if node is not None and not node.attrs.get("number"):
            b.nodes[node.id] = Node(node.id, node.label, node.name, {**node.attrs, "number": number})


def _relation_blocks(outline: Outline) -> list[tuple[Block, tuple[str, ...]]]:
    """Where a document says what it implements or amends, with the cue lists read there: its title,
    preamble, the notice of a 印发 wrapper and the articles that say what it is made under (根据《X》，
    制定本条例; 本办法依据《X》…制定, sometimes the second) say both; its last article only what it
    repeals (《X》同时废止), since 按照《X》 there applies a rule, not a law. An amendment instruction
    (将《X》第七条修改为) is read in every block."""
    both = ("implements", "amends", "instructions")
    out = [(block, both) for block in outline.of_kind("preamble") + outline.of_kind("notice")]
    articles = outline.of_kind("article")
    basis = [a for i, a in enumerate(articles[:BASIS_ARTICLES]) if i == 0 or _says_made_under(a.body)]
    out += [(article, both) for article in basis]
    if len(articles) > 1 and articles[-1] not in basis:
        out.append((articles[-1], ("amends", "instructions")))
    # its title too (某市贯彻落实《X》实施方案, 关于修改《X》的决定), read last: the body's sentence, with
    # the 文号, is the better evidence when it says the same
    out += [(block, both) for block in outline.of_kind("title")]
    seen = {id(block) for block, _ in out}
    return out + [(block, ("instructions",)) for block in outline.blocks if id(block) not in seen]


def _says_made_under(text: str) -> bool:
    """Whether an article says what the document is made under: a making word (制定) after a 《…》."""
    cited = text.find("《")
    return cited >= 0 and any(word in text[cited:] for word in load_citation_rules().making_words)


def _cited_document(b: _Builder, title: str, number: str, by_number: bool = False) -> str:
    """The node of a document cited by title: a law or regulation (with its number when cited with one),
    else a policy document, keyed by the 文号 the document gives it anywhere (a notice may name it
    without the 文号 its preamble gives)."""
    name = canonical_law(title)
    kind = law_kind(name)
    if kind and not by_number:
        return b.node(entity_id(Label.LAW, name), Label.LAW, name, kind=kind, number=number)
    number = number or b.numbers.get(title_identity(title), "")
    issuer = title.partition(load_citation_rules().issuer_marker)[0]
    return b.node(f"policydoc:{number or title}", Label.POLICY_DOCUMENT, title or number, title=title,
                  number=number, issuer=issuer if issuer != title else "")


def _link_document_relations(b: _Builder, outline: Outline) -> None:
    """IMPLEMENTS and AMENDS edges from the document to the documents it names with a cue
    (根据《X》, 《X》同时废止), each with its sentence."""
    for block, kinds in _relation_blocks(outline):
        for r in find_document_relations(block.body, kinds):
            title = b.aliases.get(r.title, r.title)  # 按照《细则》: the title the document shortened
            if b.is_own(title, r.number):
                continue
            # an earlier version of this very title is known by its number alone
            target = _cited_document(b, title, r.number, by_number=b.is_own(title))
            edge_type = EdgeType.IMPLEMENTS if r.kind == "implements" else EdgeType.AMENDS
            attrs = {"action": r.action} if r.action else {}
            if (b.doc_id, edge_type.value, target) in b.edges:  # counted; its first sentence is the evidence
                b.edge(b.doc_id, target, edge_type, **attrs)
                continue
            evidence = _evidence(block, r.start, r.end)
            b.edge(b.doc_id, target, edge_type, *evidence, **attrs)
            if not any(t == target and kind == EdgeType.CITES.value for _, kind, t in b.edges):
                # what only a relation names (根据宪法和国务院组织法) is cited too: a corpus resolves citations
                b.edge(b.doc_id, target, EdgeType.CITES, *evidence)


def _resolve_article_refs(b: _Builder) -> None:
    """REFERS_TO edges for references to articles that exist in this document; 前款 and
    本条第二款 (article 0) point to the citing article itself."""
    for source, number, paragraph, evidence, span in b.pending_refs:
        target = source if number == 0 else f"{b.doc_id}/article:{number}"
        if target in b.nodes and b.nodes[target].label is Label.ARTICLE:
            attrs = {"paragraph": paragraph} if paragraph else {}
            b.edge(source, target, EdgeType.REFERS_TO, evidence, span, **attrs)


def _link_mention(b: _Builder, source: str, block: Block, s: int, sentence: str, m: Mention,
                  linked: set[str]) -> None:
    if m.label is Label.LAW and b.is_own(m.name):  # its own title, in its decree: 《X办法》已经…通过
        return
    target = _actor_node(b, m) if m.label is Label.ACTOR else b.node(
        entity_id(m.label, m.name), m.label, m.name, name_en=m.en, **({"kind": m.kind} if m.kind else {}))
    edge_type = EDGE_FOR[m.label]
    if edge_type is EdgeType.INVOLVES and target in linked and (source, EdgeType.ASSIGNED_TO.value, target) in b.edges:
        return  # the attribution already says what this body does here
    cs, ce = clip(sentence, m.start, m.end)
    start, end = block.body_start + s + cs, block.body_start + s + ce
    # A sentence split by a page break: `span` covers the gap, `pieces` the text itself.
    pieces = block.doc_ranges(start, end)
    extra = {"pieces": [list(p) for p in pieces]} if len(pieces) > 1 else {}
    b.edge(source, target, edge_type, sentence[cs:ce], _span(block, start, end), **extra)
    if edge_type is EdgeType.INVOLVES:
        boilerplate = m.kind in BODY_KINDS and is_mentioned_only(sentence, m.start, m.end)
        role = "提及" if boilerplate else role_of(sentence, m.start)
        b.roles[(source, edge_type.value, target)].append(role)
    linked.add(target)


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
    title = outline.title or fallback_title
    doc_id = doc_id or document_id(outline.issuers, outline.number, outline.title, outline.date, text)
    place = jurisdiction_of(title, outline.issuers)
    if place == Place():
        place = province_of_number(outline.number, outline.issuers)
    b = _Builder(doc_id, place, aliases=find_aliases(text), numbers=_cited_numbers(text),
                 own_titles=frozenset(title_identity(t) for t in (title, outline.wrapper) if t),
                 own_number=outline.number)
    _document_node(b, outline, text, source, title)
    _issuers(b, outline, text)
    walk = _OutlineWalk(b, doc_id)
    for index, block in enumerate(outline.blocks):
        walk.add(index, block)
    _link_goal_systems(b, outline)
    _link_document_relations(b, outline)
    _resolve_article_refs(b)
    _cross_references(b, walk.measures)

    excluded = tuple(Excluded(doc_id, s, e, reason, text[s:e]) for s, e, reason in outline.excluded)
    document = Document(doc_id, source, text, tuple(warnings) + tuple(outline.warnings))
    return PolicyGraph(tuple(b.nodes.values()), tuple(b.finish_edges()), (document,), excluded)


def _cited_numbers(text: str) -> dict[str, str]:
    """The 文号 of each policy document the text cites with one, by title: one document, one node."""
    return {title_identity(c.title): c.number for c in find_policy_documents(text) if c.title and c.number}


def _document_node(b: _Builder, outline: Outline, text: str, source: str, title: str) -> None:
    """The Policy node: what the document says about itself, its preamble and wrapping notice."""
    doc_id = b.doc_id
    preamble = "".join(x.text for x in outline.of_kind("preamble"))
    notice = "\n".join(x.text for x in outline.of_kind("notice"))
    b.node(doc_id, Label.POLICY, title, title=title, number=outline.number, issuers=list(outline.issuers),
           date=outline.date, addressees=list(outline.addressees), validity=outline.validity,
           signer=outline.signer, attachments=list(outline.attachments), cc=list(outline.cc), kind=outline.kind,
           wrapper=outline.wrapper, metadata=dict(outline.metadata) or None, target_year=outline.target_year,
           source=source, doc_id=doc_id, preamble=preamble, notice=notice,
           content_hash=content_hash(text), level=issuer_level(outline.issuers, title))


def _issuers(b: _Builder, outline: Outline, text: str) -> None:
    """ISSUED_BY edges to the issuing bodies, each with the line that names it."""
    for issuer in outline.issuers:
        s, e = outline.issuer_spans.get(issuer, (0, 0))
        body = body_of(issuer, b.place) or Body(issuer)
        target = b.node(entity_id(Label.ACTOR, body.name), Label.ACTOR, body.name, kind="government",
                        name_en=body.en, level=body.level, jurisdiction=body.place)
        at = max(text.find(issuer, s, e), s)
        cs, ce = clip(text[s:e], at - s, at - s + len(issuer))
        b.edge(b.doc_id, target, EdgeType.ISSUED_BY, text[s + cs:s + ce], (s + cs, s + ce))


class _OutlineWalk:
    """The outline's blocks, in order, as nodes under their parents: parts, sections (with the target
    systems they build), measures and items, and a law's chapters, sections and articles."""

    def __init__(self, b: _Builder, doc_id: str) -> None:
        self.b, self.doc_id = b, doc_id
        self.ids: dict[int, str] = {}
        self.chapters: set[int] = set()
        self.section_system: dict[int, tuple[str, Block]] = {}
        self.measures: list[tuple[Node, set[str]]] = []
        self.blocks: dict[int, Block] = {}

    def add(self, index: int, block: Block) -> None:
        self.blocks[index] = block
        parent = self.ids.get(block.parent, self.doc_id) if block.parent is not None else self.doc_id
        span = [block.segments[0][0], block.segments[-1][1]] if block.segments else None
        if block.kind in {"chapter", "article"} or (block.kind == "section" and block.parent in self.chapters):
            self.ids[index] = _law_node(self.b, block, self.doc_id, self.ids.get(block.parent, self.doc_id), span)
            if block.kind == "chapter":
                self.chapters.add(index)
            elif block.kind == "article":
                _link_entities(self.b, self.ids[index], block)
        elif block.kind == "part":
            self.ids[index] = self._part(block, span)
            if block.body.strip() != block.title:
                # text under the heading, in no item: the document's, as a preamble's is
                _link_entities(self.b, self.doc_id, block)
        elif block.kind == "section":
            self.ids[index] = self._section(index, block, parent, span)
        elif block.kind in {"measure", "item"}:
            self.ids[index] = self._measure(block, parent, span)
        elif block.kind == "preamble":
            _link_entities(self.b, self.doc_id, block)

    def _part(self, block: Block, span) -> str:
        node_id = self.b.node(f"{self.doc_id}/part:{block.number}", Label.PART, block.title, number=block.number,
                              title=block.title, role=block.role, doc_id=self.doc_id, span=span,
                              name_en=load_lexicon().part_en.get(block.title, ""))
        self.b.edge(self.doc_id, node_id, EdgeType.HAS_PART)
        return node_id

    def _section(self, index: int, block: Block, parent: str, span) -> str:
        b, doc_id = self.b, self.doc_id
        node_id = b.node(f"{parent}/section:{block.number}", Label.SECTION, block.title,
                         number=block.number, title=block.title, doc_id=doc_id, span=span)
        b.edge(parent, node_id, EdgeType.HAS_SECTION)
        if block.system:
            system = b.node(f"{doc_id}/system:{block.system}", Label.TARGET_SYSTEM, block.system,
                            doc_id=doc_id, name_en=load_lexicon().systems_en.get(block.system, ""))
            b.edge(node_id, system, EdgeType.BUILDS, block.text, tuple(span))
            self.section_system[index] = (system, block)
        return node_id

    def _measure(self, block: Block, parent: str, span) -> str:
        b = self.b
        label = Label.MEASURE if block.kind == "measure" else Label.ITEM
        node_id = b.node(f"{parent}/{block.kind}:{block.number}", label, block.title, number=block.number,
                         title=block.title, text=block.body, doc_id=self.doc_id, span=span)
        b.edge(parent, node_id, EdgeType.HAS_MEASURE if label is Label.MEASURE else EdgeType.HAS_ITEM)
        linked = _link_entities(b, node_id, block)
        if not any(k[0] == node_id and k[1] == EdgeType.ASSIGNED_TO.value for k in b.edges):
            linked |= self._heading_attributions(node_id, block)
        if block.parent in self.section_system:
            system, heading = self.section_system[block.parent]
            b.edge(node_id, system, EdgeType.BUILDS, heading.text, _span(heading, 0, len(heading.text)))
        if label is Label.MEASURE:
            self.measures.append((b.nodes[node_id], linked))
        return node_id


    def _heading_attributions(self, node_id: str, block: Block) -> set[str]:
        """ASSIGNED_TO edges from the nearest part or section heading with a note (一、强化科技创新
        （区科技局牵头）) to a measure that names no body itself: the heading's body leads all of them."""
        parent = block.parent
        while parent is not None and parent in self.blocks:
            heading = self.blocks[parent]
            start = heading.text.find(heading.title)
            found = note_attributions(heading.title, self.b.place) if start >= 0 and heading.title else []
            if found:
                return {_assign(self.b, node_id, heading, a, start) for a in found}
            parent = heading.parent
        return set()


def _assign(b: _Builder, source: str, block: Block, a: Attribution, offset: int) -> str:
    """An ASSIGNED_TO edge for attribution `a` read at block.text[offset + a.start:offset + a.end]."""
    body = a.body
    target = b.node(entity_id(Label.ACTOR, body.name), Label.ACTOR, body.name, kind=body.kind,
                    name_en=body.en, level=body.level, jurisdiction=body.place)
    s, e = offset + a.start, offset + a.end
    b.edge(source, target, EdgeType.ASSIGNED_TO, block.text[s:e], _span(block, s, e), role=a.role)
    return target


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
