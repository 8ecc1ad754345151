//! # Cohort test kit
//!
//! What the tests of Cohort's pallets share, so that each pallet's `mock.rs` holds only what is
//! its own:
//! - [`mock_runtime!`]: the mock runtime `Test` with `System`, `Balances` and the pallet under
//!   test, accounts and balances as `u64`;
//! - [`MockCohorts`] and [`MockCohortOrigin`]: cohorts as the tests set them up;
//! - [`MockMembership`] and [`Members`]: a membership registry that tells the pallet under test
//!   of each change, as pallet-cohort-membership does in the runtime;
//! - [`new_ext`], [`person`], [`last_event`];
//! - [`check_fixed_cases`]: property tests with proptest, the same cases every run.
//!
//! Accounts are `u64`. The state of the mocks lives in thread-locals, which [`new_ext`] clears,
//! so every test starts from nothing.

mod cohorts;
mod membership;
mod property;

pub use cohorts::{
	treasury, MembersActAsTreasury, MockCohort, MockCohortOrigin, MockCohorts, MockMembersOrigin,
	MockTrusteesOrigin,
};
pub use membership::{Members, MockMembership};
pub use property::check_fixed_cases;

use cohort_primitives::Nullifier;
use sp_core::H256;

/// The account every mock uses.
pub type AccountId = u64;

/// Declares the mock runtime `Test` of a pallet's tests: `System`, `Balances` (with the given
/// existential deposit) and the pallet, with `Block`, `AccountId` and `Balance` (`u64`). The
/// pallet's own `Config` stays in its `mock.rs`.
///
/// ```ignore
/// cohort_test_kit::mock_runtime!(Cohorts: pallet_cohorts, existential_deposit: 1);
/// ```
#[macro_export]
macro_rules! mock_runtime {
	($name:ident: $pallet:ident, existential_deposit: $ed:expr) => {
		type Block = frame_system::mocking::MockBlock<Test>;
		pub type AccountId = $crate::AccountId;
		pub type Balance = u64;

		frame_support::construct_runtime!(
			pub enum Test {
				System: frame_system,
				Balances: pallet_balances,
				$name: $pallet,
			}
		);

		// Each `derive_impl` in a module of its own: two in one macro expansion collide.
		mod system_config {
			use super::*;
			use frame_support::derive_impl;

			#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
			impl frame_system::Config for Test {
				type Block = Block;
				type AccountData = pallet_balances::AccountData<Balance>;
			}
		}

		frame_support::parameter_types! {
			pub const ExistentialDeposit: Balance = $ed;
		}

		mod balances_config {
			use super::*;
			use frame_support::derive_impl;

			#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
			impl pallet_balances::Config for Test {
				type AccountStore = System;
				type ExistentialDeposit = ExistentialDeposit;
				type RuntimeHoldReason = RuntimeHoldReason;
			}
		}

		/// The last event deposited.
		pub fn last_event() -> RuntimeEvent {
			$crate::last_event::<Test>()
		}
	};
}

/// A person's nullifier in the tests: `person(1)` is Alice, `person(2)` Bob, and so on.
pub fn person(n: u64) -> Nullifier {
	H256::from_low_u64_be(n)
}

/// The last event deposited.
pub fn last_event<T: frame_system::Config>() -> T::RuntimeEvent {
	frame_system::Pallet::<T>::events().pop().expect("an event").event
}

/// Test externalities at block 1 with `balances` endowed, `extra` genesis (e.g. the pallet's own
/// `GenesisConfig`) and the mocks emptied.
pub fn new_ext<T: pallet_balances::Config>(
	balances: Vec<(T::AccountId, T::Balance)>,
	extra: impl FnOnce(&mut sp_runtime::Storage),
) -> sp_io::TestExternalities {
	use sp_runtime::BuildStorage;
	let mut storage = frame_system::GenesisConfig::<T>::default()
		.build_storage()
		.expect("system genesis builds");
	pallet_balances::GenesisConfig::<T> { balances, ..Default::default() }
		.assimilate_storage(&mut storage)
		.expect("balances genesis builds");
	extra(&mut storage);
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		frame_system::Pallet::<T>::set_block_number(1u32.into());
		MockCohorts::clear();
		MockMembership::clear();
	});
	ext
}

/// `accounts` with `amount` each.
pub fn endow(accounts: &[AccountId], amount: u64) -> Vec<(AccountId, u64)> {
	accounts.iter().map(|who| (*who, amount)).collect()
}
