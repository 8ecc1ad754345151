// The rest of Cohort's surface on a `cohort-node --dev` chain, beyond what journey.mjs covers,
// through @polkadot/api with no custom types:
//
//   node surface.mjs --ws ws://127.0.0.1:9944 [--check] [--time-limit SECONDS]
//
// After a shared start (funding, the council approving four clinics, three cohorts), three
// flows run at once, each in a cohort and with accounts of its own:
// - membership (surface-membership.mjs): attestations withdrawn, expiry and restoration, key
//   rotation by the clinic and by the cohort's vote (scheduled, refused early, cancelled),
//   leaving and rejoining;
// - governance (surface-governance.mjs): quorum forfeiture and its exception, the council's
//   cancel, the proposer's withdraw, accepting and dropping a clinic by vote (and the sweep);
// - licensing (surface-licensing.mjs): a data trust's trustees, delegated consent, reject,
//   withdraw_request (refused within the review period), approvals split to the unit, freeze
//   and unfreeze by the council, grant revocation and expiry, claims, dataset versions,
//   retirement and removal.
// Balances, holds and events are checked to the unit, from the chain's constants and the fees
// its `TransactionFeePaid` events report. Prints one `- [flow] step` line per step; exits 0
// with `surface: every flow passed in N s`, or 1 with one `surface: FAILED: …` line.
// `--check` is accepted for symmetry with journey.mjs: checking is all this script does.
// `SURFACE_DEBUG=1` adds the failure's stack trace.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { parseArgs } from 'node:util';
import { UNIT, check, finalizedAtLeast, scriptTimeLimit, step } from './common.mjs';
import { createKit } from './surface-kit.mjs';
import { proposalsAndIssuers } from './surface-governance.mjs';
import { dataTrustLicensing } from './surface-licensing.mjs';
import { membershipLifecycle } from './surface-membership.mjs';

const { values } = parseArgs({
  options: {
    ws: { type: 'string', default: 'ws://127.0.0.1:9944' },
    check: { type: 'boolean' },
    'time-limit': { type: 'string', default: '300' },
  },
});

// Voting: four blocks leave a block of slack to vote in after the proposal is final.
const VOTING = { votingPeriod: 4, quorum: 600_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 };

async function main(kit) {
  const { api } = kit;
  const say = kit.say('start');
  await finalizedAtLeast(api, 1);
  const accounts = {
    membership: names(kit, ['member1', 'member1Key', 'member1Spare', 'member2', 'member2Key', 'member3', 'stranger', 'latecomer']),
    governance: names(kit, ['voter1', 'voter2', 'voter3']),
    licensing: names(kit, ['member1', 'member2', 'expiring', 'revoked', 'rejected', 'undecided', 'newcomer'], 'trust-'),
  };
  const clinics = names(kit, ['membershipClinic', 'governanceClinic', 'licensingClinic', 'secondClinic']);
  const trustees = kit.fresh('trustees');

  // The key the cohort votes to rotate to stays empty: the rotation never completes.
  const funded = [...Object.values(accounts).flatMap(Object.values), ...Object.values(clinics), trustees].filter(
    (account) => account !== accounts.membership.member2Key,
  );
  say(`Alice funds ${funded.length} fresh accounts; the council approves four clinics`);
  const approvals = api.tx.utility.batchAll(Object.values(clinics).map((clinic) => api.tx.cohorts.approveIssuer(clinic.address)));
  // Licensees pay prices of up to 1,000 COH; everyone else only deposits and fees.
  const { expiring, revoked, rejected, undecided } = accounts.licensing;
  const licensees = [expiring, revoked, rejected, undecided];
  const transfers = funded.map((account) =>
    api.tx.balances.transferKeepAlive(account.address, (licensees.includes(account) ? 2_000n : 100n) * UNIT),
  );
  await Promise.all([
    kit.send(api.tx.utility.batchAll(transfers), kit.dev('Alice'), 'fund'),
    kit.council(approvals, 'approve four clinics'),
  ]);
  for (const clinic of Object.values(clinics)) {
    check((await api.query.cohorts.issuers(clinic.address)).isSome, 'the council approved the clinic');
  }

  say('Bob creates a cooperative for each of two flows and a data trust');
  const [membershipCohort, governanceCohort, trust] = await Promise.all([
    // One voter is quorum: the flow's vote must not depend on its suspended members.
    kit.createCohort('Surface membership', 'Cooperative', { ...VOTING, quorum: 1 }, 1, [clinics.membershipClinic]),
    kit.createCohort('Surface governance', 'Cooperative', VOTING, 1, [clinics.governanceClinic]),
    kit.createCohort('Surface data trust', { DataTrust: { trustees: trustees.address } }, VOTING, 2, [clinics.licensingClinic]),
  ]);
  for (const { treasury } of [membershipCohort, governanceCohort, trust]) {
    check((await kit.free(treasury)) === kit.consts.existentialDeposit, 'a new treasury holds the existential deposit');
  }
  say.done();

  await Promise.all([
    membershipLifecycle(kit, { ...membershipCohort, clinic: clinics.membershipClinic, accounts: accounts.membership }),
    proposalsAndIssuers(kit, {
      ...governanceCohort,
      clinic: clinics.governanceClinic,
      secondClinic: clinics.secondClinic,
      accounts: accounts.governance,
    }),
    dataTrustLicensing(kit, { ...trust, clinic: clinics.licensingClinic, trustees, accounts: accounts.licensing }),
  ]);
}

// Fresh accounts named `names` (with `prefix` in their derivation), by name.
function names(kit, list, prefix = '') {
  return Object.fromEntries(list.map((name) => [name, kit.fresh(prefix + name)]));
}

const started = Date.now();
let kit;
const liftTimeLimit = scriptTimeLimit('surface', Number(values['time-limit']), () => (kit ? kit.doing() : 'connecting'));
(async () => {
  await cryptoWaitReady();
  const provider = new WsProvider(values.ws);
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  check(api.tx.utility && api.call.cohortApi, 'the runtime has pallet-utility and the CohortApi');
  kit = createKit(api, provider);
  await main(kit);
  await api.disconnect();
})().then(
  () => {
    liftTimeLimit();
    step(`all flows done`);
    console.log(`surface: every flow passed in ${Math.round((Date.now() - started) / 1000)} s`);
    process.exit(0);
  },
  (error) => {
    console.error(`surface: FAILED: ${error.message ?? error}${kit ? ` (while: ${kit.doing()})` : ''}`);
    if (process.env.SURFACE_DEBUG) console.error(error.stack);
    process.exit(1);
  },
);
