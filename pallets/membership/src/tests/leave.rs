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
		assert_eq!(
			Departed::<Test>::get(COHORT, person(1)),
			Some(DepartedMember { nonce: 0, units: 5, left_at: 1 }),
			"the units of the data already given stay"
		);
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
		assert!(!Departed::<Test>::contains_key(COHORT, person(1)));
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

/// Audit finding 9: a left membership kept its account, its issuer (the clinic) and the
/// evidence hash for ever: a permanent link between an account, a person and a clinic. Only
/// the person's spent nonce and units stay, and only until no credential could be replayed.
#[test]
fn finding_9_a_left_membership_keeps_no_account_or_clinic() {
	ExtBuilder::default().with_contributor(ALICE, 1, 5).build_and_execute(|| {
		assert_ok!(Membership::leave(RuntimeOrigin::signed(ALICE), COHORT));
		assert!(
			!Memberships::<Test>::contains_key(COHORT, person(1)),
			"no account, issuer, evidence"
		);
		assert!(Departed::<Test>::get(COHORT, person(1)).is_some());

		let forgettable_at = 1 + MAX_PERIOD + 1;
		System::set_block_number(forgettable_at - 1);
		assert_noop!(
			Membership::forget_departed(RuntimeOrigin::signed(NOBODY), COHORT, person(1)),
			Error::<Test>::ReplayWindowOpen
		);
		System::set_block_number(forgettable_at);
		assert_ok!(Membership::forget_departed(RuntimeOrigin::signed(NOBODY), COHORT, person(1)));
		assert!(!Departed::<Test>::contains_key(COHORT, person(1)));
		assert_eq!(
			last_event(),
			Event::DepartedForgotten { cohort: COHORT, person: person(1) }.into()
		);
		assert_noop!(
			Membership::forget_departed(RuntimeOrigin::signed(NOBODY), COHORT, person(1)),
			Error::<Test>::NotDeparted
		);
	});
}
