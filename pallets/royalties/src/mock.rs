//! A runtime with this pallet; membership changes are told to it directly, as pallet-membership
//! does in the runtime.

use crate::{self as pallet_royalties, *};
use cohort_primitives::{Consent, OnMembershipChange};
use core::cell::RefCell;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{
		fungible::Balanced,
		tokens::{imbalance::Imbalance, Fortitude, Precision, Preservation},
	},
	PalletId,
};
use sp_core::H256;
use sp_runtime::BuildStorage;
use std::collections::BTreeMap;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Royalties: pallet_royalties,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

pub const ED: Balance = 5;

parameter_types! {
	pub const ExistentialDeposit: Balance = ED;
	pub const RoyaltiesPalletId: PalletId = PalletId(*b"co/royal");
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
}

impl Config for Test {
	type Currency = Balances;
	type PalletId = RoyaltiesPalletId;
	type MaxRecentRevenue = frame_support::traits::ConstU32<4>;
	type MaxPastParticipations = frame_support::traits::ConstU32<3>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

pub const COHORT: CohortId = 0;
pub const OTHER_COHORT: CohortId = 1;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const ALICE_NEW: AccountId = 6;
pub const OUTSIDER: AccountId = 7;
/// The licensee whose payments the tests share out.
pub const PHARMA: AccountId = 50;
pub const PHARMA_FUNDS: Balance = 1_000_000_000;

thread_local! {
	/// Membership as the tests set it: (cohort, account) → person.
	static PERSONS: RefCell<BTreeMap<(CohortId, AccountId), Nullifier>> = RefCell::new(BTreeMap::new());
	/// The request id of the next licence `pay` stands for.
	static NEXT_LICENCE: RefCell<u32> = RefCell::new(0);
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, Nullifier) {
		let person = H256::from_low_u64_be(u64::from(index) + 1_000);
		PERSONS.with(|p| p.borrow_mut().insert((COHORT, *who), person));
		type Hooks = Royalties;
		let _ = <Hooks as OnMembershipChange<AccountId>>::on_joined(COHORT, &person, who, units);
		let all = Consent::only(&Purpose::ALL);
		let _ = <Hooks as OnMembershipChange<AccountId>>::on_consent_changed(
			COHORT,
			&person,
			Consent::NONE,
			all,
		);
		(COHORT, person)
	}
}

type Hooks = Royalties;

/// A person's nullifier in the tests: `person(1)` is Alice, and so on.
pub fn person(n: u64) -> Nullifier {
	H256::from_low_u64_be(n)
}

fn person_of(cohort: CohortId, who: AccountId) -> Nullifier {
	PERSONS.with(|p| *p.borrow().get(&(cohort, who)).expect("a member"))
}

/// `who` joins `cohort` as `person(n)` with `units` (consenting to nothing yet).
pub fn join_as(cohort: CohortId, who: AccountId, n: u64, units: u64) {
	PERSONS.with(|p| p.borrow_mut().insert((cohort, who), person(n)));
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_joined(
		cohort,
		&person(n),
		&who,
		units
	));
}

/// `who` joins COHORT as `person(who)` with `units`, consenting to `purposes`.
pub fn member(who: AccountId, units: u64, purposes: &[Purpose]) {
	join_as(COHORT, who, who, units);
	consent(who, purposes);
}

/// `who` now consents to exactly `purposes` in COHORT.
pub fn consent(who: AccountId, purposes: &[Purpose]) {
	let person = person_of(COHORT, who);
	let old = Positions::<Test>::get(COHORT, person)
		.map(|p| p.consent)
		.unwrap_or(Consent::NONE);
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_consent_changed(
		COHORT,
		&person,
		old,
		Consent::only(purposes)
	));
}

/// An issuer records `more` units for `who` in COHORT.
pub fn contribute(who: AccountId, more: u64) {
	let person = person_of(COHORT, who);
	let old = Positions::<Test>::get(COHORT, person).map(|p| p.units).unwrap_or(0);
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_units_changed(
		COHORT,
		&person,
		old,
		old + more
	));
}

pub fn suspend(who: AccountId) {
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_suspended(
		COHORT,
		&person_of(COHORT, who)
	));
}

pub fn restore(who: AccountId) {
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_restored(
		COHORT,
		&person_of(COHORT, who)
	));
}

pub fn leave(who: AccountId) {
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_left(COHORT, &person_of(COHORT, who)));
}

pub fn rotate(old: AccountId, new: AccountId) {
	let person = PERSONS.with(|p| p.borrow_mut().remove(&(COHORT, old)).expect("a member"));
	PERSONS.with(|p| p.borrow_mut().insert((COHORT, new), person));
	assert_ok!(<Hooks as OnMembershipChange<AccountId>>::on_rotated(COHORT, &person, &old, &new));
}

/// PHARMA pays `amount` into the pool of (`cohort`, `purpose`), as licensing does: the money
/// leaves PHARMA as a credit, which the pool takes whole.
pub fn pay(cohort: CohortId, purpose: Purpose, amount: Balance) {
	assert_eq!(offer(cohort, purpose, amount), 0, "the pool takes it all");
}

/// PHARMA's `amount` is offered to the pool of (`cohort`, `purpose`) for the next licence; what
/// the pool gives back returns to PHARMA. Returns how much came back.
pub fn offer(cohort: CohortId, purpose: Purpose, amount: Balance) -> Balance {
	let credit = Balances::withdraw(
		&PHARMA,
		amount,
		Precision::Exact,
		Preservation::Preserve,
		Fortitude::Polite,
	)
	.expect("PHARMA pays");
	let request = NEXT_LICENCE.with(|n| {
		let id = *n.borrow();
		*n.borrow_mut() += 1;
		id
	});
	let licence = cohort_primitives::LicenceRef { request, licensee: PHARMA, dataset: 7 };
	let back = <Royalties as RoyaltyPools<AccountId, CreditOf<Test>>>::deposit(
		cohort, purpose, credit, licence,
	)
	.expect("deposits");
	let returned = back.peek();
	if returned > 0 {
		assert_ok!(Balances::resolve(&PHARMA, back).map_err(|_| "PHARMA takes it back"));
	}
	returned
}

/// A licence standing for a payment the tests make directly.
pub fn licence() -> cohort_primitives::LicenceRef<AccountId> {
	cohort_primitives::LicenceRef { request: 99, licensee: PHARMA, dataset: 7 }
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn pot() -> Balance {
	free(Royalties::pot_account())
}

pub fn pool(purpose: Purpose) -> PoolOf<Test> {
	Pools::<Test>::get(COHORT, purpose)
}

/// What `who` can claim in COHORT, over all purposes.
pub fn pending(who: AccountId) -> Balance {
	Royalties::pending(COHORT, &who).iter().sum()
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

pub struct ExtBuilder;

impl ExtBuilder {
	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			test();
			Royalties::do_try_state().expect("invariants hold");
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CAROL, DAVE, ALICE_NEW, OUTSIDER]
			.into_iter()
			.map(|who| (who, 100))
			.chain([(PHARMA, PHARMA_FUNDS)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_royalties::GenesisConfig::<Test>::default()
		.assimilate_storage(&mut storage)
		.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		PERSONS.with(|p| p.borrow_mut().clear());
		NEXT_LICENCE.with(|n| *n.borrow_mut() = 0);
	});
	ext
}
