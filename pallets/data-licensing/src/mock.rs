//! A runtime with this pallet, mock cohorts, membership counts and royalty pools.

use crate::{self as pallet_data_licensing, *};
use cohort_primitives::{RevenueSplit, RoyaltyPools};
use cohort_test_kit::{
	MockCohort, MockCohortOrigin, MockCohorts, MockMembersOrigin, MockMembership,
};
use core::cell::RefCell;
use frame_support::traits::{fungible::Balanced, tokens::imbalance::Imbalance};
use frame_support::{
	assert_ok, parameter_types,
	traits::fungible::{InspectHold, MutateHold},
};
use sp_core::H256;
use sp_runtime::{DispatchError, Permill};
use std::collections::BTreeSet;

pub const ED: Balance = 5;

cohort_test_kit::mock_runtime!(Licensing: pallet_data_licensing, existential_deposit: ED);

parameter_types! {
	pub const Platform: AccountId = PLATFORM;
	pub const ReviewPeriod: u64 = REVIEW_PERIOD;
	pub const DatasetDeposit: Balance = DATASET_DEPOSIT;
	pub const OfferDeposit: Balance = OFFER_DEPOSIT;
	pub const RequestDeposit: Balance = REQUEST_DEPOSIT;
	pub const OutcomeDeposit: Balance = OUTCOME_DEPOSIT;
	pub const InsightDeposit: Balance = INSIGHT_DEPOSIT;
}

pub const REVIEW_PERIOD: u64 = 20;
pub const DATASET_DEPOSIT: Balance = 30;
pub const OFFER_DEPOSIT: Balance = 20;
pub const REQUEST_DEPOSIT: Balance = 10;
pub const MAX_OFFERS: u32 = 2;
pub const OUTCOME_DEPOSIT: Balance = 7;
pub const INSIGHT_DEPOSIT: Balance = 9;
pub const MAX_OUTCOMES: u32 = 2;

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = MockCohorts;
	type Membership = MockMembership;
	type Royalties = MockRoyalties;
	type CohortOrigin = MockCohortOrigin;
	type TreasuryOrigin = MockMembersOrigin;
	type PlatformAccount = Platform;
	type ReviewPeriod = ReviewPeriod;
	type DatasetDeposit = DatasetDeposit;
	type OfferDeposit = OfferDeposit;
	type RequestDeposit = RequestDeposit;
	type MaxSchemaTags = frame_support::traits::ConstU32<4>;
	type MaxTagLength = frame_support::traits::ConstU32<24>;
	type MaxLocatorLength = frame_support::traits::ConstU32<64>;
	type MaxOffersPerDataset = frame_support::traits::ConstU32<MAX_OFFERS>;
	type OutcomeDeposit = OutcomeDeposit;
	type MaxOutcomesPerGrant = frame_support::traits::ConstU32<MAX_OUTCOMES>;
	type InsightDeposit = InsightDeposit;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// COHORT is a cooperative; TRUST_COHORT a data trust whose trustees are TRUSTEES;
/// OPERATOR_COHORT a private business run by OPERATOR.
pub const COHORT: CohortId = 0;
pub const TRUST_COHORT: CohortId = 1;
pub const OPERATOR_COHORT: CohortId = 2;
pub const UNKNOWN_COHORT: CohortId = 9;

pub const PHARMA: AccountId = 1;
pub const AI_LAB: AccountId = 2;
pub const TRUSTEES: AccountId = 3;
pub const POOR: AccountId = 4;
pub const NOBODY: AccountId = 5;
pub const OPERATOR: AccountId = 6;
pub const PLATFORM: AccountId = 90;
/// The royalty pot of the mock pools.
pub const POT: AccountId = 91;
/// COHORT's treasury; its members act as this account, signed.
pub const TREASURY: AccountId = 1_000;
pub const FUNDS: Balance = 100_000;
pub const K_FLOOR: u32 = 3;

thread_local! {
	static WITHOUT_UNITS: RefCell<BTreeSet<(CohortId, Purpose)>> = const { RefCell::new(BTreeSet::new()) };
	static ROYALTIES: RefCell<Vec<(CohortId, Purpose, Balance)>> = const { RefCell::new(Vec::new()) };
}

pub fn split() -> RevenueSplit {
	RevenueSplit::new(Permill::from_percent(70), Permill::zero(), Permill::from_percent(5))
}

/// OPERATOR_COHORT's split: members 50%, operator 30%, platform 5%, treasury 15%.
pub fn operator_split() -> RevenueSplit {
	let percent = Permill::from_percent;
	RevenueSplit::new(percent(50), percent(30), percent(5))
}

pub fn freeze(cohort: CohortId) {
	MockCohorts::freeze(cohort);
}

/// How many members of `cohort` consent to `purpose` (K_FLOOR unless set).
pub fn set_consenting(cohort: CohortId, purpose: Purpose, members: u32) {
	MockMembership::set_consenting(cohort, purpose, members);
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
	RuntimeOrigin::signed(cohort_test_kit::treasury(cohort))
}

pub fn content() -> H256 {
	H256::repeat_byte(0xc0)
}

/// The hash of a decision's reasons.
pub fn rationale() -> H256 {
	H256::repeat_byte(0x5a)
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

/// `origin` (acting for `cohort`) registers a dataset and offers it for `purpose` at `price`;
/// returns (dataset, offer).
pub fn dataset_offered(
	origin: RuntimeOrigin,
	cohort: CohortId,
	purpose: Purpose,
	price: Balance,
) -> (DatasetId, OfferId) {
	let dataset = NextDatasetId::<Test>::get();
	assert_ok!(Licensing::register_dataset(
		origin.clone(),
		cohort,
		content(),
		tags(),
		locator(),
		RECORDS
	));
	let offer = NextOfferId::<Test>::get();
	assert_ok!(Licensing::publish_offer(origin, dataset, purpose, price, DURATION, terms()));
	(dataset, offer)
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

pub fn has_event(event: Event<Test>) -> bool {
	System::events()
		.iter()
		.any(|r| r.event == RuntimeEvent::Licensing(event.clone()))
}

/// The id the first dataset, offer or request a test puts in storage gets.
pub const FIRST_ID: u32 = 0;

/// Builds the test externalities: funded licensees, treasuries, platform and pot; K_FLOOR members
/// consenting to every purpose in both cohorts; and the records asked for, put straight into
/// storage.
#[derive(Default)]
pub struct ExtBuilder {
	datasets: u32,
	offers: Vec<Purpose>,
	requests: Vec<AccountId>,
}

impl ExtBuilder {
	/// What [`requested`] leaves: a dataset, an AI-training offer on it and PHARMA's request,
	/// each with id [`FIRST_ID`].
	pub fn requested() -> Self {
		Self::default()
			.with_dataset()
			.with_offer(Purpose::AiTraining)
			.with_request(PHARMA)
	}

	/// A dataset of COHORT's, as `register` leaves it; the first gets id [`FIRST_ID`].
	pub fn with_dataset(mut self) -> Self {
		self.datasets += 1;
		self
	}

	/// An offer on the last dataset for `purpose`, as `offer` leaves it.
	pub fn with_offer(mut self, purpose: Purpose) -> Self {
		self.offers.push(purpose);
		self
	}

	/// `licensee`'s request of the last offer, as `request` leaves it.
	pub fn with_request(mut self, licensee: AccountId) -> Self {
		self.requests.push(licensee);
		self
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			(0..self.datasets).for_each(|_| put_dataset());
			self.offers.into_iter().for_each(put_offer);
			self.requests.into_iter().for_each(put_request);
			test();
			Licensing::do_try_state().expect("invariants hold");
		});
	}
}

fn put_dataset() {
	let id = NextDatasetId::<Test>::get();
	assert_ok!(Balances::hold(&HoldReason::DataRecord.into(), &TREASURY, DATASET_DEPOSIT));
	let dataset = Dataset {
		cohort: COHORT,
		content_hash: content(),
		schema_tags: tags(),
		locator: locator(),
		record_count: RECORDS,
		version: 1,
		status: DatasetStatus::Active,
		offers: 0,
		open_requests: 0,
		grants: 0,
		depositor: TREASURY,
		deposit: DATASET_DEPOSIT,
	};
	Datasets::<Test>::insert(id, dataset);
	NextDatasetId::<Test>::put(id + 1);
}

fn put_offer(purpose: Purpose) {
	let (id, dataset) = (NextOfferId::<Test>::get(), NextDatasetId::<Test>::get() - 1);
	assert_ok!(Balances::hold(&HoldReason::DataRecord.into(), &TREASURY, OFFER_DEPOSIT));
	Datasets::<Test>::mutate(dataset, |d| d.as_mut().expect("a dataset").offers += 1);
	let offer = Offer {
		dataset,
		cohort: COHORT,
		purpose,
		price: PRICE,
		access_duration: DURATION,
		terms_hash: terms(),
		depositor: TREASURY,
		deposit: OFFER_DEPOSIT,
	};
	Offers::<Test>::insert(id, offer);
	NextOfferId::<Test>::put(id + 1);
}

fn put_request(licensee: AccountId) {
	let id = NextRequestId::<Test>::get();
	let offer_id = NextOfferId::<Test>::get() - 1;
	let offer = Offers::<Test>::get(offer_id).expect("an offer");
	assert_ok!(Balances::hold(&HoldReason::Escrow.into(), &licensee, offer.price));
	assert_ok!(Balances::hold(&HoldReason::LicenceRecord.into(), &licensee, REQUEST_DEPOSIT));
	let request = Request::for_offer(
		licensee,
		Some(licensee),
		offer_id,
		&offer,
		System::block_number(),
		REQUEST_DEPOSIT,
	);
	Datasets::<Test>::mutate(offer.dataset, |d| d.as_mut().expect("a dataset").open_requests += 1);
	Requests::<Test>::insert(id, request);
	NextRequestId::<Test>::put(id + 1);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let accounts =
		[PHARMA, AI_LAB, TRUSTEES, NOBODY, OPERATOR, TREASURY, TREASURY + 1, TREASURY + 2];
	let others = vec![(POOR, PRICE), (PLATFORM, ED), (POT, ED)];
	let balances = [cohort_test_kit::endow(&accounts, FUNDS), others].concat();
	let mut ext = cohort_test_kit::new_ext::<Test>(balances, |_| {});
	ext.execute_with(|| {
		let cooperative = MockCohort { licensing: Some((split(), K_FLOOR)), ..Default::default() };
		let trust = MockCohort { trustees: Some(TRUSTEES), ..cooperative.clone() };
		let business = MockCohort {
			operator: Some(OPERATOR),
			licensing: Some((operator_split(), K_FLOOR)),
			..Default::default()
		};
		MockCohorts::add(COHORT, cooperative);
		MockCohorts::add(TRUST_COHORT, trust);
		MockCohorts::add(OPERATOR_COHORT, business);
		let cohorts = [COHORT, TRUST_COHORT, OPERATOR_COHORT];
		for (cohort, purpose) in cohorts.iter().flat_map(|c| Purpose::ALL.map(|p| (*c, p))) {
			set_consenting(cohort, purpose, K_FLOOR);
		}
		WITHOUT_UNITS.with(|w| w.borrow_mut().clear());
		ROYALTIES.with(|r| r.borrow_mut().clear());
	});
	ext
}
