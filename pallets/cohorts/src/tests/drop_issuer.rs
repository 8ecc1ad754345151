use crate::{mock::*, *};
use cohort_primitives::CohortsInspect;
use frame_support::{assert_noop, assert_ok};

#[test]
fn members_drop_an_issuer() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::drop_issuer(members(cohort), cohort, CLINIC));
		assert!(!AcceptedIssuers::<Test>::contains_key(cohort, CLINIC));
		assert!(!Cohorts::accepts_issuer(cohort, &CLINIC));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.accepted_issuers), Some(0));
		assert_eq!(last_event(), Event::IssuerDropped { cohort, issuer: CLINIC }.into());
		// Membership stops counting what it attested in this cohort.
		assert_eq!(withdrawn_issuers(), vec![(CLINIC, Some(cohort))]);
	});
}

#[test]
fn trustees_drop_an_issuer_of_their_data_trust() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::drop_issuer(RuntimeOrigin::signed(TRUSTEES), cohort, CLINIC));
		assert!(!AcceptedIssuers::<Test>::contains_key(cohort, CLINIC));
	});
}

#[test]
fn dropping_an_issuer_the_cohort_does_not_accept_fails() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::drop_issuer(members(cohort), cohort, LAB),
			Error::<Test>::IssuerNotAccepted
		);
	});
}

#[test]
fn only_the_cohort_origin_drops() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::drop_issuer(RuntimeOrigin::signed(CLINIC), cohort, CLINIC),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(Cohorts::drop_issuer(members(9), 9, CLINIC), Error::<Test>::UnknownCohort);
	});
}
