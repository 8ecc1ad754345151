// The clinic (issuer): attest on chain; sign an off-chain credential with the clinic's wallet
// (signRaw over exactly the payload the chain verifies) and hand it over as a file and a QR
// code; record contributions; revoke; sign rotation approvals.

import QRCode from 'qrcode';
import { stringToU8a, u8aConcat, u8aToHex, isHex, hexToU8a } from '@polkadot/util';
import { blake2AsHex } from '@polkadot/util-crypto';
import type { Page } from '../main';
import { api, blockWhen, cohorts, currentBlock, daysToBlocks, formatBalance, hashOf, isAddress, short, who, type CohortEntry } from '../chain';
import { submit } from '../tx';
import { button, download, field, h, input, note, section, select, show, table } from '../ui';
import { signBytes } from '../wallet';
import { credentialTypes, CREDENTIAL_QR_PREFIX } from './join';

const NULLIFIER_DOMAIN = 'cohort/nullifier/v1';

// pallet-cohort-primitives' derive_nullifier: blake2_256(domain ‖ key ‖ cohort (u32 LE) ‖ identity).
export function deriveNullifier(keyHex: string, cohort: number, identity: string): string {
  if (!isHex(keyHex, 256)) throw new Error('the network’s nullifier key is 32 bytes of hex (0x + 64 digits)');
  const id = new Uint8Array(4);
  new DataView(id.buffer).setUint32(0, cohort, true);
  return blake2AsHex(u8aConcat(stringToU8a(NULLIFIER_DOMAIN), hexToU8a(keyHex), id, stringToU8a(identity.trim())));
}

export async function renderClinic(root: HTMLElement, page: Page): Promise<void> {
  show(root, h('h1', {}, 'Clinic: attest, credentials, contributions'), h('p', { class: 'lead' }, 'Confirm that a patient has the cohort’s condition — on chain, or with a signed credential the patient opens in this portal — and record the data they contribute.'));
  const me = page.account;
  if (!me) return void root.append(note('Choose the clinic’s account (top right).', 'warn'));
  const approved = (await api.query.cohorts.issuers(me.address)).toJSON();
  if (!approved) root.append(note('This account is not an issuer the Oversight Council approved: the chain will refuse its attestations. Ask the council to approve it.', 'warn'));
  const all = await cohorts();
  const accepting: CohortEntry[] = [];
  const acceptedBy = new Set((await api.query.cohorts.acceptedIssuers.keys()).filter((k) => k.args[1].toString() === me.address).map((k) => Number(k.args[0].toString())));
  for (const c of all) if (acceptedBy.has(c.id)) accepting.push(c);
  if (!accepting.length) return void root.append(note('No cohort accepts this account as an issuer yet.'));
  const saved = sessionStorage.getItem('cohort-clinic-cohort');
  const cohortSel = select(accepting.map((c) => [String(c.id), `${c.name} (#${c.id})`]), {
    'data-input': 'clinic-cohort',
    value: saved && accepting.some((c) => String(c.id) === saved) ? saved : String(accepting[0].id),
  });
  const cohortId = () => Number(cohortSel.value);
  root.append(field('Cohort', cohortSel));

  // The patient: account, nullifier, expiry, evidence.
  const subject = input({ placeholder: 'the patient’s account, 5…', 'data-input': 'subject' });
  const identity = input({ placeholder: 'e.g. NHS:9434765919', 'data-input': 'identity' });
  const key = input({ type: 'password', placeholder: '0x… (64 hex digits)', 'data-input': 'nullifier-key' });
  const person = input({ placeholder: '0x… or computed from the two fields above', 'data-input': 'person' });
  const days = h('input', { type: 'number', min: 1, value: 365, 'data-input': 'days' });
  const evidence = input({ placeholder: 'your reference for the evidence (hashed here)', value: '', 'data-input': 'evidence' });
  const out = h('div', { 'aria-live': 'polite', 'data-credential-output': '' });
  const nullifier = () => {
    if (person.value.trim()) {
      if (!isHex(person.value.trim(), 256)) throw new Error('the person’s nullifier is 32 bytes of hex');
      return person.value.trim();
    }
    if (!identity.value.trim()) throw new Error('give the patient’s identity (scheme:number) and the network key, or their nullifier');
    return deriveNullifier(key.value.trim(), cohortId(), identity.value);
  };
  const common = async () => {
    if (!isAddress(subject.value)) throw new Error('the patient’s account is not a valid address');
    const best = await currentBlock();
    return { subject: subject.value.trim(), person: nullifier(), expiresAt: best + Math.min(daysToBlocks(Number(days.value) || 365), Number(api.consts.membership.maxAttestationPeriod.toString())), evidence: hashOf(evidence.value || `evidence ${Date.now()}`), best };
  };
  const guard = (work: () => Promise<void>) => async () => {
    try {
      await work();
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  const attest = guard(async () => {
    const c = await common();
    const outcome = await submit(api.tx.membership.attest(cohortId(), c.subject, c.person, c.expiresAt, c.evidence), me, {
      title: 'Attest on chain',
      summary: `${short(c.subject)} may join until ${blockWhen(c.expiresAt)}.`,
      costs: [['Attestation deposit (held until used or withdrawn)', formatBalance(api.consts.membership.attestationDeposit.toString())]],
    });
    if (outcome.ok) show(out, note(`Attested: ${short(c.subject)} can now join from the Patient page.`, 'ok'));
  });
  const sign = guard(async () => {
    const c = await common();
    const credential = api.createType(credentialTypes().credential, {
      genesisHash: api.genesisHash,
      cohort: cohortId(),
      subject: c.subject,
      person: c.person,
      expiresAt: c.expiresAt,
      evidence: c.evidence,
      issuer: me.address,
      nonce: Date.now(),
      issuedAt: c.best,
    });
    // Exactly what the chain verifies: ("cohort/credential", credential) SCALE-encoded.
    const payload = u8aConcat(stringToU8a('cohort/credential'), credential.toU8a());
    show(out, note('Waiting for your wallet to sign…'));
    const signature = await signBytes(me, payload);
    const pair = api.createType(credentialTypes().pair, [credential, signature]);
    const scale = pair.toHex();
    const cohort = accepting.find((x) => x.id === cohortId())!;
    const file = JSON.stringify({ kind: 'cohort-credential', version: 1, chain: api.genesisHash.toHex(), cohort: cohort.id, cohortName: cohort.name, subject: c.subject, issuer: me.address, expiresAt: c.expiresAt, issuedAt: c.best, scale }, null, 2);
    const qr = await QRCode.toDataURL(CREDENTIAL_QR_PREFIX + scale, { errorCorrectionLevel: 'M', margin: 2, width: 360 });
    show(
      out,
      note(`Signed. Give the patient this file or let them photograph the QR code; it works only for ${short(c.subject)}, on this chain, until ${blockWhen(c.expiresAt)}.`, 'ok'),
      h('div', { class: 'credential' },
        h('img', { src: qr, alt: `QR code of the credential for ${short(c.subject)}`, width: 240, height: 240, 'data-qr': '' }),
        h('div', {}, download(`credential-${cohort.id}-${c.subject.slice(0, 8)}.json`, file), ' ', h('a', { href: qr, download: `credential-${cohort.id}-${c.subject.slice(0, 8)}.png`, class: 'button-link' }, 'Download the QR code'))),
    );
  });
  root.append(
    section(
      'A patient',
      h('p', {}, 'The nullifier identifies the person in this cohort without revealing who they are: derived from their identity number with the network’s shared key, in this page only (never sent or stored).'),
      field('Patient’s account', subject),
      h('div', { class: 'grid2' }, field('Identity (scheme:number)', identity), field('Network nullifier key', key)),
      field('Or their nullifier directly', person),
      h('div', { class: 'grid2' }, field('Membership valid for (days)', days, 'At most the chain’s longest attestation period.'), field('Evidence reference', evidence, 'Only its hash goes on chain.')),
      h('div', { class: 'actions' }, button('Attest on chain', () => void attest(), { 'data-action': 'attest' }), button('Sign a credential', () => void sign(), { class: 'primary', 'data-action': 'sign-credential' })),
      out,
    ),
  );
  root.append(await membersSection(accepting, cohortId, page), rotationSection(cohortId, page));
  cohortSel.addEventListener('change', () => {
    sessionStorage.setItem('cohort-clinic-cohort', cohortSel.value);
    page.refresh();
  });
}

async function membersSection(accepting: CohortEntry[], cohortId: () => number, page: Page): Promise<HTMLElement> {
  const me = page.account!;
  const keys = await api.query.membership.activeByIssuer.keys(me.address, cohortId());
  const rows = [];
  for (const k of keys) {
    const person = k.args[2].toHex();
    const m = (await api.query.membership.memberships(cohortId(), person)).toJSON() as { account: string; status: string; units: number; expiresAt: number } | null;
    if (m) rows.push([who(m.account), m.status, String(m.units), blockWhen(m.expiresAt)]);
  }
  const member = input({ placeholder: '5…', 'data-input': 'member' });
  const units = h('input', { type: 'number', min: 1, value: 10, 'data-input': 'units' });
  const out = h('div', { 'aria-live': 'polite' });
  const act = (kind: 'record' | 'revoke') => async () => {
    if (!isAddress(member.value)) return show(out, note('the member’s account is not a valid address', 'error'));
    const tx = kind === 'record' ? api.tx.membership.recordContribution(cohortId(), member.value.trim(), Number(units.value)) : api.tx.membership.revoke(cohortId(), member.value.trim());
    const outcome = await submit(tx, me, {
      title: kind === 'record' ? `Record ${units.value} contribution units` : 'Revoke a membership',
      summary: kind === 'record' ? `Adds ${units.value} units to ${short(member.value)}: their share of royalties grows with them.` : `${short(member.value)} is suspended: no votes, no accrual; what they earned stays theirs.`,
    });
    if (outcome.ok) page.refresh();
  };
  void accepting;
  return section(
    'Members you attested',
    rows.length ? table('Active members attested by this clinic', ['Member', 'Status', 'Units', 'Expires'], rows) : note('None yet.'),
    field('Member’s account', member),
    field('Records contributed (units)', units, 'Units weigh the member’s share of royalties.'),
    h('div', { class: 'actions' }, button('Record contribution', () => void act('record')(), { class: 'primary', 'data-action': 'record' }), button('Revoke membership', () => void act('revoke')(), { class: 'danger', 'data-action': 'revoke' })),
    out,
  );
}

function rotationSection(cohortId: () => number, page: Page): HTMLElement {
  const me = page.account!;
  const lost = input({ placeholder: 'the lost account, 5…', 'data-input': 'rotation-lost' });
  const fresh = input({ placeholder: 'the patient’s new account, 5…', 'data-input': 'rotation-new' });
  const out = h('div', { 'aria-live': 'polite', 'data-rotation-output': '' });
  const sign = async () => {
    try {
      if (!isAddress(lost.value) || !isAddress(fresh.value)) throw new Error('both accounts must be valid addresses');
      const entry = (await api.query.membership.personOf(cohortId(), lost.value.trim())).toJSON() as { person: string } | null;
      const person = entry?.person;
      if (!person) throw new Error('the lost account holds no membership of this cohort');
      const record = (await api.query.membership.memberships(cohortId(), person)).toJSON() as { nonce: number; issuer: string } | null;
      if (record && record.issuer !== me.address) throw new Error(`this membership’s issuer is ${short(record.issuer)}: only it can approve`);
      const nonce = BigInt(Math.max(Date.now(), (record?.nonce ?? 0) + 1));
      const approval = api.createType('(H256, u32, H256, AccountId32, AccountId32, u64)', [api.genesisHash, cohortId(), person, lost.value.trim(), fresh.value.trim(), nonce]);
      // ("cohort/rotation", RotationApproval) SCALE-encoded, as the chain verifies it.
      const signature = await signBytes(me, u8aConcat(stringToU8a('cohort/rotation'), approval.toU8a()));
      const file = JSON.stringify({ kind: 'cohort-rotation', cohort: cohortId(), lost: lost.value.trim(), new: fresh.value.trim(), nonce: nonce.toString(), signature, payload: u8aToHex(approval.toU8a()) }, null, 2);
      show(out, note('Signed. Give the patient this file: they open it on the Patient page, acting as their new account.', 'ok'), download(`rotation-${cohortId()}-${fresh.value.trim().slice(0, 8)}.json`, file));
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return section('Approve a key rotation', h('p', {}, 'A patient who lost their key asks you to move their membership to a new account. Check it is them, then sign.'), field('Lost account', lost), field('New account', fresh), button('Sign the approval', () => void sign(), { class: 'primary', 'data-action': 'sign-rotation' }), out);
}
