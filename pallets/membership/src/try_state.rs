//! The invariants this pallet owns, checked by `try-runtime` and after every test.

use crate::*;
use alloc::collections::btree_map::BTreeMap;
use cohort_primitives::FollowedMember;
use frame_support::{
	ensure,
	traits::{fungible::InspectHold, Get},
};
use frame_system::pallet_prelude::BlockNumberFor;
use sp_runtime::{traits::Saturating, TryRuntimeError};

impl<T: Config> Pallet<T> {
	/// The invariants this pallet owns:
	///
	/// 1. every `PersonOf` entry points at a membership of the same cohort whose account it
	///    is, and which has not been left, with that membership's standing (status, issuer,
	///    expiry) which other pallets check in its place;
	/// 2. every membership not left is found again through `PersonOf` from its account — so
	///    there is at most one membership per (cohort, account) and per (cohort, person);
	/// 3. a person who left keeps no membership record (no account, issuer or evidence), only
	///    a `Departed` one;
	/// 4. `Stats` equal the counts of active and suspended memberships, and of active ones
	///    with units consenting to each purpose themselves or following the trustees; a member
	///    who follows the trustees has no consent of their own, and every follower agrees
	///    with each cohort's `TrusteeConsent`;
	/// 5. the membership deposits held on each account equal the deposits of its
	///    memberships; the attestation deposits held on each issuer equal those of its
	///    waiting attestations;
	/// 6. every follower (royalties in the runtime) agrees with each membership
	///    ([`OnMembershipChange::check_follows`]);
	/// 7. every pending rotation moves a current membership to an account that holds none;
	/// 8. every active membership has not expired and is queued at its expiry block, the
	///    queue holds nothing else, and `ExpiryCount` counts it (at most
	///    `MaxExpiriesPerBlock` per block);
	/// 9. every active membership is filed under its issuer in `ActiveByIssuer`, which holds
	///    nothing else: a withdrawn issuer's sweep finds every membership it attested.
	pub fn do_try_state() -> Result<(), TryRuntimeError> {
		Self::check_person_index()?;
		Self::check_pending_rotations()?;
		Self::check_expiry_queue()?;
		Self::check_issuer_index()?;
		Self::check_memberships()?;
		Self::check_attestation_deposits()
	}

	/// Invariant 1.
	fn check_person_index() -> Result<(), TryRuntimeError> {
		for (cohort, account, entry) in PersonOf::<T>::iter() {
			let record = Memberships::<T>::get(cohort, entry.person)
				.ok_or("PersonOf points at no membership")?;
			ensure!(record.account == account, "PersonOf points at another account");
			ensure!(record.status != MemberStatus::Left, "PersonOf points at a left membership");
			ensure!(
				entry == record.account_entry(entry.person),
				"PersonOf's standing differs from the membership's"
			);
		}
		Ok(())
	}

	/// Invariant 7.
	fn check_pending_rotations() -> Result<(), TryRuntimeError> {
		for (cohort, lost, pending) in PendingRotations::<T>::iter() {
			ensure!(
				PersonOf::<T>::contains_key(cohort, &lost),
				"a rotation of no membership waits"
			);
			ensure!(pending.new != lost, "a rotation onto the same account waits");
		}
		Ok(())
	}

	/// Invariants 2 to 4, and 5 for memberships.
	fn check_memberships() -> Result<(), TryRuntimeError> {
		let mut counted: BTreeMap<CohortId, CohortStats> = BTreeMap::new();
		let mut member_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (cohort, person, record) in Memberships::<T>::iter() {
			let followed = FollowedMember {
				account: Some(record.account.clone()),
				status: record.status,
				consent: record.consent,
				delegated: record.delegated,
				units: record.units,
			};
			T::OnMembershipChange::check_follows(cohort, &person, &followed)?;
			ensure!(record.status != MemberStatus::Left, "a left membership is kept whole");
			ensure!(
				!record.delegated || record.consent == Consent::NONE,
				"a member who follows the trustees has a consent of their own"
			);
			ensure!(
				!Departed::<T>::contains_key(cohort, person),
				"a member is also recorded as departed"
			);
			counted
				.entry(cohort)
				.or_default()
				.add(record.status, record.counted_consent())
				.map_err(|_| "a member count overflows")?;
			ensure!(
				PersonOf::<T>::get(cohort, &record.account).map(|entry| entry.person)
					== Some(person),
				"a membership is not reachable from its account"
			);
			let total = member_deposits.entry(record.account.clone()).or_default();
			*total = total.saturating_add(record.deposit);
		}
		for (cohort, person, departed) in Departed::<T>::iter() {
			let followed = FollowedMember {
				account: None,
				status: MemberStatus::Left,
				consent: Consent::NONE,
				delegated: false,
				units: departed.units,
			};
			T::OnMembershipChange::check_follows(cohort, &person, &followed)?;
		}
		for (cohort, consent) in TrusteeConsent::<T>::iter() {
			T::OnMembershipChange::check_trustee_consent_follows(cohort, consent)?;
		}
		for (cohort, stats) in Stats::<T>::iter() {
			let expected = counted.remove(&cohort).unwrap_or_default();
			ensure!(stats == expected, "member counts differ from the memberships");
		}
		for (_, leftover) in counted {
			ensure!(leftover == CohortStats::default(), "a cohort's members are not counted");
		}
		for (account, total) in member_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Membership.into(), &account) == total,
				"held membership deposits differ from the memberships'"
			);
		}
		Ok(())
	}

	/// Invariant 8.
	fn check_expiry_queue() -> Result<(), TryRuntimeError> {
		let now = Self::now();
		let mut queued: BTreeMap<BlockNumberFor<T>, u32> = BTreeMap::new();
		for (at, (cohort, person), ()) in Expiries::<T>::iter() {
			let record = Memberships::<T>::get(cohort, person)
				.ok_or("the expiry queue holds no membership")?;
			ensure!(
				record.status == MemberStatus::Active,
				"the expiry queue holds an inactive one"
			);
			ensure!(record.expires_at == at, "a membership is queued at another block");
			let count = queued.entry(at).or_default();
			*count = count.saturating_add(1);
		}
		let mut active_queued = 0u32;
		for (at, count) in ExpiryCount::<T>::iter() {
			ensure!(queued.remove(&at) == Some(count), "ExpiryCount differs from the queue");
			ensure!(count <= T::MaxExpiriesPerBlock::get(), "a block has too many expiries");
			active_queued = active_queued.saturating_add(count);
		}
		ensure!(queued.is_empty(), "queued expiries are not counted");
		let mut active = 0u32;
		for (_, _, record) in Memberships::<T>::iter() {
			if record.status == MemberStatus::Active {
				ensure!(record.expires_at > now, "an active membership has expired");
				active = active.saturating_add(1);
			}
		}
		ensure!(active == active_queued, "an active membership is not queued to expire");
		Ok(())
	}

	/// Invariant 9.
	fn check_issuer_index() -> Result<(), TryRuntimeError> {
		let mut filed = 0u32;
		for ((issuer, cohort, person), ()) in ActiveByIssuer::<T>::iter() {
			let record = Memberships::<T>::get(cohort, person)
				.ok_or("ActiveByIssuer holds no membership")?;
			ensure!(record.status == MemberStatus::Active, "ActiveByIssuer holds an inactive one");
			ensure!(record.issuer == issuer, "a membership is filed under another issuer");
			filed = filed.saturating_add(1);
		}
		let active = Memberships::<T>::iter_values()
			.filter(|record| record.status == MemberStatus::Active)
			.count() as u32;
		ensure!(filed == active, "an active membership is not filed under its issuer");
		Ok(())
	}

	/// Invariant 5 for attestations.
	fn check_attestation_deposits() -> Result<(), TryRuntimeError> {
		let mut attestation_deposits: BTreeMap<T::AccountId, BalanceOf<T>> = BTreeMap::new();
		for (_, _, attestation) in Attestations::<T>::iter() {
			let total = attestation_deposits.entry(attestation.issuer.clone()).or_default();
			*total = total.saturating_add(attestation.deposit);
		}
		for (issuer, total) in attestation_deposits {
			ensure!(
				T::Currency::balance_on_hold(&HoldReason::Attestation.into(), &issuer) == total,
				"held attestation deposits differ from the attestations'"
			);
		}
		Ok(())
	}
}
