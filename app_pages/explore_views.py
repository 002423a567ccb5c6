"""Views that last: save Explore's scene to a file or the address, load it back, export it as SVG,
and add it to the presenter's tour (PNG is taken in the browser from the graph's canvas)."""

from __future__ import annotations

import json

import streamlit as st

from app_pages import data, explore_state as es
from render import explore_scene as sc

UPLOAD = "explore_view_file"
TOUR, TOUR_SIG = "ws_tour", "ws_tour_sig"  # the presenter's tour and its signature (app_pages/presenter.py)
SVG_SIZE = (1600, 900)

tr = data.tr


def open_view_in_address(g: es.GraphData) -> None:
    """Show the view in ``?view=`` (a session's first visit); a bad one is named in one line."""
    param = st.query_params.get(es.VIEW_PARAM)
    if not param:
        return
    try:
        es.apply_view(es.view_from_param(param), g)
    except sc.ViewError as err:
        st.session_state[es.NOTICE] = tr("explore.view.bad_address", reason=str(err))


def _load_uploaded() -> None:
    upload = st.session_state.get(UPLOAD)
    if upload is None:
        return
    try:
        es.apply_view(es.parse_view(upload.getvalue()), es.graph_data())
        st.session_state[es.NOTICE] = None
    except sc.ViewError as err:
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        st.session_state[es.NOTICE] = tr("explore.view.bad_file", name=upload.name, reason=reason)


def _to_address() -> None:
    st.query_params[es.VIEW_PARAM] = es.view_to_param(es.current_view())


def _add_to_tour() -> None:
    from dataclasses import replace

    from render.tour import TourStep, default_tour, replace_step

    scene, lang = es.scene(), data.lang()
    tour = st.session_state.get(TOUR)
    if tour is None:  # the presenter builds the same default tour; keep its signature so it keeps ours
        documents = [d["id"] for d in data.query("documents")]
        if not documents:
            return
        doc_id = st.session_state.get("ws_doc") if st.session_state.get("ws_doc") in documents else documents[0]
        tour = default_tour(data.document_index(doc_id), doc_id=doc_id, lang=lang)
        st.session_state[TOUR_SIG] = f"{data.active_store().key}|{doc_id}|{lang}"
    rows = es.graph_data().rows
    name = str(rows.get(scene.seed, {}).get("name") or scene.seed)
    number = sum(1 for s in tour.steps if s.id.startswith("view-")) + 1
    step = TourStep(f"view-{number}", "custom", tr("explore.tour.title", name=name),
                    tr("explore.tour.narrative", name=name, count=len(scene.real_nodes())),
                    tuple(scene.real_nodes()), scene.seed)
    st.session_state[TOUR] = replace(replace_step(tour, step), lang=tour.lang)
    st.session_state[es.NOTICE] = ("tour", tr("explore.tour.added", title=step.title, count=len(tour.steps) + 1))


def svg_maker(node_ids: tuple[str, ...], focus: str, title: str):
    """A callable making the SVG picture of `node_ids` (render's picture code, Chinese labels as
    text), read through the store, for a download button that builds it only when clicked. The nodes
    keep the places they have on screen (as the graph last reported them, after its layout or a drag)."""
    rows = es.graph_data().rows
    nodes = [rows[n] for n in node_ids if n in rows]
    edges = data.query("edges_among", ids=sorted(node_ids))
    lang = data.lang()
    on_screen = dict(es.component_state("positions") or {})

    def make() -> bytes:
        from graph.index import GraphIndex
        from render.picture import svg_text
        from render.scenes import scene

        picture = scene(GraphIndex.from_rows(nodes, edges), node_ids, focus=focus, width=SVG_SIZE[0],
                        height=SVG_SIZE[1], title=title, lang=lang, arranged=on_screen)
        return svg_text(picture).encode("utf-8")
    return make


def view_tools(g: es.GraphData) -> None:
    """Save / load / share / export buttons under the graph."""
    notice = st.session_state.get(es.NOTICE)
    if isinstance(notice, tuple):
        st.success(notice[1], icon=":material/co_present:")
    elif notice:
        st.warning(notice, icon=":material/error:")
    view = es.current_view()
    scene = es.scene()
    title = str(g.rows.get(scene.seed, {}).get("name") or scene.seed)
    cols = st.columns(5, vertical_alignment="center")
    cols[0].download_button(tr("explore.view.save"), json.dumps(view, ensure_ascii=False, indent=1).encode("utf-8"),
                            file_name="explore-view.json", mime="application/json", key="explore_view_save",
                            icon=":material/save:", on_click="ignore")
    cols[1].button(tr("explore.view.address"), key="explore_view_address", on_click=_to_address,
                   icon=":material/link:", help=tr("explore.view.address.help"))
    cols[2].download_button(tr("explore.view.svg"), svg_maker(scene.real_nodes(), scene.seed, title),
                            file_name="explore.svg", mime="image/svg+xml", key="explore_view_svg",
                            icon=":material/image:", on_click="ignore", help=tr("explore.view.png_hint"))
    cols[3].button(tr("explore.view.tour"), key="explore_view_tour", on_click=_add_to_tour,
                   icon=":material/co_present:")
    with cols[4].popover(tr("explore.view.load"), icon=":material/upload_file:"):
        st.file_uploader(tr("explore.view.load"), type=["json"], key=UPLOAD, on_change=_load_uploaded,
                         label_visibility="collapsed")
