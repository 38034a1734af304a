#!/usr/bin/env bash
# Shouguang Pathways — every test layer; exits non-zero on the first failure.
#
#   scripts/test.sh
#
# Layers: formatting, clippy (native and wasm32, warnings denied), native
# tests (model, link format, charts, doc tests), the fuzz layer (over a
# million decoder inputs and 10 000 reducer sequences, release-built, with
# its record printed), browser tests
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
run "clippy (wasm32)" cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --test browser_views --locked -- -D warnings
run "native tests" cargo test --locked
# The fuzz layer, built optimised (the release profile's size settings,
# opt-level "z" and LTO, are for the wasm bundle; here they only slow the
# build and the run): 1 050 000 decoder inputs with the stages each reached,
# and 10 000 random action sequences through the reducer.
run "fuzz (bounded)" env FUZZ_ITERATIONS=200000 FUZZ_MIN_INPUTS=1000000 APP_FUZZ_SEQUENCES=10000 \
    CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo test --release --locked --test share_fuzz --test app_fuzz -- --nocapture
run "browser tests" cargo test --target wasm32-unknown-unknown --locked --test browser --test browser_views
run "release build" trunk build --release
run "end-to-end tests" node --test --test-concurrency=1 tests/e2e/

printf '\nall layers passed in %ss\n' "$((SECONDS - started))"
printf '  %s\n' "${timings[@]}"
