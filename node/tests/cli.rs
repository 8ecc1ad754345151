//! The command line: chain specs, and bad input answered with one line and a non-zero exit.

mod common;

use common::{free_port, run_node_command};
use std::net::TcpListener;

/// Asserts a failed run that explains itself in one line, without a panic trace.
fn assert_one_line_failure(output: &std::process::Output, expected: &str) {
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert!(!output.status.success(), "expected a failure, got success: {stderr}");
	assert!(!stderr.contains("panicked"), "a panic instead of an error: {stderr}");
	let error_lines: Vec<&str> = stderr.lines().filter(|l| l.starts_with("Error: ")).collect();
	assert_eq!(error_lines.len(), 1, "one error line expected in: {stderr}");
	assert!(
		error_lines[0].to_lowercase().contains(expected),
		"`{}` does not mention `{expected}`",
		error_lines[0]
	);
}

#[test]
fn an_unknown_chain_is_refused_in_one_line() {
	let output = run_node_command(&["--chain", "no-such-chain", "--no-hardware-benchmarks"]);
	assert_one_line_failure(&output, "unknown chain `no-such-chain`");
}

#[test]
fn a_busy_rpc_port_is_refused_in_one_line() {
	let listener = TcpListener::bind("127.0.0.1:0").expect("a port");
	let busy = listener.local_addr().expect("an address").port().to_string();
	let base = tempfile::tempdir().expect("a temporary base path");
	let output = run_node_command(&[
		"--dev",
		"--no-prometheus",
		"--no-hardware-benchmarks",
		"--rpc-port",
		&busy,
		"--port",
		&free_port().to_string(),
		"--base-path",
		base.path().to_str().expect("a UTF-8 path"),
	]);
	assert_one_line_failure(&output, "address already in use");
}

#[test]
fn build_spec_describes_the_dev_and_local_chains() {
	for (chain, name, chain_type) in
		[("dev", "Cohort Development", "Development"), ("local", "Cohort Local Testnet", "Local")]
	{
		let output = run_node_command(&["build-spec", "--chain", chain]);
		assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
		let spec: serde_json::Value =
			serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
		assert_eq!(spec["name"], name);
		assert_eq!(spec["chainType"], chain_type);
		assert_eq!(spec["para_id"], 1000);
		assert_eq!(spec["relay_chain"], "rococo-local");
		assert_eq!(spec["properties"]["tokenSymbol"], "COH");
	}
}

#[test]
fn export_genesis_wasm_prints_the_runtime() {
	let output = run_node_command(&["export-genesis-wasm", "--chain", "dev"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let hex = String::from_utf8_lossy(&output.stdout);
	assert!(hex.starts_with("0x"), "hex-encoded wasm expected");
	assert!(hex.trim().len() > 100_000, "a whole runtime expected");
}

#[test]
fn export_genesis_head_prints_the_local_chains_genesis_head() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let output = run_node_command(&[
		"export-genesis-head",
		"--chain",
		"local",
		"--base-path",
		base.path().to_str().expect("a UTF-8 path"),
	]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let hex = String::from_utf8_lossy(&output.stdout);
	assert!(hex.starts_with("0x"), "hex-encoded head data expected: {hex}");
	// A parachain header: parent hash, number, state root, extrinsics root, digest.
	assert!(hex.trim().len() > 2 + 2 * 32 * 3, "a whole header expected: {hex}");
}

#[test]
fn the_local_chains_validation_code_fits_the_relay_chain() {
	let output = run_node_command(&["export-genesis-wasm", "--chain", "local"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let hex = String::from_utf8_lossy(&output.stdout);
	let code = hex.trim().trim_start_matches("0x");
	let code_size = code.len() / 2;
	// The relay chain refuses a registration (or an upgrade) whose code exceeds its
	// `max_code_size`; rococo-local's genesis sets it to `MAX_CODE_SIZE`.
	assert!(
		code_size < polkadot_primitives::MAX_CODE_SIZE as usize,
		"validation code of {code_size} bytes exceeds max_code_size {}",
		polkadot_primitives::MAX_CODE_SIZE
	);
	assert!(code_size > 100_000, "a whole runtime expected, got {code_size} bytes");
	println!(
		"validation code: {code_size} bytes (max_code_size {})",
		polkadot_primitives::MAX_CODE_SIZE
	);
}

#[test]
fn the_local_chain_spec_builds_raw_with_its_para_id() {
	let output = run_node_command(&[
		"build-spec",
		"--chain",
		"local",
		"--raw",
		"--disable-default-bootnode",
	]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	assert_eq!(spec["para_id"], 1000);
	assert_eq!(spec["relay_chain"], "rococo-local");
	let raw = spec["genesis"]["raw"]["top"].as_object().expect("a raw genesis");
	// `:code` is the runtime the relay chain will validate blocks with.
	assert!(raw.contains_key("0x3a636f6465"), "the raw genesis holds :code");
}

#[test]
fn unsafe_rpc_methods_on_a_public_interface_are_refused_in_one_line() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let output = run_node_command(&[
		"--dev",
		"--no-prometheus",
		"--no-hardware-benchmarks",
		"--rpc-external",
		"--rpc-methods",
		"unsafe",
		"--rpc-port",
		&free_port().to_string(),
		"--port",
		&free_port().to_string(),
		"--base-path",
		base.path().to_str().expect("a UTF-8 path"),
	]);
	assert_one_line_failure(&output, "refusing to serve unsafe rpc methods on the public address");
}
