#!/usr/bin/env bash
# Build in release mode and run the 100,000-user / 4,000-move benchmark, reporting wall time
# and peak resident memory (GNU time's %M, in KB).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
/usr/bin/time -f 'wall %e s, peak RSS %M KB' \
    target/release/tenantsim --scenario benches/onedrive/bench-100k.json run benches/onedrive/bench-4000-moves.ps1
