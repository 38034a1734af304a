// Trunk's post_build hook (Trunk.toml): shortens the names the wasm module
// and its JS glue share, in release builds only.
//
// wasm-bindgen names every import after the JS function it binds
// (`__wbg_insertBefore_10ab0c19b463c12b`) and every export after its Rust
// symbol; the module carries those names, once each, in its import and
// export sections. wasm-opt's `--minify-imports-and-exports-and-modules`
// renames them to one or two letters and prints the old → new names; this
// script renames the same names in the glue, so the two still match, and
// then minifies the glue (terser; Trunk's own minifier fails on it) and
// writes the new files' digests into index.html's `integrity` attributes.
// That is about 8 KB less gzipped for the same code. Last, it minifies the
// two scripts Trunk copies as written, boot.js and sw.js (about 1.5 KB).
//
// A build for profiling (its index file asks for `data-keep-debug`) is left
// as it is, so a profile still shows the glue's functions by name. Any
// mismatch (an import or export the glue does not name, a digest not found)
// fails the build rather than ship a page that cannot start.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { minify } from 'terser';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run by trunk build)');
const release = process.env.TRUNK_PROFILE === 'release';
const source = process.env.TRUNK_HTML_FILE ? readFileSync(process.env.TRUNK_HTML_FILE, 'utf8') : '';
if (!release || source.includes('data-keep-debug')) process.exit(0);

const files = readdirSync(staging);
const wasmName = files.find((file) => file.endsWith('_bg.wasm'));
const jsName = wasmName && files.find((file) => file === wasmName.replace(/_bg\.wasm$/, '.js'));
if (!wasmName || !jsName) throw new Error(`post-build: no wasm and glue pair in ${staging}`);
const wasmPath = join(staging, wasmName);
const jsPath = join(staging, jsName);
const htmlPath = join(staging, 'index.html');

const digest = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const oldWasm = readFileSync(wasmPath);
const oldJs = readFileSync(jsPath, 'utf8');

// wasm-opt prints the renaming as JSON: imports [module, old, new], exports [old, new].
// The same run first optimizes the module a second time (-Oz, as Trunk's
// run: about 1.1 KB less gzipped for 5-8 s more build) and drops the two
// custom sections no browser reads (which tools made the module, the
// features it was compiled for: about 260 B).
const printed = execFileSync('wasm-opt', [wasmPath, '-Oz', '--low-memory-unused', '--minify-imports-and-exports-and-modules', '--strip-producers', '--strip-target-features', '-o', wasmPath], { encoding: 'utf8' });
const { imports, exports } = JSON.parse(printed.slice(printed.indexOf('{')));
const newWasm = readFileSync(wasmPath);
const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(newWasm)).map((entry) => entry.module));
const oldModules = new Set(imports.map(([module]) => module));
if (modules.size !== 1 || oldModules.size !== 1) throw new Error(`post-build: expected one import module, found ${[...oldModules]} → ${[...modules]}`);
const [newModule] = modules;
const [oldModule] = oldModules;

let js = oldJs;
const replaceAll = (pattern, replace, what) => {
  let count = 0;
  js = js.replace(pattern, (...match) => {
    count += 1;
    return replace(...match);
  });
  if (count === 0) throw new Error(`post-build: the glue names no ${what}`);
};
// The import object: `        name: function(` inside `const import0 = {…}`, then the module key.
const importNames = new Map(imports.map(([, from, to]) => [from, to]));
const seen = new Set();
replaceAll(/^(\s+)(\w+)(: function\()/gm, (line, indent, name, rest) => {
  const to = importNames.get(name);
  if (to === undefined) return line;
  seen.add(name);
  return `${indent}${JSON.stringify(to)}${rest}`;
}, 'imports');
const unbound = [...importNames.keys()].filter((name) => !seen.has(name));
if (unbound.length) throw new Error(`post-build: imports the glue does not define: ${unbound.join(', ')}`);
replaceAll(new RegExp(`${JSON.stringify(oldModule).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: import0`, 'g'), () => `${JSON.stringify(newModule)}: import0`, 'import module');
// Every use of an export: `wasm.name`.
const exportNames = new Map(exports);
replaceAll(/\bwasm\.(\w+)\b/g, (use, name) => {
  const to = exportNames.get(name);
  if (to === undefined) throw new Error(`post-build: the glue uses wasm.${name}, which the module does not export`);
  return /^[A-Za-z_$][\w$]*$/.test(to) ? `wasm.${to}` : `wasm[${JSON.stringify(to)}]`;
}, 'exports');
// The glue is an ES module: terser keeps its exports' names and mangles the rest.
const minified = await minify(js, { module: true, compress: true, mangle: true, format: { comments: false } });
if (!minified.code) throw new Error('post-build: terser returned no code');
js = minified.code;
writeFileSync(jsPath, js);

let html = readFileSync(htmlPath, 'utf8');
for (const [before, after] of [[digest(oldWasm), digest(newWasm)], [digest(Buffer.from(oldJs)), digest(Buffer.from(js))]]) {
  if (!html.includes(before)) throw new Error(`post-build: index.html has no integrity ${before}`);
  html = html.replaceAll(before, after);
}
writeFileSync(htmlPath, html);

// The two hand-written scripts Trunk copies as they are: boot.js (an ES
// module) and the service worker (a classic script), minified the same way
// (their comments are most of their bytes). Neither has an integrity digest.
const scripts = [['boot.js', true], ['sw.js', false]].map(([name, module]) => [join(staging, name), module]);
for (const [path, module] of scripts) {
  const code = (await minify(readFileSync(path, 'utf8'), { module, compress: true, mangle: true, format: { comments: false } })).code;
  if (!code) throw new Error(`post-build: terser returned no code for ${path}`);
  writeFileSync(path, code);
}
console.log(`post-build: ${importNames.size} imports, ${exportNames.size} exports renamed; wasm ${oldWasm.length} → ${newWasm.length} B, glue ${oldJs.length} → ${js.length} B`);
