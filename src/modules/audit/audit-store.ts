import type { Knex } from 'knex';
import { applyAfter, orderBy, sortSelect, type SortSpec } from '../../db/keyset.ts';
import type { AuditLogRow } from '../../db/tables.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import type { AuditRecordEntity } from '../../graphql/models.ts';

/**
 * Hub SQL of the audit trail of personal data (table audit_log). The table is append-only: PostgreSQL
 * refuses UPDATE, DELETE and TRUNCATE (hub migration 004), so this store only inserts and reads.
 */

/** What the request-side collector records for one response that carried personal data unmasked. */
export interface AuditEntry {
  /** The viewer's id: `key:<id>`, `oidc:<subject>`. */
  actor: string;
  action: string;
  requestId: string;
  /** GraphQL operation name, when the request named one. */
  operation: string | null;
  /** Global ids of the dossiers shown. */
  dossiers: string[];
  /** Their codes, in the same order. */
  dossierCodes: string[];
  /** Schema coordinates shown unmasked, e.g. `Applicant.name`; never the values. */
  fields: string[];
  /** Provinces of the dossiers shown. */
  provinces: string[];
}

/** Conditions on audit records; all must hold. */
export interface AuditListFilter {
  /** Exactly this actor (index on (actor, at)). */
  actor?: string | undefined;
  /** Records that showed this dossier: a canonical global id (GIN index on dossiers). */
  dossier?: string | undefined;
  /** Records that showed a dossier of this code, as recorded (no index: for the CLI). */
  dossierCode?: string | undefined;
  /** Written on or after this day, in the hub's time zone (UTC+7): `YYYY-MM-DD`. */
  fromDate?: string | undefined;
  /** Written on or before this day, in the hub's time zone (UTC+7): `YYYY-MM-DD`. */
  toDate?: string | undefined;
  /** Written at or after this instant. */
  since?: Date | undefined;
  /** Written before this instant (exclusive). */
  before?: Date | undefined;
  /** Only records that showed a dossier of one of these provinces (an auditor limited to them). */
  withinProvinces?: string[] | undefined;
}

/**
 * Newest first: by time, then id (two requests committing in another order than they started can write
 * ids out of time order). Times travel in cursors with microseconds, so no row is skipped.
 */
export const AUDIT_ORDER: SortSpec = {
  key: 'auditRecord.at',
  expr: 'a.at',
  idExpr: 'a.id',
  kind: 'time',
  direction: 'desc',
};

/** The keyset source of hub lists: every audit record comes from the hub database. */
export const AUDIT_SOURCE = 'hub';

const COLUMNS = [
  'a.id',
  'a.at',
  'a.actor',
  'a.action',
  'a.request_id',
  'a.operation',
  'a.dossiers',
  'a.dossier_codes',
  'a.fields',
];

type RecordRow = Omit<AuditLogRow, 'detail'>;

const record = (r: RecordRow): AuditRecordEntity => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  requestId: r.request_id,
  operation: r.operation,
  dossiers: r.dossiers,
  dossierCodes: r.dossier_codes,
  fields: r.fields,
});

/** Midnight of a calendar day in the hub's time zone, and of the day after (Vietnam keeps UTC+7 all year). */
const VN_DAY_START = `(?::date)::timestamp AT TIME ZONE INTERVAL '+07:00'`;
const VN_NEXT_DAY_START = `(?::date + 1)::timestamp AT TIME ZONE INTERVAL '+07:00'`;

export function auditStore(hub: Knex) {
  const filtered = (f: AuditListFilter) => {
    const qb = hub('audit_log as a');
    if (f.actor !== undefined) qb.where('a.actor', f.actor);
    if (f.dossier !== undefined) qb.whereRaw('a.dossiers @> ARRAY[?]::text[]', [f.dossier]);
    if (f.dossierCode !== undefined) qb.whereRaw('a.dossier_codes @> ARRAY[?]::text[]', [f.dossierCode]);
    if (f.fromDate !== undefined) qb.whereRaw(`a.at >= ${VN_DAY_START}`, [f.fromDate]);
    if (f.toDate !== undefined) qb.whereRaw(`a.at < ${VN_NEXT_DAY_START}`, [f.toDate]);
    if (f.since !== undefined) qb.where('a.at', '>=', f.since);
    if (f.before !== undefined) qb.where('a.at', '<', f.before);
    if (f.withinProvinces !== undefined) qb.whereRaw('a.provinces && ?::text[]', [f.withinProvinces]);
    return qb;
  };
  return {
    /** Writes one record (one INSERT); a failure is the caller's to act on (the request fails closed). */
    async append(entry: AuditEntry): Promise<void> {
      await hub('audit_log').insert({
        actor: entry.actor,
        action: entry.action,
        request_id: entry.requestId,
        operation: entry.operation,
        dossiers: entry.dossiers,
        dossier_codes: entry.dossierCodes,
        fields: entry.fields,
        provinces: entry.provinces,
      });
    },
    /** One page of records in `q.spec` order (AUDIT_ORDER, or its reverse), after `q.from`. */
    async list(f: AuditListFilter, q: FetchPage): Promise<Sorted<AuditRecordEntity>[]> {
      const qb = filtered(f)
        .select(COLUMNS)
        .select(hub.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyAfter(qb, q.spec, q.from, AUDIT_SOURCE);
      orderBy(qb, q.spec);
      return ((await qb) as (RecordRow & { _sort: unknown })[]).map((r) => ({
        entity: record(r),
        sort: r._sort,
        id: r.id,
      }));
    },
    async count(f: AuditListFilter): Promise<number> {
      const row = (await filtered(f).count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },
  };
}
export type AuditStore = ReturnType<typeof auditStore>;
