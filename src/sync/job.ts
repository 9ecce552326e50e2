import { randomUUID } from 'node:crypto';
import {
  BrokenCircuitError,
  circuitBreaker,
  ConsecutiveBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
} from 'cockatiel';
import type { CircuitBreakerPolicy, IRetryBackoffContext } from 'cockatiel';
import type { Knex } from 'knex';
import type { Config } from '../config.ts';
import type { Runtime } from '../runtime.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Source } from '../sources/registry.ts';
import { catalogueStore } from './catalogue-store.ts';
import { toProcedurePayload } from './payload.ts';
import { MAX_ITEMS_PER_PUT } from './payload-schema.ts';
import type { ProcedurePayload, PutResult } from './payload-schema.ts';
import { createPortalClient, isTransientPortalError, PortalError } from './portal-client.ts';
import type { PortalClient } from './portal-client.ts';
import { syncStore } from './sync-store.ts';
import type {
  PlannedItem,
  PortalStateEntry,
  RejectedItem,
  StoredBatch,
  SyncChange,
  SyncCounts,
  SyncMode,
  SyncRunStatus,
  SyncTrigger,
} from './sync-store.ts';

/** The sync job (SPEC §5): pushes a province's procedure list to the national portal, incrementally and reliably. */

/** Stable code of the refusal when another run holds the province's lock. */
export const SYNC_ALREADY_RUNNING = 'SYNC_ALREADY_RUNNING';

export class SyncAlreadyRunningError extends Error {
  override name = 'SyncAlreadyRunningError';
  readonly code = SYNC_ALREADY_RUNNING;
  constructor(readonly province: string) {
    super(`a sync for province ${province} is already running`);
  }
}

export interface SyncPolicyOptions {
  /** Attempts per batch, the first included. */
  maxAttempts: number;
  /** First backoff delay; doubles on each retry. */
  initialDelayMs: number;
  /** Cap of the exponential backoff. */
  maxDelayMs: number;
  /** A portal's Retry-After is honoured up to this long. */
  maxRetryAfterMs: number;
  /** Consecutive failed requests (any batch) after which the run stops. */
  breakerThreshold: number;
}

/**
 * Sized so that a portal failing a third of requests at random still completes (10 failures in a row
 * is about 1 in 50 000 then), while a portal that is down stops the run within seconds.
 */
export const DEFAULT_SYNC_POLICY: SyncPolicyOptions = {
  maxAttempts: 12,
  initialDelayMs: 100,
  maxDelayMs: 2_000,
  maxRetryAfterMs: 30_000,
  breakerThreshold: 10,
};

export interface SyncJobDeps {
  hub: Knex;
  source: Pick<Source, 'code' | 'db'>;
  portal: PortalClient;
  log: Logger;
  /** Batches in flight at once. */
  concurrency: number;
  metrics?: Pick<Metrics, 'syncItems'>;
  policy?: Partial<SyncPolicyOptions>;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface SyncOptions {
  /** Push every procedure, not only those whose hash differs from what the portal acknowledged. */
  full?: boolean;
  /** Work out and report the plan; write nothing to the hub and send nothing. */
  dryRun?: boolean;
  trigger?: SyncTrigger;
  onProgress?: (event: SyncEvent) => void;
}

/** Why an item would be sent in a dry run; RESUME: still pending from an earlier run. */
export type PlanChange = SyncChange | 'RESUME';

export interface PlanEntry {
  nationalCode: string;
  name: string;
  revision: number;
  status: ProcedurePayload['status'];
  change: PlanChange;
}

export type SyncEvent =
  | { event: 'start'; province: string; runId: number; mode: SyncMode; trigger: SyncTrigger }
  | { event: 'resume'; province: string; runId: number; batches: number; items: number }
  | {
      event: 'plan';
      province: string;
      runId: number | null;
      batches: number;
      items: number;
      changes: Partial<Record<PlanChange, number>>;
    }
  | {
      event: 'batch';
      province: string;
      runId: number;
      batchNo: number;
      items: number;
      accepted: number;
      unchanged: number;
      rejected: number;
      attempts: number;
    }
  | {
      event: 'batch-failed';
      province: string;
      runId: number;
      batchNo: number;
      items: number;
      attempts: number;
      permanent: boolean;
      error: string;
    }
  | {
      event: 'retry';
      province: string;
      runId: number;
      batchNo: number;
      attempt: number;
      delayMs: number;
      error: string;
    }
  | {
      event: 'finish';
      province: string;
      runId: number | null;
      status: SyncRunStatus;
      counts: SyncCounts;
      seconds: number;
      error: string | null;
    };

export interface SyncResult {
  province: string;
  /** null for a dry run, which records nothing. */
  runId: number | null;
  dryRun: boolean;
  mode: SyncMode;
  status: Exclude<SyncRunStatus, 'RUNNING'>;
  counts: SyncCounts;
  rejected: RejectedItem[];
  /** What a dry run would send; empty otherwise. */
  plan: PlanEntry[];
  error: string | null;
  durationMs: number;
}

const ZERO_COUNTS: SyncCounts = { planned: 0, accepted: 0, unchanged: 0, rejected: 0, failed: 0 };

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

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

export function chunk<T>(items: readonly T[], size: number = MAX_ITEMS_PER_PUT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const tally = (changes: readonly PlanChange[]) => {
  const out: Partial<Record<PlanChange, number>> = {};
  for (const c of changes) out[c] = (out[c] ?? 0) + 1;
  return out;
};

/** Exit code of a result (SPEC §1): 0 success, 2 partial (items rejected), 1 failure. */
export const exitCodeOf = (status: SyncResult['status']): number =>
  status === 'SUCCEEDED' ? 0 : status === 'PARTIAL' ? 2 : 1;

/** Runs the sync of one province; throws SyncAlreadyRunningError when another run holds it. */
export async function runSync(deps: SyncJobDeps, opts: SyncOptions = {}): Promise<SyncResult> {
  const policy = { ...DEFAULT_SYNC_POLICY, ...deps.policy };
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const province = deps.source.code;
  const mode: SyncMode = opts.full ? 'FULL' : 'INCREMENTAL';
  const trigger = opts.trigger ?? 'CLI';
  const emit = (event: SyncEvent) => opts.onProgress?.(event);
  const log = deps.log.child({ province });
  const store = syncStore(deps.hub);
  const started = now();

  const loadPayloads = async () => (await catalogueStore(deps.source.db).load()).map(toProcedurePayload);

  if (opts.dryRun) return dryRun(deps, opts, { store, loadPayloads, emit, now, started, mode });

  const lock = await store.tryLock(province);
  if (!lock) throw new SyncAlreadyRunningError(province);
  try {
    const runId = await store.createRun(province, trigger, mode);
    emit({ event: 'start', province, runId, mode, trigger });
    log.info('sync started', { runId, mode, trigger });

    // one breaker per run, shared by every batch: consecutive failures anywhere stop the whole run
    const breaker = circuitBreaker(
      handleWhen((err) => err instanceof PortalError),
      { halfOpenAfter: 60_000, breaker: new ConsecutiveBreaker(policy.breakerThreshold) },
    );
    const sender = createSender({ deps, store, breaker, policy, sleep, random, runId, province, emit, log });

    let failure: string | null = null;
    try {
      const adopted = await store.adoptPending(province, runId);
      if (adopted.length > 0) {
        const items = adopted.reduce((n, b) => n + b.items.length, 0);
        log.info('resuming batches left pending by an earlier run', {
          runId,
          batches: adopted.length,
          items,
        });
        emit({ event: 'resume', province, runId, batches: adopted.length, items });
        failure = await sender.sendAll(adopted);
      }
      // the diff needs the resumed outcomes in portal_state first, so a failed resume ends the run
      if (failure === null) {
        const [payloads, state] = await Promise.all([loadPayloads(), store.portalState(province)]);
        const plan = planSync(payloads, state, opts.full ?? false);
        await store.clearResolvedErrors(
          province,
          payloads
            .filter((p) => {
              const held = state.get(p.nationalCode);
              return held?.lastError != null && held.contentHash === p.contentHash;
            })
            .map((p) => p.nationalCode),
        );
        const firstBatchNo = adopted.length + 1;
        const batches = await store.recordPlan(
          runId,
          province,
          firstBatchNo,
          chunk(plan).map((items, i) => ({
            idempotencyKey: `lienthong-${province}-r${runId}-b${firstBatchNo + i}-${randomUUID()}`,
            items,
          })),
        );
        emit({
          event: 'plan',
          province,
          runId,
          batches: batches.length,
          items: plan.length,
          changes: tally(plan.map((p) => p.change)),
        });
        failure = await sender.sendAll(batches);
      }
    } catch (err) {
      failure = messageOf(err);
      log.error('sync failed', { runId, error: failure });
    }

    const { status, counts } = await store.finishRun(runId, failure);
    const rejected = counts.rejected > 0 ? await store.rejectedItems(runId) : [];
    const durationMs = now() - started;
    log.info('sync finished', { runId, status, ...counts, durationMs });
    emit({ event: 'finish', province, runId, status, counts, seconds: durationMs / 1000, error: failure });
    return {
      province,
      runId,
      dryRun: false,
      mode,
      status,
      counts,
      rejected,
      plan: [],
      error: failure,
      durationMs,
    };
  } finally {
    await lock.release();
  }
}

/** The plan a run would carry out (resends first), computed from reads only. */
async function dryRun(
  deps: SyncJobDeps,
  opts: SyncOptions,
  ctx: {
    store: ReturnType<typeof syncStore>;
    loadPayloads: () => Promise<ProcedurePayload[]>;
    emit: (event: SyncEvent) => void;
    now: () => number;
    started: number;
    mode: SyncMode;
  },
): Promise<SyncResult> {
  const { store, loadPayloads, emit, now, started, mode } = ctx;
  const province = deps.source.code;
  const pending = await store.pendingBatches(province);
  const [payloads, state] = await Promise.all([loadPayloads(), store.portalState(province)]);
  const resent = new Set(pending.flatMap((b) => b.items.map((i) => i.nationalCode)));
  const entry = (p: ProcedurePayload, change: PlanChange): PlanEntry => ({
    nationalCode: p.nationalCode,
    name: p.name,
    revision: p.revision,
    status: p.status,
    change,
  });
  const plan = [
    ...pending.flatMap((b) => b.items.map((p) => entry(p, 'RESUME'))),
    ...planSync(
      payloads.filter((p) => !resent.has(p.nationalCode)),
      state,
      opts.full ?? false,
    ).map((i) => entry(i.payload, i.change)),
  ];
  const counts = { ...ZERO_COUNTS, planned: plan.length };
  emit({
    event: 'plan',
    province,
    runId: null,
    batches: pending.length + chunk(plan.filter((p) => p.change !== 'RESUME')).length,
    items: plan.length,
    changes: tally(plan.map((p) => p.change)),
  });
  const durationMs = now() - started;
  emit({
    event: 'finish',
    province,
    runId: null,
    status: 'SUCCEEDED',
    counts,
    seconds: durationMs / 1000,
    error: null,
  });
  return {
    province,
    runId: null,
    dryRun: true,
    mode,
    status: 'SUCCEEDED',
    counts,
    rejected: [],
    plan,
    error: null,
    durationMs,
  };
}

interface SenderContext {
  deps: SyncJobDeps;
  store: ReturnType<typeof syncStore>;
  breaker: CircuitBreakerPolicy;
  policy: SyncPolicyOptions;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  runId: number;
  province: string;
  emit: (event: SyncEvent) => void;
  log: Logger;
}

/** Sends batches with bounded concurrency; resolves to the transport failure that ended the run, if any. */
function createSender(ctx: SenderContext) {
  const { deps, store, breaker, policy, province, runId } = ctx;

  /** Exponential backoff with equal jitter and a cap; a longer Retry-After wins, up to its own cap. */
  const delayFor = (retryNo: number, err: unknown) => {
    const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (retryNo - 1));
    const jittered = exponential / 2 + ctx.random() * (exponential / 2);
    const retryAfter = err instanceof PortalError ? (err.retryAfterMs ?? 0) : 0;
    return Math.round(Math.max(jittered, Math.min(retryAfter, policy.maxRetryAfterMs)));
  };

  /** Returns the run-ending failure, or null when the batch got an answer (even a rejection). */
  async function sendBatch(batch: StoredBatch): Promise<{ failure: string | null; stop: boolean }> {
    let attempts = 0;
    let waitMs = 0;
    let lastError = '';
    // cockatiel decides whether to retry; the wait goes through the injected sleep so tests control time
    const retryPolicy = retry(handleWhen(isTransientPortalError), {
      maxAttempts: policy.maxAttempts - 1,
      backoff: new DelegateBackoff((c: IRetryBackoffContext<unknown>) => {
        const err = 'error' in c.result ? c.result.error : undefined;
        lastError = messageOf(err);
        waitMs = delayFor(c.attempt, err);
        return 0;
      }),
    });
    try {
      const results = await retryPolicy.execute(async () => {
        if (waitMs > 0) {
          ctx.emit({
            event: 'retry',
            province,
            runId,
            batchNo: batch.batchNo,
            attempt: attempts + 1,
            delayMs: waitMs,
            error: lastError,
          });
          await ctx.sleep(waitMs);
          waitMs = 0;
        }
        return breaker.execute(() => {
          attempts++;
          return deps.portal.putProcedures(province, batch.items, batch.idempotencyKey);
        });
      });
      checkAnswers(batch, results);
      await store.recordBatchResult(batch, province, results, batch.attempts + attempts);
      const count = (status: PutResult['status']) => results.filter((r) => r.status === status).length;
      const outcome = {
        accepted: count('ACCEPTED'),
        unchanged: count('UNCHANGED'),
        rejected: count('REJECTED'),
      };
      for (const [name, n] of Object.entries(outcome)) {
        if (n > 0) deps.metrics?.syncItems.inc({ province, outcome: name.toUpperCase() }, n);
      }
      ctx.emit({
        event: 'batch',
        province,
        runId,
        batchNo: batch.batchNo,
        items: batch.items.length,
        ...outcome,
        attempts,
      });
      return { failure: null, stop: false };
    } catch (err) {
      if (!(err instanceof PortalError) && !(err instanceof BrokenCircuitError)) throw err;
      const broken = err instanceof BrokenCircuitError;
      const permanent = err instanceof PortalError && err.kind === 'permanent';
      const failure = broken
        ? `portal keeps failing (${policy.breakerThreshold} failed requests in a row), run stopped: ${messageOf(lastFailureOf(breaker) ?? err)}`
        : permanent
          ? `batch ${batch.batchNo} refused: ${messageOf(err)}`
          : `batch ${batch.batchNo} got no answer after ${attempts} attempts: ${messageOf(err)}`;
      await store.recordBatchFailure(batch, { permanent, error: failure, attempts });
      deps.metrics?.syncItems.inc({ province, outcome: 'FAILED' }, batch.items.length);
      ctx.emit({
        event: 'batch-failed',
        province,
        runId,
        batchNo: batch.batchNo,
        items: batch.items.length,
        attempts,
        permanent,
        error: failure,
      });
      // once the breaker is open every batch in flight fails the same way; the run's error says it once
      const logFailure = broken ? ctx.log.debug : ctx.log.warn;
      logFailure('sync batch failed', { runId, batchNo: batch.batchNo, attempts, permanent, error: failure });
      return { failure, stop: broken };
    }
  }

  return {
    async sendAll(batches: readonly StoredBatch[]): Promise<string | null> {
      const queue = [...batches];
      let failure: string | null = null;
      let stopped = false;
      let fatal: { error: unknown } | undefined;
      const worker = async () => {
        while (!stopped) {
          const batch = queue.shift();
          if (!batch) return;
          try {
            const result = await sendBatch(batch);
            failure ??= result.failure;
            if (result.stop) stopped = true;
          } catch (error) {
            // a hub error while recording: the batch stays PENDING and is resent under its key next time
            fatal ??= { error };
            stopped = true;
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(deps.concurrency, queue.length) }, worker));
      if (fatal) throw fatal.error;
      return failure;
    },
  };
}

function lastFailureOf(breaker: CircuitBreakerPolicy): unknown {
  const last = breaker.lastFailure;
  return last && 'error' in last ? last.error : undefined;
}

/** The portal answers items in order; an answer for another procedure means the exchange cannot be trusted. */
function checkAnswers(batch: StoredBatch, results: readonly PutResult[]): void {
  results.forEach((r, i) => {
    const sent = batch.items[i]?.nationalCode;
    if (r.nationalCode !== sent) {
      throw new PortalError(
        `portal answered for ${r.nationalCode || '(none)'} at position ${i}, sent ${sent}`,
        {
          kind: 'permanent',
        },
      );
    }
  });
}

/** The portal client configured by Config.portal. */
export const portalClientFor = (portal: Config['portal']): PortalClient =>
  createPortalClient({
    baseUrl: portal.url,
    clientId: portal.clientId,
    clientSecret: portal.clientSecret,
    timeoutMs: portal.timeoutMs,
  });

/** The job's dependencies as a hub process has them (the CLI, serve's schedule). */
export const syncDepsFor = (
  rt: Pick<Runtime, 'hub' | 'log' | 'config' | 'metrics'>,
  source: Source,
  portal: PortalClient,
): SyncJobDeps => ({
  hub: rt.hub,
  source,
  portal,
  log: rt.log,
  concurrency: rt.config.sync.concurrency,
  metrics: rt.metrics,
});
