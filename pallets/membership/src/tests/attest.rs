use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_runtime::DispatchError;

#[test]
fn an_accepted_issuer_attests_and_holds_a_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Membership::attest(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			person(1),
			101,
			evidence()
		));
		let attestation = Attestations::<Test>::get(COHORT, ALICE).expect("stored");
		assert_eq!(attestation.issuer, CLINIC);
		assert_eq!(attestation.person, person(1));
		assert_eq!(attestation.expires_at, 101);
		assert_eq!(attestation.evidence, evidence());
		assert_eq!(attestation.deposit, ATTESTATION_DEPOSIT);
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::Attestation.into(), &CLINIC),
			ATTESTATION_DEPOSIT
		);
		assert_eq!(
			last_event(),
			Event::Attested { cohort: COHORT, subject: ALICE, issuer: CLINIC, expires_at: 101 }
				.into()
		);
	});
}

fn attest_as(issuer: AccountId, cohort: CohortId, expires_at: u64) -> sp_runtime::DispatchResult {
	Membership::attest(
		RuntimeOrigin::signed(issuer),
		cohort,
		ALICE,
		person(1),
		expires_at,
		evidence(),
	)
}

#[test]
fn only_an_issuer_the_cohort_accepts_attests() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(attest_as(ROGUE, COHORT, 50), Error::<Test>::IssuerNotAccepted);
		// LAB is accepted by the other cohort only.
		assert_noop!(attest_as(LAB, COHORT, 50), Error::<Test>::IssuerNotAccepted);
		assert_ok!(attest_as(LAB, OTHER_COHORT, 50));
		assert_noop!(
			Membership::attest(RuntimeOrigin::root(), COHORT, ALICE, person(1), 50, evidence()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn the_cohort_must_exist_and_not_be_frozen() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(attest_as(CLINIC, UNKNOWN_COHORT, 50), Error::<Test>::CohortNotActive);
		freeze(COHORT);
		assert_noop!(attest_as(CLINIC, COHORT, 50), Error::<Test>::CohortNotActive);
	});
}

#[test]
fn the_expiry_must_be_in_the_future_and_not_too_far() {
	ExtBuilder::default().build_and_execute(|| {
		System::set_block_number(10);
		assert_noop!(attest_as(CLINIC, COHORT, 10), Error::<Test>::Expired);
		assert_noop!(attest_as(CLINIC, COHORT, 5), Error::<Test>::Expired);
		assert_noop!(attest_as(CLINIC, COHORT, 10 + MAX_PERIOD + 1), Error::<Test>::ExpiryTooFar);
		assert_ok!(attest_as(CLINIC, COHORT, 10 + MAX_PERIOD));
	});
}

#[test]
fn one_attestation_waits_per_subject_and_cohort() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(attest_as(CLINIC, COHORT, 50));
		assert_noop!(attest_as(CLINIC, COHORT, 60), Error::<Test>::AttestationExists);
	});
}

#[test]
fn the_issuer_must_afford_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(CLINIC),
			BOB,
			ENDOWMENT - 10
		));
		assert_noop!(attest_as(CLINIC, COHORT, 50), Error::<Test>::InsufficientDeposit);
	});
}
