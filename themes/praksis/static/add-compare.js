// "Tilføj til sammenligning" on an example page: the first click adds the
// example to those chosen before (remembered with compare.js, at most four,
// this one last) and stays on the page, so a reader can go on collecting;
// the link then reads "Sammenlign de N valgte" and opens the compare page.
// Without JavaScript it opens the compare page with this example ticked.
import { MAX_CHOSEN, remember, remembered, withChosen } from './compare-choice.js';

const link = document.querySelector('.add-compare a[data-add]');

/** Points the link at the compare page with `chosen`, and says what it does. */
function show(chosen, added) {
  link.href = withChosen(link.href, chosen).href;
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
