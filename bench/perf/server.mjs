// The benchmark's static host on 127.0.0.1: serves a folder brotli-compressed
// (as static hosts do), cross-origin isolated (so the page may measure its
// memory), and optionally throttled like a slow line. It counts the bytes it
// sends, so "bytes until the first result" includes the worker's requests.
//
// Throttling is done here, not in the browser, so that every request of the
// page and its workers goes through the same line: each response waits one
// round trip, and all responses share one link's bandwidth, chunk by chunk.
//
// Caching as a host configured for content-hashed names: a file whose name
// carries a hash (the engine, the hot pack, the chunk folder; Pagefind's
// index and fragments) may be kept for good, any other is revalidated on
// each use (an ETag; a 304 sends no body but still costs a round trip).

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { startNginx } from '../../e2e/support/nginx.mjs';
import { contentType, requestedFile } from '../../e2e/support/server.mjs';

const CHUNK = 16 * 1024;
// A hex hash of 7 or more digits as a part of the path: ours are 16, Pagefind's 7 and more.
const HASHED_NAME = /[._/][0-9a-f]{7,}[._/]/;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** `raw` as a static host would send it: brotli at its highest quality. */
function compress(raw) {
  return brotliCompressSync(raw, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
  });
}

/** Every file under `root`, brotli-compressed once up front (not while timed). */
function compressAll(root) {
  const compressed = new Map();
  for (const name of readdirSync(root, { recursive: true })) {
    const file = join(root, name);
    if (statSync(file).isFile()) compressed.set(file, compress(readFileSync(file)));
  }
  return compressed;
}

/**
 * `precompress: false` compresses each file when first asked for (for runs
 * that count bytes, not time, on sites too big to compress up front).
 */
export async function serveBench(root, { precompress = true } = {}) {
  const compressed = precompress ? compressAll(root) : new Map();
  const lookup = (file) => {
    for (const candidate of [file, join(file, 'index.html')]) {
      if (compressed.has(candidate)) return [candidate, compressed.get(candidate)];
      if (!precompress) {
        try {
          if (!statSync(candidate).isFile()) continue;
        } catch {
          continue;
        }
        compressed.set(candidate, compress(readFileSync(candidate)));
        return [candidate, compressed.get(candidate)];
      }
    }
    return [file, undefined];
  };
  const state = { profile: null, linkFreeAt: 0, sent: [] };

  // Reserves the shared link for `bytes` and resolves when they have crossed it.
  const cross = async (bytes) => {
    if (!state.profile) return;
    const now = performance.now();
    const start = Math.max(now, state.linkFreeAt);
    state.linkFreeAt = start + (bytes * 8 * 1000) / state.profile.bitsPerSecond;
    await sleep(state.linkFreeAt - now);
  };

  const server = createServer(async (request, response) => {
    const requested = requestedFile(root, request);
    if (requested === null) {
      response.writeHead(400).end();
      return;
    }
    const [file, bytes] = lookup(requested);
    if (!bytes) {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    if (state.profile) await sleep(state.profile.latencyMs);
    const etag = `"${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}"`;
    const caching = {
      ETag: etag,
      'Cache-Control': HASHED_NAME.test(request.url) ? 'public, max-age=31536000, immutable' : 'no-cache',
    };
    if (request.headers['if-none-match'] === etag) {
      response.writeHead(304, caching).end();
      state.sent.push({ at: Date.now(), bytes: 0 });
      return;
    }
    const headers = {
      ...caching,
      'Content-Type': contentType(file),
      'Content-Encoding': 'br',
      'Content-Length': bytes.length,
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
    };
    response.writeHead(200, headers);
    for (let at = 0; at < bytes.length; at += CHUNK) {
      const chunk = bytes.subarray(at, at + CHUNK);
      await cross(chunk.length);
      response.write(chunk);
    }
    response.end();
    state.sent.push({ at: Date.now(), bytes: bytes.length });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    /** The site's front page: `root` is served at /. */
    home: `${origin}/`,
    close: () => new Promise((resolve) => server.close(resolve)),
    /** `null` for unthrottled, or { bitsPerSecond, latencyMs }. */
    setProfile(profile) {
      state.profile = profile;
      state.linkFreeAt = 0;
    },
    /** Forgets what was sent, from now on. */
    resetCount() {
      state.sent = [];
    },
    /** Bytes of every response finished sending before `time` (Date.now()). */
    bytesBefore(time) {
      return state.sent.filter((s) => s.at <= time).reduce((sum, s) => sum + s.bytes, 0);
    },
  };
}

/**
 * Debian's nginx as one kind of static host (e2e/support/nginx.mjs:
 * 'plain', 'gzip' or 'brotli'), serving `root`, which holds the site under
 * `base`; unthrottled, counting bytes as serveBench does.
 */
export async function serveNginxBench(root, kind, base) {
  const host = await startNginx(root, { kind });
  let from = 0;
  return {
    origin: host.origin,
    home: `${host.origin}${base}`,
    setProfile(profile) {
      if (profile) throw new Error('the nginx hosts run unthrottled');
    },
    resetCount() {
      from = host.sent().length;
    },
    bytesBefore(time) {
      return host
        .sent()
        .slice(from)
        .filter((s) => s.at <= time)
        .reduce((sum, s) => sum + s.bytes, 0);
    },
    close: () => host.close(),
  };
}
