#!/usr/bin/env bash
# A relay chain and two collators: installs what is missing (cohort-node, the stable2609 relay
# binaries, zombienet), spawns zombienet/cohort-local.toml with the native provider and prints
# the endpoints. Ctrl-C stops the whole network.
#
# Usage: ./scripts/network.sh          spawn and keep running
#        ./scripts/network.sh --test   run the network end-to-end test instead (network-test.sh)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
case "${1:-}" in
--test) exec "$here/network-test.sh" ;;
"") ;;
*)
	echo "error: unknown argument \`$1\` (usage: ./scripts/network.sh [--test])" >&2
	exit 2
	;;
esac
source "$here/setup.sh"
source "$here/network-setup.sh"
cohort_network_setup

cohort_ensure_network_ports_free

dir="$(mktemp -d /tmp/cohort-network.XXXXXX)"
cat <<TXT
==> spawning the network in $dir (logs: $dir/<node>.log); para 1000 produces blocks about
    two minutes after the relay chain starts. Endpoints:
      relay chain   alice  ws://127.0.0.1:9900   bob ws://127.0.0.1:9901
      Cohort        collator 1  ws://127.0.0.1:9944   collator 2  ws://127.0.0.1:9946
    Polkadot.js Apps: Development -> Custom -> ws://127.0.0.1:9944. Ctrl-C stops everything.
TXT
cd "$COHORT_ROOT/zombienet"
exec zombienet --provider native --dir "$dir" --force --logType text spawn cohort-local.toml
