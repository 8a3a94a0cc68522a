// The project as the browser tests and benchmarks see it: where it is, its
// release binary, and the judged queries of curation/queries.tsv.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRAKSIS = join(REPO, 'target', 'release', 'praksis');

/** Each judged query in file order (a query judged twice comes twice). */
export function judgedQueries() {
  return readFileSync(join(REPO, 'curation', 'queries.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .slice(1) // the header
    .map((line) => line.split('\t')[0].trim());
}
