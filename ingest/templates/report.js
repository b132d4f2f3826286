// The actions table: click a header to sort, type to filter, click a figure to see the
// actions behind it. Rows carry data-* attributes (trust, period, indicator, themes, rag)
// and every figure point carries the same keys in its customdata.
(function () {
  "use strict";
  const table = document.getElementById("actions");
  if (!table) { return; }
  const body = table.tBodies[0];
  const rows = Array.from(body.rows);
  const input = document.getElementById("actions-filter");
  const counter = document.getElementById("actions-count");
  const chip = document.getElementById("figure-filter");
  const chipText = document.getElementById("figure-filter-text");
  let figureFilter = {};

  function matchesFigure(row) {
    return Object.keys(figureFilter).every(function (key) {
      const wanted = figureFilter[key];
      const value = row.dataset[key] || "";
      return key === "themes" ? value.split("|").indexOf(wanted) >= 0 : value === wanted;
    });
  }

  function applyFilters() {
    const words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    rows.forEach(function (row) {
      const text = row.textContent.toLowerCase();
      const visible = matchesFigure(row) && words.every(function (w) {
        return text.indexOf(w) >= 0;
      });
      row.hidden = !visible;
      shown += visible ? 1 : 0;
    });
    counter.textContent = shown + " of " + rows.length + " actions";
    const keys = Object.keys(figureFilter);
    chip.hidden = keys.length === 0;
    chipText.textContent = keys.map(function (k) {
      return k + ": " + figureFilter[k];
    }).join(", ");
  }

  function sortBy(header) {
    const column = header.cellIndex;
    const ascending = header.getAttribute("aria-sort") !== "ascending";
    Array.from(header.parentNode.cells).forEach(function (cell) {
      cell.removeAttribute("aria-sort");
    });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    const key = function (row) {
      const cell = row.cells[column];
      return cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
    };
    const sorted = rows.slice().sort(function (a, b) {
      const x = key(a), y = key(b);
      if (x === "" || y === "") { return x === y ? 0 : (x === "" ? 1 : -1); }
      const order = x.localeCompare(y, undefined, {numeric: true, sensitivity: "base"});
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { body.appendChild(row); });
  }

  Array.from(table.tHead.rows[0].cells).forEach(function (header) {
    header.addEventListener("click", function () { sortBy(header); });
  });
  input.addEventListener("input", applyFilters);
  document.getElementById("figure-filter-clear").addEventListener("click", function () {
    figureFilter = {};
    applyFilters();
  });
  document.querySelectorAll(".plotly-graph-div").forEach(function (figure) {
    figure.on("plotly_click", function (event) {
      const point = event.points[0];
      if (!point || !point.customdata) { return; }
      figureFilter = JSON.parse(point.customdata);
      applyFilters();
      table.scrollIntoView({behavior: "smooth"});
    });
  });
  applyFilters();
}());
