// Edits a development chain spec (from `cohort-node build-spec --dev`) for the measuring scripts,
// with Node alone (no npm packages):
//   node scripts/chain-spec.mjs SPEC [--code WASM] [--fund N] [--out FILE]
// --code WASM      the genesis runs this runtime instead of the node's own (load.sh)
// --fund N         N more accounts, each with 10,000 COH, join the genesis balances
// --out FILE       where the edited spec goes (default: SPEC itself)
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const [specPath, ...rest] = process.argv.slice(2);
const options = {};
for (let i = 0; i < rest.length; i += 2) options[rest[i].replace(/^--/, "")] = rest[i + 1];
const known = ["code", "fund", "out"];
const unknown = Object.keys(options).filter((name) => !known.includes(name));
if (!specPath || unknown.length || Object.values(options).includes(undefined)) {
	console.error("usage: node scripts/chain-spec.mjs SPEC [--code WASM] [--fund N] [--out FILE]");
	process.exit(2);
}

const spec = JSON.parse(readFileSync(specPath, "utf8"));
const genesis = spec.genesis?.runtimeGenesis;
if (!genesis?.code || !genesis.patch?.balances?.balances) {
	console.error(`${specPath}: not a development chain spec (no genesis.runtimeGenesis code and balances)`);
	process.exit(1);
}
if (options.code) genesis.code = `0x${readFileSync(options.code).toString("hex")}`;
if (options.fund) {
	const count = Number(options.fund);
	if (!Number.isInteger(count) || count < 0) {
		console.error(`--fund ${options.fund}: a number of accounts, please`);
		process.exit(2);
	}
	const balances = genesis.patch.balances.balances;
	for (let i = 0; i < count; i++) {
		const account = createHash("sha256").update(`cohort-measuring/${i}`).digest();
		balances.push([ss58(account), 10_000_000_000_000]);
	}
}
writeFileSync(options.out ?? specPath, JSON.stringify(spec));

/** The generic-substrate (prefix 42) SS58 address of a 32-byte account. */
function ss58(account) {
	const body = Buffer.concat([Buffer.from([42]), account]);
	const checksum = createHash("blake2b512").update(Buffer.concat([Buffer.from("SS58PRE"), body])).digest();
	return base58(Buffer.concat([body, checksum.subarray(0, 2)]));
}

function base58(bytes) {
	const alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
	let number = BigInt(`0x${bytes.toString("hex")}`);
	let text = "";
	while (number > 0n) {
		text = alphabet[Number(number % 58n)] + text;
		number /= 58n;
	}
	for (const byte of bytes) {
		if (byte !== 0) break;
		text = `1${text}`;
	}
	return text;
}
