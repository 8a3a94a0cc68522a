// /kontinuum/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: marks the examples
// that have every chosen target group in the chart and the table, dims the
// rest, names them with their places, and offers to compare them, so a
// planner sees where those efforts sit without looking for them; examples naming a chosen group only about some of their participants
// are marked apart as near matches, and with two or more groups the
// examples with only some of them are named too, with their places (a
// planner for homeless substance users also wants Åndehullet, for substance
// users alone). Choosing groups in place is group-choice.js's.
import { MAX_CHOSEN } from './compare-choice.js';
import { chooseGroups, hasGroups, nearGroups, spoken, withGroups } from './group-choice.js';

const root = document.querySelector('.continuum-groups');
const note = root?.querySelector('.continuum-groups-note');
const marked = [...document.querySelectorAll('svg [data-groups], tr[data-groups]')];
const rows = [...document.querySelectorAll('tr[data-groups]')];
const reports = [...document.querySelectorAll('.continuum-reports li')];
// Up to this many examples are named in the note; more are only marked.
const NAMED = 6;

/** A table row's example title, in quotes. */
const quotedTitle = (row) => `»${row.querySelector('td a')?.textContent ?? ''}«`;
/** … with its place on the continuum, so the planner need not find it in the figure. */
const placedTitle = (row) => `${quotedTitle(row)} (${row.querySelector('td.position')?.textContent ?? ''})`;

/** A row's place on the continuum, as a number. */
const positionOf = (row) => Number.parseFloat(row.querySelector('td.position')?.textContent.replace(',', '.') ?? '');

/**
 * Where the rows sit, in words, by the thirds the maps use (/matrix/): "Alle
 * 3 ligger mod social aktivering (0–0,33), langt fra arbejdsmarkedet." A
 * planner need not read it off the numbers (blind user test 22).
 */
function inWords(found) {
  const positions = found.map(positionOf).filter((p) => !Number.isNaN(p));
  if (positions.length === 0) return '';
  const third = (p) => (p < 1 / 3 ? 0 : p < 2 / 3 ? 1 : 2);
  const thirds = new Set(positions.map(third));
  const all = positions.length === 1 ? 'Det ligger' : `Alle ${positions.length} ligger`;
  if (thirds.size > 1) {
    const [low, high] = [Math.min(...positions), Math.max(...positions)];
    const number = (p) => p.toLocaleString('da-DK', { maximumFractionDigits: 2 });
    return `De spreder sig fra ${number(low)} til ${number(high)} på kontinuet. `;
  }
  return [
    `${all} mod social aktivering (0–0,33), langt fra arbejdsmarkedet. `,
    `${all} midt på kontinuet (0,33–0,67). `,
    `${all} mod arbejdsmarkedet (0,67–1). `,
  ][[...thirds][0]];
}

function show(groups, showAll) {
  const has = (item) => hasGroups(item, groups);
  const any = groups.length > 0;
  const near = (item) => nearGroups(item, groups);
  for (const item of marked) {
    item.classList.toggle('chosen', any && has(item));
    item.classList.toggle('near', any && near(item));
    item.classList.toggle('dimmed', any && !has(item) && !near(item));
  }
  const found = rows.filter(has);
  const nearby = rows.filter(near);
  const own = (item) => item.dataset.groups.split('|');
  // With only some of the groups as tags (not all, not a near match).
  const partly = (item) => groups.length > 1 && !has(item) && !near(item) && groups.some((g) => own(item).includes(g));
  for (const item of marked) {
    item.classList.toggle('partly', any && partly(item));
    if (partly(item)) item.classList.remove('dimmed');
  }
  note.hidden = !any;
  note.replaceChildren();
  if (!any) return;
  const plural = groups.length > 1 ? 'målgrupperne' : 'målgruppen';
  note.append(
    `${found.length} af ${rows.length} eksempler har ${plural} ${spoken(groups)}${
      found.length && found.length <= NAMED
        ? `: ${spoken(found.map(placedTitle))}, placeret fra 0 (social aktivering) til 1 (arbejdsmarked)`
        : ''
    }; de er fremhævet herunder. ${inWords(found)}`,
  );
  // The rest, one line each, so the examples with every group stand out
  // (blind user test 24: one paragraph of twelve names).
  const more = document.createElement('ul');
  const line = (...parts) => {
    const item = document.createElement('li');
    item.append(...parts);
    more.append(item);
    return item;
  };
  const reported = reports.filter(has);
  if (reported.length > 0) {
    // Reports are placed on their own pages, not in the figure.
    const item = line(`${reported.length === 1 ? 'Rapporten' : 'Rapporterne'} `);
    reported.forEach((report, i) => {
      if (i > 0) item.append(i === reported.length - 1 ? ' og ' : ', ');
      const link = report.querySelector('a').cloneNode(true);
      item.append(link, ` ${report.lastChild.textContent.trim()}`);
    });
    item.append(
      ` har også ${plural}; ${reported.length === 1 ? 'den er' : 'de er'} placeret på ${reported.length === 1 ? 'sin egen side' : 'deres egne sider'}.`,
    );
  }
  if (nearby.length > 0) {
    // Examples that name a chosen group only about some participants: shown,
    // marked apart, so the spread along the continuum is not hidden.
    const names = nearby.map(quotedTitle);
    line(
      `Desuden nævner ${nearby.length === 1 ? 'ét eksempel' : `${nearby.length} eksempler`} ${plural} om nogle af deltagerne (stiplet markering): ${spoken(names)}.`,
    );
  }
  const partial = rows.filter(partly);
  if (partial.length > 0) {
    const orEnd = (p) => (Number.isNaN(p) ? 1 : p);
    const byPosition = (a, b) => orEnd(positionOf(a)) - orEnd(positionOf(b));
    const lines = groups
      .map((group) => ({ group, pages: partial.filter((row) => own(row).includes(group)).sort(byPosition) }))
      .filter(({ pages }) => pages.length > 0)
      .map(({ group, pages }) => `kun ${group}: ${spoken(pages.map(placedTitle))}`);
    line(`Med kun nogle af målgrupperne (svagere markering): ${lines.join('; ')}.`);
  }
  if (more.children.length > 0) note.append(more);
  if (found.length >= 2) {
    const compared = found.slice(0, MAX_CHOSEN);
    const link = document.createElement('a');
    // The groups go along, so the compare page can lead on to what hinders and helps them.
    const query = [...compared.map((row) => ['e', row.dataset.slug]), ...groups.map((group) => ['maalgruppe', group])];
    link.href = `${root.dataset.compare}?${new URLSearchParams(query)}`;
    link.textContent =
      found.length > MAX_CHOSEN ? `Sammenlign de ${MAX_CHOSEN} første af dem` : `Sammenlign de ${found.length}`;
    note.append(link, ' · ');
  }
  note.append(withGroups(root.dataset.factors, groups, 'Hvad fremmer og hæmmer for dem?'), ' · ', showAll());
}

if (root) chooseGroups(root, show);
