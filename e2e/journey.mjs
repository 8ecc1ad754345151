// The whole Cohort journey on a `cohort-node --dev` chain, through @polkadot/api with no custom
// type definitions (everything comes from the runtime's metadata), as Polkadot.js Apps would
// drive it:
//
//   node journey.mjs --ws ws://127.0.0.1:9944 [--check | --seed]
//
// 1. The council approves a clinic (//Ferdie) as issuer; //Bob creates a Long COVID cohort.
// 2. Three patients join with the clinic's attestations — //Dave and //Charlie with on-chain
//    attestations, //Eve with an off-chain credential the clinic signed — consent, get units.
// 3. Dave proposes funding a study; members vote quadratically; it passes; the research
//    account is paid from the treasury.
// 4. By vote, the cohort registers a dataset and an offer; //Pharma requests and pays into
//    escrow; by vote, the cohort approves; the grant is live; revenue is split.
// 5. Members claim royalties in proportion to their units.
// 6. The clinic revokes Charlie: his live vote leaves the tally, his accrual stops, what he
//    earned stays claimable.
// 7. Research that cannot pay keeps access: a free academic licence, and a licence the members
//    pay for from their treasury (they still earn royalties from it). A private business
//    (//Operator) runs a second cohort's licences and takes its share of the split. In a data
//    trust, Dave leaves his consent to the trustees (//Trustees), earns by their decision, and
//    sees through `cohort_whatCameOfMyData` the outcome the AI lab reported and the trustees'
//    health insight.
//
// `--check` (the default) asserts balances, events and the answers of the runtime API
// (`api.call.cohortApi.*`) and of the `cohort_*` JSON-RPC methods at every step; `--seed`
// runs the same scenario for the demo and leaves a live proposal and a pending request for
// a newcomer to look at in Polkadot.js Apps. Exits 0 on success, 1 with the reason otherwise.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { u8aConcat, stringToU8a } from '@polkadot/util';
import { blake2AsHex, cryptoWaitReady } from '@polkadot/util-crypto';
import { parseArgs } from 'node:util';
import { UNIT, check, equal, expectEvent, finalizedAtLeast, freeBalance, send, step, scriptTimeLimit } from './common.mjs';

const PURPOSES = ['AcademicResearch', 'CommercialResearch', 'AiTraining', 'PublicHealth'];
const AI = PURPOSES.indexOf('AiTraining');

const { values } = parseArgs({
  options: { ws: { type: 'string' }, check: { type: 'boolean' }, seed: { type: 'boolean' } },
});
const seeding = Boolean(values.seed);

// The fee `who` paid in `events`.
function feePaid(events, who) {
  const paid = events.find(
    (e) => e.section === 'transactionPayment' && e.method === 'TransactionFeePaid' && e.data.who.toString() === who,
  );
  return paid ? paid.data.actualFee.toBigInt() : 0n;
}

// A `cohort_*` JSON-RPC call, raw: no type definitions needed.
let provider;
function rpc(method, params) {
  return provider.send(method, params);
}

async function main() {
  await cryptoWaitReady();
  provider = new WsProvider(values.ws);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  check(api.call.cohortApi, 'the runtime API CohortApi is in the metadata');
  const keyring = new Keyring({ type: 'sr25519' });
  const [alice, bob, charlie, dave, eve, clinic] = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'].map(
    (name) => keyring.addFromUri(`//${name}`),
  );
  const pharma = keyring.addFromUri('//Pharma');
  const lab = keyring.addFromUri('//AiLab');
  const research = keyring.addFromUri('//ResearchTeam');
  await finalizedAtLeast(api, 1);

  step('funding the licensees');
  for (const licensee of [pharma, lab]) {
    await send(api, api.tx.balances.transferKeepAlive(licensee.address, 10_000n * UNIT), alice, 'fund licensee');
  }

  // 1. The council approves the clinic (a 2/3 motion: Alice proposes; Alice and Bob vote aye).
  step('the council approves the clinic as an issuer');
  const approve = api.tx.cohorts.approveIssuer(clinic.address);
  const lengthBound = approve.method.encodedLength;
  let events = await send(api, api.tx.oversightCouncil.propose(2, approve, lengthBound), alice, 'council propose');
  const proposed = expectEvent(events, 'oversightCouncil', 'Proposed', 'council propose');
  const motionHash = proposed.data.proposalHash;
  const motionIndex = proposed.data.proposalIndex;
  for (const member of [alice, bob]) {
    await send(api, api.tx.oversightCouncil.vote(motionHash, motionIndex, true), member, 'council vote');
  }
  const weight = (await api.call.transactionPaymentCallApi.queryCallInfo(approve, lengthBound)).weight;
  events = await send(
    api,
    api.tx.oversightCouncil.close(motionHash, motionIndex, weight, lengthBound),
    alice,
    'council close',
  );
  const executed = expectEvent(events, 'oversightCouncil', 'Executed', 'council close');
  check(executed.data.result.isOk, 'the council motion executed');
  check((await api.query.cohorts.issuers(clinic.address)).isSome, 'the clinic is an approved issuer');

  step('Bob creates a Long COVID cohort that accepts the clinic');
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber();
  const votingPeriod = 4;
  events = await send(
    api,
    api.tx.cohorts.createCohort(
      { system: 'Icd10', code: 'U09.9' },
      {
        name: 'Long COVID Europe',
        governance: 'Cooperative',
        membersShare: 700_000, // 70%; the council's platform share is 5%, the treasury takes 25%
        kAnonymityFloor: 2,
        voting: { votingPeriod, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
      },
      [clinic.address],
    ),
    bob,
    'create cohort',
  );
  const treasury = expectEvent(events, 'cohorts', 'CohortCreated', 'create cohort').data.treasury.toString();
  const summary = await rpc('cohort_cohort', [cohortId]);
  equal(summary.name, 'Long COVID Europe', 'cohort_cohort name');
  equal(summary.conditionCode, 'U09.9', 'cohort_cohort condition');
  equal(summary.treasury, treasury, 'cohort_cohort treasury');
  equal(await rpc('cohort_cohort', [cohortId + 100]), null, 'an unknown cohort is null');

  // 2. Patients join.
  const person = (name) => blake2AsHex(stringToU8a(`clinic-secret/${name}/${cohortId}`));
  const best = (await api.rpc.chain.getHeader()).number.toNumber();
  const expiresAt = best + 100_000;
  for (const [patient, name] of [
    [dave, 'dave'],
    [charlie, 'charlie'],
  ]) {
    step(`${name} joins with the clinic's on-chain attestation`);
    await send(
      api,
      api.tx.membership.attest(cohortId, patient.address, person(name), expiresAt, blake2AsHex('evidence')),
      clinic,
      'attest',
    );
    events = await send(api, api.tx.membership.join(cohortId, null), patient, 'join');
    expectEvent(events, 'membership', 'Joined', 'join');
  }
  step("eve joins with an off-chain credential the clinic signed");
  const credentialType = api.tx.membership.join.meta.args[1].type.toString().match(/<\((\w+),/)[1];
  const credential = api.createType(credentialType, {
    genesisHash: api.genesisHash,
    cohort: cohortId,
    subject: eve.address,
    person: person('eve'),
    expiresAt,
    evidence: blake2AsHex('evidence-eve'),
    issuer: clinic.address,
    nonce: 1,
    // The best block when signed: the clinic can withdraw what it issued before a block.
    issuedAt: best,
  });
  const signature = clinic.sign(u8aConcat(stringToU8a('cohort/credential'), credential.toU8a()));
  events = await send(
    api,
    api.tx.membership.join(cohortId, [credential, { Sr25519: signature }]),
    eve,
    'join with credential',
  );
  expectEvent(events, 'membership', 'Joined', 'join with credential');

  const units = { dave: 40n, eve: 60n, charlie: 100n };
  for (const [patient, name] of [
    [dave, 'dave'],
    [eve, 'eve'],
    [charlie, 'charlie'],
  ]) {
    await send(
      api,
      api.tx.membership.setConsent(cohortId, {
        academicResearch: true,
        commercialResearch: false,
        aiTraining: true,
        publicHealth: false,
      }),
      patient,
      'consent',
    );
    await send(api, api.tx.membership.recordContribution(cohortId, patient.address, units[name]), clinic, 'units');
  }
  const daveMembership = await rpc('cohort_membership', [cohortId, dave.address]);
  equal(daveMembership.status, 'Active', 'cohort_membership status');
  equal(daveMembership.units, 40, 'cohort_membership units');
  equal(daveMembership.consent, ['AcademicResearch', 'AiTraining'], 'cohort_membership consent');
  equal((await rpc('cohort_cohort', [cohortId])).activeMembers, 3, 'three active members');
  const apiMembership = await api.call.cohortApi.membership(cohortId, eve.address);
  check(apiMembership.isSome, 'runtime API membership of Eve');
  equal(apiMembership.unwrap().units.toNumber(), 60, 'runtime API units of Eve');

  // 3. A study is funded by quadratic vote.
  await send(api, api.tx.balances.transferKeepAlive(treasury, 1_000n * UNIT), bob, 'fund treasury');
  const vote = async (voter, proposal, choice, votes) =>
    send(api, api.tx.quadraticVoting.vote(proposal, choice, votes), voter, 'vote');
  const close = async (proposal) => {
    const ends = (await rpc('cohort_proposal', [proposal])).endsAt;
    await finalizedAtLeast(api, ends);
    const closed = await send(api, api.tx.quadraticVoting.close(proposal), alice, 'close');
    return expectEvent(closed, 'quadraticVoting', 'Closed', 'close').data;
  };
  // The members decide `call`: Dave proposes it and votes for it; then it is closed.
  const membersDecide = async (call, what) => {
    step(`the members decide: ${what}`);
    const proposal = (await api.query.quadraticVoting.nextProposalId()).toNumber();
    await send(api, api.tx.quadraticVoting.propose(cohortId, call, blake2AsHex(what)), dave, 'propose');
    await vote(dave, proposal, 'Aye', 1);
    const closed = await close(proposal);
    check(closed.outcome.isPassed && closed.outcome.asPassed.result.isOk, `${what} passed and executed`);
  };

  step('dave proposes funding a study; members vote quadratically');
  const study = (await api.query.quadraticVoting.nextProposalId()).toNumber();
  await send(
    api,
    api.tx.quadraticVoting.propose(
      cohortId,
      api.tx.cohorts.spend(cohortId, research.address, 300n * UNIT),
      blake2AsHex('study protocol: exercise tolerance in Long COVID'),
    ),
    dave,
    'propose study',
  );
  events = await vote(dave, study, 'Aye', 5);
  equal(expectEvent(events, 'quadraticVoting', 'Voted', 'vote').data.cost.toNumber(), 25, 'five votes cost 25');
  await vote(eve, study, 'Aye', 3);
  await vote(charlie, study, 'Nay', 4);
  equal(await rpc('cohort_voiceCredits', [cohortId, dave.address]), 75, 'cohort_voiceCredits of Dave');
  equal((await api.call.cohortApi.voiceCredits(cohortId, charlie.address)).unwrap().toNumber(), 84, 'runtime API credits of Charlie');
  const tally = await rpc('cohort_proposal', [study]);
  equal([tally.ayes, tally.nays, tally.voters, tally.quorum], [8, 4, 3, 1], 'cohort_proposal tally');
  const closed = await close(study);
  check(closed.outcome.isPassed && closed.outcome.asPassed.result.isOk, 'the study proposal passed');
  equal(await freeBalance(api, research.address), 300n * UNIT, 'the research team was paid from the treasury');

  // 4. Dataset, offer, escrow, approval, grant.
  const dataset = (await api.query.dataLicensing.nextDatasetId()).toNumber();
  await membersDecide(
    api.tx.dataLicensing.registerDataset(
      cohortId,
      blake2AsHex('encrypted bundle v1'),
      ['Observation', 'Condition', 'QuestionnaireResponse'],
      'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi',
      12_000,
    ),
    'register the dataset',
  );
  const offer = (await api.query.dataLicensing.nextOfferId()).toNumber();
  const price = 1_000n * UNIT;
  await membersDecide(
    api.tx.dataLicensing.publishOffer(dataset, 'AiTraining', price, 200_000, blake2AsHex('licence terms v1')),
    'publish an AI-training offer',
  );

  step('pharma requests the licence and pays into escrow');
  const request = (await api.query.dataLicensing.nextRequestId()).toNumber();
  const pharmaBefore = await freeBalance(api, pharma.address);
  events = await send(api, api.tx.dataLicensing.request(offer), pharma, 'request');
  expectEvent(events, 'dataLicensing', 'LicenceRequested', 'request');
  const holds = (await api.query.balances.holds(pharma.address)).map((h) => [h.id.toString(), h.amount.toBigInt()]);
  const escrow = holds.find(([id]) => id.includes('Escrow'));
  check(escrow, `the price is held in escrow (holds: ${holds})`);
  equal(escrow[1], price, 'the escrow holds the price');
  const deposit = api.consts.dataLicensing.requestDeposit.toBigInt();
  equal(
    await freeBalance(api, pharma.address),
    pharmaBefore - price - deposit - feePaid(events, pharma.address),
    'pharma paid price, deposit and fee',
  );

  const treasuryBefore = await freeBalance(api, treasury);
  await membersDecide(api.tx.dataLicensing.approve(request, blake2AsHex('approval minutes')), 'approve the licence');
  const grants = await rpc('cohort_liveGrants', [dataset, pharma.address]);
  equal(grants.length, 1, 'one live grant');
  equal(grants[0].purpose, 'AiTraining', 'the grant is for AI training');
  const apiGrants = await api.call.cohortApi.liveGrants(dataset, pharma.address);
  equal(apiGrants.length, 1, 'runtime API live grants');
  equal(await rpc('cohort_liveGrants', [dataset, lab.address]), [], 'no grant for the AI lab');
  equal(await freeBalance(api, treasury), treasuryBefore + 250n * UNIT, 'the treasury got 25%');

  // 5. Royalties by units: 700 among 200 units.
  const share = (name) => (700n * UNIT * units[name]) / 200n;
  for (const [patient, name] of [
    [dave, 'dave'],
    [eve, 'eve'],
    [charlie, 'charlie'],
  ]) {
    const pending = await rpc('cohort_pendingRoyalties', [cohortId, patient.address]);
    equal(BigInt(pending[AI].amount), share(name), `cohort_pendingRoyalties of ${name}`);
  }
  const paying = await rpc('cohort_licencesPaying', [cohortId, dave.address, 10]);
  equal(paying.length, 1, 'one licence paid Dave');
  equal([paying[0].request, paying[0].licensee, paying[0].dataset], [request, pharma.address, dataset], 'who used my data');
  let rejected = false;
  try {
    await rpc('cohort_licencesPaying', [cohortId, dave.address, 0]);
  } catch (error) {
    rejected = String(error.message).includes('-32602') || String(error.message).includes('max must be');
  }
  check(rejected, 'cohort_licencesPaying rejects max 0 with an invalid-params error');

  if (seeding) {
    step('dave claims; eve and charlie leave theirs to see in Apps');
    await send(api, api.tx.royalties.claim(cohortId), dave, 'claim');
  } else {
    step('members claim royalties in proportion to their units');
    for (const [patient, name, payer] of [
      [dave, 'dave', dave],
      [eve, 'eve', alice],
    ]) {
      const before = await freeBalance(api, patient.address);
      const tx = payer === patient ? api.tx.royalties.claim(cohortId) : api.tx.royalties.claimFor(cohortId, patient.address);
      events = await send(api, tx, payer, 'claim');
      equal(expectEvent(events, 'royalties', 'Claimed', 'claim').data.amount.toBigInt(), share(name), `${name} claimed`);
      equal(
        await freeBalance(api, patient.address),
        before + share(name) - (payer === patient ? feePaid(events, patient.address) : 0n),
        `${name}'s balance`,
      );
    }
  }

  // 6. The clinic revokes Charlie.
  step('charlie votes on a new proposal; the clinic revokes him');
  const pendingProposal = (await api.query.quadraticVoting.nextProposalId()).toNumber();
  await send(
    api,
    api.tx.quadraticVoting.propose(cohortId, api.tx.cohorts.spend(cohortId, research.address, 50n * UNIT), blake2AsHex('follow-up study')),
    eve,
    'propose follow-up',
  );
  await vote(charlie, pendingProposal, 'Nay', 2);
  await vote(eve, pendingProposal, 'Aye', 1);
  equal((await rpc('cohort_proposal', [pendingProposal])).voters, 2, 'two voters before the revocation');
  events = await send(api, api.tx.membership.revoke(cohortId, charlie.address), clinic, 'revoke');
  expectEvent(events, 'quadraticVoting', 'VotesDropped', 'revoke');
  const after = await rpc('cohort_proposal', [pendingProposal]);
  equal([after.ayes, after.nays, after.voters], [1, 0, 1], "charlie's vote left the tally");
  equal((await rpc('cohort_membership', [cohortId, charlie.address])).status, 'Suspended', 'charlie is suspended');
  equal(await rpc('cohort_voiceCredits', [cohortId, charlie.address]), null, 'a suspended member has no credits');

  step('a second licence: charlie no longer accrues, keeps what he earned');
  const secondRequest = (await api.query.dataLicensing.nextRequestId()).toNumber();
  await send(api, api.tx.dataLicensing.request(offer), lab, 'second request');
  await membersDecide(api.tx.dataLicensing.approve(secondRequest, blake2AsHex('approval minutes 2')), 'approve the second licence');
  const charliePending = await rpc('cohort_pendingRoyalties', [cohortId, charlie.address]);
  equal(BigInt(charliePending[AI].amount), share('charlie'), "charlie's earnings stay, and grow no more");
  const davePending = await rpc('cohort_pendingRoyalties', [cohortId, dave.address]);
  equal(BigInt(davePending[AI].amount), (700n * UNIT * 40n) / 100n, 'the second licence is shared by Dave and Eve');
  equal((await rpc('cohort_licencesPaying', [cohortId, dave.address, 10])).length, 2, 'two licences paid Dave');
  equal((await rpc('cohort_licencesPaying', [cohortId, charlie.address, 10])).length, 1, 'one licence paid Charlie');
  if (!seeding) {
    const before = await freeBalance(api, charlie.address);
    events = await send(api, api.tx.royalties.claim(cohortId), charlie, 'suspended claim');
    equal(
      await freeBalance(api, charlie.address),
      before + share('charlie') - feePaid(events, charlie.address),
      'a suspended member claims what he earned',
    );
  } else {
    step('leaving a pending licence request and an open proposal for Apps');
    await send(api, api.tx.dataLicensing.request(offer), pharma, 'pending request');
  }
  if (!seeding) {
    await researchThatCannotPay(api, { membersDecide, rpc, cohortId, dataset, dave, university: keyring.addFromUri('//University'), agency: keyring.addFromUri('//HealthAgency'), alice, treasury });
    await privateBusiness(api, { rpc, clinic, bob, alice, dave, lab, operator: keyring.addFromUri('//Operator'), expiresAt });
    await dataTrust(api, { rpc, clinic, bob, alice, dave, lab, trustees: keyring.addFromUri('//Trustees'), expiresAt });
  }

  await api.disconnect();
  console.log(seeding ? 'seeded: open Polkadot.js Apps on this node' : 'journey: every flow passed');
}

// 7a. A free academic licence and a public-interest licence the members sponsor.
async function researchThatCannotPay(api, { membersDecide, rpc, cohortId, dataset, dave, university, agency, alice, treasury }) {
  for (const who of [university, agency]) {
    await send(api, api.tx.balances.transferKeepAlive(who.address, 100n * UNIT), alice, 'fund researcher');
  }
  const freeOffer = (await api.query.dataLicensing.nextOfferId()).toNumber();
  await membersDecide(
    api.tx.dataLicensing.publishOffer(dataset, 'AcademicResearch', 0, 200_000, blake2AsHex('academic terms')),
    'publish a free academic offer',
  );
  step('a university requests the free licence: nothing held but the record deposit');
  const freeRequest = (await api.query.dataLicensing.nextRequestId()).toNumber();
  await send(api, api.tx.dataLicensing.request(freeOffer), university, 'free request');
  await membersDecide(api.tx.dataLicensing.approve(freeRequest, blake2AsHex('open science')), 'approve the free licence');
  const grants = await rpc('cohort_liveGrants', [dataset, university.address]);
  equal(grants.map((g) => g.purpose), ['AcademicResearch'], 'the university holds a free grant');

  const paidOffer = (await api.query.dataLicensing.nextOfferId()).toNumber();
  const price = 100n * UNIT;
  await membersDecide(
    api.tx.dataLicensing.publishOffer(dataset, 'AcademicResearch', price, 200_000, blake2AsHex('academic terms, paid')),
    'publish a paid academic offer',
  );
  step('a health agency that cannot pay asks the cohort to sponsor it; the members do');
  const sponsored = (await api.query.dataLicensing.nextRequestId()).toNumber();
  const agencyBefore = await freeBalance(api, agency.address);
  let events = await send(api, api.tx.dataLicensing.requestSponsorship(paidOffer), agency, 'ask for sponsorship');
  const deposit = api.consts.dataLicensing.requestDeposit.toBigInt();
  equal(
    await freeBalance(api, agency.address),
    agencyBefore - deposit - feePaid(events, agency.address),
    'the agency holds only the record deposit',
  );
  const daveBefore = await rpc('cohort_pendingRoyalties', [cohortId, dave.address]);
  await membersDecide(api.tx.dataLicensing.sponsor(sponsored), 'sponsor the request from the treasury');
  const treasuryBefore = await freeBalance(api, treasury);
  await membersDecide(api.tx.dataLicensing.approve(sponsored, blake2AsHex('public interest')), 'approve the sponsored licence');
  equal(await freeBalance(api, treasury), treasuryBefore + 25n * UNIT, 'the treasury got its 25% back');
  const academic = PURPOSES.indexOf('AcademicResearch');
  const daveAfter = await rpc('cohort_pendingRoyalties', [cohortId, dave.address]);
  // Dave (40) and Eve (60) consent to academic research: Dave earns 40% of the members' 70.
  equal(
    BigInt(daveAfter[academic].amount) - BigInt(daveBefore[academic].amount),
    28n * UNIT,
    'dave earns from research his cohort sponsored',
  );
}

// 7b. A private business runs a cohort: it licenses, the members are paid at least the floor.
async function privateBusiness(api, { rpc, clinic, bob, alice, dave, lab, operator, expiresAt }) {
  await send(api, api.tx.balances.transferKeepAlive(operator.address, 1_000n * UNIT), alice, 'fund the operator');
  step('bob creates a cohort run by a private business');
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber();
  let events = await send(
    api,
    api.tx.cohorts.createCohort(
      { system: 'Icd10', code: 'U09.9' },
      {
        name: 'Long COVID Insights Ltd',
        governance: { Operator: { operator: operator.address, operatorShare: 300_000 } },
        membersShare: 500_000, // the council's floor is 50%
        kAnonymityFloor: 1,
        voting: { votingPeriod: 4, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
      },
      [clinic.address],
    ),
    bob,
    'create operator cohort',
  );
  expectEvent(events, 'cohorts', 'CohortCreated', 'create operator cohort');
  const summary = await rpc('cohort_cohort', [cohortId]);
  equal(summary.operator, operator.address, 'cohort_cohort operator');
  equal(summary.revenueSplit, { members: 500_000, treasury: 150_000, platform: 50_000, operator: 300_000 }, 'cohort_cohort split');

  step('dave joins it and shares data for AI training');
  const person = blake2AsHex(stringToU8a(`clinic-secret/dave/${cohortId}`));
  await send(api, api.tx.membership.attest(cohortId, dave.address, person, expiresAt, blake2AsHex('evidence')), clinic, 'attest');
  await send(api, api.tx.membership.join(cohortId, null), dave, 'join');
  const consent = { academicResearch: false, commercialResearch: false, aiTraining: true, publicHealth: false };
  await send(api, api.tx.membership.setConsent(cohortId, consent), dave, 'consent');
  await send(api, api.tx.membership.recordContribution(cohortId, dave.address, 10), clinic, 'units');

  step('the operator registers a dataset, offers it, and approves the AI lab with a rationale');
  const dataset = (await api.query.dataLicensing.nextDatasetId()).toNumber();
  await send(
    api,
    api.tx.dataLicensing.registerDataset(cohortId, blake2AsHex('bundle'), ['Observation'], 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', 500),
    operator,
    'operator registers',
  );
  const offer = (await api.query.dataLicensing.nextOfferId()).toNumber();
  const price = 200n * UNIT;
  await send(api, api.tx.dataLicensing.publishOffer(dataset, 'AiTraining', price, 200_000, blake2AsHex('terms')), operator, 'operator offers');
  const request = (await api.query.dataLicensing.nextRequestId()).toNumber();
  await send(api, api.tx.dataLicensing.request(offer), lab, 'lab requests');
  const operatorBefore = await freeBalance(api, operator.address);
  const rationale = blake2AsHex('board minutes: approved for model training');
  events = await send(api, api.tx.dataLicensing.approve(request, rationale), operator, 'operator approves');
  const approved = expectEvent(events, 'dataLicensing', 'LicenceApproved', 'operator approves').data;
  equal(approved.rationale.toHex(), rationale, 'the rationale is on the record');
  equal(approved.operatorShare.toBigInt(), 60n * UNIT, 'the operator took 30%');
  check(
    (await freeBalance(api, operator.address)) > operatorBefore + 59n * UNIT,
    'the operator was paid its share (less the fee)',
  );
  const pending = await rpc('cohort_pendingRoyalties', [cohortId, dave.address]);
  equal(BigInt(pending[AI].amount), 100n * UNIT, "dave earned the members' 50%");
  const paying = await rpc('cohort_licencesPaying', [cohortId, dave.address, 10]);
  equal(paying.map((l) => l.licensee), [lab.address], 'dave sees who used his data');
  let refused = '';
  try {
    await send(api, api.tx.cohorts.spend(cohortId, operator.address, UNIT), operator, 'operator spend');
  } catch (error) {
    refused = error.message;
  }
  check(refused.includes('cohorts.NotCohortAuthority'), `the operator cannot spend the treasury (${refused})`);
}

// 7c. A data trust: Dave leaves his consent to the trustees and sees what came of his data.
async function dataTrust(api, { rpc, clinic, bob, alice, dave, lab, trustees, expiresAt }) {
  await send(api, api.tx.balances.transferKeepAlive(trustees.address, 1_000n * UNIT), alice, 'fund the trustees');
  step('bob creates a data trust; dave joins it and leaves his consent to the trustees');
  const cohortId = (await api.query.cohorts.nextCohortId()).toNumber();
  await send(
    api,
    api.tx.cohorts.createCohort(
      { system: 'Icd10', code: 'U09.9' },
      {
        name: 'Long COVID Data Trust',
        governance: { DataTrust: { trustees: trustees.address } },
        membersShare: 700_000,
        kAnonymityFloor: 1,
        voting: { votingPeriod: 4, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 },
      },
      [clinic.address],
    ),
    bob,
    'create data trust',
  );
  const person = blake2AsHex(stringToU8a(`clinic-secret/dave/${cohortId}`));
  await send(api, api.tx.membership.attest(cohortId, dave.address, person, expiresAt, blake2AsHex('evidence')), clinic, 'attest');
  await send(api, api.tx.membership.join(cohortId, null), dave, 'join');
  await send(api, api.tx.membership.recordContribution(cohortId, dave.address, 10), clinic, 'units');
  let events = await send(api, api.tx.membership.delegateConsent(cohortId), dave, 'delegate consent');
  expectEvent(events, 'membership', 'ConsentDelegated', 'delegate consent');
  const consent = { academicResearch: false, commercialResearch: false, aiTraining: true, publicHealth: false };
  await send(api, api.tx.membership.setTrusteeConsent(cohortId, consent), trustees, 'trustees consent');
  const membership = await rpc('cohort_membership', [cohortId, dave.address]);
  equal([membership.delegated, membership.consent], [true, ['AiTraining']], 'dave follows the trustees');
  equal((await rpc('cohort_cohort', [cohortId])).trusteeConsent, ['AiTraining'], 'cohort_cohort trusteeConsent');

  step('the trustees license the data to the AI lab, with a rationale');
  const dataset = (await api.query.dataLicensing.nextDatasetId()).toNumber();
  await send(
    api,
    api.tx.dataLicensing.registerDataset(cohortId, blake2AsHex('trust bundle'), ['Observation'], 'bafybeigdyrzt5sfp7udm7hu76uh7y26nf3efuylqabf3oclgtqy55fbzdi', 500),
    trustees,
    'trustees register',
  );
  const offer = (await api.query.dataLicensing.nextOfferId()).toNumber();
  await send(api, api.tx.dataLicensing.publishOffer(dataset, 'AiTraining', 100n * UNIT, 200_000, blake2AsHex('terms')), trustees, 'trustees offer');
  const request = (await api.query.dataLicensing.nextRequestId()).toNumber();
  await send(api, api.tx.dataLicensing.request(offer), lab, 'lab requests');
  await send(api, api.tx.dataLicensing.approve(request, blake2AsHex('trustee minutes')), trustees, 'trustees approve');
  const pending = await rpc('cohort_pendingRoyalties', [cohortId, dave.address]);
  equal(BigInt(pending[AI].amount), 70n * UNIT, "dave earned the members' 70% through the trustees");

  step('the AI lab reports a model card; the trustees publish an insight; dave sees both');
  const modelCard = blake2AsHex('model card v1');
  events = await send(api, api.tx.dataLicensing.reportOutcome(dataset, 'AiTraining', modelCard, 'ModelCard'), lab, 'report outcome');
  expectEvent(events, 'dataLicensing', 'OutcomeReported', 'report outcome');
  await send(api, api.tx.dataLicensing.publishInsight(cohortId, blake2AsHex('summary of findings'), 'bafy-insight'), trustees, 'publish insight');
  const feedback = await rpc('cohort_whatCameOfMyData', [cohortId, dave.address, 10]);
  equal(feedback.licences.length, 1, 'one licence used dave\'s data');
  equal([feedback.licences[0].request, feedback.licences[0].licensee], [request, lab.address], 'the licence');
  equal(
    feedback.licences[0].outcomes.map((o) => [o.kind, o.outcomeHash]),
    [['ModelCard', modelCard]],
    'what came of it',
  );
  equal(feedback.insights.map((i) => i.locator), ['bafy-insight'], "the cohort's insight");
  const outcomes = await rpc('cohort_outcomes', [cohortId, 10]);
  equal(outcomes.map((o) => o.licensee), [lab.address], 'cohort_outcomes');
}

// A hang fails the script instead of stalling CI (it takes about three minutes on a debug node).
scriptTimeLimit('journey', 480);
main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.message ?? error);
    process.exit(1);
  },
);
