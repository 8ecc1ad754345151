//! What each command-line invocation does.

use crate::{
	cli::{Cli, RelayChainCli, Subcommand},
	dev_chain,
	service::{self, ImportVerification},
};
use cohort_runtime::opaque::Block;
use cumulus_client_service::storage_proof_size::HostFunctions as ReclaimHostFunctions;
use frame_benchmarking_cli::{BenchmarkCmd, SUBSTRATE_REFERENCE_HARDWARE};
use log::info;
use sc_cli::{Result, SubstrateCli};
use sc_service::{config::RpcMethods, Configuration, PartialComponents, TaskManager};
use sp_runtime::traits::HashingFor;

/// Parses the command line and runs it.
pub fn run() -> Result<()> {
	let cli = Cli::from_args();

	match &cli.subcommand {
		Some(Subcommand::BuildSpec(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| cmd.run(config.chain_spec, config.network))
		},
		Some(Subcommand::CheckBlock(cmd)) => with_partial(&cli, cmd, |service, _| {
			Ok((cmd.run(service.client, service.import_queue), service.task_manager))
		}),
		Some(Subcommand::ExportBlocks(cmd)) => with_partial(&cli, cmd, |service, config| {
			Ok((cmd.run(service.client, config.database), service.task_manager))
		}),
		Some(Subcommand::ExportState(cmd)) => with_partial(&cli, cmd, |service, config| {
			Ok((cmd.run(service.client, config.chain_spec), service.task_manager))
		}),
		Some(Subcommand::ImportBlocks(cmd)) => with_partial(&cli, cmd, |service, _| {
			Ok((cmd.run(service.client, service.import_queue), service.task_manager))
		}),
		Some(Subcommand::Revert(cmd)) => with_partial(&cli, cmd, |service, _| {
			Ok((cmd.run(service.client, service.backend, None), service.task_manager))
		}),
		Some(Subcommand::PurgeChain(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			let polkadot_cli = RelayChainCli::new(runner.config(), cli.relay_chain_args.iter())?;
			runner.sync_run(|config| {
				let polkadot_config = SubstrateCli::create_configuration(
					&polkadot_cli,
					&polkadot_cli,
					config.tokio_handle.clone(),
				)
				.map_err(|err| format!("relay chain arguments: {err}"))?;
				cmd.run(config, polkadot_config)
			})
		},
		Some(Subcommand::ExportGenesisHead(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|config| {
				let PartialComponents { client, .. } =
					service::new_partial(&config, ImportVerification::Aura)?;
				cmd.run(client)
			})
		},
		Some(Subcommand::ExportGenesisWasm(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			runner.sync_run(|_config| {
				let spec = cli.load_spec(&cmd.shared_params.chain.clone().unwrap_or_default())?;
				cmd.run(&*spec)
			})
		},
		Some(Subcommand::Benchmark(cmd)) => {
			let runner = cli.create_runner(cmd)?;
			match cmd {
				// Runs the benchmarks of a runtime built with `runtime-benchmarks`: the one given
				// by `--runtime` (scripts/benchmark.sh builds it), or this node's with the feature.
				BenchmarkCmd::Pallet(cmd) => runner.sync_run(|config| {
					cmd.run_with_spec::<HashingFor<Block>, ReclaimHostFunctions>(Some(
						config.chain_spec,
					))
				}),
				BenchmarkCmd::Block(cmd) => runner.sync_run(|config| {
					let PartialComponents { client, .. } =
						service::new_partial(&config, ImportVerification::Aura)?;
					cmd.run(client)
				}),
				BenchmarkCmd::Machine(cmd) => {
					runner.sync_run(|config| cmd.run(&config, SUBSTRATE_REFERENCE_HARDWARE.clone()))
				},
				// The database weights: reads and writes on this node's RocksDB (a node built
				// with `runtime-benchmarks`, whose client exposes its database).
				#[cfg(feature = "runtime-benchmarks")]
				BenchmarkCmd::Storage(cmd) => runner.sync_run(|config| {
					let PartialComponents { client, backend, .. } =
						service::new_partial(&config, ImportVerification::Aura)?;
					cmd.run(
						config,
						client,
						backend.expose_db(),
						backend.expose_storage(),
						backend.expose_shared_trie_cache(),
					)
				}),
				#[cfg(not(feature = "runtime-benchmarks"))]
				BenchmarkCmd::Storage(_) => Err("`benchmark storage` needs a cohort-node built with \
					`--features runtime-benchmarks` (scripts/benchmark.sh storage builds one)"
					.into()),
				#[allow(unreachable_patterns)]
				_ => Err("this benchmark subcommand is not supported by cohort-node".into()),
			}
		},
		Some(Subcommand::Key(cmd)) => cmd.run(&cli),
		None => run_node(cli),
	}
}

/// Runs one of the block and state subcommands over the node's client, database and import
/// queue: they differ only in what they do with them.
fn with_partial<Cmd, Fut>(
	cli: &Cli,
	cmd: &Cmd,
	run: impl FnOnce(service::Service, Configuration) -> Result<(Fut, TaskManager)>,
) -> Result<()>
where
	Cmd: sc_cli::CliConfiguration,
	Fut: std::future::Future<Output = Result<()>>,
{
	let runner = cli.create_runner(cmd)?;
	runner.async_run(|config| {
		let service = service::new_partial(&config, ImportVerification::Aura)?;
		run(service, config)
	})
}

/// Runs the node: a development chain with `--dev` (or a seal flag), else a parachain node.
fn run_node(cli: Cli) -> Result<()> {
	let runner = cli.create_runner(&cli.run.normalize())?;
	refuse_public_unsafe_rpc(runner.config(), cli.run.base.rpc_params.unsafe_rpc_external)?;
	let collator_options = cli.run.collator_options();
	let is_dev_chain =
		runner.config().chain_spec.chain_type() == sc_chain_spec::ChainType::Development;
	let dev_seal_mode = cli.dev_seal_mode(is_dev_chain);

	if let Some(mode) = dev_seal_mode {
		return runner.run_node_until_exit(|mut config| async move {
			insist_on_rpc_ports(&mut config);
			info!("🧪 Development chain: {mode:?}, mocked relay chain, instant finality");
			dev_chain::start_dev_node(config, mode).map_err(sc_cli::Error::Service)
		});
	}

	let polkadot_cli = RelayChainCli::new(runner.config(), cli.relay_chain_args.iter())?;
	runner.run_node_until_exit(|mut config| async move {
		insist_on_rpc_ports(&mut config);
		let hwbench = (!cli.no_hardware_benchmarks)
			.then(|| {
				config.database.path().map(|database_path| {
					let _ = std::fs::create_dir_all(database_path);
					sc_sysinfo::gather_hwbench(Some(database_path), &SUBSTRATE_REFERENCE_HARDWARE)
				})
			})
			.flatten();

		let polkadot_config = SubstrateCli::create_configuration(
			&polkadot_cli,
			&polkadot_cli,
			config.tokio_handle.clone(),
		)
		.map_err(|err| format!("relay chain arguments: {err}"))?;

		info!("✍️ Is collating: {}", if config.role.is_authority() { "yes" } else { "no" });

		service::start_parachain_node::<sc_network::NetworkWorker<_, _>>(
			config,
			polkadot_config,
			collator_options,
			hwbench,
		)
		.await
		.map_err(Into::into)
	})
}

/// Refuses to serve unsafe RPC methods (`author_insertKey`, `author_rotateKeys`,
/// `system_addReservedPeer`, …) on a non-loopback address: anyone reaching the port could
/// replace a collator's keys or steer its networking. Substrate only warns; an operator who
/// filters the methods with a proxy says so explicitly with `--unsafe-rpc-external`.
fn refuse_public_unsafe_rpc(config: &Configuration, explicitly_allowed: bool) -> Result<()> {
	if explicitly_allowed {
		return Ok(());
	}
	let public_unsafe = config.rpc.addr.iter().flatten().find(|endpoint| {
		matches!(endpoint.rpc_methods, RpcMethods::Unsafe)
			&& !endpoint.listen_addr.ip().is_loopback()
	});
	match public_unsafe {
		Some(endpoint) => Err(sc_cli::Error::Input(format!(
			"refusing to serve unsafe RPC methods on the public address {}: use \
			 `--rpc-methods safe`, or `--unsafe-rpc-external` if a proxy filters the methods",
			endpoint.listen_addr
		))),
		None => Ok(()),
	}
}

/// Makes the RPC server fail when its port is taken, instead of moving to a random port: a
/// client (Polkadot.js Apps, a dapp) expects the port it was told.
fn insist_on_rpc_ports(config: &mut sc_service::Configuration) {
	for endpoint in config.rpc.addr.iter_mut().flatten() {
		endpoint.retry_random_port = false;
	}
}

/// A one-line description of `error` for the user.
pub fn describe(error: &sc_cli::Error) -> String {
	let text = match error {
		sc_cli::Error::Input(message) => message.clone(),
		other => other.to_string(),
	};
	let text = text.replace('\n', " ");
	if text.contains("Address already in use") || text.contains("os error 98") {
		format!("{text} (another node may be running; pick other ports with --rpc-port/--port)")
	} else {
		text
	}
}
