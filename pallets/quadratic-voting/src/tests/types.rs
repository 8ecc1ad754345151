//! The arithmetic on tallies and ledgers, without storage.

use crate::{mock::*, *};

fn vote_on(proposal: ProposalId, votes: u32, epoch: u64) -> CastVote<u64> {
	CastVote { proposal, choice: Choice::Aye, votes, epoch }
}

#[test]
fn a_tally_passes_on_more_ayes_and_a_quorum_of_voters() {
	let mut tally = Tally::default();
	tally.add(Choice::Aye, 3);
	tally.add(Choice::Nay, 3);
	assert!(tally.reaches(2) && !tally.reaches(3));
	assert!(!tally.approves(), "a tie rejects");
	tally.remove(Choice::Nay, 3);
	assert!(tally.approves());
	assert_eq!(tally, Tally { ayes: 3, nays: 0, voters: 1 });
}

#[test]
fn only_the_proposer_means_no_other_voter() {
	let mut tally = Tally::default();
	assert!(tally.only_proposer(false));
	tally.add(Choice::Aye, 1);
	assert!(tally.only_proposer(true));
	assert!(!tally.only_proposer(false));
	tally.add(Choice::Nay, 1);
	assert!(!tally.only_proposer(true));
}

#[test]
fn a_ledger_spends_and_refunds_within_its_epoch_only() {
	let mut voter = VoterOf::<Test>::new(1, 2 * EPOCH, CREDITS);
	assert_eq!(voter.record(vote_on(0, 3, 1), 9), Ok(()));
	assert_eq!(voter.record(vote_on(1, 2, 1), 4), Ok(()));
	assert_eq!(voter.credits_left(), CREDITS - 13);
	assert_eq!(voter.take_vote(0), Some((vote_on(0, 3, 1), 9)));
	assert_eq!(voter.take_vote(0), None);
	assert!(voter.has_vote_on(1) && !voter.has_vote_on(0));

	// A new epoch grants afresh; a vote paid in the old one refunds nothing.
	assert!(voter.in_epoch(&(2 * EPOCH - 1)) && !voter.in_epoch(&(2 * EPOCH)));
	voter.roll_to(2, 3 * EPOCH, 50);
	assert_eq!((voter.granted, voter.spent, voter.epoch_ends_at), (50, 0, 3 * EPOCH));
	assert_eq!(voter.take_vote(1), Some((vote_on(1, 2, 1), 0)));
	voter.roll_to(2, 3 * EPOCH, 70);
	assert_eq!(voter.granted, 50, "the same epoch keeps its grant");
}

#[test]
fn a_full_ledger_gives_the_vote_back_until_pruned() {
	let mut voter = VoterOf::<Test>::new(0, EPOCH, CREDITS);
	for id in 0..MAX_LIVE_VOTES {
		assert_eq!(voter.record(vote_on(id, 1, 0), 1), Ok(()));
	}
	assert_eq!(voter.record(vote_on(9, 1, 0), 1), Err(vote_on(9, 1, 0)));
	assert_eq!(voter.spent, MAX_LIVE_VOTES, "nothing spent on a vote not recorded");
	voter.prune(|id| id != 0);
	assert_eq!(voter.record(vote_on(9, 1, 0), 1), Ok(()));
}
