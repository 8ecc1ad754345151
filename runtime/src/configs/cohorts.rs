//! Cohort's domain: cohort DAOs, soulbound membership, quadratic voting, data licensing and
//! royalties.

#[cfg(feature = "runtime-benchmarks")]
use crate::UNIT;
use crate::{
	configs::{governance::EnsureTwoThirdsCouncil, system::MAXIMUM_BLOCK_WEIGHT},
	constants::deposit,
	AccountId, Balance, Balances, BlockNumber, Cohorts, Membership, QuadraticVoting, Royalties,
	Runtime, RuntimeCall, RuntimeHoldReason, RuntimeOrigin, Signature, DAYS,
};
use frame_support::{parameter_types, traits::ConstU32, weights::Weight, PalletId};
use pallet_cohorts::CohortId;
use sp_runtime::traits::{AccountIdConversion, Convert};

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
}

/// The most issuers one cohort accepts.
pub const MAX_ISSUERS_PER_COHORT: u32 = 16;
/// The most proposals a cohort has open at once, and so the most live votes a person holds.
pub const MAX_OPEN_PROPOSALS: u32 = 16;
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
	type MembersOrigin = pallet_cohorts::EnsureMembers<Runtime>;
	type PalletId = CohortsPalletId;
	type CohortDeposit = CohortDeposit;
	type MaxNameLength = ConstU32<64>;
	type MaxCodeLength = ConstU32<20>;
	type MaxIssuersPerCohort = ConstU32<MAX_ISSUERS_PER_COHORT>;
	type WeightInfo = pallet_cohorts::weights::SubstrateWeight<Runtime>;
}

impl pallet_membership::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = Cohorts;
	type CohortOrigin = pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::ApproveRotation>;
	// Voting drops a suspended member's votes; royalties settle before every change.
	type Hooks = (QuadraticVoting, Royalties);
	type Signature = Signature;
	type MembershipDeposit = MembershipDeposit;
	type AttestationDeposit = AttestationDeposit;
	type MaxAttestationPeriod = MaxAttestationPeriod;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MembershipBenchmarkHelper;
}

/// A cohort's members acting together: the origin passed proposals are dispatched with.
pub struct CohortMembersOrigin;
impl Convert<CohortId, RuntimeOrigin> for CohortMembersOrigin {
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
	type MembersOrigin = CohortMembersOrigin;
	type CancelOrigin = EnsureTwoThirdsCouncil;
	type ProposalDepositBase = ProposalDepositBase;
	type ProposalDepositPerByte = ProposalDepositPerByte;
	type MaxCallSize = ConstU32<MAX_PROPOSAL_CALL_SIZE>;
	type MaxCallWeight = MaxProposalCallWeight;
	type MaxOpenProposals = ConstU32<MAX_OPEN_PROPOSALS>;
	type MaxLiveVotes = ConstU32<MAX_LIVE_VOTES>;
	type WeightInfo = pallet_quadratic_voting::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = VotingBenchmarkHelper;
}

/// A fresh cohort with one approved issuer, whose members the issuer attests on chain.
#[cfg(feature = "runtime-benchmarks")]
pub struct VotingBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl VotingBenchmarkHelper {
	fn issuer() -> AccountId {
		use frame_support::traits::fungible::Mutate;
		let issuer: AccountId = frame_benchmarking::account("voting-issuer", 0, 0);
		let _ = Balances::set_balance(&issuer, 1_000_000 * UNIT);
		issuer
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_quadratic_voting::BenchmarkHelper<AccountId> for VotingBenchmarkHelper {
	fn cohort() -> CohortId {
		use frame_support::traits::fungible::Mutate;
		let creator: AccountId = frame_benchmarking::account("cohort-creator", 0, 0);
		let _ = Balances::set_balance(&creator, 1_000_000 * UNIT);
		pallet_cohorts::Pallet::<Runtime>::benchmark_cohort_accepting(creator, Self::issuer())
	}

	fn member(cohort: CohortId, who: &AccountId, index: u32) -> cohort_primitives::Nullifier {
		let person = sp_core::H256(sp_io::hashing::blake2_256(&index.to_le_bytes()));
		let _ = pallet_membership::Pallet::<Runtime>::benchmark_member(
			cohort,
			Self::issuer(),
			who.clone(),
			person,
		);
		person
	}
}

/// Issuers with sr25519 keys in the benchmark keystore, and cohort 0 accepting them.
#[cfg(feature = "runtime-benchmarks")]
pub struct MembershipBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl pallet_membership::BenchmarkHelper<AccountId, Signature> for MembershipBenchmarkHelper {
	fn issuer() -> AccountId {
		let public = sp_io::crypto::sr25519_generate(BENCHMARK_KEY, None);
		AccountId::from(public)
	}

	fn sign(issuer: &AccountId, payload: &[u8]) -> Signature {
		let public = sp_core::sr25519::Public::from_raw(*issuer.as_ref());
		sp_io::crypto::sr25519_sign(BENCHMARK_KEY, &public, payload)
			.map(Signature::Sr25519)
			.unwrap_or_else(|| Signature::Sr25519(Default::default()))
	}

	fn cohort_accepting(issuer: &AccountId) -> pallet_cohorts::CohortId {
		use frame_support::traits::fungible::Mutate;
		let creator: AccountId = frame_benchmarking::account("cohort-creator", 0, 0);
		let _ = Balances::set_balance(&creator, 1_000_000 * UNIT);
		pallet_cohorts::Pallet::<Runtime>::benchmark_cohort_accepting(creator, issuer.clone())
	}
}

#[cfg(feature = "runtime-benchmarks")]
const BENCHMARK_KEY: sp_core::crypto::KeyTypeId = sp_core::crypto::KeyTypeId(*b"cobe");

parameter_types! {
	/// Derives the royalty pot, where every pool's revenue is held.
	pub const RoyaltiesPalletId: PalletId = PalletId(*b"co/royal");
	/// Derives the platform's account, which receives the platform share of licences.
	pub const PlatformPalletId: PalletId = PalletId(*b"co/pltfm");
	/// The platform's account.
	pub PlatformAccount: AccountId = PlatformPalletId::get().into_account_truncating();
	/// A cohort has two weeks to decide a licence request.
	pub const LicenceReviewPeriod: BlockNumber = 14 * DAYS;
	/// Covers a dataset's record (tags and locator at their longest).
	pub const DatasetDeposit: Balance = deposit(1, 64 + 8 * 33 + 129 + 48);
	/// Covers an offer's record.
	pub const OfferDeposit: Balance = deposit(1, 128);
	/// Covers a request's record, then the grant it becomes.
	pub const LicenceRequestDeposit: Balance = deposit(1, 160);
}

impl pallet_royalties::Config for Runtime {
	type Currency = Balances;
	type PalletId = RoyaltiesPalletId;
	type MaxRecentRevenue = ConstU32<16>;
	type MaxPastParticipations = ConstU32<8>;
	type WeightInfo = pallet_royalties::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CohortBenchmarkHelper;
}

impl pallet_data_licensing::Config for Runtime {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type Cohorts = Cohorts;
	type Membership = Membership;
	type Royalties = Royalties;
	type CohortOrigin = pallet_cohorts::EnsureCohort<Runtime, pallet_cohorts::ManageData>;
	type PlatformAccount = PlatformAccount;
	type ReviewPeriod = LicenceReviewPeriod;
	type DatasetDeposit = DatasetDeposit;
	type OfferDeposit = OfferDeposit;
	type RequestDeposit = LicenceRequestDeposit;
	type MaxSchemaTags = ConstU32<8>;
	type MaxTagLength = ConstU32<32>;
	type MaxLocatorLength = ConstU32<128>;
	type MaxOffersPerDataset = ConstU32<8>;
	type WeightInfo = pallet_data_licensing::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = CohortBenchmarkHelper;
}

/// Members consenting to every purpose, with units, in a fresh benchmark cohort.
#[cfg(feature = "runtime-benchmarks")]
pub struct CohortBenchmarkHelper;
#[cfg(feature = "runtime-benchmarks")]
impl CohortBenchmarkHelper {
	/// Makes `who` a member of `cohort` as person `index`, consenting to everything, with
	/// `units` contribution units.
	fn consenting_member(
		cohort: CohortId,
		who: &AccountId,
		index: u32,
		units: u64,
	) -> cohort_primitives::Nullifier {
		use cohort_primitives::{Consent, Purpose};
		use frame_support::traits::fungible::Mutate;
		use pallet_quadratic_voting::BenchmarkHelper;
		let _ = Balances::set_balance(who, 1_000 * UNIT);
		let person = VotingBenchmarkHelper::member(cohort, who, index);
		let _ = Membership::set_consent(
			RuntimeOrigin::signed(who.clone()),
			cohort,
			Consent::only(&Purpose::ALL),
		);
		let issuer = VotingBenchmarkHelper::issuer();
		let _ = Membership::record_contribution(
			RuntimeOrigin::signed(issuer),
			cohort,
			who.clone(),
			units,
		);
		person
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_royalties::BenchmarkHelper<AccountId> for CohortBenchmarkHelper {
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, cohort_primitives::Nullifier) {
		use pallet_quadratic_voting::BenchmarkHelper;
		let cohort = VotingBenchmarkHelper::cohort();
		(cohort, Self::consenting_member(cohort, who, index, units))
	}
}
#[cfg(feature = "runtime-benchmarks")]
impl pallet_data_licensing::BenchmarkHelper<AccountId> for CohortBenchmarkHelper {
	fn licensable_cohort() -> CohortId {
		use pallet_quadratic_voting::BenchmarkHelper;
		let cohort = VotingBenchmarkHelper::cohort();
		let member: AccountId = frame_benchmarking::account("licensing-member", 0, 0);
		Self::consenting_member(cohort, &member, 0, 100);
		cohort
	}
}
