//! A runtime with just this pallet, for its tests and benchmarks.

use crate::{self as pallet_cohorts, *};
use frame_support::{derive_impl, parameter_types, traits::ConstU32, PalletId};
use frame_support::{traits::Get, BoundedVec};
use frame_system::EnsureRoot;
use sp_runtime::{BuildStorage, Permill};

type Block = frame_system::mocking::MockBlock<Test>;
pub type AccountId = u64;
pub type Balance = u64;

frame_support::construct_runtime!(
	pub enum Test {
		System: frame_system,
		Balances: pallet_balances,
		Cohorts: pallet_cohorts,
	}
);

#[derive_impl(frame_system::config_preludes::TestDefaultConfig)]
impl frame_system::Config for Test {
	type Block = Block;
	type AccountData = pallet_balances::AccountData<Balance>;
}

#[derive_impl(pallet_balances::config_preludes::TestDefaultConfig)]
impl pallet_balances::Config for Test {
	type AccountStore = System;
	type RuntimeHoldReason = RuntimeHoldReason;
}

/// The council's two-thirds, in the mock: root.
pub fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}
pub const DEPOSIT: Balance = 100;
pub const MAX_ISSUERS: u32 = 4;

parameter_types! {
	pub const CohortsPalletId: PalletId = PalletId(*b"co/cohrt");
	pub const CohortDeposit: Balance = DEPOSIT;
}

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type IssuerAdminOrigin = EnsureRoot<AccountId>;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type EnsureMembersOrigin = EnsureMembers<Test>;
	type PalletId = CohortsPalletId;
	type CohortDeposit = CohortDeposit;
	type MaxNameLength = ConstU32<32>;
	type MaxCodeLength = ConstU32<16>;
	type MaxIssuersPerCohort = ConstU32<MAX_ISSUERS>;
	type WeightInfo = ();
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CLINIC: AccountId = 10;
pub const LAB: AccountId = 11;
pub const REGISTRY: AccountId = 12;
pub const TRUSTEES: AccountId = 20;
pub const POOR: AccountId = 99;
pub const ENDOWMENT: Balance = 10_000;

/// The origin of `cohort`'s members acting through a passed proposal.
pub fn members(cohort: CohortId) -> RuntimeOrigin {
	RuntimeOrigin::from(pallet_cohorts::Origin::Members(cohort))
}

pub fn bounded<S: Get<u32>>(bytes: &[u8]) -> BoundedVec<u8, S> {
	BoundedVec::try_from(bytes.to_vec()).expect("short enough")
}

/// Long COVID, as ICD-10 codes it.
pub fn long_covid() -> ConditionOf<Test> {
	ConditionCode { system: CodeSystem::Icd10, code: bounded(b"U09.9") }
}

pub fn cooperative_settings() -> SettingsOf<Test> {
	CohortSettings {
		name: bounded(b"Long COVID Europe"),
		governance: Governance::Cooperative,
		revenue_split: RevenueSplit {
			members: Permill::from_percent(70),
			treasury: Permill::from_percent(25),
			platform: Permill::from_percent(5),
		},
		k_anonymity_floor: 3,
		voting: VotingParams {
			voting_period: 10,
			quorum: Permill::from_percent(20),
			voice_credits_per_epoch: 100,
			epoch_length: 100,
		},
	}
}

pub fn trust_settings() -> SettingsOf<Test> {
	CohortSettings {
		governance: Governance::DataTrust { trustees: TRUSTEES },
		..cooperative_settings()
	}
}

pub fn issuers(list: &[AccountId]) -> IssuerListOf<Test> {
	BoundedVec::try_from(list.to_vec()).expect("few enough")
}

/// Creates a cooperative cohort by ALICE that accepts CLINIC; returns its id.
pub fn create_cooperative() -> CohortId {
	let id = NextCohortId::<Test>::get();
	frame_support::assert_ok!(Cohorts::create_cohort(
		RuntimeOrigin::signed(ALICE),
		long_covid(),
		cooperative_settings(),
		issuers(&[CLINIC]),
	));
	id
}

/// Creates a data-trust cohort by ALICE (trustees: TRUSTEES) that accepts CLINIC.
pub fn create_trust() -> CohortId {
	let id = NextCohortId::<Test>::get();
	frame_support::assert_ok!(Cohorts::create_cohort(
		RuntimeOrigin::signed(ALICE),
		long_covid(),
		trust_settings(),
		issuers(&[CLINIC]),
	));
	id
}

pub fn last_event() -> RuntimeEvent {
	System::events().pop().expect("an event").event
}

/// Builds the test externalities: funded accounts, CLINIC and LAB approved issuers.
pub struct ExtBuilder {
	approved_issuers: Vec<AccountId>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { approved_issuers: vec![CLINIC, LAB] }
	}
}

impl ExtBuilder {
	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let mut storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
		pallet_balances::GenesisConfig::<Test> {
			balances: [ALICE, BOB, CLINIC, LAB, REGISTRY, TRUSTEES]
				.into_iter()
				.map(|who| (who, ENDOWMENT))
				.chain([(POOR, 150)])
				.collect(),
			..Default::default()
		}
		.assimilate_storage(&mut storage)
		.unwrap();
		let mut ext = sp_io::TestExternalities::new(storage);
		ext.execute_with(|| {
			System::set_block_number(1);
			for issuer in self.approved_issuers {
				frame_support::assert_ok!(Cohorts::approve_issuer(council(), issuer));
			}
			test();
			Cohorts::do_try_state().expect("invariants hold");
		});
	}
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	let storage = frame_system::GenesisConfig::<Test>::default().build_storage().unwrap();
	sp_io::TestExternalities::new(storage)
}
