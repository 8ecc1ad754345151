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
