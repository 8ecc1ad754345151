//! Invariants across Cohort's pallets, which no single pallet's `try_state` can see, in one
//! place: [`check_across_pallets`] (after every block under try-runtime, whose executive runs
//! each pallet's own `try_state` first) and [`check_all`] (both, after every step of the
//! runtime flow tests and after every block the fuzzer builds). Read-only.

use crate::{Balance, Runtime, RuntimeHoldReason};
use cohort_primitives::MemberStatus;

/// Every pallet's own invariants (membership's include royalties agreeing with every
/// membership), then those across pallets. Built with `try-runtime`, that is every pallet of
/// the runtime (balances, collective, session, ...); without, Cohort's five.
pub fn check_all() -> Result<(), &'static str> {
	check_each_pallet()?;
	check_across_pallets()
}

#[cfg(feature = "try-runtime")]
fn check_each_pallet() -> Result<(), &'static str> {
	use frame_support::traits::{TryState, TryStateSelect};
	let now = frame_system::Pallet::<Runtime>::block_number();
	crate::AllPalletsWithSystem::try_state(now, TryStateSelect::All).map_err(|error| {
		log::error!(target: "cohort-invariants", "a pallet's invariants fail: {error:?}");
		match error {
			sp_runtime::DispatchError::Other(what) => what,
			_ => "a pallet's invariants fail",
		}
	})
}

#[cfg(not(feature = "try-runtime"))]
fn check_each_pallet() -> Result<(), &'static str> {
	let own = |result: Result<(), sp_runtime::TryRuntimeError>, what: &'static str| {
		result.map_err(|error| {
			log::error!(target: "cohort-invariants", "{what}: {error:?}");
			what
		})
	};
	own(crate::Cohorts::do_try_state(), "cohorts' invariants fail")?;
	own(crate::Membership::do_try_state(), "membership's invariants fail")?;
	own(crate::QuadraticVoting::do_try_state(), "voting's invariants fail")?;
	own(crate::Royalties::do_try_state(), "royalties' invariants fail")?;
	own(crate::DataLicensing::do_try_state(), "licensing's invariants fail")
}

/// What no single pallet sees: issuance, the holds over every account, and votes of people
/// who are no longer members.
pub fn check_across_pallets() -> Result<(), &'static str> {
	check_total_issuance()?;
	check_cohort_holds()?;
	check_live_votes_are_members()
}

/// The total issuance equals every account's free and reserved (held) balance: nothing Cohort
/// does mints or burns (fees are moved to the collators' pot, not burnt).
pub fn check_total_issuance() -> Result<(), &'static str> {
	let held = frame_system::Account::<Runtime>::iter_values().fold(0 as Balance, |total, info| {
		total.saturating_add(info.data.free).saturating_add(info.data.reserved)
	});
	if held != pallet_balances::TotalIssuance::<Runtime>::get() {
		return Err("the total issuance differs from what the accounts hold");
	}
	Ok(())
}

/// A vote on an open proposal is held only by an active member: a suspended or departed
/// person's votes leave the tallies at once (voting's own `try_state` checks the tallies
/// equal the votes).
pub fn check_live_votes_are_members() -> Result<(), &'static str> {
	for (cohort, person, ledger) in pallet_quadratic_voting::Voters::<Runtime>::iter() {
		let live = ledger
			.votes
			.iter()
			.any(|vote| pallet_quadratic_voting::Proposals::<Runtime>::contains_key(vote.proposal));
		if !live {
			continue;
		}
		let status = pallet_cohort_membership::Memberships::<Runtime>::get(cohort, person)
			.map(|record| record.status);
		if status != Some(MemberStatus::Active) {
			return Err("a person who is not an active member holds a live vote");
		}
	}
	Ok(())
}

/// Every Cohort hold reason's total over **all** accounts equals what the records say: the
/// pallets' own `try_state` compare each account their records name, so together this also
/// finds a hold left on an account whose records are gone (a left member, a proposer with no
/// open proposal, a licensee with no open request).
pub fn check_cohort_holds() -> Result<(), &'static str> {
	for (reason, expected) in expected_holds() {
		let held = pallet_balances::Holds::<Runtime>::iter_values()
			.flat_map(|holds| holds.into_iter())
			.filter(|hold| hold.id == reason)
			.fold(0 as Balance, |total, hold| total.saturating_add(hold.amount));
		if held != expected {
			return Err("a Cohort hold reason's total differs from its records'");
		}
	}
	Ok(())
}

/// What Cohort's records say each of its hold reasons should hold, in total.
fn expected_holds() -> [(RuntimeHoldReason, Balance); 7] {
	use pallet_data_licensing as licensing;
	let sum = |values: &mut dyn Iterator<Item = Balance>| {
		values.fold(0 as Balance, |total, value| total.saturating_add(value))
	};
	let requests = || licensing::Requests::<Runtime>::iter_values();
	[
		(
			pallet_cohorts::HoldReason::CohortDeposit.into(),
			sum(&mut pallet_cohorts::Registry::<Runtime>::iter_values().map(|c| c.deposit)),
		),
		(
			pallet_cohort_membership::HoldReason::Membership.into(),
			sum(&mut pallet_cohort_membership::Memberships::<Runtime>::iter_values()
				.map(|m| m.deposit)),
		),
		(
			pallet_cohort_membership::HoldReason::Attestation.into(),
			sum(&mut pallet_cohort_membership::Attestations::<Runtime>::iter_values()
				.map(|a| a.deposit)),
		),
		(
			pallet_quadratic_voting::HoldReason::ProposalDeposit.into(),
			sum(&mut pallet_quadratic_voting::Proposals::<Runtime>::iter_values()
				.map(|p| p.deposit)),
		),
		(
			licensing::HoldReason::Escrow.into(),
			sum(&mut requests().filter(|r| r.payer.is_some()).map(|r| r.price)),
		),
		(
			licensing::HoldReason::LicenceRecord.into(),
			sum(&mut requests().map(|r| r.deposit))
				.saturating_add(sum(
					&mut licensing::Grants::<Runtime>::iter_values().map(|g| g.deposit)
				))
				.saturating_add(sum(
					&mut licensing::Outcomes::<Runtime>::iter_values().map(|o| o.deposit)
				)),
		),
		(
			licensing::HoldReason::DataRecord.into(),
			sum(&mut licensing::Datasets::<Runtime>::iter_values().map(|d| d.deposit))
				.saturating_add(sum(
					&mut licensing::Offers::<Runtime>::iter_values().map(|o| o.deposit)
				))
				.saturating_add(sum(
					&mut licensing::Insights::<Runtime>::iter_values().map(|i| i.deposit)
				)),
		),
	]
}
