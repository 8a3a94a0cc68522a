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

/** Every example and report of content/: section, slug, text, title, target groups and factors (also by side). */
/** Does the page state something on `side` ("hinders", "helps") that no factor covers? */
function saysItself(text, side) {
  return text
    .split('\n[[')
    .filter((block) => block.startsWith(`extra.stated.${side}]]`))
    .some((block) => !/^factors = /m.test(block));
}

/** The factor terms a page's evidence gives only in wishes ("ønske eller mulighed"). */
function wishedFactors(text) {
  const roles = new Map();
  for (const m of text.matchAll(
    /\[\[extra\.evidence\]\]\ntaxonomy = "(fremmer|haemmer)"\nterm = (".*")\nsentence = .*\nrole = (".*")/g,
  )) {
    const term = JSON.parse(m[2]);
    roles.set(term, [...(roles.get(term) ?? []), JSON.parse(m[3])]);
  }
  return [...roles].filter(([, all]) => all.every((role) => role === 'ønske eller mulighed')).map(([term]) => term);
}

async function efforts() {
  const pages = [];
  for (const section of ['eksempler', 'rapporter']) {
    const dir = join(REPO, 'content', section);
    for (const name of await readdir(dir)) {
      if (name === '_index.md') continue;
      const text = await readFile(join(dir, name), 'utf8');
      const list = (key) => JSON.parse(`[${text.match(new RegExp(`^${key} = \\[(.*)\\]$`, 'm'))?.[1] ?? ''}]`);
      pages.push({
        section,
        slug: name.replace(/\.md$/, ''),
        text,
        title: JSON.parse(text.match(/^title = (".*")$/m)[1]),
        groups: list('maalgruppe'),
        traits: [...text.matchAll(/\[\[extra\.traits\]\]\ntaxonomy = "maalgruppe"\nterm = (".*")/g)].map((m) =>
          JSON.parse(m[1]),
        ),
        factors: Object.assign([...list('fremmer'), ...list('haemmer')], {
          fremmer: list('fremmer'),
          haemmer: list('haemmer'),
        }),
        // The factors every sentence of which only wishes for it.
        wishes: wishedFactors(text),
        // Whether it says itself, under no factor, what hinders or helps it.
        saysItself: {
          haemmer: saysItself(text, 'hinders'),
          fremmer: saysItself(text, 'helps'),
        },
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
    // A page that only wishes for the factor is marked, not counted, as compare counts it.
    const wished = pages.filter((p) => p.factors.includes(name) && p.wishes.includes(name)).length;
    const counts = expected.length - wished;
    const wishes = wished ? ` (og ${wished} kun som ønske)` : '';
    assert.equal(count, ` ${counts} af dem med Hjemløse og Misbrugere${wishes}${also}`, name);
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

test('from the continuum with groups chosen, compare shows what hinders and helps their pages, quoted and counted', async () => {
  const page = await site.openPage();
  const chosen = ['Hjemløse', 'Misbrugere'];
  await page.goto(site.url(`kontinuum/?${new URLSearchParams(chosen.map((group) => ['maalgruppe', group]))}`));
  await page.locator('.continuum-groups-note a', { hasText: 'Sammenlign' }).click();
  await page.waitForURL(/sammenlign\/\?e=/);
  const all = await efforts();
  const theirs = all.filter((p) => chosen.every((group) => p.groups.includes(group)));
  const partly = all.filter(
    (p) => !theirs.includes(p) && chosen.some((group) => p.groups.includes(group) || p.traits.includes(group)),
  );
  const section = page.locator('.compare-factors');
  assert.equal(
    await section.locator('h2').textContent(),
    'Hvad fremmer og hæmmer for målgrupperne Hjemløse og Misbrugere',
  );
  // The status line above the table leads to it.
  assert.equal(
    await page.locator('.compare-status a', { hasText: 'Hvad fremmer' }).getAttribute('href'),
    '#for-maalgrupperne',
  );
  // The note names the groups' pages, examples and reports apart.
  const note = await section.locator('.compare-factors-note').textContent();
  const examples = theirs.filter((p) => p.section === 'eksempler');
  const reports = theirs.filter((p) => p.section === 'rapporter');
  assert.ok(examples.length >= 2, `${theirs.map((p) => p.title)}`);
  assert.match(note, new RegExp(`${theirs.length} sider har dem alle: ${examples.length} eksempler \\(`));
  if (reports.length === 0) assert.ok(!note.includes(' rapport'), note);
  for (const p of theirs) assert.ok(note.includes(`»${p.title}«`), p.title);
  // Each factor shown: its count as content/ gives it, and under it exactly
  // the pages showing it, each marked example or report, with sentences
  // that stand in the page's own text.
  let quoted = 0;
  let saidThemselves = 0;
  for (const side of ['haemmer', 'fremmer']) {
    // Factors none of the groups' own pages shows are folded at the side's end.
    const fold = section.locator(`#for-maalgrupperne-${side} details.other-factors`);
    const folded = await fold
      .locator('dt')
      .evaluateAll((terms) => terms.map((dt) => dt.querySelector('a').textContent));
    // … open where the groups' own pages show no factor on this side.
    const ownNone = !theirs.some((p) => p.factors[side].length > 0);
    assert.equal(await fold.evaluate((details) => details.open), ownNone, side);
    // … and so are the chapter's general findings, both sides alike.
    const thin = ['haemmer', 'fremmer'].some((s) => !theirs.some((p) => p.factors[s].length > 0));
    assert.equal(await page.locator(`#generelt-${side} > details`).evaluate((d) => d.open), thin, side);
    await fold.evaluate((details) => {
      details.open = true;
    });
    const factors = await section.locator(`#for-maalgrupperne-${side} dt:visible`).evaluateAll((terms) =>
      terms.map((dt) => ({
        name: dt.querySelector('a').textContent,
        count: dt.querySelector('.group-count').textContent,
        items: [...dt.nextElementSibling.querySelectorAll('li:not([hidden])')].map((li) => ({
          title: li.querySelector('a').textContent,
          kind: li.querySelector('.kind').textContent,
          near: li.classList.contains('near'),
          sentences: [...li.querySelectorAll('blockquote')].map((q) => q.textContent.match(/»(.*)«/s)[1]),
        })),
      })),
    );
    const expected = all
      .flatMap((p) => p.factors[side])
      .filter((name, i, names) => names.indexOf(name) === i)
      .filter((name) => [...theirs, ...partly].some((p) => p.factors[side].includes(name)));
    assert.deepEqual(factors.map((f) => f.name).sort(), expected.sort(), side);
    // A side none of the groups' own pages shows anything on says so.
    const line = section.locator(`#for-maalgrupperne-${side} .group-side-note`);
    const none = !theirs.some((p) => p.factors[side].length > 0);
    assert.equal(await line.isVisible(), none, side);
    if (none) {
      const verb = side === 'haemmer' ? 'hæmmer' : 'fremmer';
      // … and whether some of them say themselves what does, as the list below shows.
      const saying = theirs.filter((p) => p.saysItself[side]).length;
      const start = `^Ingen af ${theirs.length} sider med Hjemløse og Misbrugere viser`;
      assert.match(
        await line.textContent(),
        new RegExp(
          saying === 0
            ? `${start} noget, der ${verb}`
            : `${start} en af katalogets faktorer for det, der ${verb}, men ${saying === 1 ? 'én af dem' : `${saying} af dem`} siger det selv`,
        ),
      );
      saidThemselves += saying;
    }
    const summary = await section.locator(`#for-maalgrupperne-${side} .side-summary`).textContent();
    // It begins with the groups' own pages' factors, where they show any.
    assert.equal(
      summary.startsWith('Kort: '),
      theirs.some((p) => p.factors[side].length > 0),
      summary,
    );
    for (const { name, count, items } of factors) {
      const every = theirs.filter((p) => p.factors[side].includes(name));
      // A page that only wishes for the factor is shown under it, not counted as showing it.
      const full = every.filter((p) => !p.wishes.includes(name));
      const wished = every.filter((p) => p.wishes.includes(name));
      const some = partly.filter((p) => p.factors[side].includes(name));
      const sides = (n) => `${n} ${n === 1 ? 'side' : 'sider'}`;
      const also = some.length ? `, ${some.length} med kun nogle af dem` : '';
      const hope = wished.length ? ` (og ${wished.length} kun som ønske)` : '';
      const expectedCount = full.length
        ? ` – ${full.length} af ${theirs.length} sider med Hjemløse og Misbrugere${hope}${also}`
        : ` – ${[
            ...(wished.length ? [`${sides(wished.length)} med Hjemløse og Misbrugere kun som ønske`] : []),
            ...(some.length ? [`${sides(some.length)} med kun nogle af målgrupperne`] : []),
          ].join(', ')}`;
      assert.equal(count, expectedCount, name);
      // The side's one-sentence summary names it with the same count.
      const listedAs = full.length ? `${full.length} af ${theirs.length}` : some.length ? sides(some.length) : '';
      if (listedAs) assert.ok(summary.includes(`${name} (${listedAs})`), `${name} (${listedAs}) not in: ${summary}`);
      assert.equal(folded.includes(name), full.length === 0, `${name} folded`);
      assert.deepEqual(items.map((i) => i.title).sort(), [...every, ...some].map((p) => p.title).sort(), name);
      for (const item of items) {
        const source = all.find((p) => p.title === item.title);
        assert.equal(item.near, some.includes(source), item.title);
        assert.match(item.kind, source.section === 'rapporter' ? /^\(rapport\)$/ : /^\(eksempel/, item.title);
        assert.ok(item.sentences.length > 0, `${name}: ${item.title} quotes nothing`);
        for (const sentence of item.sentences) {
          assert.ok(source.text.includes(sentence), `${item.title}: »${sentence}«`);
          quoted++;
        }
      }
    }
  }
  assert.ok(quoted > 5, `${quoted} sentences quoted`);
  // Hjørnestenen says itself what hinders it (its keywords): the line must say so.
  assert.ok(saidThemselves > 0, "no side where the groups' pages only say it themselves");
  // An example stating no hindrance points to this section, not to chapter 3.2.
  const none = page.locator('.compare .none a[data-side="haemmer"]:visible').first();
  assert.equal(await none.getAttribute('href'), '#for-maalgrupperne-haemmer');
  // The rest is on /faktorer/, with the same groups.
  await section.locator('.compare-factors-note a').click();
  await page.waitForURL(/faktorer\/\?maalgruppe=/);
  const pressed = await page.locator('.factor-groups a[aria-pressed="true"]').allTextContents();
  assert.deepEqual(pressed.sort(), chosen);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('compare without groups in the address shows the factors of the groups its examples share, and none when they share none', async () => {
  const page = await site.openPage();
  const all = await efforts();
  const slugs = ['projekt-foeniks', 'hotellet-paa-vesterbro-koebenhavn'];
  const compared = slugs.map((slug) => all.find((p) => p.slug === slug));
  const shared = compared[0].groups.filter((group) => compared.every((p) => p.groups.includes(group)));
  assert.ok(shared.length > 0, 'the two share a group');
  await page.goto(site.url(`sammenlign/?${new URLSearchParams(slugs.map((slug) => ['e', slug]))}`));
  const section = page.locator('.compare-factors');
  assert.equal(
    await section.locator('h2').textContent(),
    `Hvad fremmer og hæmmer for ${shared.length > 1 ? 'målgrupperne' : 'målgruppen'} ${shared.join(' og ')}`,
  );
  assert.match(await section.locator('.compare-factors-note').textContent(), /^De sammenlignede eksempler har alle/);
  // Two that share no group: nothing said of groups.
  const apart = ['fountain-house-koebenhavn', 'olympos-et-tvaerkommunalt-samarbejde-om'].map((slug) =>
    all.find((p) => p.slug === slug),
  );
  assert.ok(!apart[0].groups.some((group) => apart[1].groups.includes(group)), 'the two share no group');
  await page.goto(site.url(`sammenlign/?${new URLSearchParams(apart.map((p) => ['e', p.slug]))}`));
  assert.ok(await section.isHidden());
  assert.equal(await page.locator('.compare-status a').count(), 0);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test('compare with target groups passes axe, light and dark', async () => {
  const found = await axeViolations(site, [
    'sammenlign/?e=basens-aktivitetscenter&e=en-anderledes-livsstil-hjoernestenen-i-randers&maalgruppe=Hjemløse&maalgruppe=Misbrugere',
  ]);
  assert.deepEqual(found, []);
});

test("with groups chosen, each side lists first the factors the groups' pages show, folds the rest, and says when there are none", async () => {
  const page = await site.openPage();
  await page.goto(site.url('faktorer/?maalgruppe=Hjemløse&maalgruppe=Misbrugere'));
  await page.locator('.factor-groups-note').waitFor({ timeout: 5000 });
  let saidThemselves = 0;
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
    // … saying so when some of them say themselves, at the end, what does.
    if (line.startsWith('Ingen side med')) {
      const saying = await side.locator(':scope > ul.stated-items > li.chosen').count();
      assert.equal(line.includes('siger det selv'), saying > 0, line);
      saidThemselves += saying;
    }
  }
  assert.ok(saidThemselves > 0, "no side where the groups' pages only say it themselves");
  // The note names the pages.
  assert.match(await page.locator('.factor-groups-note').textContent(), /\(».*«\)/);
  assert.ok(page.errors.length === 0, `page errors: ${page.errors}`);
});

test("compare's general findings quote the catalogue's sentence for each factor, and the page says what »forslag« means", async () => {
  const index = await readFile(join(REPO, 'content', 'faktorer', '_index.md'), 'utf8');
  const sentences = [...index.matchAll(/^sentence = (".*")$/gm)].map((m) => JSON.parse(m[1]));
  assert.ok(sentences.length > 5, `chapter 3.2's factors: ${sentences.length}`);
  const page = await site.openPage();
  await page.goto(site.url('sammenlign/?e=basens-aktivitetscenter&e=en-anderledes-livsstil-hjoernestenen-i-randers'));
  const items = await page
    .locator('section.general li')
    .evaluateAll((lis) => lis.map((li) => li.querySelector('.chapter-quote p')?.textContent ?? ''));
  assert.ok(items.length > 5, `general findings: ${items.length}`);
  for (const quote of items) {
    assert.ok(
      sentences.some((s) => quote === `»${s}«`),
      `a general finding without the catalogue's sentence: "${quote}"`,
    );
  }
  assert.match(await page.locator('.review-legend').textContent(), /Forslag: fundet af maskinen/);
  // A factor the page names only as a wish is marked in its cell, as on the page itself.
  const basens = await readFile(join(REPO, 'content', 'eksempler', 'basens-aktivitetscenter.md'), 'utf8');
  const wished = [
    ...basens.matchAll(/taxonomy = "(fremmer|haemmer)"\nterm = (".*")\nsentence = .*\nrole = "ønske eller mulighed"/g),
  ].map((m) => [m[1], JSON.parse(m[2])]);
  assert.ok(wished.length > 0, 'Basens names a factor only as a wish');
  const label = { fremmer: 'Det der fremmer', haemmer: 'Det der hæmmer' };
  for (const [kind, term] of wished) {
    const row = page.locator('table.compare tr', { has: page.locator('th', { hasText: label[kind] }) });
    const cell = await row.locator('td[data-example="basens-aktivitetscenter"]').textContent();
    assert.ok(cell.includes(`${term} (kun som ønske eller mulighed)`), `${kind}: "${cell}"`);
  }
});
