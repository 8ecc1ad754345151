#!/usr/bin/env bash
# Shared set-up for the scripts. Source it, then call `cohort_setup`. On failure a script that
# sourced it exits with one error line; an interactive shell that sourced it stays open.
#
# Installs what a build needs when it is missing, and is quiet when everything is there:
#   - Debian packages: clang, libclang-dev, protobuf-compiler, mold, pkg-config, libssl-dev;
#   - a Rust toolchain that can build the wasm runtime (target wasm32v1-none):
#       1. the rustup toolchain, when `rustup target add wasm32v1-none` works;
#       2. else Debian's rustc-web/cargo-web/rust-web-src/lld-22, linked as the rustup toolchain
#          `cohort-web`, with core/alloc/compiler_builtins for wasm32v1-none built once from
#          rust-web-src into its sysroot (scripts/wasm-std.sh); WASM_BUILD_TOOLCHAIN then
#          points at it.
#
# Environment:
#   CARGO_TARGET_DIR       where cargo builds (default: $HOME/.cache/cohort-target, outside the
#                          checkout, so that rebuilds and CI are incremental)
#   COHORT_WASM_TOOLCHAIN  `rustup` or `debian`: force one of the two ways above
#   COHORT_QUIET=1         no progress messages from this script

COHORT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export COHORT_ROOT
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/cohort-target}"
# The linked Debian toolchain's name.
COHORT_WEB_TOOLCHAIN=cohort-web

cohort_say() { [ "${COHORT_QUIET:-0}" = 1 ] || echo "==> $*" >&2; }
# One error line, then stop: the script that sourced this file exits; an interactive shell that
# sourced it only abandons the command (as Ctrl-C does) instead of closing.
cohort_fail() {
	echo "error: $*" >&2
	case $- in
	*i*) kill -INT $$ ;;
	*) exit 1 ;;
	esac
}

# Runs a command as root: directly, or through passwordless sudo.
cohort_as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
		sudo -n "$@"
	else
		return 1
	fi
}

cohort_apt_updated=0
# Installs the Debian packages named that are not installed yet.
cohort_ensure_debian_packages() {
	local missing=() package
	for package in "$@"; do
		dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
			missing+=("$package")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	if ! command -v apt-get >/dev/null 2>&1; then
		cohort_fail "missing packages: ${missing[*]}. This is not a Debian-like system: install" \
			"their equivalents with your package manager, then run this again."
	fi
	cohort_say "installing Debian packages: ${missing[*]}"
	export DEBIAN_FRONTEND=noninteractive
	if [ "$cohort_apt_updated" = 0 ]; then
		cohort_as_root apt-get update -qq >/dev/null ||
			cohort_fail "cannot run apt-get as root. Install them yourself:" \
				"sudo apt-get install ${missing[*]}"
		cohort_apt_updated=1
	fi
	cohort_as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null ||
		cohort_fail "apt-get could not install: ${missing[*]}. Install them yourself:" \
			"sudo apt-get install ${missing[*]}"
}

# The packages every build needs: a C toolchain for RocksDB and libclang for its bindings,
# protoc for libp2p, mold to link the node quickly.
cohort_ensure_build_packages() {
	if command -v dpkg-query >/dev/null 2>&1; then
		cohort_ensure_debian_packages clang libclang-dev protobuf-compiler mold pkg-config \
			libssl-dev make
	else
		local tool
		for tool in clang protoc mold; do
			command -v "$tool" >/dev/null 2>&1 ||
				cohort_fail "\`$tool\` is missing: install clang, protobuf-compiler and mold."
		done
	fi
}

cohort_ensure_rust() {
	command -v cargo >/dev/null 2>&1 && command -v rustup >/dev/null 2>&1 && return 0
	cohort_fail "Rust is missing: install rustup (https://rustup.rs) and a stable toolchain."
}

# Whether the default rustup toolchain can build for wasm32v1-none, installing the target
# (and rust-src, which is not strictly needed on Rust >= 1.84) when rustup can download it.
cohort_rustup_has_wasm() {
	if rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none; then
		return 0
	fi
	cohort_say "adding the wasm32v1-none target with rustup"
	timeout 120 rustup target add wasm32v1-none >/dev/null 2>&1 || return 1
	timeout 120 rustup component add rust-src >/dev/null 2>&1 || true
	rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none
}

# Debian's Rust, linked into rustup, with core/alloc built for wasm32v1-none.
cohort_setup_debian_wasm_toolchain() {
	cohort_ensure_debian_packages rustc-web cargo-web rust-web-src lld-22
	if ! rustup toolchain list | grep -q "^$COHORT_WEB_TOOLCHAIN"; then
		cohort_say "linking Debian's rustc-web as the rustup toolchain $COHORT_WEB_TOOLCHAIN"
		rustup toolchain link "$COHORT_WEB_TOOLCHAIN" /usr
	fi
	"$COHORT_ROOT/scripts/wasm-std.sh" "$COHORT_WEB_TOOLCHAIN" ||
		cohort_fail "could not build core/alloc for wasm32v1-none (see above)"
	export WASM_BUILD_TOOLCHAIN="$COHORT_WEB_TOOLCHAIN"
}

cohort_ensure_wasm_toolchain() {
	case "${COHORT_WASM_TOOLCHAIN:-auto}" in
	rustup)
		cohort_rustup_has_wasm || cohort_fail "rustup cannot add the wasm32v1-none target"
		unset WASM_BUILD_TOOLCHAIN
		;;
	debian) cohort_setup_debian_wasm_toolchain ;;
	auto)
		# Once Debian's toolchain is set up, keep using it rather than asking rustup again
		# (where rustup cannot download, each attempt would wait for its time-out).
		if ! rustup target list --installed 2>/dev/null | grep -qx wasm32v1-none &&
			rustup toolchain list 2>/dev/null | grep -q "^$COHORT_WEB_TOOLCHAIN"; then
			cohort_setup_debian_wasm_toolchain
		elif cohort_rustup_has_wasm; then
			unset WASM_BUILD_TOOLCHAIN
		else
			cohort_say "rustup cannot add wasm32v1-none here; using Debian's rustc-web instead"
			cohort_setup_debian_wasm_toolchain
		fi
		;;
	*) cohort_fail "COHORT_WASM_TOOLCHAIN must be rustup or debian" ;;
	esac
}

# Everything a build needs.
cohort_setup() {
	cohort_ensure_rust
	cohort_ensure_build_packages
	cohort_ensure_wasm_toolchain
	mkdir -p "$CARGO_TARGET_DIR"
}

# The end-to-end client: Node.js and @polkadot/api from e2e/'s lockfile.
cohort_ensure_e2e_client() {
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
		cohort_ensure_debian_packages nodejs npm
	if [ ! -d "$COHORT_ROOT/e2e/node_modules" ] ||
		[ "$COHORT_ROOT/e2e/package-lock.json" -nt "$COHORT_ROOT/e2e/node_modules/.package-lock.json" ]; then
		cohort_say "installing the end-to-end client (npm ci)"
		(cd "$COHORT_ROOT/e2e" && npm ci --no-audit --no-fund --loglevel=error)
	fi
}

# The portal (portal/): its npm packages from the lockfile, and a build when a source is newer
# than it. `$1` = `with-browser` adds Debian's Chromium, which its browser test drives.
cohort_ensure_portal() {
	local portal="$COHORT_ROOT/portal"
	command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 ||
		cohort_ensure_debian_packages nodejs npm
	[ "${1:-}" != with-browser ] || cohort_ensure_debian_packages chromium
	if [ ! -d "$portal/node_modules" ] ||
		[ "$portal/package-lock.json" -nt "$portal/node_modules/.package-lock.json" ]; then
		cohort_say "installing the portal's npm packages (npm ci)"
		(cd "$portal" && npm ci --no-audit --no-fund --loglevel=error)
	fi
	if [ ! -f "$portal/dist/index.html" ] ||
		[ -n "$(find "$portal/src" "$portal/index.html" "$portal/vite.config.ts" "$portal/package-lock.json" \
			-newer "$portal/dist/index.html" -print -quit)" ]; then
		cohort_say "building the portal (npm run build)"
		local build_log
		build_log="$(mktemp)"
		if ! (cd "$portal" && npm run --silent build) >"$build_log" 2>&1; then
			tail -n 20 "$build_log" >&2
			cohort_fail "the portal's build failed (see above; run: npm --prefix portal run build)"
		fi
		rm -f "$build_log"
	fi
}

# `cargo install --locked ARGS…` in TARGET_DIR, its output in LOG, showing a count of the crates
# compiled every 25 (cargo prints one `Compiling` line each) and the errors. The caller checks
# that what it wanted was installed.
#   cohort_cargo_install LABEL LOG TARGET_DIR ARGS…
cohort_cargo_install() {
	local label="$1" log="$2" target_dir="$3" compiled=0 line started
	shift 3
	started=$(date +%s)
	{ CARGO_TARGET_DIR="$target_dir" cargo install --locked "$@" 2>&1 || true; } |
		tee "$log" |
		while IFS= read -r line; do
			case "$line" in
			*" Compiling "*)
				compiled=$((compiled + 1))
				[ $((compiled % 25)) -eq 0 ] && cohort_say "$label: $compiled crates compiled," \
					"$((($(date +%s) - started) / 60)) min"
				;;
			error*) echo "$line" >&2 ;;
			esac
		done
}

# The node binary the scripts build and run.
cohort_node_binary() { echo "$CARGO_TARGET_DIR/debug/cohort-node"; }
