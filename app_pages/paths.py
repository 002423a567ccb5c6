"""Path finder: the shortest paths between two entities, each step explained with its evidence."""

from __future__ import annotations

from collections import defaultdict

import streamlit as st

from app_pages import data, widgets
from app_pages.widgets import escape_markdown as md
from render.i18n import edge_name, node_label, role_name, strings

tr = data.tr
lang = data.lang()


def sentence(step: dict, by_id: dict) -> str:
    """The step read along its stored edge, e.g. "「举措」要求「金融机构」参与（鼓励）。"."""
    walk_from, walk_to = step["source"], step["target"]
    source, target = (walk_from, walk_to) if step.get("forward", True) else (walk_to, walk_from)
    names = {n: node_label(by_id.get(n, {"name": n}), lang) for n in (source, target)}
    edge_type = str(step.get("type"))
    role = ""
    if edge_type == "INVOLVES":
        roles = step.get("role") or step.get("roles")
        if roles:
            roles = roles if isinstance(roles, list) else [roles]
            role = tr("rel.role", role="、".join(role_name(r, lang) for r in roles))
    key = f"rel.{edge_type}"
    if key not in strings():
        return tr("rel.fallback", source=names[source], target=names[target], type=edge_name(edge_type, lang))
    return tr(key, source=names[source], target=names[target], role=role)


st.title(tr("nav.paths"))
left, right = st.columns(2, gap="large")
with left:
    source = widgets.entity_picker("paths_source", tr("paths.source"), default_name="金融机构")
with right:
    target = widgets.entity_picker("paths_target", tr("paths.target"), default_name="数据安全法")
limit = st.slider(tr("paths.limit"), 1, 10, 5, key="paths_limit")
if not source or not target:
    st.stop()
if source == target:
    st.info(tr("paths.same"))
    st.stop()

steps = data.query("shortest_paths", source=source, target=target, limit=limit)
if not steps:
    st.warning(tr("paths.none"))
    st.stop()
by_id = data.nodes_by_id()
paths: dict[int, list[dict]] = defaultdict(list)
for step in steps:
    paths[step["path"]].append(step)
# Roles live on the INVOLVES edges: fetch them once for every pair on the paths.
pair_edges = {(e["source"], e["type"], e["target"]): e
              for e in data.query("edges_among", ids=sorted({s["source"] for s in steps} | {s["target"] for s in steps}))}
for step in steps:
    a, b = (step["source"], step["target"]) if step.get("forward", True) else (step["target"], step["source"])
    stored = pair_edges.get((a, step["type"], b), {})
    step.setdefault("role", stored.get("role"))

first = sorted(paths)[0]
st.success(tr("paths.found", count=len(paths), steps=len(paths[first])))
text_col, graph_col = st.columns([3, 2], gap="large")
with text_col:
    for number in sorted(paths):
        walk = sorted(paths[number], key=lambda s: s["step"])
        chain = " → ".join([node_label(by_id.get(walk[0]["source"], {"name": walk[0]["source_name"]}), lang)]
                           + [node_label(by_id.get(s["target"], {"name": s["target_name"]}), lang) for s in walk])
        with st.expander(f"{tr('paths.path', number=number + 1)}: {md(chain)}", expanded=number == first):
            for step in walk:
                st.markdown(f"**{tr('paths.step', number=step['step'] + 1)}** · {md(sentence(step, by_id))}")
                widgets.evidence_quote(step.get("evidence"))
with graph_col:
    ids = sorted({s["source"] for s in steps} | {s["target"] for s in steps})
    nodes = [by_id.get(i, {"id": i, "name": i}) for i in ids]
    on_path = {(s["source"], s["target"]) for s in steps} | {(s["target"], s["source"]) for s in steps}
    edges = [e for e in pair_edges.values() if (e["source"], e["target"]) in on_path]
    widgets.graph_frame(nodes, edges, height=460, physics=True, focus=source, edge_labels=True)
