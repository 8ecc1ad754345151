//! Starting and stopping `cohort-node` processes for the end-to-end tests.

#![allow(dead_code)]

use std::{
	fs::File,
	io::Read,
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, ExitStatus, Output, Stdio},
	time::{Duration, Instant},
};

/// How long an end-to-end script may run unless its test says otherwise: a hang fails the test
/// instead of stalling CI.
pub const E2E_SCRIPT_DEADLINE: Duration = Duration::from_secs(10 * 60);

/// How long a `cohort-node` command that should end by itself may run.
pub const NODE_COMMAND_DEADLINE: Duration = Duration::from_secs(3 * 60);

/// The node binary cargo built for these tests.
pub fn node_binary() -> PathBuf {
	PathBuf::from(env!("CARGO_BIN_EXE_cohort-node"))
}

/// The repository's root.
pub fn repo_root() -> PathBuf {
	Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A TCP port nobody listens on right now.
pub fn free_port() -> u16 {
	TcpListener::bind("127.0.0.1:0")
		.and_then(|listener| listener.local_addr())
		.map(|address| address.port())
		.expect("a free port")
}

/// Runs `cohort-node` with `args` to completion (failing the test after
/// [`NODE_COMMAND_DEADLINE`]).
pub fn run_node_command(args: &[&str]) -> Output {
	let mut command = Command::new(node_binary());
	command.args(args);
	output_within(command, NODE_COMMAND_DEADLINE, "cohort-node")
}

/// Runs `command` to completion and returns its output; kills it and fails the test if it runs
/// longer than `deadline`, showing what it printed so far.
pub fn output_within(mut command: Command, deadline: Duration, what: &str) -> Output {
	let mut child = command
		.stdin(Stdio::null())
		.stdout(Stdio::piped())
		.stderr(Stdio::piped())
		.spawn()
		.unwrap_or_else(|error| panic!("{what} does not start: {error}"));
	// Read both pipes while the child runs, so that a chatty child never blocks on a full pipe.
	let stdout = read_in_background(child.stdout.take());
	let stderr = read_in_background(child.stderr.take());
	let status = wait_within(&mut child, deadline);
	let output = Output {
		status: status.unwrap_or_else(|| {
			let _ = child.kill();
			child.wait().expect("the killed child is reaped")
		}),
		stdout: stdout.join().unwrap_or_default(),
		stderr: stderr.join().unwrap_or_default(),
	};
	if status.is_none() {
		panic!(
			"{what} did not finish within {deadline:?}; killed. Its output:\n{}\n{}",
			String::from_utf8_lossy(&output.stdout),
			String::from_utf8_lossy(&output.stderr)
		);
	}
	output
}

fn read_in_background(
	pipe: Option<impl Read + Send + 'static>,
) -> std::thread::JoinHandle<Vec<u8>> {
	std::thread::spawn(move || {
		let mut bytes = Vec::new();
		if let Some(mut pipe) = pipe {
			let _ = pipe.read_to_end(&mut bytes);
		}
		bytes
	})
}

/// The child's exit status, or `None` if it is still running after `deadline`.
fn wait_within(child: &mut Child, deadline: Duration) -> Option<ExitStatus> {
	let start = Instant::now();
	loop {
		if let Ok(Some(status)) = child.try_wait() {
			return Some(status);
		}
		if start.elapsed() >= deadline {
			return None;
		}
		std::thread::sleep(Duration::from_millis(50));
	}
}

/// The resident memory of process `pid`, in bytes (`VmRSS` of `/proc/<pid>/status`).
pub fn resident_memory(pid: u32) -> u64 {
	let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
		.unwrap_or_else(|error| panic!("/proc/{pid}/status: {error}"));
	let kib: u64 = status
		.lines()
		.find_map(|line| line.strip_prefix("VmRSS:"))
		.and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
		.expect("a VmRSS line in kB");
	kib * 1024
}

/// A running `cohort-node --dev`, stopped (gracefully) when dropped.
pub struct DevNode {
	child: Option<Child>,
	pub rpc_port: u16,
	pub log_path: PathBuf,
}

impl DevNode {
	/// Starts a development node on free ports, its state under `base_path`, sealing a block
	/// every `block_time_ms`; returns once its RPC port accepts connections.
	pub fn start(base_path: &Path, block_time_ms: u64, log_name: &str) -> Self {
		let rpc_port = free_port();
		let p2p_port = free_port();
		let log_path = base_path.join(log_name);
		let log = File::create(&log_path).expect("a log file");
		let child = Command::new(node_binary())
			.args(["--dev", "--no-prometheus", "--no-telemetry", "--no-hardware-benchmarks"])
			.args(["--dev-block-time", &block_time_ms.to_string()])
			.args(["--rpc-port", &rpc_port.to_string(), "--port", &p2p_port.to_string()])
			.arg("--base-path")
			.arg(base_path)
			.stdout(Stdio::null())
			.stderr(log)
			.spawn()
			.expect("cohort-node starts");
		let mut node = Self { child: Some(child), rpc_port, log_path };
		node.wait_for_rpc(Duration::from_secs(180));
		node
	}

	pub fn ws_url(&self) -> String {
		format!("ws://127.0.0.1:{}", self.rpc_port)
	}

	/// The node's process id (0 once it has been stopped).
	pub fn pid(&self) -> u32 {
		self.child.as_ref().map_or(0, Child::id)
	}

	/// Waits for the node to exit by itself (or by a signal someone else sent) and returns how
	/// it ended; fails the test if it is still running after `deadline`.
	pub fn wait_for_exit(&mut self, deadline: Duration) -> ExitStatus {
		let mut child = self.child.take().expect("a running node");
		match wait_within(&mut child, deadline) {
			Some(status) => status,
			None => {
				let _ = child.kill();
				let _ = child.wait();
				panic!("cohort-node did not exit within {deadline:?}:\n{}", self.log_tail());
			},
		}
	}

	fn wait_for_rpc(&mut self, timeout: Duration) {
		let start = Instant::now();
		while start.elapsed() < timeout {
			if let Some(child) = self.child.as_mut() {
				if let Ok(Some(status)) = child.try_wait() {
					panic!("cohort-node exited early ({status}):\n{}", self.log_tail());
				}
			}
			if TcpStream::connect(("127.0.0.1", self.rpc_port)).is_ok() {
				return;
			}
			std::thread::sleep(Duration::from_millis(200));
		}
		panic!("cohort-node's RPC did not open within {timeout:?}:\n{}", self.log_tail());
	}

	/// The end of the node's log, for failure messages.
	pub fn log_tail(&self) -> String {
		let mut text = String::new();
		if let Ok(mut file) = File::open(&self.log_path) {
			let _ = file.read_to_string(&mut text);
		}
		let lines: Vec<&str> = text.lines().collect();
		lines[lines.len().saturating_sub(40)..].join("\n")
	}

	/// Stops the node as Ctrl-C would, and waits for it to exit.
	pub fn stop(&mut self) {
		let Some(mut child) = self.child.take() else {
			return;
		};
		let _ = Command::new("kill").args(["-INT", &child.id().to_string()]).status();
		let start = Instant::now();
		while start.elapsed() < Duration::from_secs(60) {
			if let Ok(Some(_)) = child.try_wait() {
				return;
			}
			std::thread::sleep(Duration::from_millis(100));
		}
		let _ = child.kill();
		let _ = child.wait();
		panic!("cohort-node did not stop on SIGINT within 60 s:\n{}", self.log_tail());
	}
}

impl Drop for DevNode {
	fn drop(&mut self) {
		if let Some(mut child) = self.child.take() {
			let _ = child.kill();
			let _ = child.wait();
		}
	}
}

/// Runs an end-to-end script of `e2e/` with Node.js; returns its output. Fails the test if the
/// script runs longer than [`E2E_SCRIPT_DEADLINE`].
pub fn run_e2e_script(script: &str, args: &[&str]) -> Output {
	run_e2e_script_within(script, args, E2E_SCRIPT_DEADLINE)
}

/// [`run_e2e_script`] with a deadline of its own.
pub fn run_e2e_script_within(script: &str, args: &[&str], deadline: Duration) -> Output {
	let e2e = repo_root().join("e2e");
	assert!(
		e2e.join("node_modules/@polkadot/api").is_dir(),
		"@polkadot/api is not installed: run ./scripts/test.sh (it runs `npm ci` in e2e/)"
	);
	let mut command = Command::new("node");
	command.arg(e2e.join(script)).args(args).current_dir(&e2e);
	output_within(command, deadline, script)
}

/// Fails the test with the script's output and the node's log unless the script succeeded;
/// prints its progress lines either way.
pub fn assert_script_passed(output: &Output, node: &DevNode, what: &str) {
	let stdout = String::from_utf8_lossy(&output.stdout);
	let stderr = String::from_utf8_lossy(&output.stderr);
	println!("{what}:\n{stdout}");
	assert!(
		output.status.success(),
		"{what} failed: {stderr}\n{stdout}\n--- node log ---\n{}",
		node.log_tail()
	);
}
