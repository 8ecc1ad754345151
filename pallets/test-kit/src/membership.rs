//! A membership registry for the pallets that follow membership (voting, royalties) or ask
//! about it (licensing): the tests change it through [`Members`], which tells the follower as
//! pallet-cohort-membership does in the runtime.

use crate::AccountId;
use cohort_primitives::{
	CohortId, Consent, MembershipInspect, Nullifier, OnMembershipChange, Purpose,
};
use core::{cell::RefCell, marker::PhantomData};
use frame_support::assert_ok;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Copy)]
struct MockMember {
	person: Nullifier,
	active: bool,
	units: u64,
	consent: Consent,
	/// Follows the trustees' consent (its own is then none).
	delegated: bool,
}

thread_local! {
	static MEMBERS: RefCell<BTreeMap<(CohortId, AccountId), MockMember>> = const { RefCell::new(BTreeMap::new()) };
	/// Consent counts the tests set outright, for pallets that only count.
	static CONSENTING: RefCell<BTreeMap<(CohortId, Purpose), u32>> = const { RefCell::new(BTreeMap::new()) };
	/// Cohorts whose withdrawn issuer's memberships are still being suspended.
	static SWEEPING: RefCell<BTreeSet<CohortId>> = const { RefCell::new(BTreeSet::new()) };
	/// Each data trust's trustee consent.
	static TRUSTEE_CONSENT: RefCell<BTreeMap<CohortId, Consent>> = const { RefCell::new(BTreeMap::new()) };
}

/// The registry, as the pallet under test sees it.
pub struct MockMembership;

impl MockMembership {
	/// `who` is an active member of `cohort` as `person`, with no units and no consent; nobody
	/// is told (benchmarks tell the pallet themselves).
	pub fn insert(cohort: CohortId, who: AccountId, person: Nullifier) {
		let member =
			MockMember { person, active: true, units: 0, consent: Consent::NONE, delegated: false };
		MEMBERS.with(|m| m.borrow_mut().insert((cohort, who), member));
	}

	/// From now on `members` of `cohort` consent to `purpose`, whoever is in the registry.
	pub fn set_consenting(cohort: CohortId, purpose: Purpose, members: u32) {
		CONSENTING.with(|c| c.borrow_mut().insert((cohort, purpose), members));
	}

	/// The person behind `who` in `cohort`, who must be a member.
	pub fn person_of(cohort: CohortId, who: AccountId) -> Nullifier {
		Self::member(cohort, who).person
	}

	/// Whether `cohort` is sweeping out a withdrawn issuer's memberships.
	pub fn set_sweeping(cohort: CohortId, sweeping: bool) {
		SWEEPING.with(|s| {
			let mut cohorts = s.borrow_mut();
			if sweeping {
				cohorts.insert(cohort);
			} else {
				cohorts.remove(&cohort);
			}
		});
	}

	pub(crate) fn clear() {
		MEMBERS.with(|m| m.borrow_mut().clear());
		CONSENTING.with(|c| c.borrow_mut().clear());
		SWEEPING.with(|s| s.borrow_mut().clear());
		TRUSTEE_CONSENT.with(|t| t.borrow_mut().clear());
	}

	fn trustee_consent(cohort: CohortId) -> Consent {
		TRUSTEE_CONSENT.with(|t| t.borrow().get(&cohort).copied().unwrap_or_default())
	}

	fn member(cohort: CohortId, who: AccountId) -> MockMember {
		MEMBERS.with(|m| *m.borrow().get(&(cohort, who)).expect("a mock member"))
	}

	/// Changes the member `who`, returning the record before and after.
	fn change(
		cohort: CohortId,
		who: AccountId,
		f: impl FnOnce(&mut MockMember),
	) -> (MockMember, MockMember) {
		MEMBERS.with(|m| {
			let mut members = m.borrow_mut();
			let member = members.get_mut(&(cohort, who)).expect("a mock member");
			let old = *member;
			f(member);
			(old, *member)
		})
	}

	fn count(filter: impl Fn(CohortId, &MockMember) -> bool) -> u32 {
		MEMBERS.with(|m| m.borrow().iter().filter(|((c, _), m)| filter(*c, m)).count() as u32)
	}
}

impl MembershipInspect<AccountId> for MockMembership {
	fn active_person(cohort: CohortId, account: &AccountId) -> Option<Nullifier> {
		MEMBERS.with(|m| m.borrow().get(&(cohort, *account)).filter(|m| m.active).map(|m| m.person))
	}
	fn active_members(cohort: CohortId) -> u32 {
		Self::count(|c, m| c == cohort && m.active)
	}
	fn consenting_members(cohort: CohortId, purpose: Purpose) -> u32 {
		CONSENTING
			.with(|c| c.borrow().get(&(cohort, purpose)).copied())
			.unwrap_or_else(|| {
				let trustees = Self::trustee_consent(cohort);
				Self::count(|c, m| {
					let consent = if m.delegated { trustees } else { m.consent };
					c == cohort && m.active && consent.allows(purpose)
				})
			})
	}
	fn sweeping(cohort: CohortId) -> bool {
		SWEEPING.with(|s| s.borrow().contains(&cohort))
	}
}

/// Membership changes made in the registry and told to `Follower`, each asserted to succeed.
pub struct Members<Follower>(PhantomData<Follower>);

impl<Follower: OnMembershipChange<AccountId>> Members<Follower> {
	/// `who` joins `cohort` as `person` with `units`, consenting to nothing yet.
	pub fn join(cohort: CohortId, who: AccountId, person: Nullifier, units: u64) {
		MockMembership::insert(cohort, who, person);
		MockMembership::change(cohort, who, |m| m.units = units);
		assert_ok!(Follower::on_joined(cohort, &person, &who, units));
	}

	/// `who` now consents to exactly `purposes`.
	pub fn consent(cohort: CohortId, who: AccountId, purposes: &[Purpose]) {
		let (old, new) =
			MockMembership::change(cohort, who, |m| m.consent = Consent::only(purposes));
		assert_ok!(Follower::on_consent_changed(cohort, &new.person, old.consent, new.consent));
	}

	/// `who` leaves their consent to the trustees (their own drops to none first).
	pub fn delegate(cohort: CohortId, who: AccountId) {
		let (old, new) = MockMembership::change(cohort, who, |m| {
			m.consent = Consent::NONE;
			m.delegated = true;
		});
		if old.consent != Consent::NONE {
			assert_ok!(Follower::on_consent_changed(cohort, &new.person, old.consent, new.consent));
		}
		assert_ok!(Follower::on_delegation_changed(cohort, &new.person, true));
	}

	/// `who` takes their consent back from the trustees, consenting to exactly `purposes`.
	pub fn take_back(cohort: CohortId, who: AccountId, purposes: &[Purpose]) {
		let (_, new) = MockMembership::change(cohort, who, |m| {
			m.consent = Consent::only(purposes);
			m.delegated = false;
		});
		assert_ok!(Follower::on_delegation_changed(cohort, &new.person, false));
		if new.consent != Consent::NONE {
			assert_ok!(Follower::on_consent_changed(
				cohort,
				&new.person,
				Consent::NONE,
				new.consent
			));
		}
	}

	/// `cohort`'s trustees consent to exactly `purposes` for everyone who follows them.
	pub fn trustees_consent(cohort: CohortId, purposes: &[Purpose]) {
		let new = Consent::only(purposes);
		let old = TRUSTEE_CONSENT.with(|t| t.borrow_mut().insert(cohort, new)).unwrap_or_default();
		assert_ok!(Follower::on_trustee_consent_changed(cohort, old, new));
	}

	/// An issuer records `more` units for `who`.
	pub fn contribute(cohort: CohortId, who: AccountId, more: u64) {
		let (old, new) = MockMembership::change(cohort, who, |m| m.units += more);
		assert_ok!(Follower::on_units_changed(cohort, &new.person, old.units, new.units));
	}

	/// `who` is suspended (revoked or expired).
	pub fn suspend(cohort: CohortId, who: AccountId) {
		let (_, member) = MockMembership::change(cohort, who, |m| m.active = false);
		assert_ok!(Follower::on_suspended(cohort, &member.person));
	}

	pub fn restore(cohort: CohortId, who: AccountId) {
		let (_, member) = MockMembership::change(cohort, who, |m| m.active = true);
		assert_ok!(Follower::on_restored(cohort, &member.person));
	}

	pub fn leave(cohort: CohortId, who: AccountId) {
		let person = MockMembership::person_of(cohort, who);
		MEMBERS.with(|m| m.borrow_mut().remove(&(cohort, who)));
		assert_ok!(Follower::on_left(cohort, &person));
	}

	/// The person behind `old` moves to `new` (key recovery).
	pub fn rotate(cohort: CohortId, old: AccountId, new: AccountId) {
		let member =
			MEMBERS.with(|m| m.borrow_mut().remove(&(cohort, old)).expect("a mock member"));
		MEMBERS.with(|m| m.borrow_mut().insert((cohort, new), member));
		assert_ok!(Follower::on_rotated(cohort, &member.person, &old, &new));
	}
}
