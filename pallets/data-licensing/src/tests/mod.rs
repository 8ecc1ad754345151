//! One file per call (the dataset calls share one): every success path and every error path
//! (exact error, storage unchanged); `ExtBuilder` checks the invariants after every test.

mod approve;
mod datasets;
mod grants;
mod insights;
mod operator;
mod outcomes;
mod public_interest;
mod publish_offer;
mod reject;
mod request;
mod withdraw_offer;
mod withdraw_request;
