//! # Cohort runtime
//!
//! The state transition function of the Cohort parachain: patient data DAOs on Polkadot.
//!
//! Layout:
//! - this file declares the runtime (its pallets, types and version);
//! - [`configs`] holds one file per concern (system, money, collators, XCM, governance, utility);
//! - [`apis`] implements the runtime APIs the node and clients call;
//! - [`genesis_config_presets`] defines the `development` and `local_testnet` genesis presets;
//! - [`weights`] holds the base weights of blocks and extrinsics and the database costs.

#![cfg_attr(not(feature = "std"), no_std)]
// `#[frame_support::runtime]` expands recursively; the default limit is too low for it.
#![recursion_limit = "256"]

// The compressed wasm blob built by `build.rs` (`WASM_BINARY`, `WASM_BINARY_BLOATY`).
#[cfg(feature = "std")]
include!(concat!(env!("OUT_DIR"), "/wasm_binary.rs"));

extern crate alloc;

pub mod apis;
#[cfg(feature = "runtime-benchmarks")]
mod benchmarks;
pub mod cohort_api;
pub mod configs;
pub mod genesis_config_presets;
pub mod invariants;
pub mod weights;

use alloc::{borrow::Cow, vec::Vec};
use sp_runtime::{
	generic, impl_opaque_keys,
	traits::{BlakeTwo256, IdentifyAccount, Verify},
	MultiAddress, MultiSignature,
};
use sp_version::RuntimeVersion;

pub use frame_support::weights::Weight;
pub use sp_consensus_aura::sr25519::AuthorityId as AuraId;
pub use sp_runtime::{Perbill, Permill};

/// A signature on the chain: sr25519, ed25519 or ecdsa, as Polkadot.js signs by default.
pub type Signature = MultiSignature;
/// An account: the public key (or its hash) behind a [`Signature`].
pub type AccountId = <<Signature as Verify>::Signer as IdentifyAccount>::AccountId;
/// A balance of the native token (12 decimals).
pub type Balance = u128;
/// An account's transaction counter.
pub type Nonce = u32;
/// A block or state hash.
pub type Hash = sp_core::H256;
/// A block number.
pub type BlockNumber = u32;
/// How a transaction names an account.
pub type Address = MultiAddress<AccountId, ()>;
/// A block header.
pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
/// A block.
pub type Block = generic::Block<Header, UncheckedExtrinsic>;

/// The checks every signed transaction passes through, in order. Storage weight reclaim wraps
/// them all, so that the proof size a transaction did not use is given back to the block.
pub type TxExtension = cumulus_pallet_weight_reclaim::StorageWeightReclaim<
	Runtime,
	(
		frame_system::AuthorizeCall<Runtime>,
		frame_system::CheckNonZeroSender<Runtime>,
		frame_system::CheckSpecVersion<Runtime>,
		frame_system::CheckTxVersion<Runtime>,
		frame_system::CheckGenesis<Runtime>,
		frame_system::CheckEra<Runtime>,
		frame_system::CheckNonce<Runtime>,
		frame_system::CheckWeight<Runtime>,
		pallet_transaction_payment::ChargeTransactionPayment<Runtime>,
	),
>;

/// A transaction as it appears in a block.
pub type UncheckedExtrinsic =
	generic::UncheckedExtrinsic<Address, RuntimeCall, Signature, TxExtension>;

/// Migrations to run on the next runtime upgrade, beyond those the pallets declare. Each is
/// versioned: it runs once, on the storage version it migrates from.
type Migrations = (
	pallet_quadratic_voting::migrations::v1::MigrateV0ToV1<Runtime>,
	pallet_cohort_membership::migrations::v1::MigrateV0ToV1<Runtime>,
);

/// Dispatches blocks and transactions to the pallets.
pub type Executive = frame_executive::Executive<
	Runtime,
	Block,
	frame_system::ChainContext<Runtime>,
	Runtime,
	AllPalletsWithSystem,
	Migrations,
>;

/// Types the node uses without knowing the runtime's call type.
pub mod opaque {
	use super::*;
	pub use sp_runtime::OpaqueExtrinsic as UncheckedExtrinsic;

	/// An opaque block header.
	pub type Header = generic::Header<BlockNumber, BlakeTwo256>;
	/// An opaque block.
	pub type Block = generic::Block<Header, UncheckedExtrinsic>;
}

impl_opaque_keys! {
	/// The session keys of a collator: its Aura block-authoring key.
	pub struct SessionKeys {
		pub aura: Aura,
	}
}

/// The runtime's identity. Bump `spec_version` on every change of logic, and
/// `transaction_version` whenever a call index or a call's arguments change.
#[sp_version::runtime_version]
pub const VERSION: RuntimeVersion = RuntimeVersion {
	spec_name: Cow::Borrowed("cohort"),
	impl_name: Cow::Borrowed("cohort"),
	authoring_version: 1,
	spec_version: 3,
	impl_version: 0,
	apis: apis::RUNTIME_API_VERSIONS,
	transaction_version: 1,
	system_version: 1,
};

/// Block times, token units and async-backing parameters.
pub mod constants {
	use super::{Balance, BlockNumber};

	/// The target block time. A slot is one block; it cannot change after genesis.
	pub const MILLISECS_PER_BLOCK: u64 = 6000;
	/// Aura slot duration.
	pub const SLOT_DURATION: u64 = MILLISECS_PER_BLOCK;
	/// Blocks per minute, hour and day at the target block time.
	pub const MINUTES: BlockNumber = 60_000 / (MILLISECS_PER_BLOCK as BlockNumber);
	pub const HOURS: BlockNumber = MINUTES * 60;
	pub const DAYS: BlockNumber = HOURS * 24;

	/// One token: 12 decimals.
	pub const UNIT: Balance = 1_000_000_000_000;
	pub const MILLI_UNIT: Balance = 1_000_000_000;
	pub const MICRO_UNIT: Balance = 1_000_000;
	/// The smallest balance an account may hold.
	pub const EXISTENTIAL_DEPOSIT: Balance = MILLI_UNIT;

	/// The deposit for `items` storage items taking `bytes` bytes in total.
	pub const fn deposit(items: u32, bytes: u32) -> Balance {
		(items as Balance) * 20 * UNIT / 100 + (bytes as Balance) * 100 * MICRO_UNIT
	}

	/// Blocks the runtime accepts that the relay chain has not included yet.
	pub const UNINCLUDED_SEGMENT_CAPACITY: u32 = 3;
	/// Parachain blocks per relay chain block.
	pub const BLOCK_PROCESSING_VELOCITY: u32 = 1;
	/// The relay chain's slot duration.
	pub const RELAY_CHAIN_SLOT_DURATION_MILLIS: u32 = 6000;
	/// How many relay blocks behind the tip a parachain block builds on.
	pub const RELAY_PARENT_OFFSET: u32 = 0;
}
pub use constants::*;

/// Checks the relay-chain slot against the parachain slot and limits the unincluded segment.
pub type ConsensusHook = cumulus_pallet_aura_ext::FixedVelocityConsensusHook<
	Runtime,
	RELAY_CHAIN_SLOT_DURATION_MILLIS,
	BLOCK_PROCESSING_VELOCITY,
	UNINCLUDED_SEGMENT_CAPACITY,
>;

#[frame_support::runtime]
mod runtime {
	#[runtime::runtime]
	#[runtime::derive(
		RuntimeCall,
		RuntimeEvent,
		RuntimeError,
		RuntimeOrigin,
		RuntimeFreezeReason,
		RuntimeHoldReason,
		RuntimeSlashReason,
		RuntimeLockId,
		RuntimeTask,
		RuntimeViewFunction
	)]
	pub struct Runtime;

	// System.
	#[runtime::pallet_index(0)]
	pub type System = frame_system;
	#[runtime::pallet_index(1)]
	pub type ParachainSystem = cumulus_pallet_parachain_system;
	#[runtime::pallet_index(2)]
	pub type Timestamp = pallet_timestamp;
	#[runtime::pallet_index(3)]
	pub type ParachainInfo = parachain_info;
	#[runtime::pallet_index(4)]
	pub type WeightReclaim = cumulus_pallet_weight_reclaim;

	// Money.
	#[runtime::pallet_index(10)]
	pub type Balances = pallet_balances;
	#[runtime::pallet_index(11)]
	pub type TransactionPayment = pallet_transaction_payment;

	// Collators. Authorship must come before session, and session before Aura.
	#[runtime::pallet_index(20)]
	pub type Authorship = pallet_authorship;
	#[runtime::pallet_index(21)]
	pub type CollatorSelection = pallet_collator_selection;
	#[runtime::pallet_index(22)]
	pub type Session = pallet_session;
	#[runtime::pallet_index(23)]
	pub type Aura = pallet_aura;
	#[runtime::pallet_index(24)]
	pub type AuraExt = cumulus_pallet_aura_ext;

	// XCM.
	#[runtime::pallet_index(30)]
	pub type XcmpQueue = cumulus_pallet_xcmp_queue;
	#[runtime::pallet_index(31)]
	pub type PolkadotXcm = pallet_xcm;
	#[runtime::pallet_index(32)]
	pub type CumulusXcm = cumulus_pallet_xcm;
	#[runtime::pallet_index(33)]
	pub type MessageQueue = pallet_message_queue;

	// Accounts.
	#[runtime::pallet_index(40)]
	pub type Utility = pallet_utility;
	#[runtime::pallet_index(41)]
	pub type Multisig = pallet_multisig;
	#[runtime::pallet_index(42)]
	pub type Proxy = pallet_proxy;

	// Governance.
	#[runtime::pallet_index(50)]
	pub type OversightCouncil = pallet_collective<Instance1>;

	// Cohort's domain.
	#[runtime::pallet_index(60)]
	pub type Cohorts = pallet_cohorts;
	#[runtime::pallet_index(61)]
	pub type Membership = pallet_cohort_membership;
	#[runtime::pallet_index(62)]
	pub type QuadraticVoting = pallet_quadratic_voting;
	#[runtime::pallet_index(63)]
	pub type Royalties = pallet_royalties;
	#[runtime::pallet_index(64)]
	pub type DataLicensing = pallet_data_licensing;

	// Bootstrapping only: removed once the council governs the chain.
	#[runtime::pallet_index(255)]
	pub type Sudo = pallet_sudo;
}

cumulus_pallet_parachain_system::register_validate_block! {
	Runtime = Runtime,
	BlockExecutor = cumulus_pallet_aura_ext::BlockExecutor::<Runtime, Executive>,
}
