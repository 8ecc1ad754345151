//! A runtime with this pallet, mock cohorts and a recording hook, for tests and benchmarks.

use crate::{self as pallet_cohort_membership, *};
use codec::Encode;
use cohort_primitives::{CohortsInspect, OnMembershipChange};
use core::cell::RefCell;
use frame_support::{derive_impl, parameter_types, traits::EnsureOriginWithArg};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::{testing::TestSignature, BuildStorage, DispatchResult};
use std::collections::BTreeSet;

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Membership: pallet_cohort_membership,
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

pub const MEMBERSHIP_DEPOSIT: Balance = 50;
pub const ATTESTATION_DEPOSIT: Balance = 20;
pub const MAX_PERIOD: u64 = 1_000;

parameter_types! {
	pub const MembershipDeposit: Balance = MEMBERSHIP_DEPOSIT;
	pub const AttestationDeposit: Balance = ATTESTATION_DEPOSIT;
	pub const MaxAttestationPeriod: u64 = MAX_PERIOD;
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = MockCohorts;
	type CohortOrigin = MockCohortOrigin;
	type OnMembershipChange = RecordingHooks;
	type Signature = TestSignature;
	type MembershipDeposit = MembershipDeposit;
	type AttestationDeposit = AttestationDeposit;
	type MaxAttestationPeriod = MaxAttestationPeriod;
	type WeightInfo = ();
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MockBenchmarkHelper;
}

/// In the mock, CLINIC is the issuer, cohort 0 accepts it, and a signature names its signer.
#[cfg(feature = "runtime-benchmarks")]
pub struct MockBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl crate::BenchmarkHelper<AccountId, TestSignature> for MockBenchmarkHelper {
	fn issuer() -> AccountId {
		CLINIC
	}
	fn sign(issuer: &AccountId, payload: &[u8]) -> TestSignature {
		TestSignature(*issuer, payload.to_vec())
	}
	fn cohort_accepting(_: &AccountId) -> CohortId {
		COHORT
	}
}

/// The cohorts of the tests: 0 and 1 exist; CLINIC is accepted by both, LAB by cohort 1 only.
pub const COHORT: CohortId = 0;
pub const OTHER_COHORT: CohortId = 1;
pub const UNKNOWN_COHORT: CohortId = 9;

pub const CLINIC: AccountId = 10;
pub const LAB: AccountId = 11;
pub const ROGUE: AccountId = 12;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const ALICE_NEW: AccountId = 4;
pub const POOR: AccountId = 98;
pub const NOBODY: AccountId = 99;
/// The account standing for cohort `c`'s members in the mock: `MEMBERS_BASE + c`.
pub const MEMBERS_BASE: AccountId = 1_000;
pub const ENDOWMENT: Balance = 1_000;

thread_local! {
	static FROZEN: RefCell<BTreeSet<CohortId>> = RefCell::new(BTreeSet::new());
	static HOOK_CALLS: RefCell<Vec<String>> = RefCell::new(Vec::new());
	static DROPPED: RefCell<BTreeSet<(CohortId, AccountId)>> = RefCell::new(BTreeSet::new());
}

pub struct MockCohorts;
impl CohortsInspect<AccountId> for MockCohorts {
	fn is_active(cohort: CohortId) -> bool {
		Self::exists(cohort) && !FROZEN.with(|f| f.borrow().contains(&cohort))
	}
	fn exists(cohort: CohortId) -> bool {
		cohort == COHORT || cohort == OTHER_COHORT
	}
	fn accepts_issuer(cohort: CohortId, issuer: &AccountId) -> bool {
		if DROPPED.with(|d| d.borrow().contains(&(cohort, *issuer))) {
			return false;
		}
		match (cohort, *issuer) {
			(COHORT | OTHER_COHORT, CLINIC) => true,
			(OTHER_COHORT, LAB) => true,
			_ => false,
		}
	}
	fn treasury_account(cohort: CohortId) -> AccountId {
		MEMBERS_BASE + AccountId::from(cohort)
	}
}

/// The cohort stops accepting the issuer (or the council removed it).
pub fn drop_issuer(cohort: CohortId, issuer: AccountId) {
	DROPPED.with(|d| d.borrow_mut().insert((cohort, issuer)));
}

pub fn freeze(cohort: CohortId) {
	FROZEN.with(|f| f.borrow_mut().insert(cohort));
}

/// The members of cohort `c` act as the signed account `MEMBERS_BASE + c`.
pub struct MockCohortOrigin;
impl EnsureOriginWithArg<RuntimeOrigin, CohortId> for MockCohortOrigin {
	type Success = ();
	fn try_origin(o: RuntimeOrigin, cohort: &CohortId) -> Result<(), RuntimeOrigin> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == MEMBERS_BASE + AccountId::from(*cohort) => Ok(()),
			_ => Err(o),
		}
	}
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<RuntimeOrigin, ()> {
		Ok(RuntimeOrigin::signed(MEMBERS_BASE + AccountId::from(*cohort)))
	}
}

pub fn cohort_members(cohort: CohortId) -> RuntimeOrigin {
	RuntimeOrigin::signed(MEMBERS_BASE + AccountId::from(cohort))
}

/// Records every notification, to check that followers hear of each change.
pub struct RecordingHooks;
fn record(call: String) -> DispatchResult {
	HOOK_CALLS.with(|c| c.borrow_mut().push(call));
	Ok(())
}
impl OnMembershipChange<AccountId> for RecordingHooks {
	fn on_joined(
		cohort: CohortId,
		person: &Nullifier,
		account: &AccountId,
		units: u64,
	) -> DispatchResult {
		record(format!("joined {cohort} {} {account} {units}", person_name(person)))
	}
	fn on_suspended(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		record(format!("suspended {cohort} {}", person_name(person)))
	}
	fn on_restored(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		record(format!("restored {cohort} {}", person_name(person)))
	}
	fn on_left(cohort: CohortId, person: &Nullifier) -> DispatchResult {
		record(format!("left {cohort} {}", person_name(person)))
	}
	fn on_rotated(
		cohort: CohortId,
		person: &Nullifier,
		old: &AccountId,
		new: &AccountId,
	) -> DispatchResult {
		record(format!("rotated {cohort} {} {old}->{new}", person_name(person)))
	}
	fn on_consent_changed(
		cohort: CohortId,
		person: &Nullifier,
		old: Consent,
		new: Consent,
	) -> DispatchResult {
		let count = |c: Consent| Purpose::ALL.iter().filter(|p| c.allows(**p)).count();
		record(format!("consent {cohort} {} {}->{}", person_name(person), count(old), count(new)))
	}
	fn on_units_changed(
		cohort: CohortId,
		person: &Nullifier,
		old: u64,
		new: u64,
	) -> DispatchResult {
		record(format!("units {cohort} {} {old}->{new}", person_name(person)))
	}
	fn weight(change: cohort_primitives::MembershipChange) -> frame_support::weights::Weight {
		hook_weight(change)
	}
}

/// What following `change` weighs in the mock: a distinct figure per kind of change.
pub fn hook_weight(change: cohort_primitives::MembershipChange) -> frame_support::weights::Weight {
	frame_support::weights::Weight::from_parts(1_000_000 * (change as u64 + 1), 1_000)
}

/// The notifications since the last call.
pub fn hook_calls() -> Vec<String> {
	HOOK_CALLS.with(|c| c.take())
}

/// A person's nullifier in the tests: `person(1)` is Alice the patient, and so on.
pub fn person(n: u8) -> Nullifier {
	H256::repeat_byte(n)
}

fn person_name(p: &Nullifier) -> String {
	format!("p{}", p.as_bytes()[0])
}

pub fn evidence() -> H256 {
	H256::repeat_byte(0xee)
}

/// A credential from `issuer` for `subject` as `person` in `cohort`, valid on this chain.
pub fn credential(issuer: AccountId, subject: AccountId, p: u8, nonce: u64) -> CredentialOf<Test> {
	Credential {
		genesis_hash: Membership::genesis_hash(),
		cohort: COHORT,
		subject,
		person: person(p),
		expires_at: System::block_number() + 100,
		evidence: evidence(),
		issuer,
		nonce,
	}
}

/// `signer`'s signature of `credential`.
pub fn sign(signer: AccountId, credential: &CredentialOf<Test>) -> TestSignature {
	TestSignature(signer, (CREDENTIAL_TAG, credential).encode())
}

/// `signer`'s signature of a rotation approval.
pub fn sign_rotation(signer: AccountId, approval: &RotationApprovalOf<Test>) -> TestSignature {
	TestSignature(signer, (ROTATION_TAG, approval).encode())
}

/// CLINIC attests on chain that `who` is `person(p)` in COHORT, for 100 blocks.
pub fn attest(who: AccountId, p: u8) {
	frame_support::assert_ok!(Membership::attest(
		RuntimeOrigin::signed(CLINIC),
		COHORT,
		who,
		person(p),
		System::block_number() + 100,
		evidence(),
	));
}

/// `who` joins COHORT as `person(p)` through CLINIC's on-chain attestation.
pub fn join(who: AccountId, p: u8) {
	attest(who, p);
	frame_support::assert_ok!(Membership::join(RuntimeOrigin::signed(who), COHORT, None));
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

pub fn stats() -> CohortStats {
	Stats::<Test>::get(COHORT)
}

pub struct ExtBuilder;

impl ExtBuilder {
	/// Runs `test` on funded accounts, then checks the pallet's invariants.
	pub fn build_and_execute(test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			test();
			Membership::do_try_state().expect("invariants hold");
		});
	}
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Test> {
		balances: [ALICE, BOB, CAROL, ALICE_NEW, CLINIC, LAB, ROGUE, NOBODY]
			.into_iter()
			.map(|who| (who, ENDOWMENT))
			.chain([(POOR, 30)])
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| {
		System::set_block_number(1);
		FROZEN.with(|f| f.borrow_mut().clear());
		DROPPED.with(|d| d.borrow_mut().clear());
		HOOK_CALLS.with(|c| c.borrow_mut().clear());
	});
	ext
}
