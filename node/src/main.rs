//! `cohort-node`: the Cohort parachain node.
//!
//! `cohort-node --dev` runs a one-node development chain on an embedded database; without
//! `--dev` it is a collator (or full node) of the Cohort parachain beside an embedded relay
//! chain node, as zombienet starts it.

mod chain_spec;
mod cli;
mod cohort_rpc;
mod command;
mod database;
mod dev_chain;
mod rpc;
mod service;
mod strict_params;

fn main() {
	if let Err(error) = command::run() {
		// One line for the user, never a panic trace.
		eprintln!("Error: {}", command::describe(&error));
		std::process::exit(1);
	}
}
