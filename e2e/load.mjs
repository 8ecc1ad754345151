// Throughput under load on a fresh `cohort-node --dev` chain (scripts/load.sh starts one):
//
//   node load.mjs ws://127.0.0.1:PORT [--accounts 400] [--blocks 5] [--max-txs 12000]
//                 [--time-limit 600] [--json results.json] [--node-log node.log]
//   node load.mjs --check [options]     (only checks the options)
//
// Set-up, by real transactions: //Alice funds `--accounts` accounts derived from a fixed seed
// (batched transfers); through sudo and `utility.dispatchAsFallible`, a clinic is approved as
// issuer, an operator's cohort created, and every account attested, joined, consenting to AI
// training and given data units; the operator licenses the dataset to a lab (royalties for
// every member to claim) and a member opens a quadratic-voting proposal.
//
// Then three phases, each from every account: (a) `balances.transferKeepAlive`,
// (b) `quadraticVoting.vote` (a vote may be changed, so each voter alternates Aye and Nay on the
// one proposal), (c) `membership.setConsent` changes mixed with one `royalties.claim` each.
// Each phase pre-signs `--blocks` blocks' worth (by the call's declared ref time and length;
// an upper bound, since `vote` reports less after dispatch when it prunes nothing, and the
// proof size is reclaimed after dispatch), submits them all, many in
// flight, and reads every block that includes them: extrinsics per full block, per second,
// weight and proof size used, successes and failures. `--node-log` (the node's log) adds why
// the node stopped filling each block.
// The goal: votes per full block ≥ 0.8 × transfers per full block (reported, not enforced).
// Exits 1 if a phase's transaction fails dispatch or never lands (the measure would mean
// nothing), or over the time limit.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { stringToU8a } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UNIT, check, createSender, expectEvent, scriptTimeLimit, step, withTimeout } from './common.mjs';

// The options (counts as numbers), or one line and exit 1.
const { positionals, values } = (() => {
  const counts = { accounts: '400', blocks: '5', 'max-txs': '12000', 'time-limit': '600' };
  try {
    const options = { json: { type: 'string' }, 'node-log': { type: 'string' }, check: { type: 'boolean' } };
    for (const [name, value] of Object.entries(counts)) options[name] = { type: 'string', default: value };
    const parsed = parseArgs({ allowPositionals: true, options });
    for (const name of Object.keys(counts)) {
      const value = Number(parsed.values[name]);
      if (!Number.isInteger(value) || value < (name === 'accounts' ? 2 : 1)) throw new Error(`--${name}: not a count: ${parsed.values[name]}`);
      parsed.values[name] = value;
    }
    return parsed;
  } catch (error) {
    console.error(`load: FAILED: ${error.message}`);
    process.exit(1);
  }
})();
const GOAL = 0.8; // votes per block ≥ GOAL × transfers per block
const CHUNK = 0.3; // share of a block's normal weight one set-up batch may use
const IN_FLIGHT = 256; // submissions awaiting the node's answer at once
const CLAIM_ROUNDS = 5; // phase (c): each member claims in one of its first rounds
const RESUBMIT_AFTER = 3; // blocks taking none of a submitted phase before sending the rest again
const CONSENT = [
  { academicResearch: false, commercialResearch: false, aiTraining: true, publicHealth: false },
  { academicResearch: true, commercialResearch: false, aiTraining: true, publicHealth: false },
];
let doing = 'connecting';

// The block limits of the normal class, which signed transactions fill.
function blockLimits(api) {
  const { perClass } = api.consts.system.blockWeights;
  const max = perClass.normal.maxTotal.unwrap();
  return {
    refTime: max.refTime.toNumber(),
    proofSize: max.proofSize.toNumber(),
    length: api.consts.system.blockLength.max.normal.toNumber(),
    baseExtrinsic: perClass.normal.baseExtrinsic.refTime.toNumber(),
  };
}

// `tx` signed at once with `nonce`, immortal (no round trip to the node).
function signNow(api, tx, pair, nonce) {
  const { genesisHash, runtimeVersion, extrinsicType: version } = api;
  return tx.sign(pair, { nonce, blockHash: genesisHash, genesisHash, runtimeVersion, signedExtensions: api.registry.signedExtensions, version });
}

// What one signed `tx` costs a block: ref time (with the base extrinsic), proof size, length.
async function costOf(api, limits, tx, signer) {
  const signed = signNow(api, api.tx(tx.method), signer, 0);
  const { weight } = await api.call.transactionPaymentApi.queryInfo(signed.toU8a(), signed.encodedLength);
  return { refTime: weight.refTime.toNumber() + limits.baseExtrinsic, proofSize: weight.proofSize.toNumber(), length: signed.encodedLength };
}

function errorName(api, dispatchError) {
  if (!dispatchError.isModule) return dispatchError.toString();
  const { section, name } = api.registry.findMetaError(dispatchError.asModule);
  return `${section}.${name}`;
}

// Splits `items`, each costing `cost`, into batches that fit in `CHUNK` of a block.
function chunks(items, cost, limits) {
  const size = Math.max(1, Math.floor(CHUNK * Math.min(limits.refTime / cost.refTime, limits.proofSize / cost.proofSize)));
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
}

// Sends `sudo(batchAll(calls))` from Alice; fails unless every call succeeded.
async function sudoAll(api, sender, alice, calls, what) {
  const { events } = await sender.send(api.tx.sudo.sudo(api.tx.utility.batchAll(calls)), alice, what);
  const result = expectEvent(events, 'sudo', 'Sudid', what).data.sudoResult;
  check(result.isOk, `${what} failed: ${result.isErr ? errorName(api, result.asErr) : result}`);
}

// Everything the phases need, by real transactions; returns the cohort and the proposal.
async function setUp(api, limits, { alice, clinic, operator, lab, members }) {
  const sender = createSender(api, { timeoutMs: 300_000 });
  const as = (who, call) => api.tx.utility.dispatchAsFallible({ system: { Signed: who.address } }, call);
  const { cohorts, dataLicensing, quadraticVoting } = api.query;
  const ids = await Promise.all([cohorts.nextCohortId(), dataLicensing.nextDatasetId(), dataLicensing.nextOfferId(),
    dataLicensing.nextRequestId(), quadraticVoting.nextProposalId()]);
  const [cohort, dataset, offer, request, proposal] = ids.map((id) => id.toNumber());
  const expiresAt = (await api.rpc.chain.getHeader()).number.toNumber() + 100_000;
  const fund = [[clinic, 1_000n], [operator, 1_000n], [lab, 5_000n], ...members.map((m) => [m, 100n])]
    .map(([who, coh]) => api.tx.balances.transferKeepAlive(who.address, coh * UNIT));
  const join = (m, i) => [
    as(clinic, api.tx.membership.attest(cohort, m.address, blake2AsHex(stringToU8a(`load/${i}`)), expiresAt, blake2AsHex('evidence'))),
    as(m, api.tx.membership.join(cohort, null)),
    as(m, api.tx.membership.setConsent(cohort, CONSENT[0])),
    as(clinic, api.tx.membership.recordContribution(cohort, m.address, 10)),
  ];
  const fundCost = await costOf(api, limits, fund[0], alice);
  const joinCost = await costOf(api, limits, api.tx.sudo.sudo(api.tx.utility.batchAll(join(members[0], 0))), alice);
  const approved = (await cohorts.issuers(clinic.address)).isSome; // on a used chain

  // All sent at once: Alice's nonces order them, so each lands after the ones it needs.
  step(`funding ${members.length} accounts, a clinic, an operator and a lab`);
  const sends = chunks(fund, fundCost, limits).map((batch) => sender.send(api.tx.utility.batchAll(batch), alice, 'funding'));
  step(`approving the clinic; the operator creates cohort ${cohort}; ${members.length} members join`);
  const settings = {
    name: 'Load test', membersShare: 500_000, kAnonymityFloor: 1,
    governance: { Operator: { operator: operator.address, operatorShare: 300_000 } },
    voting: { votingPeriod: 20_000, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
  };
  sends.push(sudoAll(api, sender, alice, [
    ...(approved ? [] : [api.tx.cohorts.approveIssuer(clinic.address)]),
    as(operator, api.tx.cohorts.createCohort({ system: 'Icd10', code: 'U09.9' }, settings, [clinic.address])),
  ], 'create the cohort'));
  for (const group of chunks(members.map((_, i) => i), joinCost, limits)) {
    sends.push(sudoAll(api, sender, alice, group.flatMap((i) => join(members[i], i)), 'members join'));
  }
  step('a licence pays royalties to every member; a member opens a proposal');
  sends.push(sudoAll(api, sender, alice, [
    as(operator, api.tx.dataLicensing.registerDataset(cohort, blake2AsHex('load bundle'), ['Observation'], 'bafy-load', 500)),
    as(operator, api.tx.dataLicensing.publishOffer(dataset, 'AiTraining', 1_000n * UNIT, 200_000, blake2AsHex('terms'))),
    as(lab, api.tx.dataLicensing.request(offer)),
    as(operator, api.tx.dataLicensing.approve(request, blake2AsHex('load licence'))),
    as(members[0], api.tx.quadraticVoting.propose(cohort, api.tx.cohorts.spend(cohort, members[0].address, 1), blake2AsHex('load'))),
  ], 'royalties and a proposal'));
  let done = 0;
  await Promise.all(sends.map((p) => p.then(() => step(`set-up: ${++done} of ${sends.length} batches finalized`))));
  const pending = await api.call.cohortApi.pendingRoyalties(cohort, members.at(-1).address);
  check(pending.some(([, amount]) => amount.toBigInt() > 0n), 'the members have royalties to claim');
  check((await quadraticVoting.proposals(proposal)).isSome, `proposal ${proposal} is open`);
  return { cohort, proposal };
}

// The phase's transactions: the t-th goes to account t mod N in round t div N, as
// `kindOf(round, account)` says; `nth` counts the account's earlier ones of that kind. Stops at
// `--blocks` blocks' worth by ref time or length, or at `--max-txs`.
function plan(accounts, costs, kindOf, limits) {
  const used = { refTime: 0, length: 0 };
  const seen = new Map();
  const txs = [];
  while (txs.length < values['max-txs'] && Math.max(used.refTime / limits.refTime, used.length / limits.length) < values.blocks) {
    const [account, round] = [txs.length % accounts, Math.floor(txs.length / accounts)];
    const kind = kindOf(round, account);
    const nth = seen.get(`${account}/${kind}`) ?? 0;
    seen.set(`${account}/${kind}`, nth + 1);
    used.refTime += costs[kind].refTime;
    used.length += costs[kind].length;
    txs.push({ account, round, kind, nth });
  }
  return txs;
}

// Submits signed transactions, many at once, round by round: an account's previous nonce is
// in the pool before its next arrives, so none waits in the future queue (the fork-aware pool
// drops a future transaction when the views that knew it are pruned). Resolves with the
// rejected ones.
async function submitAll(provider, signed) {
  const rejected = [];
  for (const round of [...new Set(signed.map((s) => s.round))].sort((a, b) => a - b)) {
    const queue = signed.filter((s) => s.round === round);
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        await provider.send('author_submitExtrinsic', [item.tx.toHex()]).catch((error) => rejected.push({ ...item, error: error.message }));
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  }
  return rejected;
}

// Block arrivals (wall clock), so that each block can be read in turn.
async function headTracker(api) {
  const arrived = new Map();
  const wake = [];
  let best = (await api.rpc.chain.getHeader()).number.toNumber();
  const stop = await api.rpc.chain.subscribeNewHeads((header) => {
    const number = header.number.toNumber();
    if (!arrived.has(number)) arrived.set(number, Date.now());
    best = Math.max(best, number);
    wake.splice(0).forEach((resolve) => resolve());
  });
  return {
    best: () => best,
    async reach(number) {
      while (best < number) await new Promise((resolve) => wake.push(resolve));
      return arrived.get(number) ?? arrived.get(best);
    },
    stop,
  };
}

// Block `number`: how many of `mine` (hash → transaction, emptied as they land) it includes,
// their outcomes, and the normal-class weight it used.
async function readBlock(api, number, mine) {
  const hash = await api.rpc.chain.getBlockHash(number);
  const [signed, events, weight] = await Promise.all([
    api.rpc.chain.getBlock(hash), api.query.system.events.at(hash), api.query.system.blockWeight.at(hash),
  ]);
  const errors = new Map(); // extrinsic index → the error of a failed dispatch
  for (const { phase, event } of events) {
    if (phase.isApplyExtrinsic && api.events.system.ExtrinsicFailed.is(event)) {
      errors.set(phase.asApplyExtrinsic.toNumber(), errorName(api, event.data.dispatchError));
    }
  }
  const block = { number, included: 0, failed: 0, errors: [], refTime: weight.normal.refTime.toNumber(), proofSize: weight.normal.proofSize.toNumber() };
  signed.block.extrinsics.forEach((extrinsic, index) => {
    if (!mine.delete(extrinsic.hash.toHex())) return;
    block.included += 1;
    if (errors.has(index)) block.errors.push(errors.get(index));
  });
  block.failed = block.errors.length;
  return block;
}

// One measured phase: sign, submit, read every block until all of it is in.
async function runPhase(api, provider, heads, limits, name, txs, sign) {
  doing = `${name}: signing`;
  let started = Date.now();
  const signed = txs.map((t) => ({ ...t, tx: sign(t) }));
  const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
  step(`${name}: ${signed.length} transactions from ${new Set(txs.map((t) => t.account)).size} accounts signed in ${seconds()} s; submitting`);
  const mine = new Map(signed.map((s) => [s.tx.hash.toHex(), s]));
  const first = heads.best() + 1;
  let inPoolAt; // the best block once the whole phase was in the pool
  started = Date.now();
  const submitted = submitAll(provider, signed).then((rejected) => {
    inPoolAt = heads.best();
    step(`${name}: all submitted in ${seconds()} s (best block #${inPoolAt})`);
    rejected.forEach((r) => mine.delete(r.tx.hash.toHex())); // they will not land
    check(rejected.length === 0, `${name}: the pool rejected ${rejected.length} transactions, e.g. ${rejected[0]?.error}`);
  });
  submitted.catch(() => {}); // awaited below; read blocks meanwhile
  const blocks = [];
  let [empty, idle, resubmitted, resubmissions] = [0, 0, 0, 0];
  for (let number = first; mine.size > 0; number += 1) {
    doing = `${name}: waiting for block #${number}, ${mine.size} transactions not included yet`;
    const time = await withTimeout(heads.reach(number), doing, 120_000);
    const block = { ...(await readBlock(api, number, mine)), time };
    if (block.included > 0) {
      blocks.push(block);
      idle = 0;
      step(`${name}: #${number}: ${block.included} included (${block.failed} failed), ` +
        `${pct(block.refTime, limits.refTime)} ref time, ${pct(block.proofSize, limits.proofSize)} proof size; ${mine.size} to go`);
    } else if (blocks.length > 0) {
      empty += 1;
      if (inPoolAt === undefined || ++idle < RESUBMIT_AFTER) continue;
      // The pool dropped some (a lagging node's pool can drop an account's later nonces):
      // send what is left again, twice at most.
      check(resubmissions++ < 2, `${name}: ${mine.size} transactions left the pool without landing`);
      const accepted = mine.size - (await submitAll(provider, [...mine.values()])).length;
      resubmitted += accepted;
      step(`${name}: no block took any for ${idle}; sent again the ${accepted} the pool had dropped`);
      if (!values['node-log']) inPoolAt = heads.best(); // without end reasons, count only blocks after this
      idle = 0;
    }
  }
  await submitted;
  return { ...summarize(name, blocks, inPoolAt, limits), emptyBlocks: empty, resubmitted };
}

const pct = (used, limit) => `${((100 * used) / limit).toFixed(1)}%`;

// From the node's log, why building each block stopped (`HitBlockWeightLimit`, …) and how long.
function endReasons() {
  const reasons = new Map();
  if (!values['node-log']) return reasons;
  for (const match of readFileSync(values['node-log'], 'utf8').matchAll(/proposing at (\d+) \((\d+) ms\).*end: (\w+)/g)) {
    reasons.set(Number(match[1]), { reason: match[3], ms: Number(match[2]) });
  }
  return reasons;
}

// A block is full when it was built after the whole phase was in the pool (one built while it
// arrived may have run out of it), a later block took more of the phase, and (with the node's
// log) its building did not stop for want of ready transactions. Per second: what landed after
// the phase's first block, over the time from it to the last.
function summarize(name, blocks, inPoolAt, limits) {
  const reasons = endReasons();
  const last = blocks.at(-1);
  const full = blocks.filter((b) => b.number > inPoolAt + 1 && b.number < last.number && reasons.get(b.number)?.reason !== 'NoMoreTransactions');
  const mean = (f) => (full.length ? full.reduce((sum, b) => sum + f(b), 0) / full.length : null);
  const sum = (f) => blocks.reduce((total, b) => total + f(b), 0);
  const seconds = (last.time - blocks[0].time) / 1000;
  return {
    phase: name,
    included: sum((b) => b.included),
    failed: sum((b) => b.failed),
    errors: [...new Set(blocks.flatMap((b) => b.errors))],
    fullBlocks: full.map((b) => b.number),
    perFullBlock: mean((b) => b.included),
    perSecond: seconds > 0 ? (sum((b) => b.included) - blocks[0].included) / seconds : null,
    refTimePercent: mean((b) => (100 * b.refTime) / limits.refTime),
    proofSizePercent: mean((b) => (100 * b.proofSize) / limits.proofSize),
    endReasons: [...new Set(full.map((b) => reasons.get(b.number)?.reason).filter(Boolean))],
    perBlock: blocks.map(({ number, included, refTime, proofSize }) => ({ number, included, refTime, proofSize, ...reasons.get(number) })),
  };
}

// The table (Markdown), the goal, notes, and the JSON file if asked for.
function report(api, results, limits) {
  const fmt = (x, digits = 1) => (x === null ? 'n/a' : x.toFixed(digits));
  console.log('\n| phase | extrinsics / full block | extrinsics / s | block weight (ref time) used % | proof size used % | full blocks | included (ok / failed) | full blocks ended by |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const r of results) {
    console.log(`| ${r.phase} | ${fmt(r.perFullBlock)} | ${fmt(r.perSecond)} | ${fmt(r.refTimePercent)} | ${fmt(r.proofSizePercent)} | ` +
      `${r.fullBlocks.length} | ${r.included} (${r.included - r.failed} / ${r.failed}) | ${r.endReasons.join(', ') || 'n/a'} |`);
  }
  const [transfers, votes] = results;
  const ratio = transfers.perFullBlock && votes.perFullBlock !== null ? votes.perFullBlock / transfers.perFullBlock : null;
  const verdict = ratio === null ? 'not measured (a phase filled no block)' : ratio >= GOAL ? 'MET' : 'NOT met';
  console.log(`\nvotes per block / transfers per block = ${fmt(ratio, 2)} (goal ≥ ${GOAL}): ${verdict}`);
  for (const r of results) {
    if (r.fullBlocks.length < 3) console.log(`note: ${r.phase}: ${r.fullBlocks.length} full block(s) only; raise --blocks or --max-txs for a steadier measure`);
    if (r.emptyBlocks > 0) console.log(`note: ${r.phase}: ${r.emptyBlocks} block(s) took none of it while some was left`);
    if (r.resubmitted > 0) console.log(`note: ${r.phase}: the pool dropped ${r.resubmitted} transactions, sent again`);
  }
  if (values.json) {
    const runtime = `${api.runtimeVersion.specName}/${api.runtimeVersion.specVersion}`;
    writeFileSync(values.json, JSON.stringify({ runtime, options: values, limits, goal: GOAL, ratio, goalMet: ratio >= GOAL, phases: results }, null, 2));
    console.log(`results written to ${values.json}`);
  }
}

async function main() {
  if (values.check) return; // `--check`: the options are good
  const url = positionals[0] ?? '';
  check(/^ws:\/\/127\.0\.0\.1:\d+\/?$/.test(url), `usage: node load.mjs ws://127.0.0.1:PORT [options] (got '${url}'): only a local node`);
  scriptTimeLimit('load', values['time-limit'], () => doing);
  await cryptoWaitReady();
  const provider = new WsProvider(url);
  const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), `connect to ${url}`);
  const keyring = new Keyring({ type: 'sr25519' });
  const key = (name) => keyring.addFromUri(`//CohortLoad//${name}`);
  const members = Array.from({ length: values.accounts }, (_, i) => key(i));
  const limits = blockLimits(api);
  doing = 'set-up';
  const started = Date.now();
  const { cohort, proposal } = await setUp(api, limits, {
    alice: keyring.addFromUri('//Alice'), clinic: key('clinic'), operator: key('operator'), lab: key('lab'), members,
  });
  step(`set-up done in ${Math.round((Date.now() - started) / 1000)} s`);

  const nonces = (await api.query.system.account.multi(members.map((m) => m.address))).map((a) => a.nonce.toNumber());
  // Each voter changes its vote (Aye, Nay, Aye, …); each consent change flips AcademicResearch.
  const calls = {
    transfer: (t) => api.tx.balances.transferKeepAlive(members[(t.account + 1) % members.length].address, 1_000_000),
    vote: (t) => api.tx.quadraticVoting.vote(proposal, t.nth % 2 ? 'Nay' : 'Aye', 1),
    claim: () => api.tx.royalties.claim(cohort),
    consent: (t) => api.tx.membership.setConsent(cohort, CONSENT[(t.nth + 1) % 2]),
  };
  const costs = {};
  for (const [kind, call] of Object.entries(calls)) costs[kind] = await costOf(api, limits, call({ account: 0, nth: 0 }), members[0]);
  const sign = (t) => signNow(api, calls[t.kind](t), members[t.account], nonces[t.account]++);
  const heads = await headTracker(api);
  const results = [];
  for (const [name, kindOf] of [
    ['transfers', () => 'transfer'],
    ['votes', () => 'vote'],
    ['consent + claims', (round, account) => (round === account % CLAIM_ROUNDS ? 'claim' : 'consent')],
  ]) {
    const txs = plan(members.length, costs, kindOf, limits);
    const bounds = [...new Set(txs.map((t) => t.kind))].map((k) => `${Math.floor(limits.refTime / costs[k].refTime)} ${k}s by ref time ` +
      `(${Math.floor(limits.proofSize / costs[k].proofSize)} by benchmarked proof size, before reclaim)`);
    step(`${name}: a block holds at most ${bounds.join(', ')}`);
    const result = await runPhase(api, provider, heads, limits, name, txs, sign);
    results.push(result);
    check(result.failed === 0, `${name}: ${result.failed} of ${result.included} transactions failed dispatch ` +
      `(${result.errors.join(', ')}): the measure means nothing`);
  }
  heads.stop();
  report(api, results, limits);
  await api.disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`load: FAILED: ${error.message ?? error}`);
    process.exit(1);
  },
);
