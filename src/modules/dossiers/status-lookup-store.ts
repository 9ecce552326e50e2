import type { Knex } from 'knex';
import { rowsOf, type DossierRow, type ProcedureRow, type UnitRow } from '../../db/tables.ts';
import type { Timeliness } from '../../graphql/generated/schema-types.ts';
import { TIMELINESS_SQL } from './dossier-store.ts';

/** One dossier as the public status lookup reads it; the identity number is compared, never answered. */
export interface StatusLookupRow {
  code: DossierRow['code'];
  status: DossierRow['status'];
  due_at: DossierRow['due_at'];
  applicant_id_number: DossierRow['applicant_id_number'];
  procedure_name: ProcedureRow['name'];
  receiving_unit_name: UnitRow['name'];
  timeliness: Timeliness;
}

/**
 * The public status lookup's SQL: one statement whatever the outcome, so an unknown code and a known one
 * cost the same statements. `now` is the request's clock, for timeliness.
 */
export function statusLookupStore(db: Knex, now: Date) {
  return {
    /**
     * The dossier whose current code or an earlier code (alias) is `code`, with its procedure's and
     * receiving unit's names; a current code wins over another dossier's alias.
     */
    async byCode(code: string): Promise<StatusLookupRow | undefined> {
      const qb = db('dossiers as d')
        .join('procedures as p', 'p.id', 'd.procedure_id')
        .join('units as u', 'u.id', 'd.receiving_unit_id')
        .select('d.code', 'd.status', 'd.due_at', 'd.applicant_id_number')
        .select({ procedure_name: 'p.name', receiving_unit_name: 'u.name' })
        .select(db.raw(`${TIMELINESS_SQL} AS timeliness`, [now]))
        .where('d.code', code)
        .orWhere('d.id', db('dossier_code_aliases').select('dossier_id').where('alias', code))
        .orderByRaw('(d.code = ?) DESC', [code])
        .limit(1);
      const [row] = await rowsOf<StatusLookupRow>(qb);
      return row;
    },
  };
}
export type StatusLookupStore = ReturnType<typeof statusLookupStore>;
