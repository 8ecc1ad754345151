// A cohort's settings as a form — name, governance (cooperative, data trust or private
// business), members' share, k-anonymity floor, voting — shared by "create a cohort" and the
// members' "change the settings" proposal; and the create-a-cohort form itself.

import type { Page } from '../main';
import { api, formatBalance, isAddress, percent, who, type CohortEntry } from '../chain';
import { submit } from '../tx';
import { button, field, h, input, note, select, show } from '../ui';
import { describeSettings, type SettingsWords } from '../words';

// `CohortSettings` as `createType` takes it (shares in parts per million).
export interface Settings {
  name: string;
  governance: 'Cooperative' | { DataTrust: { trustees: string } } | { Operator: { operator: string; operatorShare: number } };
  membersShare: number;
  kAnonymityFloor: number;
  voting: { votingPeriod: number; quorum: number; voiceCreditsPerEpoch: number; epochLength: number };
}

const NEW_COHORT: Settings = { name: '', governance: 'Cooperative', membersShare: 700_000, kAnonymityFloor: 2, voting: { votingPeriod: 100, quorum: 200_000, voiceCreditsPerEpoch: 100, epochLength: 100_000 } };

// A cohort's settings as stored (the name from the RPC, which decodes it as text).
export async function storedSettings(c: CohortEntry): Promise<Settings> {
  const record = (await api.query.cohorts.registry(c.id)).toPrimitive() as { settings: SettingsWords } | null;
  if (!record) throw new Error(`cohort #${c.id} is gone`);
  const s = record.settings;
  const g = typeof s.governance === 'string' ? {} : s.governance;
  const governance: Settings['governance'] = g.dataTrust ? { DataTrust: { trustees: g.dataTrust.trustees } } : g.operator ? { Operator: { operator: g.operator.operator, operatorShare: g.operator.operatorShare } } : 'Cooperative';
  return { name: c.name, governance, membersShare: s.membersShare, kAnonymityFloor: s.kAnonymityFloor, voting: { ...s.voting } };
}

// `Settings` in the camelCase form `describeSettings` reads.
export function settingsWords(s: Settings): SettingsWords {
  const g = s.governance;
  const governance = g === 'Cooperative' ? 'cooperative' : 'DataTrust' in g ? { dataTrust: g.DataTrust } : { operator: g.Operator };
  return { ...s, governance };
}

// What differs between two settings, in words: ["voting period 15 → 10 blocks", …].
export function settingsChanges(before: Settings, after: Settings): string[] {
  const pairs: Array<[string, string, string]> = [
    ['name', before.name, after.name],
    ['governance', describeSettings(settingsWords(before)).split(';')[0], describeSettings(settingsWords(after)).split(';')[0]],
    ['members’ share', percent(before.membersShare), percent(after.membersShare)],
    ['k-anonymity floor', String(before.kAnonymityFloor), String(after.kAnonymityFloor)],
    ['voting period (blocks)', String(before.voting.votingPeriod), String(after.voting.votingPeriod)],
    ['quorum', percent(before.voting.quorum), percent(after.voting.quorum)],
    ['voice credits per epoch', String(before.voting.voiceCreditsPerEpoch), String(after.voting.voiceCreditsPerEpoch)],
    ['epoch length (blocks)', String(before.voting.epochLength), String(after.voting.epochLength)],
  ];
  return pairs.filter(([, a, b]) => a !== b).map(([what, a, b]) => `${what} ${a} → ${b}`);
}

// A whole number from a field within [min, max], or an error naming the field.
function whole(el: HTMLInputElement, what: string, min: number, max: number): number {
  const v = Number(el.value);
  if (!Number.isInteger(v) || v < min || v > max) throw new Error(`${what} must be a whole number from ${min.toLocaleString('en')} to ${max.toLocaleString('en')}`);
  return v;
}
// A percentage from a field within [min, max] %, in parts per million.
function share(el: HTMLInputElement, what: string, min: number, max: number): number {
  const v = Number(el.value);
  if (el.value.trim() === '' || !Number.isFinite(v) || v < min || v > max) throw new Error(`${what} must be from ${min}% to ${max}%`);
  return Math.round(v * 10_000);
}

// The settings fields (`data-input` names start with `prefix`), and `read()` that checks them as
// the pallet would. `lockSplit`: an operator's cohort, whose members keep the operator and the
// members' share (the operator changes the split itself).
export function settingsFields(prefix: string, initial: Settings = NEW_COHORT, lockSplit = false): { element: HTMLElement; read: () => Settings } {
  const most = 100 - Number(api.consts.cohorts.maxPlatformShare.toString()) / 10_000;
  const maxPeriod = Number(api.consts.cohorts.maxVotingPeriod.toString());
  const maxEpoch = Number(api.consts.cohorts.maxEpochLength.toString());
  const g = initial.governance;
  const num = (name: string, value: number, min: number) => h('input', { type: 'number', min, value, 'data-input': `${prefix}${name}` });
  const name = input({ value: initial.name, placeholder: 'e.g. Long COVID Europe', 'data-input': `${prefix}cohort-name` });
  const kind = select([['Cooperative', 'Cooperative (members decide all)'], ['DataTrust', 'Data trust (trustees decide data)'], ['Operator', 'Private business (an operator)']], { value: g === 'Cooperative' ? 'Cooperative' : Object.keys(g)[0], 'data-input': `${prefix}governance`, disabled: lockSplit });
  const account = input({ value: g === 'Cooperative' ? '' : 'DataTrust' in g ? g.DataTrust.trustees : g.Operator.operator, placeholder: '5… (e.g. a multisig account)', 'data-input': `${prefix}governance-account`, disabled: lockSplit });
  const operatorShare = num('operator-share', g !== 'Cooperative' && 'Operator' in g ? g.Operator.operatorShare / 10_000 : 10, 0);
  operatorShare.disabled = lockSplit;
  const members = num('members-share', initial.membersShare / 10_000, 0);
  members.disabled = lockSplit;
  const k = num('k-floor', initial.kAnonymityFloor, 1);
  const period = num('voting-period', initial.voting.votingPeriod, 1);
  const quorum = num('quorum', initial.voting.quorum / 10_000, 1);
  const credits = num('credits', initial.voting.voiceCreditsPerEpoch, 1);
  const epoch = num('epoch-length', initial.voting.epochLength, 1);
  const accountField = field('Trustees’ or operator’s account', account, 'A data trust’s trustees (often a multisig) or the business’s account.');
  const shareField = field('Operator’s share of licence revenue (%)', operatorShare, `With the members’ share at most ${most}%; the treasury takes the rest.`);
  const showGovernance = () => {
    accountField.hidden = kind.value === 'Cooperative';
    shareField.hidden = kind.value !== 'Operator';
  };
  kind.addEventListener('change', showGovernance);
  showGovernance();
  const element = h(
    'div',
    { class: 'grid2' },
    field('Name', name),
    field('Governance', kind, lockSplit ? 'The members of an operator’s cohort keep their operator and its split.' : 'Members always vote on spends and settings; trustees or an operator decide the data and licences.'),
    accountField,
    shareField,
    field('Members’ share of licence revenue (%)', members, `At most ${most}%: the platform may take up to ${100 - most}%.`),
    field('k-anonymity floor', k, 'Consenting members with data needed before any licence.'),
    field('Voting period (blocks)', period, `At most ${maxPeriod.toLocaleString('en')} (half the licence review period).`),
    field('Quorum (% of active members)', quorum),
    field('Voice credits per member per epoch', credits),
    field('Epoch length (blocks)', epoch, `Credits refill at the start of every epoch; at most ${maxEpoch.toLocaleString('en')}. A change applies to each member from their next epoch.`),
  );
  const read = (): Settings => {
    const text = name.value.trim();
    if (!text || new TextEncoder().encode(text).length > 64) throw new Error('the name must be 1 to 64 bytes');
    const membersShare = share(members, 'the members’ share', 0, most);
    let governance: Settings['governance'] = 'Cooperative';
    if (kind.value !== 'Cooperative') {
      if (!isAddress(account.value)) throw new Error('the trustees’ or operator’s account is not a valid address');
      const who = account.value.trim();
      governance = kind.value === 'DataTrust' ? { DataTrust: { trustees: who } } : { Operator: { operator: who, operatorShare: share(operatorShare, 'the operator’s share', 0, most - membersShare / 10_000) } };
    }
    const voting = { votingPeriod: whole(period, 'the voting period', 1, maxPeriod), quorum: share(quorum, 'the quorum', 0.0001, 100), voiceCreditsPerEpoch: whole(credits, 'the voice credits', 1, 1_000_000), epochLength: whole(epoch, 'the epoch length', 1, maxEpoch) };
    return { name: text, governance, membersShare, kAnonymityFloor: whole(k, 'the k-anonymity floor', 1, 1_000_000), voting };
  };
  return { element, read };
}

// "Create a cohort": anyone, holding the cohort deposit.
export async function createSection(page: Page): Promise<HTMLElement> {
  const issuers = (await api.query.cohorts.issuers.keys()).map((k) => k.args[0].toString());
  const system = select([['Icd10', 'ICD-10'], ['SnomedCt', 'SNOMED CT']]);
  const code = input({ placeholder: 'e.g. U09.9', 'data-input': 'condition-code' });
  const settings = settingsFields('');
  const boxes = issuers.map((i) => h('input', { type: 'checkbox', value: i, id: `issuer-${i}`, checked: true }));
  const out = h('div', { 'aria-live': 'polite' });
  const existential = api.consts.balances.existentialDeposit.toString();
  const go = async () => {
    try {
      const s = settings.read();
      if (!/^[A-Za-z0-9.]{1,20}$/.test(code.value.trim())) throw new Error('the condition code is 1 to 20 letters, digits or dots');
      show(out);
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      const outcome = await submit(api.tx.cohorts.createCohort({ system: system.value, code: code.value.trim() }, s, chosen), page.account, {
        title: `Create the cohort ${s.name}`,
        summary: `${describeSettings(settingsWords(s))}. Accepting ${chosen.length ? chosen.map(who).join(', ') : 'no issuer yet'}.`,
        costs: [['Cohort deposit (held while the cohort exists)', formatBalance(api.consts.cohorts.cohortDeposit.toString())], ['Opens the treasury with (paid once)', formatBalance(existential)]],
      });
      if (outcome.ok) page.refresh();
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return h(
    'details',
    { class: 'card create' },
    h('summary', {}, h('span', { class: 'h2like' }, 'Create a cohort')),
    h('p', { class: 'muted' }, 'Anyone may create a cohort; the creator holds the cohort deposit while it exists. Its members then change its settings by proposal.'),
    h('div', { class: 'grid2' }, field('Code system', system), field('Condition code', code, 'Public by design: it names the cohort, not a patient.')),
    settings.element,
    h('fieldset', {}, h('legend', {}, 'Clinics it accepts (approved by the council)'), issuers.length ? boxes.map((b) => h('div', { class: 'check' }, b, h('label', { for: b.id }, who(b.value)))) : note('No issuer approved yet: the Oversight Council approves them (below).')),
    h('div', { class: 'actions' }, button('Create the cohort', () => void go(), { class: 'primary', 'data-action': 'create-cohort' })),
    out,
  );
}
