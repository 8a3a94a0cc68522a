// The browser's engine and the native one rank alike: the same top 10 and
// the same rewrites for every judged query of every set (`praksis eval
// --list-sets`), queries that only the fallback answers, and some odd ones.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { judgedSets, nativeSearch } from '../support/project.mjs';
import { startSite } from '../support/site.mjs';

const PARITY_QUERIES = [
  ...new Set(judgedSets().flatMap(({ queries }) => queries)),
  // Related words are named, not searched (the rewrite of kind `related`).
  'mentor',
  // Found only by the fallback: a compound's known end, any part, two edits.
  'langtidsledige',
  'gadebørn',
  'misbrgre',
  'Kobenhavn',
  'København',
  'social aktivering',
  '"social aktivering" -misbrug',
  'mentoror',
  // A misspelling with a correction, whose letters also split into words.
  'aktivring',
  'unge uden uddannelse',
  'grønlændere Esbjerg',
  'job',
  '§ 94',
  '"((',
  '',
];
const site = await startSite();
after(() => site.close());

test('native `praksis search --json` and the browser return the same top 10, in two rounds of fetches at most', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  for (const query of PARITY_QUERIES) {
    const native = nativeSearch(query, 10);
    const browserResults = await page.evaluate((q) => window.praksisSearch(q, 10), query);
    const nativeUrls = native.hits.map((h) => h.url).join('\n');
    const browserUrls = browserResults.hits.map((h) => h.url).join('\n');
    assert.ok(nativeUrls === browserUrls, `"${query}" differs:\nnative:\n${nativeUrls}\nbrowser:\n${browserUrls}`);
    assert.deepEqual(browserResults.rewrites ?? [], native.rewrites ?? [], `"${query}": rewrites differ`);
    // Each phase reports every chunk it misses at once (docs/loading.md).
    assert.ok(browserResults.fetchRounds <= 2, `"${query}": ${browserResults.fetchRounds} rounds of fetches`);
  }
});
