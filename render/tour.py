"""Guided tours built from the graph, for workshops: steps, the default tour, files.

A tour is a list of `TourStep`s. Each step is a focused subgraph (``node_ids``,
optionally narrowed to ``edge_types``) with a title, a short narrative filled
from the data (counts, names) and evidence quotes taken from the edges. The
default tour is generated for any document, not written for one:

1. title: the document, its issuers and goal year
2. systems: the target systems it builds
3. system-N: each target system with its measures
4. measure: one measure (the one citing most laws, unless chosen) with its actors and laws
5. cross-references: the strongest links between measures
6. actors: the actors taking part in most measures

Trainers skip (``skip``), reorder and edit steps, then save the tour to YAML or
JSON and load it again; `load_tour(save_tour(t))` gives back ``t`` unchanged.

Pure: no Streamlit, no I/O except `save_tour`/`load_tour` (strings come from
``data/i18n/workshop.yaml`` through `render.i18n`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from graph.files import write_atomic
from graph.index import GraphIndex
from graph.labels import node_title
from graph.model import Edge, EdgeType, Label, Node
from render.i18n import LANGS, t
from render.tour_file import (
    TourError,
    check_header,
    check_unique_ids,
    parse_tour_text,
    read_tour_file,
    step_fields,
)

TOUR_FORMAT = "policy-graph-tour"
TOUR_VERSION = 1
STEP_KINDS = ("title", "systems", "system", "measure", "cross_references", "actors", "custom")


@dataclass(frozen=True)
class Quote:
    """An evidence sentence and the edge it supports (ids and edge type; empty if typed by hand)."""

    text: str
    source: str = ""
    target: str = ""
    type: str = ""


@dataclass(frozen=True)
class TourStep:
    """One step: a focused subgraph plus what to say about it.

    ``edge_types`` narrows the edges drawn among ``node_ids``; empty means all of them.
    ``focus`` is the node the picture centres on (``None``: no centre).
    """

    id: str
    kind: str
    title: str
    narrative: str
    node_ids: tuple[str, ...]
    focus: str | None = None
    evidence: tuple[Quote, ...] = ()
    edge_types: tuple[str, ...] = ()
    skip: bool = False


@dataclass(frozen=True)
class Tour:
    """A named sequence of steps over one document (``doc_id``), in one language."""

    title: str
    steps: tuple[TourStep, ...]
    doc_id: str = ""
    lang: str = "zh"

    def visible(self) -> list[TourStep]:
        """The steps not skipped, in order."""
        return [s for s in self.steps if not s.skip]

    def step(self, step_id: str) -> TourStep:
        for s in self.steps:
            if s.id == step_id:
                return s
        raise KeyError(step_id)


# ----------------------------------------------------------------------------- reading the graph


def node_label(node: Node, lang: str = "zh") -> str:
    """What a person reads for a node (`graph.labels.node_title`): measures as ``N. title``.

    >>> node_label(Node("m", Label.MEASURE, "公平竞争", {"number": 19}))
    '19. 公平竞争'
    """
    return node_title(node.as_dict(), lang)


def policy_of(idx: GraphIndex, doc_id: str | None = None) -> Node:
    """The document's Policy node (the first by id when `doc_id` is None); TourError when absent."""
    policies = idx.policies()
    if not policies:
        raise TourError("the graph holds no policy document")
    if doc_id is None:
        return policies[0]
    if not idx.is_a(doc_id, Label.POLICY):
        raise TourError(f"no document {doc_id!r} in the graph")
    return idx.nodes[doc_id]


# ----------------------------------------------------------------------------- default tour


def default_tour(idx: GraphIndex, doc_id: str | None = None, lang: str = "zh",
                 measure: str | None = None, top_actors: int = 5, max_cross_references: int = 12) -> Tour:
    """The default tour of one document (the first by id when `doc_id` is None).

    >>> from loaders import load_paths
    >>> idx = GraphIndex(load_paths(["data/seed/zhejiang-platform-economy-2023.txt"]))
    >>> [s.kind for s in default_tour(idx).steps][:2]
    ['title', 'systems']
    """
    if lang not in LANGS:
        raise TourError(f"unknown language {lang!r} (use zh or en)")
    policy = policy_of(idx, doc_id)
    steps = [title_step(idx, policy.id, lang), systems_step(idx, policy.id, lang)]
    steps += [system_step(idx, s.id, policy.id, lang, n)
              for n, s in enumerate(idx.systems(policy.id), start=1)]
    chosen = measure or pick_measure(idx, policy.id)
    if chosen:
        steps.append(measure_step(idx, chosen, lang))
    steps.append(cross_references_step(idx, policy.id, lang, max_cross_references))
    steps.append(actors_step(idx, policy.id, lang, top_actors))
    return Tour(node_label(policy, lang), tuple(steps), policy.id, lang)


def title_step(idx: GraphIndex, doc_id: str, lang: str = "zh") -> TourStep:
    """The document, its parts and issuers; narrative with the goal year and overall counts."""
    policy = policy_of(idx, doc_id)
    parts = [e.target for e in idx.out_edges(doc_id, EdgeType.HAS_PART)]
    issuers = [e.target for e in idx.out_edges(doc_id, EdgeType.ISSUED_BY)]
    measures = idx.of_doc(Label.MEASURE, doc_id)
    sources = measures + idx.of_doc(Label.ITEM, doc_id)
    actors = {e.target for m in sources for e in idx.out_edges(m.id, EdgeType.INVOLVES)}
    laws = {e.target for m in sources for e in idx.out_edges(m.id, EdgeType.CITES)}
    issuer_names = policy.attrs.get("issuers") or [idx.label(i, lang) for i in issuers]
    narrative = t("workshop.narrative.title", lang,
                  issuers=_join(issuer_names, lang), date=policy.attrs.get("date") or t("workshop.unknown", lang),
                  target_year=policy.attrs.get("target_year") or t("workshop.unknown", lang),
                  parts=len(parts), measures=len(measures), systems=len(idx.systems(doc_id)),
                  actors=len(actors), laws=len(laws))
    goals = [e for item in idx.of_doc(Label.ITEM, doc_id) for e in idx.out_edges(item.id, EdgeType.BUILDS)]
    return TourStep("title", "title", t("workshop.step.title", lang, title=node_label(policy, lang)), narrative,
                    tuple(dict.fromkeys([doc_id, *parts, *issuers])), doc_id, _quotes(goals, 1),
                    (EdgeType.HAS_PART.value, EdgeType.ISSUED_BY.value))


def systems_step(idx: GraphIndex, doc_id: str, lang: str = "zh") -> TourStep:
    """The target systems, hanging from the sections (and parts) that build them."""
    policy = policy_of(idx, doc_id)
    systems = idx.systems(doc_id)
    sections: list[str] = []
    quotes: list[Edge] = []
    for s in systems:
        builders = [e for e in idx.in_edges(s.id, EdgeType.BUILDS) if e.doc_id == doc_id and
                    e.source in idx.nodes and idx.nodes[e.source].label == Label.SECTION]
        sections += [e.source for e in builders]
        quotes += builders[:1]
    parts = [e.source for sec in sections for e in idx.in_edges(sec, EdgeType.HAS_SECTION)]
    listing = t("workshop.list_sep", lang).join(
        t("workshop.narrative.systems_item", lang, system=node_label(s, lang),
          count=len(idx.measures_of_system(s.id, doc_id))) for s in systems) or t("workshop.none", lang)
    narrative = t("workshop.narrative.systems", lang, count=len(systems), listing=listing,
                  target_year=policy.attrs.get("target_year") or t("workshop.unknown", lang))
    nodes = dict.fromkeys([doc_id, *parts, *sections, *(s.id for s in systems)])
    return TourStep("systems", "systems", t("workshop.step.systems", lang, count=len(systems)), narrative,
                    tuple(nodes), doc_id, _quotes(quotes, len(systems)),
                    (EdgeType.HAS_PART.value, EdgeType.HAS_SECTION.value, EdgeType.BUILDS.value))


def system_step(idx: GraphIndex, system_id: str, doc_id: str, lang: str = "zh", n: int = 1) -> TourStep:
    """One target system with the measures that build it; top actors and laws in the narrative."""
    system = idx.nodes[system_id]
    measures = idx.measures_of_system(system_id, doc_id)
    narrative, top = _system_narrative(idx, system, measures, lang)
    builds = [e for e in idx.in_edges(system_id, EdgeType.BUILDS) if e.doc_id == doc_id or not doc_id]
    builds.sort(key=lambda e: e.source not in idx.nodes or idx.nodes[e.source].label != Label.SECTION)
    sections = [e.source for e in builds if e.source in idx.nodes and idx.nodes[e.source].label == Label.SECTION]
    cites = [e for m in measures for e in idx.out_edges(m.id, EdgeType.CITES)]
    involves = [e for m in measures for e in idx.out_edges(m.id, EdgeType.INVOLVES) if top and e.target == top[0]]
    # The section joins measures to the system only when they do not build it directly.
    direct = {e.source for e in builds}
    via_section = [] if all(m.id in direct for m in measures) else sections
    kinds = (EdgeType.BUILDS.value, EdgeType.HAS_MEASURE.value) if via_section else (EdgeType.BUILDS.value,)
    return TourStep(f"system-{n}", "system",
                    t("workshop.step.system", lang, system=node_label(system, lang), count=len(measures)),
                    narrative, tuple(dict.fromkeys([system_id, *via_section, *(m.id for m in measures)])), system_id,
                    _quotes(builds[:1] + cites + involves, 3), kinds)


def _system_narrative(idx: GraphIndex, system: Node, measures: list[Node], lang: str) -> tuple[str, list[str]]:
    """(the narrative of a system step, its three most involved actors)."""
    actor_count: Counter[str] = Counter()
    laws: set[str] = set()
    for m in measures:
        actor_count.update({e.target for e in idx.out_edges(m.id, EdgeType.INVOLVES)})
        laws |= {e.target for e in idx.out_edges(m.id, EdgeType.CITES)}
    top = sorted(actor_count, key=lambda a: (-actor_count[a], idx.label(a, lang)))[:3]
    narrative = t("workshop.narrative.system", lang, system=node_label(system, lang),
                  numbers=_numbers([idx.number(m.id) for m in measures], lang), actors=len(actor_count),
                  laws=len(laws), top=_join([idx.label(a, lang) for a in top], lang))
    return narrative, top


def pick_measure(idx: GraphIndex, doc_id: str) -> str | None:
    """The measure citing most laws, then involving most actors, then the lowest number."""
    measures = idx.of_doc(Label.MEASURE, doc_id)
    if not measures:
        return None
    best = max(measures, key=lambda m: (len(idx.out_edges(m.id, EdgeType.CITES)),
                                        len(idx.out_edges(m.id, EdgeType.INVOLVES)), -idx.number(m.id)))
    return best.id


def measure_step(idx: GraphIndex, measure_id: str, lang: str = "zh") -> TourStep:
    """One measure with its actors (and roles) and the laws it cites."""
    if measure_id not in idx.nodes or idx.nodes[measure_id].label != Label.MEASURE:
        raise TourError(f"{measure_id!r} is not a measure of the graph")
    m = idx.nodes[measure_id]
    actors = idx.entities(measure_id, EdgeType.INVOLVES)
    laws = idx.entities(measure_id, EdgeType.CITES)
    others = idx.entities(measure_id, EdgeType.ESTABLISHES, EdgeType.RUNS, EdgeType.MENTIONS)
    actor_list = _join([_with_role(e, n, lang) for e, n in actors], lang)
    narrative = t("workshop.narrative.measure", lang, number=m.attrs.get("number", "?"), actors=len(actors),
                  actor_list=actor_list, laws=len(laws),
                  law_list=_join([node_label(n, lang) for _, n in laws], lang), others=len(others))
    title = t("workshop.step.measure", lang, number=m.attrs.get("number", "?"),
                 title=m.attrs.get("name_en") if lang == "en" and m.attrs.get("name_en") else
                 (m.attrs.get("title") or m.name))
    return TourStep("measure", "measure", title, narrative,
                    tuple(dict.fromkeys([measure_id, *(n.id for _, n in actors), *(n.id for _, n in laws)])),
                    measure_id, _quotes([e for e, _ in laws] + [e for e, _ in actors], 4),
                    (EdgeType.INVOLVES.value, EdgeType.CITES.value))


def cross_references_step(idx: GraphIndex, doc_id: str, lang: str = "zh", limit: int = 12) -> TourStep:
    """The strongest cross-references between the document's measures (skipped when there are none)."""
    refs = idx.cross_references(doc_id)
    title = t("workshop.step.cross_references", lang)
    kinds = (EdgeType.CROSS_REFERENCES.value,)
    if not refs:
        return TourStep("cross-references", "cross_references", title,
                        t("workshop.narrative.cross_references_none", lang), (), None, (), kinds, skip=True)
    shown = refs[:limit]
    linked = {i for e in refs for i in (e.source, e.target)}
    best = refs[0]
    shared = best.attrs.get("shared") or []
    if isinstance(shared, str):
        shared = [shared]
    number = {i: idx.nodes[i].attrs.get("number", "?") if i in idx.nodes else "?" for i in (best.source, best.target)}
    narrative = t("workshop.narrative.cross_references", lang, count=len(refs), measures=len(linked),
                  shown=len(shown), a=number[best.source], b=number[best.target],
                  shared=_join([idx.label(str(s), lang) for s in shared], lang))
    nodes = sorted({i for e in shown for i in (e.source, e.target)}, key=lambda i: (idx.number(i), i))
    return TourStep("cross-references", "cross_references", title, narrative, tuple(nodes), None, (), kinds)


def actors_step(idx: GraphIndex, doc_id: str, lang: str = "zh", top: int = 5) -> TourStep:
    """The actors taking part in most of the document's measures, with those measures."""
    by_actor = idx.actor_measures(doc_id)
    ranked = sorted(by_actor, key=lambda a: (-len(by_actor[a]), idx.label(a, lang), a))[:top]
    listing = t("workshop.list_sep", lang).join(
        t("workshop.narrative.actors_item", lang, actor=idx.label(a, lang), count=len(by_actor[a]))
        for a in ranked) or t("workshop.none", lang)
    measures = sorted({m.id for a in ranked for m in by_actor[a]}, key=lambda i: (idx.number(i), i))
    quotes = []
    for a in ranked[:3]:
        first = [e for m in by_actor[a] for e in idx.out_edges(m.id, EdgeType.INVOLVES) if e.target == a]
        quotes += first[:1]
    return TourStep("actors", "actors", t("workshop.step.actors", lang, count=len(ranked)),
                    t("workshop.narrative.actors", lang, listing=listing), (*ranked, *measures),
                    ranked[0] if ranked else None, _quotes(quotes, 3), (EdgeType.INVOLVES.value,))


def _with_role(edge: Edge, node: Node, lang: str) -> str:
    role = edge.attrs.get("role")
    return f"{node_label(node, lang)}（{role}）" if role and lang == "zh" else (
        f"{node_label(node, lang)} ({role})" if role else node_label(node, lang))


def _join(items: Iterable[Any], lang: str) -> str:
    items = [str(i) for i in items if str(i)]
    return t("workshop.list_sep", lang).join(items) if items else t("workshop.none", lang)


def _numbers(numbers: list[int], lang: str) -> str:
    """Compact ranges: [1, 2, 3, 5] -> '1–3、5'."""
    nums = sorted(n for n in set(numbers) if n < 10**9)
    if not nums:
        return t("workshop.none", lang)
    runs, start, prev = [], nums[0], nums[0]
    for n in nums[1:] + [None]:
        if n is not None and n == prev + 1:
            prev = n
            continue
        runs.append(f"{start}–{prev}" if prev > start else str(start))
        if n is not None:
            start = prev = n
    return t("workshop.list_sep", lang).join(runs)


def _quotes(edges: Iterable[Edge], limit: int) -> tuple[Quote, ...]:
    """Evidence sentences of `edges`, each text once, at most `limit`."""
    seen: dict[str, Quote] = {}
    for e in edges:
        sentence = (e.evidence or "").strip()
        if sentence and sentence not in seen:
            seen[sentence] = Quote(sentence, e.source, e.target, e.type.value)
        if len(seen) >= limit:
            break
    return tuple(seen.values())


# ----------------------------------------------------------------------------- subgraph of a step


def step_subgraph(idx: GraphIndex, step: TourStep) -> tuple[list[Node], list[Edge]]:
    """The nodes of a step that exist in the graph, and the edges among them (narrowed to its edge types)."""
    ids = [i for i in dict.fromkeys(step.node_ids) if i in idx.nodes]
    return subgraph(idx, ids, step.edge_types)


def subgraph(idx: GraphIndex, ids: Iterable[str], edge_types: Iterable[str] = ()) -> tuple[list[Node], list[Edge]]:
    """Nodes `ids` (those present) and every edge among them whose type is in `edge_types` (all if empty)."""
    keep = [i for i in dict.fromkeys(ids) if i in idx.nodes]
    wanted = set(keep)
    types = {str(t) for t in edge_types}
    edges = [e for i in keep for e in idx.out_edges(i)
             if e.target in wanted and (not types or e.type.value in types)]
    return [idx.nodes[i] for i in keep], edges


# ----------------------------------------------------------------------------- editing


def move_step(tour: Tour, step_id: str, offset: int) -> Tour:
    """The tour with one step moved `offset` places (clamped at the ends)."""
    steps = list(tour.steps)
    i = [s.id for s in steps].index(step_id)
    step = steps.pop(i)
    steps.insert(max(0, min(len(steps), i + offset)), step)
    return replace(tour, steps=tuple(steps))


def reorder_steps(tour: Tour, order: Iterable[str]) -> Tour:
    """The tour with steps in `order` (ids); steps not named keep their order after them."""
    by_id = {s.id: s for s in tour.steps}
    named = [by_id[i] for i in dict.fromkeys(order) if i in by_id]
    rest = [s for s in tour.steps if s not in named]
    return replace(tour, steps=tuple(named + rest))


def update_step(tour: Tour, step_id: str, **changes: Any) -> Tour:
    """The tour with one step's fields changed (title, narrative, skip, …)."""
    tour.step(step_id)
    return replace(tour, steps=tuple(replace(s, **changes) if s.id == step_id else s for s in tour.steps))


def replace_step(tour: Tour, step: TourStep) -> Tour:
    """The tour with the step of the same id swapped for `step` (appended when new)."""
    if any(s.id == step.id for s in tour.steps):
        return replace(tour, steps=tuple(step if s.id == step.id else s for s in tour.steps))
    return replace(tour, steps=tour.steps + (step,))


# ----------------------------------------------------------------------------- files


def tour_to_dict(tour: Tour) -> dict[str, Any]:
    """Plain data for YAML/JSON: lists, strings, booleans."""
    steps = []
    for s in tour.steps:
        d = asdict(s)
        d["node_ids"] = list(s.node_ids)
        d["edge_types"] = list(s.edge_types)
        d["evidence"] = [asdict(q) for q in s.evidence]
        steps.append(d)
    return {"format": TOUR_FORMAT, "version": TOUR_VERSION, "title": tour.title, "doc_id": tour.doc_id,
            "lang": tour.lang, "steps": steps}


_STEP_FIELDS = {f for f in TourStep.__dataclass_fields__}


def tour_from_dict(data: Any, source: str = "<tour>") -> Tour:
    """The tour in `data` (as `tour_to_dict` makes); TourError naming `source` and the problem
    (every field is checked: see `render.tour_file`)."""

    def fail(reason: str) -> TourError:
        return TourError(f"{source}: {reason}")

    lang = check_header(data, fail, TOUR_FORMAT, TOUR_VERSION, LANGS)
    steps = []
    for n, raw in enumerate(data["steps"], start=1):
        f = step_fields(raw, n, fail, _STEP_FIELDS, STEP_KINDS, set(EdgeType._value2member_map_))
        quotes = tuple(Quote(**q) for q in f.pop("evidence"))
        steps.append(TourStep(**f, evidence=quotes))
    check_unique_ids([s.id for s in steps], fail)
    return Tour(str(data.get("title") or ""), tuple(steps), str(data.get("doc_id") or ""), lang)


def dumps_tour(tour: Tour, fmt: str = "yaml") -> str:
    """The tour as YAML or JSON text (Chinese kept readable, field order fixed)."""
    data = tour_to_dict(tour)
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if fmt in ("yaml", "yml"):
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**6)
    raise TourError(f"unknown tour format {fmt!r} (use yaml or json)")


def loads_tour(content: str | bytes, fmt: str = "yaml", source: str = "<tour>") -> Tour:
    """The tour in YAML or JSON text; TourError naming `source` when it is not a readable tour
    or is over a limit (size, nesting, YAML aliases: see `render.tour_file`)."""
    return tour_from_dict(parse_tour_text(content, fmt, source), source)


def tour_format(path: str | Path) -> str:
    """'yaml' or 'json' from the file name."""
    suffix = Path(path).suffix.lower()
    if suffix in (".yaml", ".yml"):
        return "yaml"
    if suffix == ".json":
        return "json"
    raise TourError(f"{path}: a tour file ends in .yaml, .yml or .json")


def save_tour(tour: Tour, path: str | Path) -> Path:
    """Write the tour (YAML or JSON by the file's suffix) whole or not at all."""
    path = Path(path)
    content = dumps_tour(tour, tour_format(path))
    try:
        return write_atomic(path, content)
    except OSError as err:
        raise TourError(f"{path}: cannot write ({err.strerror or err})") from None


def load_tour(path: str | Path) -> Tour:
    """Read a tour file written by `save_tour` (or by hand)."""
    path = Path(path)
    fmt = tour_format(path)
    return loads_tour(read_tour_file(path), fmt, str(path))


__all__ = [
    "Quote", "Tour", "TourError", "TourStep", "actors_step", "policy_of",
    "cross_references_step", "default_tour", "dumps_tour", "load_tour", "loads_tour", "measure_step",
    "move_step", "node_label", "pick_measure", "reorder_steps", "replace_step", "save_tour", "step_subgraph",
    "subgraph", "system_step", "systems_step", "title_step", "tour_from_dict", "tour_to_dict",
    "update_step",
]
