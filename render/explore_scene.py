"""What the Explore graph shows: a scene grown from one node, ring by ring, with a cap per type.

A scene starts at a seed and grows by expanding a node: its neighbours not yet shown join
the scene, at most `cap` of each node type (the most central first); the rest wait behind
one "+N more" node per (node, type), which shows the next `cap` when it is expanded. Hidden
nodes stay out of later expansions. Everything here is plain data (no Streamlit): a scene is
a frozen value, turned into a dict for a saved view and back.

>>> adj = adjacency([{"source": "m1", "target": "a", "type": "INVOLVES"},
...                  {"source": "m2", "target": "a", "type": "INVOLVES"},
...                  {"source": "m3", "target": "a", "type": "INVOLVES"}])
>>> types = {"a": "Actor", "m1": "Measure", "m2": "Measure", "m3": "Measure"}
>>> s = start("a", adj, types, cap=2)
>>> s.real_nodes(), s.more_ids()
(('a', 'm1', 'm2'), ('more:a:Measure',))
>>> expand(s, "more:a:Measure", adj, types, cap=2).nodes
('a', 'm1', 'm2', 'm3')
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Callable, Iterable, Mapping, Sequence

MORE_PREFIX = "more:"
DEFAULT_CAP = 6
MAX_DEPTH = 3
Adjacency = Mapping[str, Sequence[tuple[str, str]]]  # node -> (neighbour, edge type), either direction


class ViewError(ValueError):
    """A saved view that cannot be read; the message is one line saying why."""


@dataclass(frozen=True)
class MoreGroup:
    """The neighbours of `parent` of one node type not shown yet (`rest`, best first)."""

    parent: str
    type: str
    rest: tuple[str, ...]
    edge_type: str | None = None


@dataclass(frozen=True)
class Scene:
    """Nodes shown (in the order they joined), the ring each sits on and the node it came from."""

    seed: str
    nodes: tuple[str, ...] = ()
    ring: Mapping[str, int] = field(default_factory=dict)
    parent: Mapping[str, str] = field(default_factory=dict)
    more: Mapping[str, MoreGroup] = field(default_factory=dict)
    hidden: frozenset[str] = frozenset()
    pinned: frozenset[str] = frozenset()

    def more_ids(self) -> tuple[str, ...]:
        return tuple(self.more)

    def real_nodes(self) -> tuple[str, ...]:
        """The nodes of the graph shown (no "+N more" nodes)."""
        return tuple(n for n in self.nodes if not is_more(n))


def is_more(node_id: str) -> bool:
    """Whether `node_id` is a "+N more" node of a scene.

    >>> is_more("more:actor:企业:Measure"), is_more("actor:企业")
    (True, False)
    """
    return node_id.startswith(MORE_PREFIX)


def adjacency(edges: Iterable[Mapping[str, Any]]) -> dict[str, list[tuple[str, str]]]:
    """Each node's neighbours, either direction, with the edge type, from edge rows.

    >>> adjacency([{"source": "a", "target": "b", "type": "CITES"}])
    {'a': [('b', 'CITES')], 'b': [('a', 'CITES')]}
    """
    out: dict[str, list[tuple[str, str]]] = {}
    for e in edges:
        u, v, kind = str(e["source"]), str(e["target"]), str(e.get("type"))
        if u == v:
            continue
        out.setdefault(u, []).append((v, kind))
        out.setdefault(v, []).append((u, kind))
    return out


def most_central(types: Mapping[str, str], adj: Adjacency, skip_types: Iterable[str] = ()) -> str | None:
    """The node with the most distinct neighbours, leaving out `skip_types` (outline containers);
    ties go to the smallest id. None when there is no node.

    >>> most_central({"a": "Actor", "b": "Law", "m": "Measure"}, {"a": [("m", "X")], "m": [("a", "X"), ("b", "Y")],
    ...              "b": [("m", "Y")]}, skip_types=["Measure"])
    'a'
    """
    skipped = set(skip_types)
    best = [(-len({o for o, _ in adj.get(n, ())}), n) for n, t in types.items() if t not in skipped]
    return min(best)[1] if best else None


def relation_counts(node: str, scene: Scene, adj: Adjacency) -> dict[str, int]:
    """How many neighbours of `node` not in `scene` each edge type would add.

    >>> relation_counts("a", Scene("a", ("a",)), {"a": [("b", "CITES"), ("c", "CITES"), ("d", "RUNS")]})
    {'CITES': 2, 'RUNS': 1}
    """
    shown = set(scene.nodes) | scene.hidden
    out: dict[str, set[str]] = {}
    for other, kind in adj.get(node, ()):
        if other not in shown:
            out.setdefault(kind, set()).add(other)
    return {kind: len(others) for kind, others in sorted(out.items())}


def start(seed: str, adj: Adjacency, types: Mapping[str, str], *, depth: int = 1, cap: int = DEFAULT_CAP,
          rank: Mapping[str, float] | None = None) -> Scene:
    """The scene of `seed` grown `depth` rings (1 to MAX_DEPTH); rings beyond the first take half the
    cap per type, so a second ring stays readable."""
    scene = Scene(seed, (seed,), {seed: 0})
    frontier = [seed]
    for ring in range(1, max(1, min(depth, MAX_DEPTH)) + 1):
        ring_cap = cap if ring == 1 else max(2, cap // 2)
        for node in frontier:
            scene = expand(scene, node, adj, types, cap=ring_cap, rank=rank)
        frontier = [n for n in scene.nodes if scene.ring.get(n) == ring and not is_more(n)]
    return scene


def expand(scene: Scene, node: str, adj: Adjacency, types: Mapping[str, str], *, cap: int = DEFAULT_CAP,
           edge_type: str | None = None, rank: Mapping[str, float] | None = None) -> Scene:
    """`scene` with `node`'s neighbours added (only through `edge_type` when given), `cap` per node
    type, the most central first; a "+N more" node holds the rest. Expanding a "+N more" node shows
    its next `cap`."""
    if is_more(node):
        return _expand_more(scene, node, cap)
    if node not in scene.nodes:
        return scene
    shown = set(scene.nodes) | scene.hidden
    groups: dict[str, list[str]] = {}
    for other, kind in adj.get(node, ()):
        if other not in shown and (edge_type is None or kind == edge_type):
            group = groups.setdefault(types.get(other, ""), [])
            if other not in group:
                group.append(other)
    score = rank or {}
    for node_type in sorted(groups):
        ordered = sorted(groups[node_type], key=lambda n: (-float(score.get(n, 0.0)), n))
        scene = _add(scene, node, ordered[:cap])
        scene = _set_more(scene, MoreGroup(node, node_type, tuple(ordered[cap:]), edge_type))
    return scene


def _expand_more(scene: Scene, more_id: str, cap: int) -> Scene:
    group = scene.more.get(more_id)
    if group is None:
        return scene
    shown = set(scene.nodes) | scene.hidden
    rest = [n for n in group.rest if n not in shown]
    scene = _add(scene, group.parent, rest[:cap])
    return _set_more(scene, replace(group, rest=tuple(rest[cap:])))


def more_id_of(group: MoreGroup) -> str:
    """The id of the "+N more" node of `group`.

    >>> more_id_of(MoreGroup("actor:企业", "Measure", ("m",)))
    'more:actor:企业:Measure'
    """
    suffix = f":{group.edge_type}" if group.edge_type else ""
    return f"{MORE_PREFIX}{group.parent}:{group.type}{suffix}"


def _add(scene: Scene, parent: str, new: Sequence[str]) -> Scene:
    if not new:
        return scene
    ring = scene.ring.get(parent, 0) + 1
    return replace(scene, nodes=scene.nodes + tuple(new), ring={**scene.ring, **{n: ring for n in new}},
                   parent={**scene.parent, **{n: parent for n in new}})


def _set_more(scene: Scene, group: MoreGroup) -> Scene:
    more_id = more_id_of(group)
    more = dict(scene.more)
    nodes = [n for n in scene.nodes if n != more_id]
    ring, parent = dict(scene.ring), dict(scene.parent)
    if group.rest:
        more[more_id] = group
        nodes.append(more_id)
        ring[more_id] = scene.ring.get(group.parent, 0) + 1
        parent[more_id] = group.parent
    else:
        more.pop(more_id, None)
        ring.pop(more_id, None)
        parent.pop(more_id, None)
    return replace(scene, nodes=tuple(nodes), more=more, ring=ring, parent=parent)


def hide(scene: Scene, node: str) -> Scene:
    """`scene` without `node` (never the seed); it stays out of later expansions.

    >>> hide(Scene("a", ("a", "b"), {"a": 0, "b": 1}, {"b": "a"}), "b").nodes
    ('a',)
    """
    if node == scene.seed or node not in scene.nodes:
        return scene
    more = {k: g for k, g in scene.more.items() if k != node}
    return replace(scene, nodes=tuple(n for n in scene.nodes if n != node), more=more,
                   ring={k: v for k, v in scene.ring.items() if k != node},
                   parent={k: v for k, v in scene.parent.items() if k != node},
                   hidden=scene.hidden | ({node} if not is_more(node) else set()),
                   pinned=scene.pinned - {node})


def toggle_pin(scene: Scene, node: str) -> Scene:
    """`scene` with `node` pinned (kept where it is) or, if it was, released.

    >>> toggle_pin(Scene("a", ("a",)), "a").pinned
    frozenset({'a'})
    """
    if node not in scene.nodes:
        return scene
    return replace(scene, pinned=scene.pinned ^ {node})


def add_node(scene: Scene, node: str) -> Scene:
    """`scene` with `node` joined on its own (say, a search hit) on the first ring."""
    if node in scene.nodes:
        return scene
    return replace(scene, nodes=scene.nodes + (node,), ring={**scene.ring, node: 1},
                   hidden=scene.hidden - {node})


def focus_ring(scene: Scene, selected: str | None) -> set[str]:
    """The selected node (else the seed), the node it came from and the nodes that came from it:
    the ring the layout keeps together, whose labels are always drawn.

    >>> sorted(focus_ring(Scene("a", ("a", "b", "c", "d"), parent={"b": "a", "c": "b", "d": "c"}), "b"))
    ['a', 'b', 'c']
    """
    centre = selected if selected in scene.nodes else scene.seed
    ring = {centre} | {n for n, p in scene.parent.items() if p == centre and n in scene.nodes}
    if scene.parent.get(centre) in scene.nodes:
        ring.add(scene.parent[centre])
    return ring


# ---------------------------------------------------------------- saved views

VIEW_VERSION = 1


def to_view(scene: Scene, *, positions: Mapping[str, Sequence[float]] | None = None, selected: str | None = None,
            settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A saved view: the scene, node positions (whole pixels) and the page's filters, as plain JSON data."""
    shown = set(scene.nodes)
    return {
        "version": VIEW_VERSION,
        "seed": scene.seed,
        "nodes": [[n, scene.ring.get(n, 1), scene.parent.get(n)] for n in scene.real_nodes()],
        "more": [[g.parent, g.type, list(g.rest), g.edge_type] for g in scene.more.values()],
        "hidden": sorted(scene.hidden),
        "pinned": sorted(scene.pinned),
        "positions": {n: [round(float(p[0])), round(float(p[1]))] for n, p in (positions or {}).items()
                      if n in shown and len(p) == 2},
        "selected": selected if selected in shown else None,
        "settings": dict(settings or {}),
    }


def from_view(view: Any, known: Iterable[str] | None = None) -> tuple[Scene, dict[str, Any]]:
    """(scene, rest of the view: positions, selected, settings) from a saved view. Nodes not in
    `known` (the graph loaded now) are left out; ViewError when `view` is not a view at all."""
    if not isinstance(view, Mapping) or view.get("version") != VIEW_VERSION or not isinstance(view.get("seed"), str):
        raise ViewError("not a saved view of this explorer (no version 1 view with a seed)")
    ids = set(known) if known is not None else None
    seed = view["seed"]
    if ids is not None and seed not in ids:
        raise ViewError(f"its starting node {seed!r} is not in the loaded documents")
    rows, groups, positions = _view_parts(view)

    def loaded(node: str) -> bool:
        return ids is None or node in ids

    scene = _scene_of(seed, [row for row in rows if loaded(row[0])], view, loaded)
    for group in groups:
        if group.parent in scene.nodes:
            scene = _set_more(scene, replace(group, rest=tuple(filter(loaded, group.rest))))
    extra = {"positions": positions, "selected": view.get("selected"),
             "settings": dict(view.get("settings") or {})}
    return scene, extra


def _scene_of(seed: str, kept: list[tuple[str, int, str | None]], view: Mapping[str, Any],
              loaded: Callable[[str], bool]) -> Scene:
    """The scene of a view's loaded node rows, its seed always among them."""
    if seed not in {n for n, _, _ in kept}:
        kept = [(seed, 0, None), *kept]
    return Scene(seed, tuple(n for n, _, _ in kept), {n: r for n, r, _ in kept},
                 {n: p for n, _, p in kept if p is not None},
                 hidden=frozenset(h for h in map(str, view.get("hidden") or ()) if loaded(h)),
                 pinned=frozenset(map(str, view.get("pinned") or ())) & {n for n, _, _ in kept})


def _view_parts(view: Mapping[str, Any]) -> tuple[list[tuple[str, int, str | None]], list[MoreGroup],
                                                  dict[str, list[float]]]:
    """(node rows (id, ring, parent), "+N more" groups, positions) of a saved view, typed; ViewError
    when they do not have the shapes a view gives them."""
    try:
        rows = [(str(n), int(r), None if p is None else str(p)) for n, r, p in view.get("nodes", [])]
        groups = [MoreGroup(str(p), str(t), tuple(map(str, rest)), None if e is None else str(e))
                  for p, t, rest, e in view.get("more", [])]
        positions = {str(k): [float(v[0]), float(v[1])] for k, v in dict(view.get("positions") or {}).items()}
    except (TypeError, ValueError) as err:
        raise ViewError(f"its node list is malformed ({err})") from None
    return rows, groups, positions
