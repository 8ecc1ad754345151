use crate::{mock::*, *};
use frame_support::{assert_noop, assert_ok, dispatch::GetDispatchInfo, weights::Weight};
use sp_runtime::traits::Dispatchable;

/// Closes `id` (by EVE) and returns the outcome from the event.
fn close(id: ProposalId) -> Outcome {
	end_voting(id);
	assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), id));
	match last_event() {
		RuntimeEvent::QuadraticVoting(Event::Closed { proposal, outcome, .. }) => {
			assert_eq!(proposal, id);
			outcome
		},
		other => panic!("not a Closed event: {other:?}"),
	}
}

#[test]
fn a_passed_proposal_pays_the_research_team_from_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let call = fund_research(2_500);
		let deposit = deposit_for(&call);
		let id = propose(ALICE, call);
		vote(ALICE, id, Choice::Aye, 4);
		vote(BOB, id, Choice::Aye, 3);
		vote(CAROL, id, Choice::Nay, 6);
		assert_eq!(free(ALICE), ENDOWMENT - deposit);

		assert_eq!(close(id), Outcome::Passed { result: Ok(()) });
		assert_eq!(free(RESEARCH), 2_500);
		assert_eq!(free(TREASURY), TREASURY_FUNDS - 2_500);
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert!(Proposals::<Test>::get(id).is_none());
		assert_eq!(OpenProposals::<Test>::get(COHORT), 0);
		let closed = events().into_iter().rev().find(|e| matches!(e, Event::Closed { .. }));
		assert_eq!(
			closed,
			Some(Event::Closed {
				proposal: id,
				cohort: COHORT,
				tally: Tally { ayes: 7, nays: 6, voters: 3 },
				quorum: 3,
				outcome: Outcome::Passed { result: Ok(()) },
			})
		);
	});
}

#[test]
fn quadratic_cost_lets_many_small_voices_beat_one_loud_one() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			// DAVE spends all 100 credits on 10 nays; four members spend 9 credits each on 3 ayes.
			vote(DAVE, id, Choice::Nay, 10);
			for who in [ALICE, BOB, CAROL, EVE] {
				vote(who, id, Choice::Aye, 3);
			}
			assert_eq!(close(id), Outcome::Passed { result: Ok(()) });
			assert_eq!(free(RESEARCH), 100);
		});
}

#[test]
fn a_tie_rejects_and_returns_the_deposit() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			vote(ALICE, id, Choice::Aye, 2);
			vote(BOB, id, Choice::Nay, 1);
			vote(CAROL, id, Choice::Nay, 1);
			assert_eq!(close(id), Outcome::Rejected);
			assert_eq!(free(RESEARCH), 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			assert_eq!(free(TREASURY), TREASURY_FUNDS);
		});
}

#[test]
fn more_nays_reject() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			vote(ALICE, id, Choice::Aye, 1);
			vote(BOB, id, Choice::Nay, 1);
			vote(CAROL, id, Choice::Nay, 1);
			assert_eq!(close(id), Outcome::Rejected);
			assert_eq!(free(RESEARCH), 0);
			assert_eq!(held(ALICE), 0);
		});
}

#[test]
fn without_quorum_nothing_passes_but_the_deposit_is_returned_when_others_voted() {
	ExtBuilder::default().build_and_execute(|| {
		// Five active members, quorum 50% rounded up: three voters needed.
		let id = propose(ALICE, fund_research(100));
		vote(BOB, id, Choice::Aye, 5);
		vote(CAROL, id, Choice::Aye, 5);
		assert_eq!(close(id), Outcome::QuorumNotReached { deposit_forfeited: false });
		assert_eq!(free(RESEARCH), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
		assert_eq!(free(TREASURY), TREASURY_FUNDS);
		let closed = events().into_iter().rev().find(|e| matches!(e, Event::Closed { .. }));
		assert!(matches!(closed, Some(Event::Closed { quorum: 3, .. })));
	});
}

#[test]
fn a_proposal_nobody_voted_on_forfeits_its_deposit_to_the_treasury() {
	ExtBuilder::default().build_and_execute(|| {
		let call = fund_research(100);
		let deposit = deposit_for(&call);
		let id = propose(ALICE, call);
		assert_eq!(close(id), Outcome::QuorumNotReached { deposit_forfeited: true });
		assert_eq!(free(ALICE), ENDOWMENT - deposit);
		assert_eq!(held(ALICE), 0);
		assert_eq!(free(TREASURY), TREASURY_FUNDS + deposit);
	});
}

#[test]
fn the_proposers_own_vote_does_not_save_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		let call = fund_research(100);
		let deposit = deposit_for(&call);
		let id = propose(ALICE, call);
		vote(ALICE, id, Choice::Aye, 10);
		assert_eq!(close(id), Outcome::QuorumNotReached { deposit_forfeited: true });
		assert_eq!(free(TREASURY), TREASURY_FUNDS + deposit);
	});
}

#[test]
fn the_quorum_counts_the_active_members_at_close() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			vote(ALICE, id, Choice::Aye, 1);
			vote(BOB, id, Choice::Aye, 1);
			// Three of five needed; two members leave, so two of three suffice.
			leave(COHORT, DAVE);
			leave(COHORT, EVE);
			end_voting(id);
			assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(OUTSIDER), id));
			assert!(matches!(
				last_event(),
				RuntimeEvent::QuadraticVoting(Event::Closed {
					quorum: 2,
					outcome: Outcome::Passed { result: Ok(()) },
					..
				})
			));
		});
}

#[test]
fn a_failing_call_is_recorded_and_the_deposit_still_returned() {
	ExtBuilder::default().build_and_execute(|| {
		let id = propose(ALICE, fund_research(TREASURY_FUNDS * 2));
		for who in [ALICE, BOB, CAROL] {
			vote(who, id, Choice::Aye, 1);
		}
		let expected = fund_research(TREASURY_FUNDS * 2)
			.dispatch(RuntimeOrigin::signed(TREASURY))
			.map(|_| ())
			.map_err(|e| e.error);
		assert!(expected.is_err());
		let outcome = close(id);
		assert_eq!(outcome, Outcome::Passed { result: expected });
		assert_eq!(free(TREASURY), TREASURY_FUNDS);
		assert_eq!(free(RESEARCH), 0);
		assert_eq!(free(ALICE), ENDOWMENT);
	});
}

#[test]
fn a_frozen_cohort_does_not_act_on_a_passed_proposal() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let id = FIRST_PROPOSAL;
			for who in [ALICE, BOB, CAROL] {
				vote(who, id, Choice::Aye, 1);
			}
			freeze(COHORT);
			assert_eq!(
				close(id),
				Outcome::Passed { result: Err(Error::<Test>::CohortFrozen.into()) }
			);
			assert_eq!(free(RESEARCH), 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			unfreeze(COHORT);
		});
}

#[test]
fn a_call_that_no_longer_decodes_or_grew_too_heavy_is_not_dispatched() {
	ExtBuilder::default()
		.with_proposal(ALICE, fund_research(100))
		.build_and_execute(|| {
			let garbled = FIRST_PROPOSAL;
			let heavy = propose(BOB, fund_research(100));
			for id in [garbled, heavy] {
				for who in [ALICE, BOB, CAROL] {
					vote(who, id, Choice::Aye, 1);
				}
			}
			Proposals::<Test>::mutate(garbled, |p| {
				p.as_mut().unwrap().call = vec![0xff, 0xff].try_into().unwrap()
			});
			assert_eq!(
				close(garbled),
				Outcome::Passed { result: Err(Error::<Test>::CallUndecodable.into()) }
			);
			set_max_call_weight(Weight::from_parts(1, 1));
			assert_eq!(
				close(heavy),
				Outcome::Passed { result: Err(Error::<Test>::CallTooHeavy.into()) }
			);
			assert_eq!(free(RESEARCH), 0);
			assert_eq!(free(ALICE), ENDOWMENT);
			assert_eq!(free(BOB), ENDOWMENT);
		});
}

#[test]
fn close_is_charged_for_the_call_it_dispatched() {
	ExtBuilder::default().build_and_execute(|| {
		let call = fund_research(100);
		let call_weight = call.get_dispatch_info().call_weight;
		let id = propose(ALICE, call);
		for who in [ALICE, BOB, CAROL] {
			vote(who, id, Choice::Aye, 1);
		}
		end_voting(id);
		let post = QuadraticVoting::close(RuntimeOrigin::signed(EVE), id).unwrap();
		let expected = <() as WeightInfo>::close_passed().saturating_add(call_weight);
		assert_eq!(post.actual_weight, Some(expected));
		assert_eq!(Proposals::<Test>::get(id), None);
	});
}

#[test]
fn finding_1_no_close_while_a_withdrawn_issuers_members_still_count() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		end_voting(id);
		cohort_test_kit::MockMembership::set_sweeping(COHORT, true);
		assert_noop!(
			QuadraticVoting::close(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::SweepUnderway
		);
		cohort_test_kit::MockMembership::set_sweeping(COHORT, false);
		assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), id));
	});
}

#[test]
fn closing_needs_the_period_to_be_over() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		run_to(1 + VOTING_PERIOD - 1);
		assert_noop!(
			QuadraticVoting::close(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::VotingOpen
		);
		assert_noop!(
			QuadraticVoting::close(RuntimeOrigin::signed(EVE), 5),
			Error::<Test>::UnknownProposal
		);
		assert_noop!(
			QuadraticVoting::close(RuntimeOrigin::none(), id),
			sp_runtime::traits::BadOrigin
		);
		run_to(1 + VOTING_PERIOD);
		assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), id));
		// Closed once only.
		assert_noop!(
			QuadraticVoting::close(RuntimeOrigin::signed(EVE), id),
			Error::<Test>::UnknownProposal
		);
	});
}

#[test]
fn stale_votes_of_a_closed_proposal_stay_spent() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let id = FIRST_PROPOSAL;
		vote(BOB, id, Choice::Aye, 6);
		close(id);
		assert_eq!(credits_left(BOB), CREDITS - 36);
	});
}
