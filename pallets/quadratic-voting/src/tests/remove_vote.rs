use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn removing_a_vote_refunds_it() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 7);
		vote(CAROL, id, Choice::Aye, 1);
		assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), id));
		assert_eq!(tally(id), Tally { ayes: 1, nays: 0, voters: 1 });
		assert_eq!(credits_left(BOB), CREDITS);
		assert!(Voters::<Test>::get(COHORT, person(2)).unwrap().votes.is_empty());
		assert_eq!(
			last_event(),
			Event::VoteRemoved { proposal: id, voter: BOB, refunded: 49 }.into()
		);
	});
}

#[test]
fn there_must_be_a_vote_to_remove() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 1);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(CAROL), id),
			Error::<Test>::NoVote
		);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), 9),
			Error::<Test>::UnknownProposal
		);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(OUTSIDER), id),
			Error::<Test>::NotActiveMember
		);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::none(), id),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn votes_are_final_once_the_period_ends() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 1);
		end_voting(id);
		assert_noop!(
			QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::VotingEnded
		);
	});
}

#[test]
fn a_vote_paid_in_an_earlier_epoch_refunds_nothing() {
	ExtBuilder::default().build_and_execute(|| {
		let mut params = default_params();
		params.voting_period = 2 * EPOCH;
		set_params(COHORT, params);
		let id = propose(ALICE, remark());
		vote(BOB, id, Choice::Aye, 3);
		run_to(EPOCH);
		assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), id));
		assert_eq!(
			last_event(),
			Event::VoteRemoved { proposal: id, voter: BOB, refunded: 0 }.into()
		);
		assert_eq!(credits_left(BOB), CREDITS);
		assert_eq!(tally(id), Tally::default());
	});
}
