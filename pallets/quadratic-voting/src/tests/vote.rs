use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn votes_cost_their_square_in_credits() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 3);
		vote(CAROL, id, Choice::Nay, 2);

		assert_eq!(tally(id), Tally { ayes: 3, nays: 2, voters: 2 });
		assert_eq!(credits_left(BOB), CREDITS - 9);
		assert_eq!(credits_left(CAROL), CREDITS - 4);
		let ledger = Voters::<Test>::get(COHORT, person(2)).unwrap();
		assert_eq!(ledger.granted, CREDITS);
		assert_eq!(ledger.spent, 9);
		assert_eq!(
			ledger.votes.to_vec(),
			vec![CastVote { proposal: id, choice: Choice::Aye, votes: 3, epoch: 0 }]
		);
		assert_eq!(
			last_event(),
			Event::Voted {
				proposal: id,
				voter: CAROL,
				choice: Choice::Nay,
				votes: 2,
				cost: 4,
				credits_left: CREDITS - 4,
			}
			.into()
		);
	});
}

#[test]
fn changing_a_vote_refunds_the_old_cost_first() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 10); // all 100 credits
		assert_eq!(credits_left(BOB), 0);
		// 10 nay votes fit only because the 10 aye votes are refunded first.
		vote(BOB, id, Choice::Nay, 10);
		assert_eq!(tally(id), Tally { ayes: 0, nays: 10, voters: 1 });
		assert_eq!(credits_left(BOB), 0);
		vote(BOB, id, Choice::Nay, 4);
		assert_eq!(tally(id), Tally { ayes: 0, nays: 4, voters: 1 });
		assert_eq!(credits_left(BOB), CREDITS - 16);
		assert_eq!(Voters::<Test>::get(COHORT, person(2)).unwrap().votes.len(), 1);
	});
}

#[test]
fn credits_run_out_across_proposals() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let first = FIRST_PROPOSAL;
		let second = propose(ALICE, remark());
		vote(BOB, first, Choice::Aye, 8); // 64
		assert_eq!(credits_left(BOB), 36);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), second, Choice::Aye, 7),
			Error::<Test>::InsufficientCredits
		);
		vote(BOB, second, Choice::Aye, 6); // 36: exactly what is left
		assert_eq!(credits_left(BOB), 0);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), first, Choice::Aye, 9),
			Error::<Test>::InsufficientCredits
		);
	});
}

#[test]
fn a_refused_revote_keeps_the_old_vote() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 5);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), id, Choice::Aye, 11),
			Error::<Test>::InsufficientCredits
		);
		assert_eq!(tally(id), Tally { ayes: 5, nays: 0, voters: 1 });
	});
}

#[test]
fn absurd_vote_counts_are_refused() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), id, Choice::Aye, u32::MAX),
			Error::<Test>::InsufficientCredits
		);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), id, Choice::Aye, 0),
			Error::<Test>::ZeroVotes
		);
	});
}

#[test]
fn only_active_members_of_the_cohort_vote() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(OUTSIDER), id, Choice::Aye, 1),
			Error::<Test>::NotActiveMember
		);
		suspend(COHORT, CAROL);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(CAROL), id, Choice::Aye, 1),
			Error::<Test>::NotActiveMember
		);
		// BOB is a member of OTHER_COHORT too; a proposal of that cohort needs that
		// membership, and this one needs this cohort's.
		add_member(OTHER_COHORT, ALICE_NEW, 16);
		assert_ok!(QuadraticVoting::propose(
			RuntimeOrigin::signed(ALICE_NEW),
			OTHER_COHORT,
			Box::new(remark()),
			description()
		));
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(ALICE), 1, Choice::Aye, 1),
			Error::<Test>::NotActiveMember
		);
		vote(BOB, 1, Choice::Aye, 1);
	});
}

#[test]
fn no_votes_after_the_voting_period_or_on_unknown_proposals() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		run_to(1 + VOTING_PERIOD - 1);
		vote(BOB, id, Choice::Aye, 1); // the last block of the period
		run_to(1 + VOTING_PERIOD);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(CAROL), id, Choice::Aye, 1),
			Error::<Test>::VotingEnded
		);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(CAROL), 7, Choice::Aye, 1),
			Error::<Test>::UnknownProposal
		);
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::none(), id, Choice::Aye, 1),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn a_person_holds_a_bounded_number_of_live_votes() {
	ExtBuilder::default().build_and_execute(|| {
		let ids: Vec<_> = [ALICE, ALICE, CAROL, CAROL].map(|who| propose(who, remark())).to_vec();
		for id in &ids[..MAX_LIVE_VOTES as usize] {
			vote(BOB, *id, Choice::Aye, 1);
		}
		let last = ids[MAX_LIVE_VOTES as usize];
		assert_noop!(
			QuadraticVoting::vote(RuntimeOrigin::signed(BOB), last, Choice::Aye, 1),
			Error::<Test>::TooManyLiveVotes
		);
		// Changing a live vote is still possible when full.
		vote(BOB, ids[0], Choice::Nay, 2);
		// Once a voted proposal closes, its stale vote is pruned to make room.
		end_voting(ids[0]);
		assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), ids[0]));
		// The other proposals were proposed in the same block, so they ended too; a new one.
		let fresh = propose(ALICE, remark());
		vote(BOB, fresh, Choice::Aye, 1);
		let ledger = Voters::<Test>::get(COHORT, person(2)).unwrap();
		assert_eq!(ledger.votes.len(), MAX_LIVE_VOTES as usize);
		assert!(ledger.votes.iter().all(|v| v.proposal != ids[0]));
	});
}

#[test]
fn a_vote_pays_for_the_pruning_only_when_it_prunes() {
	ExtBuilder::default().build_and_execute(|| {
		let weights = |result: frame_support::dispatch::DispatchResultWithPostInfo| {
			result.unwrap().actual_weight
		};
		let mut params = default_params();
		params.voting_period = 2 * EPOCH;
		set_params(COHORT, params);
		let ids: Vec<_> = [ALICE, ALICE, CAROL, CAROL].map(|who| propose(who, remark())).to_vec();
		let cast = |id| QuadraticVoting::vote(RuntimeOrigin::signed(BOB), id, Choice::Aye, 1);
		let (opening, within) = (
			Some(<() as WeightInfo>::vote_without_pruning()),
			Some(<() as WeightInfo>::vote_within_epoch()),
		);
		// Room in the ledger, or a change of a vote in a full one: no proposal is looked up.
		// Only the first vote (a new ledger) reads the cohort's params; the rest of the epoch
		// does not.
		assert_eq!(weights(cast(ids[0])), opening);
		for id in &ids[1..MAX_LIVE_VOTES as usize] {
			assert_eq!(weights(cast(*id)), within);
		}
		assert_eq!(weights(cast(ids[0])), within);
		// The first vote of the next epoch reads them again.
		run_to(EPOCH);
		assert_eq!(weights(cast(ids[1])), opening);
		// A full ledger prunes: the declared weight stands.
		end_voting(ids[0]);
		assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), ids[0]));
		let fresh = propose(ALICE, remark());
		assert_eq!(weights(cast(fresh)), None);
		assert!(<() as WeightInfo>::vote_within_epoch()
			.all_lte(<() as WeightInfo>::vote_without_pruning()));
		assert!(<() as WeightInfo>::vote_without_pruning().all_lte(<() as WeightInfo>::vote()));
	});
}
