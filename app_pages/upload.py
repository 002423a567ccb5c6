"""Add a document: an uploaded txt/html/docx/pdf joins the graph for this session only."""

from __future__ import annotations

import hashlib

import streamlit as st

from app_pages import data
from app_pages.widgets import escape_markdown as md
from loaders.errors import shown_name

tr = data.tr
SEEN = "upload_seen"  # session_state: {content digest + name: "ok" or "failed"} of files already handled
FLASH = "upload_flash"  # names added by the run before the last rerun

st.title(tr("nav.upload"))
st.caption(tr("upload.intro"))
files = st.file_uploader(tr("upload.file"), type=["txt", "html", "htm", "docx", "pdf"],
                         accept_multiple_files=True, key="upload_files")
for name in st.session_state.pop(FLASH, []):
    st.success(tr("upload.added", name=md(name)), icon=":material/check_circle:")
seen: dict[str, str] = st.session_state.setdefault(SEEN, {})
added = False
for file in files or []:
    content = file.getvalue()
    digest = hashlib.sha1(content).hexdigest() + ":" + file.name
    if digest in seen and seen[digest] == "ok":
        continue
    try:
        graph = data.load_upload(content, file.name)
    except Exception as err:  # noqa: BLE001 - LoaderError says why; anything else must not crash the page
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if shown_name(file.name) not in reason:  # quoted when the name could split or fake the line
            reason = f"{shown_name(file.name)}: {reason}"
        st.error(tr("upload.failed", reason=md(reason)), icon=":material/error:")
        seen[digest] = "failed"
        continue
    data.uploads()[file.name] = graph
    seen[digest] = "ok"
    st.session_state.setdefault(FLASH, []).append(file.name)
    added = True
if added:
    st.rerun()  # the sidebar and store were drawn before this upload: start over with it

st.subheader(tr("upload.session_docs"))
current = data.uploads()
if not current:
    st.caption(tr("upload.none"))
for name, graph in list(current.items()):
    left, right = st.columns([5, 1])
    titles = "、".join(str(n.name) for n in graph.nodes if n.label.value == "Policy") or name
    left.markdown(f"**{md(name)}** — {md(titles)} · "
                  + tr("app.store.counts", documents=len(graph.documents), nodes=len(graph.nodes),
                       edges=len(graph.edges)))
    for warning in (w for doc in graph.documents for w in doc.warnings):  # read, but not quite as given
        left.warning(f"{md(shown_name(name))}: {md(warning)}", icon=":material/warning:")
    if right.button(tr("upload.remove"), key=f"remove_{name}", icon=":material/delete:"):
        del current[name]
        st.session_state[SEEN] = {k: v for k, v in seen.items() if not k.endswith(":" + name)}
        st.rerun()
