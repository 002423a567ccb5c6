"""Add documents: uploaded txt/md/html/docx/pdf files join the graph for this session only.

Many files at once; each gets a line in the report (loaded, with warnings, or the reason it
failed). A file that fails never stops the others and never removes what is already loaded.
The report of the documents loaded at start is shown below.
"""

from __future__ import annotations

import hashlib

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from policykg.ingest import shown_name
from render.messages import message

tr = data.tr
lang = data.lang()
SEEN = "upload_seen"  # session_state: {content digest + name: "ok" or "failed"} of files already handled
FLASH = "upload_flash"  # names added by the run before the last rerun
REPORTS = "upload_reports"  # session_state: {file name: data.FileReport} of every file handled
TYPES = ["txt", "md", "html", "htm", "docx", "pdf"]


def load_one(name: str, content: bytes) -> data.FileReport:
    """Load one upload into the session; its report either way."""
    try:
        graph = data.load_upload(content, name)
    except Exception as err:  # noqa: BLE001 - LoaderError says why; anything else must not crash the page
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        if shown_name(name) not in reason:  # quoted when the name could split or fake the line
            reason = f"{shown_name(name)}: {reason}"
        return data.FileReport(name, "error", 0, (reason,))
    data.uploads()[name] = graph
    return data.report_of(name, graph)


def report_table(reports: list[data.FileReport], key: str) -> None:
    """One row per file: name, outcome, documents read, warnings or reason."""
    widgets.dataframe([{tr("upload.col.file"): r.name, tr("upload.col.status"): tr(f"upload.status.{r.status}"),
                   tr("upload.col.documents"): r.documents,
                   tr("upload.col.detail"): " · ".join(message(d, lang) for d in r.detail)}
                  for r in reports], key=key)


st.title(tr("nav.upload"))
st.caption(tr("upload.intro"))
files = st.file_uploader(tr("upload.file"), type=TYPES, accept_multiple_files=True, key="upload_files")
for name in st.session_state.pop(FLASH, []):
    st.success(tr("upload.added", name=md(name)), icon=":material/check_circle:")
seen: dict[str, str] = st.session_state.setdefault(SEEN, {})
reports: dict[str, data.FileReport] = st.session_state.setdefault(REPORTS, {})
new = [(f, hashlib.sha1(f.getvalue()).hexdigest() + ":" + f.name) for f in files or []]
new = [(f, digest) for f, digest in new if seen.get(digest) != "ok"]
bar = st.progress(0.0) if len(new) > 1 else None
added = False
for done, (file, digest) in enumerate(new):
    if bar is not None:
        bar.progress(done / len(new), text=tr("app.loading.file", done=done + 1, total=len(new), name=md(file.name)))
    report = load_one(file.name, file.getvalue())
    reports[file.name] = report
    seen[digest] = "failed" if report.status == "error" else "ok"
    if report.status == "error":
        st.error(tr("upload.failed", reason=md(message(report.detail[0], lang))), icon=":material/error:")
        continue
    st.session_state.setdefault(FLASH, []).append(file.name)
    added = True
if bar is not None:
    bar.empty()
if added:
    st.rerun()  # the sidebar and store were drawn before this upload: start over with it

if reports:
    st.subheader(tr("upload.report"))
    report_table(list(reports.values()), "upload_report")

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
        left.warning(f"{md(shown_name(name))}: {md(message(warning, lang))}", icon=":material/warning:")
    if right.button(tr("upload.remove"), key=f"remove_{name}", icon=":material/delete:"):
        del current[name]
        reports.pop(name, None)
        st.session_state[SEEN] = {k: v for k, v in seen.items() if not k.endswith(":" + name)}
        st.rerun()

st.subheader(tr("upload.start_up"))
start_up = data.start_up_reports()
failed = sum(r.status == "error" for r in start_up)
st.caption(tr("upload.start_up.summary", files=len(start_up), failed=failed))
report_table(start_up, "upload_start_up_report")
