// Tables written in Markdown (a report's cases, its outcomes) carry no labels
// per cell; this gives each cell its column's heading, so that on a phone the
// stylesheet can show every row as a card ("Alder: 48") instead of a table
// cut off at the screen's edge. Without JavaScript such a table scrolls.
for (const table of document.querySelectorAll('main table:not(.cards):not(.matrix)')) {
  const headings = [...table.querySelectorAll('thead th')].map((th) => th.textContent.trim());
  if (headings.length === 0) continue;
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.cells].forEach((cell, column) => {
      if (headings[column]) cell.dataset.label = headings[column];
    });
  }
  table.classList.add('cards');
}
