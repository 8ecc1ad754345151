use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn an_issuer_records_contribution_units() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		hook_calls();
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			12
		));
		assert_ok!(Membership::record_contribution(
			RuntimeOrigin::signed(CLINIC),
			COHORT,
			ALICE,
			3
		));
		assert_eq!(Memberships::<Test>::get(COHORT, person(1)).map(|r| r.units), Some(15));
		assert_eq!(
			last_event(),
			Event::ContributionRecorded { cohort: COHORT, account: ALICE, units: 3, total: 15 }
				.into()
		);
		assert_eq!(hook_calls(), vec!["units 0 p1 0->12", "units 0 p1 12->15"]);
	});
}

#[test]
fn only_accepted_issuers_record() {
	ExtBuilder::default().with_member(ALICE, 1).build_and_execute(|| {
		assert_noop!(
			Membership::record_contribution(RuntimeOrigin::signed(ROGUE), COHORT, ALICE, 1),
			Error::<Test>::IssuerNotAccepted
		);
		assert_noop!(
			Membership::record_contribution(RuntimeOrigin::signed(ALICE), COHORT, ALICE, 1),
			Error::<Test>::IssuerNotAccepted
		);
	});
}

#[test]
fn units_go_to_active_members_only() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			Membership::record_contribution(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 1),
			Error::<Test>::NotMember
		);
		join(ALICE, 1);
		assert_noop!(
			Membership::record_contribution(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 0),
			Error::<Test>::NoUnits
		);
		assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		assert_noop!(
			Membership::record_contribution(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 1),
			Error::<Test>::NotActive
		);
	});
}

#[test]
fn units_do_not_overflow() {
	ExtBuilder::default()
		.with_contributor(ALICE, 1, u64::MAX)
		.build_and_execute(|| {
			assert_noop!(
				Membership::record_contribution(RuntimeOrigin::signed(CLINIC), COHORT, ALICE, 1),
				Error::<Test>::UnitsOverflow
			);
		});
}
