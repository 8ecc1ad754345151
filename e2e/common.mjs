// What the end-to-end scripts share: checks, time limits, transactions, events and balances.

export const UNIT = 10n ** 12n;
const TIMEOUT_MS = 180_000;

// Fails the script with `message` unless `condition` holds.
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// Fails unless `actual` and `expected` print the same (bigints included).
export function equal(actual, expected, what) {
  const show = (v) => JSON.stringify(v, (_, x) => (typeof x === 'bigint' ? `${x}n` : x));
  check(show(actual) === show(expected), `${what}: expected ${show(expected)}, got ${show(actual)}`);
}

// One line of progress.
export function step(text) {
  console.log(`- ${text}`);
}

// `promise`, or a rejection naming `what` after `ms` (three minutes unless given).
export function withTimeout(promise, what, ms = TIMEOUT_MS) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Signs and submits `tx`, waits until it is finalized (or only in a block, with
// `until: 'inBlock'`), and returns its events. A failed dispatch throws with the pallet's error
// name.
export function send(api, tx, signer, what, { until = 'finalized', timeoutMs = TIMEOUT_MS } = {}) {
  return withTimeout(
    new Promise((resolve, reject) => {
      tx.signAndSend(signer, ({ status, events, dispatchError }) => {
        if (dispatchError) {
          const reason = dispatchError.isModule
            ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(dispatchError.asModule))
            : dispatchError.toString();
          reject(new Error(`${what} failed: ${reason}`));
        } else if (status.isFinalized || (until === 'inBlock' && status.isInBlock)) {
          resolve(events.map(({ event }) => event));
        } else if (status.isInvalid || status.isDropped || status.isUsurped) {
          reject(new Error(`${what}: the transaction was ${status.type.toLowerCase()}`));
        }
      }).catch(reject);
    }),
    what,
    timeoutMs,
  );
}

export function findEvent(events, section, method) {
  return events.find((e) => e.section === section && e.method === method);
}

// The event `section.method` in `events`; fails naming `what` when it is missing.
export function expectEvent(events, section, method, what) {
  const event = findEvent(events, section, method);
  check(event, `${what}: no ${section}.${method} event`);
  return event;
}

// Resolves with the first finalized header whose number is at least `number`.
export function finalizedAtLeast(api, number, ms = TIMEOUT_MS) {
  return withTimeout(
    new Promise((resolve, reject) => {
      api.rpc.chain
        .subscribeFinalizedHeads((header) => {
          if (header.number.toNumber() >= number) resolve(header);
        })
        .catch(reject);
    }),
    `block ${number} finalized`,
    ms,
  );
}

// The free balance of `address`, as a bigint.
export async function freeBalance(api, address) {
  return (await api.query.system.account(address)).data.free.toBigInt();
}

// Ends the script with exit code 1 and one line naming `name` and what it was doing if it runs
// longer than `seconds`: a hang fails instead of stalling CI. `doing()` tells what was under
// way. Returns a function that lifts the limit.
export function scriptTimeLimit(name, seconds, doing = () => 'unknown') {
  const timer = setTimeout(() => {
    console.error(`${name}: FAILED: over the time limit of ${seconds} s (while: ${doing()})`);
    process.exit(1);
  }, seconds * 1000);
  return () => clearTimeout(timer);
}

// The fee `who` paid in `events` (their `TransactionFeePaid`), 0 if none.
export function feePaid(events, who) {
  return events
    .filter((e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid' && e.data.who.toString() === who)
    .reduce((sum, e) => sum + e.data.actualFee.toBigInt(), 0n);
}

// What `address` has on hold, as `{ 'pallet.Reason': amount }` (bigints), e.g.
// `{ 'dataLicensing.Escrow': 1000n }`.
export async function holdsOf(api, address) {
  const holds = {};
  for (const { id, amount } of await api.query.balances.holds(address)) {
    const [pallet, reason] = Object.entries(id.toJSON())[0];
    holds[`${pallet}.${reason}`] = (holds[`${pallet}.${reason}`] ?? 0n) + amount.toBigInt();
  }
  return holds;
}

// The events of finalized block `number` (including those of its `on_initialize`).
export async function eventsAt(api, number) {
  await finalizedAtLeast(api, number);
  const hash = await api.rpc.chain.getBlockHash(number);
  return (await api.query.system.events.at(hash)).map(({ event }) => event);
}

// Signs transactions with nonces counted here, so that one account may have several in the
// pool at once (the node's next index would hand two concurrent ones the same nonce). Every
// transaction of an account must then go through the same sender.
export function createSender(api, { timeoutMs = 120_000 } = {}) {
  const nonces = new Map();
  const nextNonce = (address) => {
    const last = nonces.get(address) ?? api.rpc.system.accountNextIndex(address).then((n) => n.toNumber() - 1);
    const next = last.then((n) => n + 1);
    nonces.set(address, next);
    return next;
  };

  // Resolves once `tx` is finalized with `{ events, blockNumber, error }`: `error` names the
  // pallet error (`section.Name`) if the dispatch failed, and is undefined otherwise.
  const attempt = async (tx, signer, what) => {
    const nonce = await nextNonce(signer.address);
    return withTimeout(
      new Promise((resolve, reject) => {
        tx.signAndSend(signer, { nonce }, ({ status, events, dispatchError }) => {
          if (status.isFinalized) {
            let error;
            if (dispatchError) {
              error = dispatchError.isModule
                ? (({ section, name }) => `${section}.${name}`)(api.registry.findMetaError(dispatchError.asModule))
                : dispatchError.toString();
            }
            api.rpc.chain
              .getHeader(status.asFinalized)
              .then((header) => resolve({ events: events.map(({ event }) => event), blockNumber: header.number.toNumber(), error }))
              .catch(reject);
          } else if (status.isInvalid || status.isDropped || status.isUsurped) {
            reject(new Error(`${what}: the transaction was ${status.type.toLowerCase()} (nonce ${nonce})`));
          }
        }).catch((error) => reject(new Error(`${what}: ${error.message}`)));
      }),
      what,
      timeoutMs,
    );
  };

  // As `attempt`, but a failed dispatch throws with the error's name.
  const send = async (tx, signer, what) => {
    const result = await attempt(tx, signer, what);
    check(!result.error, `${what} failed: ${result.error}`);
    return result;
  };

  // As `attempt`, but fails unless the dispatch failed with exactly `error` (`section.Name`).
  const fails = async (tx, signer, error, what) => {
    const result = await attempt(tx, signer, what);
    check(result.error === error, `${what}: expected ${error}, got ${result.error ?? 'success'}`);
    return result;
  };

  return { attempt, send, fails };
}
