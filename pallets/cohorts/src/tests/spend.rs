use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::Inspect};

const RESEARCH_TEAM: AccountId = 50;

fn fund_treasury(cohort: CohortId, amount: Balance) -> AccountId {
	let treasury = Pallet::<Test>::treasury_account(cohort);
	assert_ok!(Balances::transfer_allow_death(RuntimeOrigin::signed(BOB), treasury, amount));
	treasury
}

#[test]
fn members_fund_a_study_from_the_treasury() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let treasury = fund_treasury(cohort, 1_000);
		assert_ok!(Cohorts::spend(members(cohort), cohort, RESEARCH_TEAM, 600));
		assert_eq!(Balances::balance(&RESEARCH_TEAM), 600);
		assert_eq!(Balances::balance(&treasury), 400 + Balances::minimum_balance());
		assert_eq!(
			last_event(),
			Event::TreasurySpent { cohort, beneficiary: RESEARCH_TEAM, amount: 600 }.into()
		);
	});
}

#[test]
fn the_treasury_stays_alive() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let treasury = fund_treasury(cohort, 1_000);
		let everything = Balances::balance(&treasury);
		assert_noop!(
			Cohorts::spend(members(cohort), cohort, RESEARCH_TEAM, everything),
			Error::<Test>::InsufficientTreasury
		);
		assert_noop!(
			Cohorts::spend(members(cohort), cohort, RESEARCH_TEAM, 5_000),
			Error::<Test>::InsufficientTreasury
		);
	});
}

#[test]
fn a_frozen_cohort_spends_nothing() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		fund_treasury(cohort, 1_000);
		assert_ok!(Cohorts::freeze(council(), cohort));
		assert_noop!(
			Cohorts::spend(members(cohort), cohort, RESEARCH_TEAM, 10),
			Error::<Test>::CohortFrozen
		);
	});
}

#[test]
fn only_members_spend_even_in_a_data_trust() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		fund_treasury(cohort, 1_000);
		assert_noop!(
			Cohorts::spend(RuntimeOrigin::signed(TRUSTEES), cohort, RESEARCH_TEAM, 10),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::spend(members(cohort + 1), cohort, RESEARCH_TEAM, 10),
			Error::<Test>::WrongCohort
		);
		assert_ok!(Cohorts::spend(members(cohort), cohort, RESEARCH_TEAM, 10));
	});
}

#[test]
fn spending_from_an_unknown_cohort_fails() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Cohorts::spend(members(4), 4, RESEARCH_TEAM, 10),
			Error::<Test>::UnknownCohort
		);
	});
}
