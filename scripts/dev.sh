#!/usr/bin/env bash
# Builds the node (when needed) and starts a one-node development chain:
#   ws://127.0.0.1:9944, blocks every 3 s (finalized at once), state in $COHORT_BASE_PATH.
#
# Usage: ./scripts/dev.sh [cohort-node options]   e.g. --instant-seal, --dev-block-time 1000
# Environment: COHORT_BASE_PATH (default: $HOME/.local/share/cohort/dev), CARGO_TARGET_DIR.
# Start afresh with: rm -rf "$COHORT_BASE_PATH"
set -euo pipefail
source "$(dirname "$0")/setup.sh"
cohort_setup

cd "$COHORT_ROOT"
cohort_say "building cohort-node (target dir: $CARGO_TARGET_DIR)"
cargo build -p cohort-node

base_path="${COHORT_BASE_PATH:-$HOME/.local/share/cohort/dev}"
mkdir -p "$base_path"
cohort_say "starting the development chain: ws://127.0.0.1:9944, state in $base_path"
exec "$(cohort_node_binary)" --dev --base-path "$base_path" "$@"
