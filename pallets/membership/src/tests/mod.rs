//! One file per call: its success path and every error path (exact error, storage unchanged).
//! `ExtBuilder::build_and_execute` checks the pallet's invariants after every test.

mod account_entry;
mod attest;
mod containment;
mod delegate_consent;
mod hook_weights;
mod inspect;
mod join;
mod join_with_credential;
mod leave;
mod migrations;
mod record_contribution;
mod revoke_and_expire;
mod rotate;
mod set_consent;
mod withdraw_attestation;
