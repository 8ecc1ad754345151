//! How steps are generated (proptest strategies): weighted toward Cohort's calls, toward the
//! people who would send them, and toward the blocks where things change.

use crate::{actions::*, chain::Tampering};
use proptest::{
	collection::vec,
	prelude::*,
	strategy::{BoxedStrategy, Union},
};

/// Sequences of up to `max_steps` steps.
pub fn steps(max_steps: usize) -> impl Strategy<Value = Vec<Step>> {
	vec(step(), 1..=max_steps)
}

/// One step.
pub fn step() -> impl Strategy<Value = Step> {
	(wait(), prop::bool::weighted(0.8), any::<u8>(), tampering(), action()).prop_map(
		|(wait, natural_signer, who, tampering, action)| Step {
			wait,
			natural_signer,
			who,
			tampering,
			action,
		},
	)
}

fn wait() -> impl Strategy<Value = Wait> {
	let edge = prop_oneof![
		3 => any::<u8>().prop_map(Edge::VotingEnds),
		1 => Just(Edge::EpochTurns),
		1 => any::<u8>().prop_map(Edge::ReviewEnds),
		2 => any::<u8>().prop_map(Edge::GrantExpires),
		1 => any::<u8>().prop_map(Edge::RotationReady),
		1 => Just(Edge::AttestationExpires),
	];
	prop_oneof![
		12 => Just(Wait::None),
		6 => (1u8..=3).prop_map(Wait::Blocks),
		2 => (edge, -1i8..=1).prop_map(|(edge, offset)| Wait::Edge(edge, offset)),
	]
}

fn tampering() -> impl Strategy<Value = Tampering> {
	prop_oneof![
		60 => Just(Tampering::None),
		1 => Just(Tampering::ForgedSignature),
		1 => Just(Tampering::StaleNonce),
		1 => Just(Tampering::FutureNonce),
	]
}

fn route() -> impl Strategy<Value = Route> {
	prop_oneof![
		3 => Just(Route::Signed),
		2 => Just(Route::Members),
		2 => Just(Route::MembersPass),
		1 => Just(Route::Council),
	]
}

/// Weighted arms: `(weight, strategy)`.
fn weighted<T: std::fmt::Debug + Clone + 'static>(
	arms: Vec<(u32, BoxedStrategy<T>)>,
) -> BoxedStrategy<T> {
	Union::new_weighted(arms).boxed()
}

fn u8s2() -> impl Strategy<Value = (u8, u8)> {
	(any::<u8>(), any::<u8>())
}

fn u8s3() -> impl Strategy<Value = (u8, u8, u8)> {
	(any::<u8>(), any::<u8>(), any::<u8>())
}

fn decision() -> BoxedStrategy<Decision> {
	use Decision::*;
	let byte = || any::<u8>();
	weighted(vec![
		(1, byte().prop_map(|issuer| ApproveIssuer { issuer }).boxed()),
		(1, byte().prop_map(|issuer| RemoveIssuer { issuer }).boxed()),
		(
			1,
			u8s2()
				.prop_map(|(cohort, governance)| UpdateCohort { cohort, governance })
				.boxed(),
		),
		(1, u8s2().prop_map(|(cohort, issuer)| AcceptIssuer { cohort, issuer }).boxed()),
		(1, u8s2().prop_map(|(cohort, issuer)| DropIssuer { cohort, issuer }).boxed()),
		(
			2,
			u8s3()
				.prop_map(|(cohort, beneficiary, amount)| Spend { cohort, beneficiary, amount })
				.boxed(),
		),
		(1, byte().prop_map(|cohort| Freeze { cohort }).boxed()),
		(1, byte().prop_map(|cohort| Unfreeze { cohort }).boxed()),
		(1, byte().prop_map(|percent| SetPlatformShare { percent }).boxed()),
		(1, byte().prop_map(|percent| SetMembersShareFloor { percent }).boxed()),
		(
			1,
			u8s3()
				.prop_map(|(cohort, members, operator)| SetRevenueSplit {
					cohort,
					members,
					operator,
				})
				.boxed(),
		),
		(
			1,
			u8s3()
				.prop_map(|(cohort, lost, new)| RotateByCohort { cohort, lost, new })
				.boxed(),
		),
		(
			1,
			u8s2()
				.prop_map(|(cohort, purposes)| SetTrusteeConsent { cohort, purposes })
				.boxed(),
		),
		(1, byte().prop_map(|proposal| CancelProposal { proposal }).boxed()),
		(1, u8s2().prop_map(|(cohort, member)| Suspend { cohort, member }).boxed()),
		(
			1,
			u8s3()
				.prop_map(|(cohort, member, units)| CorrectUnits { cohort, member, units })
				.boxed(),
		),
		(2, u8s2().prop_map(|(cohort, records)| RegisterDataset { cohort, records }).boxed()),
		(
			1,
			u8s2()
				.prop_map(|(dataset, records)| PublishVersion { dataset, records })
				.boxed(),
		),
		(1, byte().prop_map(|dataset| RetireDataset { dataset }).boxed()),
		(1, byte().prop_map(|dataset| RemoveDataset { dataset }).boxed()),
		(
			3,
			(byte(), byte(), byte(), byte())
				.prop_map(|(dataset, purpose, price, duration)| PublishOffer {
					dataset,
					purpose,
					price,
					duration,
				})
				.boxed(),
		),
		(1, byte().prop_map(|offer| WithdrawOffer { offer }).boxed()),
		(5, byte().prop_map(|request| Approve { request }).boxed()),
		(2, byte().prop_map(|request| Reject { request }).boxed()),
		(2, byte().prop_map(|request| Sponsor { request }).boxed()),
		(1, byte().prop_map(|grant| RevokeGrant { grant }).boxed()),
		(1, byte().prop_map(|cohort| PublishInsight { cohort }).boxed()),
		(1, u8s2().prop_map(|(cohort, insight)| RemoveInsight { cohort, insight }).boxed()),
	])
}

/// One action, weighted toward what patients, clinics and licensees do most.
pub fn action() -> BoxedStrategy<Action> {
	use Action::*;
	let byte = || any::<u8>();
	weighted(vec![
		(
			12,
			(route(), decision())
				.prop_map(|(route, decision)| Decide { route, decision })
				.boxed(),
		),
		(
			4,
			(byte(), byte(), byte(), byte())
				.prop_map(|(cohort, subject, person, lifetime)| Attest {
					cohort,
					subject,
					person,
					lifetime,
				})
				.boxed(),
		),
		(
			1,
			u8s2()
				.prop_map(|(cohort, subject)| WithdrawAttestation { cohort, subject })
				.boxed(),
		),
		(4, byte().prop_map(|cohort| Join { cohort }).boxed()),
		(
			2,
			u8s3()
				.prop_map(|(cohort, person, lifetime)| JoinWithCredential {
					cohort,
					person,
					lifetime,
				})
				.boxed(),
		),
		(2, byte().prop_map(|cohort| Leave { cohort }).boxed()),
		(1, u8s2().prop_map(|(cohort, member)| Revoke { cohort, member }).boxed()),
		(1, u8s2().prop_map(|(cohort, member)| Expire { cohort, member }).boxed()),
		(2, u8s2().prop_map(|(cohort, lost)| Rotate { cohort, lost }).boxed()),
		(1, byte().prop_map(|cohort| CancelRotation { cohort }).boxed()),
		(1, u8s2().prop_map(|(cohort, lost)| CompleteRotation { cohort, lost }).boxed()),
		(1, u8s2().prop_map(|(cohort, person)| ForgetDeparted { cohort, person }).boxed()),
		(3, u8s2().prop_map(|(cohort, purposes)| SetConsent { cohort, purposes }).boxed()),
		(
			3,
			u8s3()
				.prop_map(|(cohort, member, units)| RecordContribution { cohort, member, units })
				.boxed(),
		),
		(1, byte().prop_map(|cohort| DelegateConsent { cohort }).boxed()),
		(1, byte().prop_map(|governance| CreateCohort { governance }).boxed()),
		(1, Just(WithdrawCredentials).boxed()),
		(
			8,
			(byte(), prop::bool::weighted(0.7), byte())
				.prop_map(|(proposal, aye, votes)| Vote { proposal, aye, votes })
				.boxed(),
		),
		(1, byte().prop_map(|proposal| RemoveVote { proposal }).boxed()),
		(4, byte().prop_map(|proposal| Close { proposal }).boxed()),
		(1, byte().prop_map(|proposal| Withdraw { proposal }).boxed()),
		(3, byte().prop_map(|cohort| Claim { cohort }).boxed()),
		(1, u8s2().prop_map(|(cohort, member)| ClaimFor { cohort, member }).boxed()),
		(6, byte().prop_map(|offer| Request { offer }).boxed()),
		(1, byte().prop_map(|request| WithdrawRequest { request }).boxed()),
		(1, byte().prop_map(|grant| RemoveExpiredGrant { grant }).boxed()),
		(2, u8s2().prop_map(|(grant, kind)| ReportOutcome { grant, kind }).boxed()),
		(1, u8s2().prop_map(|(cohort, outcome)| WithdrawOutcome { cohort, outcome }).boxed()),
		(1, u8s2().prop_map(|(to, amount)| Transfer { to, amount }).boxed()),
		(
			2,
			(byte(), byte(), vec(any::<u8>(), 0..80))
				.prop_map(|(pallet, call, args)| Raw { pallet, call, args })
				.boxed(),
		),
	])
}
