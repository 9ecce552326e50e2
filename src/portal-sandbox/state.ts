import { z } from 'zod';
import {
  checkProcedurePayload,
  contentHashOf,
  ProcedurePayloadSchema,
  RejectionCode,
} from '../sync/payload-schema.ts';
import type { ProcedurePayload, PutResult } from '../sync/payload-schema.ts';

/** What the sandbox portal holds, with the rules of src/sync/PROTOCOL.md and no HTTP. */

export interface SandboxStats {
  /** Protocol requests received (everything but /_sandbox/*), faulted ones included. */
  requests: number;
  accepted: number;
  /** Rejected items of every reason, stale ones included. */
  rejected: number;
  unchanged: number;
  /** PUT requests answered from the idempotency cache. */
  replayed: number;
  /** Items refused because the portal holds a newer revision. */
  stale: number;
  /** Procedures currently held (withdrawn ones excluded), across provinces. */
  stored: number;
}

type Counters = Omit<SandboxStats, 'stored'>;

/** A procedure the portal has seen; withdrawn ones are kept so a late old revision stays STALE. */
interface HeldProcedure {
  payload: ProcedurePayload;
  withdrawn: boolean;
}

/** The first answer to a PUT, replayed verbatim for the same (province, Idempotency-Key). */
export interface CachedPut {
  bodyHash: string;
  response: string;
}

/** Oldest keys are forgotten past this; a forgotten retry re-applies harmlessly (UNCHANGED or STALE). */
const MAX_IDEMPOTENCY_ENTRIES = 5000;

const emptyCounters = (): Counters => ({
  requests: 0,
  accepted: 0,
  rejected: 0,
  unchanged: 0,
  replayed: 0,
  stale: 0,
});

export const SnapshotSchema = z.object({
  version: z.literal(1),
  provinces: z.record(z.array(z.object({ payload: ProcedurePayloadSchema, withdrawn: z.boolean() }))),
  idempotency: z.array(
    z.object({ province: z.string(), key: z.string(), bodyHash: z.string(), response: z.string() }),
  ),
  counters: z.object({
    requests: z.number().int().min(0),
    accepted: z.number().int().min(0),
    rejected: z.number().int().min(0),
    unchanged: z.number().int().min(0),
    replayed: z.number().int().min(0),
    stale: z.number().int().min(0),
  }),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export interface ListedPage {
  items: ProcedurePayload[];
  /** nationalCode of the last item when more follow. */
  lastCode: string | null;
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function createSandboxState() {
  let provinces = new Map<string, Map<string, HeldProcedure>>();
  let idempotency = new Map<string, CachedPut>();
  let counters = emptyCounters();
  const cacheKey = (province: string, key: string) => `${province}\u0000${key}`;

  function heldOf(province: string): Map<string, HeldProcedure> {
    let held = provinces.get(province);
    if (!held) provinces.set(province, (held = new Map()));
    return held;
  }

  /** Applies one item in order: schema, content hash, revision, then store or withdraw. */
  function applyItem(held: Map<string, HeldProcedure>, item: unknown): PutResult {
    const claimedCode = (item as { nationalCode?: unknown } | null)?.nationalCode;
    const nationalCode = typeof claimedCode === 'string' ? claimedCode : '';
    const reject = (reason: string): PutResult => {
      counters.rejected++;
      return { nationalCode, status: 'REJECTED', reason };
    };
    const check = checkProcedurePayload(item);
    if (!check.success) return reject(`${RejectionCode.INVALID}: ${check.problems.join('; ')}`);
    const payload = check.data;
    const expectedHash = contentHashOf(payload);
    if (payload.contentHash !== expectedHash)
      return reject(`${RejectionCode.HASH_MISMATCH}: expected ${expectedHash}`);
    const current = held.get(payload.nationalCode);
    if (current && current.payload.revision > payload.revision) {
      counters.stale++;
      return reject(RejectionCode.STALE);
    }
    if (
      current &&
      current.payload.revision === payload.revision &&
      current.payload.contentHash === payload.contentHash
    ) {
      counters.unchanged++;
      return { nationalCode, status: 'UNCHANGED' };
    }
    held.set(payload.nationalCode, { payload, withdrawn: payload.status === 'ABOLISHED' });
    counters.accepted++;
    return { nationalCode, status: 'ACCEPTED' };
  }

  return {
    countRequest(): void {
      counters.requests++;
    },

    countReplay(): void {
      counters.replayed++;
    },

    applyItems(province: string, items: readonly unknown[]): PutResult[] {
      const held = heldOf(province);
      return items.map((item) => applyItem(held, item));
    },

    cachedPut(province: string, key: string): CachedPut | undefined {
      return idempotency.get(cacheKey(province, key));
    },

    rememberPut(province: string, key: string, entry: CachedPut): void {
      idempotency.set(cacheKey(province, key), entry);
      for (const oldest of idempotency.keys()) {
        if (idempotency.size <= MAX_IDEMPOTENCY_ENTRIES) break;
        idempotency.delete(oldest);
      }
    },

    /** Held (not withdrawn) procedures after `afterCode`, in nationalCode order. */
    list(province: string, afterCode: string | null, limit: number): ListedPage {
      const codes = [...(provinces.get(province)?.entries() ?? [])]
        .filter(([code, held]) => !held.withdrawn && (afterCode === null || code > afterCode))
        .map(([code]) => code)
        .sort(byCode);
      const page = codes.slice(0, limit);
      const items = page.map((code) => provinces.get(province)!.get(code)!.payload);
      return { items, lastCode: codes.length > limit ? (page.at(-1) ?? null) : null };
    },

    stats(): SandboxStats {
      let stored = 0;
      for (const held of provinces.values()) for (const p of held.values()) if (!p.withdrawn) stored++;
      return { ...counters, stored };
    },

    reset(): void {
      provinces = new Map();
      idempotency = new Map();
      counters = emptyCounters();
    },

    snapshot(): Snapshot {
      return {
        version: 1,
        provinces: Object.fromEntries([...provinces].map(([code, held]) => [code, [...held.values()]])),
        idempotency: [...idempotency].map(([compound, entry]) => {
          const [province = '', key = ''] = compound.split('\u0000');
          return { province, key, ...entry };
        }),
        counters: { ...counters },
      };
    },

    restore(snapshot: Snapshot): void {
      provinces = new Map(
        Object.entries(snapshot.provinces).map(([code, list]) => [
          code,
          new Map(list.map((held) => [held.payload.nationalCode, held])),
        ]),
      );
      idempotency = new Map(
        snapshot.idempotency.map((e) => [
          cacheKey(e.province, e.key),
          { bodyHash: e.bodyHash, response: e.response },
        ]),
      );
      counters = { ...snapshot.counters };
    },
  };
}

export type SandboxState = ReturnType<typeof createSandboxState>;
