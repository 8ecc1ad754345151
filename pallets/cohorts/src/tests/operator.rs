//! A private-business cohort: its operator runs data and licences and sets the revenue split
//! within the council's guard rails; its members keep the treasury and their settings' other
//! parts. (Consent is the members' own, in pallet-cohort-membership: no cohort origin reaches
//! it, the operator's least of all; see its `set_consent` tests.)

use crate::{mock::*, *};
use cohort_primitives::CohortLicensing;
use frame_support::{assert_noop, assert_ok};

fn terms(cohort: CohortId) -> LicensingTerms<AccountId> {
	Cohorts::licensing_terms(cohort).expect("the cohort exists")
}

const fn percent(p: u32) -> Permill {
	Permill::from_percent(p)
}

#[test]
fn an_operator_runs_data_issuers_and_the_split_and_pays_the_deposits() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		for action in
			[CohortAction::ManageData, CohortAction::ManageIssuers, CohortAction::SetRevenueSplit]
		{
			assert_eq!(
				Pallet::<Test>::ensure_cohort_authority(
					RuntimeOrigin::signed(OPERATOR),
					cohort,
					action
				),
				Ok(CohortAuthority::Operator(OPERATOR))
			);
		}
		use cohort_primitives::ActingAccount;
		assert_eq!(CohortAuthority::Operator(OPERATOR).acting_account(), Some(OPERATOR));
		let terms = terms(cohort);
		assert_eq!(terms.operator, Some(OPERATOR));
		assert_eq!(
			(terms.split.members, terms.split.operator, terms.split.platform, terms.split.treasury),
			(percent(50), percent(30), PLATFORM_SHARE, percent(15))
		);
	});
}

#[test]
fn an_operator_cannot_spend_the_treasury_govern_or_approve_rotations() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		for action in [CohortAction::Govern, CohortAction::ApproveRotation] {
			assert_noop!(
				Pallet::<Test>::ensure_cohort_authority(
					RuntimeOrigin::signed(OPERATOR),
					cohort,
					action
				),
				Error::<Test>::NotCohortAuthority
			);
		}
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(BOB),
			Cohorts::treasury_account(cohort),
			500
		));
		assert_noop!(
			Cohorts::spend(RuntimeOrigin::signed(OPERATOR), cohort, OPERATOR, 100),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::update_cohort(RuntimeOrigin::signed(OPERATOR), cohort, cooperative_settings()),
			Error::<Test>::NotCohortAuthority
		);
	});
}

#[test]
fn members_of_an_operators_cohort_spend_the_treasury_but_leave_data_and_split_to_it() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Balances::transfer_allow_death(
			RuntimeOrigin::signed(BOB),
			Cohorts::treasury_account(cohort),
			500
		));
		assert_ok!(Cohorts::spend(members(cohort), cohort, BOB, 100));
		for action in [CohortAction::ManageData, CohortAction::SetRevenueSplit] {
			assert_noop!(
				Pallet::<Test>::ensure_cohort_authority(members(cohort), cohort, action),
				Error::<Test>::NotCohortAuthority
			);
		}
		assert_noop!(
			Cohorts::set_revenue_split(members(cohort), cohort, percent(80), percent(0)),
			Error::<Test>::NotCohortAuthority
		);
		// Their other settings stay theirs; the operator and its split do not.
		let mut stricter = operator_settings();
		stricter.k_anonymity_floor = 20;
		assert_ok!(Cohorts::update_cohort(members(cohort), cohort, stricter));
		let mut no_operator = operator_settings();
		no_operator.governance = Governance::Cooperative;
		let mut other_split = operator_settings();
		other_split.members_share = percent(60);
		for settings in [no_operator, other_split] {
			assert_noop!(
				Cohorts::update_cohort(members(cohort), cohort, settings),
				Error::<Test>::OperatorDecides
			);
		}
	});
}

#[test]
fn an_operator_sets_the_split_within_the_councils_guard_rails() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let operator = || RuntimeOrigin::signed(OPERATOR);
		assert_ok!(Cohorts::set_revenue_split(operator(), cohort, percent(40), percent(50)));
		assert_eq!(
			last_event(),
			Event::RevenueSplitSet {
				cohort,
				members_share: percent(40),
				operator_share: percent(50)
			}
			.into()
		);
		let split = terms(cohort).split;
		assert_eq!(
			(split.members, split.operator, split.treasury),
			(percent(40), percent(50), percent(5))
		);

		// Below the floor, or more than the largest platform share leaves: refused, unchanged.
		assert_noop!(
			Cohorts::set_revenue_split(operator(), cohort, percent(39), percent(50)),
			Error::<Test>::MembersShareBelowFloor
		);
		assert_noop!(
			Cohorts::set_revenue_split(operator(), cohort, percent(40), percent(51)),
			Error::<Test>::OperatorShareTooHigh
		);
		assert_noop!(
			Cohorts::set_revenue_split(operator(), cohort, percent(91), percent(0)),
			Error::<Test>::MembersShareTooHigh
		);
		// Nobody else sets it.
		for who in [ALICE, TRUSTEES] {
			assert_noop!(
				Cohorts::set_revenue_split(
					RuntimeOrigin::signed(who),
					cohort,
					percent(40),
					percent(0)
				),
				Error::<Test>::NotCohortAuthority
			);
		}
		assert_noop!(
			Cohorts::set_revenue_split(operator(), 7, percent(40), percent(0)),
			Error::<Test>::UnknownCohort
		);
	});
}

#[test]
fn a_cohort_without_an_operator_has_no_split_to_set() {
	ExtBuilder::default().with_cohort(trust_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_noop!(
			Cohorts::set_revenue_split(
				RuntimeOrigin::signed(TRUSTEES),
				cohort,
				percent(50),
				percent(0)
			),
			Error::<Test>::NotCohortAuthority
		);
		assert_noop!(
			Cohorts::set_revenue_split(members(cohort), cohort, percent(50), percent(0)),
			Error::<Test>::NotCohortAuthority
		);
		assert_eq!(terms(cohort).operator, None);
		assert_eq!(terms(cohort).split.operator, Permill::zero());
	});
}

#[test]
fn an_operators_cohort_is_created_only_above_the_floor() {
	ExtBuilder::default().build_and_execute(|| {
		let create = |settings| {
			Cohorts::create_cohort(
				RuntimeOrigin::signed(ALICE),
				long_covid(),
				settings,
				issuers(&[CLINIC]),
			)
		};
		let mut stingy = operator_settings();
		stingy.members_share = percent(39);
		assert_noop!(create(stingy), Error::<Test>::MembersShareBelowFloor);
		let mut greedy = operator_settings();
		greedy.governance =
			Governance::Operator { operator: OPERATOR, operator_share: percent(41) };
		assert_noop!(create(greedy), Error::<Test>::OperatorShareTooHigh);
		assert_ok!(create(operator_settings()));
	});
}

#[test]
fn members_may_hand_their_cohort_to_an_operator_above_the_floor() {
	ExtBuilder::default().with_cohort(cooperative_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		let mut stingy = operator_settings();
		stingy.members_share = percent(30);
		assert_noop!(
			Cohorts::update_cohort(members(cohort), cohort, stingy),
			Error::<Test>::MembersShareBelowFloor
		);
		assert_ok!(Cohorts::update_cohort(members(cohort), cohort, operator_settings()));
		assert_eq!(terms(cohort).operator, Some(OPERATOR));
	});
}

#[test]
fn the_council_sets_the_floor_and_raising_it_raises_every_operators_members_share() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		let cohort = FIRST_COHORT;
		assert_ok!(Cohorts::set_members_share_floor(council(), percent(60)));
		assert_eq!(last_event(), Event::MembersShareFloorSet { floor: percent(60) }.into());
		let split = terms(cohort).split;
		// The members get the new floor at once; the operator takes only what is left.
		assert_eq!(
			(split.members, split.operator, split.treasury),
			(percent(60), percent(30), percent(5))
		);
		assert!(split.is_whole());
		assert_noop!(
			Cohorts::set_revenue_split(
				RuntimeOrigin::signed(OPERATOR),
				cohort,
				percent(50),
				percent(30)
			),
			Error::<Test>::MembersShareBelowFloor
		);
	});
}

#[test]
fn only_the_council_sets_the_floor_and_never_above_what_the_platform_leaves() {
	ExtBuilder::default().with_cohort(operator_settings()).build_and_execute(|| {
		assert_noop!(
			Cohorts::set_members_share_floor(RuntimeOrigin::signed(OPERATOR), percent(10)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Cohorts::set_members_share_floor(members(FIRST_COHORT), percent(10)),
			sp_runtime::DispatchError::BadOrigin
		);
		assert_noop!(
			Cohorts::set_members_share_floor(council(), percent(91)),
			Error::<Test>::FloorTooHigh
		);
		assert_ok!(Cohorts::set_members_share_floor(council(), percent(90)));
	});
}
