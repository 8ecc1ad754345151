//! The open-ended fuzz run: `cohort-fuzz [--transactions N] [--seed S] [--max-steps K]`
//! (`--seed-exact S` replays the one batch of ten cases a failure names).
//! Runs cases until N transactions were sent, printing progress, then the report (Markdown,
//! for `docs/reliability.md`). Exits 1 with the seed and the shrunk steps on a failure.

use cohort_fuzz::{campaign::Campaign, report::Report};
use std::{process::exit, time::Instant};

fn main() {
	let mut transactions: u64 = 100_000;
	let mut seed: u64 = 1;
	let mut max_steps: usize = 400;
	let mut exact: Option<u64> = None;
	// An optimized build (`scripts/fuzz.sh` says so) holds each block to its consumed weight in
	// time.
	let optimized = std::env::var_os("COHORT_FUZZ_OPTIMIZED").is_some();
	cohort_fuzz::chain::TIME_WITHIN_CONSUMED_WEIGHT
		.store(optimized, std::sync::atomic::Ordering::Relaxed);
	let mut args = std::env::args().skip(1);
	while let Some(flag) = args.next() {
		let value = args.next();
		let parsed = value.as_deref().and_then(|v| v.replace('_', "").parse::<u64>().ok());
		match (flag.as_str(), parsed) {
			("--transactions", Some(n)) => transactions = n,
			("--seed", Some(s)) => seed = s,
			// One batch's own seed, as a failure reports it.
			("--seed-exact", Some(s)) => exact = Some(s),
			("--max-steps", Some(k)) => max_steps = k as usize,
			_ => {
				eprintln!("cohort-fuzz: usage: cohort-fuzz [--transactions N] [--seed S | --seed-exact S] [--max-steps K]");
				exit(2);
			},
		}
	}
	if let Some(seed) = exact {
		let campaign = Campaign { seed, cases: 10, max_steps };
		match campaign.run(|_| ()) {
			Ok(report) => println!("{}", report.to_markdown()),
			Err(failure) => {
				eprintln!("{failure}");
				exit(1);
			},
		}
		return;
	}
	let started = Instant::now();
	println!("cohort-fuzz: seed {seed}, cases of up to {max_steps} steps, until {transactions} transactions");
	let mut total = Report::default();
	let mut cases = 0;
	// Batches of ten cases, each seeded from the run's seed and its number: a failure names
	// its batch's seed, which replays it alone.
	for batch in 0u64.. {
		let campaign = Campaign {
			seed: seed.wrapping_mul(1_000_003).wrapping_add(batch),
			cases: 10,
			max_steps,
		};
		match campaign.run(|_| cases += 1) {
			Ok(report) => total.merge(&report),
			Err(failure) => {
				eprintln!("{failure}");
				eprintln!(
					"replay: cohort-fuzz --seed-exact {} --max-steps {max_steps}",
					failure.seed
				);
				exit(1);
			},
		}
		println!(
			"  {cases} cases, {} transactions, {} blocks, {:.0} s",
			total.transactions,
			total.blocks,
			started.elapsed().as_secs_f64()
		);
		if total.transactions >= transactions {
			break;
		}
	}
	println!("\ncohort-fuzz: clean after {:.0} s (seed {seed})\n", started.elapsed().as_secs_f64());
	println!("{}", total.to_markdown());
}
