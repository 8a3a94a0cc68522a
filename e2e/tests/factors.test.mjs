// /faktorer/ narrowed to target groups (?maalgruppe=…, factor-groups.js):
// reached from a group's page, it marks under each factor the pages having
// every chosen group and counts them, as content/ says; without script it is
// the full list.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { REPO } from '../support/project.mjs';
import { startSite } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

/** Every example and report of content/: title, target groups and factors. */
async function efforts() {
  const pages = [];
  for (const section of ['eksempler', 'rapporter']) {
    const dir = join(REPO, 'content', section);
    for (const name of await readdir(dir)) {
      if (name === '_index.md') continue;
      const text = await readFile(join(dir, name), 'utf8');
      const list = (key) => JSON.parse(`[${text.match(new RegExp(`^${key} = \\[(.*)\\]$`, 'm'))?.[1] ?? ''}]`);
      pages.push({
        title: JSON.parse(text.match(/^title = (".*")$/m)[1]),
        groups: list('maalgruppe'),
        traits: [...text.matchAll(/\[\[extra\.traits\]\]\ntaxonomy = "maalgruppe"\nterm = (".*")/g)].map((m) =>
          JSON.parse(m[1]),
        ),
        factors: [...list('fremmer'), ...list('haemmer')],
      });
    }
  }
  return pages;
}

test('/faktorer/ marks and counts the pages of the chosen target groups under each factor', async () => {
  const page = await site.openPage();
  await page.goto(site.url('maalgruppe/hjemlose/'));
  await page.getByRole('link', { name: 'Se hvad der fremmer og hæmmer for gruppen' }).click();
  await page.waitForURL(/faktorer\/\?maalgruppe=/);
  await page.locator('.factor-groups a[data-group="Misbrugere"]').click();
  await page.waitForURL(/maalgruppe=Misbrugere/);
  const chosen = ['Hjemløse', 'Misbrugere'];
  const all = await efforts();
  const pages = all.filter((p) => chosen.every((group) => p.groups.includes(group)));
  // Pages with only some of the groups (as a tag or about some participants).
  const partly = all.filter(
    (p) => !pages.includes(p) && chosen.some((group) => p.groups.includes(group) || p.traits.includes(group)),
  );
  assert.ok(pages.length >= 2, `${pages.map((p) => p.title)}`);
  // Each factor with a page: its name, the count beside it, its marked pages.
  const shown = await page.locator('.terms-overview dt:has(a)').evaluateAll((terms) =>
    terms.map((dt) => ({
      name: dt.querySelector('a').textContent,
      count: dt.querySelector('.group-count')?.textContent,
      marked: [...dt.nextElementSibling.querySelectorAll(':scope > ul:not(.stated-items) > li.chosen a')].map(
        (a) => a.textContent,
      ),
      near: [...dt.nextElementSibling.querySelectorAll(':scope > ul:not(.stated-items) > li.near a')].map(
        (a) => a.textContent,
      ),
    })),
  );
  assert.ok(shown.length > 10, `${shown.length} factors`);
  let counted = 0;
  let partial = 0;
  for (const { name, count, marked, near } of shown) {
    const expected = pages.filter((p) => p.factors.includes(name)).map((p) => p.title);
    const some = partly.filter((p) => p.factors.includes(name)).map((p) => p.title);
    const also = some.length ? `, ${some.length} med en af dem` : '';
    assert.equal(count, ` ${expected.length} af dem med Hjemløse og Misbrugere${also}`, name);
    assert.deepEqual(marked.sort(), expected.sort(), name);
    assert.deepEqual(near.sort(), some.sort(), name);
    partial += some.length;
    counted += expected.length;
  }
  assert.ok(counted > 0, 'some factor is shown by the chosen groups');
  assert.ok(partial > 0, 'some factor is shown by pages with one of the groups');
  assert.match(await page.locator('.factor-groups-note').textContent(), /målgrupperne Hjemløse og Misbrugere/);
  // The same choice on the continuum, and back.
  const continuum = page.locator('.factor-groups-note a', { hasText: 'kontinuet' });
  const there = new URL(await continuum.getAttribute('href'), page.url());
  assert.ok(there.pathname.endsWith('/kontinuum/'), there.pathname);
  assert.deepEqual(there.searchParams.getAll('maalgruppe'), chosen);
  await continuum.click();
  await page.waitForURL(/kontinuum\/\?maalgruppe=/);
  const factors = page.locator('.continuum-groups-note a', { hasText: 'fremmer og hæmmer' });
  assert.deepEqual(new URL(await factors.getAttribute('href'), page.url()).searchParams.getAll('maalgruppe'), chosen);
  await page.goBack();
  await page.waitForURL(/faktorer\/\?maalgruppe=/);
  // Back returns to one group; "Fjern valget af målgrupper" clears the choice.
  await page.goBack();
  await page.waitForURL((url) => url.searchParams.getAll('maalgruppe').join() === 'Hjemløse');
  await page.locator('.factor-groups-note a', { hasText: 'Fjern valget af målgrupper' }).click();
  assert.equal(await page.locator('.terms-overview .dimmed, .group-count').count(), 0);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('/faktorer/?maalgruppe= without script is the full list', async () => {
  const page = await site.openPage({ javaScriptEnabled: false });
  await page.goto(site.url(`faktorer/?maalgruppe=${encodeURIComponent('Hjemløse')}`));
  assert.equal(await page.locator('.terms-overview .dimmed, .group-count').count(), 0);
  const listed = await page.locator('.terms-overview dd li').count();
  assert.ok(listed > 20, `${listed} pages and sentences listed`);
  // A group's link leads to its page.
  assert.match(
    await page.locator('.factor-groups a[data-group="Hjemløse"]').getAttribute('href'),
    /maalgruppe\/hjemlose\/$/,
  );
});

test('/faktorer/ with target groups chosen passes axe, light and dark', async () => {
  const chosen = new URLSearchParams([
    ['maalgruppe', 'Hjemløse'],
    ['maalgruppe', 'Misbrugere'],
  ]);
  const found = await axeViolations(site, [`faktorer/?${chosen}`]);
  assert.deepEqual(found, []);
});

test('from the continuum with groups chosen, compare leads on to what hinders and helps them', async () => {
  const page = await site.openPage();
  const chosen = ['Hjemløse', 'Misbrugere'];
  await page.goto(site.url(`kontinuum/?${new URLSearchParams(chosen.map((group) => ['maalgruppe', group]))}`));
  await page.locator('.continuum-groups-note a', { hasText: 'Sammenlign' }).click();
  await page.waitForURL(/sammenlign\/\?e=/);
  const link = page.locator('.compare-groups a');
  assert.equal(await link.textContent(), 'Se hvad der fremmer og hæmmer for målgrupperne Hjemløse og Misbrugere');
  await link.click();
  await page.waitForURL(/faktorer\/\?maalgruppe=/);
  const pressed = await page.locator('.factor-groups a[aria-pressed="true"]').allTextContents();
  assert.deepEqual(pressed.sort(), chosen);
  // Compare reached without groups says nothing of them.
  await page.goto(site.url('sammenlign/?e=projekt-foeniks&e=hotellet-paa-vesterbro-koebenhavn'));
  assert.ok(await page.locator('.compare-groups').isHidden());
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test("with groups chosen, each side lists first the factors the groups' pages show, folds the rest, and says when there are none", async () => {
  const page = await site.openPage();
  await page.goto(site.url('faktorer/?maalgruppe=Hjemløse&maalgruppe=Misbrugere'));
  await page.locator('.factor-groups-note').waitFor({ timeout: 5000 });
  for (const side of await page.locator('.terms-overview').all()) {
    const rows = await side.locator('dt').evaluateAll((terms) =>
      terms.map((dt) => {
        const [, full, some] = dt
          .querySelector('.group-count')
          .textContent.match(/(\d+) af dem(?:.*?(\d+) med en af dem)?/);
        return { hidden: dt.hidden, full: Number(full), some: Number(some ?? 0) };
      }),
    );
    const shown = rows.filter((r) => !r.hidden);
    // Folded: exactly those no page of the groups shows; shown ones come first, most pages first.
    for (const r of rows) assert.equal(r.hidden, r.full === 0 && r.some === 0, JSON.stringify(r));
    assert.deepEqual(rows.slice(0, shown.length), shown, 'folded factors come last');
    for (let i = 1; i < shown.length; i++) {
      const [a, b] = [shown[i - 1], shown[i]];
      assert.ok(a.full > b.full || (a.full === b.full && a.some >= b.some), `${JSON.stringify(shown)}`);
    }
    const line = await side.locator('.group-side-note').textContent();
    assert.equal(line.startsWith('Ingen side med'), !rows.some((r) => r.full > 0), line);
  }
  // The note names the pages.
  assert.match(await page.locator('.factor-groups-note').textContent(), /\(».*«\)/);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});
