// The compare page: the chosen examples (2–4) are in the URL (?e=a&e=b), so a
// comparison can be shared; ticking a box updates the URL without reloading.
// With two or more chosen, the list of 21 folds to one line, "Skift
// eksempler", and "Sammenlign" folds it and brings the table into view, so
// the comparison is where the eye lands, not below the list. Without JavaScript
// the form still submits the same URL and every column shows, in the
// catalogue's order; with it the columns follow the continuum, social
// activation first, so the continuum row reads from left to right.
import { MAX_CHOSEN, remember, withChosen } from './compare-choice.js';
import { showFactors } from './compare-factors.js';
import { chosenGroups, hasGroups, spoken } from './group-choice.js';

const form = document.querySelector('.compare-form');
const status = document.getElementById('compare-status');

function chosenFromUrl() {
  const params = new URLSearchParams(window.location.search);
  return params
    .getAll('e')
    .flatMap((value) => value.split(','))
    .filter(Boolean)
    .slice(0, MAX_CHOSEN);
}

/**
 * With target groups but no examples in the address (the front page's
 * planner form), the examples that have every group, in the catalogue's
 * order, as many as compare holds.
 */
function chosenByGroups() {
  const groups = chosenGroups();
  if (groups.length === 0) return [];
  return [...document.querySelectorAll('.compare thead th[data-example]')]
    .filter((th) => hasGroups(th, groups))
    .map((th) => th.dataset.example)
    .slice(0, MAX_CHOSEN);
}

function chosenInForm() {
  return [...form.querySelectorAll('input[name="e"]:checked')].map((box) => box.value).slice(0, MAX_CHOSEN);
}

function show(chosen) {
  for (const cell of document.querySelectorAll('[data-example]')) {
    cell.hidden = !chosen.includes(cell.dataset.example);
  }
  for (const box of form.querySelectorAll('input[name="e"]')) {
    box.checked = chosen.includes(box.value);
    box.disabled = !box.checked && chosen.length >= MAX_CHOSEN;
  }
  remember(chosen);
  status.textContent = chosen.length < 2 ? 'Vælg mindst to eksempler.' : `${chosen.length} eksempler side om side.`;
  const groups = groupsFor(chosen);
  const factors = showFactors(groups.list, groups.fromAddress);
  // Where an example states nothing on a side, its cell points to what the
  // groups' pages show, under the table, rather than to the general findings.
  for (const kind of ['haemmer', 'fremmer']) {
    for (const link of document.querySelectorAll(`.compare .none a[data-side="${kind}"]`)) {
      link.href = factors ? `${factors}-${kind}` : `#generelt-${kind}`;
      link.textContent = factors ? `hvad sider med ${spoken(groups.list)} viser` : 'katalogets generelle fund';
    }
  }
  // The chapter's general findings fold once the groups' own pages are shown
  // above them, unless those show no factor on a side (blind user test 23);
  // both sides alike, so a closed one is not read as empty (test 24).
  const thin = ['haemmer', 'fremmer'].some(
    (side) => document.querySelector(`${factors}-${side}`)?.dataset.none === 'true',
  );
  for (const general of document.querySelectorAll('.general > details')) general.open = !factors || thin;
  if (factors && chosen.length >= 2) {
    const link = document.createElement('a');
    link.href = factors;
    link.textContent = `Hvad fremmer og hæmmer for ${spoken(groups.list)}`;
    status.append(' Under tabellen: ', link, '.');
  }
  // Back to the continuum with the same groups marked (blind user test 27
  // found no way there but the front page).
  if (groups.list.length > 0 && chosen.length >= 2) {
    const link = document.createElement('a');
    const query = new URLSearchParams(groups.list.map((group) => ['maalgruppe', group]));
    link.href = `${status.dataset.continuum}?${query}`;
    link.textContent = `${spoken(groups.list)} på kontinuet`;
    status.append(' Se ', link, '.');
  }
}

/**
 * The target groups whose factors to show: those the address names (the
 * continuum's link carries them), else those every chosen example has.
 */
function groupsFor(chosen) {
  const named = chosenGroups();
  if (named.length > 0) return { list: named, fromAddress: true };
  const heads = [...document.querySelectorAll('.compare thead th[data-example]')].filter((th) =>
    chosen.includes(th.dataset.example),
  );
  const shared = heads.length < 2 ? [] : heads[0].dataset.groups.split('|').filter(Boolean);
  return {
    list: shared.filter((group) => heads.every((th) => th.dataset.groups.split('|').includes(group))),
    fromAddress: false,
  };
}

/**
 * Puts the table's columns in the order of the examples' continuum
 * positions (unplaced last; ties keep the catalogue's order).
 */
function orderByContinuum() {
  const heads = [...document.querySelectorAll('.compare thead th[data-example]')];
  const position = (th) => (th.dataset.position === undefined ? Number.POSITIVE_INFINITY : Number(th.dataset.position));
  const order = heads
    .map((th, index) => ({ slug: th.dataset.example, key: position(th), index }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map(({ slug }) => slug);
  for (const row of document.querySelectorAll('.compare tr')) {
    const cells = new Map(
      [...row.querySelectorAll(':scope > [data-example]')].map((cell) => [cell.dataset.example, cell]),
    );
    for (const slug of order) if (cells.has(slug)) row.append(cells.get(slug));
  }
}

/** The list folded to one line when two or more are chosen, so the table follows it at once; else open. */
function fold(chosen) {
  const choice = form.querySelector('.compare-choice');
  const compared = chosen.length >= 2;
  choice.open = !compared;
  choice.querySelector('summary').textContent = compared
    ? `Skift eksempler (${chosen.length} valgt)`
    : 'Vælg eksempler';
}

if (form) {
  document.documentElement.classList.add('has-compare');
  orderByContinuum();
  form.addEventListener('change', () => {
    const chosen = chosenInForm();
    history.replaceState(null, '', withChosen(window.location.href, chosen));
    show(chosen);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = chosenInForm();
    fold(chosen);
    if (chosen.length < 2) return;
    // Focus moves to the comparison, so a screen reader and the eye land there.
    const table = document.querySelector('.compare-wrap');
    table.tabIndex = -1;
    table.focus({ preventScroll: true });
    table.scrollIntoView({ block: 'start' });
  });
  let chosen = chosenFromUrl();
  if (chosen.length === 0) {
    chosen = chosenByGroups();
    if (chosen.length > 0) history.replaceState(null, '', withChosen(window.location.href, chosen));
  }
  show(chosen);
  fold(chosen);
}
