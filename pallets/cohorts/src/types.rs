//! The types a cohort is made of.

use codec::{Decode, DecodeWithMemTracking, Encode, MaxEncodedLen};
use core::fmt::Debug;
use frame_support::{
	traits::Get, BoundedVec, CloneNoBound, DebugNoBound, EqNoBound, PartialEqNoBound,
};
use scale_info::TypeInfo;
use sp_runtime::Permill;

pub use cohort_primitives::{RevenueSplit, VotingParams};

/// The coding system of a cohort's condition code.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CodeSystem {
	/// ICD-10, e.g. `U09.9` (post COVID-19 condition).
	Icd10,
	/// SNOMED CT, e.g. `1119303003` (post-acute COVID-19).
	SnomedCt,
}

/// The condition a cohort gathers people around. Public by design: it names the cohort, not a
/// patient.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxCodeLength))]
pub struct ConditionCode<MaxCodeLength: Get<u32>> {
	/// The coding system.
	pub system: CodeSystem,
	/// The code, as ASCII text (letters, digits and `.`).
	pub code: BoundedVec<u8, MaxCodeLength>,
}

impl<MaxCodeLength: Get<u32>> ConditionCode<MaxCodeLength> {
	/// Whether the code is non-empty and only letters, digits and `.`.
	pub fn is_well_formed(&self) -> bool {
		!self.code.is_empty() && self.code.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.')
	}
}

/// Who decides a cohort's data licences.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum Governance<AccountId> {
	/// The members decide everything by quadratic vote.
	Cooperative,
	/// A board of trustees (typically a `pallet-multisig` account) decides the cohort's data
	/// and licences; the members still decide settings and treasury spends by quadratic vote,
	/// and can replace the trustees.
	DataTrust {
		/// The trustees' account.
		trustees: AccountId,
	},
	/// A private business: a company's account runs the cohort's data and licences and sets
	/// the revenue split, leaving the members at least the council's floor
	/// (`MembersShareFloor`). The members keep every personal right (consent, leaving,
	/// claiming, seeing who used their data) and decide treasury spends by quadratic vote.
	Operator {
		/// The company's account.
		operator: AccountId,
		/// The operator's share of every licence's price, after the members' and the
		/// platform's.
		operator_share: Permill,
	},
}

impl<AccountId> Governance<AccountId> {
	/// The trustees' account of a data trust.
	pub fn trustees(&self) -> Option<&AccountId> {
		match self {
			Governance::DataTrust { trustees } => Some(trustees),
			_ => None,
		}
	}

	/// The operator's account of a private-business cohort.
	pub fn operator(&self) -> Option<&AccountId> {
		match self {
			Governance::Operator { operator, .. } => Some(operator),
			_ => None,
		}
	}

	/// The operator's share of licence revenue: none but in a private-business cohort.
	pub fn operator_share(&self) -> Permill {
		match self {
			Governance::Operator { operator_share, .. } => *operator_share,
			_ => Permill::zero(),
		}
	}

	/// The account that decides the cohort's data and licences, if the members do not: the
	/// trustees or the operator.
	pub fn data_manager(&self) -> Option<&AccountId> {
		self.trustees().or(self.operator())
	}
}

/// Whether a cohort acts.
#[derive(
	Debug,
	Clone,
	Copy,
	PartialEq,
	Eq,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
pub enum CohortStatus {
	/// Accepts members, spends, licenses.
	Active,
	/// Frozen by the Oversight Council in an emergency: accepts no members, spends nothing,
	/// approves nothing. Existing members keep their memberships and earnings.
	Frozen,
}

/// A cohort's settings, as its creator gives them and its members change them.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength))]
pub struct CohortSettings<
	AccountId: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxNameLength: Get<u32>,
> {
	/// A display name, e.g. "Long COVID Europe". Not about any patient.
	pub name: BoundedVec<u8, MaxNameLength>,
	/// Who decides licences.
	pub governance: Governance<AccountId>,
	/// The members' share of every licence's price (to the royalty pool of the purpose). The
	/// platform's share is the council's (`PlatformShare`); the treasury takes the rest.
	pub members_share: Permill,
	/// The fewest consenting members a licence needs (k-anonymity).
	pub k_anonymity_floor: u32,
	/// How the cohort votes.
	pub voting: VotingParams<BlockNumber>,
}

/// A cohort DAO.
#[derive(
	CloneNoBound,
	PartialEqNoBound,
	EqNoBound,
	DebugNoBound,
	Encode,
	Decode,
	DecodeWithMemTracking,
	MaxEncodedLen,
	TypeInfo,
)]
#[scale_info(skip_type_params(MaxNameLength, MaxCodeLength))]
pub struct Cohort<
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxNameLength: Get<u32>,
	MaxCodeLength: Get<u32>,
> {
	/// Who created it and holds its deposit.
	pub creator: AccountId,
	/// The deposit held on the creator's account for the cohort's storage.
	pub deposit: Balance,
	/// The condition the cohort is about.
	pub condition: ConditionCode<MaxCodeLength>,
	/// Settings the members can change.
	pub settings: CohortSettings<AccountId, BlockNumber, MaxNameLength>,
	/// Active or frozen.
	pub status: CohortStatus,
	/// How many issuers the cohort accepts (entries of `AcceptedIssuers`).
	pub accepted_issuers: u32,
	/// When it was created.
	pub created_at: BlockNumber,
}

impl<AccountId, Balance, BlockNumber, MaxNameLength, MaxCodeLength>
	Cohort<AccountId, Balance, BlockNumber, MaxNameLength, MaxCodeLength>
where
	AccountId: Clone + PartialEq + Eq + Debug,
	Balance: Clone + PartialEq + Eq + Debug,
	BlockNumber: Clone + PartialEq + Eq + Debug,
	MaxNameLength: Get<u32>,
	MaxCodeLength: Get<u32>,
{
	/// How the cohort divides a licence's price while the council's platform share is
	/// `platform` and its floor for operators' cohorts is `floor`: an operator's cohort pays
	/// its members at least the floor, even if the council raised it after the operator set
	/// the split.
	pub fn revenue_split(&self, platform: Permill, floor: Permill) -> RevenueSplit {
		let governance = &self.settings.governance;
		let mut members = self.settings.members_share;
		if governance.operator().is_some() {
			members = members.max(floor);
		}
		RevenueSplit::new(members, governance.operator_share(), platform)
	}
}

/// An issuer the Oversight Council approved.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub struct IssuerInfo<BlockNumber> {
	/// When the council approved it.
	pub approved_at: BlockNumber,
	/// The earliest issue block of its credentials that count: its approval, or the block
	/// after it last withdrew the credentials it had handed out (say, as its key leaked).
	pub credentials_valid_from: BlockNumber,
}

impl<BlockNumber: Copy> IssuerInfo<BlockNumber> {
	/// An issuer approved at `now`, whose credentials count from then on.
	pub fn approved(now: BlockNumber) -> Self {
		IssuerInfo { approved_at: now, credentials_valid_from: now }
	}
}

/// On whose authority a cohort acts.
#[derive(
	Debug, Clone, PartialEq, Eq, Encode, Decode, DecodeWithMemTracking, MaxEncodedLen, TypeInfo,
)]
pub enum CohortAuthority<AccountId> {
	/// Its members, through a passed quadratic-vote proposal.
	Members,
	/// The trustees of a data trust.
	Trustees(AccountId),
	/// The operator of a private-business cohort.
	Operator(AccountId),
}

/// What a cohort origin is asked to do. Members may do everything, except deciding the data
/// of a data trust or a private business, or its revenue split; trustees may only decide data
/// and accepted issuers; an operator may also set the revenue split.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum CohortAction {
	/// Change settings, spend from the treasury.
	Govern,
	/// Accept or drop issuers.
	ManageIssuers,
	/// Register datasets, publish offers, decide licences (pallet-data-licensing).
	ManageData,
	/// Approve a member's key rotation.
	ApproveRotation,
	/// Set a private-business cohort's revenue split.
	SetRevenueSplit,
	/// Set the consent of the members who left theirs to the trustees: the trustees of a data
	/// trust (the members in a cohort that is no longer one; never an operator).
	DecideDelegatedConsent,
}
