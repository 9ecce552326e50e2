import { randomUUID } from 'node:crypto';
import { BrokenCircuitError } from 'cockatiel';
import type { Knex } from 'knex';
import type { Config } from '../config.ts';
import { messageOf, PortalError, SyncAlreadyRunningError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { Runtime } from '../runtime.ts';
import type { Source } from '../sources/registry.ts';
import { catalogueStore } from './catalogue-store.ts';
import { ledgerStore } from './ledger-store.ts';
import type { LedgerStore, PlannedItem, RejectedItem, StoredBatch } from './ledger-store.ts';
import { toProcedurePayload } from './payload.ts';
import type { ProcedurePayload } from './payload-schema.ts';
import { chunk, dryRunPlan, planMissing, planSync, tally } from './plan.ts';
import type { PlanChange, PlanEntry } from './plan.ts';
import { createPortalClient } from './portal-client.ts';
import type { PortalClient } from './portal-client.ts';
import { createPortalPolicy } from './portal-policy.ts';
import type { PortalPolicy, PortalPolicyOptions } from './portal-policy.ts';
import { createSender } from './send.ts';
import type { SendEvent, Sender } from './send.ts';
import type { SyncCounts } from '../graphql/models.ts';
import type { SyncMode, SyncRunStatus, SyncTrigger } from '../graphql/generated/schema-types.ts';

/**
 * The sync job (src/sync/PROTOCOL.md): pushes a province's procedure list to the national portal, incrementally and
 * reliably. A run resumes what an earlier run left pending, sends the plan, then (incremental runs) checks
 * the portal's listing against the ledger and sends again what the portal lost.
 */

export interface SyncJobDeps {
  hub: Knex;
  source: Pick<Source, 'code' | 'db'>;
  portal: PortalClient;
  log: Logger;
  /** Batches in flight at once. */
  concurrency: number;
  metrics?: Pick<Metrics, 'syncItems'>;
  policy?: Partial<PortalPolicyOptions>;
}

export interface SyncOptions {
  /** Push every procedure, not only those whose hash differs from what the portal acknowledged. */
  full?: boolean;
  /** Work out and report the plan from the hub alone; write nothing, and neither send to nor ask the portal. */
  dryRun?: boolean;
  trigger?: SyncTrigger;
  onProgress?: (event: SyncEvent) => void;
}

/** An incremental run's comparison of the portal's listing with the ledger, made after sending. */
export interface PortalCheck {
  /** Procedures the ledger says the portal holds ACTIVE. */
  believed: number;
  /** Procedures the portal's listing holds. */
  held: number;
  /** Believed but not held (the portal was reset or lost them): sent again by the same run. */
  resent: number;
}

export type SyncEvent =
  | SendEvent
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
  | ({ event: 'portal-check'; province: string; runId: number } & PortalCheck)
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
  /** null for dry and full runs, and when the run failed before the check. */
  portalCheck: PortalCheck | null;
  error: string | null;
  durationMs: number;
}

/** Exit code of a result (README, Commands): 0 success, 2 partial (items rejected), 1 failure. */
export const exitCodeOf = (status: SyncResult['status']): number =>
  status === 'SUCCEEDED' ? 0 : status === 'PARTIAL' ? 2 : 1;

const loadPayloads = async (source: SyncJobDeps['source']) =>
  (await catalogueStore(source.db).load()).map(toProcedurePayload);

/** Runs the sync of one province; throws SyncAlreadyRunningError when another run holds it. */
export async function runSync(deps: SyncJobDeps, opts: SyncOptions = {}): Promise<SyncResult> {
  const province = deps.source.code;
  const ledger = ledgerStore(deps.hub);
  if (opts.dryRun) return dryRun(deps, ledger, opts);
  const lock = await ledger.tryLock(province);
  if (!lock) throw new SyncAlreadyRunningError(province);
  try {
    return await carryOut(deps, ledger, opts);
  } finally {
    await lock.release();
  }
}

/** One run, under the province's lock. */
interface Run {
  portal: PortalClient;
  ledger: LedgerStore;
  policy: PortalPolicy;
  sender: Sender;
  province: string;
  runId: number;
  /** Number of the next batch recorded. */
  nextBatchNo: number;
  emit: (event: SyncEvent) => void;
  log: Logger;
}

async function carryOut(deps: SyncJobDeps, ledger: LedgerStore, opts: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const province = deps.source.code;
  const mode: SyncMode = opts.full ? 'FULL' : 'INCREMENTAL';
  const trigger = opts.trigger ?? 'CLI';
  const emit = (event: SyncEvent) => opts.onProgress?.(event);
  const log = deps.log.child({ province });
  const runId = await ledger.createRun(province, trigger, mode);
  emit({ event: 'start', province, runId, mode, trigger });
  log.info('sync started', { runId, mode, trigger });

  // one policy per run, shared by every request: consecutive failures anywhere stop the whole run
  const policy = createPortalPolicy(deps.policy);
  const sender = createSender({
    ledger,
    portal: deps.portal,
    policy,
    province,
    runId,
    concurrency: deps.concurrency,
    emit,
    log,
    metrics: deps.metrics,
  });
  const run: Run = {
    portal: deps.portal,
    ledger,
    policy,
    sender,
    province,
    runId,
    nextBatchNo: 1,
    emit,
    log,
  };

  let failure: string | null = null;
  let portalCheck: PortalCheck | null = null;
  try {
    failure = await resumePending(run);
    // the diff needs the resumed outcomes in portal_state first, so a failed resume ends the run
    if (failure === null) {
      const payloads = await loadPayloads(deps.source);
      failure = await sendPlan(run, payloads, opts.full ?? false);
      if (failure === null && !opts.full)
        ({ check: portalCheck, failure } = await checkPortal(run, payloads));
    }
  } catch (err) {
    failure = messageOf(err);
    log.error('sync failed', { runId, error: failure });
  }

  const { status, counts } = await ledger.finishRun(runId, failure);
  const rejected = counts.rejected > 0 ? await ledger.rejectedItems(runId) : [];
  const durationMs = Date.now() - started;
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
    portalCheck,
    error: failure,
    durationMs,
  };
}

/** Resends, under their own keys, the batches an earlier run left pending. */
async function resumePending(run: Run): Promise<string | null> {
  const adopted = await run.ledger.adoptPending(run.province, run.runId);
  run.nextBatchNo = adopted.length + 1;
  if (adopted.length === 0) return null;
  const items = adopted.reduce((n, b) => n + b.items.length, 0);
  run.log.info('resuming batches left pending by an earlier run', {
    runId: run.runId,
    batches: adopted.length,
    items,
  });
  run.emit({ event: 'resume', province: run.province, runId: run.runId, batches: adopted.length, items });
  return run.sender.sendAll(adopted);
}

/** Records items as PENDING batches under fresh idempotency keys, before anything is sent. */
async function recordBatches(run: Run, items: readonly PlannedItem[]): Promise<StoredBatch[]> {
  const first = run.nextBatchNo;
  const batches = await run.ledger.recordPlan(
    run.runId,
    run.province,
    first,
    chunk(items).map((batch, i) => ({
      idempotencyKey: `lienthong-${run.province}-r${run.runId}-b${first + i}-${randomUUID()}`,
      items: batch,
    })),
  );
  run.nextBatchNo += batches.length;
  return batches;
}

/** Plans from the ledger's view of the portal, records the plan and sends it. */
async function sendPlan(
  run: Run,
  payloads: readonly ProcedurePayload[],
  full: boolean,
): Promise<string | null> {
  const state = await run.ledger.portalState(run.province);
  const plan = planSync(payloads, state, full);
  await run.ledger.clearResolvedErrors(
    run.province,
    payloads
      .filter((p) => {
        const held = state.get(p.nationalCode);
        return held?.lastError != null && held.contentHash === p.contentHash;
      })
      .map((p) => p.nationalCode),
  );
  const batches = await recordBatches(run, plan);
  run.emit({
    event: 'plan',
    province: run.province,
    runId: run.runId,
    batches: batches.length,
    items: plan.length,
    changes: tally(plan.map((p) => p.change)),
  });
  return run.sender.sendAll(batches);
}

/**
 * Lists what the portal holds (each page retried on its own) and sends again what the ledger says it
 * acknowledged but the portal no longer holds, e.g. after the portal was reset.
 */
async function checkPortal(
  run: Run,
  payloads: readonly ProcedurePayload[],
): Promise<{ check: PortalCheck | null; failure: string | null }> {
  let held: ProcedurePayload[];
  try {
    held = await run.portal.listProcedures(run.province, (page) => run.policy.execute(page));
  } catch (err) {
    if (!(err instanceof PortalError) && !(err instanceof BrokenCircuitError)) throw err;
    const cause = err instanceof BrokenCircuitError ? (run.policy.lastFailure() ?? err) : err;
    return { check: null, failure: `could not check what the portal holds: ${messageOf(cause)}` };
  }
  const { believed, missing } = planMissing(payloads, await run.ledger.portalState(run.province), held);
  const check: PortalCheck = { believed, held: held.length, resent: missing.length };
  run.emit({ event: 'portal-check', province: run.province, runId: run.runId, ...check });
  if (missing.length === 0) return { check, failure: null };
  run.log.warn('the portal lacks procedures it had acknowledged; sending them again', {
    runId: run.runId,
    ...check,
  });
  return { check, failure: await run.sender.sendAll(await recordBatches(run, missing)) };
}

/** The plan a run would carry out (resends first), computed from the hub alone. */
async function dryRun(deps: SyncJobDeps, ledger: LedgerStore, opts: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const province = deps.source.code;
  const [pending, payloads, state] = await Promise.all([
    ledger.pendingBatches(province),
    loadPayloads(deps.source),
    ledger.portalState(province),
  ]);
  const plan = dryRunPlan(pending, payloads, state, opts.full ?? false);
  const counts: SyncCounts = {
    planned: plan.entries.length,
    accepted: 0,
    unchanged: 0,
    rejected: 0,
    failed: 0,
  };
  const emit = (event: SyncEvent) => opts.onProgress?.(event);
  emit({
    event: 'plan',
    province,
    runId: null,
    batches: plan.batches,
    items: plan.entries.length,
    changes: tally(plan.entries.map((p) => p.change)),
  });
  const durationMs = Date.now() - started;
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
    mode: opts.full ? 'FULL' : 'INCREMENTAL',
    status: 'SUCCEEDED',
    counts,
    rejected: [],
    plan: plan.entries,
    portalCheck: null,
    error: null,
    durationMs,
  };
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
