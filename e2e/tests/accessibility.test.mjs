// axe-core on one page of every type, in light and dark.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { PAGE_TYPES, startSite } from '../support/site.mjs';

const site = await startSite();
after(() => site.close());

test('axe-core finds no violations on any page type, light and dark', async () => {
  const found = await axeViolations(site, PAGE_TYPES);
  assert.ok(found.length === 0, `axe violations:\n${found.join('\n')}`);
});
