// The site the browser tests run against: built once under the sub-path
// /praksis/ by e2e/run.mjs (which names its folder in PRAKSIS_E2E_WORK), or
// by the first test file that finds none, when a file runs on its own. Each
// test file serves the folder and drives its own headless Chromium.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launchChromium } from './chromium.mjs';
import { PRAKSIS, REPO } from './project.mjs';
import { serveFolder } from './server.mjs';

export const BASE = '/praksis/';
/** One page of every type the site has, as paths under BASE. */
export const PAGE_TYPES = [
  '',
  'eksempler/',
  'eksempler/projekt-foeniks/',
  'rapporter/lokalvaerdi-2022/',
  'forloeb/lokalvaerdi-2022-k1/',
  'kontinuum/',
  'matrix/',
  'faktorer/',
  'kom-i-gang/',
  'metode/',
  'metode/mentorordning/',
  'kapitler/indledning/',
  'sammenlign/?e=projekt-foeniks&e=projekt-aandehullet-i-vordingborg',
  'soeg/?q=mentorordning',
  '404.html',
];
const WORK_VARIABLE = 'PRAKSIS_E2E_WORK';

/**
 * Builds the site into a new folder under `work` ready for serving:
 * `work/praksis/` (the site, under BASE) and `work/screenshots/`.
 */
export function buildSharedSite() {
  const work = mkdtempSync(join(tmpdir(), 'praksis-e2e-'));
  execFileSync(PRAKSIS, ['--root', REPO, 'build', '--output', join(work, 'praksis'), '--base-url', BASE], {
    stdio: 'inherit',
  });
  mkdirSync(join(work, 'screenshots'));
  return { work, environment: { [WORK_VARIABLE]: work } };
}

/** The shared site served on 127.0.0.1, a browser, and helpers; `close()` when done. */
export async function startSite() {
  let work = process.env[WORK_VARIABLE];
  if (!work || !existsSync(join(work, 'praksis'))) work = buildSharedSite().work;
  const { server, origin } = await serveFolder(work);
  const browser = await launchChromium(chromium);
  return {
    work,
    siteDir: join(work, 'praksis'),
    shots: join(work, 'screenshots'),
    origin,
    browser,
    /** The address of `path` on the shared site. */
    url: (path = '') => `${origin}${BASE}${path}`,
    /** A page in a new context that records every request and page error. */
    async openPage(options = {}) {
      const context = await browser.newContext(options);
      const page = await context.newPage();
      page.requests = [];
      page.errors = [];
      page.on('request', (request) => page.requests.push(request.url()));
      page.on('pageerror', (error) => page.errors.push(error.message));
      return page;
    },
    /**
     * A copy of the project with `pages` (path under content/ → text) added,
     * built into `work/NAME` under the sub-path /NAME/, as an editor would
     * (`praksis build`, `buildArguments` added); returns that sub-path.
     */
    buildCopy(name, pages, buildArguments = []) {
      const project = join(work, `${name}-project`);
      for (const item of ['sources', 'curation', 'themes', 'static', 'content', 'config.toml']) {
        cpSync(join(REPO, item), join(project, item), { recursive: true, verbatimSymlinks: true });
      }
      for (const [path, text] of Object.entries(pages)) writeFileSync(join(project, 'content', path), text);
      const base = `/${name}/`;
      execFileSync(
        PRAKSIS,
        ['--root', project, 'build', ...buildArguments, '--output', join(work, name), '--base-url', base],
        { stdio: 'ignore' },
      );
      return base;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Results from the engine, not the suggestion list shown while it loads, nor the term pages' note above them. */
export const ENGINE_HITS = '#search-results[data-results="engine"] li:not(.search-term-pages)';

/** Types `query` into an emptied search box, key by key. */
export async function typeQuery(page, query) {
  await page.fill('#search-input', '');
  await page.focus('#search-input');
  await page.type('#search-input', query);
}
