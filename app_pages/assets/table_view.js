// A light table: sort by a header click (ascending, descending, as given), filter by any cell's text.
// Cells arrive as strings, numbers or null (drawn blank); text goes in by textContent, never as HTML.
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
  const { columns, numeric = [] } = view.data;
  const row = document.createElement("tr");
  columns.forEach((name, i) => {
    const th = document.createElement("th");
    th.textContent = name;
    th.dataset.column = String(i);
    th.scope = "col";
    if (numeric[i]) th.className = "kt-num";
    if (i === view.sortColumn) th.setAttribute("aria-sort", view.descending ? "descending" : "ascending");
    row.append(th);
  });
  view.root.querySelector("thead").replaceChildren(row);
}

function drawBody(view) {
  const { rows, numeric = [], height, ui = {} } = view.data;
  const shown = ordered(view, rows.filter((r) => matches(r, view.filter)));
  const body = document.createDocumentFragment();
  for (const cells of shown) {
    const tr = document.createElement("tr");
    cells.forEach((cell, i) => {
      const td = document.createElement("td");
      td.textContent = cell === null || cell === undefined ? "" : String(cell);
      if (numeric[i]) td.className = "kt-num";
      tr.append(td);
    });
    body.append(tr);
  }
  view.root.querySelector("tbody").replaceChildren(body);
  view.root.querySelector(".kt-scroll").style.maxHeight = height ? `${height}px` : "";
  const filter = view.root.querySelector(".kt-filter");
  filter.hidden = !ui.filter;
  filter.placeholder = ui.filter || "";
  view.root.querySelector(".kt-count").textContent =
    ui.filter ? (ui.count || "{shown} / {total}").replace("{shown}", shown.length).replace("{total}", rows.length) : "";
}

function matches(cells, filter) {
  return !filter || cells.some((c) => c !== null && String(c).toLowerCase().includes(filter));
}

function ordered(view, rows) {
  const column = view.sortColumn;
  if (column < 0) return rows;
  const sign = view.descending ? -1 : 1;
  return rows.slice().sort((a, b) => {
    const x = a[column], y = b[column];
    if (x === null || x === undefined || x === "") return y === null || y === undefined || y === "" ? 0 : 1;
    if (y === null || y === undefined || y === "") return -1;  // blanks last, either way
    return sign * (typeof x === "number" && typeof y === "number" ? x - y : collator.compare(String(x), String(y)));
  });
}
