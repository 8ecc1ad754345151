//! Cohort's JSON-RPC methods, `cohort_*`: the answers of the runtime's `CohortApi` as JSON.
//!
//! Every method takes an optional block hash (`at`; the best block when omitted). Accounts are
//! SS58 strings, balances decimal strings (they exceed JavaScript's safe integers), purposes
//! and statuses their names. Unknown cohorts, members and proposals answer `null`. Errors are
//! JSON-RPC error objects: `-32602` for invalid parameters, `9001` when the runtime API call
//! fails (the message says why).

use cohort_primitives::{Consent, Purpose};
use cohort_runtime::{opaque::Block, AccountId, Balance, BlockNumber};
use cohort_runtime_api::{CohortApi as CohortRuntimeApi, LicenceUse, OutcomeReport};
use jsonrpsee::{
	core::RpcResult,
	proc_macros::rpc,
	types::{error::ErrorCode, ErrorObject, ErrorObjectOwned},
};
use serde::{Deserialize, Serialize};
use sp_api::ProvideRuntimeApi;
use sp_blockchain::HeaderBackend;
use sp_runtime::traits::Block as BlockT;
use std::sync::Arc;

/// The most entries a listing (`cohort_licencesPaying`, `cohort_whatCameOfMyData`,
/// `cohort_outcomes`) returns.
pub const MAX_LICENCES: u32 = 64;

/// The error code of a failed runtime API call.
pub const RUNTIME_ERROR: i32 = 9001;

/// How a cohort divides licence revenue, in parts per million.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct RevenueSplitJson {
	pub members: u32,
	pub treasury: u32,
	pub platform: u32,
	pub operator: u32,
}

/// How a cohort votes.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct VotingJson {
	pub voting_period: BlockNumber,
	/// Parts per million of the active members.
	pub quorum: u32,
	pub voice_credits_per_epoch: u32,
	pub epoch_length: BlockNumber,
}

/// `cohort_cohort`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CohortJson {
	pub name: String,
	pub condition_code: String,
	pub frozen: bool,
	pub trustees: Option<AccountId>,
	pub operator: Option<AccountId>,
	pub revenue_split: RevenueSplitJson,
	pub k_anonymity_floor: u32,
	pub voting: VotingJson,
	pub treasury: AccountId,
	pub treasury_balance: String,
	pub active_members: u32,
	pub suspended_members: u32,
	/// Per purpose name, themselves or through the trustees.
	pub consenting_members: std::collections::BTreeMap<String, u32>,
	pub delegating_members: u32,
	/// The purposes the trustees consent to for the members who left it to them, by name.
	pub trustee_consent: Vec<String>,
	pub open_proposals: u32,
}

/// `cohort_membership`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct MembershipJson {
	/// `Active`, `Suspended` or `Left`.
	pub status: String,
	/// The nullifier, hex.
	pub person: String,
	/// The purposes the member counts as consenting to, by name: their own, or the trustees'.
	pub consent: Vec<String>,
	/// Whether the trustees decide the member's consent.
	pub delegated: bool,
	pub units: u64,
	pub expires_at: BlockNumber,
}

/// `cohort_proposal`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ProposalJson {
	pub cohort: u32,
	pub proposer: AccountId,
	pub ayes: u64,
	pub nays: u64,
	pub voters: u32,
	pub quorum: u32,
	pub ends_at: BlockNumber,
}

/// One purpose's pending royalties (`cohort_pendingRoyalties`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct PendingJson {
	pub purpose: String,
	pub amount: String,
}

/// One live grant (`cohort_liveGrants`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct GrantJson {
	pub purpose: String,
	pub expires_at: BlockNumber,
}

/// One licence that paid a member (`cohort_licencesPaying`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LicenceJson {
	pub request: u32,
	pub licensee: AccountId,
	pub dataset: u32,
	pub purpose: String,
	pub members_share: String,
	pub at: BlockNumber,
}

/// An outcome a licensee reported (`cohort_outcomes`, `cohort_whatCameOfMyData`).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeJson {
	pub number: u32,
	pub request: u32,
	pub licensee: AccountId,
	pub dataset: u32,
	pub purpose: String,
	/// `Publication`, `Preprint`, `TrialRegistration`, `Product`, `ModelCard` or `NoResult`.
	pub kind: String,
	/// Hex.
	pub outcome_hash: String,
	pub at: BlockNumber,
}

/// A health insight of a cohort.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct InsightJson {
	pub number: u32,
	/// Hex.
	pub insight_hash: String,
	/// As published (UTF-8, e.g. a CID of the encrypted summary).
	pub locator: String,
	pub at: BlockNumber,
}

/// A licence that paid a donor, with what came of it.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LicenceFeedbackJson {
	#[serde(flatten)]
	pub licence: LicenceJson,
	pub outcomes: Vec<OutcomeJson>,
}

/// `cohort_whatCameOfMyData`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackJson {
	pub licences: Vec<LicenceFeedbackJson>,
	pub insights: Vec<InsightJson>,
}

/// How many parameters each `cohort_*` method takes, the optional block hash included; calls
/// with more are refused ([`crate::strict_params`]).
pub const PARAMETER_COUNTS: [(&str, usize); 9] = [
	("cohort_cohort", 2),
	("cohort_membership", 3),
	("cohort_voiceCredits", 3),
	("cohort_proposal", 2),
	("cohort_pendingRoyalties", 3),
	("cohort_liveGrants", 3),
	("cohort_licencesPaying", 4),
	("cohort_whatCameOfMyData", 4),
	("cohort_outcomes", 3),
];

/// The `cohort_*` methods.
#[rpc(client, server)]
pub trait CohortRpc<BlockHash> {
	/// A cohort's settings and counts.
	#[method(name = "cohort_cohort")]
	fn cohort(&self, cohort: u32, at: Option<BlockHash>) -> RpcResult<Option<CohortJson>>;

	/// An account's membership of a cohort.
	#[method(name = "cohort_membership")]
	fn membership(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<MembershipJson>>;

	/// The voice credits an active member has left this epoch.
	#[method(name = "cohort_voiceCredits")]
	fn voice_credits(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Option<u32>>;

	/// A proposal's tally, quorum and end.
	#[method(name = "cohort_proposal")]
	fn proposal(&self, proposal: u32, at: Option<BlockHash>) -> RpcResult<Option<ProposalJson>>;

	/// What an account can claim in a cohort, per purpose.
	#[method(name = "cohort_pendingRoyalties")]
	fn pending_royalties(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<PendingJson>>;

	/// The live grants a licensee holds to a dataset (for the data custodian).
	#[method(name = "cohort_liveGrants")]
	fn live_grants(
		&self,
		dataset: u32,
		licensee: AccountId,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<GrantJson>>;

	/// The licences whose revenue paid an account in a cohort, most recent first, at most
	/// `max` (1 to 64).
	#[method(name = "cohort_licencesPaying")]
	fn licences_paying(
		&self,
		cohort: u32,
		account: AccountId,
		max: u32,
		at: Option<BlockHash>,
	) -> RpcResult<Vec<LicenceJson>>;

	/// What came of an account's data in a cohort: the licences that paid it (most recent
	/// first, at most `max`, 1 to 64) with the outcomes reported under each, and the cohort's
	/// health insights (most recent first, at most `max`).
	#[method(name = "cohort_whatCameOfMyData")]
	fn what_came_of_my_data(
		&self,
		cohort: u32,
		account: AccountId,
		max: u32,
		at: Option<BlockHash>,
	) -> RpcResult<FeedbackJson>;

	/// Every outcome reported under a cohort's licences, most recent first, at most `max`
	/// (1 to 64).
	#[method(name = "cohort_outcomes")]
	fn outcomes(&self, cohort: u32, max: u32, at: Option<BlockHash>)
		-> RpcResult<Vec<OutcomeJson>>;
}

/// Serves the `cohort_*` methods from the client's runtime.
pub struct Cohort<C> {
	client: Arc<C>,
}

impl<C> Cohort<C> {
	/// Serves from `client`.
	pub fn new(client: Arc<C>) -> Self {
		Self { client }
	}
}

fn runtime_error(error: impl ToString) -> ErrorObjectOwned {
	ErrorObject::owned(RUNTIME_ERROR, "The runtime could not answer", Some(error.to_string()))
}

/// `max` of a listing: 1 to [`MAX_LICENCES`], else an invalid-params error.
fn check_max(max: u32) -> RpcResult<()> {
	if max == 0 || max > MAX_LICENCES {
		return Err(ErrorObject::owned(
			ErrorCode::InvalidParams.code(),
			format!("max must be between 1 and {MAX_LICENCES}"),
			None::<()>,
		));
	}
	Ok(())
}

fn licence_json(l: LicenceUse<AccountId, Balance, BlockNumber>) -> LicenceJson {
	LicenceJson {
		request: l.request,
		licensee: l.licensee,
		dataset: l.dataset,
		purpose: purpose_name(l.purpose),
		members_share: l.members_share.to_string(),
		at: l.at,
	}
}

fn outcome_json(o: OutcomeReport<AccountId, BlockNumber>) -> OutcomeJson {
	OutcomeJson {
		number: o.number,
		request: o.request,
		licensee: o.licensee,
		dataset: o.dataset,
		purpose: purpose_name(o.purpose),
		kind: format!("{:?}", o.kind),
		outcome_hash: format!("{:?}", o.outcome_hash),
		at: o.at,
	}
}

fn purpose_name(purpose: Purpose) -> String {
	format!("{purpose:?}")
}

fn consent_names(consent: Consent) -> Vec<String> {
	Purpose::ALL
		.into_iter()
		.filter(|p| consent.allows(*p))
		.map(purpose_name)
		.collect()
}

impl<C> Cohort<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CohortRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn at(&self, at: Option<<Block as BlockT>::Hash>) -> <Block as BlockT>::Hash {
		at.unwrap_or_else(|| self.client.info().best_hash)
	}
}

impl<C> CohortRpcServer<<Block as BlockT>::Hash> for Cohort<C>
where
	C: ProvideRuntimeApi<Block> + HeaderBackend<Block> + Send + Sync + 'static,
	C::Api: CohortRuntimeApi<Block, AccountId, Balance, BlockNumber>,
{
	fn cohort(
		&self,
		cohort: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<CohortJson>> {
		let summary =
			self.client.runtime_api().cohort(self.at(at), cohort).map_err(runtime_error)?;
		Ok(summary.map(|c| CohortJson {
			name: String::from_utf8_lossy(&c.name).into_owned(),
			condition_code: String::from_utf8_lossy(&c.condition_code).into_owned(),
			frozen: c.frozen,
			trustees: c.trustees,
			operator: c.operator,
			revenue_split: RevenueSplitJson {
				members: c.revenue_split.members.deconstruct(),
				treasury: c.revenue_split.treasury.deconstruct(),
				platform: c.revenue_split.platform.deconstruct(),
				operator: c.revenue_split.operator.deconstruct(),
			},
			k_anonymity_floor: c.k_anonymity_floor,
			voting: VotingJson {
				voting_period: c.voting.voting_period,
				quorum: c.voting.quorum.deconstruct(),
				voice_credits_per_epoch: c.voting.voice_credits_per_epoch,
				epoch_length: c.voting.epoch_length,
			},
			treasury: c.treasury,
			treasury_balance: c.treasury_balance.to_string(),
			active_members: c.active_members,
			suspended_members: c.suspended_members,
			consenting_members: Purpose::ALL
				.into_iter()
				.map(purpose_name)
				.zip(c.consenting_members)
				.collect(),
			delegating_members: c.delegating_members,
			trustee_consent: consent_names(c.trustee_consent),
			open_proposals: c.open_proposals,
		}))
	}

	fn membership(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<MembershipJson>> {
		let summary = self
			.client
			.runtime_api()
			.membership(self.at(at), cohort, account)
			.map_err(runtime_error)?;
		Ok(summary.map(|m| MembershipJson {
			status: format!("{:?}", m.status),
			person: format!("{:?}", m.person),
			consent: consent_names(m.consent),
			delegated: m.delegated,
			units: m.units,
			expires_at: m.expires_at,
		}))
	}

	fn voice_credits(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<u32>> {
		self.client
			.runtime_api()
			.voice_credits(self.at(at), cohort, account)
			.map_err(runtime_error)
	}

	fn proposal(
		&self,
		proposal: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Option<ProposalJson>> {
		let summary = self
			.client
			.runtime_api()
			.proposal(self.at(at), proposal)
			.map_err(runtime_error)?;
		Ok(summary.map(|p| ProposalJson {
			cohort: p.cohort,
			proposer: p.proposer,
			ayes: p.ayes,
			nays: p.nays,
			voters: p.voters,
			quorum: p.quorum,
			ends_at: p.ends_at,
		}))
	}

	fn pending_royalties(
		&self,
		cohort: u32,
		account: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<PendingJson>> {
		let pending = self
			.client
			.runtime_api()
			.pending_royalties(self.at(at), cohort, account)
			.map_err(runtime_error)?;
		Ok(pending
			.into_iter()
			.map(|(purpose, amount)| PendingJson {
				purpose: purpose_name(purpose),
				amount: amount.to_string(),
			})
			.collect())
	}

	fn live_grants(
		&self,
		dataset: u32,
		licensee: AccountId,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<GrantJson>> {
		let grants = self
			.client
			.runtime_api()
			.live_grants(self.at(at), dataset, licensee)
			.map_err(runtime_error)?;
		Ok(grants
			.into_iter()
			.map(|(purpose, expires_at)| GrantJson { purpose: purpose_name(purpose), expires_at })
			.collect())
	}

	fn licences_paying(
		&self,
		cohort: u32,
		account: AccountId,
		max: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<LicenceJson>> {
		check_max(max)?;
		let licences = self
			.client
			.runtime_api()
			.licences_paying(self.at(at), cohort, account, max)
			.map_err(runtime_error)?;
		Ok(licences.into_iter().map(licence_json).collect())
	}

	fn what_came_of_my_data(
		&self,
		cohort: u32,
		account: AccountId,
		max: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<FeedbackJson> {
		check_max(max)?;
		let feedback = self
			.client
			.runtime_api()
			.what_came_of_my_data(self.at(at), cohort, account, max)
			.map_err(runtime_error)?;
		Ok(FeedbackJson {
			licences: feedback
				.licences
				.into_iter()
				.map(|(licence, outcomes)| LicenceFeedbackJson {
					licence: licence_json(licence),
					outcomes: outcomes.into_iter().map(outcome_json).collect(),
				})
				.collect(),
			insights: feedback
				.insights
				.into_iter()
				.map(|i| InsightJson {
					number: i.number,
					insight_hash: format!("{:?}", i.insight_hash),
					locator: String::from_utf8_lossy(&i.locator).into_owned(),
					at: i.at,
				})
				.collect(),
		})
	}

	fn outcomes(
		&self,
		cohort: u32,
		max: u32,
		at: Option<<Block as BlockT>::Hash>,
	) -> RpcResult<Vec<OutcomeJson>> {
		check_max(max)?;
		let outcomes = self
			.client
			.runtime_api()
			.cohort_outcomes(self.at(at), cohort, max)
			.map_err(runtime_error)?;
		Ok(outcomes.into_iter().map(outcome_json).collect())
	}
}
