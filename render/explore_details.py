"""What Explore's details panel shows for a node, worked out in Python and drawn by the browser the
moment a node is clicked (no round trip): name, type, English label, centrality, readable
properties (its document among them) and the evidence sentences at the node, capped.

The evidence comes from the edge rows of the whole graph (`edges_by_node`), in the order of the
``evidence_of`` query, so the panel lists what that query answers. The panel builds its text with
``textContent``: names and sentences are data, never markup.

>>> at = edges_by_node([{"source": "m", "target": "a", "type": "INVOLVES", "evidence": " 支持 平台 "}])
>>> rows = {"a": {"id": "a", "type": "Actor", "name": "平台企业"}, "m": {"id": "m", "type": "Measure", "name": "举措"}}
>>> d = node_details("a", rows=rows, edges_at=at, lang="zh", score=0.5, cap=5)
>>> d["name"], d["score"], d["evidence"], d["total"]
('平台企业', '0.50', [['涉及主体', '举措', '支持 平台']], 1)
"""

from __future__ import annotations

from typing import Any, Iterable, Mapping, Sequence

from render.i18n import edge_name, node_caption, type_name
from render.readable import readable_properties

SCENE_EVIDENCE_CAP = 3  # sentences sent for each node of the scene: what the panel shows before scrolling
SELECTED_EVIDENCE_CAP = 300  # the selected node's list, in full unless it is enormous


def edges_by_node(edges: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Each node's edge rows, either direction, in the order given (a loop is listed once).

    >>> edges_by_node([{"source": "a", "target": "b", "type": "CITES"}])["b"][0]["source"]
    'a'
    """
    out: dict[str, list[Mapping[str, Any]]] = {}
    for row in edges:
        source, target = str(row["source"]), str(row["target"])
        out.setdefault(source, []).append(row)
        if target != source:
            out.setdefault(target, []).append(row)
    return out


def flat_edge(row: Mapping[str, Any]) -> dict[str, Any]:
    """An ``all_edges`` row (source, target, props) as one flat row like ``edges_among``'s.

    >>> flat_edge({"source": "a", "target": "b", "props": {"type": "CITES", "evidence": "x"}})
    {'type': 'CITES', 'evidence': 'x', 'source': 'a', 'target': 'b'}
    """
    props = row.get("props")
    flat = dict(props) if isinstance(props, Mapping) else {k: v for k, v in row.items()}
    flat.update(source=row["source"], target=row["target"])
    return flat


def _name(rows: Mapping[str, Mapping[str, Any]], node_id: str) -> str:
    return str(rows.get(node_id, {}).get("name") or node_id)


def evidence_entries(node_id: str, *, rows: Mapping[str, Mapping[str, Any]],
                     edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str) -> list[list[str]]:
    """[relation, the node at the other end, the sentence] of every edge at `node_id` with evidence."""
    out = []
    for row in edges_at.get(node_id, ()):
        sentence = " ".join(str(row.get("evidence") or "").split())
        if not sentence:
            continue
        other = row["target"] if str(row["source"]) == node_id else row["source"]
        out.append([edge_name(str(row.get("type")), lang), _name(rows, str(other)), sentence])
    return out


def node_details(node_id: str, *, rows: Mapping[str, Mapping[str, Any]],
                 edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str, score: float,
                 cap: int) -> dict[str, Any]:
    """The panel's record of one node; at most `cap` evidence sentences, `total` says how many there are."""
    row = rows.get(node_id, {"id": node_id})
    evidence = evidence_entries(node_id, rows=rows, edges_at=edges_at, lang=lang)
    return {
        "name": _name(rows, node_id), "caption": node_caption(row, lang), "type": type_name(str(row.get("type")), lang), "en": str(row.get("name_en") or ""),
        "score": f"{float(score):.2f}", "measure": row.get("type") == "Measure",
        "attrs": [[label, str(value)] for label, value in readable_properties(row, rows, lang)],
        "evidence": evidence[:cap], "total": len(evidence),
    }


def scene_details(node_ids: Iterable[str], selected: str | None, *, rows: Mapping[str, Mapping[str, Any]],
                  edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str,
                  centrality: Mapping[str, float]) -> dict[str, dict[str, Any]]:
    """The panel's record of every node in `node_ids`: the selected one with all its evidence, the
    others with their first sentences (a click shows them at once, the page's next run the rest)."""
    return {n: node_details(n, rows=rows, edges_at=edges_at, lang=lang, score=centrality.get(n, 0.0),
                            cap=SELECTED_EVIDENCE_CAP if n == selected else SCENE_EVIDENCE_CAP)
            for n in node_ids}


def waiting_details(prefetch: Mapping[str, Any], *, rows: Mapping[str, Mapping[str, Any]],
                    edges_at: Mapping[str, Sequence[Mapping[str, Any]]], lang: str,
                    centrality: Mapping[str, float]) -> dict[str, dict[str, Any]]:
    """The panel's record of each node waiting behind a double-click (`render.explore_prefetch`), by
    its index there, with the count of its sentences only: they come with the page's next run, which
    has added the node to the scene by the time anyone clicks it."""
    ids = prefetch["ids"]
    return {key: node_details(ids[int(key)], rows=rows, edges_at=edges_at, lang=lang,
                              score=centrality.get(ids[int(key)], 0.0), cap=0) for key in prefetch["nodes"]}
