use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};
use sp_runtime::{DispatchError, Permill};

fn new_settings() -> SettingsOf<Test> {
	let mut settings = cooperative_settings();
	settings.name = bounded(b"Long COVID World");
	settings.k_anonymity_floor = 10;
	settings.members_share = Permill::from_percent(75);
	settings
}

#[test]
fn members_change_their_cohorts_settings() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::update_cohort(members(cohort), cohort, new_settings()));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.settings), Some(new_settings()));
		assert_eq!(last_event(), Event::CohortUpdated { cohort, settings: new_settings() }.into());
	});
}

#[test]
fn members_of_a_data_trust_can_replace_the_trustees() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let mut settings = trust_settings();
		settings.governance = Governance::DataTrust { trustees: BOB };
		assert_ok!(Cohorts::update_cohort(members(cohort), cohort, settings.clone()));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.settings), Some(settings));
	});
}

#[test]
fn trustees_and_others_cannot_change_settings() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::update_cohort(RuntimeOrigin::signed(TRUSTEES), cohort, new_settings()),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::update_cohort(RuntimeOrigin::signed(ALICE), cohort, new_settings()),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::update_cohort(RuntimeOrigin::root(), cohort, new_settings()),
			DispatchError::BadOrigin
		);
	});
}

#[test]
fn members_of_one_cohort_cannot_change_another() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let first = FIRST_COHORT;
		let second = create_cooperative();
		assert_noop!(
			Cohorts::update_cohort(members(first), second, new_settings()),
			Error::<Test>::WrongCohort
		);
	});
}

#[test]
fn updating_an_unknown_cohort_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::update_cohort(members(7), 7, new_settings()),
			Error::<Test>::UnknownCohort
		);
	});
}

#[test]
fn new_settings_must_be_valid() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let mut settings = new_settings();
		settings.members_share = Permill::from_percent(95);
		assert_noop!(
			Cohorts::update_cohort(members(cohort), cohort, settings),
			Error::<Test>::MembersShareTooHigh
		);
		let mut settings = new_settings();
		settings.name = bounded(b"");
		assert_noop!(
			Cohorts::update_cohort(members(cohort), cohort, settings),
			Error::<Test>::EmptyName
		);
	});
}

/// A voter's epoch runs to its end whatever the cohort changes (pallet-quadratic-voting), so an
/// epoch length without a bound could keep members from fresh credits for good.
#[test]
fn an_epoch_may_not_be_longer_than_the_most_allowed() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let mut settings = new_settings();
		settings.voting.epoch_length = MAX_EPOCH_LENGTH + 1;
		assert_noop!(
			Cohorts::update_cohort(members(cohort), cohort, settings.clone()),
			Error::<Test>::EpochTooLong
		);
		settings.voting.epoch_length = MAX_EPOCH_LENGTH;
		assert_ok!(Cohorts::update_cohort(members(cohort), cohort, settings.clone()));
		assert_eq!(Registry::<Test>::get(cohort).map(|c| c.settings), Some(settings));
	});
}
