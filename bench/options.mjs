// Command-line options shared by the bench scripts that drive one view with
// one kind of input (bench/profile.mjs, bench/input-window.mjs).
import { resolve } from 'node:path';

const args = process.argv.slice(2);

/** The value after `name` on the command line, else `fallback`. */
export function option(name, fallback) {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : fallback;
}

/** Whether `name` is on the command line. */
export function flag(name) {
  return args.includes(name);
}

/** --dist, --view, --input, --rounds and --top, with these defaults. */
export function viewInputOptions({ rounds, top }) {
  return {
    dir: resolve(option('--dist', 'dist')),
    view: option('--view', 'overview'),
    input: option('--input', 'slider'),
    rounds: Number(option('--rounds', rounds)),
    top: Number(option('--top', top)),
  };
}
