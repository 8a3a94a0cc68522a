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

/** Each quoting taxonomy's terms with their pages' addresses: taxonomy → term → href (eksport/termer.json). */
export function loadTermPages() {
  termPageList ??= fetch(new URL('eksport/termer.json', siteRoot))
    .then((response) => (response.ok ? response.json() : {}))
    .then((taxonomies) =>
      Object.fromEntries(
        Object.entries(taxonomies).map(([taxonomy, terms]) => [
          taxonomy,
          Object.fromEntries(Object.entries(terms).map(([term, { path }]) => [term, new URL(path, siteRoot).href])),
        ]),
      ),
    )
    .catch(() => ({}));
  return termPageList;
}

/**
 * "Se også siden om metoden »Mentorordning«, der citerer sætningen fra hver
 * side.": the pages of the methods, ideas and target groups `query` names,
 * from `termPages` (taxonomy → term → href). Each such page lists its pages
 * with the sentence that shows the term, which a list of hits does not.
 * Empty when the query names none.
 */
export function termPagesNote(query, termPages) {
  const named = namedBy(query);
  const links = [];
  for (const [taxonomy, kind] of TERM_PAGE_KINDS) {
    for (const [term, href] of Object.entries(termPages[taxonomy] ?? {})) {
      if (!href || !named(term)) continue;
      const anchor = document.createElement('a');
      anchor.href = href;
      anchor.textContent = `${kind} »${term}«`;
      links.push(anchor);
    }
  }
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
