// "Tilføj til sammenligning" on an example page: the first click adds the
// example to those chosen before (remembered with compare.js, at most four,
// this one last) and stays on the page, so a reader can go on collecting;
// the link then reads "Sammenlign de N valgte" and opens the compare page.
// Without JavaScript it opens the compare page with this example ticked.
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

function remember(chosen) {
  try {
    localStorage.setItem(STORE, JSON.stringify(chosen));
  } catch {
    // Storage refused (private mode): the link still carries the choice.
  }
}

/** Points the link at the compare page with `chosen`, and says what it does. */
function show(chosen, added) {
  const url = new URL(link.href);
  url.searchParams.delete('e');
  for (const slug of chosen) url.searchParams.append('e', slug);
  link.href = url.href;
  if (added) {
    link.textContent =
      chosen.length > 1 ? `Sammenlign de ${chosen.length} valgte →` : 'Tilføjet. Vælg et eksempel mere, eller se det →';
    link.dataset.added = 'true';
  } else if (chosen.length > 0) {
    link.textContent = `Tilføj til sammenligning (${chosen.length} valgt)`;
  }
}

if (link) {
  const slug = link.dataset.add;
  const before = remembered();
  show([...before.filter((other) => other !== slug), slug].slice(-MAX_CHOSEN), before.includes(slug));
  link.addEventListener('click', (event) => {
    if (link.dataset.added === 'true') return; // follows the link to the compare page
    event.preventDefault();
    const chosen = [...remembered().filter((other) => other !== slug), slug].slice(-MAX_CHOSEN);
    remember(chosen);
    show(chosen, true);
  });
}
