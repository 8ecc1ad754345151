//! The node's services: the client, the database, the transaction pool, networking, RPC and
//! block authoring — as a collator beside a relay chain, or alone as a development chain.

use crate::{cli::DevSealMode, rpc};
use codec::Encode;
use cohort_runtime::{
	apis::RuntimeApi,
	opaque::{Block, Header},
};
use cumulus_client_cli::CollatorOptions;
use cumulus_client_collator::service::CollatorService;
use cumulus_client_consensus_aura::collators::lookahead::{self as aura, Params as AuraParams};
use cumulus_client_consensus_common::ParachainBlockImport as TParachainBlockImport;
use cumulus_client_parachain_inherent::MockValidationDataInherentDataProvider;
use cumulus_client_service::{
	build_network, build_relay_chain_interface, prepare_node_config, start_relay_chain_tasks,
	BuildNetworkParams, DARecoveryProfile, StartRelayChainTasksParams,
};
use cumulus_primitives_core::{
	relay_chain::{CollatorPair, ValidationCode},
	CollectCollationInfo, GetParachainInfo, ParaId,
};
use cumulus_relay_chain_interface::{OverseerHandle, RelayChainInterface};
use polkadot_primitives::UpgradeGoAhead;
use prometheus_endpoint::Registry;
use sc_consensus::{DefaultImportQueue, ImportQueue, LongestChain};
use sc_consensus_manual_seal::consensus::aura::AuraConsensusDataProvider;
use sc_executor::{HeapAllocStrategy, WasmExecutor, DEFAULT_HEAP_ALLOC_STRATEGY};
use sc_network::{
	config::FullNetworkConfiguration, NetworkBackend, NetworkBlock, NotificationMetrics,
};
use sc_service::{Configuration, PartialComponents, TFullBackend, TFullClient, TaskManager};
use sc_telemetry::{Telemetry, TelemetryHandle, TelemetryWorker, TelemetryWorkerHandle};
use sc_transaction_pool::TransactionPoolHandle;
use sp_api::ProvideRuntimeApi;
use sp_keystore::KeystorePtr;
use sp_runtime::traits::Header as _;
use std::{sync::Arc, time::Duration};

/// Host functions the runtime may call.
#[cfg(not(feature = "runtime-benchmarks"))]
pub type HostFunctions = cumulus_client_service::ParachainHostFunctions;
/// Host functions the runtime may call, with the benchmarking ones.
#[cfg(feature = "runtime-benchmarks")]
pub type HostFunctions = (
	cumulus_client_service::ParachainHostFunctions,
	frame_benchmarking::benchmarking::HostFunctions,
);

/// Executes the runtime's wasm.
pub type ParachainExecutor = WasmExecutor<HostFunctions>;
/// The client: blocks, state and runtime calls.
pub type ParachainClient = TFullClient<Block, RuntimeApi, ParachainExecutor>;
/// The database backend (RocksDB or ParityDB under the base path).
pub type ParachainBackend = TFullBackend<Block>;
/// Imports blocks, keeping the unincluded segment of parachain blocks in mind.
pub type ParachainBlockImport =
	TParachainBlockImport<Block, Arc<ParachainClient>, ParachainBackend>;
/// The transaction pool.
pub type TransactionPool = TransactionPoolHandle<Block, ParachainClient>;

/// What both the collator and the development chain are built from.
pub type Service = PartialComponents<
	ParachainClient,
	ParachainBackend,
	(),
	DefaultImportQueue<Block>,
	TransactionPool,
	(ParachainBlockImport, Option<Telemetry>, Option<TelemetryWorkerHandle>),
>;

/// The relay chain's slot duration; Cohort builds one block per relay slot.
const RELAY_CHAIN_SLOT_DURATION: Duration = Duration::from_secs(6);

/// How blocks are checked on import.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ImportVerification {
	/// Aura seals are verified (collators and full nodes).
	Aura,
	/// Blocks are trusted (the development chain seals its own).
	ManualSeal,
}

/// Builds the client, backend, transaction pool and import queue.
pub fn new_partial(
	config: &Configuration,
	verification: ImportVerification,
) -> Result<Service, sc_service::Error> {
	let telemetry = config
		.telemetry_endpoints
		.clone()
		.filter(|endpoints| !endpoints.is_empty())
		.map(|endpoints| -> Result<_, sc_telemetry::Error> {
			let worker = TelemetryWorker::new(16)?;
			let telemetry = worker.handle().new_telemetry(endpoints);
			Ok((worker, telemetry))
		})
		.transpose()?;

	let heap_pages = config
		.executor
		.default_heap_pages
		.map_or(DEFAULT_HEAP_ALLOC_STRATEGY, |h| HeapAllocStrategy::Static { extra_pages: h as _ });

	let executor = ParachainExecutor::builder()
		.with_execution_method(config.executor.wasm_method)
		.with_max_runtime_instances(config.executor.max_runtime_instances)
		.with_runtime_cache_size(config.executor.runtime_cache_size)
		.with_onchain_heap_alloc_strategy(heap_pages)
		.with_offchain_heap_alloc_strategy(heap_pages)
		.build();

	let (client, backend, keystore_container, task_manager) =
		sc_service::new_full_parts_record_import::<Block, RuntimeApi, _>(
			config,
			telemetry.as_ref().map(|(_, telemetry)| telemetry.handle()),
			executor,
			true,
			Default::default(),
		)?;
	let client = Arc::new(client);

	let telemetry_worker_handle = telemetry.as_ref().map(|(worker, _)| worker.handle());
	let telemetry = telemetry.map(|(worker, telemetry)| {
		task_manager.spawn_handle().spawn("telemetry", None, worker.run());
		telemetry
	});

	let transaction_pool = Arc::from(
		sc_transaction_pool::Builder::new(
			task_manager.spawn_essential_handle(),
			client.clone(),
			config.role.is_authority().into(),
		)
		.with_options(config.transaction_pool.clone())
		.with_prometheus(config.prometheus_registry())
		.build(),
	);

	let block_import = ParachainBlockImport::new(client.clone(), backend.clone());

	let import_queue = match verification {
		ImportVerification::Aura => build_aura_import_queue(
			client.clone(),
			block_import.clone(),
			config,
			telemetry.as_ref().map(|telemetry| telemetry.handle()),
			&task_manager,
		),
		ImportVerification::ManualSeal => sc_consensus_manual_seal::import_queue(
			Box::new(client.clone()),
			&task_manager.spawn_essential_handle(),
			config.prometheus_registry(),
		),
	};

	Ok(PartialComponents {
		backend,
		client,
		import_queue,
		keystore_container,
		task_manager,
		transaction_pool,
		select_chain: (),
		other: (block_import, telemetry, telemetry_worker_handle),
	})
}

/// Verifies Aura seals and rejects equivocations.
fn build_aura_import_queue(
	client: Arc<ParachainClient>,
	block_import: ParachainBlockImport,
	config: &Configuration,
	telemetry: Option<TelemetryHandle>,
	task_manager: &TaskManager,
) -> DefaultImportQueue<Block> {
	cumulus_client_consensus_aura::equivocation_import_queue::fully_verifying_import_queue::<
		sp_consensus_aura::sr25519::AuthorityPair,
		_,
		_,
		_,
		_,
	>(
		client,
		block_import,
		move |_, _| async move { Ok(sp_timestamp::InherentDataProvider::from_system_time()) },
		&task_manager.spawn_essential_handle(),
		config.prometheus_registry(),
		telemetry,
	)
}

/// The RPC methods this node serves, for every connection.
fn rpc_builder(
	client: Arc<ParachainClient>,
	transaction_pool: Arc<TransactionPool>,
) -> Box<
	dyn Fn(sc_rpc::SubscriptionTaskExecutor) -> Result<jsonrpsee::RpcModule<()>, sc_service::Error>,
> {
	Box::new(move |_| {
		rpc::create_full(rpc::FullDeps { client: client.clone(), pool: transaction_pool.clone() })
			.map_err(Into::into)
	})
}

/// The para id, from the runtime.
fn para_id(client: &ParachainClient) -> Result<ParaId, sc_service::Error> {
	let best = client.chain_info().best_hash;
	client
		.runtime_api()
		.parachain_id(best)
		.map_err(|e| sc_service::Error::Other(format!("cannot read the para id: {e}")))
}

/// Starts a collator (or full node) of the parachain beside an embedded relay chain node.
pub async fn start_parachain_node<
	Net: NetworkBackend<Block, <Block as sp_runtime::traits::Block>::Hash>,
>(
	parachain_config: Configuration,
	polkadot_config: Configuration,
	collator_options: CollatorOptions,
	hwbench: Option<sc_sysinfo::HwBench>,
) -> sc_service::error::Result<TaskManager> {
	let parachain_config = prepare_node_config(parachain_config);

	let params = new_partial(&parachain_config, ImportVerification::Aura)?;
	let (block_import, mut telemetry, telemetry_worker_handle) = params.other;
	let client = params.client.clone();
	let backend = params.backend.clone();
	let mut task_manager = params.task_manager;
	let para_id = para_id(&client)?;

	let (relay_chain_interface, collator_key, relay_chain_network, _paranode_requests) =
		build_relay_chain_interface(
			polkadot_config,
			&parachain_config,
			telemetry_worker_handle,
			&mut task_manager,
			collator_options.clone(),
			hwbench.clone(),
		)
		.await
		.map_err(|e| sc_service::Error::Application(Box::new(e)))?;

	let validator = parachain_config.role.is_authority();
	let prometheus_registry = parachain_config.prometheus_registry().cloned();
	let transaction_pool = params.transaction_pool.clone();
	let import_queue_service = params.import_queue.service();
	let net_config = FullNetworkConfiguration::<_, _, Net>::new(
		&parachain_config.network,
		prometheus_registry.clone(),
	);
	let metrics = Net::register_notification_metrics(prometheus_registry.as_ref());

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		build_network(BuildNetworkParams {
			parachain_config: &parachain_config,
			net_config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			para_id,
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			relay_chain_interface: relay_chain_interface.clone(),
			import_queue: params.import_queue,
			metrics,
			gap_sync_body_policy: None,
		})
		.await?;

	// Cohort's runtime has no offchain workers, so none are started.
	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		rpc_builder: rpc_builder(client.clone(), transaction_pool.clone()),
		client: client.clone(),
		transaction_pool: transaction_pool.clone(),
		task_manager: &mut task_manager,
		config: parachain_config,
		keystore: params.keystore_container.keystore(),
		backend: backend.clone(),
		network: network.clone(),
		sync_service: sync_service.clone(),
		system_rpc_tx,
		tx_handler_controller,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	if let Some(hwbench) = hwbench {
		sc_sysinfo::print_hwbench(&hwbench);
		if validator {
			if let Err(err) =
				frame_benchmarking_cli::SUBSTRATE_REFERENCE_HARDWARE.check_hardware(&hwbench, false)
			{
				log::warn!("⚠️  This machine is below the reference hardware for collators: {err}");
			}
		}
		if let Some(ref mut telemetry) = telemetry {
			task_manager.spawn_handle().spawn(
				"telemetry_hwbench",
				None,
				sc_sysinfo::initialize_hwbench_telemetry(telemetry.handle(), hwbench),
			);
		}
	}

	let announce_block = {
		let sync_service = sync_service.clone();
		Arc::new(move |hash, data| sync_service.announce_block(hash, data))
	};

	let overseer_handle = relay_chain_interface
		.overseer_handle()
		.map_err(|e| sc_service::Error::Application(Box::new(e)))?;

	start_relay_chain_tasks(StartRelayChainTasksParams {
		client: client.clone(),
		announce_block: announce_block.clone(),
		para_id,
		relay_chain_interface: relay_chain_interface.clone(),
		task_manager: &mut task_manager,
		da_recovery_profile: if validator {
			DARecoveryProfile::Collator
		} else {
			DARecoveryProfile::FullNode
		},
		import_queue: import_queue_service,
		relay_chain_slot_duration: RELAY_CHAIN_SLOT_DURATION,
		recovery_handle: Box::new(overseer_handle.clone()),
		sync_service,
		prometheus_registry: prometheus_registry.as_ref(),
	})?;

	if validator {
		let collator_key = collator_key
			.ok_or_else(|| sc_service::Error::Other("a collator needs a collator key".into()))?;
		start_consensus(
			client,
			backend,
			block_import,
			prometheus_registry.as_ref(),
			telemetry.as_ref().map(|t| t.handle()),
			&task_manager,
			relay_chain_interface,
			transaction_pool,
			params.keystore_container.keystore(),
			para_id,
			collator_key,
			relay_chain_network.local_peer_id(),
			overseer_handle,
			announce_block,
		)?;
	}

	Ok(task_manager)
}

/// Starts the Aura lookahead collator (asynchronous backing).
#[allow(clippy::too_many_arguments)]
fn start_consensus(
	client: Arc<ParachainClient>,
	backend: Arc<ParachainBackend>,
	block_import: ParachainBlockImport,
	prometheus_registry: Option<&Registry>,
	telemetry: Option<TelemetryHandle>,
	task_manager: &TaskManager,
	relay_chain_interface: Arc<dyn RelayChainInterface>,
	transaction_pool: Arc<TransactionPool>,
	keystore: KeystorePtr,
	para_id: ParaId,
	collator_key: CollatorPair,
	collator_peer_id: sc_network::PeerId,
	overseer_handle: OverseerHandle,
	announce_block: Arc<dyn Fn(cohort_runtime::Hash, Option<Vec<u8>>) + Send + Sync>,
) -> Result<(), sc_service::Error> {
	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool,
		prometheus_registry,
		telemetry,
	);
	let collator_service = CollatorService::new(client.clone(), announce_block, client.clone());

	let params = AuraParams {
		create_inherent_data_providers: move |_, ()| async move { Ok(()) },
		block_import,
		para_client: client.clone(),
		para_backend: backend,
		relay_client: relay_chain_interface,
		code_hash_provider: {
			let client = client.clone();
			move |block_hash| {
				client.code_at(block_hash).ok().map(|code| ValidationCode::from(code).hash())
			}
		},
		keystore,
		collator_key,
		collator_peer_id,
		para_id,
		overseer_handle,
		relay_chain_slot_duration: RELAY_CHAIN_SLOT_DURATION,
		proposer,
		collator_service,
		authoring_duration: Duration::from_millis(2000),
		reinitialize: false,
		max_pov_percentage: None,
	};
	let collation =
		aura::run::<Block, sp_consensus_aura::sr25519::AuthorityPair, _, _, _, _, _, _, _, _>(
			params,
		);
	task_manager.spawn_essential_handle().spawn("aura", None, collation);
	Ok(())
}

/// Starts the one-node development chain: blocks sealed on a timer (or per transaction) with a
/// mocked relay chain, finalized at once, served over RPC.
pub fn start_dev_node(
	mut config: Configuration,
	mode: DevSealMode,
) -> sc_service::error::Result<TaskManager> {
	let PartialComponents {
		client,
		backend,
		mut task_manager,
		import_queue,
		keystore_container,
		select_chain: _,
		transaction_pool,
		other: (_, mut telemetry, _),
	} = new_partial(&config, ImportVerification::ManualSeal)?;

	// A development chain talks to nobody.
	config.network.default_peers_set.in_peers = 0;
	config.network.default_peers_set.out_peers = 0;
	let net_config = FullNetworkConfiguration::<_, _, sc_network::Litep2pNetworkBackend>::new(
		&config.network,
		None,
	);

	let (network, system_rpc_tx, tx_handler_controller, sync_service, _bitswap) =
		sc_service::build_network(sc_service::BuildNetworkParams {
			config: &config,
			client: client.clone(),
			transaction_pool: transaction_pool.clone(),
			spawn_handle: task_manager.spawn_handle(),
			spawn_essential_handle: task_manager.spawn_essential_handle(),
			import_queue,
			net_config,
			block_announce_validator_builder: None,
			warp_sync_config: None,
			block_relay: None,
			metrics: NotificationMetrics::new(None),
			gap_sync_body_policy: None,
		})?;

	let proposer = sc_basic_authorship::ProposerFactory::new(
		task_manager.spawn_handle(),
		client.clone(),
		transaction_pool.clone(),
		None,
		None,
	);

	let slot_duration = sc_consensus_aura::slot_duration(&*client)?;
	// Pre-runtime digests whose slot matches the mocked timestamp.
	let aura_digest_provider =
		AuraConsensusDataProvider::<Block>::new_with_slot_duration(slot_duration);
	let para_id = para_id(&client)?;
	let create_inherent_data_providers =
		dev_inherent_data_providers(client.clone(), para_id, slot_duration);

	match mode {
		DevSealMode::Instant => {
			let authorship = sc_consensus_manual_seal::run_instant_seal_and_finalize(
				sc_consensus_manual_seal::InstantSealParams {
					block_import: client.clone(),
					env: proposer,
					client: client.clone(),
					pool: transaction_pool.clone(),
					select_chain: LongestChain::new(backend.clone()),
					consensus_data_provider: Some(Box::new(aura_digest_provider)),
					create_inherent_data_providers,
				},
			);
			task_manager
				.spawn_essential_handle()
				.spawn_blocking("instant-seal", None, authorship);
		},
		DevSealMode::Timer { block_time_ms } => {
			let (mut seal_sink, seal_stream) = futures::channel::mpsc::channel(1024);
			task_manager.spawn_essential_handle().spawn("block-timer", None, async move {
				loop {
					futures_timer::Delay::new(Duration::from_millis(block_time_ms)).await;
					let command = sc_consensus_manual_seal::EngineCommand::SealNewBlock {
						create_empty: true,
						finalize: true,
						parent_hash: None,
						sender: None,
					};
					// A full channel means sealing lags behind the timer: skip this tick.
					if let Err(e) = seal_sink.try_send(command) {
						if e.is_disconnected() {
							break;
						}
					}
				}
			});
			let authorship = sc_consensus_manual_seal::run_manual_seal(
				sc_consensus_manual_seal::ManualSealParams {
					block_import: client.clone(),
					env: proposer,
					client: client.clone(),
					pool: transaction_pool.clone(),
					select_chain: LongestChain::new(backend.clone()),
					commands_stream: Box::pin(seal_stream),
					consensus_data_provider: Some(Box::new(aura_digest_provider)),
					create_inherent_data_providers,
				},
			);
			task_manager
				.spawn_essential_handle()
				.spawn_blocking("manual-seal", None, authorship);
		},
	}

	sc_service::spawn_tasks(sc_service::SpawnTasksParams {
		network,
		client: client.clone(),
		keystore: keystore_container.keystore(),
		task_manager: &mut task_manager,
		transaction_pool: transaction_pool.clone(),
		rpc_builder: rpc_builder(client, transaction_pool),
		backend,
		system_rpc_tx,
		tx_handler_controller,
		sync_service,
		config,
		telemetry: telemetry.as_mut(),
		tracing_execute_block: None,
	})?;

	Ok(task_manager)
}

/// Inherent data for a development block: a timestamp and a mocked relay chain state whose
/// slots line up with the block's Aura slot.
fn dev_inherent_data_providers(
	client: Arc<ParachainClient>,
	para_id: ParaId,
	slot_duration: sp_consensus_aura::SlotDuration,
) -> impl Fn(
	cohort_runtime::Hash,
	(),
) -> futures::future::Ready<
	Result<
		(sp_timestamp::InherentDataProvider, MockValidationDataInherentDataProvider<()>),
		Box<dyn std::error::Error + Send + Sync>,
	>,
> + Send
       + Sync {
	const RELAY_SLOT_MILLIS: u64 = RELAY_CHAIN_SLOT_DURATION.as_millis() as u64;
	// Start two hours in the past, so that a fast block timer does not run into the future.
	let now_millis = std::time::SystemTime::now()
		.duration_since(std::time::UNIX_EPOCH)
		.unwrap_or_default()
		.saturating_sub(Duration::from_secs(2 * 60 * 60))
		.as_millis() as u64;
	let initial_relay_slot = now_millis / RELAY_SLOT_MILLIS;

	move |parent: cohort_runtime::Hash, ()| {
		futures::future::ready(dev_block_inherents(
			&client,
			parent,
			para_id,
			slot_duration,
			initial_relay_slot,
		))
	}
}

fn dev_block_inherents(
	client: &ParachainClient,
	parent: cohort_runtime::Hash,
	para_id: ParaId,
	slot_duration: sp_consensus_aura::SlotDuration,
	initial_relay_slot: u64,
) -> Result<
	(sp_timestamp::InherentDataProvider, MockValidationDataInherentDataProvider<()>),
	Box<dyn std::error::Error + Send + Sync>,
> {
	const RELAY_SLOT_MILLIS: u64 = RELAY_CHAIN_SLOT_DURATION.as_millis() as u64;
	let parent_header: Header = client
		.header(parent)?
		.ok_or_else(|| format!("parent block {parent:?} is unknown"))?;
	// A pending runtime upgrade needs the relay chain's go-ahead, which we mock too.
	let upgrade_pending = client
		.runtime_api()
		.collect_collation_info(parent, &parent_header)
		.map(|info| info.new_validation_code.is_some())
		.unwrap_or_default();
	let block_number = parent_header.number().saturating_add(1);
	let relay_blocks_per_para_block = (slot_duration.as_millis() / RELAY_SLOT_MILLIS).max(1) as u32;
	// Each parachain block gets relay slots of its own, in step with its Aura slot.
	let relay_slot = initial_relay_slot
		.saturating_add(u64::from(block_number) * u64::from(relay_blocks_per_para_block));
	let relay_offset =
		(relay_slot as u32).saturating_sub(relay_blocks_per_para_block * block_number);

	let mocked_relay_chain = MockValidationDataInherentDataProvider::<()> {
		current_para_block: block_number,
		para_id,
		current_para_block_head: Some(polkadot_primitives::HeadData(parent_header.encode())),
		relay_blocks_per_para_block,
		relay_offset,
		relay_parent_offset: 0,
		para_blocks_per_relay_epoch: 10,
		upgrade_go_ahead: upgrade_pending.then_some(UpgradeGoAhead::GoAhead),
		..Default::default()
	};
	let timestamp = sp_timestamp::InherentDataProvider::new(
		relay_slot.saturating_mul(RELAY_SLOT_MILLIS).into(),
	);
	Ok((timestamp, mocked_relay_chain))
}
