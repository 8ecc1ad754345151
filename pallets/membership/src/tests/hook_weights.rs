//! Each call's weight includes what its followers (voting, royalties) say following it weighs.

use crate::{mock::*, *};
use cohort_primitives::MembershipChange;
use frame_support::dispatch::GetDispatchInfo;

#[test]
fn call_weights_include_the_followers_weights() {
	ExtBuilder::default().build_and_execute(|| {
		type W = ();
		let weight_of = |call: Call<Test>| call.get_dispatch_info().call_weight;
		let cases = [
			(
				weight_of(Call::join { cohort: COHORT, credential: None }),
				W::join_with_credential()
					.max(W::join_with_attestation())
					.max(W::restore())
					.saturating_add(hook_weight(MembershipChange::Joined))
					.saturating_add(hook_weight(MembershipChange::Restored)),
			),
			(
				weight_of(Call::leave { cohort: COHORT }),
				W::leave().saturating_add(hook_weight(MembershipChange::Left)),
			),
			(
				weight_of(Call::revoke { cohort: COHORT, member: ALICE }),
				W::revoke().saturating_add(hook_weight(MembershipChange::Suspended)),
			),
			(
				weight_of(Call::expire { cohort: COHORT, member: ALICE }),
				W::expire().saturating_add(hook_weight(MembershipChange::Suspended)),
			),
			(
				// Scheduling tells no follower.
				weight_of(Call::rotate_by_cohort { cohort: COHORT, lost: ALICE, new: BOB }),
				W::rotate_by_cohort(),
			),
			(
				weight_of(Call::complete_rotation { cohort: COHORT, lost: ALICE }),
				W::complete_rotation()
					.saturating_add(hook_weight(MembershipChange::RotatedByCohort))
					.saturating_add(hook_weight(MembershipChange::Rotated)),
			),
			(
				weight_of(Call::suspend { cohort: COHORT, member: ALICE }),
				W::revoke().saturating_add(hook_weight(MembershipChange::Suspended)),
			),
			(
				weight_of(Call::correct_units { cohort: COHORT, member: ALICE, units: 0 }),
				W::record_contribution()
					.saturating_add(hook_weight(MembershipChange::UnitsChanged)),
			),
			(
				// Taking consent back from the trustees tells both changes.
				weight_of(Call::set_consent { cohort: COHORT, consent: Consent::NONE }),
				W::set_consent()
					.saturating_add(hook_weight(MembershipChange::DelegationChanged))
					.saturating_add(hook_weight(MembershipChange::ConsentChanged)),
			),
			(
				// Delegating drops the member's own consent first.
				weight_of(Call::delegate_consent { cohort: COHORT }),
				W::delegate_consent()
					.saturating_add(hook_weight(MembershipChange::ConsentChanged))
					.saturating_add(hook_weight(MembershipChange::DelegationChanged)),
			),
			(
				weight_of(Call::set_trustee_consent { cohort: COHORT, consent: Consent::NONE }),
				W::set_trustee_consent()
					.saturating_add(hook_weight(MembershipChange::TrusteeConsentChanged)),
			),
			(
				weight_of(Call::record_contribution { cohort: COHORT, member: ALICE, units: 1 }),
				W::record_contribution()
					.saturating_add(hook_weight(MembershipChange::UnitsChanged)),
			),
		];
		for (declared, expected) in cases {
			assert_eq!(declared, expected);
		}
	});
}

/// Audit finding 10: `join` declared its followers' weight but reported after dispatch only its
/// own, so a join was charged less than it used.
#[test]
fn join_reports_its_followers_weight_after_dispatch() {
	ExtBuilder::default().build_and_execute(|| {
		type W = ();
		attest(ALICE, 1);
		let joined = Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None).unwrap();
		assert_eq!(
			joined.actual_weight,
			Some(W::join_with_attestation().saturating_add(hook_weight(MembershipChange::Joined)))
		);
		frame_support::assert_ok!(Membership::revoke(RuntimeOrigin::signed(CLINIC), COHORT, ALICE));
		attest(ALICE, 1);
		let restored = Membership::join(RuntimeOrigin::signed(ALICE), COHORT, None).unwrap();
		assert_eq!(
			restored.actual_weight,
			Some(W::restore().saturating_add(hook_weight(MembershipChange::Restored)))
		);
	});
}
