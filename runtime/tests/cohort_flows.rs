//! DESIGN.md flows 1 to 6 through `cohort-runtime`: the council approves a clinic, a cohort
//! accepts it, patients join with the clinic's attestations (on chain and signed off chain),
//! set consent and get units; members fund a study by quadratic vote, paid from the treasury
//! with the cohort's `Members` origin; the cohort registers a dataset and an offer, a pharma
//! account pays into escrow and is granted access, the revenue is split; members claim
//! royalties in proportion to their units; a revoked patient is suspended, their votes drop,
//! their accrual stops and what they earned stays claimable.

// Tests fail by panicking: the runtime crates' lints against it do not apply here.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

mod common;

use common::*;
#[test]
fn council_approves_a_clinic_patients_join_and_a_revoked_patient_is_suspended() {
	run(|| {
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
			issued_at: frame_system::Pallet::<Runtime>::block_number(),
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
			issued_at: frame_system::Pallet::<Runtime>::block_number(),
		};
		let signature = MultiSignature::Sr25519(CLINIC.sign(&(CREDENTIAL_TAG, &sybil).encode()));
		assert_noop!(
			Membership::join(signed(Charlie), cohort, Some((sybil, signature))),
			pallet_cohort_membership::Error::<Runtime>::PersonAlreadyMember
		);

		// Flow 6: the clinic revokes Dave: suspended, out of the counts, deposit still held.
		assert_ok!(Membership::revoke(signed(CLINIC), cohort, Dave.to_account_id()));
		let dave =
			pallet_cohort_membership::Memberships::<Runtime>::get(cohort, H256::repeat_byte(1))
				.unwrap();
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
			pallet_cohort_membership::Error::<Runtime>::CohortNotActive
		);
		assert!(!<Cohorts as cohort_primitives::CohortsInspect<_>>::is_active(cohort));
	});
}

#[test]
fn members_fund_a_study_by_quadratic_vote_and_a_revoked_voter_drops_out() {
	run(|| {
		let cohort = cohort_with_clinic();
		for (n, member) in [Dave, Eve, Charlie, Alice].into_iter().enumerate() {
			joins(cohort, member, n as u8 + 1);
		}
		let treasury = pallet_cohorts::Pallet::<Runtime>::treasury_account(cohort);
		assert_ok!(Balances::transfer_keep_alive(
			signed(Bob),
			treasury.clone().into(),
			1_000 * UNIT
		));
		let research: AccountId = AccountId::from([7u8; 32]);

		// A signed account cannot spend the treasury; only the members, by vote.
		let spend = RuntimeCall::Cohorts(pallet_cohorts::Call::spend {
			cohort,
			beneficiary: research.clone(),
			amount: 400 * UNIT,
		});
		assert_noop!(
			spend.clone().dispatch_bypass_filter(signed(Dave)),
			pallet_cohorts::Error::<Runtime>::NotCohortAuthority
		);

		// Flow 3: Dave proposes funding the study; members vote quadratically.
		let study_protocol = H256::repeat_byte(0x5d);
		assert_ok!(QuadraticVoting::propose(signed(Dave), cohort, Box::new(spend), study_protocol));
		let proposal = 0;
		let deposit = pallet_quadratic_voting::Proposals::<Runtime>::get(proposal).unwrap().deposit;
		assert_eq!(
			Balances::balance_on_hold(
				&pallet_quadratic_voting::HoldReason::ProposalDeposit.into(),
				&Dave.to_account_id()
			),
			deposit
		);
		for (member, choice, votes) in [
			(Dave, Choice::Aye, 5),
			(Eve, Choice::Aye, 3),
			(Charlie, Choice::Nay, 9),
			(Alice, Choice::Aye, 2),
		] {
			assert_ok!(QuadraticVoting::vote(signed(member), proposal, choice, votes));
		}
		let person = |n: u8| H256::repeat_byte(n);
		assert_eq!(QuadraticVoting::credits_left(cohort, &person(1)), 100 - 25);
		assert_eq!(
			pallet_quadratic_voting::Proposals::<Runtime>::get(proposal).unwrap().tally,
			Tally { ayes: 10, nays: 9, voters: 4 }
		);

		// Flow 6: the clinic revokes Eve: her 3 ayes leave the tally at once.
		assert_ok!(Membership::revoke(signed(CLINIC), cohort, Eve.to_account_id()));
		assert_eq!(
			pallet_quadratic_voting::Proposals::<Runtime>::get(proposal).unwrap().tally,
			Tally { ayes: 7, nays: 9, voters: 3 }
		);
		// The ayes answer: Alice raises her vote to 3 (9 credits, her 4 refunded first) and
		// Dave to 7 (49 credits): 10 ayes against 9 nays.
		assert_ok!(QuadraticVoting::vote(signed(Alice), proposal, Choice::Aye, 3));
		assert_ok!(QuadraticVoting::vote(signed(Dave), proposal, Choice::Aye, 7));
		assert_eq!(QuadraticVoting::credits_left(cohort, &person(1)), 100 - 49);

		// Closing before the end is refused; after it, anyone closes and the study is paid.
		assert_noop!(
			QuadraticVoting::close(signed(Ferdie), proposal),
			pallet_quadratic_voting::Error::<Runtime>::VotingOpen
		);
		System::set_block_number(1 + settings().voting.voting_period);
		let dave_free = Balances::balance(&Dave.to_account_id());
		assert_ok!(QuadraticVoting::close(signed(Ferdie), proposal));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::QuadraticVoting(pallet_quadratic_voting::Event::Closed {
				proposal,
				cohort,
				tally: Tally { ayes: 10, nays: 9, voters: 3 },
				quorum: 1,
				outcome: Outcome::Passed { result: Ok(()) },
			})));
		assert!(System::events().iter().any(|r| r.event
			== RuntimeEvent::Cohorts(pallet_cohorts::Event::TreasurySpent {
				cohort,
				beneficiary: research.clone(),
				amount: 400 * UNIT,
			})));
		assert_eq!(Balances::balance(&research), 400 * UNIT);
		// What is left, above the existential deposit the creator opened the treasury with.
		assert_eq!(Balances::balance(&treasury), 600 * UNIT + cohort_runtime::EXISTENTIAL_DEPOSIT);
		assert_eq!(Balances::balance(&Dave.to_account_id()), dave_free + deposit);
		assert_eq!(pallet_quadratic_voting::OpenProposals::<Runtime>::get(cohort), 0);
	});
}

#[test]
fn a_licence_is_paid_into_escrow_settled_and_shared_as_royalties_by_units() {
	use cohort_runtime::{configs::cohorts::PlatformAccount, DataLicensing, Royalties};
	use pallet_data_licensing::HoldReason as LicensingHold;

	run(|| {
		let cohort = cohort_with_clinic();
		let members = [(Dave, 1u8, 40u64), (Eve, 2, 60), (Charlie, 3, 100)];
		for (member, n, units) in members {
			joins(cohort, member, n);
			shares_data_for_ai_training(cohort, member, units);
		}
		let treasury = pallet_cohorts::Pallet::<Runtime>::treasury_account(cohort);
		assert_ok!(Balances::transfer_keep_alive(signed(Bob), treasury.clone().into(), 100 * UNIT));

		// Flow 4: the cohort registers a dataset and an offer, by vote.
		members_decide(cohort, register_dataset_call(cohort));
		let dataset = 0;
		let price = 1_000 * UNIT;
		members_decide(cohort, publish_offer_call(Purpose::AiTraining, price));

		// A pharma account requests: the price is held, not moved.
		let pharma = Sr25519Keyring::BobStash;
		let pharma_before = Balances::balance(&pharma.to_account_id());
		assert_ok!(DataLicensing::request(signed(pharma), 0));
		assert_eq!(
			Balances::balance_on_hold(&LicensingHold::Escrow.into(), &pharma.to_account_id()),
			price
		);

		// The cohort approves: members 70% to the pool, treasury 25%, platform 5%; a grant.
		let (treasury_before, platform_before) =
			(Balances::balance(&treasury), Balances::balance(&PlatformAccount::get()));
		members_decide(
			cohort,
			RuntimeCall::DataLicensing(pallet_data_licensing::Call::approve {
				request: 0,
				rationale: H256::zero(),
			}),
		);
		assert_eq!(Balances::balance(&treasury) - treasury_before, 250 * UNIT);
		assert_eq!(Balances::balance(&PlatformAccount::get()) - platform_before, 50 * UNIT);
		assert_eq!(
			Balances::balance_on_hold(&LicensingHold::Escrow.into(), &pharma.to_account_id()),
			0
		);
		let deposit = <Runtime as pallet_data_licensing::Config>::RequestDeposit::get();
		assert_eq!(Balances::balance(&pharma.to_account_id()), pharma_before - price - deposit);
		let now = System::block_number();
		assert_eq!(
			DataLicensing::live_grant(dataset, &pharma.to_account_id(), Purpose::AiTraining),
			Some(now + 1_000)
		);

		// Flow 5: 700 among 200 units: Dave (40) 140, Eve (60) 210, Charlie (100) 350.
		let expected = [(Dave, 140 * UNIT), (Eve, 210 * UNIT), (Charlie, 350 * UNIT)];
		for (member, amount) in expected {
			assert_eq!(
				Royalties::pending(cohort, &member.to_account_id())[Purpose::AiTraining.index()],
				amount
			);
		}
		let dave_before = Balances::balance(&Dave.to_account_id());
		assert_ok!(Royalties::claim(signed(Dave), cohort));
		assert_eq!(Balances::balance(&Dave.to_account_id()), dave_before + 140 * UNIT);
		let eve_before = Balances::balance(&Eve.to_account_id());
		assert_ok!(Royalties::claim_for(signed(Ferdie), cohort, Eve.to_account_id()));
		assert_eq!(Balances::balance(&Eve.to_account_id()), eve_before + 210 * UNIT);

		// Flow 6: the clinic revokes Charlie: accrual stops, what was earned stays.
		assert_ok!(Membership::revoke(signed(CLINIC), cohort, Charlie.to_account_id()));
		let lab = Sr25519Keyring::CharlieStash;
		assert_ok!(DataLicensing::request(signed(lab), 0));
		members_decide(
			cohort,
			RuntimeCall::DataLicensing(pallet_data_licensing::Call::approve {
				request: 1,
				rationale: H256::zero(),
			}),
		);
		// The second 700 among Dave and Eve's 100 units.
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[2], 280 * UNIT);
		assert_eq!(Royalties::pending(cohort, &Eve.to_account_id())[2], 420 * UNIT);
		assert_eq!(Royalties::pending(cohort, &Charlie.to_account_id())[2], 350 * UNIT);
		// The runtime API answers the same.
		use cohort_runtime::cohort_api;
		let paying = cohort_api::licences_paying(cohort, Dave.to_account_id(), 10);
		assert_eq!(paying.iter().map(|l| l.request).collect::<Vec<_>>(), vec![1, 0]);
		assert_eq!(paying[0].licensee, lab.to_account_id());
		assert_eq!(paying[1].licensee, pharma.to_account_id());
		assert_eq!(paying[0].members_share, 700 * UNIT);
		assert_eq!(cohort_api::licences_paying(cohort, Charlie.to_account_id(), 10).len(), 1);
		assert_eq!(
			cohort_api::pending_royalties(cohort, Charlie.to_account_id())[2],
			(Purpose::AiTraining, 350 * UNIT)
		);
		let grants = cohort_api::live_grants(dataset, lab.to_account_id());
		assert_eq!(grants, vec![(Purpose::AiTraining, System::block_number() + 1_000)]);
		let summary = cohort_api::cohort(cohort).unwrap();
		assert_eq!((summary.active_members, summary.suspended_members), (2, 1));
		assert_eq!(summary.consenting_members, [0, 0, 2, 0]);
		assert_eq!(summary.treasury, treasury);
		let charlie = cohort_api::membership(cohort, Charlie.to_account_id()).unwrap();
		assert_eq!((charlie.status, charlie.units), (MemberStatus::Suspended, 100));
		assert_eq!(cohort_api::voice_credits(cohort, Charlie.to_account_id()), None);
		assert_eq!(cohort_api::voice_credits(cohort, Eve.to_account_id()), Some(100));
		assert!(cohort_api::cohort(cohort + 1).is_none());

		let charlie_before = Balances::balance(&Charlie.to_account_id());
		assert_ok!(Royalties::claim(signed(Charlie), cohort));
		assert_eq!(Balances::balance(&Charlie.to_account_id()), charlie_before + 350 * UNIT);

		// Below the k-anonymity floor (2) no licence is approved: Eve withdraws her consent
		// and Dave alone consents.
		assert_ok!(Membership::set_consent(signed(Eve), cohort, Consent::NONE));
		assert_ok!(DataLicensing::request(signed(pharma), 0));
		assert_noop!(
			DataLicensing::approve(pallet_cohorts::Origin::Members(cohort).into(), 2, H256::zero()),
			pallet_data_licensing::Error::<Runtime>::BelowKAnonymityFloor
		);
	});
}

/// Audit finding 5, across the runtime: at the block a member's attestation expires, before
/// anyone calls `expire`, their vote leaves the tally, they count for neither the quorum nor
/// the k-anonymity floor, and a licence approved in that block pays them nothing.
#[test]
fn finding_5_an_expired_member_loses_votes_quorum_k_floor_and_royalties_at_the_expiry_block() {
	use cohort_runtime::{DataLicensing, Royalties};
	use frame_support::traits::Hooks;

	run(|| {
		let cohort = cohort_with_clinic();
		let expires = |who: Sr25519Keyring| if who == Charlie { 50 } else { 1_000 };
		for (n, member) in [Dave, Eve, Charlie].into_iter().enumerate() {
			joins_until(cohort, member, n as u8 + 1, expires(member));
			shares_data_for_ai_training(cohort, member, 100);
		}
		let members = offers_ai_training_data_to_two_licensees(cohort);
		assert_ok!(DataLicensing::approve(members(), 0, H256::zero()));
		let ai = Purpose::AiTraining.index();
		let charlie_earned = Royalties::pending(cohort, &Charlie.to_account_id())[ai];
		assert_eq!(charlie_earned, 70 * UNIT, "a third of the members' 70%");

		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_ok!(QuadraticVoting::propose(signed(Dave), cohort, Box::new(remark), H256::zero()));
		assert_ok!(QuadraticVoting::vote(signed(Charlie), 0, Choice::Aye, 4));
		assert_eq!(pallet_quadratic_voting::Proposals::<Runtime>::get(0).unwrap().tally.voters, 1);

		// Block 50 starts: nobody calls `expire`.
		System::set_block_number(50);
		Membership::on_initialize(50);
		assert_eq!(
			pallet_quadratic_voting::Proposals::<Runtime>::get(0).unwrap().tally,
			Tally::default(),
			"vote gone"
		);
		assert_noop!(
			QuadraticVoting::vote(signed(Charlie), 0, Choice::Aye, 1),
			pallet_quadratic_voting::Error::<Runtime>::NotActiveMember
		);
		assert_eq!(Membership::active_members(cohort), 2, "the quorum counts two members");
		assert_eq!(Membership::consenting_members(cohort, Purpose::AiTraining), 2, "k-floor");
		assert_ok!(DataLicensing::approve(members(), 1, H256::zero()));
		assert_eq!(
			Royalties::pending(cohort, &Charlie.to_account_id())[ai],
			charlie_earned,
			"no accrual after expiry; what was earned stays"
		);
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[ai], 70 * UNIT + 105 * UNIT);
	});
}

/// The cohort registers a dataset and offers it for AI training at 300 UNIT; two licensees
/// request it (requests 0 and 1). Returns the cohort's members' origin, which approves.
fn offers_ai_training_data_to_two_licensees(cohort: u32) -> impl Fn() -> RuntimeOrigin {
	use cohort_runtime::DataLicensing;
	let treasury = pallet_cohorts::Pallet::<Runtime>::treasury_account(cohort);
	assert_ok!(Balances::transfer_keep_alive(signed(Bob), treasury.into(), 100 * UNIT));
	let members = move || -> RuntimeOrigin { pallet_cohorts::Origin::Members(cohort).into() };
	assert_ok!(DataLicensing::register_dataset(
		members(),
		cohort,
		H256::repeat_byte(0xda),
		vec![b"Observation".to_vec().try_into().unwrap()].try_into().unwrap(),
		b"bafy".to_vec().try_into().unwrap(),
		5_000,
	));
	assert_ok!(DataLicensing::publish_offer(
		members(),
		0,
		Purpose::AiTraining,
		300 * UNIT,
		1_000,
		H256::repeat_byte(0x7e)
	));
	for licensee in [Sr25519Keyring::BobStash, Sr25519Keyring::CharlieStash] {
		assert_ok!(DataLicensing::request(signed(licensee), 0));
	}
	members
}

/// A stolen issuer key admitted a fake member; the council removes that issuer. At once the
/// fake member cannot vote and the cohort cannot approve a licence; as the next block starts
/// the sweep suspends it: its vote, its place in the quorum and k-floor and its share of the
/// next licence are gone.
#[test]
fn finding_1_a_removed_issuers_members_lose_votes_quorum_k_floor_and_royalties() {
	use cohort_runtime::{DataLicensing, Royalties};
	use frame_support::traits::Hooks;
	const ROGUE: Sr25519Keyring = Sr25519Keyring::AliceStash;

	run(|| {
		let cohort = cohort_with_clinic();
		council_passes(RuntimeCall::Cohorts(pallet_cohorts::Call::approve_issuer {
			issuer: ROGUE.to_account_id(),
		}));
		assert_ok!(Cohorts::accept_issuer(
			pallet_cohorts::Origin::Members(cohort).into(),
			cohort,
			ROGUE.to_account_id()
		));
		for (n, member) in [Dave, Eve].into_iter().enumerate() {
			joins(cohort, member, n as u8 + 1);
			shares_data_for_ai_training(cohort, member, 100);
		}
		// The stolen key admits Charlie, who records a contribution and consents.
		assert_ok!(Membership::attest(
			signed(ROGUE),
			cohort,
			Charlie.to_account_id(),
			H256::repeat_byte(9),
			1_000,
			H256::zero(),
		));
		assert_ok!(Membership::join(signed(Charlie), cohort, None));
		shares_data_for_ai_training_via(ROGUE, cohort, Charlie, 100);
		let members = offers_ai_training_data_to_two_licensees(cohort);
		let remark = RuntimeCall::System(frame_system::Call::remark { remark: vec![] });
		assert_ok!(QuadraticVoting::propose(signed(Dave), cohort, Box::new(remark), H256::zero()));
		assert_ok!(QuadraticVoting::vote(signed(Charlie), 0, Choice::Aye, 4));

		council_passes(RuntimeCall::Cohorts(pallet_cohorts::Call::remove_issuer {
			issuer: ROGUE.to_account_id(),
		}));
		// At once: no new vote, and nothing paid while Charlie still counts.
		assert_noop!(
			QuadraticVoting::vote(signed(Charlie), 0, Choice::Aye, 1),
			pallet_quadratic_voting::Error::<Runtime>::NotActiveMember
		);
		assert_noop!(
			DataLicensing::approve(members(), 0, H256::zero()),
			pallet_data_licensing::Error::<Runtime>::SweepUnderway
		);

		// The next block starts: the sweep suspends Charlie.
		let next = System::block_number() + 1;
		System::set_block_number(next);
		Membership::on_initialize(next);
		assert_eq!(
			pallet_quadratic_voting::Proposals::<Runtime>::get(0).unwrap().tally,
			Tally::default(),
			"vote gone"
		);
		assert_eq!(Membership::active_members(cohort), 2, "the quorum counts two members");
		assert_eq!(Membership::consenting_members(cohort, Purpose::AiTraining), 2, "k-floor");
		assert!(!Membership::sweeping(cohort));
		assert_ok!(DataLicensing::approve(members(), 0, H256::zero()));
		let ai = Purpose::AiTraining.index();
		assert_eq!(Royalties::pending(cohort, &Charlie.to_account_id())[ai], 0);
		assert_eq!(Royalties::pending(cohort, &Dave.to_account_id())[ai], 105 * UNIT);
	});
}

/// The try_state blind spot the audit named: a hold left on an account whose records are gone
/// escaped every pallet's per-account check. The totals per hold reason find it.
#[test]
fn a_cohort_hold_no_record_accounts_for_is_found() {
	use frame_support::traits::fungible::MutateHold;
	new_ext().execute_with(|| {
		assert_eq!(cohort_runtime::invariants::check_cohort_holds(), Ok(()));
		assert_ok!(<Balances as MutateHold<_>>::hold(
			&pallet_cohort_membership::HoldReason::Membership.into(),
			&Dave.to_account_id(),
			UNIT
		));
		assert!(cohort_runtime::invariants::check_cohort_holds().is_err());
	});
}

/// Money created outside the balances pallet's books (here: an account's free balance raised
/// in storage) breaks the issuance invariant.
#[test]
fn money_no_one_issued_is_found() {
	new_ext().execute_with(|| {
		assert_eq!(cohort_runtime::invariants::check_total_issuance(), Ok(()));
		frame_system::Account::<Runtime>::mutate(Dave.to_account_id(), |account| {
			account.data.free += UNIT;
		});
		assert_eq!(
			cohort_runtime::invariants::check_total_issuance(),
			Err("the total issuance differs from what the accounts hold")
		);
	});
}

/// A vote left in a tally by someone who is no longer an active member is found.
#[test]
fn a_live_vote_of_a_suspended_member_is_found() {
	run(|| {
		let cohort = cohort_with_clinic();
		joins(cohort, Dave, 1);
		joins(cohort, Eve, 2);
		let call = RuntimeCall::Cohorts(pallet_cohorts::Call::spend {
			cohort,
			beneficiary: Ferdie.to_account_id(),
			amount: UNIT,
		});
		assert_ok!(QuadraticVoting::propose(signed(Dave), cohort, Box::new(call), H256::zero()));
		assert_ok!(QuadraticVoting::vote(signed(Eve), 0, Choice::Aye, 1));
		assert_eq!(cohort_runtime::invariants::check_live_votes_are_members(), Ok(()));
		// Eve's membership is marked suspended behind voting's back (no follower told).
		let eve = pallet_cohort_membership::PersonOf::<Runtime>::get(cohort, Eve.to_account_id());
		let eve = eve.expect("a member").person;
		pallet_cohort_membership::Memberships::<Runtime>::mutate(cohort, eve, |record| {
			if let Some(record) = record {
				record.status = MemberStatus::Suspended;
			}
		});
		assert_eq!(
			cohort_runtime::invariants::check_live_votes_are_members(),
			Err("a person who is not an active member holds a live vote")
		);
		// Put back, so that the invariants checked at the end hold.
		pallet_cohort_membership::Memberships::<Runtime>::mutate(cohort, eve, |record| {
			if let Some(record) = record {
				record.status = MemberStatus::Active;
			}
		});
	});
}
