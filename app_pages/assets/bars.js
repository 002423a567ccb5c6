// Horizontal bars, every label written out in full on its own row; a click (or Enter) on a row picks
// it and tells Python through the state value "picked". Labels go in by textContent, never as HTML.
export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".kb");
  const bars = (data && data.bars) || [];
  const max = Math.max(1, ...bars.map((b) => b.value));
  root.querySelector(".kb-axis").textContent = (data && data.axis) || "";
  root.classList.toggle("kb-dim", !!data.picked);
  const rows = bars.map((bar) => row(bar, max, data, () => setStateValue("picked", bar.id)));
  root.querySelector(".kb-rows").replaceChildren(...rows);
}

function row(bar, max, data, pick) {
  const item = document.createElement("div");
  item.className = "kb-row" + (bar.id === data.picked ? " kb-picked" : "");
  item.setAttribute("role", "listitem");
  item.tabIndex = 0;
  item.title = bar.title || "";
  item.dataset.id = bar.id;
  const label = span("kb-label", bar.label);
  const track = span("kb-track", "");
  const fill = document.createElement("div");
  fill.className = "kb-fill";
  fill.style.width = `${(100 * bar.value) / max}%`;
  fill.style.background = data.colour || "var(--st-primary-color)";
  track.append(fill);
  item.append(label, track, span("kb-value", String(bar.value)));
  item.addEventListener("click", pick);
  item.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
  return item;
}

function span(className, text) {
  const s = document.createElement("span");
  s.className = className;
  s.textContent = text;
  return s;
}
