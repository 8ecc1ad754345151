//! DESIGN.md flows 1, 2 and 6 through `cohort-runtime`: the council approves a clinic, a cohort
//! accepts it, patients join with the clinic's attestations (on chain and signed off chain),
//! set consent and get units, and a revoked patient is suspended.

use codec::Encode;
use cohort_primitives::{Consent, MembershipInspect, Purpose};
use cohort_runtime::{
	genesis_config_presets::DEV_ENDOWMENT, Balances, Cohorts, Membership, OversightCouncil,
	Runtime, RuntimeCall, RuntimeEvent, RuntimeOrigin, System,
};
use frame_support::{
	assert_noop, assert_ok,
	dispatch::GetDispatchInfo,
	traits::{fungible::InspectHold, UnfilteredDispatchable},
};
use pallet_cohorts::{
	CodeSystem, CohortSettings, ConditionCode, Governance, RevenueSplit, VotingParams,
};
use pallet_membership::{Credential, MemberStatus, CREDENTIAL_TAG};
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, Alice, Bob, Charlie, Dave, Eve, Ferdie};
use sp_runtime::{BuildStorage, MultiSignature, Permill};

const CLINIC: Sr25519Keyring = Ferdie;

fn new_ext() -> sp_io::TestExternalities {
	let mut storage = frame_system::GenesisConfig::<Runtime>::default().build_storage().unwrap();
	pallet_balances::GenesisConfig::<Runtime> {
		balances: Sr25519Keyring::well_known()
			.map(|k| (k.to_account_id(), DEV_ENDOWMENT))
			.collect(),
		..Default::default()
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	pallet_collective::GenesisConfig::<Runtime, pallet_collective::Instance1> {
		members: vec![Alice.to_account_id(), Bob.to_account_id(), Charlie.to_account_id()],
		phantom: Default::default(),
	}
	.assimilate_storage(&mut storage)
	.unwrap();
	let mut ext = sp_io::TestExternalities::new(storage);
	ext.execute_with(|| System::set_block_number(1));
	ext
}

fn signed(who: Sr25519Keyring) -> RuntimeOrigin {
	RuntimeOrigin::signed(who.to_account_id())
}

/// Passes `call` through the Oversight Council: Alice proposes, Bob and Charlie vote aye.
fn council_passes(call: RuntimeCall) {
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
}

use sp_runtime::traits::Hash as _;

fn settings() -> CohortSettings<
	cohort_runtime::AccountId,
	u32,
	<Runtime as pallet_cohorts::Config>::MaxNameLength,
> {
	CohortSettings {
		name: b"Long COVID Europe".to_vec().try_into().unwrap(),
		governance: Governance::Cooperative,
		revenue_split: RevenueSplit {
			members: Permill::from_percent(70),
			treasury: Permill::from_percent(25),
			platform: Permill::from_percent(5),
		},
		k_anonymity_floor: 2,
		voting: VotingParams {
			voting_period: 100,
			quorum: Permill::from_percent(20),
			voice_credits_per_epoch: 100,
			epoch_length: 1000,
		},
	}
}

#[test]
fn council_approves_a_clinic_patients_join_and_a_revoked_patient_is_suspended() {
	new_ext().execute_with(|| {
		// Flow 1: the council approves the clinic; a cohort is created that accepts it.
		let approve = RuntimeCall::Cohorts(pallet_cohorts::Call::approve_issuer {
			issuer: CLINIC.to_account_id(),
		});
		assert_noop!(
			approve.clone().dispatch_bypass_filter(signed(Alice)),
			sp_runtime::DispatchError::BadOrigin
		);
		council_passes(approve);
		assert!(pallet_cohorts::Issuers::<Runtime>::contains_key(CLINIC.to_account_id()));

		assert_ok!(Cohorts::create_cohort(
			signed(Bob),
			ConditionCode {
				system: CodeSystem::Icd10,
				code: b"U09.9".to_vec().try_into().unwrap()
			},
			settings(),
			vec![CLINIC.to_account_id()].try_into().unwrap(),
		));
		let cohort = 0;
		assert_ne!(
			pallet_cohorts::Pallet::<Runtime>::treasury_account(0),
			pallet_cohorts::Pallet::<Runtime>::treasury_account(1),
			"each cohort has a treasury of its own"
		);
		let deposit = pallet_cohorts::Registry::<Runtime>::get(cohort).unwrap().deposit;
		assert_eq!(
			Balances::balance_on_hold(
				&pallet_cohorts::HoldReason::CohortDeposit.into(),
				&Bob.to_account_id()
			),
			deposit
		);

		// Flow 2: Dave joins with an on-chain attestation; Eve with a signed credential.
		let expires_at = 1_000;
		assert_ok!(Membership::attest(
			signed(CLINIC),
			cohort,
			Dave.to_account_id(),
			H256::repeat_byte(1),
			expires_at,
			H256::repeat_byte(0xee),
		));
		assert_ok!(Membership::join(signed(Dave), cohort, None));

		let credential = Credential {
			genesis_hash: Membership::genesis_hash(),
			cohort,
			subject: Eve.to_account_id(),
			person: H256::repeat_byte(2),
			expires_at,
			evidence: H256::repeat_byte(0xef),
			issuer: CLINIC.to_account_id(),
			nonce: 1,
		};
		let signature =
			MultiSignature::Sr25519(CLINIC.sign(&(CREDENTIAL_TAG, &credential).encode()));
		assert_ok!(Membership::join(signed(Eve), cohort, Some((credential, signature))));
		assert_eq!(Membership::active_members(cohort), 2);

		for member in [Dave, Eve] {
			assert_ok!(Membership::set_consent(
				signed(member),
				cohort,
				Consent::only(&[Purpose::AcademicResearch, Purpose::AiTraining])
			));
		}
		assert_ok!(Membership::record_contribution(
			signed(CLINIC),
			cohort,
			Dave.to_account_id(),
			40
		));
		assert_ok!(Membership::record_contribution(
			signed(CLINIC),
			cohort,
			Eve.to_account_id(),
			60
		));
		assert_eq!(Membership::consenting_members(cohort, Purpose::AiTraining), 2);

		// A second account of Eve's person is refused.
		let sybil = Credential {
			genesis_hash: Membership::genesis_hash(),
			cohort,
			subject: Charlie.to_account_id(),
			person: H256::repeat_byte(2),
			expires_at,
			evidence: H256::repeat_byte(0xef),
			issuer: CLINIC.to_account_id(),
			nonce: 2,
		};
		let signature = MultiSignature::Sr25519(CLINIC.sign(&(CREDENTIAL_TAG, &sybil).encode()));
		assert_noop!(
			Membership::join(signed(Charlie), cohort, Some((sybil, signature))),
			pallet_membership::Error::<Runtime>::PersonAlreadyMember
		);

		// Flow 6: the clinic revokes Dave: suspended, out of the counts, deposit still held.
		assert_ok!(Membership::revoke(signed(CLINIC), cohort, Dave.to_account_id()));
		let dave =
			pallet_membership::Memberships::<Runtime>::get(cohort, H256::repeat_byte(1)).unwrap();
		assert_eq!(dave.status, MemberStatus::Suspended);
		assert_eq!(dave.units, 40, "what Dave contributed stays on record");
		assert_eq!(Membership::active_members(cohort), 1);
		assert_eq!(Membership::consenting_members(cohort, Purpose::AiTraining), 1);
		assert_eq!(Membership::active_person(cohort, &Dave.to_account_id()), None);

		// A frozen cohort admits nobody.
		council_passes(RuntimeCall::Cohorts(pallet_cohorts::Call::freeze { cohort }));
		assert_noop!(
			Membership::attest(
				signed(CLINIC),
				cohort,
				Dave.to_account_id(),
				H256::repeat_byte(1),
				expires_at,
				H256::repeat_byte(0xee),
			),
			pallet_membership::Error::<Runtime>::CohortNotActive
		);
		assert!(!<Cohorts as cohort_primitives::CohortsInspect<_>>::is_active(cohort));
	});
}
