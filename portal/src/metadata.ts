// Cohort's metadata for wallet extensions. An extension shows what a transaction does only for
// chains whose metadata it holds; through the injected-accounts standard (`metadata.get` and
// `metadata.provide`, @polkadot/extension-inject's `InjectedMetadata`) the portal offers it
// Cohort's, in one click, whenever the chosen account's wallet lacks the running spec version.

import { base64Encode } from '@polkadot/util-crypto';
import { api } from './chain';
import { button, h, show } from './ui';
import { EXTENSION_NAMES, type Account } from './wallet';

// @polkadot/extension-inject's `MetadataDef`.
export interface MetadataDef {
  chain: string;
  chainType?: 'substrate' | 'ethereum';
  color?: string;
  genesisHash: string;
  icon: string;
  ss58Format: number;
  specVersion: number;
  tokenDecimals: number;
  tokenSymbol: string;
  types: Record<string, Record<string, string> | string>;
  metaCalls?: string;
  rawMetadata?: string;
}

// The running chain's definition, from the connected node.
export function cohortMetadata(chain: string): MetadataDef {
  return {
    chain,
    chainType: 'substrate',
    color: '#0b5d6b',
    genesisHash: api.genesisHash.toHex(),
    icon: 'substrate',
    ss58Format: api.registry.chainSS58 ?? 42,
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    tokenDecimals: api.registry.chainDecimals[0] ?? 12,
    tokenSymbol: api.registry.chainTokens[0] ?? 'UNIT',
    // The metadata (v14 and later) describes every type itself: no extra definitions.
    types: {},
    // Newer extensions read the whole metadata; older ones the calls only.
    rawMetadata: api.runtimeMetadata.toHex(),
    metaCalls: base64Encode(api.runtimeMetadata.asCallsOnly.toU8a()),
  };
}

// Fills `bar` with the offer to update `account`'s wallet, or hides it when there is nothing to
// offer (a dev account, a wallet without a metadata store, or one already up to date).
export async function drawMetadataOffer(bar: HTMLElement, account: Account | undefined, chain: string): Promise<void> {
  bar.hidden = true;
  show(bar);
  // What was found, for tests and tools: 'none' (no store), 'known' or 'offered'.
  bar.dataset.metadata = 'none';
  const store = account?.metadata;
  if (!account || !store?.provide) return;
  const definition = cohortMetadata(chain);
  const known = await store.get().catch(() => []);
  if (known.some((k) => k.genesisHash === definition.genesisHash && k.specVersion >= definition.specVersion)) {
    bar.dataset.metadata = 'known';
    return;
  }
  bar.dataset.metadata = 'offered';
  const wallet = EXTENSION_NAMES[account.source] ?? account.source;
  const outcome = h('span', { role: 'status' });
  const update = button('Update your wallet’s copy of Cohort’s metadata', async () => {
    update.disabled = true;
    try {
      const accepted = await store.provide(definition);
      show(outcome, accepted ? `${wallet} now has Cohort’s metadata (spec version ${definition.specVersion}).` : `${wallet} did not take the metadata.`);
      if (accepted) update.remove();
    } catch (error) {
      show(outcome, `${wallet} refused: ${(error as Error).message}`);
      update.disabled = false;
    }
  }, { 'data-action': 'provide-metadata' });
  show(bar, h('span', {}, `${wallet} does not know Cohort’s metadata for spec version ${definition.specVersion}: without it, it cannot show in words what you sign. `), update, ' ', outcome);
  bar.hidden = false;
}
