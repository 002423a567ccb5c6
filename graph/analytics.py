"""Analytics over the networkx view of a policy graph (`graph.convert.to_networkx`).

networkx style: the graph comes first, plain dicts and lists come back. Edge
direction is ignored unless a function says otherwise. An unknown node raises
`networkx.NodeNotFound`. Missing edge properties come back as None, as a graph
database would return them.

The examples use `_example()`, a six-node graph::

    s ─HAS_MEASURE→ m1, m2      m1 ─INVOLVES→ actor:企业 (支持, with evidence)
    m1 ─CITES→ law:反垄断法       m2 ─INVOLVES→ actor:企业 (鼓励), actor:政府
    m2 ─CROSS_REFERENCES→ m1
"""

from __future__ import annotations

from collections import deque
from itertools import combinations
from typing import Any, Collection, Iterator

import networkx as nx

from graph.contract import DIRECTIONS
from graph.model import EdgeType, Label

CENTRALITY_KINDS = ("degree", "in_degree", "out_degree", "betweenness")
_NOT_FOLLOWED = frozenset({EdgeType.CROSS_REFERENCES.value})


def centrality(g: nx.MultiDiGraph, label: Label | str | None = None,
               kind: str = "degree") -> dict[str, float]:
    """Centrality of each node, scaled so the top node of each type scores 1.0.

    Scores are computed on the whole graph but normalised within a node type, so
    an actor is only compared with other actors. `kind` is one of
    `CENTRALITY_KINDS`: ``degree`` counts distinct neighbours either way,
    ``in_degree``/``out_degree`` distinct predecessors/successors, and
    ``betweenness`` is unweighted shortest-path betweenness ignoring direction.
    A type whose nodes all score 0 gets 0.0 throughout. Keys come in id order.

    >>> g = _example()
    >>> centrality(g, "Actor")
    {'actor:企业': 1.0, 'actor:政府': 0.5}
    >>> centrality(g, Label.MEASURE, kind="betweenness")
    {'m1': 1.0, 'm2': 1.0}
    """
    if kind not in CENTRALITY_KINDS:
        raise ValueError(f"kind must be one of {', '.join(CENTRALITY_KINDS)}, got {kind!r}")
    wanted = None if label is None else Label(label).value
    raw = _raw_scores(g, kind)
    groups: dict[str, list[str]] = {}
    for node, node_type in g.nodes(data="type"):
        if wanted is None or node_type == wanted:
            groups.setdefault(node_type, []).append(node)
    out: dict[str, float] = {}
    for members in groups.values():
        top = max(raw[n] for n in members)
        for n in members:
            out[n] = raw[n] / top if top else 0.0
    return dict(sorted(out.items()))


def top_central(g: nx.MultiDiGraph, label: Label | str, n: int = 10,
                kind: str = "degree") -> list[dict[str, Any]]:
    """The `n` most central nodes of one type: rows of id, name, type, score (score desc, then id).

    >>> g = _example()
    >>> top_central(g, "Actor", n=1)
    [{'id': 'actor:企业', 'name': '企业', 'type': 'Actor', 'score': 1.0}]
    """
    scores = centrality(g, label, kind)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[: max(n, 0)]
    return [{"id": node, "name": g.nodes[node].get("name"), "type": g.nodes[node].get("type"), "score": score}
            for node, score in ranked]


def k_hop(g: nx.MultiDiGraph, node: str, depth: int = 1) -> dict[str, int]:
    """Nodes within `depth` undirected hops of `node`, with their distance (the node itself at 0).

    Keys come ordered by distance, then id.

    >>> k_hop(_example(), "actor:政府", depth=2)
    {'actor:政府': 0, 'm2': 1, 'actor:企业': 2, 'm1': 2, 's': 2}
    """
    _require(g, node)
    seen = {node: 0}
    frontier = deque([node])
    while frontier:
        current = frontier.popleft()
        if seen[current] == depth:
            continue
        for other in _adjacent(g, current):
            if other not in seen:
                seen[other] = seen[current] + 1
                frontier.append(other)
    return dict(sorted(seen.items(), key=lambda item: (item[1], item[0])))


def shortest_paths(g: nx.MultiDiGraph, source: str, target: str,
                   limit: int = 5, avoid: Collection[str] = ()) -> list[list[dict[str, Any]]]:
    """Up to `limit` shortest paths from `source` to `target`, ignoring edge direction.

    Paths come in order of their node ids (so the first `limit` are always the
    same ones); each is a list of steps with source, source_name, type, target,
    target_name, evidence and forward (whether the stored edge points along the
    walk). Between two nodes the step uses an edge with evidence if there is one,
    then the smallest type name, then a forward edge. No path, or
    ``source == target``, gives ``[]``. No walk passes through a node of `avoid`
    (hubs, outline containers), though `source` and `target` may be in it.

    >>> [[(s["source"], s["type"], s["target"], s["forward"]) for s in p]
    ...  for p in shortest_paths(_example(), "actor:政府", "law:反垄断法")]  # doctest: +NORMALIZE_WHITESPACE
    [[('actor:政府', 'INVOLVES', 'm2', False), ('m2', 'CROSS_REFERENCES', 'm1', True),
      ('m1', 'CITES', 'law:反垄断法', True)]]
    >>> shortest_paths(_example(), "actor:政府", "law:反垄断法", avoid={"m1"})
    []
    """
    _require(g, source)
    _require(g, target)
    if source == target or limit < 1:
        return []
    blocked = set(avoid) - {source, target}
    to_target = _distances(g, target, blocked)
    if source not in to_target:
        return []
    paths = []
    for nodes in _walks_towards(g, [source], {n: d for n, d in to_target.items() if n not in blocked}):
        paths.append([_step(g, u, v) for u, v in zip(nodes, nodes[1:])])
        if len(paths) == limit:
            break
    return paths


def co_occurring_actors(g: nx.MultiDiGraph, min_shared: int = 1) -> list[dict[str, Any]]:
    """Pairs of actors involved in at least `min_shared` of the same measures.

    Rows: a, a_name, b, b_name, shared (how many measures), measures (their ids,
    sorted), with ``a < b``; ordered by shared desc, then a, then b. Only
    `Measure` nodes count, through their INVOLVES edges.

    >>> co_occurring_actors(_example())  # doctest: +NORMALIZE_WHITESPACE
    [{'a': 'actor:企业', 'a_name': '企业', 'b': 'actor:政府', 'b_name': '政府', 'shared': 1,
      'measures': ['m2']}]
    """
    shared: dict[tuple[str, str], list[str]] = {}
    for measure, node_type in sorted(g.nodes(data="type")):
        if node_type != Label.MEASURE.value:
            continue
        actors = sorted({a for _, a, key in g.out_edges(measure, keys=True)
                         if key == EdgeType.INVOLVES.value and g.nodes[a].get("type") == Label.ACTOR.value})
        for pair in combinations(actors, 2):
            shared.setdefault(pair, []).append(measure)
    rows = [{"a": a, "a_name": g.nodes[a].get("name"), "b": b, "b_name": g.nodes[b].get("name"),
             "shared": len(ms), "measures": ms}
            for (a, b), ms in shared.items() if len(ms) >= min_shared]
    rows.sort(key=lambda r: (-r["shared"], r["a"], r["b"]))
    return rows


def dependencies(g: nx.MultiDiGraph, node: str, direction: str = "downstream",
                 depth: int = 3) -> list[dict[str, Any]]:
    """What `node` relies on (downstream: outgoing edges) or what relies on it (upstream: incoming).

    Rows: id, type, name, parent, depth, edge_type; ordered by depth, then id.
    CROSS_REFERENCES edges are not followed; the start node is not a row. Each
    node appears once, at its smallest depth; `parent` is the smallest id one
    level up linking to it and `edge_type` the smallest type name of those links.

    >>> [(r["id"], r["parent"], r["depth"], r["edge_type"])
    ...  for r in dependencies(_example(), "s")]  # doctest: +NORMALIZE_WHITESPACE
    [('m1', 's', 1, 'HAS_MEASURE'), ('m2', 's', 1, 'HAS_MEASURE'), ('actor:企业', 'm1', 2, 'INVOLVES'),
     ('actor:政府', 'm2', 2, 'INVOLVES'), ('law:反垄断法', 'm1', 2, 'CITES')]
    >>> [r["id"] for r in dependencies(_example(), "actor:企业", "upstream", depth=1)]
    ['m1', 'm2']
    """
    _require(g, node)
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}, got {direction!r}")
    adjacency = g.succ if direction == "downstream" else g.pred
    seen = {node}
    level = [node]
    rows: list[dict[str, Any]] = []
    for d in range(1, depth + 1):
        links: dict[str, tuple[str, str]] = {}  # next node -> (parent, edge type), smallest first
        for parent in sorted(level):
            for other, edges in adjacency[parent].items():
                types = [t for t in edges if t not in _NOT_FOLLOWED]
                if other in seen or not types:
                    continue
                link = (parent, min(types))
                if other not in links or link < links[other]:
                    links[other] = link
        if not links:
            break
        for other in sorted(links):
            parent, edge_type = links[other]
            attrs = g.nodes[other]
            rows.append({"id": other, "type": attrs.get("type"), "name": attrs.get("name"),
                         "parent": parent, "depth": d, "edge_type": edge_type})
        seen.update(links)
        level = list(links)
    return rows


def neighbours(g: nx.MultiDiGraph, node: str) -> list[str]:
    """Distinct neighbours of `node` in either direction, sorted, without the node itself.

    >>> neighbours(_example(), "m2")
    ['actor:企业', 'actor:政府', 'm1', 's']
    """
    return sorted(_adjacent(g, node))


def _adjacent(g: nx.MultiDiGraph, node: str) -> set[str]:
    return (g.succ[node].keys() | g.pred[node].keys()) - {node}


def _raw_scores(g: nx.MultiDiGraph, kind: str) -> dict[str, float]:
    if kind == "betweenness":
        simple = nx.Graph()
        simple.add_nodes_from(g)
        simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
        return nx.betweenness_centrality(simple, normalized=False)
    if kind == "in_degree":
        return {n: float(len(set(g.pred[n]) - {n})) for n in g}
    if kind == "out_degree":
        return {n: float(len(set(g.succ[n]) - {n})) for n in g}
    return {n: float(len(_adjacent(g, n))) for n in g}


def _distances(g: nx.MultiDiGraph, start: str, blocked: Collection[str] = ()) -> dict[str, int]:
    """Hops from `start` to every node it reaches; a `blocked` node is reached but not gone through."""
    dist = {start: 0}
    frontier = deque([start])
    while frontier:
        current = frontier.popleft()
        for other in _adjacent(g, current):
            if other not in dist:
                dist[other] = dist[current] + 1
                if other not in blocked:
                    frontier.append(other)
    return dist


def _walks_towards(g: nx.MultiDiGraph, walk: list[str], to_target: dict[str, int]) -> Iterator[list[str]]:
    """Shortest walks extending `walk`, in lexicographic order of node ids."""
    here = walk[-1]
    if to_target[here] == 0:
        yield walk
        return
    for other in neighbours(g, here):
        if to_target.get(other) == to_target[here] - 1:
            yield from _walks_towards(g, walk + [other], to_target)


def _step(g: nx.MultiDiGraph, u: str, v: str) -> dict[str, Any]:
    candidates = [(attrs, True) for attrs in g.succ[u].get(v, {}).values()]
    candidates += [(attrs, False) for attrs in g.succ[v].get(u, {}).values()]
    attrs, forward = min(candidates, key=lambda c: (not c[0].get("evidence"), c[0]["type"], not c[1]))
    return {"source": u, "source_name": g.nodes[u].get("name"), "type": attrs["type"],
            "target": v, "target_name": g.nodes[v].get("name"), "evidence": attrs.get("evidence"),
            "forward": forward}


def _require(g: nx.MultiDiGraph, node: str) -> None:
    if node not in g:
        raise nx.NodeNotFound(f"node {node!r} is not in the graph")


def _example() -> nx.MultiDiGraph:
    """The small graph the docstring examples use (see the module docstring)."""
    from graph.convert import to_networkx
    from graph.model import Edge, Node, PolicyGraph

    nodes = [Node("s", Label.SECTION, "s"), Node("m1", Label.MEASURE, "m1"), Node("m2", Label.MEASURE, "m2"),
             Node("actor:企业", Label.ACTOR, "企业"), Node("actor:政府", Label.ACTOR, "政府"),
             Node("law:反垄断法", Label.LAW, "反垄断法")]
    edges = [Edge("s", "m1", EdgeType.HAS_MEASURE, "d"), Edge("s", "m2", EdgeType.HAS_MEASURE, "d"),
             Edge("m1", "actor:企业", EdgeType.INVOLVES, "d", "支持企业创新。", (0, 7), {"role": "支持"}),
             Edge("m2", "actor:企业", EdgeType.INVOLVES, "d", attrs={"role": "鼓励"}),
             Edge("m2", "actor:政府", EdgeType.INVOLVES, "d"),
             Edge("m1", "law:反垄断法", EdgeType.CITES, "d"),
             Edge("m2", "m1", EdgeType.CROSS_REFERENCES, "d", attrs={"weight": 1})]
    return to_networkx(PolicyGraph(tuple(nodes), tuple(edges)))
