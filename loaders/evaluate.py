"""Precision and recall of a loaded graph against a gold annotation.

    python -m loaders.evaluate data/gold/zhejiang-platform-economy-2023.yaml data/seed/zhejiang-platform-economy-2023.txt

Works on any corpus: write a gold file in the same shape (see the bundled one) for
each document. Actor pairs are scored only on the measures the gold file annotates.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from graph.model import EdgeType, Label, PolicyGraph
from loaders.errors import LoaderError
from loaders.pipeline import load_paths


@dataclass(frozen=True)
class Score:
    """Counts and ratios for one node or edge type."""

    kind: str
    gold: int
    found: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 1.0


def _score(kind: str, gold: set, found: set) -> Score:
    return Score(kind, len(gold), len(found), len(gold & found))


def extracted_sets(graph: PolicyGraph, doc_id: str | None = None) -> dict[str, set]:
    """What the graph says, as comparable sets keyed like the gold file."""
    nodes = {n.id: n for n in graph.nodes}
    measure_no = {n.id: n.attrs["number"] for n in graph.nodes_of(Label.MEASURE)
                  if doc_id is None or n.attrs.get("doc_id") == doc_id}

    def pairs(edge_type: EdgeType) -> set:
        return {(measure_no[e.source], nodes[e.target].name) for e in graph.edges_of(edge_type)
                if e.source in measure_no}

    return {
        "measures": {(n.attrs["number"], n.attrs["title"]) for n in graph.nodes_of(Label.MEASURE)
                     if n.id in measure_no},
        "sections": {(n.attrs["number"], n.attrs["title"]) for n in graph.nodes_of(Label.SECTION)
                     if doc_id is None or n.attrs.get("doc_id") == doc_id},
        "target systems": {n.name for n in graph.nodes_of(Label.TARGET_SYSTEM)
                           if doc_id is None or n.attrs.get("doc_id") == doc_id},
        "laws": {name for _, name in pairs(EdgeType.CITES)},
        "measure→system": pairs(EdgeType.BUILDS),
        "measure→law": pairs(EdgeType.CITES),
        # Bodies named responsible (ASSIGNED_TO) are the measure's actors as much as INVOLVES ones.
        "measure→actor": pairs(EdgeType.INVOLVES) | pairs(EdgeType.ASSIGNED_TO),
    }


def gold_sets(gold: dict) -> dict[str, set]:
    sections = gold.get("sections", {})
    return {
        "measures": {(int(k), v) for k, v in gold.get("measures", {}).items()},
        "sections": {(int(k), v["title"]) for k, v in sections.items()},
        "target systems": {v["system"] for v in sections.values()},
        "laws": {law for laws in gold.get("laws", {}).values() for law in laws},
        "measure→system": {(m, v["system"]) for v in sections.values() for m in v.get("measures", [])},
        "measure→law": {(int(k), law) for k, laws in gold.get("laws", {}).items() for law in laws},
        "measure→actor": {(int(k), a) for k, actors in gold.get("actors", {}).items() for a in actors},
    }


def evaluate(graph: PolicyGraph, gold: dict) -> list[Score]:
    """Scores per node and edge type of `graph` against one document's gold annotation.

    >>> from graph.model import PolicyGraph
    >>> [s.kind for s in evaluate(PolicyGraph(), {})][:2]
    ['measures', 'sections']
    """
    # Document ids come from issuer + number (loaders.relations.document_id): find the gold's by title.
    doc_id = next((n.id for n in graph.nodes if n.label.value == "Policy" and gold.get("title")
                   and n.attrs.get("title") == gold["title"]), None)
    found = extracted_sets(graph, doc_id)
    expected = gold_sets(gold)
    annotated = {m for m, _ in expected["measure→actor"]}
    found["measure→actor"] = {p for p in found["measure→actor"] if p[0] in annotated}
    return [_score(kind, expected[kind], found[kind]) for kind in expected]


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'type':<16}{'gold':>6}{'found':>7}{'correct':>9}{'precision':>11}{'recall':>8}"]
    for s in scores:
        lines.append(f"{s.kind:<16}{s.gold:>6}{s.found:>7}{s.correct:>9}{s.precision:>11.3f}{s.recall:>8.3f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m loaders.evaluate",
                                description="Precision and recall per node and edge type against a gold file.")
    p.add_argument("gold", help="gold annotation (YAML)")
    p.add_argument("files", nargs="+", metavar="FILE", help="the document(s) the gold file annotates")
    args = p.parse_args(argv)
    try:
        gold = yaml.safe_load(Path(args.gold).read_text(encoding="utf-8"))
        if not isinstance(gold, dict):
            raise LoaderError(args.gold, "not a gold annotation (expected a YAML mapping)")
        print(format_scores(evaluate(load_paths(args.files), gold)))
    except LoaderError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    except (OSError, yaml.YAMLError) as err:
        print(f"error: {args.gold}: {getattr(err, 'strerror', None) or err}".splitlines()[0], file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
