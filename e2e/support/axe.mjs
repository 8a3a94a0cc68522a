// axe-core's accessibility checks on pages of the served site.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on each path of the shared site, in light and dark, one line each. */
export async function axeViolations(site, paths) {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const page = await site.openPage({ colorScheme });
    for (const path of paths) {
      await page.goto(site.url(path));
      // Evaluated through the DevTools protocol, so the page's CSP does not apply.
      await page.evaluate(axeSource);
      const result = await page.evaluate(() => window.axe.run());
      for (const violation of result.violations) {
        found.push(
          `${colorScheme} /${path}: ${violation.id} (${violation.nodes.length}) ${violation.nodes[0].target.join(' ')}`,
        );
      }
    }
  }
  return found;
}
