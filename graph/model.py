"""The policy graph as plain data: node and edge types, and one `PolicyGraph`.

Everything else (loaders, stores, rendering) speaks these types. They are
frozen, attributes too (`FrozenMap`, lists as tuples), so a graph handed to a
cache or a store cannot be changed under it.

IDs are derived from the source, never random, so loading the same document
again yields the same IDs and a store merges instead of duplicating:

- outline nodes: ``<document id>/<outline path>``, e.g.
  ``<doc>/part:2/section:4/measure:19``; chapters ``<doc>/chapter:3`` (sections under them
  ``<doc>/chapter:3/section:1``); articles are numbered through a whole law, so their path is flat,
  ``<doc>/article:22``, and a citation of 第二十二条 finds it without knowing the chapter
- shared entities: ``<kind>:<normalised name>``, e.g. ``law:反垄断法``; cited policy documents
  ``policydoc:<文号>`` (or ``policydoc:<title>`` without one)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import Any, Iterable, Mapping


class Label(str, Enum):
    """Node types. The value is the Neo4j label."""

    POLICY = "Policy"
    PART = "Part"
    SECTION = "Section"
    MEASURE = "Measure"
    ITEM = "Item"  # numbered items of the general-requirements / implementation parts
    CHAPTER = "Chapter"  # 第X编/章 of a law or regulation (编 as `level: "book"`)
    ARTICLE = "Article"  # 第X条, numbered through the whole document; 款 and 项 stay in its text
    TARGET_SYSTEM = "TargetSystem"
    ACTOR = "Actor"
    LAW = "Law"
    MECHANISM = "Mechanism"
    PROGRAMME = "Programme"
    CONCEPT = "Concept"
    POLICY_DOCUMENT = "PolicyDocument"  # a cited policy document (意见, 通知, 决定 …), keyed by 文号 or title

    def __str__(self) -> str:
        return self.value


OUTLINE_LABELS = frozenset({Label.POLICY, Label.PART, Label.SECTION, Label.MEASURE, Label.ITEM,
                            Label.CHAPTER, Label.ARTICLE})
# Shared across documents: their IDs carry no document prefix.
SHARED_LABELS = frozenset({Label.ACTOR, Label.LAW, Label.MECHANISM, Label.PROGRAMME, Label.CONCEPT,
                           Label.POLICY_DOCUMENT})


class EdgeType(str, Enum):
    """Edge types. The value is the Neo4j relationship type."""

    HAS_PART = "HAS_PART"  # Policy -> Part
    HAS_SECTION = "HAS_SECTION"  # Part -> Section
    HAS_MEASURE = "HAS_MEASURE"  # Section -> Measure
    HAS_ITEM = "HAS_ITEM"  # Part -> Item
    HAS_CHAPTER = "HAS_CHAPTER"  # Policy -> Chapter, Chapter (编) -> Chapter (章)
    HAS_ARTICLE = "HAS_ARTICLE"  # Policy/Chapter/Section -> Article
    BUILDS = "BUILDS"  # Section/Measure/Item -> TargetSystem
    INVOLVES = "INVOLVES"  # Measure/Item -> Actor, with `role` (鼓励, 支持, …)
    CITES = "CITES"  # Measure/Item -> Law
    ESTABLISHES = "ESTABLISHES"  # Measure/Item -> Mechanism
    RUNS = "RUNS"  # Measure/Item -> Programme
    MENTIONS = "MENTIONS"  # Measure/Item -> Concept
    CROSS_REFERENCES = "CROSS_REFERENCES"  # Measure -> Measure, `weight`, `shared`
    ISSUED_BY = "ISSUED_BY"  # Policy -> Actor
    ASSIGNED_TO = "ASSIGNED_TO"  # Measure/Item/Article -> Actor, `role`: lead | support | responsible
    REFERS_TO = "REFERS_TO"  # Article/Measure -> Article (本条例第十条, 前款, 《反垄断法》第二十二条)
    IMPLEMENTS = "IMPLEMENTS"  # Policy -> Law/PolicyDocument: 为贯彻落实《X》, 根据《X》, 依据《X》
    AMENDS = "AMENDS"  # Policy -> Law/PolicyDocument: 修订, 废止, 同时废止 (attr `action`: amends | repeals)
    LOADED_AS = "LOADED_AS"  # Law/PolicyDocument -> Policy: the cited document is itself loaded

    def __str__(self) -> str:
        return self.value


OUTLINE_EDGES = frozenset({EdgeType.HAS_PART, EdgeType.HAS_SECTION, EdgeType.HAS_MEASURE, EdgeType.HAS_ITEM,
                           EdgeType.HAS_CHAPTER, EdgeType.HAS_ARTICLE})
# Names a node's or an edge's own fields take when it is flattened (stored, exported, shown): an
# attribute of that name would silently override the field, so `attrs` may not hold one.
NODE_FIELDS = frozenset({"id", "type", "name", "label"})
EDGE_FIELDS = frozenset({"id", "source", "target", "type", "label", "doc_id", "evidence", "span"})


class FrozenMap(dict):
    """A dict that refuses every change once made. A dict still, so JSON, pickling and the Neo4j
    driver take it as they take any mapping.

    >>> m = FrozenMap({"role": "鼓励"})
    >>> m["role"], m == {"role": "鼓励"}
    ('鼓励', True)
    >>> m["role"] = "支持"
    Traceback (most recent call last):
    TypeError: attributes are read-only: make a new node or edge instead
    """

    def _refuse(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError("attributes are read-only: make a new node or edge instead")

    __setitem__ = __delitem__ = __ior__ = clear = pop = popitem = setdefault = update = _refuse

    def __reduce__(self):
        return (FrozenMap, (dict(self),))


def freeze(value: Any) -> Any:
    """`value` with every list a tuple, every set a frozenset and every mapping a `FrozenMap`.

    >>> freeze({"shared": ["a", "b"], "meta": {"n": [1]}})
    {'shared': ('a', 'b'), 'meta': {'n': (1,)}}
    """
    if isinstance(value, Mapping):
        return FrozenMap({k: freeze(v) for k, v in value.items()})
    if isinstance(value, (list, tuple)):
        return tuple(freeze(v) for v in value)
    if isinstance(value, (set, frozenset)):
        return frozenset(freeze(v) for v in value)
    return value


_PLAIN = frozenset({str, int, float, bool, type(None)})


def thaw(value: Any) -> Any:
    """Plain data again, as stored and written to JSON: tuples as lists, mappings as dicts
    (a set as a sorted list).

    >>> thaw(freeze({"shared": ["a", "b"], "meta": {"n": [1]}}))
    {'shared': ['a', 'b'], 'meta': {'n': [1]}}
    """
    kind = type(value)
    if kind in _PLAIN:  # most values, and the ABC check below is slow
        return value
    if kind is tuple:  # what freeze makes of a list: the next most common, checked as cheaply
        return [v if type(v) in _PLAIN else thaw(v) for v in value]
    if kind is FrozenMap or kind is dict:
        return {k: v if type(v) in _PLAIN else thaw(v) for k, v in value.items()}
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [thaw(v) for v in value]
    if isinstance(value, (set, frozenset)):
        return sorted(thaw(v) for v in value)
    return value


def _frozen_attrs(owner: object, attrs: Mapping[str, Any], reserved: frozenset[str], what: str) -> None:
    """Check `attrs` for reserved names and store them frozen on the (frozen) dataclass `owner`."""
    clash = sorted(reserved & set(attrs))
    if clash:
        raise ValueError(f"{what}: attribute {clash[0]!r} is reserved (it is the {what.split()[0]}'s own field)")
    object.__setattr__(owner, "attrs", freeze(attrs))


@dataclass(frozen=True)
class Node:
    """One node. `attrs` holds label-specific properties (see `Label`):

    - Policy: title, number, issuers (list), date (ISO), addressees, target_year, source
    - Part/Section/Item/Measure: number (int), title, text, span, doc_id
    - Actor: kind (government, enterprise, financial, association, group, other)
    - any: name_en (English label from the lexicon, when known)
    """

    id: str
    label: Label
    name: str
    attrs: Mapping[str, Any] = field(default_factory=FrozenMap)

    def __post_init__(self) -> None:
        _frozen_attrs(self, self.attrs, NODE_FIELDS, f"node {self.id}")

    def as_dict(self) -> dict[str, Any]:
        """Flat properties, as stored: ``{"id", "type", "name", **attrs}`` (lists as lists)."""
        return {"id": self.id, "type": self.label.value, "name": self.name, **thaw(self.attrs)}


@dataclass(frozen=True)
class Edge:
    """One directed edge.

    Extracted edges carry `evidence` (the sentence), `span` (start, end offsets
    into the normalised text of document `doc_id`). Outline edges may leave
    evidence empty. `attrs` holds type-specific properties such as `role`,
    `roles`, `weight`, `shared`.
    """

    source: str
    target: str
    type: EdgeType
    doc_id: str
    evidence: str = ""
    span: tuple[int, int] | None = None
    attrs: Mapping[str, Any] = field(default_factory=FrozenMap)

    def __post_init__(self) -> None:
        _frozen_attrs(self, self.attrs, EDGE_FIELDS, f"edge {self.source} -{self.type}-> {self.target}")

    @property
    def key(self) -> tuple[str, str, str]:
        """Identity of the edge: one edge per (source, type, target)."""
        return (self.source, self.type.value, self.target)

    def as_dict(self) -> dict[str, Any]:
        """Flat properties, as stored (span as a two-item list)."""
        out: dict[str, Any] = {"type": self.type.value, "doc_id": self.doc_id}
        if self.attrs:  # most edges have none: no empty dict made and spread
            out.update(thaw(self.attrs))
        if self.evidence:
            out["evidence"] = self.evidence
        if self.span is not None:
            out["span"] = [int(self.span[0]), int(self.span[1])]
        return out


@dataclass(frozen=True)
class Excluded:
    """Text set aside as not part of the policy (newspaper, page furniture …)."""

    doc_id: str
    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True)
class Document:
    """One loaded source: its id, where it came from and its normalised text."""

    id: str
    source: str
    text: str
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PolicyGraph:
    """A whole graph of plain data: any number of documents."""

    nodes: tuple[Node, ...] = ()
    edges: tuple[Edge, ...] = ()
    documents: tuple[Document, ...] = ()
    excluded: tuple[Excluded, ...] = ()

    def node(self, node_id: str) -> Node:
        """The node with this id; KeyError if there is none."""
        return self._by_id[node_id]

    @cached_property
    def _by_id(self) -> dict[str, Node]:
        """Nodes by id, built on the first `node` call (the first of a repeated id wins)."""
        by_id: dict[str, Node] = {}
        for n in self.nodes:
            by_id.setdefault(n.id, n)
        return by_id

    def nodes_of(self, label: Label) -> list[Node]:
        return [n for n in self.nodes if n.label == label]

    def edges_of(self, edge_type: EdgeType) -> list[Edge]:
        return [e for e in self.edges if e.type == edge_type]

    def document(self, doc_id: str) -> Document:
        for d in self.documents:
            if d.id == doc_id:
                return d
        raise KeyError(doc_id)

    def merged_with(self, other: "PolicyGraph") -> "PolicyGraph":
        """Both graphs in one. A document in `other` replaces the same document here;
        shared entities are kept once (first attributes win, English labels fill in)."""
        replaced = {d.id for d in other.documents}
        keep_edges = [e for e in self.edges if e.doc_id not in replaced]
        keep_nodes = [n for n in self.nodes if n.attrs.get("doc_id") not in replaced and n.id not in replaced]
        return merge_graphs([PolicyGraph(tuple(keep_nodes), tuple(keep_edges),
                                         tuple(d for d in self.documents if d.id not in replaced),
                                         tuple(x for x in self.excluded if x.doc_id not in replaced)),
                             other])


def merge_graphs(graphs: Iterable[PolicyGraph]) -> PolicyGraph:
    """One graph from many, nodes and edges deduplicated by id and key. A node met again keeps its
    first attributes; an English label (``name_en``) it lacks is filled in from a later copy."""
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str, str], Edge] = {}
    documents: dict[str, Document] = {}
    excluded: list[Excluded] = []
    for g in graphs:
        for n in g.nodes:
            nodes[n.id] = _with_english(nodes[n.id], n) if n.id in nodes else n
        for e in g.edges:
            edges.setdefault(e.key, e)
        for d in g.documents:
            documents[d.id] = d
        excluded.extend(g.excluded)
    # Shared entities referenced only by dropped documents are orphans now.
    used = {e.source for e in edges.values()} | {e.target for e in edges.values()}
    kept = tuple(n for n in nodes.values() if n.label not in SHARED_LABELS or n.id in used)
    return PolicyGraph(kept, tuple(edges.values()), tuple(documents.values()), tuple(excluded))


def _with_english(first: Node, later: Node) -> Node:
    """`first`, with `later`'s English label when `first` has none."""
    if first.attrs.get("name_en") or not later.attrs.get("name_en"):
        return first
    return Node(first.id, first.label, first.name, {**first.attrs, "name_en": later.attrs["name_en"]})
