// /faktorer/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: under each factor,
// marks the pages that have every chosen target group (and their own words),
// dims the rest, and says beside the factor how many of those pages show it;
// the factors those pages show come first, those no page of the groups
// shows are folded away, and each side says when none of the groups' own
// pages shows anything there, so a planner for that group sees what
// hinders and helps such efforts.
// Without script the page is the full list. Choosing groups in place is
// group-choice.js's.
import { chooseGroups, hasGroups, someGroups, spoken, withGroups } from './group-choice.js';

const root = document.querySelector('.factor-groups');
const note = root?.querySelector('.factor-groups-note');
const marked = [...document.querySelectorAll('.terms-overview [data-groups]')];
// Each factor's pages: the items of its page list (not its quoted sentences).
const factors = [...document.querySelectorAll('.terms-overview dt')].map((term, order) => ({
  term,
  details: term.nextElementSibling,
  order,
  pages: [...(term.nextElementSibling?.querySelectorAll(':scope > ul:not(.stated-items) > li[data-groups]') ?? [])],
}));
// Each side (fremmer, hæmmer): its list, and a line saying what the chosen
// groups' own pages show there.
const sides = [...document.querySelectorAll('.terms-overview')].map((section) => {
  const list = section.querySelector('dl');
  const line = document.createElement('p');
  line.className = 'group-side-note';
  line.hidden = true;
  list?.before(line);
  return { list, line, heading: section.querySelector('h2')?.textContent.trim() ?? '' };
});

/** The rank of a factor no page of the chosen groups shows: last, folded. */
const FOLDED = 1;

/**
 * Orders each side's factors: those the chosen groups' pages show first,
 * then those pages with some of the groups show, then the rest, folded;
 * with no groups chosen, the page's own order and nothing folded.
 */
function arrange(rank) {
  for (const { list } of sides) {
    if (!list) continue;
    const own = factors.filter((f) => f.term.parentElement === list);
    const ordered = [...own].sort((a, b) => rank(a) - rank(b) || a.order - b.order);
    for (const f of ordered) {
      list.append(f.term);
      if (f.details) list.append(f.details);
      const folded = rank(f) === FOLDED;
      f.term.hidden = folded;
      if (f.details) f.details.hidden = folded;
    }
  }
}

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
  const shown = new Map();
  // Pages with every group first, then those with some, most pages first.
  const rank = (f) => {
    if (!any) return 0;
    const full = f.pages.filter(has).length;
    const some = f.pages.filter(partly).length;
    return full ? -1000 - full * 100 - some : some ? -some : FOLDED;
  };
  arrange(rank);
  for (const side of sides) {
    side.line.hidden = !any;
    if (!any || !side.list) continue;
    const own = factors.filter((f) => f.term.parentElement === side.list);
    const folded = own.filter((f) => rank(f) === FOLDED).length;
    const none = !own.some((f) => f.pages.some(has));
    side.line.textContent = `${
      none
        ? `Ingen side med ${spoken(groups)} viser noget under »${side.heading}«; herunder det, sider med en af dem viser. `
        : ''
    }${folded ? `${folded} faktorer uden sider for ${spoken(groups)} er foldet væk.` : ''}`;
  }
  for (const { term, pages } of factors) {
    term.querySelector('.group-count')?.remove();
    term.classList.toggle('dimmed', any && !pages.some((page) => has(page) || partly(page)));
    if (!any) continue;
    const found = pages.filter(has);
    const some = pages.filter(partly);
    for (const page of found) shown.set(page.querySelector('a').href, page.querySelector('a').textContent);
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
    `${shown.size} ${shown.size === 1 ? 'side' : 'sider'} med ${plural} ${spoken(groups)} viser en eller flere faktorer${
      shown.size ? ` (${spoken([...shown.values()].map((title) => `»${title}«`))})` : ''
    }; de er fremhævet under hver faktor, og tallet efter faktoren siger, hvor mange af dem der viser den. Faktorerne, de viser, står først.${groups.length > 1 ? ' Sider med kun nogle af målgrupperne står i kursiv og tælles for sig.' : ''} `,
    withGroups(root.dataset.continuum, groups, 'Se eksemplerne på kontinuet'),
    ' · ',
    showAll(),
  );
}

if (root) chooseGroups(root, show);
