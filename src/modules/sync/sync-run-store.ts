import type { Knex } from 'knex';
import { applyAfter, orderBy, sortSelect, type SortSpec } from '../../db/keyset.ts';
import { rowsOf, type PortalStateRow, type SyncRunRow } from '../../db/tables.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import type { PortalStatusEntity, SyncItemEntity, SyncRunEntity } from '../../graphql/models.ts';
import type { SyncRunStatus } from '../../graphql/generated/schema-types.ts';

/**
 * Hub SQL behind the sync part of the API: runs, their rejected items, and the portal state of procedures.
 * The row types are the sync tables' (src/db/tables.ts); the sync job's ledger writes the same rows.
 */

export interface SyncRunFilter {
  provinces?: readonly string[] | undefined;
  status?: SyncRunStatus | null | undefined;
}

/** Newest first: ids grow with start time, and compare exactly (timestamps lose microseconds in cursors). */
export const SYNC_RUN_ORDER: SortSpec = {
  key: 'syncRun.id',
  expr: 'r.id',
  idExpr: 'r.id',
  kind: 'number',
  direction: 'desc',
};

const RUN_COLUMNS = [
  'r.id',
  'r.province',
  'r.trigger',
  'r.mode',
  'r.status',
  'r.started_at',
  'r.finished_at',
  'r.planned',
  'r.accepted',
  'r.unchanged',
  'r.rejected',
  'r.failed',
  'r.error',
];

const run = (r: SyncRunRow): SyncRunEntity => ({
  id: r.id,
  province: r.province,
  trigger: r.trigger,
  mode: r.mode,
  status: r.status,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  counts: {
    planned: r.planned,
    accepted: r.accepted,
    unchanged: r.unchanged,
    rejected: r.rejected,
    failed: r.failed,
  },
  error: r.error,
});

export function syncRunStore(hub: Knex) {
  const filtered = (f: SyncRunFilter) => {
    const qb = hub('sync_runs as r');
    if (f.provinces) qb.whereRaw('r.province = ANY(?)', [[...f.provinces]]);
    if (f.status) qb.where('r.status', f.status);
    return qb;
  };
  return {
    async list(f: SyncRunFilter, q: FetchPage): Promise<Sorted<SyncRunEntity>[]> {
      const qb = filtered(f)
        .select(RUN_COLUMNS)
        .select(hub.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyAfter(qb, q.spec, q.from, 'hub');
      orderBy(qb, q.spec);
      return ((await qb) as (SyncRunRow & { _sort: unknown })[]).map((r) => ({
        entity: run(r),
        sort: r._sort,
        id: r.id,
      }));
    },
    async count(f: SyncRunFilter): Promise<number> {
      const row = (await filtered(f).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },
    async byIds(ids: readonly number[]): Promise<SyncRunEntity[]> {
      const rows = await rowsOf<SyncRunRow>(
        hub('sync_runs as r')
          .select(RUN_COLUMNS)
          .whereRaw('r.id = ANY(?)', [[...ids]]),
      );
      return rows.map(run);
    },
    /** Rejected items of many runs in one statement, in the order they were sent. */
    async rejectedItems(runIds: readonly number[]): Promise<SyncItemEntity[]> {
      const rows = await hub('sync_items')
        .select(
          'run_id',
          'national_code',
          'revision',
          'content_hash',
          'outcome',
          'reason',
          'attempts',
          'last_error',
        )
        .whereRaw('run_id = ANY(?)', [[...runIds]])
        .where('outcome', 'REJECTED')
        .orderBy(['run_id', 'batch_id', 'position']);
      return rows.map((r) => ({
        runId: r.run_id,
        nationalCode: r.national_code,
        revision: r.revision,
        contentHash: r.content_hash,
        outcome: r.outcome,
        reason: r.reason,
        attempts: r.attempts,
        lastError: r.last_error,
      }));
    },
    /** Portal state of many (province, national code) pairs in one statement. */
    async portalStates(
      keys: readonly { province: string; nationalCode: string }[],
    ): Promise<PortalStatusEntity[]> {
      const rows = await rowsOf<PortalStateRow>(
        hub('portal_state as s')
          .select(
            's.province',
            's.national_code',
            's.content_hash',
            's.revision',
            's.acknowledged_at',
            's.status',
            's.last_error',
            's.last_error_at',
          )
          .whereRaw('(s.province, s.national_code) IN (SELECT * FROM unnest(?::text[], ?::text[]))', [
            keys.map((k) => k.province),
            keys.map((k) => k.nationalCode),
          ]),
      );
      return rows.map((r) => ({
        province: r.province,
        nationalCode: r.national_code,
        acknowledgedHash: r.content_hash,
        acknowledgedRevision: r.revision,
        acknowledgedAt: r.acknowledged_at,
        status: r.status,
        lastError: r.last_error,
        lastErrorAt: r.last_error_at,
      }));
    },
  };
}
export type SyncRunStore = ReturnType<typeof syncRunStore>;

/** Codegen mappers: the connection types of the sync API are backed by these. */
