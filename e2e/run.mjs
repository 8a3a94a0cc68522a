// Browser tests (./x test): builds the site once under /praksis/, then runs
// every e2e/tests/*.test.mjs against it on Node's built-in test runner, one
// file at a time, each with its own headless Chromium. Prints the runner's
// summary and exits non-zero on any failure. Arguments go to `node --test`
// (e.g. --test-name-pattern=facet). A file also runs on its own, building
// its own site: node --test e2e/tests/search.test.mjs
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSharedSite } from './support/site.mjs';

const testsDir = join(dirname(fileURLToPath(import.meta.url)), 'tests');
const files = readdirSync(testsDir)
  .filter((name) => name.endsWith('.test.mjs'))
  .sort()
  .map((name) => join(testsDir, name));
const { work, environment } = buildSharedSite();
console.log(`screenshots: ${join(work, 'screenshots')}`);
// One file at a time: the machine's cores go to one Chromium, so the tests'
// timeouts measure the site, not the contention.
const run = spawnSync(
  process.execPath,
  ['--test', '--test-concurrency=1', '--test-reporter=spec', ...process.argv.slice(2), ...files],
  { stdio: 'inherit', env: { ...process.env, ...environment } },
);
process.exit(run.status ?? 1);
