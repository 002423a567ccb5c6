"""`GraphIndex`: the one set of lookups over a `PolicyGraph`, built once.

The embedded store answers its named queries over it (the networkx view `g`, nodes by label,
search haystacks, the target systems of every measure); the tour, handouts and pictures read a
document through it once the app has fetched the document's rows from whichever store it uses
(`GraphIndex.from_rows`). "Which target systems a measure builds" is worked out here and only
here (`systems_of`): directly, or through the section holding it.

>>> from graph.model import Edge, EdgeType, Label, Node, PolicyGraph

if TYPE_CHECKING:
    from graph.store import PolicyStore
>>> g = PolicyGraph((Node("d/s:1", Label.SECTION, "一"), Node("d/s:1/m:1", Label.MEASURE, "m"),
...                  Node("d/sys", Label.TARGET_SYSTEM, "体系")),
...                 (Edge("d/s:1", "d/s:1/m:1", EdgeType.HAS_MEASURE, "d"),
...                  Edge("d/s:1", "d/sys", EdgeType.BUILDS, "d")))
>>> GraphIndex(g).systems_of["d/s:1/m:1"]
['d/sys']
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import networkx as nx

from graph.convert import from_rows, to_networkx
from graph.labels import node_title
from graph.model import Edge, EdgeType, Label, Node, PolicyGraph

_LABELS = tuple(label.value for label in Label)
# What a measure or item links to, in the order a reader meets them.
ENTITY_EDGES = (EdgeType.INVOLVES, EdgeType.CITES, EdgeType.ESTABLISHES, EdgeType.RUNS, EdgeType.MENTIONS)
NOT_NUMBERED = 10**9  # sorts a unit without a number after every numbered one


class GraphIndex:
    """Lookups derived from one graph. Treat it as read-only."""

    def __init__(self, graph: PolicyGraph) -> None:
        self.graph = graph
        self.nodes: dict[str, Node] = {n.id: n for n in graph.nodes}
        self._out: dict[str, list[Edge]] = defaultdict(list)
        self._in: dict[str, list[Edge]] = defaultdict(list)
        for e in graph.edges:
            if e.source in self.nodes and e.target in self.nodes:  # a replaced document may leave ends
                self._out[e.source].append(e)
                self._in[e.target].append(e)
        for adjacency in (self._out, self._in):  # in text order, whatever order the edges came in
            for edges in adjacency.values():
                edges.sort(key=_reading_order)
        self.g = _view(graph, self.nodes)
        self.ids = sorted(self.nodes)
        self.by_label: dict[str, list[str]] = {label: [] for label in _LABELS}
        for node in self.ids:
            self.by_label[self.nodes[node].label.value].append(node)
        self.haystacks = {node: _haystack(self.g.nodes[node]) for node in self.ids}
        self.systems_of = {m: self._systems_of(m) for m in self.by_label[Label.MEASURE.value]}

    @classmethod
    def from_rows(cls, nodes: Iterable[Mapping[str, Any]], edges: Iterable[Mapping[str, Any]]) -> "GraphIndex":
        """The index of the graph a store gave as rows (``all_nodes``/``all_edges`` shaped)."""
        return cls(from_rows(nodes, edges))

    @classmethod
    def of_document(cls, store: "PolicyStore", doc_id: str) -> "GraphIndex":
        """The index of one document as `store` holds it (named queries ``document_nodes`` and
        ``document_edges``): what a tour, a handout or an offline page of it is drawn from, so
        each is the same from the embedded store and from Neo4j."""
        return cls.from_rows(store.query("document_nodes", doc=doc_id), store.query("document_edges", doc=doc_id))

    # ------------------------------------------------------------ edges

    def out_edges(self, node_id: str, *types: EdgeType) -> list[Edge]:
        """Edges leaving `node_id`, of `types` (all when none are given), in text order (by span,
        then type and ends), so the order is the same however a store listed them."""
        return [e for e in self._out.get(node_id, ()) if not types or e.type in types]

    def in_edges(self, node_id: str, *types: EdgeType) -> list[Edge]:
        """Edges arriving at `node_id`, of `types` (all when none are given), in text order."""
        return [e for e in self._in.get(node_id, ()) if not types or e.type in types]

    def succ(self, node: str, edge_type: EdgeType) -> Iterable[tuple[str, dict[str, Any]]]:
        """(target, stored properties) of the `edge_type` edges leaving `node`."""
        for target, edges in self.g.succ[node].items():
            if edge_type.value in edges:
                yield target, edges[edge_type.value]

    def pred(self, node: str, edge_type: EdgeType) -> Iterable[tuple[str, dict[str, Any]]]:
        """(source, stored properties) of the `edge_type` edges arriving at `node`."""
        for source, edges in self.g.pred[node].items():
            if edge_type.value in edges:
                yield source, edges[edge_type.value]

    # ------------------------------------------------------------ nodes

    def is_a(self, node: str, label: Label) -> bool:
        found = self.nodes.get(node)
        return found is not None and found.label is label

    def resolve(self, ref: str, label: Label) -> str | None:
        """The node of `label` whose id is `ref`, else the first by id whose name is `ref`."""
        if self.is_a(ref, label):
            return ref
        return next((n for n in self.by_label[label.value] if self.nodes[n].name == ref), None)

    def number(self, node_id: str) -> int:
        """A unit's number, `NOT_NUMBERED` when it has none (or is not in the graph)."""
        node = self.nodes.get(node_id)
        try:
            return int(node.attrs.get("number", NOT_NUMBERED)) if node else NOT_NUMBERED
        except (TypeError, ValueError):
            return NOT_NUMBERED

    def label(self, node_id: str, lang: str = "zh") -> str:
        """What a person reads for the node (`graph.labels.node_title`); its id when unknown."""
        node = self.nodes.get(node_id)
        return node_title(node.as_dict(), lang) if node else node_id

    def policies(self) -> list[Node]:
        """The documents' Policy nodes, by id."""
        return [self.nodes[i] for i in self.by_label[Label.POLICY.value]]

    def of_doc(self, label: Label, doc_id: str) -> list[Node]:
        """Nodes of `label` belonging to document `doc_id`, by number then id."""
        found = [self.nodes[i] for i in self.by_label[label.value]
                 if self.nodes[i].attrs.get("doc_id") == doc_id or i.startswith(doc_id + "/")]
        return sorted(found, key=lambda n: (self.number(n.id), n.id))

    def entities(self, source_id: str, *types: EdgeType) -> list[tuple[Edge, Node]]:
        """(edge, entity) pairs a measure or item links to (`ENTITY_EDGES` unless `types`), by edge
        type in that order, then entity name."""
        pairs = [(e, self.nodes[e.target]) for e in self.out_edges(source_id, *(types or ENTITY_EDGES))]
        rank = {t: i for i, t in enumerate(ENTITY_EDGES)}
        return sorted(pairs, key=lambda p: (rank.get(p[0].type, len(rank)), p[1].name))

    def cross_references(self, doc_id: str) -> list[Edge]:
        """The cross-references among a document's measures, strongest first, then by numbers."""
        edges = [e for m in self.of_doc(Label.MEASURE, doc_id) for e in self.out_edges(m.id, EdgeType.CROSS_REFERENCES)]
        return sorted(edges, key=lambda e: (-float(e.attrs.get("weight", 0) or 0),
                                            self.number(e.source), self.number(e.target)))

    def actor_measures(self, doc_id: str) -> dict[str, list[Node]]:
        """Actor id -> the document's measures involving it, by number."""
        out: dict[str, list[Node]] = defaultdict(list)
        for m in self.of_doc(Label.MEASURE, doc_id):
            for e in self.out_edges(m.id, EdgeType.INVOLVES):
                if m not in out[e.target]:
                    out[e.target].append(m)
        return dict(out)

    # ------------------------------------------------------------ target systems

    def systems(self, doc_id: str) -> list[Node]:
        """Target systems a document builds, in the order its sections build them (then by where
        the text first names them, then by name)."""
        rank: dict[str, tuple] = {}
        for sid in self.by_label[Label.TARGET_SYSTEM.value]:
            builders = [e for e in self.in_edges(sid, EdgeType.BUILDS) if e.doc_id == doc_id]
            if not builders and self.nodes[sid].attrs.get("doc_id") != doc_id:
                continue
            sections = [self.number(e.source) for e in builders if self.is_a(e.source, Label.SECTION)]
            starts = [e.span[0] for e in builders if e.span]
            rank[sid] = (min(sections, default=NOT_NUMBERED), min(starts, default=NOT_NUMBERED), self.nodes[sid].name)
        return [self.nodes[i] for i in sorted(rank, key=rank.__getitem__)]

    def systems_of_measure(self, measure_id: str) -> list[Node]:
        """Target systems a measure builds, directly or through its section."""
        return [self.nodes[s] for s in self.systems_of.get(measure_id, ())]

    def _systems_of(self, measure: str) -> list[str]:
        holders = [measure] + [e.source for e in self.in_edges(measure, EdgeType.HAS_MEASURE)]
        found = [e.target for h in holders for e in self.out_edges(h, EdgeType.BUILDS)
                 if self.is_a(e.target, Label.TARGET_SYSTEM)]
        return list(dict.fromkeys(found))

    def measures_of_system(self, system_id: str, doc_id: str | None = None) -> list[Node]:
        """Measures building the system (directly or through their section), of `doc_id` when
        given, by document, number and id."""
        found = [self.nodes[m] for m, systems in self.systems_of.items() if system_id in systems
                 and (doc_id is None or self.nodes[m].attrs.get("doc_id") == doc_id)]
        return sorted(found, key=lambda n: (str(n.attrs.get("doc_id") or ""), self.number(n.id), n.id))


def _reading_order(e: Edge) -> tuple[int, str, str, str]:
    return (e.span[0] if e.span else NOT_NUMBERED, e.type.value, e.source, e.target)


def _view(graph: PolicyGraph, nodes: Mapping[str, Node]) -> nx.MultiDiGraph:
    """The networkx view, without edges whose end is not a node of the graph (left by a
    replaced document), so every node a query sees has its properties."""
    g = to_networkx(graph)
    g.remove_nodes_from([n for n in list(g) if n not in nodes])
    return g


def _haystack(attrs: dict[str, Any]) -> tuple[str, ...]:
    fields = ["name", "title", "name_en"] + (["text"] if attrs.get("type") == Label.MEASURE.value else [])
    return tuple(str(attrs[f]).lower() for f in fields if attrs.get(f))
