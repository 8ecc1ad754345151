// Every transaction goes through here: a dialog that says what it does, what it holds or pays,
// its fee estimate — all before the wallet is asked to sign — then what came of it: success with
// its main events, or the pallet's error in words.

import type { SubmittableExtrinsic } from '@polkadot/api/types';
import type { DispatchError, EventRecord } from '@polkadot/types/interfaces';
import { api, formatBalance } from './chain';
import { button, h, show, type Child } from './ui';
import { signingArgs, type Account } from './wallet';

export interface TxOptions {
  // The dialog's title, e.g. "Join Long COVID Europe".
  title: string;
  // What it does, in words.
  summary?: Child;
  // Extra lines before signing: "Held in escrow: 1,000 COH", "Deposit: 0.2 COH".
  costs?: Array<[string, string]>;
}

export interface TxOutcome {
  ok: boolean;
  events: EventRecord[];
  error?: string;
  blockNumber?: number;
}

// The pallet's error in words: "membership.NotAnIssuer: The caller is not …".
export function errorText(error: DispatchError): string {
  if (error.isModule) {
    const { section, name, docs } = api.registry.findMetaError(error.asModule);
    return `${section}.${name}${docs.length ? `: ${docs.join(' ')}` : ''}`;
  }
  return error.toString();
}

function describeEvent({ event }: EventRecord): string | null {
  const skip = ['system', 'transactionPayment', 'balances'];
  if (skip.includes(event.section)) return null;
  if (event.section === 'quadraticVoting' && event.method === 'Closed') {
    // The proposal's outcome: passed (and whether its call succeeded) or why not.
    const outcome = JSON.stringify((event.data as unknown as { outcome: { toHuman(): unknown } }).outcome.toHuman());
    return `proposal closed: ${outcome.replace(/[{}"]/g, ' ').replace(/\s+/g, ' ').trim()}`;
  }
  if (event.section === 'oversightCouncil' && event.method === 'Executed') {
    // A passed council motion: whether its call succeeded.
    const { result } = event.data as unknown as { result: { isErr: boolean; asErr: DispatchError } };
    return result.isErr ? `council motion done, but its call failed: ${errorText(result.asErr)}` : 'council motion done';
  }
  return `${event.section}.${event.method}`;
}

const dialog = () => document.getElementById('tx') as HTMLDialogElement;

// Shows the dialog for `tx` signed by `account`; resolves once it is in a block (or refused,
// or cancelled: `ok: false`).
export function submit(tx: SubmittableExtrinsic<'promise'>, account: Account | undefined, options: TxOptions): Promise<TxOutcome> {
  const d = dialog();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: TxOutcome) => {
      if (settled) return;
      settled = true;
      const close = button('Close', () => {
        d.close();
        resolve(outcome);
      }, { class: outcome.ok ? 'primary' : '', 'data-action': 'close-tx' });
      show(actionsRow, close);
      close.focus();
    };
    const feeEl = h('dd', { 'data-fee': '' }, 'estimating…');
    const statusEl = h('div', { class: 'tx-status', role: 'status', 'aria-live': 'polite' });
    const signBtn = button('Sign and send', () => void go(), { class: 'primary', 'data-action': 'sign' });
    const cancelBtn = button('Cancel', () => {
      d.close();
      if (!settled) {
        settled = true;
        resolve({ ok: false, events: [], error: 'cancelled' });
      }
    });
    const actionsRow = h('div', { class: 'actions' }, signBtn, cancelBtn);
    const call = `${tx.method.section}.${tx.method.method}`;
    show(
      d,
      h('h2', { id: 'tx-title' }, options.title),
      options.summary ? h('p', {}, options.summary) : null,
      h(
        'dl',
        { class: 'facts' },
        h('dt', {}, 'Signed by'),
        h('dd', {}, account ? `${account.name} (${account.source === 'dev' ? 'dev account' : account.source})` : 'no account chosen'),
        h('dt', {}, 'Call'),
        h('dd', {}, h('code', {}, call)),
        (options.costs ?? []).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)]),
        h('dt', {}, 'Network fee (estimate)'),
        feeEl,
      ),
      statusEl,
      actionsRow,
    );
    d.onclose = () => {
      if (!settled) {
        settled = true;
        resolve({ ok: false, events: [], error: 'cancelled' });
      }
    };
    d.showModal();
    if (!account) {
      signBtn.disabled = true;
      show(statusEl, h('p', { class: 'note error' }, 'Choose an account first (top right).'));
      cancelBtn.focus();
      return;
    }
    // Keyboard users land on the decision: Enter signs, Escape cancels.
    signBtn.focus();
    tx.paymentInfo(account.address)
      .then((info) => show(feeEl, formatBalance(info.partialFee.toBigInt())))
      .catch((error: Error) => show(feeEl, `unknown (${error.message})`));

    async function go() {
      signBtn.disabled = true;
      cancelBtn.disabled = true;
      show(statusEl, h('p', {}, 'Waiting for your signature…'));
      const [signer, opts] = signingArgs(account!);
      try {
        const unsub = await tx.signAndSend(signer, opts, (result) => {
          const { status, events, dispatchError } = result;
          if (status.isReady || status.isBroadcast) show(statusEl, h('p', {}, 'Sent; waiting for a block…'));
          if (status.isInBlock || status.isFinalized) {
            unsub();
            const shown = events.map(describeEvent).filter(Boolean) as string[];
            void api.rpc.chain.getHeader(status.isInBlock ? status.asInBlock : status.asFinalized).then((header) => {
              const blockNumber = header.number.toNumber();
              if (dispatchError) {
                const error = errorText(dispatchError);
                show(statusEl, h('p', { class: 'note error', 'data-outcome': 'failed' }, `Failed in block ${blockNumber}: ${error}`));
                finish({ ok: false, events, error, blockNumber });
              } else {
                show(
                  statusEl,
                  h('p', { class: 'note ok', 'data-outcome': 'success' }, `Done in block ${blockNumber}.`),
                  shown.length ? h('p', { class: 'muted' }, `Recorded: ${shown.join(', ')}`) : null,
                );
                finish({ ok: true, events, blockNumber });
              }
            });
          } else if (status.isInvalid || status.isDropped || status.isUsurped) {
            unsub();
            show(statusEl, h('p', { class: 'note error', 'data-outcome': 'failed' }, `The transaction was ${status.type.toLowerCase()}.`));
            finish({ ok: false, events: [], error: status.type });
          }
        });
      } catch (error) {
        const message = (error as Error).message ?? String(error);
        show(statusEl, h('p', { class: 'note error', 'data-outcome': 'failed' }, `Not sent: ${message}`));
        finish({ ok: false, events: [], error: message });
      }
    }
  });
}

// The first event `section.method` of an outcome.
export function eventOf(outcome: TxOutcome, section: string, method: string) {
  return outcome.events.find(({ event }) => event.section === section && event.method === method)?.event;
}
