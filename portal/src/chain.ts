// The connection to a Cohort node: @polkadot/api (types from the runtime's metadata, read at run
// time), the `cohort_*` JSON-RPC methods, and formatting of balances, blocks and accounts.

import { ApiPromise, WsProvider } from '@polkadot/api';
import { blake2AsHex } from '@polkadot/util-crypto';
import { isHex } from '@polkadot/util';

export let api: ApiPromise;
let provider: WsProvider;
export let isDevChain = false;
let decimals = 12;
let token = 'COH';

// Which node: `?ws=` in the address, else the node on this machine.
export function endpoint(): string {
  return new URLSearchParams(location.search).get('ws') ?? 'ws://127.0.0.1:9944';
}

export async function connect(ws: string): Promise<ApiPromise> {
  provider = new WsProvider(ws, 2_000);
  api = await ApiPromise.create({ provider, noInitWarn: true, throwOnConnect: false });
  await api.isReady;
  isDevChain = (await api.rpc.system.chainType()).isDevelopment;
  decimals = api.registry.chainDecimals[0] ?? 12;
  token = api.registry.chainTokens[0] ?? 'COH';
  trackBlocks();
  return api;
}

// A `cohort_*` method (node/src/cohort_rpc.rs): plain JSON, no type definitions needed.
export function rpc<T>(method: string, params: unknown[]): Promise<T> {
  return provider.send<T>(method, params);
}

export const PURPOSES = ['AcademicResearch', 'CommercialResearch', 'AiTraining', 'PublicHealth'] as const;
export type Purpose = (typeof PURPOSES)[number];
export const CONSENT_KEYS: Record<Purpose, string> = {
  AcademicResearch: 'academicResearch',
  CommercialResearch: 'commercialResearch',
  AiTraining: 'aiTraining',
  PublicHealth: 'publicHealth',
};

export interface CohortJson {
  name: string;
  conditionCode: string;
  frozen: boolean;
  trustees: string | null;
  operator: string | null;
  revenueSplit: { members: number; treasury: number; platform: number; operator: number };
  kAnonymityFloor: number;
  voting: { votingPeriod: number; quorum: number; voiceCreditsPerEpoch: number; epochLength: number };
  treasury: string;
  treasuryBalance: string;
  activeMembers: number;
  suspendedMembers: number;
  consentingMembers: Record<string, number>;
  delegatingMembers: number;
  trusteeConsent: string[];
  openProposals: number;
}
export interface MembershipJson {
  status: 'Active' | 'Suspended' | 'Left';
  person: string;
  consent: string[];
  delegated: boolean;
  units: number;
  expiresAt: number;
}
export interface LicenceJson {
  request: number;
  licensee: string;
  dataset: number;
  purpose: string;
  membersShare: string;
  at: number;
}
export interface OutcomeJson extends Omit<LicenceJson, 'membersShare'> {
  number: number;
  kind: string;
  outcomeHash: string;
}
export interface FeedbackJson {
  licences: Array<LicenceJson & { outcomes: OutcomeJson[] }>;
  insights: Array<{ number: number; insightHash: string; locator: string; at: number }>;
}
export interface ProposalJson {
  cohort: number;
  proposer: string;
  ayes: number;
  nays: number;
  voters: number;
  quorum: number;
  endsAt: number;
}

export interface CohortEntry extends CohortJson {
  id: number;
}

// Every cohort, with its summary.
export async function cohorts(): Promise<CohortEntry[]> {
  const next = (await api.query.cohorts.nextCohortId()).toString();
  const ids = Array.from({ length: Number(next) }, (_, i) => i);
  const all = await Promise.all(ids.map((id) => rpc<CohortJson | null>('cohort_cohort', [id])));
  return all.flatMap((c, id) => (c ? [{ ...c, id }] : []));
}

// ---------- balances ----------

export function unit(): bigint {
  return 10n ** BigInt(decimals);
}

// `300000000000000` → "300 COH" (at most 4 decimals, trailing zeros dropped).
export function formatBalance(value: bigint | string | number | { toString(): string }): string {
  const v = BigInt(value.toString());
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const whole = abs / unit();
  let frac = (abs % unit()).toString().padStart(decimals, '0').slice(0, 4).replace(/0+$/, '');
  if (!frac && abs > 0n && whole === 0n) frac = '0001';
  const grouped = whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '−' : ''}${grouped}${frac ? `.${frac}` : ''} ${token}`;
}

// "12.5" → 12.5 COH in plancks; throws on anything else.
export function parseAmount(text: string): bigint {
  const t = text.trim().replace(/,/g, '');
  if (!/^\d+(\.\d+)?$/.test(t)) throw new Error(`"${text}" is not an amount of ${token}`);
  const [w, f = ''] = t.split('.');
  if (f.length > decimals) throw new Error(`at most ${decimals} decimals`);
  return BigInt(w) * unit() + BigInt(f.padEnd(decimals, '0'));
}

export function tokenSymbol(): string {
  return token;
}

// Parts per million → "70%".
export function percent(ppm: number): string {
  return `${Math.round(ppm / 100) / 100}%`;
}

// ---------- accounts ----------

export function short(address: string): string {
  return address.length > 14 ? `${address.slice(0, 6)}…${address.slice(-6)}` : address;
}

const names = new Map<string, string>();
// Names for accounts the portal knows (the user's own, the dev accounts).
export function nameAccount(address: string, name: string): void {
  names.set(address, name);
}
// The name the portal knows for `address`, else its short form.
export function nameOf(address: string): string {
  return names.get(address) ?? short(address);
}
export function who(address: string): string {
  const name = names.get(address);
  return name ? `${name} (${short(address)})` : short(address);
}

export function isAddress(text: string): boolean {
  try {
    api.createType('AccountId32', text.trim());
    return text.trim().length > 40;
  } catch {
    return false;
  }
}

// A 32-byte hash from a field: hex as it is, any other text hashed with blake2-256.
export function hashOf(text: string): string {
  const t = text.trim();
  return isHex(t, 256) ? t : blake2AsHex(t);
}

// ---------- blocks and time ----------

let best = 0;
let secondsPerBlock = 6;
const seen: number[] = [];
const listeners = new Set<(n: number) => void>();

function trackBlocks(): void {
  void api.rpc.chain.subscribeNewHeads((header) => {
    best = header.number.toNumber();
    seen.push(Date.now());
    if (seen.length > 8) seen.shift();
    if (seen.length >= 3) secondsPerBlock = (seen[seen.length - 1] - seen[0]) / 1000 / (seen.length - 1);
    for (const l of listeners) l(best);
  });
}

export function bestBlock(): number {
  return best;
}
export async function currentBlock(): Promise<number> {
  best = Math.max(best, (await api.rpc.chain.getHeader()).number.toNumber());
  return best;
}
export function onBlock(listener: (n: number) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// Blocks from now → "about 3 h", "about 2 days".
export function blocksToTime(blocks: number): string {
  const s = Math.max(0, blocks) * secondsPerBlock;
  if (s < 90) return `about ${Math.round(s)} s`;
  if (s < 5400) return `about ${Math.round(s / 60)} min`;
  if (s < 2 * 86400) return `about ${Math.round(s / 3600)} h`;
  return `about ${Math.round(s / 86400)} days`;
}
export function daysToBlocks(days: number): number {
  return Math.round((days * 86400) / Math.max(secondsPerBlock, 1));
}
// "block 1,234 (in about 3 h)" / "(about 5 min ago)".
export function blockWhen(n: number): string {
  const d = n - best;
  const when = d > 0 ? `in ${blocksToTime(d)}` : d === 0 ? 'now' : `${blocksToTime(-d)} ago`;
  return `block ${n.toLocaleString('en')} (${when})`;
}
