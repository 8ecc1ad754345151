use crate::{mock::*, Error, Event, Issuers};
use cohort_primitives::CohortsInspect;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn the_council_removes_an_issuer_which_then_attests_for_no_cohort() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert!(Cohorts::accepts_issuer(cohort, &CLINIC));
		assert_ok!(Cohorts::remove_issuer(council(), CLINIC));
		assert!(!Issuers::<Test>::contains_key(CLINIC));
		assert!(!Cohorts::accepts_issuer(cohort, &CLINIC), "accepted but no longer approved");
		assert_eq!(last_event(), Event::IssuerRemoved { issuer: CLINIC }.into());
		// Membership stops counting what it attested, in every cohort.
		assert_eq!(withdrawn_issuers(), vec![(CLINIC, None)]);
	});
}

#[test]
fn only_the_council_removes() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::remove_issuer(RuntimeOrigin::signed(CLINIC), CLINIC),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn removing_an_unknown_issuer_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Cohorts::remove_issuer(council(), REGISTRY), Error::<Test>::NotApprovedIssuer);
	});
}
