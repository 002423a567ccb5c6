"""The presenter page under Streamlit's AppTest: the slides' data for every default step, the step
the browser reports, editing, tour files. (The browser side, Next and the keys, is in
tests/test_browser_pages.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app_pages import data
from graph.index import GraphIndex
from loaders import load_paths
from render.tour import default_tour

ROOT = Path(__file__).resolve().parent.parent
PAGE = str(ROOT / "app_pages" / "presenter.py")


@pytest.fixture(scope="module")
def seed_tour():
    return default_tour(GraphIndex(load_paths(list(data.seed_paths()))))


def _app(lang: str = "zh") -> AppTest:
    at = AppTest.from_file(PAGE, default_timeout=180)
    at.session_state[data.LANG_KEY] = lang
    at.run()
    assert not at.exception, at.exception
    return at


def slides(at: AppTest) -> dict:
    """The data the page sent to its slides component (there is exactly one)."""
    found = [e for e in at.get("bidi_component") if e.proto.component_name == "policy_kg.slides"]
    assert len(found) == 1
    return json.loads(found[0].proto.json)


def titles(at: AppTest) -> list[str]:
    return [s["title"] for s in slides(at)["steps"]]


def shown(at: AppTest) -> str:
    """The heading of the step the slides open on."""
    payload = slides(at)
    return payload["steps"][payload["step"]]["title"]


def report_step(at: AppTest, index: int) -> AppTest:
    """What the slides' callback does when the browser says it shows step `index`, then a rerun."""
    at.session_state["ws_step"] = index
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_slides_carry_every_default_step_with_its_layout(seed_tour):
    at = _app()
    payload = slides(at)
    steps = seed_tour.visible()
    assert titles(at) == [s.title for s in steps]
    assert [s["narrative"] for s in payload["steps"]] == [s.narrative for s in steps]
    nodes = {n["id"] for n in payload["nodes"]}
    for sent, step in zip(payload["steps"], steps):
        assert sorted(sent["pos"]) == sorted(sent["nodes"]) and set(sent["nodes"]) <= nodes, step.id
        assert [q["text"] for q in sent["evidence"]] == [q.text for q in step.evidence]
    assert payload["step"] == 0 and shown(at) == steps[0].title
    assert payload["ui"]["next"] == data.t("workshop.page.next", "zh")
    assert payload["vis_src"] is None or not payload["vis_src"].startswith(("http:", "https:", "//"))


def test_the_step_the_browser_shows_is_kept_and_followed_by_the_editor(seed_tour):
    at = _app()
    steps = seed_tour.visible()
    jump = slides(at)["jump"]
    for n in (3, len(steps) - 1, 0):
        report_step(at, n)
        assert slides(at)["step"] == n and shown(at) == steps[n].title
        assert slides(at)["jump"] == jump  # the browser moved itself: Python does not move it again
        assert at.selectbox(key=f"ws_edit_pick_{steps[n].id}").value == steps[n].id  # the editor opens on it


def test_a_language_switch_keeps_the_step(seed_tour):
    at = report_step(_app(), 4)
    at.session_state[data.LANG_KEY] = "en"
    at.run()
    assert not at.exception, at.exception
    english = default_tour(GraphIndex(load_paths(list(data.seed_paths()))), lang="en").visible()
    assert slides(at)["step"] == 4 and shown(at) == english[4].title
    assert titles(at) == [s.title for s in english]


def test_editing_a_step_title_and_skipping_it(seed_tour):
    at = _app()
    title_box = next(t for t in at.text_input if t.key.startswith("ws_t_title_"))
    title_box.input("开场").run()
    assert not at.exception and shown(at) == "开场"
    skip = next(c for c in at.checkbox if c.key.startswith("ws_s_title_"))
    skip.check().run()
    assert not at.exception
    assert shown(at) == seed_tour.visible()[1].title  # the skipped title step is gone from the show
    assert titles(at) == [s.title for s in seed_tour.visible()[1:]]


def test_moving_a_step_down(seed_tour):
    at = _app()
    at.button(key="ws_down").click().run()
    assert not at.exception
    visible = seed_tour.visible()
    assert titles(at)[:2] == [visible[1].title, visible[0].title]  # the first step now shows the systems
    assert shown(at) == visible[1].title


def test_choosing_another_measure(seed_tour):
    at = _app()
    picker = at.selectbox(key="ws_measure")
    before = picker.value
    other = next(o for o in picker.options if o != picker.format_func(before))
    picker.select(other).run()
    assert not at.exception
    measure_index = [s.id for s in seed_tour.visible()].index("measure")
    assert titles(at)[measure_index] != seed_tour.step("measure").title
    assert slides(at)["steps"][measure_index]["focus"] == at.selectbox(key="ws_measure").value != before


def test_english_interface_gives_an_english_tour():
    at = _app("en")
    assert titles(at) == [s.title for s in default_tour(GraphIndex(load_paths(list(data.seed_paths()))),
                                                        lang="en").visible()]
    assert slides(at)["ui"]["next"].startswith("Next")


def test_save_export_and_handout_buttons_are_offered():
    at = _app()
    labels = {b.proto.label for b in at.get("download_button")}
    expected = {data.t(f"workshop.page.{k}", "zh") for k in (
        "save_yaml", "save_json", "export_html", "export_png", "export_svg", "export_graphml", "export_gexf",
        "export_csv", "export_xlsx", "handout_html", "handout_pdf")}
    assert expected <= labels
