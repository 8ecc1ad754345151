// Joining a cohort (with an on-chain attestation, or a credential file or QR code the clinic
// gave the patient) and recovering a lost key with a clinic's rotation approval.

import jsQR from 'jsqr';
import { hexToU8a, isHex } from '@polkadot/util';
import type { Page } from '../main';
import { api, blockWhen, formatBalance, isAddress, short, who, type CohortEntry } from '../chain';
import { submit } from '../tx';
import { button, facts, field, h, input, note, section, show } from '../ui';
import { PRIVACY_NOTE } from '../words';

export const CREDENTIAL_QR_PREFIX = 'cohort-credential:1:';

// The runtime's credential type and the `(credential, signature)` pair `join` takes.
export function credentialTypes(): { credential: string; pair: string } {
  const pair = api.tx.membership.join.meta.args[1].type.toString().replace(/^Option<(.*)>$/, '$1');
  return { credential: pair.slice(1, pair.indexOf(',')), pair };
}

// A credential from a file's text (the portal's JSON) or a QR code's text.
export function parseCredential(text: string) {
  let hex = text.trim();
  if (hex.startsWith('{')) hex = (JSON.parse(hex) as { scale?: string }).scale ?? '';
  if (hex.startsWith(CREDENTIAL_QR_PREFIX)) hex = hex.slice(CREDENTIAL_QR_PREFIX.length);
  if (!isHex(hex)) throw new Error('this is not a Cohort credential (expected the file or QR code from your clinic)');
  return api.createType(credentialTypes().pair, hexToU8a(hex)) as unknown as [
    { cohort: { toNumber(): number }; subject: { toString(): string }; issuer: { toString(): string }; expiresAt: { toNumber(): number }; issuedAt: { toNumber(): number }; genesisHash: { toHex(): string } },
    unknown,
  ];
}

// The text of a chosen file: a JSON file as it is, an image through its QR code.
async function readCredentialFile(file: File): Promise<string> {
  if (!file.type.startsWith('image/')) return file.text();
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const code = jsQR(ctx.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height);
  if (!code) throw new Error('no QR code found in this picture');
  return code.data;
}

export async function joinSection(all: CohortEntry[], page: Page): Promise<HTMLElement> {
  const me = page.account!;
  const deposit = formatBalance(api.consts.membership.membershipDeposit.toString());
  const attested = (
    await Promise.all(all.map(async (c) => ({ c, a: (await api.query.membership.attestations(c.id, me.address)).toJSON() as { issuer: string; expiresAt: number } | null })))
  ).filter((x) => x.a);
  const details = h('div', { 'aria-live': 'polite' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json,image/*', 'data-input': 'credential-file' });
  const pasted = h('textarea', { rows: 2, placeholder: 'cohort-credential:1:0x…', 'data-input': 'credential-text' });
  const join = async (cohort: CohortEntry, credential: unknown, how: string) => {
    const outcome = await submit(api.tx.membership.join(cohort.id, credential as never), me, {
      title: `Join ${cohort.name}`,
      summary: `${how} You start consenting to nothing: choose your purposes after joining.`,
      costs: [['Membership deposit (held, returned when you leave)', deposit]],
    });
    if (outcome.ok) page.refresh();
  };
  const useText = (text: string) => {
    try {
      const pair = parseCredential(text);
      const cred = pair[0];
      const cohort = all.find((c) => c.id === cred.cohort.toNumber());
      const problems = [
        cred.genesisHash.toHex() !== api.genesisHash.toHex() ? 'it was issued for another chain' : null,
        cred.subject.toString() !== me.address ? `it was issued for ${short(cred.subject.toString())}, not the account you act as: choose that account (top right)` : null,
        !cohort ? `cohort #${cred.cohort.toNumber()} does not exist on this chain` : null,
      ].filter(Boolean);
      show(
        details,
        h('h3', {}, 'Your credential'),
        facts([
          ['Cohort', cohort ? `${cohort.name} (#${cohort.id})` : `#${cred.cohort.toNumber()}`],
          ['Issued by', who(cred.issuer.toString())],
          ['For account', who(cred.subject.toString())],
          ['Membership until', blockWhen(cred.expiresAt.toNumber())],
          ['Issued at', `block ${cred.issuedAt.toNumber()}`],
        ]),
        problems.length
          ? note(`This credential cannot be used: ${problems.join('; ')}.`, 'error')
          : [note(PRIVACY_NOTE, 'info'), button(`Join ${cohort!.name} with this credential`, () => void join(cohort!, pair, 'Your clinic’s signed credential is checked on chain.'), { class: 'primary', 'data-action': 'join-credential' })],
      );
    } catch (error) {
      show(details, note((error as Error).message, 'error'));
    }
  };
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    try {
      useText(await readCredentialFile(file));
    } catch (error) {
      show(details, note((error as Error).message, 'error'));
    }
  });
  return section(
    'Join a cohort',
    h('p', {}, 'Your clinic confirms your diagnosis either on chain (then just join below) or by giving you a credential: a file or a QR code. Nothing about you but a pseudonymous number is stored.'),
    attested.length
      ? h(
          'div',
          {},
          h('h3', {}, 'Waiting for you on chain'),
          attested.map(({ c, a }) =>
            h('p', {}, `${who(a!.issuer)} attested you for ${c.name} (until ${blockWhen(a!.expiresAt)}). `,
              button(`Join ${c.name}`, () => void join(c, null, 'Uses your clinic’s on-chain attestation.'), { class: 'primary', 'data-action': `join-attested-${c.id}` })),
          ),
        )
      : h('p', { class: 'muted' }, 'No on-chain attestation is waiting for this account.'),
    h('h3', {}, 'Open a credential from your clinic'),
    field('Credential file or QR code picture', fileInput, 'The .json file or the picture of the QR code your clinic gave you. It stays in this page.'),
    h('details', {}, h('summary', {}, 'Or paste the QR code’s text'), field('Credential text', pasted), button('Read', () => useText(pasted.value))),
    details,
  );
}

export function recoverSection(all: CohortEntry[], page: Page): HTMLElement {
  const me = page.account!;
  const lost = input({ placeholder: '5…', 'data-input': 'lost-account' });
  const fileInput = h('input', { type: 'file', accept: '.json,application/json', 'data-input': 'rotation-file' });
  const out = h('div', { 'aria-live': 'polite' });
  const go = async () => {
    try {
      const file = fileInput.files?.[0];
      if (!file) throw new Error('choose the approval file your clinic signed');
      const approval = JSON.parse(await file.text()) as { kind: string; cohort: number; lost: string; new: string; nonce: string; signature: Record<string, string> };
      if (approval.kind !== 'cohort-rotation') throw new Error('this is not a rotation approval');
      if (approval.new !== me.address) throw new Error(`the approval moves the membership to ${short(approval.new)}: act as that account`);
      if (lost.value && lost.value.trim() !== approval.lost) throw new Error('the approval is for another lost account');
      if (!isAddress(approval.lost)) throw new Error('the lost account is not valid');
      const cohort = all.find((c) => c.id === approval.cohort);
      const outcome = await submit(api.tx.membership.rotate(approval.cohort, approval.lost, approval.nonce, approval.signature), me, {
        title: `Recover my membership of ${cohort?.name ?? `#${approval.cohort}`}`,
        summary: `Moves the membership of ${short(approval.lost)} — units, consent, votes, royalties — to this account, with your clinic’s signed approval.`,
      });
      if (outcome.ok) page.refresh();
    } catch (error) {
      show(out, note((error as Error).message, 'error'));
    }
  };
  return section(
    'Recover a lost key',
    h('p', {}, 'Lost the key of the account you joined with? Make a new account in your wallet, ask your clinic for a rotation approval from the old account to the new one, then act as the new account here and open the approval.'),
    field('The lost account', lost, 'Optional: checked against the approval.'),
    field('Rotation approval file', fileInput),
    button('Recover my membership', () => void go(), { class: 'primary', 'data-action': 'recover' }),
    out,
  );
}
