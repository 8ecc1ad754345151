//! A runtime with this pallet, mock cohorts and a mock membership, for tests and benchmarks.

use crate::{self as pallet_quadratic_voting, *};
use cohort_primitives::VotingParams;
use cohort_test_kit::{MembersActAsTreasury, MockCohort, MockCohorts, MockMembership};
use core::cell::RefCell;
use frame_support::{
	assert_ok, parameter_types,
	traits::{
		fungible::{InspectHold, MutateHold},
		Get,
	},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::Permill;

pub use cohort_test_kit::person;

cohort_test_kit::mock_runtime!(QuadraticVoting: pallet_quadratic_voting, existential_deposit: 1);

/// Membership changes, told to this pallet.
pub type Members = cohort_test_kit::Members<QuadraticVoting>;

pub const DEPOSIT_BASE: Balance = 10;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const MAX_CALL_SIZE: u32 = 64;
pub const MAX_OPEN: u32 = 4;
pub const MAX_OPEN_PER_PERSON: u32 = 2;
pub const MAX_LIVE_VOTES: u32 = 3;

parameter_types! {
	pub const ProposalDepositBase: Balance = DEPOSIT_BASE;
	pub const ProposalDepositPerByte: Balance = DEPOSIT_PER_BYTE;
}

thread_local! {
	static MAX_CALL_WEIGHT: RefCell<Weight> = const { RefCell::new(Weight::from_parts(1_000_000_000_000, 1_000_000)) };
}

/// The heaviest call a proposal may carry; tests lower it.
pub struct MaxCallWeight;
impl Get<Weight> for MaxCallWeight {
	fn get() -> Weight {
		MAX_CALL_WEIGHT.with(|w| *w.borrow())
	}
}

pub fn set_max_call_weight(weight: Weight) {
	MAX_CALL_WEIGHT.with(|w| *w.borrow_mut() = weight);
}

impl Config for Test {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = MockCohorts;
	type Membership = MockMembership;
	type MembersOriginBuilder = MembersActAsTreasury;
	type CancelOrigin = EnsureRoot<AccountId>;
	type ProposalDepositBase = ProposalDepositBase;
	type ProposalDepositPerByte = ProposalDepositPerByte;
	type MaxCallSize = frame_support::traits::ConstU32<MAX_CALL_SIZE>;
	type MaxCallWeight = MaxCallWeight;
	type MaxOpenProposals = frame_support::traits::ConstU32<MAX_OPEN>;
	type MaxOpenProposalsPerPerson = frame_support::traits::ConstU32<MAX_OPEN_PER_PERSON>;
	type MaxLiveVotes = frame_support::traits::ConstU32<MAX_LIVE_VOTES>;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// Cohort 0 and 1 exist.
pub const COHORT: CohortId = 0;
pub const OTHER_COHORT: CohortId = 1;
pub const UNKNOWN_COHORT: CohortId = 9;

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const DAVE: AccountId = 4;
pub const EVE: AccountId = 5;
pub const ALICE_NEW: AccountId = 6;
pub const OUTSIDER: AccountId = 7;
pub const POOR: AccountId = 8;
pub const RESEARCH: AccountId = 20;
/// COHORT's treasury; its members act as this account, signed.
pub const TREASURY: AccountId = 1_000;
pub const ENDOWMENT: Balance = 1_000;
pub const TREASURY_FUNDS: Balance = 10_000;

pub const VOTING_PERIOD: u64 = 10;
pub const CREDITS: u32 = 100;
pub const EPOCH: u64 = 100;

pub fn default_params() -> VotingParams<u64> {
	VotingParams {
		voting_period: VOTING_PERIOD,
		quorum: Permill::from_percent(50),
		voice_credits_per_epoch: CREDITS,
		epoch_length: EPOCH,
	}
}

/// `cohort` exists (again) with `params`.
pub fn set_params(cohort: CohortId, params: VotingParams<u64>) {
	MockCohorts::add(cohort, MockCohort { voting: Some(params), ..Default::default() });
}

pub fn freeze(cohort: CohortId) {
	MockCohorts::freeze(cohort);
}

pub fn unfreeze(cohort: CohortId) {
	MockCohorts::unfreeze(cohort);
}

/// The benchmarks' cohort: no members until the benchmark makes them, quorum 10%.
#[cfg(feature = "runtime-benchmarks")]
pub const BENCH_COHORT: CohortId = 2;

/// In the mock, members are made in the mock registry.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId> for MockBenchmarkHelper {
	fn cohort() -> CohortId {
		BENCH_COHORT
	}
	fn member(cohort: CohortId, who: &AccountId, index: u32) -> Nullifier {
		let person = person(u64::from(index) + 1_000);
		MockMembership::insert(cohort, *who, person);
		person
	}
}

/// `who` is an active member of `cohort` as `person(p)`.
pub fn add_member(cohort: CohortId, who: AccountId, p: u64) {
	Members::join(cohort, who, person(p), 0);
}

fn person_of(cohort: CohortId, who: AccountId) -> Nullifier {
	MockMembership::person_of(cohort, who)
}

/// Membership suspends `who` (revoked or expired) and tells voting.
pub fn suspend(cohort: CohortId, who: AccountId) {
	Members::suspend(cohort, who);
}

/// Membership restores `who` and tells voting.
pub fn restore(cohort: CohortId, who: AccountId) {
	Members::restore(cohort, who);
}

/// `who` leaves and membership tells voting.
pub fn leave(cohort: CohortId, who: AccountId) {
	Members::leave(cohort, who);
}

/// The person behind `old` moves to `new` (key recovery) and membership tells voting.
pub fn rotate(cohort: CohortId, old: AccountId, new: AccountId) {
	Members::rotate(cohort, old, new);
}

/// A call paying `amount` from the cohort's treasury (its members' origin) to RESEARCH.
pub fn fund_research(amount: Balance) -> RuntimeCall {
	RuntimeCall::Balances(pallet_balances::Call::transfer_keep_alive {
		dest: RESEARCH,
		value: amount,
	})
}

/// A harmless call.
pub fn remark() -> RuntimeCall {
	RuntimeCall::System(frame_system::Call::remark { remark: vec![1, 2, 3] })
}

pub fn description() -> H256 {
	H256::repeat_byte(0xde)
}

/// The deposit for proposing `call`.
pub fn deposit_for(call: &RuntimeCall) -> Balance {
	use codec::Encode;
	DEPOSIT_BASE + DEPOSIT_PER_BYTE * call.encode().len() as Balance
}

/// `who` proposes `call` in COHORT; returns the proposal id.
pub fn propose(who: AccountId, call: RuntimeCall) -> ProposalId {
	let id = NextProposalId::<Test>::get();
	assert_ok!(QuadraticVoting::propose(
		RuntimeOrigin::signed(who),
		COHORT,
		Box::new(call),
		description()
	));
	id
}

pub fn vote(who: AccountId, proposal: ProposalId, choice: Choice, votes: u32) {
	assert_ok!(QuadraticVoting::vote(RuntimeOrigin::signed(who), proposal, choice, votes));
}

pub fn tally(proposal: ProposalId) -> Tally {
	Proposals::<Test>::get(proposal).expect("an open proposal").tally
}

pub fn held(who: AccountId) -> Balance {
	Balances::balance_on_hold(&HoldReason::ProposalDeposit.into(), &who)
}

pub fn free(who: AccountId) -> Balance {
	Balances::free_balance(who)
}

pub fn credits_left(who: AccountId) -> u32 {
	QuadraticVoting::credits_left(COHORT, &person_of(COHORT, who))
}

/// Moves to block `n`.
pub fn run_to(n: u64) {
	System::set_block_number(n);
}

/// Moves past the end of `proposal`'s voting period.
pub fn end_voting(proposal: ProposalId) {
	run_to(Proposals::<Test>::get(proposal).expect("an open proposal").ends_at);
}

pub fn events() -> Vec<Event<Test>> {
	System::events()
		.into_iter()
		.filter_map(|r| match r.event {
			RuntimeEvent::QuadraticVoting(e) => Some(e),
			_ => None,
		})
		.collect()
}

/// The id the first proposal a test puts in storage gets.
pub const FIRST_PROPOSAL: ProposalId = 0;

/// Builds the test externalities: ALICE, BOB, CAROL, DAVE and EVE members of COHORT (persons
/// 1–5), BOB also of OTHER_COHORT, a funded treasury, and the proposals asked for, put straight
/// into storage.
#[derive(Default)]
pub struct ExtBuilder {
	proposals: Vec<(AccountId, RuntimeCall)>,
}

impl ExtBuilder {
	/// `proposer`'s proposal of `call` in COHORT, as `propose` leaves it; the first gets id
	/// [`FIRST_PROPOSAL`], the next the id after.
	pub fn with_proposal(mut self, proposer: AccountId, call: RuntimeCall) -> Self {
		self.proposals.push((proposer, call));
		self
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			for (proposer, call) in self.proposals {
				put_proposal(proposer, call);
			}
			test();
			QuadraticVoting::do_try_state().expect("invariants hold");
		});
	}
}

/// What `propose` by `proposer` of `call` in COHORT leaves in storage.
fn put_proposal(proposer: AccountId, call: RuntimeCall) {
	let id = NextProposalId::<Test>::get();
	let (encoded, call_weight) = QuadraticVoting::checked_call(&call).expect("a fitting call");
	let deposit = deposit_for(&call);
	assert_ok!(Balances::hold(&HoldReason::ProposalDeposit.into(), &proposer, deposit));
	let proposal = Proposal {
		cohort: COHORT,
		proposer,
		proposer_person: person_of(COHORT, proposer),
		call: encoded,
		call_weight,
		description_hash: description(),
		deposit,
		ends_at: System::block_number() + VOTING_PERIOD,
		tally: Tally::default(),
	};
	Proposals::<Test>::insert(id, proposal);
	OpenProposals::<Test>::mutate(COHORT, |open| *open += 1);
	let person = person_of(COHORT, proposer);
	assert_ok!(OpenProposalsOf::<Test>::try_mutate(COHORT, person, |open| open.try_push(id)));
	NextProposalId::<Test>::put(id + 1);
}

/// The test externalities plus the benchmarks' cohort.
#[cfg(feature = "runtime-benchmarks")]
pub fn new_benchmark_ext() -> sp_io::TestExternalities {
	let mut ext = new_test_ext();
	ext.execute_with(|| {
		set_params(
			BENCH_COHORT,
			VotingParams { quorum: Permill::from_percent(10), ..default_params() },
		)
	});
	ext
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let accounts = [ALICE, BOB, CAROL, DAVE, EVE, ALICE_NEW, OUTSIDER];
	let others = vec![(POOR, 12), (TREASURY, TREASURY_FUNDS)];
	let balances = [cohort_test_kit::endow(&accounts, ENDOWMENT), others].concat();
	let mut ext = cohort_test_kit::new_ext::<Test>(balances, |_| {});
	ext.execute_with(|| {
		set_max_call_weight(Weight::from_parts(1_000_000_000_000, 1_000_000));
		set_params(COHORT, default_params());
		set_params(OTHER_COHORT, default_params());
		for (who, p) in [(ALICE, 1), (BOB, 2), (CAROL, 3), (DAVE, 4), (EVE, 5)] {
			add_member(COHORT, who, p);
		}
		add_member(OTHER_COHORT, BOB, 12);
	});
	ext
}
