"""The presenter page under Streamlit's AppTest: every default step, editing, tour files."""

from __future__ import annotations

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


def _heading(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith("## "))[3:].replace("\\", "")


def test_next_walks_through_every_default_step(seed_tour):
    at = _app()
    steps = seed_tour.visible()
    assert at.button(key="ws_prev").disabled
    for n, step in enumerate(steps):
        assert _heading(at) == step.title, n
        assert at.selectbox(key="ws_jump").value == n
        assert len(at.get("iframe")) == 1
        if n < len(steps) - 1:
            at.button(key="ws_next").click().run()
            assert not at.exception, at.exception
    assert at.button(key="ws_next").disabled
    at.button(key="ws_prev").click().run()
    assert _heading(at) == steps[-2].title
    at.button(key="ws_first").click().run()
    assert _heading(at) == steps[0].title


def test_jump_to_a_step_with_the_picker(seed_tour):
    at = _app()
    at.selectbox(key="ws_jump").select(4).run()
    assert _heading(at) == seed_tour.visible()[4].title
    at.button(key="ws_next").click().run()
    assert _heading(at) == seed_tour.visible()[5].title


def test_editing_a_step_title_and_skipping_it(seed_tour):
    at = _app()
    title_box = next(t for t in at.text_input if t.key.startswith("ws_t_title_"))
    title_box.input("开场").run()
    assert not at.exception and _heading(at) == "开场"
    skip = next(c for c in at.checkbox if c.key.startswith("ws_s_title_"))
    skip.check().run()
    assert not at.exception
    assert _heading(at) == seed_tour.visible()[1].title  # the skipped title step is gone from the show
    assert len(at.selectbox(key="ws_jump").options) == len(seed_tour.visible()) - 1


def test_moving_a_step_down(seed_tour):
    at = _app()
    at.button(key="ws_down").click().run()
    assert not at.exception
    assert _heading(at) == seed_tour.visible()[1].title  # the first step now shows the systems
    at.button(key="ws_next").click().run()
    assert _heading(at) == seed_tour.visible()[0].title


def test_choosing_another_measure(seed_tour):
    at = _app()
    picker = at.selectbox(key="ws_measure")
    other = next(o for o in picker.options if o != picker.value)
    picker.select(other).run()
    assert not at.exception
    measure_index = [s.id for s in seed_tour.visible()].index("measure")
    at.selectbox(key="ws_jump").select(measure_index).run()
    assert _heading(at) != seed_tour.step("measure").title


def test_english_interface_gives_an_english_tour():
    at = _app("en")
    assert _heading(at) == default_tour(GraphIndex(load_paths(list(data.seed_paths()))), lang="en").visible()[0].title
    assert at.button(key="ws_next").label.startswith("Next")


def test_save_export_and_handout_buttons_are_offered():
    at = _app()
    labels = {b.proto.label for b in at.get("download_button")}
    expected = {data.t(f"workshop.page.{k}", "zh") for k in (
        "save_yaml", "save_json", "export_html", "export_png", "export_svg", "export_graphml", "export_gexf",
        "export_csv", "export_xlsx", "handout_html", "handout_pdf")}
    assert expected <= labels
