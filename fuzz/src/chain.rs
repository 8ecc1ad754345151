//! A Cohort chain driven block by block as a collator would: each block is initialized with an
//! Aura slot, gets its inherents (timestamp, parachain validation data over a relay-chain state
//! proof) and then signed transactions through the runtime's transaction extensions, and is
//! finalized. After every block every invariant is checked, and after every transaction that
//! its actual weight did not exceed its declared weight.

use crate::report::Report;
use codec::Encode;
use cohort_runtime::{
	AccountId, Address, Executive, Header, Runtime, RuntimeCall, RuntimeEvent, Signature,
	TxExtension, UncheckedExtrinsic, SLOT_DURATION,
};
use cumulus_pallet_parachain_system::parachain_inherent::{
	AbridgedInboundMessagesCollection, BasicParachainInherentData, InboundMessagesData,
};
use cumulus_primitives_core::{relay_chain::HeadData, PersistedValidationData};
use cumulus_test_relay_sproof_builder::RelayStateSproofBuilder;
use frame_support::dispatch::GetDispatchInfo;
use sp_consensus_aura::{Slot, AURA_ENGINE_ID};
use sp_keyring::Sr25519Keyring;
use sp_runtime::{
	generic::{Era, SignedPayload},
	traits::Header as _,
	ApplyExtrinsicResult, Digest, DigestItem,
};
use std::time::{Duration, Instant};

/// Cohort's block number.
pub type BlockNumber = u32;

/// How a transaction deviates from an honest client's, to see that the runtime refuses it
/// without any change of state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tampering {
	/// Signed properly.
	None,
	/// Signed by another key than the sender's.
	ForgedSignature,
	/// A nonce the sender has used already.
	StaleNonce,
	/// A nonce ahead of the sender's next one.
	FutureNonce,
}

/// What became of a transaction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Applied {
	/// Dispatched successfully.
	Ok,
	/// Included, but its call failed with this error (named as `Pallet::Variant`).
	Failed(String),
	/// Refused before dispatch (e.g. a bad signature): not included, nothing changed.
	Refused(String),
}

/// The chain under test, with the block being built open.
pub struct Chain {
	ext: sp_io::TestExternalities,
	/// The number of the open block.
	pub block: BlockNumber,
	parent: Header,
	block_started: Instant,
	block_busy: Duration,
	/// What has happened so far.
	pub report: Report,
	/// The cohorts the council has frozen (and not unfrozen), from the events.
	frozen: std::collections::BTreeSet<u32>,
}

impl Chain {
	/// A chain from the runtime's `development` preset (the dev accounts funded, Alice, Bob
	/// and Charlie the council, Alice the only collator), with block 1 open.
	pub fn from_dev_preset() -> Chain {
		let mut ext = sp_io::TestExternalities::new_empty();
		ext.execute_with(|| {
			cohort_runtime::genesis_config_presets::build_state(
				&sp_genesis_builder::DEV_RUNTIME_PRESET.into(),
			)
			.expect("the development preset builds")
		});
		ext.commit_all().expect("the genesis state commits");
		let genesis = Header::new(
			0,
			Default::default(),
			Default::default(),
			Default::default(),
			Default::default(),
		);
		let mut chain = Chain {
			ext,
			block: 0,
			parent: genesis,
			block_started: Instant::now(),
			block_busy: Duration::ZERO,
			report: Report::default(),
			frozen: Default::default(),
		};
		chain.open_block(1);
		chain
	}

	/// Runs `f` against the chain's state, e.g. to read storage.
	pub fn read<R>(&mut self, f: impl FnOnce() -> R) -> R {
		self.ext.execute_with(f)
	}

	/// Closes the open block and opens the one `gap` blocks later, executing the empty blocks
	/// between (every block runs its hooks: expiries happen at their exact block).
	pub fn advance(&mut self, gap: u32) {
		for _ in 0..gap {
			let next = self.block.saturating_add(1);
			self.close_block();
			self.open_block(next);
		}
	}

	/// Moves to block `target` quickly: the blocks up to the next block with scheduled work
	/// (an attestation expiring) are skipped, since nothing would happen in them but slots
	/// and timestamps; blocks with scheduled work are executed. Skipping leaves the chain as
	/// a relay chain that was slow to include it would.
	pub fn jump_to(&mut self, target: BlockNumber) {
		while self.block < target {
			let now = self.block;
			let (next_scheduled, sweeping) = self.read(|| {
				let next = pallet_cohort_membership::ExpiryCount::<Runtime>::iter_keys()
					.filter(|at| *at > now)
					.min();
				(next, pallet_cohort_membership::Sweeps::<Runtime>::iter_keys().next().is_some())
			});
			if sweeping {
				// A withdrawn issuer's memberships are swept a few per block: every block counts.
				self.advance(1);
				continue;
			}
			let next = next_scheduled.filter(|at| *at <= target).unwrap_or(target);
			self.close_block();
			// The runtime only builds on its direct parent: the skipped blocks are as if they
			// had been empty, which for Cohort's pallets (no per-block work but expiries and
			// sweeps, never skipped) they would have been.
			self.read(|| frame_system::Pallet::<Runtime>::set_block_number(next - 1));
			self.open_block(next);
		}
	}

	/// Signs `call` as `signer` (with `tampering`) and applies it to the open block.
	pub fn submit(
		&mut self,
		signer: Sr25519Keyring,
		call: RuntimeCall,
		tampering: Tampering,
	) -> Applied {
		let name = call_name(&call);
		// A sender who has sent nothing has no used nonce to repeat: send one from the future.
		let tampering = match tampering {
			Tampering::StaleNonce if self.read(|| nonce_of(signer)) == 0 => Tampering::FutureNonce,
			other => other,
		};
		// What the transaction declares, plus the base weight of any extrinsic, which the
		// outcome event's weight includes.
		let declared = self.read(|| {
			let info = sign(signer, call.clone(), Tampering::None).get_dispatch_info();
			let base = <Runtime as frame_system::Config>::BlockWeights::get()
				.get(info.class)
				.base_extrinsic;
			info.total_weight().saturating_add(base)
		});
		let extrinsic = self.read(|| sign(signer, call, tampering));
		let started = Instant::now();
		let result = self.read(|| Executive::apply_extrinsic(extrinsic));
		self.block_busy += started.elapsed();
		let applied = self.read(|| outcome(result, declared));
		self.report.record(&name, &applied, tampering);
		if tampering != Tampering::None {
			assert!(
				matches!(applied, Applied::Refused(_)),
				"a tampered transaction ({tampering:?}) of {name} was accepted: {applied:?}"
			);
		}
		applied
	}

	/// Closes the open block: finalizes it, and checks the invariants and its wall time.
	pub fn close_block(&mut self) {
		let started = Instant::now();
		let header = self.read(Executive::finalize_block);
		self.block_busy += started.elapsed();
		let consumed = self.read(|| frame_system::BlockWeight::<Runtime>::get().total());
		self.check_no_licence_of_a_frozen_cohort(header.number());
		assert_block_time_within_weight(self.block, self.block_busy, consumed.ref_time());
		self.read(|| {
			if let Err(broken) = cohort_runtime::invariants::check_all() {
				panic!("after block {}: an invariant is broken: {broken}", header.number());
			}
		});
		self.report.blocks += 1;
		self.report.slowest_block = self.report.slowest_block.max(self.block_busy);
		self.parent = header;
		// Keeps the overlay (and so each block's state-root computation) small.
		self.ext.commit_all().expect("the block's changes commit");
	}

	/// A frozen cohort approves nothing until it is unfrozen: follows the block's events in
	/// order.
	fn check_no_licence_of_a_frozen_cohort(&mut self, block: &BlockNumber) {
		let events: Vec<_> =
			self.read(|| frame_system::Pallet::<Runtime>::read_events_no_consensus().collect());
		for record in events {
			match record.event {
				RuntimeEvent::Cohorts(pallet_cohorts::Event::CohortFrozen { cohort }) => {
					self.frozen.insert(cohort);
				},
				RuntimeEvent::Cohorts(pallet_cohorts::Event::CohortUnfrozen { cohort }) => {
					self.frozen.remove(&cohort);
				},
				RuntimeEvent::DataLicensing(pallet_data_licensing::Event::LicenceApproved {
					cohort,
					request,
					..
				}) => assert!(
					!self.frozen.contains(&cohort),
					"block {block}: frozen cohort {cohort} approved request {request}"
				),
				_ => {},
			}
		}
	}

	/// Opens block `number` on top of the last closed one, with its inherents.
	fn open_block(&mut self, number: BlockNumber) {
		self.block = number;
		self.block_started = Instant::now();
		let slot = Slot::from(u64::from(number));
		let digest = Digest { logs: vec![DigestItem::PreRuntime(AURA_ENGINE_ID, slot.encode())] };
		let header =
			Header::new(number, Default::default(), Default::default(), self.parent.hash(), digest);
		let parent_head = HeadData(self.parent.encode());
		let started = Instant::now();
		self.read(|| {
			Executive::initialize_block(&header);
			let timestamp = RuntimeCall::Timestamp(pallet_timestamp::Call::set {
				now: u64::from(number) * SLOT_DURATION,
			});
			let validation = RuntimeCall::ParachainSystem(
				cumulus_pallet_parachain_system::Call::set_validation_data {
					data: validation_data(number, parent_head),
					inbound_messages_data: InboundMessagesData::new(
						AbridgedInboundMessagesCollection::default(),
						AbridgedInboundMessagesCollection::default(),
					),
				},
			);
			for inherent in [validation, timestamp] {
				let result = Executive::apply_extrinsic(UncheckedExtrinsic::new_bare(inherent));
				assert!(
					matches!(result, Ok(Ok(()))),
					"block {number}: an inherent failed: {result:?}"
				);
			}
		});
		self.block_busy = started.elapsed();
	}
}

/// The relay chain's view for block `number`: its slot equals the parachain's (both are six
/// seconds) and the parent is included, so the unincluded segment never fills.
fn validation_data(number: BlockNumber, parent_head: HeadData) -> BasicParachainInherentData {
	let para_id = parachain_info_id();
	let builder = RelayStateSproofBuilder {
		para_id,
		current_slot: Slot::from(u64::from(number)),
		included_para_head: Some(parent_head.clone()),
		..Default::default()
	};
	let (relay_parent_storage_root, relay_chain_state) = builder.into_state_root_and_proof();
	BasicParachainInherentData {
		validation_data: PersistedValidationData {
			parent_head,
			relay_parent_number: number,
			relay_parent_storage_root,
			max_pov_size: 5 * 1024 * 1024,
		},
		relay_chain_state,
		relay_parent_descendants: Vec::new(),
		collator_peer_id: None,
	}
}

fn parachain_info_id() -> cumulus_primitives_core::ParaId {
	cohort_runtime::ParachainInfo::parachain_id()
}

fn nonce_of(signer: Sr25519Keyring) -> cohort_runtime::Nonce {
	frame_system::Pallet::<Runtime>::account_nonce(signer.to_account_id())
}

/// `call` signed by `signer` as an honest client would, unless `tampering` says otherwise.
pub fn sign(signer: Sr25519Keyring, call: RuntimeCall, tampering: Tampering) -> UncheckedExtrinsic {
	let account: AccountId = signer.to_account_id();
	let next_nonce = nonce_of(signer);
	let nonce = match tampering {
		Tampering::StaleNonce => next_nonce.saturating_sub(1),
		Tampering::FutureNonce => next_nonce.saturating_add(1),
		Tampering::None | Tampering::ForgedSignature => next_nonce,
	};
	let extension: TxExtension = (
		frame_system::AuthorizeCall::<Runtime>::new(),
		frame_system::CheckNonZeroSender::<Runtime>::new(),
		frame_system::CheckSpecVersion::<Runtime>::new(),
		frame_system::CheckTxVersion::<Runtime>::new(),
		frame_system::CheckGenesis::<Runtime>::new(),
		frame_system::CheckEra::<Runtime>::from(Era::Immortal),
		frame_system::CheckNonce::<Runtime>::from(nonce),
		frame_system::CheckWeight::<Runtime>::new(),
		pallet_transaction_payment::ChargeTransactionPayment::<Runtime>::from(0),
	)
		.into();
	let payload = SignedPayload::new(call, extension).expect("the extensions' implicit data");
	let key = match tampering {
		Tampering::ForgedSignature if signer == Sr25519Keyring::Alice => Sr25519Keyring::Bob,
		Tampering::ForgedSignature => Sr25519Keyring::Alice,
		_ => signer,
	};
	let signature = Signature::from(payload.using_encoded(|bytes| key.sign(bytes)));
	let (call, extension, _) = payload.deconstruct();
	UncheckedExtrinsic::new_signed(call, Address::Id(account), signature, extension)
}

/// What became of an applied transaction, checking that the weight it used (from its
/// `ExtrinsicSuccess`/`ExtrinsicFailed` event) is within what it declared.
fn outcome(result: ApplyExtrinsicResult, declared: frame_support::weights::Weight) -> Applied {
	let dispatched = match result {
		Err(refused) => return Applied::Refused(format!("{refused:?}")),
		Ok(dispatched) => dispatched,
	};
	let used = frame_system::Pallet::<Runtime>::read_events_no_consensus()
		.filter_map(|record| match record.event {
			RuntimeEvent::System(frame_system::Event::ExtrinsicSuccess { dispatch_info })
			| RuntimeEvent::System(frame_system::Event::ExtrinsicFailed {
				dispatch_info, ..
			}) => Some(dispatch_info.weight),
			_ => None,
		})
		.last()
		.expect("an applied transaction deposits its outcome event");
	assert!(
		used.all_lte(declared),
		"a transaction used {used:?}, more than the {declared:?} it declared"
	);
	match dispatched {
		Ok(()) => Applied::Ok,
		Err(error) => Applied::Failed(error_name(error)),
	}
}

/// `Pallet::Variant` for a module error, the error's own name otherwise.
pub fn error_name(error: sp_runtime::DispatchError) -> String {
	match cohort_runtime::RuntimeError::from_dispatch_error(error) {
		Some(module) => format!("{module:?}").replace('(', "::").replace(')', ""),
		None => format!("{error:?}"),
	}
}

/// `pallet::call` of `call`.
pub fn call_name(call: &RuntimeCall) -> String {
	use frame_support::traits::GetCallMetadata;
	let metadata = call.get_call_metadata();
	format!("{}::{}", metadata.pallet_name, metadata.function_name)
}

/// Whether blocks are held to the weight they consumed (an optimized build: `scripts/fuzz.sh`
/// sets it) or only to the block's two-second limit (a debug build, many times slower).
pub static TIME_WITHIN_CONSUMED_WEIGHT: std::sync::atomic::AtomicBool =
	std::sync::atomic::AtomicBool::new(false);

/// No block takes longer to execute than its weight allows: in an optimized build, the weight
/// it consumed (the weights are measured in wasm, which is slower than native code); in a
/// debug build, the block's whole two-second budget.
fn assert_block_time_within_weight(block: BlockNumber, busy: Duration, consumed_ref_time: u64) {
	let strict = TIME_WITHIN_CONSUMED_WEIGHT.load(std::sync::atomic::Ordering::Relaxed);
	let allowed = if !strict {
		let limit = <Runtime as frame_system::Config>::BlockWeights::get().max_block;
		Duration::from_nanos(limit.ref_time() / 1_000)
	} else {
		Duration::from_nanos(consumed_ref_time / 1_000)
	};
	assert!(
		busy <= allowed,
		"block {block} took {busy:?} to execute, more than its weight allows ({allowed:?})"
	);
}
