//! Benchmarks of every call (frame-benchmarking v2; every call is O(1)), what they need from
//! the runtime, and the helper other pallets' benchmarks make members with.

// A benchmark that cannot set up fails loudly: the lints against panics are for runtime code.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing, clippy::panic)]

use super::*;
use crate::Pallet as Membership;
use alloc::vec::Vec;
use codec::Encode;
use cohort_primitives::BenchmarkedCall;
use cohort_primitives::Consent;
use frame_benchmarking::v2::*;
use frame_support::traits::{fungible::Mutate, EnsureOriginWithArg, Get};
use frame_system::{pallet_prelude::BlockNumberFor, RawOrigin};
use sp_core::H256;
use sp_runtime::traits::{Bounded, One, Saturating};

/// What the benchmarks need from the runtime: a cohort, and issuers whose keys can sign.
pub trait BenchmarkHelper<AccountId, Signature> {
	/// A new issuer account whose key [`BenchmarkHelper::sign`] can use.
	fn issuer() -> AccountId;
	/// `issuer`'s signature of `payload`.
	fn sign(issuer: &AccountId, payload: &[u8]) -> Signature;
	/// An active cohort that accepts `issuer`.
	fn cohort_accepting(issuer: &AccountId) -> CohortId;
	/// `cohort` stops accepting `issuer` (without telling this pallet).
	fn drop_issuer(cohort: CohortId, issuer: &AccountId);
	/// `cohort` becomes a data trust; returns its trustees' account.
	fn make_data_trust(cohort: CohortId) -> AccountId;
}

fn funded<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, 0);
	// Small enough that the issuer and `MaxSweptPerBlock` patients fit in the total issuance.
	T::Currency::set_balance(&who, BalanceOf::<T>::max_value() / 1_000_000u32.into());
	who
}

fn expiry<T: Config>() -> BlockNumberFor<T> {
	frame_system::Pallet::<T>::block_number() + T::MaxAttestationPeriod::get()
}

struct Setup<T: Config> {
	cohort: CohortId,
	issuer: T::AccountId,
}

fn setup<T: Config>() -> Setup<T> {
	let issuer = T::BenchmarkHelper::issuer();
	T::Currency::set_balance(&issuer, BalanceOf::<T>::max_value() / 4u32.into());
	let cohort = T::BenchmarkHelper::cohort_accepting(&issuer);
	Setup { cohort, issuer }
}

fn person(n: u32) -> Nullifier {
	// `from_low_u64_be` needs fixed-hash's std-only `byteorder`: the wasm build has none.
	let mut bytes = [0u8; 32];
	bytes[24..].copy_from_slice(&(u64::from(n) + 1).to_be_bytes());
	H256(bytes)
}

/// Fills the queues of `expires_at` and of the blocks before it that `join` tries, but the
/// last: the most reads a join makes to schedule its expiry.
fn crowd_expiry_blocks<T: Config>(expires_at: BlockNumberFor<T>) {
	let mut at = expires_at;
	for _ in 1..EXPIRY_BLOCKS_TRIED {
		ExpiryCount::<T>::insert(at, T::MaxExpiriesPerBlock::get());
		at = at.saturating_sub(One::one());
	}
}

/// The setup's issuer attests on chain that `who` is `person(n)`.
fn attest_onchain<T: Config>(setup: &Setup<T>, who: &T::AccountId, n: u32) {
	Membership::<T>::do_attest(
		setup.issuer.clone(),
		setup.cohort,
		who.clone(),
		person(n),
		expiry::<T>(),
		H256::repeat_byte(1),
	)
	.expect("attests");
}

/// `who` joins through an on-chain attestation by the setup's issuer.
fn member<T: Config>(setup: &Setup<T>, who: &T::AccountId, n: u32) {
	attest_onchain::<T>(setup, who, n);
	Membership::<T>::do_join(who.clone(), setup.cohort, None).expect("joins");
}

/// A credential the setup's issuer signed for `who` as person `n`, with nonce 1.
fn signed_credential<T: Config>(
	setup: &Setup<T>,
	who: &T::AccountId,
	n: u32,
) -> (CredentialOf<T>, T::Signature) {
	let credential = Credential {
		genesis_hash: Membership::<T>::genesis_hash(),
		cohort: setup.cohort,
		subject: who.clone(),
		person: person(n),
		expires_at: expiry::<T>(),
		evidence: H256::repeat_byte(2),
		issuer: setup.issuer.clone(),
		nonce: 1,
		issued_at: frame_system::Pallet::<T>::block_number(),
	};
	// As a browser wallet signs: the dearer check (the payload as it is fails first).
	let payload = wrapped_for_wallets(&(CREDENTIAL_TAG, &credential).encode());
	let signature = T::BenchmarkHelper::sign(&setup.issuer, &payload);
	(credential, signature)
}

/// An active member of `setup`'s cohort with data (one unit), so that every count follows
/// their consent.
fn contributor<T: Config>(setup: &Setup<T>) -> T::AccountId {
	let who = funded::<T>("patient", 0);
	member::<T>(setup, &who, 0);
	Membership::<T>::do_record_contribution(setup.issuer.clone(), setup.cohort, who.clone(), 1)
		.expect("records");
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn attest() {
		let setup = setup::<T>();
		let subject: T::AccountId = account("subject", 0, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_attest(
				setup.cohort,
				subject.clone(),
				person(0),
				expiry::<T>(),
				H256::repeat_byte(1),
			),
			RawOrigin::Signed(setup.issuer.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(Attestations::<T>::contains_key(setup.cohort, &subject));
	}

	#[benchmark]
	fn withdraw_attestation() {
		let setup = setup::<T>();
		let subject: T::AccountId = account("subject", 0, 0);
		Membership::<T>::do_attest(
			setup.issuer.clone(),
			setup.cohort,
			subject.clone(),
			person(0),
			expiry::<T>(),
			H256::repeat_byte(1),
		)
		.expect("attests");

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_withdraw_attestation(setup.cohort, subject.clone()),
			RawOrigin::Signed(setup.issuer.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Attestations::<T>::contains_key(setup.cohort, &subject));
	}

	/// A suspended member with data, consenting to every purpose, is restored by a fresh
	/// signed credential (the dearer of the two ways: its signature is checked): every count
	/// changes.
	#[benchmark]
	fn restore() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);
		Membership::<T>::do_record_contribution(setup.issuer.clone(), setup.cohort, who.clone(), 1)
			.expect("records");
		Membership::<T>::do_set_consent(who.clone(), setup.cohort, Consent::only(&Purpose::ALL))
			.expect("consents");
		Membership::<T>::do_revoke(setup.issuer.clone(), setup.cohort, who.clone())
			.expect("revokes");
		let credential = signed_credential::<T>(&setup, &who, 0);
		crowd_expiry_blocks::<T>(expiry::<T>());

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_join(setup.cohort, Some(credential)),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Stats::<T>::get(setup.cohort).consenting, [1; 4]);
	}

	#[benchmark]
	fn join_with_attestation() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		attest_onchain::<T>(&setup, &who, 0);
		crowd_expiry_blocks::<T>(expiry::<T>());

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_join(setup.cohort, None),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(PersonOf::<T>::contains_key(setup.cohort, &who));
	}

	#[benchmark]
	fn join_with_credential() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		// The worst case: a person who left and returns (record read and rewritten).
		member::<T>(&setup, &who, 0);
		Membership::<T>::do_leave(who.clone(), setup.cohort).expect("leaves");
		let credential = signed_credential::<T>(&setup, &who, 0);
		crowd_expiry_blocks::<T>(expiry::<T>());

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_join(setup.cohort, Some(credential)),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Membership::<T>::active_person_of(setup.cohort, &who), Some(person(0)));
	}

	#[benchmark]
	fn leave() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_leave(setup.cohort),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!PersonOf::<T>::contains_key(setup.cohort, &who));
	}

	#[benchmark]
	fn revoke() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_revoke(setup.cohort, who.clone()),
			RawOrigin::Signed(setup.issuer.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Membership::<T>::active_person_of(setup.cohort, &who), None);
	}

	#[benchmark]
	fn expire() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);
		frame_system::Pallet::<T>::set_block_number(expiry::<T>() + One::one());
		let caller: T::AccountId = account("anyone", 0, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_expire(setup.cohort, who.clone()),
			RawOrigin::Signed(caller),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Membership::<T>::active_person_of(setup.cohort, &who), None);
	}

	/// `n` memberships expire at one block, suspended as it starts.
	#[benchmark]
	fn expire_due(n: Linear<0, { T::MaxExpiriesPerBlock::get() }>) {
		let setup = setup::<T>();
		let members: Vec<_> = (0..n).map(|i| funded::<T>("patient", i)).collect();
		for (i, who) in members.iter().enumerate() {
			member::<T>(&setup, who, i as u32);
		}
		let expires_at = expiry::<T>();
		frame_system::Pallet::<T>::set_block_number(expires_at);

		#[block]
		{
			Membership::<T>::expire_due(expires_at);
		}

		for who in &members {
			assert_eq!(Membership::<T>::active_person_of(setup.cohort, who), None);
		}
	}

	/// `n` memberships of an issuer the cohort dropped, suspended as a block starts.
	#[benchmark]
	fn sweep_withdrawn_issuer(n: Linear<0, { T::MaxSweptPerBlock::get() }>) {
		let setup = setup::<T>();
		let members: Vec<_> = (0..n).map(|i| funded::<T>("patient", i)).collect();
		for (i, who) in members.iter().enumerate() {
			member::<T>(&setup, who, i as u32);
		}
		T::BenchmarkHelper::drop_issuer(setup.cohort, &setup.issuer);
		<Membership<T> as OnIssuerWithdrawn<T::AccountId>>::on_issuer_withdrawn(
			&setup.issuer,
			Some(setup.cohort),
		);

		#[block]
		{
			Membership::<T>::sweep_withdrawn_issuer();
		}

		for who in &members {
			assert_eq!(Membership::<T>::active_person_of(setup.cohort, who), None);
		}
		assert_eq!(Stats::<T>::get(setup.cohort).active, 0);
	}

	#[benchmark]
	fn forget_departed() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);
		Membership::<T>::do_leave(who, setup.cohort).expect("leaves");
		let after = expiry::<T>().saturating_add(One::one());
		frame_system::Pallet::<T>::set_block_number(after);
		let caller: T::AccountId = account("anyone", 0, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_forget_departed(setup.cohort, person(0)),
			RawOrigin::Signed(caller),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!Departed::<T>::contains_key(setup.cohort, person(0)));
	}

	#[benchmark]
	fn rotate() {
		let setup = setup::<T>();
		let lost = funded::<T>("patient", 0);
		member::<T>(&setup, &lost, 0);
		let new = funded::<T>("patient", 1);
		let approval = RotationApproval {
			genesis_hash: Membership::<T>::genesis_hash(),
			cohort: setup.cohort,
			person: person(0),
			from: lost.clone(),
			to: new.clone(),
			nonce: 1,
		};
		let payload = wrapped_for_wallets(&(ROTATION_TAG, &approval).encode());
		let signature = T::BenchmarkHelper::sign(&setup.issuer, &payload);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_rotate(setup.cohort, lost, 1, signature),
			RawOrigin::Signed(new.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(PersonOf::<T>::contains_key(setup.cohort, &new));
	}

	#[benchmark]
	fn rotate_by_cohort() -> Result<(), BenchmarkError> {
		let setup = setup::<T>();
		let lost = funded::<T>("patient", 0);
		member::<T>(&setup, &lost, 0);
		let new = funded::<T>("patient", 1);
		let origin = T::CohortOrigin::try_successful_origin(&setup.cohort)
			.map_err(|_| BenchmarkError::Weightless)?;

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_rotate_by_cohort(setup.cohort, lost.clone(), new),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(PendingRotations::<T>::contains_key(setup.cohort, &lost));
		Ok(())
	}

	#[benchmark]
	fn cancel_rotation() {
		let setup = setup::<T>();
		let lost = funded::<T>("patient", 0);
		member::<T>(&setup, &lost, 0);
		let new = funded::<T>("patient", 1);
		Membership::<T>::do_schedule_rotation(setup.cohort, lost.clone(), new).expect("schedules");

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_cancel_rotation(setup.cohort),
			RawOrigin::Signed(lost.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(!PendingRotations::<T>::contains_key(setup.cohort, &lost));
	}

	#[benchmark]
	fn complete_rotation() {
		let setup = setup::<T>();
		let lost = funded::<T>("patient", 0);
		member::<T>(&setup, &lost, 0);
		let new = funded::<T>("patient", 1);
		Membership::<T>::do_schedule_rotation(setup.cohort, lost.clone(), new.clone())
			.expect("schedules");
		let after =
			frame_system::Pallet::<T>::block_number().saturating_add(T::RotationDelay::get());
		frame_system::Pallet::<T>::set_block_number(after);
		let caller = funded::<T>("caller", 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_complete_rotation(setup.cohort, lost),
			RawOrigin::Signed(caller),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert!(PersonOf::<T>::contains_key(setup.cohort, &new));
	}

	/// The heaviest case: a member with data takes their consent back from the trustees, to
	/// every purpose (both followers' notifications, every count changes).
	#[benchmark]
	fn set_consent() {
		let setup = setup::<T>();
		let who = contributor::<T>(&setup);
		T::BenchmarkHelper::make_data_trust(setup.cohort);
		Membership::<T>::do_delegate_consent(who.clone(), setup.cohort).expect("delegates");
		let all = Consent::only(&Purpose::ALL);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_set_consent(setup.cohort, all),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Stats::<T>::get(setup.cohort).consenting, [1; 4]);
	}

	/// A member with data who consents to every purpose leaves it to the trustees.
	#[benchmark]
	fn delegate_consent() {
		let setup = setup::<T>();
		let who = contributor::<T>(&setup);
		Membership::<T>::do_set_consent(who.clone(), setup.cohort, Consent::only(&Purpose::ALL))
			.expect("consents");
		T::BenchmarkHelper::make_data_trust(setup.cohort);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_delegate_consent(setup.cohort),
			RawOrigin::Signed(who.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Stats::<T>::get(setup.cohort).delegating, 1);
	}

	/// The trustees consent to every purpose at once, for a member with data who follows them
	/// (every pool changes).
	#[benchmark]
	fn set_trustee_consent() -> Result<(), BenchmarkError> {
		let setup = setup::<T>();
		let who = contributor::<T>(&setup);
		T::BenchmarkHelper::make_data_trust(setup.cohort);
		Membership::<T>::do_delegate_consent(who, setup.cohort).expect("delegates");
		let origin = T::TrusteeConsentOrigin::try_successful_origin(&setup.cohort)
			.map_err(|_| BenchmarkError::Weightless)?;
		let all = Consent::only(&Purpose::ALL);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_set_trustee_consent(setup.cohort, all),
			origin as T::RuntimeOrigin,
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(TrusteeConsent::<T>::get(setup.cohort), all);
		Ok(())
	}

	#[benchmark]
	fn record_contribution() {
		let setup = setup::<T>();
		let who = funded::<T>("patient", 0);
		member::<T>(&setup, &who, 0);

		let call = BenchmarkedCall::new(
			Call::<T>::new_call_variant_record_contribution(setup.cohort, who.clone(), 10),
			RawOrigin::Signed(setup.issuer.clone()),
		);
		let reported;
		#[block]
		{
			reported = call.dispatch();
		}
		reported.assert_within_declared();

		assert_eq!(Memberships::<T>::get(setup.cohort, person(0)).map(|m| m.units), Some(10));
	}

	impl_benchmark_test_suite!(Membership, crate::mock::new_test_ext(), crate::mock::Test);
}
