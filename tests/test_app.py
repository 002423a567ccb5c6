"""Every page of the explorer through Streamlit's AppTest: drive the widgets, check what is shown.

Expected values come from the store the app uses (an EmbeddedStore over the same graph),
never from literals: the pages must show what the queries say.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
import streamlit as st
from explorer_graph import IMG, SCRIPT, build, measure_id
from streamlit.testing.v1 import AppTest

from app_pages import data
from policykg import ingest
from graph.embedded import EmbeddedStore
from graph.settings import Neo4jSettings
from app_tables import tables

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT = 60
PAGES = ["overview", "explore", "measure", "documents", "dependencies", "paths", "matrices", "compare", "query",
         "upload", "excluded"]


# ---------------------------------------------------------------- helpers

@pytest.fixture(scope="module")
def seed_store() -> EmbeddedStore:
    from loaders import load_paths

    return EmbeddedStore(load_paths(list(data.seed_paths())))


@pytest.fixture(scope="module")
def fixture_store() -> EmbeddedStore:
    return EmbeddedStore(build())


@pytest.fixture
def app(monkeypatch):
    """`app(graph=None, settings=None)`: a fresh AppTest, run once; on the seed unless given a graph."""
    monkeypatch.delenv(ingest.EXTRA_DOCS_ENV, raising=False)

    def make(graph=None, settings=None) -> AppTest:
        st.cache_data.clear()
        st.cache_resource.clear()
        monkeypatch.setattr(data, "neo4j_settings", lambda: settings)
        if graph is not None:
            monkeypatch.setattr(data, "load_documents", lambda paths: graph)
        at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
        return ok(at.run())

    yield make
    st.cache_data.clear()
    st.cache_resource.clear()


def ok(at: AppTest) -> AppTest:
    """No exception, and none caught by the app's last net around every page (which shows it as one line)."""
    assert not at.exception, [e.value for e in at.exception]
    caught = [e.value for e in at.error if any(data.t("app.page_error", lang) in e.value for lang in ("zh", "en"))]
    assert not caught, caught
    return at


def goto(at: AppTest, page: str) -> AppTest:
    return ok(at.switch_page(f"app_pages/{page}.py").run())


def texts(at: AppTest) -> str:
    """Everything written on the page (main and sidebar), one string."""
    out: list[str] = []

    def walk(node) -> None:
        for attr in ("value", "label", "body"):
            value = getattr(node, attr, None)
            if isinstance(value, str):
                out.append(value)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    walk(at.sidebar)
    return "\n".join(out)


def unescape(text: str) -> str:
    """Markdown as the reader sees it: backslash escapes removed."""
    return re.sub(r"\\(.)", r"\1", text)


def iframe_html(at: AppTest) -> str:
    frames = at.main.get("iframe")
    assert len(frames) == 1
    return frames[0].proto.srcdoc


def graph_payload(at: AppTest) -> dict:
    """What Explore's graph component was given: nodes, edges, legend, selection."""
    import json

    found = [e.proto for e in at.main.get("bidi_component") if e.proto.component_name == "policy_kg.graph_view"]
    assert len(found) == 1
    return json.loads(found[0].json)


def seed_centre(store: EmbeddedStore) -> str:
    """The node Explore starts on: the most central one, outline containers aside."""
    from app_pages.explore_state import CONTAINER_TYPES
    from render.explore_scene import adjacency, most_central

    types = {n["id"]: n["type"] for n in store.query("all_nodes")}
    return most_central(types, adjacency(store.query("all_edges")), CONTAINER_TYPES)


def html_bodies(at: AppTest) -> str:
    return "\n".join(h.value for h in at.main.get("html"))


# ---------------------------------------------------------------- shell: navigation, store, language

def test_first_run_shows_overview_with_store_status(app, seed_store):
    at = app()
    shown = texts(at)
    assert at.title[0].value == "政策知识图谱"
    assert "数据存储" in shown and "内置图" in shown
    counts = data.t("app.store.counts", "zh", documents=len(seed_store.query("documents")),
                    nodes=len(seed_store.query("all_nodes")), edges=len(seed_store.query("all_edges")))
    assert counts in shown
    assert not at.error and not at.warning


def test_every_page_runs_on_the_seed(app):
    at = app()
    for page in PAGES:
        goto(at, page)
        assert at.title, page
        assert not at.error, (page, [e.value for e in at.error])


def test_navigation_includes_presenter_when_present(app):
    at = app()
    pages = {Path(str(info.get("script_path"))).stem for info in at._registered_pages.values()
             if info.get("script_path")}
    assert set(PAGES) <= pages
    assert ("presenter" in pages) == (ROOT / "app_pages" / "presenter.py").is_file()


def test_language_switch_translates_the_interface(app):
    at = app()
    at.segmented_control(key=data.LANG_KEY).set_value("en").run()
    ok(at)
    assert at.title[0].value == "Policy knowledge graph"
    assert "Store" in texts(at)
    goto(at, "explore")
    focus = at.selectbox(key="explore_focus_choice")
    assert focus.value == "actor:平台企业"  # the seed's most central node
    assert "平台企业 · platform enterprises · Actor" in focus.options
    payload = graph_payload(at)
    assert {"platform enterprises"} == {n["label"] for n in payload["nodes"] if n["id"] == focus.value}
    assert "Actor" in [n["name"] for n in payload["legend"]["nodes"]]


def test_language_comes_from_the_url(app):
    at = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    at.query_params["lang"] = "en"
    ok(at.run())
    assert at.title[0].value == "Policy knowledge graph"


def test_unreachable_neo4j_falls_back_with_a_notice(app, seed_store):
    from graph.bolt_testserver import free_port

    settings = Neo4jSettings(f"bolt://127.0.0.1:{free_port()}", "neo4j", "hunter2-secret")
    at = app(settings=settings)
    notices = [w.value for w in at.warning]
    prefix = data.t("app.store.fallback", "zh", reason="").split("（")[0]
    assert any(prefix in n for n in notices), notices
    assert "内置图" in texts(at)
    assert "hunter2-secret" not in texts(at)
    assert str(len(seed_store.query("all_nodes"))) in texts(at)  # still explores the seed


@pytest.mark.bolt
def test_neo4j_store_is_used_when_configured(app, bolt_settings, seed_store):
    at = app(settings=bolt_settings)
    assert not at.warning, [w.value for w in at.warning]
    assert "Neo4j" in texts(at)
    goto(at, "overview")
    figures = {m.label: m.value for m in at.metric}
    measures = sum(1 for n in seed_store.query("all_nodes") if n["type"] == "Measure")
    assert figures[data.t("overview.figure.measures", "zh")] == str(measures)
    for page in PAGES:  # every page answers from the Neo4j store as well
        goto(at, page)
        assert not at.error, (page, [e.value for e in at.error])
    goto(at, "explore")  # back on the page: the same scene, and the search box says so
    assert at.selectbox(key="explore_focus_choice").value == seed_centre(seed_store)
    shown = [n for n in graph_payload(at)["nodes"] if not n.get("more")]
    assert f"显示 {len(shown)} 个节点" in texts(at)
    assert {n["id"] for n in shown} <= {r["id"] for r in seed_store.query("neighbourhood", node=seed_centre(
        seed_store), depth=1)}


# ---------------------------------------------------------------- overview

def test_overview_figures_outline_and_systems(app, seed_store):
    at = goto(app(), "overview")
    nodes = seed_store.query("all_nodes")
    figures = {m.label: m.value for m in at.metric}
    assert figures["举措"] == str(sum(1 for n in nodes if n["type"] == "Measure"))
    assert figures["主体"] == str(sum(1 for n in nodes if n["type"] == "Actor"))
    assert figures["关系"] == str(len(seed_store.query("all_edges")))
    doc = seed_store.query("documents")[0]
    shown = unescape(texts(at))
    assert doc["title"] in shown
    for issuer in doc["issuers"]:
        assert issuer in shown
    parts = [r for r in seed_store.query("outline", doc=doc["id"]) if r["type"] == "Part"]
    labels = [unescape(e.label) for e in at.expander]
    for part in parts:
        assert any(label.startswith(part["title"]) for label in labels)
    for system in (n for n in nodes if n["type"] == "TargetSystem"):
        assert system["name"] in shown
        for measure in seed_store.query("measures_of_system", system=system["id"]):
            assert f"{measure['number']}. {measure['title']}" in shown


# ---------------------------------------------------------------- explore

def test_explore_starts_on_the_most_central_node_with_a_cap_per_type(app, seed_store):
    from render.explore_scene import DEFAULT_CAP

    at = goto(app(), "explore")
    focus = at.selectbox(key="explore_focus_choice").value
    assert focus == seed_centre(seed_store)
    payload = graph_payload(at)
    assert payload["selected"] == focus
    hood = {r["id"]: r["type"] for r in seed_store.query("neighbourhood", node=focus, depth=1)}
    real = [n for n in payload["nodes"] if not n.get("more")]
    assert {n["id"] for n in real} <= set(hood)
    for node_type in set(hood.values()) - {hood[focus]}:
        shown = sum(1 for n in real if n["type"] == node_type)
        waiting = sum(int(n["label"].split()[0].lstrip("+").split("个")[0]) for n in payload["nodes"]
                      if n.get("more") and n["id"].endswith(f":{node_type}"))
        assert shown == min(DEFAULT_CAP, sum(1 for t in hood.values() if t == node_type))
        assert shown + waiting == sum(1 for t in hood.values() if t == node_type)
    edges = seed_store.query("edges_among", ids=sorted(n["id"] for n in real))
    assert data.t("explore.shown", "zh", nodes=len(real), edges=len(edges)) in texts(at)
    assert "https://" not in json.dumps(payload)
    # The details panel, drawn by the browser from the payload: the selected node's every evidence
    # sentence as the evidence_of query answers it; for the other nodes, the first ones and their count.
    from render.explore_details import SCENE_EVIDENCE_CAP
    from render.i18n import edge_name

    def sentences(node_id: str) -> list[list[str]]:
        return [[edge_name(row["type"], "zh"), row["target_name"] if row["source"] == node_id else row["source_name"],
                 " ".join(row["evidence"].split())] for row in seed_store.query("evidence_of", node=node_id)]

    details = payload["details"][focus]
    assert details["name"] == seed_store.query("node", node=focus)[0]["name"]
    assert details["evidence"] == sentences(focus) and details["total"] == len(sentences(focus)) > SCENE_EVIDENCE_CAP
    for node in real[1:]:
        assert payload["details"][node["id"]]["evidence"] == sentences(node["id"])[:SCENE_EVIDENCE_CAP]
        assert payload["details"][node["id"]]["total"] == len(sentences(node["id"]))


def test_explore_loads_the_graph_script_from_the_static_folder_else_inline(app):
    from streamlit import config

    from render.pyvis_html import vis_assets

    at = goto(app(), "explore")  # the explorer's settings (.streamlit/config.toml) serve static/
    names = [e.proto.component_name for e in at.main.get("bidi_component")]
    assert names == ["policy_kg.graph_view"]  # vis-network is not inside the page's messages
    assert graph_payload(at)["vis_src"] == f"app/static/{data.VIS_FILE}"
    assert (data.STATIC_DIR / data.VIS_FILE).read_text(encoding="utf-8") == vis_assets()[0]
    served = config.get_option("server.enableStaticServing")
    config.set_option("server.enableStaticServing", False)  # a server without static serving: inline, once
    try:
        at = goto(app(), "explore")
    finally:
        config.set_option("server.enableStaticServing", served)
    inline = [e.proto for e in at.main.get("bidi_component") if e.proto.component_name.endswith(".vis")]
    assert len(inline) == 1 and "vis-network" in inline[0].js_content and graph_payload(at)["vis_src"] is None


def test_explore_depth_and_cap_change_the_scene(app, seed_store):
    at = goto(app(), "explore")
    at.slider(key="explore_depth").set_value(2).run()
    rings = {n["ring"] for n in graph_payload(ok(at))["nodes"]}
    assert rings == {0, 1, 2}
    at.number_input(key="explore_cap").set_value(2).run()
    nodes = graph_payload(ok(at))["nodes"]
    first = [n for n in nodes if n["ring"] == 1 and not n.get("more")]
    assert max(sum(1 for n in first if n["type"] == t) for t in {n["type"] for n in first}) == 2


def test_explore_controls_are_sent_with_the_value_a_fresh_browser_draws(app, seed_store):
    # The browser draws a control from its default when the first run's copy was overtaken before it
    # was painted (a search typed at once); an empty default came back as a cap of None and crashed.
    at = goto(app(), "explore")
    at.number_input(key="explore_cap").set_value(4).run()
    at.text_input(key="explore_focus_text").set_value("数据安全").run()  # the controls' second draw
    cap, depth = at.number_input(key="explore_cap").proto, at.slider(key="explore_depth").proto
    assert cap.HasField("default") and cap.default == 4
    assert list(depth.default) == [1]
    ok(at)


def test_explore_search_in_chinese_and_english(app, seed_store):
    at = goto(app(), "explore")
    at.text_input(key="explore_focus_text").set_value("数据安全").run()
    ok(at)
    hits = seed_store.query("search_nodes", text="数据安全", limit=50)
    assert at.selectbox(key="explore_focus_choice").options[0].startswith(hits[0]["name"])
    assert graph_payload(at)["selected"] == hits[0]["id"]  # the graph follows the search box
    at.selectbox(key="explore_focus_type").set_value("Law").run()
    ok(at)
    laws = seed_store.query("search_nodes", text="数据安全", type="Law", limit=50)
    assert len(at.selectbox(key="explore_focus_choice").options) == len(laws)
    at.selectbox(key="explore_focus_type").set_value("").run()
    at.text_input(key="explore_focus_text").set_value("financial institutions").run()
    ok(at)
    english = seed_store.query("search_nodes", text="financial institutions", limit=50)
    assert at.selectbox(key="explore_focus_choice").value == english[0]["id"]
    assert graph_payload(at)["selected"] == english[0]["id"]


def test_explore_and_paths_keep_their_choice_across_a_page_switch(app, seed_store):
    at = goto(app(), "explore")
    payload = graph_payload(at)
    at.slider(key="explore_depth").set_value(2).run()
    grown = graph_payload(ok(at))
    goto(at, "overview")
    goto(at, "explore")
    back = graph_payload(at)
    assert back["token"] == grown["token"] and back["selected"] == payload["selected"]
    assert at.selectbox(key="explore_focus_choice").value == payload["selected"]
    assert at.slider(key="explore_depth").value == 2
    goto(at, "paths")
    at.text_input(key="paths_source_text").set_value("行业协会").run()
    chosen = at.selectbox(key="paths_source_choice").value
    goto(at, "overview")
    goto(at, "paths")
    assert at.selectbox(key="paths_source_choice").value == chosen


def test_explore_picking_a_shown_node_selects_it_in_the_same_scene(app, seed_store):
    at = goto(app(), "explore")
    payload = graph_payload(at)
    node = next(n for n in payload["nodes"] if n["ring"] == 1 and not n.get("more"))
    name = seed_store.query("node", node=node["id"])[0]["name"]
    at.text_input(key="explore_focus_text").set_value(name).run()
    at.selectbox(key="explore_focus_choice").set_value(node["id"]).run()
    after = graph_payload(ok(at))
    assert after["selected"] == node["id"] and after["token"] == payload["token"]
    assert {n["id"] for n in after["nodes"]} == {n["id"] for n in payload["nodes"]}
    assert after["details"][node["id"]]["name"] == name  # what the details panel names
    chosen = after["details"][node["id"]]  # selected now: its whole evidence list
    assert len(chosen["evidence"]) == chosen["total"] == len(seed_store.query("evidence_of", node=node["id"]))


def test_explore_opens_the_view_in_the_address(app, seed_store):
    from app_pages.explore_state import view_to_param

    at = goto(app(), "explore")
    at.slider(key="explore_depth").set_value(2).run()
    shown = {n["id"] for n in graph_payload(ok(at))["nodes"]}
    at.button(key="explore_view_address").click().run()
    param = ok(at).query_params["view"]
    param = param[0] if isinstance(param, list) else param
    again = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    again.query_params["view"] = param
    ok(again.run())
    goto(again, "explore")
    assert {n["id"] for n in graph_payload(again)["nodes"]} == shown
    bad = AppTest.from_file(str(ROOT / "streamlit_app.py"), default_timeout=TIMEOUT)
    bad.query_params["view"] = view_to_param({"version": 1, "seed": "actor:no such node"})
    goto(ok(bad.run()), "explore")
    assert any("no such node" in w.value for w in bad.warning)
    assert graph_payload(bad)["selected"] == seed_centre(seed_store)


def test_explore_loads_a_view_file_and_names_a_bad_one(app, seed_store):
    from render.explore_scene import Scene, add_node, to_view

    at = goto(app(), "explore")
    laws = sorted(n["id"] for n in seed_store.query("all_nodes") if n["type"] == "Law")[:3]
    scene = Scene(laws[0], (laws[0],), {laws[0]: 0})
    for law in laws[1:]:
        scene = add_node(scene, law)
    view = json.dumps(to_view(scene, settings={"depth": 1, "cap": 4})).encode("utf-8")
    at.file_uploader(key="explore_view_file").set_value(("view.json", view, "application/json")).run()
    payload = graph_payload(ok(at))
    assert [n["id"] for n in payload["nodes"]] == laws and payload["selected"] == laws[0]
    assert at.selectbox(key="explore_focus_choice").value == laws[0]
    assert at.number_input(key="explore_cap").value == 4
    at.file_uploader(key="explore_view_file").set_value(("bad.json", b"{not json", "application/json")).run()
    assert any("bad.json" in w.value for w in ok(at).warning)
    assert [n["id"] for n in graph_payload(at)["nodes"]] == laws  # the scene stays


def test_explore_adds_the_view_to_the_presenters_tour(app, seed_store):
    at = goto(app(), "explore")
    shown = tuple(n["id"] for n in graph_payload(at)["nodes"] if not n.get("more"))
    at.button(key="explore_view_tour").click().run()
    tour = ok(at).session_state["ws_tour"]
    step = tour.steps[-1]
    assert step.kind == "custom" and step.node_ids == shown and step.focus == shown[0]
    goto(at, "presenter")
    assert at.session_state["ws_tour"].steps[-1] == step  # the presenter keeps it


# ---------------------------------------------------------------- measure

def test_measure_text_actors_links_and_cross_references(app, seed_store):
    at = goto(app(), "measure")
    choice = at.selectbox(key="measure")
    measures = sorted((n for n in seed_store.query("all_nodes") if n["type"] == "Measure"),
                      key=lambda n: n["number"])
    target = next(m for m in measures if seed_store.query("cross_references", measure=m["id"]))
    choice.set_value(target["id"]).run()
    ok(at)
    body = html_bodies(at)
    actors = seed_store.query("actors_of_measure", measure=target["id"])
    for actor in actors:
        if actor["name"] in target["text"]:
            assert f">{actor['name']}</mark>" in body
    shown = texts(at)
    frames = tables(at)
    actor_table = frames[0]
    assert list(actor_table.iloc[:, 1]) == [a["role"] for a in actors]
    cross = seed_store.query("cross_references", measure=target["id"])
    assert len(frames[1]) == len(cross)
    assert f"{target['number']}. {target['title']}" in unescape(shown)


def test_measure_jump_to_a_cross_referenced_measure(app, fixture_store):
    at = goto(app(graph=build()), "measure")
    at.selectbox(key="measure").set_value(measure_id(1)).run()
    ok(at)
    at.selectbox(key="measure_cross_pick").set_value(measure_id(3)).run()
    ok(at)
    assert at.selectbox(key="measure").value == measure_id(3)


def test_measure_text_is_escaped(app):
    at = goto(app(graph=build()), "measure")
    at.selectbox(key="measure").set_value(measure_id(1)).run()
    body = html_bodies(ok(at))
    assert SCRIPT not in body
    assert "&lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in body
    at.selectbox(key="measure").set_value(measure_id(3)).run()
    ok(at)
    assert IMG not in html_bodies(at)
    heading = at.subheader[0].value
    assert IMG not in heading and unescape(heading).endswith(IMG)  # shown literally, never as markup


# ---------------------------------------------------------------- dependencies

def test_dependencies_show_both_directions(app, seed_store):
    at = goto(app(), "dependencies")
    node = at.selectbox(key="deps_node_choice").value
    # It starts on the best connected measure of the loaded document, not a name in the code.
    measures = {r["id"] for r in seed_store.query("all_nodes") if r["type"] == "Measure"}
    assert node in measures
    body = html_bodies(at)
    for direction in ("downstream", "upstream"):
        for row in seed_store.query("dependencies", node=node, direction=direction, depth=3):
            assert row["name"] in body
    at.slider(key="deps_depth").set_value(1).run()
    ok(at)
    down = seed_store.query("dependencies", node=node, direction="downstream", depth=1)
    assert data.t("deps.count", "zh", count=len(down)) in texts(at)


# ---------------------------------------------------------------- paths

def test_paths_explain_each_step_with_evidence(app, seed_store):
    at = goto(app(), "paths")
    source = at.selectbox(key="paths_source_choice").value
    target = at.selectbox(key="paths_target_choice").value
    assert source == seed_centre(seed_store) and target.startswith("law:")  # from the data, never the same
    degree = at.number_input(key="paths_max_degree").value
    steps = seed_store.query("shortest_paths", source=source, target=target, limit=5, skip_outline=True,
                             max_degree=degree)
    paths = {s["path"] for s in steps}
    shown = unescape(texts(at))
    assert data.t("paths.found", "zh", count=len(paths), steps=len([s for s in steps if s["path"] == 0])) in shown
    first = [s for s in steps if s["path"] == min(paths)]
    for step in first:
        if step["evidence"]:
            assert " ".join(step["evidence"].split()) in shown
    assert sum(1 for m in at.markdown if m.value.startswith("**第 ")) == len(steps)
    assert "（涉及）" not in shown  # a placeholder role says nothing
    assert "vis.Network" in iframe_html(at)


def test_paths_with_hubs_skipped_run_through_more_than_the_outline(app, seed_store):
    from graph.model import OUTLINE_LABELS

    outline = {label.value for label in OUTLINE_LABELS}
    types = {n["id"]: n["type"] for n in seed_store.query("all_nodes")}
    at = goto(app(), "paths")
    at.text_input(key="paths_source_text").set_value("行业协会").run()
    at.text_input(key="paths_target_text").set_value("反垄断法").run()
    source, target = at.selectbox(key="paths_source_choice").value, at.selectbox(key="paths_target_choice").value
    assert (types[source], types[target]) == ("Actor", "Law")
    at.number_input(key="paths_max_degree").set_value(15).run()
    ok(at)
    steps = seed_store.query("shortest_paths", source=source, target=target, limit=5, skip_outline=True,
                             max_degree=15)
    middles = {p: {s["target"] for s in steps if s["path"] == p} - {target} for p in {s["path"] for s in steps}}
    assert middles and any(any(types[n] not in outline for n in nodes) for nodes in middles.values())
    hub = max(types, key=lambda n: sum(1 for e in seed_store.query("all_edges") if n in (e["source"], e["target"])))
    assert all(hub not in nodes for nodes in middles.values())
    for step in steps:
        assert seed_store.query("node", node=step["target"])[0]["name"] in unescape(texts(at))


def test_paths_between_one_entity_and_itself(app):
    at = goto(app(), "paths")
    source = at.selectbox(key="paths_source_choice").value
    name = source.split(":", 1)[1]
    at.text_input(key="paths_target_text").set_value(name).run()
    at.selectbox(key="paths_target_choice").set_value(source).run()
    ok(at)
    assert at.info[0].value == data.t("paths.same", "zh")


# ---------------------------------------------------------------- matrices

def test_matrices_tables_match_the_queries(app, seed_store):
    at = goto(app(), "matrices")
    assert [t.label for t in at.tabs] == ["主体 × 目标体系", "法律法规 × 举措", "主体 × 举措", "主体 × 文件",
                                          "引用法律法规的文件与条款"]
    frames = tables(at)
    systems = {r["system"] for r in seed_store.query("actor_system_matrix")}
    assert frames[0].shape[1] == len(systems) + 1
    laws = {r["law"] for r in seed_store.query("law_measure_matrix")}
    assert len(frames[1]) == len(laws)
    cells = seed_store.query("law_measure_matrix")
    assert int(frames[1].iloc[:, 1:].to_numpy().sum()) == len(cells)
    by_document = frames[3]  # one document: one column of counts, one row per body
    assert list(by_document.columns[1:]) == [seed_store.query("documents")[0]["title"]]
    expected = {r["actor_name"]: r["count"] for r in seed_store.query("actor_document_matrix")}
    shown = dict(zip(by_document.iloc[:, 0], by_document.iloc[:, 1]))
    assert len(shown) == min(30, len(expected)) and shown.items() <= expected.items()  # the 30 busiest by default
    assert min(shown.values()) >= max(v for k, v in expected.items() if k not in shown)
    assert len(at.get("download_button")) == 5
    heat = [json.loads(e.proto.json) for e in at.get("bidi_component") if e.proto.component_name == "policy_kg.table"][:4]
    for payload in heat:  # the four matrices are heatmaps: a cell is filled exactly when it holds something
        assert all((fill is not None) == bool(cell) for row, fills in zip(payload["rows"], payload["fills"])
                   for cell, fill in zip(row[1:], fills[1:]))
    assert all(heat[1]["titles"][1:])  # a measure's column tells its title on hover


# ---------------------------------------------------------------- set-aside text

def test_excluded_lists_everything_the_loader_set_aside(app):
    graph = build()
    at = goto(app(graph=graph), "excluded")
    chars = sum(len(x.text) for x in graph.excluded)
    assert data.t("excluded.chars", "zh", count=len(graph.excluded), chars=chars) in texts(at)
    cards = next(h.proto.body for h in at.get("html") if "kg-passages" in h.proto.body)
    shown = [html.unescape(t) for t in re.findall(r'<div style="font-family:monospace[^"]*">(.*?)</div>', cards, re.S)]
    assert shown == [x.text for x in sorted(graph.excluded, key=lambda x: x.start)]
    assert len(tables(at)[0]) == len(graph.excluded)


# ---------------------------------------------------------------- add a document

def test_upload_adds_a_document_for_the_session(app, seed_store):
    at = goto(app(), "upload")
    text = (ROOT / "tests" / "explorer_xss.txt").read_text(encoding="utf-8")
    at.file_uploader(key="upload_files").set_value(("xss.txt", text.encode("utf-8"), "text/plain")).run()
    ok(at)
    assert not at.error, [e.value for e in at.error]
    documents = len(seed_store.query("documents")) + 1
    assert f"{documents} 份文件" in texts(at)
    assert "xss.txt" in unescape(texts(at))
    goto(at, "measure")
    options = at.selectbox(key="measure").options
    xss = next(o for o in options if "<script>" in o)
    at.selectbox(key="measure").select(xss).run()
    body = html_bodies(ok(at))
    assert "<script>" not in body and "&lt;script&gt;" in body


def test_a_bad_upload_shows_one_line_and_no_traceback(app, seed_store):
    at = goto(app(), "upload")
    at.file_uploader(key="upload_files").set_value(("broken.pdf", b"%PDF-1.4 not really", "application/pdf")).run()
    ok(at)
    assert len(at.error) == 1
    message = at.error[0].value
    assert "broken" in message and "\n" not in message and "Traceback" not in message
    assert f"{len(seed_store.query('documents'))} 份文件" in texts(at)


# ---------------------------------------------------------------- query

def test_query_runs_named_queries_as_table_and_graph(app, seed_store):
    at = goto(app(), "query")
    assert at.selectbox(key="query_name").value == "neighbourhood"
    node = at.selectbox(key="q_neighbourhood_node_choice").value
    rows = seed_store.query("neighbourhood", node=node, depth=1)
    assert data.t("query.rows", "zh", count=len(rows)) in texts(at)
    assert len(tables(at)[0]) == len(rows)
    assert "vis.Network" in iframe_html(at)
    at.selectbox(key="query_name").set_value("documents").run()
    ok(at)
    assert len(tables(at)[0]) == len(seed_store.query("documents"))
    at.selectbox(key="query_name").set_value("co_occurring_actors").run()
    at.number_input(key="q_co_occurring_actors_min_shared").set_value(2).run()
    ok(at)
    assert len(tables(at)[0]) == len(seed_store.query("co_occurring_actors", min_shared=2))


def test_query_cypher_box_only_with_run_read(app):
    at = goto(app(), "query")
    assert not [t for t in at.text_area if t.key == "query_cypher"]


@pytest.mark.bolt
def test_read_only_cypher_on_neo4j(app, bolt_settings):
    at = goto(app(settings=bolt_settings), "query")
    box = at.text_area(key="query_cypher")
    box.set_value("MATCH (n:Law) RETURN n.name AS name").run()
    at.button(key="query_cypher_run").click().run()
    ok(at)
    laws = [r["name"] for r in EmbeddedStore(data.load_documents(data.seed_paths())).query("all_nodes")
            if r["type"] == "Law"]
    assert sorted(tables(at)[-1]["name"]) == sorted(laws)
    box.set_value("CREATE (n:Law {name: 'x'}) RETURN n").run()
    at.button(key="query_cypher_run").click().run()
    ok(at)
    assert at.error and "read-only" in unescape(at.error[0].value)


# ---------------------------------------------------------------- the corpus pages

def test_the_document_network_shows_documents_and_the_timeline_filters_them(app):
    import corpus_graph

    at = goto(app(graph=corpus_graph.build()), "documents")
    assert data.t("documents.shown", "zh", shown=3, total=3, links=1) in texts(at)
    at.slider(key="documents_years").set_value((2019, 2023)).run()
    assert data.t("documents.shown", "zh", shown=2, total=3, links=0) in texts(at)
    at.multiselect(key="documents_validity").set_value([]).run()
    assert data.t("documents.shown", "zh", shown=0, total=3, links=0) in texts(at)


def test_the_documents_page_shows_its_network_or_its_tables(app):
    import corpus_graph

    at = goto(app(graph=corpus_graph.build()), "documents")
    assert len(at.get("iframe")) == 1 and not tables(at)  # the network alone: it paints first
    at.segmented_control(key="documents_view").set_value("tables").run()
    assert not at.get("iframe")
    documents, links = tables(at)
    assert len(documents) == 3 and len(links) == 1
    assert [s.value for s in at.subheader] == [data.t("documents.table", "zh"), data.t("documents.links", "zh")]


def test_the_comparison_page_pairs_reworded_articles_and_lists_additions(app):
    import corpus_graph

    at = app(graph=corpus_graph.build())
    goto(at, "compare")
    at.selectbox(key="compare_first").set_value(corpus_graph.NATIONAL).run()
    at.selectbox(key="compare_second").set_value(corpus_graph.CITY).run()
    metrics = {m.label: m.value for m in at.metric}
    assert metrics[data.t("compare.inherited", "zh")] == "2"
    assert metrics[data.t("compare.added", "zh")] == "1"
    assert metrics[data.t("compare.dropped", "zh")] == "1"
    assert "kg-ins" in texts(at) or any("kg-ins" in str(h.proto) for h in at.get("html"))
