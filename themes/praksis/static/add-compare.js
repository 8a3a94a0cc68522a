// "Tilføj til sammenligning" on an example page: the link leads to the compare
// page with this example added to those chosen there before (remembered by
// compare.js), at most four, this one last. Without JavaScript it opens the
// compare page with this example alone ticked.
const MAX_CHOSEN = 4;
const STORE = 'praksis-sammenlign';
const link = document.querySelector('.add-compare a[data-add]');

function remembered() {
  try {
    const value = JSON.parse(localStorage.getItem(STORE) ?? '[]');
    return Array.isArray(value) ? value.filter((slug) => typeof slug === 'string') : [];
  } catch {
    return [];
  }
}

if (link) {
  const slug = link.dataset.add;
  const chosen = [...remembered().filter((other) => other !== slug), slug].slice(-MAX_CHOSEN);
  const url = new URL(link.href);
  url.searchParams.delete('e');
  for (const other of chosen) url.searchParams.append('e', other);
  link.href = url.href;
  if (chosen.length > 1) link.textContent = `Tilføj til sammenligning (med ${chosen.length - 1} valgt før)`;
}
