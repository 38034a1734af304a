#!/usr/bin/env bash
# Shouguang Pathways — every test layer; exits non-zero on the first failure.
#
#   scripts/test.sh
#
# Layers: formatting, clippy (native and wasm32, warnings denied), native
# tests (model, link format, charts, doc tests), a bounded fuzz run of the
# decoders with its counts printed, browser tests
# (wasm-bindgen-test in headless Chromium), the release build, and the
# end-to-end suite (Playwright driving Chromium against the release build on
# 127.0.0.1). Needs what scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

started=$SECONDS
timings=()
run() {
    local name=$1
    shift
    printf '\n==> %s\n' "$name"
    local step_started=$SECONDS
    "$@"
    timings+=("$(printf '%-28s %4ss' "$name" "$((SECONDS - step_started))")")
}

run "cargo fmt --check" cargo fmt --all -- --check
run "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
run "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --locked -- -D warnings
run "native tests" cargo test --locked
# The bounded fuzz run again with its record printed: inputs tried, panics.
run "fuzz (bounded)" cargo test --locked --test share_fuzz -- --nocapture
run "browser tests" cargo test --target wasm32-unknown-unknown --locked --test browser
run "release build" trunk build --release
run "end-to-end tests" node --test --test-concurrency=1 tests/e2e/

printf '\nall layers passed in %ss\n' "$((SECONDS - started))"
printf '  %s\n' "${timings[@]}"
