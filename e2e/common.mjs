// What the end-to-end scripts share: checks, time limits, blocks and balances.

export const UNIT = 10n ** 12n;
const TIMEOUT_MS = 180_000;

// Fails the script with `message` unless `condition` holds.
export function check(condition, message) {
  if (!condition) throw new Error(message);
}

// `promise`, or a rejection naming `what` after three minutes.
export function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Resolves with the first finalized header whose number is at least `number`.
export function finalizedAtLeast(api, number) {
  return withTimeout(
    new Promise((resolve, reject) => {
      api.rpc.chain
        .subscribeFinalizedHeads((header) => {
          if (header.number.toNumber() >= number) resolve(header);
        })
        .catch(reject);
    }),
    `block ${number} finalized`,
  );
}

// The free balance of `address`, as a bigint.
export async function freeBalance(api, address) {
  return (await api.query.system.account(address)).data.free.toBigInt();
}
