use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn members_accept_an_approved_issuer() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::accept_issuer(members(cohort), cohort, LAB));
		assert!(AcceptedIssuers::<Test>::contains_key(cohort, LAB));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.accepted_issuers), Some(2));
		assert_eq!(last_event(), Event::IssuerAccepted { cohort, issuer: LAB }.into());
	});
}

#[test]
fn trustees_accept_an_issuer_for_their_data_trust() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::accept_issuer(RuntimeOrigin::signed(TRUSTEES), cohort, LAB));
		assert!(AcceptedIssuers::<Test>::contains_key(cohort, LAB));
	});
}

#[test]
fn only_the_cohort_origin_accepts() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::accept_issuer(RuntimeOrigin::signed(TRUSTEES), cohort, LAB),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::accept_issuer(members(cohort + 1), cohort, LAB),
			Error::<Test>::WrongCohort
		);
	});
}

#[test]
fn the_issuer_must_be_approved_and_new_to_the_cohort() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::accept_issuer(members(cohort), cohort, REGISTRY),
			Error::<Test>::NotApprovedIssuer
		);
		assert_noop!(
			Cohorts::accept_issuer(members(cohort), cohort, CLINIC),
			Error::<Test>::IssuerAlreadyAccepted
		);
	});
}

#[test]
fn a_cohort_accepts_at_most_max_issuers() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		for issuer in [LAB, REGISTRY, 13] {
			if issuer != LAB {
				assert_ok!(Cohorts::approve_issuer(council(), issuer));
			}
			assert_ok!(Cohorts::accept_issuer(members(cohort), cohort, issuer));
		}
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.accepted_issuers), Some(MAX_ISSUERS));
		assert_ok!(Cohorts::approve_issuer(council(), 14));
		assert_noop!(
			Cohorts::accept_issuer(members(cohort), cohort, 14),
			Error::<Test>::TooManyIssuers
		);
	});
}

#[test]
fn accepting_for_an_unknown_cohort_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Cohorts::accept_issuer(members(3), 3, LAB), Error::<Test>::UnknownCohort);
	});
}
