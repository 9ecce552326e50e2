import type { Knex } from 'knex';
import {
  applyAfter,
  orderBy,
  firstPerParent,
  sortSelect,
  type SortColumn,
  type SortSpec,
} from '../../db/keyset.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import { preparedRaw, whereFolded } from '../../db/sql.ts';
import {
  rowsOf,
  type DossierEventRow,
  type DossierRow,
  type Qualified,
  type Selected,
} from '../../db/tables.ts';
import {
  builtOnce,
  jsonList,
  rowOf,
  selectEmbedded,
  withTimes,
  type EmbeddedSql,
  type Sql,
} from '../../db/json-rows.ts';
import type { DossierEntity, DossierEventEntity, SupplementEntity } from '../../graphql/models.ts';
import type { Channel, Timeliness } from '../../graphql/generated/schema-types.ts';

/** Time the clock stood still in closed waits: answered supplement episodes and paid payment waits. */
const WAITED = `make_interval(secs => d.supplement_seconds::float8 + d.payment_seconds)`;

/**
 * Timeliness by the national rules (Decision 766/QĐ-TTg and the national portal's evaluation guidance;
 * schema/dossiers.graphql `Timeliness` gives each rule with its source), judged at `now`, the request's
 * clock (one instant for every province of a request, bound as a parameter: `nowParam`):
 * - refused (3), withdrawn (7), stopped (8): NOT_COUNTED, outside the on-time rate;
 * - ended (processed, else returned): two or more supplement requests are LATE; otherwise the end, less
 *   the closed waits (supplement_seconds + payment_seconds), against the due time;
 * - open: the clock runs until `now`, or until the start of an open wait (a supplement episode not yet
 *   answered, a payment not yet made), whichever is earlier; OVERDUE once that instant is past the due time
 *   extended by the closed waits, else PENDING. So a dossier waiting for the applicant stays PENDING unless
 *   it was already overdue when the wait began.
 * `lt_open_wait_since` (migration 007) reads open waits through partial indexes holding open episodes
 * only: a probe into a small index, made only for open dossiers with a due time.
 */
export const timelinessSql = (nowParam: string) => `(CASE
  WHEN d.status IN (3, 7, 8) THEN 'NOT_COUNTED'
  WHEN coalesce(d.finished_at, d.returned_at) IS NOT NULL THEN CASE
    WHEN d.supplement_count >= 2 THEN 'LATE'
    WHEN d.due_at IS NULL THEN 'ON_TIME'
    WHEN coalesce(d.finished_at, d.returned_at) - ${WAITED} > d.due_at THEN 'LATE'
    WHEN (coalesce(d.finished_at, d.returned_at) - ${WAITED}) AT TIME ZONE INTERVAL '+07:00'
         < date_trunc('day', d.due_at AT TIME ZONE INTERVAL '+07:00') THEN 'EARLY'
    ELSE 'ON_TIME' END
  WHEN d.due_at IS NULL THEN 'PENDING'
  WHEN LEAST(${nowParam}::timestamptz, lt_open_wait_since(d.id)) > d.due_at + ${WAITED} THEN 'OVERDUE'
  ELSE 'PENDING' END)`;
/** A dossier's events for a rendered read (src/graphql/render.ts): FROM and WHERE, and their order. */
export const EVENTS_OF = {
  from: (row: string, alias: string) => `dossier_events ${alias} WHERE ${alias}.dossier_id = ${row}.id`,
  order: (alias: string) => `${alias}.occurred_at, ${alias}.id`,
};

/** The timeliness expression for knex: its one binding is the request's clock (`now`). */
export const TIMELINESS_SQL = timelinessSql('?');

export interface DossierListFilter {
  statusCodes?: number[] | undefined;
  timeliness?: Timeliness[] | null | undefined;
  channel?: Channel | null | undefined;
  procedureId?: number | undefined;
  unitId?: number | undefined;
  receivedFrom?: string | null | undefined;
  receivedTo?: string | null | undefined;
  dueFrom?: string | null | undefined;
  dueTo?: string | null | undefined;
  resolvedFrom?: string | null | undefined;
  resolvedTo?: string | null | undefined;
  search?: string | null | undefined;
  /**
   * Whether search also matches the applicant (name, or identity number given whole): only for callers
   * holding `pii:read`; for others it matches dossier codes only, so it cannot confirm who filed what.
   */
  searchApplicant?: boolean | undefined;
}

/** A whole identity number (CCCD, 12 digits) or tax code (10 or 13): searched by equality, never by part. */
const ID_NUMBER_RE = /^\d{10,13}$/;

export const DOSSIER_SORTS = {
  RECEIVED_AT: {
    key: 'dossier.receivedAt',
    expr: 'coalesce(d.received_at, d.submitted_at)',
    idExpr: 'd.id',
    kind: 'time',
  },
  DUE_AT: {
    key: 'dossier.dueAt',
    expr: `coalesce(d.due_at, 'infinity'::timestamptz)`,
    idExpr: 'd.id',
    kind: 'time',
  },
  CODE: { key: 'dossier.code', expr: 'd.code', idExpr: 'd.id', kind: 'text' },
} as const satisfies Record<string, Omit<SortSpec, 'direction'>>;

const COLUMNS = [
  'd.id',
  'd.code',
  'd.procedure_id',
  'd.receiving_unit_id',
  'd.handling_unit_id',
  'd.applicant_type',
  'd.applicant_name',
  'd.applicant_id_number',
  'd.applicant_phone',
  'd.channel',
  'd.status',
  'd.submitted_at',
  'd.received_at',
  'd.due_at',
  'd.finished_at',
  'd.returned_at',
  'd.apology_issued',
  'd.satisfaction',
  'd.digitised',
  'd.electronic_result',
  'd.paid_online',
  'd.vneid_verified',
  'd.data_reused',
] as const satisfies readonly Qualified<'d', DossierRow>[];
// knex cannot type an aliased table: `dossiers as d` rows come through rowsOf<Row>, Row from COLUMNS
type Row = Selected<DossierRow, typeof COLUMNS> & { timeliness: Timeliness };

const EVENT_COLUMNS = ['dossier_id', 'occurred_at', 'status', 'unit_id', 'actor', 'note'] as const;
type EventRow = Pick<DossierEventRow, (typeof EVENT_COLUMNS)[number]>;

const VN_DAY_START = `(?::date)::timestamp AT TIME ZONE INTERVAL '+07:00'`;
const VN_NEXT_DAY_START = `(?::date + 1)::timestamp AT TIME ZONE INTERVAL '+07:00'`;

/** `now`: the request's clock, against which open dossiers are judged PENDING or OVERDUE. */
export function dossierStore(db: Knex, province: string, now: Date) {
  const entity = (r: Row): DossierEntity => ({
    province,
    id: r.id,
    code: r.code,
    procedureId: r.procedure_id,
    receivingUnitId: r.receiving_unit_id,
    handlingUnitId: r.handling_unit_id,
    applicant: {
      type: r.applicant_type,
      name: r.applicant_name,
      idNumber: r.applicant_id_number,
      phone: r.applicant_phone,
    },
    channel: r.channel,
    statusCode: r.status,
    submittedAt: r.submitted_at,
    receivedAt: r.received_at,
    dueAt: r.due_at,
    resolvedAt: r.finished_at,
    returnedAt: r.returned_at,
    timeliness: r.timeliness,
    apologyIssued: r.apology_issued,
    satisfaction: r.satisfaction,
    indicators: {
      digitised: r.digitised,
      electronicResult: r.electronic_result,
      paidOnline: r.paid_online,
      vneidVerified: r.vneid_verified,
      dataReused: r.data_reused,
    },
  });
  const event = (r: EventRow): DossierEventEntity => ({
    province,
    dossierId: r.dossier_id,
    occurredAt: r.occurred_at,
    statusCode: r.status,
    unitId: r.unit_id,
    actor: r.actor,
    note: r.note,
  });
  const sorted = (r: Row & SortColumn): Sorted<DossierEntity> => ({
    entity: entity(r),
    sort: r._sort,
    id: r.id,
  });
  const select = (qb: Knex.QueryBuilder) =>
    qb.select(COLUMNS).select(db.raw(`${TIMELINESS_SQL} AS timeliness`, [now]));
  const applyFilter = (qb: Knex.QueryBuilder, f: DossierListFilter) => {
    if (f.statusCodes?.length) qb.whereRaw('d.status = ANY(?)', [f.statusCodes]);
    if (f.timeliness?.length) qb.whereRaw(`${TIMELINESS_SQL} = ANY(?)`, [now, f.timeliness]);
    if (f.channel) qb.where('d.channel', f.channel);
    if (f.procedureId !== undefined) qb.where('d.procedure_id', f.procedureId);
    if (f.unitId !== undefined) qb.where('d.receiving_unit_id', f.unitId);
    if (f.receivedFrom)
      qb.whereRaw(`coalesce(d.received_at, d.submitted_at) >= ${VN_DAY_START}`, [f.receivedFrom]);
    if (f.receivedTo)
      qb.whereRaw(`coalesce(d.received_at, d.submitted_at) < ${VN_NEXT_DAY_START}`, [f.receivedTo]);
    if (f.dueFrom) qb.whereRaw(`d.due_at >= ${VN_DAY_START}`, [f.dueFrom]);
    if (f.dueTo) qb.whereRaw(`d.due_at < ${VN_NEXT_DAY_START}`, [f.dueTo]);
    if (f.resolvedFrom) qb.whereRaw(`d.finished_at >= ${VN_DAY_START}`, [f.resolvedFrom]);
    if (f.resolvedTo) qb.whereRaw(`d.finished_at < ${VN_NEXT_DAY_START}`, [f.resolvedTo]);
    if (f.search && !f.searchApplicant) whereFolded(qb, 'd.code', f.search);
    if (f.search && f.searchApplicant) {
      const text = f.search;
      qb.where((w) => {
        whereFolded(w, `d.code || ' ' || d.applicant_name`, text);
        if (ID_NUMBER_RE.test(text)) w.orWhere('d.applicant_id_number', text);
      });
    }
    return qb;
  };
  /** Nested lists: `limit` dossiers per parent in one statement, parent given by `parentExpr`. */
  const perParent = async (
    from: (qb: Knex.QueryBuilder) => Knex.QueryBuilder,
    parentExpr: string,
    f: DossierListFilter,
    q: FetchPage,
  ) => {
    const inner = applyFilter(select(from(db.queryBuilder())), f);
    const rows = await firstPerParent<Row>(db, inner, parentExpr, q, province);
    return rows.map((r) => ({ ...sorted(r), parent: r._parent }));
  };
  return {
    /** A page of dossiers, with the JSON of the relations `embedded` reads for them (given to `each`). */
    async list(
      f: DossierListFilter,
      q: FetchPage,
      embedded: readonly EmbeddedSql[] = [],
      each?: (d: DossierEntity, row: object) => void,
    ): Promise<Sorted<DossierEntity>[]> {
      const qb = select(db('dossiers as d'))
        .select(db.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyFilter(qb, f);
      applyAfter(qb, q.spec, q.from, province);
      orderBy(qb, q.spec);
      selectEmbedded(db, qb, 'd', embedded);
      return (await rowsOf<Row & SortColumn>(qb)).map((r) => {
        const s = sorted(r);
        each?.(s.entity, r);
        return s;
      });
    },
    /**
     * A page of dossiers as JSON written by `json` (src/graphql/render.ts), one text a row, with the
     * row's sort value and id for the merge across provinces and for cursors.
     */
    async renderList(f: DossierListFilter, q: FetchPage, json: Sql): Promise<Sorted<string>[]> {
      const qb = db('dossiers as d')
        .select('d.id')
        .select(db.raw(sortSelect(q.spec)))
        .select(db.raw(`${json.sql} AS _json`, json.bindings))
        // in the text, not bound: with a bound LIMIT PostgreSQL plans the prepared statement anew every time
        .limit(q.limit, { skipBinding: true });
      applyFilter(qb, f);
      applyAfter(qb, q.spec, q.from, province);
      orderBy(qb, q.spec);
      const res: { rows: ({ id: number; _json: string } & SortColumn)[] } = await preparedRaw(db, qb);
      return res.rows.map((r) => ({ entity: r._json, sort: r._sort, id: r.id }));
    },
    async count(f: DossierListFilter): Promise<number> {
      const row = await applyFilter(db('dossiers as d'), f).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },
    async byIds(ids: number[]): Promise<DossierEntity[]> {
      return (await rowsOf<Row>(select(db('dossiers as d')).whereRaw('d.id = ANY(?)', [ids]))).map(entity);
    },
    /** By current code or an earlier alias. */
    async byCode(code: string): Promise<DossierEntity | undefined> {
      const qb = select(db('dossiers as d'))
        .where('d.code', code)
        .orWhereIn('d.id', db('dossier_code_aliases').select('dossier_id').where('alias', code));
      // limit(1): the SQL of first(), read through the typed boundary
      const [row] = await rowsOf<Row>(qb.limit(1));
      return row && entity(row);
    },
    ofUnits: (unitIds: number[], f: DossierListFilter, q: FetchPage) =>
      perParent(
        (qb) => qb.from('dossiers as d').whereRaw('d.receiving_unit_id = ANY(?)', [unitIds]),
        'd.receiving_unit_id',
        f,
        q,
      ),
    ofProcedures: (procedureIds: number[], f: DossierListFilter, q: FetchPage) =>
      perParent(
        (qb) => qb.from('dossiers as d').whereRaw('d.procedure_id = ANY(?)', [procedureIds]),
        'd.procedure_id',
        f,
        q,
      ),
    ofDocuments: (documentIds: number[], f: DossierListFilter, q: FetchPage) =>
      perParent(
        (qb) =>
          qb
            .from('dossier_documents as dd')
            .join('dossiers as d', 'd.id', 'dd.dossier_id')
            .whereRaw('dd.document_id = ANY(?)', [documentIds]),
        'dd.document_id',
        f,
        q,
      ),
    /** Counts per parent for nested totalCount, one statement for all parents. */
    async countPerParent(kind: 'unit' | 'procedure' | 'document', parentIds: number[], f: DossierListFilter) {
      const qb =
        kind === 'document'
          ? db('dossier_documents as dd')
              .join('dossiers as d', 'd.id', 'dd.dossier_id')
              .whereRaw('dd.document_id = ANY(?)', [parentIds])
          : db('dossiers as d').whereRaw(
              `d.${kind === 'unit' ? 'receiving_unit_id' : 'procedure_id'} = ANY(?)`,
              [parentIds],
            );
      const parent =
        kind === 'document' ? 'dd.document_id' : kind === 'unit' ? 'd.receiving_unit_id' : 'd.procedure_id';
      applyFilter(qb, f);
      const rows = await rowsOf<{ parent: number; n: number }>(
        qb
          .select(db.raw(`${parent} AS parent`))
          .count({ n: '*' })
          .groupByRaw(parent),
      );
      return new Map(rows.map((r) => [r.parent, Number(r.n)]));
    },
    async events(dossierIds: number[]): Promise<DossierEventEntity[]> {
      const qb = db('dossier_events')
        .select(EVENT_COLUMNS)
        .whereRaw('dossier_id = ANY(?)', [dossierIds])
        .orderBy(['dossier_id', 'occurred_at', 'id']);
      return (await rowsOf<EventRow>(qb)).map(event);
    },
    /** A dossier's events as JSON in its statement, ordered as `events` orders them (src/db/json-rows.ts). */
    eventsJson(parent: string, alias: string): Sql {
      const inner = builtOnce(`dossiers.events|${parent}`, () => {
        const s = db('dossier_events')
          .select(EVENT_COLUMNS)
          .select(db.raw('row_number() OVER (ORDER BY occurred_at, id) AS _n'))
          .whereRaw(`dossier_id = ${parent}.id`)
          .toSQL();
        return { sql: s.sql, bindings: [...s.bindings] };
      });
      return jsonList(inner, EVENT_COLUMNS, alias, []);
    },
    eventFromJson: (a: unknown[]) => event(withTimes(rowOf<EventRow>(a, EVENT_COLUMNS), ['occurred_at'])),
    async supplements(dossierIds: number[]): Promise<SupplementEntity[]> {
      const rows = await db('dossier_supplements')
        .select('dossier_id', 'requested_at', 'answered_at', 'reason')
        .whereRaw('dossier_id = ANY(?)', [dossierIds])
        .orderBy(['dossier_id', 'requested_at', 'id']);
      return rows.map((r) => ({
        dossierId: r.dossier_id,
        requestedAt: r.requested_at,
        answeredAt: r.answered_at,
        reason: r.reason,
      }));
    },
    async aliases(dossierIds: number[]): Promise<{ dossierId: number; alias: string }[]> {
      const rows = await db('dossier_code_aliases')
        .select('dossier_id', 'alias')
        .whereRaw('dossier_id = ANY(?)', [dossierIds])
        .orderBy(['dossier_id', 'alias']);
      return rows.map((r) => ({ dossierId: r.dossier_id, alias: r.alias }));
    },
  };
}
export type DossierStore = ReturnType<typeof dossierStore>;
