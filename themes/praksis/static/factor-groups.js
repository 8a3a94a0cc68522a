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
// Each side (fremmer, hæmmer): its list and factors, and a line saying what
// the chosen groups' own pages show there.
const sides = [...document.querySelectorAll('.terms-overview')].map((section) => {
  const list = section.querySelector('dl');
  const line = document.createElement('p');
  line.className = 'group-side-note';
  line.hidden = true;
  list?.before(line);
  return {
    list,
    line,
    factors: factors.filter((f) => list && f.term.parentElement === list),
    heading: section.querySelector('h2')?.textContent.trim() ?? '',
  };
});

/**
 * Orders each side's factors by `counts` (factor → its pages with every
 * chosen group, `full`, and with some, `some`): those with full pages
 * first, then those with some, most pages first, then the rest, folded.
 * With no groups chosen, the page's own order and nothing folded.
 */
function arrange(counts) {
  const key = (f) => {
    const { full, some } = counts.get(f);
    return [full.length ? 0 : some.length ? 1 : 2, -full.length, -some.length, f.order];
  };
  const before = (a, b) => {
    const [x, y] = [key(a), key(b)];
    return x.reduce((order, value, i) => order || value - y[i], 0);
  };
  for (const { list, factors: own } of sides) {
    for (const f of [...own].sort(before)) {
      list.append(f.term);
      if (f.details) list.append(f.details);
      const folded = counts.get(f).folded;
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
  const counts = new Map(
    factors.map((f) => {
      const full = any ? f.pages.filter(has) : [];
      const some = any ? f.pages.filter(partly) : [];
      return [f, { full, some, folded: any && full.length === 0 && some.length === 0 }];
    }),
  );
  arrange(counts);
  for (const side of sides) {
    side.line.hidden = !any;
    if (!any) continue;
    const folded = side.factors.filter((f) => counts.get(f).folded).length;
    const none = side.factors.every((f) => counts.get(f).full.length === 0);
    side.line.textContent = `${
      none
        ? `Ingen side med ${spoken(groups)} viser noget under »${side.heading}«; herunder det, sider med en af dem viser. `
        : ''
    }${folded ? `${folded} faktorer uden sider for ${spoken(groups)} er foldet væk.` : ''}`;
  }
  const shown = new Map();
  for (const f of factors) {
    const { full, some, folded } = counts.get(f);
    f.term.querySelector('.group-count')?.remove();
    f.term.classList.toggle('dimmed', folded);
    if (!any) continue;
    for (const page of full) shown.set(page.querySelector('a').href, page.querySelector('a').textContent);
    const count = document.createElement('span');
    count.className = 'group-count';
    count.textContent = ` ${full.length} af dem med ${spoken(groups)}${some.length ? `, ${some.length} med en af dem` : ''}`;
    f.term.append(count);
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
