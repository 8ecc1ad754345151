//! What a fuzz run did: how many transactions and blocks, which calls succeeded, which errors
//! were reached, and the slowest block.

use crate::chain::{Applied, Tampering};
use frame_support::traits::GetCallName;
use std::{
	collections::{BTreeMap, BTreeSet},
	time::Duration,
};

/// Counts of one call's outcomes.
#[derive(Debug, Default, Clone, Copy)]
pub struct CallCounts {
	/// Dispatched successfully.
	pub ok: u64,
	/// Included, but failed.
	pub failed: u64,
	/// Refused before dispatch.
	pub refused: u64,
}

/// What a run did.
#[derive(Debug, Default, Clone)]
pub struct Report {
	/// Transactions submitted (each motion's call counts too, under its own name).
	pub transactions: u64,
	/// Blocks closed.
	pub blocks: u64,
	/// Per `pallet::call`.
	pub calls: BTreeMap<String, CallCounts>,
	/// How often each dispatch error (`Pallet::Variant`) was returned.
	pub errors: BTreeMap<String, u64>,
	/// The calls that returned each dispatch error.
	pub error_sources: BTreeMap<String, BTreeSet<String>>,
	/// How often each refusal (a transaction validity error) was returned.
	pub refusals: BTreeMap<String, u64>,
	/// Tampered transactions sent (all of them refused, or the run fails).
	pub tampered: u64,
	/// The longest any block took to execute.
	pub slowest_block: Duration,
}

/// Cohort's pallets, as the runtime names them, with their calls.
pub fn cohort_calls() -> Vec<String> {
	let mut names = Vec::new();
	let mut add = |pallet: &str, calls: &[&str]| {
		names.extend(calls.iter().map(|call| format!("{pallet}::{call}")));
	};
	use cohort_runtime::Runtime;
	add("Cohorts", pallet_cohorts::Call::<Runtime>::get_call_names());
	add("Membership", pallet_cohort_membership::Call::<Runtime>::get_call_names());
	add("QuadraticVoting", pallet_quadratic_voting::Call::<Runtime>::get_call_names());
	add("Royalties", pallet_royalties::Call::<Runtime>::get_call_names());
	add("DataLicensing", pallet_data_licensing::Call::<Runtime>::get_call_names());
	names
}

impl Report {
	/// Counts `applied`, the outcome of a transaction of `call`.
	pub fn record(&mut self, call: &str, applied: &Applied, tampering: Tampering) {
		self.transactions += 1;
		if tampering != Tampering::None {
			self.tampered += 1;
		}
		let counts = self.calls.entry(call.to_string()).or_default();
		match applied {
			Applied::Ok => counts.ok += 1,
			Applied::Failed(error) => {
				counts.failed += 1;
				*self.errors.entry(error.clone()).or_default() += 1;
				self.error_sources.entry(error.clone()).or_default().insert(call.to_string());
			},
			Applied::Refused(reason) => {
				counts.refused += 1;
				*self.refusals.entry(reason.clone()).or_default() += 1;
			},
		}
	}

	/// Folds another run's counts into this one.
	pub fn merge(&mut self, other: &Report) {
		self.transactions += other.transactions;
		self.blocks += other.blocks;
		self.tampered += other.tampered;
		self.slowest_block = self.slowest_block.max(other.slowest_block);
		for (call, counts) in &other.calls {
			let mine = self.calls.entry(call.clone()).or_default();
			mine.ok += counts.ok;
			mine.failed += counts.failed;
			mine.refused += counts.refused;
		}
		for (error, count) in &other.errors {
			*self.errors.entry(error.clone()).or_default() += count;
		}
		for (error, calls) in &other.error_sources {
			self.error_sources
				.entry(error.clone())
				.or_default()
				.extend(calls.iter().cloned());
		}
		for (reason, count) in &other.refusals {
			*self.refusals.entry(reason.clone()).or_default() += count;
		}
	}

	/// Cohort's calls that succeeded at least once, and those that never did.
	pub fn coverage(&self) -> (Vec<String>, Vec<String>) {
		cohort_calls()
			.into_iter()
			.partition(|call| self.calls.get(call).is_some_and(|counts| counts.ok > 0))
	}

	/// The errors of Cohort's pallets that were reached.
	pub fn cohort_errors(&self) -> Vec<&String> {
		const COHORT: [&str; 5] =
			["Cohorts::", "Membership::", "QuadraticVoting::", "Royalties::", "DataLicensing::"];
		self.errors.keys().filter(|e| COHORT.iter().any(|p| e.starts_with(p))).collect()
	}

	/// The report as Markdown, for `docs/reliability.md`.
	pub fn to_markdown(&self) -> String {
		let (reached, missed) = self.coverage();
		let mut out = String::new();
		let total = reached.len() + missed.len();
		out += &format!(
			"- transactions: {} ({} tampered, all refused)\n- blocks: {}\n- slowest block: {:?}\n",
			self.transactions, self.tampered, self.blocks, self.slowest_block
		);
		out += &format!("- Cohort calls that succeeded: {} of {total}\n", reached.len());
		if !missed.is_empty() {
			out += &format!("- never succeeded: {}\n", missed.join(", "));
		}
		let cohort_errors = self.cohort_errors();
		out += &format!(
			"- distinct dispatch errors: {} ({} of Cohort's pallets)\n- distinct refusals: {}\n\n",
			self.errors.len(),
			cohort_errors.len(),
			self.refusals.len()
		);
		out += "| call | ok | failed | refused |\n|---|---:|---:|---:|\n";
		for (call, c) in &self.calls {
			out += &format!("| {call} | {} | {} | {} |\n", c.ok, c.failed, c.refused);
		}
		out += "\n| error | count | from |\n|---|---:|---|\n";
		for (error, count) in &self.errors {
			let from = self
				.error_sources
				.get(error)
				.map(|calls| calls.iter().map(String::as_str).collect::<Vec<_>>().join(", "));
			out += &format!("| {error} | {count} | {} |\n", from.unwrap_or_default());
		}
		out
	}
}
