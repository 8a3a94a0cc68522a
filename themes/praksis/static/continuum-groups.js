// /kontinuum/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: marks the examples
// that have every chosen target group in the chart and the table, dims the
// rest, and offers to compare them, so a planner sees where those efforts
// sit. Choosing groups in place is group-choice.js's.
import { MAX_CHOSEN } from './compare-choice.js';
import { chooseGroups, hasGroups, spoken, withGroups } from './group-choice.js';

const root = document.querySelector('.continuum-groups');
const note = root?.querySelector('.continuum-groups-note');
const marked = [...document.querySelectorAll('[data-groups]')];
const rows = [...document.querySelectorAll('tr[data-groups]')];

function show(groups, showAll) {
  const has = (item) => hasGroups(item, groups);
  const any = groups.length > 0;
  for (const item of marked) {
    item.classList.toggle('chosen', any && has(item));
    item.classList.toggle('dimmed', any && !has(item));
  }
  const found = rows.filter(has);
  note.hidden = !any;
  note.replaceChildren();
  if (!any) return;
  const plural = groups.length > 1 ? 'målgrupperne' : 'målgruppen';
  note.append(
    `${found.length} af ${rows.length} eksempler har ${plural} ${spoken(groups)}; de er fremhævet herunder. `,
  );
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
