// Praksisbasen's search engine in a Web Worker: fetching, compiling the
// WebAssembly and opening the index happen here, so typing never waits on
// them. Every URL is resolved against this file, which sits at the site root.
//
// The index arrives in parts: a hot pack (what opening it reads) and small
// chunk files. A search answers either with results or with the chunks it
// needs first; those are fetched together and the search runs again. Both,
// and the engine, are published compressed (precompressed.js).
import { fetchOk, fetchPublished } from './precompressed.js';

const siteRoot = new URL('./', import.meta.url);
const indexRoot = new URL('search-index/', siteRoot);
const engineRoot = new URL('pkg/', siteRoot);
// A search needs at most two rounds of chunks (postings, then stored pages);
// more means something is wrong, not slow.
const MAX_ROUNDS = 6;

let opening = null;

/** Where the index file the manifest calls `name` is published. */
const indexFile = (name) => new URL(`${name}.gz`, indexRoot);

/** The engine with the index open; fetched once, in two round trips. */
function engine() {
  opening ??= (async () => {
    // pkg/engine.json names the content-hashed engine files; the manifest
    // names the hot pack and the chunks, each published as name + .gz.
    const [names, manifestBytes] = await Promise.all([
      fetchOk(new URL('engine.json', engineRoot)).then((r) => r.json()),
      fetchOk(new URL('manifest.json', indexRoot))
        .then((r) => r.arrayBuffer())
        .then((b) => new Uint8Array(b)),
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
    const hot = fetchPublished(indexFile(manifest.hot_pack)).then((r) => r.arrayBuffer());
    hot.catch(() => {}); // reported below, after the version check
    const wasm = fetchPublished(new URL(names.wasm, engineRoot), 'application/wasm');
    wasm.catch(() => {}); // reported by the glue, which awaits it
    const glue = await import(new URL(names.glue, engineRoot).href);
    // Compiled as it arrives, whatever type the host gave the file.
    await glue.default({ module_or_path: wasm });
    if (manifest.format_version !== glue.SearchEngine.format_version()) {
      throw new Error('Søgeindekset passer ikke til denne version af søgemaskinen. Byg sitet igen.');
    }
    const opened = new glue.SearchEngine();
    opened.open(manifestBytes, new Uint8Array(await hot));
    return opened;
  })();
  return opening;
}

// Chunks being fetched, by path: two searches needing one chunk fetch it once.
const arriving = new Map();

function addChunks(opened, missing) {
  return Promise.all(
    missing.map(({ file, index, path }) => {
      if (!arriving.has(path)) {
        const done = fetchPublished(indexFile(path))
          .then((r) => r.arrayBuffer())
          .then((bytes) => opened.add_chunk(file, index, new Uint8Array(bytes)));
        done.catch(() => arriving.delete(path)); // a later search may try again
        arriving.set(path, done);
      }
      return arriving.get(path);
    }),
  );
}

// The newest search asked in the box, and when the last key came: an older
// one still waiting for chunks gives way, and chunks for a search typed key
// by key are fetched only once typing pauses, so the line carries what the
// reader still wants. A query pasted whole or a facet pressed fetches at
// once, as do searches outside the box; searches answered from chunks
// already here never wait. The pause is short: readers type 100-300 ms a
// key, so a half-typed word's search fetches too, and its hits are mostly
// the whole word's: the answer to the last key is then already here. A
// reader who saves data (Save-Data) waits instead for a pause longer than
// their own gaps between keys: about half the bytes, an answer a pause and a
// round of fetches later (docs/loading.md).
const TYPING_PAUSE_MS = 100;
const PAUSE_PER_GAP = 1.5;
const LONGEST_PAUSE_MS = 500;
// Gaps longer than this are pauses, not the pace of typing.
const LONGEST_GAP_MS = 1000;
const GAPS_KEPT = 5;
let followTypist = false;
let newestTyped = 0;
let lastTypedAt = -Infinity;
const gaps = [];

/** Notes a typed search's arrival, and the gap since the one before. */
function noteTyped(now) {
  const gap = now - lastTypedAt;
  lastTypedAt = now;
  if (gap > LONGEST_GAP_MS) return;
  gaps.push(gap);
  if (gaps.length > GAPS_KEPT) gaps.shift();
}

/** How long typing must pause before a typed search fetches. */
function typingPauseMs() {
  if (!followTypist) return TYPING_PAUSE_MS;
  // Before the reader's second key their pace is unknown: the longest pause.
  if (gaps.length === 0) return LONGEST_PAUSE_MS;
  const sorted = [...gaps].sort((a, b) => a - b);
  const pace = sorted[Math.floor(sorted.length / 2)];
  return Math.min(LONGEST_PAUSE_MS, Math.max(TYPING_PAUSE_MS, PAUSE_PER_GAP * pace));
}

const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Results for one request, fetching chunks as the engine asks; null when superseded. */
async function answer(opened, { id, query, limit, filters, typed, keystroke }) {
  const superseded = () => typed && id < newestTyped;
  for (let round = 0; round < MAX_ROUNDS; round += 1) {
    if (superseded()) return null;
    const reply = JSON.parse(opened.search_filtered(query, limit, JSON.stringify(filters ?? {})));
    // How many rounds of fetches it took (the parity test holds it at two).
    if (!reply.missing) return { ...reply, fetchRounds: round };
    // The box shows its suggestions meanwhile.
    if (typed && round === 0) self.postMessage({ id, fetching: true });
    const typing = typingPauseMs() - (performance.now() - lastTypedAt);
    if (keystroke && typing > 0) {
      await pause(typing);
      if (superseded()) return null;
    }
    await addChunks(opened, reply.missing);
  }
  throw new Error('søgeindekset svarer ikke som ventet');
}

// {type: 'load', saveData} → {type: 'ready'} | {type: 'failed', message};
// {id, query, limit, filters, typed, keystroke} → {id, results} | {id, superseded: true} | {id, error}:
// results as `praksis search --json` prints them; before a typed search
// fetches chunks, also {id, fetching: true}.
self.addEventListener('message', async ({ data }) => {
  if (data.type === 'load') {
    followTypist = data.saveData === true;
    try {
      await engine();
      self.postMessage({ type: 'ready' });
    } catch (error) {
      self.postMessage({ type: 'failed', message: error.message ?? String(error) });
    }
    return;
  }
  if (data.typed) {
    newestTyped = Math.max(newestTyped, data.id);
    if (data.keystroke) noteTyped(performance.now());
  }
  try {
    const results = await answer(await engine(), data);
    self.postMessage(results ? { id: data.id, results } : { id: data.id, superseded: true });
  } catch (error) {
    self.postMessage({ id: data.id, error: error.message ?? String(error) });
  }
});
