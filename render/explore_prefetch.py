"""The next ring of every node a double-click can expand, sent with the scene so the browser grows
the scene at once; the page's own expansion (`render.explore_scene.expand`, the truth for saved
views) follows in its next run and gives the same nodes.

Each step says what one double-click changes: the nodes it adds (with ring and parent), the
"+N more" nodes it adds or relabels, the "+N more" nodes it empties, and the edges the new nodes
bring. Node and edge records shared by several steps are sent once, in `nodes` and `edges`.

>>> from render.explore_scene import adjacency, start
>>> adj = adjacency([{"source": "a", "target": "b", "type": "X"}, {"source": "b", "target": "c", "type": "X"}])
>>> types = {"a": "Actor", "b": "Law", "c": "Actor"}
>>> rows = {n: {"id": n, "name": n, "type": t} for n, t in types.items()}
>>> edges_at = {"b": [{"source": "b", "target": "c", "type": "X"}], "c": [{"source": "b", "target": "c", "type": "X"}]}
>>> pre = next_rings(start("a", adj, types), rows=rows, adj=adj, types=types, cap=6, rank={}, edges_at=edges_at,
...                  lang="en", evidence={})
>>> pre["steps"]["b"]["add"], pre["steps"]["b"]["edges"], sorted(pre["steps"])
([['c', 2, 'b']], ['b|X|c'], ['b'])
"""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from render import explore_scene as sc
from render.explore_vis import edge_id, more_edge, node_record, vis_edge

Records = dict[str, dict[str, Any]]


def next_rings(scene: sc.Scene, *, rows: Mapping[str, Mapping[str, Any]], adj: sc.Adjacency,
               types: Mapping[str, str], cap: int, rank: Mapping[str, float],
               edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str,
               evidence: Mapping[str, int]) -> dict[str, Any]:
    """{"steps": {node: step}, "nodes": records, "edges": records} for every node of `scene` whose
    double-click would change it (expand all its relations, `cap` per type; a "+N more" node shows
    its next `cap`)."""
    pool: dict[str, Records] = {"nodes": {}, "edges": {}}
    steps = {}
    for node in scene.nodes:
        after = sc.expand(scene, node, adj, types, cap=cap, rank=rank)
        if after.nodes != scene.nodes or after.more != scene.more:
            steps[node] = _step(scene, after, pool, rows=rows, adj=adj, lang=lang, rank=rank, edges_at=edges_at,
                                evidence=evidence)
    return {"steps": steps, **pool}


def _step(before: sc.Scene, after: sc.Scene, pool: dict[str, Records], *, rows: Mapping[str, Mapping[str, Any]],
          adj: sc.Adjacency, lang: str, rank: Mapping[str, float],
          edges_at: Mapping[str, Sequence[Mapping[str, Any]]], evidence: Mapping[str, int]) -> dict[str, Any]:
    shown, now = set(before.nodes), set(after.nodes)
    added = [n for n in after.nodes if n not in shown]
    more = {m: node_record(m, after, rows=rows, adj=adj, lang=lang, focus=True, selected=False, centrality=rank,
                           evidence=evidence)
            for m in after.more if m not in shown or before.more[m].rest != after.more[m].rest}
    edges: dict[str, None] = {}
    for n in added:
        if sc.is_more(n):
            record = more_edge(n, after.more[n].parent)
            pool["edges"].setdefault(record["id"], record)
            edges[record["id"]] = None
            continue
        if n not in pool["nodes"]:
            pool["nodes"][n] = node_record(n, after, rows=rows, adj=adj, lang=lang, focus=True, selected=False,
                                           centrality=rank, evidence=evidence)
        for row in edges_at.get(n, ()):
            if str(row["source"]) in now and str(row["target"]) in now:
                key = edge_id(row)
                if key not in pool["edges"]:  # the sentence reaches its tooltip with the page's next run
                    pool["edges"][key] = vis_edge({k: v for k, v in row.items() if k != "evidence"}, lang)
                edges[key] = None
    return {"add": [[n, after.ring.get(n, 1), after.parent.get(n)] for n in added], "more": more,
            "drop": [n for n in before.nodes if n not in now], "edges": list(edges)}
