// Pages people write by hand, in copies of the project built beside the
// shared site: a hostile one runs no script, an editor's is searched and tagged.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { ENGINE_HITS, startSite, typeQuery } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

test('no script from a hostile page runs, on the page or through search snippets', async () => {
  // A copy of the project with one hand-written hostile page, built as
  // `zola build` would take it (--keep-content), served beside the main site.
  const trap = 'window.__pwned=1';
  const hostile = [
    '+++',
    `title = "Fjendtlig <img src=x onerror=${trap}>"`,
    '+++',
    `Fjendtlig tekst <script>${trap}</script> <img src=x onerror="${trap}">`,
    `[klik](javascript:${trap}) <a href="javascript:${trap}">a</a> <svg onload="${trap}"></svg>`,
    '',
  ].join('\n');
  const hostileBase = site.buildCopy('fjendtlig', { 'eksempler/fjendtlig.md': hostile }, ['--keep-content']);
  const page = await site.openPage();
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    dialog.dismiss();
  });
  await page.goto(`${site.origin}${hostileBase}eksempler/fjendtlig/`);
  for (const link of await page.locator('main a').all()) {
    const href = (await link.getAttribute('href')) ?? '';
    assert.ok(!href.toLowerCase().includes('javascript:'), `script link published: ${href}`);
  }
  await typeQuery(page, 'fjendtlig');
  await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
  await page.waitForTimeout(300);
  const pwned = await page.evaluate(() => window.__pwned);
  assert.ok(pwned === undefined, 'a script from the content ran');
  assert.ok(dialogs.length === 0, `dialogs: ${dialogs}`);
});

test('a page an editor writes by hand is found by the search in the browser, tagged and listed', async () => {
  // A copy of the project with one hand-written example, built as an editor would.
  const pageText =
    '+++\ntitle = "Jobcafé i Greve"\ndate = 2026-11-30\n+++\n\n' +
    'I Greve Kommune får hjemløse en mentor i jobcaféen, og deltagerne kommer i virksomhedspraktik.\n';
  const editorBase = site.buildCopy('redaktion', { 'eksempler/jobcafe-i-greve.md': pageText });
  const page = await site.openPage();
  await page.goto(site.origin + editorBase);
  await typeQuery(page, 'jobcafé');
  const first = page.locator(`${ENGINE_HITS} a`).first();
  await first.waitFor({ timeout: 15000 });
  const title = await first.textContent();
  assert.ok(title.includes('Jobcafé i Greve'), `first result is "${title}"`);
  await first.click();
  await page.waitForURL(/\/redaktion\/eksempler\/jobcafe-i-greve\//);
  const evidence = await page.locator('details.evidence').textContent();
  assert.ok(evidence.includes('Mentorordning') && evidence.includes('forslag'), `evidence box: ${evidence}`);
  await page.goto(`${site.origin}${editorBase}metode/mentorordning/`);
  assert.ok((await page.locator('a[href$="/eksempler/jobcafe-i-greve/"]').count()) > 0, 'not on its method page');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});
