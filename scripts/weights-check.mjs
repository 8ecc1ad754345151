// Checks that Cohort's weights are true to the code (`./scripts/benchmark.sh --check`, and CI):
//   1. every dispatchable of each Cohort pallet declares its weight from `T::WeightInfo`, and
//      every WeightInfo function it names has a benchmark of that name;
//   2. the benchmarks and the functions of `weights.rs` are the same list;
//   3. `weights.rs` was measured on the storage layout the pallet has now: its header records a
//      fingerprint of the storage declarations (lib.rs) and stored types (types.rs), which
//      `./scripts/benchmark.sh` writes when it measures.
// Exits 1 with one line per problem; `--fingerprint DIR` prints a pallet dir's fingerprint.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** The text of `source` without comments, whitespace collapsed. */
function normalized(source) {
	return source
		.replace(/\/\/[^\n]*/g, "")
		.replace(/\/\*[\s\S]*?\*\//g, "")
		.replace(/\s+/g, " ")
		.trim();
}

/** From `start`, the text up to the bracket or semicolon that closes the item. */
function item(source, start) {
	let depth = 0;
	for (let i = start; i < source.length; i++) {
		const c = source[i];
		if ("({[".includes(c)) depth++;
		else if (")}]".includes(c)) {
			depth--;
			if (depth === 0) return source.slice(start, i + 1);
		} else if (c === ";" && depth === 0) return source.slice(start, i + 1);
	}
	return source.slice(start);
}

/** The storage declarations of lib.rs and the type definitions of types.rs, normalized. */
export function storageLayout(palletDir) {
	const lib = readFileSync(join(palletDir, "src/lib.rs"), "utf8");
	const parts = [];
	for (const match of lib.matchAll(/#\[pallet::storage\]/g)) {
		const declaration = lib.indexOf("pub type", match.index);
		parts.push(normalized(item(lib, declaration)));
	}
	const typesFile = join(palletDir, "src/types.rs");
	if (existsSync(typesFile)) {
		const types = readFileSync(typesFile, "utf8");
		for (const match of types.matchAll(/\bpub (struct|enum|type) /g)) {
			parts.push(normalized(item(types, match.index)));
		}
	}
	return createHash("sha256").update(parts.join("\n")).digest("hex").slice(0, 16);
}

function benchmarksOf(source) {
	return [...source.matchAll(/#\[benchmark[^\]]*\]\s*(?:\/\/\/[^\n]*\s*)*fn (\w+)/g)].map((m) => m[1]);
}

function weightFunctionsOf(source) {
	const trait = item(source, source.indexOf("pub trait WeightInfo"));
	return [...trait.matchAll(/fn (\w+)\s*\(/g)].map((m) => m[1]);
}

/** Each dispatchable: its name and the WeightInfo functions its weight names. */
function callsOf(lib) {
	// `#[pallet::call(weight(…))]`: a call without its own weight uses the function of its name.
	const implicit = /#\[pallet::call\(weight\(/.test(lib);
	const calls = [];
	for (const match of lib.matchAll(/#\[pallet::call_index\(\d+\)\]/g)) {
		const rest = lib.slice(match.index);
		const name = rest.match(/pub fn (\w+)/)?.[1];
		const weightAt = rest.indexOf("#[pallet::weight");
		const fnAt = rest.indexOf("pub fn ");
		const weight = weightAt >= 0 && weightAt < fnAt ? item(rest, weightAt + 2) : "";
		let uses = [...weight.matchAll(/WeightInfo::(\w+)/g)].map((m) => m[1]);
		if (!weight && implicit) uses = [name];
		calls.push({ name, uses });
	}
	return calls;
}

function checkPallet(palletDir, problems) {
	const name = palletDir.split("/").pop();
	const lib = readFileSync(join(palletDir, "src/lib.rs"), "utf8");
	const benchmarks = new Set(benchmarksOf(readFileSync(join(palletDir, "src/benchmarking.rs"), "utf8")));
	const weights = readFileSync(join(palletDir, "src/weights.rs"), "utf8");
	const functions = new Set(weightFunctionsOf(weights));
	const calls = callsOf(lib);
	for (const call of calls) {
		if (call.uses.length === 0) problems.push(`${name}: call ${call.name} declares no WeightInfo weight`);
		for (const used of call.uses) {
			if (!benchmarks.has(used)) problems.push(`${name}: call ${call.name} uses ${used}, which has no benchmark`);
		}
	}
	for (const b of benchmarks) if (!functions.has(b)) problems.push(`${name}: benchmark ${b} is not in weights.rs: run ./scripts/benchmark.sh`);
	for (const f of functions) if (!benchmarks.has(f)) problems.push(`${name}: weights.rs has ${f}, which no benchmark measures`);
	const recorded = weights.match(/Storage layout: `([0-9a-f]+)`/)?.[1];
	const now = storageLayout(palletDir);
	if (recorded !== now) {
		problems.push(`${name}: weights.rs was measured on storage layout ${recorded ?? "(none recorded)"}, the pallet's is ${now} now: run ./scripts/benchmark.sh`);
	}
	if (/\/debug\//.test(weights)) problems.push(`${name}: weights.rs was measured by a debug build`);
	return calls.length;
}

const args = process.argv.slice(2);
if (args[0] === "--fingerprint") {
	console.log(storageLayout(args[1]));
	process.exit(0);
}
const problems = [];
let pallets = 0;
let calls = 0;
for (const dir of readdirSync(join(root, "pallets")).sort()) {
	const palletDir = join(root, "pallets", dir);
	if (!existsSync(join(palletDir, "src/benchmarking.rs"))) continue;
	pallets++;
	calls += checkPallet(palletDir, problems);
}
for (const file of readdirSync(join(root, "runtime/src/weights"))) {
	if (/\/debug\//.test(readFileSync(join(root, "runtime/src/weights", file), "utf8"))) {
		problems.push(`runtime/src/weights/${file} was measured by a debug build`);
	}
}
if (problems.length) {
	for (const p of problems) console.error(`error: ${p}`);
	process.exit(1);
}
console.log(`weights: ${pallets} Cohort pallets, ${calls} calls, each benchmarked and measured on its current storage layout`);
