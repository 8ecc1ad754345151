//! The one-node development chain (`cohort-node --dev`): blocks sealed on a timer or per
//! transaction, a mocked relay chain, instant finality.

use crate::{
	cli::DevSealMode,
	service::{new_partial, para_id, rpc_builder, ImportVerification, ParachainClient},
};
use codec::Encode;
use cohort_runtime::opaque::{Block, Header};
use cumulus_client_parachain_inherent::MockValidationDataInherentDataProvider;
use cumulus_primitives_core::{CollectCollationInfo, ParaId};
use polkadot_primitives::UpgradeGoAhead;
use sc_consensus::LongestChain;
use sc_consensus_manual_seal::consensus::aura::AuraConsensusDataProvider;
use sc_network::{config::FullNetworkConfiguration, NotificationMetrics};
use sc_service::{Configuration, PartialComponents, TaskManager};
use sp_api::ProvideRuntimeApi;
use sp_runtime::traits::Header as _;
use std::{sync::Arc, time::Duration};

/// The mocked relay chain's slot duration: the one the runtime's consensus hook expects.
const RELAY_SLOT_MILLIS: u64 = cohort_runtime::RELAY_CHAIN_SLOT_DURATION_MILLIS as u64;

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

/// What a development block's inherent data providers are made of, or why they could not be.
type DevInherents = Result<
	(sp_timestamp::InherentDataProvider, MockValidationDataInherentDataProvider<()>),
	Box<dyn std::error::Error + Send + Sync>,
>;

/// Inherent data for a development block: a timestamp and a mocked relay chain state whose
/// slots line up with the block's Aura slot.
fn dev_inherent_data_providers(
	client: Arc<ParachainClient>,
	para_id: ParaId,
	slot_duration: sp_consensus_aura::SlotDuration,
) -> impl Fn(cohort_runtime::Hash, ()) -> futures::future::Ready<DevInherents> + Send + Sync {
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
