// The pages of the methods, ideas and target groups a query names: each
// lists its pages with the sentence that earned the tag, which a list of
// hits does not. The search box and the results page link to them.
const siteRoot = new URL('./', import.meta.url);

/**
 * Does a term's name hold a word the query starts, or one that starts a
 * query word ("mentor" names Mentorordning; "mentorordninger" too)? Words
 * under four letters say too little.
 */
export function namedBy(query) {
  const words = query
    .toLowerCase()
    .split(/[^\p{L}\d]+/u)
    .filter((w) => w.length >= 4);
  return (term) =>
    term
      .toLowerCase()
      .split(/[^\p{L}\d]+/u)
      .filter((t) => t.length >= 4)
      .some((t) => words.some((w) => t.startsWith(w) || w.startsWith(t)));
}

/** The taxonomies whose term pages quote each page's sentence, and what the reader calls a term of each. */
const TERM_PAGE_KINDS = [
  ['metode', 'metoden'],
  ['ide', 'ideen'],
  ['maalgruppe', 'målgruppen'],
];

let termPageList = null;

/** Each quoting taxonomy's terms with their pages: taxonomy → term → { href, pages } (eksport/termer.json). */
export function loadTermPages() {
  termPageList ??= fetch(new URL('eksport/termer.json', siteRoot))
    .then((response) => (response.ok ? response.json() : {}))
    .then((taxonomies) =>
      Object.fromEntries(
        Object.entries(taxonomies).map(([taxonomy, terms]) => [
          taxonomy,
          Object.fromEntries(
            Object.entries(terms).map(([term, { path, pages }]) => [
              term,
              { href: new URL(path, siteRoot).href, pages },
            ]),
          ),
        ]),
      ),
    )
    .catch(() => ({}));
  return termPageList;
}

/**
 * The pages of the methods, ideas and target groups `query` names, from
 * `termPages` (taxonomy → term → { href, pages }): [{ kind, term, href, pages }].
 */
function namedTermPages(query, termPages) {
  const named = namedBy(query);
  const found = [];
  for (const [taxonomy, kind] of TERM_PAGE_KINDS) {
    for (const [term, { href, pages } = {}] of Object.entries(termPages[taxonomy] ?? {})) {
      if (href && named(term)) found.push({ kind, term, href, pages });
    }
  }
  return found;
}

/**
 * "Se også siden om metoden »Mentorordning«, der citerer sætningen fra hver
 * side.": the search box's line for the pages `query` names. Each such page
 * lists its pages with the sentence that shows the term, which a list of
 * hits does not. Empty when the query names none.
 */
export function termPagesNote(query, termPages) {
  const links = namedTermPages(query, termPages).map(({ kind, term, href }) => {
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = `${kind} »${term}«`;
    return anchor;
  });
  if (links.length === 0) return [];
  const parts = ['Se også siden om '];
  links.forEach((link, index) => {
    if (index > 0) parts.push(index === links.length - 1 ? ' og ' : ', ');
    parts.push(link);
  });
  parts.push(
    links.length === 1 ? ', der citerer sætningen fra hver side.' : ', der hver citerer sætningen fra hver side.',
  );
  return parts;
}

/**
 * The results page's answer first: one item per page `query` names,
 * "Metoden »Mentorordning« (4 sider)", in a box above the hits (blind user
 * test 24 scrolled past a link inside a sentence). Empty when it names none.
 */
export function termPageCards(query, termPages) {
  return namedTermPages(query, termPages).map(({ kind, term, href, pages }) => {
    const card = document.createElement('li');
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = `${kind[0].toUpperCase()}${kind.slice(1)} »${term}«`;
    card.append(anchor, pages === 1 ? ' (1 side)' : ` (${pages} sider)`);
    return card;
  });
}
