//! The command line.

use crate::chain_spec;
use clap::{CommandFactory, FromArgMatches};
use sc_cli::{
	ChainSpec, CliConfiguration, DefaultConfigurationValues, ImportParams, KeystoreParams,
	NetworkParams, RpcEndpoint, SharedParams, SubstrateCli,
};
use sc_service::{config::PrometheusConfig, BasePath};
use std::path::PathBuf;

/// Subcommands of `cohort-node`.
#[derive(Debug, clap::Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum Subcommand {
	/// Build a chain specification (`--chain dev|local|FILE`).
	BuildSpec(sc_cli::BuildSpecCmd),

	/// Validate blocks.
	CheckBlock(sc_cli::CheckBlockCmd),

	/// Export blocks.
	ExportBlocks(sc_cli::ExportBlocksCmd),

	/// Export the state of a given block into a chain spec.
	ExportState(sc_cli::ExportStateCmd),

	/// Import blocks.
	ImportBlocks(sc_cli::ImportBlocksCmd),

	/// Revert the chain to a previous state.
	Revert(sc_cli::RevertCmd),

	/// Remove the whole chain: the parachain's database and the embedded relay chain's.
	PurgeChain(cumulus_client_cli::PurgeChainCmd),

	/// Export the genesis head data of the parachain, for registering it on a relay chain.
	#[command(alias = "export-genesis-state")]
	ExportGenesisHead(cumulus_client_cli::ExportGenesisHeadCommand),

	/// Export the genesis wasm of the parachain, for registering it on a relay chain.
	ExportGenesisWasm(cumulus_client_cli::ExportGenesisWasmCommand),

	/// Benchmarks: `benchmark pallet` needs a build with `--features runtime-benchmarks`.
	#[command(subcommand)]
	Benchmark(frame_benchmarking_cli::BenchmarkCmd),

	/// Key management.
	#[command(subcommand)]
	Key(sc_cli::KeySubcommand),
}

const AFTER_HELP_EXAMPLE: &str = color_print::cstr!(
	r#"<bold><underline>Examples:</></>
   <bold>cohort-node --dev --base-path /tmp/cohort</>
           A one-node development chain on ws://127.0.0.1:9944, state kept in /tmp/cohort.
   <bold>cohort-node --dev --instant-seal</>
           The same, sealing a block as soon as a transaction arrives.
   <bold>cohort-node --collator --chain local -- --chain rococo-local.json</>
           A collator of para 1000; the arguments after `--` go to the embedded relay chain node.
 "#
);

/// The Cohort parachain node.
#[derive(Debug, clap::Parser)]
#[command(
	propagate_version = true,
	args_conflicts_with_subcommands = true,
	subcommand_negates_reqs = true,
	after_help = AFTER_HELP_EXAMPLE
)]
pub struct Cli {
	#[command(subcommand)]
	pub subcommand: Option<Subcommand>,

	#[command(flatten)]
	pub run: cumulus_client_cli::RunCmd,

	/// With `--dev`: milliseconds between blocks (default 3000).
	///
	/// The development chain seals a block on this timer, empty or not, and finalizes it at
	/// once, with a mocked relay chain.
	#[arg(long, value_name = "MILLISECONDS", conflicts_with = "instant_seal")]
	pub dev_block_time: Option<u64>,

	/// With `--dev`: seal a block as soon as a transaction arrives, instead of on a timer.
	#[arg(long)]
	pub instant_seal: bool,

	/// Do not run the hardware benchmarks at start-up.
	#[arg(long)]
	pub no_hardware_benchmarks: bool,

	/// Arguments for the embedded relay chain node, after `--`.
	#[arg(raw = true)]
	pub relay_chain_args: Vec<String>,
}

/// How the development chain seals blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DevSealMode {
	/// A block every so many milliseconds.
	Timer { block_time_ms: u64 },
	/// A block for each arriving transaction.
	Instant,
}

/// Block time of `--dev` when none is given.
pub const DEFAULT_DEV_BLOCK_TIME_MS: u64 = 3000;

impl Cli {
	/// The sealing mode, when this is a development chain.
	pub fn dev_seal_mode(&self, is_dev_chain: bool) -> Option<DevSealMode> {
		if self.instant_seal {
			Some(DevSealMode::Instant)
		} else if let Some(block_time_ms) = self.dev_block_time {
			Some(DevSealMode::Timer { block_time_ms })
		} else if is_dev_chain {
			Some(DevSealMode::Timer { block_time_ms: DEFAULT_DEV_BLOCK_TIME_MS })
		} else {
			None
		}
	}
}

impl SubstrateCli for Cli {
	fn impl_name() -> String {
		"Cohort Node".into()
	}

	fn impl_version() -> String {
		env!("SUBSTRATE_CLI_IMPL_VERSION").into()
	}

	fn description() -> String {
		format!(
			"The Cohort parachain node: patient data DAOs on Polkadot.\n\n\
			 Run a development chain with `{} --dev`, or a collator with\n\
			 `{} --collator [parachain-args] -- [relay-chain-args]`.",
			Self::executable_name(),
			Self::executable_name()
		)
	}

	fn author() -> String {
		env!("CARGO_PKG_AUTHORS").into()
	}

	fn support_url() -> String {
		"https://github.com/cohort-health/cohort/issues".into()
	}

	fn copyright_start_year() -> i32 {
		2026
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn ChainSpec>, String> {
		chain_spec::load(id)
	}
}

/// The embedded relay chain node's command line (the arguments after `--`).
#[derive(Debug)]
pub struct RelayChainCli {
	/// The relay chain node's own arguments.
	pub base: polkadot_cli::RunCmd,
	/// The relay chain spec named by the parachain's chain spec, if `--chain` is not given.
	pub chain_id: Option<String>,
	/// The relay chain's database lives under the parachain's base path.
	pub base_path: PathBuf,
}

impl RelayChainCli {
	/// Parses `relay_chain_args` for a parachain node configured as `para_config`.
	pub fn new<'a>(
		para_config: &sc_service::Configuration,
		relay_chain_args: impl Iterator<Item = &'a String>,
	) -> sc_cli::Result<Self> {
		let command = polkadot_cli::RunCmd::command().no_binary_name(true);
		let matches = command
			.try_get_matches_from(relay_chain_args)
			.map_err(|e| sc_cli::Error::Input(format!("relay chain arguments: {e}")))?;
		let base = polkadot_cli::RunCmd::from_arg_matches(&matches)
			.map_err(|e| sc_cli::Error::Input(format!("relay chain arguments: {e}")))?;
		let chain_id = chain_spec::Extensions::try_get(&*para_config.chain_spec)
			.map(|e| e.relay_chain.clone());
		let base_path = para_config.base_path.path().join("polkadot");
		Ok(Self { base, chain_id, base_path })
	}
}

impl SubstrateCli for RelayChainCli {
	fn impl_name() -> String {
		Cli::impl_name()
	}

	fn impl_version() -> String {
		Cli::impl_version()
	}

	fn description() -> String {
		Cli::description()
	}

	fn author() -> String {
		Cli::author()
	}

	fn support_url() -> String {
		Cli::support_url()
	}

	fn copyright_start_year() -> i32 {
		Cli::copyright_start_year()
	}

	fn load_spec(&self, id: &str) -> Result<Box<dyn ChainSpec>, String> {
		polkadot_cli::Cli::from_iter([Self::executable_name()].iter()).load_spec(id)
	}
}

impl DefaultConfigurationValues for RelayChainCli {
	fn p2p_listen_port() -> u16 {
		30334
	}

	fn rpc_listen_port() -> u16 {
		9945
	}

	fn prometheus_listen_port() -> u16 {
		9616
	}
}

impl CliConfiguration<Self> for RelayChainCli {
	fn shared_params(&self) -> &SharedParams {
		self.base.base.shared_params()
	}

	fn import_params(&self) -> Option<&ImportParams> {
		self.base.base.import_params()
	}

	fn network_params(&self) -> Option<&NetworkParams> {
		self.base.base.network_params()
	}

	fn keystore_params(&self) -> Option<&KeystoreParams> {
		self.base.base.keystore_params()
	}

	fn base_path(&self) -> sc_cli::Result<Option<BasePath>> {
		Ok(self
			.shared_params()
			.base_path()?
			.or_else(|| Some(self.base_path.clone().into())))
	}

	fn rpc_addr(&self, default_listen_port: u16) -> sc_cli::Result<Option<Vec<RpcEndpoint>>> {
		self.base.base.rpc_addr(default_listen_port)
	}

	fn prometheus_config(
		&self,
		default_listen_port: u16,
		chain_spec: &Box<dyn ChainSpec>,
	) -> sc_cli::Result<Option<PrometheusConfig>> {
		self.base.base.prometheus_config(default_listen_port, chain_spec)
	}

	fn init<F>(&self, _: &String, _: &String, _: F) -> sc_cli::Result<()>
	where
		F: FnOnce(&mut sc_cli::LoggerBuilder),
	{
		// The parachain's CLI initializes logging for the whole process.
		Ok(())
	}

	fn chain_id(&self, is_dev: bool) -> sc_cli::Result<String> {
		let chain_id = self.base.base.chain_id(is_dev)?;
		Ok(if chain_id.is_empty() { self.chain_id.clone().unwrap_or_default() } else { chain_id })
	}

	fn role(&self, is_dev: bool) -> sc_cli::Result<sc_service::Role> {
		self.base.base.role(is_dev)
	}

	fn transaction_pool(
		&self,
		is_dev: bool,
	) -> sc_cli::Result<sc_service::config::TransactionPoolOptions> {
		self.base.base.transaction_pool(is_dev)
	}

	fn trie_cache_maximum_size(&self) -> sc_cli::Result<Option<usize>> {
		self.base.base.trie_cache_maximum_size()
	}

	fn rpc_methods(&self) -> sc_cli::Result<sc_service::config::RpcMethods> {
		self.base.base.rpc_methods()
	}

	fn rpc_max_connections(&self) -> sc_cli::Result<u32> {
		self.base.base.rpc_max_connections()
	}

	fn rpc_cors(&self, is_dev: bool) -> sc_cli::Result<Option<Vec<String>>> {
		self.base.base.rpc_cors(is_dev)
	}

	fn default_heap_pages(&self) -> sc_cli::Result<Option<u64>> {
		self.base.base.default_heap_pages()
	}

	fn force_authoring(&self) -> sc_cli::Result<bool> {
		self.base.base.force_authoring()
	}

	fn disable_grandpa(&self) -> sc_cli::Result<bool> {
		self.base.base.disable_grandpa()
	}

	fn max_runtime_instances(&self) -> sc_cli::Result<Option<usize>> {
		self.base.base.max_runtime_instances()
	}

	fn announce_block(&self) -> sc_cli::Result<bool> {
		self.base.base.announce_block()
	}

	fn telemetry_endpoints(
		&self,
		chain_spec: &Box<dyn ChainSpec>,
	) -> sc_cli::Result<Option<sc_telemetry::TelemetryEndpoints>> {
		self.base.base.telemetry_endpoints(chain_spec)
	}

	fn node_name(&self) -> sc_cli::Result<String> {
		self.base.base.node_name()
	}
}
