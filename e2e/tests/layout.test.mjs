// Layout at 320, 390 and 1366 px (issue #26): no table is cut off without a
// sign that it scrolls (on phones the tables become cards), and no text in
// the site's tables and charts renders below 12 px: inline SVG text measured
// as drawn (its CSS size times the figure's scale), SVG charts shown as
// images by their own text size times the image's scale. Also the compare
// page's print layout and "Tilføj til sammenligning".
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { PAGE_TYPES, startSite } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

const WIDTHS = [320, 390, 1366];
const PHONE_MAX = 600;
const MIN_PX = 12;
const PATHS = [
  ...PAGE_TYPES.filter((path) => path !== '404.html'),
  'forloeb/',
  'rapporter/lokalvaerdi-2023/',
  'sammenlign/?e=projekt-foeniks&e=en-anderledes-livsstil-hjoernestenen-i-randers&e=basens-aktivitetscenter',
];

/** Every table in main that is wider than the space it has: [description]. */
function clippedTables(phone) {
  const main = document.querySelector('main');
  const room = main.clientWidth;
  const found = [];
  for (const table of main.querySelectorAll('table')) {
    if (table.getClientRects().length === 0) continue;
    const scroller = table.scrollWidth > table.clientWidth + 1 ? table : table.closest('.matrix-wrap, .compare-wrap');
    const wide = table.scrollWidth > table.clientWidth + 1 || table.getBoundingClientRect().width > room + 1;
    if (!wide) continue;
    const name = table.className || table.querySelector('caption')?.textContent || 'table';
    if (phone && table.classList.contains('cards')) {
      found.push(`${name}: a card table is ${table.scrollWidth}px wide in ${room}px`);
      continue;
    }
    const style = scroller ? getComputedStyle(scroller) : null;
    const scrolls = style && ['auto', 'scroll'].includes(style.overflowX);
    const shadow = style?.backgroundImage.includes('gradient');
    if (!(scrolls && shadow)) found.push(`${name}: ${table.scrollWidth}px in ${room}px with no scroll shadow`);
  }
  return found;
}

/** Text in tables and charts rendered under `min` px: [description]. */
function smallText(min) {
  const found = [];
  const shown = (element) => element.getClientRects().length > 0;
  for (const text of document.querySelectorAll('main svg text')) {
    if (!shown(text) || !text.textContent.trim()) continue;
    // The figure's scale, rotated text (the gap map's columns) included.
    const matrix = text.getScreenCTM();
    const scale = matrix ? Math.hypot(matrix.a, matrix.b) : 1;
    const size = Number.parseFloat(getComputedStyle(text).fontSize) * scale;
    if (size < min - 0.05) found.push(`svg "${text.textContent.trim().slice(0, 30)}": ${size.toFixed(1)}px`);
  }
  for (const cell of document.querySelectorAll('main table th, main table td, main table caption')) {
    if (!shown(cell)) continue;
    for (const element of [cell, ...cell.querySelectorAll('*')]) {
      const own = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
      if (!own || !shown(element)) continue;
      const size = Number.parseFloat(getComputedStyle(element).fontSize);
      if (size < min - 0.05) found.push(`table "${element.textContent.trim().slice(0, 30)}": ${size}px`);
    }
  }
  return found;
}

/** SVG charts shown as images: (src, rendered width / drawn width). */
function chartImages() {
  return [...document.querySelectorAll('main img[src$=".svg"]')]
    .filter((img) => img.getClientRects().length > 0)
    .map((img) => ({ src: img.currentSrc || img.src, scale: img.clientWidth / img.naturalWidth }));
}

test('no table is cut off without a sign, and no table or chart text is under 12 px, at 320, 390 and 1366 px', async () => {
  const problems = [];
  const chartText = new Map();
  for (const width of WIDTHS) {
    const page = await site.openPage({ viewport: { width, height: 800 } });
    for (const path of PATHS) {
      await page.goto(site.url(path));
      await page.waitForLoadState('load');
      for (const found of await page.evaluate(clippedTables, width <= PHONE_MAX))
        problems.push(`${width} /${path}: ${found}`);
      for (const found of await page.evaluate(smallText, MIN_PX)) problems.push(`${width} /${path}: ${found}`);
      for (const { src, scale } of await page.evaluate(chartImages)) {
        if (!chartText.has(src)) {
          const svg = await (await fetch(src)).text();
          const sizes = [...svg.matchAll(/font:\s*(\d+(?:\.\d+)?)px/g)].map((m) => Number(m[1]));
          assert.ok(sizes.length > 0, `${src} names no text size`);
          chartText.set(src, Math.min(...sizes));
        }
        const size = chartText.get(src) * scale;
        if (size < MIN_PX - 0.05) problems.push(`${width} /${path}: chart ${src} text at ${size.toFixed(1)}px`);
      }
    }
    assert.ok(page.errors.length === 0, page.errors.join('\n'));
  }
  assert.ok(chartText.size >= 2, `only ${chartText.size} chart images seen`);
  assert.ok(problems.length === 0, problems.join('\n'));
});

test('a report and /forloeb/ open with their overview, above the first heading of the text', async () => {
  const page = await site.openPage({ viewport: { width: 390, height: 800 } });
  for (const path of ['rapporter/lokalvaerdi-2022/', 'forloeb/']) {
    await page.goto(site.url(path));
    const box = page.locator('.case-overview');
    assert.ok(await box.isVisible(), `/${path}: no overview`);
    const top = (await box.boundingBox()).y;
    assert.ok(top < 800, `/${path}: the overview starts ${top}px down`);
    // biome-ignore lint/performance/useDomNodeTextContent: Playwright's locator, as laid out for the reader
    const text = await box.innerText();
    assert.match(text, /\d+ af \d+/, `/${path}: ${text}`);
    assert.match(text, /Median varighed/, `/${path}: ${text}`);
  }
});

test('/forloeb/ on a phone: the overview in two screens, the rest folded under labelled lines, no number of the overview hidden', async () => {
  const screen = { width: 390, height: 844 };
  const page = await site.openPage({ viewport: screen });
  await page.goto(site.url('forloeb/'));
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  // Test 9 measured 6 487 px (about eight screens); the per-report table
  // and the course list took two of them, the step lists' links three.
  assert.ok(height <= 4 * screen.height, `/forloeb/ is ${height} px tall at 390 px`);
  const typical = await page.locator('.case-overview .typical').boundingBox();
  assert.ok(
    typical.y + typical.height <= 2 * screen.height,
    `the typical course ends ${typical.y + typical.height} px down`,
  );
  // Every "N af M" the overview states is on screen, none only in a fold.
  const numbers = await page.locator('.case-overview').evaluate((box) => {
    const said = (text) => text.match(/\d+ af \d+/g) ?? [];
    // biome-ignore lint/performance/useDomNodeTextContent: what is laid out for the reader, not what is in the DOM
    return { all: said(box.textContent), shown: said(box.innerText) };
  });
  assert.ok(numbers.all.length > 10, `${numbers.all}`);
  assert.deepEqual(numbers.shown, numbers.all);
  // What is folded is labelled, and all there: each report's row, each course.
  const folds = page.locator('main details.fold');
  assert.equal(await folds.count(), 2);
  for (const summary of await folds.locator('summary').allTextContents()) assert.ok(summary.length > 20, summary);
  const cases = Number((await page.locator('.case-overview .facts dd').first().textContent()).trim());
  assert.equal(await folds.nth(1).locator('.page-list > li').count(), cases);
  assert.ok((await folds.nth(0).locator('tbody tr').count()) >= 2);
  await folds.nth(0).locator('summary').click();
  assert.ok(await page.locator('table.report-overviews').isVisible());
  assert.ok(page.errors.length === 0, page.errors.join('\n'));
});

test('the compare page draws every position on one scale with its number, and prints only the chosen columns', async () => {
  const page = await site.openPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(site.url('sammenlign/?e=projekt-foeniks&e=en-anderledes-livsstil-hjoernestenen-i-randers'));
  const bars = await page
    .locator('td[data-example]:visible svg.continuum-mini')
    .evaluateAll((svgs) =>
      svgs.map((svg) => [svg.getBoundingClientRect().width, svg.querySelector('.value').textContent]),
    );
  assert.ok(bars.length === 2, `bars: ${JSON.stringify(bars)}`);
  assert.ok(bars[0][0] === bars[1][0], `bars of different widths: ${JSON.stringify(bars)}`);
  assert.ok(
    bars.every(([, number]) => /^[01](,\d+)?$/.test(number)),
    `numbers: ${JSON.stringify(bars)}`,
  );
  const results = await page.locator('tr:has(th:text("Resultater")) td:visible').allInnerTexts();
  assert.ok(
    results.every((text) => !text.includes('intet afsnit')),
    `both have a results or experience section: ${results}`,
  );
  // On a phone (cards), the scales stand one above the other.
  await page.setViewportSize({ width: 390, height: 800 });
  const lefts = await page
    .locator('td[data-example]:visible svg.continuum-mini')
    .evaluateAll((svgs) => svgs.map((svg) => Math.round(svg.getBoundingClientRect().left)));
  assert.ok(new Set(lefts).size === 1, `scales at ${lefts} px on a phone`);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.compare-form').isHidden(), 'the check boxes print');
  const fits = await page.evaluate(() => {
    const table = document.querySelector('table.compare');
    return table.getBoundingClientRect().right <= document.documentElement.clientWidth + 1;
  });
  assert.ok(fits, 'the printed table is cut at the right edge');
});

test('"Tilføj til sammenligning" says what a click does and counts only what is chosen', async () => {
  const page = await site.openPage();
  await page.goto(site.url('eksempler/hotellet-paa-vesterbro-koebenhavn/'));
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const toggle = page.locator('.add-compare button');
  const count = page.locator('.add-compare a.chosen-count');
  assert.equal(await toggle.textContent(), 'Tilføj til sammenligning');
  assert.equal(await count.isVisible(), false, 'nothing chosen, no count');
  await page.goto(site.url('sammenlign/?e=projekt-foeniks&e=basens-aktivitetscenter'));
  await page.goto(site.url('eksempler/hotellet-paa-vesterbro-koebenhavn/'));
  assert.equal(await toggle.textContent(), 'Tilføj til sammenligning', 'this page is not chosen yet');
  assert.equal(await count.textContent(), '2 valgt – sammenlign →');
  await toggle.click();
  assert.ok(page.url().includes('hotellet'), 'adding stays on the example page');
  assert.equal(await toggle.textContent(), 'Fjern fra sammenligning');
  assert.equal(await count.textContent(), '3 valgt – sammenlign →');
  await toggle.click();
  assert.equal(await toggle.textContent(), 'Tilføj til sammenligning');
  assert.equal(await count.textContent(), '2 valgt – sammenlign →');
  await toggle.click();
  await count.click();
  await page.waitForURL(/sammenlign/);
  const chosen = new URL(page.url()).searchParams.getAll('e');
  assert.deepEqual(chosen, ['projekt-foeniks', 'basens-aktivitetscenter', 'hotellet-paa-vesterbro-koebenhavn']);
  const shown = await page.locator('thead th[data-example]:visible').count();
  assert.ok(shown === 3, `${shown} columns shown`);
});

test('on a phone the header is at most 120 px tall with the search box in it, and "Menu" opens every entry on screen', async () => {
  for (const width of [320, 390]) {
    const page = await site.openPage({ viewport: { width, height: 844 } });
    await page.goto(site.url('eksempler/projekt-foeniks/'));
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(header.height <= 120, `${width} px: the header is ${header.height}px tall`);
    const search = page.locator('#search-input');
    const box = await search.boundingBox();
    assert.ok(box.y + box.height <= header.y + header.height, `${width} px: the search box is outside the header`);
    await search.click();
    assert.ok(
      await search.evaluate((input) => input === document.activeElement),
      `${width} px: one tap does not reach search`,
    );
    const toggle = page.locator('.menu-toggle');
    const entries = page.locator('nav[aria-label="Hovedmenu"] a');
    assert.equal(await entries.first().isVisible(), false, `${width} px: the menu is not folded`);
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    const rects = await entries.evaluateAll((links) =>
      links.map((a) => ({ text: a.textContent, ...a.getBoundingClientRect().toJSON() })),
    );
    assert.ok(rects.length >= 9, `${rects.length} entries`);
    const off = rects.filter((r) => r.width === 0 || r.right > width + 1 || r.left < 0).map((r) => r.text);
    assert.deepEqual(off, [], `${width} px: entries hidden or off screen once opened`);
    await page.keyboard.press('Escape');
    await entries.first().focus();
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'Escape in the menu closes it');
    assert.ok(page.errors.length === 0, page.errors.join('\n'));
  }
  // Wide screens keep the menu open and show no button.
  const desktop = await site.openPage({ viewport: { width: 1366, height: 900 } });
  await desktop.goto(site.url());
  assert.equal(await desktop.locator('.menu-toggle').isVisible(), false);
  assert.ok(await desktop.locator('nav[aria-label="Hovedmenu"] a').first().isVisible());
});

test('on a desktop the list folds once two are chosen, the comparison in the first screen, and "Sammenlign" brings it into view', async () => {
  const page = await site.openPage({ viewport: { width: 1366, height: 900 } });
  const top = (selector) => page.locator(selector).evaluate((element) => element.getBoundingClientRect().top);
  await page.goto(
    site.url('sammenlign/?e=projekt-foeniks&e=basens-aktivitetscenter&e=hotellet-paa-vesterbro-koebenhavn'),
  );
  const table = await top('table.compare');
  assert.ok(table < 900, `the table starts ${table}px down, below the first screen`);
  assert.equal(await page.locator('input[name="e"]').first().isVisible(), false, 'the list is not folded');
  assert.match(await page.locator('.compare-choice summary').textContent(), /3 valgt/);
  // A fresh visit: the list first; choosing two and "Sammenlign" puts the table where the eye is.
  await page.goto(site.url('sammenlign/'));
  await page.evaluate(() => localStorage.clear());
  assert.ok(await page.locator('input[name="e"]').first().isVisible(), 'with none chosen the list is open');
  await page.check('input[value="projekt-foeniks"]');
  await page.check('input[value="basens-aktivitetscenter"]');
  await page.getByRole('button', { name: 'Sammenlign' }).click();
  const after = await top('table.compare');
  assert.ok(after > -1 && after < 900, `after "Sammenlign" the table is ${after}px from the top of the screen`);
  assert.ok(
    await page.evaluate(() => document.activeElement.classList.contains('compare-wrap')),
    'focus is not on the table',
  );
  const shown = await page.locator('thead th[data-example]:visible').count();
  assert.equal(shown, 2);
  await page.emulateMedia({ media: 'print' });
  assert.ok(await page.locator('.compare-form').isHidden(), 'the list prints');
  assert.ok(page.errors.length === 0, page.errors.join('\n'));
});

test('/kontinuum/ with groups chosen shows the figure in the first screen, before how it was made', async () => {
  const screen = { width: 1366, height: 900 };
  const page = await site.openPage({ viewport: screen });
  await page.goto(site.url('kontinuum/?maalgruppe=Hjemløse&maalgruppe=Misbrugere'));
  await page.locator('.continuum-groups-note').waitFor({ timeout: 5000 });
  const figure = await page.locator('figure.continuum-overview').boundingBox();
  assert.ok(figure.y < screen.height, `the figure starts ${figure.y} px down`);
  const method = await page.locator('#saadan-placeres').boundingBox();
  assert.ok(method.y > figure.y, 'the method comes after the figure');
  assert.ok(page.errors.length === 0, page.errors.join('\n'));
});

test('on a touch phone the overview\'s "hvilke" toggles and the courses they open are a finger high', async () => {
  const page = await site.openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await page.goto(site.url('forloeb/'));
  const toggles = page.locator('.case-overview details.which');
  const count = await toggles.count();
  assert.ok(count > 0, 'no "hvilke" toggles on /forloeb/');
  for (let i = 0; i < count; i += 1) {
    const toggle = toggles.nth(i);
    const summary = toggle.locator('summary');
    await summary.scrollIntoViewIfNeeded();
    assert.ok((await summary.boundingBox()).height >= 44, `toggle ${i} is under 44 px`);
    await summary.tap();
    const heights = await toggle
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
    assert.ok(heights.length > 0, `toggle ${i} opens no course`);
    for (const height of heights) assert.ok(height >= 44, `toggle ${i}: a course link is ${height} px high`);
  }
});

test('on a phone the front page answers "what came out of it" on the first screen, and no fact is squeezed into a narrow column', async () => {
  const screen = { width: 390, height: 844 };
  const page = await site.openPage({ viewport: screen, isMobile: true, hasTouch: true });
  await page.goto(site.url(''));
  // Test 25 found the work figure below the first screen.
  const headline = await page.locator('.case-headline .headline').boundingBox();
  assert.ok(
    headline.y + headline.height <= screen.height,
    `the work figure ends ${headline.y + headline.height} px down`,
  );
  // A fact's value as wide as its box: two columns squeezed "235 dage for alle 14 (…)" into a word a line.
  const widths = await page
    .locator('.case-headline .facts dd')
    .evaluateAll((dds) => dds.map((dd) => dd.getBoundingClientRect().width / dd.parentElement.clientWidth));
  assert.ok(widths.length > 1);
  for (const share of widths) assert.ok(share > 0.8, `a fact is ${Math.round(share * 100)} % of its box wide`);
  // What a finger taps there: the links under the figures, the planner's check boxes.
  const targets = await page
    .locator('.case-headline > p:last-child a, .plan input[type="checkbox"]')
    .evaluateAll((els) => els.map((el) => [el.textContent || el.value, el.getBoundingClientRect().height]));
  assert.ok(targets.length > 3);
  for (const [what, height] of targets) assert.ok(height >= 24, `${what} is ${height} px high`);
  assert.ok(page.errors.length === 0, page.errors.join('\n'));
});
