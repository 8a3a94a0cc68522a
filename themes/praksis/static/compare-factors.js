// The compare page's "Hvad fremmer og hæmmer for målgrupperne": for target
// groups (those the address names, from the continuum, or else those every
// compared example has), what the examples and reports with those groups
// show hinders and helps: each factor they show, how many of them show it,
// and under it each page, marked as an example or a report, with the
// sentence that earned it the factor. Pages with only some of the groups are
// counted apart, as on /faktorer/ (the counting is factor-counts.js's), and
// folded: what the groups' own pages show comes first, the rest (factors
// only such pages show, and their own words) is one click away, open where
// the groups' own pages show no factor on that side. A page that
// only wishes for a factor is shown under it but not counted as showing it.
// Without groups the section stays hidden.
import { byGroupPages, countFactors, fullMatch, partMatch } from './factor-counts.js';
import { spoken, withGroups } from './group-choice.js';

const root = document.querySelector('.compare-factors');
const heading = root?.querySelector('h2');
const note = root?.querySelector('.compare-factors-note');
const roster = [...(root?.querySelectorAll('.group-pages > li') ?? [])];
const sides = [...(root?.querySelectorAll('.factor-side') ?? [])].map((side) => ({
  list: side.querySelector('dl'),
  line: side.querySelector('.group-side-note'),
  summary: summaryLine(side),
  verb: side.dataset.verb,
  factors: [...side.querySelectorAll('dt')].map((term, order) => ({
    term,
    details: term.nextElementSibling,
    order,
    pages: [...term.nextElementSibling.querySelectorAll('li[data-groups]')],
    lists: split(term.nextElementSibling.querySelector('ul')),
  })),
  own: side.querySelector('.own-words'),
  ownPages: [...side.querySelectorAll('.own-words li')],
  ownLists: split(side.querySelector('.own-words ul')),
  others: otherFactors(side),
}));

/**
 * Under a side's heading, its factors in one plain sentence, the groups'
 * own first and the rest named apart: the lists under it run long, and a
 * hindrance only pages with some of the groups show was found only there
 * (blind user test 26).
 */
function summaryLine(side) {
  const line = document.createElement('p');
  line.className = 'side-summary';
  side.querySelector('.group-side-note').after(line);
  return line;
}

/** "Tilbagefald til misbrug (4 sider) og Lav ydelse (1 side)". */
const listed = (entries) => spoken(entries.map(([name, count]) => `${name} (${count})`));

/**
 * At the end of a side, one fold for the factors that only pages with some
 * of the groups show: they tell a planner something, but less than what the
 * groups' own pages say, which comes first.
 */
function otherFactors(side) {
  const fold = document.createElement('details');
  fold.className = 'other-factors';
  const list = document.createElement('dl');
  fold.append(document.createElement('summary'), list);
  side.append(fold);
  return { fold, list };
}

/**
 * Beside a list of pages, a fold for those with only some of the groups:
 * where the groups' own pages say something, theirs comes first and the
 * rest is one click away.
 */
function split(list) {
  const fold = document.createElement('details');
  fold.className = 'partly';
  fold.append(
    document.createElement('summary'),
    Object.assign(document.createElement('ul'), { className: list.className }),
  );
  list.after(fold);
  return { list, fold };
}

/**
 * Puts `items` in their lists: those of pages with every group in the open
 * list, the others (some groups) too when `open`, else in the fold.
 */
function place({ list, fold }, items, full, open) {
  const inner = fold.querySelector('ul');
  for (const item of items) (open || full(item) ? list : inner).append(item);
  const folded = [...inner.children].filter((item) => !item.hidden).length;
  fold.hidden = folded === 0;
  list.hidden = [...list.children].every((item) => item.hidden);
  fold.querySelector('summary').textContent = `${pages(folded)} med kun nogle af målgrupperne`;
}

/** "1 side", "4 sider". */
const pages = (n) => `${n} ${n === 1 ? 'side' : 'sider'}`;

/** "3 eksempler (»A«, »B« og »C«) og 1 rapport (»D«)": the pages by kind, named. */
function named(pages) {
  const part = (kind, one, many) => {
    const titles = pages.filter((li) => li.dataset.kind === kind).map((li) => `»${li.querySelector('a').textContent}«`);
    return titles.length ? [`${titles.length} ${titles.length === 1 ? one : many} (${spoken(titles)})`] : [];
  };
  return spoken([...part('eksempel', 'eksempel', 'eksempler'), ...part('rapport', 'rapport', 'rapporter')]);
}

/** Marks a page item as having every group or some (saying which), or hides it. */
function mark(item, groups, full, part) {
  const [all, some] = [full(item), part(item)];
  item.hidden = !all && !some;
  item.classList.toggle('chosen', all);
  item.classList.toggle('near', some);
  const tags = groups.filter((group) => item.dataset.groups.split('|').includes(group));
  const traits = groups.filter(
    (group) => !tags.includes(group) && (item.dataset.traits ?? '').split('|').includes(group),
  );
  item.querySelector('.groups-of').textContent = some
    ? ` – ${[
        ...(tags.length ? [`har kun ${spoken(tags)}`] : []),
        ...(traits.length ? [`nævner ${spoken(traits)} om nogle af deltagerne`] : []),
      ].join(' og ')}`
    : '';
}

/**
 * Shows what hinders and helps `groups` (none: the section hides);
 * `fromAddress` says whether they were chosen (the continuum's link) or are
 * those the compared examples share. Returns the section's address, or null.
 */
export function showFactors(groups, fromAddress) {
  if (!root) return null;
  root.hidden = groups.length === 0;
  if (root.hidden) return null;
  const [full, part] = [fullMatch(groups), partMatch(groups)];
  const plural = groups.length > 1 ? 'målgrupperne' : 'målgruppen';
  const theirs = roster.filter(full);
  heading.textContent = `Hvad fremmer og hæmmer for ${plural} ${spoken(groups)}`;
  note.replaceChildren(
    `${fromAddress ? `Du har valgt ${plural} ${spoken(groups)}.` : `De sammenlignede eksempler har alle ${plural} ${spoken(groups)}.`} ${
      theirs.length
        ? `${pages(theirs.length)} har ${groups.length > 1 ? 'dem alle' : 'den'}: ${named(theirs)}.`
        : `Ingen side har ${groups.length > 1 ? 'dem alle' : 'den'}.`
    } Herunder de faktorer, ${theirs.length === 1 ? 'den' : 'de'} viser, med sætningen fra hver side, der viser faktoren.${
      groups.length > 1 ? ' Sider med kun nogle af målgrupperne står i kursiv og tælles for sig.' : ''
    } `,
    withGroups(root.dataset.factors, groups, `Alle faktorer for ${plural}`),
  );
  for (const side of sides) {
    const counts = countFactors(side.factors, groups);
    let others = 0;
    const [ownNames, otherNames] = [[], []];
    for (const f of [...side.factors].sort(byGroupPages(counts))) {
      const { full: all, wished, some, folded } = counts.get(f);
      // A factor none of the groups' own pages shows goes to the fold, open inside it.
      const own = all.length > 0;
      (own ? side.list : side.others.list).append(f.term, f.details);
      if (!own && !folded) others += 1;
      const name = f.term.querySelector('a').textContent;
      if (own) ownNames.push([name, `${all.length} af ${theirs.length}`]);
      else if (some.length) otherNames.push([name, pages(some.length)]);
      f.term.hidden = folded;
      f.details.hidden = folded;
      for (const item of f.pages) mark(item, groups, full, part);
      place(f.lists, f.pages, full, !own);
      f.term.querySelector('.group-count').textContent = own
        ? ` – ${all.length} af ${pages(theirs.length)} med ${spoken(groups)}${
            wished.length ? ` (og ${wished.length} kun som ønske)` : ''
          }${some.length ? `, ${some.length} med kun nogle af dem` : ''}`
        : ` – ${[
            ...(wished.length ? [`${pages(wished.length)} med ${spoken(groups)} kun som ønske`] : []),
            ...(some.length ? [`${pages(some.length)} med kun nogle af målgrupperne`] : []),
          ].join(', ')}`;
    }
    side.others.fold.hidden = others === 0;
    side.others.fold.querySelector('summary').textContent =
      `Desuden ${others} ${others === 1 ? 'faktor' : 'faktorer'}, som kun sider med nogle af målgrupperne viser`;
    // Where the groups' own pages show none, the note above says so.
    const ownPart = ownNames.length
      ? `Kort: ${theirs.length === 1 ? 'siden' : 'siderne'} med ${spoken(groups)} viser ${listed(ownNames)}. `
      : '';
    const otherPart = otherNames.length
      ? `Sider med kun nogle af målgrupperne viser ${ownNames.length ? 'desuden ' : ''}${listed(otherNames)}.`
      : '';
    side.summary.textContent = `${ownPart}${otherPart}`.trim();
    side.summary.hidden = side.summary.textContent === '';
    const none = side.factors.every((f) => counts.get(f).full.length === 0);
    // What the groups' pages say themselves, under no factor, counts too.
    const saying = side.ownPages.filter(full).length;
    // With none of their own, what pages with some of the groups show is all
    // there is: open, not one click away (blind user test 22).
    side.others.fold.open = none;
    // compare.js opens the chapter's general findings for such a side too.
    side.list.closest('.factor-side').dataset.none = String(none);
    const folded = others
      ? none
        ? ' Hvad sider med kun nogle af målgrupperne viser, står nederst.'
        : ' Hvad sider med kun nogle af målgrupperne viser, er foldet sammen nederst.'
      : '';
    side.line.textContent = !none
      ? ''
      : saying === 0
        ? `Ingen af ${pages(theirs.length)} med ${spoken(groups)} viser noget, der ${side.verb}.${folded}`
        : `Ingen af ${pages(theirs.length)} med ${spoken(groups)} viser en af katalogets faktorer for det, der ${side.verb}, men ${
            saying === 1 ? 'én af dem' : `${saying} af dem`
          } siger det selv (herunder).${folded}`;
    side.line.hidden = !none;
    for (const item of side.ownPages) mark(item, groups, full, part);
    place(side.ownLists, side.ownPages, full, false);
    side.own.hidden = side.ownPages.every((item) => item.hidden);
  }
  return `#${root.id}`;
}
