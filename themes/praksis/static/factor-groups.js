// /faktorer/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: under each factor,
// marks the pages that have every chosen target group (and their own words),
// dims the rest, and says beside the factor how many of those pages show it;
// the factors those pages show come first, those no page of the groups
// shows are folded away, and each side says when none of the groups' own
// pages shows anything there, so a planner for that group sees what
// hinders and helps such efforts.
// Without script the page is the full list. Choosing groups in place is
// group-choice.js's.
import { byGroupPages, countFactors, fullMatch, partMatch } from './factor-counts.js';
import { chooseGroups, spoken, withGroups } from './group-choice.js';

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
    // What pages say themselves hinders or helps, under no factor (at the end).
    own: [...section.querySelectorAll(':scope > ul.stated-items > li[data-groups]')],
    ownHeading: section.querySelector('h3[id^="egne-ord"]')?.textContent.trim() ?? '',
  };
});

/**
 * Orders each side's factors by `counts` (factor-counts.js): those the
 * groups' pages show first, the rest folded. With no groups chosen, the
 * page's own order and nothing folded.
 */
function arrange(counts) {
  const before = byGroupPages(counts);
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

/**
 * "Ingen side med A og B viser en af faktorerne under »Det der hæmmer« …":
 * and whether some of them say themselves what does, under `ownHeading`, so
 * the line never contradicts the list below it.
 */
function noFactorLine(groups, heading, saying, ownHeading) {
  if (saying === 0)
    return `Ingen side med ${spoken(groups)} viser noget under »${heading}«; herunder det, sider med en af dem viser.`;
  const some = saying === 1 ? 'én af dem' : `${saying} af dem`;
  return `Ingen side med ${spoken(groups)} viser en af faktorerne under »${heading}«, men ${some} siger det selv (nederst, under »${ownHeading}«); herunder det, sider med en af dem viser.`;
}

function show(groups, showAll) {
  const has = fullMatch(groups);
  const partly = partMatch(groups);
  const any = groups.length > 0;
  for (const item of marked) {
    item.classList.toggle('chosen', has(item));
    item.classList.toggle('near', partly(item));
    item.classList.toggle('dimmed', any && !has(item) && !partly(item));
  }
  const counts = countFactors(factors, groups);
  arrange(counts);
  for (const side of sides) {
    side.line.hidden = !any;
    if (!any) continue;
    const folded = side.factors.filter((f) => counts.get(f).folded).length;
    const none = side.factors.every((f) => counts.get(f).full.length === 0);
    const saying = new Set(side.own.filter(has).map((li) => li.querySelector('a')?.href)).size;
    side.line.textContent = `${none ? `${noFactorLine(groups, side.heading, saying, side.ownHeading)} ` : ''}${
      folded ? `${folded} faktorer uden sider for ${spoken(groups)} er foldet væk.` : ''
    }`;
  }
  const shown = new Map();
  for (const f of factors) {
    const { full, wished, some, folded } = counts.get(f);
    f.term.querySelector('.group-count')?.remove();
    f.term.classList.toggle('dimmed', folded);
    if (!any) continue;
    for (const page of full) shown.set(page.querySelector('a').href, page.querySelector('a').textContent);
    const count = document.createElement('span');
    count.className = 'group-count';
    // A page that only wishes for the factor is shown, not counted, as compare counts it.
    count.textContent = ` ${full.length} af dem med ${spoken(groups)}${
      wished.length ? ` (og ${wished.length} kun som ønske)` : ''
    }${some.length ? `, ${some.length} med en af dem` : ''}`;
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
