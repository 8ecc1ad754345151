//! Joining with an issuer-signed credential: forged, replayed, expired, wrong-cohort,
//! wrong-chain and wrong-subject credentials are refused.

use crate::{mock::*, *};
use codec::Encode;
use frame_support::{assert_noop, assert_ok, traits::fungible::InspectHold};
use sp_core::H256;
use sp_runtime::testing::TestSignature;

fn join_with(
	who: AccountId,
	credential: CredentialOf<Test>,
	signer: AccountId,
) -> sp_runtime::DispatchResultWithInfo<frame_support::dispatch::PostDispatchInfo> {
	let signature = sign(signer, &credential);
	Membership::join(RuntimeOrigin::signed(who), credential.cohort, Some((credential, signature)))
}

#[test]
fn a_patient_joins_with_a_signed_credential() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(join_with(BOB, credential(CLINIC, BOB, 2, 1), CLINIC));
		let record = Memberships::<Test>::get(COHORT, person(2)).expect("stored");
		assert_eq!(record.account, BOB);
		assert_eq!(record.status, MemberStatus::Active);
		assert_eq!(record.nonce, 1);
		assert_eq!(record.issuer, CLINIC);
		assert_eq!(PersonOf::<Test>::get(COHORT, BOB).map(|entry| entry.person), Some(person(2)));
		assert_eq!(
			Balances::balance_on_hold(&HoldReason::Membership.into(), &BOB),
			MEMBERSHIP_DEPOSIT
		);
		// No on-chain attestation and no issuer deposit were involved.
		assert_eq!(Balances::balance_on_hold(&HoldReason::Attestation.into(), &CLINIC), 0);
		assert_eq!(
			last_event(),
			Event::Joined { cohort: COHORT, account: BOB, person: person(2), issuer: CLINIC }
				.into()
		);
	});
}

#[test]
fn a_forged_credential_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Signed by someone else than the issuer it names.
		assert_noop!(
			join_with(BOB, credential(CLINIC, BOB, 2, 1), ROGUE),
			Error::<Test>::BadSignature
		);
		// Signed by the issuer, then altered.
		let signed = credential(CLINIC, BOB, 2, 1);
		let signature = sign(CLINIC, &signed);
		let altered = Credential { expires_at: signed.expires_at + 500, ..signed };
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((altered, signature))),
			Error::<Test>::BadSignature
		);
		// Signed without the domain tag.
		let signed = credential(CLINIC, BOB, 2, 1);
		let untagged = sp_runtime::testing::TestSignature(CLINIC, codec::Encode::encode(&signed));
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((signed, untagged))),
			Error::<Test>::BadSignature
		);
	});
}

#[test]
fn a_credential_signed_by_a_browser_wallet_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		// `signRaw` in polkadot{.js}, Talisman and SubWallet signs `<Bytes>payload</Bytes>`.
		let signed = credential(CLINIC, BOB, 2, 1);
		let payload = (CREDENTIAL_TAG, &signed).encode();
		let by_wallet = TestSignature(CLINIC, wrapped_for_wallets(&payload));
		assert_ok!(Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((signed, by_wallet))));
		assert_eq!(Memberships::<Test>::get(COHORT, person(2)).map(|r| r.account), Some(BOB));
	});
}

#[test]
fn only_the_wallets_own_wrapping_is_accepted() {
	ExtBuilder::default().build_and_execute(|| {
		let signed = credential(CLINIC, BOB, 2, 1);
		let payload = (CREDENTIAL_TAG, &signed).encode();
		for wrapped in [
			[b"<Bytes>".as_slice(), &payload].concat(),
			[b"<bytes>".as_slice(), &payload, b"</bytes>"].concat(),
			wrapped_for_wallets(&wrapped_for_wallets(&payload)),
		] {
			assert_noop!(
				Membership::join(
					RuntimeOrigin::signed(BOB),
					COHORT,
					Some((signed.clone(), TestSignature(CLINIC, wrapped)))
				),
				Error::<Test>::BadSignature
			);
		}
	});
}

#[test]
fn a_credential_from_an_issuer_the_cohort_does_not_accept_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		assert_noop!(
			join_with(BOB, credential(ROGUE, BOB, 2, 1), ROGUE),
			Error::<Test>::IssuerNotAccepted
		);
		assert_noop!(
			join_with(BOB, credential(LAB, BOB, 2, 1), LAB),
			Error::<Test>::IssuerNotAccepted
		);
	});
}

#[test]
fn a_replayed_credential_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let used = credential(CLINIC, BOB, 2, 1);
		assert_ok!(join_with(BOB, used.clone(), CLINIC));
		// While a member: the nonce is spent already.
		assert_noop!(join_with(BOB, used.clone(), CLINIC), Error::<Test>::NonceUsed);
		// A fresh credential does not seat the account twice either.
		assert_noop!(
			join_with(BOB, credential(CLINIC, BOB, 2, 5), CLINIC),
			Error::<Test>::AlreadyMember
		);
		// After leaving: the nonce is spent.
		assert_ok!(Membership::leave(RuntimeOrigin::signed(BOB), COHORT));
		assert_noop!(join_with(BOB, used, CLINIC), Error::<Test>::NonceUsed);
		// A fresh credential (higher nonce) lets the person back in.
		assert_ok!(join_with(BOB, credential(CLINIC, BOB, 2, 2), CLINIC));
	});
}

#[test]
fn an_expired_credential_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let stale = credential(CLINIC, BOB, 2, 1);
		System::set_block_number(stale.expires_at);
		assert_noop!(join_with(BOB, stale, CLINIC), Error::<Test>::Expired);
	});
}

#[test]
fn a_credential_for_another_cohort_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let for_other = Credential { cohort: OTHER_COHORT, ..credential(CLINIC, BOB, 2, 1) };
		let signature = sign(CLINIC, &for_other);
		assert_noop!(
			Membership::join(RuntimeOrigin::signed(BOB), COHORT, Some((for_other, signature))),
			Error::<Test>::WrongCohort
		);
	});
}

#[test]
fn a_credential_for_another_chain_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		let elsewhere =
			Credential { genesis_hash: H256::repeat_byte(7), ..credential(CLINIC, BOB, 2, 1) };
		assert_noop!(join_with(BOB, elsewhere, CLINIC), Error::<Test>::WrongChain);
	});
}

#[test]
fn a_credential_for_another_account_is_refused() {
	ExtBuilder::default().build_and_execute(|| {
		// Carol got hold of Bob's credential.
		assert_noop!(
			join_with(CAROL, credential(CLINIC, BOB, 2, 1), CLINIC),
			Error::<Test>::WrongSubject
		);
	});
}

#[test]
fn a_credential_cannot_seat_a_second_account_of_one_person() {
	ExtBuilder::default().build_and_execute(|| {
		assert_ok!(join_with(BOB, credential(CLINIC, BOB, 2, 1), CLINIC));
		assert_noop!(
			join_with(CAROL, credential(CLINIC, CAROL, 2, 2), CLINIC),
			Error::<Test>::PersonAlreadyMember
		);
	});
}
