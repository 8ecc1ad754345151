// The patient's page: my cohorts (status, expiry, consent, units), consent per purpose in plain
// words, royalties per purpose with one-click claim, who used my data and the journey of my
// data, leaving; and joining (join.ts) and recovering a lost key (join.ts).

import type { Page } from '../main';
import {
  api,
  blockWhen,
  cohorts,
  CONSENT_KEYS,
  formatBalance,
  PURPOSES,
  rpc,
  type CohortEntry,
  type FeedbackJson,
  type MembershipJson,
  who,
} from '../chain';
import { submit } from '../tx';
import { button, facts, h, note, section, show, table } from '../ui';
import { FORWARD_ONLY, PURPOSE_TEXT, codeSystemName, purposeTitle } from '../words';
import { journeyPicture, timeline } from './journey';
import { joinSection, recoverSection } from './join';

export async function renderPatient(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'My data and my cohorts'), h('p', { class: 'lead' }, 'Where you stand in each cohort, what you agreed to, who used your data and what it earned you.'));
  const me = page.account;
  if (!me) {
    root.append(note('Choose an account (top right) or connect a wallet extension to see your cohorts.', 'warn'));
    return;
  }
  const all = await cohorts();
  const mine: Array<{ cohort: CohortEntry; membership: MembershipJson }> = [];
  const former: CohortEntry[] = [];
  for (const cohort of all) {
    const membership = await rpc<MembershipJson | null>('cohort_membership', [cohort.id, me.address]);
    if (membership) mine.push({ cohort, membership });
    else if ((await api.query.royalties.payees(cohort.id, me.address)).toJSON()) former.push(cohort);
  }
  if (!mine.length) root.append(section('My cohorts', note('You are not a member of any cohort yet. Join one below with your clinic’s credential or attestation.')));
  for (const entry of mine) root.append(await cohortCard(entry.cohort, entry.membership, page));
  // Cohorts left with earnings not yet claimed: they stay claimable.
  for (const cohort of former) {
    const card = section(`${cohort.name} (left)`, h('p', {}, 'You left this cohort; what you earned while a member stays yours.'), await royalties(cohort, page));
    card.dataset.cohort = String(cohort.id);
    root.append(card);
  }
  root.append(await joinSection(all, page), recoverSection(all, page));
}

async function cohortCard(cohort: CohortEntry, membership: MembershipJson, page: Page): Promise<HTMLElement> {
  const me = page.account!;
  const condition = (await api.query.cohorts.registry(cohort.id)).toJSON() as { condition?: { system: string } } | null;
  const active = membership.status === 'Active';
  const card = section(
    cohort.name,
    h('p', { class: 'muted' }, `Cohort #${cohort.id} · condition ${codeSystemName(condition?.condition?.system ?? '')} ${cohort.conditionCode}${cohort.frozen ? ' · frozen by the council' : ''}`),
    facts([
      ['Status', h('span', { class: `badge ${membership.status.toLowerCase()}`, 'data-status': membership.status }, membership.status)],
      ['Membership expires', blockWhen(membership.expiresAt)],
      ['Contribution units', String(membership.units)],
      ['Consent', membership.consent.length ? membership.consent.map(purposeTitle).join(', ') : 'none yet'],
      ...(membership.delegated ? ([['Decided by', 'the cohort’s trustees (you left your consent to them)']] as Array<[string, string]>) : []),
    ]),
    membership.status === 'Suspended' ? note('Your membership is suspended (the attestation was revoked or expired): you do not vote or earn until a clinic attests you again. What you earned stays yours to claim.', 'warn') : null,
  );
  card.dataset.cohort = String(cohort.id);
  if (active) card.append(consentForm(cohort, membership, page));
  card.append(await royalties(cohort, page));
  const feedback = await rpc<FeedbackJson>('cohort_whatCameOfMyData', [cohort.id, me.address, 64]);
  card.append(
    h('h3', {}, 'Who used my data'),
    timeline(feedback),
    h('h3', {}, 'The journey of my data'),
    await journeyPicture(cohort, membership, feedback),
  );
  if (membership.status !== 'Left') {
    card.append(
      h(
        'details',
        { class: 'danger-zone' },
        h('summary', {}, 'Leave this cohort'),
        h('p', {}, 'Leaving releases your membership deposit and ends your consent for future licences. What you earned stays claimable; licences already granted run until they expire.'),
        button('Leave the cohort', async () => {
          const outcome = await submit(api.tx.membership.leave(cohort.id), me, { title: `Leave ${cohort.name}`, summary: 'Your deposit is released; your consent ends; earnings stay claimable.' });
          if (outcome.ok) page.refresh();
        }, { class: 'danger' }),
      ),
    );
  }
  return card;
}

function consentForm(cohort: CohortEntry, membership: MembershipJson, page: Page): HTMLElement {
  const boxes = PURPOSES.map((p) =>
    h('input', { type: 'checkbox', id: `consent-${cohort.id}-${p}`, name: p, checked: membership.consent.includes(p) && !membership.delegated }),
  );
  const form = h(
    'form',
    { class: 'consent', 'aria-describedby': `forward-${cohort.id}` },
    h(
      'fieldset',
      {},
      h('legend', {}, 'What may my data be licensed for?'),
      PURPOSES.map((p, i) =>
        h(
          'div',
          { class: 'check' },
          boxes[i],
          h('label', { for: boxes[i].id }, h('strong', {}, PURPOSE_TEXT[p].title), h('span', { class: 'explain' }, PURPOSE_TEXT[p].plain)),
          h('span', { class: 'muted small' }, consentingCount(cohort.consentingMembers[p] ?? 0)),
        ),
      ),
    ),
    h('p', { class: 'note info', id: `forward-${cohort.id}` }, FORWARD_ONLY),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'primary' }, 'Save my consent')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const consent = Object.fromEntries(PURPOSES.map((p, i) => [CONSENT_KEYS[p], boxes[i].checked]));
    const chosen = PURPOSES.filter((_, i) => boxes[i].checked).map(purposeTitle);
    const outcome = await submit(api.tx.membership.setConsent(cohort.id, consent), page.account, {
      title: 'Change my consent',
      summary: `From now on: ${chosen.length ? chosen.join(', ') : 'no purpose'}. Licences already approved are not affected.`,
    });
    if (outcome.ok) page.refresh();
  });
  return h('div', {}, h('h3', {}, 'My consent'), form, cohort.trustees ? leaveToTrustees(cohort, membership, page) : null);
}

/** In a data trust, a member may leave their consent to the trustees instead of choosing. */
function leaveToTrustees(cohort: CohortEntry, membership: MembershipJson, page: Page): HTMLElement {
  const theirs = cohort.trusteeConsent.length ? cohort.trusteeConsent.map(purposeTitle).join(', ') : 'nothing yet';
  if (membership.delegated) {
    return note(`Your consent follows the trustees’ (now: ${theirs}). Saving your own choice above takes it back.`, 'info');
  }
  return h(
    'div',
    { class: 'delegate' },
    h('p', {}, `This cohort is a data trust: instead of choosing yourself, you may leave your consent to its trustees (${who(cohort.trustees!)}), who consent for everyone who does so. They consent now to: ${theirs}. Forward only, like your own choice; you can take it back at any time by saving your own.`),
    button('Leave my consent to the trustees', async () => {
      const outcome = await submit(api.tx.membership.delegateConsent(cohort.id), page.account, {
        title: 'Leave my consent to the trustees',
        summary: `From now on your data counts for what the trustees of ${cohort.name} consent to (now: ${theirs}). Licences already approved are not affected.`,
      });
      if (outcome.ok) page.refresh();
    }, { 'data-action': `delegate-consent-${cohort.id}` }),
  );
}

async function royalties(cohort: CohortEntry, page: Page): Promise<HTMLElement> {
  const me = page.account!;
  const pending = await rpc<Array<{ purpose: string; amount: string }>>('cohort_pendingRoyalties', [cohort.id, me.address]);
  const total = pending.reduce((s, p) => s + BigInt(p.amount), 0n);
  const wrap = h('div', { class: 'royalties' }, h('h3', {}, 'My royalties'));
  wrap.append(
    table(
      'Royalties waiting for you, per purpose',
      ['Purpose', 'To claim'],
      PURPOSES.map((p) => [purposeTitle(p), formatBalance(pending.find((x) => x.purpose === p)?.amount ?? 0)]),
      { 'data-royalties': '' },
    ),
    h('p', {}, 'Total to claim: ', h('strong', { 'data-total-royalties': total.toString() }, formatBalance(total))),
  );
  wrap.append(
    button(
      total > 0n ? `Claim ${formatBalance(total)}` : 'Nothing to claim yet',
      async () => {
        const outcome = await submit(api.tx.royalties.claim(cohort.id), me, {
          title: 'Claim my royalties',
          summary: `Pays you ${formatBalance(total)} from ${cohort.name}’s royalty pools, every purpose at once.`,
        });
        if (outcome.ok) page.refresh();
      },
      { class: 'primary', disabled: total === 0n, 'data-action': 'claim' },
    ),
  );
  return wrap;
}

function consentingCount(count: number): string {
  return `${count} ${count === 1 ? 'member' : 'members'} with data consent`;
}
