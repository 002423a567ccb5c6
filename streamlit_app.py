"""The explorer: page config, sidebar (language, store status) and navigation.

Run with ``make run`` (``streamlit run streamlit_app.py``). Each page lives in
``app_pages/``; shared cached data access in ``app_pages/data.py``.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import streamlit as st

from app_pages import data
from render.highlight import escape_markdown
from render.i18n import LANGS
from render.messages import message

HERE = Path(__file__).resolve().parent
log = logging.getLogger("policy_kg.app")
SERVER_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[/\\][\w.\- ]+)+[/\\]")
LANG_NAMES = {"zh": "中文", "en": "English"}
MAX_PROBLEMS_SHOWN = 5  # start-up files that failed, named in the sidebar; the rest are counted

st.set_page_config(page_title="政策知识图谱 · Policy knowledge graph", page_icon="🕸️", layout="wide")
# Less empty space above each page, so the graph starts above the fold.
st.html("<style>[data-testid='stMainBlockContainer']{padding-top:2.2rem}</style>")
data.begin_run()

# The language comes from ?lang= on a session's first run, then from the sidebar switch,
# which writes it back to the URL so a copied link keeps it.
if data.LANG_KEY not in st.session_state:
    st.session_state[data.LANG_KEY] = data.normalise_lang(st.query_params.get("lang"))
with st.sidebar:
    # Bilingual label: it is drawn before the choice it makes is known.
    chosen = st.segmented_control("界面语言 · Language", LANGS, key=data.LANG_KEY, required=True,
                                  format_func=LANG_NAMES.get)
if st.query_params.get("lang") != chosen:
    st.query_params["lang"] = chosen


def _page(name: str, section_icon: str, default: bool = False) -> st.Page:
    return st.Page(f"app_pages/{name}.py", title=data.tr(f"nav.{name}"), icon=section_icon,
                   url_path=name, default=default)


pages = {
    data.tr("nav.section.browse"): [
        overview := _page("overview", ":material/dashboard:", default=True),
        _page("explore", ":material/hub:"),
        _page("measure", ":material/article:"),
        documents_page := _page("documents", ":material/lan:"),
    ],
    data.tr("nav.section.analyse"): [
        _page("dependencies", ":material/account_tree:"),
        _page("paths", ":material/route:"),
        _page("matrices", ":material/grid_on:"),
        _page("compare", ":material/compare:"),
        _page("query", ":material/terminal:"),
    ],
    data.tr("nav.section.data"): [
        _page("upload", ":material/upload_file:"),
        _page("excluded", ":material/content_cut:"),
    ],
}
pages[data.tr("nav.section.workshop")] = [_page("presenter", ":material/co_present:")]

current = st.navigation(pages)
# Presenting wants the whole screen: the sidebar folds away on the Presenter page (its controls are one
# click away) and opens again on the others.
presenting = current.url_path == "presenter"
st.set_page_config(initial_sidebar_state="collapsed" if presenting else "auto")
# A corpus opens on its document network, a single document on its overview; once per session, so the
# overview stays one click away (and /documents stays a valid address).
if not st.session_state.get("_landed"):
    st.session_state["_landed"] = True
    if current.url_path == overview.url_path and len(data.seed_paths()) > 1:
        st.switch_page(documents_page)

try:
    if not data.is_warm():  # the first visitor of a fresh server sees the documents being read
        bar = st.progress(0.0, text=data.tr("app.loading"))
        data.warm_up(lambda share, text: bar.progress(share, text=text))
        bar.empty()
    active = data.active_store()
except Exception as err:  # noqa: BLE001 - a broken document must not take the whole app down
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    st.error(f"{data.tr('app.load_error')}: {escape_markdown(reason)}")
    st.stop()

with st.sidebar:
    st.divider()
    kind_label = data.tr(f"app.store.{active.kind}")
    st.markdown(f"**{data.tr('app.store')}:** {kind_label}")
    documents, nodes, edges = data.counts()
    st.caption(data.tr("app.store.counts", documents=documents, nodes=nodes, edges=edges))
    if active.notice and not active.fallback:
        st.info(active.notice, icon=":material/info:")
if active.fallback:  # on every page, not only in a sidebar that may be folded away
    st.warning(active.notice, icon=":material/cloud_off:")
try:
    problems = data.load_problems()
except Exception:  # noqa: BLE001 - a report about documents must not itself stop the app
    problems = ()
with st.sidebar:  # a notice on every page; the whole per-file report is on the Add documents page
    for problem in problems[:MAX_PROBLEMS_SHOWN]:
        st.warning(f"{data.tr('app.load_skipped')}: {escape_markdown(message(problem, data.lang()))}", icon=":material/error:")
    if len(problems) > MAX_PROBLEMS_SHOWN:
        st.caption(data.tr("app.load_skipped.more", count=len(problems) - MAX_PROBLEMS_SHOWN))

try:
    current.run()
except Exception as err:  # noqa: BLE001 - the last net: one line for the user, the traceback in the log
    log.exception("page %s failed", current.url_path)
    reason = str(err).splitlines()[0] if str(err) else type(err).__name__
    reason = SERVER_PATH.sub("", reason)[:300]  # file names stay, the server's folders do not
    st.error(f"{data.tr('app.page_error')}: {escape_markdown(reason)}", icon=":material/error:")
