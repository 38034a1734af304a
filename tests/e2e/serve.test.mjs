// End-to-end: scripts/serve.mjs, the server `scripts/setup.sh` ends with.
// It serves the release build with the right types and encodings, keeps
// answering while the tree under it is deleted and rewritten (a rebuild),
// refuses paths outside its folder, and says so when its port is taken.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { attributeValues, dist } from './support.mjs';

const repo = resolve(fileURLToPath(import.meta.url), '../../..');
const script = join(repo, 'scripts/serve.mjs');
const DEADLINE_MS = 15_000;

/** Polls `check` until it returns something truthy, or fails after `ms`. */
async function until(what, check, ms = DEADLINE_MS) {
  const end = Date.now() + ms;
  let last;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((done) => setTimeout(done, 50));
  }
}

/** Resolves to the child's exit code once it exits; fails after `ms`. */
function exitWithin(child, what, ms = DEADLINE_MS) {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((done, failed) => {
    const timer = setTimeout(() => failed(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      done(code ?? signal);
    });
  });
}

/**
 * One raw HTTP request (node:http, so nothing is decompressed or normalised:
 * the path goes out exactly as written). Resolves to { status, headers, body }.
 */
function get(base, path, { method = 'GET', headers = {} } = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((done, failed) => {
    const req = request({ host: hostname, port, path, method, headers: { connection: 'close', ...headers } }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => done({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', failed);
    });
    req.setTimeout(DEADLINE_MS, () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.on('error', failed);
    req.end();
  });
}

/** Starts serve.mjs as a child; resolves to { url, port, child, output }. */
async function startServe(args) {
  const child = spawn(process.execPath, [script, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (data) => (output.stdout += data));
  child.stderr.on('data', (data) => (output.stderr += data));
  const early = new Promise((_, failed) =>
    child.once('exit', (code) => failed(new Error(`serve.mjs exited with ${code}: ${output.stderr}`))),
  );
  early.catch(() => {}); // only raced below; a later exit is checked by the tests
  try {
    const url = await Promise.race([
      early,
      until('serve.mjs to print its address', async () =>
        output.stdout.match(/^serving \S+ on (http:\/\/127\.0\.0\.1:\d+) \(Ctrl\+C stops\)$/m)?.[1],
      ),
    ]);
    // Listening is printed after listen(); still, wait until it answers.
    await until(`${url} to answer`, async () => (await get(url, '/')).status === 200);
    return { url, port: Number(new URL(url).port), child, output };
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
}

/** The hashed wasm and JS named by index.html's boot script. */
function bootFiles(html) {
  const wasm = attributeValues(html, 'data-wasm')[0]?.replace(/^\//, '');
  const js = attributeValues(html, 'data-js')[0]?.replace(/^\//, '');
  assert.ok(wasm && js, 'index.html names its wasm and JS');
  return { wasm, js };
}

let main; // serving the release build itself, read only
let copy; // serving a temporary copy that the tests change under it
let copyDir;

before(async () => {
  readFileSync(join(dist, 'index.html'));
  copyDir = mkdtempSync(join(tmpdir(), 'pathways-serve-'));
  cpSync(dist, copyDir, { recursive: true });
  main = await startServe(['--dir', dist, '--host', '127.0.0.1', '--port', '0']);
  copy = await startServe(['--dir', copyDir, '--port', '0']);
});

after(() => {
  main?.child.kill('SIGKILL');
  copy?.child.kill('SIGKILL');
  if (copyDir) rmSync(copyDir, { recursive: true, force: true });
});

test('/ and extension-less routes are index.html, never cached', async () => {
  const onDisk = readFileSync(join(dist, 'index.html'));
  for (const path of ['/', '/index.html', '/some/route', '/plan?x=1']) {
    const res = await get(main.url, path);
    assert.equal(res.status, 200, path);
    assert.equal(res.headers['content-type'], 'text/html; charset=utf-8', path);
    assert.equal(res.headers['cache-control'], 'no-cache', path);
    assert.deepEqual(res.body, onDisk, path);
  }
  assert.equal((await get(main.url, '/missing.js')).status, 404);
  assert.equal((await get(main.url, '/', { method: 'POST' })).status, 405);
});

test('the wasm is application/wasm, gzip or brotli as asked, the same bytes as on disk', async () => {
  const { wasm, js } = bootFiles(readFileSync(join(dist, 'index.html'), 'utf8'));
  const onDisk = readFileSync(join(dist, wasm));

  const plain = await get(main.url, `/${wasm}`);
  assert.equal(plain.status, 200);
  assert.equal(plain.headers['content-type'], 'application/wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.match(plain.headers.vary, /accept-encoding/i);
  assert.deepEqual(plain.body, onDisk);

  const gz = await get(main.url, `/${wasm}`, { headers: { 'accept-encoding': 'gzip' } });
  assert.equal(gz.status, 200);
  assert.equal(gz.headers['content-type'], 'application/wasm');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.match(gz.headers.vary, /accept-encoding/i);
  assert.equal(Number(gz.headers['content-length']), gz.body.length);
  assert.ok(gz.body.length < onDisk.length, 'smaller than the file');
  assert.deepEqual(gunzipSync(gz.body), onDisk);

  const br = await get(main.url, `/${wasm}`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
  assert.equal(br.headers['content-encoding'], 'br', 'brotli preferred');
  assert.deepEqual(brotliDecompressSync(br.body), onDisk);
  const refused = await get(main.url, `/${wasm}`, { headers: { 'accept-encoding': 'br;q=0, gzip' } });
  assert.equal(refused.headers['content-encoding'], 'gzip', 'q=0 honoured');

  const head = await get(main.url, `/${wasm}`, { method: 'HEAD', headers: { 'accept-encoding': 'gzip' } });
  assert.equal(head.status, 200);
  assert.equal(head.body.length, 0);
  assert.equal(head.headers['content-length'], gz.headers['content-length']);

  const script = await get(main.url, `/${js}`);
  assert.equal(script.headers['content-type'], 'application/javascript; charset=utf-8');
  assert.match(script.headers['cache-control'], /immutable/, 'hashed names are cached for good');
  const css = attributeValues(readFileSync(join(dist, 'index.html'), 'utf8'), 'href').find((href) => href.endsWith('.css'))?.replace(/^\//, '');
  assert.equal((await get(main.url, `/${css}`)).headers['content-type'], 'text/css; charset=utf-8');
  assert.equal((await get(main.url, '/sw.js')).headers['cache-control'], 'no-cache');
});

test('paths outside the served folder are refused', async () => {
  for (const path of [
    '/../Cargo.toml',
    '/%2e%2e/Cargo.toml',
    '/%2E%2E%2FCargo.toml',
    '/..%2fCargo.toml',
    '/boot.js/../../Cargo.toml',
    '/..\\Cargo.toml',
    '/%2e%2e%5cCargo.toml',
  ]) {
    const res = await get(main.url, path);
    assert.ok([400, 403, 404].includes(res.status), `${path}: ${res.status}`);
    assert.doesNotMatch(res.body.toString(), /\[package\]/, path);
  }
  assert.equal((await get(main.url, '/%00')).status, 400);
  assert.equal((await get(main.url, '/%zz')).status, 400);
});

test('keeps answering while the tree is deleted, half written and rewritten', async () => {
  const { wasm } = bootFiles(readFileSync(join(copyDir, 'index.html'), 'utf8'));
  const full = readFileSync(join(copyDir, wasm));
  const gzip = { headers: { 'accept-encoding': 'gzip' } };
  const body = async (path, options = gzip) => {
    const res = await get(copy.url, path, options);
    return { ...res, plain: res.headers['content-encoding'] === 'gzip' ? gunzipSync(res.body) : res.body };
  };

  // Meanwhile, a steady stream of requests: each must get an answer.
  const failures = [];
  const statuses = new Set();
  let changing = true;
  const hammer = (async () => {
    while (changing) {
      for (const path of ['/', `/${wasm}`, '/index.html', '/new.js', '/sw.js']) {
        try {
          statuses.add((await get(copy.url, path, gzip)).status);
        } catch (error) {
          failures.push(`${path}: ${error.message}`);
        }
      }
    }
  })();

  try {
    assert.deepEqual((await body(`/${wasm}`)).plain, full, 'compressed and cached first');

    unlinkSync(join(copyDir, wasm));
    assert.equal((await body(`/${wasm}`)).status, 404, 'deleted: 404');

    const half = full.subarray(0, Math.floor(full.length / 2));
    writeFileSync(join(copyDir, wasm), half);
    const partial = await body(`/${wasm}`);
    assert.equal(partial.status, 200);
    assert.deepEqual(partial.plain, half, 'half written: its bytes, not the cached ones');

    writeFileSync(join(copyDir, wasm), full);
    assert.deepEqual((await body(`/${wasm}`)).plain, full, 'rewritten: the whole file again');

    const newIndex = '<!DOCTYPE html><html><head><title>new release</title></head><body>rebuilt</body></html>\n'.repeat(8);
    writeFileSync(join(copyDir, 'index.html'), newIndex);
    for (const path of ['/', '/some/route']) {
      const res = await body(path);
      assert.equal(res.status, 200);
      assert.equal(res.plain.toString(), newIndex, `${path} is the new index.html`);
    }

    assert.equal((await body('/new.js')).status, 404);
    writeFileSync(join(copyDir, 'new.js'), 'export const added = true;\n');
    const added = await body('/new.js');
    assert.equal(added.status, 200);
    assert.equal(added.headers['content-type'], 'application/javascript; charset=utf-8');
    assert.equal(added.plain.toString(), 'export const added = true;\n');

    // The whole folder gone (a clean rebuild), then back.
    rmSync(copyDir, { recursive: true, force: true });
    assert.equal((await body('/')).status, 404, 'no folder: 404');
    assert.equal((await body(`/${wasm}`)).status, 404);
    cpSync(dist, copyDir, { recursive: true });
    assert.deepEqual((await body('/')).plain, readFileSync(join(dist, 'index.html')), 'back: the release again');
    assert.deepEqual((await body(`/${wasm}`)).plain, full);
  } finally {
    changing = false;
    await hammer;
  }
  assert.deepEqual(failures, [], 'every request was answered');
  assert.ok([...statuses].every((status) => status === 200 || status === 404), `statuses ${[...statuses]}`);
  assert.equal(copy.child.exitCode, null, 'still running');
  assert.doesNotMatch(copy.output.stderr, / 500: /, 'no server error logged');
});

test('a second server on the same port exits non-zero and says why', async (t) => {
  const second = spawn(process.execPath, [script, '--dir', dist, '--port', String(main.port)], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => second.kill('SIGKILL'));
  let stderr = '';
  second.stderr.on('data', (data) => (stderr += data));
  const code = await exitWithin(second, 'the second server to exit');
  assert.notEqual(code, 0);
  assert.match(stderr, new RegExp(`port ${main.port} is already in use: another server is running\\? stop it or pass --port N`));
  assert.equal((await get(main.url, '/')).status, 200, 'the first one still serves');
});

test('SIGTERM stops it cleanly', async (t) => {
  const server = await startServe(['--dir', dist, '--port', '0']);
  t.after(() => server.child.kill('SIGKILL'));
  server.child.kill('SIGTERM');
  assert.equal(await exitWithin(server.child, 'serve.mjs to stop after SIGTERM'), 0);
});
