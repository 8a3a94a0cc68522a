// The search box in the browser: the engine in its worker, the suggestions
// while it loads, facets, the keyboard, and damaged or hostile input.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { BASE, ENGINE_HITS, startSite, typeQuery } from '../support/site.mjs';

const EXAMPLE_TITLE = 'Integration uden omveje';
const site = await startSite();
after(() => site.close());

test('"mentorordning" finds Integration uden omveje first, and the link opens it', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, 'mentorordning');
  const first = page.locator(`${ENGINE_HITS} a`).first();
  await first.waitFor({ timeout: 15000 });
  const title = await first.textContent();
  assert.ok(title.includes(EXAMPLE_TITLE), `first result is "${title}"`);
  const snippet = await page.locator(`${ENGINE_HITS} p`).first().innerHTML();
  assert.ok(snippet.includes('<mark>'), `snippet has no highlight: ${snippet}`);
  await page.screenshot({ path: join(site.shots, 'search-results.png') });
  await first.click();
  await page.waitForURL(/\/praksis\/eksempler\/projekt-integration-uden-omveje/);
  const h1 = await page.locator('h1').textContent();
  assert.ok(h1.includes(EXAMPLE_TITLE), `opened page has h1 "${h1}"`);
  await page.screenshot({ path: join(site.shots, 'example-page.png'), fullPage: false });
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
  const foreign = page.requests.filter((url) => !url.startsWith(site.origin));
  assert.ok(foreign.length === 0, `requests to other hosts: ${foreign}`);
  const outside = page.requests.filter((url) => !url.startsWith(site.url()));
  assert.ok(outside.length === 0, `requests outside ${BASE}: ${outside}`);
});

test('the engine loads in a worker after the page, from a hot pack, then only the chunks a query needs', async () => {
  const page = await site.openPage();
  await page.goto(site.url()); // resolves at the load event
  const engineFiles = (urls) => urls.filter((url) => /\/pkg\/|\/search-index\//.test(url));
  assert.ok(engineFiles(page.requests).length === 0, `fetched during page load: ${engineFiles(page.requests)}`);
  // Idle in the background, with no interaction at all.
  await page.waitForRequest(/\/search-index\/index\.[0-9a-f]{16}\.hot\.gz$/, { timeout: 15000 });
  await page.waitForFunction(() => window.praksisSearch('mentorordning').then((r) => r.hits.length > 0));
  assert.ok(page.workers().length === 1, `${page.workers().length} workers`);
  const index = engineFiles(page.requests).filter((url) => url.includes('/search-index/'));
  const chunks = index.filter((url) => /\/search-index\/chunks\.[0-9a-f]{16}\/[^/]+\.\d+\.gz$/.test(url));
  assert.ok(index.length === 3 + chunks.length, `index requests: ${index}`); // manifest, hot pack, suggestions, chunks
  const published = readdirSync(join(site.siteDir, 'search-index'), { recursive: true }).filter((name) =>
    /^chunks\.[0-9a-f]{16}\/./.test(name),
  );
  // On this small site ten hits' pages are much of the store; at scale a
  // query reads a small share (crates/search engine tests, ./x bench).
  assert.ok(
    chunks.length > 0 && chunks.length < published.length,
    `one query fetched ${chunks.length} of ${published.length} chunks`,
  );
  assert.ok(new Set(chunks).size === chunks.length, `a chunk fetched twice: ${chunks}`);
  assert.ok(
    engineFiles(page.requests).some((url) => /\/pkg\/engine\.[0-9a-f]{16}\.wasm\.gz$/.test(url)),
    'hashed, precompressed wasm name',
  );
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('while the engine loads, the first keystroke already shows right suggestions', async () => {
  const page = await site.openPage();
  let release;
  const held = new Promise((resolve) => {
    release = resolve;
  });
  await page.route(/\/pkg\/engine\.[0-9a-f]+\.wasm\.gz$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(site.url());
  for (const [query, title] of [
    ['mentorordning', EXAMPLE_TITLE],
    ['foniks', 'Projekt Føniks'],
    ['Svenstrupgård', 'Svenstrupgaard'],
  ]) {
    await typeQuery(page, query);
    const first = page.locator('#search-results[data-results="suggestions"] li a').first();
    await first.waitFor({ timeout: 5000 });
    const text = await first.textContent();
    assert.ok(text.includes(title), `first suggestion for "${query}" is "${text}"`);
    const status = await page.locator('#search-status').textContent();
    assert.ok(/forslag/.test(status), `status "${status}"`);
  }
  release();
  const hit = page.locator(`${ENGINE_HITS} a`).first();
  await hit.waitFor({ timeout: 15000 });
  assert.ok((await hit.textContent()).includes('Svenstrupgaard'), 'the engine answers the query typed meanwhile');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

/** A page whose engine has the index open; `saveData` as a reader who asked to save data. */
async function openLoaded(saveData) {
  const page = await site.openPage();
  if (saveData) {
    await page.addInitScript(() =>
      Object.defineProperty(Navigator.prototype, 'connection', { get: () => ({ saveData: true }) }),
    );
  }
  await page.goto(site.url());
  await page.focus('#search-input'); // saving data, the engine loads on focus only
  await page.waitForFunction(() => window.praksisSearch('').then(() => true));
  return page;
}

const CHUNK_REQUEST = /\/search-index\/chunks\.[0-9a-f]{16}\//;

test('a reader who saves data: half-typed words fetch fewer chunks, and the whole word is answered', async (t) => {
  // Typed at an everyday pace once the engine is open: with the short pause
  // each half-typed word fetches its hits' pages; saving data, only the last.
  const chunksWhileTyping = async (saveData) => {
    const page = await openLoaded(saveData);
    const before = page.requests.length;
    await page.type('#search-input', 'mentorordning', { delay: 200 });
    await page.waitForFunction(() => document.getElementById('search-results').dataset.done === 'mentorordning', null, {
      timeout: 15000,
    });
    const title = await page.locator(`${ENGINE_HITS} a`).first().textContent();
    assert.ok(title.includes(EXAMPLE_TITLE), `first result is "${title}"`);
    assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
    const chunks = page.requests.slice(before).filter((url) => CHUNK_REQUEST.test(url));
    await page.context().close();
    return chunks.length;
  };
  const usual = await chunksWhileTyping(false);
  const saving = await chunksWhileTyping(true);
  t.diagnostic(`chunks fetched while typing: ${usual} as usual, ${saving} saving data`);
  assert.ok(saving > 0 && saving < usual, `chunks fetched while typing: ${usual} as usual, ${saving} saving data`);
});

test('a query pasted whole fetches at once, not after a typing pause', async () => {
  // Saving data, a search typed key by key waits 500 ms before the reader's
  // second key shows their pace; a pasted query is not waiting for more keys.
  const page = await openLoaded(true);
  const started = Date.now();
  const request = page.waitForRequest(CHUNK_REQUEST, { timeout: 15000 });
  await page.evaluate(() => {
    const input = document.getElementById('search-input');
    input.value = 'mentorordning';
    input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste', bubbles: true }));
  });
  await request;
  const waited = Date.now() - started;
  assert.ok(waited < 400, `the first chunk was asked for ${waited} ms after the paste`);
  const first = page.locator(`${ENGINE_HITS} a`).first();
  await first.waitFor({ timeout: 15000 });
  assert.ok((await first.textContent()).includes(EXAMPLE_TITLE), 'the pasted query is answered');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
  await page.context().close();
});

test('a facet button narrows the results to its pages, and shows their count', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, 'misbrug');
  const button = page.locator('.search-facets button', { hasText: 'Borgerforløb' });
  await button.waitFor({ timeout: 15000 });
  const label = await button.textContent();
  const count = Number(label.match(/\((\d+)\)/)?.[1]);
  await button.click();
  await page.locator('.search-facets button[aria-pressed="true"]').waitFor({ timeout: 5000 });
  const links = await page.locator(`${ENGINE_HITS} a`).evaluateAll((as) => as.map((a) => a.href));
  assert.ok(links.length === count, `"${label}" but ${links.length} results: ${links}`);
  assert.ok(
    links.every((href) => href.includes('/forloeb/')),
    `not all cases: ${links}`,
  );
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('a query that matches nothing says "Ingen resultater"', async () => {
  const page = await site.openPage();
  await page.goto(site.url('eksempler/'));
  await typeQuery(page, 'xqzvwk');
  await page.locator('#search-status', { hasText: 'Ingen resultater' }).waitFor({ timeout: 15000 });
  assert.ok(await page.locator('#search-results').isHidden(), 'result list should be hidden');
});

test('an index of another format version, or tampered with, gives a clear message, not a crash', async () => {
  for (const [damage, expected] of [
    [(manifest) => ({ ...manifest, format_version: 999 }), 'passer ikke til denne version'],
    [(manifest) => ({ ...manifest, hot_hash: '0'.repeat(32) }), 'Søgningen kunne ikke starte'],
  ]) {
    const page = await site.openPage();
    await page.route('**/search-index/manifest.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: JSON.stringify(damage(await response.json())) });
    });
    await page.goto(site.url());
    await typeQuery(page, 'mentorordning');
    const status = page.locator('#search-status', { hasText: expected });
    await status.waitFor({ timeout: 15000 });
    assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
    assert.ok(await page.locator('#search-input').isEditable(), 'the search box still works');
  }
});

test('hostile queries get an answer in WebAssembly, and the page keeps working', async (t) => {
  const page = await site.openPage();
  await page.goto(site.url());
  const hostile = [
    '',
    ' ',
    'a'.repeat(10000),
    'mentorordning'.repeat(800),
    'mentorordningen '.repeat(2000),
    '"mentor',
    '"""',
    'og i at det',
    '!!! ??? ...',
    '.*(a|b)+$ [^x]{2,} \\d',
    "'; DROP TABLE pages; --",
    '1 OR 1=1',
    '<script>alert(1)</script>',
    '-',
    '-- -mentor',
    'mentor* ~2 title:x (((',
    '\u202e\u200b\u0000',
    '🙂 مرحبا',
    '\ud800',
  ];
  const answers = await page.evaluate(async (queries) => {
    const out = [];
    for (const query of queries) {
      const started = performance.now();
      try {
        const results = await window.praksisSearch(query, 10);
        out.push({ ok: true, hits: results.hits.length, ms: performance.now() - started });
      } catch (error) {
        out.push({ ok: false, error: String(error), ms: performance.now() - started });
      }
    }
    return out;
  }, hostile);
  const failed = answers.map((a, i) => [hostile[i].slice(0, 30), a]).filter(([, a]) => !a.ok);
  assert.ok(failed.length === 0, `no answer: ${JSON.stringify(failed)}`);
  const slowest = Math.max(...answers.slice(1).map((a) => a.ms));
  t.diagnostic(`${hostile.length} hostile queries answered, slowest ${slowest.toFixed(0)} ms`);
  await typeQuery(page, 'mentorordning');
  await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('the search list works from the keyboard alone, and announces the number of results', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await page.keyboard.press('Tab'); // skip link first
  let focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert.ok(/Spring/i.test(focused), `first Tab lands on "${focused}", not the skip link`);
  await page.focus('#search-input');
  await page.keyboard.type('mentorordning');
  await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
  const status = await page.locator('#search-status').textContent();
  const live = await page.locator('#search-status').getAttribute('aria-live');
  assert.ok(/\d+ resultat/.test(status) && live, `status "${status}", aria-live=${live}`);
  await page.keyboard.press('ArrowDown');
  focused = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
  assert.ok(focused, 'ArrowDown moves into the results');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.ok(first !== second, 'ArrowDown moves to the next result');
  await page.keyboard.press('ArrowUp');
  assert.ok((await page.evaluate(() => document.activeElement.textContent)) === first, 'ArrowUp moves back');
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#search-results').isHidden(), 'Escape closes the results');
  assert.ok((await page.inputValue('#search-input')) === 'mentorordning', 'the query stays');
  await page.focus('#search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  // The first link is the page of the method the query names, above the hits.
  await page.waitForURL(/\/praksis\/metode\/mentorordning\/$/);
});

test('a facet the query names is offered first, however few pages it has', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, 'mentor');
  const facets = page.locator('.search-facets button[data-taxonomy="metode"]');
  await facets.first().waitFor({ timeout: 15000 });
  const labels = await facets.allTextContents();
  assert.match(labels[0], /^Mentorordning \(\d+\)/, `${labels}`);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('a query naming a method links to its page above the hits; one naming none does not', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, 'mentor');
  const note = page.locator('#search-results .search-term-pages');
  await note.waitFor({ timeout: 15000 });
  assert.match(await note.textContent(), /^Se også siden om metoden »Mentorordning«/);
  await typeQuery(page, 'Randers');
  await page.locator('#search-results[data-done="Randers"]').waitFor({ timeout: 15000 });
  assert.equal(await note.count(), 0, 'a note for a query that names no method, idea or target group');
  await typeQuery(page, 'mentor');
  await note.locator('a').first().click();
  await page.waitForURL(/\/praksis\/metode\/mentorordning\/$/);
  assert.match(await page.locator('h1').textContent(), /Mentorordning/);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('the term pages the search box links to exist, and match the results page filters with their counts', async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/'));
  // As the template writes them, before the script redraws the buttons.
  const fromButtons = await page.evaluate(async () => {
    const html = new DOMParser().parseFromString(await (await fetch(location.href)).text(), 'text/html');
    return [...html.querySelectorAll('button[data-href]')].map((b) => [
      b.dataset.taxonomy,
      b.dataset.term,
      new URL(b.dataset.href, location.href).href,
      Number(b.dataset.count),
    ]);
  });
  const exported = await page.evaluate(async () => (await fetch('../eksport/termer.json')).json());
  const listed = Object.entries(exported).flatMap(([taxonomy, terms]) =>
    Object.entries(terms).map(([term, { path, pages }]) => [
      taxonomy,
      term,
      new URL(`../${path}`, page.url()).href,
      pages,
    ]),
  );
  assert.ok(listed.length > 20, `${listed.length} terms exported`);
  let compared = 0;
  for (const entry of listed) {
    const [taxonomy, term, href] = entry;
    const button = fromButtons.find(([t, name]) => t === taxonomy && name === term);
    if (button) {
      assert.deepEqual(button, entry, `${taxonomy} »${term}«`);
      compared += 1;
    }
    const heading = await page.evaluate(async (address) => {
      const response = await fetch(address);
      const html = new DOMParser().parseFromString(await response.text(), 'text/html');
      return response.ok ? html.querySelector('h1')?.textContent : `HTTP ${response.status}`;
    }, href);
    assert.ok(heading?.includes(term), `${href}: h1 "${heading}"`);
  }
  assert.ok(compared > 10, `only ${compared} terms have a filter button`);
});
