// Accounts: browser wallet extensions (polkadot{.js}, Talisman, SubWallet, …) through the
// injected-accounts standard (`window.injectedWeb3[name].enable(origin)`), and, on a development
// chain only, the well-known dev accounts signing in this page. The portal keeps no key: an
// extension signs in the extension; dev keys are the public test seeds, derived in memory.

import type { Signer } from '@polkadot/api/types';
import { Keyring } from '@polkadot/keyring';
import type { KeyringPair } from '@polkadot/keyring/types';
import { hexToU8a, u8aToHex } from '@polkadot/util';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { api, isDevChain, nameAccount } from './chain';
import type { MetadataDef } from './metadata';

export interface Account {
  address: string;
  name: string;
  // The extension's name, or 'dev' for a dev account.
  source: string;
  // The key type, for the signature's variant: sr25519 (most), ed25519 or ecdsa.
  type: 'sr25519' | 'ed25519' | 'ecdsa';
  signer?: Signer;
  pair?: KeyringPair;
  // The extension's metadata store, if it has one (see metadata.ts).
  metadata?: InjectedMetadata;
}

interface InjectedAccount {
  address: string;
  name?: string;
  type?: string;
}
// What the extension knows of a chain's metadata, and how to give it more (as
// @polkadot/extension-inject's `InjectedMetadata`; `MetadataDef` is in metadata.ts).
export interface InjectedMetadata {
  get: () => Promise<Array<{ genesisHash: string; specVersion: number }>>;
  provide: (definition: MetadataDef) => Promise<boolean>;
}
interface Injected {
  accounts: { get: () => Promise<InjectedAccount[]> };
  signer: Signer;
  metadata?: InjectedMetadata;
}
interface InjectedWindowProvider {
  enable: (origin: string) => Promise<Injected>;
  version?: string;
}
declare global {
  interface Window {
    injectedWeb3?: Record<string, InjectedWindowProvider>;
  }
}

const DEV_NAMES = ['Alice', 'Bob', 'Charlie', 'Dave', 'Eve', 'Ferdie'];
export const EXTENSION_NAMES: Record<string, string> = {
  'polkadot-js': 'polkadot{.js}',
  talisman: 'Talisman',
  'subwallet-js': 'SubWallet',
};

// Every account the user can act as: their wallets' first, then dev accounts on a dev chain.
export async function discoverAccounts(): Promise<{ accounts: Account[]; wallets: string[] }> {
  await cryptoWaitReady();
  // Extensions inject themselves as the page loads: give them a moment.
  for (let i = 0; i < 10 && !Object.keys(window.injectedWeb3 ?? {}).length; i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const accounts: Account[] = [];
  const wallets: string[] = [];
  for (const [source, provider] of Object.entries(window.injectedWeb3 ?? {})) {
    try {
      const injected = await provider.enable('Cohort portal');
      wallets.push(EXTENSION_NAMES[source] ?? source);
      for (const a of await injected.accounts.get()) {
        if (a.type === 'ethereum') continue;
        const type = a.type === 'ed25519' || a.type === 'ecdsa' ? a.type : 'sr25519';
        accounts.push({ address: api.createType('AccountId32', a.address).toString(), name: a.name ?? 'account', source, type, signer: injected.signer, metadata: injected.metadata });
      }
    } catch (error) {
      console.warn(`wallet ${source} refused:`, error);
    }
  }
  if (isDevChain) {
    const keyring = new Keyring({ type: 'sr25519', ss58Format: api.registry.chainSS58 });
    for (const name of DEV_NAMES) {
      const pair = keyring.addFromUri(`//${name}`, { name });
      accounts.push({ address: pair.address, name, source: 'dev', type: 'sr25519', pair });
    }
  }
  for (const a of accounts) nameAccount(a.address, a.name);
  return { accounts, wallets };
}

// What `signAndSend` takes for `account`.
export function signingArgs(account: Account): [string | KeyringPair, { signer?: Signer }] {
  return account.pair ? [account.pair, {}] : [account.address, { signer: account.signer }];
}

// `account`'s signature of `payload`, as a `MultiSignature` value (`{ Sr25519: 0x… }`).
//
// A wallet extension signs raw bytes as `<Bytes>payload</Bytes>` (`signRaw` with type
// 'bytes'); the chain accepts an issuer's signature over the payload as it is or so wrapped
// (pallet-membership's `wrapped_for_wallets`). A dev account signs the payload as it is, which
// every version of the runtime accepts.
export async function signBytes(account: Account, payload: Uint8Array): Promise<Record<string, string>> {
  const variant = { sr25519: 'Sr25519', ed25519: 'Ed25519', ecdsa: 'Ecdsa' }[account.type];
  if (account.pair) return { [variant]: u8aToHex(account.pair.sign(payload)) };
  if (!account.signer?.signRaw) throw new Error('this wallet cannot sign raw data');
  const { signature } = await account.signer.signRaw({ address: account.address, data: u8aToHex(payload), type: 'bytes' });
  let bytes = hexToU8a(signature);
  // Some wallets return the signature with its MultiSignature variant byte in front.
  const plain = account.type === 'ecdsa' ? 65 : 64;
  if (bytes.length === plain + 1) bytes = bytes.slice(1);
  if (bytes.length !== plain) throw new Error(`the wallet returned a ${bytes.length}-byte signature`);
  return { [variant]: u8aToHex(bytes) };
}
