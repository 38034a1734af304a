// Size attribution of the wasm module, by crate and by module, read from
// the name section of the unstripped build that Trunk compiles before
// wasm-bindgen and wasm-opt (target/wasm32-unknown-unknown/release/pathways.wasm).
//
//   node bench/wasm-sizes.mjs [path.wasm] [--top N]
//
// Each function's size is its body in the code section; the table groups
// them by the demangled path's crate and by its first two path segments.
// Sizes are before wasm-opt (which shrinks everything by roughly a third),
// so read them as shares, not as bytes on the wire.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const top = Number(args[args.indexOf('--top') + 1]) || 25;
const file = args.find((arg) => arg.endsWith('.wasm'))
  ?? join(import.meta.dirname, '..', 'target', 'wasm32-unknown-unknown', 'release', 'pathways.wasm');
const bytes = readFileSync(file);

let offset = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[offset++];
    result += (byte & 0x7f) * 2 ** shift;
    if ((byte & 0x80) === 0) return result;
    shift += 7;
  }
}
function name() {
  const length = leb();
  const text = bytes.toString('utf8', offset, offset + length);
  offset += length;
  return text;
}

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
let dataBytes = 0;
while (offset < bytes.length) {
  const id = bytes[offset++];
  const size = leb();
  const end = offset + size;
  if (id === 2) {
    for (let count = leb(); count > 0; count -= 1) {
      name();
      name();
      const kind = bytes[offset++];
      if (kind === 0) { leb(); importedFunctions += 1; } else if (kind === 1) { offset += 1; const flags = leb(); leb(); if (flags & 1) leb(); } else if (kind === 2) { const flags = leb(); leb(); if (flags & 1) leb(); } else if (kind === 3) { offset += 2; }
    }
  } else if (id === 10) {
    for (let count = leb(); count > 0; count -= 1) {
      const length = leb();
      bodySizes.push(length);
      offset += length;
    }
  } else if (id === 11) {
    dataBytes += size;
  } else if (id === 0) {
    const section = name();
    if (section === 'name') {
      while (offset < end) {
        const sub = bytes[offset++];
        const subSize = leb();
        const subEnd = offset + subSize;
        if (sub === 1) {
          for (let count = leb(); count > 0; count -= 1) {
            const index = leb();
            names.set(index, name());
          }
        }
        offset = subEnd;
      }
    }
  }
  offset = end;
}

/** The Rust path of a (mangled or demangled) symbol, roughly. */
function path(symbol) {
  let text = symbol;
  if (text.startsWith('_ZN')) {
    const parts = [];
    let at = 3;
    while (at < text.length && /\d/.test(text[at])) {
      let digits = '';
      while (/\d/.test(text[at])) digits += text[at++];
      parts.push(text.slice(at, at + Number(digits)));
      at += Number(digits);
    }
    text = parts.filter((part) => !/^h[0-9a-f]{16}$/.test(part)).join('::');
  }
  text = text.replace(/\$u20\$/g, " ").replace(/\$LT\$/g, "<").replace(/\$GT\$/g, ">").replace(/\$RF\$/g, "&").replace(/^[_<&]+/, "");
  return text.replace(/\.\./g, '::').split(/::| as /);
}

const byCrate = new Map();
const byModule = new Map();
let total = 0;
bodySizes.forEach((size, idx) => {
  const symbol = names.get(idx + importedFunctions) ?? '?';
  const parts = path(symbol);
  const crate = parts[0] || '?';
  const module = parts.slice(0, crate === 'pathways' ? 3 : 2).join('::');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  byModule.set(module, (byModule.get(module) ?? 0) + size);
  total += size;
});

const table = (title, map) => {
  console.log(`\n${title} (code bytes before wasm-opt; ${bodySizes.length} functions, ${total} B code, ${dataBytes} B data)`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${String(size).padStart(9)}  ${(100 * size / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
table('by crate', byCrate);
table('by module', byModule);

if (args.includes('--functions')) {
  const rows = bodySizes.map((size, idx) => [size, names.get(idx + importedFunctions) ?? '?']);
  rows.sort((a, b) => b[0] - a[0]);
  console.log(`\nlargest functions`);
  for (const [size, symbol] of rows.slice(0, top)) console.log(`${String(size).padStart(9)}  ${path(symbol).join('::').slice(0, 150)}`);
}
