//! The runtime's side of the pallets' `BenchmarkHelper`s: cohorts, issuers and members made
//! through the real pallets, so that each pallet's benchmarks run against the runtime's state.
//! `configs/cohorts.rs` names these in each pallet's `type BenchmarkHelper`.

use crate::{
	AccountId, Balance, Balances, BlockNumber, Cohorts, Membership, Runtime, RuntimeOrigin,
	Signature, UNIT,
};
use cohort_primitives::{CohortId, Consent, Nullifier, Purpose};
use frame_support::traits::fungible::Mutate;
use sp_core::crypto::KeyTypeId;

/// The key type of the issuers' sr25519 keys in the benchmark keystore.
const BENCHMARK_KEY: KeyTypeId = KeyTypeId(*b"cobe");

/// The benchmark account `name`, holding `amount`.
fn funded(name: &'static str, amount: Balance) -> AccountId {
	let who: AccountId = frame_benchmarking::account(name, 0, 0);
	let _ = Balances::set_balance(&who, amount);
	who
}

/// A fresh cohort accepting `issuer` (approved if need be), crowded with [`CROWD`] members.
fn cohort_accepting(issuer: AccountId) -> CohortId {
	let creator = funded("cohort-creator", 1_000_000 * UNIT);
	let cohort = Cohorts::benchmark_cohort_accepting(creator, issuer);
	crowd(cohort, CROWD);
	cohort
}

/// How many made-up members each benchmark cohort holds besides the benchmark's own.
pub const CROWD: u32 = 10;

/// How many members the wasm built with `benchmark-genesis-crowd` puts in its genesis state.
#[cfg(feature = "benchmark-genesis-crowd")]
pub const GENESIS_CROWD: u32 = 100_000;

/// With `benchmark-genesis-crowd`, called after the genesis state is built: [`GENESIS_CROWD`]
/// members in the cohort the benchmarks create first (the next cohort id), so that the
/// benchmarks' cohort holds 100,000 members from genesis on, as a real chain's would, for
/// `scripts/benchmark.sh scale` (docs/performance.md, P1). Never in a chain's runtime.
#[cfg(feature = "benchmark-genesis-crowd")]
pub fn genesis_crowd() {
	crowd(pallet_cohorts::NextCohortId::<Runtime>::get(), GENESIS_CROWD);
}

/// Fills `cohort` with `size` members, written straight to storage: each with an account
/// (with a balance), a membership record, a person index entry, an issuer index entry and a
/// royalty position and payee entry. So every map a call reads or writes for a member is as
/// deep as in a real cohort of that size. They are attested by an issuer of their own and
/// left out of the cohort's counts (`Stats`), so that the benchmarks' own members, issuers
/// and counts are unchanged; no call reads a count that grows with them.
fn crowd(cohort: CohortId, size: u32) {
	use codec::Encode;
	let issuer: AccountId = frame_benchmarking::account("crowd-issuer", 0, cohort);
	let counters = [Default::default(); cohort_primitives::PURPOSES];
	for index in 0..size {
		let account: AccountId = frame_benchmarking::account("crowd", index, cohort);
		let person = sp_core::H256(sp_io::hashing::blake2_256(&(b"crowd", cohort, index).encode()));
		frame_system::Account::<Runtime>::insert(
			&account,
			frame_system::AccountInfo {
				providers: 1,
				data: pallet_balances::AccountData { free: UNIT, ..Default::default() },
				..Default::default()
			},
		);
		let record = pallet_cohort_membership::MembershipRecord {
			account: account.clone(),
			status: cohort_primitives::MemberStatus::Active,
			issuer: issuer.clone(),
			expires_at: BlockNumber::MAX,
			evidence: Default::default(),
			consent: Consent::NONE,
			delegated: false,
			units: 1,
			deposit: 0,
			nonce: 0,
			joined_at: 0,
		};
		pallet_cohort_membership::PersonOf::<Runtime>::insert(
			cohort,
			&account,
			record.account_entry(person),
		);
		pallet_cohort_membership::Memberships::<Runtime>::insert(cohort, person, record);
		pallet_cohort_membership::ActiveByIssuer::<Runtime>::insert((&issuer, cohort, person), ());
		let mut position = pallet_royalties::Position::new(account.clone(), 1, counters);
		position.status = cohort_primitives::MemberStatus::Active;
		pallet_royalties::Positions::<Runtime>::insert(cohort, person, position);
		pallet_royalties::Payees::<Runtime>::insert(cohort, &account, person);
	}
}

/// A fresh cohort with one approved issuer, whose members the issuer attests on chain.
pub struct VotingBenchmarkHelper;
impl VotingBenchmarkHelper {
	fn issuer() -> AccountId {
		funded("voting-issuer", 1_000_000 * UNIT)
	}
}
impl pallet_quadratic_voting::BenchmarkHelper<AccountId> for VotingBenchmarkHelper {
	fn cohort() -> CohortId {
		cohort_accepting(Self::issuer())
	}

	fn member(cohort: CohortId, who: &AccountId, index: u32) -> Nullifier {
		let person = sp_core::H256(sp_io::hashing::blake2_256(&index.to_le_bytes()));
		let _ = Membership::benchmark_member(cohort, Self::issuer(), who.clone(), person);
		person
	}
}

/// Issuers with sr25519 keys in the benchmark keystore, and cohort 0 accepting them.
pub struct MembershipBenchmarkHelper;
impl pallet_cohort_membership::BenchmarkHelper<AccountId, Signature> for MembershipBenchmarkHelper {
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

	fn cohort_accepting(issuer: &AccountId) -> CohortId {
		cohort_accepting(issuer.clone())
	}

	fn drop_issuer(cohort: CohortId, issuer: &AccountId) {
		pallet_cohorts::AcceptedIssuers::<crate::Runtime>::remove(cohort, issuer);
	}

	fn make_data_trust(cohort: CohortId) -> AccountId {
		let trustees = funded("trustees", 1_000 * UNIT);
		pallet_cohorts::Registry::<crate::Runtime>::mutate(cohort, |record| {
			if let Some(record) = record {
				record.settings.governance =
					pallet_cohorts::Governance::DataTrust { trustees: trustees.clone() };
			}
		});
		trustees
	}
}

/// Members consenting to every purpose, with units, in a fresh benchmark cohort.
pub struct CohortBenchmarkHelper;
impl CohortBenchmarkHelper {
	/// Makes `who` a member of `cohort` as person `index`, consenting to everything, with
	/// `units` contribution units.
	fn consenting_member(cohort: CohortId, who: &AccountId, index: u32, units: u64) -> Nullifier {
		use pallet_quadratic_voting::BenchmarkHelper;
		let _ = Balances::set_balance(who, 1_000 * UNIT);
		let person = VotingBenchmarkHelper::member(cohort, who, index);
		let consent = Consent::only(&Purpose::ALL);
		let _ = Membership::set_consent(RuntimeOrigin::signed(who.clone()), cohort, consent);
		let issuer = RuntimeOrigin::signed(VotingBenchmarkHelper::issuer());
		let _ = Membership::record_contribution(issuer, cohort, who.clone(), units);
		person
	}
}
impl pallet_royalties::BenchmarkHelper<AccountId> for CohortBenchmarkHelper {
	fn member(who: &AccountId, index: u32, units: u64) -> (CohortId, Nullifier) {
		use pallet_quadratic_voting::BenchmarkHelper;
		let cohort = VotingBenchmarkHelper::cohort();
		(cohort, Self::consenting_member(cohort, who, index, units))
	}
}
impl pallet_data_licensing::BenchmarkHelper<AccountId> for CohortBenchmarkHelper {
	/// Run by a (funded) operator taking a share, so that an approval pays all four shares.
	fn licensable_cohort() -> CohortId {
		use pallet_quadratic_voting::BenchmarkHelper;
		let cohort = VotingBenchmarkHelper::cohort();
		let member: AccountId = frame_benchmarking::account("licensing-member", 0, 0);
		Self::consenting_member(cohort, &member, 0, 100);
		let operator = funded("licensing-operator", 1_000_000 * UNIT);
		pallet_cohorts::Registry::<crate::Runtime>::mutate(cohort, |record| {
			if let Some(record) = record {
				record.settings.governance = pallet_cohorts::Governance::Operator {
					operator,
					operator_share: sp_runtime::Permill::from_percent(20),
				};
			}
		});
		cohort
	}
}
