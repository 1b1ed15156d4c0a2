#!/usr/bin/env bash
# Build in release mode and run the 10,000-mailbox benchmark (5 batches of 2,000 moved to
# completion), reporting wall time, CPU time and peak resident memory (GNU time's %M, in KB).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --quiet
/usr/bin/time -f 'wall %e s, CPU %U s user + %S s sys, peak RSS %M KB' \
    target/release/tenantsim --scenario benches/mailbox/bench-10k.json run benches/mailbox/bench-10k-mailboxes.ps1
