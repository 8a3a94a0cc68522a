// The project as the browser tests and benchmarks see it: where it is, its
// release binary, and the judged queries of curation/.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PRAKSIS = join(REPO, 'target', 'release', 'praksis');

/** Each judged query of `file` (the first tuned-on set unless named) in file order (a query judged twice comes twice), as `praksis eval` reads it. */
export function judgedQueries(file = 'queries.tsv') {
  const set = judgedSets().find((candidate) => candidate.file === file);
  if (!set) {
    throw new Error(`${file} is not a registered judged set (praksis eval --list-sets)`);
  }
  return set.queries;
}

/** The judged sets, as `praksis eval --list-sets` lists them: [{ file, title, role, queries }], role "tuning" or "held-out". */
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
