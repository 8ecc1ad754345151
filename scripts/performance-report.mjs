// Prints the tables of docs/performance.md from what one benchmark run wrote:
//   P1 (scale): `./scripts/benchmark.sh scale` → $CARGO_TARGET_DIR/benchmarks/results/scale-*.json
//   P2 (cost, block share): the weights.rs files `./scripts/benchmark.sh all` wrote
//   P3 (throughput): the JSON `./scripts/load.sh` writes, if given with `--load FILE`
// Usage: node scripts/performance-report.mjs [--results DIR] [--load FILE]
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { homedir } from "node:os";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(homedir(), ".cache/cohort-target");
const results = option("--results") ?? join(targetDir, "benchmarks/results");

const PS_PER_US = 1e6;
// The parachain block (runtime/src/configs/system.rs): 2 s of execution and a 10 MiB proof,
// of which normal transactions may use 75%.
const BLOCK_REF_TIME = 2e12;
const BLOCK_PROOF = 10 * 1024 * 1024;
const NORMAL = 0.75;

/** `123_456_u64` → 123456 */
const number = (text) => Number(text.replace(/_/g, "").replace(/u64$/, ""));

const RANGE = /The range of component `(\w+)` is `\[(\d+), (\d+)\]`/g;
const TERM = /Weight::from_parts\(([\d_]+), ([\d_]+)\)(\.saturating_mul\((\w+)\.into\(\)\))?/g;
const DB = /\.(reads|writes)\(\(?([\d_]+)(?:_u64)?\)?(?:\.saturating_mul\((\w+)\.into\(\)\))?\)/g;

/** A weights.rs's measured functions, each at its components' highest values (database
 * accesses priced with `db`): { name → { refTime, proof, reads, writes, components } }. */
function parseWeights(file, db) {
	const source = readFileSync(file, "utf8");
	// The measured implementation: the first `impl` block (the second is `()`'s, for tests).
	const impl = source.slice(source.indexOf("impl<T: frame_system::Config>"));
	const pieces = impl.slice(0, impl.indexOf("\n}\n")).split(/\n\tfn /);
	const functions = {};
	// Each piece is a function's body followed by the doc comment of the next function.
	for (let i = 1; i < pieces.length; i++) {
		const ranges = Object.fromEntries([...pieces[i - 1].matchAll(RANGE)].map((m) => [m[1], Number(m[3])]));
		const body = pieces[i].slice(0, pieces[i].indexOf("\n\t}"));
		const w = { refTime: 0, proof: 0, reads: 0, writes: 0, components: ranges };
		for (const m of body.matchAll(TERM)) {
			const times = m[4] ? (ranges[m[4]] ?? 0) : 1;
			w.refTime += number(m[1]) * times;
			w.proof += number(m[2]) * times;
		}
		for (const m of body.matchAll(DB)) w[m[1]] += number(m[2]) * (m[3] ? (ranges[m[3]] ?? 0) : 1);
		w.refTime += w.reads * db.read + w.writes * db.write;
		functions[pieces[i].match(/^(\w+)/)[1]] = w;
	}
	return functions;
}

/** The runtime's database weights: measured (rocksdb_weights.rs) or Substrate's reference values. */
function dbWeights() {
	const file = join(root, "runtime/src/weights/rocksdb_weights.rs");
	if (existsSync(file)) {
		const s = readFileSync(file, "utf8");
		const read = s.match(/read: ([\d_]+)/);
		const write = s.match(/write: ([\d_]+)/);
		if (read && write) return { read: number(read[1]) * 1000, write: number(write[1]) * 1000, source: "measured" };
	}
	return { read: 25e6, write: 100e6, source: "Substrate's RocksDB reference" };
}

function extrinsicBase() {
	const file = join(root, "runtime/src/weights/extrinsic_weights.rs");
	if (!existsSync(file)) return { refTime: 125e6, source: "Substrate's reference" };
	const m = readFileSync(file, "utf8").match(/Weight::from_parts\(\s*WEIGHT_REF_TIME_PER_NANOS\.saturating_mul\(([\d_]+)\)/);
	return m ? { refTime: number(m[1]) * 1000, source: "measured" } : { refTime: 125e6, source: "unknown" };
}

const us = (ps) => (ps / PS_PER_US).toFixed(1);
const kb = (bytes) => (bytes / 1024).toFixed(1);

/** Cohort's pallets that have a weights.rs: their directory, the pallet's name as the bencher
 * writes it (the crate's, with underscores) and the file. */
function cohortWeightFiles() {
	return readdirSync(join(root, "pallets")).sort().flatMap((dir) => {
		const file = join(root, "pallets", dir, "src/weights.rs");
		if (!existsSync(file)) return [];
		const crate = readFileSync(join(root, "pallets", dir, "Cargo.toml"), "utf8").match(/^name = "([\w-]+)"/m);
		return crate ? [{ dir, pallet: crate[1].replace(/-/g, "_"), file }] : [];
	});
}

function costTable() {
	const db = dbWeights();
	const base = extrinsicBase();
	const transfer = parseWeights(join(root, "runtime/src/weights/pallet_balances.rs"), db).transfer_keep_alive;
	const lines = [];
	lines.push(`Reference: \`balances.transfer_keep_alive\` = ${us(transfer.refTime)} µs ref_time, ${kb(transfer.proof)} KB proof (database weights: ${db.source}; extrinsic base ${us(base.refTime)} µs, ${base.source}). A block's normal class: ${us(BLOCK_REF_TIME * NORMAL)} µs, ${kb(BLOCK_PROOF * NORMAL)} KB.`);
	lines.push("");
	lines.push("| pallet | benchmark (highest components) | ref_time µs | × transfer | proof KB | r / w | % of block (time / proof) | fit per block (time / proof) | goal ≤ 2× and ≤ 8 KB |");
	lines.push("|---|---|---:|---:|---:|---:|---:|---:|---|");
	// How many fit in a block's normal class: by time, and by declared proof (which weight
	// reclaim gives back after each transaction, so time is what fills a block in practice).
	const fit = (w) => {
		const byTime = Math.floor((BLOCK_REF_TIME * NORMAL) / (w.refTime + base.refTime));
		const byProof = w.proof > 0 ? Math.floor((BLOCK_PROOF * NORMAL) / w.proof) : "∞";
		return `${byTime} / ${byProof}`;
	};
	lines.push(`| balances | transfer_keep_alive | ${us(transfer.refTime)} | 1.00 | ${kb(transfer.proof)} | ${transfer.reads} / ${transfer.writes} | ${share(transfer, base)} | ${fit(transfer)} | — |`);
	for (const { dir, file } of cohortWeightFiles()) {
		for (const [name, w] of Object.entries(parseWeights(file, db))) {
			const ratio = w.refTime / transfer.refTime;
			const goal = ratio <= 2 && w.proof <= 8 * 1024 ? "met" : `**exceeds** (${[ratio > 2 ? "time" : "", w.proof > 8192 ? "proof" : ""].filter(Boolean).join(", ")})`;
			const components = Object.entries(w.components).map(([k, v]) => `${k}=${v}`).join(", ");
			lines.push(`| ${dir} | ${name}${components ? ` (${components})` : ""} | ${us(w.refTime)} | ${ratio.toFixed(2)} | ${kb(w.proof)} | ${w.reads} / ${w.writes} | ${share(w, base)} | ${fit(w)} | ${goal} |`);
		}
	}
	return lines.join("\n");
}

function share(w, base) {
	const time = (100 * (w.refTime + base.refTime)) / BLOCK_REF_TIME;
	const proof = (100 * w.proof) / BLOCK_PROOF;
	return `${time.toFixed(3)} / ${proof.toFixed(3)}`;
}

/** The median of the measured times at the benchmark's highest component values, in ps. */
function medianAtHighest(benchmark) {
	const rows = benchmark.time_results;
	const highest = (row) => row.components.map((c) => c[1]).join(",");
	const keys = rows.map(highest).sort();
	const top = keys[keys.length - 1];
	const times = rows.filter((r) => highest(r) === top).map((r) => r.extrinsic_time).sort((a, b) => a - b);
	const proofs = rows.filter((r) => highest(r) === top).map((r) => r.proof_size).sort((a, b) => a - b);
	// Reads and writes are counted in the bencher's first (database-tracking) run.
	const row = benchmark.db_results.find((r) => highest(r) === top) ?? { reads: 0, writes: 0 };
	return { time: times[Math.floor(times.length / 2)] * 1000, fastest: times[0] * 1000, proof: proofs[Math.floor(proofs.length / 2)], runs: times.length, reads: row.reads, writes: row.writes };
}

const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

/** What `scale` wrote: { call → { round → { size → medianAtHighest } } }. A run of several
 * rounds names its files scale-round<k>-<size>-<pallet>.json; a one-round run, scale-<size>-…. */
function scaleResults() {
	const measured = {};
	for (const file of readdirSync(results)) {
		const m = file.match(/^scale-(?:round(\d+)-)?(\d+)-(\w+)\.json$/);
		if (!m) continue;
		const round = m[1] ?? "1";
		for (const benchmark of JSON.parse(readFileSync(join(results, file), "utf8"))) {
			const key = `${benchmark.pallet}::${benchmark.benchmark}`;
			((measured[key] ??= {})[round] ??= {})[m[2]] = medianAtHighest(benchmark);
		}
	}
	return measured;
}

/** The declared weights of every pallet's benchmarks, by "pallet_name::benchmark": Cohort's
 * pallets' weights.rs (named by their crate) and the runtime's weights of the SDK's pallets. */
function declaredWeights(db) {
	const declared = {};
	const add = (pallet, file) => {
		for (const [name, w] of Object.entries(parseWeights(file, db))) declared[`${pallet}::${name}`] = w;
	};
	for (const { pallet, file } of cohortWeightFiles()) add(pallet, file);
	for (const file of readdirSync(join(root, "runtime/src/weights")).filter((f) => f.startsWith("pallet_"))) {
		add(file.replace(/\.rs$/, ""), join(root, "runtime/src/weights", file));
	}
	return declared;
}

function scaleTable() {
	if (!existsSync(results)) return "(no scale results: run ./scripts/benchmark.sh scale)";
	const measured = scaleResults();
	// The weight a block is charged: the measured execution plus the storage accesses at the
	// runtime's database prices, which are the cost of reads and writes on a deep trie.
	const db = dbWeights();
	const weight = (m) => m.time + m.reads * db.read + m.writes * db.write;
	const declared = declaredWeights(db);
	// The floor: Substrate's transfer measured alike on the same two states, in the same round,
	// so that a ratio "in transfers" removes what that round's machine and the bigger state did
	// to every call alike.
	const transfer = measured["pallet_balances::transfer_keep_alive"] ?? {};
	const rounds = Object.keys(transfer).length || 1;
	const growth = [
		`Medians over ${rounds} round(s); each round measures both sizes, one after the other, then the transfer on the same two states.`,
		"",
		"| call (benchmark) | execution µs, 10 / 100,000 members | ratio (each round) | ratio | in transfers: ratio | fastest runs: ratio (in transfers) | weight µs (with r / w at the database prices), 10 / 100,000 | weight ratio | r / w | runs a round | ratio ≤ 1.05 (execution / weight) |",
		"|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|",
	];
	const charged = [
		"What the chain charges for each call is its declared weight, the same whatever the cohort's size; against what the call measured among 100,000 members:",
		"",
		"| call (benchmark) | declared ref_time µs | measured weight µs at 100,000 (median / slowest round) | declared − slowest | declared proof bytes | recorded proof bytes, 10 / 100,000 | recorded ≤ declared at 100,000 |",
		"|---|---:|---:|---:|---:|---:|---|",
	];
	for (const [key, byRound] of Object.entries(measured).sort()) {
		const complete = Object.entries(byRound).filter(([, by]) => by["10"] && by["100000"]);
		if (complete.length === 0) continue;
		const pick = (f) => median(complete.map(([, by]) => f(by)));
		const ratios = complete.map(([, by]) => by["100000"].time / by["10"].time);
		const inTransfers = complete
			.filter(([round]) => transfer[round]?.["10"] && transfer[round]?.["100000"])
			.map(([round, by]) => (by["100000"].time / transfer[round]["100000"].time) / (by["10"].time / transfer[round]["10"].time));
		const ratio = median(ratios);
		const weightRatio = pick((by) => weight(by["100000"]) / weight(by["10"]));
		// The VM's noise only ever adds time, so the fastest run of all rounds is the estimate
		// least moved by it: what the bigger state itself costs.
		const fastest = (size, of = byRound) => Math.min(...Object.values(of).filter((by) => by[size]).map((by) => by[size].fastest));
		const fastestRatio = fastest("100000") / fastest("10");
		const transferFastest = transfer["1"] ? fastest("100000", transfer) / fastest("10", transfer) : NaN;
		const [, first] = complete[0];
		growth.push(`| ${key} | ${us(pick((by) => by["10"].time))} / ${us(pick((by) => by["100000"].time))} | ` +
			`${ratios.map((r) => r.toFixed(2)).join(", ")} | ${ratio.toFixed(3)} | ${inTransfers.length ? median(inTransfers).toFixed(3) : "—"} | ` +
			`${fastestRatio.toFixed(3)} (${(fastestRatio / transferFastest).toFixed(3)}) | ` +
			`${us(pick((by) => weight(by["10"])))} / ${us(pick((by) => weight(by["100000"])))} | ${weightRatio.toFixed(3)} | ` +
			`${first["10"].reads} / ${first["10"].writes} | ${first["10"].runs} | ` +
			`${ratio <= 1.05 ? "yes" : "**no**"} / ${weightRatio <= 1.05 ? "yes" : "**no**"} |`);
		const d = declared[key];
		if (!d) continue;
		const slowest = Math.max(...complete.map(([, by]) => weight(by["100000"])));
		const proof = Math.max(...complete.map(([, by]) => by["100000"].proof));
		charged.push(`| ${key} | ${us(d.refTime)} | ${us(pick((by) => weight(by["100000"])))} / ${us(slowest)} | ${us(d.refTime - slowest)} | ` +
			`${d.proof} | ${first["10"].proof} / ${proof} | ${proof <= d.proof ? "yes" : "**no**"} |`);
	}
	return `${growth.join("\n")}\n\n${charged.join("\n")}`;
}

function loadTable(file) {
	const load = JSON.parse(readFileSync(file, "utf8"));
	return JSON.stringify(load, null, 2);
}

console.log("### P1 scale\n");
console.log(scaleTable());
console.log("\n### P2 cost and block share\n");
console.log(costTable());
const load = option("--load");
if (load) {
	console.log("\n### P3 throughput\n");
	console.log(loadTable(load));
}
