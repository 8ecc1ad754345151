//! A cohort publishes health insights for its members.

use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

fn summary() -> sp_core::H256 {
	sp_core::H256::repeat_byte(0x15)
}

#[test]
fn a_cohort_publishes_and_removes_an_insight_paying_its_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let held_before = held(HoldReason::DataRecord, TREASURY);
		assert_ok!(Licensing::publish_insight(members(COHORT), COHORT, summary(), locator()));
		assert_eq!(held(HoldReason::DataRecord, TREASURY), held_before + INSIGHT_DEPOSIT);
		assert_eq!(
			last_event(),
			Event::InsightPublished { cohort: COHORT, insight: 0, insight_hash: summary() }.into()
		);
		let insight = Insights::<Test>::get(COHORT, 0).unwrap();
		assert_eq!((insight.insight_hash, insight.depositor), (summary(), TREASURY));
		assert_ok!(Licensing::publish_insight(members(COHORT), COHORT, summary(), locator()));
		let recent: Vec<u32> =
			Licensing::recent_insights(COHORT, 5).into_iter().map(|(n, _)| n).collect();
		assert_eq!(recent, vec![1, 0]);

		assert_ok!(Licensing::remove_insight(members(COHORT), COHORT, 0));
		assert_eq!(last_event(), Event::InsightRemoved { cohort: COHORT, insight: 0 }.into());
		assert_eq!(held(HoldReason::DataRecord, TREASURY), held_before + INSIGHT_DEPOSIT);
		let recent: Vec<u32> =
			Licensing::recent_insights(COHORT, 5).into_iter().map(|(n, _)| n).collect();
		assert_eq!(recent, vec![1]);
	});
}

#[test]
fn trustees_publish_for_their_trust_paying_themselves() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(Licensing::publish_insight(
			RuntimeOrigin::signed(TRUSTEES),
			TRUST_COHORT,
			summary(),
			locator()
		));
		assert_eq!(held(HoldReason::DataRecord, TRUSTEES), INSIGHT_DEPOSIT);
	});
}

#[test]
fn only_the_cohort_publishes_while_active_and_removes_what_exists() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Licensing::publish_insight(RuntimeOrigin::signed(PHARMA), COHORT, summary(), locator()),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			Licensing::remove_insight(members(COHORT), COHORT, 0),
			Error::<Test>::UnknownInsight
		);
		freeze(COHORT);
		assert_noop!(
			Licensing::publish_insight(members(COHORT), COHORT, summary(), locator()),
			Error::<Test>::CohortFrozen
		);
		cohort_test_kit::MockCohorts::unfreeze(COHORT);
		assert_ok!(Licensing::publish_insight(members(COHORT), COHORT, summary(), locator()));
		assert_noop!(
			Licensing::remove_insight(RuntimeOrigin::signed(PHARMA), COHORT, 0),
			sp_runtime::traits::BadOrigin
		);
		// Poor treasury: all but the existential deposit spent, no deposit to hold.
		let spare = free(TREASURY) - ED;
		assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(TREASURY), NOBODY, spare));
		assert_noop!(
			Licensing::publish_insight(members(COHORT), COHORT, summary(), locator()),
			Error::<Test>::InsufficientFunds
		);
	});
}
