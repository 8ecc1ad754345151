//! Benchmarks of every call and of the revocation cascade (frame-benchmarking v2). Each is
//! measured in its worst case, which is bounded by `MaxLiveVotes` and `MaxCallSize`, never by
//! the number of members or voters.

// A benchmark that cannot set up fails loudly: the lints against panics are for runtime code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::Pallet as QuadraticVoting;
use cohort_primitives::BenchmarkedCall;
use frame_benchmarking::v2::*;
use frame_support::traits::{
	fungible::{Inspect, Mutate},
	EnsureOrigin, Get,
};
use frame_system::RawOrigin;
use sp_core::H256;
use sp_runtime::Saturating;

/// What the benchmarks need from the runtime: a cohort, and a way to make members.
pub trait BenchmarkHelper<AccountId> {
	/// An active cohort whose voting period is short and whose credits allow 10 votes.
	fn cohort() -> CohortId;
	/// Makes `who` an active member of `cohort` as person `index`; returns the person.
	fn member(cohort: CohortId, who: &AccountId, index: u32) -> Nullifier;
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Plenty for deposits, and room for many accounts within the total issuance.
	T::Currency::set_balance(
		&who,
		T::Currency::minimum_balance().saturating_mul(1_000_000u32.into()),
	);
	who
}

/// A funded active member of `cohort`.
fn member<T: Config>(cohort: CohortId, index: u32) -> (T::AccountId, Nullifier) {
	let who = funded::<T>("member", index);
	let person = T::BenchmarkHelper::member(cohort, &who, index);
	(who, person)
}

/// The largest call a proposal may carry: a remark filling `MaxCallSize`.
fn largest_call<T: Config>() -> <T as Config>::RuntimeCall {
	// Two bytes of call index and up to four of length prefix.
	let length = T::MaxCallSize::get().saturating_sub(6) as usize;
	frame_system::Call::<T>::remark { remark: alloc::vec![7u8; length] }.into()
}

fn new_proposal<T: Config>(cohort: CohortId, proposer: &T::AccountId) -> ProposalId {
	QuadraticVoting::<T>::do_propose(proposer.clone(), cohort, largest_call::<T>(), H256::zero())
		.expect("proposes")
}

/// How many proposals one person can have live votes on at once.
fn live_votes<T: Config>() -> u32 {
	T::MaxLiveVotes::get().min(T::MaxOpenProposals::get())
}

/// `live_votes` open proposals, all voted on by `voter`; returns their ids. The first is the
/// voter's own, each other by a member of its own (a person may have only
/// `MaxOpenProposalsPerPerson` open).
fn voted_proposals<T: Config>(
	cohort: CohortId,
	voter: &T::AccountId,
) -> alloc::vec::Vec<ProposalId> {
	(0..live_votes::<T>())
		.map(|i| {
			let proposer = match i {
				0 => voter.clone(),
				_ => member::<T>(cohort, 1_000 + i).0,
			};
			let id = new_proposal::<T>(cohort, &proposer);
			QuadraticVoting::<T>::do_vote(voter.clone(), id, Choice::Aye, 1).expect("votes");
			id
		})
		.collect()
}

/// A member whose ledger is full of votes on open proposals: the cohort, the member's
/// account and person, and the proposals voted on.
fn full_ledger<T: Config>() -> (CohortId, T::AccountId, Nullifier, alloc::vec::Vec<ProposalId>) {
	let cohort = T::BenchmarkHelper::cohort();
	let (voter, person) = member::<T>(cohort, 0);
	let ids = voted_proposals::<T>(cohort, &voter);
	(cohort, voter, person, ids)
}

/// `voter` changing their vote on the last of `ids` to two nays.
fn change_last_vote<T: Config>(
	ids: &[ProposalId],
	voter: T::AccountId,
) -> BenchmarkedCall<Call<T>> {
	let last = *ids.last().expect("at least one");
	BenchmarkedCall::new(
		Call::<T>::new_call_variant_vote(last, Choice::Nay, 2),
		RawOrigin::Signed(voter),
	)
}

/// The ledger still holds a vote on each of `ids`, the last one changed to nay.
fn assert_last_vote_changed<T: Config>(cohort: CohortId, person: &Nullifier, ids: &[ProposalId]) {
	let last = *ids.last().expect("at least one");
	let ledger = Voters::<T>::get(cohort, person).expect("a ledger");
	assert_eq!(ledger.votes.len(), ids.len());
	assert!(ledger.votes.iter().any(|v| v.proposal == last && v.choice == Choice::Nay));
}

/// Ends the ledger's epoch as of now, so that the next vote reads the cohort's voting params
/// (the dearer case: a first vote of an epoch).
fn end_epoch<T: Config>(cohort: CohortId, person: &Nullifier) {
	let now = frame_system::Pallet::<T>::block_number();
	Voters::<T>::mutate(cohort, person, |ledger| {
		ledger.as_mut().expect("a ledger").epoch_ends_at = now
	});
}

fn end_voting<T: Config>(id: ProposalId) {
	let ends_at = Proposals::<T>::get(id).expect("open").ends_at;
	frame_system::Pallet::<T>::set_block_number(ends_at);
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn propose() {
		let cohort = T::BenchmarkHelper::cohort();
		let (proposer, _) = member::<T>(cohort, 0);
		let call = alloc::boxed::Box::new(largest_call::<T>());

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_propose(cohort, call, H256::repeat_byte(1)),
			RawOrigin::Signed(proposer),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(OpenProposals::<T>::get(cohort), 1);
	}

	/// The voter's ledger is full: one of its votes is on a cancelled proposal and every
	/// other proposal is looked up to prune it; and its epoch has ended.
	#[benchmark]
	fn vote() {
		let (cohort, voter, person, ids) = full_ledger::<T>();
		QuadraticVoting::<T>::do_cancel(ids[0]).expect("cancels");
		end_epoch::<T>(cohort, &person);
		let fresh = new_proposal::<T>(cohort, &voter);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_vote(fresh, Choice::Nay, 2),
			RawOrigin::Signed(voter),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let ledger = Voters::<T>::get(cohort, person).expect("a ledger");
		assert!(ledger.votes.iter().any(|v| v.proposal == fresh));
		assert!(ledger.votes.iter().all(|v| v.proposal != ids[0]));
	}

	/// What `vote` reports when it prunes nothing but opens an epoch: the ledger is full and
	/// the vote changes the last of its votes, so room is made without looking up any other
	/// proposal; the ledger's epoch has ended, so the cohort's voting params are read.
	#[benchmark]
	fn vote_without_pruning() {
		let (cohort, voter, person, ids) = full_ledger::<T>();
		end_epoch::<T>(cohort, &person);
		let call = change_last_vote::<T>(&ids, voter);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();
		assert_last_vote_changed::<T>(cohort, &person, &ids);
	}

	/// What `vote` reports when it prunes nothing within the ledger's epoch (most votes): as
	/// `vote_without_pruning`, but the cohort's voting params are not read.
	#[benchmark]
	fn vote_within_epoch() {
		let (cohort, voter, person, ids) = full_ledger::<T>();
		let call = change_last_vote::<T>(&ids, voter);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();
		assert_last_vote_changed::<T>(cohort, &person, &ids);
	}

	#[benchmark]
	fn remove_vote() {
		let (cohort, voter, person, ids) = full_ledger::<T>();
		let last = *ids.last().expect("at least one");
		end_epoch::<T>(cohort, &person);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_remove_vote(last),
			RawOrigin::Signed(voter),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		let ledger = Voters::<T>::get(cohort, person).expect("a ledger");
		assert!(ledger.votes.iter().all(|v| v.proposal != last));
	}

	/// Passed: the largest call is decoded and dispatched with the cohort's origin.
	#[benchmark]
	fn close_passed() {
		let (cohort, _, _, ids) = full_ledger::<T>();
		let id = ids[0];
		// Every member votes aye (the other proposals' proposers too), whatever the quorum.
		for i in 1..live_votes::<T>() {
			let proposer: T::AccountId = account("member", 1_000 + i, 0);
			QuadraticVoting::<T>::do_vote(proposer, id, Choice::Aye, 1).expect("votes");
		}
		let tally = Proposals::<T>::get(id).expect("open").tally;
		let quorum = QuadraticVoting::<T>::quorum(cohort).expect("a cohort");
		end_voting::<T>(id);
		let closer = funded::<T>("closer", 0);

		let call =
			BenchmarkedCall::new(Call::<T>::new_call_variant_close(id), RawOrigin::Signed(closer));
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Proposals::<T>::get(id).is_none());
		frame_system::Pallet::<T>::assert_has_event(
			Event::<T>::Closed {
				proposal: id,
				cohort,
				tally,
				quorum,
				outcome: Outcome::Passed { result: Ok(()) },
			}
			.into(),
		);
	}

	/// Quorum not reached and only the proposer voted: the proposer's full ledger is read
	/// and the deposit goes to the treasury.
	#[benchmark]
	fn close_forfeited() {
		let cohort = T::BenchmarkHelper::cohort();
		let (proposer, _) = member::<T>(cohort, 0);
		// Enough silent members that one vote is short of the quorum.
		for index in 1..=20 {
			member::<T>(cohort, index);
		}
		let ids = voted_proposals::<T>(cohort, &proposer);
		let id = ids[0];
		let quorum = QuadraticVoting::<T>::quorum(cohort).expect("a cohort");
		end_voting::<T>(id);
		let closer = funded::<T>("closer", 0);

		let call =
			BenchmarkedCall::new(Call::<T>::new_call_variant_close(id), RawOrigin::Signed(closer));
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Proposals::<T>::get(id).is_none());
		assert!(quorum > 1, "one vote is short of the quorum");
		frame_system::Pallet::<T>::assert_has_event(
			Event::<T>::Closed {
				proposal: id,
				cohort,
				tally: Tally { ayes: 1, nays: 0, voters: 1 },
				quorum,
				outcome: Outcome::QuorumNotReached { deposit_forfeited: true },
			}
			.into(),
		);
	}

	#[benchmark]
	fn cancel() -> Result<(), BenchmarkError> {
		let cohort = T::BenchmarkHelper::cohort();
		let (proposer, _) = member::<T>(cohort, 0);
		let id = new_proposal::<T>(cohort, &proposer);
		let origin =
			T::CancelOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_cancel(id),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Proposals::<T>::get(id).is_none());
		Ok(())
	}

	#[benchmark]
	fn withdraw() {
		let cohort = T::BenchmarkHelper::cohort();
		let (proposer, _) = member::<T>(cohort, 0);
		let id = new_proposal::<T>(cohort, &proposer);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw(id),
			RawOrigin::Signed(proposer),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Proposals::<T>::get(id).is_none());
	}

	/// A member with the most live votes is suspended: every vote leaves its tally.
	#[benchmark]
	fn drop_votes() {
		let (cohort, _, person, ids) = full_ledger::<T>();

		#[block]
		{
			QuadraticVoting::<T>::drop_votes(cohort, &person).expect("drops");
		}

		for id in ids {
			assert_eq!(Proposals::<T>::get(id).expect("open").tally, Tally::default());
		}
	}

	/// A member with the most open proposals rotates to a new key: each proposal and its
	/// deposit move to it.
	#[benchmark]
	fn hand_proposals_over() {
		let cohort = T::BenchmarkHelper::cohort();
		let (old, person) = member::<T>(cohort, 0);
		let ids: alloc::vec::Vec<_> = (0..T::MaxOpenProposalsPerPerson::get())
			.map(|_| new_proposal::<T>(cohort, &old))
			.collect();
		let new = funded::<T>("new", 0);

		#[block]
		{
			<QuadraticVoting<T> as cohort_primitives::OnMembershipChange<T::AccountId>>::on_rotated(
				cohort, &person, &old, &new,
			)
			.expect("hands over");
		}

		for id in ids {
			assert_eq!(Proposals::<T>::get(id).expect("open").proposer, new);
		}
	}

	impl_benchmark_test_suite!(
		QuadraticVoting,
		crate::mock::new_benchmark_ext(),
		crate::mock::Test
	);
}
