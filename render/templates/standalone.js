(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("workshop-data").textContent);
  var S = D.strings;
  var byId = {}; D.nodes.forEach(function (n) { byId[n.id] = n; });
  var edgeById = {}; D.edges.forEach(function (e) { edgeById[e.id] = e; });
  var $ = function (id) { return document.getElementById(id); };
  var state = { step: -1, mode: "step", fontScale: D.fontScale, dark: D.theme === "dark", drawn: 0 };
  window.workshop = state;
  if (state.dark) document.body.classList.add("dark");
  if (D.bare) document.body.classList.add("bare");
  document.title = D.title || document.title;
  $("doc-title").textContent = D.title;
  $("prev").textContent = "← " + S.prev; $("next").textContent = S.next + " →";
  $("overview").textContent = S.overview; $("search").placeholder = S.search;
  $("legend").title = S.legend; $("chips-title").textContent = S.nodes_in_view;
  $("keys").textContent = S.keys; $("theme").title = S.theme;

  // Legend: the node and edge types drawn right now.
  function updateLegend(ids, edgeIds) {
    var box = $("legend"), types = {}, kinds = {};
    ids.forEach(function (i) { if (byId[i]) types[byId[i].type] = 1; });
    edgeIds.forEach(function (k) { kinds[edgeById[k].type] = 1; });
    box.textContent = "";
    D.legend.forEach(function (l) {
      if (!types[l.type]) return;
      var s = document.createElement("span"); s.className = "item";
      var g = document.createElement("span"); g.style.color = l.colour; g.textContent = l.glyph + " ";
      s.appendChild(g); s.appendChild(document.createTextNode(l.name)); box.appendChild(s);
    });
    var first = true;
    D.edgeLegend.forEach(function (l) {
      if (!kinds[l.type]) return;
      if (first) { box.appendChild(document.createElement("br")); first = false; }
      var s = document.createElement("span"); s.className = "item";
      var g = document.createElement("span"); g.className = "line"; g.style.background = l.colour;
      s.appendChild(g); s.appendChild(document.createTextNode(l.name)); box.appendChild(s);
    });
    box.style.display = ids.length ? "" : "none";
    // The graph stops where the legend starts, so no label hides under it.
    $("graph").style.bottom = (ids.length ? box.offsetHeight : 0) + "px";
  }

  var sel = $("steps");
  D.steps.forEach(function (st, i) {
    var o = document.createElement("option"); o.value = i; o.textContent = (i + 1) + ". " + st.title; sel.appendChild(o);
  });
  if (!D.steps.length) { sel.style.display = "none"; $("prev").style.display = "none"; $("next").style.display = "none"; }

  function visNode(n, pos, focus, compact, density) {
    return slideNode(D, n, pos, { dark: state.dark, fontScale: state.fontScale, focus: focus, compact: compact,
                                  density: density });
  }
  function visEdge(e, showRoles) {
    return slideEdge(D, e, showRoles, { dark: state.dark, fontScale: state.fontScale });
  }
  var nodes = new vis.DataSet([]), edges = new vis.DataSet([]);
  var network = new vis.Network($("graph"), { nodes: nodes, edges: edges }, {
    physics: { enabled: false }, layout: { improvedLayout: false },
    interaction: { hover: true, tooltipDelay: 150, keyboard: false, navigationButtons: false },
    edges: { smooth: false, arrows: { to: { scaleFactor: 0.7 } } },
    nodes: { font: { face: D.font } }
  });
  window.workshopNetwork = network; window.workshopNodes = nodes; window.workshopEdges = edges;
  network.on("afterDrawing", function () {
    state.drawn += 1; document.body.setAttribute("data-drawn", String(state.drawn));
  });
  network.on("click", function (p) { if (p.nodes.length) details(p.nodes[0]); });

  function draw(ids, edgeIds, pos, focus, density) {
    var showRoles = edgeIds.length <= SLIDE_ROLE_EDGES, compact = !pos;
    nodes.clear(); edges.clear();
    nodes.add(ids.filter(function (i) { return byId[i]; }).map(function (i) {
      var n = byId[i]; return visNode(n, pos ? pos[i] : [n.x, n.y], focus, compact, density || 1);
    }));
    edges.add(edgeIds.map(function (k) { return visEdge(edgeById[k], showRoles); }));
    updateLegend(ids, edgeIds);
    network.setSize("100%", "100%"); network.redraw();
    network.fit({ animation: false });
  }
  function chips(ids) {
    var box = $("chips"); box.textContent = "";
    $("chips-title").style.display = ids.length ? "" : "none";
    ids.forEach(function (i) {
      var n = byId[i]; if (!n) return;
      var s = document.createElement("span"); var g = document.createElement("b");
      g.style.color = n.colour; g.textContent = "●"; s.appendChild(g);
      s.appendChild(document.createTextNode(n.full)); s.title = D.types[n.type] || n.type;
      s.onclick = function () { network.selectNodes([i]); details(i); };
      box.appendChild(s);
    });
  }
  function evidence(list) {
    var box = $("evidence"); box.textContent = "";
    if (!list.length) return;
    var h = document.createElement("h3"); h.textContent = S.evidence; box.appendChild(h);
    list.forEach(function (q) {
      var b = document.createElement("blockquote"); b.textContent = q.text;
      if (q.from || q.to) { var c = document.createElement("cite"); c.textContent = q.from + (q.to ? " → " + q.to : ""); b.appendChild(c); }
      box.appendChild(b);
    });
  }
  function show(i) {
    if (!D.steps.length) { overview(); return; }
    i = Math.max(0, Math.min(D.steps.length - 1, i));
    var st = D.steps[i];
    state.step = i; state.mode = "step";
    $("details").style.display = "none";
    $("step-title").textContent = st.title;
    $("narrative").textContent = st.narrative;
    evidence(st.evidence);
    chips(st.nodes);
    $("counter").textContent = (i + 1) + " / " + D.steps.length;
    sel.value = String(i);
    $("prev").disabled = i === 0; $("next").disabled = i === D.steps.length - 1;
    document.body.setAttribute("data-step", st.id);
    draw(st.nodes, st.edges, st.pos, st.focus, st.k);
    if (st.focus) network.selectNodes([st.focus], false);
    if (!D.bare && location.hash !== "#step-" + (i + 1)) {
      try { history.replaceState(null, "", "#step-" + (i + 1)); } catch (e) { /* sandboxed: no address to keep */ }
    }
  }
  function overview() {
    state.mode = "overview";
    document.body.setAttribute("data-step", "overview");
    $("step-title").textContent = S.overview; $("narrative").textContent = D.title;
    evidence([]); chips([]);
    $("counter").textContent = D.steps.length ? "– / " + D.steps.length : "";
    draw(D.nodes.map(function (n) { return n.id; }), D.edges.map(function (e) { return e.id; }), null, null);
  }
  function details(id) {
    var n = byId[id], box = $("details"); if (!n) return;
    box.textContent = "";
    var h = document.createElement("h3"); h.textContent = n.full; box.appendChild(h);
    var p = document.createElement("p"); p.textContent = (D.types[n.type] || n.type) + (n.en ? " · " + n.en : "");
    box.appendChild(p);
    if (n.text) { var tx = document.createElement("p"); tx.textContent = n.text; box.appendChild(tx); }
    var quotes = D.edges.filter(function (e) { return (e.from === id || e.to === id) && e.evidence; }).slice(0, 4);
    quotes.forEach(function (e) {
      var b = document.createElement("blockquote"); b.textContent = e.evidence;
      var c = document.createElement("cite");
      c.textContent = (byId[e.from] ? byId[e.from].full : e.from) + " → " + (byId[e.to] ? byId[e.to].full : e.to);
      b.appendChild(c); box.appendChild(b);
    });
    box.style.display = "block"; $("panel").scrollTop = 0;
  }
  function focusNode(id) {
    if (state.mode !== "overview") {
      var st = D.steps[state.step];
      if (!st || st.nodes.indexOf(id) < 0) overview();
    }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    details(id);
  }

  // Search: substring of the label, Chinese name, English label or id.
  var search = $("search"), results = $("results"), active = -1, hits = [];
  function find(q) {
    q = q.trim().toLowerCase(); if (!q) return [];
    var out = D.nodes.filter(function (n) {
      return n.full.toLowerCase().indexOf(q) >= 0 || n.name.toLowerCase().indexOf(q) >= 0 ||
             (n.en && n.en.toLowerCase().indexOf(q) >= 0) || n.id.toLowerCase().indexOf(q) >= 0;
    });
    out.sort(function (a, b) { return (a.name.toLowerCase() === q ? -1 : 0) - (b.name.toLowerCase() === q ? -1 : 0) ||
                                      a.full.length - b.full.length; });
    return out.slice(0, 15);
  }
  function renderResults() {
    results.textContent = "";
    if (!search.value.trim()) { results.style.display = "none"; return; }
    if (!hits.length) { var none = document.createElement("div"); none.textContent = S.no_match; results.appendChild(none); }
    hits.forEach(function (n, k) {
      var d = document.createElement("div"); d.className = k === active ? "active" : "";
      d.textContent = n.full; var sm = document.createElement("small"); sm.textContent = D.types[n.type] || n.type;
      d.appendChild(sm); d.onmousedown = function (ev) { ev.preventDefault(); pick(n.id); };
      results.appendChild(d);
    });
    results.style.display = "block";
  }
  function pick(id) { results.style.display = "none"; search.blur(); focusNode(id); }
  search.addEventListener("input", function () { hits = find(search.value); active = hits.length ? 0 : -1; renderResults(); });
  search.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { active = Math.min(hits.length - 1, active + 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "ArrowUp") { active = Math.max(0, active - 1); renderResults(); ev.preventDefault(); }
    else if (ev.key === "Enter" && hits[active]) { pick(hits[active].id); ev.preventDefault(); }
    else if (ev.key === "Escape") { search.value = ""; results.style.display = "none"; search.blur(); }
    ev.stopPropagation();
  });
  search.addEventListener("blur", function () { setTimeout(function () { results.style.display = "none"; }, 150); });

  function restyle() {
    var st = state.mode === "step" ? D.steps[state.step] : null;
    if (st) draw(st.nodes, st.edges, st.pos, st.focus, st.k); else overview();
  }
  $("prev").onclick = function () { show(state.step - 1); };
  $("next").onclick = function () { show(state.step + 1); };
  $("overview").onclick = overview;
  $("theme").onclick = function () { state.dark = !state.dark; document.body.classList.toggle("dark", state.dark); restyle(); };
  sel.onchange = function () { show(parseInt(sel.value, 10)); sel.blur(); };
  document.addEventListener("keydown", function (ev) {
    if (ev.target && (ev.target.tagName === "INPUT" || ev.target.tagName === "SELECT")) return;
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var k = ev.key;
    if (D.bare && "+=-_tT".indexOf(k) < 0) return;  // the presenter page moves between steps itself
    if (k === "ArrowRight" || k === "PageDown" || k === " " || k === "n") show(state.mode === "step" ? state.step + 1 : Math.max(0, state.step));
    else if (k === "ArrowLeft" || k === "PageUp" || k === "p") show(state.mode === "step" ? state.step - 1 : Math.max(0, state.step));
    else if (k === "Home") show(0);
    else if (k === "End") show(D.steps.length - 1);
    else if (k === "o" || k === "O") overview();
    else if (k === "t" || k === "T") $("theme").onclick();
    else if (k === "/") { search.focus(); }
    else if (k === "f" || k === "F") { if (document.fullscreenElement) document.exitFullscreen(); else if (document.documentElement.requestFullscreen) document.documentElement.requestFullscreen(); }
    else if (k === "+" || k === "=") { state.fontScale = Math.min(2.5, state.fontScale + 0.15); restyle(); }
    else if (k === "-" || k === "_") { state.fontScale = Math.max(0.5, state.fontScale - 0.15); restyle(); }
    else return;
    ev.preventDefault();
  });
  window.addEventListener("resize", function () { network.fit({ animation: false }); });
  var m = /^#step-(\d+)$/.exec(location.hash);
  show(m ? parseInt(m[1], 10) - 1 : D.start);
  state.ready = true;
  document.body.setAttribute("data-ready", "1");
})();
