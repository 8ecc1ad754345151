//! Cohorts as the tests set them up, and the origin of a cohort's members.

use crate::AccountId;
use cohort_primitives::{
	CohortId, CohortLicensing, CohortVoting, CohortsInspect, IssuerCredentials, LicensingTerms,
	RevenueSplit, VotingParams,
};
use core::cell::RefCell;
use frame_support::traits::EnsureOriginWithArg;
use frame_system::RawOrigin;
use sp_runtime::traits::Convert;
use std::collections::{BTreeMap, BTreeSet};

/// Cohort `c`'s treasury is `TREASURY_BASE + c`; its members act as that account, signed.
const TREASURY_BASE: AccountId = 1_000;

/// Cohort `cohort`'s treasury account, as which its members act.
pub fn treasury(cohort: CohortId) -> AccountId {
	TREASURY_BASE + AccountId::from(cohort)
}

/// One mock cohort; what is `None` the cohort does not have.
#[derive(Clone, Default)]
pub struct MockCohort {
	pub frozen: bool,
	pub issuers: BTreeSet<AccountId>,
	pub voting: Option<VotingParams<u64>>,
	/// The revenue split and the k-anonymity floor.
	pub licensing: Option<(RevenueSplit, u32)>,
	/// A data trust's trustees, who may act for it.
	pub trustees: Option<AccountId>,
	/// A private business's operator, who may act for it and is paid the split's operator
	/// share.
	pub operator: Option<AccountId>,
}

thread_local! {
	static COHORTS: RefCell<BTreeMap<CohortId, MockCohort>> = const { RefCell::new(BTreeMap::new()) };
	/// Issuers the council removed, and the issue block from which each issuer's credentials
	/// count (0 unless the issuer withdrew earlier ones).
	static REMOVED: RefCell<BTreeSet<AccountId>> = const { RefCell::new(BTreeSet::new()) };
	static VALID_FROM: RefCell<BTreeMap<AccountId, u64>> = const { RefCell::new(BTreeMap::new()) };
}

/// The cohorts of the tests: those [`MockCohorts::add`]ed exist.
pub struct MockCohorts;

impl MockCohorts {
	pub fn add(cohort: CohortId, record: MockCohort) {
		COHORTS.with(|c| c.borrow_mut().insert(cohort, record));
	}

	/// Changes `cohort`, which must exist.
	pub fn update(cohort: CohortId, change: impl FnOnce(&mut MockCohort)) {
		COHORTS.with(|c| change(c.borrow_mut().get_mut(&cohort).expect("a mock cohort")));
	}

	pub fn freeze(cohort: CohortId) {
		Self::update(cohort, |c| c.frozen = true);
	}

	pub fn unfreeze(cohort: CohortId) {
		Self::update(cohort, |c| c.frozen = false);
	}

	/// The cohort stops accepting `issuer` (or the council removed it).
	pub fn drop_issuer(cohort: CohortId, issuer: AccountId) {
		Self::update(cohort, |c| {
			c.issuers.remove(&issuer);
		});
	}

	/// The council removes `issuer`: no cohort accepts it any more.
	pub fn remove_issuer(issuer: AccountId) {
		REMOVED.with(|r| r.borrow_mut().insert(issuer));
	}

	/// `issuer`'s credentials issued before `block` no longer count.
	pub fn withdraw_credentials(issuer: AccountId, block: u64) {
		VALID_FROM.with(|v| v.borrow_mut().insert(issuer, block));
	}

	pub(crate) fn clear() {
		COHORTS.with(|c| c.borrow_mut().clear());
		REMOVED.with(|r| r.borrow_mut().clear());
		VALID_FROM.with(|v| v.borrow_mut().clear());
	}

	fn get(cohort: CohortId) -> Option<MockCohort> {
		COHORTS.with(|c| c.borrow().get(&cohort).cloned())
	}
}

impl CohortsInspect<AccountId> for MockCohorts {
	fn is_active(cohort: CohortId) -> bool {
		Self::get(cohort).is_some_and(|c| !c.frozen)
	}
	fn exists(cohort: CohortId) -> bool {
		Self::get(cohort).is_some()
	}
	fn accepts_issuer(cohort: CohortId, issuer: &AccountId) -> bool {
		let removed = REMOVED.with(|r| r.borrow().contains(issuer));
		!removed && Self::get(cohort).is_some_and(|c| c.issuers.contains(issuer))
	}
	fn treasury_account(cohort: CohortId) -> AccountId {
		treasury(cohort)
	}
	fn is_data_trust(cohort: CohortId) -> bool {
		Self::get(cohort).is_some_and(|c| c.trustees.is_some())
	}
}

/// Every issuer a cohort accepts counts as approved, unless removed.
impl IssuerCredentials<AccountId, u64> for MockCohorts {
	fn credentials_valid_from(issuer: &AccountId) -> Option<u64> {
		let approved = !REMOVED.with(|r| r.borrow().contains(issuer))
			&& COHORTS.with(|c| c.borrow().values().any(|c| c.issuers.contains(issuer)));
		approved.then(|| VALID_FROM.with(|v| v.borrow().get(issuer).copied().unwrap_or(0)))
	}
}

impl CohortVoting<u64> for MockCohorts {
	fn voting_params(cohort: CohortId) -> Option<VotingParams<u64>> {
		Self::get(cohort).and_then(|c| c.voting)
	}
}

impl CohortLicensing<AccountId> for MockCohorts {
	fn licensing_terms(cohort: CohortId) -> Option<LicensingTerms<AccountId>> {
		let record = Self::get(cohort)?;
		let (split, k_anonymity_floor) = record.licensing?;
		Some(LicensingTerms { split, k_anonymity_floor, operator: record.operator })
	}
}

/// A cohort's members act as its treasury account, signed, and succeed with `None`; a data
/// trust's trustees or a private business's operator act as themselves and succeed with their
/// account.
pub struct MockCohortOrigin;

impl<O> EnsureOriginWithArg<O, CohortId> for MockCohortOrigin
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>> + Clone,
{
	type Success = Option<AccountId>;

	fn try_origin(o: O, cohort: &CohortId) -> Result<Option<AccountId>, O> {
		let record = MockCohorts::get(*cohort).unwrap_or_default();
		let manager = record.trustees.or(record.operator);
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == treasury(*cohort) => Ok(None),
			Ok(RawOrigin::Signed(who)) if Some(who) == manager => Ok(manager),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<O, ()> {
		Ok(RawOrigin::Signed(treasury(*cohort)).into())
	}
}

/// Only a cohort's members (its treasury account, signed): who may spend its treasury.
pub struct MockMembersOrigin;

impl<O> EnsureOriginWithArg<O, CohortId> for MockMembersOrigin
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>> + Clone,
{
	type Success = ();

	fn try_origin(o: O, cohort: &CohortId) -> Result<(), O> {
		match o.clone().into() {
			Ok(RawOrigin::Signed(who)) if who == treasury(*cohort) => Ok(()),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<O, ()> {
		Ok(RawOrigin::Signed(treasury(*cohort)).into())
	}
}

/// Who sets the consent of members who left theirs to the trustees: a data trust's trustees
/// (signed), or the members (its treasury account, signed) of a cohort without trustees; never
/// an operator.
pub struct MockTrusteesOrigin;

impl<O> EnsureOriginWithArg<O, CohortId> for MockTrusteesOrigin
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>> + Clone,
{
	type Success = ();

	fn try_origin(o: O, cohort: &CohortId) -> Result<(), O> {
		let trustees = MockCohorts::get(*cohort).and_then(|c| c.trustees);
		match (o.clone().into(), trustees) {
			(Ok(RawOrigin::Signed(who)), Some(trustees)) if who == trustees => Ok(()),
			(Ok(RawOrigin::Signed(who)), None) if who == treasury(*cohort) => Ok(()),
			_ => Err(o),
		}
	}

	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(cohort: &CohortId) -> Result<O, ()> {
		let trustees = MockCohorts::get(*cohort).and_then(|c| c.trustees);
		Ok(RawOrigin::Signed(trustees.unwrap_or_else(|| treasury(*cohort))).into())
	}
}

/// Builds the origin of a cohort's members: its treasury account, signed.
pub struct MembersActAsTreasury;

impl<O: From<RawOrigin<AccountId>>> Convert<CohortId, O> for MembersActAsTreasury {
	fn convert(cohort: CohortId) -> O {
		RawOrigin::Signed(treasury(cohort)).into()
	}
}
