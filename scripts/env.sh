# Sourced by the scripts: tool paths and versions, each written once.
# shellcheck shell=bash
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the library in Cargo.lock to the digit.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WASM_BINDGEN_VERSION" ]; then
    echo "cannot read wasm-bindgen's version from Cargo.lock" >&2
    exit 1
fi
export TRUNK_VERSION WASM_BINDGEN_VERSION
