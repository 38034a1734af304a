// Writes dist-single/shouguang-pathways.html from the release build: one
// self-contained file that works when opened from file:// (e-mail it, put it
// on a USB stick). The CSS, the wasm module (base64), the JS glue and the
// icon are inlined; the file's own Content-Security-Policy allows exactly its
// one inline script and style sheet, by SHA-256 hash, and nothing remote.
// No service worker: a file needs none.
//
//   node scripts/single-file.mjs [--dist DIR] [--out FILE]
//
// DIR defaults to $PATHWAYS_DIST, else dist/ (build it first:
// `trunk build --release`, or use scripts/single-file.sh).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const repo = resolve(fileURLToPath(import.meta.url), '../..');
const { values: options } = parseArgs({
  options: {
    dist: { type: 'string', default: process.env.PATHWAYS_DIST ?? join(repo, 'dist') },
    out: { type: 'string', default: join(repo, 'dist-single', 'shouguang-pathways.html') },
  },
});

/** Replaces the one match of `pattern` in `text`; anything else is an error. */
function replaceOnce(text, pattern, replacement, what) {
  const matches = text.match(new RegExp(pattern.source, `${pattern.flags.replace('g', '')}g`)) ?? [];
  if (matches.length !== 1) throw new Error(`dist/index.html: expected one ${what}, found ${matches.length}`);
  return text.replace(pattern, () => (typeof replacement === 'function' ? replacement(text.match(pattern)) : replacement));
}

function attribute(tag, name) {
  const found = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  if (!found) throw new Error(`dist/index.html: ${tag} has no ${name}`);
  return found[1];
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const distFile = (href) => readFile(join(options.dist, href.replace(/^\.?\//, '')));

let html = await readFile(join(options.dist, 'index.html'), 'utf8');

const bootTag = html.match(/<script\b[^>]*\bid="boot"[^>]*><\/script>/)?.[0];
if (!bootTag) throw new Error('dist/index.html: no boot script tag (Trunk.toml pattern_script)');
const glue = (await distFile(attribute(bootTag, 'data-js'))).toString('utf8');
const wasm = await distFile(attribute(bootTag, 'data-wasm'));
const cssTag = html.match(/<link rel="stylesheet"[^>]*>/)?.[0];
if (!cssTag) throw new Error('dist/index.html: no style sheet link');
const css = (await distFile(attribute(cssTag, 'href'))).toString('utf8');
const iconTag = html.match(/<link rel="icon"[^>]*>/)?.[0];
if (!iconTag) throw new Error('dist/index.html: no icon link');
const icon = await distFile(attribute(iconTag, 'href'));

// wasm-bindgen's glue is an ES module ending in `export { initSync, __wbg_init as default };`.
// Inline, it runs as the page's module script: drop the export and call its
// init with the bytes, so nothing is fetched.
const exportLine = /^export \{[^}]*\b__wbg_init as default\b[^}]*\};?[ \t]*$/m;
if ((glue.match(new RegExp(exportLine.source, 'gm')) ?? []).length !== 1 || /^\s*(import|export)\b/m.test(glue.replace(exportLine, ''))) {
  throw new Error('the JS glue does not have the one export line this script expects (wasm-bindgen changed?)');
}
const script = `${glue.replace(exportLine, '')}
// Single-file boot (scripts/single-file.mjs): the wasm module is inlined here.
const status = document.getElementById('boot-status');
try {
  const base64 = '${wasm.toString('base64')}';
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  await __wbg_init({ module_or_path: bytes });
  if (status) status.remove();
} catch (error) {
  if (status) {
    status.textContent = '应用加载失败,请更换浏览器。The app failed to load: ' + error;
    status.classList.add('boot-failed');
  }
  throw error;
}
`;
for (const [text, end] of [[script, '</script'], [css, '</style']]) {
  if (text.toLowerCase().includes(end)) throw new Error(`inlined text contains "${end}"`);
}

const csp = [
  "default-src 'none'",
  `script-src ${sha256(script)} 'wasm-unsafe-eval'`,
  `style-src ${sha256(css)}`,
  "style-src-attr 'unsafe-inline'",
  'img-src data: blob:',
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

html = replaceOnce(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*"\s*\/?>/, `<meta http-equiv="Content-Security-Policy" content="${csp}" />`, 'CSP meta');
html = replaceOnce(html, /<link rel="icon"[^>]*>/, `<link rel="icon" href="data:image/svg+xml;base64,${icon.toString('base64')}" type="image/svg+xml" />`, 'icon link');
html = replaceOnce(html, /<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`, 'style sheet link');
html = replaceOnce(html, /<script\b[^>]*\bid="boot"[^>]*><\/script>/, () => `<script type="module">${script}</script>`, 'boot script');
html = html.replace(/<link rel="(modulepreload|preload)"[^>]*>/g, '');

// Nothing left that a file:// page would have to fetch.
const outside = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]).filter((url) => !url.startsWith('data:'));
if (outside.length > 0) throw new Error(`the single file still refers to ${outside.join(', ')}`);

await mkdir(dirname(options.out), { recursive: true });
await writeFile(options.out, html);
console.log(`wrote ${relative(process.cwd(), options.out) || options.out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB) from ${options.dist}`);
