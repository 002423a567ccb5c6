"""The next ring of every node a double-click can expand, sent with the scene so the browser grows
the scene at once; the page's own expansion (`render.explore_scene.expand`, the truth for saved
views) follows in its next run and gives the same nodes.

Each step says what one double-click changes: the nodes it adds (with ring and parent), the
"+N more" nodes it adds or relabels, the "+N more" nodes it empties, and the edges the new nodes
bring. Ids are long (a measure's carries its document's), so they are sent once, in `ids`, and
named by their index; a node record shared by several steps is sent once (`nodes`, without its
id and font, which is `font` for all), an edge as [from, to, type, tooltip] with its look by type
(`looks`). The browser rebuilds each edge's id as `render.explore_vis.edge_id` (a "+N more" edge:
``parent|MORE|more-id``, `more_edge`).

>>> from render.explore_scene import adjacency, start
>>> adj = adjacency([{"source": "a", "target": "b", "type": "X"}, {"source": "b", "target": "c", "type": "X"}])
>>> types = {"a": "Actor", "b": "Law", "c": "Actor"}
>>> rows = {n: {"id": n, "name": n, "type": t} for n, t in types.items()}
>>> edges_at = {"b": [{"source": "b", "target": "c", "type": "X"}], "c": [{"source": "b", "target": "c", "type": "X"}]}
>>> pre = next_rings(start("a", adj, types), rows=rows, adj=adj, types=types, cap=6, rank={}, edges_at=edges_at,
...                  lang="en", evidence={})
>>> sorted(pre["steps"]), pre["steps"]["b"]["add"], pre["ids"], pre["edges"]
(['b'], [[0, 2, 1]], ['c', 'b'], [[1, 0, 'X', 'X']])
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from render import explore_scene as sc
from render.explore_vis import edge_id, more_edge, node_record, vis_edge

EDGE_LOOK = ("color", "width", "dashes", "arrows")  # what an edge record takes from its type alone


class _Pool:
    """Ids, node records and edges shared by the steps, each sent once."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.nodes: dict[int, dict[str, Any]] = {}
        self.edges: dict[str, int] = {}
        self.edge_rows: list[list[Any]] = []
        self.looks: dict[str, dict[str, Any]] = {}
        self.font: dict[str, Any] | None = None

    def ref(self, node_id: str) -> int:
        return self.ids.setdefault(node_id, len(self.ids))

    def add_edge(self, record: Mapping[str, Any]) -> int:
        if record["id"] not in self.edges:
            self.edges[record["id"]] = len(self.edge_rows)
            self.edge_rows.append([self.ref(record["from"]), self.ref(record["to"]), record["type"],
                                   record.get("title", "")])
            self.looks.setdefault(record["type"], {k: record[k] for k in EDGE_LOOK})
        return self.edges[record["id"]]

    def add_node(self, record: Mapping[str, Any]) -> int:
        index = self.ref(record["id"])
        if index not in self.nodes:
            self.font = self.font or dict(record["font"])
            self.nodes[index] = {k: v for k, v in record.items() if k not in ("id", "font")}
        return index

    def payload(self, steps: dict[str, Any]) -> dict[str, Any]:
        return {"steps": steps, "ids": list(self.ids), "nodes": {str(k): v for k, v in self.nodes.items()},
                "font": self.font, "edges": self.edge_rows, "looks": self.looks}


def next_rings(scene: sc.Scene, *, rows: Mapping[str, Mapping[str, Any]], adj: sc.Adjacency,
               types: Mapping[str, str], cap: int, rank: Mapping[str, float],
               edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str,
               evidence: Mapping[str, int]) -> dict[str, Any]:
    """{"steps": {node: step}, and the shared ids, nodes and edges} for every node of `scene` whose
    double-click would change it (expand all its relations, `cap` per type; a "+N more" node shows
    its next `cap`)."""
    pool = _Pool()
    steps = {}
    for node in scene.nodes:
        after = sc.expand(scene, node, adj, types, cap=cap, rank=rank)
        if after.nodes != scene.nodes or after.more != scene.more:
            steps[node] = _step(scene, after, pool, rows=rows, adj=adj, lang=lang, rank=rank, edges_at=edges_at,
                                evidence=evidence)
    return pool.payload(steps)


def _step(before: sc.Scene, after: sc.Scene, pool: _Pool, *, rows: Mapping[str, Mapping[str, Any]],
          adj: sc.Adjacency, lang: str, rank: Mapping[str, float],
          edges_at: Mapping[str, Sequence[Mapping[str, Any]]], evidence: Mapping[str, int]) -> dict[str, Any]:
    shown, now = set(before.nodes), set(after.nodes)
    added = [n for n in after.nodes if n not in shown]
    more = {str(pool.ref(m)): {k: v for k, v in node_record(m, after, rows=rows, adj=adj, lang=lang, focus=True,
                                                             selected=False, centrality=rank,
                                                             evidence=evidence).items() if k != "id"}
            for m in after.more if m not in shown or before.more[m].rest != after.more[m].rest}
    edges: dict[int, None] = {}
    for n in added:
        if sc.is_more(n):
            edges[pool.add_edge(more_edge(n, after.more[n].parent))] = None
            continue
        pool.add_node(node_record(n, after, rows=rows, adj=adj, lang=lang, focus=True, selected=False,
                                  centrality=rank, evidence=evidence))
        for row in edges_at.get(n, ()):
            if str(row["source"]) in now and str(row["target"]) in now:
                index = pool.edges.get(edge_id(row))
                if index is None:  # the sentence reaches the edge's tooltip with the page's next run
                    index = pool.add_edge(vis_edge({k: v for k, v in row.items() if k != "evidence"}, lang))
                edges[index] = None
    return {"add": [[pool.ref(n), after.ring.get(n, 1), pool.ref(after.parent.get(n, n))] for n in added],
            "more": more, "drop": [pool.ref(n) for n in before.nodes if n not in now], "edges": list(edges)}


def edge_record(pre: Mapping[str, Any], index: int) -> dict[str, Any]:
    """Edge `index` of a prefetch as the browser rebuilds it (graph_view_local.js, `edgeRecord`):
    the same record `vis_edge` or `more_edge` made, its tooltip's sentence aside.

    >>> pre = {"ids": ["a", "more:a:Law"], "edges": [[0, 1, "", ""]], "looks": {"": {"color": 1}}}
    >>> edge_record(pre, 0)
    {'id': 'a|MORE|more:a:Law', 'from': 'a', 'to': 'more:a:Law', 'type': '', 'color': 1}
    """
    source, target, kind, title = pre["edges"][index]
    ids = pre["ids"]
    record = {"id": f"{ids[source]}|{kind or 'MORE'}|{ids[target]}", "from": ids[source], "to": ids[target],
              "type": kind, **pre["looks"][kind]}
    if title:
        record["title"] = title
    return record
