//! Revocation by the issuer, expiry (at its block, by the expiry queue), and restoration by a
//! fresh attestation.

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

/// Audit finding 5: a lapsed attestation kept every right (votes, quorum, k-floor, accrual)
/// until somebody called `expire`. Now the membership is suspended as its expiry block starts.
#[test]
fn finding_5_a_lapsed_attestation_loses_its_rights_at_the_expiry_block() {
	ExtBuilder::default().with_contributor(ALICE, 1, 10).build_and_execute(|| {
		let consent = Consent::only(&[Purpose::PublicHealth]);
		assert_ok!(Membership::set_consent(RuntimeOrigin::signed(ALICE), COHORT, consent));
		hook_calls();

		run_to_block(100);
		assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));

		run_to_block(101);
		assert_eq!(Membership::active_person(COHORT, &ALICE), None, "votes and accrual stop");
		assert_eq!(Membership::active_members(COHORT), 0, "quorum stops counting them");
		assert_eq!(Membership::consenting_members(COHORT, Purpose::PublicHealth), 0, "k-floor");
		assert_eq!(
			Memberships::<Test>::get(COHORT, person(1)).map(|r| r.status),
			Some(MemberStatus::Suspended)
		);
		assert_eq!(hook_calls(), vec!["suspended 0 p1"], "followers (royalties, votes) are told");
		assert_eq!(last_event(), Event::Expired { cohort: COHORT, account: ALICE }.into());
	});
}

#[test]
fn a_full_expiry_block_moves_the_expiry_earlier() {
	ExtBuilder::default().build_and_execute(|| {
		join(ALICE, 1);
		join(BOB, 2);
		join(CAROL, 3);
		let expiry = |p| Memberships::<Test>::get(COHORT, person(p)).map(|r| r.expires_at);
		assert_eq!((expiry(1), expiry(2)), (Some(101), Some(101)));
		assert_eq!(expiry(3), Some(100), "block 101 holds MAX_EXPIRIES_PER_BLOCK (2)");

		run_to_block(100);
		assert_eq!(Membership::active_members(COHORT), 2);
		run_to_block(101);
		assert_eq!(Membership::active_members(COHORT), 0);
		assert_eq!(ExpiryCount::<Test>::iter().count(), 0, "the queue is emptied as it runs");
	});
}

#[test]
fn joining_fails_when_no_block_near_the_expiry_has_room() {
	ExtBuilder::default().build_and_execute(|| {
		for at in (101 - EXPIRY_BLOCKS_TRIED as u64 + 1)..=101 {
			ExpiryCount::<Test>::insert(at, MAX_EXPIRIES_PER_BLOCK);
		}
		attest(ALICE, 1);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None),
			Error::<Test>::ExpiryQueueFull
		);
		let _ = ExpiryCount::<Test>::clear(u32::MAX, None);
	});
}

#[test]
fn revoking_leaving_and_restoring_keep_the_expiry_queue_exact() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			assert_eq!(ExpiryCount::<Test>::get(101), 2);
			assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
			assert_ok!(Membership::leave(RuntimeOrigin::signed(BOB), COHORT));
			assert_eq!(ExpiryCount::<Test>::get(101), 0);
			assert_eq!(Expiries::<Test>::iter().count(), 0);

			run_to_block(20);
			attest(ALICE, 1);
			assert_ok!(Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None));
			assert!(Expiries::<Test>::contains_key(120, (COHORT, person(1))));
			run_to_block(101);
			assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)), "not at 101");
			run_to_block(120);
			assert_eq!(Membership::active_person(COHORT, &ALICE), None);
		});
}
