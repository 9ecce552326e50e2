import { BrokenCircuitError } from 'cockatiel';
import { ErrorCode, messageOf, PortalError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Metrics } from '../metrics.ts';
import type { LedgerStore, StoredBatch } from './ledger-store.ts';
import type { PutResult } from './payload-schema.ts';
import type { PortalClient } from './portal-client.ts';
import type { PortalPolicy } from './portal-policy.ts';

/** Sending recorded batches to the portal through the run's policy, and recording what came back. */

/** What the sender reports as it goes. */
export type SendEvent =
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
    };

export interface SenderContext {
  ledger: LedgerStore;
  portal: PortalClient;
  policy: PortalPolicy;
  province: string;
  runId: number;
  /** Batches in flight at once. */
  concurrency: number;
  emit: (event: SendEvent) => void;
  log: Logger;
  metrics?: Pick<Metrics, 'syncItems'> | undefined;
}

/** The portal answers items in order; an answer for another procedure means the exchange cannot be trusted. */
function checkAnswers(batch: StoredBatch, results: readonly PutResult[]): void {
  results.forEach((r, i) => {
    const sent = batch.items[i]?.nationalCode;
    if (r.nationalCode !== sent) {
      throw new PortalError(
        `portal answered for ${r.nationalCode || '(none)'} at position ${i}, sent ${sent}`,
        {
          code: ErrorCode.PORTAL_REFUSED,
          transient: false,
        },
      );
    }
  });
}

/** Sends batches with bounded concurrency; `sendAll` resolves to the failure that ended the run, if any. */
export function createSender(ctx: SenderContext) {
  const { ledger, policy, province, runId } = ctx;

  /** The run-ending failure, or null when the batch got an answer (even a rejection); stop: breaker open. */
  async function sendBatch(batch: StoredBatch): Promise<{ failure: string | null; stop: boolean }> {
    let attempts = 0;
    try {
      const results = await policy.execute(
        () => {
          attempts++;
          return ctx.portal.putProcedures(province, batch.items, batch.idempotencyKey);
        },
        (retry) =>
          ctx.emit({
            event: 'retry',
            province,
            runId,
            batchNo: batch.batchNo,
            attempt: retry.attempt,
            delayMs: Math.round(retry.delayMs),
            error: messageOf(retry.error),
          }),
      );
      checkAnswers(batch, results);
      await ledger.recordBatchResult(batch, province, results, batch.attempts + attempts);
      const count = (status: PutResult['status']) => results.filter((r) => r.status === status).length;
      const outcome = {
        accepted: count('ACCEPTED'),
        unchanged: count('UNCHANGED'),
        rejected: count('REJECTED'),
      };
      for (const [name, n] of Object.entries(outcome)) {
        if (n > 0) ctx.metrics?.syncItems.inc({ province, outcome: name.toUpperCase() }, n);
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
        ? `portal keeps failing (${policy.options.breakerThreshold} failed requests in a row), run stopped: ${messageOf(policy.lastFailure() ?? err)}`
        : permanent
          ? `batch ${batch.batchNo} refused: ${err.message}`
          : `batch ${batch.batchNo} got no answer after ${attempts} attempts: ${err.message}`;
      await ledger.recordBatchFailure(batch, { permanent, error: failure, attempts });
      ctx.metrics?.syncItems.inc({ province, outcome: 'FAILED' }, batch.items.length);
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
      await Promise.all(Array.from({ length: Math.min(ctx.concurrency, queue.length) }, worker));
      if (fatal) throw fatal.error;
      return failure;
    },
  };
}
export type Sender = ReturnType<typeof createSender>;
