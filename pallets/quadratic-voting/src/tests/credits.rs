//! Voice credits: per person, per epoch.

use crate::{mock::*, *};
use frame_support::assert_noop;

#[test]
fn a_person_who_never_voted_has_the_full_credits() {
	ExtBuilder::default().build_and_execute(|| {
		assert_eq!(credits_left(DAVE), CREDITS);
		assert!(Voters::<Test>::get(COHORT, person(4)).is_none());
	});
}

#[test]
fn each_epoch_grants_fresh_credits() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let first = FIRST_PROPOSAL;
		vote(BOB, first, Choice::Aye, 10);
		assert_eq!(credits_left(BOB), 0);
		run_to(EPOCH); // epoch 1 begins
		assert_eq!(credits_left(BOB), CREDITS);
		let second = propose(ALICE, remark());
		vote(BOB, second, Choice::Aye, 10);
		assert_eq!(credits_left(BOB), 0);
		let ledger = Voters::<Test>::get(COHORT, person(2)).unwrap();
		assert_eq!((ledger.epoch, ledger.granted, ledger.spent), (1, CREDITS, 100));
	});
}

#[test]
fn credits_do_not_carry_over_through_refunds() {
	ExtBuilder::default().build_and_execute(|| {
		let mut params = default_params();
		params.voting_period = 2 * EPOCH;
		set_params(COHORT, params);
		let id = propose(ALICE, remark());
		vote(BOB, id, Choice::Aye, 10); // epoch 0's credits
		run_to(EPOCH + 1);
		// Changing the vote in epoch 1 refunds nothing into epoch 1: epoch 0's credits are
		// gone. The new vote is paid from epoch 1's grant.
		vote(BOB, id, Choice::Aye, 6);
		assert_eq!(credits_left(BOB), CREDITS - 36);
		assert_eq!(tally(id), Tally { ayes: 6, nays: 0, voters: 1 });
		// Removing it now refunds into epoch 1, where it was paid.
		frame_support::assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), id));
		assert_eq!(credits_left(BOB), CREDITS);
	});
}

#[test]
fn a_rotated_key_brings_no_fresh_credits() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let first = FIRST_PROPOSAL;
		let second = propose(BOB, remark());
		vote(ALICE, first, Choice::Aye, 9); // 81
		rotate(COHORT, ALICE, ALICE_NEW);
		assert_eq!(credits_left(ALICE_NEW), CREDITS - 81);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(ALICE_NEW), second, Choice::Aye, 5),
			Error::<Test>::InsufficientCredits
		);
		// The old key votes no more; the new key changes the person's existing vote.
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(ALICE), second, Choice::Aye, 1),
			Error::<Test>::NotActiveMember
		);
		vote(ALICE_NEW, first, Choice::Aye, 10);
		assert_eq!(tally(first), Tally { ayes: 10, nays: 0, voters: 1 });
	});
}

#[test]
fn a_new_credit_allowance_applies_from_the_next_epoch() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 5);
		let mut params = default_params();
		params.voice_credits_per_epoch = 400;
		set_params(COHORT, params);
		// BOB's grant for this epoch stays; CAROL's first vote of the epoch gets the new one.
		assert_eq!(credits_left(BOB), CREDITS - 25);
		vote(CAROL, id, Choice::Nay, 20);
		assert_eq!(credits_left(CAROL), 0);
		run_to(EPOCH);
		assert_eq!(credits_left(BOB), 400);
	});
}

#[test]
fn a_new_epoch_length_applies_from_the_end_of_each_ledgers_epoch() {
	ExtBuilder::default().build_and_execute(|| {
		let mut params = default_params();
		params.voting_period = 2 * EPOCH;
		set_params(COHORT, params);
		let id = propose(ALICE, remark());
		vote(BOB, id, Choice::Aye, 5); // epoch 0 of 100 blocks: it ends at block 100
		params.epoch_length = 30;
		set_params(COHORT, params);
		// Block 50 is in epoch 1 of 30 blocks, but BOB's epoch runs on: no fresh credits
		// mid-epoch, however the length changes.
		run_to(50);
		assert_eq!(credits_left(BOB), CREDITS - 25);
		vote(BOB, id, Choice::Aye, 6); // the 5 votes are refunded within the same epoch
		assert_eq!(credits_left(BOB), CREDITS - 36);
		// From block 100 on, the new length counts: epoch 3 runs from 90 to 119.
		run_to(EPOCH);
		assert_eq!(credits_left(BOB), CREDITS);
		vote(BOB, id, Choice::Aye, 1);
		let ledger = Voters::<Test>::get(COHORT, person(2)).unwrap();
		assert_eq!((ledger.epoch, ledger.epoch_ends_at, ledger.spent), (3, 120, 1));
	});
}
