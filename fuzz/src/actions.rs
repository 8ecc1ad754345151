//! What the fuzzer does, as small choices that shrink well: each [`Step`] waits some blocks,
//! picks a signer and an [`Action`], whose numbers pick among what exists *now* (open
//! proposals, requests, grants, members), so that most transactions are meaningful and a
//! shrunk failing case reads as a story.

use crate::chain::Tampering;

/// One transaction (or, for a council motion, the three that pass it), after a wait.
#[derive(Debug, Clone)]
pub struct Step {
	/// How long to wait first.
	pub wait: Wait,
	/// Whether the signer is whoever would naturally send this (a member for a vote, the
	/// clinic for an attestation), or anyone at all.
	pub natural_signer: bool,
	/// Picks the signer among the candidates.
	pub who: u8,
	/// How the transaction is tampered with, if at all.
	pub tampering: Tampering,
	/// What it does.
	pub action: Action,
}

/// How far the chain moves before a step.
#[derive(Debug, Clone, Copy)]
pub enum Wait {
	/// Same block.
	None,
	/// This many blocks (each executed).
	Blocks(u8),
	/// To just before, at or just after (`offset` -1, 0, 1) an edge the runtime acts on.
	Edge(Edge, i8),
}

/// The blocks where something changes.
#[derive(Debug, Clone, Copy)]
pub enum Edge {
	/// An open proposal's voting period ends.
	VotingEnds(u8),
	/// A cohort's voice-credit epoch turns.
	EpochTurns,
	/// A licence request's review period ends.
	ReviewEnds(u8),
	/// A grant expires.
	GrantExpires(u8),
	/// A pending key rotation becomes executable.
	RotationReady(u8),
	/// The next attestation expiry.
	AttestationExpires,
}

/// Who decides a [`Decision`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
	/// A signed call (succeeds for a data trust's trustees or an operator where they decide).
	Signed,
	/// A quadratic-voting proposal of the cohort's members, left to the other steps to vote
	/// on and close.
	Members,
	/// A proposal every member votes for at once, closed when its voting period ends: so
	/// that the members' decisions are reached often.
	MembersPass,
	/// A motion of the Oversight Council.
	Council,
}

/// A decision for a cohort or the whole platform, taken by a [`Route`].
#[derive(Debug, Clone, Copy)]
pub enum Decision {
	ApproveIssuer { issuer: u8 },
	RemoveIssuer { issuer: u8 },
	UpdateCohort { cohort: u8, governance: u8 },
	AcceptIssuer { cohort: u8, issuer: u8 },
	DropIssuer { cohort: u8, issuer: u8 },
	Spend { cohort: u8, beneficiary: u8, amount: u8 },
	Freeze { cohort: u8 },
	Unfreeze { cohort: u8 },
	SetPlatformShare { percent: u8 },
	SetMembersShareFloor { percent: u8 },
	SetRevenueSplit { cohort: u8, members: u8, operator: u8 },
	RotateByCohort { cohort: u8, lost: u8, new: u8 },
	SetTrusteeConsent { cohort: u8, purposes: u8 },
	Suspend { cohort: u8, member: u8 },
	CorrectUnits { cohort: u8, member: u8, units: u8 },
	CancelProposal { proposal: u8 },
	RegisterDataset { cohort: u8, records: u8 },
	PublishVersion { dataset: u8, records: u8 },
	RetireDataset { dataset: u8 },
	RemoveDataset { dataset: u8 },
	PublishOffer { dataset: u8, purpose: u8, price: u8, duration: u8 },
	WithdrawOffer { offer: u8 },
	Approve { request: u8 },
	Reject { request: u8 },
	Sponsor { request: u8 },
	RevokeGrant { grant: u8 },
	PublishInsight { cohort: u8 },
	RemoveInsight { cohort: u8, insight: u8 },
}

/// One thing a person does.
#[derive(Debug, Clone)]
pub enum Action {
	Decide {
		route: Route,
		decision: Decision,
	},
	Attest {
		cohort: u8,
		subject: u8,
		person: u8,
		lifetime: u8,
	},
	WithdrawAttestation {
		cohort: u8,
		subject: u8,
	},
	Join {
		cohort: u8,
	},
	JoinWithCredential {
		cohort: u8,
		person: u8,
		lifetime: u8,
	},
	Leave {
		cohort: u8,
	},
	Revoke {
		cohort: u8,
		member: u8,
	},
	Expire {
		cohort: u8,
		member: u8,
	},
	Rotate {
		cohort: u8,
		lost: u8,
	},
	CancelRotation {
		cohort: u8,
	},
	CompleteRotation {
		cohort: u8,
		lost: u8,
	},
	ForgetDeparted {
		cohort: u8,
		person: u8,
	},
	SetConsent {
		cohort: u8,
		purposes: u8,
	},
	RecordContribution {
		cohort: u8,
		member: u8,
		units: u8,
	},
	DelegateConsent {
		cohort: u8,
	},
	CreateCohort {
		governance: u8,
	},
	WithdrawCredentials,
	Vote {
		proposal: u8,
		aye: bool,
		votes: u8,
	},
	RemoveVote {
		proposal: u8,
	},
	Close {
		proposal: u8,
	},
	Withdraw {
		proposal: u8,
	},
	Claim {
		cohort: u8,
	},
	ClaimFor {
		cohort: u8,
		member: u8,
	},
	Request {
		offer: u8,
	},
	WithdrawRequest {
		request: u8,
	},
	RemoveExpiredGrant {
		grant: u8,
	},
	ReportOutcome {
		grant: u8,
		kind: u8,
	},
	WithdrawOutcome {
		cohort: u8,
		outcome: u8,
	},
	Transfer {
		to: u8,
		amount: u8,
	},
	/// Any call of the runtime's other pallets, decoded from bytes: `(pallet, call, args)`.
	Raw {
		pallet: u8,
		call: u8,
		args: Vec<u8>,
	},
}
