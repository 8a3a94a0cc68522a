// The engine's size profile for docs/engine-size.md: what each crate and the
// largest functions take of the shipped WebAssembly. Needs twiggy (cargo
// install twiggy) and the engine with its name section, which the shipped
// file strips: wasm-opt -Oz as build_wasm in ./x runs it, without
// --strip-debug.   node tools/engine-size.mjs NAMED.wasm [TOP]
import { execFileSync } from 'node:child_process';

const [wasm, top = '25'] = process.argv.slice(2);
if (!wasm) throw new Error('usage: node tools/engine-size.mjs NAMED.wasm [TOP]');
const items = JSON.parse(execFileSync('twiggy', ['top', '-f', 'json', wasm], { maxBuffer: 1 << 28 }).toString());
// Names are demangled with their crate hash (`tantivy[ece0e43624a536de]::…`);
// a function is counted to the first crate its name mentions: for
// `<A as B>::f` the implementing type's.
const crateOf = (name) => {
  if (name.includes('"function names" subsection') || name.startsWith('"')) return '(name section, not shipped)';
  if (name.startsWith('data segment')) return '(data: string constants, tables)';
  const crate = name.match(/([A-Za-z_][A-Za-z0-9_]*)\[[0-9a-f]+\]::/);
  if (crate) return crate[1];
  if (/^__wbg|^__wbindgen|wasm-bindgen/.test(name)) return 'wasm-bindgen';
  return '(other: imports, types, tables, unnamed)';
};
const clean = (name) => name.replace(/\[[0-9a-f]+\]/g, '');
const shipped = items.filter((i) => !i.name.startsWith('"function names"')).reduce((s, i) => s + i.shallow_size, 0);
const byCrate = new Map();
for (const item of items) {
  const crate = crateOf(item.name);
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.shallow_size);
}
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
const share = (n) => `${((100 * n) / shipped).toFixed(1)} %`;
console.log(`Shipped (without the name section): ${kb(shipped)}\n`);
console.log('| crate | raw | share |\n|---|---:|---:|');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1])) {
  if (crate.startsWith('(name')) continue;
  console.log(`| ${crate} | ${kb(size)} | ${share(size)} |`);
}
console.log(`\n| function (top ${top}) | raw | share |\n|---|---:|---:|`);
for (const item of items.filter((i) => !i.name.startsWith('"')).slice(0, Number(top))) {
  const name = clean(item.name);
  const shown = name.length > 140 ? `${name.slice(0, 137)}…` : name;
  console.log(`| \`${shown.replaceAll('|', '\\|')}\` | ${kb(item.shallow_size)} | ${share(item.shallow_size)} |`);
}
