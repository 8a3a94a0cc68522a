// Static serving on 127.0.0.1, as any static host would: the browser tests
// and Lighthouse use serveFolder; the benchmark's server (bench/perf) adds
// compression and throttling on top of the same paths and types.
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
};

/** The Content-Type a static host sends for `file`. */
export function contentType(file) {
  return TYPES[extname(file)] ?? 'application/octet-stream';
}

/** The file under `root` a request asks for, or null for a path that climbs out. */
export function requestedFile(root, request) {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  return path.includes('..') ? null : join(root, path);
}

/** Serves `root` (a folder holding the site, under any sub-path) until `server.close()`. */
export async function serveFolder(root) {
  const server = createServer(async (request, response) => {
    let file = requestedFile(root, request);
    if (file === null) {
      response.writeHead(400).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'Content-Type': contentType(file) });
      response.end(body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}
