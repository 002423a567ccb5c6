"""The named queries of docs/QUERIES.md, answered in Python over the networkx view.

Each query is one small function ``fn(index, *, params…) -> rows`` registered
under its name; its keyword-only parameters are the query's parameters as the
header of its ``.cypher`` file gives them (`graph.contract`, which checks a call
before it runs; a test holds the two lists equal).

Readings where docs/QUERIES.md leaves room (the Neo4j store must match):
- a missing property is None in fixed-field rows; list values are sorted;
  ``ORDER BY`` puts None last ascending and first descending, as Cypher does;
  ties beyond the stated order break on id.
- "measure" means a node labelled Measure (Items are not measures).
- a measure belongs to a target system when it, or the node holding it through
  HAS_MEASURE (its Section), BUILDS the system. The seed loader gives measures the
  edge of their section anyway; this keeps hand-made graphs from losing them.
- ``outline`` includes the Policy node itself at depth 0, parent None.
- ``search_nodes``: "exact name" compares case-insensitively, like the match.
- ``cross_references`` takes edges in either direction (outgoing wins a tie).
- ``evidence_of`` lists the edges at the node, either direction, that carry evidence.
- ``dependencies`` leaves out the start node.
- an unknown node, law, system or document gives no rows, not an error.
"""

from __future__ import annotations

from typing import Any, Callable

from graph import analytics
from graph.contract import order, plain
from graph.index import GraphIndex
from graph.model import OUTLINE_EDGES, SHARED_LABELS, EdgeType, Label

Row = dict[str, Any]

_OUTLINE_TYPES = frozenset(t.value for t in OUTLINE_EDGES)


# ---------------------------------------------------------------- registry and parameters

QUERIES: dict[str, Callable[..., list[Row]]] = {}


def named(name: str) -> Callable[[Callable[..., list[Row]]], Callable[..., list[Row]]]:
    def register(fn: Callable[..., list[Row]]) -> Callable[..., list[Row]]:
        QUERIES[name] = fn
        return fn
    return register


def _pick(attrs: dict[str, Any], *fields: str, **extra: Any) -> Row:
    return plain({**{f: attrs.get(f) for f in fields}, **extra})


_NODE_ROW = ("id", "type", "name")
_MEASURE_ROW = ("id", "number", "title", "doc_id")


# ---------------------------------------------------------------- the queries

@named("documents")
def documents(ix: GraphIndex) -> list[Row]:
    fields = ("id", "name", "title", "number", "issuers", "date", "addressees", "target_year", "source", "kind",
              "level", "validity")
    return [_pick(ix.g.nodes[p], *fields) for p in ix.by_label[Label.POLICY.value]]


@named("outline")
def outline(ix: GraphIndex, *, doc: str) -> list[Row]:
    if not (doc in ix.g and ix.is_a(doc, Label.POLICY)):
        return []
    rows = [_pick(ix.g.nodes[doc], *_NODE_ROW, "number", "title", parent=None, depth=0)]
    level, depth, seen = [doc], 0, {doc}
    while level:
        depth += 1
        children = []
        for parent in level:
            for child, edges in ix.g.succ[parent].items():
                if child not in seen and _OUTLINE_TYPES & set(edges):
                    seen.add(child)
                    rows.append(_pick(ix.g.nodes[child], *_NODE_ROW, "number", "title",
                                      parent=parent, depth=depth))
                    children.append(child)
        level = children
    return order(rows, "depth", "parent", "number", "id")


@named("node")
def node_properties(ix: GraphIndex, *, node: str) -> list[Row]:
    return [plain(ix.g.nodes[node])] if node in ix.g else []


@named("search_nodes")
def search_nodes(ix: GraphIndex, *, text: str, type: str | None = None, limit: int = 50) -> list[Row]:
    needle = text.lower()
    hits = [n for n in (ix.by_label.get(type, []) if type else ix.ids)
            if any(needle in field for field in ix.haystacks[n])]
    names = {n: str(ix.g.nodes[n].get("name") or "") for n in hits}
    hits.sort(key=lambda n: (names[n].lower() != needle, len(names[n]), n))
    return [_pick(ix.g.nodes[n], *_NODE_ROW, "name_en") for n in hits[:limit]]


@named("measures_of_system")
def measures_of_system(ix: GraphIndex, *, system: str) -> list[Row]:
    sid = ix.resolve(system, Label.TARGET_SYSTEM)
    rows = [_pick(ix.g.nodes[m], *_MEASURE_ROW) for m, systems in ix.systems_of.items() if sid in systems]
    return order(rows, "doc_id", "number", "id")


@named("actors_of_measure")
def actors_of_measure(ix: GraphIndex, *, measure: str) -> list[Row]:
    if measure not in ix.g:
        return []
    rows = [_pick(ix.g.nodes[a], "id", "name", "kind", role=e.get("role"), roles=e.get("roles"),
                  evidence=e.get("evidence"), span=e.get("span"))
            for a, e in ix.succ(measure, EdgeType.INVOLVES)]
    return order(rows, "name", "id")


@named("measures_citing_law")
def measures_citing_law(ix: GraphIndex, *, law: str) -> list[Row]:
    lid = ix.resolve(law, Label.LAW)
    if lid is None:
        return []
    rows = [_pick(ix.g.nodes[m], *_MEASURE_ROW, evidence=e.get("evidence"))
            for m, e in ix.pred(lid, EdgeType.CITES) if ix.is_a(m, Label.MEASURE)]
    return order(rows, "doc_id", "number", "id")


@named("neighbourhood")
def neighbourhood(ix: GraphIndex, *, node: str, depth: int = 1) -> list[Row]:
    if node not in ix.g:
        return []
    hops = analytics.k_hop(ix.g, node, depth)
    return [_pick(ix.g.nodes[n], *_NODE_ROW, distance=d) for n, d in hops.items()]


@named("edges_among")
def edges_among(ix: GraphIndex, *, ids: list[str]) -> list[Row]:
    wanted = {n for n in ids if n in ix.g}
    rows = [_edge_row(u, v, e, "evidence", "span", "role", "weight", "shared")
            for u in wanted for v, edges in ix.g.succ[u].items() if v in wanted for e in edges.values()]
    return order(rows, "source", "type", "target")


_CONTAINERS = frozenset({Label.POLICY.value, Label.PART.value, Label.SECTION.value, Label.CHAPTER.value})


@named("shortest_paths")
def shortest_paths(ix: GraphIndex, *, source: str, target: str, limit: int = 5, skip_outline: bool = False,
                   max_degree: int = 0) -> list[Row]:
    if source not in ix.g or target not in ix.g:
        return []
    avoid = {n for n in ix.ids if (skip_outline and ix.g.nodes[n].get("type") in _CONTAINERS)
             or (max_degree and ix.g.degree(n) > max_degree)}
    paths = analytics.shortest_paths(ix.g, source, target, limit, avoid)
    return [plain({"path": p, "step": s, **step})
            for p, path in enumerate(paths) for s, step in enumerate(path)]


@named("cross_references")
def cross_references(ix: GraphIndex, *, measure: str) -> list[Row]:
    if measure not in ix.g:
        return []
    found = dict(ix.pred(measure, EdgeType.CROSS_REFERENCES))
    found.update(ix.succ(measure, EdgeType.CROSS_REFERENCES))
    found.pop(measure, None)
    rows = [_pick(ix.g.nodes[m], "id", "number", "title", weight=e.get("weight"), shared=e.get("shared"))
            for m, e in found.items()]
    return order(rows, "-weight", "number", "id")


@named("dependencies")
def dependencies(ix: GraphIndex, *, node: str, direction: str = "downstream", depth: int = 3) -> list[Row]:
    return [plain(r) for r in analytics.dependencies(ix.g, node, direction, depth)] if node in ix.g else []


@named("actor_system_matrix")
def actor_system_matrix(ix: GraphIndex) -> list[Row]:
    measures: dict[tuple[str, str], set[str]] = {}
    for m, systems in ix.systems_of.items():
        for actor, _ in ix.succ(m, EdgeType.INVOLVES):
            for system in systems:
                measures.setdefault((actor, system), set()).add(m)
    rows = [{"actor": a, "actor_name": ix.g.nodes[a].get("name"), "system": s,
             "system_name": ix.g.nodes[s].get("name"), "count": len(ms)} for (a, s), ms in measures.items()]
    return order(rows, "actor_name", "system_name", "actor", "system")


@named("law_measure_matrix")
def law_measure_matrix(ix: GraphIndex) -> list[Row]:
    rows = [_pick(ix.g.nodes[m], "number", "title", "doc_id", law=law, law_name=ix.g.nodes[law].get("name"),
                  measure=m)
            for m in ix.by_label[Label.MEASURE.value] for law, _ in ix.succ(m, EdgeType.CITES)]
    return order(rows, "law_name", "doc_id", "number", "law", "measure")


@named("actor_measure_matrix")
def actor_measure_matrix(ix: GraphIndex) -> list[Row]:
    rows = [_pick(ix.g.nodes[m], "number", "title", "doc_id", actor=a, actor_name=ix.g.nodes[a].get("name"),
                  measure=m, role=e.get("role"))
            for m in ix.by_label[Label.MEASURE.value] for a, e in ix.succ(m, EdgeType.INVOLVES)]
    return order(rows, "actor_name", "doc_id", "number", "actor", "measure")


@named("actor_document_matrix")
def actor_document_matrix(ix: GraphIndex) -> list[Row]:
    units: dict[tuple[str, str], set[str]] = {}
    for actor in ix.by_label[Label.ACTOR.value]:
        for kind in (EdgeType.ASSIGNED_TO, EdgeType.INVOLVES):
            for unit, _ in ix.pred(actor, kind):
                doc = ix.g.nodes[unit].get("doc_id")
                if doc is not None:
                    units.setdefault((actor, doc), set()).add(unit)
    rows = [{"actor": a, "actor_name": ix.g.nodes[a].get("name"), "doc_id": d, "count": len(us),
             "document_title": ix.g.nodes[d].get("title") if d in ix.g and ix.is_a(d, Label.POLICY) else None}
            for (a, d), us in units.items()]
    return order(rows, "actor_name", "doc_id", "actor")


@named("co_occurring_actors")
def co_occurring_actors(ix: GraphIndex, *, min_shared: int = 1) -> list[Row]:
    return analytics.co_occurring_actors(ix.g, min_shared)


@named("evidence_of")
def evidence_of(ix: GraphIndex, *, node: str) -> list[Row]:
    if node not in ix.g:
        return []
    edges = [(node, v, e) for v, es in ix.g.succ[node].items() for e in es.values()]
    edges += [(u, node, e) for u, es in ix.g.pred[node].items() if u != node for e in es.values()]
    rows = [plain({"source": u, "source_name": ix.g.nodes[u].get("name"), "type": e["type"],
                   "target": v, "target_name": ix.g.nodes[v].get("name"),
                   "evidence": e["evidence"], "span": e.get("span")})
            for u, v, e in edges if e.get("evidence")]
    return order(rows, "source", "type", "target")


_UNIT_LABELS = (Label.ARTICLE.value, Label.MEASURE.value, Label.ITEM.value)
_ENTITY_LABELS = frozenset(label.value for label in SHARED_LABELS)


@named("units_of_document")
def units_of_document(ix: GraphIndex, *, doc: str) -> list[Row]:
    units = [n for label in _UNIT_LABELS for n in ix.by_label[label] if ix.g.nodes[n].get("doc_id") == doc]
    rows = [_pick(ix.g.nodes[u], "id", "type", "name", "number", "title", "text", "doc_id",
                  entities={ix.g.nodes[e].get("name") for e in ix.g.succ[u]
                            if ix.g.nodes[e].get("type") in _ENTITY_LABELS})
            for u in units]
    return order(rows, "type", "number", "id")


@named("citations")
def citations(ix: GraphIndex) -> list[Row]:
    rows = []
    for target in ix.by_label[Label.LAW.value] + ix.by_label[Label.POLICY_DOCUMENT.value]:
        t = ix.g.nodes[target]
        loaded_as = next((p for p, _ in ix.succ(target, EdgeType.LOADED_AS)), None)
        rows += [plain({"source": s, "source_name": ix.g.nodes[s].get("name"),
                        "source_type": ix.g.nodes[s].get("type"), "doc_id": e.get("doc_id"),
                        "target": target, "target_type": t.get("type"), "target_name": t.get("name"),
                        "target_number": t.get("number"), "target_title": t.get("title"),
                        "articles": e.get("articles"), "evidence": e.get("evidence"), "loaded_as": loaded_as})
                 for s, e in ix.pred(target, EdgeType.CITES)]
    return order(rows, "target", "source")


_DOCUMENT_RELATIONS = (EdgeType.CITES.value, EdgeType.IMPLEMENTS.value, EdgeType.AMENDS.value)


@named("document_network")
def document_network(ix: GraphIndex) -> list[Row]:
    found: dict[tuple[str, str, str], list[str]] = {}
    for policy in ix.by_label[Label.POLICY.value]:
        for cited, _ in ix.pred(policy, EdgeType.LOADED_AS):
            for _, edges in ix.g.pred[cited].items():
                for kind in _DOCUMENT_RELATIONS:
                    e = edges.get(kind)
                    if e is not None and e.get("doc_id") in ix.g and e.get("doc_id") != policy:
                        found.setdefault((e["doc_id"], policy, kind), []).append(e.get("evidence"))
    rows = [{"source": s, "source_title": ix.g.nodes[s].get("title"), "target": t,
             "target_title": ix.g.nodes[t].get("title"), "type": kind, "count": len(ev),
             "evidence": min((x for x in ev if x is not None), default=None)}
            for (s, t, kind), ev in found.items() if ix.is_a(s, Label.POLICY)]
    return order(rows, "source", "target", "type")


@named("systems_of_measure")
def systems_of_measure(ix: GraphIndex, *, measure: str) -> list[Row]:
    rows = [_pick(ix.g.nodes[s], "id", "name", "name_en") for s in ix.systems_of.get(measure, ())]
    return order(rows, "name", "id")


def _own(ix: GraphIndex, doc: str) -> list[str]:
    """Document `doc`'s Policy node and every node whose doc_id is `doc` (none for an unknown doc)."""
    if not ix.is_a(doc, Label.POLICY):
        return []
    return [doc] + [n for n in ix.ids if n != doc and ix.g.nodes[n].get("doc_id") == doc]


@named("document_nodes")
def document_nodes(ix: GraphIndex, *, doc: str) -> list[Row]:
    own = _own(ix, doc)
    found = set(own) | {target for n in own for target in ix.g.succ[n]}
    return [plain(ix.g.nodes[n]) for n in sorted(found)]


@named("document_edges")
def document_edges(ix: GraphIndex, *, doc: str) -> list[Row]:
    rows = [plain({"source": u, "target": v, **e}) for u in _own(ix, doc) for v, es in ix.g.succ[u].items()
            for e in es.values()]
    return order(rows, "source", "type", "target")


@named("top_actors")
def top_actors(ix: GraphIndex, *, limit: int = 12) -> list[Row]:
    measures: dict[str, set[str]] = {}
    for m in ix.by_label[Label.MEASURE.value]:
        for actor, _ in ix.succ(m, EdgeType.INVOLVES):
            measures.setdefault(actor, set()).add(m)
    rows = [_pick(ix.g.nodes[a], "id", "name", "name_en", count=len(ms), measures=ms) for a, ms in measures.items()]
    return order(rows, "-count", "id")[:limit]


@named("systems_with_measures")
def systems_with_measures(ix: GraphIndex) -> list[Row]:
    rows = [_pick(ix.g.nodes[m], *_MEASURE_ROW, system=s, system_name=ix.g.nodes[s].get("name"))
            for m, systems in ix.systems_of.items() for s in systems]
    return order(rows, "system", "doc_id", "number", "id")


@named("set_aside_text")
def set_aside_text(ix: GraphIndex) -> list[Row]:
    rows = [_pick(ix.g.nodes[p], "set_aside", "warnings", doc_id=p, title=ix.g.nodes[p].get("title"))
            for p in ix.by_label[Label.POLICY.value]
            if ix.g.nodes[p].get("set_aside") is not None or ix.g.nodes[p].get("warnings") is not None]
    return order(rows, "doc_id")


@named("all_nodes")
def all_nodes(ix: GraphIndex) -> list[Row]:
    return [plain(ix.g.nodes[n]) for n in ix.ids]


@named("all_edges")
def all_edges(ix: GraphIndex) -> list[Row]:
    rows = [plain({"source": u, "target": v, **e}) for u, v, e in ix.g.edges(data=True)]
    return order(rows, "source", "type", "target")


def _edge_row(u: str, v: str, attrs: dict[str, Any], *fields: str, **extra: Any) -> Row:
    return plain({"source": u, "target": v, "type": attrs.get("type"),
                  **{f: attrs.get(f) for f in fields}, **extra})

