#!/usr/bin/env node
// Serves the release build (dist/) over HTTP, with nothing but Node's own
// modules. No file watcher: every request reads the file from disk, so a
// rebuild in the tree is picked up by the next request, and a file that is
// missing or half written answers 404 (or is served as it is) instead of
// stopping the server. Every error is caught per request and logged on one
// line; the server only stops on Ctrl+C (SIGINT) or SIGTERM.
//
//   node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]
//
// --port 0 picks a free port (the line printed on start names it).
// Live reload while developing is another command: `trunk serve`.
import { createServer } from 'node:http';
import { open, realpath, stat } from 'node:fs/promises';
import { basename, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';

const USAGE = 'usage: node scripts/serve.mjs [--dir dist] [--host 127.0.0.1] [--port 8080]';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};
/** Worth compressing (PNG and PDF are compressed already). */
const COMPRESSIBLE = new Set(['.html', '.htm', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.map', '.webmanifest', '.ico', '.txt']);
/** Smaller bodies go as they are: the encoding would not pay for itself. */
const MIN_COMPRESS_BYTES = 256;
/** Trunk's content-hashed names (name-0123456789abcdef.ext, …_bg.wasm) never change content. */
// Trunk writes the hash as hex without leading zeros: up to 16 digits.
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const ENCODERS = {
  // Quality 9, not 11: 11 takes seconds on the wasm after every rebuild, for ~10 % less.
  br: (body) =>
    brotli(body, {
      params: {
        [zlibConstants.BROTLI_PARAM_QUALITY]: 9,
        [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
      },
    }),
  gzip: (body) => gzipAsync(body, { level: 9 }),
};

function parseArgs(argv) {
  const options = { dir: 'dist', host: '127.0.0.1', port: 8080 };
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i];
    if (arg === '-h' || arg === '--help') {
      console.log(USAGE);
      process.exit(0);
    }
    let value;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (!['--dir', '--host', '--port'].includes(arg)) fail(`unknown option ${arg}`);
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) fail(`${arg} needs a value`);
    }
    options[arg.slice(2)] = value;
  }
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535 || String(options.port).trim() === '') {
    fail(`--port must be a whole number from 0 to 65535, not ${options.port}`);
  }
  options.port = port;
  return options;
}

function fail(message) {
  console.error(`serve.mjs: ${message}\n${USAGE}`);
  process.exit(2);
}

function log(message) {
  console.error(`${new Date().toISOString()} ${message}`);
}

/** br, then gzip, then none, as the client's Accept-Encoding allows (q-values honoured). */
function chooseEncoding(acceptEncoding) {
  if (!acceptEncoding) return null;
  const q = new Map();
  for (const part of String(acceptEncoding).split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    let weight = 1;
    for (const param of params) {
      const [key, val] = param.trim().split('=');
      if (key === 'q') weight = Number.parseFloat(val);
    }
    q.set(name, Number.isFinite(weight) ? weight : 0);
  }
  for (const name of ['br', 'gzip']) {
    const weight = q.has(name) ? q.get(name) : q.get('*');
    if (weight > 0) return name;
  }
  return null;
}

/**
 * Compressed bodies, keyed on encoding + path, valid while mtime and size
 * match; one entry per file and encoding, so a rebuild replaces rather than
 * grows it. Concurrent requests for the same body share one compression.
 */
class CompressedCache {
  constructor(maxBytes = 64 * 1024 * 1024) {
    this.maxBytes = maxBytes;
    this.bytes = 0;
    this.entries = new Map();
  }

  get(encoding, file, info, body) {
    const key = `${encoding}\0${file}`;
    const version = `${info.mtimeMs}:${info.size}`;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) {
      // Most recently used last, so eviction drops the oldest first.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.promise;
    }
    this.drop(key);
    const entry = { version, size: 0, promise: null };
    entry.promise = ENCODERS[encoding](body).then(
      (out) => {
        if (this.entries.get(key) === entry) {
          entry.size = out.length;
          this.bytes += out.length;
          this.evict();
        }
        return out;
      },
      (error) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, entry);
    return entry.promise;
  }

  drop(key) {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.size;
      this.entries.delete(key);
    }
  }

  evict() {
    for (const key of this.entries.keys()) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(key);
    }
  }
}

class HttpError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

const isMissing = (error) => error?.code === 'ENOENT' || error?.code === 'ENOTDIR';
/** `promise`'s value, or null when the file is missing (e.g. mid-rebuild). */
const unlessMissing = (promise) => promise.catch((error) => (isMissing(error) ? null : Promise.reject(error)));

/** The request's path, decoded, or an HttpError (400 malformed, 403 outside the folder). */
function requestPath(rawUrl) {
  if (typeof rawUrl !== 'string' || !rawUrl.startsWith('/')) throw new HttpError(400, 'bad request target');
  const rawPath = rawUrl.split(/[?#]/, 1)[0];
  let path;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    throw new HttpError(400, 'bad percent-encoding');
  }
  if (path.includes('\0')) throw new HttpError(400, 'NUL in path');
  const segments = path.split(/[/\\]/);
  if (segments.some((segment) => segment === '..')) throw new HttpError(403, 'path leaves the served folder');
  return path;
}

/** `file` resolved inside `root`, or null when it is not. */
function inside(root, file) {
  const rel = relative(root, file);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel)) ? file : null;
}

/** Reads one regular file: its bytes plus the stat of the same open file. */
async function readRegular(file) {
  const handle = await open(file, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { info, body: null };
    const body = await handle.readFile();
    return { info, body };
  } finally {
    await handle.close();
  }
}

function startServer({ dir, host, port }) {
  const root = resolve(dir);
  const cache = new CompressedCache();

  /** The file a path names: index.html for `/`, directories and extension-less routes. */
  async function locate(path) {
    // Real paths, so a symlink cannot lead outside either.
    let realRoot;
    try {
      realRoot = await realpath(root);
    } catch (error) {
      if (isMissing(error)) throw new HttpError(404, `${root} is missing (rebuilding?)`);
      throw error;
    }
    const hidden = path.split('/').some((segment) => segment.startsWith('.') && segment.length > 0);
    const candidates = [];
    if (!hidden) {
      const file = inside(root, resolve(root, `.${path}`));
      if (!file) throw new HttpError(403, 'path leaves the served folder');
      candidates.push(path.endsWith('/') ? join(file, 'index.html') : file);
    }
    if (!extname(path) || path.endsWith('/')) candidates.push(join(root, 'index.html'));
    for (const candidate of candidates) {
      const real = await unlessMissing(realpath(candidate));
      if (real === null) continue;
      if (!inside(realRoot, real)) throw new HttpError(403, 'path leaves the served folder');
      // Deleted between realpath and open: a rebuild is under way.
      const read = await unlessMissing(readRegular(real));
      if (read === null) continue;
      if (read.body) return { file: real, ...read };
      if (read.info.isDirectory() && candidate === candidates[0] && !path.endsWith('/')) {
        const index = join(real, 'index.html');
        const inner = await unlessMissing(readRegular(index));
        if (inner?.body) return { file: index, ...inner };
      }
    }
    throw new HttpError(404, 'not found');
  }

  async function handle(request, response) {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      response.end('method not allowed\n');
      return;
    }
    const path = requestPath(request.url);
    const { file, info, body } = await locate(path);
    const ext = extname(file).toLowerCase();
    const headers = {
      'content-type': MIME[ext] ?? 'application/octet-stream',
      'cache-control': HASHED.test(basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache',
      'last-modified': info.mtime.toUTCString(),
      etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
      'x-content-type-options': 'nosniff',
    };
    let out = body;
    if (COMPRESSIBLE.has(ext)) {
      headers.vary = 'Accept-Encoding';
      const encoding = body.length >= MIN_COMPRESS_BYTES ? chooseEncoding(request.headers['accept-encoding']) : null;
      if (encoding) {
        out = await cache.get(encoding, file, info, body);
        headers['content-encoding'] = encoding;
        headers.etag = headers.etag.replace(/"$/, `-${encoding}"`);
      }
    }
    if (request.headers['if-none-match'] === headers.etag) {
      delete headers['content-type'];
      response.writeHead(304, headers);
      response.end();
      return;
    }
    headers['content-length'] = out.length;
    response.writeHead(200, headers);
    response.end(request.method === 'HEAD' ? undefined : out);
  }

  const server = createServer((request, response) => {
    response.on('error', (error) => log(`${request.method} ${request.url}: response: ${error.message}`));
    handle(request, response).catch((error) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status >= 500) log(`${request.method} ${request.url} ${status}: ${error.stack ?? error}`.split('\n')[0]);
      else if (status !== 404) log(`${request.method} ${request.url} ${status}: ${error.message}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const text = { 400: 'bad request', 403: 'forbidden', 404: 'not found' }[status] ?? 'internal server error';
      response.writeHead(status, {
        'content-type': 'text/plain; charset=utf-8',
        'cache-control': 'no-cache',
        'content-length': Buffer.byteLength(`${text}\n`),
      });
      response.end(request.method === 'HEAD' ? undefined : `${text}\n`);
    });
  });
  server.on('clientError', (error, socket) => {
    if (error.code !== 'ECONNRESET') log(`client error: ${error.message}`);
    if (socket.writable && !socket.writableEnded) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });
  return new Promise((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(port, host, () => {
      server.off('error', rejectListen);
      server.on('error', (error) => log(`server error: ${error.message}`));
      resolveListen(server);
    });
  });
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const root = resolve(options.dir);
  const shown = (() => {
    const rel = relative(process.cwd(), root);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? `${rel.split(sep).join('/')}/` : `${root}/`;
  })();
  const rootInfo = await stat(root).catch(() => null);
  if (!rootInfo?.isDirectory()) {
    console.error(`serve.mjs: ${shown} does not exist: build first (source scripts/env.sh && trunk build --release)`);
    process.exit(1);
  }
  if (!(await stat(join(root, 'index.html')).catch(() => null))) {
    console.error(`serve.mjs: ${shown}index.html is missing (still building?); serving anyway`);
  }

  let server;
  try {
    server = await startServer(options);
  } catch (error) {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `serve.mjs: port ${options.port} is already in use: another server is running? stop it or pass --port N`,
      );
    } else if (error.code === 'EACCES') {
      console.error(`serve.mjs: no permission to listen on port ${options.port}: pass --port N (1024 or above)`);
    } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
      console.error(`serve.mjs: cannot listen on host ${options.host}: ${error.message}`);
    } else {
      console.error(`serve.mjs: cannot listen on ${options.host}:${options.port}: ${error.message}`);
    }
    process.exit(1);
  }

  // After start-up nothing may stop the server but a signal: log and go on.
  process.on('uncaughtException', (error) => log(`uncaught: ${error.stack ?? error}`.split('\n')[0]));
  process.on('unhandledRejection', (error) => log(`unhandled rejection: ${error?.stack ?? error}`.split('\n')[0]));

  const { port } = server.address();
  const hostInUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  console.log(`serving ${shown} on http://${hostInUrl}:${port} (Ctrl+C stops)`);

  let stopping = false;
  const stop = (signal) => {
    if (stopping) process.exit(130); // a second Ctrl+C: do not wait any more
    stopping = true;
    console.log(`\n${signal}: stopping`);
    server.close(() => process.exit(0));
    server.closeIdleConnections?.();
    // Requests still running get a moment, then the connections are cut.
    setTimeout(() => {
      server.closeAllConnections?.();
      process.exit(0);
    }, 2000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  console.error(`serve.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
