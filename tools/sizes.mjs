// Prints the raw, gzip and brotli sizes of the search assets: what a reader
// may download to search (index chunks only as queries need them).  node tools/sizes.mjs DIR…
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
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
    const sizes = files
      .map((file) => readFileSync(file))
      .map((bytes) => [
        bytes.length,
        gzipSync(bytes, { level: 9 }).length,
        brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
      ]);
    const label =
      files.length === 1 && files[0] === path ? path : `${path}/ (${files.length} files, fetched as needed)`;
    rows.push([label, ...[0, 1, 2].map((i) => sizes.reduce((sum, s) => sum + s[i], 0))]);
  }
}
const total = rows
  .filter((r) => !r[0].includes('fetched as needed'))
  .reduce((sum, r) => [sum[0], sum[1] + r[1], sum[2] + r[2], sum[3] + r[3]], ['total before the first query', 0, 0, 0]);
console.log('search asset'.padEnd(60), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const [path, raw, gz, br] of [...rows, total]) {
  console.log(path.padEnd(60), kb(raw).padStart(10), kb(gz).padStart(10), kb(br).padStart(10));
}
