// Prints what a reader downloads of each search asset from a host that
// compresses nothing, one that gzips and one that uses brotli: a file the
// build publishes compressed (.gz) costs its own size on each; any other
// file what the host makes of it (gzip -9, brotli 11). Index chunks only as
// queries need them.  node tools/sizes.mjs DIR…
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gunzipSync, gzipSync } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
/** [raw, no compression, gzip host, brotli host] bytes of one file. */
function costs(bytes, name) {
  if (name.endsWith('.gz')) return [gunzipSync(bytes).length, bytes.length, bytes.length, bytes.length];
  return [
    bytes.length,
    bytes.length,
    gzipSync(bytes, { level: 9 }).length,
    brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  ];
}
const COLUMNS = ['raw', 'plain host', 'gzip host', 'brotli host'];
const rows = [];
for (const dir of process.argv.slice(2)) {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    // A folder of index chunks is one row: a query fetches a few of them.
    const files = statSync(path).isFile()
      ? [path]
      : readdirSync(path)
          .sort()
          .map((file) => join(path, file));
    const sizes = files.map((file) => costs(readFileSync(file), file));
    const label =
      files.length === 1 && files[0] === path ? path : `${path}/ (${files.length} files, fetched as needed)`;
    rows.push([label, ...COLUMNS.map((_, i) => sizes.reduce((sum, s) => sum + s[i], 0))]);
  }
}
const total = rows
  .filter((r) => !r[0].includes('fetched as needed'))
  .reduce(
    (sum, r) => [sum[0], ...COLUMNS.map((_, i) => sum[i + 1] + r[i + 1])],
    ['total before the first query', ...COLUMNS.map(() => 0)],
  );
console.log('search asset'.padEnd(60), ...COLUMNS.map((c) => c.padStart(12)));
for (const [path, ...sizes] of [...rows, total]) {
  console.log(path.padEnd(60), ...sizes.map((n) => kb(n).padStart(12)));
}
