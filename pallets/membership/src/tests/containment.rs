//! Audit finding 1: containing a stolen issuer key. The council (root in the mock) or the
//! cohort suspends any membership and lowers units an issuer over-recorded; a credential
//! cannot outlive `MaxAttestationPeriod`; one call records at most `MaxUnitsPerCall`.

use crate::{mock::*, *};
use cohort_primitives::MembershipInspect;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}

#[test]
fn a_stolen_key_cannot_sign_a_credential_that_never_expires() {
	ExtBuilder::default().build_and_execute(|| {
		let forever = Credential { expires_at: u64::MAX, ..credential(CLINIC, BOB, 2, 1) };
		let signature = sign(CLINIC, &forever);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((forever, signature))),
			Error::<Test>::ExpiryTooFar
		);
		let longest = Credential { expires_at: 1 + MAX_PERIOD, ..credential(CLINIC, BOB, 2, 1) };
		let signature = sign(CLINIC, &longest);
		assert_ok!(Membership::join(
			RuntimeOrigin::signed(BOB),
			COHORT,
			Some((longest, signature))
		));
	});
}

#[test]
fn a_stolen_key_cannot_record_unbounded_units_in_one_call() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_noop!(
			Membership::record_contribution(
				RuntimeOrigin::signed(CLINIC),
				COHORT,
				ALICE,
				MAX_UNITS_PER_CALL + 1
			),
			Error::<Test>::TooManyUnits
		);
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			MAX_UNITS_PER_CALL
		));
	});
}

#[test]
fn the_council_or_the_cohort_suspends_a_fake_member() {
	ExtBuilder::default()
		.with_member(ALICE, 1)
		.with_member(BOB, 2)
		.build_and_execute(|| {
			hook_calls();
			assert_ok!(Membership::suspend(council(), COHORT, ALICE));
			assert_eq!(Membership::active_person(COHORT, &ALICE), None);
			assert_eq!(last_event(), Event::Suspended { cohort: COHORT, account: ALICE }.into());
			assert_ok!(Membership::suspend(cohort_members(COHORT), COHORT, BOB));
			assert_eq!(stats().active, 0);
			assert_eq!(hook_calls(), vec!["suspended 0 p1", "suspended 0 p2"]);
			// Only they may; and only an active membership.
			assert_noop!(
				Membership::suspend(RuntimeOrigin::signed(CLINIC), COHORT, ALICE),
				DispatchError::BadOrigin
			);
			assert_noop!(Membership::suspend(council(), COHORT, ALICE), Error::<Test>::NotActive);
			assert_noop!(Membership::suspend(council(), COHORT, CAROL), Error::<Test>::NotMember);
		});
}

#[test]
fn the_council_or_the_cohort_lowers_over_recorded_units() {
	ExtBuilder::default().with_contributor(ALICE, 1, 500).build_and_execute(|| {
		hook_calls();
		assert_ok!(Membership::correct_units(council(), COHORT, ALICE, 20));
		let record = Memberships::<Test>::get(COHORT, person(1)).unwrap();
		assert_eq!(record.units, 20);
		assert_eq!(
			last_event(),
			Event::UnitsCorrected { cohort: COHORT, account: ALICE, old: 500, new: 20 }.into()
		);
		assert_eq!(hook_calls(), vec!["units 0 p1 500->20"]);
		assert_ok!(Membership::correct_units(cohort_members(COHORT), COHORT, ALICE, 0));
		assert_noop!(
			Membership::correct_units(council(), COHORT, ALICE, 0),
			Error::<Test>::UnitsNotLowered
		);
		assert_noop!(
			Membership::correct_units(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 0),
			DispatchError::BadOrigin
		);
	});
}
