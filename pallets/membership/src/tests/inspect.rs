//! What other pallets see, and what no call allows.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::{assert_ok, traits::GetCallName};

#[test]
fn other_pallets_see_active_persons_and_counts() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			assert_eq!(Membership::active_person(COHORT, &ALICE), Some(person(1)));
			assert_eq!(Membership::active_person(COHORT, &CAROL), None);
			assert_eq!(Membership::active_person(OTHER_COHORT, &ALICE), None);
			assert_eq!(Membership::active_members(COHORT), 2);
			assert_ok!(Membership::leave(RuntimeOrigin::signed(BOB), COHORT));
			assert_eq!(Membership::active_members(COHORT), 1);
			assert_eq!(Membership::active_person(COHORT, &BOB), None);
		});
}

#[test]
fn no_call_transfers_a_membership() {
	// Soulbound: the only calls that change a membership's account are the two rotations,
	// which need the issuer's approval, or the cohort's and a delay the owner can cancel.
	let calls: Vec<&str> = Call::<Test>::get_call_names().to_vec();
	assert_eq!(
		calls,
		vec![
			"attest",
			"withdraw_attestation",
			"join",
			"leave",
			"revoke",
			"expire",
			"rotate",
			"rotate_by_cohort",
			"cancel_rotation",
			"complete_rotation",
			"suspend",
			"correct_units",
			"forget_departed",
			"set_consent",
			"record_contribution",
			"delegate_consent",
			"set_trustee_consent"
		]
	);
}

#[test]
fn a_membership_record_is_small_and_holds_no_personal_data() {
	// Account, issuer, expiry, evidence *hash*, consent flags, units, deposit, nonce, join
	// block; the person is a nullifier (the key). Nothing else fits.
	assert!(<MembershipOf<Test> as codec::MaxEncodedLen>::max_encoded_len() <= 120);
}

#[test]
fn what_stays_of_a_left_membership_is_a_nonce_units_and_a_block() {
	assert_eq!(<DepartedOf<Test> as codec::MaxEncodedLen>::max_encoded_len(), 8 + 8 + 8);
}
