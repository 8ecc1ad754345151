#!/usr/bin/env bash
# What network.sh and network-test.sh share: the relay chain binaries and zombienet. Source it
# after setup.sh.
#
# The relay binaries (`polkadot`, `polkadot-prepare-worker`, `polkadot-execute-worker`) must be
# of Cohort's release, stable2609: crate `polkadot` 41.0.0, node version 1.25.1. They are used
# from PATH when they are that version, else built once with `cargo install --locked` into
# $COHORT_RELAY_ROOT (default ~/.cache/cohort-relay), in a target dir of their own
# (~/.cache/cohort-relay-target): polkadot's lockfile pins other versions of 583 of its 1,363
# packages than Cohort's, and `cargo install` builds with the crate's profile, not ours, so the
# project's target dir has nothing it could reuse. An interrupted build resumes where it
# stopped.
#
# Environment:
#   COHORT_RELAY_PROFILE   release (default) or debug: see the README for both build times.
#   COHORT_RELAY_ROOT      where the binaries are installed (bin/ below it)

COHORT_RELAY_VERSION=1.25.1
COHORT_RELAY_CRATE=polkadot@41.0.0

cohort_relay_root() {
	case "${COHORT_RELAY_PROFILE:-release}" in
	release) echo "${COHORT_RELAY_ROOT:-$HOME/.cache/cohort-relay}" ;;
	debug) echo "${COHORT_RELAY_ROOT:-$HOME/.cache/cohort-relay-debug}" ;;
	*) cohort_fail "COHORT_RELAY_PROFILE must be release or debug" ;;
	esac
}

# Whether `dir` (or PATH, when empty) holds the three relay binaries of the right version.
cohort_relay_binaries_in() {
	local dir="$1" binary
	for binary in polkadot polkadot-prepare-worker polkadot-execute-worker; do
		local path="$binary"
		[ -n "$dir" ] && path="$dir/$binary"
		"$path" --version 2>/dev/null | grep -q "$COHORT_RELAY_VERSION" || return 1
	done
}

# Puts the relay binaries on PATH, building them when they are missing, with progress.
cohort_ensure_relay_binaries() {
	local root
	root="$(cohort_relay_root)"
	if cohort_relay_binaries_in "$root/bin"; then
		export PATH="$root/bin:$PATH"
		return 0
	fi
	if cohort_relay_binaries_in ""; then
		return 0
	fi
	local profile_flag=() log="$root/build.log" started
	[ "${COHORT_RELAY_PROFILE:-release}" = debug ] && profile_flag=(--debug)
	mkdir -p "$root"
	started=$(date +%s)
	cohort_say "building the relay chain binaries ($COHORT_RELAY_CRATE, ${COHORT_RELAY_PROFILE:-release})"
	cohort_say "this is the long part: see the README for how long it takes here; log: $log"
	cohort_cargo_install "relay build" "$log" "$HOME/.cache/cohort-relay-target" \
		"${profile_flag[@]}" --root "$root" "$COHORT_RELAY_CRATE"
	if ! cohort_relay_binaries_in "$root/bin"; then
		tail -n 20 "$log" >&2
		cohort_fail "the relay chain build failed (full log: $log)"
	fi
	cohort_say "relay chain binaries built in $(( ($(date +%s) - started) / 60 )) min"
	export PATH="$root/bin:$PATH"
}

# zombienet from zombienet/'s lockfile.
cohort_ensure_zombienet() {
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
		cohort_ensure_debian_packages nodejs npm
	local dir="$COHORT_ROOT/zombienet"
	if [ ! -x "$dir/node_modules/.bin/zombienet" ] ||
		[ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		cohort_say "installing zombienet (npm ci)"
		(cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
	fi
	export PATH="$dir/node_modules/.bin:$PATH"
}

# The ports cohort-local.toml fixes (relay alice/bob, collators 1/2) must be free.
cohort_ensure_network_ports_free() {
	local port
	for port in 9900 9901 9944 9946; do
		if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			cohort_fail "port $port is in use (a dev node or another network?): stop it first"
		fi
	done
}

# Everything a local network needs: cohort-node, the relay binaries, zombienet.
cohort_network_setup() {
	cohort_setup
	cohort_ensure_e2e_client
	cohort_ensure_zombienet
	cohort_say "building cohort-node"
	(cd "$COHORT_ROOT" && cargo build -p cohort-node)
	export PATH="$CARGO_TARGET_DIR/debug:$PATH"
	cohort_ensure_relay_binaries
}
