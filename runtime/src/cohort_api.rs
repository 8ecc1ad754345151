//! The answers of [`cohort_runtime_api::CohortApi`], as plain functions (tested directly, served
//! by `apis.rs`). Each asks the pallets' own query functions, which read a bounded number of
//! storage items; nothing here reads a pallet's storage or repeats its rules.

use crate::{
	AccountId, Balance, Balances, BlockNumber, Cohorts, DataLicensing, Membership, QuadraticVoting,
	Royalties,
};
use alloc::vec::Vec;
use cohort_primitives::{CohortId, DatasetId, ProposalId, Purpose};
use cohort_runtime_api::{
	CohortSummary, DataFeedback, InsightReport, LicenceUse, MembershipSummary, OutcomeReport,
	ProposalSummary,
};
use frame_support::traits::fungible::Inspect;

/// A cohort's settings and counts.
pub fn cohort(cohort: CohortId) -> Option<CohortSummary<AccountId, Balance, BlockNumber>> {
	let record = Cohorts::cohort_record(cohort)?;
	let counts = Membership::member_counts(cohort);
	let trustee_consent = Membership::trustee_consent(cohort);
	let treasury = Cohorts::treasury_account(cohort);
	let revenue_split = Cohorts::revenue_split(&record);
	Some(CohortSummary {
		name: record.settings.name.into_inner(),
		condition_code: record.condition.code.into_inner(),
		frozen: record.status == pallet_cohorts::CohortStatus::Frozen,
		trustees: record.settings.governance.trustees().cloned(),
		operator: record.settings.governance.operator().cloned(),
		revenue_split,
		k_anonymity_floor: record.settings.k_anonymity_floor,
		voting: record.settings.voting,
		treasury_balance: Balances::balance(&treasury),
		treasury,
		active_members: counts.active,
		suspended_members: counts.suspended,
		consenting_members: counts.consenting_with(trustee_consent),
		delegating_members: counts.delegating,
		trustee_consent,
		open_proposals: QuadraticVoting::open_proposals(cohort),
	})
}

/// `account`'s membership of `cohort` (active or suspended; none once left).
pub fn membership(cohort: CohortId, account: AccountId) -> Option<MembershipSummary<BlockNumber>> {
	let (person, record) = Membership::membership(cohort, &account)?;
	Some(MembershipSummary {
		status: record.status,
		person,
		consent: if record.delegated {
			Membership::trustee_consent(cohort)
		} else {
			record.consent
		},
		delegated: record.delegated,
		units: record.units,
		expires_at: record.expires_at,
	})
}

/// The voice credits an active member has left this epoch.
pub fn voice_credits(cohort: CohortId, account: AccountId) -> Option<u32> {
	let person = Membership::active_person_of(cohort, &account)?;
	Some(QuadraticVoting::credits_left(cohort, &person))
}

/// A proposal's tally, the quorum it needs now, and its end.
pub fn proposal(id: ProposalId) -> Option<ProposalSummary<AccountId, BlockNumber>> {
	let proposal = QuadraticVoting::proposal(id)?;
	let quorum = QuadraticVoting::quorum(proposal.cohort).unwrap_or_default();
	Some(ProposalSummary {
		cohort: proposal.cohort,
		proposer: proposal.proposer,
		ayes: proposal.tally.ayes,
		nays: proposal.tally.nays,
		voters: proposal.tally.voters,
		quorum,
		ends_at: proposal.ends_at,
	})
}

/// What `account` can claim in `cohort`, per purpose.
pub fn pending_royalties(cohort: CohortId, account: AccountId) -> Vec<(Purpose, Balance)> {
	Purpose::ALL.into_iter().zip(Royalties::pending(cohort, &account)).collect()
}

/// The live grants `licensee` holds to `dataset`.
pub fn live_grants(dataset: DatasetId, licensee: AccountId) -> Vec<(Purpose, BlockNumber)> {
	Purpose::ALL
		.into_iter()
		.filter_map(|purpose| {
			DataLicensing::live_grant(dataset, &licensee, purpose).map(|until| (purpose, until))
		})
		.collect()
}

/// The licences whose revenue paid `account` in `cohort`, most recent first.
pub fn licences_paying(
	cohort: CohortId,
	account: AccountId,
	max: u32,
) -> Vec<LicenceUse<AccountId, Balance, BlockNumber>> {
	Royalties::licences_paying(cohort, &account, max)
		.into_iter()
		.map(|(purpose, revenue)| LicenceUse {
			request: revenue.licence.request,
			licensee: revenue.licence.licensee,
			dataset: revenue.licence.dataset,
			purpose,
			members_share: revenue.amount,
			at: revenue.at,
		})
		.collect()
}

/// An outcome as the API reports it.
fn outcome_report(
	(number, outcome): (u32, pallet_data_licensing::OutcomeOf<crate::Runtime>),
) -> OutcomeReport<AccountId, BlockNumber> {
	OutcomeReport {
		number,
		request: outcome.request,
		licensee: outcome.licensee,
		dataset: outcome.dataset,
		purpose: outcome.purpose,
		kind: outcome.kind,
		outcome_hash: outcome.outcome_hash,
		at: outcome.at,
	}
}

/// What came of `account`'s data in `cohort`: the licences that paid them, each with its
/// outcomes, and the cohort's insights; most recent first, at most `max` of each.
pub fn what_came_of_my_data(
	cohort: CohortId,
	account: AccountId,
	max: u32,
) -> DataFeedback<AccountId, Balance, BlockNumber> {
	let licences = licences_paying(cohort, account, max)
		.into_iter()
		.map(|licence| {
			let outcomes = DataLicensing::licence_outcomes(cohort, licence.request);
			(licence, outcomes.into_iter().map(outcome_report).collect())
		})
		.collect();
	let insights = DataLicensing::recent_insights(cohort, max)
		.into_iter()
		.map(|(number, insight)| InsightReport {
			number,
			insight_hash: insight.insight_hash,
			locator: insight.locator.into_inner(),
			at: insight.at,
		})
		.collect();
	DataFeedback { licences, insights }
}

/// Every outcome of every grant of `cohort`, most recent first, at most `max`.
pub fn cohort_outcomes(cohort: CohortId, max: u32) -> Vec<OutcomeReport<AccountId, BlockNumber>> {
	DataLicensing::recent_outcomes(cohort, max)
		.into_iter()
		.map(outcome_report)
		.collect()
}
