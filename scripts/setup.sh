#!/usr/bin/env bash
# Shouguang Pathways — set up a fresh Debian machine and serve the app.
#
#   scripts/setup.sh             install what is missing, build, serve on http://127.0.0.1:8080
#   scripts/setup.sh --no-serve  install what is missing and stop (used by .ci/run)
#
# Run as root. Needs only the package registries (Debian, crates.io, npm):
# nothing is downloaded from anywhere else, and Trunk runs offline. Each step
# checks first and skips what is already there, so a second run starts
# serving in seconds.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

serve=1
for arg in "$@"; do
    case "$arg" in
        --no-serve) serve=0 ;;
        -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
        *) echo "setup.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

started=$SECONDS
step() { printf '\n==> %s\n' "$*"; }

# 1. Debian packages: the browser and its driver for the tests, the CJK font
#    (without it Chinese renders as boxes), Node.js for wasm-opt and
#    Playwright, and what cargo install needs to build C code.
missing=()
have_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
for pkg in chromium chromium-driver fonts-noto-cjk nodejs gcc pkg-config libssl-dev; do
    have_pkg "$pkg" || missing+=("$pkg")
done
command -v npm >/dev/null 2>&1 || have_pkg npm || missing+=(npm)
if ((${#missing[@]})); then
    step "apt-get install ${missing[*]}"
    if [ "$(id -u)" -ne 0 ]; then
        echo "setup.sh: run as root to install ${missing[*]}" >&2
        exit 1
    fi
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
else
    step "Debian packages: present"
fi

# 2. Rust: the machine's toolchain plus the wasm target.
if ! command -v cargo >/dev/null 2>&1; then
    echo "setup.sh: cargo not found. Install Rust with rustup (stable, 1.85 or newer) and run this again." >&2
    exit 1
fi
if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    step "wasm32-unknown-unknown target: present"
else
    step "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
fi

# 3. Trunk, at the version known to build with this rustc (0.22 needs a newer one).
if [ "$(trunk --version 2>/dev/null || true)" = "trunk $TRUNK_VERSION" ]; then
    step "trunk $TRUNK_VERSION: present"
else
    step "cargo install trunk@$TRUNK_VERSION (about 10 minutes on 2 cores)"
    cargo install --locked --force "trunk@$TRUNK_VERSION"
fi

# 4. wasm-bindgen-cli at exactly Cargo.lock's wasm-bindgen (also brings
#    wasm-bindgen-test-runner). Without --locked: its own lock pins a crate
#    the registry no longer serves.
if [ "$(wasm-bindgen --version 2>/dev/null || true)" = "wasm-bindgen $WASM_BINDGEN_VERSION" ] &&
    command -v wasm-bindgen-test-runner >/dev/null 2>&1; then
    step "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
    step "cargo install wasm-bindgen-cli --version $WASM_BINDGEN_VERSION (about 3 minutes)"
    cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

# 5. npm packages: binaryen's wasm-opt (Debian's is too old) and
#    playwright-core. Reinstalled only when package-lock.json changed.
if [ -x node_modules/.bin/wasm-opt ] && [ -x node_modules/.bin/playwright-core ] &&
    [ node_modules/.package-lock.json -nt package-lock.json ]; then
    step "npm packages: present"
else
    step "npm ci"
    npm ci --no-audit --no-fund
fi

# 6. Crates, so the offline Trunk build finds them.
step "cargo fetch"
cargo fetch --quiet

printf '\nset-up done in %ss\n' "$((SECONDS - started))"

# 7. Build the release, then serve dist/ with scripts/serve.mjs: no file
#    watcher, every file read per request, so it keeps serving while a build
#    runs in this tree. Live reload while developing is a separate command:
#    `source scripts/env.sh && trunk serve` (see README.md).
if ((serve)); then
    step "trunk build --release"
    trunk build --release
    step "node scripts/serve.mjs --port 8080"
    exec node scripts/serve.mjs --port 8080
fi
