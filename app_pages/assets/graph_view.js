// The Explore graph: vis-network inside a Streamlit custom component (v2, no iframe).
// Python sends the whole scene on every run; this module keeps one vis Network per mounted
// element and applies the difference to its DataSets, so a scene grows in place (positions,
// zoom and selection survive) instead of being drawn again.
// A click is answered here first: the details panel is drawn from the payload's `details`, and a
// double-click adds the prefetched next ring (`prefetch`); then Python is told, as trigger values
// select ({node, seq}), expand ({node, type, seq}), hide, pin, recentre, and its next run (which
// says in `seen` the last seq it applied) brings the page in step. Positions and the legend's
// filter go back as state values. The local answers are in graph_view_local.js, sent as one script
// with this one (graph_view.py joins them).
const views = new WeakMap();
const DOUBLE_CLICK_MS = 500;

// vis-network comes from the explorer's static folder (`src`, cached by the browser) or, when static
// serving is off, through its own inline component (graph_view.load_vis), which may run a moment later.
function visReady(src) {
  if (globalThis.vis) return Promise.resolve();
  if (src && !document.querySelector("script[data-kg-vis]")) {
    const script = document.createElement("script");
    script.src = new URL(src, document.baseURI).href;
    script.dataset.kgVis = "1";
    document.head.append(script);
  }
  return new Promise((resolve) => {
    const wait = () => (globalThis.vis ? resolve() : setTimeout(wait, 10));
    wait();
  });
}

export default async function (component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component;
  await visReady((data || {}).vis_src);
  let view = views.get(parentElement);
  if (!view) {
    view = createView(parentElement);
    views.set(parentElement, view);
  }
  view.send = { state: setStateValue, trigger: setTriggerValue };
  view.update(data || {});
  return () => { view.destroy(); views.delete(parentElement); };
}

function createView(root) {
  const wrap = root.querySelector(".kg-wrap");
  const canvasBox = root.querySelector(".kg-canvas");
  const menu = root.querySelector(".kg-menu");
  const status = root.querySelector(".kg-status");
  const nodes = new vis.DataSet();
  const edges = new vis.DataSet();
  const network = new vis.Network(canvasBox, { nodes, edges }, baseOptions());
  const view = { wrap, nodes, edges, network, token: null, hiddenTypes: new Set(), pinned: new Set(),
                 strings: {}, name: "graph", send: null, updates: 0, builds: 0, settling: false,
                 detailsBox: root.querySelector(".kg-details"), details: {}, prefetch: null, stale: true,
                 seq: 0, seen: 0 };
  wrap.dataset.born = String(Date.now());

  view.update = (data) => update(view, data);
  view.destroy = () => { network.destroy(); };
  view.trigger = (name, value) => { if (view.send) view.send.trigger(name, value); };
  // A click the browser has answered: numbered at once, so a run of the page from before it is not
  // drawn; sent after the answer is painted. A select still waiting when the same node's expand
  // comes (the clicks of a double-click) is dropped: the expand selects it too, one run instead of two.
  view.outbox = [];
  view.tell = (name, value) => {
    view.seq += 1;
    wrap.dataset.seq = String(view.seq);
    if (name === "expand") {
      for (const m of view.outbox) if (m.name === "select" && m.value.node === value.node) m.dropped = true;
    }
    const message = { name, value: Object.assign({ seq: view.seq }, value), dropped: false };
    view.outbox.push(message);
    afterPaint(() => {
      view.outbox = view.outbox.filter((m) => m !== message);
      if (!message.dropped) view.trigger(message.name, message.value);
    });
  };
  // A state value goes with the page's widget values as the browser has them: while a run for a
  // click is still to come, they are behind (the search box names the node before), and would undo
  // that run's choice. So it waits for that run.
  view.pendingState = {};
  view.sendState = (name, value) => {
    if (!view.send) return;
    if (view.seq > view.seen) view.pendingState[name] = value;
    else view.send.state(name, value);
  };
  view.reportPositions = () => {
    const pos = network.getPositions();
    const out = {};
    for (const id of Object.keys(pos)) out[id] = [Math.round(pos[id].x), Math.round(pos[id].y)];
    view.sendState("positions", out);
  };

  network.on("click", (params) => {
    hideMenu(menu);
    const id = params.nodes && params.nodes[0];
    if (!id) return;
    const node = nodes.get(id);
    if (node && node.more) {  // the clicks of a double-click on it show one more batch, not two
      const again = view.lastMore && view.lastMore.id === id && Date.now() - view.lastMore.at < DOUBLE_CLICK_MS;
      view.lastMore = { id, at: Date.now() };
      if (!again) expandNode(view, id, null);
      return;
    }
    selectNode(view, id);
    view.tell("select", { node: id });
  });
  network.on("doubleClick", (params) => {
    const id = params.nodes && params.nodes[0];
    const node = id && nodes.get(id);
    if (node && !node.more) expandNode(view, id, null);  // a "+N more" node: its first click did
  });
  network.on("oncontext", (params) => {
    params.event.preventDefault();
    const id = network.getNodeAt(params.pointer.DOM);
    if (!id) { hideMenu(menu); return; }
    network.selectNodes([id]);
    showMenu(view, menu, id, params.pointer.DOM);
  });
  network.on("dragEnd", (params) => { if (params.nodes && params.nodes.length) view.reportPositions(); });
  root.querySelector(".kg-fit").addEventListener("click", () => network.fit({ animation: false }));
  root.querySelector(".kg-png").addEventListener("click", () => savePng(view));
  root.addEventListener("keydown", (e) => { if (e.key === "Escape") hideMenu(menu); });
  window.kgGraphs = window.kgGraphs || {};
  return view;
}

// The node selected in the graph and named in the details panel, at once.
function selectNode(view, id) {
  const current = view.network.getSelectedNodes();
  if (current.length !== 1 || current[0] !== id) view.network.selectNodes([id]);
  view.wrap.dataset.selected = id;
  renderDetails(view, id);
  view.wrap.dataset.detail = id;
}

// A double-click (or a click on "+N more", or the menu's "expand all"): the prefetched ring joins
// at once when there is one for this scene; Python applies the same expansion in its next run.
function expandNode(view, id, type) {
  const step = !type && !view.stale && view.prefetch && view.prefetch.steps[id];
  const node = view.nodes.get(id);
  if (step) {
    applyStep(view, step);
    view.stale = true;  // the next ring of the other nodes was worked out for the scene before this one
    if (node && !node.more) selectNode(view, id);
  } else {
    root_status(view, view.strings.expanding || "…");
  }
  view.tell("expand", { node: id, type: type || null });
}

// `fn` once the browser has painted what is on the page now.
function afterPaint(fn) {
  requestAnimationFrame(() => setTimeout(fn, 0));
}

function baseOptions() {
  return {
    nodes: { borderWidth: 1, shapeProperties: { interpolation: false } },
    edges: { smooth: { enabled: true, type: "continuous" }, selectionWidth: 2 },
    interaction: { hover: true, tooltipDelay: 150, multiselect: false, keyboard: false, dragView: true },
    physics: { enabled: false, solver: "barnesHut",
               barnesHut: { gravitationalConstant: -3000, springLength: 120, springConstant: 0.03,
                            avoidOverlap: 0.6, centralGravity: 0.05 },
               stabilization: { enabled: false } },
    layout: { improvedLayout: false, randomSeed: 7 },
  };
}

function update(view, data) {
  const fresh = data.token !== view.token;
  // A run that began before the browser's latest click would undo its answer: the run after it follows.
  if (!fresh && typeof data.seen === "number" && data.seen < view.seq) return;
  view.seq = Math.max(view.seq, data.seen || 0);
  view.seen = data.seen || 0;
  view.updates += 1;
  view.strings = data.strings || view.strings;
  view.wrap.querySelector(".kg-fit").title = view.strings.fit || "";
  view.wrap.querySelector(".kg-png").title = view.strings.png || "";
  view.name = data.name || view.name;
  window.kgGraphs[view.name] = view;
  const wrap = view.wrap;
  wrap.style.height = (data.height || 640) + "px";
  if (fresh) {
    view.token = data.token;
    view.hiddenTypes = new Set(data.hidden_types || []);
    view.builds += 1;
  }
  drawLegend(view, data.legend || { nodes: [], edges: [] });
  const incoming = (data.nodes || []).map((n) => withHidden(view, n));
  const added = fresh ? rebuild(view, incoming, data.edges || []) : patch(view, incoming, data.edges || []);
  view.details = data.details || {};
  view.prefetch = data.prefetch || null;
  view.stale = false;
  const selected = data.selected;
  if (selected && view.nodes.get(selected)) selectNode(view, selected);
  else renderDetails(view, null);
  wrap.dataset.seen = String(data.seen || 0);
  const pending = view.pendingState;
  view.pendingState = {};
  // after this run's other elements (the search box) have taken their new values
  setTimeout(() => { for (const name of Object.keys(pending)) view.sendState(name, pending[name]); }, 0);
  wrap.dataset.nodes = String(view.nodes.length);
  wrap.dataset.updates = String(view.updates);
  wrap.dataset.builds = String(view.builds);
  wrap.dataset.token = String(data.token);
  root_status(view, "");
  if (fresh) settle(view, null, data.settled);
  else if (added.length) settle(view, added, false);
}

function root_status(view, text) {
  const status = view.wrap.querySelector(".kg-status");
  if (status) status.textContent = text;
}

function withHidden(view, n) {
  return Object.assign({}, n, { hidden: Boolean(n.type) && view.hiddenTypes.has(n.type) });
}

function rebuild(view, incoming, edges) {
  view.nodes.clear();
  view.edges.clear();
  view.nodes.add(incoming.map((n) => Object.assign({}, n, { fixed: n.ring <= 1 || n.pinned })));
  view.edges.add(edges);
  view.pinned = new Set(incoming.filter((n) => n.pinned).map((n) => n.id));
  fitFocus(view);
  return incoming.map((n) => n.id);
}

function patch(view, incoming, edges) {
  const wanted = new Set(incoming.map((n) => n.id));
  const gone = view.nodes.getIds().filter((id) => !wanted.has(id));
  if (gone.length) view.nodes.remove(gone);
  const added = [];
  const changed = [];
  for (const n of incoming) {
    const old = view.nodes.get(n.id);
    if (!old) {
      added.push(n);
      continue;
    }
    const keep = Object.assign({}, n);
    delete keep.x; delete keep.y;  // where the node is now wins over the first layout
    delete keep.fixed;  // holding still is the layout's business (settle, release) and the pin's
    changed.push(keep);
  }
  placeNear(view, added);
  if (changed.length) view.nodes.update(changed);
  if (added.length) view.nodes.add(added);
  const pinned = new Set(incoming.filter((n) => n.pinned).map((n) => n.id));
  const flipped = incoming.filter((n) => pinned.has(n.id) !== view.pinned.has(n.id) && view.nodes.get(n.id));
  view.pinned = pinned;
  if (!view.settling && flipped.length) {
    view.nodes.update(flipped.map((n) => ({ id: n.id, fixed: pinned.has(n.id) ? { x: true, y: true } : false })));
  }
  const wantedEdges = new Set(edges.map((e) => e.id));
  const staleEdges = view.edges.getIds().filter((id) => !wantedEdges.has(id));
  if (staleEdges.length) view.edges.remove(staleEdges);
  view.edges.update(edges);
  return added.map((n) => n.id);
}

// New nodes start on an arc beside the node they came from, facing away from the middle.
function placeNear(view, added) {
  const byParent = {};
  for (const n of added) {
    if (n.placed || !n.parent || !view.nodes.get(n.parent)) continue;
    (byParent[n.parent] = byParent[n.parent] || []).push(n);
  }
  const positions = view.network.getPositions(Object.keys(byParent));
  for (const parent of Object.keys(byParent)) {
    const p = positions[parent];
    if (!p) continue;
    const kids = byParent[parent];
    const away = Math.atan2(p.y, p.x || 0.001);
    const spread = Math.min(Math.PI * 1.2, 0.35 * kids.length);
    kids.forEach((n, i) => {
      const angle = away + (kids.length > 1 ? (i / (kids.length - 1) - 0.5) * spread : 0);
      const r = 170 + 40 * (i % 2);
      n.x = p.x + r * Math.cos(angle);
      n.y = p.y + r * Math.sin(angle);
    });
  }
}

// A short physics run for the new nodes while the others hold still, then everything is free again.
function settle(view, addedIds, alreadyPlaced) {
  const network = view.network;
  if (alreadyPlaced) { release(view); view.reportPositions(); return; }
  const moving = addedIds ? new Set(addedIds) : null;
  if (moving) {
    const hold = view.nodes.getIds().filter((id) => !moving.has(id)).map((id) => ({ id, fixed: true }));
    view.nodes.update(hold);
  }
  view.settling = true;
  view.wrap.dataset.settled = "0";
  network.setOptions({ physics: { enabled: true, stabilization: { enabled: false } } });
  network.stabilize(moving ? 60 : 140);
  network.once("stabilizationIterationsDone", () => {
    release(view);
    if (!moving) fitFocus(view);
    view.reportPositions();
  });
}

// A new scene opens on its focused ring (the nodes drawn with the larger labels), readable at
// once; farther rings may run past the edge, a scroll away.
function fitFocus(view) {
  const sizes = view.nodes.get().map((n) => (n.font && n.font.size) || 0);
  const top = Math.max(0, ...sizes);
  const ring = view.nodes.get({ filter: (n) => !n.hidden && n.font && n.font.size === top }).map((n) => n.id);
  view.network.fit({ nodes: ring.length > 1 ? ring : undefined, animation: false });
  const scale = view.network.getScale();
  if (scale > 1.2) view.network.moveTo({ scale: 1.2 });
  else view.network.moveTo({ scale: scale * 0.9 });  // a margin, so labels at the edge stay inside
}

function release(view) {
  view.network.setOptions({ physics: { enabled: false } });
  const free = view.nodes.getIds().map((id) => ({ id, fixed: view.pinned.has(id) ? { x: true, y: true } : false }));
  view.nodes.update(free);
  view.settling = false;
  view.wrap.dataset.settled = "1";
}

function drawLegend(view, legend) {
  const box = view.wrap.querySelector(".kg-legend");
  box.textContent = "";
  for (const item of legend.nodes) {
    const chip = document.createElement("button");
    chip.type = "button";
    chip.className = "kg-chip" + (view.hiddenTypes.has(item.type) ? " kg-off" : "");
    chip.dataset.type = item.type;
    chip.title = view.strings.legend_tip || "";
    const glyph = document.createElement("span");
    glyph.className = "kg-glyph";
    glyph.style.color = item.colour;
    glyph.textContent = item.glyph;
    chip.append(glyph, document.createTextNode(item.name));
    chip.addEventListener("click", () => toggleType(view, item.type, chip));
    box.append(chip);
  }
  for (const item of legend.edges) {
    const span = document.createElement("span");
    span.className = "kg-edge-key";
    const line = document.createElement("span");
    line.className = "kg-line";
    line.style.background = item.colour;
    span.append(line, document.createTextNode(item.name));
    box.append(span);
  }
}

function toggleType(view, type, chip) {
  if (view.hiddenTypes.has(type)) view.hiddenTypes.delete(type); else view.hiddenTypes.add(type);
  chip.classList.toggle("kg-off", view.hiddenTypes.has(type));
  const hidden = view.hiddenTypes.has(type);
  view.nodes.update(view.nodes.get({ filter: (n) => n.type === type }).map((n) => ({ id: n.id, hidden })));
  view.sendState("hidden_types", Array.from(view.hiddenTypes).sort());
}

function hideMenu(menu) { menu.hidden = true; menu.textContent = ""; }

function showMenu(view, menu, id, at) {
  const node = view.nodes.get(id);
  const s = view.strings;
  menu.textContent = "";
  const add = (text, action) => {
    const item = document.createElement("button");
    item.type = "button";
    item.className = "kg-menu-item";
    item.textContent = text;
    item.addEventListener("click", () => { hideMenu(menu); action(); });
    menu.append(item);
  };
  if (node.more) {
    add(s.show_more || "+", () => expandNode(view, id, null));
  } else {
    const rels = node.rels || [];
    if (rels.length) add(s.expand_all || "+", () => expandNode(view, id, null));
    for (const [type, label, count] of rels) {
      add(`${s.expand_by || ""}${label} (${count})`, () => expandNode(view, id, type));
    }
    add(view.pinned.has(id) ? (s.unpin || "unpin") : (s.pin || "pin"), () => view.trigger("pin", id));
    add(s.hide || "hide", () => view.trigger("hide", id));
    add(s.recentre || "centre", () => view.trigger("recentre", id));
  }
  menu.style.left = Math.round(at.x) + "px";
  menu.style.top = Math.round(at.y) + "px";
  menu.hidden = false;
}

function savePng(view) {
  const source = view.wrap.querySelector(".kg-canvas canvas");
  const out = document.createElement("canvas");
  out.width = source.width;
  out.height = source.height;
  const ctx = out.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.drawImage(source, 0, 0);
  const link = document.createElement("a");
  link.download = (view.strings.png_name || "graph") + ".png";
  link.href = out.toDataURL("image/png");
  view.wrap.dataset.png = String(link.href.length);
  link.click();
}
