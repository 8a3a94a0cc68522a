// /faktorer/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: under each factor,
// marks the pages that have every chosen target group (and their own words),
// dims the rest, and says beside the factor how many of those pages show it,
// so a planner for that group sees what hinders and helps such efforts.
// Without script the page is the full list. Choosing groups in place is
// group-choice.js's.
import { chooseGroups, hasGroups, someGroups, spoken, withGroups } from './group-choice.js';

const root = document.querySelector('.factor-groups');
const note = root?.querySelector('.factor-groups-note');
const marked = [...document.querySelectorAll('.terms-overview [data-groups]')];
// Each factor's pages: the items of its page list (not its quoted sentences).
const factors = [...document.querySelectorAll('.terms-overview dt')].map((term) => ({
  term,
  pages: [...(term.nextElementSibling?.querySelectorAll(':scope > ul:not(.stated-items) > li[data-groups]') ?? [])],
}));

function show(groups, showAll) {
  const has = (item) => hasGroups(item, groups);
  // With two or more groups, a page with only some of them still tells a
  // planner something (Tilbagefald til misbrug is shown by pages for
  // Misbrugere, not by those for Hjemløse too): marked apart, not dimmed.
  const partly = (item) => groups.length > 1 && !has(item) && someGroups(item, groups);
  const any = groups.length > 0;
  for (const item of marked) {
    item.classList.toggle('chosen', any && has(item));
    item.classList.toggle('near', any && partly(item));
    item.classList.toggle('dimmed', any && !has(item) && !partly(item));
  }
  const shown = new Set();
  for (const { term, pages } of factors) {
    term.querySelector('.group-count')?.remove();
    term.classList.toggle('dimmed', any && !pages.some((page) => has(page) || partly(page)));
    if (!any) continue;
    const found = pages.filter(has);
    const some = pages.filter(partly);
    for (const page of found) shown.add(page.querySelector('a').href);
    const count = document.createElement('span');
    count.className = 'group-count';
    count.textContent = ` ${found.length} af dem med ${spoken(groups)}${some.length ? `, ${some.length} med en af dem` : ''}`;
    term.append(count);
  }
  note.hidden = !any;
  note.replaceChildren();
  if (!any) return;
  const plural = groups.length > 1 ? 'målgrupperne' : 'målgruppen';
  note.append(
    `${shown.size} ${shown.size === 1 ? 'side' : 'sider'} med ${plural} ${spoken(groups)} viser en eller flere faktorer; de er fremhævet under hver faktor, og tallet efter faktoren siger, hvor mange af dem der viser den.${groups.length > 1 ? ' Sider med kun nogle af målgrupperne står i kursiv og tælles for sig.' : ''} `,
    withGroups(root.dataset.continuum, groups, 'Se eksemplerne på kontinuet'),
    ' · ',
    showAll(),
  );
}

if (root) chooseGroups(root, show);
