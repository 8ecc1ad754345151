// A data trust's licensing from a dataset's first version to its removal, decided by its
// trustees: members leave their consent to the trustees, who set it; four licensees request
// (escrow); the trustees approve two (the split to the unit: members' pool, treasury, platform),
// reject one, and cannot withdraw-before-review nor decide while the council has the cohort
// frozen; a grant is revoked for breach, another expires and is removed; the members claim; the
// dataset gets a new version, is retired and removed. Every deposit comes home.

import { blake2AsHex as hash } from '@polkadot/util-crypto';
import { check, equal, expectEvent, finalizedAtLeast, UNIT } from './common.mjs';
import { divide, palletAccount, royaltyShare } from './surface-kit.mjs';

const AI_PRICE = 1_000n * UNIT;
const ACADEMIC_PRICE = 100n * UNIT;
// Short enough to watch the grant expire, long enough to show it live first.
const AI_ACCESS = 8;

// `cohort` is a data trust whose trustees sign as `trustees`, with a k-anonymity floor of two.
export async function dataTrustLicensing(kit, { cohort, treasury, clinic, trustees, accounts }) {
  const { api } = kit;
  const say = kit.say('licensing');
  const { member1, member2, expiring, revoked, rejected, undecided, newcomer } = accounts;
  const { membershipDeposit, datasetDeposit, offerDeposit, requestDeposit, reviewPeriod } = kit.consts;
  const [ESCROW, RECORD, DATA] = ['dataLicensing.Escrow', 'dataLicensing.LicenceRecord', 'dataLicensing.DataRecord'];
  const units = { member1: 30, member2: 70 };
  const totalUnits = units.member1 + units.member2;
  const platform = palletAccount(api, 'co/pltfm');
  const pot = palletAccount(api, api.consts.royalties.palletId.toU8a());

  const ledgers = {};
  const parties = { clinic, trustees, member1, member2, expiring, revoked, rejected, undecided, platform, pot, treasury };
  for (const [name, account] of Object.entries(parties)) ledgers[name] = await kit.ledger(account, name);

  say('two members join, contribute data and leave their consent to the trustees');
  const lasting = (await kit.best()) + 100_000;
  await Promise.all([
    kit.attest(cohort, clinic, member1, 'member1', lasting),
    kit.attest(cohort, clinic, member2, 'member2', lasting),
  ]);
  await Promise.all(
    [['member1', member1], ['member2', member2]].map(async ([name, member]) => {
      await kit.send(api.tx.membership.join(cohort, null), member, 'join');
      await kit.send(api.tx.membership.recordContribution(cohort, member.address, units[name]), clinic, 'units');
      const { events } = await kit.send(api.tx.membership.delegateConsent(cohort), member, 'delegate consent');
      expectEvent(events, 'membership', 'ConsentDelegated', 'delegate consent');
    }),
  );
  const consent = { academicResearch: true, commercialResearch: false, aiTraining: true, publicHealth: false };
  const set = await kit.send(api.tx.membership.setTrusteeConsent(cohort, consent), trustees, 'trustee consent');
  expectEvent(set.events, 'membership', 'TrusteeConsentSet', 'trustee consent');
  const summary = await kit.rpc('cohort_cohort', [cohort]);
  equal([summary.delegatingMembers, summary.trusteeConsent], [2, ['AcademicResearch', 'AiTraining']], 'the trust follows its trustees');
  equal([summary.consentingMembers.AiTraining, summary.consentingMembers.CommercialResearch], [2, 0], 'consenting members');
  const follows = await kit.rpc('cohort_membership', [cohort, member1.address]);
  equal([follows.delegated, follows.consent], [true, ['AcademicResearch', 'AiTraining']], 'member1 follows the trustees');
  const split = {
    members: (await api.query.cohorts.registry(cohort)).unwrap().settings.membersShare.toNumber(),
    platform: (await api.query.cohorts.platformShare()).toNumber(),
  };
  const treasuryShare = 1_000_000 - split.members - split.platform;
  equal(
    summary.revenueSplit,
    { members: split.members, treasury: treasuryShare, platform: split.platform, operator: 0 },
    "the split: the members', the treasury's and the council's platform share",
  );

  say('the trustees register a dataset, publish its second version and two offers');
  const registered = await kit.send(
    api.tx.dataLicensing.registerDataset(cohort, hash('bundle v1'), ['Observation', 'Condition'], 'bafy-surface-v1', 12_000),
    trustees,
    'register',
  );
  const dataset = expectEvent(registered.events, 'dataLicensing', 'DatasetRegistered', 'register').data.dataset.toNumber();
  const [version, aiOffer, academicOffer] = await Promise.all([
    kit.send(api.tx.dataLicensing.publishVersion(dataset, hash('bundle v2'), 'bafy-surface-v2', 13_000), trustees, 'version'),
    kit.send(api.tx.dataLicensing.publishOffer(dataset, 'AiTraining', AI_PRICE, AI_ACCESS, hash('ai terms')), trustees, 'AI offer'),
    kit.send(
      api.tx.dataLicensing.publishOffer(dataset, 'AcademicResearch', ACADEMIC_PRICE, 100_000, hash('academic terms')),
      trustees,
      'academic offer',
    ),
  ]);
  equal(expectEvent(version.events, 'dataLicensing', 'DatasetVersionPublished', 'version').data.version.toNumber(), 2, 'version 2');
  const record = (await api.query.dataLicensing.datasets(dataset)).unwrap();
  equal(
    [record.version, record.contentHash, record.locator.toUtf8(), record.recordCount, record.offers].map(String),
    ['2', hash('bundle v2'), 'bafy-surface-v2', '13000', '2'],
    'the dataset record',
  );
  const offerId = (result) => expectEvent(result.events, 'dataLicensing', 'OfferPublished', 'offer').data.offer.toNumber();
  const offers = { ai: offerId(aiOffer), academic: offerId(academicOffer) };
  await kit.expectHolds(trustees, { [DATA]: datasetDeposit + 2n * offerDeposit }, 'the trustees (dataset and offers)');

  say('four licensees request: each price is held in escrow, with the record deposit');
  const requestOf = async (licensee, offer, price) => {
    const { events, blockNumber } = await kit.send(api.tx.dataLicensing.request(offer), licensee, 'request');
    const requested = expectEvent(events, 'dataLicensing', 'LicenceRequested', 'request').data;
    equal(requested.price.toBigInt(), price, 'the requested price');
    await kit.expectHolds(licensee, { [ESCROW]: price, [RECORD]: requestDeposit }, 'a licensee after requesting');
    return { id: requested.request.toNumber(), at: blockNumber };
  };
  const [aiRequest, academicRequest, rejectedRequest, undecidedRequest] = await Promise.all([
    requestOf(expiring, offers.ai, AI_PRICE),
    requestOf(revoked, offers.academic, ACADEMIC_PRICE),
    requestOf(rejected, offers.ai, AI_PRICE),
    requestOf(undecided, offers.ai, AI_PRICE),
  ]);
  // Withdrawing needs the 14-day review period to be over: not within a test.
  await kit.fails(api.tx.dataLicensing.withdrawRequest(undecidedRequest.id), undecided, 'dataLicensing.ReviewPending', 'withdraw early');
  say(`(a request may be withdrawn from block ${undecidedRequest.at + reviewPeriod}, ${reviewPeriod} blocks after it was made)`);

  say('the trustees approve two and reject one: each escrow is split to the unit');
  const rationale = hash('trustee minutes');
  const [aiApproval, academicApproval, rejection] = await Promise.all([
    kit.send(api.tx.dataLicensing.approve(aiRequest.id, rationale), trustees, 'approve AI'),
    kit.send(api.tx.dataLicensing.approve(academicRequest.id, rationale), trustees, 'approve academic'),
    kit.send(api.tx.dataLicensing.reject(rejectedRequest.id, hash('not in the public interest')), trustees, 'reject'),
  ]);
  const shares = { ai: divide(AI_PRICE, split), academic: divide(ACADEMIC_PRICE, split) };
  for (const [approval, share, duration, what] of [
    [aiApproval, shares.ai, AI_ACCESS, 'the AI licence'],
    [academicApproval, shares.academic, 100_000, 'the academic licence'],
  ]) {
    const approved = expectEvent(approval.events, 'dataLicensing', 'LicenceApproved', what).data;
    equal(
      [approved.membersShare, approved.treasuryShare, approved.platformShare, approved.operatorShare].map((s) => s.toBigInt()),
      [share.members, share.treasury, share.platform, share.operator],
      `${what}: members, treasury, platform, operator`,
    );
    equal(approved.rationale.toHex(), rationale, `${what}: the trustees' rationale`);
    const granted = expectEvent(approval.events, 'dataLicensing', 'GrantIssued', what).data;
    equal(granted.expiresAt.toNumber(), approval.blockNumber + duration, `${what}: access ends`);
  }
  expectEvent(rejection.events, 'dataLicensing', 'LicenceRejected', 'reject');
  const both = (key) => shares.ai[key] + shares.academic[key];
  await ledgers.platform.expect(both('platform'), "after the approvals (the platform's share)");
  await ledgers.pot.expect(both('members'), "after the approvals (the members' pools)");
  await ledgers.treasury.expect(both('treasury'), "after the approvals (the trust's treasury)");
  await kit.expectHolds(expiring, { [RECORD]: requestDeposit }, 'the AI licensee (its grant keeps the deposit)');
  await kit.expectHolds(revoked, { [RECORD]: requestDeposit }, 'the academic licensee');
  await kit.expectHolds(rejected, {}, 'the rejected licensee');
  const aiGrant = (await api.call.cohortApi.liveGrants(dataset, expiring.address)).map(([p, at]) => [p.toString(), at.toNumber()]);
  equal(aiGrant, [['AiTraining', aiApproval.blockNumber + AI_ACCESS]], 'the AI grant is live');
  await kit.fails(
    api.tx.dataLicensing.removeExpiredGrant(dataset, expiring.address, 'AiTraining'),
    rejected,
    'dataLicensing.GrantLive',
    'remove a live grant',
  );
  const earned = {};
  for (const name of ['member1', 'member2']) {
    earned[name] = {
      AiTraining: royaltyShare(shares.ai.members, units[name], totalUnits),
      AcademicResearch: royaltyShare(shares.academic.members, units[name], totalUnits),
    };
    const pending = await kit.rpc('cohort_pendingRoyalties', [cohort, parties[name].address]);
    for (const purpose of ['AiTraining', 'AcademicResearch']) {
      equal(BigInt(pending.find((p) => p.purpose === purpose).amount), earned[name][purpose], `${name}'s ${purpose} royalties`);
    }
  }

  say('the council freezes the trust: nothing is decided, requested, admitted or proposed');
  const frozen = await kit.council(api.tx.cohorts.freeze(cohort), 'freeze the trust');
  equal(expectEvent(frozen, 'cohorts', 'CohortFrozen', 'freeze').data.cohort.toNumber(), cohort, 'CohortFrozen');
  equal((await kit.rpc('cohort_cohort', [cohort])).frozen, true, 'the trust is frozen');
  await Promise.all([
    kit.fails(api.tx.dataLicensing.approve(undecidedRequest.id, rationale), trustees, 'dataLicensing.CohortFrozen', 'approve frozen'),
    kit.fails(api.tx.dataLicensing.request(offers.ai), rejected, 'dataLicensing.CohortFrozen', 'request frozen'),
    kit.fails(
      api.tx.membership.attest(cohort, newcomer.address, kit.person(cohort, 'newcomer'), lasting, hash('evidence')),
      clinic,
      'membership.CohortNotActive',
      'attest frozen',
    ),
    kit.fails(
      api.tx.quadraticVoting.propose(cohort, api.tx.cohorts.spend(cohort, member1.address, UNIT), hash('frozen')),
      member1,
      'quadraticVoting.CohortFrozen',
      'propose frozen',
    ),
  ]);
  const unfrozen = await kit.council(api.tx.cohorts.unfreeze(cohort), 'unfreeze the trust');
  expectEvent(unfrozen, 'cohorts', 'CohortUnfrozen', 'unfreeze');
  equal((await kit.rpc('cohort_cohort', [cohort])).frozen, false, 'the trust is active again');

  say('the trustees revoke the academic grant for breach (nothing refunded) and reject the last request');
  const [revocation, lastRejection] = await Promise.all([
    kit.send(api.tx.dataLicensing.revokeGrant(dataset, revoked.address, 'AcademicResearch'), trustees, 'revoke'),
    kit.send(api.tx.dataLicensing.reject(undecidedRequest.id, hash('undecided')), trustees, 'reject the last'),
  ]);
  expectEvent(revocation.events, 'dataLicensing', 'GrantRevoked', 'revoke');
  expectEvent(lastRejection.events, 'dataLicensing', 'LicenceRejected', 'reject the last');
  equal((await api.call.cohortApi.liveGrants(dataset, revoked.address)).length, 0, 'the revoked grant is gone');

  say('the AI grant expires; anyone removes it and the licensee gets the record deposit back');
  await finalizedAtLeast(api, aiApproval.blockNumber + AI_ACCESS);
  const removeExpired = api.tx.dataLicensing.removeExpiredGrant(dataset, expiring.address, 'AiTraining');
  const removed = await kit.send(removeExpired, rejected, 'remove expired');
  const expired = expectEvent(removed.events, 'dataLicensing', 'GrantExpired', 'remove expired').data;
  equal([expired.licensee.toString(), expired.purpose.toString()], [expiring.address, 'AiTraining'], 'GrantExpired');

  say('member1 claims, and claims for member2: exactly what their units earned');
  const claims = await kit.send(api.tx.royalties.claim(cohort), member1, 'claim');
  const claimedFor = await kit.send(api.tx.royalties.claimFor(cohort, member2.address), member1, 'claim for');
  const total = (name) => earned[name].AiTraining + earned[name].AcademicResearch;
  equal(expectEvent(claims.events, 'royalties', 'Claimed', 'claim').data.amount.toBigInt(), total('member1'), 'member1 claimed');
  equal(expectEvent(claimedFor.events, 'royalties', 'Claimed', 'claim for').data.amount.toBigInt(), total('member2'), 'member2 claimed');

  say('member2 takes the consent back from the trustees');
  const takenBack = await kit.send(api.tx.membership.setConsent(cohort, { ...consent, academicResearch: false }), member2, 'take back');
  expectEvent(takenBack.events, 'membership', 'ConsentTakenBack', 'take back');
  const own = await kit.rpc('cohort_membership', [cohort, member2.address]);
  equal([own.delegated, own.consent], [false, ['AiTraining']], "member2's own consent");

  say('the dataset is retired (no more versions or requests), its offers withdrawn, and it is removed');
  await kit.fails(api.tx.dataLicensing.removeDataset(dataset), trustees, 'dataLicensing.DatasetNotRetired', 'remove active');
  const retired = await kit.send(api.tx.dataLicensing.retireDataset(dataset), trustees, 'retire');
  expectEvent(retired.events, 'dataLicensing', 'DatasetRetired', 'retire');
  await Promise.all([
    kit.fails(
      api.tx.dataLicensing.publishVersion(dataset, hash('v3'), 'bafy-v3', 1),
      trustees,
      'dataLicensing.DatasetRetired',
      'version retired',
    ),
    kit.fails(api.tx.dataLicensing.request(offers.ai), rejected, 'dataLicensing.DatasetRetired', 'request retired'),
    kit.fails(api.tx.dataLicensing.removeDataset(dataset), trustees, 'dataLicensing.DatasetInUse', 'remove with offers'),
  ]);
  await Promise.all(
    Object.values(offers).map(async (offer) => {
      const { events } = await kit.send(api.tx.dataLicensing.withdrawOffer(offer), trustees, 'withdraw offer');
      expectEvent(events, 'dataLicensing', 'OfferWithdrawn', 'withdraw offer');
    }),
  );
  const removal = await kit.send(api.tx.dataLicensing.removeDataset(dataset), trustees, 'remove');
  expectEvent(removal.events, 'dataLicensing', 'DatasetRemoved', 'remove');
  check((await api.query.dataLicensing.datasets(dataset)).isNone, 'the dataset is gone');

  say("every deposit is home; the licensees paid their prices, the platform got its share, to the unit");
  for (const name of ['trustees', 'expiring', 'revoked', 'rejected', 'undecided', 'clinic']) {
    await kit.expectHolds(parties[name], {}, name);
  }
  await ledgers.trustees.expect(0n, 'at the end');
  await ledgers.expiring.expect(-AI_PRICE, 'at the end (the AI licensee)');
  await ledgers.revoked.expect(-ACADEMIC_PRICE, 'at the end (the revoked licensee)');
  await ledgers.rejected.expect(0n, 'at the end (the rejected licensee)');
  await ledgers.undecided.expect(0n, 'at the end (the undecided licensee)');
  await ledgers.clinic.expect(0n, 'at the end');
  for (const name of ['member1', 'member2']) {
    await kit.expectHolds(parties[name], { 'membership.Membership': membershipDeposit }, name);
    await ledgers[name].expect(total(name) - membershipDeposit, 'at the end');
  }
  await ledgers.platform.expect(both('platform'), 'at the end');
  await ledgers.treasury.expect(both('treasury'), 'at the end');
  await ledgers.pot.expect(0n, 'at the end (everything earned was claimed)');
  say.done();
}
