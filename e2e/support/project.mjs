// The project as the browser tests and benchmarks see it: where it is, its
// release binary, and the judged queries of curation/.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRAKSIS = join(REPO, 'target', 'release', 'praksis');

/** Each judged query of `file` in curation/ (the tuning set unless named) in file order (a query judged twice comes twice). */
export function judgedQueries(file = 'queries.tsv') {
  return readFileSync(join(REPO, 'curation', file), 'utf8')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .slice(1) // the header
    .map((line) => line.split('\t')[0].trim());
}

/** The judged sets, as `praksis eval --list-sets` names them: [{ file, title, role }], role "tuning" or "held-out". */
export function judgedSets() {
  return JSON.parse(execFileSync(PRAKSIS, ['--root', REPO, 'eval', '--list-sets']));
}

/** What the native engine answers (`praksis search --json`), with extra CLI `flags` such as '--literal'. */
export function nativeSearch(query, limit, ...flags) {
  const json = execFileSync(PRAKSIS, [
    '--root',
    REPO,
    'search',
    '--json',
    '--limit',
    String(limit),
    ...flags,
    '--',
    query,
  ]);
  return JSON.parse(json);
}
