"""Precision and recall of loaded graphs against gold annotations (format: docs/GOLD.md).

    python -m loaders.evaluate data/gold ../shared/corpus data/seed      # a folder of gold files
    python -m loaders.evaluate data/gold/zhejiang-platform-economy-2023.yaml data/seed/zhejiang-platform-economy-2023.txt

The folder form pairs each gold file with its document (the `source:` it names, else the same stem)
anywhere under the document folders, loads each document on its own, and prints a table per document
and the totals per field. Documents that are missing or fail to load are listed, and the others are
still scored; the exit status is non-zero only for a usage error. Fields are scored only where the
gold file annotates them.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from graph.model import EdgeType, Label, Node, PolicyGraph
from loaders.errors import LoaderError
from loaders.gold import FIELDS, FRONT_MATTER, gold_sets, norm, norm_joined, read_gold, source_name
from loaders.pipeline import load_paths
from loaders.reading import SUPPORTED_SUFFIXES

HEADING_LABELS = (Label.PART, Label.SECTION, Label.MEASURE, Label.ITEM)
CHAPTER_SECTION = re.compile(r"(?:^|/)chapter:(\d+)/section:\d+$")


@dataclass(frozen=True)
class Score:
    """Counts and ratios for one field (a node or edge type, or a front-matter field)."""

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


# ---- what the graph says ------------------------------------------------------------------------------

def _outline_path(node: Node, doc_id: str) -> str | None:
    """The node's path below its document (`part:2/section:1`), or None if it is not the document's."""
    prefix = f"{doc_id}/"
    return node.id[len(prefix):] if node.id.startswith(prefix) else None


def _front_matter(policy: Node | None) -> dict[str, set]:
    attrs = policy.attrs if policy is not None else {}
    out: dict[str, set] = {}
    for field in FRONT_MATTER:
        value = attrs.get(field)
        if field == "issuers":
            out[field] = {norm(x) for x in value or [] if x}
        elif field == "addressees":
            out[field] = {norm_joined(value)} if value else set()
        else:
            out[field] = {norm(value)} if value else set()
    return out


def _structure(graph: PolicyGraph, doc_id: str) -> dict[str, set]:
    """Headings (depth, number, title), chapters, sections and articles of one document."""
    out: dict[str, set] = {"headings": set(), "chapters": set(), "sections": set(), "articles": set()}
    for node in graph.nodes:
        path = _outline_path(node, doc_id)
        if path is None:
            continue
        try:
            number = int(node.attrs.get("number"))
        except (TypeError, ValueError):
            continue  # not an outline node, or no whole number (第十八条之一): no gold counterpart
        title = norm(node.attrs.get("title", node.name))
        chapter = CHAPTER_SECTION.search(path)
        if node.label is Label.ARTICLE:
            out["articles"].add(number)
        elif node.label is Label.CHAPTER:
            out["chapters"].add((node.attrs.get("level") or "chapter", number, title))
        elif node.label is Label.SECTION and chapter:
            out["sections"].add((int(chapter.group(1)), number, title))
        elif node.label in HEADING_LABELS and "chapter:" not in path:
            out["headings"].add((path.count("/") + 1, number, title))
            if node.label is Label.SECTION:
                out["sections"].add((number, title))
    return out


def _seed_levels(graph: PolicyGraph, doc_id: str) -> dict[str, set]:
    """Measures, target systems and the measure→system/law/actor pairs of one document."""
    nodes = {n.id: n for n in graph.nodes}
    measures = {n.id: n for n in graph.nodes_of(Label.MEASURE) if _outline_path(n, doc_id) is not None}

    def pairs(edge_type: EdgeType) -> set:
        return {(int(measures[e.source].attrs["number"]), nodes[e.target].name)
                for e in graph.edges_of(edge_type) if e.source in measures and e.target in nodes}

    return {
        "measures": {(int(n.attrs["number"]), norm(n.attrs.get("title", n.name))) for n in measures.values()},
        "target systems": {n.name for n in graph.nodes_of(Label.TARGET_SYSTEM)
                           if _outline_path(n, doc_id) is not None},
        "laws": {name for _, name in pairs(EdgeType.CITES)},
        "measure→system": pairs(EdgeType.BUILDS),
        "measure→law": pairs(EdgeType.CITES),
        # Bodies named responsible (ASSIGNED_TO) are the measure's actors as much as INVOLVES ones.
        "measure→actor": pairs(EdgeType.INVOLVES) | pairs(EdgeType.ASSIGNED_TO),
    }


def found_sets(graph: PolicyGraph, doc_id: str) -> dict[str, set]:
    """What the graph says about document `doc_id`, keyed and shaped like `loaders.gold.gold_sets`."""
    policy = next((n for n in graph.nodes if n.id == doc_id and n.label is Label.POLICY), None)
    return {**_front_matter(policy), **_structure(graph, doc_id), **_seed_levels(graph, doc_id)}


def pick_document(graph: PolicyGraph, gold: dict, source: str = "") -> str | None:
    """The id of the document the gold annotates: the one loaded from `source`, else the one whose
    title matches, else the only (or first) one."""
    if not graph.documents:
        return None
    for doc in graph.documents:
        if source and Path(doc.source).name == Path(source).name:
            return doc.id
    titles = {n.id: norm(n.attrs.get("title")) for n in graph.nodes_of(Label.POLICY)}
    wanted = norm(gold.get("title"))
    return next((d.id for d in graph.documents if wanted and titles.get(d.id) == wanted), graph.documents[0].id)


def evaluate(graph: PolicyGraph, gold: dict, source: str = "") -> list[Score]:
    """Scores per annotated field of one document of `graph` against its gold annotation.

    >>> from graph.model import PolicyGraph
    >>> [s.kind for s in evaluate(PolicyGraph(), {"title": "关于X的意见", "measures": {1: "甲"}})]
    ['title', 'measures']
    """
    expected = gold_sets(gold)
    doc_id = pick_document(graph, gold, source)
    found = found_sets(graph, doc_id) if doc_id else {kind: set() for kind in expected}
    if "measure→actor" in expected:  # actor pairs are annotated on some measures only
        annotated = {m for m, _ in expected["measure→actor"]}
        found["measure→actor"] = {p for p in found["measure→actor"] if p[0] in annotated}
    return [_score(kind, expected[kind], found.get(kind, set())) for kind in expected]


def format_scores(scores: list[Score]) -> str:
    lines = [f"{'type':<16}{'gold':>6}{'found':>7}{'correct':>9}{'precision':>11}{'recall':>8}"]
    for s in scores:
        lines.append(f"{s.kind:<16}{s.gold:>6}{s.found:>7}{s.correct:>9}{s.precision:>11.3f}{s.recall:>8.3f}")
    return "\n".join(lines)


# ---- a folder of gold files ----------------------------------------------------------------------------

@dataclass(frozen=True)
class DocumentResult:
    """One gold file's outcome: its document and scores, or the problem that kept it from a score."""

    gold: Path
    document: Path | None
    scores: tuple[Score, ...] = ()
    problem: str = ""


def index_documents(doc_dirs: list[Path]) -> dict[str, list[Path]]:
    """Readable documents under `doc_dirs`, by file name and by stem."""
    index: dict[str, list[Path]] = {}
    for folder in doc_dirs:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
                index.setdefault(path.name, []).append(path)
                index.setdefault(path.stem, []).append(path)
    return index


def _evaluate_one(gold_path: Path, index: dict[str, list[Path]]) -> DocumentResult:
    try:
        gold = read_gold(gold_path)
    except LoaderError as err:
        return DocumentResult(gold_path, None, problem=err.reason)
    name, stem = source_name(gold, gold_path)
    candidates = index.get(name or stem, [])
    if not candidates:
        return DocumentResult(gold_path, None, problem=f"no document named {name or stem + '.*'}")
    document = candidates[0]
    try:
        graph = load_paths([document])
    except LoaderError as err:  # scored as finding nothing: the user got nothing from it
        return DocumentResult(gold_path, document, tuple(evaluate(PolicyGraph(), gold)), err.reason)
    except Exception as err:  # a crash on one document must not hide the others' scores
        problem = f"loader crashed: {type(err).__name__}" + (f": {err}" if str(err) else "")
        return DocumentResult(gold_path, document, tuple(evaluate(PolicyGraph(), gold)), problem)
    return DocumentResult(gold_path, document, tuple(evaluate(graph, gold, document.name)))


def evaluate_folder(gold_dir: Path, doc_dirs: list[Path]) -> list[DocumentResult]:
    """Every gold file in `gold_dir` scored against its document under `doc_dirs`."""
    index = index_documents(doc_dirs)
    return [_evaluate_one(path, index) for path in sorted(gold_dir.glob("*.yaml")) + sorted(gold_dir.glob("*.yml"))]


def total_scores(results: list[DocumentResult]) -> list[Score]:
    """Scores summed over documents, per field (a document that failed to load counts as finding nothing)."""
    totals: dict[str, list[int]] = {}
    for result in results:
        for s in result.scores:
            counts = totals.setdefault(s.kind, [0, 0, 0])
            counts[0], counts[1], counts[2] = counts[0] + s.gold, counts[1] + s.found, counts[2] + s.correct
    return [Score(kind, *totals[kind]) for kind in FIELDS if kind in totals]


def format_folder(results: list[DocumentResult]) -> str:
    """Per document: correct/gold per field (+n: found but not in the gold); then totals per field."""
    kinds = [s.kind for s in total_scores(results)]
    width = max([len(r.gold.stem) for r in results] + [8]) + 2
    widths = [max(len(k), 7) + 2 for k in kinds]
    lines = ["document".ljust(width) + "".join(k.rjust(w) for k, w in zip(kinds, widths))]
    for r in results:
        if not r.scores:
            continue
        by_kind = {s.kind: s for s in r.scores}
        cells = [_cell(by_kind.get(k)) for k in kinds]
        row = r.gold.stem.ljust(width) + "".join(c.rjust(w) for c, w in zip(cells, widths))
        lines.append(row + ("  (failed to load)" if r.problem else ""))
    lines += ["", "cells: correct/gold, +n found but not in the gold; recall is the accuracy (correct of gold)",
              "", format_scores(total_scores(results))]
    problems = [f"{r.gold.name}: {(str(r.document) + ': ') if r.document else ''}{r.problem}"
                for r in results if r.problem]
    if problems:
        lines += ["", f"problems ({len(problems)}; a document that failed to load is scored as finding nothing):"]
        lines += [f"  {p}" for p in problems]
    return "\n".join(lines)


def _cell(score: Score | None) -> str:
    if score is None:
        return "-"
    extra = score.found - score.correct
    return f"{score.correct}/{score.gold}" + (f" +{extra}" if extra else "")


# ---- command line --------------------------------------------------------------------------------------

def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m loaders.evaluate",
        description="Precision and recall per field against gold annotations (docs/GOLD.md).")
    p.add_argument("gold", help="a gold file (YAML), or a folder of them")
    p.add_argument("paths", nargs="+", metavar="PATH",
                   help="with a gold file: the document(s) it annotates; with a folder: folders of documents")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    gold = Path(args.gold)
    if gold.is_dir():
        missing = [p for p in args.paths if not Path(p).is_dir()]
        if missing:
            print(f"error: {missing[0]}: not a folder of documents", file=sys.stderr)
            return 2
        print(format_folder(evaluate_folder(gold, [Path(p) for p in args.paths])))
        return 0
    try:
        graph = load_paths(args.paths)
        annotation = read_gold(gold)
        print(format_scores(evaluate(graph, annotation, source_name(annotation, gold)[0])))
    except LoaderError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
