//! Starting and stopping `cohort-node` processes for the end-to-end tests.

#![allow(dead_code)]

use std::{
	fs::File,
	io::Read,
	net::{TcpListener, TcpStream},
	path::{Path, PathBuf},
	process::{Child, Command, Output, Stdio},
	time::{Duration, Instant},
};

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

/// Runs `cohort-node` with `args` to completion.
pub fn run_node_command(args: &[&str]) -> Output {
	Command::new(node_binary()).args(args).output().expect("cohort-node runs")
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

/// Runs an end-to-end script of `e2e/` with Node.js; returns its output.
pub fn run_e2e_script(script: &str, args: &[&str]) -> Output {
	let e2e = repo_root().join("e2e");
	assert!(
		e2e.join("node_modules/@polkadot/api").is_dir(),
		"@polkadot/api is not installed: run ./scripts/test.sh (it runs `npm ci` in e2e/)"
	);
	Command::new("node")
		.arg(e2e.join(script))
		.args(args)
		.current_dir(&e2e)
		.output()
		.expect("Node.js runs (./scripts/test.sh installs it)")
}
