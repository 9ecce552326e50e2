import type { Knex } from 'knex';
import type { PortalStateRow, SyncItemRow } from '../db/tables.ts';
import { canonicalJson } from './payload-schema.ts';
import type { ProcedurePayload, PutResult } from './payload-schema.ts';
import type { SyncCounts } from '../graphql/models.ts';
import type {
  ProcedureStatus,
  SyncMode,
  SyncRunStatus,
  SyncTrigger,
} from '../graphql/generated/schema-types.ts';

/**
 * The sync job's ledger in the hub: runs, the batches they send, each item's outcome, and what the portal
 * acknowledged. The API reads the same tables through modules/sync/sync-run-store.ts.
 */

/** Why an item is sent: never pushed, content changed, abolished (withdrawal), or `--full`. */
export type SyncChange = 'NEW' | 'CHANGED' | 'WITHDRAW' | 'FULL';

/** An item as planned: the payload sent and why. */
export interface PlannedItem {
  payload: ProcedurePayload;
  change: SyncChange;
}

/** A batch recorded in the hub: its items are exactly what is (re)sent under its idempotency key. */
export interface StoredBatch {
  id: number;
  runId: number;
  batchNo: number;
  idempotencyKey: string;
  items: ProcedurePayload[];
  changes: SyncChange[];
  attempts: number;
}

/** What the portal last acknowledged for a procedure; hash null when it only ever rejected it. */
export interface PortalStateEntry {
  nationalCode: string;
  contentHash: string | null;
  revision: number | null;
  status: ProcedureStatus | null;
  lastError: string | null;
}

export interface RejectedItem {
  nationalCode: string;
  revision: number;
  reason: string;
}

interface BatchRow {
  id: number;
  run_id: number;
  batch_no: number;
  idempotency_key: string;
  payload: unknown;
  attempts: number;
  changes: SyncChange[];
}

/** A held advisory lock; release() unlocks and returns its dedicated connection to the pool. */
export interface ProvinceLock {
  release(): Promise<void>;
}

const LOCK_NAMESPACE = 'lienthong:sync:';

/** Items as sent: canonical key order, so a batch rebuilt from its stored jsonb serialises to the same bytes. */
const canonicalItems = (items: readonly ProcedurePayload[]): ProcedurePayload[] =>
  JSON.parse(canonicalJson(items)) as ProcedurePayload[];

function storedBatch(r: BatchRow): StoredBatch {
  if (!Array.isArray(r.payload)) throw new Error(`sync batch ${r.id}: stored payload is not an array`);
  return {
    id: r.id,
    runId: r.run_id,
    batchNo: r.batch_no,
    idempotencyKey: r.idempotency_key,
    items: canonicalItems(r.payload as ProcedurePayload[]),
    changes: r.changes,
    attempts: r.attempts,
  };
}

const countsOf = (r: SyncCounts | undefined): SyncCounts => ({
  planned: Number(r?.planned ?? 0),
  accepted: Number(r?.accepted ?? 0),
  unchanged: Number(r?.unchanged ?? 0),
  rejected: Number(r?.rejected ?? 0),
  failed: Number(r?.failed ?? 0),
});

const BATCH_COLUMNS = `b.id, b.run_id, b.batch_no, b.idempotency_key, b.payload, b.attempts,
  ARRAY(SELECT i.change FROM sync_items i WHERE i.batch_id = b.id ORDER BY i.position) AS changes`;

export function ledgerStore(hub: Knex) {
  /** Recomputes a run's counts from its items; PENDING items count as failed once the run is over. */
  const recount = (db: Knex, runId: number, final: boolean) =>
    db.raw<{ rows: SyncCounts[] }>(
      `UPDATE sync_runs r
          SET planned = c.planned, accepted = c.accepted, unchanged = c.unchanged,
              rejected = c.rejected, failed = c.failed
         FROM (SELECT count(*) AS planned,
                      count(*) FILTER (WHERE outcome = 'ACCEPTED') AS accepted,
                      count(*) FILTER (WHERE outcome = 'UNCHANGED') AS unchanged,
                      count(*) FILTER (WHERE outcome = 'REJECTED') AS rejected,
                      count(*) FILTER (WHERE outcome = 'FAILED' OR (? AND outcome = 'PENDING')) AS failed
                 FROM sync_items WHERE run_id = ?) c
        WHERE r.id = ?
        RETURNING r.planned, r.accepted, r.unchanged, r.rejected, r.failed`,
      [final, runId, runId],
    );

  return {
    /**
     * pg_try_advisory_lock on a connection of its own, held for the whole run: a crashed process loses
     * its connection and with it the lock, so a lock is never left behind.
     */
    async tryLock(province: string): Promise<ProvinceLock | undefined> {
      const connection: unknown = await hub.client.acquireConnection();
      const key = LOCK_NAMESPACE + province;
      try {
        const result = await hub
          .raw<{ rows: { locked: boolean }[] }>(
            'SELECT pg_try_advisory_lock(hashtextextended(?, 0)) AS locked',
            [key],
          )
          .connection(connection);
        if (result.rows[0]?.locked) {
          return {
            async release() {
              try {
                await hub
                  .raw('SELECT pg_advisory_unlock(hashtextextended(?, 0))', [key])
                  .connection(connection);
              } finally {
                await hub.client.releaseConnection(connection);
              }
            },
          };
        }
      } catch (err) {
        await hub.client.releaseConnection(connection);
        throw err;
      }
      await hub.client.releaseConnection(connection);
      return undefined;
    },

    async createRun(province: string, trigger: SyncTrigger, mode: SyncMode): Promise<number> {
      const [row] = (await hub('sync_runs').insert({ province, trigger, mode }).returning('id')) as {
        id: number;
      }[];
      return row!.id;
    },

    /**
     * Marks runs left RUNNING by a dead process FAILED ('interrupted'), their counts frozen as they stood,
     * and hands every batch still PENDING for the province (theirs, or a failed run's) to the new run,
     * to be resent exactly as it was.
     */
    async adoptPending(province: string, runId: number): Promise<StoredBatch[]> {
      return hub.transaction(async (trx) => {
        const dead = (await trx('sync_runs')
          .select('id')
          .where({ province, status: 'RUNNING' })
          .whereNot('id', runId)) as { id: number }[];
        for (const { id } of dead) await recount(trx, id, true);
        if (dead.length > 0) {
          await trx('sync_runs')
            .update({ status: 'FAILED', finished_at: trx.fn.now(), error: 'interrupted' })
            .whereIn(
              'id',
              dead.map((r) => r.id),
            );
        }
        // renumbered 1..n in their original order, so the new run's own batches follow them
        const moved = await trx.raw<{ rows: { id: number }[] }>(
          `UPDATE sync_batches b SET run_id = ?, batch_no = n.rn
             FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM sync_batches
                    WHERE province = ? AND status = 'PENDING' AND run_id <> ?) n
            WHERE b.id = n.id
           RETURNING b.id`,
          [runId, province, runId],
        );
        if (moved.rows.length === 0) return [];
        const ids = moved.rows.map((r) => r.id);
        await trx.raw(`UPDATE sync_items SET run_id = ? WHERE batch_id = ANY(?)`, [runId, ids]);
        await recount(trx, runId, false);
        const rows = await trx.raw<{ rows: BatchRow[] }>(
          `SELECT ${BATCH_COLUMNS} FROM sync_batches b WHERE b.id = ANY(?) ORDER BY b.batch_no`,
          [ids],
        );
        return rows.rows.map(storedBatch);
      });
    },

    /** Batches still PENDING for the province (what a run would resend first); read-only. */
    async pendingBatches(province: string): Promise<StoredBatch[]> {
      const rows = await hub.raw<{ rows: BatchRow[] }>(
        `SELECT ${BATCH_COLUMNS} FROM sync_batches b WHERE b.province = ? AND b.status = 'PENDING' ORDER BY b.id`,
        [province],
      );
      return rows.rows.map(storedBatch);
    },

    async portalState(province: string): Promise<Map<string, PortalStateEntry>> {
      const rows = (await hub('portal_state')
        .select('national_code', 'content_hash', 'revision', 'status', 'last_error')
        .where({ province })) as Pick<
        PortalStateRow,
        'national_code' | 'content_hash' | 'revision' | 'status' | 'last_error'
      >[];
      return new Map(
        rows.map((r) => [
          r.national_code,
          {
            nationalCode: r.national_code,
            contentHash: r.content_hash,
            revision: r.revision,
            status: r.status,
            lastError: r.last_error,
          },
        ]),
      );
    },

    /** Forgets rejection errors of procedures whose content is back to what the portal acknowledged. */
    async clearResolvedErrors(province: string, nationalCodes: readonly string[]): Promise<void> {
      if (nationalCodes.length === 0) return;
      await hub('portal_state')
        .update({ last_error: null, last_error_at: null })
        .where({ province })
        .whereRaw('national_code = ANY(?)', [[...nationalCodes]]);
    },

    /** Records every batch and item PENDING in one transaction, before anything is sent. */
    async recordPlan(
      runId: number,
      province: string,
      firstBatchNo: number,
      batches: readonly { idempotencyKey: string; items: readonly PlannedItem[] }[],
    ): Promise<StoredBatch[]> {
      if (batches.length === 0) return [];
      return hub.transaction(async (trx) => {
        const payloads = batches.map((b) => canonicalJson(b.items.map((i) => i.payload)));
        const inserted = await trx.raw<{ rows: { id: number; batch_no: number }[] }>(
          `INSERT INTO sync_batches (run_id, province, batch_no, idempotency_key, payload)
           SELECT ?, ?, t.batch_no, t.idempotency_key, t.payload
             FROM unnest(?::int[], ?::text[], ?::jsonb[]) AS t(batch_no, idempotency_key, payload)
           RETURNING id, batch_no`,
          [
            runId,
            province,
            batches.map((_, i) => firstBatchNo + i),
            batches.map((b) => b.idempotencyKey),
            payloads,
          ],
        );
        const idOf = new Map(inserted.rows.map((r) => [r.batch_no, r.id]));
        const cols = {
          batch: [] as number[],
          position: [] as number[],
          code: [] as string[],
          hash: [] as string[],
          revision: [] as number[],
          status: [] as string[],
          change: [] as string[],
        };
        batches.forEach((b, index) => {
          b.items.forEach((item, position) => {
            cols.batch.push(idOf.get(firstBatchNo + index)!);
            cols.position.push(position);
            cols.code.push(item.payload.nationalCode);
            cols.hash.push(item.payload.contentHash);
            cols.revision.push(item.payload.revision);
            cols.status.push(item.payload.status);
            cols.change.push(item.change);
          });
        });
        await trx.raw(
          `INSERT INTO sync_items (run_id, batch_id, position, national_code, content_hash, revision, status, change)
           SELECT ?, t.* FROM unnest(?::bigint[], ?::int[], ?::text[], ?::text[], ?::int[], ?::text[], ?::text[])
             AS t(batch_id, position, national_code, content_hash, revision, status, change)`,
          [runId, cols.batch, cols.position, cols.code, cols.hash, cols.revision, cols.status, cols.change],
        );
        await recount(trx, runId, false);
        return batches.map((b, index) => ({
          id: idOf.get(firstBatchNo + index)!,
          runId,
          batchNo: firstBatchNo + index,
          idempotencyKey: b.idempotencyKey,
          items: JSON.parse(payloads[index]!) as ProcedurePayload[],
          changes: b.items.map((i) => i.change),
          attempts: 0,
        }));
      });
    },

    /**
     * One batch answered: item outcomes, the batch DONE, the portal's acknowledged state (never moved
     * back to an older revision) and the run's counts, all in one transaction.
     */
    async recordBatchResult(
      batch: StoredBatch,
      province: string,
      results: readonly PutResult[],
      attempts: number,
    ): Promise<void> {
      await hub.transaction(async (trx) => {
        await trx.raw(
          `UPDATE sync_items i SET outcome = v.outcome, reason = NULLIF(v.reason, ''), attempts = ?, last_error = NULL
             FROM unnest(?::int[], ?::text[], ?::text[]) AS v(position, outcome, reason)
            WHERE i.batch_id = ? AND i.position = v.position`,
          [
            attempts,
            results.map((_, i) => i),
            results.map((r) => r.status),
            results.map((r) => (r.status === 'REJECTED' ? r.reason || 'REJECTED' : '')),
            batch.id,
          ],
        );
        await trx.raw(
          `UPDATE sync_batches SET status = 'DONE', attempts = ?, last_error = NULL, finished_at = now() WHERE id = ?`,
          [attempts, batch.id],
        );
        await trx.raw(
          `INSERT INTO portal_state AS s (province, national_code, content_hash, revision, status, acknowledged_at)
           SELECT ?, i.national_code, i.content_hash, i.revision, i.status, now()
             FROM sync_items i WHERE i.batch_id = ? AND i.outcome IN ('ACCEPTED', 'UNCHANGED')
           ON CONFLICT (province, national_code) DO UPDATE
              SET content_hash = EXCLUDED.content_hash, revision = EXCLUDED.revision, status = EXCLUDED.status,
                  acknowledged_at = EXCLUDED.acknowledged_at, last_error = NULL, last_error_at = NULL
            WHERE s.revision IS NULL OR s.revision <= EXCLUDED.revision`,
          [province, batch.id],
        );
        await trx.raw(
          `INSERT INTO portal_state AS s (province, national_code, last_error, last_error_at)
           SELECT ?, i.national_code, i.reason, now()
             FROM sync_items i WHERE i.batch_id = ? AND i.outcome = 'REJECTED'
           ON CONFLICT (province, national_code) DO UPDATE
              SET last_error = EXCLUDED.last_error, last_error_at = EXCLUDED.last_error_at`,
          [province, batch.id],
        );
        await recount(trx, batch.runId, false);
      });
    },

    /**
     * A batch that got no answer. A transient failure leaves it PENDING (resent under the same key by the
     * next run, since the portal may have applied it); a permanent one marks it and its items FAILED.
     */
    async recordBatchFailure(
      batch: StoredBatch,
      failure: { permanent: boolean; error: string; attempts: number },
    ): Promise<void> {
      await hub.transaction(async (trx) => {
        const attempts = batch.attempts + failure.attempts;
        await trx.raw(
          `UPDATE sync_batches SET status = ?, attempts = ?, last_error = ?,
                  finished_at = CASE WHEN ? THEN now() END
            WHERE id = ?`,
          [failure.permanent ? 'FAILED' : 'PENDING', attempts, failure.error, failure.permanent, batch.id],
        );
        await trx.raw(`UPDATE sync_items SET outcome = ?, attempts = ?, last_error = ? WHERE batch_id = ?`, [
          failure.permanent ? 'FAILED' : 'PENDING',
          attempts,
          failure.error,
          batch.id,
        ]);
        await recount(trx, batch.runId, false);
      });
    },

    /** Ends a run: FAILED when something stopped it, PARTIAL when the portal rejected items, else SUCCEEDED. */
    async finishRun(
      runId: number,
      failure: string | null,
    ): Promise<{ status: Exclude<SyncRunStatus, 'RUNNING'>; counts: SyncCounts }> {
      return hub.transaction(async (trx) => {
        const counted = await recount(trx, runId, true);
        const counts = countsOf(counted.rows[0]);
        const status = failure !== null ? 'FAILED' : counts.rejected > 0 ? 'PARTIAL' : 'SUCCEEDED';
        await trx('sync_runs')
          .update({ status, error: failure, finished_at: trx.fn.now() })
          .where({ id: runId });
        return { status, counts };
      });
    },

    async rejectedItems(runId: number): Promise<RejectedItem[]> {
      const rows = (await hub('sync_items')
        .select('national_code', 'revision', 'reason')
        .where({ run_id: runId, outcome: 'REJECTED' })
        .orderBy(['batch_id', 'position'])) as Pick<SyncItemRow, 'national_code' | 'revision' | 'reason'>[];
      return rows.map((r) => ({
        nationalCode: r.national_code,
        revision: r.revision,
        reason: r.reason ?? 'REJECTED',
      }));
    },
  };
}
export type LedgerStore = ReturnType<typeof ledgerStore>;
