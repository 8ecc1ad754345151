//! Turns a [`Step`] into real transactions against the chain as it is now: numbers pick among
//! what exists (a step that names nothing that exists still sends its call, with an id nobody
//! uses, to exercise the error paths).
//!
//! - `picks.rs`: how a step's numbers pick among what exists, and the amounts, shares and
//!   expiries at the edges;
//! - `decisions.rs`: decisions, signed, proposed to the members, passed by them or by the
//!   council;
//! - `personal.rs`: what one person does (attest, join, vote, request, claim, ...).

use crate::{
	actions::*,
	chain::{call_name, Applied, BlockNumber, Chain, Tampering},
	world::{self, CLINIC, COUNCIL, EPOCH_LENGTH, OPERATOR, SECOND_CLINIC, TRUSTEES},
};
use codec::{DecodeLimit, Encode};
use cohort_primitives::{Consent, OutcomeKind, Purpose};
use cohort_runtime::{AccountId, Runtime, RuntimeCall, EXISTENTIAL_DEPOSIT, UNIT};
use pallet_cohort_membership::{Credential, RotationApproval, CREDENTIAL_TAG, ROTATION_TAG};
use pallet_cohorts::Governance;
use sp_core::H256;
use sp_keyring::Sr25519Keyring::{self, *};
use sp_runtime::{MultiSignature, Permill};

mod decisions;
mod personal;
mod picks;

use decisions::*;
use personal::*;
use picks::*;

/// Moves the chain as `wait` says.
fn wait(chain: &mut Chain, wait: Wait) {
	let now = chain.block;
	let target = match wait {
		Wait::None => return,
		Wait::Blocks(blocks) => return chain.advance(u32::from(blocks)),
		Wait::Edge(edge, offset) => {
			edge_block(chain, edge).map(|at| at.saturating_add_signed(i32::from(offset)))
		},
	};
	if let Some(target) = target.filter(|target| *target > now) {
		chain.jump_to(target);
	}
}

fn edge_block(chain: &mut Chain, edge: Edge) -> Option<BlockNumber> {
	let now = chain.block;
	match edge {
		Edge::VotingEnds(choice) => {
			let proposal = proposal(chain, choice);
			chain
				.read(|| pallet_quadratic_voting::Proposals::<Runtime>::get(proposal))
				.map(|p| p.ends_at)
		},
		Edge::EpochTurns => Some((now / EPOCH_LENGTH + 1) * EPOCH_LENGTH),
		Edge::ReviewEnds(choice) => {
			let request = request(chain, choice);
			let review = <Runtime as pallet_data_licensing::Config>::ReviewPeriod::get();
			chain
				.read(|| pallet_data_licensing::Requests::<Runtime>::get(request))
				.map(|r| r.submitted_at + review)
		},
		Edge::GrantExpires(choice) => {
			let key = grant(chain, choice);
			chain
				.read(|| pallet_data_licensing::Grants::<Runtime>::get(key))
				.map(|g| g.expires_at)
		},
		Edge::RotationReady(choice) => chain.read(|| {
			let mut pending: Vec<_> =
				pallet_cohort_membership::PendingRotations::<Runtime>::iter_values()
					.map(|rotation| rotation.executable_at)
					.collect();
			pending.sort();
			pending.get(choice as usize % pending.len().max(1)).copied()
		}),
		Edge::AttestationExpires => chain.read(|| {
			pallet_cohort_membership::ExpiryCount::<Runtime>::iter_keys()
				.filter(|at| *at > now)
				.min()
		}),
	}
}

/// Carries out `step`.
pub fn perform(chain: &mut Chain, step: &Step) {
	wait(chain, step.wait);
	match &step.action {
		Action::Decide { route, decision } => decide(chain, step, *route, *decision),
		action => {
			let Some((natural, call)) = personal(chain, step, action) else { return };
			let signer = if step.natural_signer {
				pick(&natural, step.who, account(step.who))
			} else {
				account(step.who)
			};
			chain.submit(signer, call, step.tampering);
		},
	}
}

/// Runs `steps` on a freshly built world; panics (naming the check) if any check fails.
pub fn run(steps: &[Step]) -> crate::report::Report {
	let mut chain = world::build();
	for step in steps {
		perform(&mut chain, step);
	}
	chain.close_block();
	chain.report
}
