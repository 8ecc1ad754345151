//! Cohort's domain: cohort DAOs and soulbound membership.

use crate::{
	configs::governance::EnsureTwoThirdsCouncil, constants::deposit, Balance, Balances,
	BlockNumber, Cohorts, Runtime, RuntimeHoldReason, Signature, DAYS,
};
#[cfg(feature = "runtime-benchmarks")]
use crate::{AccountId, UNIT};
use frame_support::{parameter_types, traits::ConstU32, PalletId};

parameter_types! {
	/// Derives each cohort's treasury account.
	pub const CohortsPalletId: PalletId = PalletId(*b"co/cohrt");
	/// Covers a cohort's record and its accepted issuers (up to `MaxIssuersPerCohort`).
	pub const CohortDeposit: Balance = deposit(1 + MAX_ISSUERS_PER_COHORT, 512);
	/// Covers a membership record and its account index.
	pub const MembershipDeposit: Balance = deposit(2, 200);
	/// Covers an on-chain attestation until it is used.
	pub const AttestationDeposit: Balance = deposit(1, 120);
	/// An attestation runs at most two years.
	pub const MaxAttestationPeriod: BlockNumber = 2 * 365 * DAYS;
}

/// The most issuers one cohort accepts.
pub const MAX_ISSUERS_PER_COHORT: u32 = 16;

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
	// Voting and royalties subscribe here as they land.
	type Hooks = ();
	type Signature = Signature;
	type MembershipDeposit = MembershipDeposit;
	type AttestationDeposit = AttestationDeposit;
	type MaxAttestationPeriod = MaxAttestationPeriod;
	type WeightInfo = pallet_membership::weights::SubstrateWeight<Runtime>;
	#[cfg(feature = "runtime-benchmarks")]
	type BenchmarkHelper = MembershipBenchmarkHelper;
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
