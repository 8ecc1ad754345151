use crate::{mock::*, *};
use cohort_primitives::CohortsInspect;
use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

#[test]
fn the_council_freezes_and_unfreezes_a_cohort() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::freeze(council(), cohort));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.status), Some(CohortStatus::Frozen));
		assert!(!Cohorts::is_active(cohort));
		assert!(Cohorts::exists(cohort));
		assert_eq!(last_event(), Event::CohortFrozen { cohort }.into());

		assert_ok!(Cohorts::unfreeze(council(), cohort));
		assert!(Cohorts::is_active(cohort));
		assert_eq!(last_event(), Event::CohortUnfrozen { cohort }.into());
	});
}

#[test]
fn freezing_twice_or_unfreezing_an_active_cohort_fails() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(Cohorts::unfreeze(council(), cohort), Error::<Test>::CohortNotFrozen);
		assert_ok!(Cohorts::freeze(council(), cohort));
		assert_noop!(Cohorts::freeze(council(), cohort), Error::<Test>::CohortFrozen);
	});
}

#[test]
fn only_the_council_freezes() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(Cohorts::freeze(members(cohort), cohort), DispatchError::BadOrigin);
		assert_noop!(
			Cohorts::freeze(RuntimeOrigin::signed(ALICE), cohort),
			DispatchError::BadOrigin
		);
		assert_ok!(Cohorts::freeze(council(), cohort));
		assert_noop!(Cohorts::unfreeze(members(cohort), cohort), DispatchError::BadOrigin);
	});
}

#[test]
fn freezing_an_unknown_cohort_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(Cohorts::freeze(council(), 5), Error::<Test>::UnknownCohort);
		assert_noop!(Cohorts::unfreeze(council(), 5), Error::<Test>::UnknownCohort);
	});
}

/// Audit finding 10: a frozen cohort's trustees (or members) could still change which issuers
/// it accepts, letting the authority the council froze let new members in.
#[test]
fn a_frozen_cohort_cannot_change_its_issuers() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::freeze(council(), cohort));
		let trustees = RuntimeOrigin::signed(TRUSTEES);
		assert_noop!(
			Cohorts::accept_issuer(trustees.clone(), cohort, LAB),
			Error::<Test>::CohortFrozen
		);
		assert_noop!(Cohorts::drop_issuer(trustees, cohort, CLINIC), Error::<Test>::CohortFrozen);
	});
}
