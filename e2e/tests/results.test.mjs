// The results page (/soeg/) and the quick list's manners: Enter opens every
// hit with the query in the address, filters for every taxonomy keep focus,
// Back and reload restore the view, and the list closes when left.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { nativeSearch } from '../support/project.mjs';
import { ENGINE_HITS, startSite, typeQuery } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

const resultTitles = (page) => page.locator('#results-list > li > a').allTextContents();

/** Hits per page of results, as the results page shows them. */
const PAGE_SIZE = 20;

/**
 * Asserts that the results list shows the native engine's hits for the same
 * search (`native`, from `nativeSearch`) from `first` on, one page of them,
 * in its order.
 */
async function assertEngineOrder(page, native, message, first = 0) {
  const expected = native.hits.slice(first, first + PAGE_SIZE).map((hit) => hit.title);
  assert.deepEqual(await resultTitles(page), expected, message);
}

/** Waits until the status line reports `total` results. */
function waitForTotal(page, total) {
  return page.waitForFunction(
    (n) => document.getElementById('results-status').textContent.startsWith(`${n} resultat`),
    total,
  );
}

async function waitForResults(page) {
  await page.waitForFunction(() => /resultat/.test(document.getElementById('results-status')?.textContent ?? ''), {
    timeout: 20000,
  });
}

test('Enter in the box opens the results page with every hit, the query in the address', async () => {
  const query = 'hjemløse misbrug';
  const native = nativeSearch(query, 100);
  assert.ok(native.total > 10, `a query with more hits than the quick list shows: ${native.total}`);
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, query);
  await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
  const more = await page.locator('#search-results .search-all a').textContent();
  assert.ok(more.includes(String(native.total)), `the quick list offers all ${native.total}: "${more}"`);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/praksis\/soeg\/\?q=/);
  assert.equal(new URL(page.url()).searchParams.get('q'), query);
  await waitForResults(page);
  await assertEngineOrder(page, native, 'the first page is the engine’s first 20, in order');
  const status = await page.locator('#results-status').textContent();
  assert.ok(status.includes(`${native.total} resultater`), status);
  assert.equal(await page.inputValue('#search-input'), query, 'the box keeps the query');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('pages of results: the next page continues the numbering, in the address', async () => {
  const query = 'job';
  const native = nativeSearch(query, 100);
  assert.ok(native.total > 20, `more than one page: ${native.total}`);
  const page = await site.openPage();
  await page.goto(site.url(`soeg/?q=${query}`));
  await waitForResults(page);
  await page.locator('#results-pager a[rel="next"]').click();
  await page.waitForURL(/side=2/);
  await page.waitForFunction(() => document.getElementById('results-list').start === 21);
  await page.waitForFunction(
    (first) => document.querySelector('#results-list > li > a')?.textContent === first,
    native.hits[20].title,
  );
  await assertEngineOrder(page, native, 'the second page is the engine’s next 20', PAGE_SIZE);
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('results-list').start === 1);
});

test('a filter keeps focus on its button, narrows the results, and Back and reload restore the view', async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=hjemløse misbrug'));
  await waitForResults(page);
  const groups = await page
    .locator('#results-filters fieldset:not([hidden])')
    .evaluateAll((sets) => sets.map((set) => set.dataset.taxonomy));
  for (const taxonomy of ['metode', 'maalgruppe', 'sted']) {
    assert.ok(groups.includes(taxonomy), `filters offered for ${taxonomy}: ${groups}`);
  }
  const button = page.locator('#results-filters fieldset[data-taxonomy="metode"] button').first();
  const term = await button.getAttribute('data-term');
  const count = Number((await button.textContent()).match(/\((\d+)\)/)[1]);
  await button.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/metode=/);
  await waitForTotal(page, count);
  const focused = await page.evaluate(() => document.activeElement?.dataset?.term);
  assert.equal(focused, term, 'focus stays on the filter pressed');
  assert.equal(await page.locator(`button[data-term="${term}"]`).getAttribute('aria-pressed'), 'true');
  const filtered = nativeSearch('hjemløse misbrug', 100);
  assert.ok(count < filtered.total, `the filter narrows ${filtered.total} to ${count}`);
  const narrowed = await resultTitles(page);
  await page.locator('#results-list > li > a').first().click();
  await page.waitForURL((url) => !url.pathname.includes('/soeg/'));
  await page.goBack();
  await waitForResults(page);
  assert.deepEqual(await resultTitles(page), narrowed, 'Back restores query, filter and results');
  assert.equal(await page.inputValue('#search-input'), 'hjemløse misbrug');
  await page.reload();
  await waitForResults(page);
  assert.deepEqual(await resultTitles(page), narrowed, 'reload restores them too');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('the quick list closes on a click outside and on Escape, keeping the query; a facet keeps focus', async () => {
  const page = await site.openPage();
  await page.goto(site.url());
  await typeQuery(page, 'mentorordning');
  await page.locator(`${ENGINE_HITS} a`).first().waitFor({ timeout: 15000 });
  await page.locator('.site-footer').click();
  assert.ok(await page.locator('#search-results').isHidden(), 'a click outside closes the list');
  assert.equal(await page.inputValue('#search-input'), 'mentorordning');
  await page.focus('#search-input');
  assert.ok(await page.locator('#search-results').isVisible(), 'focus on the box reopens it');
  await page.keyboard.press('Escape');
  assert.ok(await page.locator('#search-results').isHidden(), 'Escape closes the list');
  assert.equal(await page.inputValue('#search-input'), 'mentorordning', 'Escape keeps the query');
  await page.keyboard.press('ArrowDown');
  const facet = page.locator('#search-results .search-facets button').first();
  const term = await facet.getAttribute('data-term');
  await facet.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (t) => document.querySelector(`#search-results button[data-term="${t}"]`)?.getAttribute('aria-pressed') === 'true',
    term,
  );
  assert.equal(await page.evaluate(() => document.activeElement?.dataset?.term), term, 'focus stays on the facet');
});

test('a widened query says what else it searched for, and can be searched literally', async () => {
  const widened = nativeSearch('sindslidende', 100);
  const literal = nativeSearch('sindslidende', 100, '--literal');
  assert.ok(literal.total < widened.total, `literal ${literal.total} < widened ${widened.total}`);
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=sindslidende'));
  await waitForResults(page);
  const note = await page.locator('#results-rewrites').textContent();
  assert.ok(/Søger også efter: .*psykiatri.*samme betydning/.test(note), `the synonym is named: "${note}"`);
  await page.getByRole('link', { name: 'Søg kun efter »sindslidende«' }).click();
  await page.waitForURL(/praecis=1/);
  await waitForTotal(page, literal.total);
  await assertEngineOrder(page, literal, 'the literal search’s first 20');
  const plain = await page.locator('#results-rewrites').textContent();
  assert.ok(plain.includes('Søger kun efter de skrevne ord'), plain);
  await page.goto(site.url('soeg/?q=mentorordnig'));
  await waitForResults(page);
  const suggestion = await page.locator('#results-rewrites').textContent();
  assert.ok(suggestion.includes('Mente du »mentorordning«?'), suggestion);
  // A sure reading is searched instead of the word typed, and says so.
  assert.ok(suggestion.includes('Søger efter »mentorordning« i stedet for »mentorordnig«.'), suggestion);
  assert.ok(!suggestion.includes('stavet anderledes'), suggestion);
  // Typed with a capital, the word is still replaced in the suggestion.
  await page.goto(site.url('soeg/?q=Mentorordnig'));
  await waitForResults(page);
  const capital = await page.locator('#results-rewrites').textContent();
  assert.ok(capital.includes('Mente du »mentorordning«?'), capital);
  // A question whose subject no page writes is searched by its own words, and says so.
  const nonsense = nativeSearch('hvordan virker zzyzx', 100);
  await page.goto(site.url('soeg/?q=hvordan virker zzyzx'));
  await waitForTotal(page, nonsense.total);
  const scaffolding = await page.locator('#results-rewrites').textContent();
  assert.ok(scaffolding.includes('hvordan, virker (intet fundet for »zzyzx« som skrevet)'), scaffolding);
  // An age is read as the ages of the people the cases follow, and says so.
  const aged = nativeSearch('ledig over 55', 100);
  await page.goto(site.url('soeg/?q=ledig over 55'));
  await waitForTotal(page, aged.total);
  await assertEngineOrder(page, aged, 'an age query’s first 20');
  const age = await page.locator('#results-rewrites').textContent();
  assert.ok(age.includes('forløb med en borger på 56 år eller ældre (»over 55«)'), age);
  // A verb form no page writes is searched in the forms pages write, and says so.
  await page.goto(site.url('soeg/?q=truer'));
  await waitForTotal(page, nativeSearch('truer', 100).total);
  const inflected = await page.locator('#results-rewrites').textContent();
  assert.ok(inflected.includes('truende (andre bøjninger af »truer«)'), inflected);
});

test('related words are named, not searched, and each is a search of its own with its count of pages', async () => {
  const mentor = nativeSearch('mentor', 100);
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentor'));
  await waitForTotal(page, mentor.total);
  const contact = nativeSearch('kontaktperson', 100);
  const support = nativeSearch('støtteperson', 100);
  // Each related word says how many pages a search for it finds, as natively.
  const expected = `Beslægtede ord til »mentor«, som ikke er søgt med: kontaktperson (${contact.total} sider), støtteperson (${support.total} sider).`;
  await page.waitForFunction(
    (text) => document.getElementById('results-rewrites').textContent.includes(text),
    expected,
  );
  const note = await page.locator('#results-rewrites').textContent();
  assert.ok(!/Søger også efter: [^.]*kontaktperson/.test(note), `not searched as a synonym: "${note}"`);
  await page.locator('#results-rewrites').getByRole('link', { name: 'kontaktperson', exact: true }).click();
  await page.waitForURL(/q=kontaktperson/);
  await waitForTotal(page, contact.total);
});

test('on a phone the hits come first, with a link down to the filters', async () => {
  const page = await site.openPage({ viewport: { width: 390, height: 844 } });
  await page.goto(site.url('soeg/?q=hjemløse misbrug'));
  await waitForResults(page);
  const first = await page.locator('#results-list > li').first().boundingBox();
  assert.ok(first.y < 844, `the first hit starts at ${first.y} px, within the first screen`);
  const link = page.locator('.filters-link a');
  assert.ok(await link.isVisible(), 'a link leads to the filters');
  await link.click();
  const filters = await page.locator('#results-filters').boundingBox();
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(Math.abs(filters.y) < 844 && scrolled > 0, `the filters come into view (${filters.y}, ${scrolled})`);
});

/**
 * The titles the engine lists for `query` narrowed by `filters` ([taxonomy,
 * term] pairs), with any further flags of `praksis search`.
 */
function nativeTitles(query, filters, ...flags) {
  const filterFlags = filters.flatMap(([taxonomy, term]) => ['--filter', `${taxonomy}=${term}`]);
  return nativeSearch(query, 100, ...filterFlags, ...flags);
}

/** The two commonest terms of `taxonomy` among the pages `query` finds. */
function commonestTerms(query, taxonomy, filters = []) {
  const counts = nativeTitles(query, filters).facets[taxonomy];
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([term]) => term);
}

test('filters without words list every page they select, paged, in the address', async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/'));
  const group = page.locator('#results-filters fieldset[data-taxonomy="metode"]');
  await group.locator('button').first().waitFor({ timeout: 15000 });
  assert.ok(await page.locator('#results-filters').isVisible(), 'filters are offered before any search');
  // The method the most pages use, pressed with nothing typed.
  const [term] = commonestTerms('', 'metode', [['kildetype', 'Praksiseksempel']]);
  await group.locator(`button[data-term="${term}"]`).click();
  await page.waitForURL(/metode=/);
  assert.equal(new URL(page.url()).searchParams.getAll('metode').join(), term);
  const native = nativeTitles('', [['metode', term]]);
  assert.ok(native.total > 0, `${term} selects pages`);
  await waitForTotal(page, native.total);
  await assertEngineOrder(page, native, 'the pages the engine selects, in its order');
  const note = await page.locator('#results-filter-note').textContent();
  assert.ok(note.includes(term), `the page says what it shows: "${note}"`);
  await page.reload();
  await page.waitForFunction(() => /resultat/.test(document.getElementById('results-status').textContent));
  await assertEngineOrder(page, native, 'reload restores the filtered list');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('two terms of one group widen (either), another group narrows (both), and the page says so', async () => {
  const query = 'job';
  const [first, second] = commonestTerms(query, 'metode');
  const [group] = commonestTerms(query, 'maalgruppe', [['metode', first]]);
  const either = nativeTitles(query, [
    ['metode', first],
    ['metode', second],
  ]);
  const one = nativeTitles(query, [['metode', first]]);
  assert.ok(either.total > one.total, `a second method widens: ${one.total} → ${either.total}`);
  const both = nativeTitles(query, [
    ['metode', first],
    ['metode', second],
    ['maalgruppe', group],
  ]);
  assert.ok(both.total < either.total, `a target group narrows: ${either.total} → ${both.total}`);
  const address = `soeg/?q=${query}&metode=${encodeURIComponent(first)}&metode=${encodeURIComponent(second)}&maalgruppe=${encodeURIComponent(group)}`;
  const page = await site.openPage();
  await page.goto(site.url(address));
  await waitForTotal(page, both.total);
  await assertEngineOrder(page, both, 'either method, and the target group');
  const note = await page.locator('#results-filter-note').textContent();
  assert.ok(note.includes(`metode ${first} eller ${second} og målgruppe ${group}`), note);
  assert.ok(note.includes('»eller«'), `the rule is stated: "${note}"`);
  // A chosen group's counts say what each of its terms adds, as the engine counts them.
  const button = page.locator(`#results-filters fieldset[data-taxonomy="metode"] button[data-term="${second}"]`);
  const shown = Number((await button.textContent()).match(/\((\d+)\)/)[1]);
  assert.equal(shown, both.facets.metode[second]);
});

test('"alle valgene" makes every chosen term of a group hold, as the engine does natively', async () => {
  // The two target groups the most examples have (filters alone count nothing).
  const [first, second] = commonestTerms('', 'maalgruppe', [['kildetype', 'Praksiseksempel']]);
  const filters = [
    ['maalgruppe', first],
    ['maalgruppe', second],
  ];
  const either = nativeTitles('', filters);
  const both = nativeTitles('', filters, '--every-term');
  assert.ok(both.total > 0 && both.total < either.total, `both narrows: ${either.total} → ${both.total}`);
  const page = await site.openPage();
  await page.goto(
    site.url(`soeg/?q=&maalgruppe=${encodeURIComponent(first)}&maalgruppe=${encodeURIComponent(second)}`),
  );
  await waitForTotal(page, either.total);
  await page.getByRole('link', { name: 'Vis kun sider med alle valgene' }).click();
  await page.waitForURL(/alle=1/);
  await waitForTotal(page, both.total);
  await assertEngineOrder(page, both, 'every chosen target group');
  const note = await page.locator('#results-filter-note').textContent();
  assert.ok(note.includes(`målgruppe ${first} og ${second}`), note);
  await page.goBack();
  await waitForTotal(page, either.total);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('literal search shows the sentence that matched, highlighted', async () => {
  const literal = nativeSearch('mentor', 100, '--literal');
  const unmarked = literal.hits.filter((hit) => !hit.snippet.includes('<b>'));
  assert.deepEqual(
    unmarked.map((hit) => hit.title),
    [],
    'every literal hit highlights its match',
  );
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentor&praecis=1'));
  await waitForResults(page);
  const items = page.locator('#results-list > li');
  const count = await items.count();
  assert.equal(count, Math.min(20, literal.total));
  for (let i = 0; i < count; i++) {
    const marks = await items.nth(i).locator('p mark').allTextContents();
    assert.ok(
      marks.some((mark) => /mentor/i.test(mark)),
      `hit ${i + 1} highlights a word with mentor in it: ${marks}`,
    );
  }
});

test('rewrite notes name words as the pages write them, never folded', async () => {
  const { fold } = await import('../../themes/praksis/static/fold.js');
  // Completions (prefix), a correction (spelling) and parts (compound), each typed in ASCII.
  for (const [query, kind] of [
    ['hjemlose', 'prefix'],
    ['stotteprson', 'spelling'],
    ['stotteperson', 'compound'],
  ]) {
    const native = nativeSearch(query, 100);
    const words = native.rewrites.filter((r) => r.kind === kind).flatMap((r) => r.also);
    assert.ok(words.length > 0, `${query} is rewritten as ${kind}: ${JSON.stringify(native.rewrites)}`);
    assert.ok(
      words.some((word) => fold(word) !== word),
      `${query}: a word whose folded form differs: ${words}`,
    );
    const page = await site.openPage();
    await page.goto(site.url(`soeg/?q=${query}`));
    await waitForResults(page);
    const note = await page.locator('#results-rewrites').textContent();
    for (const word of words) {
      assert.ok(note.includes(word), `${query}: "${word}" in "${note}"`);
      if (fold(word) !== word) {
        assert.ok(!new RegExp(`\\b${fold(word)}\\b`).test(note), `${query}: no folded ${fold(word)} in "${note}"`);
      }
    }
  }
});

/** Titles of the content pages naming `term` only as a trait of some participants. */
async function traitTitles(term) {
  const { readdir, readFile } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const { REPO } = await import('../support/project.mjs');
  const titles = [];
  for (const section of ['eksempler', 'rapporter']) {
    for (const name of await readdir(join(REPO, 'content', section))) {
      const text = await readFile(join(REPO, 'content', section, name), 'utf8');
      if (text.includes(`[[extra.traits]]\ntaxonomy = "maalgruppe"\nterm = "${term}"`)) {
        titles.push(JSON.parse(text.match(/^title = (".*")$/m)[1]));
      }
    }
  }
  return titles;
}

test('a chosen target group names the pages where only some participants belong to it, apart', async () => {
  const traits = await traitTitles('Hjemløse');
  assert.ok(traits.length > 0, 'some page names homelessness as a trait of some participants');
  const native = nativeTitles('', [['maalgruppe', 'Hjemløse']]);
  const page = await site.openPage();
  await page.goto(site.url(`soeg/?q=&maalgruppe=${encodeURIComponent('Hjemløse')}`));
  await waitForTotal(page, native.total);
  const results = await resultTitles(page);
  for (const title of traits) assert.ok(!results.includes(title), `${title} is no result for the group`);
  const note = page.locator('#results-traits');
  assert.ok(await note.isVisible(), 'the trait pages are named');
  assert.deepEqual((await note.locator('a').allTextContents()).sort(), [...traits].sort());
  assert.match(await note.textContent(), /ikke rettet mod dem/);
  // One group chosen: a way to see where its examples sit.
  const toContinuum = page.locator('#results-filter-note a', { hasText: 'på kontinuet' });
  assert.equal(new URL(await toContinuum.getAttribute('href'), page.url()).searchParams.get('maalgruppe'), 'Hjemløse');
  // And to what hinders and helps its pages.
  const toFactors = page.locator('#results-filter-note a', { hasText: 'fremmer og hæmmer' });
  const factors = new URL(await toFactors.getAttribute('href'), page.url());
  assert.ok(factors.pathname.endsWith('/faktorer/'), factors.pathname);
  assert.equal(factors.searchParams.get('maalgruppe'), 'Hjemløse');
  // Another group without traits names none.
  await page.goto(site.url(`soeg/?q=&maalgruppe=${encodeURIComponent('Grønlændere')}`));
  await waitForResults(page);
  assert.ok(!(await note.isVisible()), 'no trait note for a group no page names as a trait');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test("the results page's filters list the terms the query names first", async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentor'));
  await waitForResults(page);
  const methods = await page
    .locator('.facet-terms button[data-taxonomy="metode"]')
    .evaluateAll((buttons) => buttons.map((b) => b.dataset.term));
  assert.equal(methods[0], 'Mentorordning', `${methods}`);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('a hit whose snippet shows a wish is marked as one, the others not, as the engine says natively', async () => {
  const native = nativeSearch('mentor', 100);
  const wished = native.hits.filter((hit) => hit.wish).map((hit) => hit.title);
  assert.ok(wished.length > 0 && wished.length < native.hits.length, `some, not all: ${wished}`);
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentor'));
  await waitForResults(page);
  const marked = await page
    .locator('#results-list > li')
    .evaluateAll((items) =>
      items.filter((li) => li.querySelector('.wish')).map((li) => li.querySelector('a').textContent),
    );
  assert.deepEqual(marked, wished);
  const mark = await page.locator('#results-list .wish').first().textContent();
  assert.match(mark, /ønske eller mulighed/);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

/**
 * The pages the engine adds to `query`'s few pages found as typed, those
 * with `flag` (`wider` or `judged`): natively after every page found as
 * typed (judged before wider), counted, and marked with `className` in the
 * browser in the engine's order.
 */
async function assertAddedPagesMarked(query, flag, className) {
  const native = nativeSearch(query, 100);
  const kind = (hit) => (hit.judged ? 1 : hit.wider ? 2 : 0);
  const added = native.hits.filter((hit) => hit[flag]).map((hit) => hit.title);
  const typed = native.hits.filter((hit) => kind(hit) === 0).map((hit) => hit.title);
  assert.ok(typed.length > 0 && added.length > 0, `some of each: ${typed} | ${added}`);
  const kinds = native.hits.map(kind);
  assert.deepEqual(
    kinds,
    [...kinds].sort((a, b) => a - b),
    'the added pages come after every page found as typed, judged before wider',
  );
  assert.equal(native.total, native.hits.length, 'the count is of the pages shown');
  const page = await site.openPage();
  await page.goto(site.url(`soeg/?q=${encodeURIComponent(query)}`));
  await waitForTotal(page, native.total);
  await assertEngineOrder(page, native, 'the engine’s order');
  const marked = await page
    .locator('#results-list > li')
    .evaluateAll(
      (items, className) =>
        items.filter((li) => li.querySelector(`.${className}`)).map((li) => li.querySelector('a').textContent),
      className,
    );
  assert.deepEqual(marked, added);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
}

test('pages found only by the wider search follow the few found as typed, marked, as the engine says natively', async () => {
  await assertAddedPagesMarked('arbejdsmiljøproblemer', 'wider', 'result-wider');
});

test('pages readers judged for the words follow the few found as typed, marked, as the engine says natively', async () => {
  await assertAddedPagesMarked('skadesreduktion', 'judged', 'result-judged');
});

test('a query naming a method or target group links to its page, which quotes each page’s sentence', async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentor'));
  await waitForResults(page);
  const note = page.locator('#results-term-pages');
  await note.waitFor();
  const card = note.locator('li', { hasText: 'Metoden »Mentorordning«' });
  // The card says how many pages the term page quotes, as the term export counts them.
  const count = await page.evaluate(
    async (url) => (await (await fetch(url)).json()).metode.Mentorordning.pages,
    site.url('eksport/termer.json'),
  );
  assert.ok(count > 1, `${count}`);
  assert.match(await card.textContent(), new RegExp(`^Metoden »Mentorordning« \\(${count} sider\\)`));
  // It comes before the first hit.
  const [cardBox, firstHit] = [
    await card.boundingBox(),
    await page.locator('#results-list > li').first().boundingBox(),
  ];
  assert.ok(cardBox.y < firstHit.y, `card at ${cardBox.y}, first hit at ${firstHit.y}`);
  await card.getByRole('link', { name: 'Metoden »Mentorordning«' }).click();
  await page.waitForURL(/\/metode\/mentorordning\/$/);
  assert.equal((await page.locator('h1').textContent()).trim(), 'Mentorordning');
  // A query naming no term shows no such line.
  await page.goto(site.url('soeg/?q=Vordingborg'));
  await waitForResults(page);
  assert.ok(await page.locator('#results-term-pages').isHidden());
});

test('each hit with a result says what its page came to, as the page itself says it', async () => {
  const page = await site.openPage();
  await page.goto(site.url('soeg/?q=mentorordning'));
  await waitForResults(page);
  const hits = await page.locator('#results-list > li').evaluateAll((items) =>
    items.map((li) => ({
      href: li.querySelector('a').href,
      line: li.querySelector('.result-line')?.textContent ?? '',
      wish: li.querySelector('.wish') !== null,
    })),
  );
  let withLine = 0;
  let wishes = 0;
  for (const { href, line, wish } of hits) {
    // A sentence that only wishes for the query gets no result of its page under it.
    if (wish) {
      wishes += 1;
      assert.equal(line, 'Sætningen er et ønske; sidens resultater hører ikke til den.', href);
      continue;
    }
    const target = await site.openPage();
    await target.goto(href);
    // The page's own result line, as its term pages and its results section give it.
    const own = await target.locator('main').textContent();
    const kind = new URL(href).pathname.slice(new URL(site.url('')).pathname.length).split('/')[0];
    if (line) {
      withLine += 1;
      const said = line
        .replace(/^Resultat( for hele rapporten)?:\s*/, '')
        .replace(/^\(en holdning, ingen resultater\)\s*/, '');
      // Its words stand on the page: a report's figure in its overview, a
      // course's outcome and the sentence quoted for it, an example's results.
      const parts =
        kind === 'rapporter'
          ? [
              said
                .match(/i arbejde (\d+) af de (\d+)/)
                .slice(1)
                .join(' af '),
            ]
          : kind === 'forloeb'
            ? said.replace(/«\)$/, '').split(' (»')
            : [said.slice(0, 40)];
      for (const words of parts) {
        assert.ok(own.replace(/\s+/g, ' ').includes(words), `${href}: "${words}" not on the page`);
      }
    } else {
      assert.ok(['kapitler', 'kom-i-gang', 'faktorer'].includes(kind), `${href} has no result line`);
    }
    await target.close();
  }
  assert.ok(withLine >= 3, `${withLine} hits with a result`);
  assert.ok(wishes >= 1, 'no hit for mentorordning is a wish (Sidegadeprojektet was)');
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});
