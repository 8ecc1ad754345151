//! One file per call: its success path and every error path (exact error, storage unchanged).
//! `ExtBuilder::build_and_execute` checks the pallet's invariants after every test.

mod accept_issuer;
mod approve_issuer;
mod cohort_origin;
mod create_cohort;
mod drop_issuer;
mod freeze;
mod operator;
mod remove_issuer;
mod set_platform_share;
mod spend;
mod update_cohort;
mod withdraw_credentials;
