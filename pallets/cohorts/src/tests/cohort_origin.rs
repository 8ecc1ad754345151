//! Who may act for a cohort, per action.

use crate::{mock::*, *};
use frame_support::{
	assert_noop,
	traits::{EnsureOrigin, EnsureOriginWithArg},
};

#[test]
fn members_may_do_everything_in_a_cooperative() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		for action in [
			CohortAction::Govern,
			CohortAction::ManageIssuers,
			CohortAction::ManageData,
			CohortAction::ApproveRotation,
		] {
			assert_eq!(
				Pallet::<Test>::ensure_cohort_authority(members(cohort), cohort, action),
				Ok(CohortAuthority::Members)
			);
		}
	});
}

#[test]
fn in_a_data_trust_trustees_decide_data_and_issuers_and_members_the_rest() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let trustees = || RuntimeOrigin::signed(TRUSTEES);
		for action in [CohortAction::ManageData, CohortAction::ManageIssuers] {
			assert_eq!(
				Pallet::<Test>::ensure_cohort_authority(trustees(), cohort, action),
				Ok(CohortAuthority::Trustees(TRUSTEES))
			);
		}
		for action in [CohortAction::Govern, CohortAction::ApproveRotation] {
			assert_noop!(
				Pallet::<Test>::ensure_cohort_authority(trustees(), cohort, action),
				Error::<Test>::NotCohortAuthority
			);
			assert_eq!(
				Pallet::<Test>::ensure_cohort_authority(members(cohort), cohort, action),
				Ok(CohortAuthority::Members)
			);
		}
		assert_noop!(
			Pallet::<Test>::ensure_cohort_authority(
				members(cohort),
				cohort,
				CohortAction::ManageData
			),
			Error::<Test>::NotCohortAuthority
		);
	});
}

#[test]
fn ensure_members_gives_the_cohort_id() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(EnsureMembers::<Test>::try_origin(members(7)).ok(), Some(7));
		assert!(EnsureMembers::<Test>::try_origin(RuntimeOrigin::signed(ALICE)).is_err());
	});
}

#[test]
fn ensure_cohort_checks_the_cohort_given() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let trust = FIRST_COHORT;
		let cooperative = create_cooperative();
		type Data = EnsureCohort<Test, ManageData>;
		assert!(Data::try_origin(RuntimeOrigin::signed(TRUSTEES), &trust).is_ok());
		assert!(Data::try_origin(RuntimeOrigin::signed(TRUSTEES), &cooperative).is_err());
		assert!(Data::try_origin(members(cooperative), &cooperative).is_ok());
		assert!(Data::try_origin(members(cooperative), &trust).is_err());
	});
}

#[test]
fn only_a_trusts_trustees_decide_the_consent_left_to_them_never_an_operator() {
	ExtBuilder::default()
		.with_cohort(trust_settings())
		.with_cohort(cooperative_settings())
		.with_cohort(operator_settings())
		.build_and_execute(|| {
			let (trust, cooperative, business) = (FIRST_COHORT, FIRST_COHORT + 1, FIRST_COHORT + 2);
			let decide = |origin, cohort| {
				Pallet::<Test>::ensure_cohort_authority(
					origin,
					cohort,
					CohortAction::DecideDelegatedConsent,
				)
			};
			assert_eq!(
				decide(RuntimeOrigin::signed(TRUSTEES), trust),
				Ok(CohortAuthority::Trustees(TRUSTEES))
			);
			assert_noop!(decide(members(trust), trust), Error::<Test>::NotCohortAuthority);
			// A cohort that is no longer a trust: its members decide for those still delegating.
			assert_eq!(decide(members(cooperative), cooperative), Ok(CohortAuthority::Members));
			assert_noop!(
				decide(RuntimeOrigin::signed(OPERATOR), business),
				Error::<Test>::NotCohortAuthority
			);
			assert_eq!(decide(members(business), business), Ok(CohortAuthority::Members));
		});
}
