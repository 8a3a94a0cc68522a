// "Tilføj til sammenligning" on an example page: a button that adds this
// example to those chosen (remembered with compare.js, at most four, this
// one last) or, once it is chosen, reads "Fjern fra sammenligning" and takes
// it out; beside it, only when something is chosen, a link to the compare
// page saying how many ("2 valgt – sammenlign →"). The label is always what
// the click will do, counted from what is remembered, never from this page
// alone. Without JavaScript the page keeps its link to the compare page with
// this example ticked.
import { MAX_CHOSEN, remember, remembered, withChosen } from './compare-choice.js';

const link = document.querySelector('.add-compare a[data-add]');

if (link) {
  const slug = link.dataset.add;
  const compareAddress = link.href;
  const toggle = document.createElement('button');
  toggle.type = 'button';
  const open = document.createElement('a');
  open.className = 'chosen-count';
  const status = document.createElement('span');
  status.setAttribute('aria-live', 'polite');
  status.append(open);

  const show = () => {
    const chosen = remembered();
    toggle.textContent = chosen.includes(slug) ? 'Fjern fra sammenligning' : 'Tilføj til sammenligning';
    open.hidden = chosen.length === 0;
    open.textContent = `${chosen.length} valgt – sammenlign →`;
    open.href = withChosen(compareAddress, chosen).href;
  };

  toggle.addEventListener('click', () => {
    const before = remembered();
    const others = before.filter((other) => other !== slug);
    remember(before.includes(slug) ? others : [...others, slug].slice(-MAX_CHOSEN));
    show();
  });
  link.replaceWith(toggle, ' ', status);
  show();
  // A choice made in another tab, or before Back brought this page back.
  window.addEventListener('storage', show);
  window.addEventListener('pageshow', show);
}
