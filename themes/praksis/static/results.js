// The results page (/soeg/): every hit of a search, page by page, with a
// filter group per taxonomy. Its state is the address: ?q=…, one parameter
// per chosen term (?metode=Mentorordning&metode=…) and ?side=N, so Back,
// reload and a shared link restore the same view. Filters without words
// list every page they select (browsing by method, target group, place …).
// Terms chosen in one group are alternatives, groups all hold; ?alle=1 makes
// every chosen term hold (homeless *and* addicted). The page says which in
// words (filterNote), with a link to the other, and the engine counts that way.
import { facetButton, hitItem, replaceWord, rewriteNote, search } from './search.js';
import { namedBy, termPageCards } from './term-pages.js';

const PAGE_SIZE = 20;
const PAGE_PARAMETER = 'side';
// ?praecis=1: only the words typed, without synonyms, spellings, parts or completions.
const LITERAL_PARAMETER = 'praecis';
// ?alle=1: every chosen term of a group must hold, not one of them.
const EVERY_PARAMETER = 'alle';

/** The view the address asks for. */
function stateFromAddress(taxonomies) {
  const parameters = new URLSearchParams(window.location.search);
  const terms = {};
  for (const taxonomy of taxonomies) {
    const chosen = parameters.getAll(taxonomy).filter(Boolean);
    if (chosen.length > 0) terms[taxonomy] = chosen;
  }
  const page = Number.parseInt(parameters.get(PAGE_PARAMETER) ?? '1', 10);
  return {
    query: (parameters.get('q') ?? '').trim(),
    terms,
    page: Number.isFinite(page) && page > 0 ? page : 1,
    literal: parameters.get(LITERAL_PARAMETER) === '1',
    everyTerm: parameters.get(EVERY_PARAMETER) === '1',
  };
}

/** The engine's filters for a view of the results. */
function engineFilters(state) {
  return { terms: state.terms, literal: state.literal, every_term: Boolean(state.everyTerm) };
}

/** The address of a view. */
function addressOf({ query, terms, page, literal, everyTerm }) {
  const parameters = new URLSearchParams();
  parameters.set('q', query);
  for (const [taxonomy, chosen] of Object.entries(terms)) {
    for (const term of chosen) parameters.append(taxonomy, term);
  }
  if (page > 1) parameters.set(PAGE_PARAMETER, String(page));
  if (literal) parameters.set(LITERAL_PARAMETER, '1');
  if (everyTerm) parameters.set(EVERY_PARAMETER, '1');
  return `${window.location.pathname}?${parameters}`;
}

/** "eksempler=Praksiseksempler|…" → a Map from a hit's section to its title. */
function sectionTitles(text) {
  return new Map(
    text
      .split('|')
      .filter(Boolean)
      .map((pair) => pair.split('=')),
  );
}

class ResultsPage {
  constructor(root) {
    this.status = root.querySelector('#results-status');
    this.rewrites = root.querySelector('#results-rewrites');
    this.list = root.querySelector('#results-list');
    this.pager = root.querySelector('#results-pager');
    this.filters = root.querySelector('#results-filters');
    this.groups = [...root.querySelectorAll('fieldset[data-taxonomy]')];
    this.taxonomies = this.groups.map((group) => group.dataset.taxonomy);
    this.sections = sectionTitles(root.dataset.sections ?? '');
    this.filterNote = root.querySelector('#results-filter-note');
    this.continuum = root.dataset.continuum;
    this.factors = root.dataset.factors;
    this.traits = root.querySelector('#results-traits');
    this.traitPages = [...root.querySelectorAll('#results-trait-pages li')];
    // Each page's result line, by address, written by the template.
    this.outcomes = new Map(
      [...root.querySelectorAll('#results-outcomes li')].map((li) => [
        new URL(li.dataset.href, location.href).href,
        li,
      ]),
    );
    this.input = document.getElementById('search-input');
    this.latest = 0;
    // Every term with its page count, written by the template: the filters
    // to browse by before anything is searched.
    this.allTerms = {};
    // Each term's own page, which quotes every page's sentence for it.
    this.termPages = {};
    for (const group of this.groups) {
      const buttons = [...group.querySelectorAll('button[data-term]')];
      this.allTerms[group.dataset.taxonomy] = Object.fromEntries(
        buttons.map((b) => [b.dataset.term, Number(b.dataset.count)]),
      );
      this.termPages[group.dataset.taxonomy] = Object.fromEntries(
        buttons.map((b) => [b.dataset.term, { href: b.dataset.href, pages: Number(b.dataset.count) }]),
      );
    }
    this.termPagesNote = root.querySelector('#results-term-pages');
  }

  /** Cards for the pages of the methods, ideas and target groups the query names (see `termPageCards`). */
  renderTermPages(state) {
    const cards = termPageCards(state.query ?? '', this.termPages);
    this.termPagesNote.hidden = cards.length === 0;
    this.termPagesNote.querySelector('ul').replaceChildren(...cards);
  }

  /** Shows `state`; `focus` names the filter button to keep focus on. */
  async show(state, focus) {
    const ticket = ++this.latest;
    if (this.input && document.activeElement !== this.input) this.input.value = state.query;
    const browsing = !state.query && Object.keys(state.terms).length > 0;
    const described = state.query ? `»${state.query}«` : this.describeTerms(state.terms, state.everyTerm);
    if (state.query || browsing) {
      document.title = `Søg: ${state.query || described} · ${document.title.split(' · ').pop()}`;
    }
    this.renderFilterNote(state);
    this.renderTraits(state);
    if (!state.query && !browsing) {
      this.status.textContent = 'Skriv et eller flere ord i søgefeltet øverst og tryk Enter, eller vælg et filter.';
      this.list.replaceChildren();
      this.rewrites.replaceChildren();
      this.renderTermPages(state);
      this.renderFilters(state, this.allTerms);
      this.pager.hidden = true;
      return;
    }
    this.status.textContent = `Søger efter ${described} …`;
    let results;
    try {
      results = await search(state.query, state.page * PAGE_SIZE, engineFilters(state));
    } catch (error) {
      if (ticket === this.latest) this.status.textContent = `Søgningen kunne ikke gennemføres: ${error.message}`;
      return;
    }
    if (ticket !== this.latest) return;
    const pages = Math.max(1, Math.ceil(results.total / PAGE_SIZE));
    const page = Math.min(state.page, pages);
    const shown = results.hits.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    this.renderStatus(described, results.total, page, pages);
    this.renderRewrites(state, results.rewrites ?? []);
    this.renderTermPages(state);
    this.renderHits(shown, (page - 1) * PAGE_SIZE + 1);
    this.renderFilters(state, results.facets ?? {});
    this.renderPager({ ...state, page }, pages);
    this.list.dataset.query = state.query || described;
    this.list.dataset.done = addressOf(state);
    if (focus) {
      const selector = `button[data-taxonomy="${CSS.escape(focus.taxonomy)}"][data-term="${CSS.escape(focus.term)}"]`;
      this.filters.querySelector(selector)?.focus();
    }
  }

  /** `described`: the query in quotes, or without one the filters. */
  renderStatus(described, total, page, pages) {
    const count = total === 0 ? 'Ingen resultater' : `${total} ${total === 1 ? 'resultat' : 'resultater'}`;
    const where = pages > 1 ? `, side ${page} af ${pages}` : '';
    this.status.textContent = `${count} for ${described}${where}.`;
  }

  /**
   * "metode Mentorordning eller Netværk og målgruppe Hjemløse", in the
   * groups' order ("… og …" within a group when every term must hold).
   */
  describeTerms(terms, everyTerm) {
    const word = everyTerm ? 'og' : 'eller';
    const or = (list) => (list.length < 2 ? list.join('') : `${list.slice(0, -1).join(', ')} ${word} ${list.at(-1)}`);
    return this.groups
      .filter((group) => terms[group.dataset.taxonomy]?.length > 0)
      .map((group) => {
        const label = group.querySelector('legend').textContent.trim().toLowerCase();
        return `${label} ${or(terms[group.dataset.taxonomy])}`;
      })
      .join(' og ');
  }

  /**
   * What the chosen filters let through, in words: terms of one group are
   * alternatives (any one of them) unless every term must hold, groups must
   * all hold; with several terms in a group, a link to the other rule.
   */
  renderFilterNote(state) {
    const described = this.describeTerms(state.terms, state.everyTerm);
    if (!described) {
      this.filterNote.replaceChildren();
      return;
    }
    this.renderNoteText(state, described);
    // Where the examples with the chosen target group (or, with "alle", all
    // of them) sit, on /kontinuum/, and what hinders and helps them, on
    // /faktorer/: both mark the pages having every group.
    const groups = state.terms.maalgruppe ?? [];
    if (groups.length === 1 || (groups.length > 1 && state.everyTerm)) {
      const query = new URLSearchParams(groups.map((group) => ['maalgruppe', group]));
      const which = `${groups.length > 1 ? 'målgrupperne' : 'målgruppen'} ${groups.join(' og ')}`;
      for (const [base, text] of [
        [this.continuum, `Se eksemplerne med ${which} på kontinuet`],
        [this.factors, `Se hvad der fremmer og hæmmer for ${which}`],
      ]) {
        if (!base) continue;
        const link = document.createElement('a');
        link.href = `${base}?${query}`;
        link.textContent = text;
        this.filterNote.append(' ', link);
      }
    }
  }

  /** The filter note's words: what the chosen terms let through. */
  renderNoteText(state, described) {
    const several = Object.values(state.terms).some((chosen) => chosen.length > 1);
    if (!several) {
      this.filterNote.replaceChildren(`Viser sider med ${described}.`);
      return;
    }
    const [rule, other, everyTerm] = state.everyTerm
      ? [' Alle valg skal passe på hver side. ', 'Vis sider med mindst ét af valgene i hver gruppe', false]
      : [
          ' Flere valg i samme gruppe betyder »eller«; valg i forskellige grupper skal alle passe. ',
          'Vis kun sider med alle valgene',
          true,
        ];
    this.filterNote.replaceChildren(
      `Viser sider med ${described}.${rule}`,
      this.viewLink(other, { ...state, page: 1, everyTerm }),
    );
  }

  /**
   * Pages that name a chosen group only as a trait of some participants:
   * not among the results (the group is not whom they are for), but named
   * beside them, with a link to the group's page that quotes the sentences.
   */
  renderTraits(state) {
    const named = this.traitPages.filter((li) => state.terms[li.dataset.taxonomy]?.includes(li.dataset.term));
    this.traits.hidden = named.length === 0;
    if (named.length === 0) {
      this.traits.replaceChildren();
      return;
    }
    const links = named.flatMap((li, i) => [...(i > 0 ? [', '] : []), li.querySelector('a').cloneNode(true)]);
    const groups = [...new Set(named.map((li) => li.dataset.term))].join(', ').toLowerCase();
    this.traits.replaceChildren(
      `Nævnt om nogle af deltagerne (${groups}), men indsatsen er ikke rettet mod dem: `,
      ...links,
      '.',
    );
  }

  /**
   * What the engine searched for besides the words typed, with a way to
   * search them literally; a misspelt word's nearest word as "Mente du …?";
   * related words, each a link to a search for it.
   */
  renderRewrites(state, rewrites) {
    const parts = [];
    if (!state.query) {
      this.rewrites.replaceChildren();
      return;
    }
    const searchLink = (text, changes) => this.viewLink(text, { ...state, page: 1, ...changes });
    for (const rewrite of rewrites.filter((r) => r.kind === 'spelling' && r.also.length > 0)) {
      const corrected = replaceWord(state.query, rewrite.typed, rewrite.also[0]);
      parts.push('Mente du ', searchLink(`»${corrected}«`, { query: corrected, literal: false }), '? ');
    }
    // Related words are not searched (they do not mean the same): each is
    // offered as a search of its own, with how many pages it would find, so
    // the reader sees what lies beyond the word typed.
    for (const rewrite of rewrites.filter((r) => r.kind === 'related' && r.also.length > 0)) {
      parts.push(`Beslægtede ord til »${rewrite.typed}«, som ikke er søgt med: `);
      rewrite.also.forEach((word, index) => {
        const query = replaceWord(state.query, rewrite.typed, word);
        const link = searchLink(word, { query, literal: false });
        parts.push(index > 0 ? ', ' : '', link);
        search(query, 1, engineFilters({ ...state, literal: false })).then(
          (found) => link.after(` (${found.total} ${found.total === 1 ? 'side' : 'sider'})`),
          () => {}, // the link alone still leads there
        );
      });
      parts.push('. ');
    }
    const note = rewriteNote(rewrites);
    if (note) {
      parts.push(`${note} `, searchLink(`Søg kun efter »${state.query}«`, { literal: true }));
    } else if (state.literal) {
      parts.push(
        'Søger kun efter de skrevne ord og deres bøjninger. ',
        searchLink('Søg også efter synonymer, stavemåder og sammensatte ord', { literal: false }),
      );
    }
    this.rewrites.replaceChildren(...parts);
  }

  /**
   * A link to another view of the results, shown without reloading (and put
   * in the address, for Back). The links are redrawn with the view, so the
   * reader goes on from the status line with the new count.
   */
  viewLink(text, target) {
    const anchor = document.createElement('a');
    anchor.href = addressOf(target);
    anchor.textContent = text;
    anchor.addEventListener('click', (event) => {
      event.preventDefault();
      this.go(target);
      this.status.focus();
    });
    return anchor;
  }

  renderHits(hits, first) {
    this.list.start = first;
    this.list.replaceChildren(
      ...hits.map((hit) => {
        const item = hitItem(hit, true);
        const section = this.sections.get(hit.section);
        if (section) {
          const label = document.createElement('span');
          label.className = 'result-section';
          label.textContent = section;
          item.firstChild.after(' ', label);
        }
        const outcome = this.outcomes.get(item.firstChild.href)?.firstElementChild;
        if (hit.wish && outcome) {
          // A page's results do not belong to what it only wishes for (blind user test 26).
          const note = document.createElement('p');
          note.className = 'result-line wish-only';
          note.textContent = 'Sætningen er et ønske; sidens resultater hører ikke til den.';
          item.append(note);
        } else if (outcome) item.append(outcome.cloneNode(true));
        return item;
      }),
    );
  }

  /** Every taxonomy's terms among the results, those the query names first, then the commonest, with counts; chosen ones stay. */
  renderFilters(state, counts) {
    let any = false;
    const named = namedBy(state.query ?? '');
    for (const group of this.groups) {
      const taxonomy = group.dataset.taxonomy;
      const chosen = new Set(state.terms[taxonomy] ?? []);
      const found = Object.entries(counts[taxonomy] ?? {});
      for (const term of chosen) if (!found.some(([name]) => name === term)) found.push([term, 0]);
      found.sort((a, b) => Number(named(b[0])) - Number(named(a[0])) || b[1] - a[1] || a[0].localeCompare(b[0], 'da'));
      const buttons = found.map(([term, count]) =>
        facetButton(taxonomy, term, count, chosen.has(term), () => this.toggle(state, taxonomy, term)),
      );
      group.querySelector('.facet-terms').replaceChildren(...buttons);
      group.hidden = buttons.length === 0;
      any ||= buttons.length > 0;
    }
    this.filters.hidden = !any;
  }

  renderPager(state, pages) {
    this.pager.hidden = pages <= 1;
    const link = (page, text, rel) => {
      const anchor = this.viewLink(text, { ...state, page });
      if (rel) anchor.rel = rel;
      if (page === state.page) anchor.setAttribute('aria-current', 'page');
      return anchor;
    };
    const links = [];
    if (state.page > 1) links.push(link(state.page - 1, '← Forrige', 'prev'));
    for (let page = 1; page <= pages; page++) links.push(link(page, String(page)));
    if (state.page < pages) links.push(link(state.page + 1, 'Næste →', 'next'));
    this.pager.replaceChildren(...links);
  }

  toggle(state, taxonomy, term) {
    const chosen = new Set(state.terms[taxonomy] ?? []);
    if (chosen.has(term)) chosen.delete(term);
    else chosen.add(term);
    const terms = { ...state.terms, [taxonomy]: [...chosen] };
    if (chosen.size === 0) delete terms[taxonomy];
    this.go({ ...state, terms, page: 1 }, { taxonomy, term });
  }

  /** A new view: into the address (so Back returns), then shown. */
  go(state, focus) {
    window.history.pushState(null, '', addressOf(state));
    this.show(state, focus);
  }

  listen() {
    window.addEventListener('popstate', () => this.show(stateFromAddress(this.taxonomies)));
    // The header's box searches here without reloading the page.
    this.input?.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      this.go({ query: this.input.value.trim(), terms: {}, page: 1, literal: false });
    });
  }
}

const root = document.getElementById('search-page');
if (root) {
  const page = new ResultsPage(root);
  page.listen();
  page.show(stateFromAddress(page.taxonomies));
}
