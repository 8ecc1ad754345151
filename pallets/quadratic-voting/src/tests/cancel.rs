use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok};

#[test]
/// Audit finding 4: a council `cancel` returned the deposit, so cancelling cost a spammer
/// nothing; it is forfeited to the cohort treasury.
fn the_council_cancels_a_proposal_and_the_deposit_is_forfeited() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			let deposit = deposit_for(&fund_research(100));
			vote(BOB, id, Choice::Aye, 5);
			assert_ok!(QuadraticVoting::cancel(RuntimeOrigin::root(), id));
			assert!(Proposals::<Test>::get(id).is_none());
			assert_eq!(OpenProposals::<Test>::get(COHORT), 0);
			assert!(OpenProposalsOf::<Test>::get(COHORT, person(1)).is_empty());
			assert_eq!(held(ALICE), 0);
			assert_eq!(free(ALICE), ENDOWMENT - deposit);
			assert_eq!(free(TREASURY), TREASURY_FUNDS + deposit);
			assert_eq!(last_event(), Event::Cancelled { proposal: id, cohort: COHORT }.into());
			// It can no longer be voted on or closed.
			assert_noop!(
				QuadraticVoting::vote(RuntimeOrigin::signed(CAROL), id, Choice::Aye, 1),
				Error::<Test>::UnknownProposal
			);
			run_to(1 + VOTING_PERIOD);
			assert_noop!(
				QuadraticVoting::close(RuntimeOrigin::signed(CAROL), id),
				Error::<Test>::UnknownProposal
			);
			assert_eq!(free(RESEARCH), 0);
		});
}

#[test]
fn only_the_council_cancels() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		assert_noop!(
			QuadraticVoting::cancel(RuntimeOrigin::signed(ALICE), id),
			sp_runtime::traits::BadOrigin
		);
		assert_noop!(
			QuadraticVoting::cancel(RuntimeOrigin::root(), id + 1),
			Error::<Test>::UnknownProposal
		);
	});
}
