// The site's pages in the browser: compare, browsing without JavaScript,
// the base path, feed and sitemap, layout at phone and desktop width, the
// gap map, print, and the Content-Security-Policy.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { BASE, ENGINE_HITS, PAGE_TYPES, startSite, typeQuery } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

test('the compare page shows the examples named in the URL, and ticking one adds it to the URL', async () => {
  const page = await site.openPage();
  await page.goto(site.url('sammenlign/?e=projekt-foeniks&e=hotellet-paa-vesterbro-koebenhavn'));
  const visible = () =>
    page.locator('thead th[data-example]:visible').evaluateAll((ths) => ths.map((th) => th.dataset.example));
  let shown = await visible();
  assert.ok(
    shown.length === 2 && shown.includes('projekt-foeniks') && shown.includes('hotellet-paa-vesterbro-koebenhavn'),
    `shown: ${shown}`,
  );
  // Two chosen: the list is folded under "Skift eksempler".
  await page.locator('.compare-choice summary').click();
  await page.check('input[value="projekt-integration-uden-omveje-den-direkte-vej"]');
  shown = await visible();
  assert.ok(shown.length === 3, `after ticking a third: ${shown}`);
  const url = new URL(page.url());
  assert.ok(url.searchParams.getAll('e').length === 3, `URL: ${page.url()}`);
  const rows = await page.locator('tbody tr').count();
  assert.ok(rows >= 8, `${rows} rows`);
  await page.screenshot({ path: join(site.shots, 'compare.png') });
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('browse links work with JavaScript disabled', async () => {
  const page = await site.openPage({ javaScriptEnabled: false });
  await page.goto(site.url());
  await page.click('nav[aria-label="Hovedmenu"] >> text=Eksempler');
  await page.waitForURL(site.url('eksempler/'));
  const count = await page.locator('.page-list li').count();
  assert.ok(count === 21, `example list has ${count} entries`);
  await page.locator('.page-list li a').first().click();
  await page.waitForURL(/\/praksis\/eksempler\/basens-aktivitetscenter\//);
  await page.click('text=Praksiseksempel');
  await page.waitForURL(site.url('kildetype/praksiseksempel/'));
  assert.ok((await page.locator('.page-list li').count()) === 21, 'taxonomy page lists the 21 examples');
});

test('every asset and link stays under the base path (front page, 404)', async () => {
  const page = await site.openPage();
  const response = await page.goto(site.url('404.html'));
  assert.ok(response.ok(), '404.html is published');
  const hrefs = await page.$$eval('a[href], link[href], script[src]', (els) =>
    els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')),
  );
  const bad = hrefs.filter((h) => !h.startsWith(BASE) && !h.startsWith('#'));
  assert.ok(bad.length === 0, `links outside ${BASE}: ${bad}`);
});

test('the Atom feed and the sitemap are well-formed XML the browser parses', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  const feed = await page.getAttribute('link[type="application/atom+xml"]', 'href');
  assert.ok(feed === `${BASE}atom.xml`, `feed link ${feed}`);
  for (const file of ['atom.xml', 'sitemap.xml']) {
    const parsed = await page.evaluate(async (url) => {
      const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), 'application/xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        entries: doc.getElementsByTagName('entry').length,
      };
    }, BASE + file);
    assert.ok(parsed.error === null, `${file}: ${parsed.error}`);
    if (file === 'atom.xml') assert.ok(parsed.entries >= 21, `feed has ${parsed.entries} entries`);
  }
});

test('no page type scrolls sideways at phone or desktop width; screenshots of both', async () => {
  const views = [
    ['phone', { width: 320, height: 640 }],
    ['desktop', { width: 1366, height: 900 }],
  ];
  for (const [name, viewport] of views) {
    const page = await site.openPage({ viewport });
    for (const path of PAGE_TYPES) {
      await page.goto(site.url(path));
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `${name} /${path} scrolls sideways by ${overflow}px`);
    }
    // The top menu reaches compare and the factors, every entry inside the screen.
    const menu = await page.evaluate(() =>
      [...document.querySelectorAll('nav[aria-label="Hovedmenu"] a')].map((a) => ({
        text: a.textContent,
        right: a.getBoundingClientRect().right,
        width: window.innerWidth,
      })),
    );
    for (const entry of ['Fremmer og hæmmer', 'Sammenlign']) {
      assert.ok(
        menu.some((link) => link.text === entry),
        `${name}: the menu lacks ${entry}`,
      );
    }
    const outside = menu.filter((link) => link.right > link.width + 1).map((link) => link.text);
    assert.deepEqual(outside, [], `${name}: menu entries outside the screen`);
    for (const [shot, path] of [
      ['front', ''],
      ['example', 'eksempler/projekt-foeniks/'],
      ['continuum', 'kontinuum/'],
    ]) {
      await page.goto(site.url(path));
      await page.screenshot({ path: join(site.shots, `${name}-${shot}.png`), fullPage: true });
    }
    await page.goto(site.url());
    await typeQuery(page, 'mentorordning');
    await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
    await page.screenshot({ path: join(site.shots, `${name}-search.png`) });
  }
});

test("the gap map fits 320, 390 and 1366 px, passes axe in both colourings and schemes, and shows a cell's titles on focus", async () => {
  const found = await axeViolations(site, ['matrix/', 'matrix/#efter-kontinuum', 'matrix/praksiseksempler/']);
  assert.ok(found.length === 0, `axe violations:\n${found.join('\n')}`);
  for (const width of [320, 390, 1366]) {
    const page = await site.openPage({ viewport: { width, height: 800 } });
    await page.goto(site.url('matrix/'));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${width} px: the map scrolls sideways by ${overflow}px`);
    await page.screenshot({ path: join(site.shots, `matrix-${width}.png`), fullPage: width > 400 });
  }
  const page = await site.openPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(site.url('matrix/'));
  assert.ok(await page.locator('#efter-kilde').isVisible(), 'the source-type figure shows first');
  await page.click('a[href="#efter-kontinuum"]');
  assert.ok(
    (await page.locator('#efter-kontinuum').isVisible()) && (await page.locator('#efter-kilde').isHidden()),
    'the toggle swaps the figures',
  );
  const cell = page.locator('#efter-kontinuum a.cell').first();
  await cell.focus();
  const id = (await cell.getAttribute('href')).slice(1);
  const titles = await page.locator(`#${id} li > a`).allTextContents();
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, as laid out for the reader
  const tip = await page.locator('#gapmap-tip').innerText();
  assert.ok(titles.length > 0 && titles.every((t) => tip.includes(t)), `tooltip "${tip}" lacks some of ${titles}`);
  assert.ok(String(titles.length) === (await cell.locator('.count').textContent()), 'bubble number = pages listed');
  assert.ok(page.errors.length === 0, page.errors.join('\n'));
});

test('an example prints as a summary of at most two A4 pages', async () => {
  const page = await site.openPage();
  for (const path of ['eksempler/projekt-foeniks/', 'eksempler/projekt-integration-uden-omveje-den-direkte-vej/']) {
    await page.goto(site.url(path));
    await page.emulateMedia({ media: 'print' });
    assert.ok(await page.locator('.facts').isVisible(), 'the overview prints');
    assert.ok(await page.locator('.prose').isHidden(), 'the full text is left to the web page');
    const pdf = await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.ok(pages >= 1 && pages <= 2, `${path} prints on ${pages} pages`);
  }
});

test('the Content-Security-Policy stops requests to other hosts', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
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
  assert.ok(!outcome.fetched, 'a request to another host went out');
  assert.ok(outcome.violations.includes('connect-src'), `violations: ${outcome.violations}`);
});

/** Titles of the placed examples carrying target group `group`, from content/. */
/** The placed examples' titles, tagged groups and groups named as traits of some participants. */
async function placedExamples() {
  const { readdir, readFile } = await import('node:fs/promises');
  const { REPO } = await import('../support/project.mjs');
  const dir = join(REPO, 'content', 'eksempler');
  const examples = [];
  for (const name of await readdir(dir)) {
    const text = await readFile(join(dir, name), 'utf8');
    if (!/^continuum = /m.test(text)) continue;
    const groups = JSON.parse(`[${text.match(/^maalgruppe = \[(.*)\]$/m)?.[1] ?? ''}]`);
    const traits = [...text.matchAll(/\[\[extra\.traits\]\]\ntaxonomy = "maalgruppe"\nterm = (".*")/g)].map((m) =>
      JSON.parse(m[1]),
    );
    const position = text.match(/^continuum = (.*)$/m)[1].replace('.', ',');
    examples.push({ title: JSON.parse(text.match(/^title = (".*")$/m)[1]), groups, traits, position });
  }
  return examples;
}

async function examplesOfGroup(group) {
  return (await placedExamples())
    .filter((e) => e.groups.includes(group))
    .map((e) => e.title)
    .sort();
}

test('the continuum marks a chosen target group, from its term page, in the address', async () => {
  const page = await site.openPage();
  await page.goto(site.url('maalgruppe/hjemlose/'));
  await page.getByRole('link', { name: 'Se gruppens eksempler på kontinuet' }).click();
  await page.waitForURL(/kontinuum\/\?maalgruppe=/);
  const chosen = () => page.locator('.continuum-table tr.chosen td:first-child a').allTextContents();
  const homeless = await examplesOfGroup('Hjemløse');
  assert.ok(homeless.length > 0);
  assert.deepEqual((await chosen()).sort(), homeless);
  const rows = await page.locator('.continuum-table tbody tr').count();
  // The rest are dimmed, or marked as near matches (the group named about some participants).
  const dimmed = await page.locator('.continuum-table tr.dimmed').count();
  const near = await page.locator('.continuum-table tr.near').count();
  assert.equal(dimmed + near, rows - homeless.length);
  assert.match(await page.locator('.continuum-groups-note').textContent(), new RegExp(`${homeless.length} af ${rows}`));
  // A second group chosen in place narrows to examples with both, kept in
  // the address; Back returns.
  await page.locator('.continuum-groups a[data-group="Misbrugere"]').click();
  await page.waitForURL(/maalgruppe=Misbrugere/);
  const abusers = await examplesOfGroup('Misbrugere');
  const both = homeless.filter((title) => abusers.includes(title));
  assert.ok(both.length >= 2, `${both}`);
  assert.deepEqual((await chosen()).sort(), both);
  // Where they sit is said in words, by the maps' thirds, from the positions shown.
  const positions = await page
    .locator('.continuum-table tr.chosen td.position')
    .evaluateAll((cells) => cells.map((td) => Number.parseFloat(td.textContent.replace(',', '.'))));
  const thirds = new Set(positions.map((p) => (p < 1 / 3 ? 0 : p < 2 / 3 ? 1 : 2)));
  const words =
    thirds.size > 1
      ? 'De spreder sig fra'
      : ['ligger mod social aktivering', 'ligger midt på kontinuet', 'ligger mod arbejdsmarkedet'][[...thirds][0]];
  assert.ok((await page.locator('.continuum-groups-note').textContent()).includes(words), words);
  // Compare them: the compare page opens with those examples.
  const compare = page.locator('.continuum-groups-note a', { hasText: 'Sammenlign' });
  const slugs = new URL(await compare.getAttribute('href'), page.url()).searchParams.getAll('e');
  assert.equal(slugs.length, Math.min(both.length, 4));
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.getAll('maalgruppe').join() === 'Hjemløse');
  assert.deepEqual((await chosen()).sort(), homeless);
  await page.goForward();
  await compare.click();
  await page.waitForURL(/sammenlign\/\?e=/);
  const shown = await page
    .locator('thead th[data-example]:visible')
    .evaluateAll((ths) => ths.map((th) => th.dataset.example));
  assert.deepEqual(shown.sort(), [...slugs].sort());
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

/** The front page's planner form with Hjemløse and Misbrugere ticked, submitted by `button`. */
async function submitPlannerForm(button) {
  const page = await site.openPage();
  await page.goto(site.url());
  const form = page.locator('section.plan form');
  await form.getByLabel('Hjemløse').check();
  await form.getByLabel('Misbrugere').check();
  await form.getByRole('button', { name: button }).click();
  return page;
}

test("the front page's planner form opens the continuum with the chosen groups' examples marked", async () => {
  const page = await submitPlannerForm('Vis eksemplerne på kontinuet');
  await page.waitForURL(/kontinuum\/\?maalgruppe=/);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('maalgruppe'), ['Hjemløse', 'Misbrugere']);
  const abusers = await examplesOfGroup('Misbrugere');
  const both = (await examplesOfGroup('Hjemløse')).filter((title) => abusers.includes(title));
  const chosen = await page.locator('.continuum-table tr.chosen td:first-child a').allTextContents();
  assert.deepEqual(chosen.sort(), both);
  // Near matches: a chosen group named only about some participants.
  const groups = ['Hjemløse', 'Misbrugere'];
  const near = (await placedExamples())
    .filter((e) => !groups.every((g) => e.groups.includes(g)))
    .filter((e) => groups.every((g) => e.groups.includes(g) || e.traits.includes(g)))
    .map((e) => e.title)
    .sort();
  assert.ok(near.length > 0, 'no near match to test');
  const marked = await page.locator('.continuum-table tr.near td:first-child a').allTextContents();
  assert.deepEqual(marked.sort(), near);
  const note = await page.locator('.continuum-groups-note').textContent();
  for (const title of near) assert.ok(note.includes(`»${title}«`), `${title} not named in: ${note}`);
  // Each with its place on the continuum, as content/ gives it: no need to find it in the figure.
  for (const { title, position } of (await placedExamples()).filter((e) => both.includes(e.title))) {
    assert.ok(note.includes(`»${title}« (${position})`), `${title} (${position}) not named in: ${note}`);
  }
  // Reports with both groups are named too (they are placed on their own pages).
  const { readdir, readFile } = await import('node:fs/promises');
  const { REPO } = await import('../support/project.mjs');
  const reportDir = join(REPO, 'content', 'rapporter');
  const reports = [];
  for (const name of await readdir(reportDir)) {
    const text = await readFile(join(reportDir, name), 'utf8');
    const own = JSON.parse(`[${text.match(/^maalgruppe = \[(.*)\]$/m)?.[1] ?? ''}]`);
    if (/^continuum = /m.test(text) && groups.every((g) => own.includes(g))) {
      reports.push(JSON.parse(text.match(/^title = (".*")$/m)[1]));
    }
  }
  // None since Lokalværdi 2022's groups became former ones; then none is named.
  if (reports.length === 0) assert.ok(!note.includes('har også'), `a report named in: ${note}`);
  for (const title of reports) assert.ok(note.includes(title), `report ${title} not named in: ${note}`);
  // Examples with only some of the groups as tags are named with their places, under the group they have.
  const partial = (await placedExamples()).filter(
    (e) =>
      !near.includes(e.title) && !groups.every((g) => e.groups.includes(g)) && groups.some((g) => e.groups.includes(g)),
  );
  assert.ok(partial.length > 0, 'no example with only some of the groups to test');
  assert.deepEqual(
    (await page.locator('.continuum-table tr.partly td:first-child a').allTextContents()).sort(),
    partial.map((e) => e.title).sort(),
  );
  // The place as the table beside it prints it.
  const printed = new Map(
    await page
      .locator('.continuum-table tr.partly')
      .evaluateAll((rows) =>
        rows.map((row) => [row.querySelector('td a').textContent, row.querySelector('td.position').textContent]),
      ),
  );
  for (const { title } of partial) {
    const position = printed.get(title);
    assert.ok(note.includes(`»${title}« (${position})`), `${title} (${position}) not named in: ${note}`);
  }
  await assert.doesNotReject(
    page.locator('.continuum-groups-note a', { hasText: 'Sammenlign' }).waitFor({ timeout: 2000 }),
  );
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test("the front page's planner form compares the chosen groups' examples at once, with what hinders and helps them", async () => {
  const page = await submitPlannerForm('Sammenlign eksemplerne');
  await page.waitForURL(/sammenlign\/\?/);
  const abusers = await examplesOfGroup('Misbrugere');
  const both = (await examplesOfGroup('Hjemløse')).filter((title) => abusers.includes(title));
  assert.ok(both.length >= 2 && both.length <= 4, `${both}`);
  const shown = await page.locator('thead th[data-example]:visible').allTextContents();
  assert.deepEqual(shown.map((t) => t.trim()).sort(), both);
  // The address names the examples (a shareable comparison) and keeps the groups.
  await page.waitForURL((url) => url.searchParams.getAll('e').length === both.length);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('maalgruppe'), ['Hjemløse', 'Misbrugere']);
  // Positions on one scale, and the groups' hinders and helps under the table.
  assert.equal(await page.locator('td[data-example]:visible svg.continuum-mini').count(), both.length);
  const status = await page.locator('#compare-status').textContent();
  assert.match(status, /Hvad fremmer og hæmmer for Hjemløse og Misbrugere/);
  // … and a way back to the continuum with the same groups marked.
  await page.locator('#compare-status a', { hasText: 'på kontinuet' }).click();
  await page.waitForURL(/kontinuum\/\?/);
  assert.deepEqual(new URL(page.url()).searchParams.getAll('maalgruppe'), ['Hjemløse', 'Misbrugere']);
  const note = await page.locator('.continuum-groups-note').first().textContent();
  for (const title of both) assert.ok(note.includes(`»${title}«`), `${title} not named in: ${note}`);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});
