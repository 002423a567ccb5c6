"""Guided tours: the default tour built from the data, editing, and YAML/JSON round trips."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import workshop_graph as wg

from graph.factory import embedded_store
from graph.index import GraphIndex
from graph.model import EdgeType, Label
from render.tour import (
    Quote,
    TourError,
    TourStep,
    default_tour,
    dumps_tour,
    load_tour,
    loads_tour,
    measure_step,
    move_step,
    node_label,
    reorder_steps,
    replace_step,
    save_tour,
    step_subgraph,
    tour_from_dict,
    tour_to_dict,
    update_step,
)

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "data" / "seed" / "zhejiang-platform-economy-2023.txt"


@pytest.fixture(scope="module")
def fixture_graph():
    return wg.build()


@pytest.fixture(scope="module")
def tour(fixture_graph):
    return default_tour(GraphIndex(fixture_graph))



@pytest.fixture(scope="module")
def seed_tour(seed_graph):
    return default_tour(GraphIndex(seed_graph))


# ---------------------------------------------------------------- the default tour, on the hand-made graph

def test_default_tour_has_the_steps_of_the_issue_in_order(tour):
    kinds = [s.kind for s in tour.steps]
    assert kinds == ["title", "systems"] + ["system"] * len(wg.SYSTEMS) + ["measure", "cross_references", "actors"]
    assert len({s.id for s in tour.steps}) == len(tour.steps)
    assert tour.doc_id == wg.DOC and tour.title == "关于促进平台经济高质量发展的实施意见"


def test_title_step_names_the_document_goal_year_and_counts(tour):
    title = tour.step("title")
    assert title.focus == wg.DOC and wg.DOC in title.node_ids
    assert "2027" in title.narrative
    assert f"{len(wg.MEASURES)}项举措" in title.narrative
    assert f"{len(wg.SYSTEMS)}大体系" in title.narrative
    actors = {a for _, _, actors, _ in wg.MEASURES.values() for a, _ in actors}
    laws = {law for *_, laws in wg.MEASURES.values() for law in laws}
    assert f"{len(actors)}个主体" in title.narrative and f"{len(laws)}部法律法规" in title.narrative
    assert [q.text for q in title.evidence] == ["到2027年，全面构建五大体系。"]


def test_systems_step_lists_each_system_in_section_order(tour):
    systems = tour.step("systems")
    system_ids = [n for n in systems.node_ids if "/system:" in n]
    assert system_ids == [f"{wg.DOC}/system:{s}" for s in wg.SYSTEMS]
    for n, name in enumerate(wg.SYSTEMS, start=1):
        count = sum(1 for section, *_ in wg.MEASURES.values() if section == n)
        assert f"{name}（{count}项举措）" in systems.narrative
    assert len(systems.evidence) == len(wg.SYSTEMS)


def test_each_system_step_holds_the_system_and_exactly_its_measures(tour, fixture_graph):
    for n, name in enumerate(wg.SYSTEMS, start=1):
        step = tour.step(f"system-{n}")
        expected = {wg._measure_id(section, number) for number, (section, *_rest) in wg.MEASURES.items()
                    if section == n}
        measures = {i for i in step.node_ids if "/measure:" in i}
        assert measures == expected
        assert step.focus == f"{wg.DOC}/system:{name}"
        _nodes, edges = step_subgraph(GraphIndex(fixture_graph), step)
        assert {e.type for e in edges} <= {EdgeType.BUILDS, EdgeType.HAS_MEASURE}
        assert all(m in {e.source for e in edges} for m in measures)  # every measure is drawn linked


def test_measure_step_defaults_to_the_measure_citing_most_laws(tour):
    most_laws = max(wg.MEASURES, key=lambda n: (len(wg.MEASURES[n][3]), len(wg.MEASURES[n][2]), -n))
    section, title, actors, laws = wg.MEASURES[most_laws]
    step = tour.step("measure")
    assert step.focus == wg._measure_id(section, most_laws)
    assert set(step.node_ids) == {step.focus, *(a for a, _ in actors), *laws}
    assert title in step.title
    for actor, role in actors:
        assert f"{wg.ACTORS[actor][0]}（{role}）" in step.narrative
    cited = {f"全面落实《{wg.LAWS[law]}》，{title}。" for law in laws}
    assert cited <= {q.text for q in step.evidence}


def test_a_chosen_measure_replaces_the_default(fixture_graph):
    chosen = wg._measure_id(1, 1)
    step = default_tour(GraphIndex(fixture_graph), measure=chosen).step("measure")
    assert step.focus == chosen and "actor:高校院所" in step.node_ids
    with pytest.raises(TourError):
        measure_step(GraphIndex(fixture_graph), "actor:平台企业")


def test_cross_reference_step_shows_the_strongest_link_and_shared_names(tour):
    step = tour.step("cross-references")
    assert "第5条与第8条" in step.narrative
    assert "省市场监管局" in step.narrative and "反垄断法" in step.narrative
    assert step.edge_types == (EdgeType.CROSS_REFERENCES.value,)
    assert not step.skip


def test_actor_step_ranks_by_the_number_of_measures(tour):
    counts = Counter(a for _, _, actors, _ in wg.MEASURES.values() for a, _ in actors)
    top = [a for a, _ in sorted(counts.items(), key=lambda kv: (-kv[1], wg.ACTORS[kv[0]][0]))][:5]
    step = tour.step("actors")
    assert [i for i in step.node_ids if i.startswith("actor:")] == top
    assert f"平台企业（{counts['actor:平台企业']}项）" in step.narrative
    assert step.focus == top[0]


def test_the_tour_stays_inside_its_document(tour):
    for step in tour.steps:
        assert not any(i.startswith(wg.OTHER) for i in step.node_ids), step.id
    # the shared actor counts only this document's measures
    assert "省市场监管局（3项）" in tour.step("actors").narrative


def test_the_other_document_gets_its_own_tour(fixture_graph):
    other = default_tour(GraphIndex(fixture_graph), doc_id=wg.OTHER)
    assert other.doc_id == wg.OTHER and "2025" in other.step("title").narrative
    assert [s.kind for s in other.steps if s.kind == "system"] == []
    assert other.step("cross-references").skip  # nothing to show, so skipped rather than empty
    with pytest.raises(TourError, match="no document"):
        default_tour(GraphIndex(fixture_graph), doc_id="doc:nope")


def test_evidence_quotes_are_sentences_of_the_graph(tour, fixture_graph):
    sentences = {(e.source, e.type.value, e.target): e.evidence for e in fixture_graph.edges}
    for step in tour.steps:
        for q in step.evidence:
            assert sentences[(q.source, q.type, q.target)] == q.text


def test_english_tour_uses_english_labels(fixture_graph):
    en = default_tour(GraphIndex(fixture_graph), lang="en")
    assert en.title == "Implementation Opinions on the Platform Economy"
    assert "platform enterprises (6)" in en.step("actors").narrative
    assert en.step("measure").title.startswith("Measure 5")


def test_a_tour_read_from_a_store_is_the_tour_of_the_document(fixture_graph, tour):
    """The presenter reads a document through the store's named queries; nothing is lost on the way."""
    store = embedded_store(fixture_graph)
    assert default_tour(GraphIndex.of_document(store, tour.doc_id)) == tour
    other = default_tour(GraphIndex(fixture_graph), doc_id=wg.OTHER)
    assert default_tour(GraphIndex.of_document(store, wg.OTHER)) == other


def test_node_label_numbers_measures():
    graph = wg.build()
    measure = graph.node(wg._measure_id(4, 5))
    assert node_label(measure) == "5. 健全平台经济公平竞争规则"
    assert node_label(graph.node("actor:平台企业"), "en") == "platform enterprises"


# ---------------------------------------------------------------- editing

def test_move_reorder_update_and_replace(tour):
    moved = move_step(tour, "actors", -20)
    assert moved.steps[0].id == "actors" and len(moved.steps) == len(tour.steps)
    assert move_step(tour, "title", 99).steps[-1].id == "title"
    order = reorder_steps(tour, ["measure", "title"])
    assert [s.id for s in order.steps[:3]] == ["measure", "title", "systems"]
    skipped = update_step(tour, "systems", skip=True, title="体系")
    assert "systems" not in [s.id for s in skipped.visible()]
    assert skipped.step("systems").title == "体系"
    custom = TourStep("mine", "custom", "我的一步", "说明", ("actor:平台企业",))
    assert replace_step(tour, custom).steps[-1] == custom
    assert tour.step("systems").skip is False  # the original is untouched


def test_step_subgraph_drops_unknown_ids_and_filters_edge_types(fixture_graph):
    step = TourStep("x", "custom", "x", "", (wg._measure_id(4, 5), "law:反垄断法", "actor:平台企业", "nope"),
                    edge_types=("CITES",))
    nodes, edges = step_subgraph(GraphIndex(fixture_graph), step)
    assert [n.id for n in nodes] == list(step.node_ids[:3])
    assert [(e.type, e.target) for e in edges] == [(EdgeType.CITES, "law:反垄断法")]


# ---------------------------------------------------------------- files

def test_yaml_and_json_round_trip_unchanged(tmp_path, tour):
    edited = update_step(move_step(tour, "actors", -3), "title", skip=True, narrative="改过的说明：“引号”\n第二行")
    for suffix in (".yaml", ".json"):
        path = save_tour(edited, tmp_path / f"tour{suffix}")
        assert load_tour(path) == edited
        first = path.read_text(encoding="utf-8")
        save_tour(load_tour(path), path)
        assert path.read_text(encoding="utf-8") == first
    assert "关于促进平台经济高质量发展的实施意见" in (tmp_path / "tour.yaml").read_text(encoding="utf-8")


def test_seed_tour_round_trips(tmp_path, seed_tour):
    assert loads_tour(dumps_tour(seed_tour, "yaml")) == seed_tour
    assert loads_tour(dumps_tour(seed_tour, "json"), "json") == seed_tour


def test_hand_written_tour_with_plain_evidence_strings():
    text = "title: 我的导览\nsteps:\n  - id: a\n    title: 第一步\n    node_ids: [actor:平台企业]\n    evidence: [一句话]\n"
    tour = loads_tour(text)
    assert tour.steps[0].evidence == (Quote("一句话"),) and tour.steps[0].kind == "custom"


@pytest.mark.parametrize("content, reason", [
    ("steps: [", "not valid YAML"),
    ("- 1\n- 2\n", "not a tour"),
    ("title: t\nsteps: 3\n", "'steps' must be a list"),
    ("title: t\nsteps:\n  - {id: a, title: x}\n  - {id: a, title: y}\n", "used twice: a"),
    ("title: t\nsteps:\n  - {id: a, title: x, kind: slide}\n", "unknown kind"),
    ("title: t\nsteps:\n  - {id: a, title: x, colour: red}\n", "unknown field"),
    ("title: t\nsteps:\n  - {id: a, title: x, edge_types: [LIKES]}\n", "unknown edge type"),
    ("title: t\nsteps:\n  - {title: x}\n", "needs a text 'id'"),
    ("format: other\nsteps: []\n", "not a tour file"),
])
def test_bad_tour_files_fail_with_one_line_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TourError) as err:
        load_tour(path)
    message = str(err.value)
    assert message.startswith(str(path)) and reason in message and "\n" not in message


def test_tour_file_names_and_missing_files(tmp_path, tour):
    with pytest.raises(TourError, match="ends in .yaml"):
        save_tour(tour, tmp_path / "tour.txt")
    with pytest.raises(TourError, match="cannot read"):
        load_tour(tmp_path / "missing.yaml")
    with pytest.raises(TourError, match="not UTF-8"):
        loads_tour(b"\xff\xfe\xfa", source="x.yaml")
    assert not list(tmp_path.iterdir())  # nothing half-written


def test_tour_dict_is_plain_data(tour):
    data = tour_to_dict(tour)
    assert data["format"] == "policy-graph-tour" and isinstance(data["steps"][0]["node_ids"], list)
    assert tour_from_dict(data) == tour
    assert tour_from_dict({**data, "steps": []}) == replace(tour, steps=())


# ---------------------------------------------------------------- the seed document

def test_seed_tour_follows_the_store(seed_graph, seed_tour):
    store = embedded_store(seed_graph)
    systems = [s for s in seed_tour.steps if s.kind == "system"]
    assert len(systems) == 5
    for step in systems:
        rows = store.query("measures_of_system", system=step.focus)
        assert {r["id"] for r in rows} == {i for i in step.node_ids if "/measure:" in i}
        assert f"{len(rows)}项举措" in step.title
    measure = seed_tour.step("measure")
    actors = {r["id"] for r in store.query("actors_of_measure", measure=measure.focus)}
    assert actors <= set(measure.node_ids)
    doc = store.query("documents")[0]
    assert str(doc["target_year"]) in seed_tour.step("title").narrative


def test_every_seed_step_draws_something(seed_graph, seed_tour):
    idx = GraphIndex(seed_graph)
    for step in seed_tour.visible():
        nodes, edges = step_subgraph(idx, step)
        assert nodes and edges, step.id
        assert step.focus is None or step.focus in {n.id for n in nodes}
        assert step.narrative and step.title
    assert any(n.label == Label.LAW for n in step_subgraph(idx, seed_tour.step("measure"))[0])
