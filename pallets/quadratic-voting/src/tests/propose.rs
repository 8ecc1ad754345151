use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, weights::Weight};
use sp_runtime::DispatchResult;

/// `who` proposes `call` in `cohort`.
fn propose_in(who: AccountId, cohort: CohortId, call: RuntimeCall) -> DispatchResult {
	QuadraticVoting::propose(RuntimeOrigin::signed(who), cohort, Box::new(call), description())
}

#[test]
fn a_member_proposes_and_the_deposit_is_held() {
	ExtBuilder::default().build_and_execute(|| {
		let call = fund_research(500);
		let deposit = deposit_for(&call);
		let id = propose(ALICE, call.clone());

		assert_eq!(id, 0);
		assert_eq!(NextProposalId::<Test>::get(), 1);
		assert_eq!(OpenProposals::<Test>::get(COHORT), 1);
		assert_eq!(held(ALICE), deposit);
		assert_eq!(free(ALICE), ENDOWMENT - deposit);
		let proposal = Proposals::<Test>::get(id).unwrap();
		assert_eq!(proposal.cohort, COHORT);
		assert_eq!(proposal.proposer, ALICE);
		assert_eq!(proposal.proposer_person, person(1));
		assert_eq!(proposal.call.to_vec(), call.encode());
		assert_eq!(proposal.description_hash, description());
		assert_eq!(proposal.deposit, deposit);
		assert_eq!(proposal.ends_at, 1 + VOTING_PERIOD);
		assert_eq!(proposal.tally, Tally::default());
		assert_eq!(
			last_event(),
			Event::Proposed {
				proposal: 0,
				cohort: COHORT,
				proposer: ALICE,
				description_hash: description(),
				ends_at: 1 + VOTING_PERIOD,
				deposit,
			}
			.into()
		);
	});
}

#[test]
fn the_deposit_grows_with_the_call() {
	ExtBuilder::default().build_and_execute(|| {
		let short = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 1] });
		let long = RuntimeCall::System(frame_system::Call::remark { remark: vec![0; 40] });
		propose(ALICE, short.clone());
		propose(BOB, long.clone());
		assert_eq!(held(BOB) - held(ALICE), 39 * DEPOSIT_PER_BYTE);
	});
}

#[test]
fn ids_increase_and_are_not_reused() {
	ExtBuilder::default().with_proposal(ALICE, remark()).build_and_execute(|| {
		let first = FIRST_PROPOSAL;
		frame_support::assert_ok!(QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), first));
		assert_eq!(propose(ALICE, remark()), first + 1);
	});
}

#[test]
fn only_active_members_propose() {
	ExtBuilder::default().build_and_execute(|| {
		let propose_as = |who| {
			QuadraticVoting::propose(
				RuntimeOrigin::signed(who),
				COHORT,
				Box::new(remark()),
				description(),
			)
		};
		assert_noop!(propose_as(OUTSIDER), Error::<Test>::NotActiveMember);
		suspend(COHORT, CAROL);
		assert_noop!(propose_as(CAROL), Error::<Test>::NotActiveMember);
		// A member of another cohort is not a member of this one.
		assert_noop!(propose_in(ALICE, OTHER_COHORT, remark()), Error::<Test>::NotActiveMember);
		assert_noop!(
			QuadraticVoting::propose(
				RuntimeOrigin::none(),
				COHORT,
				Box::new(remark()),
				description()
			),
			sp_runtime::traits::BadOrigin
		);
	});
}

#[test]
fn unknown_and_frozen_cohorts_take_no_proposals() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(propose_in(ALICE, UNKNOWN_COHORT, remark()), Error::<Test>::UnknownCohort);
		freeze(COHORT);
		assert_noop!(propose_in(ALICE, COHORT, remark()), Error::<Test>::CohortFrozen);
	});
}

#[test]
fn calls_are_bounded_in_size_and_weight() {
	ExtBuilder::default().build_and_execute(|| {
		let too_long = RuntimeCall::System(frame_system::Call::remark {
			remark: vec![0; MAX_CALL_SIZE as usize],
		});
		assert!(too_long.encode().len() > MAX_CALL_SIZE as usize);
		assert_noop!(propose_in(ALICE, COHORT, too_long), Error::<Test>::CallTooLarge);
		set_max_call_weight(Weight::from_parts(1, 1));
		assert_noop!(propose_in(ALICE, COHORT, fund_research(1)), Error::<Test>::CallTooHeavy);
	});
}

#[test]
fn a_cohort_has_a_bounded_number_of_open_proposals() {
	ExtBuilder::default().build_and_execute(|| {
		for who in [ALICE, ALICE, CAROL, CAROL] {
			propose(who, remark());
		}
		assert_noop!(propose_in(BOB, COHORT, remark()), Error::<Test>::TooManyOpenProposals);
		// Another cohort is not affected.
		frame_support::assert_ok!(propose_in(BOB, OTHER_COHORT, remark()));
		// Closing one makes room.
		end_voting(0);
		frame_support::assert_ok!(QuadraticVoting::close(RuntimeOrigin::signed(EVE), 0));
		frame_support::assert_ok!(propose_in(BOB, COHORT, remark()));
	});
}

#[test]
fn the_proposer_must_pay_the_deposit() {
	ExtBuilder::default().build_and_execute(|| {
		add_member(COHORT, POOR, 8);
		assert_noop!(propose_in(POOR, COHORT, remark()), Error::<Test>::InsufficientDeposit);
	});
}

#[test]
fn proposal_ids_do_not_overflow() {
	ExtBuilder::default().build_and_execute(|| {
		NextProposalId::<Test>::put(ProposalId::MAX);
		assert_noop!(propose_in(ALICE, COHORT, remark()), Error::<Test>::ProposalIdOverflow);
	});
}

/// Audit finding 4: with only a per-cohort cap, one member re-proposing at each `ends_at` held
/// every open slot and so blocked spends, licence approvals and trustee changes forever.
#[test]
fn one_member_cannot_hold_every_proposal_slot() {
	ExtBuilder::default().build_and_execute(|| {
		for _ in 0..MAX_OPEN_PER_PERSON {
			propose(ALICE, remark());
		}
		assert_noop!(propose_in(ALICE, COHORT, remark()), Error::<Test>::TooManyProposalsOfPerson);
		// Others still have room.
		frame_support::assert_ok!(propose_in(BOB, COHORT, remark()));
		// Withdrawing one frees a slot for the person.
		frame_support::assert_ok!(QuadraticVoting::withdraw(RuntimeOrigin::signed(ALICE), 0));
		frame_support::assert_ok!(propose_in(ALICE, COHORT, remark()));
		// The cap follows the person, not the account.
		rotate(COHORT, ALICE, ALICE_NEW);
		assert_noop!(
			propose_in(ALICE_NEW, COHORT, remark()),
			Error::<Test>::TooManyProposalsOfPerson
		);
	});
}
