//! A runtime with just this pallet, for its tests and benchmarks.

use crate::{self as pallet_cohorts, *};
use frame_support::{
	assert_ok, parameter_types,
	traits::{
		fungible::{Mutate, MutateHold},
		tokens::Preservation,
		ConstU32, ConstU64, Get,
	},
	BoundedVec, PalletId,
};
use frame_system::EnsureRoot;
use sp_runtime::Permill;

cohort_test_kit::mock_runtime!(Cohorts: pallet_cohorts, existential_deposit: 1);

/// The council's two-thirds, in the mock: root.
pub fn council() -> RuntimeOrigin {
	RuntimeOrigin::root()
}
pub const DEPOSIT: Balance = 100;
pub const MAX_ISSUERS: u32 = 4;
pub const MAX_VOTING_PERIOD: u64 = 50;
pub const MAX_EPOCH_LENGTH: u64 = 10_000;

parameter_types! {
	pub const CohortsPalletId: PalletId = PalletId(*b"co/cohrt");
	pub const CohortDeposit: Balance = DEPOSIT;
	pub const MaxPlatformShare: Permill = Permill::from_percent(10);
}

/// The platform share the mock chain starts with, as genesis sets it.
pub const PLATFORM_SHARE: Permill = Permill::from_percent(5);

impl Config for Test {
	type Currency = Balances;
	type RuntimeHoldReason = RuntimeHoldReason;
	type IssuerAdminOrigin = EnsureRoot<AccountId>;
	type FreezeOrigin = EnsureRoot<AccountId>;
	type PlatformShareOrigin = EnsureRoot<AccountId>;
	type MaxPlatformShare = MaxPlatformShare;
	type EnsureMembersOrigin = EnsureMembers<Test>;
	type PalletId = CohortsPalletId;
	type CohortDeposit = CohortDeposit;
	type MaxNameLength = ConstU32<32>;
	type MaxCodeLength = ConstU32<16>;
	type MaxIssuersPerCohort = ConstU32<MAX_ISSUERS>;
	type MaxVotingPeriod = ConstU64<MAX_VOTING_PERIOD>;
	type MaxEpochLength = ConstU64<MAX_EPOCH_LENGTH>;
	type OnIssuerWithdrawn = RecordWithdrawn;
	type WeightInfo = ();
}

std::thread_local! {
	static WITHDRAWN: core::cell::RefCell<Vec<(AccountId, Option<CohortId>)>> =
		const { core::cell::RefCell::new(Vec::new()) };
}

/// Records the issuers membership is told were withdrawn.
pub struct RecordWithdrawn;

impl cohort_primitives::OnIssuerWithdrawn<AccountId> for RecordWithdrawn {
	fn on_issuer_withdrawn(issuer: &AccountId, cohort: Option<CohortId>) {
		WITHDRAWN.with(|w| w.borrow_mut().push((*issuer, cohort)));
	}
	fn weight() -> frame_support::weights::Weight {
		frame_support::weights::Weight::zero()
	}
}

/// The issuers withdrawn so far, and from which cohort (`None`: all); forgets them.
pub fn withdrawn_issuers() -> Vec<(AccountId, Option<CohortId>)> {
	WITHDRAWN.with(|w| core::mem::take(&mut *w.borrow_mut()))
}

pub const ALICE: AccountId = 1;
pub const BOB: AccountId = 2;
pub const CLINIC: AccountId = 10;
pub const LAB: AccountId = 11;
pub const REGISTRY: AccountId = 12;
pub const TRUSTEES: AccountId = 20;
pub const OPERATOR: AccountId = 21;
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
		members_share: Permill::from_percent(70),
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

/// The council's floor for operators' cohorts in these tests.
pub const MEMBERS_SHARE_FLOOR: Permill = Permill::from_percent(40);

/// A private business run by OPERATOR, leaving its members 50% and taking 30%.
pub fn operator_settings() -> SettingsOf<Test> {
	CohortSettings {
		governance: Governance::Operator {
			operator: OPERATOR,
			operator_share: Permill::from_percent(30),
		},
		members_share: Permill::from_percent(50),
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

/// The id the first cohort a test puts in storage gets.
pub const FIRST_COHORT: CohortId = 0;

/// Builds the test externalities: funded accounts, CLINIC and LAB approved issuers, and the
/// cohorts asked for, put straight into storage.
pub struct ExtBuilder {
	approved_issuers: Vec<AccountId>,
	cohorts: Vec<SettingsOf<Test>>,
}

impl Default for ExtBuilder {
	fn default() -> Self {
		Self { approved_issuers: vec![CLINIC, LAB], cohorts: Vec::new() }
	}
}

impl ExtBuilder {
	/// A cohort with `settings`, created by ALICE and accepting CLINIC, as `create_cohort`
	/// leaves it; the first gets id [`FIRST_COHORT`], the next the id after.
	pub fn with_cohort(mut self, settings: SettingsOf<Test>) -> Self {
		self.cohorts.push(settings);
		self
	}

	/// Runs `test`, then checks the pallet's invariants.
	pub fn build_and_execute(self, test: impl FnOnce()) {
		let balances = cohort_test_kit::endow(
			&[ALICE, BOB, CLINIC, LAB, REGISTRY, TRUSTEES, OPERATOR],
			ENDOWMENT,
		);
		let genesis = |storage: &mut sp_runtime::Storage| {
			let cohorts = pallet_cohorts::GenesisConfig::<Test> {
				platform_share: PLATFORM_SHARE,
				members_share_floor: MEMBERS_SHARE_FLOOR,
				..Default::default()
			};
			sp_runtime::BuildStorage::assimilate_storage(&cohorts, storage)
				.expect("cohorts genesis builds");
		};
		let mut ext =
			cohort_test_kit::new_ext::<Test>([balances, vec![(POOR, 150)]].concat(), genesis);
		ext.execute_with(|| {
			for issuer in self.approved_issuers {
				Issuers::<Test>::insert(issuer, IssuerInfo::approved(1));
			}
			for settings in self.cohorts {
				put_cohort(settings);
			}
			test();
			Cohorts::do_try_state().expect("invariants hold");
		});
	}
}

/// What `create_cohort` by ALICE with `settings`, accepting CLINIC, leaves in storage.
fn put_cohort(settings: SettingsOf<Test>) {
	let cohort = NextCohortId::<Test>::get();
	assert_ok!(Balances::hold(&HoldReason::CohortDeposit.into(), &ALICE, DEPOSIT));
	let treasury = Cohorts::treasury_account(cohort);
	assert_ok!(<Balances as Mutate<_>>::transfer(&ALICE, &treasury, 1, Preservation::Preserve));
	AcceptedIssuers::<Test>::insert(cohort, CLINIC, ());
	Registry::<Test>::insert(
		cohort,
		Cohort {
			creator: ALICE,
			deposit: DEPOSIT,
			condition: long_covid(),
			settings,
			status: CohortStatus::Active,
			accepted_issuers: 1,
			created_at: System::block_number(),
		},
	);
	NextCohortId::<Test>::put(cohort + 1);
}

#[cfg(feature = "runtime-benchmarks")]
pub fn new_test_ext() -> sp_io::TestExternalities {
	cohort_test_kit::new_ext::<Test>(Vec::new(), |_| {})
}
