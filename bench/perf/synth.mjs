// Synthetic Danish pages for the scale benchmark: a copy of the project whose
// content/ holds N more pages, written from the corpus's own vocabulary (a
// word-pair chain over the committed pages' text) and its taxonomy terms, so
// that term frequencies, compounds and æ/ø/å look like the real site's.
// Deterministic: the same N and seed give the same pages.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SECTION = 'syntetisk';

/** mulberry32: small, fast, and the same on every machine. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function corpus(contentDir) {
  const next = new Map(); // word → words seen after it
  const terms = {}; // taxonomy → terms
  const titles = [];
  for (const name of readdirSync(contentDir, { recursive: true })) {
    if (!name.endsWith('.md') || name.endsWith('_index.md')) continue;
    const text = readFileSync(join(contentDir, name), 'utf8');
    const [, front = '', body = ''] = text.split('+++');
    titles.push(front.match(/^title = "(.*)"$/m)?.[1] ?? '');
    for (const [, taxonomy, list] of front.matchAll(/^(metode|maalgruppe|sted|kildetype) = \[(.*)\]$/gm)) {
      terms[taxonomy] ??= new Set();
      for (const [, term] of list.matchAll(/"([^"]+)"/g)) terms[taxonomy].add(term);
    }
    const words = body
      .replace(/[#*|[\]()>_`]/g, ' ')
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w));
    for (let i = 0; i + 1 < words.length; i++) {
      if (!next.has(words[i])) next.set(words[i], []);
      next.get(words[i]).push(words[i + 1]);
    }
  }
  return {
    next,
    starts: [...next.keys()],
    terms: Object.fromEntries(Object.entries(terms).map(([k, v]) => [k, [...v].sort()])),
    titles,
  };
}

function sentence(model, rand, length) {
  let word = model.starts[Math.floor(rand() * model.starts.length)];
  const words = [word];
  while (words.length < length) {
    const options = model.next.get(word);
    word = options?.length
      ? options[Math.floor(rand() * options.length)]
      : model.starts[Math.floor(rand() * model.starts.length)];
    words.push(word);
  }
  return words.join(' ');
}

const quote = (text) => JSON.stringify(text);

/**
 * Copies the project at `repo` to `dir` and adds `pages` synthetic pages in
 * content/syntetisk/. Returns the number of pages written.
 */
export function writeSyntheticProject(repo, dir, pages, seed = 1) {
  for (const item of ['sources', 'curation', 'themes', 'static', 'content', 'config.toml']) {
    cpSync(join(repo, item), join(dir, item), { recursive: true, verbatimSymlinks: true });
  }
  const model = corpus(join(repo, 'content'));
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const section = join(dir, 'content', SECTION);
  mkdirSync(section, { recursive: true });
  writeFileSync(
    join(section, '_index.md'),
    '+++\ntitle = "Syntetiske sider"\nweight = 90\nsort_by = "weight"\n+++\n\nSider skrevet af benchmarkens generator.\n',
  );
  for (let i = 1; i <= pages; i++) {
    const title = `${pick(model.titles).split(/[–:,]/)[0].trim()} ${i}`;
    const taxonomies = ['metode', 'maalgruppe', 'sted']
      .filter((taxonomy) => model.terms[taxonomy]?.length)
      .map((taxonomy) => `${taxonomy} = [${quote(pick(model.terms[taxonomy]))}]`);
    const keywords = Array.from({ length: 3 }, () => quote(sentence(model, rand, 3 + Math.floor(rand() * 4))));
    const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 8) }, () =>
      sentence(model, rand, 30 + Math.floor(rand() * 90)),
    );
    writeFileSync(
      join(section, `side-${String(i).padStart(6, '0')}.md`),
      [
        '+++',
        `title = ${quote(title)}`,
        `description = ${quote(paragraphs[0].slice(0, 160))}`,
        `weight = ${i}`,
        '[taxonomies]',
        'kildetype = ["Syntetisk side"]',
        ...taxonomies,
        '[extra]',
        `continuum = ${(Math.floor(rand() * 101) / 100).toFixed(2)}`,
        `keywords = [${keywords.join(', ')}]`,
        '+++',
        '',
        `## ${sentence(model, rand, 3)}`,
        '',
        paragraphs.join('\n\n'),
        '',
      ].join('\n'),
    );
  }
  return pages;
}
