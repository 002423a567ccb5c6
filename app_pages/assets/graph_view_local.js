// What a click is answered with in the browser, before Python hears of it: the details panel of a
// node (from the payload's `details`) and a double-click's next ring (from `prefetch`, the same
// nodes Python's expansion adds). Every name and sentence is set as textContent: data, not markup.

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

// A node the payload has no details for (added a moment ago): its tooltip's first line.
function fallbackDetails(view, id) {
  const node = view.nodes.get(id);
  const name = node && node.title ? String(node.title).split("\n")[0] : id;
  return { name, caption: name, type: "", en: "", score: "", attrs: [], evidence: [], total: 0, pending: true };
}

// The panel beside the graph: name, type, centrality, properties, evidence, neighbours in the scene.
function renderDetails(view, id) {
  const box = view.detailsBox;
  const s = view.strings;
  const list = box.querySelector(".kg-d-evidence");
  const same = box.dataset.node === id;  // the page's run redrawing the same node: keep what is open
  const scroll = list && same ? list.scrollTop : 0;
  const open = new Set(same ? Array.from(box.querySelectorAll("details[open]"), (d) => d.className) : []);
  box.textContent = "";
  box.append(el("div", "kg-d-title", s.details || ""));
  box.dataset.node = id || "";
  if (!id || !view.nodes.get(id)) return;
  const d = (view.details || {})[id] || fallbackDetails(view, id);
  box.append(el("h3", "kg-d-name", d.name));
  box.append(el("div", "kg-d-caption", d.type + (d.en ? " · " + d.en : "")));
  if (d.score !== "") {
    box.append(el("div", "kg-d-metric-label", s.centrality || ""), el("div", "kg-d-metric", d.score));
  }
  if (d.attrs.length) {
    const more = el("details", "kg-d-attrs");
    more.open = open.has(more.className);
    more.append(el("summary", "", s.attributes || ""));
    for (const [label, value] of d.attrs) {
      const line = el("div");
      line.append(el("b", "", label), document.createTextNode("：" + value));
      more.append(line);
    }
    box.append(more);
  }
  if (!d.pending) box.append(evidenceList(d, s, scroll));
  const around = neighbours(view, id);
  if (around.length) {
    const more = el("details", "kg-d-neighbours");
    more.open = open.has(more.className);
    more.append(el("summary", "", `${s.neighbours || ""} (${around.length})`));
    const ul = el("ul");
    for (const n of around) ul.append(el("li", "", ((view.details || {})[n] || fallbackDetails(view, n)).caption));
    more.append(ul);
    box.append(more);
  }
}

function evidenceList(d, s, scroll) {
  const part = el("div");
  part.append(el("b", "kg-d-evidence-title", `${s.evidence || ""} (${d.total})`));
  const list = el("div", "kg-d-evidence");
  for (const [rel, other, sentence] of d.evidence) {
    const head = el("div");
    head.append(el("span", "kg-d-rel", rel), document.createTextNode(" · " + other));
    list.append(head, el("blockquote", "", sentence));
  }
  if (d.evidence.length < d.total) {
    list.append(el("div", "kg-d-note", (s.evidence_more || "+{count}").replace("{count}", d.total - d.evidence.length)));
  }
  if (d.total) part.append(list);
  requestAnimationFrame(() => { list.scrollTop = scroll; });
  return part;
}

// The nodes of the scene joined to `id` (not "+N more" nodes), by id as Python lists them.
function neighbours(view, id) {
  const out = new Set();
  for (const e of view.edges.get({ filter: (e) => e.from === id || e.to === id })) {
    const other = e.from === id ? e.to : e.from;
    const node = view.nodes.get(other);
    if (other !== id && node && !node.more) out.add(other);
  }
  return Array.from(out).sort();
}

// An edge of the prefetch as Python's record (render/explore_prefetch.py, `edge_record`).
function edgeRecord(pre, index) {
  const [from, to, type, title] = pre.edges[index];
  const record = Object.assign({ id: `${pre.ids[from]}|${type || "MORE"}|${pre.ids[to]}`, from: pre.ids[from],
                                 to: pre.ids[to], type }, pre.looks[type]);
  if (title) record.title = title;
  return record;
}

// One prefetched double-click: "+N more" nodes emptied go, relabelled ones change, new nodes join
// beside their parent with their edges; then a short layout run for the new ones.
function applyStep(view, step) {
  const pre = view.prefetch;
  const drop = step.drop.map((i) => pre.ids[i]);
  if (drop.length) {
    view.edges.remove(view.edges.getIds({ filter: (e) => drop.includes(e.from) || drop.includes(e.to) }));
    view.nodes.remove(drop);
  }
  const moreOf = (i) => Object.assign({ id: pre.ids[i] }, step.more[i]);
  const relabel = Object.keys(step.more).filter((i) => view.nodes.get(pre.ids[i]))
    .map((i) => { const r = moreOf(i); delete r.x; delete r.y; return r; });
  if (relabel.length) view.nodes.update(relabel);
  const added = [];
  for (const [i, ring, parent] of step.add) {
    const id = pre.ids[i];
    if (view.nodes.get(id)) continue;
    const record = step.more[i] ? moreOf(i) : pre.nodes[i] && Object.assign({ id, font: pre.font }, pre.nodes[i]);
    if (!record) continue;
    if (pre.details && pre.details[i]) view.details[id] = pre.details[i];
    added.push(Object.assign(record, { ring, parent: pre.ids[parent], placed: false,
      hidden: Boolean(record.type) && view.hiddenTypes.has(record.type) }));
  }
  placeNear(view, added);
  view.nodes.add(added);
  view.edges.update(step.edges.map((i) => edgeRecord(pre, i)));
  view.wrap.dataset.nodes = String(view.nodes.length);
  if (added.length) afterPaint(() => settle(view, added.map((n) => n.id), false));  // drawn first, then spread
  return added.length;
}
