// The presenter's slides: the whole tour arrives once (render/standalone.py `slides_data`) and the
// steps are swapped here, without a rerun of the page: Next/Previous/Back to start, the step picker,
// and the keys → ← PageDown PageUp (clickers) Home End. The step shown goes back to Python as the
// state value "step" (a rerun keeps it); Python moves the slides itself by sending a new "jump".
// The root's data attributes say what is on screen: data-step (the step's id), data-drawn (the id of
// the step whose nodes vis-network has drawn), data-python-step and data-runs (what Python last sent).
// slideNode / slideEdge / SLIDE_ROLE_EDGES come from render/templates/slide_style.js, put before this.
const views = new WeakMap();
const REPORT_AFTER_MS = 250;
let visLoading = null;

// vis-network: by a script element from the explorer's static folder (the browser caches it), or
// put on the page by graph_view.load_vis when static serving is off.
function loadVis(src) {
  if (globalThis.vis) return Promise.resolve();
  if (!visLoading) {
    visLoading = new Promise((resolve) => {
      if (src && !document.querySelector("script[data-ws-vis]")) {
        const script = document.createElement("script");
        script.src = src;
        script.dataset.wsVis = "1";
        document.head.appendChild(script);
      }
      const wait = () => (globalThis.vis ? resolve() : setTimeout(wait, 15));
      wait();
    });
  }
  return visLoading;
}

export default async function (component) {
  const { data, parentElement, setStateValue } = component;
  let view = views.get(parentElement);
  if (!view) {
    view = createView(parentElement.querySelector(".ws-slides"));
    views.set(parentElement, view);
  }
  view.setState = setStateValue;
  const call = ++view.calls;
  await loadVis(data.vis_src);
  if (call === view.calls) update(view, data || {});
  // Streamlit calls this on unmount, or at once for a call a newer one overtook: only the latest ends the view.
  return () => {
    if (call !== view.calls) return;
    view.destroy();
    views.delete(parentElement);
  };
}

function createView(root) {
  const $ = (name) => root.querySelector(".ws-" + name);
  const view = { root, $, calls: 0, token: null, jump: null, step: 0, D: null, ui: {}, network: null,
                 pending: null, report: null, timer: null, setState: null };
  $("prev").addEventListener("click", () => show(view, view.step - 1, true));
  $("next").addEventListener("click", () => show(view, view.step + 1, true));
  $("first").addEventListener("click", () => show(view, 0, true));
  $("jump").addEventListener("change", (e) => { show(view, parseInt(e.target.value, 10), true); e.target.blur(); });
  $("full").addEventListener("click", () => toggleFullscreen(root));
  const onKey = (e) => onKeyDown(view, e);
  const onFull = () => { if (view.network) { view.network.setSize("100%", "100%"); view.network.fit({ animation: false }); } };
  document.addEventListener("keydown", onKey);
  root.addEventListener("fullscreenchange", onFull);
  view.destroy = () => {
    document.removeEventListener("keydown", onKey);
    root.removeEventListener("fullscreenchange", onFull);
    clearTimeout(view.timer);
    if (view.network) view.network.destroy();
  };
  return view;
}

function onKeyDown(view, e) {
  const target = e.target;
  if (!view.D || !view.root.isConnected) return;
  if (target && (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable)) return;
  if (e.ctrlKey || e.metaKey || e.altKey) return;
  const moves = { ArrowRight: view.step + 1, PageDown: view.step + 1, ArrowLeft: view.step - 1,
                  PageUp: view.step - 1, Home: 0, End: view.D.steps.length - 1 };
  if (!(e.key in moves)) return;
  e.preventDefault();
  show(view, moves[e.key], true);
}

function toggleFullscreen(root) {
  if (document.fullscreenElement) document.exitFullscreen();
  else if (root.requestFullscreen) root.requestFullscreen();
}

function update(view, data) {
  const root = view.root;
  root.dataset.runs = String(data.runs);
  root.dataset.pythonStep = String(data.step);
  root.dataset.jump = String(data.jump);
  root.dataset.token = String(data.token);
  if (data.token !== view.token) {
    view.token = data.token;
    build(view, data);
    view.jump = data.jump;
    show(view, data.step, false);
  } else if (data.jump !== view.jump) {
    view.jump = data.jump;
    show(view, data.step, false);
  }
}

// A new tour (or type size, theme, height): the strings, the picker and an empty graph.
function build(view, data) {
  const { $, root } = view;
  view.D = data;
  view.ui = data.ui || {};
  view.byId = Object.fromEntries(data.nodes.map((n) => [n.id, n]));
  view.edgeById = Object.fromEntries(data.edges.map((e) => [e.id, e]));
  root.classList.toggle("ws-large", !!data.large);
  $("stage").classList.toggle("ws-dark", !!data.dark);
  $("body").style.height = (data.height || 640) + "px";
  $("prev").textContent = view.ui.prev;
  $("next").textContent = view.ui.next;
  $("first").textContent = view.ui.first;
  $("full").textContent = view.ui.fullscreen;
  $("jump").setAttribute("aria-label", view.ui.jump);
  $("keys").textContent = view.ui.keys;
  const total = data.steps.length;
  $("jump").replaceChildren(...data.steps.map((st, i) => {
    const option = document.createElement("option");
    option.value = String(i);
    option.textContent = `${i + 1} / ${total} · ${st.title}`;
    return option;
  }));
  if (!view.network) createNetwork(view);
}

function createNetwork(view) {
  const nodes = new vis.DataSet([]);
  const edges = new vis.DataSet([]);
  const network = new vis.Network(view.$("graph"), { nodes, edges }, {
    physics: { enabled: false }, layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, keyboard: false, navigationButtons: false },
    edges: { smooth: false, arrows: { to: { scaleFactor: 0.7 } } },
  });
  Object.assign(view, { network, nodes, edges });
  window.workshopNetwork = network;
  network.on("afterDrawing", () => drawn(view));
}

// After vis-network has drawn: if what it drew is the step shown (its nodes, all of them), say so.
function drawn(view) {
  const st = view.D && view.D.steps[view.step];
  if (st && view.pending === st.id && view.nodes.length === st.nodes.length
      && st.nodes.every((id) => view.nodes.get(id))) {
    view.root.dataset.drawn = st.id;
    view.pending = null;
  }
}

function sendStep(view) {
  if (view.report === null || !view.setState) return;
  const step = view.report;
  view.report = null;
  view.setState("step", step);
}

function show(view, index, report) {
  const D = view.D;
  if (!D || !D.steps.length) return;
  const i = Math.max(0, Math.min(D.steps.length - 1, index));
  if (report && i === view.step && view.root.dataset.step === D.steps[i].id) return;
  const st = D.steps[i];
  const { $, root } = view;
  view.step = i;
  root.dataset.step = st.id;
  root.dataset.index = String(i);
  delete root.dataset.drawn;
  $("counter").textContent = D.counters[i];
  $("title").textContent = st.title;
  $("narrative").textContent = st.narrative;
  evidence(view, st.evidence);
  $("jump").value = String(i);
  $("prev").disabled = i === 0;
  $("next").disabled = i === D.steps.length - 1;
  draw(view, st);
  if (report) {
    // Python hears of the step once the slides rest: a clicker's run of presses starts one rerun,
    // after the drawing, not one per press competing with it.
    view.report = i;
    clearTimeout(view.timer);
    view.timer = setTimeout(() => sendStep(view), REPORT_AFTER_MS);
  }
}

function draw(view, st) {
  const D = view.D;
  const opts = { dark: !!D.dark, fontScale: D.fontScale, focus: st.focus, compact: false, density: st.k || 1 };
  const ids = st.nodes.filter((id) => view.byId[id]);
  view.pending = st.id;  // before the data changes: any drawing after them counts, once they are all in
  view.nodes.clear();
  view.edges.clear();
  view.nodes.add(ids.map((id) => slideNode(D, view.byId[id], st.pos[id], opts)));
  const showRoles = st.edges.length <= SLIDE_ROLE_EDGES;
  view.edges.add(st.edges.map((k) => slideEdge(D, view.edgeById[k], showRoles, opts)));
  legend(view, ids, st.edges);
  view.network.setSize("100%", "100%");
  view.network.fit({ animation: false });
  if (st.focus && view.byId[st.focus]) view.network.selectNodes([st.focus], false);
}

function evidence(view, quotes) {
  const box = view.$("evidence");
  box.replaceChildren();
  if (!quotes.length) return;
  const heading = document.createElement("h3");
  heading.textContent = view.ui.evidence;
  box.appendChild(heading);
  for (const quote of quotes) {
    const block = document.createElement("blockquote");
    const text = document.createElement("p");
    text.textContent = quote.text;
    block.appendChild(text);
    box.appendChild(block);
  }
}

// The node and edge types of the step, under the graph.
function legend(view, ids, edgeIds) {
  const D = view.D;
  const box = view.$("legend");
  const types = new Set(ids.map((id) => view.byId[id].type));
  const kinds = new Set(edgeIds.map((k) => view.edgeById[k].type));
  box.replaceChildren();
  const item = (colour, glyph, name) => {
    const span = document.createElement("span");
    span.className = "ws-item";
    const mark = document.createElement("span");
    if (glyph) { mark.style.color = colour; mark.textContent = glyph + " "; }
    else { mark.className = "ws-line"; mark.style.background = colour; }
    span.append(mark, document.createTextNode(name));
    return span;
  };
  for (const l of D.legend) if (types.has(l.type)) box.appendChild(item(l.colour, l.glyph, l.name));
  const lines = D.edgeLegend.filter((l) => kinds.has(l.type));
  if (lines.length) box.appendChild(document.createElement("br"));
  for (const l of lines) box.appendChild(item(l.colour, null, l.name));
  view.$("graph").style.bottom = box.offsetHeight + "px";
}
