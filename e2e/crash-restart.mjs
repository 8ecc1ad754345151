// A `cohort-node --dev` killed with SIGKILL mid-flow loses nothing it finalized, and continues.
//
//   node crash-restart.mjs before-crash  --ws ws://127.0.0.1:9944 --state state.json --kill-pid PID
//   node crash-restart.mjs after-restart --ws ws://127.0.0.1:9944 --state state.json
//
// `before-crash` runs Cohort calls (Bob creates a cohort, sudo approves a clinic as issuer) and a
// stream of transfers from the six dev accounts, records the finalized head and the state at it
// (balances, nonces, holds, total issuance, the cohort through `cohort_cohort`), sends one more
// burst, and — with that burst still in the transaction pool and blocks being authored — kills
// the node with SIGKILL. `after-restart` (same base path) finds the recorded block at its
// number with the same state, the chain finalizing new blocks, and new transactions (a transfer
// and a Cohort call) going through. Exits 0 on success, 1 with one line naming the failure.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UNIT, check, equal, expectEvent, finalizedAtLeast, freeBalance, send, step, withTimeout } from './common.mjs';

const TIME_LIMIT_SECONDS = 150;
const STREAM_BURSTS = 3;
const TRANSFERS_PER_SENDER = 3;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { ws: { type: 'string' }, state: { type: 'string' }, 'kill-pid': { type: 'string' } },
});
const phase = positionals[0];
let provider;

const SENDERS = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
const COHORT_SETTINGS = {
  name: 'Crash test cohort',
  governance: 'Cooperative',
  membersShare: 700_000,
  kAnonymityFloor: 2,
  voting: { votingPeriod: 10, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
};
const LONG_COVID = { system: 'Icd10', code: 'U09.9' };

function accounts() {
  const keyring = new Keyring({ type: 'sr25519' });
  const senders = SENDERS.map((name) => keyring.addFromUri(`//${name}`));
  const recipients = SENDERS.map((name) => keyring.addFromUri(`//CrashRestart//${name}`));
  return { senders, recipients, byName: Object.fromEntries(SENDERS.map((name, i) => [name, senders[i]])) };
}

// What must survive the crash: the block and the state at it, as plain JSON.
async function stateAt(api, hash, { addresses, cohortId, issuer }) {
  const at = await api.at(hash);
  const header = await api.rpc.chain.getHeader(hash);
  const state = {
    number: header.number.toNumber(),
    hash: hash.toString(),
    stateRoot: header.stateRoot.toHex(),
    totalIssuance: (await at.query.balances.totalIssuance()).toString(),
    issuerApproved: (await at.query.cohorts.issuers(issuer)).isSome,
    cohort: await provider.send('cohort_cohort', [cohortId, hash.toString()]),
    accounts: {},
  };
  for (const address of addresses) {
    const { nonce, data } = await at.query.system.account(address);
    const holds = (await at.query.balances.holds(address)).map(({ id, amount }) => [id.toJSON(), amount.toString()]);
    state.accounts[address] = {
      nonce: nonce.toNumber(),
      free: data.free.toString(),
      reserved: data.reserved.toString(),
      holds,
    };
  }
  return state;
}

// Signs `count` transfers per sender with consecutive nonces and submits them all at once,
// without waiting for blocks. Returns how many the pool accepted.
async function submitBurst(api, senders, recipients, nonces, count) {
  const submissions = [];
  senders.forEach((sender, i) => {
    for (let k = 0; k < count; k += 1) {
      const tx = api.tx.balances.transferKeepAlive(recipients[(i + k + 1) % recipients.length].address, UNIT + BigInt(k));
      const nonce = nonces.get(sender.address);
      nonces.set(sender.address, nonce + 1);
      submissions.push(tx.signAsync(sender, { nonce }).then((signed) => api.rpc.author.submitExtrinsic(signed)));
    }
  });
  return (await withTimeout(Promise.all(submissions), 'a burst of transfers')).length;
}

async function beforeCrash(api) {
  const killPid = Number(values['kill-pid']);
  check(killPid > 0, '--kill-pid is required');
  const { senders, recipients, byName } = accounts();
  await finalizedAtLeast(api, 1);

  step('Cohort calls: Bob creates a cohort, sudo approves //Ferdie as an issuer');
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber();
  const [created, approved] = await Promise.all([
    send(api, api.tx.cohorts.createCohort(LONG_COVID, COHORT_SETTINGS, []), byName.Bob, 'create cohort'),
    send(api, api.tx.sudo.sudo(api.tx.cohorts.approveIssuer(byName.Ferdie.address)), byName.Alice, 'approve issuer'),
  ]);
  expectEvent(created, 'cohorts', 'CohortCreated', 'create cohort');
  expectEvent(approved, 'sudo', 'Sudid', 'approve issuer');

  step(`a stream of transfers: ${STREAM_BURSTS} bursts of ${TRANSFERS_PER_SENDER} from each of ${senders.length} accounts`);
  const nonces = new Map();
  for (const sender of senders) {
    nonces.set(sender.address, (await api.rpc.system.accountNextIndex(sender.address)).toNumber());
  }
  for (let burst = 0; burst < STREAM_BURSTS; burst += 1) {
    await submitBurst(api, senders, recipients, nonces, TRANSFERS_PER_SENDER);
    const best = (await api.rpc.chain.getHeader()).number.toNumber();
    await finalizedAtLeast(api, best + 1, 60_000);
  }

  const finalized = await api.rpc.chain.getFinalizedHead();
  const watched = { addresses: [...senders, ...recipients].map((a) => a.address), cohortId, issuer: byName.Ferdie.address };
  const recorded = await stateAt(api, finalized, watched);
  check(recorded.cohort && recorded.cohort.name === COHORT_SETTINGS.name, 'the cohort is in the recorded state');
  check(recorded.issuerApproved, 'the issuer approval is in the recorded state');
  const received = recipients.reduce((sum, r) => sum + BigInt(recorded.accounts[r.address].free), 0n);
  check(received > 0n, 'some transfers of the stream are finalized before the crash');
  step(`recorded finalized #${recorded.number} (${recorded.hash.slice(0, 12)}…), its state root and ${watched.addresses.length} accounts`);

  step('one more burst and a Cohort call, then SIGKILL while they are in the pool');
  await submitBurst(api, senders, recipients, nonces, TRANSFERS_PER_SENDER);
  const charlie = byName.Charlie;
  const charlieNonce = nonces.get(charlie.address);
  nonces.set(charlie.address, charlieNonce + 1);
  await api.rpc.author.submitExtrinsic(
    await api.tx.cohorts.createCohort(LONG_COVID, { ...COHORT_SETTINGS, name: 'Lost in the crash?' }, []).signAsync(charlie, { nonce: charlieNonce }),
  );
  const pending = (await api.rpc.author.pendingExtrinsics()).length;
  const atKill = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
  process.kill(killPid, 'SIGKILL');
  check(pending > 0, 'transactions were in the pool at the kill');
  const finalizedAtKill = { number: atKill.number.toNumber(), hash: atKill.hash.toHex() };
  writeFileSync(values.state, JSON.stringify({ recorded, watched, finalizedAtKill }));
  step(`killed the node with ${pending} transactions in the pool and #${finalizedAtKill.number} finalized`);
}

async function afterRestart(api) {
  const { recorded, watched, finalizedAtKill } = JSON.parse(readFileSync(values.state, 'utf8'));
  const head = await api.rpc.chain.getHeader(await api.rpc.chain.getFinalizedHead());
  const finalizedNow = head.number.toNumber();
  step(`restarted with finalized #${finalizedNow}`);
  check(finalizedNow >= recorded.number, `finalized #${finalizedNow} after the restart is below the recorded #${recorded.number}`);

  step(`block #${recorded.number} is the same block, with the same state`);
  equal((await api.rpc.chain.getBlockHash(recorded.number)).toHex(), recorded.hash, `the hash of block #${recorded.number}`);
  equal(await stateAt(api, recorded.hash, watched), recorded, `the state at block #${recorded.number}`);
  step(`block #${finalizedAtKill.number}, finalized at the kill, is still finalized`);
  check(finalizedNow >= finalizedAtKill.number, `finalized #${finalizedNow} after the restart is below #${finalizedAtKill.number} at the kill`);
  equal((await api.rpc.chain.getBlockHash(finalizedAtKill.number)).toHex(), finalizedAtKill.hash, `the hash of block #${finalizedAtKill.number}`);

  step('the chain continues: new blocks are finalized');
  await finalizedAtLeast(api, finalizedNow + 3, 60_000);

  step('new transactions go through: a transfer and a Cohort call');
  const { byName, recipients } = accounts();
  const recipient = recipients[0].address;
  const before = await freeBalance(api, recipient);
  const amount = 5n * UNIT;
  const events = await send(api, api.tx.balances.transferKeepAlive(recipient, amount), byName.Eve, 'transfer after restart');
  expectEvent(events, 'balances', 'Transfer', 'transfer after restart');
  equal(await freeBalance(api, recipient), before + amount, 'the recipient after the new transfer');
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber();
  const created = await send(
    api,
    api.tx.cohorts.createCohort(LONG_COVID, { ...COHORT_SETTINGS, name: 'After the crash' }, [byName.Ferdie.address]),
    byName.Dave,
    'create cohort after restart',
  );
  expectEvent(created, 'cohorts', 'CohortCreated', 'create cohort after restart');
  equal((await provider.send('cohort_cohort', [cohortId])).name, 'After the crash', 'cohort_cohort of the new cohort');
}

async function main() {
  check(phase === 'before-crash' || phase === 'after-restart', 'phase: before-crash | after-restart');
  check(values.ws && values.state, '--ws and --state are required');
  const limit = setTimeout(() => {
    console.error(`crash-restart ${phase}: FAILED: over the time limit of ${TIME_LIMIT_SECONDS} s`);
    process.exit(1);
  }, TIME_LIMIT_SECONDS * 1000);
  await cryptoWaitReady();
  // No reconnection: after the kill, the provider must not retry for ever.
  provider = new WsProvider(values.ws, false);
  await withTimeout(provider.connect(), `connect to ${values.ws}`);
  const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), `connect to ${values.ws}`);
  try {
    if (phase === 'before-crash') await beforeCrash(api);
    else await afterRestart(api);
  } finally {
    clearTimeout(limit);
    await api.disconnect().catch(() => {});
  }
}

main().then(
  () => {
    console.log(`crash-restart ${phase}: passed`);
    process.exit(0);
  },
  (error) => {
    console.error(`crash-restart ${phase}: FAILED: ${error.message}`);
    process.exit(1);
  },
);
