// The site on real static hosts: Debian's nginx serving it under /praksis/
// compressing nothing, gzip only, and brotli with gzip. The search answers
// on each, the files the build published compressed go out as they are (so
// they cost the same everywhere), and hosts with quirks about the engine's
// file (a wrong type, compressing it again, declaring it an encoding) do not
// stop the engine.
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { HOST_KINDS, startNginx } from '../support/nginx.mjs';
import { BASE, ENGINE_HITS, startSite, typeQuery } from '../support/site.mjs';

const EXAMPLE_TITLE = 'Integration uden omveje';
const site = await startSite();
after(() => site.close());

/** Searches "mentorordning" on `host`; returns the page and its engine file's response. */
async function searchOn(host) {
  const page = await site.openPage();
  const engine = page.waitForResponse(/\/pkg\/engine\.[0-9a-f]{16}\.wasm\.gz$/, { timeout: 15000 });
  await page.goto(`${host.origin}${BASE}`);
  await typeQuery(page, 'mentorordning');
  const first = page.locator(`${ENGINE_HITS} a`).first();
  await first.waitFor({ timeout: 15000 });
  const title = await first.textContent();
  assert.ok(title.includes(EXAMPLE_TITLE), `first result on ${host.kind} is "${title}"`);
  assert.ok(page.errors.length === 0, `page errors on ${host.kind}: ${page.errors}`);
  return { page, engine: await engine };
}

for (const kind of HOST_KINDS) {
  test(`on a host that compresses ${kind === 'plain' ? 'nothing' : `with ${kind}`}, the search answers and the published .gz files go out as they are`, async () => {
    const host = await startNginx(site.work, { kind });
    try {
      const { page, engine } = await searchOn(host);
      const headers = await engine.allHeaders();
      assert.equal(headers['content-encoding'], undefined, `engine file re-encoded on ${kind}`);
      // Debian's types know no .gz: the engine does not need application/wasm from the host.
      assert.equal(headers['content-type'], 'application/octet-stream');
      const published = host.sent().filter((s) => s.path.endsWith('.gz'));
      assert.ok(
        published.some((s) => s.path.includes('/pkg/')) && published.some((s) => s.path.includes('.hot.gz')),
        `published files sent: ${published.map((s) => s.path)}`,
      );
      for (const { path, bytes } of published) {
        const size = statSync(join(site.work, decodeURIComponent(path))).size;
        assert.equal(bytes, size, `${path} sent as ${bytes} bytes on ${kind}, published as ${size}`);
      }
      await page.context().close();
    } finally {
      await host.close();
    }
  });
}

// Each quirk of a real host about the .gz files, with the path the loader takes for it.
const QUIRKS = [
  // A type the host compresses (text/html always is): it compresses our gzip
  // again; the browser undoes its layer, the loader ours.
  [
    'sends the engine as text/html, and so compresses it again',
    'gzip',
    'location ~ \\.wasm\\.gz$ { types {} default_type text/html; }',
  ],
  // Apache's AddEncoding gzip .gz, or a gzip_static set-up: the browser
  // decompresses, the loader finds plain bytes and takes them as they are.
  [
    'declares every .gz file to be gzip-encoded',
    'plain',
    'location ~ \\.gz$ { types {} default_type application/wasm; add_header Content-Encoding gzip always; }',
  ],
];

for (const [quirk, kind, locations] of QUIRKS) {
  test(`on a host that ${quirk}, the engine still answers`, async () => {
    const host = await startNginx(site.work, { kind, locations });
    try {
      const { page, engine } = await searchOn(host);
      assert.ok((await engine.allHeaders())['content-encoding'] === 'gzip', 'the quirk did not apply');
      await page.context().close();
    } finally {
      await host.close();
    }
  });
}
