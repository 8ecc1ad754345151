#!/usr/bin/env bash
# Builds `core`, `alloc` and `compiler_builtins` for wasm32v1-none into the sysroot of a rustup
# toolchain linked to Debian's rustc-web (setup.sh links it as `cohort-web`), once per compiler
# version.
#
# When it is needed: only where `rustup target add wasm32v1-none` cannot download the target
# (a machine that reaches the package registries but not rustup's servers). Debian ships
# rustc-web and the standard library's source (rust-web-src) but no prebuilt wasm32v1-none
# libraries, so they are built here from that source with -Zbuild-std. Elsewhere rustup's own
# target is used and this never runs.
#
# Usage: scripts/wasm-std.sh TOOLCHAIN
set -euo pipefail
toolchain="${1:?usage: wasm-std.sh TOOLCHAIN}"

sysroot="$(rustup run "$toolchain" rustc --print sysroot)"
libdir="$sysroot/lib/rustlib/wasm32v1-none/lib"
marker="$libdir/.cohort-$(rustup run "$toolchain" rustc --version | tr -cd '[:alnum:].')"
[ -f "$marker" ] && exit 0

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo -n "$@"; fi; }

echo "==> building core and alloc for wasm32v1-none from rust-web-src (once)" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/src"
cat >"$work/Cargo.toml" <<'TOML'
[package]
name = "cohort-wasm-std"
version = "0.0.0"
edition = "2021"

[lib]
path = "src/lib.rs"

[profile.release]
panic = "abort"
TOML
echo '#![no_std]' >"$work/src/lib.rs"
# Embedded bitcode: the runtime is linked with LTO, which needs it in core and alloc.
(cd "$work" && RUSTFLAGS="-C embed-bitcode=yes" RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$work/target" \
	rustup run "$toolchain" cargo build --quiet --release -Zbuild-std=core,alloc --target wasm32v1-none)
deps="$work/target/wasm32v1-none/release/deps"
as_root mkdir -p "$libdir"
as_root rm -f "$libdir"/*.rlib "$libdir"/.cohort-*
as_root cp "$deps"/libcore-*.rlib "$deps"/liballoc-*.rlib "$deps"/libcompiler_builtins-*.rlib "$libdir"/
as_root touch "$marker"
