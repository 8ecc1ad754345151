//! The invariants this pallet owns, checked after every test and by try-runtime.

use crate::*;
use alloc::collections::{btree_map::BTreeMap, btree_set::BTreeSet};
use frame_support::{ensure, traits::fungible::InspectHold, traits::Get};
use sp_runtime::{Saturating, TryRuntimeError};

/// What the proposals add up to, to compare with the ledgers, counts and holds.
struct ProposalTotals<T: Config> {
	/// Open proposals per cohort.
	open: BTreeMap<CohortId, u32>,
	/// Open proposals per cohort and person.
	open_of_person: BTreeMap<(CohortId, Nullifier), u32>,
	/// Deposits per proposer.
	deposits: BTreeMap<T::AccountId, BalanceOf<T>>,
	/// Each open proposal's tally, rebuilt from the live votes.
	tallies: BTreeMap<ProposalId, Tally>,
}

impl<T: Config> Pallet<T> {
	/// The invariants this pallet owns:
	///
	/// 1. every proposal id is below `NextProposalId`;
	/// 2. each proposal's tally equals the sum of the live votes behind it (ayes, nays and the
	///    number of voters), and those votes are in ledgers of the proposal's cohort;
	/// 3. no person has spent more credits in an epoch than granted, and the live votes paid
	///    in the ledger's epoch cost no more than it spent; a ledger holds at most one vote
	///    per proposal, none of zero votes;
	/// 4. `OpenProposals` of each cohort equals its proposals, and is at most
	///    `MaxOpenProposals`; `OpenProposalsOf` of each person equals their proposals, and is
	///    at most `MaxOpenProposalsPerPerson`;
	/// 5. the deposit held on each proposer equals the sum of their open proposals' deposits.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		let mut totals = Self::proposal_totals()?;
		for (cohort, _, voter) in Voters::<T>::iter() {
			Self::check_ledger(cohort, &voter, &mut totals.tallies)?;
		}
		for (id, tally) in totals.tallies {
			let proposal = Proposals::<T>::get(id).ok_or("no proposal")?;
			ensure!(proposal.tally == tally, "a tally differs from the live votes behind it");
		}
		Self::check_open_counts(totals.open)?;
		Self::check_open_counts_of_persons(totals.open_of_person)?;
		Self::check_deposits(totals.deposits)
	}

	/// Invariant 1, and what the proposals add up to.
	fn proposal_totals() -> Result<ProposalTotals<T>, TryRuntimeError> {
		let next = NextProposalId::<T>::get();
		let mut totals = ProposalTotals {
			open: BTreeMap::new(),
			open_of_person: BTreeMap::new(),
			deposits: BTreeMap::new(),
			tallies: BTreeMap::new(),
		};
		for (id, proposal) in Proposals::<T>::iter() {
			ensure!(id < next, "a proposal id is not below NextProposalId");
			let count = totals.open.entry(proposal.cohort).or_default();
			*count = count.saturating_add(1);
			let key = (proposal.cohort, proposal.proposer_person);
			let of_person = totals.open_of_person.entry(key).or_default();
			*of_person = of_person.saturating_add(1);
			let held: &mut BalanceOf<T> =
				totals.deposits.entry(proposal.proposer.clone()).or_default();
			*held = held.saturating_add(proposal.deposit);
			totals.tallies.insert(id, Tally::default());
		}
		Ok(totals)
	}

	/// Invariant 3 for one ledger of `cohort`; adds its live votes to `tallies`.
	fn check_ledger(
		cohort: CohortId,
		voter: &VoterOf<T>,
		tallies: &mut BTreeMap<ProposalId, Tally>,
	) -> Result<(), TryRuntimeError> {
		ensure!(voter.spent <= voter.granted, "a person spent more credits than granted");
		let mut seen = BTreeSet::new();
		let mut paid_this_epoch: u64 = 0;
		for vote in voter.votes.iter() {
			ensure!(seen.insert(vote.proposal), "two votes of one person on a proposal");
			ensure!(vote.votes > 0, "a vote of zero votes");
			// A vote on a proposal that closed is stale: it counts nowhere.
			let Some(tally) = tallies.get_mut(&vote.proposal) else { continue };
			let proposal = Proposals::<T>::get(vote.proposal).ok_or("no proposal")?;
			ensure!(proposal.cohort == cohort, "a vote in the ledger of another cohort");
			tally.add(vote.choice, vote.votes);
			if vote.epoch == voter.epoch {
				paid_this_epoch = paid_this_epoch.saturating_add(vote.cost().into());
			}
		}
		ensure!(
			paid_this_epoch <= u64::from(voter.spent),
			"live votes cost more than the credits spent"
		);
		Ok(())
	}

	/// Invariant 4, given the proposals counted per cohort.
	fn check_open_counts(mut open: BTreeMap<CohortId, u32>) -> Result<(), TryRuntimeError> {
		for (cohort, count) in OpenProposals::<T>::iter() {
			ensure!(
				open.remove(&cohort).unwrap_or_default() == count,
				"open proposal count differs from the proposals"
			);
			ensure!(count <= T::MaxOpenProposals::get(), "too many open proposals");
		}
		ensure!(open.is_empty(), "proposals of a cohort without an open count");
		Ok(())
	}

	/// Invariant 4 for persons, given the proposals counted per (cohort, person).
	fn check_open_counts_of_persons(
		mut open: BTreeMap<(CohortId, Nullifier), u32>,
	) -> Result<(), TryRuntimeError> {
		for (cohort, person, ids) in OpenProposalsOf::<T>::iter() {
			let count = ids.len() as u32;
			ensure!(!ids.is_empty(), "an empty list of a person's open proposals was kept");
			for id in ids.iter() {
				let proposal = Proposals::<T>::get(id).ok_or("a person's open proposal is gone")?;
				ensure!(
					proposal.cohort == cohort && proposal.proposer_person == person,
					"a person's open proposal is another's"
				);
			}
			ensure!(
				open.remove(&(cohort, person)).unwrap_or_default() == count,
				"a person's open proposal count differs from their proposals"
			);
			ensure!(
				count <= T::MaxOpenProposalsPerPerson::get(),
				"a person has too many open proposals"
			);
		}
		ensure!(open.is_empty(), "proposals of a person without an open count");
		Ok(())
	}

	/// Invariant 5, given the deposits summed per proposer.
	fn check_deposits(
		deposits: BTreeMap<T::AccountId, BalanceOf<T>>,
	) -> Result<(), TryRuntimeError> {
		for (proposer, total) in deposits {
			let held = T::Currency::balance_on_hold(&HoldReason::ProposalDeposit.into(), &proposer);
			ensure!(held == total, "held proposal deposits differ from the proposals");
		}
		Ok(())
	}
}
