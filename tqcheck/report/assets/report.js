"use strict";
(() => {
  // Hover and keyboard focus show every finding at that place; titles serve without scripts.
  const tip = document.getElementById("tip");
  for (const mark of document.querySelectorAll("mark[title]")) {
    mark.dataset.tip = mark.title;
    mark.removeAttribute("title");
  }
  let owner = null; // what showed the tip: "hover" or "focus"
  const show = (mark, by) => {
    const lines = [];
    for (let m = mark; m; m = m.parentElement.closest("mark")) lines.push(m.dataset.tip);
    tip.textContent = lines.join("\n");
    const box = mark.getBoundingClientRect();
    tip.style.left = `${Math.max(0, box.left + window.scrollX)}px`;
    tip.style.top = `${box.bottom + window.scrollY + 4}px`;
    tip.hidden = false;
    owner = by;
  };
  const hide = (by) => {
    if (by && by !== owner) return;
    tip.hidden = true;
    owner = null;
  };
  const follow = (by) => (event) => {
    const mark = event.target instanceof Element ? event.target.closest("mark") : null;
    if (mark) show(mark, by); else hide(by);
  };
  document.addEventListener("mouseover", follow("hover"));
  document.addEventListener("focusin", follow("focus"));
  document.addEventListener("focusout", () => hide("focus"));
  document.addEventListener("keydown", (event) => { if (event.key === "Escape") hide(); });

  // Sortable tables: a header's button sorts by the cells' data-v, numbers as numbers.
  for (const table of document.querySelectorAll("table.sortable")) {
    table.tHead.addEventListener("click", (event) => {
      const button = event.target.closest("button");
      if (!button) return;
      const column = Number(button.dataset.col);
      const header = button.closest("th");
      const ascending = header.getAttribute("aria-sort") !== "ascending";
      for (const th of table.tHead.querySelectorAll("th")) th.removeAttribute("aria-sort");
      header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      const value = (row) => row.cells[column].dataset.v;
      const order = (a, b) => {
        const x = value(a), y = value(b);
        const diff = Number(x) - Number(y);
        return Number.isNaN(diff) ? x.localeCompare(y) : diff;
      };
      const body = table.tBodies[0];
      const rows = [...body.rows].sort(order);
      body.append(...(ascending ? rows : rows.reverse()));
    });
  }
})();
