//! Revocation by the issuer, lazy expiry, and restoration by a fresh attestation.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_issuer_revokes_and_the_member_is_suspended() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::set_consent(
			RuntimeOrigin::signed(ALICE),
			COHORT,
			Consent::only(&[Purpose::AiTraining])
		));
		hook_calls();
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
		assert_eq!(record.status, MemberStatus::Suspended);
		assert_eq!(Membership::active_person(COHORT, &ALICE), None);
		assert_eq!(stats().active, 0);
		assert_eq!(stats().suspended, 1);
		assert_eq!(Membership::consenting_members(COHORT, Purpose::AiTraining), 0);
		assert_eq!(
			last_event(),
			Event::Revoked { cohort: COHORT, account: ALICE, issuer: CLINIC }.into()
		);
		assert_eq!(hook_calls(), vec!["suspended 0 p1"]);
	});
}

#[test]
fn only_the_attesting_issuer_revokes() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_noop!(
			Membership::revoke(RuntimeOrigin::signed(LAB), COHORT, ALICE),
			Error::<Test>::NotMembershipIssuer
		);
		assert_noop!(
			Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, BOB),
			Error::<Test>::NotMember
		);
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		assert_noop!(
			Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn a_fresh_attestation_restores_a_suspended_member() {
	ExtBuilder::default().with_contributor(ALICE, 1, 10).build_and_execute(|| {
		let consent = Consent::only(&[Purpose::PublicHealth]);
		assert_ok!(Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, consent));
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		hook_calls();

		System::set_block_number(20);
		attest(ALICE, 1);
		assert_ok!(Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None));
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(record.expires_at, 120);
		assert_eq!(record.consent, consent, "consent survives a suspension");
		assert_eq!(stats().active, 1);
		assert_eq!(stats().suspended, 0);
		assert_eq!(Membership::consenting_members(COHORT, Purpose::PublicHealth), 1);
		assert_eq!(
			last_event(),
			Event::Restored { cohort: COHORT, account: ALICE, expires_at: 120 }.into()
		);
		assert_eq!(hook_calls(), vec!["restored 0 p1"]);
	});
}

#[test]
fn a_signed_credential_restores_too() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		let fresh = credential(CLINIC, ALICE, 1, 3);
		let signature = sign(CLINIC, &fresh);
		assert_ok!(Membership::join(
			RuntimeOrigin::signed(ALICE),
			COHORT,
			Some((fresh, signature))
		));
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(record.nonce, 3);
	});
}

#[test]
fn anyone_suspends_an_expired_membership() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_noop!(
			Membership::expire(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::NotExpired
		);
		System::set_block_number(101);
		assert_ok!(Membership::expire(RuntimeOrigin::signed(NOBODY), COHORT, ALICE));
		assert_eq!(
			Memberships::<Test>::get(COHORT, person(1)).map(|r| r.status),
			Some(MemberStatus::Suspended)
		);
		assert_eq!(stats().active, 0);
		assert_eq!(last_event(), Event::Expired { cohort: COHORT, account: ALICE }.into());
		assert_noop!(
			Membership::expire(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn expiring_a_non_member_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::expire(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::NotMember
		);
	});
}
