//! A runtime with this pallet, mock cohorts and a recording hook, for tests and benchmarks.

use crate::{self as pallet_cohort_membership, *};
use codec::Encode;
use cohort_primitives::OnMembershipChange;
use cohort_test_kit::{MockCohort, MockCohortOrigin, MockCohorts, MockTrusteesOrigin};
use core::cell::RefCell;
use frame_support::{assert_ok, parameter_types, traits::fungible::MutateHold};
use sp_core::H256;
use sp_runtime::{testing::TestSignature, DispatchResult};

pub use cohort_test_kit::person;

cohort_test_kit::mock_runtime!(Membership: pallet_cohort_membership, existential_deposit: 1);

pub const MEMBERSHIP_DEPOSIT: Balance = 50;
pub const ATTESTATION_DEPOSIT: Balance = 20;
pub const MAX_PERIOD: u64 = 1_000;
pub const ROTATION_DELAY: u64 = 50;
pub const MAX_UNITS_PER_CALL: u64 = 1_000;
pub const MAX_EXPIRIES_PER_BLOCK: u32 = 2;
pub const MAX_SWEPT_PER_BLOCK: u32 = 2;

parameter_types! {
	pub const MembershipDeposit: Balance = MEMBERSHIP_DEPOSIT;
	pub const AttestationDeposit: Balance = ATTESTATION_DEPOSIT;
	pub const MaxAttestationPeriod: u64 = MAX_PERIOD;
	pub const RotationDelay: u64 = ROTATION_DELAY;
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = MockCohorts;
	type CohortOrigin = MockCohortOrigin;
	type TrusteeConsentOrigin = MockTrusteesOrigin;
	type OnMembershipChange = RecordingHooks;
	type Signature = TestSignature;
	type MembershipDeposit = MembershipDeposit;
	type AttestationDeposit = AttestationDeposit;
	type MaxAttestationPeriod = MaxAttestationPeriod;
	type RotationDelay = RotationDelay;
	type MaxExpiriesPerBlock = frame_support::traits::ConstU32<MAX_EXPIRIES_PER_BLOCK>;
	type MaxSweptPerBlock = frame_support::traits::ConstU32<MAX_SWEPT_PER_BLOCK>;
	type MaxUnitsPerCall = frame_support::traits::ConstU64<MAX_UNITS_PER_CALL>;
	type OversightOrigin = frame_system::EnsureRoot<AccountId>;
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
	fn cohort_accepting(issuer: &AccountId) -> CohortId {
		// Again accepted: a benchmark's earlier run may have dropped it.
		MockCohorts::update(COHORT, |c| {
			c.issuers.insert(*issuer);
		});
		COHORT
	}
	fn drop_issuer(cohort: CohortId, issuer: &AccountId) {
		MockCohorts::drop_issuer(cohort, *issuer);
	}
	fn make_data_trust(cohort: CohortId) -> AccountId {
		MockCohorts::update(cohort, |c| c.trustees = Some(TRUSTEES));
		TRUSTEES
	}
}

/// The cohorts of the tests: 0 and 1 exist; CLINIC is accepted by both, LAB by cohort 1 only.
pub const COHORT: CohortId = 0;
pub const OTHER_COHORT: CohortId = 1;
pub const UNKNOWN_COHORT: CohortId = 9;

pub const CLINIC: AccountId = 10;
pub const LAB: AccountId = 11;
pub const ROGUE: AccountId = 12;
/// The trustees of COHORT once [`make_trust`] made it a data trust.
pub const TRUSTEES: AccountId = 20;
pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CAROL: AccountId = 3;
pub const ALICE_NEW: AccountId = 4;
pub const POOR: AccountId = 98;
pub const NOBODY: AccountId = 99;
pub const ENDOWMENT: Balance = 1_000;

thread_local! {
	static HOOK_CALLS: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// The cohort stops accepting the issuer, and tells this pallet as pallet-cohorts does.
pub fn drop_issuer(cohort: CohortId, issuer: AccountId) {
	MockCohorts::drop_issuer(cohort, issuer);
	<Membership as cohort_primitives::OnIssuerWithdrawn<AccountId>>::on_issuer_withdrawn(
		&issuer,
		Some(cohort),
	);
}

/// The council removes the issuer: no cohort accepts it any more.
pub fn remove_issuer(issuer: AccountId) {
	MockCohorts::remove_issuer(issuer);
	<Membership as cohort_primitives::OnIssuerWithdrawn<AccountId>>::on_issuer_withdrawn(
		&issuer, None,
	);
}

pub fn freeze(cohort: CohortId) {
	MockCohorts::freeze(cohort);
}

/// The origin of cohort `cohort`'s members.
pub fn cohort_members(cohort: CohortId) -> RuntimeOrigin {
	RuntimeOrigin::signed(cohort_test_kit::treasury(cohort))
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
	fn on_rotating_by_cohort(
		cohort: CohortId,
		person: &Nullifier,
		old: &AccountId,
	) -> DispatchResult {
		record(format!("rotating-by-cohort {cohort} {} {old}", person_name(person)))
	}
	fn on_delegation_changed(
		cohort: CohortId,
		person: &Nullifier,
		delegated: bool,
	) -> DispatchResult {
		record(format!("delegated {cohort} {} {delegated}", person_name(person)))
	}
	fn on_trustee_consent_changed(cohort: CohortId, old: Consent, new: Consent) -> DispatchResult {
		let count = |c: Consent| Purpose::ALL.iter().filter(|p| c.allows(**p)).count();
		record(format!("trustee-consent {cohort} {}->{}", count(old), count(new)))
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

fn person_name(p: &Nullifier) -> String {
	format!("p{}", p.to_low_u64_be())
}

pub fn evidence() -> H256 {
	H256::repeat_byte(0xee)
}

/// A credential from `issuer` for `subject` as `person` in `cohort`, valid on this chain.
pub fn credential(issuer: AccountId, subject: AccountId, p: u64, nonce: u64) -> CredentialOf<Test> {
	Credential {
		genesis_hash: Membership::genesis_hash(),
		cohort: COHORT,
		subject,
		person: person(p),
		expires_at: System::block_number() + 100,
		evidence: evidence(),
		issuer,
		nonce,
		issued_at: System::block_number(),
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
pub fn attest(who: AccountId, p: u64) {
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
pub fn join(who: AccountId, p: u64) {
	attest(who, p);
	frame_support::assert_ok!(Membership::join(RuntimeOrigin::signed(who), COHORT, None));
}

/// COHORT becomes a data trust whose trustees are TRUSTEES.
pub fn make_trust() {
	MockCohorts::update(COHORT, |c| c.trustees = Some(TRUSTEES));
}

pub fn stats() -> CohortStats {
	Stats::<Test>::get(COHORT)
}

/// Builds the test externalities: funded accounts, cohorts 0 and 1 (CLINIC accepted by both, LAB
/// by cohort 1 only), and the members asked for, put straight into storage.
#[derive(Default)]
pub struct ExtBuilder {
	members: Vec<(AccountId, u64, u64)>,
}

impl ExtBuilder {
	/// `who` a member of COHORT as `person(p)`, attested by CLINIC for 100 blocks, as `join`
	/// leaves it (followers are not told).
	pub fn with_member(self, who: AccountId, p: u64) -> Self {
		self.with_contributor(who, p, 0)
	}

	/// A member as [`Self::with_member`] for whom CLINIC recorded `units` of data.
	pub fn with_contributor(mut self, who: AccountId, p: u64, units: u64) -> Self {
		self.members.push((who, p, units));
		self
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let mut ext = new_test_ext();
		ext.execute_with(|| {
			for (who, p, units) in self.members {
				put_member(who, p, units);
			}
			test();
			Membership::do_try_state().expect("invariants hold");
		});
	}
}

/// What CLINIC's attestation, `join` and `record_contribution` leave in storage for `who` as
/// `person(p)` (with no consent yet, the counts do not depend on `units`).
fn put_member(who: AccountId, p: u64, units: u64) {
	assert_ok!(Balances::hold(&HoldReason::Membership.into(), &who, MEMBERSHIP_DEPOSIT));
	let mut admission = Admission {
		issuer: CLINIC,
		person: person(p),
		expires_at: System::block_number() + 100,
		evidence: evidence(),
		nonce: None,
	};
	let now = System::block_number();
	// Earlier if that block's expiries are full, as `join` does.
	admission.expires_at =
		Membership::file_active(COHORT, person(p), &CLINIC, admission.expires_at).unwrap();
	let mut record = MembershipRecord::admit(who, admission, MEMBERSHIP_DEPOSIT, now, None);
	record.units = units;
	assert_ok!(Stats::<Test>::try_mutate(COHORT, |s| s
		.add(MemberStatus::Active, CountedConsent::Own(Consent::NONE))));
	Membership::store_with_standing(COHORT, person(p), record);
}

pub fn new_test_ext() -> sp_io::TestExternalities {
	let accounts = [ALICE, BOB, CAROL, ALICE_NEW, CLINIC, LAB, ROGUE, NOBODY];
	let balances = [cohort_test_kit::endow(&accounts, ENDOWMENT), vec![(POOR, 30)]].concat();
	let mut ext = cohort_test_kit::new_ext::<Test>(balances, |_| {});
	ext.execute_with(|| {
		let clinic = MockCohort { issuers: [CLINIC].into(), ..Default::default() };
		MockCohorts::add(COHORT, clinic.clone());
		MockCohorts::add(OTHER_COHORT, MockCohort { issuers: [CLINIC, LAB].into(), ..clinic });
		HOOK_CALLS.with(|c| c.borrow_mut().clear());
	});
	ext
}

/// Moves to block `n`, starting each block on the way as the runtime does.
pub fn run_to_block(n: u64) {
	use frame_support::traits::Hooks;
	while System::block_number() < n {
		System::set_block_number(System::block_number() + 1);
		Membership::on_initialize(System::block_number());
	}
}
