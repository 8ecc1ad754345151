// End-to-end check of a `cohort-node --dev` chain through @polkadot/api, with no custom types.
//
//   node dev-chain.mjs transfer      --ws ws://127.0.0.1:9944 --state state.json
//   node dev-chain.mjs after-restart --ws ws://127.0.0.1:9944 --state state.json
//
// `transfer` waits for block 3 to be finalized, sends a signed transfer from //Alice to a fresh
// account, sees it finalized and the balances change by exactly the amount and the fee, and
// records where it landed. `after-restart` (same base path, node restarted) sees the chain at
// least as high as before, the transfer's block unchanged, the balance still there, and new
// blocks on top. Exits 0 on success, 1 with the reason otherwise.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { UNIT, check, finalizedAtLeast, freeBalance, withTimeout, scriptTimeLimit } from './common.mjs';


const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { ws: { type: 'string' }, state: { type: 'string' } },
});
const phase = positionals[0];

async function transfer(api, keyring) {
  check(api.runtimeVersion.specName.toString() === 'cohort', 'spec name is cohort');
  const finalized = await finalizedAtLeast(api, 3);
  console.log(`block ${finalized.number} finalized`);

  const alice = keyring.addFromUri('//Alice');
  const recipient = keyring.addFromUri('//CohortE2E//recipient');
  const amount = 7n * UNIT;
  const aliceBefore = await freeBalance(api, alice.address);
  check((await freeBalance(api, recipient.address)) === 0n, 'the recipient starts empty');

  const landed = await withTimeout(
    new Promise((resolve, reject) => {
      api.tx.balances
        .transferKeepAlive(recipient.address, amount)
        .signAndSend(alice, ({ status, events, dispatchError }) => {
          if (dispatchError) reject(new Error(`transfer failed: ${dispatchError.toString()}`));
          if (status.isFinalized) resolve({ blockHash: status.asFinalized, events });
        })
        .catch(reject);
    }),
    'transfer finalized',
  );

  const names = landed.events.map(({ event }) => `${event.section}.${event.method}`);
  check(names.includes('balances.Transfer'), `a Transfer event (got ${names})`);
  check(names.includes('system.ExtrinsicSuccess'), `an ExtrinsicSuccess event (got ${names})`);
  const feeEvent = landed.events.find(({ event }) =>
    api.events.transactionPayment.TransactionFeePaid.is(event),
  );
  check(feeEvent, 'a TransactionFeePaid event');
  const fee = feeEvent.event.data.actualFee.toBigInt();

  const recipientAfter = await freeBalance(api, recipient.address);
  const aliceAfter = await freeBalance(api, alice.address);
  check(recipientAfter === amount, `recipient holds ${recipientAfter}, expected ${amount}`);
  check(
    aliceAfter === aliceBefore - amount - fee,
    `alice holds ${aliceAfter}, expected ${aliceBefore} - ${amount} - fee ${fee}`,
  );

  const header = await api.rpc.chain.getHeader(landed.blockHash);
  const state = {
    blockNumber: header.number.toNumber(),
    blockHash: landed.blockHash.toHex(),
    recipient: recipient.address,
    amount: amount.toString(),
  };
  writeFileSync(values.state, JSON.stringify(state));
  console.log(`transfer of ${amount} finalized in block #${state.blockNumber}, fee ${fee}`);
}

async function afterRestart(api) {
  const state = JSON.parse(readFileSync(values.state, 'utf8'));
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  check(best >= state.blockNumber, `the chain restarted at #${best}, below #${state.blockNumber}`);

  const hash = (await api.rpc.chain.getBlockHash(state.blockNumber)).toHex();
  check(hash === state.blockHash, `block #${state.blockNumber} is now ${hash}`);
  const block = await api.rpc.chain.getBlock(hash);
  const transfers = block.block.extrinsics.filter(
    (xt) => xt.method.section === 'balances' && xt.method.method === 'transferKeepAlive',
  );
  check(transfers.length === 1, 'the transfer is still in its block');
  check(
    (await freeBalance(api, state.recipient)) === BigInt(state.amount),
    'the recipient still holds the amount',
  );

  const next = await finalizedAtLeast(api, best + 1);
  console.log(`restarted at #${best}; the chain continues: #${next.number} finalized`);
}

async function main() {
  check(phase === 'transfer' || phase === 'after-restart', 'phase: transfer | after-restart');
  check(values.ws && values.state, '--ws and --state are required');
  await cryptoWaitReady();
  const api = await withTimeout(
    ApiPromise.create({ provider: new WsProvider(values.ws), noInitWarn: true }),
    `connect to ${values.ws}`,
  );
  try {
    if (phase === 'transfer') await transfer(api, new Keyring({ type: 'sr25519' }));
    else await afterRestart(api);
  } finally {
    await api.disconnect();
  }
}

// A hang fails the script instead of stalling CI (each phase takes under a minute).
scriptTimeLimit('dev-chain', 240);
main().then(
  () => process.exit(0),
  (error) => {
    console.error(`e2e ${phase}: ${error.message}`);
    process.exit(1);
  },
);
