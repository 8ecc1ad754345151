//! The revocation cascade: suspended or departed members' votes leave the tallies at once.

use crate::{mock::*, *};
use cohort_primitives::{MembershipChange, OnMembershipChange};
use frame_support::{assert_noop, assert_ok};

#[test]
fn a_suspended_voters_votes_disappear_at_once() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let first = FIRST_PROPOSAL;
			let second = propose(BOB, remark());
			vote(CAROL, first, Choice::Aye, 6);
			vote(CAROL, second, Choice::Nay, 2);
			vote(DAVE, first, Choice::Nay, 1);

			suspend(COHORT, CAROL);
			assert_eq!(tally(first), Tally { ayes: 0, nays: 1, voters: 1 });
			assert_eq!(tally(second), Tally::default());
			assert!(Voters::<Test>::get(COHORT, person(3)).unwrap().votes.is_empty());
			assert_eq!(
				last_event(),
				Event::VotesDropped { cohort: COHORT, person: person(3), proposals: 2 }.into()
			);
			// While suspended, CAROL cannot vote again.
			assert_noop!(
				QuadraticVoting::vote(RuntimeOrigin::signed(CAROL), first, Choice::Aye, 1),
				Error::<Test>::NotActiveMember
			);
			// Restored in the same epoch, the credits of the dropped votes are hers again.
			restore(COHORT, CAROL);
			assert_eq!(credits_left(CAROL), CREDITS);
			vote(CAROL, first, Choice::Aye, 1);
			assert_eq!(tally(first), Tally { ayes: 1, nays: 1, voters: 2 });
		});
}

#[test]
fn a_suspended_voter_no_longer_decides_an_ended_proposal() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			vote(ALICE, id, Choice::Aye, 1);
			vote(BOB, id, Choice::Aye, 1);
			vote(CAROL, id, Choice::Aye, 1);
			vote(DAVE, id, Choice::Nay, 2);
			end_voting(id);
			// Ayes 3 > nays 2 with four voters; after the period but before closing, the issuer
			// revokes BOB: ayes 2 = nays 2 → rejected.
			suspend(COHORT, BOB);
			assert_eq!(tally(id), Tally { ayes: 2, nays: 2, voters: 3 });
			assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), id));
			assert!(matches!(
				last_event(),
				RuntimeEvent::QuadraticVoting(Event::Closed { outcome: Outcome::Rejected, .. })
			));
			assert_eq!(free(RESEARCH), 0);
		});
}

#[test]
fn leaving_drops_the_votes_too() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(EVE, id, Choice::Aye, 4);
		leave(COHORT, EVE);
		assert_eq!(tally(id), Tally::default());
		assert_eq!(
			last_event(),
			Event::VotesDropped { cohort: COHORT, person: person(5), proposals: 1 }.into()
		);
	});
}

/// Audit finding 9 (voting's part): the vote ledger outlived the membership, whose deposit
/// paid for it and was released on leaving.
#[test]
fn finding_9_leaving_deletes_the_vote_ledger() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		vote(EVE, FIRST_PROPOSAL, Choice::Aye, 4);
		assert!(Voters::<Test>::contains_key(COHORT, person(5)));
		leave(COHORT, EVE);
		assert!(!Voters::<Test>::contains_key(COHORT, person(5)));
	});
}

#[test]
fn votes_on_closed_proposals_are_not_refunded() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let closed = FIRST_PROPOSAL;
		vote(CAROL, closed, Choice::Aye, 5);
		end_voting(closed);
		assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), closed));
		let open = propose(ALICE, remark());
		vote(CAROL, open, Choice::Aye, 3);
		suspend(COHORT, CAROL);
		restore(COHORT, CAROL);
		// Only the live vote on `open` was refunded.
		assert_eq!(credits_left(CAROL), CREDITS - 25);
		assert_eq!(
			events().into_iter().rev().find(|e| matches!(e, Event::VotesDropped { .. })),
			Some(Event::VotesDropped { cohort: COHORT, person: person(3), proposals: 1 })
		);
	});
}

#[test]
fn a_member_without_votes_is_suspended_quietly() {
	ExtBuilder::default().build_and_execute(|| {
		let before = System::events().len();
		suspend(COHORT, DAVE);
		assert_eq!(System::events().len(), before);
		assert!(Voters::<Test>::get(COHORT, person(4)).is_none());
	});
}

#[test]
fn rotation_keeps_the_persons_votes() {
	ExtBuilder::default().with_proposal(BOB, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(ALICE, id, Choice::Aye, 3);
		rotate(COHORT, ALICE, ALICE_NEW);
		assert_eq!(tally(id), Tally { ayes: 3, nays: 0, voters: 1 });
		assert_ok!(QuadraticVoting::remove_vote(RuntimeOrigin::signed(ALICE_NEW), id));
		assert_eq!(tally(id), Tally::default());
	});
}

#[test]
fn only_suspension_departure_and_rotation_weigh_anything() {
	ExtBuilder::default().build_and_execute(|| {
		use frame_support::weights::Weight;
		type Hooks = QuadraticVoting;
		let weight = <Hooks as OnMembershipChange<AccountId>>::weight;
		assert_eq!(weight(MembershipChange::Suspended), <() as WeightInfo>::drop_votes());
		assert_eq!(weight(MembershipChange::Left), <() as WeightInfo>::drop_votes());
		assert_eq!(weight(MembershipChange::Rotated), <() as WeightInfo>::hand_proposals_over());
		for quiet in [
			MembershipChange::Joined,
			MembershipChange::Restored,
			MembershipChange::ConsentChanged,
			MembershipChange::UnitsChanged,
		] {
			assert_eq!(weight(quiet), Weight::zero());
		}
	});
}

/// Audit finding 10: after a rotation the proposer's deposit went back to the lost account
/// and the new key could not withdraw the proposal.
#[test]
fn a_rotated_proposer_keeps_their_proposal_and_deposit() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let deposit = deposit_for(&remark());
		rotate(COHORT, ALICE, ALICE_NEW);
		assert_eq!(Proposals::<Test>::get(FIRST_PROPOSAL).unwrap().proposer, ALICE_NEW);
		assert_eq!((held(ALICE), held(ALICE_NEW)), (0, deposit));
		assert_noop!(
			QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), FIRST_PROPOSAL),
			Error::<Test>::NotProposer
		);
		assert_ok!(QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE_NEW), FIRST_PROPOSAL));
		assert_eq!(free(ALICE_NEW), ENDOWMENT + deposit);
		assert_eq!(free(ALICE), ENDOWMENT - deposit);
	});
}
