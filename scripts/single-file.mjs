// Writes dist-single/shouguang-pathways.html from the release build: one
// self-contained file that works when opened from file:// (e-mail it, put it
// on a USB stick). The CSS, the wasm module (base64) and the JS glue are
// inlined (the icon is a data URL in index.html already, which the check
// below holds); the file's own Content-Security-Policy allows exactly its
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

/** A tag's attributes, quoted or not (Trunk's minified index.html drops
 * the quotes where it can). */
function attributes(tag) {
  const found = new Map();
  for (const [, name, doubled, single, bare] of tag.matchAll(/\s([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    found.set(name.toLowerCase(), doubled ?? single ?? bare ?? '');
  }
  return found;
}

/** The one tag of index.html that `matches` (by its attributes); anything else is an error. */
function theTag(html, what, matches) {
  const tags = [...html.matchAll(/<(?:meta|link|script)\b[^>]*>(?:<\/script>)?/g)].map(([tag]) => tag).filter((tag) => matches(attributes(tag)));
  if (tags.length !== 1) throw new Error(`dist/index.html: expected one ${what}, found ${tags.length}`);
  return tags[0];
}

function attribute(tag, name) {
  const value = attributes(tag).get(name);
  if (value === undefined) throw new Error(`dist/index.html: ${tag} has no ${name}`);
  return value;
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
const distFile = (href) => readFile(join(options.dist, href.replace(/^\.?\//, '')));

let html = await readFile(join(options.dist, 'index.html'), 'utf8');

const bootTag = theTag(html, 'boot script (Trunk.toml pattern_script)', (attrs) => attrs.get('id') === 'boot');
const glue = (await distFile(attribute(bootTag, 'data-js'))).toString('utf8');
const wasm = await distFile(attribute(bootTag, 'data-wasm'));
const cssTag = theTag(html, 'style sheet link', (attrs) => attrs.get('rel') === 'stylesheet');
const css = (await distFile(attribute(cssTag, 'href'))).toString('utf8');

// wasm-bindgen's glue is an ES module ending in `export { initSync, __wbg_init as default };`
// (minified: `export{a as initSync,b as default};`). Inline, it runs as the
// page's module script: drop the export and call its init, whatever its
// local name, with the bytes, so nothing is fetched.
const exportList = /export\s*\{([^}]*)\};?\s*$/;
const exported = glue.match(exportList);
const init = exported?.[1].match(/([\w$]+)\s+as\s+default\b/)?.[1];
const rest = glue.replace(exportList, '');
if (!init || /(^|[;}\s])(import\s*[{*\w]|export\b)/.test(rest)) {
  throw new Error('the JS glue does not end in the one export list this script expects (wasm-bindgen changed?)');
}
const script = `${rest}
// Single-file boot (scripts/single-file.mjs): the wasm module is inlined here.
const status = document.getElementById('boot-status');
try {
  const base64 = '${wasm.toString('base64')}';
  const bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
  await ${init}({ module_or_path: bytes });
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

const cspTag = theTag(html, 'CSP meta', (attrs) => attrs.get('http-equiv') === 'Content-Security-Policy');
html = html.replace(cspTag, () => `<meta http-equiv="Content-Security-Policy" content="${csp}" />`);
html = html.replace(cssTag, () => `<style>${css}</style>`);
html = html.replace(bootTag, () => `<script type="module">${script}</script>`);
for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
  if (['modulepreload', 'preload'].includes(attributes(tag).get('rel'))) html = html.replace(tag, '');
}

// Nothing left that a file:// page would have to fetch.
const outside = [...html.matchAll(/<(?:link|script|img)\b[^>]*>/g)]
  .flatMap(([tag]) => ['href', 'src'].map((name) => attributes(tag).get(name)))
  .filter((url) => url !== undefined && !url.startsWith('data:'));
if (outside.length > 0) throw new Error(`the single file still refers to ${outside.join(', ')}`);

await mkdir(dirname(options.out), { recursive: true });
await writeFile(options.out, html);
console.log(`wrote ${relative(process.cwd(), options.out) || options.out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB) from ${options.dist}`);
