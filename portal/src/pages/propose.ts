// What a cohort decides, with a form per call, and who decides it:
// - the members, by a quadratic-vote proposal (`quadraticVoting.propose` with the call inside,
//   dispatched with the cohort's Members origin if it passes): spends and settings always;
//   issuers, datasets, offers and licences in a cooperative;
// - a data trust's trustees or a business's operator, directly (signed): the data, the accepted
//   issuers, and (the operator) the revenue split. Members cannot propose what they decide.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { Page } from '../main';
import { api, blocksToTime, CONSENT_KEYS, daysToBlocks, formatBalance, hashOf, isAddress, parseAmount, percent, PURPOSES, rpc, tokenSymbol, who, type CohortEntry, type MembershipJson, type Purpose } from '../chain';
import { submit } from '../tx';
import { button, field, h, input, note, section, select, show, type Child } from '../ui';
import { describeCall, purposeTitle } from '../words';
import { settingsChanges, settingsFields, storedSettings } from './cohort-settings';

type Build = () => SubmittableExtrinsic<'promise'>;
// Who decides a kind of call: the members only, the issuers (members or the data manager),
// the data (the data manager if there is one, else the members), the split (the operator).
type Decider = 'members' | 'issuers' | 'data' | 'operator';
interface Kind {
  value: string;
  label: string;
  decider: Decider;
  // Draws the kind's fields into `into` and returns how to build its call.
  fields: (into: HTMLElement) => Build;
}

export interface ProposeContext {
  datasets: number[];
  requests: Array<[number, string]>;
}

// A proposal's deposit for a call of `bytes` bytes (held until the proposal ends).
export function proposalDeposit(bytes: number): bigint {
  return BigInt(api.consts.quadraticVoting.proposalDepositBase.toString()) + BigInt(api.consts.quadraticVoting.proposalDepositPerByte.toString()) * BigInt(bytes);
}

export async function proposeSection(c: CohortEntry, ctx: ProposeContext, page: Page): Promise<HTMLElement> {
  const me = page.account;
  const [membership, approved, accepted, current, floor] = await Promise.all([
    me ? rpc<MembershipJson | null>('cohort_membership', [c.id, me.address]) : null,
    api.query.cohorts.issuers.keys().then((keys) => keys.map((k) => k.args[0].toString())),
    api.query.cohorts.acceptedIssuers.keys(c.id).then((keys) => keys.map((k) => k.args[1].toString())),
    storedSettings(c),
    api.query.cohorts.membersShareFloor().then((f) => Number(f.toString())),
  ]);
  const manager = c.trustees ?? c.operator;
  const iManage = !!me && me.address === manager;
  const managerRole = c.trustees ? 'the trustees' : 'the operator';
  const most = 100 - Number(api.consts.cohorts.maxPlatformShare.toString()) / 10_000;
  const issuerPick = (list: string[], name: string, empty: string, into: Child[]) => {
    const sel = select(list.map((i) => [i, who(i)]), { 'data-input': name });
    into.push(list.length ? null : note(empty, 'warn'), field('Issuer', sel));
    return () => {
      if (!sel.value) throw new Error(empty);
      return sel.value;
    };
  };
  // What the settings form would change, in words (set as its call is built).
  let settingsChanged: string[] = [];
  const kinds: Kind[] = [
    { value: 'spend', label: 'Pay from the treasury (e.g. fund a study)', decider: 'members', fields: (into) => {
      const to = input({ placeholder: 'the research team’s account, 5…', 'data-input': 'beneficiary' });
      const amount = input({ inputmode: 'decimal', placeholder: '300', 'data-input': 'amount' });
      show(into, field('Pay to', to), field('Amount', amount, `In ${tokenSymbol()}; the treasury holds ${formatBalance(c.treasuryBalance)}.`));
      return () => {
        if (!isAddress(to.value)) throw new Error('the beneficiary is not a valid address');
        return api.tx.cohorts.spend(c.id, to.value.trim(), parseAmount(amount.value));
      };
    } },
    { value: 'settings', label: 'Change the cohort’s settings', decider: 'members', fields: (into) => {
      const form = settingsFields('new-', current, !!c.operator);
      show(into, form.element);
      return () => {
        const next = form.read();
        settingsChanged = settingsChanges(current, next);
        return api.tx.cohorts.updateCohort(c.id, next);
      };
    } },
    { value: 'accept-issuer', label: 'Accept an issuer (a clinic approved by the council)', decider: 'issuers', fields: (into) => {
      const parts: Child[] = [];
      const pick = issuerPick(approved.filter((i) => !accepted.includes(i)), 'accept-issuer', 'Every approved issuer is already accepted.', parts);
      show(into, parts, h('p', { class: 'muted' }, 'Its attestations and credentials then admit members to this cohort.'));
      return () => api.tx.cohorts.acceptIssuer(c.id, pick());
    } },
    { value: 'drop-issuer', label: 'Stop accepting an issuer', decider: 'issuers', fields: (into) => {
      const parts: Child[] = [];
      const pick = issuerPick(accepted, 'drop-issuer', 'The cohort accepts no issuer.', parts);
      show(into, parts, note('The memberships it attested stop giving rights until an accepted issuer attests them again.', 'warn'));
      return () => api.tx.cohorts.dropIssuer(c.id, pick());
    } },
    { value: 'dataset', label: 'Register a dataset', decider: 'data', fields: (into) => {
      const content = input({ placeholder: 'hash of the encrypted bundle (0x…), or its name to hash', 'data-input': 'content-hash' });
      const tagsIn = input({ value: 'Observation, Condition', 'data-input': 'schema-tags' });
      const locator = input({ placeholder: 'e.g. an IPFS CID of the encrypted bundle', 'data-input': 'locator' });
      const records = h('input', { type: 'number', min: 1, value: 1000, 'data-input': 'records' });
      show(into, field('Content hash', content), field('Schema tags (comma-separated)', tagsIn, 'E.g. FHIR resource types.'), field('Encrypted locator', locator), field('Number of records', records));
      return () => api.tx.dataLicensing.registerDataset(c.id, hashOf(content.value || `bundle ${Date.now()}`), tagsIn.value.split(',').map((t) => t.trim()).filter(Boolean), locator.value.trim() || 'unpublished', Number(records.value));
    } },
    { value: 'offer', label: 'Publish an offer', decider: 'data', fields: (into) => {
      const ds = select(ctx.datasets.map((id) => [String(id), `Dataset #${id}`]), { 'data-input': 'offer-dataset' });
      const purpose = select(PURPOSES.map((p) => [p, purposeTitle(p)]), { 'data-input': 'offer-purpose' });
      const price = input({ inputmode: 'decimal', value: '100', 'data-input': 'price' });
      const days = h('input', { type: 'number', min: 1, value: 30, 'data-input': 'access-days' });
      const terms = input({ placeholder: 'hash of the licence terms (0x…), or the terms’ title to hash', 'data-input': 'terms' });
      show(into, ctx.datasets.length ? null : note('Register a dataset first.', 'warn'), field('Dataset', ds), field('Purpose', purpose), field('Price', price, 'Academic research and public health may be free (0).'), field('Access once granted (days)', days), field('Terms document hash', terms));
      return () => {
        if (!ds.value) throw new Error('register a dataset first');
        return api.tx.dataLicensing.publishOffer(Number(ds.value), purpose.value, parseAmount(price.value), daysToBlocks(Number(days.value)), hashOf(terms.value || `terms ${Date.now()}`));
      };
    } },
    ...(['approve', 'reject'] as const).map((decision): Kind => ({ value: decision, label: `${decision === 'approve' ? 'Approve' : 'Reject'} a licence request`, decider: 'data', fields: (into) => {
      const req = select(ctx.requests.map(([id, l]) => [String(id), `Request #${id} by ${who(l)}`]), { 'data-input': 'request' });
      const rationale = input({ placeholder: 'the reasons, published off chain (hashed here)', 'data-input': 'rationale' });
      show(into, ctx.requests.length ? null : note('No request is waiting.', 'warn'), field('Request', req), field('Rationale', rationale));
      return () => {
        if (!req.value) throw new Error('no request is waiting');
        return api.tx.dataLicensing[decision](Number(req.value), hashOf(rationale.value || `decision ${Date.now()}`));
      };
    } })),
    ...(c.trustees ? [{ value: 'trustee-consent', label: 'Set the consent of members who leave it to the trustees', decider: 'data' as const, fields: (into: HTMLElement) => {
      const boxes = PURPOSES.map((p) => h('input', { type: 'checkbox', id: `trustee-${p}`, value: p, checked: c.trusteeConsent.includes(p), 'data-input': `trustee-consent-${p}` }));
      show(into, h('fieldset', {}, h('legend', {}, `For the ${c.delegatingMembers} member(s) who left their consent to the trustees`), boxes.map((b) => h('div', { class: 'check' }, b, h('label', { for: b.id }, purposeTitle(b.value))))), note('Applies to licences approved from now on (forward only).'));
      return () => api.tx.membership.setTrusteeConsent(c.id, Object.fromEntries(boxes.map((b) => [CONSENT_KEYS[b.value as Purpose], b.checked])));
    } }] : []),
    ...(c.operator ? [{ value: 'split', label: 'Set the revenue split (the operator)', decider: 'operator' as const, fields: (into: HTMLElement) => {
      const members = h('input', { type: 'number', min: floor / 10_000, max: most, value: current.membersShare / 10_000, 'data-input': 'split-members' });
      const operator = h('input', { type: 'number', min: 0, max: most, value: c.revenueSplit.operator / 10_000, 'data-input': 'split-operator' });
      show(into, field('Members’ share (%)', members, `At least the council’s floor, ${percent(floor)}.`), field('Operator’s share (%)', operator, `Both together at most ${most}%; the treasury takes the rest.`));
      return () => {
        const [m, o] = [Number(members.value), Number(operator.value)];
        if (!(m * 10_000 >= floor && o >= 0 && m + o <= most)) throw new Error(`the members’ share must be at least ${percent(floor)} and both together at most ${most}%`);
        return api.tx.cohorts.setRevenueSplit(c.id, Math.round(m * 10_000), Math.round(o * 10_000));
      };
    } }] : []),
  ];
  // How a kind is decided by the acting account: 'propose', 'direct', or why not.
  const route = (decider: Decider): 'propose' | 'direct' | string => {
    if (decider === 'members') return 'propose';
    if (decider === 'issuers') return iManage ? 'direct' : 'propose';
    if (decider === 'data') return !manager ? 'propose' : iManage ? 'direct' : `In this cohort ${managerRole} (${who(manager)}) decide${c.trustees ? '' : 's'} this directly: members cannot propose it.`;
    return iManage ? 'direct' : 'Only the operator sets the revenue split.';
  };
  const kind = select(kinds.map((k) => [k.value, k.label]), { 'data-input': 'proposal-kind' });
  const fields = h('div', {});
  const whoDecides = h('p', { class: 'note info', 'data-who-decides': '' });
  const description = h('textarea', { rows: 2, placeholder: 'What members should know (published off chain; its hash goes on chain)', 'data-input': 'description' });
  const descriptionField = field('Description', description);
  const go = button('Propose', () => void send(), { class: 'primary', 'data-action': 'propose' });
  const out = h('div', { 'aria-live': 'polite' });
  let build: Build = () => {
    throw new Error('choose what to propose');
  };
  const chosen = () => kinds.find((k) => k.value === kind.value)!;
  // The deposit line follows the form: it depends on the call's length.
  const explain = () => {
    const how = route(chosen().decider);
    descriptionField.hidden = how !== 'propose';
    go.textContent = how === 'direct' ? 'Decide' : 'Propose';
    go.disabled = how !== 'propose' && how !== 'direct';
    if (how === 'direct') return show(whoDecides, `You decide this directly, as ${managerRole} of this cohort: no vote, no deposit.`);
    if (how !== 'propose') return show(whoDecides, how);
    let deposit: string;
    try {
      deposit = `${formatBalance(proposalDeposit(build().method.encodedLength))}, held until the vote ends`;
    } catch {
      deposit = `${formatBalance(proposalDeposit(0))} plus ${formatBalance(api.consts.quadraticVoting.proposalDepositPerByte.toString())} per byte of the call`;
    }
    show(whoDecides, `The members decide by quadratic vote over ${c.voting.votingPeriod} blocks (${blocksToTime(c.voting.votingPeriod)}), quorum ${percent(c.voting.quorum)}. Any active member proposes. Deposit: `, h('strong', { 'data-deposit': '' }, deposit), '.');
  };
  const drawFields = () => {
    show(out);
    build = chosen().fields(fields);
    explain();
  };
  kind.addEventListener('change', drawFields);
  // Editing the form clears the last error (or success) line, and updates the deposit.
  const edited = () => (show(out), explain());
  fields.addEventListener('input', edited);
  fields.addEventListener('change', edited);
  drawFields();
  const send = async () => {
    try {
      const call = build();
      show(out);
      const what = describeCall(call.method as never);
      if (route(chosen().decider) === 'direct') {
        const outcome = await submit(call, me, { title: what, summary: `As ${managerRole} of the cohort you decide this directly.` });
        if (outcome.ok) page.refresh();
        return;
      }
      if (kind.value === 'settings' && !settingsChanged.length) throw new Error('nothing would change: edit a setting first');
      const changes = kind.value === 'settings' ? `Changes: ${settingsChanged.join('; ')}. ` : '';
      const outcome = await submit(api.tx.quadraticVoting.propose(c.id, call, hashOf(description.value || what)), me, {
        title: `Propose: ${what}`,
        summary: `${changes}Members vote for ${c.voting.votingPeriod} blocks (${blocksToTime(c.voting.votingPeriod)}); if it passes, the cohort does it.`,
        costs: [['Proposal deposit (held until it ends)', formatBalance(proposalDeposit(call.method.encodedLength))]],
      });
      if (outcome.ok) {
        show(out, note('Proposed. Members vote on the Vote page.', 'ok'));
        page.refresh();
      }
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return section(
    'Propose or decide',
    membership?.status === 'Active' || iManage ? null : note('Only active members propose (trustees or an operator decide their matters directly). You can still prepare a proposal here.', 'warn'),
    field('What to propose', kind),
    whoDecides,
    fields,
    descriptionField,
    h('div', { class: 'actions' }, go),
    out,
  );
}
