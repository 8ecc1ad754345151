//! A runtime with this pallet; membership changes are told to it directly, as
//! pallet-cohort-membership does in the runtime.

use crate::{self as pallet_royalties, *};
use core::cell::RefCell;
use frame_support::{
	assert_ok, parameter_types,
	traits::{
		fungible::Balanced,
		tokens::{imbalance::Imbalance, Fortitude, Precision, Preservation},
	},
	PalletId,
};
use sp_runtime::BuildStorage;

pub use cohort_test_kit::person;

pub const ED: Balance = 5;

cohort_test_kit::mock_runtime!(Royalties: pallet_royalties, existential_deposit: ED);

/// Membership changes, told to this pallet.
pub type Members = cohort_test_kit::Members<Royalties>;

parameter_types! {
	pub const RoyaltiesPalletId: PalletId = PalletId(*b"co/royal");
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
	/// The request id of the next licence `pay` stands for.
	static NEXT_LICENCE: RefCell<u32> = const { RefCell::new(0) };
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, Nullifier) {
		let person = person(u64::from(index) + 1_000);
		Members::join(COHORT, *who, person, units);
		Members::consent(COHORT, *who, &Purpose::ALL);
		(COHORT, person)
	}
}

/// `who` joins `cohort` as `person(n)` with `units` (consenting to nothing yet).
pub fn join_as(cohort: CohortId, who: AccountId, n: u64, units: u64) {
	Members::join(cohort, who, person(n), units);
}

/// `who` joins COHORT as `person(who)` with `units`, consenting to `purposes`.
pub fn member(who: AccountId, units: u64, purposes: &[Purpose]) {
	join_as(COHORT, who, who, units);
	consent(who, purposes);
}

/// `who` now consents to exactly `purposes` in COHORT.
pub fn consent(who: AccountId, purposes: &[Purpose]) {
	Members::consent(COHORT, who, purposes);
}

/// `who` leaves their consent to COHORT's trustees.
pub fn delegate(who: AccountId) {
	Members::delegate(COHORT, who);
}

/// `who` takes their consent back, consenting to exactly `purposes`.
pub fn take_back(who: AccountId, purposes: &[Purpose]) {
	Members::take_back(COHORT, who, purposes);
}

/// COHORT's trustees consent to exactly `purposes` for everyone who follows them.
pub fn trustees_consent(purposes: &[Purpose]) {
	Members::trustees_consent(COHORT, purposes);
}

/// An issuer records `more` units for `who` in COHORT.
pub fn contribute(who: AccountId, more: u64) {
	Members::contribute(COHORT, who, more);
}

pub fn suspend(who: AccountId) {
	Members::suspend(COHORT, who);
}

pub fn restore(who: AccountId) {
	Members::restore(COHORT, who);
}

pub fn leave(who: AccountId) {
	Members::leave(COHORT, who);
}

pub fn rotate(old: AccountId, new: AccountId) {
	Members::rotate(COHORT, old, new);
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

/// Builds the test externalities: funded accounts and the members asked for, told to the
/// pallet as membership would.
#[derive(Default)]
pub struct ExtBuilder {
	members: Vec<(AccountId, u64, Vec<Purpose>)>,
}

impl ExtBuilder {
	/// `who` a member of COHORT as `person(who)` with `units`, consenting to `purposes`.
	pub fn with_member(mut self, who: AccountId, units: u64, purposes: &[Purpose]) -> Self {
		self.members.push((who, units, purposes.to_vec()));
		self
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			for (who, units, purposes) in self.members {
				member(who, units, &purposes);
			}
			test();
			Royalties::do_try_state().expect("invariants hold");
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let accounts = [ALICE, BOB, CAROL, DAVE, ALICE_NEW, OUTSIDER];
	let balances = [cohort_test_kit::endow(&accounts, 100), vec![(PHARMA, PHARMA_FUNDS)]].concat();
	let mut ext = cohort_test_kit::new_ext::<Test>(balances, |storage| {
		pallet_royalties::GenesisConfig::<Test>::default()
			.assimilate_storage(storage)
			.expect("royalties genesis builds")
	});
	ext.execute_with(|| NEXT_LICENCE.with(|n| *n.borrow_mut() = 0));
	ext
}
