#!/usr/bin/env bash
# The Cohort portal in one command: installs its npm packages (from portal/package-lock.json)
# and builds it when needed, starts a development chain when no node answers on the WebSocket
# port, serves the portal on http://127.0.0.1:PORT and prints the address. Ctrl-C stops what
# it started (the server, and the chain if it started one).
#
# Usage: ./scripts/portal.sh [--port 8090] [--ws ws://127.0.0.1:9944]
# Environment: COHORT_BASE_PATH (the dev chain's state; default $HOME/.local/share/cohort/dev,
#   as ./scripts/dev.sh), CARGO_TARGET_DIR.
set -euo pipefail
source "$(dirname "$0")/setup.sh"

port=8090
ws=ws://127.0.0.1:9944
while [ $# -gt 0 ]; do
	case "$1" in
	--port) port="${2:-}"; shift 2 || cohort_fail "--port needs a value" ;;
	--port=*) port="${1#*=}"; shift ;;
	--ws) ws="${2:-}"; shift 2 || cohort_fail "--ws needs a value" ;;
	--ws=*) ws="${1#*=}"; shift ;;
	-h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
	*) cohort_fail "unknown option '$1' (usage: ./scripts/portal.sh [--port 8090] [--ws ws://127.0.0.1:9944])" ;;
	esac
done
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] ||
	cohort_fail "--port must be a port number (1-65535), not '$port'"
[[ "$ws" =~ ^wss?://([^/:]+):([0-9]+)/?$ ]] ||
	cohort_fail "--ws must look like ws://127.0.0.1:9944, not '$ws'"
ws_host="${BASH_REMATCH[1]}"
ws_port="${BASH_REMATCH[2]}"

portal="$COHORT_ROOT/portal"
cohort_ensure_portal

started=()
stop() {
	local pid
	for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap stop EXIT
trap 'exit 130' INT TERM

# Whether a node answers JSON-RPC on the WebSocket port (it serves HTTP on the same port).
node_answers() {
	node -e '
		fetch(process.argv[1], { method: "POST", headers: { "content-type": "application/json" },
			body: JSON.stringify({ id: 1, jsonrpc: "2.0", method: "system_health", params: [] }),
			signal: AbortSignal.timeout(2000) })
			.then((r) => r.json()).then((j) => process.exit(j.result ? 0 : 1), () => process.exit(1));
	' "http://$ws_host:$ws_port" 2>/dev/null
}

if node_answers; then
	cohort_say "a node answers on $ws: using it"
else
	case "$ws_host" in
	127.0.0.1 | localhost) ;;
	*) cohort_fail "no node answers on $ws (start one there, or omit --ws for a local dev chain)" ;;
	esac
	binary="$(cohort_node_binary)"
	if [ ! -x "$binary" ]; then
		cohort_setup
		cohort_say "building cohort-node (target dir: $CARGO_TARGET_DIR)"
		(cd "$COHORT_ROOT" && cargo build -p cohort-node)
	fi
	base_path="${COHORT_BASE_PATH:-$HOME/.local/share/cohort/dev}"
	mkdir -p "$base_path"
	log="$base_path/portal-node.log"
	cohort_say "starting a development chain on $ws (state in $base_path, log in $log)"
	"$binary" --dev --base-path "$base_path" --rpc-port "$ws_port" >"$log" 2>&1 &
	started+=($!)
	for _ in $(seq 120); do
		node_answers && break
		kill -0 "${started[-1]}" 2>/dev/null || cohort_fail "the dev chain stopped at start-up (see $log)"
		sleep 1
	done
	node_answers || cohort_fail "the dev chain did not answer on $ws within 2 minutes (see $log)"
fi

node "$portal/serve.mjs" --port "$port" >/dev/null &
started+=($!)
sleep 1
kill -0 "${started[-1]}" 2>/dev/null || cohort_fail "cannot serve on 127.0.0.1:$port (in use? try --port)"
url="http://127.0.0.1:$port/"
[ "$ws" = "ws://127.0.0.1:9944" ] || url="$url?ws=$ws"
cohort_say "the Cohort portal is at $url (Ctrl-C stops it)"
echo "$url"
wait "${started[-1]}"
