// Lighthouse (npm) in Debian's headless Chromium on the front page and an
// example page of a fresh build served from 127.0.0.1. Prints each category's
// score and fails below 95. Run by `./x lighthouse`.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/chromium.mjs';
import { PRAKSIS, REPO } from '../support/project.mjs';
import { serveFolder } from '../support/server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PAGES = ['', 'eksempler/projekt-foeniks/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const FLOOR = 95;

const work = mkdtempSync(join(tmpdir(), 'praksis-lighthouse-'));
execFileSync(PRAKSIS, ['--root', REPO, 'build', '--output', join(work, 'site')], { stdio: 'ignore' });
const { server, origin } = await serveFolder(join(work, 'site'));
const failures = [];
console.log(`page${' '.repeat(28)}${CATEGORIES.map((c) => c.padStart(15)).join('')}`);
for (const path of PAGES) {
  const report = join(work, 'report.json');
  // Asynchronously: the server answering Lighthouse runs in this process.
  await promisify(execFile)(
    join(here, 'node_modules', '.bin', 'lighthouse'),
    [
      `${origin}/${path}`,
      '--quiet',
      '--output=json',
      `--output-path=${report}`,
      `--only-categories=${CATEGORIES.join(',')}`,
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM_PATH } },
  );
  const result = JSON.parse(readFileSync(report, 'utf8'));
  const scores = CATEGORIES.map((c) => Math.round(result.categories[c].score * 100));
  console.log(`/${path}`.padEnd(32) + scores.map((s) => String(s).padStart(15)).join(''));
  scores.forEach((score, i) => {
    if (score < FLOOR) failures.push(`/${path} ${CATEGORIES[i]} ${score}`);
  });
}
server.close();
if (failures.length) {
  console.log(`below ${FLOOR}: ${failures.join(', ')}`);
  process.exit(1);
}
