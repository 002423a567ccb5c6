"""Presenter: the guided tour on a projector, its editor, and the offline exports and handouts.

The tour is built from the graph (`render.tour.default_tour`) and kept in the session, so
edits (titles, narratives, skipped or moved steps, the measure shown) survive reruns until
the trainer rebuilds it, switches document, or loads a tour file; a language switch rebuilds it
in the other language at the same step. The slides (`app_pages.slides`) hold every step and swap
them in the browser: Next and Previous answer clicks, → ← and a clicker's PageDown PageUp; Home
goes back to the start. The step shown comes back as the slides' state, into a rerun of the
fragment below the sidebar only (the editor and the exports follow the step), never of the page.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

import streamlit as st

from app_pages import data
from app_pages.graph_view import load_vis
from app_pages.slides import shown_step, slides
from graph.index import GraphIndex
from graph.labels import node_title
from graph.model import Label
from render import exports, gephi, handout, tables
from render.standalone import slides_data, standalone_html
from render.tour import (
    Tour,
    TourError,
    default_tour,
    dumps_tour,
    loads_tour,
    measure_step,
    move_step,
    replace_step,
    tour_from_dict,
    tour_to_dict,
    update_step,
)

TOUR, STEP, SIG, LOADED = "ws_tour", "ws_step", "ws_tour_sig", "ws_loaded"
JUMPS = "ws_jumps"  # how many times Python moved the slides itself (a new tour, a loaded file …)
RUNS = "ws_runs"  # the page script's runs in this session (fragment reruns are not counted)
SLIDES = "ws_slides"
UI_STRINGS = ("prev", "next", "first", "jump", "evidence", "keys", "fullscreen")

tr = data.tr
lang = data.lang()


@st.cache_data(show_spinner=False, max_entries=32)
def tour_slides(key: str, tour_json: str, lang: str, font_scale: float, _idx: GraphIndex) -> tuple[dict, str]:
    """(the slides' data, a token that changes with it) for the tour in `tour_json`; `key` names the
    store and document `_idx` holds."""
    built = slides_data(_idx, tour_from_dict(json.loads(tour_json)), lang=lang, font_scale=font_scale)
    token = hashlib.sha256(json.dumps(built, sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    return built, token


def go_to(index: int) -> None:
    """Show step `index`: Python moves the slides (a new jump), where the browser moves them itself."""
    st.session_state[STEP] = index
    st.session_state[JUMPS] = st.session_state.get(JUMPS, 0) + 1


def set_tour(tour, index: int = 0) -> None:
    st.session_state[TOUR] = tour
    count = len(tour.visible())
    go_to(max(0, min(index, count - 1)) if count else 0)


def step_shown() -> None:
    """The slides' callback: the browser shows another step (Next, a key, the picker)."""
    shown = shown_step(SLIDES)
    if shown is not None:
        st.session_state[STEP] = shown


def load_uploaded_tour() -> None:
    """The uploader's callback: it runs before the page is drawn, so the tour (and the step picker's
    value) can change without touching a widget that already exists."""
    upload = st.session_state.get("ws_upload")
    if upload is None:
        return
    try:
        loaded = loads_tour(upload.getvalue(), "json" if upload.name.lower().endswith(".json") else "yaml",
                            upload.name)
    except TourError as err:
        st.session_state[LOADED] = ("error", str(err))
        return
    set_tour(loaded)
    done = tr("workshop.page.loaded", title=loaded.title, count=len(loaded.steps))
    st.session_state[LOADED] = ("success", done)


def show_slides(tour: Tour, index: int) -> None:
    """The slides of `tour` at step `index` (the browser keeps its own step until Python jumps)."""
    tour_json = json.dumps(tour_to_dict(tour), ensure_ascii=False)
    font_scale = 1.25 if large else 1.0
    built, token = tour_slides(key, tour_json, lang, font_scale, idx)
    count = len(built["steps"])
    payload: dict[str, Any] = {
        **built, "token": f"{token}|{dark}|{height}", "step": index, "jump": st.session_state.get(JUMPS, 0),
        "runs": st.session_state[RUNS], "large": large, "dark": dark, "height": int(height),
        "vis_src": data.vis_script_src(), "ui": {k: tr(f"workshop.page.{k}") for k in UI_STRINGS},
        "counters": [tr("workshop.page.step_of", n=n + 1, total=count) for n in range(count)],
    }
    slides(payload, key=SLIDES, on_step=step_shown)


def editor(tour: Tour, step) -> None:
    """Titles, narratives, skipping and order of the steps, the measure shown, tour files."""
    with st.expander(tr("workshop.page.edit"), expanded=False):
        st.caption(tr("workshop.page.edit_help"))
        ids = [s.id for s in tour.steps]
        if ids:
            step_fields(tour, ids, step.id if step is not None else ids[0])
        if "measure" in ids:
            measure_picker(tour)
        tour_files(tour)


def step_fields(tour: Tour, ids: list[str], current_id: str) -> None:
    """The editor of one step (the one shown, unless another is picked): title, narrative, skip, order."""
    edit_id = st.selectbox(tr("workshop.page.col_title"), ids, index=ids.index(current_id),
                           key=f"ws_edit_pick_{current_id}",
                           format_func=lambda i: f"{ids.index(i) + 1}. {tour.step(i).title}"
                           + (f" ({tr('workshop.page.col_skip')})" if tour.step(i).skip else ""))
    chosen = tour.step(edit_id)
    stamp = abs(hash((chosen.title, chosen.narrative, chosen.skip))) % 10**8  # fresh widgets after outside changes

    def apply(field: str, widget_key: str, step_id: str = edit_id) -> None:
        # Only a real edit: a fragment rerun may call back an earlier step's widgets with their old values.
        value = st.session_state[widget_key]
        if getattr(st.session_state[TOUR].step(step_id), field) != value:
            set_tour(update_step(st.session_state[TOUR], step_id, **{field: value}),
                     st.session_state.get(STEP, 0))

    st.text_input(tr("workshop.page.col_title"), chosen.title, key=f"ws_t_{edit_id}_{stamp}",
                  on_change=apply, args=("title", f"ws_t_{edit_id}_{stamp}"))
    st.text_area(tr("workshop.page.col_narrative"), chosen.narrative, key=f"ws_n_{edit_id}_{stamp}",
                 on_change=apply, args=("narrative", f"ws_n_{edit_id}_{stamp}"), height=120)
    cols = st.columns(3)
    cols[0].checkbox(tr("workshop.page.col_skip"), chosen.skip, key=f"ws_s_{edit_id}_{stamp}",
                     on_change=apply, args=("skip", f"ws_s_{edit_id}_{stamp}"))

    def move(offset: int, step_id: str = edit_id) -> None:
        set_tour(move_step(st.session_state[TOUR], step_id, offset), st.session_state.get(STEP, 0))

    cols[1].button("↑", key="ws_up", on_click=move, args=(-1,), disabled=ids.index(edit_id) == 0)
    cols[2].button("↓", key="ws_down", on_click=move, args=(1,), disabled=ids.index(edit_id) == len(ids) - 1)


def measure_picker(tour: Tour) -> None:
    """Which measure the measure step shows."""
    measures = idx.of_doc(Label.MEASURE, doc_id)
    if measures:
        shown = tour.step("measure").focus
        options = [m.id for m in measures]

        def pick_measure() -> None:
            chosen_measure = st.session_state["ws_measure"]
            set_tour(replace_step(st.session_state[TOUR], measure_step(idx, chosen_measure, lang)),
                     st.session_state.get(STEP, 0))

        st.selectbox(tr("workshop.page.measure_pick"), options, key="ws_measure",
                     index=options.index(shown) if shown in options else 0,
                     format_func=lambda i: idx.label(i, lang), on_change=pick_measure)


def tour_files(tour: Tour) -> None:
    """Back to the default tour; the tour saved to and loaded from YAML or JSON."""
    st.button(tr("workshop.page.reset"), key="ws_reset",
              on_click=lambda: set_tour(default_tour(idx, doc_id=doc_id, lang=lang)))
    files = st.columns(2)
    files[0].download_button(tr("workshop.page.save_yaml"), dumps_tour(tour, "yaml"), file_name="tour.yaml",
                             mime="application/x-yaml", key="ws_save_yaml", on_click="ignore")
    files[1].download_button(tr("workshop.page.save_json"), dumps_tour(tour, "json"), file_name="tour.json",
                             mime="application/json", key="ws_save_json", on_click="ignore")
    st.file_uploader(tr("workshop.page.load"), type=["yaml", "yml", "json"], key="ws_upload",
                     on_change=load_uploaded_tour)
    outcome = st.session_state.pop(LOADED, None)
    if outcome is not None:
        (st.error if outcome[0] == "error" else st.success)(outcome[1])


def exports_and_handouts(tour: Tour, step) -> None:
    """Offline page, pictures of the step shown, Gephi and table files, handouts."""
    with st.expander(tr("workshop.page.exports"), expanded=False):
        stem = "policy-graph"
        current_tour = tour
        current_step = step.id if step is not None else None
        buttons = [
            ("export_html", "html", lambda: standalone_html(idx, current_tour, lang=lang), "text/html"),
            ("export_png", "png", lambda: exports.export_bytes(idx.graph, "png", tour=current_tour, step=current_step,
                                                               lang=lang)[".png"], "image/png"),
            ("export_svg", "svg", lambda: exports.export_bytes(idx.graph, "svg", tour=current_tour, step=current_step,
                                                               lang=lang)[".svg"], "image/svg+xml"),
            ("export_graphml", "graphml", lambda: gephi.graphml_bytes(idx.graph, lang), "application/xml"),
            ("export_gexf", "gexf", lambda: gephi.gexf_bytes(idx.graph, lang), "application/xml"),
            ("export_csv", "zip", lambda: tables.csv_zip(idx.graph, lang), "application/zip"),
            ("export_xlsx", "xlsx", lambda: tables.xlsx_bytes(idx.graph, lang),
             "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ]
        columns = st.columns(4)
        for n, (label_key, suffix, make, mime) in enumerate(buttons):
            name = f"{stem}-{current_step}.{suffix}" if suffix in ("png", "svg") and current_step else f"{stem}.{suffix}"
            columns[n % 4].download_button(tr(f"workshop.page.{label_key}"), make, file_name=name, mime=mime,
                                           key=f"ws_{label_key}", on_click="ignore", disabled=suffix in ("png", "svg")
                                           and current_step is None)

        st.markdown(f"**{tr('workshop.page.handouts')}**")
        pages = handout.default_pages(idx, doc_id)
        preset = [step.focus] if step is not None and step.focus in pages else pages[:1]
        chosen_pages = st.multiselect(tr("workshop.page.handout_pick"), pages, default=preset, key="ws_pages",
                                      format_func=lambda i: idx.label(i, lang))
        hcols = st.columns(2)
        hcols[0].download_button(tr("workshop.page.handout_html"),
                                 lambda: handout.handout_html(idx, list(chosen_pages), lang=lang),
                                 file_name="handout.html", mime="text/html", key="ws_handout_html", on_click="ignore",
                                 disabled=not chosen_pages)
        try:
            handout.find_chromium()
            pdf_ready = None
        except handout.HandoutError as err:
            pdf_ready = str(err)
        hcols[1].download_button(tr("workshop.page.handout_pdf"),
                                 lambda: handout.pdf_bytes(handout.handout_html(idx, list(chosen_pages), lang=lang)),
                                 file_name="handout.pdf", mime="application/pdf", key="ws_handout_pdf",
                                 on_click="ignore", disabled=not chosen_pages or pdf_ready is not None)
        if pdf_ready:
            st.caption(tr("workshop.page.pdf_unavailable", reason=pdf_ready))


@st.fragment
def presenting() -> None:
    """Slides, editor and exports: the slides' step reruns this, and only this."""
    tour = st.session_state[TOUR]
    visible = tour.visible()
    if not visible:
        st.warning(tr("workshop.page.no_steps"))
        step = None
    else:
        index = max(0, min(int(st.session_state.get(STEP, 0)), len(visible) - 1))
        step = visible[index]
        show_slides(tour, index)
    editor(tour, step)
    exports_and_handouts(tour, step)


st.session_state[RUNS] = st.session_state.get(RUNS, 0) + 1
documents = {d["id"]: d for d in data.query("documents")}

st.title(tr("workshop.page.title"))
if not documents:
    st.info(tr("workshop.page.no_graph"))
    st.stop()

if len(documents) > 1:
    doc_id = st.selectbox(tr("workshop.page.document"), list(documents), key="ws_doc",
                          format_func=lambda i: node_title({**documents[i], "type": Label.POLICY.value}, lang))
else:
    doc_id = next(iter(documents))
# The document as the store in use holds it (Neo4j too): tour, pictures, handouts and exports read it.
idx = data.document_index(doc_id)
key = f"{data.active_store().key}|{doc_id}"

signature = f"{key}|{lang}"
if st.session_state.get(SIG) != signature or TOUR not in st.session_state:
    same_document = str(st.session_state.get(SIG, "")).rsplit("|", 1)[0] == key  # only the language changed
    st.session_state[SIG] = signature
    set_tour(default_tour(idx, doc_id=doc_id, lang=lang), st.session_state.get(STEP, 0) if same_document else 0)

with st.sidebar:
    st.divider()
    large = st.toggle(tr("workshop.page.large_type"), value=True, key="ws_large")
    dark = st.toggle(tr("workshop.page.dark_graph"), value=False, key="ws_dark")
    height = st.number_input(tr("workshop.page.graph_height"), 360, 1600, 640, step=20, key="ws_height")
if data.vis_script_src() is None:
    load_vis()  # static serving off: vis-network inline, once, outside the fragment
presenting()
