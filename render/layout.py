"""Where nodes go in a picture: a radial tree around a focus, a circle, a seeded spring layout or a grid.

The same graph always gives the same positions, in [-1, 1]².
"""

from __future__ import annotations

import math
from collections import defaultdict, deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import networkx as nx

SPRING_LIMIT = 400  # above this many nodes the spring layout is too slow without scipy: use a grid



def normalised(points: Mapping[str, Sequence[float]]) -> dict[str, tuple[float, float]]:
    """`points` (any coordinates, e.g. the browser's) moved into [-1, 1]², each axis on its own, as
    `layout` gives them; an axis with no spread sits at 0.

    >>> normalised({"a": (0, 10), "b": (50, 30), "c": (100, 20)})
    {'a': (-1.0, -1.0), 'b': (0.0, 1.0), 'c': (1.0, 0.0)}
    """
    if not points:
        return {}
    xs, ys = [float(p[0]) for p in points.values()], [float(p[1]) for p in points.values()]

    def scale(v: float, low: float, high: float) -> float:
        return 0.0 if high == low else round((v - low) / (high - low) * 2 - 1, 6)

    return {i: (scale(float(p[0]), min(xs), max(xs)), scale(float(p[1]), min(ys), max(ys)))
            for i, p in points.items()}


def _adjacency(ids: Sequence[str], edges: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    adj: dict[str, list[str]] = {i: [] for i in ids}
    for u, v in edges:
        if u in adj and v in adj and u != v:
            if v not in adj[u]:
                adj[u].append(v)
            if u not in adj[v]:
                adj[v].append(u)
    return adj


def layout(ids: Sequence[str], edges: Iterable[tuple[str, str]], focus: str | None = None,
           order: Mapping[str, Any] | None = None, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]²: a radial tree around `focus` when given, else a seeded spring layout.

    `order` sorts siblings (e.g. by type then number) so pictures group alike nodes.

    >>> pos = layout(["a", "b", "c"], [("a", "b"), ("a", "c")], focus="a")
    >>> sorted(pos), all(-1 <= v <= 1 for p in pos.values() for v in p)
    (['a', 'b', 'c'], True)
    """
    ids = list(dict.fromkeys(ids))
    if not ids:
        return {}
    if len(ids) == 1:
        return {ids[0]: (0.0, 0.0)}
    adj = _adjacency(ids, edges)
    key = (lambda i: order.get(i, (9, i))) if order else (lambda i: i)
    for i in adj:
        adj[i].sort(key=key)
    if focus in adj:
        return _normalise(_radial(ids, adj, focus, key))
    if order and len(ids) <= 40 and len({order.get(i, (9,))[0] for i in ids}) == 1:
        # One kind of node (measures and their cross-references): a circle in reading order.
        ring = sorted(ids, key=key)
        return {i: (math.cos(-math.pi / 2 + 2 * math.pi * n / len(ring)),
                    math.sin(-math.pi / 2 + 2 * math.pi * n / len(ring))) for n, i in enumerate(ring)}
    if len(ids) <= SPRING_LIMIT:
        g = nx.Graph()
        g.add_nodes_from(sorted(ids, key=key))
        g.add_edges_from((u, v) for u in adj for v in adj[u])
        pos = nx.spring_layout(g, seed=seed, iterations=200)
        return _normalise({i: (float(p[0]), float(p[1])) for i, p in pos.items()})
    return _grid(sorted(ids, key=key))


def _normalise(pos: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    sx, sy = (max(xs) - min(xs)) / 2 or 1.0, (max(ys) - min(ys)) / 2 or 1.0
    return {i: ((x - cx) / sx, (y - cy) / sy) for i, (x, y) in pos.items()}


def _grid(ids: Sequence[str]) -> dict[str, tuple[float, float]]:
    """A plain grid in the given order: linear time for graphs too big to lay out by force."""
    cols = max(1, math.ceil(math.sqrt(len(ids) * 16 / 9)))
    rows = max(1, math.ceil(len(ids) / cols))
    return {i: ((n % cols) / max(1, cols - 1) * 2 - 1, (n // cols) / max(1, rows - 1) * 2 - 1)
            for n, i in enumerate(ids)}


def _radial(ids: Sequence[str], adj: dict[str, list[str]], root: str,
            key: Callable[[str], Any]) -> dict[str, tuple[float, float]]:
    """A radial tree: breadth-first from `root`, each subtree given an angle in proportion to its leaves."""
    depth, children = _bfs_tree(ids, adj, root, key)
    # Group the focus's neighbours by what lies beyond them, so a node two hops out sits by all its links.
    beyond = {c: sorted((v for v in adj[c] if depth.get(v, 0) > 1), key=key) for c in children[root]}
    children[root].sort(key=lambda c: (0, key(beyond[c][0]), len(beyond[c])) if beyond[c] else (1, key(c)))
    angle = _angles(children, root)
    for i in sorted((i for i in depth if depth[i] >= 2), key=lambda i: depth[i]):
        inner = [angle[v] for v in adj[i] if depth.get(v) == depth[i] - 1]
        if len(inner) > 1:  # the circular mean of the angles of every inner neighbour
            angle[i] = math.atan2(sum(math.sin(a) for a in inner), sum(math.cos(a) for a in inner))
    return _on_rings(depth, angle, root)


def _bfs_tree(ids: Sequence[str], adj: dict[str, list[str]], root: str,
              key: Callable[[str], Any]) -> tuple[dict[str, int], dict[str, list[str]]]:
    """(depth of each node, children of each node) of a breadth-first tree from `root`; nodes not
    linked to it hang from the root one ring further out than the deepest."""
    depth = {root: 0}
    children: dict[str, list[str]] = defaultdict(list)
    queue = deque([root])
    while queue:
        u = queue.popleft()
        for v in adj[u]:
            if v not in depth:
                depth[v] = depth[u] + 1
                children[u].append(v)
                queue.append(v)
    stray = sorted((i for i in ids if i not in depth), key=key)
    max_depth = max(depth.values(), default=0)
    for i in stray:  # nodes not linked to the focus go on an outer ring
        depth[i] = max_depth + 1
        children[root].append(i)
    return depth, children


def _angles(children: dict[str, list[str]], root: str) -> dict[str, float]:
    """Each node's angle: every subtree gets a share of the circle in proportion to its leaves."""
    leaves: dict[str, int] = {}

    def count(u: str) -> int:
        leaves[u] = sum(count(c) for c in children[u]) or 1
        return leaves[u]

    count(root)
    angle: dict[str, float] = {root: 0.0}

    def spread(u: str, start: float, span: float) -> None:
        for c in children[u]:
            share = span * leaves[c] / leaves[u]
            angle[c] = start + share / 2
            spread(c, start, share)
            start += share

    spread(root, -math.pi / 2, 2 * math.pi)
    return angle


def _on_rings(depth: dict[str, int], angle: dict[str, float], root: str) -> dict[str, tuple[float, float]]:
    """Positions: one ring per depth, at each node's angle."""
    max_depth = max(depth.values())
    rings: dict[int, list[str]] = defaultdict(list)
    for i, d in depth.items():
        rings[d].append(i)
    pos = {root: (0.0, 0.0)}
    for d, members in rings.items():
        if d == 0:
            continue
        members.sort(key=lambda i: angle[i])
        radius = (d / max_depth) ** 0.7  # inner rings hold more nodes than their share of the radius
        crowded = len(members) > 10  # stagger alternate nodes inward so neighbouring labels do not collide
        for n, i in enumerate(members):
            r = radius * (0.75 if crowded and n % 2 else 1.0)
            pos[i] = (r * math.cos(angle[i]), r * math.sin(angle[i]))
    return pos
