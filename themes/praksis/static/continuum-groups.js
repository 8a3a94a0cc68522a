// /kontinuum/?maalgruppe=Hjemløse&maalgruppe=Misbrugere: marks the examples
// that have every chosen target group in the chart and the table, dims the
// rest, and offers to compare them, so a planner sees where those efforts
// sit. The group links keep working without script (they lead to the group's
// page); with it each one adds or removes its group in place.
import { MAX_CHOSEN } from './compare-choice.js';

const root = document.querySelector('.continuum-groups');
const note = root?.querySelector('.continuum-groups-note');
const marked = [...document.querySelectorAll('[data-groups]')];
const rows = [...document.querySelectorAll('tr[data-groups]')];

const chosenGroups = () => new URL(location.href).searchParams.getAll('maalgruppe');

/** "A", "A og B", "A, B og C". */
function spoken(list) {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} og ${list.at(-1)}`;
}

function show(groups) {
  const has = (item) => groups.every((group) => item.dataset.groups.split('|').includes(group));
  const any = groups.length > 0;
  for (const item of marked) {
    item.classList.toggle('chosen', any && has(item));
    item.classList.toggle('dimmed', any && !has(item));
  }
  for (const link of root.querySelectorAll('a[data-group]')) {
    link.setAttribute('aria-pressed', String(groups.includes(link.dataset.group)));
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
    link.href = `${root.dataset.compare}?${new URLSearchParams(compared.map((row) => ['e', row.dataset.slug]))}`;
    link.textContent =
      found.length > MAX_CHOSEN ? `Sammenlign de ${MAX_CHOSEN} første af dem` : `Sammenlign de ${found.length}`;
    note.append(link, ' · ');
  }
  const all = document.createElement('a');
  all.href = location.pathname;
  all.textContent = 'Vis alle ens';
  all.addEventListener('click', (event) => {
    event.preventDefault();
    history.pushState(null, '', location.pathname);
    show([]);
  });
  note.append(all);
}

if (root) {
  for (const link of root.querySelectorAll('a[data-group]')) {
    link.setAttribute('role', 'button');
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const groups = chosenGroups();
      const next = groups.includes(link.dataset.group)
        ? groups.filter((group) => group !== link.dataset.group)
        : [...groups, link.dataset.group];
      const address = new URL(location.href);
      address.searchParams.delete('maalgruppe');
      for (const group of next) address.searchParams.append('maalgruppe', group);
      history.pushState(null, '', address);
      show(next);
    });
  }
  addEventListener('popstate', () => show(chosenGroups()));
  show(chosenGroups());
}
