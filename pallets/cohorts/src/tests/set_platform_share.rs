//! The council sets the platform's share of licence revenue; cohorts set only their members'.

use crate::{mock::*, *};
use cohort_primitives::{CohortLicensing, RevenueSplit};

use frame_support::{assert_noop, assert_ok};
use sp_runtime::DispatchError;

fn split_of(cohort: CohortId) -> RevenueSplit {
	Cohorts::licensing_terms(cohort).expect("the cohort exists").split
}

/// Audit finding 6: each cohort set its own platform share (`platform: 0` was accepted), though
/// the design gives it to the council. Now a cohort's settings hold only its members' share;
/// its creator and its members cannot set the platform's, and licences divide by the council's.
#[test]
fn finding_6_only_the_council_sets_the_platform_share() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let split = split_of(cohort);
		assert_eq!(split.platform, PLATFORM_SHARE);
		assert_eq!(
			(split.members, split.treasury),
			(Permill::from_percent(70), Permill::from_percent(25))
		);

		let zero = Permill::zero();
		assert_noop!(
			Cohorts::set_platform_share(RuntimeOrigin::signed(ALICE), zero),
			DispatchError::BadOrigin
		);
		assert_noop!(Cohorts::set_platform_share(members(cohort), zero), DispatchError::BadOrigin);

		assert_ok!(Cohorts::set_platform_share(council(), Permill::from_percent(8)));
		assert_eq!(
			last_event(),
			Event::PlatformShareSet { share: Permill::from_percent(8) }.into()
		);
		let split = split_of(cohort);
		assert_eq!(split.platform, Permill::from_percent(8));
		assert_eq!(split.members, Permill::from_percent(70), "the members' share never moves");
		assert_eq!(split.treasury, Permill::from_percent(22), "the treasury takes the rest");
		assert!(split.is_whole());
	});
}

#[test]
fn the_platform_share_is_capped() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::set_platform_share(council(), Permill::from_percent(11)),
			Error::<Test>::PlatformShareTooHigh
		);
		assert_ok!(Cohorts::set_platform_share(council(), MaxPlatformShare::get()));
		assert_eq!(PlatformShare::<Test>::get(), Permill::from_percent(10));
	});
}

#[test]
fn the_largest_platform_share_still_leaves_the_members_theirs() {
	let mut greedy = cooperative_settings();
	greedy.members_share = Permill::from_percent(90);
	ExtBuilder::default().with_cohort(greedy).build_and_execute(|| {
		assert_ok!(Cohorts::set_platform_share(council(), MaxPlatformShare::get()));
		let split = split_of(FIRST_COHORT);
		assert_eq!((split.members, split.treasury), (Permill::from_percent(90), Permill::zero()));
		assert!(split.is_whole());
	});
}
