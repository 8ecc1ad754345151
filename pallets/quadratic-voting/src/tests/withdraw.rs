use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
fn the_proposer_withdraws_a_proposal_without_votes() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		assert_ok!(QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), id));
		assert!(Proposals::<Test>::get(id).is_none());
		assert_eq!(OpenProposals::<Test>::get(COHORT), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(last_event(), Event::Withdrawn { proposal: id, cohort: COHORT }.into());
	});
}

#[test]
fn a_proposal_with_votes_cannot_be_withdrawn() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Nay, 1);
		assert_noop!(
			QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), id),
			Error::<Test>::HasVotes
		);
		// Once the vote is removed, it can.
		assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(BOB), id));
		assert_ok!(QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), id));
	});
}

#[test]
fn only_the_proposer_withdraws() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		assert_noop!(
			QuadraticVoting::withdraw(RuntimeOrigin::signed(BOB), id),
			Error::<Test>::NotProposer
		);
		assert_noop!(
			QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), id + 1),
			Error::<Test>::UnknownProposal
		);
		assert_noop!(
			QuadraticVoting::withdraw(RuntimeOrigin::none(), id),
			sp_runtime::traits::BadOrigin
		);
	});
}
