// Browser tests: the built site under the sub-path /praksis/, driven in
// Debian's headless Chromium. Prints "N passed, N failed" and exits non-zero
// on any failure.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serveFolder } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..');
const praksis = join(repo, 'target', 'release', 'praksis');
const BASE = '/praksis/';
const EXAMPLE_TITLE = 'Integration uden omveje';
// Results from the engine, not the suggestion list shown while it loads.
const ENGINE_HITS = '#search-results[data-results="engine"] li';

// Queries whose top 10 must be identical natively and in the browser: every
// judged query of curation/queries.tsv, and some odd ones.
const judged = readFileSync(join(repo, 'curation', 'queries.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .slice(1)
  .map((line) => line.split('\t')[0]);
const PARITY_QUERIES = [
  ...judged,
  'Kobenhavn', 'København', 'social aktivering', '"social aktivering" -misbrug', 'mentoror',
  'unge uden uddannelse', 'grønlændere Esbjerg', 'job', '§ 94', '"((', '',
];

// One page of every type the site has.
const PAGE_TYPES = ['', 'eksempler/', 'eksempler/projekt-foeniks/', 'rapporter/lokalvaerdi-2022/',
  'forloeb/lokalvaerdi-2022-k1/', 'kontinuum/', 'matrix/', 'faktorer/', 'kom-i-gang/', 'metode/',
  'metode/mentorordning/', 'kapitler/indledning/', 'sammenlign/?e=projekt-foeniks&e=projekt-aandehullet-i-vordingborg',
  '404.html'];

const work = mkdtempSync(join(tmpdir(), 'praksis-e2e-'));
const siteDir = join(work, 'praksis');
execFileSync(praksis, ['--root', repo, 'build', '--output', siteDir, '--base-url', BASE], { stdio: 'inherit' });
const shots = join(work, 'screenshots');
mkdirSync(shots);

const { server, origin } = await serveFolder(work);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--no-first-run'],
  // Playwright gives every launch a fresh, empty --user-data-dir of its own.
});

const results = [];
async function test(name, body) {
  try {
    await body();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (error) {
    results.push([name, error]);
    console.log(`FAIL ${name}\n     ${error.message.split('\n').join('\n     ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A page that records every request and fails the test on page errors. */
async function openPage(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  page.requests = [];
  page.errors = [];
  page.on('request', (request) => page.requests.push(request.url()));
  page.on('pageerror', (error) => page.errors.push(error.message));
  return page;
}

async function typeQuery(page, query) {
  await page.fill('#search-input', '');
  await page.focus('#search-input');
  await page.type('#search-input', query);
}

await test('"mentorordning" finds Integration uden omveje first, and the link opens it', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  await typeQuery(page, 'mentorordning');
  const first = page.locator(ENGINE_HITS + ' a').first();
  await first.waitFor({ timeout: 15000 });
  const title = await first.textContent();
  assert(title.includes(EXAMPLE_TITLE), `first result is "${title}"`);
  const snippet = await page.locator(ENGINE_HITS + ' p').first().innerHTML();
  assert(snippet.includes('<mark>'), `snippet has no highlight: ${snippet}`);
  await page.screenshot({ path: join(shots, 'search-results.png') });
  await first.click();
  await page.waitForURL(/\/praksis\/eksempler\/projekt-integration-uden-omveje/);
  const h1 = await page.locator('h1').textContent();
  assert(h1.includes(EXAMPLE_TITLE), `opened page has h1 "${h1}"`);
  await page.screenshot({ path: join(shots, 'example-page.png'), fullPage: false });
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
  const foreign = page.requests.filter((url) => !url.startsWith(origin));
  assert(foreign.length === 0, `requests to other hosts: ${foreign}`);
  const outside = page.requests.filter((url) => !url.startsWith(origin + BASE));
  assert(outside.length === 0, `requests outside ${BASE}: ${outside}`);
});

await test('the engine loads in a worker after the page, from a hot pack, then only the chunks a query needs', async () => {
  const page = await openPage();
  await page.goto(origin + BASE); // resolves at the load event
  const engineFiles = (urls) => urls.filter((url) => /\/pkg\/|\/search-index\//.test(url));
  assert(engineFiles(page.requests).length === 0, `fetched during page load: ${engineFiles(page.requests)}`);
  // Idle in the background, with no interaction at all.
  await page.waitForRequest(/\/search-index\/index\.[0-9a-f]{16}\.hot$/, { timeout: 15000 });
  await page.waitForFunction(() => window.praksisSearch('mentorordning').then((r) => r.hits.length > 0));
  assert(page.workers().length === 1, `${page.workers().length} workers`);
  const index = engineFiles(page.requests).filter((url) => url.includes('/search-index/'));
  const chunks = index.filter((url) => /\/search-index\/chunks\.[0-9a-f]{16}\/[^/]+\.\d+$/.test(url));
  assert(index.length === 3 + chunks.length, `index requests: ${index}`); // manifest, hot pack, suggestions, chunks
  const published = readdirSync(join(siteDir, 'search-index'), { recursive: true })
    .filter((name) => /^chunks\.[0-9a-f]{16}\/./.test(name));
  // On this small site ten hits' pages are much of the store; at scale a
  // query reads a small share (crates/search engine tests, ./x bench).
  assert(chunks.length > 0 && chunks.length < published.length,
    `one query fetched ${chunks.length} of ${published.length} chunks`);
  assert(new Set(chunks).size === chunks.length, `a chunk fetched twice: ${chunks}`);
  assert(engineFiles(page.requests).some((url) => /\/pkg\/engine\.[0-9a-f]{16}\.wasm$/.test(url)), 'hashed wasm name');
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

await test('while the engine loads, the first keystroke already shows right suggestions', async () => {
  const page = await openPage();
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/\/pkg\/engine\.[0-9a-f]+\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto(origin + BASE);
  for (const [query, title] of [['mentorordning', EXAMPLE_TITLE], ['foniks', 'Projekt Føniks'], ['Svenstrupgård', 'Svenstrupgaard']]) {
    await typeQuery(page, query);
    const first = page.locator('#search-results[data-results="suggestions"] li a').first();
    await first.waitFor({ timeout: 5000 });
    const text = await first.textContent();
    assert(text.includes(title), `first suggestion for "${query}" is "${text}"`);
    const status = await page.locator('#search-status').textContent();
    assert(/forslag/.test(status), `status "${status}"`);
  }
  release();
  const hit = page.locator(ENGINE_HITS + ' a').first();
  await hit.waitFor({ timeout: 15000 });
  assert((await hit.textContent()).includes('Svenstrupgaard'), 'the engine answers the query typed meanwhile');
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

await test('a facet button narrows the results to its pages, and shows their count', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  await typeQuery(page, 'misbrug');
  const button = page.locator('.search-facets button', { hasText: 'Borgerforløb' });
  await button.waitFor({ timeout: 15000 });
  const label = await button.textContent();
  const count = Number(label.match(/\((\d+)\)/)?.[1]);
  await button.click();
  await page.locator('.search-facets button[aria-pressed="true"]').waitFor({ timeout: 5000 });
  const links = await page.locator(ENGINE_HITS + ' a').evaluateAll((as) => as.map((a) => a.href));
  assert(links.length === count, `"${label}" but ${links.length} results: ${links}`);
  assert(links.every((href) => href.includes('/forloeb/')), `not all cases: ${links}`);
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

await test('the compare page shows the examples named in the URL, and ticking one adds it to the URL', async () => {
  const page = await openPage();
  await page.goto(`${origin}${BASE}sammenlign/?e=projekt-foeniks&e=hotellet-paa-vesterbro-koebenhavn`);
  const visible = () => page.locator('thead th[data-example]:visible').evaluateAll((ths) => ths.map((th) => th.dataset.example));
  let shown = await visible();
  assert(shown.length === 2 && shown.includes('projekt-foeniks') && shown.includes('hotellet-paa-vesterbro-koebenhavn'),
    `shown: ${shown}`);
  await page.check('input[value="projekt-integration-uden-omveje-den-direkte-vej"]');
  shown = await visible();
  assert(shown.length === 3, `after ticking a third: ${shown}`);
  const url = new URL(page.url());
  assert(url.searchParams.getAll('e').length === 3, `URL: ${page.url()}`);
  const rows = await page.locator('tbody tr').count();
  assert(rows >= 8, `${rows} rows`);
  await page.screenshot({ path: join(shots, 'compare.png') });
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

/** axe-core's violations on each path under BASE, in light and dark. */
async function axeViolations(paths) {
  const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await openPage({ colorScheme });
    for (const path of paths) {
      await page.goto(origin + BASE + path);
      // Evaluated through the DevTools protocol, so the page's CSP does not apply.
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run());
      for (const violation of result.violations) {
        found.push(`${colorScheme} /${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0].target.join(' ')}`);
      }
    }
  }
  return found;
}

await test('axe-core finds no violations on any page type, light and dark', async () => {
  const found = await axeViolations(PAGE_TYPES);
  assert(found.length === 0, `axe violations:\n${found.join('\n')}`);
});

await test('a query that matches nothing says "Ingen resultater"', async () => {
  const page = await openPage();
  await page.goto(origin + BASE + 'eksempler/');
  await typeQuery(page, 'xqzvwk');
  await page.locator('#search-status', { hasText: 'Ingen resultater' }).waitFor({ timeout: 15000 });
  assert(await page.locator('#search-results').isHidden(), 'result list should be hidden');
});

await test('native `praksis search --json` and the browser return the same top 10', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  for (const query of PARITY_QUERIES) {
    const native = JSON.parse(execFileSync(praksis, ['--root', repo, 'search', query, '--json', '--limit', '10']));
    const browserResults = await page.evaluate((q) => window.praksisSearch(q, 10), query);
    const nativeUrls = native.hits.map((h) => h.url).join('\n');
    const browserUrls = browserResults.hits.map((h) => h.url).join('\n');
    assert(nativeUrls === browserUrls, `"${query}" differs:\nnative:\n${nativeUrls}\nbrowser:\n${browserUrls}`);
  }
});

await test('browse links work with JavaScript disabled', async () => {
  const page = await openPage({ javaScriptEnabled: false });
  await page.goto(origin + BASE);
  await page.click('nav[aria-label="Hovedmenu"] >> text=Eksempler');
  await page.waitForURL(origin + BASE + 'eksempler/');
  const count = await page.locator('.page-list li').count();
  assert(count === 21, `example list has ${count} entries`);
  await page.locator('.page-list li a').first().click();
  await page.waitForURL(/\/praksis\/eksempler\/basens-aktivitetscenter\//);
  await page.click('text=Praksiseksempel');
  await page.waitForURL(origin + BASE + 'kildetype/praksiseksempel/');
  assert((await page.locator('.page-list li').count()) === 21, 'taxonomy page lists the 21 examples');
});

await test('every asset and link stays under the base path (front page, 404)', async () => {
  const page = await openPage();
  const response = await page.goto(origin + BASE + '404.html');
  assert(response.ok(), '404.html is published');
  const hrefs = await page.$$eval('a[href], link[href], script[src]', (els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')));
  const bad = hrefs.filter((h) => !h.startsWith(BASE) && !h.startsWith('#'));
  assert(bad.length === 0, `links outside ${BASE}: ${bad}`);
});

await test('the Atom feed and the sitemap are well-formed XML the browser parses', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  const feed = await page.getAttribute('link[type="application/atom+xml"]', 'href');
  assert(feed === BASE + 'atom.xml', `feed link ${feed}`);
  for (const file of ['atom.xml', 'sitemap.xml']) {
    const parsed = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, entries: doc.getElementsByTagName('entry').length };
    }, BASE + file);
    assert(parsed.error === null, `${file}: ${parsed.error}`);
    if (file === 'atom.xml') assert(parsed.entries >= 21, `feed has ${parsed.entries} entries`);
  }
});

await test('an index of another format version, or tampered with, gives a clear message, not a crash', async () => {
  for (const [damage, expected] of [
    [(manifest) => ({ ...manifest, format_version: 999 }), 'passer ikke til denne version'],
    [(manifest) => ({ ...manifest, hot_hash: '0'.repeat(32) }), 'Søgningen kunne ikke starte'],
  ]) {
    const page = await openPage();
    await page.route('**/search-index/manifest.json', async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: JSON.stringify(damage(await response.json())) });
    });
    await page.goto(origin + BASE);
    await typeQuery(page, 'mentorordning');
    const status = page.locator('#search-status', { hasText: expected });
    await status.waitFor({ timeout: 15000 });
    assert(page.errors.length === 0, `page errors: ${page.errors}`);
    assert(await page.locator('#search-input').isEditable(), 'the search box still works');
  }
});

await test('hostile queries get an answer in WebAssembly, and the page keeps working', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  const hostile = ['', ' ', 'a'.repeat(10000), 'mentorordning'.repeat(800), 'mentorordningen '.repeat(2000),
    '"mentor', '"""', 'og i at det', '!!! ??? ...', '.*(a|b)+$ [^x]{2,} \\d', "'; DROP TABLE pages; --",
    '1 OR 1=1', '<script>alert(1)</script>', '-', '-- -mentor', 'mentor* ~2 title:x (((',
    '\u202e\u200b\u0000', '🙂 مرحبا', '\ud800'];
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
  assert(failed.length === 0, `no answer: ${JSON.stringify(failed)}`);
  const slowest = Math.max(...answers.slice(1).map((a) => a.ms));
  console.log(`     ${hostile.length} hostile queries answered, slowest ${slowest.toFixed(0)} ms`);
  await typeQuery(page, 'mentorordning');
  await page.locator(ENGINE_HITS + ' a').first().waitFor({ timeout: 15000 });
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

await test('no script from a hostile page runs, on the page or through search snippets', async () => {
  // A copy of the project with one hand-written hostile page, built as
  // `zola build` would take it (--keep-content), served beside the main site.
  const copy = join(work, 'hostile-project');
  for (const item of ['sources', 'curation', 'themes', 'static', 'content', 'config.toml']) {
    cpSync(join(repo, item), join(copy, item), { recursive: true, verbatimSymlinks: true });
  }
  const trap = 'window.__pwned=1';
  writeFileSync(join(copy, 'content', 'eksempler', 'fjendtlig.md'), [
    '+++', `title = "Fjendtlig <img src=x onerror=${trap}>"`, '+++',
    `Fjendtlig tekst <script>${trap}</script> <img src=x onerror="${trap}">`,
    `[klik](javascript:${trap}) <a href="javascript:${trap}">a</a> <svg onload="${trap}"></svg>`, '',
  ].join('\n'));
  const hostileBase = '/fjendtlig/';
  execFileSync(praksis, ['--root', copy, 'build', '--keep-content', '--output', join(work, 'fjendtlig'),
    '--base-url', hostileBase], { stdio: 'ignore' });
  const page = await openPage();
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  await page.goto(origin + hostileBase + 'eksempler/fjendtlig/');
  for (const link of await page.locator('main a').all()) {
    const href = (await link.getAttribute('href')) ?? '';
    assert(!href.toLowerCase().includes('javascript:'), `script link published: ${href}`);
  }
  await typeQuery(page, 'fjendtlig');
  await page.locator(ENGINE_HITS + ' a').first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  assert(pwned === undefined, 'a script from the content ran');
  assert(dialogs.length === 0, `dialogs: ${dialogs}`);
});

await test('the search list works from the keyboard alone, and announces the number of results', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  await page.keyboard.press('Tab'); // skip link first
  let focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  assert(/Spring/i.test(focused), `first Tab lands on "${focused}", not the skip link`);
  await page.focus('#search-input');
  await page.keyboard.type('mentorordning');
  await page.locator(ENGINE_HITS + ' a').first().waitFor({ timeout: 15000 });
  const status = await page.locator('#search-status').textContent();
  const live = await page.locator('#search-status').getAttribute('aria-live');
  assert(/\d+ resultat/.test(status) && live, `status "${status}", aria-live=${live}`);
  await page.keyboard.press('ArrowDown');
  focused = await page.evaluate(() => document.activeElement?.closest('#search-results') !== null);
  assert(focused, 'ArrowDown moves into the results');
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press('ArrowDown');
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert(first !== second, 'ArrowDown moves to the next result');
  await page.keyboard.press('ArrowUp');
  assert((await page.evaluate(() => document.activeElement.textContent)) === first, 'ArrowUp moves back');
  await page.keyboard.press('Escape');
  assert(await page.locator('#search-results').isHidden(), 'Escape closes the results');
  assert((await page.inputValue('#search-input')) === 'mentorordning', 'the query stays');
  await page.focus('#search-input');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/praksis\/eksempler\//);
});

await test('no page type scrolls sideways at phone or desktop width; screenshots of both', async () => {
  const views = [['phone', { width: 320, height: 640 }], ['desktop', { width: 1366, height: 900 }]];
  for (const [name, viewport] of views) {
    const page = await openPage({ viewport });
    for (const path of PAGE_TYPES) {
      await page.goto(origin + BASE + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert(overflow <= 1, `${name} /${path} scrolls sideways by ${overflow}px`);
    }
    for (const [shot, path] of [['front', ''], ['example', 'eksempler/projekt-foeniks/'], ['continuum', 'kontinuum/']]) {
      await page.goto(origin + BASE + path);
      await page.screenshot({ path: join(shots, `${name}-${shot}.png`), fullPage: true });
    }
    await page.goto(origin + BASE);
    await typeQuery(page, 'mentorordning');
    await page.locator(ENGINE_HITS + ' a').first().waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(shots, `${name}-search.png`) });
  }
});

await test('the gap map fits 320, 390 and 1366 px, passes axe in both colourings and schemes, and shows a cell\'s titles on focus', async () => {
  const found = await axeViolations(['matrix/', 'matrix/#efter-kontinuum', 'matrix/praksiseksempler/']);
  assert(found.length === 0, `axe violations:\n${found.join('\n')}`);
  for (const width of [320, 390, 1366]) {
    const page = await openPage({ viewport: { width, height: 800 } });
    await page.goto(origin + BASE + 'matrix/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert(overflow <= 1, `${width} px: the map scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(shots, `matrix-${width}.png`), fullPage: width > 400 });
  }
  const page = await openPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(origin + BASE + 'matrix/');
  assert(await page.locator('#efter-kilde').isVisible(), 'the source-type figure shows first');
  await page.click('a[href="#efter-kontinuum"]');
  assert(await page.locator('#efter-kontinuum').isVisible() && await page.locator('#efter-kilde').isHidden(), 'the toggle swaps the figures');
  const cell = page.locator('#efter-kontinuum a.cell').first();
  await cell.focus();
  const id = (await cell.getAttribute('href')).slice(1);
  const titles = await page.locator(`#${id} li > a`).allTextContents();
  const tip = await page.locator('#gapmap-tip').innerText();
  assert(titles.length > 0 && titles.every((t) => tip.includes(t)), `tooltip "${tip}" lacks some of ${titles}`);
  assert(String(titles.length) === (await cell.locator('.count').textContent()), 'bubble number = pages listed');
  assert(page.errors.length === 0, page.errors.join('\n'));
});

await test('an example prints as a summary of at most two A4 pages', async () => {
  const page = await openPage();
  for (const path of ['eksempler/projekt-foeniks/', 'eksempler/projekt-integration-uden-omveje-den-direkte-vej/']) {
    await page.goto(origin + BASE + path);
    await page.emulateMedia({ media: 'print' });
    assert(await page.locator('.facts').isVisible(), 'the overview prints');
    assert(await page.locator('.prose').isHidden(), 'the full text is left to the web page');
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert(pages >= 1 && pages <= 2, `${path} prints on ${pages} pages`);
  }
});

await test('the Content-Security-Policy stops requests to other hosts', async () => {
  const page = await openPage();
  await page.goto(origin + BASE);
  const outcome = await page.evaluate(async () => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    try {
      await fetch('https://example.org/');
      return { fetched: true, violations };
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { fetched: false, violations };
    }
  });
  assert(!outcome.fetched, 'a request to another host went out');
  assert(outcome.violations.includes('connect-src'), `violations: ${outcome.violations}`);
});

await test('a page an editor writes by hand is found by the search in the browser, tagged and listed', async () => {
  // A copy of the project with one hand-written example, built as an editor would.
  const project = join(work, 'editor-project');
  for (const item of ['sources', 'curation', 'content', 'themes', 'static', 'config.toml']) {
    cpSync(join(repo, item), join(project, item), { recursive: true, verbatimSymlinks: true });
  }
  writeFileSync(join(project, 'content', 'eksempler', 'jobcafe-i-greve.md'),
    '+++\ntitle = "Jobcafé i Greve"\ndate = 2026-11-30\n+++\n\n' +
    'I Greve Kommune får hjemløse en mentor i jobcaféen, og deltagerne kommer i virksomhedspraktik.\n');
  const editorBase = '/redaktion/';
  execFileSync(praksis, ['--root', project, 'build', '--output', join(work, 'redaktion'), '--base-url', editorBase],
    { stdio: 'inherit' });
  const page = await openPage();
  await page.goto(origin + editorBase);
  await typeQuery(page, 'jobcafé');
  const first = page.locator(ENGINE_HITS + ' a').first();
  await first.waitFor({ timeout: 15000 });
  const title = await first.textContent();
  assert(title.includes('Jobcafé i Greve'), `first result is "${title}"`);
  await first.click();
  await page.waitForURL(/\/redaktion\/eksempler\/jobcafe-i-greve\//);
  const evidence = await page.locator('details.evidence').textContent();
  assert(evidence.includes('Mentorordning') && evidence.includes('forslag'), `evidence box: ${evidence}`);
  await page.goto(origin + editorBase + 'metode/mentorordning/');
  assert(await page.locator('a[href$="/eksempler/jobcafe-i-greve/"]').count() > 0, 'not on its method page');
  assert(page.errors.length === 0, `page errors: ${page.errors}`);
});

await browser.close();
server.close();
const failed = results.filter(([, error]) => error).length;
console.log(`screenshots: ${shots}`);
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
