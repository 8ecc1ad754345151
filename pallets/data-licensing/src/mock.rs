//! A runtime with this pallet, mock cohorts, membership counts and royalty pools.

use crate::{self as pallet_data_licensing, *};
use cohort_primitives::{
	CohortLicensing, CohortsInspect, MembershipInspect, Nullifier, RevenueSplit, RoyaltyPools,
};
use core::cell::RefCell;
use frame_support::traits::{fungible::Balanced, tokens::imbalance::Imbalance};
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::InspectHold, EnsureOriginWithArg},
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{BuildStorage, DispatchError, Permill};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Licensing: pallet_data_licensing,
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
	pub const Platform: AccountId = PLATFORM;
	pub const ReviewPeriod: u64 = REVIEW_PERIOD;
	pub const DatasetDeposit: Balance = DATASET_DEPOSIT;
	pub const OfferDeposit: Balance = OFFER_DEPOSIT;
	pub const RequestDeposit: Balance = REQUEST_DEPOSIT;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type ExistentialDeposit = ExistentialDeposit;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const REVIEW_PERIOD: u64 = 20;
pub const DATASET_DEPOSIT: Balance = 30;
pub const OFFER_DEPOSIT: Balance = 20;
pub const REQUEST_DEPOSIT: Balance = 10;
pub const MAX_OFFERS: u32 = 2;

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = MockCohorts;
	type Membership = MockMembership;
	type Royalties = MockRoyalties;
	type CohortOrigin = MockCohortOrigin;
	type PlatformAccount = Platform;
	type ReviewPeriod = ReviewPeriod;
	type DatasetDeposit = DatasetDeposit;
	type OfferDeposit = OfferDeposit;
	type RequestDeposit = RequestDeposit;
	type MaxSchemaTags = frame_support::traits::ConstU32<4>;
	type MaxTagLength = frame_support::traits::ConstU32<24>;
	type MaxLocatorLength = frame_support::traits::ConstU32<64>;
	type MaxOffersPerDataset = frame_support::traits::ConstU32<MAX_OFFERS>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// COHORT is a cooperative; TRUST_COHORT a data trust whose trustees are TRUSTEES.
pub const COHORT: CohortId = 0;
pub const TRUST_COHORT: CohortId = 1;
pub const UNKNOWN_COHORT: CohortId = 9;

pub const PHARMA: AccountId = 1;
pub const AI_LAB: AccountId = 2;
pub const TRUSTEES: AccountId = 3;
pub const POOR: AccountId = 4;
pub const NOBODY: AccountId = 5;
pub const PLATFORM: AccountId = 90;
/// The royalty pot of the mock pools.
pub const POT: AccountId = 91;
/// Cohort `c`'s treasury is `TREASURY_BASE + c`; its members act as that signed account.
pub const TREASURY_BASE: AccountId = 1_000;
pub const TREASURY: AccountId = TREASURY_BASE;
pub const FUNDS: Balance = 100_000;
pub const K_FLOOR: u32 = 3;

thread_local! {
	static FROZEN: RefCell<BTreeSet<CohortId>> = RefCell::new(BTreeSet::new());
	static CONSENTING: RefCell<BTreeMap<(CohortId, Purpose), u32>> = RefCell::new(BTreeMap::new());
	static WITHOUT_UNITS: RefCell<BTreeSet<(CohortId, Purpose)>> = RefCell::new(BTreeSet::new());
	static ROYALTIES: RefCell<Vec<(CohortId, Purpose, Balance)>> = RefCell::new(Vec::new());
}

pub fn split() -> RevenueSplit {
	RevenueSplit {
		members: Permill::from_percent(70),
		treasury: Permill::from_percent(25),
		platform: Permill::from_percent(5),
	}
}

pub struct MockCohorts;
impl CohortsInspect<AccountId> for MockCohorts {
	fn is_active(cohort: CohortId) -> bool {
		Self::exists(cohort) && !FROZEN.with(|f| f.borrow().contains(&cohort))
	}
	fn exists(cohort: CohortId) -> bool {
		cohort == COHORT || cohort == TRUST_COHORT
	}
	fn accepts_issuer(_: CohortId, _: &AccountId) -> bool {
		false
	}
	fn treasury_account(cohort: CohortId) -> AccountId {
		TREASURY_BASE + AccountId::from(cohort)
	}
}
impl CohortLicensing for MockCohorts {
	fn licensing_terms(cohort: CohortId) -> Option<(RevenueSplit, u32)> {
		Self::exists(cohort).then(|| (split(), K_FLOOR))
	}
}

pub fn freeze(cohort: CohortId) {
	FROZEN.with(|f| f.borrow_mut().insert(cohort));
}

pub struct MockMembership;
impl MembershipInspect<AccountId> for MockMembership {
	fn active_person(_: CohortId, _: &AccountId) -> Option<Nullifier> {
		None
	}
	fn active_members(_: CohortId) -> u32 {
		0
	}
	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32 {
		CONSENTING.with(|c| c.borrow().get(&(cohort, purpose)).copied().unwrap_or(K_FLOOR))
	}
}

/// How many members of `cohort` consent to `purpose` (K_FLOOR unless set).
pub fn set_consenting(cohort: CohortId, purpose: Purpose, members: u32) {
	CONSENTING.with(|c| c.borrow_mut().insert((cohort, purpose), members));
}

/// Records what the pools receive and keeps it in POT; every pool has units unless told
/// otherwise, and one without gives the revenue back.
pub struct MockRoyalties;
impl RoyaltyPools<AccountId, CreditOf<Test>> for MockRoyalties {
	fn deposit(
		cohort: CohortId,
		purpose: Purpose,
		revenue: CreditOf<Test>,
		_: cohort_primitives::LicenceRef<AccountId>,
	) -> Result<CreditOf<Test>, DispatchError> {
		if WITHOUT_UNITS.with(|w| w.borrow().contains(&(cohort, purpose))) {
			return Ok(revenue);
		}
		ROYALTIES.with(|r| r.borrow_mut().push((cohort, purpose, revenue.peek())));
		Balances::resolve(&POT, revenue).map_err(|_| DispatchError::Other("the pot is closed"))?;
		Ok(CreditOf::<Test>::zero())
	}
}

pub fn without_units(cohort: CohortId, purpose: Purpose) {
	WITHOUT_UNITS.with(|w| w.borrow_mut().insert((cohort, purpose)));
}

/// What the royalty pools received.
pub fn royalties() -> Vec<(CohortId, Purpose, Balance)> {
	ROYALTIES.with(|r| r.borrow().clone())
}

/// A cohort's members act as its treasury account, signed; a data trust's trustees as
/// TRUSTEES. Succeeds with the acting account for trustees, `None` for members.
pub struct MockCohortOrigin;
impl EnsureOriginWithArg<RuntimeOrigin, CohortId> for MockCohortOrigin {
	type Success = Option<AccountId>;
	fn try_origin(o: RuntimeOrigin, cohort: &CohortId) -> Result<Option<AccountId>, RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == MockCohorts::treasury_account(*cohort) => Ok(None),
			Ok(RawOrigin::Signed(TRUSTEES)) if *cohort == TRUST_COHORT => Ok(Some(TRUSTEES)),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(MockCohorts::treasury_account(*cohort)))
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn licensable_cohort() -> CohortId {
		COHORT
	}
}

/// The members of `cohort` acting.
pub fn members(cohort: CohortId) -> RuntimeOrigin {
	RuntimeOrigin::signed(MockCohorts::treasury_account(cohort))
}

pub fn content() -> H256 {
	H256::repeat_byte(0xc0)
}

pub fn terms() -> H256 {
	H256::repeat_byte(0x7e)
}

pub fn tags() -> SchemaTagsOf<Test> {
	vec![b"Observation".to_vec().try_into().unwrap(), b"Condition".to_vec().try_into().unwrap()]
		.try_into()
		.unwrap()
}

pub fn locator() -> LocatorOf<Test> {
	b"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"
		.to_vec()
		.try_into()
		.unwrap()
}

pub const RECORDS: u64 = 1_200;
pub const PRICE: Balance = 10_000;
pub const DURATION: u64 = 100;

/// COHORT's members register a dataset; returns its id.
pub fn register() -> DatasetId {
	let id = NextDatasetId::<Test>::get();
	assert_ok!(Licensing::register_dataset(
		members(COHORT),
		COHORT,
		content(),
		tags(),
		locator(),
		RECORDS
	));
	id
}

/// COHORT's members publish an offer on `dataset` for `purpose`; returns its id.
pub fn offer(dataset: DatasetId, purpose: Purpose) -> OfferId {
	let id = NextOfferId::<Test>::get();
	assert_ok!(Licensing::publish_offer(
		members(COHORT),
		dataset,
		purpose,
		PRICE,
		DURATION,
		terms()
	));
	id
}

/// `licensee` requests `offer`; returns the request id.
pub fn request(licensee: AccountId, offer: OfferId) -> RequestId {
	let id = NextRequestId::<Test>::get();
	assert_ok!(Licensing::request(RuntimeOrigin::signed(licensee), offer));
	id
}

/// A dataset, an AI-training offer on it, and PHARMA's request: (dataset, offer, request).
pub fn requested() -> (DatasetId, OfferId, RequestId) {
	let dataset = register();
	let offer = offer(dataset, Purpose::AiTraining);
	(dataset, offer, request(PHARMA, offer))
}

pub fn held(reason: HoldReason, who: AccountId) -> Balance {
	Balances::balance_on_hold(&reason.into(), &who)
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn run_to(n: u64) {
	System::set_block_number(n);
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

pub fn has_event(event: Event<Test>) -> bool {
	System::events()
		.iter()
		.any(|r| r.event == RuntimeEvent::Licensing(event.clone()))
}

pub struct ExtBuilder;

impl ExtBuilder {
	/// Runs `test` with funded licensees, treasuries, platform and pot; then checks the
	/// pallet's invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			test();
			Licensing::do_try_state().expect("invariants hold");
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [PHARMA, AI_LAB, TRUSTEES, NOBODY, TREASURY, TREASURY + 1]
			.into_iter()
			.map(|who| (who, FUNDS))
			.chain([(POOR, PRICE), (PLATFORM, ED), (POT, ED)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		FROZEN.with(|f| f.borrow_mut().clear());
		CONSENTING.with(|c| c.borrow_mut().clear());
		WITHOUT_UNITS.with(|w| w.borrow_mut().clear());
		ROYALTIES.with(|r| r.borrow_mut().clear());
	});
	ext
}
