// The cost curve: the site plus N synthetic pages, built and indexed by both
// tools, for each N. Build time, index size on disk and brotli-compressed,
// and bytes a reader downloads until the engine's first results.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { writeSyntheticProject } from './synth.mjs';

function brotliBytes(dir) {
  let raw = 0;
  let compressed = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const path = join(dir, name);
    if (!statSync(path).isFile()) continue;
    const bytes = readFileSync(path);
    raw += bytes.length;
    compressed += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }).length;
  }
  return { raw, compressed };
}

/**
 * For each page count: { pages, tool: { buildMs, indexRaw, indexBrotli } }.
 * `prepare(site, peerSite)` turns a built site into the Pagefind variant and
 * returns Pagefind's indexing time; `firstBytes(ourSite, peerSite)` measures
 * the browser runs.
 */
export async function measureScale({ repo, praksis, counts, work, preparePeer, firstBytes }) {
  const rows = [];
  for (const count of counts) {
    const project = mkdtempSync(join(work, `scale-${count}-`));
    writeSyntheticProject(repo, project, count);
    const site = join(project, 'public');
    const started = performance.now();
    execFileSync(praksis, ['--root', project, 'build', '--keep-content', '--output', site, '--base-url', '/'], {
      stdio: 'ignore',
      maxBuffer: 1 << 30,
    });
    const ourBuildMs = performance.now() - started;
    const peerSite = join(project, 'pagefind-site');
    const peerBuildMs = await preparePeer(site, peerSite);
    const ourIndex = brotliBytes(join(site, 'search-index'));
    const peerIndex = brotliBytes(join(peerSite, 'pagefind'));
    const bytes = await firstBytes(site, peerSite);
    rows.push({
      pages: count,
      Praksisbasen: { buildMs: ourBuildMs, index: ourIndex, firstBytes: bytes.Praksisbasen },
      Pagefind: { buildMs: peerBuildMs, index: peerIndex, firstBytes: bytes.Pagefind },
    });
    console.error(`scale ${count}: ${JSON.stringify(rows.at(-1))}`);
    rmSync(project, { recursive: true, force: true });
  }
  writeFileSync(join(work, 'scale.json'), JSON.stringify(rows));
  return rows;
}
