// /kontinuum/?maalgruppe=Hjemløse: marks the examples of the chosen target
// group in the chart and the table and dims the rest, so a planner sees
// where that group's efforts sit. The group links keep working without
// script (they lead to the group's page); with it they choose in place.
const root = document.querySelector('.continuum-groups');
const note = root?.querySelector('.continuum-groups-note');
const marked = [...document.querySelectorAll('[data-groups]')];

function show(group) {
  const chosen = (item) => item.dataset.groups.split('|').includes(group);
  for (const item of marked) {
    item.classList.toggle('chosen', Boolean(group) && chosen(item));
    item.classList.toggle('dimmed', Boolean(group) && !chosen(item));
  }
  for (const link of root.querySelectorAll('a[data-group]')) {
    if (link.dataset.group === group) link.setAttribute('aria-current', 'true');
    else link.removeAttribute('aria-current');
  }
  const rows = document.querySelectorAll('tr[data-groups]');
  const count = [...rows].filter(chosen).length;
  note.hidden = !group;
  note.textContent = group
    ? `${count} af ${rows.length} eksempler har målgruppen ${group}; de er fremhævet herunder. `
    : '';
  if (group) {
    const all = document.createElement('a');
    all.href = location.pathname;
    all.textContent = 'Vis alle ens';
    all.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', location.pathname);
      show('');
    });
    note.append(all);
  }
}

if (root) {
  for (const link of root.querySelectorAll('a[data-group]')) {
    link.addEventListener('click', (event) => {
      event.preventDefault();
      const address = new URL(location.href);
      address.searchParams.set('maalgruppe', link.dataset.group);
      history.pushState(null, '', address);
      show(link.dataset.group);
    });
  }
  addEventListener('popstate', () => show(new URL(location.href).searchParams.get('maalgruppe') ?? ''));
  show(new URL(location.href).searchParams.get('maalgruppe') ?? '');
}
