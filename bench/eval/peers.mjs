// Ranks the judged queries of every set (`praksis eval --list-sets`) with three tools readers
// would otherwise get, on the same pages as Praksisbasen, and writes
// { engine: { query: [page path, …] } } for `praksis eval --compare`.
//
//   node bench/eval/peers.mjs DOCUMENTS.json SITE_DIR OUT.json
//
// DOCUMENTS.json is `praksis eval --documents` (what Praksisbasen indexes);
// SITE_DIR is a site built with base URL "/" (Pagefind indexes its HTML).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lunr from 'lunr';
import danish from 'lunr-languages/lunr.da.js';
import stemmerSupport from 'lunr-languages/lunr.stemmer.support.js';
import MiniSearch from 'minisearch';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright-core';
import { launchChromium } from '../../e2e/support/chromium.mjs';
import { judgedSets } from '../../e2e/support/project.mjs';
import { serveFolder } from '../../e2e/support/server.mjs';

const DEPTH = 10;
// A Pagefind search answers in milliseconds; one that has not answered in
// this long has hung, and the run stops naming the query.
const QUERY_TIMEOUT_MS = 30_000;
const [documentsFile, siteDir, outFile] = process.argv.slice(2);
if (!outFile) {
  console.error('usage: node peers.mjs DOCUMENTS.json SITE_DIR OUT.json');
  process.exit(2);
}
const documents = JSON.parse(readFileSync(documentsFile, 'utf8'));
const pages = new Set(documents.map((d) => d.url));
// Every judged set: `praksis eval --compare` scores each beside Praksisbasen.
const queries = [...new Set(judgedSets().flatMap(({ queries }) => queries))];

// lunr with Danish stemming and stop words, fields boosted like Praksisbasen's.
function lunrRankings() {
  stemmerSupport(lunr);
  danish(lunr);
  const index = lunr(function () {
    this.use(lunr.da);
    this.ref('url');
    this.field('title', { boost: 3 });
    this.field('keywords', { boost: 2 });
    this.field('body');
    for (const doc of documents) this.add({ ...doc, keywords: doc.keywords.join(' ') });
  });
  const rank = (query) => {
    try {
      return index.search(query);
    } catch {
      // lunr reads ":", "~", "^", "+", "-" as syntax; a site would retry plainly.
      return index.search(query.replace(/[:~^+\-*]/g, ' '));
    }
  };
  return Object.fromEntries(
    queries.map((q) => [
      q,
      rank(q)
        .slice(0, DEPTH)
        .map((r) => r.ref),
    ]),
  );
}

// MiniSearch as its documentation recommends for search-as-you-type: prefix
// and fuzzy matching, field boosts.
function miniSearchRankings() {
  const index = new MiniSearch({
    idField: 'url',
    fields: ['title', 'keywords', 'body'],
    extractField: (doc, field) => (field === 'keywords' ? doc.keywords.join(' ') : doc[field]),
    searchOptions: { boost: { title: 3, keywords: 2 }, prefix: true, fuzzy: 0.2 },
  });
  index.addAll(documents);
  return Object.fromEntries(
    queries.map((q) => [
      q,
      index
        .search(q)
        .slice(0, DEPTH)
        .map((r) => r.id),
    ]),
  );
}

// Pagefind indexes the built HTML; its search runs in the browser.
async function pagefindRankings() {
  const { index } = await pagefind.createIndex({ forceLanguage: 'da' });
  await index.addDirectory({ path: siteDir });
  await index.writeFiles({ outputPath: join(siteDir, 'pagefind') });
  await pagefind.close();
  const { server, origin } = await serveFolder(siteDir);
  const browser = await launchChromium(chromium);
  try {
    const page = await browser.newPage();
    await page.goto(`${origin}/404.html`);
    const rankings = {};
    for (const query of queries) {
      const search = page.evaluate(
        async ({ query, depth }) => {
          const pf = await import('/pagefind/pagefind.js');
          const search = await pf.search(query);
          const data = await Promise.all(search.results.slice(0, depth).map((r) => r.data()));
          return data.map((d) => d.url.replace(/^\//, '').replace(/index\.html$/, ''));
        },
        { query, depth: DEPTH * 3 },
      );
      let timer;
      const hung = new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`Pagefind did not answer "${query}" in ${QUERY_TIMEOUT_MS} ms`)),
          QUERY_TIMEOUT_MS,
        );
      });
      const found = await Promise.race([search, hung]).finally(() => clearTimeout(timer));
      // Only content pages count, as if the theme marked them data-pagefind-body:
      // listing pages (sections, taxonomies) are not in the other tools' indexes.
      rankings[query] = found.filter((url) => pages.has(url)).slice(0, DEPTH);
    }
    return rankings;
  } finally {
    await browser.close();
    server.close();
  }
}

const out = {
  lunr: lunrRankings(),
  MiniSearch: miniSearchRankings(),
  Pagefind: await pagefindRankings(),
};
writeFileSync(outFile, JSON.stringify(out, null, 1));
console.error(`wrote ${outFile}: ${Object.keys(out).join(', ')} on ${queries.length} queries`);
