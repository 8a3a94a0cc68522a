// Side-by-side benchmark: the same site searched with Praksisbasen's engine and
// with Pagefind, served from 127.0.0.1 and driven in headless Chromium, on a
// slow line and unthrottled. Prints a table with the ratio Praksisbasen /
// Pagefind for each figure and writes it to docs/benchmarks.md.
//
//   node bench/perf/run.mjs [--quick]          (./x bench)

import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';
import { chromium } from 'playwright-core';
import { launchChromium } from '../../e2e/support/chromium.mjs';
import { HOST_KINDS } from '../../e2e/support/nginx.mjs';
import { judgedQueries, PRAKSIS, REPO } from '../../e2e/support/project.mjs';
import { BASE } from '../../e2e/support/site.mjs';
import { measureScale } from './scale.mjs';
import { serveBench, serveNginxBench } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');

// A slow mobile line (Lighthouse's "slow 4G" figures) and no throttling.
const PROFILES = [
  ['1.6 Mbit/s, 150 ms', { bitsPerSecond: 1.6e6, latencyMs: 150 }],
  ['unthrottled', null],
];
// A reader's first search: typed at a brisk pace, right after the page loads
// (focus starts the engine) or 2 s after it loaded (the idle start has begun).
const FIRST_QUERIES = quick
  ? ['mentorordning']
  : ['mentorordning', 'fleksjob', 'misbrug', 'social aktivering', 'hjemløse'];
const SCENARIOS = [
  ['fresh', 0],
  ['page loaded 2 s earlier', 2000],
];
const TYPING_MS = 80;
// A reader typing at an everyday pace once the search has loaded: every
// half-typed word is a search of its own, and what it fetches is paid for.
const STEADY_TYPING_MS = 220;
const LOADED_WAIT_MS = 8000;
// A reader who searched on the front page opens this page and searches again.
const SECOND_PAGE = 'eksempler/';
const FRONT_PAGE_QUERY = 'arbejde';
const uniqueJudged = [...new Set(judgedQueries())];

const median = (xs) => percentile(xs, 50);
function percentile(xs, p) {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
const kb = (n) => `${(n / 1024).toFixed(0)} kB`;
const ms = (n) => `${n.toFixed(0)} ms`;
const mb = (n) => `${(n / 1048576).toFixed(1)} MB`;

function folderBytes(dir) {
  let total = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const info = statSync(path);
    total += info.isDirectory() ? folderBytes(path) : info.size;
  }
  return total;
}

function htmlFiles(dir) {
  return readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

// ---- the two sites -----------------------------------------------------------
const work = mkdtempSync(join(tmpdir(), 'praksis-bench-'));
const ourSite = join(work, 'praksis');
const peerSite = join(work, 'pagefind');
console.error('building the site with praksis');
execFileSync(PRAKSIS, ['--root', REPO, 'build', '--output', ourSite, '--base-url', '/'], { stdio: 'ignore' });

// Pagefind gets the same HTML with its own script in the search box, and
// indexes the same content pages (their <article>), not listing pages.
async function makePeerSite(site, peerSite) {
  cpSync(site, peerSite, { recursive: true });
  for (const file of htmlFiles(peerSite)) {
    let html = readFileSync(file, 'utf8').replace('/search.js"', '/pagefind-search.js"');
    if (/\/(eksempler|rapporter|forloeb|kapitler|syntetisk)\/[^/]+\/index\.html$/.test(file)) {
      html = html.replace('<article', '<article data-pagefind-body');
    }
    writeFileSync(file, html);
  }
  cpSync(join(here, 'pagefind-search.js'), join(peerSite, 'pagefind-search.js'));
  const started = performance.now();
  const { index } = await pagefind.createIndex({ forceLanguage: 'da' });
  await index.addDirectory({ path: peerSite });
  await index.writeFiles({ outputPath: join(peerSite, 'pagefind') });
  await pagefind.close();
  return {
    ms: performance.now() - started,
    pages: readdirSync(join(peerSite, 'pagefind', 'fragment')).length,
  };
}
console.error('indexing the same pages with Pagefind');
const peerBuild = await makePeerSite(ourSite, peerSite);
const pagefindBuildMs = peerBuild.ms;
console.error(`Pagefind indexed ${peerBuild.pages} pages`);

const tools = [
  ['Praksisbasen', await serveBench(ourSite)],
  ['Pagefind', await serveBench(peerSite)],
];

const browser = await launchChromium(chromium, ['--enable-blink-features=ForceEagerMeasureMemory']);

// Watches the result list: when the first result of any kind appears, and
// when the engine's results for the whole typed query appear.
function watchResults() {
  window.__times = {};
  const check = () => {
    const list = document.getElementById('search-results');
    const times = window.__times;
    if (!list || times.key === undefined) return;
    const shown = list.querySelector('li a') !== null;
    if (shown && times.any === undefined) {
      times.any = performance.now();
      window.__mark('any');
    }
    if (
      shown &&
      times.full === undefined &&
      list.dataset.results === 'engine' &&
      list.dataset.query === window.__target
    ) {
      times.full = performance.now();
      window.__mark('full');
    }
  };
  document.addEventListener(
    'keydown',
    () => {
      window.__times.key ??= performance.now();
      window.__times.lastKey = performance.now();
      window.__mark('key');
    },
    { capture: true },
  );
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
}

/** A fresh browser context whose pages mark when results show (see watchResults). */
async function openReader() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const marks = {};
  // Date.now(): the servers log when each response ended on the same clock.
  await page.exposeFunction('__mark', (name) => {
    marks[name] ??= Date.now();
  });
  await page.addInitScript(watchResults);
  return { context, page, marks };
}

async function firstSearch(server, profile, waitMs, query, typingMs = TYPING_MS) {
  server.setProfile(profile);
  const reader = await openReader();
  const result = await searchOnPage(reader, server, server.home, waitMs, query, typingMs);
  await reader.context.close();
  return result;
}

/** The reader searches on the front page, then opens a second page and searches there. */
async function secondPageSearch(server, profile, query) {
  server.setProfile(profile);
  const reader = await openReader();
  await searchOnPage(reader, server, server.home, 0, FRONT_PAGE_QUERY);
  const result = await searchOnPage(reader, server, `${server.home}${SECOND_PAGE}`, 0, query);
  await reader.context.close();
  return result;
}

/** Opens `url`, waits `waitMs`, types `query`: times and bytes until the results. */
async function searchOnPage({ page, marks }, server, url, waitMs, query, typingMs = TYPING_MS) {
  for (const name of Object.keys(marks)) delete marks[name];
  server.resetCount();
  await page.goto(url);
  await page.evaluate((target) => {
    window.__target = target;
  }, query);
  if (waitMs) await page.waitForTimeout(waitMs);
  await page.focus('#search-input');
  await page.keyboard.type(query, { delay: typingMs });
  await page.waitForFunction(() => window.__times.full !== undefined, null, { timeout: 120000 });
  while (marks.full === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
  const times = await page.evaluate(() => window.__times);
  const result = {
    anyMs: times.any - times.key,
    fullMs: times.full - times.key,
    anyBytes: server.bytesBefore(marks.any),
    fullBytes: server.bytesBefore(marks.full),
    // From the last keystroke, and the bytes of responses that ended after the first one.
    lastKeyMs: times.full - times.lastKey,
    typedBytes: server.bytesBefore(marks.full) - server.bytesBefore(marks.key - 1),
  };
  return result;
}

/** Resident bytes of Chromium's renderer processes (one context is open). */
function rendererResidentBytes() {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!command.includes('--type=renderer')) continue;
      const rss = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
      if (rss) total += Number(rss[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

async function warmQueries(server) {
  server.setProfile(null);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  const latencies = await page.evaluate(async (queries) => {
    const input = document.getElementById('search-input');
    const list = document.getElementById('search-results');
    const ask = (query) =>
      new Promise((resolve) => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (list.dataset.done === query) {
            observer.disconnect();
            resolve(performance.now() - started);
          }
        });
        observer.observe(list, { attributes: true, childList: true, subtree: true });
        input.value = query;
        input.dispatchEvent(new Event('input'));
      });
    input.focus();
    for (const query of ['arbejde', 'projekt', 'kommune']) await ask(query); // warm-up: engine loaded, code paths hot
    const out = [];
    for (const query of queries) out.push(await ask(query));
    return out;
  }, uniqueJudged);
  // The renderer process holds the page and its workers, WebAssembly memory
  // included (which measureUserAgentSpecificMemory leaves out): its resident size.
  const memory = rendererResidentBytes();
  await context.close();
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), memory };
}

// ---- measure -----------------------------------------------------------------
const rows = []; // [figure, praksis value, pagefind value, formatter]
for (const [profileName, profile] of PROFILES) {
  for (const [scenario, waitMs] of SCENARIOS) {
    const figures = {};
    for (const [name, server] of tools) {
      const runs = [];
      for (const query of FIRST_QUERIES) runs.push(await firstSearch(server, profile, waitMs, query));
      figures[name] = {
        anyMs: median(runs.map((r) => r.anyMs)),
        fullMs: median(runs.map((r) => r.fullMs)),
        anyBytes: median(runs.map((r) => r.anyBytes)),
        fullBytes: median(runs.map((r) => r.fullBytes)),
      };
      console.error(`${profileName}, ${scenario}, ${name}: ${JSON.stringify(figures[name])}`);
    }
    const [ours, peer] = [figures.Praksisbasen, figures.Pagefind];
    rows.push([`${profileName}, ${scenario}: first keystroke → first result shown`, ours.anyMs, peer.anyMs, ms]);
    rows.push([
      `${profileName}, ${scenario}: first keystroke → engine's results for the typed query`,
      ours.fullMs,
      peer.fullMs,
      ms,
    ]);
    if (waitMs === 0) {
      rows.push([
        `${profileName}, ${scenario}: bytes transferred until the first result`,
        ours.anyBytes,
        peer.anyBytes,
        kb,
      ]);
      rows.push([
        `${profileName}, ${scenario}: bytes transferred until the engine's results`,
        ours.fullBytes,
        peer.fullBytes,
        kb,
      ]);
    }
  }
}
for (const [profileName, profile] of PROFILES) {
  const figures = {};
  for (const [name, server] of tools) {
    const runs = [];
    for (const query of FIRST_QUERIES) runs.push(await secondPageSearch(server, profile, query));
    figures[name] = { fullMs: median(runs.map((r) => r.fullMs)), fullBytes: median(runs.map((r) => r.fullBytes)) };
    console.error(`${profileName}, second page, ${name}: ${JSON.stringify(figures[name])}`);
  }
  const [ours, peer] = [figures.Praksisbasen, figures.Pagefind];
  rows.push([
    `${profileName}, second page, first query: first keystroke → engine's results`,
    ours.fullMs,
    peer.fullMs,
    ms,
  ]);
  rows.push([
    `${profileName}, second page, first query: bytes transferred until the engine's results`,
    ours.fullBytes,
    peer.fullBytes,
    kb,
  ]);
}

// A steady typist on a page whose search has loaded.
for (const [profileName, profile] of PROFILES) {
  const figures = {};
  for (const [name, server] of tools) {
    const runs = [];
    for (const query of FIRST_QUERIES) {
      runs.push(await firstSearch(server, profile, LOADED_WAIT_MS, query, STEADY_TYPING_MS));
    }
    figures[name] = {
      lastKeyMs: median(runs.map((r) => r.lastKeyMs)),
      typedBytes: median(runs.map((r) => r.typedBytes)),
    };
    console.error(`${profileName}, steady typist, ${name}: ${JSON.stringify(figures[name])}`);
  }
  const [ours, peer] = [figures.Praksisbasen, figures.Pagefind];
  rows.push([
    `${profileName}, search loaded, typed at ${STEADY_TYPING_MS} ms per key: last keystroke → engine's results`,
    ours.lastKeyMs,
    peer.lastKeyMs,
    ms,
  ]);
  rows.push([
    `${profileName}, search loaded, typed at ${STEADY_TYPING_MS} ms per key: bytes transferred while typing, until the engine's results`,
    ours.typedBytes,
    peer.typedBytes,
    kb,
  ]);
}

// The same site under BASE on each kind of real static host (Debian's nginx),
// each tool's files served by the same set-up, unthrottled.
console.error(`building the site under ${BASE} for the nginx hosts`);
const hostRoots = { Praksisbasen: join(work, 'hosts'), Pagefind: join(work, 'hosts-pagefind') };
const hostSite = join(hostRoots.Praksisbasen, BASE);
execFileSync(PRAKSIS, ['--root', REPO, 'build', '--output', hostSite, '--base-url', BASE], { stdio: 'ignore' });
await makePeerSite(hostSite, join(hostRoots.Pagefind, BASE));
for (const kind of HOST_KINDS) {
  const bytes = {};
  for (const [name, root] of Object.entries(hostRoots)) {
    const server = await serveNginxBench(root, kind, BASE);
    const runs = [];
    for (const query of FIRST_QUERIES) runs.push(await firstSearch(server, null, 0, query));
    bytes[name] = median(runs.map((r) => r.fullBytes));
    await server.close();
  }
  console.error(`nginx ${kind} host: ${JSON.stringify(bytes)}`);
  rows.push([
    `nginx host compressing ${kind === 'plain' ? 'nothing' : kind === 'gzip' ? 'with gzip' : 'with brotli and gzip'}: bytes until the engine's results`,
    bytes.Praksisbasen,
    bytes.Pagefind,
    kb,
  ]);
}

const warm = {};
for (const [name, server] of tools) warm[name] = await warmQueries(server);
rows.push([
  `warm query → 10 results shown, p50 (${uniqueJudged.length} judged queries, unthrottled)`,
  warm.Praksisbasen.p50,
  warm.Pagefind.p50,
  ms,
]);
rows.push(['warm query → 10 results shown, p95', warm.Praksisbasen.p95, warm.Pagefind.p95, ms]);
if (warm.Praksisbasen.memory && warm.Pagefind.memory) {
  rows.push([
    'renderer memory (resident) after the judged queries',
    warm.Praksisbasen.memory,
    warm.Pagefind.memory,
    mb,
  ]);
}
const ourIndex = folderBytes(join(ourSite, 'search-index')) + folderBytes(join(ourSite, 'pkg'));
const peerIndex = folderBytes(join(peerSite, 'pagefind'));
rows.push(['search files on disk (engine + index, as published)', ourIndex, peerIndex, kb]);

// ---- scale -------------------------------------------------------------------
const scaleArgument = process.argv.find((a) => a.startsWith('--scale='));
const scaleCounts = (scaleArgument ? scaleArgument.slice('--scale='.length) : quick ? '' : '1000,10000')
  .split(',')
  .filter(Boolean)
  .map(Number);
const scaleRows = await measureScale({
  repo: REPO,
  praksis: PRAKSIS,
  counts: scaleCounts,
  work,
  preparePeer: async (site, peer) => (await makePeerSite(site, peer)).ms,
  firstBytes: async (site, peer) => {
    const bytes = {};
    for (const [name, dir] of [
      ['Praksisbasen', site],
      ['Pagefind', peer],
    ]) {
      const server = await serveBench(dir, { precompress: false });
      bytes[name] = (await firstSearch(server, null, 0, 'mentorordning')).fullBytes;
      await server.close();
    }
    return bytes;
  },
});

const chromiumVersion = `Chromium ${browser.version()}`;
await browser.close();
for (const [, server] of tools) await server.close();

// ---- report ------------------------------------------------------------------
const table = [
  '| figure | Praksisbasen | Pagefind | ratio |',
  '|---|---:|---:|---:|',
  ...rows.map(
    ([figure, ours, peer, format]) => `| ${figure} | ${format(ours)} | ${format(peer)} | ${(ours / peer).toFixed(2)} |`,
  ),
].join('\n');
console.log(table);
const report = `# Benchmarks

Written by \`./x bench\` (bench/perf/run.mjs) on ${new Date().toISOString().slice(0, 10)}; do not edit by hand.
${quick ? '\n**Quick run (one query per cell): figures are indicative only.**\n' : ''}
The same site (${peerBuild.pages} content pages indexed by each) is searched with Praksisbasen's engine
(tantivy in WebAssembly, in a Web Worker) and with Pagefind ${JSON.parse(readFileSync(join(here, 'node_modules', 'pagefind', 'package.json'), 'utf8')).version}
(its JavaScript API in the same search box), served from 127.0.0.1 brotli-compressed and driven
in headless ${chromiumVersion}. Both start loading when the page has been idle 1.5 s or the
box gets focus, and both show 10 results. The slow line is emulated by the server: every
response waits 150 ms and all responses share 1.6 Mbit/s. Ratios are Praksisbasen / Pagefind
(below 1: Praksisbasen is faster or smaller).

- *first result shown*: from the first keystroke of the query (typed at ${TYPING_MS} ms per
  character) to the first result link in the list; for Praksisbasen while the engine loads
  this is the title/keyword suggestion list, for Pagefind a result for the letters typed so far.
- *engine's results for the typed query*: to the list answering the whole query with the engine.
- *bytes transferred*: compressed bytes the server sent from the page request on, page included.
- *second page, first query*: in the same browser context the reader first searched
  "${FRONT_PAGE_QUERY}" on the front page, then opens /${SECOND_PAGE} and types the query; the
  engine and index come from the HTTP cache. The server lets a file whose name carries a
  content hash be kept for good (immutable) and has every other file revalidated (ETag, 304).
- *search loaded, typed at ${STEADY_TYPING_MS} ms per key*: the page opened ${LOADED_WAIT_MS / 1000} s before the
  first keystroke (each tool has loaded its search by then), the query typed at an everyday
  pace, so each half-typed word is searched; from the last keystroke to the engine's results
  for the whole query, and the compressed bytes of every response that ended from the first
  keystroke until then.
- *nginx host*: the site built under ${BASE} and served by Debian's nginx compressing nothing,
  gzip only (level 6), or brotli and gzip (level 6), each tool's files by the same set-up
  (e2e/support/nginx.mjs), unthrottled; body bytes nginx sent from the page request on.
- Medians over ${FIRST_QUERIES.length} first queries (${FIRST_QUERIES.join(', ')}), each in a fresh browser context.
- *warm query*: engine loaded; from setting the query whole (an input event as of a paste, so
  no typing pause) to all 10 results shown, over the judged queries of curation/queries.tsv.
- *renderer memory*: resident size of Chromium's renderer processes (page, worker and
  WebAssembly memory) with only that site open, after the judged queries.

Pagefind indexed its files in ${ms(pagefindBuildMs)}.

${table}
`;
const sec = (n) => `${(n / 1000).toFixed(1)} s`;
// A run without scale keeps the last scale section (it takes most of an hour).
const previousScale = () => {
  try {
    const text = readFileSync(join(REPO, 'docs', 'benchmarks.md'), 'utf8');
    const at = text.indexOf('\n## Scale');
    return at < 0 ? '' : text.slice(at);
  } catch {
    return '';
  }
};
const scaleTable =
  scaleRows.length === 0
    ? previousScale()
    : `
## Scale

Measured on ${new Date().toISOString().slice(0, 10)}, with the engine and index of that day.

The site plus N synthetic pages (bench/perf/synth.mjs: a word-pair chain over the
committed pages' text, their taxonomy terms, deterministic). *Build*: \`praksis build\`
(pages, index, site) against Pagefind's indexing of that HTML. *Index*: files a reader may
download, raw / brotli. *Bytes to first results*: compressed bytes transferred from the
page request until the engine's results for "mentorordning" show, unthrottled.

| pages | build: Praksisbasen | Pagefind | index: Praksisbasen | Pagefind | bytes to first results: Praksisbasen | Pagefind | ratio |
|---:|---:|---:|---:|---:|---:|---:|---:|
${scaleRows.map((r) => `| ${r.pages} | ${sec(r.Praksisbasen.buildMs)} | ${sec(r.Pagefind.buildMs)} | ${mb(r.Praksisbasen.index.raw)} / ${mb(r.Praksisbasen.index.compressed)} | ${mb(r.Pagefind.index.raw)} / ${mb(r.Pagefind.index.compressed)} | ${kb(r.Praksisbasen.firstBytes)} | ${kb(r.Pagefind.firstBytes)} | ${(r.Praksisbasen.firstBytes / r.Pagefind.firstBytes).toFixed(2)} |`).join('\n')}
`;
console.log(scaleTable);
writeFileSync(join(REPO, 'docs', 'benchmarks.md'), report + scaleTable);
rmSync(work, { recursive: true, force: true });
console.error('written to docs/benchmarks.md');
