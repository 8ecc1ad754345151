//! Weights of the runtime, all measured in one run of `./scripts/benchmark.sh all` on the machine
//! each file's header describes (release-built `frame-omni-bencher` over the runtime's wasm):
//! every SDK pallet's here, Cohort's own in each pallet's `weights.rs`, and the block and
//! extrinsic base weights (`benchmark overhead`). The database weights are still Substrate's
//! reference RocksDB values: see docs/performance.md.

pub mod block_weights;
pub mod cumulus_pallet_parachain_system;
pub mod cumulus_pallet_weight_reclaim;
pub mod cumulus_pallet_xcmp_queue;
pub mod extrinsic_weights;
pub mod frame_system;
pub mod frame_system_extensions;
pub mod pallet_balances;
pub mod pallet_collator_selection;
pub mod pallet_collective;
pub mod pallet_message_queue;
pub mod pallet_multisig;
pub mod pallet_proxy;
pub mod pallet_session;
pub mod pallet_sudo;
pub mod pallet_timestamp;
pub mod pallet_transaction_payment;
pub mod pallet_utility;

pub use block_weights::BlockExecutionWeight;
pub use extrinsic_weights::ExtrinsicBaseWeight;
pub use frame_support::weights::constants::{ParityDbWeight, RocksDbWeight};
