use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

#[test]
fn the_issuer_withdraws_an_unused_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		assert_ok!(Membership::withdraw_attestation(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		assert!(!Attestations::<Test>::contains_key(COHORT, ALICE));
		assert_eq!(Balances::balance_on_hold(&HoldReason::Attestation.into(), &CLINIC), 0);
		assert_eq!(
			last_event(),
			Event::AttestationWithdrawn { cohort: COHORT, subject: ALICE }.into()
		);
	});
}

#[test]
fn anyone_clears_an_expired_attestation() {
	ExtBuilder::default().build_and_execute(|| {
		attest(ALICE, 1);
		assert_noop!(
			Membership::withdraw_attestation(RuntimeOrigin::signed(NOBODY), COHORT, ALICE),
			Error::<Test>::NotAttestationIssuer
		);
		System::set_block_number(101);
		assert_ok!(Membership::withdraw_attestation(RuntimeOrigin::signed(NOBODY), COHORT, ALICE));
		assert_eq!(Balances::balance_on_hold(&HoldReason::Attestation.into(), &CLINIC), 0);
	});
}

#[test]
fn withdrawing_what_is_not_there_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::withdraw_attestation(RuntimeOrigin::signed(CLINIC), COHORT, ALICE),
			Error::<Test>::NoAttestation
		);
	});
}
