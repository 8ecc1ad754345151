//! Weights of the runtime.
//!
//! Block and extrinsic base weights and database costs are Substrate's reference values
//! (`frame_support::weights::constants`), measured on Parity's reference hardware. The pallets
//! we configure use their own benchmarked `SubstrateWeight`s; Cohort's own pallets get a
//! `weights.rs` each, produced by `scripts/benchmark.sh PALLET`.

pub use frame_support::weights::constants::{
	BlockExecutionWeight, ExtrinsicBaseWeight, ParityDbWeight, RocksDbWeight,
};
