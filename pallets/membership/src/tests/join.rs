use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

#[test]
fn a_patient_joins_with_an_on_chain_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		assert_ok!(Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None));

		let record = Memberships::<Test>::get(COHORT, person(1)).expect("stored");
		assert_eq!(record.account, ALICE);
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(record.issuer, CLINIC);
		assert_eq!(record.expires_at, 101);
		assert_eq!(record.consent, Consent::NONE);
		assert_eq!(record.units, 0);
		assert_eq!(record.deposit, MEMBERSHIP_DEPOSIT);
		assert_eq!(PersonOf::<Test>::get(COHORT, ALICE).map(|entry| entry.person), Some(person(1)));
		assert_eq!(stats().active, 1);
		// The attestation is used up; its deposit is back with the clinic.
		assert!(!Attestations::<Test>::contains_key(COHORT, ALICE));
		assert_eq!(Balances::balance_on_hold(&HoldReason::Attestation.into(), &CLINIC), 0);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::Membership.into(), &ALICE),
			MEMBERSHIP_DEPOSIT
		);
		assert_eq!(
			last_event(),
			Event::Joined { cohort: COHORT, account: ALICE, person: person(1), issuer: CLINIC }
				.into()
		);
		assert_eq!(hook_calls(), vec!["joined 0 p1 1 0"]);
	});
}

#[test]
fn joining_needs_an_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::NoAttestation
		);
		attest(BOB, 2);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::NoAttestation
		);
		assert_noop!(
			Membership::join(RuntimeOrigin::root(), COHORT, None),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn an_expired_attestation_does_not_admit() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		System::set_block_number(101);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::Expired
		);
	});
}

#[test]
fn a_frozen_cohort_accepts_no_new_members() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		freeze(COHORT);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::CohortNotActive
		);
	});
}

#[test]
fn one_membership_per_account() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		attest(ALICE, 1);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::AlreadyMember
		);
	});
}

#[test]
fn two_accounts_cannot_share_one_person() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		// Alice, the person, tries a second account: the nullifier gives her away.
		attest(ALICE_NEW, 1);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE_NEW), COHORT, None),
			Error::<Test>::PersonAlreadyMember
		);
		assert_eq!(stats().active, 1);
	});
}

#[test]
fn an_account_cannot_restore_as_another_person() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		attest(ALICE, 2);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::PersonMismatch
		);
	});
}

#[test]
fn an_issuer_dropped_since_attesting_admits_nobody() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		drop_issuer(COHORT, CLINIC);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::IssuerNotAccepted
		);
	});
}

#[test]
fn the_member_must_afford_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		attest(POOR, 5);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(POOR), COHORT, None),
			Error::<Test>::InsufficientDeposit
		);
	});
}

#[test]
fn memberships_of_one_person_in_two_cohorts_are_separate() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::attest(
			RuntimeOrigin::signed(CLINIC),
			OTHER_COHORT,
			ALICE,
			person(7),
			50,
			evidence()
		));
		assert_ok!(Membership::join(RuntimeOrigin::signed(ALICE), OTHER_COHORT, None));
		assert_eq!(
			PersonOf::<Test>::get(OTHER_COHORT, ALICE).map(|entry| entry.person),
			Some(person(7))
		);
		assert_eq!(Stats::<Test>::get(OTHER_COHORT).active, 1);
		assert_eq!(stats().active, 1);
	});
}
