//! One file per call, plus the revocation cascade, the arithmetic on tallies and ledgers, and a
//! property test over random sequences.

mod cancel;
mod close;
mod credits;
mod migrations;
mod property;
mod propose;
mod remove_vote;
mod revocation;
mod types;
mod vote;
mod withdraw;
