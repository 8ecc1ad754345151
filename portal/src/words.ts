// Plain-language copy: what each consent purpose means, what "forward only" means, and what a
// proposal's call would do, in words ("pay 300 COH to …").

import type { Call } from '@polkadot/types/interfaces';
import { formatBalance, percent, who, type Purpose } from './chain';

export const PURPOSE_TEXT: Record<Purpose, { title: string; plain: string }> = {
  AcademicResearch: {
    title: 'Academic research',
    plain:
      'Universities and public research institutes may study the cohort’s data, e.g. to understand how the condition develops. Such licences may be free, or paid for by the cohort’s treasury.',
  },
  CommercialResearch: {
    title: 'Commercial research',
    plain:
      'Companies may study the data for their products, e.g. to develop a drug or a device. They always pay; your share of the price comes to you as royalties.',
  },
  AiTraining: {
    title: 'AI training',
    plain:
      'The data may be used to train machine-learning models (for example, a model that helps diagnose the condition). The model may be kept and used after the licence ends. Always paid.',
  },
  PublicHealth: {
    title: 'Public health',
    plain:
      'Health agencies may use the data for surveillance and policy, e.g. to plan services. May be free, or paid for by the cohort’s treasury.',
  },
};

export const FORWARD_ONLY =
  'Consent is “forward only”: a change applies to licences approved from now on. A licence already approved keeps the access it was granted until it expires, and the royalties it already paid you stay yours. Withdrawing consent stops your data from counting for new licences of that purpose, and you stop earning from them.';

export const PRIVACY_NOTE =
  'Joining a cohort discloses its condition for this account: use a fresh account for each cohort. No name, record or diagnosis detail is stored on chain.';

export function purposeTitle(p: string): string {
  return PURPOSE_TEXT[p as Purpose]?.title ?? p;
}

const CODE_SYSTEMS: Record<string, string> = { Icd10: 'ICD-10', SnomedCt: 'SNOMED CT' };
export function codeSystemName(s: string): string {
  return CODE_SYSTEMS[s] ?? s;
}

// What a proposal's `call` would do, in words.
export function describeCall(call: Call): string {
  const a = call.args.map((x) => x.toString());
  const key = `${call.section}.${call.method}`;
  const j = (i: number) => call.args[i].toHuman() as string;
  switch (key) {
    case 'cohorts.spend':
      return `Pay ${formatBalance(a[2])} from the cohort treasury to ${who(a[1])}`;
    case 'cohorts.updateCohort':
      return `Change the cohort’s settings: ${describeSettings(call.args[1].toPrimitive() as unknown as SettingsWords)}`;
    case 'cohorts.setRevenueSplit':
      return `Set the revenue split: members ${percent(Number(a[1]))}, operator ${percent(Number(a[2]))}`;
    case 'cohorts.approveIssuer':
      return `Approve ${who(a[0])} as an issuer (a clinic, lab or registry that attests diagnoses)`;
    case 'cohorts.removeIssuer':
      return `Remove issuer ${who(a[0])}: the memberships it attested stop giving rights`;
    case 'cohorts.freeze':
      return `Freeze cohort #${a[0]}: no new members, spends or approvals`;
    case 'cohorts.unfreeze':
      return `Unfreeze cohort #${a[0]}`;
    case 'cohorts.setPlatformShare':
      return `Set the platform’s share of licence revenue to ${percent(Number(a[0]))}`;
    case 'cohorts.setMembersShareFloor':
      return `Set the least members’ share in operators’ cohorts to ${percent(Number(a[0]))}`;
    case 'membership.setTrusteeConsent': {
      const flags = call.args[1].toPrimitive() as Record<string, boolean>;
      const chosen = Object.entries(flags).filter(([, yes]) => yes).map(([key]) => purposeTitle(key.charAt(0).toUpperCase() + key.slice(1)).toLowerCase());
      return `Set the trustees’ consent, for the members who leave it to them: ${chosen.length ? chosen.join(', ') : 'nothing'}`;
    }
    case 'quadraticVoting.cancel':
      return `Cancel proposal #${a[0]} (its deposit goes to the cohort’s treasury)`;
    case 'cohorts.acceptIssuer':
      return `Accept ${who(a[1])} as an issuer`;
    case 'cohorts.dropIssuer':
      return `Stop accepting issuer ${who(a[1])}`;
    case 'dataLicensing.registerDataset':
      return `Register a dataset of ${Number(a[4]).toLocaleString('en')} records (${(call.args[2].toHuman() as string[]).join(', ')})`;
    case 'dataLicensing.publishOffer':
      return `Offer dataset #${a[0]} for ${purposeTitle(a[1]).toLowerCase()} at ${formatBalance(a[2])}, access for ${Number(a[3]).toLocaleString('en')} blocks`;
    case 'dataLicensing.withdrawOffer':
      return `Withdraw offer #${a[0]}`;
    case 'dataLicensing.approve':
      return `Approve licence request #${a[0]}`;
    case 'dataLicensing.reject':
      return `Reject licence request #${a[0]}`;
    case 'dataLicensing.sponsor':
      return `Pay licence request #${a[0]} from the treasury (sponsor it)`;
    case 'dataLicensing.retireDataset':
      return `Retire dataset #${a[0]}`;
    case 'dataLicensing.revokeGrant':
      return `Revoke ${who(a[1])}’s grant to dataset #${a[0]} for ${purposeTitle(a[2]).toLowerCase()}`;
    case 'dataLicensing.publishInsight':
      return `Publish a health insight (${j(2)})`;
    case 'membership.rotateByCohort':
      return `Move ${who(a[1])}’s lost membership to ${who(a[2])}`;
    case 'membership.suspend':
      return `Suspend ${who(a[1])}`;
    default:
      return `${key}(${a.join(', ')})`;
  }
}

// A cohort's settings as `toPrimitive()` gives them (enum variants in camelCase).
export interface SettingsWords {
  governance: 'cooperative' | { cooperative?: null; dataTrust?: { trustees: string }; operator?: { operator: string; operatorShare: number } };
  membersShare: number;
  kAnonymityFloor: number;
  voting: { votingPeriod: number; quorum: number; voiceCreditsPerEpoch: number; epochLength: number };
}

// "a cooperative; members 70%; …; votes last 10 blocks at a 20% quorum; …".
export function describeSettings(s: SettingsWords): string {
  const g = typeof s.governance === 'string' ? {} : s.governance;
  const governance = g.dataTrust ? `a data trust run by ${who(g.dataTrust.trustees)}` : g.operator ? `a business run by ${who(g.operator.operator)} (operator ${percent(g.operator.operatorShare)})` : 'a cooperative';
  const v = s.voting;
  return `${governance}; members’ share ${percent(s.membersShare)}; k-anonymity ${s.kAnonymityFloor}; votes of ${v.votingPeriod} blocks, quorum ${percent(v.quorum)}; ${v.voiceCreditsPerEpoch} credits per ${Number(v.epochLength).toLocaleString('en')} blocks`;
}
