// A real static host for the browser tests and the benchmark: Debian's nginx
// (installed by ./x) serving a folder on 127.0.0.1, run from a temporary
// prefix without root (the pid, logs and temp files are in it), in one of
// the set-ups static hosts come in: compressing nothing, gzip only, or
// brotli and gzip. It logs what it sends, so a caller can count the bytes
// a reader downloaded.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';
const BROTLI_MODULE = '/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so';

/** The three kinds of static host, by what they compress. */
export const HOST_KINDS = ['plain', 'gzip', 'brotli'];

// What a host that compresses typically compresses (Debian's suggested
// gzip_types, with WebAssembly and SVG); a file the build published
// compressed has a type outside it. nginx always compresses text/html.
const COMPRESSED_TYPES =
  'text/plain text/css text/xml text/javascript application/javascript application/json application/xml application/wasm image/svg+xml';

const COMPRESSION = {
  plain: '',
  gzip: `gzip on; gzip_comp_level 6; gzip_types ${COMPRESSED_TYPES};`,
  brotli: `gzip on; gzip_comp_level 6; gzip_types ${COMPRESSED_TYPES};
    brotli on; brotli_comp_level 6; brotli_types ${COMPRESSED_TYPES};`,
};

async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Serves `root` (a folder holding the site under its sub-path, as
 * e2e/support/site.mjs builds it) until `close()`. `kind` is one of
 * HOST_KINDS; `locations` is extra nginx configuration for the server
 * block, for a host with quirks (wrong types, odd encodings).
 */
export async function startNginx(root, { kind = 'plain', locations = '' } = {}) {
  if (!(kind in COMPRESSION)) throw new Error(`no such host kind: ${kind}`);
  const prefix = mkdtempSync(join(tmpdir(), `praksis-nginx-${kind}-`));
  const port = await freePort();
  const temp = (name) => `${name}_temp_path ${join(prefix, name)};`;
  const config = `${kind === 'brotli' ? `load_module ${BROTLI_MODULE};` : ''}
# "user" only matters when started as root, whose workers would otherwise run as nobody.
user ${userInfo().username};
daemon off;
worker_processes 1;
pid ${join(prefix, 'nginx.pid')};
error_log ${join(prefix, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  log_format sent '$msec $body_bytes_sent $request_uri';
  access_log ${join(prefix, 'access.log')} sent;
  sendfile on;
  ${COMPRESSION[kind]}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    ${locations}
  }
}
`;
  const configFile = join(prefix, 'nginx.conf');
  writeFileSync(configFile, config);
  const child = spawn(NGINX, ['-e', join(prefix, 'error.log'), '-p', prefix, '-c', configFile], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (data) => {
    stderr += data;
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  // Up when it answers; an early exit is a configuration error, shown whole.
  for (let attempt = 0; ; attempt += 1) {
    if (child.exitCode !== null) {
      throw new Error(`nginx exited: ${stderr}${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
    }
    try {
      await fetch(origin);
      break;
    } catch {
      if (attempt > 100) throw new Error(`nginx did not answer on ${origin}: ${stderr}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    origin,
    kind,
    /** Every response sent so far: { at (ms since the epoch), bytes (body, as sent), path }. */
    sent() {
      return readFileSync(join(prefix, 'access.log'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => {
          const [at, bytes, path] = line.split(' ');
          return { at: Number(at) * 1000, bytes: Number(bytes), path };
        });
    },
    async close() {
      child.kill('SIGTERM');
      await exited;
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
