// Praksisbasen search. The tantivy engine, compiled to WebAssembly, runs in a
// Web Worker (search-worker.js) and starts loading when the page has been idle
// a moment or the search box gets focus, not while the page itself loads.
// Until it is ready, typed words are answered from a small list of titles and
// keywords (search-index/suggestions.json.gz). Every URL is resolved against
// this script's own location, so the site works under any base path.
import { fold } from './fold.js';
import { fetchPublished } from './precompressed.js';
import { loadTermPages, namedBy, termPagesNote } from './term-pages.js';

const siteRoot = new URL('./', import.meta.url);
const indexRoot = new URL('search-index/', siteRoot);
const MAX_RESULTS = 10;
const MAX_SUGGESTIONS = 5;
// Facet buttons: source type, method and target group (the ways planners
// browse), a few terms each, so the results stay in view on a phone.
const FACET_TAXONOMIES = ['kildetype', 'metode', 'maalgruppe'];
const FACET_TERMS = 4;
// After the page's own load, wait this long before fetching the engine in the
// background, so it never competes with the page a reader came for.
const IDLE_DELAY_MS = 1500;

let worker = null;
let engineReady = null;
let engineLoaded = false;
let nextRequest = 0;
const pending = new Map();

/** Starts the worker once; resolves when the engine has the index open. */
function startEngine() {
  if (!worker) {
    worker = new Worker(new URL('search-worker.js', siteRoot), { type: 'module' });
    engineReady = new Promise((resolve, reject) => {
      worker.addEventListener('message', ({ data }) => {
        if (data.type === 'ready') {
          engineLoaded = true;
          resolve();
        } else if (data.type === 'failed') reject(new Error(data.message));
        else if (data.fetching) pending.get(data.id)?.fetching?.();
        else if (pending.has(data.id)) {
          const { resolve: answer, reject: fail } = pending.get(data.id);
          pending.delete(data.id);
          if (data.error !== undefined) fail(new Error(data.error));
          else answer(data.superseded ? null : data.results);
        }
      });
    });
    engineReady.catch(() => {}); // each search reports a failure itself
    // A reader who saves data gets a typing pause that follows their pace
    // (search-worker.js): fewer bytes, a slower answer.
    worker.postMessage({ type: 'load', saveData: Boolean(navigator.connection?.saveData) });
  }
  return engineReady;
}

/**
 * Results as the native `praksis search --json` prints them; `filters` as
 * `{terms: {kildetype: ['Praksiseksempel']}, continuum: [0, 0.5]}`.
 */
export function search(query, limit = MAX_RESULTS, filters = {}) {
  return ask({ query, limit, filters });
}
window.praksisSearch = search;

/**
 * A search asked in the box: null when a newer one replaced it first.
 * `fetching()` is called if the engine must fetch index chunks first;
 * `keystroke`: the reader is typing (more keys may follow), so the worker
 * waits for a pause before it fetches; a pasted query or a facet pressed
 * fetches at once.
 */
function searchTyped(query, limit, filters, fetching, keystroke) {
  return ask({ query, limit, filters, typed: true, keystroke }, fetching);
}

// Input events of typing a key or deleting: more may follow. Pasting,
// dropping or choosing a suggestion of the browser's gives the query whole.
const KEYSTROKE_INPUT = /^(insertText|insertCompositionText|delete)/;

async function ask(request, fetching) {
  await startEngine();
  const id = ++nextRequest;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, fetching });
    worker.postMessage({ id, ...request });
  });
}

let suggestionList = null;

/** The title and keyword list; a few kB, fetched with the engine's first step. */
function loadSuggestions() {
  suggestionList ??= fetchPublished(new URL('suggestions.json.gz', indexRoot), 'application/json')
    .then((response) => response.json())
    .catch(() => []);
  return suggestionList;
}

/** Pages whose title or keywords hold every typed word (the last one may be half typed). */
export function suggest(list, query, limit = MAX_SUGGESTIONS) {
  const typed = fold(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (typed.length === 0) return [];
  const matches = (words, word) =>
    words.split(' ').some((w) => (word.length >= 4 ? w.includes(word) : w.startsWith(word)));
  const scored = [];
  for (const page of list) {
    let score = 0;
    for (const word of typed) {
      const inTitle = matches(page.title_words, word) ? 3 : 0;
      const inKeywords = page.keywords.filter((k) => matches(k, word)).length;
      if (inTitle + inKeywords === 0) {
        score = 0;
        break;
      }
      score += inTitle + inKeywords;
    }
    if (score > 0) scored.push([score, page]);
  }
  return scored
    .sort((a, b) => b[0] - a[0])
    .slice(0, limit)
    .map(([, page]) => page);
}

/** Copies a snippet into `target`, keeping only text and <b>: nothing else can run or load. */
function appendSnippet(target, snippetHtml) {
  const template = document.createElement('template');
  template.innerHTML = snippetHtml; // inert: template content never runs scripts or loads images
  for (const node of template.content.childNodes) {
    if (node.nodeType === Node.ELEMENT_NODE && node.nodeName === 'B') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      target.append(mark);
    } else {
      target.append(document.createTextNode(node.textContent));
    }
  }
}

/** A list item linking to `hit`, with its snippet when `withSnippet`. */
export function hitItem(hit, withSnippet) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = new URL(hit.url, siteRoot).href;
  link.textContent = hit.title;
  item.append(link);
  // Below every page with the words as typed, when those are few: a page
  // readers judged for such searches, or one the search found wider.
  const added = hit.judged
    ? [
        'result-judged',
        'fundet af læsere',
        'Siden bruger ikke de søgte ord, men læsere har vurderet den relevant for søgninger med de samme ord. Den står efter siderne med ordene som skrevet.',
      ]
    : hit.wider
      ? [
          'result-wider',
          'fundet bredere',
          'Fundet ved en bredere søgning (dele af sammensatte ord, stavning), efter siderne med ordene som skrevet.',
        ]
      : null;
  if (added) {
    const mark = document.createElement('span');
    [mark.className, mark.textContent, mark.title] = added;
    item.append(' ', mark);
  }
  if (withSnippet) {
    const snippet = document.createElement('p');
    appendSnippet(snippet, hit.snippet);
    if (hit.wish) {
      // The term pages mark such sentences the same way.
      const wish = document.createElement('span');
      wish.className = 'wish';
      wish.textContent = ' (ønske eller mulighed, ikke noget gjort)';
      snippet.append(wish);
    }
    item.append(snippet);
  }
  return item;
}

/** A facet button: `term (count)`, pressed or not; its data attributes name it, to find it again. */
export function facetButton(taxonomy, term, count, pressed, toggle) {
  const button = document.createElement('button');
  button.type = 'button';
  button.dataset.taxonomy = taxonomy;
  button.dataset.term = term;
  button.textContent = `${term} (${count})`;
  button.setAttribute('aria-pressed', String(pressed));
  button.addEventListener('click', toggle);
  return button;
}

/** How each kind of widening reads, from the engine's `rewrites`. */
const REWRITE_TEXT = {
  synonym: (r) => `${r.also.join(', ')} (samme betydning som »${r.typed}«)`,
  spelling: (r) => `${r.also.join(', ')} (stavet anderledes end »${r.typed}«)`,
  compound: (r) => `${r.also.join(' + ')} (dele af »${r.typed}«)`,
  joined: (r) => `${r.also.join(', ')} (»${r.typed}« skrevet sammen)`,
  // The engine names each word as a page writes it (hjemløseenheden, not the index's hjemloseenheden).
  prefix: (r) => `ord der begynder med »${r.typed}«, fx ${r.also.join(', ')}`,
  // A question's own words ("folk", "hvordan"), searched when what it asks about found nothing.
  scaffolding: (r) => `${r.also.join(', ')} (intet fundet for »${r.typed}« som skrevet)`,
  inflection: (r) => `${r.also.join(', ')} (andre bøjninger af »${r.typed}«)`,
  // An age read as the ages of the people the case pages follow ("56 år eller ældre").
  age: (r) => `forløb med en borger på ${r.also.join(', ')} (»${r.typed}«)`,
};

/**
 * What the engine searched for instead of words typed (a misspelt word read
 * as the word meant), then what it searched for besides them, or ''.
 */
export function rewriteNote(rewrites = []) {
  const instead = rewrites
    .filter((rewrite) => rewrite.instead)
    .map(({ typed, also: [meant, ...others] }) => {
      const besides = others.length > 0 ? ` og også efter ${others.join(', ')}` : '';
      return `Søger efter »${meant}« i stedet for »${typed}«${besides}.`;
    });
  const parts = rewrites
    .filter((rewrite) => !rewrite.instead)
    .map((rewrite) => REWRITE_TEXT[rewrite.kind]?.(rewrite))
    .filter(Boolean);
  const also = parts.length === 0 ? [] : [`Søger også efter: ${parts.join('; ')}.`];
  return [...instead, ...also].join(' ');
}

/** `query` with the word `typed` (as the engine names it, in any case) replaced by `word`. */
export function replaceWord(query, typed, word) {
  const escaped = typed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return query.replace(new RegExp(escaped, 'iu'), word);
}

/** The status line while suggestions answer. */
function suggestionStatus(count) {
  if (count === 0) return 'Søgemaskinen indlæses …';
  return `${count} forslag fra titler og nøgleord; ${engineLoaded ? 'søger …' : 'søgemaskinen indlæses …'}`;
}

/** The status line for the engine's results, and how the query was widened. */
function resultStatus(query, { hits, total, rewrites }) {
  const note = rewriteNote(rewrites);
  if (hits.length === 0) return `Ingen resultater for »${query}«.`;
  return `${total} ${total === 1 ? 'resultat' : 'resultater'}.${note ? ` ${note}` : ''}`;
}

/**
 * The search box and its result list. The list's data attributes say what
 * it shows: `results` (suggestions or engine), `query` (what it answers) and
 * `done` (the last query the engine answered); benchmarks and tests read them.
 */
class SearchBox {
  constructor(input, list, status) {
    Object.assign(this, { input, list, status });
    this.latest = 0;
    // Chosen facet terms: taxonomy → Set of terms. Buttons show the counts of
    // the current results and narrow them when pressed.
    this.chosen = new Map();
    // The buttons sit at the top of the result list, inside its dropdown.
    this.facets = document.createElement('li');
    this.facets.className = 'search-facets';
    this.facets.setAttribute('role', 'group');
    this.facets.setAttribute('aria-label', 'Afgræns resultaterne');
  }

  filters() {
    return { terms: Object.fromEntries([...this.chosen].map(([name, terms]) => [name, [...terms]])) };
  }

  /** Answers what the box holds: suggestions meanwhile, then the engine's results. */
  async show({ keystroke = false } = {}) {
    const query = this.input.value.trim();
    const ticket = ++this.latest;
    if (!query) {
      this.clear();
      return;
    }
    startEngine();
    // While the engine loads, or fetches what this query needs, the
    // suggestion list answers.
    const suggestMeanwhile = async () => {
      const pages = suggest(await loadSuggestions(), query);
      if (ticket === this.latest && this.list.dataset.done !== query) this.renderSuggestions(query, pages);
    };
    if (!engineLoaded) await suggestMeanwhile();
    let results;
    try {
      results = await searchTyped(query, MAX_RESULTS, this.filters(), suggestMeanwhile, keystroke);
    } catch (error) {
      if (ticket === this.latest) this.status.textContent = `Søgningen kunne ikke starte: ${error.message}`;
      return;
    }
    const termPages = await loadTermPages();
    if (ticket !== this.latest || results === null) return; // a newer keystroke won
    this.renderResults(query, results, termPages);
  }

  clear() {
    this.list.hidden = true;
    this.list.replaceChildren();
    this.chosen.clear();
    this.status.textContent = '';
  }

  renderHits(kind, query, hits) {
    this.list.replaceChildren(...hits.map((hit) => hitItem(hit, kind === 'engine')));
    this.list.dataset.results = kind;
    this.list.dataset.query = query;
  }

  /** The suggestion list, marked as such. */
  renderSuggestions(query, pages) {
    // A loaded engine's list stays until suggestions have something better.
    if (engineLoaded && pages.length === 0) return;
    this.renderHits('suggestions', query, pages);
    this.list.hidden = pages.length === 0;
    this.status.textContent = suggestionStatus(pages.length);
  }

  renderResults(query, results, termPages) {
    this.renderHits('engine', query, results.hits);
    this.renderFacets(results.facets ?? {});
    // Above the filters: the page that answers "which pages use mentors?"
    const note = termPagesNote(query, termPages);
    if (note.length > 0) {
      const item = document.createElement('li');
      item.className = 'search-term-pages';
      item.append(...note);
      this.list.prepend(item);
    }
    if (results.total > results.hits.length) this.list.append(this.allResultsItem(query, results.total));
    this.list.hidden = results.hits.length === 0 && this.chosen.size === 0;
    this.status.textContent = resultStatus(query, results);
    this.list.dataset.done = query;
  }

  /** The last item of a list that shows only the first hits: a link to all of them. */
  allResultsItem(query, total) {
    const item = document.createElement('li');
    item.className = 'search-all';
    const link = document.createElement('a');
    const address = new URL(this.input.form?.action ?? new URL('soeg/', siteRoot));
    const parameters = new URLSearchParams({ q: query });
    for (const [taxonomy, terms] of this.chosen) for (const term of terms) parameters.append(taxonomy, term);
    address.search = parameters.toString();
    link.href = address.href;
    link.textContent = `Vis alle ${total} resultater`;
    item.append(link);
    return item;
  }

  /** A click outside the box and its list closes the list; focus on the box reopens it. */
  listenToPointer() {
    const { input, list } = this;
    const container = input.closest('.search') ?? input.parentElement;
    document.addEventListener('click', (event) => {
      if (!container.contains(event.target)) list.hidden = true;
    });
    input.addEventListener('focus', (event) => {
      // Not when focus comes back from the list (Escape there closed it).
      if (container.contains(event.relatedTarget)) return;
      if (input.value.trim() && list.childElementCount > 0) list.hidden = false;
    });
  }

  renderFacets(counts) {
    const buttons = [];
    const named = namedBy(this.input.value);
    for (const taxonomy of FACET_TAXONOMIES) {
      const chosen = this.chosen.get(taxonomy) ?? new Set();
      // Terms the query names first ("mentor" → Mentorordning), then the
      // commonest; any the reader has pressed stay.
      const ranked = Object.entries(counts[taxonomy] ?? {}).sort(
        (a, b) => Number(named(b[0])) - Number(named(a[0])) || b[1] - a[1],
      );
      for (const [term, count] of ranked.filter(([term], i) => i < FACET_TERMS || chosen.has(term) || named(term))) {
        const pressed = chosen.has(term);
        buttons.push(facetButton(taxonomy, term, count, pressed, () => this.toggle(taxonomy, term, pressed)));
      }
    }
    this.facets.replaceChildren(...buttons);
    if (buttons.length > 0) this.list.prepend(this.facets);
  }

  async toggle(taxonomy, term, pressed) {
    const set = this.chosen.get(taxonomy) ?? new Set();
    if (pressed) set.delete(term);
    else set.add(term);
    this.chosen.set(taxonomy, set);
    await this.show();
    // The buttons are redrawn: focus stays on the one pressed.
    const selector = `button[data-taxonomy="${CSS.escape(taxonomy)}"][data-term="${CSS.escape(term)}"]`;
    this.facets.querySelector(selector)?.focus();
  }

  /** Arrow keys move between the box and the links; Escape closes or clears. */
  listenToKeys() {
    const { input, list } = this;
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        // Closes the list; the query stays (a search box would clear it).
        list.hidden = true;
        event.preventDefault();
      } else if (event.key === 'ArrowDown') {
        // Reopens a list closed with Escape, keeping the query.
        if (list.childElementCount > 0) list.hidden = false;
        list.querySelector('a')?.focus();
        event.preventDefault();
      }
    });
    list.addEventListener('keydown', (event) => {
      const links = [...list.querySelectorAll('a')];
      const at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) links[at + 1].focus();
      else if (event.key === 'ArrowUp') (at > 0 ? links[at - 1] : input).focus();
      else if (event.key === 'Escape') {
        // Closes the list and returns to the query, which stays as typed.
        list.hidden = true;
        input.focus();
      } else return;
      event.preventDefault();
    });
  }
}

/** Starts the engine and the suggestion list on focus, or once the page is idle. */
function loadEarly(input) {
  const begin = () => {
    startEngine();
    loadSuggestions();
  };
  input.addEventListener('focus', begin, { once: true });
  // In the background once the page is idle, unless the reader saves data.
  if (navigator.connection?.saveData) return;
  const whenIdle = () => (window.requestIdleCallback ?? setTimeout)(begin, { timeout: 5000 });
  const afterLoad = () => setTimeout(whenIdle, IDLE_DELAY_MS);
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
}

function setUp() {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  const box = new SearchBox(input, list, status);
  loadEarly(input);
  input.addEventListener('input', (event) => box.show({ keystroke: KEYSTROKE_INPUT.test(event.inputType ?? '') }));
  box.listenToKeys();
  box.listenToPointer();
  document.documentElement.classList.add('has-search');
}

setUp();
