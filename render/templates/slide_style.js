// How a tour step's nodes and edges look in vis-network: shared by the offline page
// (standalone.js) and the presenter's slides (app_pages/assets/slides.js), so both draw the
// label boxes that render/label_boxes.py keeps apart (tests/test_presenter_labels.py).
// D is the page data (render/standalone.py); opts: dark, fontScale, focus, compact, density.
function slideColours(dark) {
  return dark ? { text: "#ffffff", halo: "#000000", border: "#ffffff" }
              : { text: "#0b1220", halo: "#ffffff", border: "#1f2a44" };
}
function slideNode(D, n, pos, opts) {
  var c = slideColours(opts.dark), isFocus = n.id === opts.focus;
  var k = opts.compact ? D.overviewScale : D.nodeScale * Math.max(opts.density, 0.6);
  var fs = opts.compact ? D.overviewFont : D.fontSize * opts.density;
  var tip = n.full + "\n" + (D.types[n.type] || n.type) + (n.en ? "\n" + n.en : "");
  return { id: n.id, label: opts.compact ? n.short : n.label, title: tip, shape: n.shape, x: pos[0], y: pos[1],
           size: n.size * k * (isFocus ? 1.2 : 1),
           color: { background: n.colour, border: isFocus ? c.border : n.colour,
                    highlight: { background: n.colour, border: c.border } },
           borderWidth: isFocus ? 4 : 1,
           font: { size: Math.round(fs * opts.fontScale), color: c.text, strokeColor: c.halo,
                   strokeWidth: 5, face: D.font } };
}
function slideEdge(D, e, showRoles, opts) {
  var c = slideColours(opts.dark);
  var tip = (e.typeName || e.type) + (e.role ? " · " + e.role : "") + (e.evidence ? "\n" + e.evidence : "");
  return { id: e.id, from: e.from, to: e.to, color: { color: e.colour, highlight: e.colour, hover: e.colour, opacity: 0.9 }, title: tip,
           width: e.weight ? 1.5 + Math.min(e.weight, 4) : 2.2, dashes: e.type === "CROSS_REFERENCES",
           arrows: e.type === "CROSS_REFERENCES" ? "" : "to",
           label: showRoles && e.role ? e.role : undefined,
           font: { size: Math.round(D.fontSize * 0.7 * opts.fontScale), color: c.text,
                   strokeColor: c.halo, strokeWidth: 4, face: D.font, align: "middle" } };
}
// Roles are written on the edges of a step with few edges only.
var SLIDE_ROLE_EDGES = 16;
