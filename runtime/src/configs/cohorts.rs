//! Cohort's domain: cohort DAOs, soulbound membership, quadratic voting, data licensing and
//! royalties.

use crate::{
	configs::{governance::EnsureTwoThirdsCouncil, system::MAXIMUM_BLOCK_WEIGHT},
	constants::deposit,
	AccountId, Balance, Balances, BlockNumber, Cohorts, Membership, QuadraticVoting, Royalties,
	Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, Signature, DAYS,
};
use frame_support::{
	parameter_types,
	traits::{ConstU32, ConstU64},
	weights::Weight,
	PalletId,
};
use pallet_cohorts::CohortId;
use sp_runtime::{
	traits::{AccountIdConversion, Convert},
	Permill,
};

parameter_types! {
	/// Derives each cohort's treasury account.
	pub const CohortsPalletId: PalletId = PalletId(*b"co/cohrt");
	/// Covers a cohort's record and its accepted issuers (up to `MaxIssuersPerCohort`).
	pub const CohortDeposit: Balance = deposit(1 + MAX_ISSUERS_PER_COHORT, 512);
	/// Covers a membership record and its account index, the person's voting ledger (at most
	/// `MAX_LIVE_VOTES` votes, created at the first vote), and their royalty position and
	/// payee index.
	pub const MembershipDeposit: Balance =
		deposit(5, 200 + (16 + 13 * MAX_LIVE_VOTES) + 460 + 100);
	/// Covers an on-chain attestation until it is used.
	pub const AttestationDeposit: Balance = deposit(1, 120);
	/// An attestation runs at most two years.
	pub const MaxAttestationPeriod: BlockNumber = 2 * 365 * DAYS;
	/// A rotation the cohort's members decide waits a week: time for the owner of a key that
	/// is not lost to cancel it.
	pub const RotationDelay: BlockNumber = 7 * DAYS;
}

/// The most issuers one cohort accepts.
pub const MAX_ISSUERS_PER_COHORT: u32 = 16;
/// The most proposals a cohort has open at once, and so the most live votes a person holds.
pub const MAX_OPEN_PROPOSALS: u32 = 16;
/// Proposals one person may have open in a cohort: no member can hold every slot.
pub const MAX_OPEN_PROPOSALS_PER_PERSON: u32 = 2;
/// The most live votes one person holds in a cohort: one on each open proposal.
pub const MAX_LIVE_VOTES: u32 = MAX_OPEN_PROPOSALS;
/// The longest call a proposal carries, in bytes (a treasury spend is 54).
pub const MAX_PROPOSAL_CALL_SIZE: u32 = 1_024;

parameter_types! {
	/// Covers a proposal's record without its call.
	pub const ProposalDepositBase: Balance = deposit(2, 160);
	/// Covers each byte of a proposal's call.
	pub const ProposalDepositPerByte: Balance = deposit(0, 1);
	/// A proposal's call may use a tenth of a block.
	pub const MaxProposalCallWeight: Weight = MAXIMUM_BLOCK_WEIGHT.saturating_div(10);
}

impl pallet_cohorts::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type IssuerAdminOrigin = EnsureTwoThirdsCouncil;
	type FreezeOrigin = EnsureTwoThirdsCouncil;
	type PlatformShareOrigin = EnsureTwoThirdsCouncil;
	type MaxPlatformShare = MaxPlatformShare;
	type EnsureMembersOrigin = pallet_cohorts::EnsureMembers<Runtime>;
	type PalletId = CohortsPalletId;
	type CohortDeposit = CohortDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxCodeLength = ConstU32<20>;
	type MaxIssuersPerCohort = ConstU32<MAX_ISSUERS_PER_COHORT>;
	// A licence vote must end within the licence review period, with half of it left to
	// propose and close.
	type MaxVotingPeriod = MaxCohortVotingPeriod;
	type MaxEpochLength = MaxCohortEpochLength;
	type OnIssuerWithdrawn = Membership;
	type WeightInfo = pallet_cohorts::weights::SubstrateWeight<Runtime>;
}

impl pallet_cohort_membership::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = Cohorts;
	type CohortOrigin = pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::ApproveRotation>;
	type TrusteeConsentOrigin =
		pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::DecideDelegatedConsent>;
	// Voting drops a suspended member's votes; royalties settle before every change.
	type OnMembershipChange = (QuadraticVoting, Royalties);
	type Signature = Signature;
	type MembershipDeposit = MembershipDeposit;
	type AttestationDeposit = AttestationDeposit;
	type MaxAttestationPeriod = MaxAttestationPeriod;
	type RotationDelay = RotationDelay;
	// Up to 640 memberships may expire at one instant (ten blocks tried back from each expiry);
	// each block starts by suspending at most 64.
	type MaxExpiriesPerBlock = ConstU32<64>;
	// A removed issuer with 6,400 memberships is swept out in 100 blocks (10 minutes), during
	// which they give no rights and the cohort's closes and approvals wait.
	type MaxSweptPerBlock = ConstU32<64>;
	// A clinic records a patient's contributions as they come; a million units in one call is
	// a stolen key, not a patient.
	type MaxUnitsPerCall = ConstU64<1_000_000>;
	type OversightOrigin = EnsureTwoThirdsCouncil;
	type WeightInfo = pallet_cohort_membership::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::MembershipBenchmarkHelper;
}

/// Builds the origin passed proposals are dispatched with: a cohort's members acting together.
pub struct CohortMembersOriginBuilder;
impl Convert<CohortId, RuntimeOrigin> for CohortMembersOriginBuilder {
	fn convert(cohort: CohortId) -> RuntimeOrigin {
		pallet_cohorts::Origin::Members(cohort).into()
	}
}

impl pallet_quadratic_voting::Config for Runtime {
	type RuntimeCall = RuntimeCall;
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = Cohorts;
	type Membership = Membership;
	type MembersOriginBuilder = CohortMembersOriginBuilder;
	type CancelOrigin = EnsureTwoThirdsCouncil;
	type ProposalDepositBase = ProposalDepositBase;
	type ProposalDepositPerByte = ProposalDepositPerByte;
	type MaxCallSize = ConstU32<MAX_PROPOSAL_CALL_SIZE>;
	type MaxCallWeight = MaxProposalCallWeight;
	type MaxOpenProposals = ConstU32<MAX_OPEN_PROPOSALS>;
	type MaxOpenProposalsPerPerson = ConstU32<MAX_OPEN_PROPOSALS_PER_PERSON>;
	type MaxLiveVotes = ConstU32<MAX_LIVE_VOTES>;
	type WeightInfo = pallet_quadratic_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::VotingBenchmarkHelper;
}

parameter_types! {
	/// Derives the royalty pot, where every pool's revenue is held.
	pub const RoyaltiesPalletId: PalletId = PalletId(*b"co/royal");
	/// Derives the platform's account, which receives the platform share of licences.
	pub const PlatformPalletId: PalletId = PalletId(*b"co/pltfm");
	/// The platform's account.
	pub PlatformAccount: AccountId = PlatformPalletId::get().into_account_truncating();
	/// The most the council may set as the platform's share of a licence; every cohort's
	/// members keep up to the other 90%.
	pub const MaxPlatformShare: Permill = Permill::from_percent(10);
	/// A cohort has two weeks to decide a licence request.
	pub const LicenceReviewPeriod: BlockNumber = 14 * DAYS;
	/// Half the review period: a licence vote ends with half of it left to propose and close.
	pub const MaxCohortVotingPeriod: BlockNumber = 7 * DAYS;
	/// Fresh voice credits at least every 90 days, whatever a cohort sets.
	pub const MaxCohortEpochLength: BlockNumber = 90 * DAYS;
	/// Covers a dataset's record (tags and locator at their longest).
	pub const DatasetDeposit: Balance = deposit(1, 64 + 8 * 33 + 129 + 48);
	/// Covers an offer's record.
	pub const OfferDeposit: Balance = deposit(1, 128);
	/// Covers a request's record, then the grant it becomes.
	pub const LicenceRequestDeposit: Balance = deposit(1, 160);
	// An outcome record (≈ 150 bytes) and its place in its licence's list.
	pub const OutcomeDeposit: Balance = deposit(2, 160);
	// An insight record: a hash, a locator of up to 128 bytes, a block, an account, a deposit.
	pub const InsightDeposit: Balance = deposit(1, 32 + 129 + 4 + 32 + 16);
}

impl pallet_royalties::Config for Runtime {
	type Currency = Balances;
	type PalletId = RoyaltiesPalletId;
	type MaxRecentRevenue = ConstU32<16>;
	type MaxPastParticipations = ConstU32<8>;
	type WeightInfo = pallet_royalties::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CohortBenchmarkHelper;
}

impl pallet_data_licensing::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = Cohorts;
	type Membership = Membership;
	type Royalties = Royalties;
	type CohortOrigin = pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::ManageData>;
	type TreasuryOrigin = pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::Govern>;
	type PlatformAccount = PlatformAccount;
	type ReviewPeriod = LicenceReviewPeriod;
	type DatasetDeposit = DatasetDeposit;
	type OfferDeposit = OfferDeposit;
	type RequestDeposit = LicenceRequestDeposit;
	type MaxSchemaTags = ConstU32<8>;
	type MaxTagLength = ConstU32<32>;
	type MaxLocatorLength = ConstU32<128>;
	type MaxOffersPerDataset = ConstU32<8>;
	type OutcomeDeposit = OutcomeDeposit;
	// A licensee reports at most 16 outcomes per grant (withdrawn ones count).
	type MaxOutcomesPerGrant = ConstU32<16>;
	type InsightDeposit = InsightDeposit;
	type WeightInfo = pallet_data_licensing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = crate::benchmarks::CohortBenchmarkHelper;
}
