//! A development node killed with SIGKILL mid-flow restarts with everything it finalized, and
//! a node given a base path it cannot use — corrupt, locked, not a directory, another chain's —
//! ends with one clear error line instead of a panic trace or, worse, running anyway.

mod common;

use common::{
	assert_script_passed, free_port, node_binary, output_within, run_e2e_script_within, DevNode,
};
use std::{
	os::unix::process::ExitStatusExt,
	path::{Path, PathBuf},
	process::{Command, Output},
	time::Duration,
};

const BLOCK_TIME_MS: u64 = 500;
const SCRIPT_DEADLINE: Duration = Duration::from_secs(180);

#[test]
fn a_node_killed_mid_flow_restarts_with_everything_it_finalized() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let state = base.path().join("crash-state.json");
	let state = state.to_str().expect("a UTF-8 path");

	let mut node = DevNode::start(base.path(), BLOCK_TIME_MS, "before-crash.log");
	let pid = node.pid().to_string();
	let output = run_e2e_script_within(
		"crash-restart.mjs",
		&["before-crash", "--ws", &node.ws_url(), "--state", state, "--kill-pid", &pid],
		SCRIPT_DEADLINE,
	);
	assert_script_passed(&output, &node, "before the crash");
	let status = node.wait_for_exit(Duration::from_secs(30));
	assert_eq!(status.signal(), Some(9), "the node was killed with SIGKILL, not {status}");

	let mut node = DevNode::start(base.path(), BLOCK_TIME_MS, "after-crash.log");
	let output = run_e2e_script_within(
		"crash-restart.mjs",
		&["after-restart", "--ws", &node.ws_url(), "--state", state],
		SCRIPT_DEADLINE,
	);
	assert_script_passed(&output, &node, "after the restart");
	node.stop();
}

#[test]
fn an_unusable_base_path_is_refused_in_one_line() {
	let base = tempfile::tempdir().expect("a temporary base path");
	let chain = base.path().join("chain");
	std::fs::create_dir(&chain).expect("a base path");
	let mut node = DevNode::start(&chain, BLOCK_TIME_MS, "node.log");
	let database = chain.join("chains/cohort_dev/db/full");

	// While the node runs, RocksDB's lock keeps a second node out.
	let locked = start_dev_node_on(&chain, &[]);
	assert_refused(&locked, &database, "While lock file: ");
	assert_refused(&locked, &database, "(is another node running on this base path?)");
	node.stop();

	// The database's files overwritten with garbage of the same size.
	let corrupt = copy_of(&chain, &base.path().join("corrupt"));
	for file in ["CURRENT", "MANIFEST-"] {
		overwrite_with_garbage(&corrupt.join("chains/cohort_dev/db/full"), file);
	}
	let output = start_dev_node_on(&corrupt, &[]);
	assert_refused(&output, &corrupt.join("chains/cohort_dev/db/full"), "Corruption: ");

	// A base path that is a file.
	let file = base.path().join("a-file");
	std::fs::write(&file, "not a directory").expect("a file");
	let output = start_dev_node_on(&file, &[]);
	assert_refused(
		&output,
		&file.join("chains/cohort_dev/db/full"),
		&format!("{} is not a directory", file.display()),
	);

	// Another chain: the local testnet's spec under the development chain's id, so that the node
	// opens the development chain's database with another genesis. Before, it ran on it.
	let spec = another_chain_claiming_the_dev_id(base.path());
	let output = start_dev_node_on(&chain, &["--chain", spec.to_str().expect("a UTF-8 path")]);
	let refusal = assert_refused(&output, &database, "it holds another chain (genesis 0x");
	assert!(
		refusal.contains("than the chain spec `Cohort Local Testnet` (genesis 0x"),
		"{refusal}"
	);
	assert!(refusal.contains("use another --base-path, or remove the database"), "{refusal}");
}

/// Runs `cohort-node` as a development node on `base_path` (with `--dev`, unless `extra`
/// names a chain) and returns its output once it ends.
fn start_dev_node_on(base_path: &Path, extra: &[&str]) -> Output {
	let mut command = Command::new(node_binary());
	if !extra.contains(&"--chain") {
		command.arg("--dev");
	}
	command
		.args(extra)
		.args(["--dev-block-time", &BLOCK_TIME_MS.to_string()])
		.args(["--no-prometheus", "--no-telemetry", "--no-hardware-benchmarks"])
		.args(["--rpc-port", &free_port().to_string(), "--port", &free_port().to_string()])
		.arg("--base-path")
		.arg(base_path);
	// A node that does not refuse the base path runs until killed: fail, don't hang.
	output_within(command, Duration::from_secs(120), "cohort-node on an unusable base path")
}

/// Asserts that the node ended with exit code 1 and exactly one line on stderr that is not a
/// log line, `Error: the database at <database> cannot be opened: …` containing `reason`, and
/// no panic or backtrace. Returns the line.
fn assert_refused(output: &Output, database: &Path, reason: &str) -> String {
	let stderr = String::from_utf8_lossy(&output.stderr);
	assert_eq!(output.status.code(), Some(1), "exit code 1 expected:\n{stderr}");
	for trace in ["panicked at", "Thread 'main' panicked", "stack backtrace", "This is a bug"] {
		assert!(!stderr.contains(trace), "`{trace}` in the output:\n{stderr}");
	}
	let not_logs: Vec<&str> = stderr.lines().filter(|line| !is_log_line(line)).collect();
	assert_eq!(not_logs.len(), 1, "one error line expected, got:\n{}", not_logs.join("\n"));
	let line = not_logs[0];
	let prefix = format!("Error: the database at {} cannot be opened: ", database.display());
	assert!(line.starts_with(&prefix), "`{line}` does not start with `{prefix}`");
	assert!(line.contains(reason), "`{line}` does not say `{reason}`");
	println!("refused: {line}");
	line.to_string()
}

/// A line of the node's log: `2026-11-22 05:27:13 …`.
fn is_log_line(line: &str) -> bool {
	let bytes = line.as_bytes();
	bytes.len() > 20
		&& bytes[4] == b'-'
		&& bytes[7] == b'-'
		&& bytes[13] == b':'
		&& bytes[16] == b':'
}

/// A copy of the directory `from` at `to`.
fn copy_of(from: &Path, to: &Path) -> PathBuf {
	let status = Command::new("cp").arg("-a").arg(from).arg(to).status().expect("cp runs");
	assert!(status.success(), "cp -a {} {}", from.display(), to.display());
	to.to_path_buf()
}

/// Overwrites the file of `directory` whose name starts with `prefix` with bytes that RocksDB
/// cannot read, keeping its size.
fn overwrite_with_garbage(directory: &Path, prefix: &str) {
	let entry = std::fs::read_dir(directory)
		.expect("the database directory")
		.filter_map(Result::ok)
		.find(|entry| entry.file_name().to_string_lossy().starts_with(prefix))
		.unwrap_or_else(|| panic!("no {prefix}* in {}", directory.display()));
	let size = entry.metadata().expect("metadata").len() as usize;
	let garbage: Vec<u8> = (0..size).map(|i| (i * 7919 % 251) as u8).collect();
	std::fs::write(entry.path(), garbage).expect("the file is overwritten");
}

/// The local testnet's chain spec with the development chain's id, written under `directory`.
fn another_chain_claiming_the_dev_id(directory: &Path) -> PathBuf {
	let output = common::run_node_command(&["build-spec", "--chain", "local"]);
	assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
	let mut spec: serde_json::Value =
		serde_json::from_slice(&output.stdout).expect("build-spec prints JSON");
	spec["id"] = "cohort_dev".into();
	let path = directory.join("another-chain.json");
	std::fs::write(&path, serde_json::to_vec(&spec).expect("JSON")).expect("the spec is written");
	path
}
