//! Key recovery: with the issuer's co-signature, or by the cohort's members.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

fn approval(nonce: u64) -> RotationApprovalOf<Test> {
	RotationApproval {
		genesis_hash: Membership::genesis_hash(),
		cohort: COHORT,
		person: person(1),
		from: ALICE,
		to: ALICE_NEW,
		nonce,
	}
}

fn set_up_alice() {
	join(ALICE, 1);
	assert_ok!(Membership::set_consent(
		RuntimeOrigin::signed(ALICE),
		COHORT,
		Consent::only(&[Purpose::AcademicResearch])
	));
	assert_ok!(Membership::record_contribution(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 9));
	hook_calls();
}

fn assert_moved_to_new_account() {
	assert_eq!(PersonOf::<Test>::get(COHORT, ALICE_NEW).map(|entry| entry.person), Some(person(1)));
	assert!(!PersonOf::<Test>::contains_key(COHORT, ALICE));
	let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
	assert_eq!(record.account, ALICE_NEW);
	assert_eq!(record.units, 9, "units follow the person");
	assert_eq!(record.consent, Consent::only(&[Purpose::AcademicResearch]), "consent too");
	assert_eq!(Balances::balance_on_hold(&HoldReason::Membership.into(), &ALICE), 0);
	assert_eq!(
		Balances::balance_on_hold(&HoldReason::Membership.into(), &ALICE_NEW),
		MEMBERSHIP_DEPOSIT,
		"the deposit moved with the membership"
	);
	assert_eq!(stats().active, 1);
	assert_eq!(hook_calls(), vec!["rotated 0 p1 1->4"]);
	assert_eq!(
		last_event(),
		Event::Rotated { cohort: COHORT, person: person(1), from: ALICE, to: ALICE_NEW }.into()
	);
}

#[test]
fn the_issuer_co_signs_a_rotation() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		let signature = sign_rotation(CLINIC, &approval(1));
		assert_ok!(Membership::rotate(
			RuntimeOrigin::signed(ALICE_NEW),
			COHORT,
			ALICE,
			1,
			signature
		));
		assert_moved_to_new_account();
		assert_eq!(Memberships::<Test>::get(COHORT, person(1)).map(|r| r.nonce), Some(1));
	});
}

#[test]
fn the_issuer_co_signs_a_rotation_with_a_browser_wallet() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		let payload = codec::Encode::encode(&(ROTATION_TAG, &approval(1)));
		let by_wallet = sp_runtime::testing::TestSignature(CLINIC, wrapped_for_wallets(&payload));
		assert_ok!(Membership::rotate(
			RuntimeOrigin::signed(ALICE_NEW),
			COHORT,
			ALICE,
			1,
			by_wallet
		));
		assert_moved_to_new_account();
	});
}

#[test]
fn a_rotation_approval_cannot_be_forged_or_replayed() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		let forged = sign_rotation(ROGUE, &approval(1));
		assert_noop!(
			Membership::rotate(RuntimeOrigin::signed(ALICE_NEW), COHORT, ALICE, 1, forged),
			Error::<Test>::BadSignature
		);
		// Signed for ALICE_NEW, submitted by CAROL.
		let for_alice_new = sign_rotation(CLINIC, &approval(1));
		assert_noop!(
			Membership::rotate(
				RuntimeOrigin::signed(CAROL),
				COHORT,
				ALICE,
				1,
				for_alice_new.clone()
			),
			Error::<Test>::BadSignature
		);
		assert_ok!(Membership::rotate(
			RuntimeOrigin::signed(ALICE_NEW),
			COHORT,
			ALICE,
			1,
			for_alice_new
		));
		// Back to the old account with the same nonce: spent.
		let back = RotationApproval { from: ALICE_NEW, to: ALICE, ..approval(1) };
		assert_noop!(
			Membership::rotate(
				RuntimeOrigin::signed(ALICE),
				COHORT,
				ALICE_NEW,
				1,
				sign_rotation(CLINIC, &back)
			),
			Error::<Test>::NonceUsed
		);
	});
}

#[test]
fn a_rotation_needs_a_member_and_a_free_new_account() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		assert_noop!(
			Membership::rotate(
				RuntimeOrigin::signed(ALICE_NEW),
				COHORT,
				BOB,
				1,
				sign_rotation(CLINIC, &approval(1))
			),
			Error::<Test>::NotMember
		);
		join(BOB, 2);
		let to_bob = RotationApproval { to: BOB, ..approval(1) };
		assert_noop!(
			Membership::rotate(
				RuntimeOrigin::signed(BOB),
				COHORT,
				ALICE,
				1,
				sign_rotation(CLINIC, &to_bob)
			),
			Error::<Test>::NewAccountIsMember
		);
	});
}

#[test]
fn an_issuer_no_longer_accepted_cannot_co_sign() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		drop_issuer(COHORT, CLINIC);
		assert_noop!(
			Membership::rotate(
				RuntimeOrigin::signed(ALICE_NEW),
				COHORT,
				ALICE,
				1,
				sign_rotation(CLINIC, &approval(1))
			),
			Error::<Test>::IssuerNotAccepted
		);
	});
}

/// The cohort's members schedule a rotation; after `RotationDelay` anyone completes it.
fn rotate_by_cohort(lost: AccountId, new: AccountId) {
	assert_ok!(Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, lost, new));
	System::set_block_number(System::block_number() + ROTATION_DELAY);
	assert_ok!(Membership::complete_rotation(RuntimeOrigin::signed(NOBODY), COHORT, lost));
}

#[test]
fn the_cohorts_members_approve_a_rotation() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		assert_ok!(Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, ALICE, ALICE_NEW));
		assert_eq!(
			last_event(),
			Event::RotationScheduled {
				cohort: COHORT,
				lost: ALICE,
				new: ALICE_NEW,
				executable_at: 1 + ROTATION_DELAY
			}
			.into()
		);
		assert!(hook_calls().is_empty(), "nothing moves before the delay");
		System::set_block_number(ROTATION_DELAY);
		assert_noop!(
			Membership::complete_rotation(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::RotationDelayNotOver
		);
		System::set_block_number(1 + ROTATION_DELAY);
		assert_ok!(Membership::complete_rotation(RuntimeOrigin::signed(NOBODY), COHORT, ALICE));
		assert!(!PendingRotations::<Test>::contains_key(COHORT, ALICE));
		assert_eq!(
			PersonOf::<Test>::get(COHORT, ALICE_NEW).map(|entry| entry.person),
			Some(person(1))
		);
		let calls = hook_calls();
		assert_eq!(calls[0], "rotating-by-cohort 0 p1 1", "the old account is settled first");
		assert_eq!(calls.len(), 2);
		assert_eq!(
			last_event(),
			Event::Rotated { cohort: COHORT, person: person(1), from: ALICE, to: ALICE_NEW }.into()
		);
	});
}

/// Audit finding 3: a passed proposal moved a victim's membership, deposit, votes and
/// royalties to an attacker at once, with no proof that the key was lost. Now the move waits
/// `RotationDelay`, and the victim's own account cancels it.
#[test]
fn a_majority_cannot_take_over_a_member() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		let attacker = BOB;
		assert_ok!(Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, ALICE, attacker));
		assert_eq!(
			PersonOf::<Test>::get(COHORT, ALICE).map(|entry| entry.person),
			Some(person(1)),
			"nothing moved yet"
		);
		assert_ok!(Membership::cancel_rotation(RuntimeOrigin::signed(ALICE), COHORT));
		assert_eq!(last_event(), Event::RotationCancelled { cohort: COHORT, lost: ALICE }.into());
		System::set_block_number(1 + ROTATION_DELAY);
		assert_noop!(
			Membership::complete_rotation(RuntimeOrigin::signed(attacker), COHORT, ALICE),
			Error::<Test>::NoPendingRotation
		);
		assert_eq!(PersonOf::<Test>::get(COHORT, ALICE).map(|entry| entry.person), Some(person(1)));
		assert!(!PersonOf::<Test>::contains_key(COHORT, attacker));
	});
}

#[test]
fn one_rotation_waits_at_a_time_and_only_the_lost_account_cancels() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		assert_ok!(Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, ALICE, ALICE_NEW));
		assert_noop!(
			Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, ALICE, BOB),
			Error::<Test>::RotationPending
		);
		assert_noop!(
			Membership::cancel_rotation(RuntimeOrigin::signed(ALICE_NEW), COHORT),
			Error::<Test>::NoPendingRotation
		);
		// Leaving drops the waiting rotation with the membership.
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		assert!(!PendingRotations::<Test>::contains_key(COHORT, ALICE));
	});
}

#[test]
fn only_the_cohorts_origin_rotates_without_the_issuer() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		assert_noop!(
			Membership::rotate_by_cohort(cohort_members(OTHER_COHORT), COHORT, ALICE, ALICE_NEW),
			DispatchError::BadOrigin
		);
		assert_noop!(
			Membership::rotate_by_cohort(
				RuntimeOrigin::signed(ALICE_NEW),
				COHORT,
				ALICE,
				ALICE_NEW
			),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_deposit_needs_an_existing_new_account() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		let fresh: AccountId = 777;
		assert_ok!(Membership::rotate_by_cohort(cohort_members(COHORT), COHORT, ALICE, fresh));
		System::set_block_number(1 + ROTATION_DELAY);
		assert_noop!(
			Membership::complete_rotation(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::DepositNotMoved
		);
	});
}

#[test]
fn a_suspended_membership_rotates_and_stays_suspended() {
	ExtBuilder::default().build_and_execute(|| {
		set_up_alice();
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		rotate_by_cohort(ALICE, ALICE_NEW);
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
		assert_eq!(record.status, MemberStatus::Suspended);
		assert_eq!(record.account, ALICE_NEW);
	});
}
