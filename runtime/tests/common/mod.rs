//! What the runtime's flow tests share: a fresh chain with the dev genesis, the invariants
//! checked after every test, and the steps every flow takes (the council passing a motion, a
//! cohort accepting the clinic, patients joining and sharing data, members deciding by vote).

#![allow(dead_code, unused_imports)]

pub use codec::Encode;
pub use cohort_primitives::{Consent, MembershipInspect, Purpose};
pub use cohort_runtime::{
	genesis_config_presets::DEV_ENDOWMENT, AccountId, Balances, Cohorts, Membership,
	OversightCouncil, QuadraticVoting, Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
	UNIT,
};
pub use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{
		fungible::{Inspect, InspectHold},
		UnfilteredDispatchable,
	},
};
pub use pallet_cohort_membership::{Credential, MemberStatus, CREDENTIAL_TAG};
pub use pallet_cohorts::{CodeSystem, CohortSettings, ConditionCode, Governance, VotingParams};
pub use pallet_quadratic_voting::{Choice, Outcome, Tally};
pub use sp_core::H256;
pub use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
pub use sp_runtime::{BuildStorage, MultiSignature, Permill};

pub const CLINIC: Sr25519Keyring = Ferdie;

/// A fresh chain from the `development` preset, as `cohort-node --dev` starts: the dev
/// accounts funded, Alice, Bob and Charlie the council, Alice the collator and sudo.
pub fn new_ext() -> sp_io::TestExternalities {
	let mut ext = sp_io::TestExternalities::new_empty();
	ext.execute_with(|| {
		cohort_runtime::genesis_config_presets::build_state(
			&sp_genesis_builder::DEV_RUNTIME_PRESET.into(),
		)
		.unwrap();
		System::set_block_number(1);
	});
	ext
}

/// Runs `test` on a fresh chain, then checks every invariant: each pallet's own (among them
/// the agreement membership asks of its followers) and those across pallets
/// (`cohort_runtime::invariants`). The steps below check them too, after each step.
pub fn run(test: impl FnOnce()) {
	new_ext().execute_with(|| {
		invariants_hold();
		test();
		invariants_hold();
	});
}

/// Every invariant of the runtime holds now.
pub fn invariants_hold() {
	if let Err(broken) = cohort_runtime::invariants::check_all() {
		panic!("an invariant is broken: {broken}");
	}
}

pub fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// Passes `call` through the Oversight Council: Alice proposes, Bob and Charlie vote aye.
pub fn council_passes(call: RuntimeCall) {
	let length = call.encoded_size() as u32;
	let weight = call.get_dispatch_info().call_weight;
	let hash = <Runtime as frame_system::Config>::Hashing::hash_of(&call);
	let index = pallet_collective::ProposalCount::<Runtime, pallet_collective::Instance1>::get();
	assert_ok!(OversightCouncil::propose(signed(Alice), 3, Box::new(call), length));
	for voter in [Alice, Bob, Charlie] {
		assert_ok!(OversightCouncil::vote(signed(voter), hash, index, true));
	}
	assert_ok!(OversightCouncil::close(signed(Alice), hash, index, weight, length));
	assert!(System::events().iter().any(|r| matches!(
		&r.event,
		RuntimeEvent::OversightCouncil(pallet_collective::Event::Executed { result: Ok(()), .. })
	)));
	invariants_hold();
}

pub use sp_runtime::traits::Hash as _;

pub fn settings() -> CohortSettings<
	cohort_runtime::AccountId,
	u32,
	<Runtime as pallet_cohorts::Config>::MaxNameLength,
> {
	CohortSettings {
		name: b"Long COVID Europe".to_vec().try_into().unwrap(),
		governance: Governance::Cooperative,
		members_share: Permill::from_percent(70),
		k_anonymity_floor: 2,
		voting: VotingParams {
			voting_period: 100,
			quorum: Permill::from_percent(20),
			voice_credits_per_epoch: 100,
			epoch_length: 1000,
		},
	}
}

/// The council approves the clinic and Bob creates cohort 0 accepting it.
pub fn cohort_with_clinic() -> u32 {
	cohort_with_clinic_and(settings())
}

/// As [`cohort_with_clinic`], with `settings`.
pub fn cohort_with_clinic_and(
	settings: CohortSettings<AccountId, u32, <Runtime as pallet_cohorts::Config>::MaxNameLength>,
) -> u32 {
	council_passes(RuntimeCall::Cohorts(pallet_cohorts::Call::approve_issuer {
		issuer: CLINIC.to_account_id(),
	}));
	assert_ok!(Cohorts::create_cohort(
		signed(Bob),
		ConditionCode { system: CodeSystem::Icd10, code: b"U09.9".to_vec().try_into().unwrap() },
		settings,
		vec![CLINIC.to_account_id()].try_into().unwrap(),
	));
	0
}

/// The clinic attests `who` as person `n` and they join.
pub fn joins(cohort: u32, who: Sr25519Keyring, n: u8) {
	joins_until(cohort, who, n, 1_000);
}

/// As [`joins`], with an attestation that expires at block `expires_at`.
pub fn joins_until(cohort: u32, who: Sr25519Keyring, n: u8, expires_at: u32) {
	assert_ok!(Membership::attest(
		signed(CLINIC),
		cohort,
		who.to_account_id(),
		H256::repeat_byte(n),
		expires_at,
		H256::repeat_byte(0xee),
	));
	assert_ok!(Membership::join(signed(who), cohort, None));
	invariants_hold();
}

/// `member` consents to AI training and the clinic records `units` of their data.
pub fn shares_data_for_ai_training(cohort: u32, member: Sr25519Keyring, units: u64) {
	shares_data_for_ai_training_via(CLINIC, cohort, member, units);
}

/// As [`shares_data_for_ai_training`], with `issuer` recording the units.
pub fn shares_data_for_ai_training_via(
	issuer: Sr25519Keyring,
	cohort: u32,
	member: Sr25519Keyring,
	units: u64,
) {
	assert_ok!(Membership::set_consent(
		signed(member),
		cohort,
		Consent::only(&[Purpose::AiTraining])
	));
	assert_ok!(Membership::record_contribution(
		signed(issuer),
		cohort,
		member.to_account_id(),
		units
	));
	invariants_hold();
}

/// The cohort's members decide `call`: Dave proposes it, votes aye, and it is closed after the
/// voting period (the quorum is 20% of the active members).
pub fn members_decide(cohort: u32, call: RuntimeCall) {
	let proposal = pallet_quadratic_voting::NextProposalId::<Runtime>::get();
	assert_ok!(QuadraticVoting::propose(signed(Dave), cohort, Box::new(call), H256::zero()));
	assert_ok!(QuadraticVoting::vote(signed(Dave), proposal, Choice::Aye, 1));
	let ends_at = pallet_quadratic_voting::Proposals::<Runtime>::get(proposal).unwrap().ends_at;
	System::set_block_number(ends_at);
	assert_ok!(QuadraticVoting::close(signed(Dave), proposal));
	let closed = System::events().into_iter().rev().find_map(|r| match r.event {
		RuntimeEvent::QuadraticVoting(pallet_quadratic_voting::Event::Closed {
			proposal: p,
			outcome,
			..
		}) if p == proposal => Some(outcome),
		_ => None,
	});
	assert_eq!(closed, Some(Outcome::Passed { result: Ok(()) }));
	invariants_hold();
}

/// Registering dataset 0 of `cohort`: a bundle of 5,000 records, FHIR `Observation`s.
pub fn register_dataset_call(cohort: u32) -> RuntimeCall {
	RuntimeCall::DataLicensing(pallet_data_licensing::Call::register_dataset {
		cohort,
		content_hash: H256::repeat_byte(0xda),
		schema_tags: vec![b"Observation".to_vec().try_into().unwrap()].try_into().unwrap(),
		locator: b"bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi"
			.to_vec()
			.try_into()
			.unwrap(),
		record_count: 5_000,
	})
}

/// Publishing an offer on dataset 0 for `purpose` at `price`, for 1,000 blocks of access.
pub fn publish_offer_call(purpose: Purpose, price: u128) -> RuntimeCall {
	RuntimeCall::DataLicensing(pallet_data_licensing::Call::publish_offer {
		dataset: 0,
		purpose,
		price,
		access_duration: 1_000,
		terms_hash: H256::repeat_byte(0x7e),
	})
}
