//! Membership changes settle first, then move units between pools.

use crate::{mock::*, *};
use cohort_primitives::{MembershipChange, OnMembershipChange};
use frame_support::{assert_noop, assert_ok};

#[test]
fn joining_opens_a_position_that_accrues_nothing_until_consent() {
	ExtBuilder::default().build_and_execute(|| {
		join_as(COHORT, ALICE, ALICE, 25);
		let position = Positions::<Test>::get(COHORT, person(ALICE)).unwrap();
		assert_eq!(position.account, ALICE);
		assert_eq!(position.status, MemberStatus::Active);
		assert_eq!(position.units, 25);
		assert_eq!(Payees::<Test>::get(COHORT, ALICE), Some(person(ALICE)));
		assert_eq!(pool(Purpose::AiTraining).total_units, 0);
		member(BOB, 10, &[Purpose::AiTraining]);
		pay(COHORT, Purpose::AiTraining, 100);
		assert_eq!(pending(ALICE), 0);
		consent(ALICE, &[Purpose::AiTraining]);
		assert_eq!(pool(Purpose::AiTraining).total_units, 35);
		assert_eq!(pending(ALICE), 0, "consent applies to future revenue only");
	});
}

#[test]
fn withdrawing_consent_keeps_what_was_earned() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.with_member(BOB, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			consent(ALICE, &[]);
			assert_eq!(pool(Purpose::AiTraining).total_units, 10);
			pay(COHORT, Purpose::AiTraining, 100);
			assert_eq!(pending(ALICE), 50);
			assert_eq!(pending(BOB), 150);
		});
}

#[test]
fn new_units_count_from_when_they_are_recorded() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::PublicHealth])
		.with_member(BOB, 10, &[Purpose::PublicHealth])
		.build_and_execute(|| {
			pay(COHORT, Purpose::PublicHealth, 100);
			contribute(ALICE, 30);
			assert_eq!(pool(Purpose::PublicHealth).total_units, 50);
			pay(COHORT, Purpose::PublicHealth, 100);
			assert_eq!(pending(ALICE), 50 + 80);
			assert_eq!(pending(BOB), 50 + 20);
		});
}

#[test]
fn a_suspended_member_stops_accruing_and_keeps_what_was_earned() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.with_member(BOB, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			suspend(ALICE);
			assert_eq!(pool(Purpose::AiTraining).total_units, 10);
			pay(COHORT, Purpose::AiTraining, 100);
			assert_eq!(pending(ALICE), 50);
			// Earned stays claimable while suspended.
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
			assert_eq!(free(ALICE), 150);
			// Restored, she accrues again, but not for what was paid while she was suspended.
			restore(ALICE);
			pay(COHORT, Purpose::AiTraining, 100);
			assert_eq!(pending(ALICE), 50);
			assert_eq!(pending(BOB), 50 + 100 + 50);
		});
}

#[test]
fn leaving_with_nothing_pending_removes_the_position() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			leave(ALICE);
			assert!(Positions::<Test>::get(COHORT, person(ALICE)).is_none());
			assert!(Payees::<Test>::get(COHORT, ALICE).is_none());
			assert_eq!(pool(Purpose::AiTraining).total_units, 0);
		});
}

#[test]
fn a_returning_person_keeps_unclaimed_earnings() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 70);
			leave(ALICE);
			join_as(COHORT, ALICE, ALICE, 10);
			assert_eq!(pending(ALICE), 70);
			assert_eq!(pool(Purpose::AiTraining).total_units, 0, "consent starts afresh");
		});
}

#[test]
fn an_account_owed_royalties_cannot_join_as_another_person() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 70);
			leave(ALICE);
			assert_noop!(
				<Royalties as OnMembershipChange<AccountId>>::on_joined(
					COHORT,
					&person(99),
					&ALICE,
					0
				),
				Error::<Test>::UnclaimedRoyalties
			);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
			assert_ok!(<Royalties as OnMembershipChange<AccountId>>::on_joined(
				COHORT,
				&person(99),
				&ALICE,
				0
			));
		});
}

#[test]
fn earnings_follow_the_person_to_a_rotated_key() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 40);
			rotate(ALICE, ALICE_NEW);
			assert_eq!(pending(ALICE_NEW), 40);
			assert_noop!(
				Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT),
				Error::<Test>::NoPosition
			);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE_NEW), COHORT));
			assert_eq!(free(ALICE_NEW), 140);
		});
}

#[test]
fn changes_of_unknown_persons_are_ignored() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(<Royalties as OnMembershipChange<AccountId>>::on_suspended(COHORT, &person(42)));
		assert_ok!(<Royalties as OnMembershipChange<AccountId>>::on_units_changed(
			COHORT,
			&person(42),
			0,
			5
		));
		assert_eq!(Positions::<Test>::iter().count(), 0);
	});
}

#[test]
fn every_change_weighs_a_settlement_or_a_rotation() {
	let weight = <Royalties as OnMembershipChange<AccountId>>::weight;
	assert_eq!(weight(MembershipChange::Rotated), <() as WeightInfo>::on_rotated());
	// Joining moves the payee entry too.
	assert_eq!(
		weight(MembershipChange::Joined),
		<() as WeightInfo>::on_joined().max(<() as WeightInfo>::settle_and_move())
	);
	for change in [
		MembershipChange::Suspended,
		MembershipChange::Restored,
		MembershipChange::Left,
		MembershipChange::ConsentChanged,
		MembershipChange::UnitsChanged,
	] {
		assert_eq!(weight(change), <() as WeightInfo>::settle_and_move());
	}
}

/// Audit finding 2: rotating a member onto an account that still holds a departed person's
/// unclaimed royalties overwrote that account's payee entry, so the departed person's
/// royalties could never be claimed.
#[test]
fn rotation_cannot_orphan_royalties() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.with_member(BOB, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			leave(ALICE);
			assert_eq!(pending(ALICE), 50);
			assert_noop!(
				<Royalties as OnMembershipChange<AccountId>>::on_rotated(
					COHORT,
					&person(BOB),
					&BOB,
					&ALICE
				),
				Error::<Test>::UnclaimedRoyalties
			);
			assert_ok!(Royalties::claim(RuntimeOrigin::signed(ALICE), COHORT));
			assert_eq!(free(ALICE), 100 + 50);
			rotate(BOB, ALICE);
			assert_eq!(pending(ALICE), 50, "Bob's earnings followed him to the account");
		});
}

/// The cross-pallet invariant membership's `try_state` asks of royalties: each position
/// follows its membership.
#[test]
fn positions_follow_memberships() {
	use cohort_primitives::{Consent, FollowedMember};
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			let member = FollowedMember {
				account: Some(ALICE),
				status: MemberStatus::Active,
				consent: Consent::only(&[Purpose::AiTraining]),
				delegated: false,
				units: 10,
			};
			let check = |m: &FollowedMember<AccountId>| {
				<Royalties as OnMembershipChange<AccountId>>::check_follows(
					COHORT,
					&person(ALICE),
					m,
				)
			};
			assert_eq!(check(&member), Ok(()));
			let cases = [
				(
					FollowedMember { account: Some(BOB), ..member.clone() },
					"a royalty position pays another account",
				),
				(
					FollowedMember { status: MemberStatus::Suspended, ..member.clone() },
					"a royalty position has another status",
				),
				(
					FollowedMember { consent: Consent::NONE, ..member.clone() },
					"a royalty position has another consent",
				),
				(
					FollowedMember { units: 11, ..member.clone() },
					"a royalty position has other units",
				),
				(
					FollowedMember { status: MemberStatus::Left, ..member.clone() },
					"royalties keep a left member as a member",
				),
			];
			for (wrong, error) in cases {
				assert_eq!(check(&wrong), Err(error));
			}
			assert_eq!(
				<Royalties as OnMembershipChange<AccountId>>::check_follows(
					COHORT,
					&person(BOB),
					&member
				),
				Err("a member has no royalty position")
			);
		});
}

/// Audit finding 3: a rotation the cohort's members decided moved the victim's unclaimed
/// royalties to the new account. What the old account earned is now paid to it first.
#[test]
fn a_rotation_by_the_cohort_pays_the_old_account_first() {
	ExtBuilder::default()
		.with_member(ALICE, 10, &[Purpose::AiTraining])
		.with_member(BOB, 10, &[Purpose::AiTraining])
		.build_and_execute(|| {
			pay(COHORT, Purpose::AiTraining, 100);
			assert_ok!(<Royalties as OnMembershipChange<AccountId>>::on_rotating_by_cohort(
				COHORT,
				&person(ALICE),
				&ALICE
			));
			assert_eq!(free(ALICE), 100 + 50);
			rotate(ALICE, ALICE_NEW);
			assert_eq!(pending(ALICE_NEW), 0, "nothing of the old account's follows");
			// Nothing to pay is not an error.
			assert_ok!(<Royalties as OnMembershipChange<AccountId>>::on_rotating_by_cohort(
				COHORT,
				&person(ALICE),
				&ALICE_NEW
			));
		});
}
