//! Every failure the fuzzer found, as the shrunk steps that reproduced it, kept so that it
//! stays fixed. Each names what was wrong (in the harness or in the runtime) and the fix; see
//! `docs/reliability.md`.

use cohort_fuzz::{
	actions::{Action, Edge, Step, Wait},
	chain::Tampering,
	perform::perform,
	world,
};
use cohort_primitives::MemberStatus;
use cohort_runtime::Runtime;

fn step(wait: Wait, who: u8, tampering: Tampering, action: Action) -> Step {
	Step { wait, natural_signer: false, who, tampering, action }
}

/// Found by the CI budget's first run: the weight in a transaction's outcome event includes
/// the block's base extrinsic weight, which the harness did not add to the declared weight.
/// A failed call's actual weight is exactly its declared weight plus that base.
#[test]
fn a_failed_call_uses_no_more_than_it_declared() {
	let mut chain = world::build();
	let refused_origin = Action::Decide {
		route: cohort_fuzz::actions::Route::Signed,
		decision: cohort_fuzz::actions::Decision::ApproveIssuer { issuer: 0 },
	};
	perform(&mut chain, &step(Wait::None, 0, Tampering::None, refused_origin));
	chain.close_block();
	assert_eq!(chain.report.errors.get("BadOrigin"), Some(&1));
}

/// Found by the CI budget's second run: the runtime builds only on its direct parent, so the
/// harness moves the block number before opening a later block; an attestation that expires
/// in the skipped range is never skipped: its block runs, and the member is suspended in it.
#[test]
fn a_jump_runs_the_block_where_an_attestation_expires() {
	let mut chain = world::build();
	let first_member = world::person(world::COOPERATIVE, 0);
	let claim = Action::Claim { cohort: 0 };
	perform(&mut chain, &step(Wait::Edge(Edge::AttestationExpires, 5), 0, Tampering::None, claim));
	chain.close_block();
	let status = chain.read(|| {
		pallet_cohort_membership::Memberships::<Runtime>::get(world::COOPERATIVE, first_member)
			.map(|record| record.status)
	});
	assert_eq!(status, Some(MemberStatus::Suspended), "the attestation expired at block 60");
	assert!(chain.block > 60);
}

/// Found by the CI budget's third run: a "stale" nonce from an account that never sent a
/// transaction is its next nonce, which is valid; the harness now sends a future one instead,
/// which the runtime must refuse with nothing changed.
#[test]
fn a_tampered_transaction_from_a_fresh_account_is_refused() {
	let mut chain = world::build();
	// FerdieStash, the second clinic, sends nothing while the world is built.
	let fresh = 11;
	let join = Action::Join { cohort: 0 };
	perform(&mut chain, &step(Wait::None, fresh, Tampering::StaleNonce, join));
	chain.close_block();
	assert_eq!(chain.report.tampered, 1);
	assert!(chain.report.refusals.keys().any(|reason| reason.contains("Future")));
}
