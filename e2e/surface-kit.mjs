// What the whole-surface flows (e2e/surface-*.mjs) share: the connection, a sender that lets
// several flows run at once, fee ledgers, council motions, cohort votes, and the arithmetic of a
// licence's split, all from the chain's own constants.

import { Keyring } from '@polkadot/keyring';
import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import {
  check,
  createSender,
  equal,
  eventsAt,
  expectEvent,
  feePaid,
  finalizedAtLeast,
  freeBalance,
  holdsOf,
  step,
} from './common.mjs';

export const PURPOSES = ['AcademicResearch', 'CommercialResearch', 'AiTraining', 'PublicHealth'];
const PER_MILLION = 1_000_000n;

// Everything a flow needs, built once per run.
export function createKit(api, provider) {
  const sender = createSender(api);
  const keyring = new Keyring({ type: 'sr25519' });
  // Fees each account paid, from the `TransactionFeePaid` events of its transactions.
  const feesOf = new Map();
  // What each flow is doing now: the time limit's message names it.
  const doing = new Map();

  const record = (result, signer) => {
    feesOf.set(signer.address, (feesOf.get(signer.address) ?? 0n) + feePaid(result.events, signer.address));
    return result;
  };

  const kit = {
    api,
    keyring,
    // Fresh accounts per run, so that a run on a used chain starts from nothing.
    run: Date.now().toString(36),
    dev: (name) => keyring.addFromUri(`//${name}`),
    fresh: (name) => keyring.addFromUri(`//surface/${kit.run}/${name}`),
    consts: {
      membershipDeposit: api.consts.membership.membershipDeposit.toBigInt(),
      attestationDeposit: api.consts.membership.attestationDeposit.toBigInt(),
      rotationDelay: api.consts.membership.rotationDelay.toNumber(),
      proposalDepositBase: api.consts.quadraticVoting.proposalDepositBase.toBigInt(),
      proposalDepositPerByte: api.consts.quadraticVoting.proposalDepositPerByte.toBigInt(),
      datasetDeposit: api.consts.dataLicensing.datasetDeposit.toBigInt(),
      offerDeposit: api.consts.dataLicensing.offerDeposit.toBigInt(),
      requestDeposit: api.consts.dataLicensing.requestDeposit.toBigInt(),
      reviewPeriod: api.consts.dataLicensing.reviewPeriod.toNumber(),
      cohortDeposit: api.consts.cohorts.cohortDeposit.toBigInt(),
      existentialDeposit: api.consts.balances.existentialDeposit.toBigInt(),
    },

    // Signs and waits for finalization; a failed dispatch throws. Records the fee.
    send: async (tx, signer, what) => record(await sender.send(tx, signer, what), signer),
    // Fails unless the dispatch fails with exactly `error` (`section.Name`). Records the fee.
    fails: async (tx, signer, error, what) => record(await sender.fails(tx, signer, error, what), signer),
    fees: (account) => feesOf.get(account.address) ?? 0n,

    rpc: (method, params) => provider.send(method, params),
    best: async () => (await api.rpc.chain.getHeader()).number.toNumber(),
    free: (account) => freeBalance(api, account.address ?? account),
    holds: (account) => holdsOf(api, account.address ?? account),

    // A progress line of `flow`; it also tells the time limit what `flow` is doing.
    // `say.done()` tells that `flow` is over.
    say: (flow) =>
      Object.assign(
        (text) => {
          doing.set(flow, text);
          step(`[${flow}] ${text}`);
        },
        { done: () => doing.delete(flow) },
      ),
    doing: () => [...doing].map(([flow, text]) => `[${flow}] ${text}`).join('; ') || 'connecting',

    // The nullifier of `name` in `cohort` (a clinic's hash; the chain never sees the identity).
    person: (cohort, name) => blake2AsHex(stringToU8a(`surface/${kit.run}/${name}/${cohort}`)),

    // The finalized events of blocks `from` to `to`, in order.
    eventsBetween: async (from, to) => {
      const all = [];
      for (let number = from; number <= to; number += 1) all.push(...(await eventsAt(api, number)));
      return all;
    },
  };

  // Snapshots an account's free balance and fees; `expect(change)` then checks, to the unit,
  // that the free balance moved by `change` plus the fees it paid since.
  kit.ledger = async (account, what) => {
    const free = await kit.free(account);
    const fees = kit.fees(account);
    return {
      free,
      expect: async (change, when) => {
        const paid = kit.fees(account) - fees;
        equal(await kit.free(account), free + change - paid, `${what}'s free balance ${when} (fees ${paid})`);
      },
    };
  };

  // Fails unless `account` holds exactly `expected` (`{ 'pallet.Reason': amount }`).
  kit.expectHolds = async (account, expected, what) => {
    const holds = await kit.holds(account);
    const wanted = Object.fromEntries(Object.entries(expected).filter(([, amount]) => amount !== 0n));
    equal(sorted(holds), sorted(wanted), `${what}'s holds`);
  };

  // The council's two-thirds motion for `call`: Alice proposes, Alice and Bob vote, Charlie
  // closes. Returns the events of the close, in which the call's own events are.
  kit.council = async (call, what) => {
    const [alice, bob, charlie] = ['Alice', 'Bob', 'Charlie'].map(kit.dev);
    const length = call.method.encodedLength;
    const { events } = await kit.send(api.tx.oversightCouncil.propose(2, call, length), alice, `council: propose ${what}`);
    const { proposalHash, proposalIndex } = expectEvent(events, 'oversightCouncil', 'Proposed', what).data;
    await Promise.all(
      [alice, bob].map((member) =>
        kit.send(api.tx.oversightCouncil.vote(proposalHash, proposalIndex, true), member, `council: vote ${what}`),
      ),
    );
    const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(call, length)).weight;
    const closed = await kit.send(
      api.tx.oversightCouncil.close(proposalHash, proposalIndex, weight, length),
      charlie,
      `council: close ${what}`,
    );
    const executed = expectEvent(closed.events, 'oversightCouncil', 'Executed', what).data;
    check(executed.result.isOk, `council: ${what} executed (${executed.result.toString()})`);
    return closed.events;
  };

  // The deposit a proposal of `call` holds: a base and a price per byte of the call.
  kit.proposalDeposit = (call) =>
    kit.consts.proposalDepositBase + kit.consts.proposalDepositPerByte * BigInt(call.method.encodedLength);

  // `proposer` proposes `call` to `cohort`; returns the proposal id and its end.
  kit.propose = async (cohort, call, proposer, what) => {
    const { events } = await kit.send(api.tx.quadraticVoting.propose(cohort, call, blake2AsHex(what)), proposer, `propose ${what}`);
    const proposed = expectEvent(events, 'quadraticVoting', 'Proposed', `propose ${what}`).data;
    equal(proposed.deposit.toBigInt(), kit.proposalDeposit(call), `the deposit of "${what}"`);
    return { id: proposed.proposal.toNumber(), endsAt: proposed.endsAt.toNumber() };
  };

  // Closes `proposal` once its voting period is over (Charlie, who is no member, closes);
  // returns the close's events, block and `Closed` data.
  kit.close = async ({ id, endsAt }, what) => {
    await finalizedAtLeast(api, endsAt);
    const result = await kit.send(api.tx.quadraticVoting.close(id), kit.dev('Charlie'), `close ${what}`);
    return { ...result, closed: expectEvent(result.events, 'quadraticVoting', 'Closed', `close ${what}`).data };
  };

  // The members decide `call`: `proposer` proposes it, each of `voters` casts one aye; it
  // must pass and its call succeed. Returns the close (its events hold the call's events).
  kit.membersDecide = async (cohort, call, proposer, voters, what) => {
    const proposal = await kit.propose(cohort, call, proposer, what);
    await Promise.all(voters.map((voter) => kit.send(api.tx.quadraticVoting.vote(proposal.id, 'Aye', 1), voter, `vote on ${what}`)));
    const close = await kit.close(proposal, what);
    const { outcome } = close.closed;
    check(outcome.isPassed, `"${what}" passed (outcome ${outcome.toString()})`);
    check(outcome.asPassed.result.isOk, `"${what}" executed (${outcome.asPassed.result.toString()})`);
    return close;
  };

  // `clinic` attests on chain that `subject` is `name` in `cohort`, until `expiresAt`.
  kit.attest = (cohort, clinic, subject, name, expiresAt) =>
    kit.send(
      api.tx.membership.attest(cohort, subject.address, kit.person(cohort, name), expiresAt, blake2AsHex(`evidence/${name}`)),
      clinic,
      `attest ${name}`,
    );

  // A cohort created by Bob, accepting `issuers`; returns its id and treasury.
  kit.createCohort = async (name, governance, voting, kAnonymityFloor, issuers) => {
    const { events } = await kit.send(
      api.tx.cohorts.createCohort(
        { system: 'Icd10', code: 'U09.9' },
        { name, governance, membersShare: 700_000, kAnonymityFloor, voting },
        issuers.map((issuer) => issuer.address),
      ),
      kit.dev('Bob'),
      `create ${name}`,
    );
    const created = expectEvent(events, 'cohorts', 'CohortCreated', `create ${name}`).data;
    return { cohort: created.cohort.toNumber(), treasury: created.treasury.toString() };
  };

  // The clinic's signature of a key rotation `from` → `to` of `person` in `cohort`: the SCALE
  // encoding of ("cohort/rotation", RotationApproval { genesis, cohort, person, from, to, nonce }).
  kit.rotationApproval = (clinic, { cohort, person, from, to, nonce }) => {
    const approval = api.createType('(H256, u32, H256, AccountId32, AccountId32, u64)', [
      api.genesisHash,
      cohort,
      person,
      from.address,
      to.address,
      nonce,
    ]);
    return { Sr25519: clinic.sign(u8aConcat(stringToU8a('cohort/rotation'), approval.toU8a())) };
  };

  return kit;
}

// The accounts pallets derive from a `PalletId` (`modl` ‖ id, zero-padded): the platform's
// (runtime/src/configs/cohorts.rs, `PlatformPalletId`) and the royalty pot.
export function palletAccount(api, palletId) {
  const raw = new Uint8Array(32);
  raw.set(u8aConcat(stringToU8a('modl'), typeof palletId === 'string' ? stringToU8a(palletId) : palletId));
  return api.createType('AccountId32', raw).toString();
}

// A licence's price divided as `RevenueSplit::divide` does: the members' and the platform's
// shares rounded down (each capped at what is left), the treasury the rest.
export function divide(price, { members, platform, operator = 0n }) {
  const membersShare = (price * BigInt(members)) / PER_MILLION;
  let left = price - membersShare;
  const platformShare = min((price * BigInt(platform)) / PER_MILLION, left);
  left -= platformShare;
  const operatorShare = min((price * BigInt(operator)) / PER_MILLION, left);
  return { members: membersShare, platform: platformShare, operator: operatorShare, treasury: left - operatorShare };
}

// A member's share of `amount` paid into a pool of `totalUnits` units, as the royalty pool
// counts it (exact here: the flows choose amounts the units divide).
export function royaltyShare(amount, units, totalUnits) {
  check(amount % BigInt(totalUnits) === 0n, `${amount} divides among ${totalUnits} units`);
  return (amount / BigInt(totalUnits)) * BigInt(units);
}

const min = (a, b) => (a < b ? a : b);
const sorted = (object) => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
