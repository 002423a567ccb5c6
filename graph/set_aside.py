"""What a loader set aside (newspaper text, page furniture …) and its warnings, kept with the
document in every store: each loaded document's Policy node carries them as ``set_aside`` and
``warnings``, so the set-aside page reads them through a named query (``set_aside_text``) from
the embedded store and from Neo4j alike.

>>> from graph.model import Document, Excluded, Label, Node, PolicyGraph
>>> g = PolicyGraph((Node("d", Label.POLICY, "D"),), (), (Document("d", "d.txt", "正文。报纸广告。尾", ("w",)),),
...                 (Excluded("d", 3, 7, "newspaper", "报纸广告"),))
>>> with_set_aside(g, context=2).nodes[0].attrs["set_aside"]
({'start': 3, 'end': 7, 'reason': 'newspaper', 'text': '报纸广告', 'before': '文。', 'after': '。尾'},)
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from graph.model import Label, Node, PolicyGraph

CONTEXT = 30  # characters of kept text either side of a passage, so a reader sees where it was cut


def with_set_aside(graph: PolicyGraph, context: int = CONTEXT) -> PolicyGraph:
    """`graph` with each of its documents' Policy nodes carrying ``set_aside`` (passages in text
    order: start, end, reason, text and the kept text around it) and ``warnings``, when it has any.
    Only documents `graph` holds (``graph.documents``) are touched."""
    texts = {d.id: d.text for d in graph.documents}
    warnings = {d.id: list(d.warnings) for d in graph.documents}
    passages: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for x in sorted(graph.excluded, key=lambda x: (x.doc_id, x.start, x.end)):
        text = texts.get(x.doc_id, "")
        passages[x.doc_id].append({"start": x.start, "end": x.end, "reason": x.reason, "text": x.text,
                                   "before": _line(text[max(0, x.start - context):x.start]),
                                   "after": _line(text[x.end:x.end + context])})
    nodes = tuple(_carrying(n, passages.get(n.id), warnings.get(n.id))
                  if n.label is Label.POLICY and n.id in texts else n for n in graph.nodes)
    return PolicyGraph(nodes, graph.edges, graph.documents, graph.excluded)


def _carrying(node: Node, passages: list[dict[str, Any]] | None, warnings: list[str] | None) -> Node:
    extra = {key: value for key, value in (("set_aside", passages), ("warnings", warnings)) if value}
    return Node(node.id, node.label, node.name, {**node.attrs, **extra}) if extra else node


def _line(text: str) -> str:
    return text.replace("\n", " ")
