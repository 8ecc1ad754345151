//! Invariants across Cohort's pallets, which no single pallet's `try_state` can see. Run after
//! every runtime flow test; read-only.

use crate::{Balance, Runtime, RuntimeHoldReason};

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
