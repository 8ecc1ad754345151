#!/usr/bin/env bash
# Steps 2-4 of the network test, as zombienet's `run` runs them (from a copy of this file in
# the network's directory): the @polkadot/api script e2e/network.mjs against the live network.
# scripts/network-test.sh exports what it needs and shows its progress log.
set -euo pipefail
: "${COHORT_ROOT:?run through scripts/network-test.sh}"
exec node "$COHORT_ROOT/e2e/network.mjs" \
	--relay ws://127.0.0.1:9900 \
	--collator1 ws://127.0.0.1:9944 \
	--collator2 ws://127.0.0.1:9946 \
	--upgrade-wasm "$COHORT_UPGRADE_WASM" \
	--log "$COHORT_NETWORK_LOG"
