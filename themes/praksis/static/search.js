// Praksisbasen search: the tantivy engine compiled to WebAssembly, loaded on
// first use and fed the index files from search-index/. Every URL is resolved
// against this script's own location, so the site works under any base path.
const siteRoot = new URL('./', import.meta.url);
const indexRoot = new URL('search-index/', siteRoot);
const MAX_RESULTS = 10;
// Facet buttons: source type, method and target group (the ways planners
// browse), a few terms each, so the results stay in view on a phone.
const FACET_TAXONOMIES = ['kildetype', 'metode', 'maalgruppe'];
const FACET_TERMS = 4;

let enginePromise = null;

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function loadEngine() {
  enginePromise ??= (async () => {
    const wasm = await import(new URL('pkg/praksis_search_wasm.js', siteRoot).href);
    await wasm.default({ module_or_path: new URL('pkg/praksis_search_wasm_bg.wasm', siteRoot) });
    const manifestBytes = await fetchBytes(new URL('manifest.json', indexRoot));
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
    if (manifest.format_version !== wasm.SearchEngine.format_version()) {
      throw new Error('Søgeindekset passer ikke til denne version af søgemaskinen. Byg sitet igen.');
    }
    const files = await Promise.all(
      manifest.files.map(async (name) => [name, await fetchBytes(new URL(name, indexRoot))]),
    );
    const engine = new wasm.SearchEngine();
    for (const [name, bytes] of files) engine.add_file(name, bytes);
    engine.open(manifestBytes);
    return engine;
  })();
  return enginePromise;
}

/**
 * Results as the native `praksis search --json` prints them; `filters` as
 * `{terms: {kildetype: ['Praksiseksempel']}, continuum: [0, 0.5]}`.
 */
export async function search(query, limit = MAX_RESULTS, filters = {}) {
  const engine = await loadEngine();
  return JSON.parse(engine.search_filtered(query, limit, JSON.stringify(filters)));
}
window.praksisSearch = search;

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

function setUp() {
  const input = document.getElementById('search-input');
  const list = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  if (!input || !list || !status) return;
  let latest = 0;
  // Chosen facet terms: taxonomy → Set of terms. Buttons show the counts of
  // the current results and narrow them when pressed.
  const chosen = new Map();
  // The buttons sit at the top of the result list, inside its dropdown.
  const facets = document.createElement('li');
  facets.className = 'search-facets';
  facets.setAttribute('role', 'group');
  facets.setAttribute('aria-label', 'Afgræns resultaterne');
  const filters = () => ({
    terms: Object.fromEntries([...chosen].map(([name, terms]) => [name, [...terms]])),
  });
  const showFacets = (counts) => {
    facets.replaceChildren();
    for (const taxonomy of FACET_TAXONOMIES) {
      // The commonest terms, and any the reader has pressed.
      const ranked = Object.entries(counts[taxonomy] ?? {}).sort((a, b) => b[1] - a[1]);
      const shown = ranked.filter(([term], i) => i < FACET_TERMS || chosen.get(taxonomy)?.has(term));
      for (const [term, count] of shown) {
        const pressed = chosen.get(taxonomy)?.has(term) ?? false;
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = `${term} (${count})`;
        button.setAttribute('aria-pressed', String(pressed));
        button.addEventListener('click', () => {
          const set = chosen.get(taxonomy) ?? new Set();
          if (pressed) set.delete(term); else set.add(term);
          chosen.set(taxonomy, set);
          show();
        });
        facets.append(button);
      }
    }
    if (facets.childElementCount > 0) list.prepend(facets);
  };

  const show = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      list.hidden = true;
      list.replaceChildren();
      chosen.clear();
      status.textContent = '';
      return;
    }
    let results;
    try {
      results = await search(query, MAX_RESULTS, filters());
    } catch (error) {
      status.textContent = `Søgningen kunne ikke starte: ${error.message}`;
      return;
    }
    if (ticket !== latest) return; // a newer keystroke won
    list.replaceChildren();
    for (const hit of results.hits) {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = new URL(hit.url, siteRoot).href;
      link.textContent = hit.title;
      const snippet = document.createElement('p');
      appendSnippet(snippet, hit.snippet);
      item.append(link, snippet);
      list.append(item);
    }
    showFacets(results.facets ?? {});
    list.hidden = results.hits.length === 0 && chosen.size === 0;
    status.textContent = results.hits.length === 0
      ? `Ingen resultater for »${query}«.`
      : `${results.total} ${results.total === 1 ? 'resultat' : 'resultater'}.`;
  };

  input.addEventListener('focus', () => { loadEngine().catch(() => {}); }, { once: true });
  input.addEventListener('input', show);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      input.value = '';
      show();
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
  document.documentElement.classList.add('has-search');
}

setUp();
