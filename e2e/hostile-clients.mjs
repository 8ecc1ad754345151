// Hostile clients against a running `cohort-node --dev`: each bad request gets a clear error,
// the node keeps producing blocks, and its memory stays bounded.
//
//   node hostile-clients.mjs --ws ws://127.0.0.1:9944 --pid PID --max-rss-mib N --max-growth-mib N
//
// 1. Malformed extrinsics through `author_submitExtrinsic`: a bad signature, another key's
//    signature, a stale nonce, a wrong genesis hash in the signed payload,
//    a call over the block length, undecodable call bytes, random and empty bytes, bad hex, an
//    unsigned transfer, a replay, a duplicate; a nonce far in the future is held, not applied.
// 2. Every `cohort_*` method (listed by `rpc_methods`) with wrong types, too many parameters,
//    bad and unknown block hashes, huge parameters, named parameters that do not exist,
//    out-of-range limits, and unknown ids (which answer null or empty, not an error).
// 3. The raw endpoint: invalid JSON, an empty batch, a wrong content type, 16 MiB bodies, a
//    large batch; over WebSocket invalid JSON, an invalid id, a 16 MiB message.
// 4. A burst of concurrent calls (`cohort_*` and `chain_*`) over several connections, with the
//    node's resident memory (VmRSS of /proc/PID/status) read before and after.
// Then the best block has advanced and a transfer still goes through. Exits 0 on success, 1
// with one line naming the failure.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { UNIT, check, equal, expectEvent, finalizedAtLeast, send, step, withTimeout } from './common.mjs';

const TIME_LIMIT_SECONDS = 150;
const REQUEST_TIMEOUT_MS = 30_000;
const BURST_CONNECTIONS = 10;
const BURST_CALLS_PER_CONNECTION = 200;
const MIB = 1024 * 1024;

const { values } = parseArgs({
  options: {
    ws: { type: 'string' },
    pid: { type: 'string' },
    'max-rss-mib': { type: 'string' },
    'max-growth-mib': { type: 'string' },
  },
});
const httpUrl = (values.ws ?? '').replace(/^ws/, 'http');
const ALICE_ON_DEV = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const UNKNOWN_BLOCK = `0x${'00'.repeat(31)}01`;

// Every `cohort_*` method with parameters that make a valid call (the block hash comes last),
// and the answer for ids that do not exist (null, nothing, or nothing owed). A new method fails the test until it is added here.
const COHORT_METHODS = {
  cohort_cohort: { params: [0], unknown: [4294967295], answer: null },
  cohort_membership: { params: [0, ALICE_ON_DEV], unknown: [4294967295, ALICE_ON_DEV], answer: null },
  cohort_voiceCredits: { params: [0, ALICE_ON_DEV], unknown: [4294967295, ALICE_ON_DEV], answer: null },
  cohort_proposal: { params: [0], unknown: [4294967295], answer: null },
  cohort_pendingRoyalties: {
    params: [0, ALICE_ON_DEV],
    unknown: [4294967295, ALICE_ON_DEV],
    answer: ['AcademicResearch', 'CommercialResearch', 'AiTraining', 'PublicHealth'].map((purpose) => ({ purpose, amount: '0' })),
  },
  cohort_liveGrants: { params: [0, ALICE_ON_DEV], unknown: [4294967295, ALICE_ON_DEV], answer: [] },
  cohort_licencesPaying: { params: [0, ALICE_ON_DEV, 10], unknown: [4294967295, ALICE_ON_DEV, 64], answer: [] },
  cohort_whatCameOfMyData: {
    params: [0, ALICE_ON_DEV, 10],
    unknown: [4294967295, ALICE_ON_DEV, 64],
    answer: { licences: [], insights: [] },
  },
  cohort_outcomes: { params: [0, 10], unknown: [4294967295, 64], answer: [] },
};

// The resident memory of the node, in MiB.
function nodeRssMib() {
  const status = readFileSync(`/proc/${values.pid}/status`, 'utf8');
  const kib = Number(/^VmRSS:\s+(\d+) kB$/m.exec(status)?.[1]);
  check(kib > 0, `no VmRSS in /proc/${values.pid}/status`);
  return Math.round(kib / 1024);
}

// One JSON-RPC request over HTTP; `body` is sent as it is when it is a string.
async function http(body, { contentType = 'application/json' } = {}) {
  const response = await withTimeout(
    fetch(httpUrl, {
      method: 'POST',
      headers: { 'Content-Type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    }),
    `HTTP request ${String(typeof body === 'string' ? body : JSON.stringify(body)).slice(0, 80)}`,
    REQUEST_TIMEOUT_MS,
  );
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

// POSTs a large `body`. With `declareLength`, the body waits for the node's `100 Continue`
// (as curl does), so that a refusal on the declared length is always read; without, it is
// sent chunked at once. Resolves with the answer, or `closedWhileSending` if the node closed
// the connection before the client could read one.
function httpUpload(body, { declareLength }) {
  const headers = { 'Content-Type': 'application/json' };
  if (declareLength) Object.assign(headers, { 'Content-Length': Buffer.byteLength(body), Expect: '100-continue' });
  const upload = new Promise((resolve) => {
    const request = httpRequest(httpUrl, { method: 'POST', headers }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        let json;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: response.statusCode, text, json });
      });
    });
    request.on('error', (error) => resolve({ closedWhileSending: error.code }));
    request.on('socket', (socket) => socket.on('error', () => {}));
    if (declareLength) request.on('continue', () => request.end(body));
    else request.end(body);
  });
  return withTimeout(upload, `an upload of ${Math.round(body.length / MIB)} MiB`, REQUEST_TIMEOUT_MS);
}

let nextId = 1;
function call(method, params) {
  return http({ jsonrpc: '2.0', id: nextId++, method, params });
}

// Fails unless `response` is a JSON-RPC error with `code` whose message (and data) match
// `pattern`; returns the error's text.
function expectError(response, code, pattern, what) {
  const error = response.json?.error;
  check(error, `${what}: expected error ${code}, got ${response.text.slice(0, 200)}`);
  const text = `${error.message}${error.data === undefined ? '' : `: ${error.data}`}`;
  check(error.code === code, `${what}: expected error ${code}, got ${error.code} (${text.slice(0, 200)})`);
  check(pattern.test(text), `${what}: error ${code} says "${text.slice(0, 200)}", expected ${pattern}`);
  return text.split('\n')[0];
}

async function malformedExtrinsics(api, keyring) {
  const [alice, bob] = ['Alice', 'Bob'].map((name) => keyring.addFromUri(`//${name}`));
  const recipient = keyring.addFromUri('//HostileClients//recipient');
  const transfer = () => api.tx.balances.transferKeepAlive(recipient.address, UNIT);
  const submit = (hex) => call('author_submitExtrinsic', [hex]);

  step('a valid transfer first, so that Alice has a nonce to be stale against');
  const valid = await transfer().signAsync(alice, { nonce: (await api.rpc.system.accountNextIndex(alice.address)).toNumber() });
  await send(api, transfer(), alice, 'a valid transfer');
  const nonce = (await api.rpc.system.accountNextIndex(alice.address)).toNumber();
  const signed = (tx, options = {}) => tx.signAsync(alice, { nonce, ...options }).then((t) => t.toHex());

  const goodTx = await transfer().signAsync(alice, { nonce });
  const good = goodTx.toHex();
  const signature = goodTx.signature.toHex().slice(2);
  const flipped = good.replace(signature, (signature[0] === '0' ? '1' : '0') + signature.slice(1));
  check(flipped !== good, 'the signature is not where expected in the extrinsic');
  const byBob = (await transfer().signAsync(bob, { nonce: 0 })).toHex();
  // Bob signs; the extrinsic names Alice as the signer.
  const impersonating = byBob.replace(u8aToHex(bob.publicKey).slice(2), u8aToHex(alice.publicKey).slice(2));
  check(impersonating !== byBob, "Bob's key is not in his extrinsic");
  const fakeGenesis = `0x${'11'.repeat(32)}`;
  const remark = await api.tx.system.remark('0x1234').signAsync(alice, { nonce });
  const callHex = remark.method.toHex().slice(2);
  const remarkHex = remark.toHex();
  const at = remarkHex.lastIndexOf(callHex);
  const undecodable = `${remarkHex.slice(0, at)}ff${remarkHex.slice(at + 2)}`;
  const random = u8aToHex(Uint8Array.from({ length: 200 }, (_, i) => (i * 151 + 7) % 256));
  const oversized = await signed(api.tx.system.remark(u8aToHex(new Uint8Array(5.5 * MIB).fill(7))));

  const cases = [
    ['a flipped bit in the signature', flipped, 1010, /Invalid Transaction: Transaction has a bad signature/],
    ["Bob's signature on Alice's transfer", impersonating, 1010, /Invalid Transaction: Transaction has a bad signature/],
    ['a stale nonce (already used)', valid.toHex(), 1010, /Invalid Transaction: Transaction is outdated/],
    ['a wrong genesis hash in the signed payload', await signed(transfer(), { era: 0, blockHash: fakeGenesis, genesisHash: fakeGenesis }), 1010, /bad signature/],
    ['a 5.5 MiB remark, over the block length', oversized, 1010, /Invalid Transaction: Transaction would exhaust the block limits/],
    ['undecodable call bytes (pallet index 255)', undecodable, 1002, /Verification Error: Runtime error: Execution failed/],
    ['200 random bytes', random, 1040, /Could not decode/],
    ['empty bytes', '0x', 1040, /Could not decode/],
    ['text that is not hex', '0xnot-hex', -32602, /Invalid params: invalid hex character/],
    ['an unsigned transfer', transfer().toHex(), 1011, /Unknown Transaction Validity: NoUnsignedValidator/],
  ];
  for (const [what, hex, code, pattern] of cases) {
    step(`${what}: ${expectError(await submit(hex), code, pattern, what)}`);
  }

  step('the same transaction twice at once: the second is already imported');
  const twice = await Promise.all([submit(good), submit(good)]);
  const [first, second] = twice[0].json?.error ? [twice[1], twice[0]] : twice;
  check(first.json?.result, `the first copy is accepted: ${first.text.slice(0, 200)}`);
  expectError(second, 1013, /Transaction Already Imported/, 'the duplicate');

  step('a nonce far in the future is held in the pool, never applied, and removable');
  // Immortal: a mortal era is born at the signer's best block, which a busy node's pool may not
  // have imported yet (then "ancient birth block"); the nonce is what this case is about.
  const future = await signed(transfer(), { nonce: nonce + 1_000, era: 0 });
  const held = await submit(future);
  check(held.json?.result, `the future transaction is accepted into the pool: ${held.text.slice(0, 200)}`);
  await finalizedAtLeast(api, (await api.rpc.chain.getHeader()).number.toNumber() + 2);
  // The pool rebuilds its view at every block; a removal that lands while it does is queued for
  // the new view and answered with nothing removed. So: removed now, or gone a block later.
  const remove = () => call('author_removeExtrinsic', [[{ hash: held.json.result }]]);
  const pending = async () => (await api.rpc.author.pendingExtrinsics()).some((xt) => xt.hash.toHex() === held.json.result);
  const removed = await remove();
  check(Array.isArray(removed.json?.result), `author_removeExtrinsic answers: ${removed.text.slice(0, 200)}`);
  if (removed.json.result.length === 0) {
    await finalizedAtLeast(api, (await api.rpc.chain.getHeader()).number.toNumber() + 1);
    if (await pending()) equal((await remove()).json?.result, [held.json.result], 'author_removeExtrinsic of the future transaction, again');
  } else {
    equal(removed.json.result, [held.json.result], 'author_removeExtrinsic of the future transaction');
  }
  check(!(await pending()), 'the future transaction is no longer in the pool');
  equal((await api.rpc.system.accountNextIndex(alice.address)).toNumber(), nonce + 1, "Alice's next nonce (only the good copy applied)");
}

async function malformedCohortCalls(bestHash) {
  const listed = (await call('rpc_methods', [])).json.result.methods.filter((m) => m.startsWith('cohort_')).sort();
  equal(listed, Object.keys(COHORT_METHODS).sort(), 'the cohort_* methods listed by rpc_methods');
  let checked = 0;
  for (const [method, { params, unknown, answer }] of Object.entries(COHORT_METHODS)) {
    const full = [...params, bestHash];
    const expect = async (callParams, code, pattern, what) => {
      expectError(await call(method, callParams), code, pattern, `${method} with ${what}`);
      checked += 1;
    };
    const ok = await call(method, full);
    check(ok.json && 'result' in ok.json, `${method} with valid parameters: ${ok.text.slice(0, 200)}`);
    equal((await call(method, [...unknown, bestHash])).json?.result, answer, `${method} with unknown ids`);

    await expect([...full, 7], -32602, new RegExp(`takes at most ${full.length} parameters, got ${full.length + 1}`), 'one parameter too many');
    await expect(Array.from({ length: 100_000 }, (_, i) => i), -32602, /Invalid params/, '100,000 parameters');
    await expect([...params, '0xzz'], -32602, /Invalid params/, 'a block hash that is not hex');
    await expect([...params, '0x1234'], -32602, /Invalid params/, 'a block hash of 2 bytes');
    await expect([...params, UNKNOWN_BLOCK], 9001, /unknown Block/, 'an unknown block hash');
    await expect(['x'.repeat(MIB), ...params.slice(1)], -32602, /Invalid params/, 'a 1 MiB string for a number');
    await expect([2 ** 64, ...params.slice(1)], -32602, /Invalid params/, 'a number over u32');
    await expect([-1, ...params.slice(1)], -32602, /Invalid params/, 'a negative number');
    await expect(params.map(() => ({})), -32602, /Invalid params/, 'objects for every parameter');
    await expect({ noSuchParameter: 1 }, -32602, /Invalid params/, 'a named parameter that does not exist');
    await expect([], -32602, /Invalid params/, 'no parameters');
    if (params.length > 1 && typeof params[1] === 'string') {
      await expect([params[0], '5xx', bestHash], -32602, /Invalid params/, 'an account that is not SS58');
    }
    if (method === 'cohort_licencesPaying' || method === 'cohort_whatCameOfMyData' || method === 'cohort_outcomes') {
      const max = params.length - 1;
      for (const outOfRange of [0, 65]) {
        const p = [...params];
        p[max] = outOfRange;
        await expect(p, -32602, /max must be between 1 and 64/, `max ${outOfRange}`);
      }
    }
  }
  step(`${Object.keys(COHORT_METHODS).length} cohort_* methods: ${checked} malformed calls, each a JSON-RPC error`);
}

// Sends `text` over a fresh WebSocket and resolves with its first answer, or with `closed` and
// the close code if the node closes the connection instead.
function wsExchange(text, { waitMs = 5_000 } = {}) {
  return withTimeout(
    new Promise((resolve, reject) => {
      const ws = new WebSocket(values.ws, { maxPayload: 64 * MIB });
      ws.on('open', () => ws.send(text));
      ws.on('message', (data) => {
        resolve({ json: JSON.parse(data.toString()) });
        ws.close();
      });
      ws.on('close', (code) => resolve({ closed: true, code }));
      ws.on('error', reject);
      setTimeout(() => {
        resolve({ silent: true });
        ws.close();
      }, waitMs);
    }),
    `WebSocket exchange ${text.slice(0, 60)}`,
    REQUEST_TIMEOUT_MS,
  );
}

async function rawEndpoint() {
  expectError(await http('{"jsonrpc":"2.0","id":1,"method":"cohort_cohort","params":[0'), -32700, /Parse error/, 'HTTP: invalid JSON');
  expectError(await http('[]'), -32600, /Invalid request/, 'HTTP: an empty batch');
  expectError(await http('{"id":1,"method":"cohort_cohort","params":[0]}'), -32600, /Invalid request/, 'HTTP: no "jsonrpc"');
  const plain = await http({ jsonrpc: '2.0', id: 1, method: 'cohort_cohort', params: [0] }, { contentType: 'text/plain' });
  equal(plain.status, 415, 'HTTP: a wrong content type is refused with 415');
  const hugeBody = `{"jsonrpc":"2.0","id":1,"method":"cohort_cohort","params":["${'a'.repeat(16 * MIB)}"]}`;
  const declared = await httpUpload(hugeBody, { declareLength: true });
  equal(declared.status, 413, 'HTTP: a declared 16 MiB body is refused with 413');
  expectError(declared, -32007, /Request is too big/, 'HTTP: a declared 16 MiB body');
  // Without a length the node reads up to its limit (15 MiB) and then refuses. It may close
  // the connection while the client still writes, and the client may then lose the answer
  // (EPIPE): either way the body is refused, not buffered.
  const chunked = await httpUpload(hugeBody, { declareLength: false });
  check(
    chunked.closedWhileSending || (chunked.status === 413 && chunked.json?.error?.code === -32007),
    `HTTP: a 16 MiB chunked body is refused, got ${JSON.stringify(chunked).slice(0, 200)}`,
  );
  const padded = await http(`{"jsonrpc":"2.0","id":1,"method":"cohort_cohort","params":[0]}${' '.repeat(11 * 1000 * 1000)}`);
  check(padded.json && 'result' in padded.json, `HTTP: an 11 MB body under the limit is answered: ${padded.text.slice(0, 200)}`);
  const batch = Array.from({ length: 500 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'cohort_cohort', params: [i % 3] }));
  const answers = (await http(batch)).json;
  check(Array.isArray(answers) && answers.length === 500 && answers.every((a) => 'result' in a), 'HTTP: a batch of 500 is answered in full');
  step(
    `HTTP: invalid JSON, an empty batch, no "jsonrpc", text/plain (415), 16 MiB declared (413, -32007) and chunked (${chunked.closedWhileSending ? 'closed' : '413'}), a padded 11 MB body, a batch of 500`,
  );

  const invalid = await wsExchange('{"jsonrpc":"2.0","id":1,"method":');
  equal(invalid.json?.error?.code, -32700, 'WebSocket: invalid JSON answers a parse error');
  const bigMessage = await wsExchange(`{"jsonrpc":"2.0","id":1,"method":"cohort_cohort","params":["${'a'.repeat(16 * MIB)}"]}`);
  check(
    bigMessage.closed || bigMessage.json?.error?.code === -32007,
    `WebSocket: a 16 MiB message is refused or closes the connection, got ${JSON.stringify(bigMessage).slice(0, 200)}`,
  );
  // jsonrpsee takes a call whose id is neither a number, a string nor null for a notification:
  // no answer. What matters is that the connection still answers the next call.
  const ws = new WebSocket(values.ws);
  const next = await withTimeout(
    new Promise((resolve, reject) => {
      ws.on('open', () => {
        ws.send('{"jsonrpc":"2.0","id":{"an":"object"},"method":"cohort_cohort","params":[0]}');
        ws.send('{"jsonrpc":"2.0","id":2,"method":"cohort_cohort","params":[0]}');
      });
      ws.on('message', (data) => resolve(JSON.parse(data.toString())));
      ws.on('error', reject);
    }),
    'WebSocket: the call after an invalid id',
    REQUEST_TIMEOUT_MS,
  );
  ws.close();
  equal(next.id, 2, 'WebSocket: the answer after a call with an object id');
  step(`WebSocket: invalid JSON (-32700), a 16 MiB message (${bigMessage.closed ? `closed, code ${bigMessage.code}` : '-32007'}), an object id (ignored; the connection goes on)`);
}

// `calls` JSON-RPC calls on one WebSocket, all sent at once; resolves with their answers.
function burstOn(calls) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(values.ws);
    const answers = new Map();
    ws.on('open', () => calls.forEach((c) => ws.send(JSON.stringify(c))));
    ws.on('message', (data) => {
      const answer = JSON.parse(data.toString());
      answers.set(answer.id, answer);
      if (answers.size === calls.length) {
        ws.close();
        resolve([...answers.values()]);
      }
    });
    ws.on('error', reject);
    ws.on('close', () => answers.size < calls.length && reject(new Error(`closed after ${answers.size} of ${calls.length} answers`)));
  });
}

async function burst(bestHash) {
  const methods = [
    ['cohort_cohort', [0]],
    ['cohort_membership', [0, ALICE_ON_DEV]],
    ['cohort_outcomes', [0, 64]],
    ['cohort_whatCameOfMyData', [0, ALICE_ON_DEV, 64]],
    ['chain_getHeader', []],
    ['chain_getHeader', [bestHash]],
  ];
  const connections = Array.from({ length: BURST_CONNECTIONS }, (_, c) =>
    Array.from({ length: BURST_CALLS_PER_CONNECTION }, (_, i) => {
      const [method, params] = methods[(c + i) % methods.length];
      return { jsonrpc: '2.0', id: i, method, params };
    }),
  );
  const total = BURST_CONNECTIONS * BURST_CALLS_PER_CONNECTION;
  const started = Date.now();
  const answers = (await withTimeout(Promise.all(connections.map(burstOn)), `a burst of ${total} calls`, 90_000)).flat();
  const failed = answers.filter((a) => !('result' in a));
  check(answers.length === total, `only ${answers.length} of ${total} calls answered`);
  check(failed.length === 0, `${failed.length} calls of the burst failed, e.g. ${JSON.stringify(failed[0])}`);
  return { total, seconds: (Date.now() - started) / 1000 };
}

async function main() {
  check(values.ws && values.pid, '--ws and --pid are required');
  const maxRss = Number(values['max-rss-mib']);
  const maxGrowth = Number(values['max-growth-mib']);
  check(maxRss > 0 && maxGrowth > 0, '--max-rss-mib and --max-growth-mib are required');
  const limit = setTimeout(() => {
    console.error(`hostile-clients: FAILED: over the time limit of ${TIME_LIMIT_SECONDS} s`);
    process.exit(1);
  }, TIME_LIMIT_SECONDS * 1000);
  await cryptoWaitReady();
  const api = await withTimeout(ApiPromise.create({ provider: new WsProvider(values.ws), noInitWarn: true }), `connect to ${values.ws}`);
  try {
    await finalizedAtLeast(api, 1);
    const startBest = (await api.rpc.chain.getHeader()).number.toNumber();
    const rssAtStart = nodeRssMib();
    step(`best block #${startBest}; node resident memory ${rssAtStart} MiB`);

    step('1. malformed extrinsics through author_submitExtrinsic');
    await malformedExtrinsics(api, new Keyring({ type: 'sr25519' }));

    step('2. malformed calls to every cohort_* method');
    const bestHash = (await api.rpc.chain.getBlockHash()).toHex();
    await malformedCohortCalls(bestHash);

    step('3. malformed and oversized requests to the raw endpoint');
    await rawEndpoint();

    step(`4. a burst of ${BURST_CONNECTIONS * BURST_CALLS_PER_CONNECTION} concurrent calls over ${BURST_CONNECTIONS} connections`);
    const rssBefore = nodeRssMib();
    const { total, seconds } = await burst(bestHash);
    const rssAfter = nodeRssMib();
    step(`${total} calls answered in ${seconds.toFixed(1)} s; resident memory ${rssBefore} MiB before, ${rssAfter} MiB after`);
    check(rssAfter < maxRss, `resident memory ${rssAfter} MiB after the burst, over the bound of ${maxRss} MiB`);
    check(rssAfter - rssAtStart < maxGrowth, `resident memory grew by ${rssAfter - rssAtStart} MiB, over the bound of ${maxGrowth} MiB`);

    step('the node still authors and finalizes blocks, and a transfer goes through');
    await finalizedAtLeast(api, Math.max(startBest, (await api.rpc.chain.getHeader()).number.toNumber()) + 2, 60_000);
    const keyring = new Keyring({ type: 'sr25519' });
    const events = await send(api, api.tx.balances.transferKeepAlive(keyring.addFromUri('//Bob').address, UNIT), keyring.addFromUri('//Charlie'), 'a transfer after the abuse');
    expectEvent(events, 'balances', 'Transfer', 'a transfer after the abuse');
    const endBest = (await api.rpc.chain.getHeader()).number.toNumber();
    step(`best block #${endBest} (from #${startBest}); resident memory ${nodeRssMib()} MiB (${rssAtStart} MiB at the start)`);
  } finally {
    clearTimeout(limit);
    await api.disconnect().catch(() => {});
  }
}

main().then(
  () => {
    console.log('hostile-clients: passed');
    process.exit(0);
  },
  (error) => {
    console.error(`hostile-clients: FAILED: ${error.message}`);
    process.exit(1);
  },
);
