// A light table: sort by a header click (ascending, descending, as given), filter by any cell's text.
// Cells arrive as strings, numbers or null (drawn blank); text goes in by textContent, never as HTML.
// With `fills` (a background per cell) it is a heatmap: dark fills get light text, zeros fade.
const collator = new Intl.Collator(["zh-Hans-CN", "en"], { numeric: true, sensitivity: "base" });

export default function (component) {
  const { data, parentElement } = component;
  const root = parentElement.querySelector(".kt");
  const view = root.ktView || (root.ktView = createView(root));
  view.data = data || { columns: [], rows: [] };
  if (view.sortColumn >= view.data.columns.length) view.sortColumn = -1;
  drawHead(view);
  drawBody(view);
}

function createView(root) {
  const view = { root, data: null, sortColumn: -1, descending: false, filter: "" };
  const filter = root.querySelector(".kt-filter");
  filter.addEventListener("input", () => { view.filter = filter.value.trim().toLowerCase(); drawBody(view); });
  root.querySelector("thead").addEventListener("click", (event) => {
    const th = event.target.closest("th");
    if (th) sortBy(view, Number(th.dataset.column));
  });
  return view;
}

function sortBy(view, column) {
  if (view.sortColumn !== column) { view.sortColumn = column; view.descending = false; }
  else if (!view.descending) view.descending = true;
  else view.sortColumn = -1;  // the third click gives the rows back in their own order
  drawHead(view);
  drawBody(view);
}

function drawHead(view) {
  const { columns, numeric = [], titles = [] } = view.data;
  const row = document.createElement("tr");
  columns.forEach((name, i) => {
    const th = document.createElement("th");
    th.textContent = name;
    th.dataset.column = String(i);
    th.scope = "col";
    if (titles[i]) th.title = titles[i];
    if (numeric[i]) th.className = "kt-num";
    if (i === view.sortColumn) th.setAttribute("aria-sort", view.descending ? "descending" : "ascending");
    row.append(th);
  });
  view.root.querySelector("thead").replaceChildren(row);
}

function drawBody(view) {
  const { rows, height, ui = {} } = view.data;
  const shown = ordered(view, rows.map((_, i) => i).filter((i) => matches(rows[i], view.filter)));
  const body = document.createDocumentFragment();
  for (const index of shown) body.append(drawRow(view.data, index));
  view.root.querySelector("tbody").replaceChildren(body);
  view.root.querySelector(".kt-scroll").style.maxHeight = height ? `${height}px` : "";
  view.root.classList.toggle("kt-heat", !!view.data.fills);
  const filter = view.root.querySelector(".kt-filter");
  filter.hidden = !ui.filter;
  filter.placeholder = ui.filter || "";
  view.root.querySelector(".kt-count").textContent =
    ui.filter ? (ui.count || "{shown} / {total}").replace("{shown}", shown.length).replace("{total}", rows.length) : "";
}

function drawRow(data, index) {
  const { rows, numeric = [], fills } = data;
  const tr = document.createElement("tr");
  rows[index].forEach((cell, i) => {
    const td = document.createElement("td");
    td.textContent = blank(cell) ? "" : String(cell);
    const classes = [numeric[i] ? "kt-num" : "", fills && cell === 0 ? "kt-zero" : ""].filter(Boolean);
    if (classes.length) td.className = classes.join(" ");
    const fill = fills && fills[index] && fills[index][i];
    if (fill) {
      td.style.background = fill;
      td.style.color = dark(fill) ? "#ffffff" : "#1a1a1a";
    }
    tr.append(td);
  });
  return tr;
}

function blank(cell) {
  return cell === null || cell === undefined || cell === "";
}

function dark(hex) {  // relative luminance below the middle: white text reads better on it
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function matches(cells, filter) {
  return !filter || cells.some((c) => c !== null && String(c).toLowerCase().includes(filter));
}

function ordered(view, indices) {
  const column = view.sortColumn;
  if (column < 0) return indices;
  const rows = view.data.rows;
  const sign = view.descending ? -1 : 1;
  return indices.slice().sort((i, j) => {
    const x = rows[i][column], y = rows[j][column];
    if (blank(x)) return blank(y) ? 0 : 1;
    if (blank(y)) return -1;  // blanks last, either way
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y)));
  });
}
