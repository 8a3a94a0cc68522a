// Praksisbasen's search engine in a Web Worker: fetching, compiling the
// WebAssembly and opening the index happen here, so typing never waits on
// them. Every URL is resolved against this file, which sits at the site root.
const siteRoot = new URL('./', import.meta.url);
const indexRoot = new URL('search-index/', siteRoot);
const engineRoot = new URL('pkg/', siteRoot);

async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

let opening = null;

/** The engine with the index open; fetched once, in three round trips. */
function engine() {
  opening ??= (async () => {
    // pkg/engine.json names the content-hashed engine files; the manifest names the pack.
    const [names, manifestBytes] = await Promise.all([
      fetchOk(new URL('engine.json', engineRoot)).then((r) => r.json()),
      fetchOk(new URL('manifest.json', indexRoot)).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b)),
    ]);
    const manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
    const pack = fetchOk(new URL(manifest.pack, indexRoot)).then((r) => r.arrayBuffer());
    pack.catch(() => {}); // reported below, after the version check
    const glue = await import(new URL(names.glue, engineRoot).href);
    await glue.default({ module_or_path: new URL(names.wasm, engineRoot) });
    if (manifest.format_version !== glue.SearchEngine.format_version()) {
      throw new Error('Søgeindekset passer ikke til denne version af søgemaskinen. Byg sitet igen.');
    }
    const opened = new glue.SearchEngine();
    opened.open(manifestBytes, new Uint8Array(await pack));
    return opened;
  })();
  return opening;
}

// {type: 'load'} → {type: 'ready'} | {type: 'failed', message};
// {id, query, limit, filters} → {id, results} | {id, error}: results as the
// JSON text `praksis search --json` prints.
self.addEventListener('message', async ({ data }) => {
  if (data.type === 'load') {
    try {
      await engine();
      self.postMessage({ type: 'ready' });
    } catch (error) {
      self.postMessage({ type: 'failed', message: error.message ?? String(error) });
    }
    return;
  }
  try {
    const opened = await engine();
    const results = opened.search_filtered(data.query, data.limit, JSON.stringify(data.filters ?? {}));
    self.postMessage({ id: data.id, results });
  } catch (error) {
    self.postMessage({ id: data.id, error: error.message ?? String(error) });
  }
});
