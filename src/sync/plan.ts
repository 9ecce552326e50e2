import type { PlannedItem, PortalStateEntry, StoredBatch, SyncChange } from './ledger-store.ts';
import { MAX_ITEMS_PER_PUT } from './payload-schema.ts';
import type { ProcedurePayload } from './payload-schema.ts';

/** What a sync run sends and why: pure functions of the catalogue, the ledger and the portal's listing. */

/** Why an item would be sent in a dry run; RESUME: still pending from an earlier run. */
export type PlanChange = SyncChange | 'RESUME';

export interface PlanEntry {
  nationalCode: string;
  name: string;
  revision: number;
  status: ProcedurePayload['status'];
  change: PlanChange;
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * What to send: ACTIVE procedures whose hash differs from the acknowledged one (all with `full`), and
 * ABOLISHED ones the portal still holds as ACTIVE, sent with status ABOLISHED so the portal withdraws them.
 */
export function planSync(
  payloads: readonly ProcedurePayload[],
  state: ReadonlyMap<string, PortalStateEntry>,
  full: boolean,
): PlannedItem[] {
  const plan: PlannedItem[] = [];
  for (const payload of payloads) {
    const held = state.get(payload.nationalCode);
    const acknowledged = held?.contentHash ?? null;
    if (payload.status === 'ACTIVE') {
      if (full) plan.push({ payload, change: 'FULL' });
      else if (acknowledged === null) plan.push({ payload, change: 'NEW' });
      else if (acknowledged !== payload.contentHash) plan.push({ payload, change: 'CHANGED' });
    } else if (held?.status === 'ACTIVE' && acknowledged !== payload.contentHash) {
      plan.push({ payload, change: 'WITHDRAW' });
    } else if (full && acknowledged !== null) {
      plan.push({ payload, change: 'FULL' });
    }
  }
  return plan.sort((a, b) => compareText(a.payload.nationalCode, b.payload.nationalCode));
}

/**
 * Procedures the ledger says the portal holds ACTIVE but the portal's listing lacks (the portal was reset
 * or lost data), planned as NEW: the ledger's belief is dropped for them, so they are sent again.
 */
export function planMissing(
  payloads: readonly ProcedurePayload[],
  state: ReadonlyMap<string, PortalStateEntry>,
  held: readonly Pick<ProcedurePayload, 'nationalCode'>[],
): { believed: number; missing: PlannedItem[] } {
  const holding = new Set(held.map((p) => p.nationalCode));
  const believed = [...state.values()].filter((s) => s.status === 'ACTIVE' && s.contentHash !== null);
  const lost = new Set(believed.filter((s) => !holding.has(s.nationalCode)).map((s) => s.nationalCode));
  return {
    believed: believed.length,
    missing: planSync(
      payloads.filter((p) => lost.has(p.nationalCode)),
      new Map(),
      false,
    ),
  };
}

export function chunk<T>(items: readonly T[], size: number = MAX_ITEMS_PER_PUT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const tally = (changes: readonly PlanChange[]): Partial<Record<PlanChange, number>> => {
  const out: Partial<Record<PlanChange, number>> = {};
  for (const c of changes) out[c] = (out[c] ?? 0) + 1;
  return out;
};

/** The plan a run would carry out, resends first: batches left pending, then the diff of the rest. */
export function dryRunPlan(
  pending: readonly StoredBatch[],
  payloads: readonly ProcedurePayload[],
  state: ReadonlyMap<string, PortalStateEntry>,
  full: boolean,
): { entries: PlanEntry[]; batches: number } {
  const resent = new Set(pending.flatMap((b) => b.items.map((i) => i.nationalCode)));
  const entry = (p: ProcedurePayload, change: PlanChange): PlanEntry => ({
    nationalCode: p.nationalCode,
    name: p.name,
    revision: p.revision,
    status: p.status,
    change,
  });
  const fresh = planSync(
    payloads.filter((p) => !resent.has(p.nationalCode)),
    state,
    full,
  );
  return {
    entries: [
      ...pending.flatMap((b) => b.items.map((p) => entry(p, 'RESUME'))),
      ...fresh.map((i) => entry(i.payload, i.change)),
    ],
    batches: pending.length + chunk(fresh).length,
  };
}
