// Fetching the search files. The build publishes the engine and the index
// gzip-compressed (name + .gz: the engine's .wasm, the index's hot pack and
// chunks, the suggestion list), so a reader downloads the same bytes whether
// the host compresses nothing, only gzips, or uses brotli; they are
// decompressed here with the browser's own DecompressionStream as they arrive.

// The header every published file starts with: gzip magic, deflate, no
// flags, no time (src/index/published.rs, build_wasm in ./x).
const PUBLISHED_HEADER = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0];

/** The response for `url`, or an error naming it. */
export async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response;
}

/**
 * The file published as `url` (a .gz name), decompressed, as a Response of
 * `contentType`: its body streams, so the engine compiles while it arrives.
 */
export async function fetchPublished(url, contentType = 'application/octet-stream') {
  const response = await fetchOk(url);
  const headers = { 'Content-Type': contentType };
  if (!response.headers.has('Content-Encoding')) {
    return new Response(response.body.pipeThrough(new DecompressionStream('gzip')), { headers });
  }
  // The host sent it content-encoded and the browser has undone that: it
  // either compressed the file again (ours is left) or declared ours as the
  // encoding (the plain file is left). The header tells which.
  const bytes = new Uint8Array(await response.arrayBuffer());
  const ours = PUBLISHED_HEADER.every((byte, at) => bytes[at] === byte);
  const body = new Blob([bytes]).stream();
  return new Response(ours ? body.pipeThrough(new DecompressionStream('gzip')) : body, { headers });
}
