import type { Knex } from 'knex';
import { columnNames, jsonById, rowOf, withTimes } from '../../db/json-rows.ts';
import {
  applyAfter,
  orderBy,
  firstPerParent,
  sortSelect,
  type SortColumn,
  type SortSpec,
} from '../../db/keyset.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import { whereFoldedColumn } from '../../db/sql.ts';
import { rowsOf, type ProcedureRow, type Qualified, type Selected } from '../../db/tables.ts';
import type {
  ProcedureChannelEntity,
  ProcedureEntity,
  ProcedureRequirementEntity,
} from '../../graphql/models.ts';
import type { OnlineService, ProcedureStatus, UnitLevel } from '../../graphql/generated/schema-types.ts';

export interface ProcedureListFilter {
  field?: string | null | undefined;
  level?: UnitLevel | null | undefined;
  onlineService?: OnlineService | null | undefined;
  status?: ProcedureStatus | null | undefined;
  unitId?: number | undefined;
  search?: string | null | undefined;
}

export const PROCEDURE_SORTS = {
  NAME: { key: 'procedure.name', expr: 'p.name', idExpr: 'p.id', kind: 'text' },
  NATIONAL_CODE: { key: 'procedure.nationalCode', expr: 'p.national_code', idExpr: 'p.id', kind: 'text' },
  UPDATED_AT: { key: 'procedure.updatedAt', expr: 'p.updated_at', idExpr: 'p.id', kind: 'time' },
} as const satisfies Record<string, Omit<SortSpec, 'direction'>>;

const COLUMNS = [
  'p.id',
  'p.national_code',
  'p.name',
  'p.field',
  'p.level',
  'p.online_service',
  'p.applicants',
  'p.result',
  'p.cases',
  'p.status',
  'p.revision',
  'p.updated_at',
] as const satisfies readonly Qualified<'p', ProcedureRow>[];
// knex cannot type an aliased table: `procedures as p` rows come through rowsOf<Row>, Row from COLUMNS
type Row = Selected<ProcedureRow, typeof COLUMNS>;
const NAMES = columnNames(COLUMNS);

export function procedureStore(db: Knex, province: string) {
  const entity = (r: Row): ProcedureEntity => ({
    province,
    id: r.id,
    nationalCode: r.national_code,
    name: r.name,
    field: r.field,
    level: r.level,
    onlineService: r.online_service,
    applicants: r.applicants,
    result: r.result,
    cases: r.cases,
    status: r.status,
    revision: r.revision,
    updatedAt: r.updated_at,
  });
  const sorted = (r: Row & SortColumn): Sorted<ProcedureEntity> => ({
    entity: entity(r),
    sort: r._sort,
    id: r.id,
  });
  const filtered = (f: ProcedureListFilter) => {
    const qb = db('procedures as p');
    if (f.field) qb.whereRaw('lt_fold(p.field) = lt_fold(?)', [f.field.normalize('NFC')]);
    if (f.level) qb.where('p.level', f.level);
    if (f.onlineService) qb.where('p.online_service', f.onlineService);
    if (f.status) qb.where('p.status', f.status);
    if (f.unitId !== undefined) {
      qb.whereExists(
        db('procedure_units as pu')
          .whereRaw('pu.procedure_id = p.id')
          .where({ 'pu.unit_id': f.unitId, 'pu.role': 'IMPLEMENTING' }),
      );
    }
    // search_folded is lt_fold(name || ' ' || national_code || ' ' || field), stored (migration 010)
    if (f.search) whereFoldedColumn(qb, 'p.search_folded', f.search);
    return qb;
  };
  return {
    async list(f: ProcedureListFilter, q: FetchPage): Promise<Sorted<ProcedureEntity>[]> {
      const qb = filtered(f)
        .select(COLUMNS)
        .select(db.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyAfter(qb, q.spec, q.from, province);
      orderBy(qb, q.spec);
      return (await rowsOf<Row & SortColumn>(qb)).map(sorted);
    },
    async count(f: ProcedureListFilter): Promise<number> {
      const row = await filtered(f).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },
    async byIds(ids: number[]): Promise<ProcedureEntity[]> {
      const qb = db('procedures as p').select(COLUMNS).whereRaw('p.id = ANY(?)', [ids]);
      return (await rowsOf<Row>(qb)).map(entity);
    },
    /** The procedure a parent row's `column` names, as JSON in the parent's statement (src/db/json-rows.ts). */
    byIdJson: (parent: string, column: string, alias: string) =>
      jsonById('procedures', NAMES, parent, column, alias),
    fromJson: (a: unknown[]) => entity(withTimes(rowOf<Row>(a, NAMES), ['updated_at'])),
    async byNationalCodes(codes: string[]): Promise<ProcedureEntity[]> {
      const qb = db('procedures as p').select(COLUMNS).whereRaw('p.national_code = ANY(?)', [codes]);
      return (await rowsOf<Row>(qb)).map(entity);
    },
    /** Procedures implemented by many units, `limit` per unit, in one statement. */
    async ofUnits(
      unitIds: number[],
      q: FetchPage,
    ): Promise<(Sorted<ProcedureEntity> & { parent: number })[]> {
      const inner = db('procedure_units as pu')
        .join('procedures as p', 'p.id', 'pu.procedure_id')
        .select(COLUMNS)
        .whereRaw('pu.unit_id = ANY(?)', [unitIds])
        .where('pu.role', 'IMPLEMENTING');
      const rows = await firstPerParent<Row>(db, inner, 'pu.unit_id', q, province);
      return rows.map((r) => ({ ...sorted(r), parent: r._parent }));
    },
    async countOfUnits(unitIds: number[]): Promise<Map<number, number>> {
      const rows = await db('procedure_units')
        .select('unit_id')
        .count({ n: '*' })
        .whereRaw('unit_id = ANY(?)', [unitIds])
        .where('role', 'IMPLEMENTING')
        .groupBy('unit_id');
      return new Map(rows.map((r) => [r.unit_id, Number(r.n)]));
    },
    async ofDocuments(documentIds: number[]): Promise<(ProcedureEntity & { documentId: number })[]> {
      const qb = db('procedure_documents as pd')
        .join('procedures as p', 'p.id', 'pd.procedure_id')
        .distinct(db.raw('pd.document_id AS _parent'), ...COLUMNS)
        .whereRaw('pd.document_id = ANY(?)', [documentIds])
        .orderBy(['_parent', 'p.id']);
      const rows = await rowsOf<Row & { _parent: number }>(qb);
      return rows.map((r) => ({ ...entity(r), documentId: r._parent }));
    },
    async channels(procedureIds: number[]): Promise<ProcedureChannelEntity[]> {
      const rows = await db('procedure_channels')
        .select('procedure_id', 'channel', 'case_name', 'processing_time', 'time_unit', 'fee_vnd', 'fee_note')
        .whereRaw('procedure_id = ANY(?)', [procedureIds])
        .orderByRaw(`procedure_id, array_position(ARRAY['DIRECT','ONLINE','POSTAL'], channel), case_name`);
      return rows.map((r) => ({
        procedureId: r.procedure_id,
        channel: r.channel,
        case: r.case_name,
        processingTime: Number(r.processing_time),
        timeUnit: r.time_unit,
        feeVnd: Number(r.fee_vnd),
        feeNote: r.fee_note,
      }));
    },
    async requirements(procedureIds: number[]): Promise<ProcedureRequirementEntity[]> {
      const rows = await db('procedure_requirements')
        .select('procedure_id', 'case_name', 'position', 'name', 'form', 'originals', 'copies')
        .whereRaw('procedure_id = ANY(?)', [procedureIds])
        .orderBy(['procedure_id', 'case_name', 'position']);
      return rows.map((r) => ({
        procedureId: r.procedure_id,
        case: r.case_name,
        position: r.position,
        name: r.name,
        form: r.form,
        originals: r.originals,
        copies: r.copies,
      }));
    },
  };
}
export type ProcedureStore = ReturnType<typeof procedureStore>;
