"""Presenter: the guided tour on a projector, its editor, and the offline exports and handouts.

The tour is built from the graph (`render.tour.default_tour`) and kept in the session, so
edits (titles, narratives, skipped or moved steps, the measure shown) survive reruns until
the trainer rebuilds it, switches document or language, or loads a tour file. Next and
previous answer the → and ← keys as well as clicks; Home goes back to the start.
"""

from __future__ import annotations

import json

import streamlit as st

from app_pages import data
from app_pages.widgets import escape_markdown as md
from graph.index import GraphIndex
from graph.labels import node_title
from graph.model import Label
from render import exports, gephi, handout, tables
from render.standalone import standalone_html
from render.tour import (
    Tour,
    TourError,
    default_tour,
    dumps_tour,
    loads_tour,
    measure_step,
    move_step,
    replace_step,
    tour_to_dict,
    update_step,
)

TOUR, STEP, SIG, LOADED = "ws_tour", "ws_step", "ws_tour_sig", "ws_loaded"
JUMP = "ws_jump"

tr = data.tr
lang = data.lang()


@st.cache_data(show_spinner=False, max_entries=64)
def step_frame(key: str, step_json: str, lang: str, theme: str, font_scale: float, script_src: str | None,
               _idx: GraphIndex) -> str:
    """The page of one step, bare (graph and legend only), for the iframe; the graph script from
    `script_src` (served by the explorer and cached by the browser) when given."""
    from render.tour import tour_from_dict

    tour = tour_from_dict(json.loads(step_json))
    return standalone_html(_idx, tour, lang=lang, theme=theme, bare=True, font_scale=font_scale,
                           script_src=script_src)


def go_to(index: int) -> None:
    st.session_state[STEP] = index
    st.session_state[JUMP] = index


def set_tour(tour, index: int = 0) -> None:
    st.session_state[TOUR] = tour
    count = len(tour.visible())
    go_to(max(0, min(index, count - 1)) if count else 0)


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
    st.session_state[SIG] = signature
    set_tour(default_tour(idx, doc_id=doc_id, lang=lang))

tour = st.session_state[TOUR]
visible = tour.visible()

# ---------------------------------------------------------------- presentation controls
with st.sidebar:
    st.divider()
    large = st.toggle(tr("workshop.page.large_type"), value=True, key="ws_large")
    dark = st.toggle(tr("workshop.page.dark_graph"), value=False, key="ws_dark")
    height = st.number_input(tr("workshop.page.graph_height"), 360, 1600, 640, step=20, key="ws_height")
if large:
    # Projector type: bigger text, black on white, heavy rules; the graph's own labels scale in the frame.
    st.html("""<style>
      [data-testid="stMain"] .stMarkdown p, [data-testid="stMain"] .stMarkdown li { font-size: 1.45rem; line-height: 1.6; }
      [data-testid="stMain"] h2 { font-size: 2.4rem; color: #000; }
      [data-testid="stMain"] blockquote { border-left: 0.45rem solid #1d4ed8; opacity: 1; }
      [data-testid="stMain"] blockquote p { font-size: 1.3rem; color: #000; }
      [data-testid="stMain"] button p { font-size: 1.15rem; font-weight: 600; }
    </style>""")

if not visible:
    st.warning(tr("workshop.page.no_steps"))
    index = 0
    step = None
else:
    index = max(0, min(int(st.session_state.get(STEP, 0)), len(visible) - 1))
    if st.session_state.get(JUMP) != index:
        st.session_state[JUMP] = index
    step = visible[index]

    nav = st.columns([1.3, 1.3, 4, 1.3], vertical_alignment="center")
    nav[0].button(tr("workshop.page.prev"), key="ws_prev", shortcut="Left", disabled=index == 0,
                  on_click=go_to, args=(index - 1,), width="stretch")
    nav[1].button(tr("workshop.page.next"), key="ws_next", shortcut="Right", type="primary",
                  disabled=index >= len(visible) - 1, on_click=go_to, args=(index + 1,), width="stretch")
    nav[2].selectbox(tr("workshop.page.jump"), list(range(len(visible))), key=JUMP, label_visibility="collapsed",
                     format_func=lambda i: f"{i + 1} / {len(visible)} · {visible[i].title}",
                     on_change=lambda: st.session_state.__setitem__(STEP, st.session_state[JUMP]))
    nav[3].button(tr("workshop.page.first"), key="ws_first", shortcut="Home", on_click=go_to, args=(0,),
                  width="stretch")

    left, right = st.columns([2.3, 1], gap="medium")
    step_json = json.dumps(tour_to_dict(Tour(tour.title, (step,), tour.doc_id, tour.lang)), ensure_ascii=False)
    with left:
        frame = step_frame(key, step_json, lang, "dark" if dark else "light", 1.25 if large else 1.0,
                           data.vis_script_src(), idx)
        st.iframe(frame, height=int(height))
    with right:
        st.caption(tr("workshop.page.step_of", n=index + 1, total=len(visible)))
        st.markdown(f"## {md(step.title)}")
        st.markdown(md(step.narrative))
        if step.evidence:
            st.markdown(f"**{tr('workshop.page.evidence')}**")
            for quote in step.evidence:
                st.markdown("> " + md(quote.text))
        st.caption(tr("workshop.page.keys"))

# ---------------------------------------------------------------- tour editor
with st.expander(tr("workshop.page.edit"), expanded=False):
    st.caption(tr("workshop.page.edit_help"))
    ids = [s.id for s in tour.steps]
    current_id = step.id if step is not None else ids[0] if ids else None
    if ids:
        edit_id = st.selectbox(tr("workshop.page.col_title"), ids, index=ids.index(current_id),
                               key=f"ws_edit_pick_{current_id}",
                               format_func=lambda i: f"{ids.index(i) + 1}. {tour.step(i).title}"
                               + (f" ({tr('workshop.page.col_skip')})" if tour.step(i).skip else ""))
        chosen = tour.step(edit_id)
        stamp = abs(hash((chosen.title, chosen.narrative, chosen.skip))) % 10**8  # fresh widgets after outside changes

        def apply(field: str, widget_key: str, step_id: str = edit_id) -> None:
            new_tour = update_step(st.session_state[TOUR], step_id, **{field: st.session_state[widget_key]})
            set_tour(new_tour, st.session_state.get(STEP, 0))

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

    measures = idx.of_doc(Label.MEASURE, doc_id)
    if measures and "measure" in ids:
        shown = tour.step("measure").focus
        options = [m.id for m in measures]

        def pick_measure() -> None:
            chosen_measure = st.session_state["ws_measure"]
            set_tour(replace_step(st.session_state[TOUR], measure_step(idx, chosen_measure, lang)),
                     st.session_state.get(STEP, 0))

        st.selectbox(tr("workshop.page.measure_pick"), options, key="ws_measure",
                     index=options.index(shown) if shown in options else 0,
                     format_func=lambda i: idx.label(i, lang), on_change=pick_measure)

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

# ---------------------------------------------------------------- exports and handouts
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
