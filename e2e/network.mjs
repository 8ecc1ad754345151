// Steps 2-4 of the live-network test (scripts/network-test.sh; zombienet runs this through
// zombienet/network-steps.sh once its own checks of step 1 passed):
//
//   node network.mjs --relay WS --collator1 WS --collator2 WS --upgrade-wasm FILE [--log FILE]
//
// 1. (again, from the client's side) the parachain's finalized head advances and never passes
//    the head the relay chain has included: its finality is the relay chain's.
// 2. A real Cohort flow through collator 1: a council motion approves a clinic as issuer, a
//    cohort is created, a patient joins and votes on a proposal; the state is read back from
//    collator 2, so the blocks really propagated.
// 3. Collator 2 is killed with SIGKILL: collator 1 keeps producing; restarted on its base path,
//    collator 2 syncs back to the tip.
// 4. A runtime upgrade through governance: sudo authorizes the code hash of a runtime built
//    with spec_version + 1, anyone applies it; the relay chain accepts the new validation code
//    and both collators go on producing blocks with the new spec_version.
//
// Every step has a time limit and fails naming the step and the reason. Exits 0 on success.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { spawn, execFileSync } from 'node:child_process';
import { appendFileSync, openSync, readFileSync, readlinkSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { check, equal, expectEvent, send, withTimeout, scriptTimeLimit } from './common.mjs';

const PARA_ID = 1000;
const MINUTE = 60_000;

const { values } = parseArgs({
  options: {
    relay: { type: 'string' },
    collator1: { type: 'string' },
    collator2: { type: 'string' },
    'upgrade-wasm': { type: 'string' },
    log: { type: 'string' },
  },
});
for (const option of ['relay', 'collator1', 'collator2', 'upgrade-wasm']) {
  if (!values[option]) {
    console.error(`error: --${option} is required`);
    process.exit(2);
  }
}

const started = Date.now();
function progress(text) {
  const line = `[network ${Math.round((Date.now() - started) / 1000)}s] ${text}`;
  console.log(line);
  if (values.log) appendFileSync(values.log, `${line}\n`);
}

// Runs step `name` within `ms`; a failure names the step.
async function stepWithin(name, ms, body) {
  progress(`${name} ...`);
  const t0 = Date.now();
  try {
    const result = await withTimeout(body(), name, ms);
    progress(`${name}: ok (${Math.round((Date.now() - t0) / 1000)} s)`);
    return result;
  } catch (error) {
    throw new Error(`step "${name}" failed: ${error.message}`);
  }
}

const providers = new WeakMap();
async function connect(url) {
  const provider = new WsProvider(url, 1000);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  providers.set(api, provider);
  return api;
}
// A `cohort_*` (or any) JSON-RPC method of the node behind `api`.
const rpc = (api, method, params) => providers.get(api).send(method, params);

// Resolves once `predicate(header)` holds for a new best (or finalized) head of `api`.
function headWhere(api, predicate, { finalized = false } = {}) {
  return new Promise((resolve, reject) => {
    const subscribe = finalized ? api.rpc.chain.subscribeFinalizedHeads : api.rpc.chain.subscribeNewHeads;
    // `predicate` may be async (e.g. a storage query at each new head).
    subscribe((header) => {
      Promise.resolve(predicate(header))
        .then((ok) => ok && resolve(header))
        .catch(reject);
    }).catch(reject);
  });
}
const bestNumber = async (api) => (await api.rpc.chain.getHeader()).number.toNumber();
const finalizedNumber = async (api) =>
  (await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead())).number.toNumber();

// The parachain head the relay chain has included for para 1000, decoded as a header number.
async function includedParaNumber(relay, para) {
  const head = await relay.query.paras.heads(PARA_ID);
  check(head.isSome, 'the relay chain has a head for para 1000');
  return para.createType('Header', head.unwrap().toU8a(true)).number.toNumber();
}

async function finalityFromRelay(relay, para) {
  const first = await finalizedNumber(para);
  const later = await headWhere(para, (h) => h.number.toNumber() > first, { finalized: true });
  const included = await includedParaNumber(relay, para);
  check(
    later.number.toNumber() <= included,
    `parachain finalized #${later.number} is ahead of the head the relay chain included (#${included})`,
  );
  progress(`  parachain finalized #${first} -> #${later.number}; relay has included #${included}`);
}

async function cohortFlow(api1, api2, keyring) {
  const [alice, bob, dave, clinic] = ['Alice', 'Bob', 'Dave', 'Ferdie'].map((n) => keyring.addFromUri(`//${n}`));
  const until = { until: 'inBlock', timeoutMs: 5 * MINUTE };

  progress('  the council approves //Ferdie as an issuer (2/3 motion)');
  const approve = api1.tx.cohorts.approveIssuer(clinic.address);
  const lengthBound = approve.method.encodedLength;
  let events = await send(api1, api1.tx.oversightCouncil.propose(2, approve, lengthBound), alice, 'council propose', until);
  const { proposalHash, proposalIndex } = expectEvent(events, 'oversightCouncil', 'Proposed', 'council propose').data;
  for (const member of [alice, bob]) {
    await send(api1, api1.tx.oversightCouncil.vote(proposalHash, proposalIndex, true), member, 'council vote', until);
  }
  const weight = (await api1.call.transactionPaymentCallApi.queryCallInfo(approve, lengthBound)).weight;
  events = await send(api1, api1.tx.oversightCouncil.close(proposalHash, proposalIndex, weight, lengthBound), alice, 'council close', until);
  check(expectEvent(events, 'oversightCouncil', 'Executed', 'council close').data.result.isOk, 'the motion executed');

  progress('  //Bob creates a cohort that accepts the clinic');
  const cohortId = (await api1.query.cohorts.nextCohortId()).toNumber();
  await send(
    api1,
    api1.tx.cohorts.createCohort(
      { system: 'Icd10', code: 'U09.9' },
      {
        name: 'Long COVID (network test)',
        governance: 'Cooperative',
        membersShare: 700_000, // 70%; the council's platform share is 5%, the treasury takes 25%
        kAnonymityFloor: 2,
        voting: { votingPeriod: 20, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
      },
      [clinic.address],
    ),
    bob,
    'create cohort',
    until,
  );

  progress('  //Dave joins with the clinic\'s attestation and votes on a proposal');
  const person = blake2AsHex(`network-test/dave/${cohortId}`);
  const expiresAt = (await bestNumber(api1)) + 10_000;
  await send(api1, api1.tx.membership.attest(cohortId, dave.address, person, expiresAt, blake2AsHex('evidence')), clinic, 'attest', until);
  await send(api1, api1.tx.membership.join(cohortId, null), dave, 'join', until);
  const proposal = (await api1.query.quadraticVoting.nextProposalId()).toNumber();
  await send(
    api1,
    api1.tx.quadraticVoting.propose(cohortId, api1.tx.cohorts.spend(cohortId, alice.address, 1n), blake2AsHex('study')),
    dave,
    'propose',
    until,
  );
  events = await send(api1, api1.tx.quadraticVoting.vote(proposal, 'Aye', 3), dave, 'vote', { timeoutMs: 5 * MINUTE });
  equal(expectEvent(events, 'quadraticVoting', 'Voted', 'vote').data.cost.toNumber(), 9, 'three votes cost 9 credits');

  progress('  reading the result back from collator 2');
  const voteBlock = await finalizedNumber(api1);
  await headWhere(api2, (h) => h.number.toNumber() >= voteBlock, { finalized: true });
  const membership = await rpc(api2, 'cohort_membership', [cohortId, dave.address]);
  equal(membership && membership.status, 'Active', 'collator 2: cohort_membership status of //Dave');
  const tally = await rpc(api2, 'cohort_proposal', [proposal]);
  equal(tally && [tally.ayes, tally.voters], [3, 1], 'collator 2: cohort_proposal tally');
}

// The cohort-node process of `name`, with what it takes to start it again.
function findCollator(name) {
  const pids = execFileSync('pgrep', ['-f', '--', `--name ${name}`]).toString().trim().split('\n').map(Number);
  for (const pid of pids) {
    let exe;
    try {
      exe = readlinkSync(`/proc/${pid}/exe`);
    } catch {
      continue;
    }
    if (!exe.endsWith('/cohort-node')) continue;
    const split = (file) => readFileSync(`/proc/${pid}/${file}`).toString().split('\0').filter(Boolean);
    const env = Object.fromEntries(split('environ').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));
    return { pid, exe, args: split('cmdline').slice(1), cwd: readlinkSync(`/proc/${pid}/cwd`), env };
  }
  throw new Error(`no cohort-node process runs as ${name}`);
}

async function killAndRestart(api1, collator2Url) {
  const victim = findCollator('cohort-collator-2');
  progress(`  SIGKILL to cohort-collator-2 (pid ${victim.pid})`);
  process.kill(victim.pid, 'SIGKILL');
  const from = await bestNumber(api1);
  await headWhere(api1, (h) => h.number.toNumber() >= from + 3);
  progress(`  collator 1 went on: #${from} -> #${await bestNumber(api1)}`);

  // Beside the collator's base path, in the network's directory, never in the checkout.
  const basePath = victim.args[victim.args.indexOf('--base-path') + 1];
  const logFile = `${basePath ?? victim.cwd}.restarted.log`;
  const out = openSync(logFile, 'a');
  const child = spawn(victim.exe, victim.args, { cwd: victim.cwd, env: victim.env, stdio: ['ignore', out, out], detached: true });
  child.unref();
  progress(`  restarted on the same base path (pid ${child.pid}, log ${logFile})`);
  const api2 = await connect(collator2Url);
  const tip = await bestNumber(api1);
  await headWhere(api2, (h) => h.number.toNumber() >= tip);
  const health = await api2.rpc.system.health();
  progress(`  collator 2 is back at #${await bestNumber(api2)} (collator 1 at #${await bestNumber(api1)}, peers ${health.peers})`);
  return { api2, pid: child.pid };
}

async function runtimeUpgrade(relay, api1, api2, keyring, wasmPath) {
  const alice = keyring.addFromUri('//Alice');
  const code = readFileSync(wasmPath);
  const codeHash = blake2AsHex(code, 256);
  const before = api1.runtimeVersion.specVersion.toNumber();
  progress(`  spec_version ${before}; new code ${code.length} bytes, hash ${codeHash}`);

  // Finalized, not just in a block: the upgrade is checked against the collator's best block,
  // which may be on a fork that does not have the authorization yet.
  let events = await send(api1, api1.tx.sudo.sudo(api1.tx.system.authorizeUpgrade(codeHash)), alice, 'authorize upgrade', {
    until: 'finalized',
    timeoutMs: 5 * MINUTE,
  });
  expectEvent(events, 'system', 'UpgradeAuthorized', 'authorize upgrade');
  events = await send(api1, api1.tx.system.applyAuthorizedUpgrade(u8aToHex(code)), alice, 'apply authorized upgrade', {
    until: 'inBlock',
    timeoutMs: 5 * MINUTE,
  });
  expectEvent(events, 'parachainSystem', 'ValidationFunctionStored', 'apply authorized upgrade');
  progress('  the parachain stored the new validation function; waiting for the relay chain to enact it');

  const upgraded = (api) =>
    new Promise((resolve, reject) => {
      api.rpc.state
        .subscribeRuntimeVersion((version) => {
          if (version.specVersion.toNumber() === before + 1) resolve(version);
        })
        .catch(reject);
    });
  await upgraded(api1);
  // The parachain switches on the relay's go-ahead; the relay makes the new code current when it
  // includes the first candidate built with it, a few relay blocks later.
  await headWhere(relay, async () => (await relay.query.paras.currentCodeHash(PARA_ID)).toString() === codeHash);
  const relayCodeHash = (await relay.query.paras.currentCodeHash(PARA_ID)).toString();
  equal(relayCodeHash, codeHash, "the relay chain's current validation code hash of para 1000");
  progress(`  the relay chain made the new validation code current (${relayCodeHash})`);
  await upgraded(api2);
  for (const [api, name] of [
    [api1, 'collator 1'],
    [api2, 'collator 2'],
  ]) {
    const from = await bestNumber(api);
    await headWhere(api, (h) => h.number.toNumber() >= from + 3);
    const version = await api.rpc.state.getRuntimeVersion();
    equal(version.specVersion.toNumber(), before + 1, `${name}: spec_version after the upgrade`);
    progress(`  ${name}: #${from} -> #${await bestNumber(api)} on spec_version ${version.specVersion}`);
  }
}

async function main() {
  await cryptoWaitReady();
  const keyring = new Keyring({ type: 'sr25519' });
  const [relay, api1, api2] = await Promise.all([values.relay, values.collator1, values.collator2].map(connect));
  let restarted;
  try {
    await stepWithin('1. parachain finality follows the relay chain', 5 * MINUTE, () => finalityFromRelay(relay, api1));
    await stepWithin('2. a Cohort flow via collator 1, read back from collator 2', 20 * MINUTE, () =>
      cohortFlow(api1, api2, keyring),
    );
    await api2.disconnect();
    restarted = await stepWithin('3. collator 2 killed with -9 and restarted', 10 * MINUTE, () =>
      killAndRestart(api1, values.collator2),
    );
    await stepWithin('4. runtime upgrade to spec_version + 1 on the live network', 15 * MINUTE, () =>
      runtimeUpgrade(relay, api1, restarted.api2, keyring, values['upgrade-wasm']),
    );
    progress('network: every step passed');
  } finally {
    // The restarted collator is ours, not zombienet's: stop it so the teardown leaves nothing.
    if (restarted) {
      await restarted.api2.disconnect().catch(() => {});
      try {
        process.kill(restarted.pid, 'SIGTERM');
      } catch {}
    }
    await Promise.all([relay, api1].map((api) => api.disconnect().catch(() => {})));
  }
}

// A hang fails the script instead of stalling CI (the relay chain and collators take minutes to start).
scriptTimeLimit('network', 1800);
main().then(
  () => process.exit(0),
  (error) => {
    progress(`FAILED: ${error.message}`);
    console.error(`network test failed: ${error.message}`);
    process.exit(1);
  },
);
