#!/usr/bin/env bash
# Shouguang Pathways as one self-contained HTML file that works from file://.
#
#   scripts/single-file.sh            # from the release build in dist/ (built if missing)
#   scripts/single-file.sh --build    # rebuild dist/ first
#
# Writes dist-single/shouguang-pathways.html (scripts/single-file.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

build=false
for arg in "$@"; do
    case $arg in
        --build) build=true ;;
        *)
            echo "usage: scripts/single-file.sh [--build]" >&2
            exit 2
            ;;
    esac
done
if $build || [ ! -f dist/index.html ]; then
    trunk build --release
fi
node scripts/single-file.mjs --dist dist
