use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};

#[test]
fn a_member_leaves_and_gets_the_deposit_back() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::set_consent(
			RuntimeOrigin::signed(ALICE),
			COHORT,
			Consent::only(&[Purpose::AcademicResearch])
		));
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			5
		));
		hook_calls();

		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		assert_eq!(Balances::balance_on_hold(&HoldReason::Membership.into(), &ALICE), 0);
		assert!(!PersonOf::<Test>::contains_key(COHORT, ALICE));
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("kept");
		assert_eq!(record.status, MemberStatus::Left);
		assert_eq!(record.deposit, 0);
		assert_eq!(record.consent, Consent::NONE);
		assert_eq!(record.units, 5, "the history of contributions stays");
		assert_eq!(stats(), CohortStats::default());
		assert_eq!(last_event(), Event::Left { cohort: COHORT, account: ALICE }.into());
		assert_eq!(hook_calls(), vec!["left 0 p1"]);
	});
}

#[test]
fn a_suspended_member_can_leave_too() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		assert_eq!(stats(), CohortStats::default());
	});
}

#[test]
fn a_person_who_left_may_rejoin_and_keeps_their_units() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			5
		));
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		// With a new account, even.
		join(ALICE_NEW, 1);
		let record = Memberships::<Test>::get(COHORT, person(1)).expect("stored");
		assert_eq!(record.account, ALICE_NEW);
		assert_eq!(record.units, 5);
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(stats().active, 1);
	});
}

#[test]
fn only_members_leave() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::leave(RuntimeOrigin::signed(ALICE), COHORT),
			Error::<Test>::NotMember
		);
		join(ALICE, 1);
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		assert_noop!(
			Membership::leave(RuntimeOrigin::signed(ALICE), COHORT),
			Error::<Test>::NotMember
		);
	});
}

#[test]
fn a_returning_person_rejoins_with_their_units_and_followers_are_told() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			12
		));
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		hook_calls();
		join(ALICE, 1);
		assert_eq!(Memberships::<Test>::get(COHORT, person(1)).unwrap().units, 12);
		assert_eq!(hook_calls(), vec!["joined 0 p1 1 12"]);
	});
}
