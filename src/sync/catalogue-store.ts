import type { Knex } from 'knex';
import {
  rowsOf,
  type DocumentRow,
  type ProcedureChannelRow,
  type ProcedureDocumentRow,
  type ProcedureRequirementRow,
  type ProcedureRow as ProcedureTableRow,
  type ProcedureUnitRow,
} from '../db/tables.ts';
import type {
  CatalogueChannel,
  CatalogueDocument,
  CatalogueProcedure,
  CatalogueRequirement,
} from './payload.ts';

/** SQL that reads a province's procedure catalogue for the portal: a fixed number of statements, whatever its size. */

// the sync reads the tables' own rows (src/db/tables.ts): the columns each statement selects
type ProcedureRow = Pick<
  ProcedureTableRow,
  'id' | 'national_code' | 'name' | 'field' | 'level' | 'online_service' | 'status' | 'revision'
>;
type ChannelRow = Omit<ProcedureChannelRow, 'id'>;
type RequirementRow = Omit<ProcedureRequirementRow, 'id'>;
type LegalBasisRow = Pick<ProcedureDocumentRow, 'procedure_id'> &
  Pick<DocumentRow, 'number_symbol' | 'issued_on' | 'summary'>;
type AgencyRow = Pick<ProcedureUnitRow, 'procedure_id'> & { codes: string[] };

export interface CatalogueFilter {
  /** Only these procedures; all of them when absent. */
  nationalCodes?: readonly string[];
}

function grouped<R extends { procedure_id: number }, T>(rows: R[], map: (r: R) => T): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    let list = out.get(r.procedure_id);
    if (!list) out.set(r.procedure_id, (list = []));
    list.push(map(r));
  }
  return out;
}

export function catalogueStore(db: Knex) {
  return {
    /**
     * Every procedure with its channels, requirements, legal basis and implementing agencies: five
     * statements in one repeatable-read snapshot, so a revision always matches the content read with it.
     */
    async load(filter: CatalogueFilter = {}): Promise<CatalogueProcedure[]> {
      return db.transaction(
        async (trx) => {
          const procedures = trx('procedures as p')
            .select('p.id', 'p.national_code', 'p.name', 'p.field', 'p.level', 'p.online_service')
            .select('p.status', 'p.revision')
            .orderBy('p.national_code');
          if (filter.nationalCodes)
            procedures.whereRaw('p.national_code = ANY(?)', [[...filter.nationalCodes]]);
          const rows = await rowsOf<ProcedureRow>(procedures);
          if (rows.length === 0) return [];
          // the whole catalogue needs no id list; a subset is narrowed by its ids
          const ids = filter.nationalCodes ? rows.map((r) => r.id) : undefined;
          const of = (qb: Knex.QueryBuilder, column: string) =>
            ids ? qb.whereRaw(`${column} = ANY(?)`, [ids]) : qb;

          // one after the other: a transaction is one connection, and pg queues rather than pipelines
          const channels = await rowsOf<ChannelRow>(
            of(
              trx('procedure_channels as c').select(
                'c.procedure_id',
                'c.channel',
                'c.case_name',
                'c.processing_time',
                'c.time_unit',
                'c.fee_vnd',
                'c.fee_note',
              ),
              'c.procedure_id',
            ),
          );
          const requirements = await rowsOf<RequirementRow>(
            of(
              trx('procedure_requirements as r').select(
                'r.procedure_id',
                'r.case_name',
                'r.position',
                'r.name',
                'r.form',
                'r.originals',
                'r.copies',
              ),
              'r.procedure_id',
            ),
          );
          const legalBasis = await rowsOf<LegalBasisRow>(
            of(
              trx('procedure_documents as pd')
                .join('documents as d', 'd.id', 'pd.document_id')
                .select('pd.procedure_id', 'd.number_symbol', 'd.issued_on', 'd.summary')
                .where('pd.role', 'LEGAL_BASIS'),
              'pd.procedure_id',
            ),
          );
          // aggregated in SQL: a commune-level procedure is implemented by every commune (hundreds of rows)
          const agencies = await rowsOf<AgencyRow>(
            of(
              trx('procedure_units as pu')
                .join('units as u', 'u.id', 'pu.unit_id')
                .select('pu.procedure_id', trx.raw('array_agg(u.code) AS codes'))
                .where('pu.role', 'IMPLEMENTING')
                .groupBy('pu.procedure_id'),
              'pu.procedure_id',
            ),
          );

          const channelsOf = grouped(channels, (c): CatalogueChannel => ({
            channel: c.channel,
            case: c.case_name,
            processingTime: Number(c.processing_time),
            timeUnit: c.time_unit,
            feeVnd: Number(c.fee_vnd),
            feeNote: c.fee_note,
          }));
          const requirementsOf = grouped(requirements, (r): CatalogueRequirement => ({
            case: r.case_name,
            position: r.position,
            name: r.name,
            form: r.form,
            originals: r.originals,
            copies: r.copies,
          }));
          const legalBasisOf = grouped(legalBasis, (d): CatalogueDocument => ({
            numberSymbol: d.number_symbol,
            issuedOn: d.issued_on,
            summary: d.summary,
          }));
          const agenciesOf = new Map(agencies.map((a) => [a.procedure_id, a.codes]));
          return rows.map((p): CatalogueProcedure => ({
            id: p.id,
            nationalCode: p.national_code,
            name: p.name,
            field: p.field,
            level: p.level,
            onlineService: p.online_service,
            status: p.status,
            revision: p.revision,
            channels: channelsOf.get(p.id) ?? [],
            requirements: requirementsOf.get(p.id) ?? [],
            legalBasis: legalBasisOf.get(p.id) ?? [],
            implementingAgencies: agenciesOf.get(p.id) ?? [],
          }));
        },
        { isolationLevel: 'repeatable read', readOnly: true },
      );
    },

    /** Number of procedures (the benchmark picks the largest province). */
    async countProcedures(): Promise<number> {
      const row = (await db('procedures').count({ n: '*' }).first()) as { n: number | string } | undefined;
      return Number(row?.n ?? 0);
    },
  };
}
export type CatalogueStore = ReturnType<typeof catalogueStore>;
