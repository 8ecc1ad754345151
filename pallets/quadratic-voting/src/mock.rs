//! A runtime with this pallet, mock cohorts and a mock membership, for tests and benchmarks.

use crate::{self as pallet_quadratic_voting, *};
use cohort_primitives::{
	CohortVoting, CohortsInspect, MembershipInspect, OnMembershipChange, Purpose, VotingParams,
};
use core::cell::RefCell;
use frame_support::{
	assert_ok, derive_impl, parameter_types,
	traits::{fungible::InspectHold, Get},
	weights::Weight,
};
use frame_system::EnsureRoot;
use sp_core::H256;
use sp_runtime::{traits::Convert, BuildStorage, Permill};
use std::collections::{BTreeMap, BTreeSet};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		QuadraticVoting: pallet_quadratic_voting,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

pub const DEPOSIT_BASE: Balance = 10;
pub const DEPOSIT_PER_BYTE: Balance = 1;
pub const MAX_CALL_SIZE: u32 = 64;
pub const MAX_OPEN: u32 = 4;
pub const MAX_LIVE_VOTES: u32 = 3;

parameter_types! {
	pub const ProposalDepositBase: Balance = DEPOSIT_BASE;
	pub const ProposalDepositPerByte: Balance = DEPOSIT_PER_BYTE;
}

thread_local! {
	static MAX_CALL_WEIGHT: RefCell<Weight> = RefCell::new(Weight::from_parts(1_000_000_000_000, 1_000_000));
	static PARAMS: RefCell<BTreeMap<CohortId, VotingParams<u64>>> = RefCell::new(BTreeMap::new());
	static FROZEN: RefCell<BTreeSet<CohortId>> = RefCell::new(BTreeSet::new());
	/// (cohort, account) → (person, active).
	static MEMBERS: RefCell<BTreeMap<(CohortId, AccountId), (Nullifier, bool)>> = RefCell::new(BTreeMap::new());
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
	type MembersOriginBuilder = MembersAsTreasury;
	type CancelOrigin = EnsureRoot<AccountId>;
	type ProposalDepositBase = ProposalDepositBase;
	type ProposalDepositPerByte = ProposalDepositPerByte;
	type MaxCallSize = frame_support::traits::ConstU32<MAX_CALL_SIZE>;
	type MaxCallWeight = MaxCallWeight;
	type MaxOpenProposals = frame_support::traits::ConstU32<MAX_OPEN>;
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
/// Cohort `c`'s treasury is `TREASURY_BASE + c`; its members act as that signed account.
pub const TREASURY_BASE: AccountId = 1_000;
pub const TREASURY: AccountId = TREASURY_BASE;
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

pub struct MockCohorts;
impl CohortsInspect<AccountId> for MockCohorts {
	fn is_active(cohort: CohortId) -> bool {
		Self::exists(cohort) && !FROZEN.with(|f| f.borrow().contains(&cohort))
	}
	fn exists(cohort: CohortId) -> bool {
		PARAMS.with(|p| p.borrow().contains_key(&cohort))
	}
	fn accepts_issuer(_: CohortId, _: &AccountId) -> bool {
		false
	}
	fn treasury_account(cohort: CohortId) -> AccountId {
		TREASURY_BASE + AccountId::from(cohort)
	}
}
impl CohortVoting<u64> for MockCohorts {
	fn voting_params(cohort: CohortId) -> Option<VotingParams<u64>> {
		PARAMS.with(|p| p.borrow().get(&cohort).copied())
	}
}

pub fn set_params(cohort: CohortId, params: VotingParams<u64>) {
	PARAMS.with(|p| p.borrow_mut().insert(cohort, params));
}

pub fn freeze(cohort: CohortId) {
	FROZEN.with(|f| f.borrow_mut().insert(cohort));
}

pub fn unfreeze(cohort: CohortId) {
	FROZEN.with(|f| f.borrow_mut().remove(&cohort));
}

pub struct MockMembership;
impl MembershipInspect<AccountId> for MockMembership {
	fn active_person(cohort: CohortId, account: &AccountId) -> Option<Nullifier> {
		MEMBERS.with(|m| match m.borrow().get(&(cohort, *account)) {
			Some((person, true)) => Some(*person),
			_ => None,
		})
	}
	fn active_members(cohort: CohortId) -> u32 {
		MEMBERS.with(|m| {
			m.borrow()
				.iter()
				.filter(|((c, _), (_, active))| *c == cohort && *active)
				.count() as u32
		})
	}
	fn consenting_members(_: CohortId, _: Purpose) -> u32 {
		0
	}
}

/// The members of cohort `c` act as its treasury account, signed.
pub struct MembersAsTreasury;
impl Convert<CohortId, RuntimeOrigin> for MembersAsTreasury {
	fn convert(cohort: CohortId) -> RuntimeOrigin {
		RuntimeOrigin::signed(MockCohorts::treasury_account(cohort))
	}
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
		let person = H256::from_low_u64_be(u64::from(index) + 1_000);
		MEMBERS.with(|m| m.borrow_mut().insert((cohort, *who), (person, true)));
		person
	}
}

/// A person's nullifier in the tests: `person(1)` is Alice, and so on.
pub fn person(n: u8) -> Nullifier {
	H256::repeat_byte(n)
}

/// `who` is an active member of `cohort` as `person(p)`.
pub fn add_member(cohort: CohortId, who: AccountId, p: u8) {
	MEMBERS.with(|m| m.borrow_mut().insert((cohort, who), (person(p), true)));
	assert_ok!(<QuadraticVoting as OnMembershipChange<AccountId>>::on_joined(
		cohort,
		&person(p),
		&who,
		0
	));
}

fn person_of(cohort: CohortId, who: AccountId) -> Nullifier {
	MEMBERS.with(|m| m.borrow().get(&(cohort, who)).expect("a member").0)
}

/// Membership suspends `who` (revoked or expired) and tells voting.
pub fn suspend(cohort: CohortId, who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().get_mut(&(cohort, who)).expect("a member").1 = false);
	assert_ok!(<QuadraticVoting as OnMembershipChange<AccountId>>::on_suspended(
		cohort,
		&person_of(cohort, who)
	));
}

/// Membership restores `who` and tells voting.
pub fn restore(cohort: CohortId, who: AccountId) {
	MEMBERS.with(|m| m.borrow_mut().get_mut(&(cohort, who)).expect("a member").1 = true);
	assert_ok!(<QuadraticVoting as OnMembershipChange<AccountId>>::on_restored(
		cohort,
		&person_of(cohort, who)
	));
}

/// `who` leaves and membership tells voting.
pub fn leave(cohort: CohortId, who: AccountId) {
	let person = person_of(cohort, who);
	MEMBERS.with(|m| m.borrow_mut().remove(&(cohort, who)));
	assert_ok!(<QuadraticVoting as OnMembershipChange<AccountId>>::on_left(cohort, &person));
}

/// The person behind `old` moves to `new` (key recovery) and membership tells voting.
pub fn rotate(cohort: CohortId, old: AccountId, new: AccountId) {
	let entry = MEMBERS.with(|m| m.borrow_mut().remove(&(cohort, old)).expect("a member"));
	MEMBERS.with(|m| m.borrow_mut().insert((cohort, new), entry));
	assert_ok!(<QuadraticVoting as OnMembershipChange<AccountId>>::on_rotated(
		cohort, &entry.0, &old, &new
	));
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

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
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

pub struct ExtBuilder;

impl ExtBuilder {
	/// Runs `test` with ALICE, BOB, CAROL, DAVE and EVE members of COHORT (persons 1–5), BOB
	/// also of OTHER_COHORT, and a funded treasury; then checks the pallet's invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			test();
			QuadraticVoting::do_try_state().expect("invariants hold");
		});
	}
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
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CAROL, DAVE, EVE, ALICE_NEW, OUTSIDER]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.chain([(POOR, 12), (TREASURY, TREASURY_FUNDS)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		MEMBERS.with(|m| m.borrow_mut().clear());
		FROZEN.with(|f| f.borrow_mut().clear());
		PARAMS.with(|p| p.borrow_mut().clear());
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
