// Target groups chosen in the address (?maalgruppe=A&maalgruppe=B), shared by
// /kontinuum/ (continuum-groups.js) and /faktorer/ (factor-groups.js). The
// group links lead to the group's page without script; with it each one adds
// or removes its group in place, the address keeps the choice for Back and
// sharing, and `show` marks what the chosen groups have.

/** The groups the address names. */
export const chosenGroups = () => new URL(location.href).searchParams.getAll('maalgruppe');

/** "A", "A og B", "A, B og C". */
export function spoken(list) {
  return list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} og ${list.at(-1)}`;
}

/** Does an element whose data-groups lists its page's groups ("A|B") have every one of `groups`? */
export function hasGroups(item, groups) {
  const own = item.dataset.groups.split('|');
  return groups.every((group) => own.includes(group));
}

/**
 * Does an element lack some of `groups` as tags but name each missing one
 * about some of its participants (data-traits, "A|B")? A near match.
 */
export function nearGroups(item, groups) {
  const own = item.dataset.groups.split('|');
  const traits = (item.dataset.traits ?? '').split('|');
  return !hasGroups(item, groups) && groups.every((group) => own.includes(group) || traits.includes(group));
}

/** Does an element have at least one of `groups`, as a tag or about some participants? */
export function someGroups(item, groups) {
  const own = [...item.dataset.groups.split('|'), ...(item.dataset.traits ?? '').split('|')];
  return groups.some((group) => own.includes(group));
}

/** A link to `base` (another page that marks groups) with `groups` chosen. */
export function withGroups(base, groups, text) {
  const link = document.createElement('a');
  link.href = `${base}?${new URLSearchParams(groups.map((group) => ['maalgruppe', group]))}`;
  link.textContent = text;
  return link;
}

/**
 * Makes the group links of `root` (a[data-group]) choose groups in place and
 * calls `show(groups, showAll)` now, on every choice and on Back and Forward;
 * each link says whether its group is chosen (aria-pressed), and `showAll()`
 * makes a "Fjern valget af målgrupper" link that clears the choice in place.
 */
export function chooseGroups(root, show) {
  const links = [...root.querySelectorAll('a[data-group]')];
  const showAll = () => {
    const all = document.createElement('a');
    all.href = location.pathname;
    all.textContent = 'Fjern valget af målgrupper';
    all.addEventListener('click', (event) => {
      event.preventDefault();
      history.pushState(null, '', location.pathname);
      update([]);
    });
    return all;
  };
  const update = (groups) => {
    for (const link of links) link.setAttribute('aria-pressed', String(groups.includes(link.dataset.group)));
    show(groups, showAll);
  };
  for (const link of links) {
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
      update(next);
    });
  }
  addEventListener('popstate', () => update(chosenGroups()));
  update(chosenGroups());
}
