// Size attribution of the wasm module, by crate and by module, read from
// the name section of the unstripped build that Trunk compiles before
// wasm-bindgen and wasm-opt (target/wasm32-unknown-unknown/release/pathways.wasm).
//
//   node bench/wasm-sizes.mjs [path.wasm] [--top N] [--functions] [--retained]
//
// Each function's size is its body in the code section; the table groups
// them by the demangled path's crate and by its first two path segments.
// Sizes are before wasm-opt (which shrinks everything by roughly a third),
// so read them as shares, not as bytes on the wire. wasm-bindgen's type
// descriptors (`WasmDescribe`), which wasm-bindgen removes from the module
// it writes, are left out of the tables and their total printed apart.
//
// --retained lists the functions that keep the most code in the module: a
// function's own body plus every function reachable only through it (its
// subtree in the dominator tree of the direct-call graph, which wasm-opt's
// --print-call-graph writes; roots are the exports and the function table).
// It is how a small call that drags in a large library routine shows up:
// csv's writer kept the standard library's float parser (see README, Budgets).
// A profiling build's wasm (bench/profile.mjs's note) has names after wasm-opt.
import { execFileSync } from 'node:child_process';
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
const roots = new Set();
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
  } else if (id === 7) {
    for (let count = leb(); count > 0; count -= 1) {
      name();
      const kind = bytes[offset++];
      const index = leb();
      if (kind === 0) roots.add(index);
    }
  } else if (id === 8) {
    roots.add(leb());
  } else if (id === 9) {
    for (let count = leb(); count > 0; count -= 1) {
      const flags = leb();
      if (flags !== 0 && flags !== 2) break; // expressions: not written by rustc
      if (flags === 2) leb();
      while (bytes[offset] !== 0x0b) offset += 1; // the offset expression
      offset += 1;
      if (flags === 2) offset += 1; // elemkind
      for (let n = leb(); n > 0; n -= 1) roots.add(leb());
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

/** wasm-bindgen's type descriptors: run by the CLI, then removed. */
const descriptor = (symbol) => /WasmDescribe|__wbindgen_describe/.test(symbol);
const symbolOf = (idx) => names.get(idx + importedFunctions) ?? '?';

const byCrate = new Map();
const byModule = new Map();
let total = 0;
let shipped = 0;
let descriptors = 0;
let descriptorBytes = 0;
bodySizes.forEach((size, idx) => {
  const symbol = symbolOf(idx);
  if (descriptor(symbol)) {
    descriptors += 1;
    descriptorBytes += size;
    return;
  }
  const parts = path(symbol);
  const crate = parts[0] || '?';
  const module = parts.slice(0, crate === 'pathways' ? 3 : 2).join('::');
  byCrate.set(crate, (byCrate.get(crate) ?? 0) + size);
  byModule.set(module, (byModule.get(module) ?? 0) + size);
  total += size;
  shipped += 1;
});

const table = (title, map) => {
  console.log(`\n${title} (code bytes before wasm-opt; ${shipped} functions, ${total} B code, ${dataBytes} B data)`);
  for (const [key, size] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${String(size).padStart(9)}  ${(100 * size / total).toFixed(1).padStart(5)} %  ${key}`);
  }
};
if (descriptors > 0) {
  console.log(`left out: ${descriptors} wasm-bindgen type descriptors, ${descriptorBytes} B (removed by wasm-bindgen)`);
}
table('by crate', byCrate);
table('by module', byModule);

if (args.includes('--functions')) {
  const rows = bodySizes
    .map((size, idx) => [size, symbolOf(idx)])
    .filter(([, symbol]) => !descriptor(symbol));
  rows.sort((a, b) => b[0] - a[0]);
  console.log(`\nlargest functions`);
  for (const [size, symbol] of rows.slice(0, top)) console.log(`${String(size).padStart(9)}  ${path(symbol).join('::').slice(0, 150)}`);
}

if (args.includes('--retained')) retained();

/** Retained sizes: dominator tree of the direct calls (Cooper, Harvey and Kennedy's iteration). */
function retained() {
  const wasmOpt = join(import.meta.dirname, '..', 'node_modules', '.bin', 'wasm-opt');
  const dot = execFileSync(wasmOpt, [file, '--print-call-graph', '-o', '/dev/null'], {
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'ignore'],
  }).toString();
  const indexOf = new Map([...names].map(([idx, symbol]) => [symbol, idx]));
  const callees = new Map();
  for (const [, from, to] of dot.matchAll(/^\s*"(.*)" -> "(.*)"; \/\/ call$/gm)) {
    const a = indexOf.get(from);
    const b = indexOf.get(to);
    if (a === undefined || b === undefined) continue;
    if (!callees.has(a)) callees.set(a, new Set());
    callees.get(a).add(b);
  }
  const ROOT = -1;
  callees.set(ROOT, roots);
  // Depth-first postorder from the root, without recursion.
  const postorder = [];
  const seen = new Set([ROOT]);
  const stack = [[ROOT, [...(callees.get(ROOT) ?? [])][Symbol.iterator]()]];
  while (stack.length > 0) {
    const [node, next] = stack[stack.length - 1];
    const step = next.next();
    if (step.done) {
      postorder.push(node);
      stack.pop();
    } else if (!seen.has(step.value)) {
      seen.add(step.value);
      stack.push([step.value, [...(callees.get(step.value) ?? [])][Symbol.iterator]()]);
    }
  }
  const order = new Map(postorder.map((node, at) => [node, at]));
  const callers = new Map();
  for (const node of postorder) {
    for (const callee of callees.get(node) ?? []) {
      if (!callers.has(callee)) callers.set(callee, []);
      callers.get(callee).push(node);
    }
  }
  const idom = new Map([[ROOT, ROOT]]);
  const meet = (a, b) => {
    while (a !== b) {
      while (order.get(a) < order.get(b)) a = idom.get(a);
      while (order.get(b) < order.get(a)) b = idom.get(b);
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (let at = postorder.length - 2; at >= 0; at -= 1) {
      const node = postorder[at];
      let dominator;
      for (const caller of callers.get(node) ?? []) {
        if (!idom.has(caller)) continue;
        dominator = dominator === undefined ? caller : meet(caller, dominator);
      }
      if (dominator !== undefined && idom.get(node) !== dominator) {
        idom.set(node, dominator);
        changed = true;
      }
    }
  }
  const own = (node) => bodySizes[node - importedFunctions] ?? 0;
  const kept = new Map();
  for (const node of postorder) {
    if (node === ROOT) continue;
    kept.set(node, (kept.get(node) ?? 0) + own(node));
    const up = idom.get(node);
    kept.set(up, (kept.get(up) ?? 0) + kept.get(node));
  }
  const rows = [...kept].filter(([node]) => node !== ROOT && !descriptor(names.get(node) ?? ''));
  rows.sort((a, b) => b[1] - a[1]);
  console.log(`\nretained code (own body + what only it reaches by direct calls; roots: ${roots.size} exports and table entries)`);
  console.log('     kept      own  function');
  for (const [node, size] of rows.slice(0, top)) {
    console.log(`${String(size).padStart(9)} ${String(own(node)).padStart(8)}  ${path(names.get(node) ?? '?').join('::').slice(0, 140)}`);
  }
}
