import type { Knex } from 'knex';
import {
  applyAfter,
  orderBy,
  orderClause,
  orderBySortValue,
  sortValueAs,
  firstPerParent,
  sortSelect,
  type SortColumn,
  type SortSpec,
} from '../../db/keyset.ts';
import type { FetchPage, Sorted } from '../../graphql/connection.ts';
import { preparedSql, whereFolded } from '../../db/sql.ts';
import {
  builtOnce,
  columnNames,
  jsonById,
  jsonList,
  rowOf,
  type EmbeddedSql,
  type Sql,
} from '../../db/json-rows.ts';
import { rowsOf, type Qualified, type Selected, type UnitRow } from '../../db/tables.ts';
import type { UnitEntity } from '../../graphql/models.ts';
import { RawJson, spreadJson, spreadStatement, type Rendered, type SpreadRow } from '../../graphql/render.ts';
import type { UnitKind, UnitLevel } from '../../graphql/generated/schema-types.ts';

export interface UnitListFilter {
  level?: UnitLevel | null | undefined;
  kind?: UnitKind | null | undefined;
  parentId?: number | undefined;
  active?: boolean | null | undefined;
  search?: string | null | undefined;
}

export const UNIT_SORTS = {
  NAME: { key: 'unit.name', expr: 'u.name', idExpr: 'u.id', kind: 'text' },
  CODE: { key: 'unit.code', expr: 'u.code', idExpr: 'u.id', kind: 'text' },
} as const satisfies Record<string, Omit<SortSpec, 'direction'>>;

const COLUMNS = [
  'u.id',
  'u.code',
  'u.name',
  'u.kind',
  'u.level',
  'u.parent_id',
  'u.valid_from',
  'u.valid_to',
] as const satisfies readonly Qualified<'u', UnitRow>[];
// knex cannot type an aliased table: `units as u` rows come through rowsOf<Row>, Row from COLUMNS
type Row = Selected<UnitRow, typeof COLUMNS>;
/** The columns of an embedded unit's JSON (src/db/json-rows.ts); a unit has no timestamp. */
const NAMES = columnNames(COLUMNS);
const JSON_COLUMNS = [...NAMES, '_sort'];

/** A lineage link as the store reads it; `ext_*` are set for a successor in another province. */
export interface LineageRow {
  predecessor_id: number;
  successor_id: number | null;
  kind: string;
  effective_on: string;
  document_id: number | null;
  ext_code: string | null;
  ext_name: string | null;
  ext_province_code: string | null;
  ext_province_name: string | null;
}

/**
 * The first `limit` children of the parent row `row` in the order `spec`, for a rendered read
 * (src/graphql/render.ts): the rows, and their order once aliased `alias`.
 */
export const childrenRows = (row: string, spec: SortSpec, limit: number) => ({
  rows: `SELECT ${COLUMNS.join(', ')}, ${sortValueAs(spec)} FROM units u
    WHERE u.parent_id = ${row}.id ORDER BY ${orderClause(spec)} LIMIT ${Math.trunc(limit)}`,
  order: (alias: string) => orderBySortValue(spec, alias),
});

/**
 * The ids of the units whose identifier, or an earlier one (unit_code_aliases), matches `match` (`= ?`,
 * `= ANY(?)`), which takes two bindings: one index probe per table, where `code = ? OR id IN (…)` read
 * every unit.
 */
const idsOfCode = (match: string) =>
  `SELECT c.id FROM units c WHERE c.code ${match} UNION ALL SELECT a.unit_id FROM unit_code_aliases a WHERE a.alias ${match}`;

/** SQL for units; one instance per source. */
export function unitStore(db: Knex, province: string) {
  const entity = (r: Row): UnitEntity => ({
    province,
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    level: r.level,
    parentId: r.parent_id,
    validFrom: r.valid_from,
    validTo: r.valid_to,
  });
  const sorted = (r: Row & SortColumn): Sorted<UnitEntity> => ({
    entity: entity(r),
    sort: r._sort,
    id: r.id,
  });
  const filtered = (f: UnitListFilter) => {
    const qb = db('units as u');
    if (f.level) qb.where('u.level', f.level);
    if (f.kind) qb.where('u.kind', f.kind);
    if (f.parentId !== undefined) qb.where('u.parent_id', f.parentId);
    if (f.active === true) qb.whereRaw('(u.valid_to IS NULL OR u.valid_to >= current_date)');
    if (f.active === false) qb.whereRaw('u.valid_to < current_date');
    if (f.search) whereFolded(qb, `u.name || ' ' || u.code`, f.search);
    return qb;
  };
  return {
    async list(f: UnitListFilter, q: FetchPage): Promise<Sorted<UnitEntity>[]> {
      const qb = filtered(f)
        .select(COLUMNS)
        .select(db.raw(sortSelect(q.spec)))
        .limit(q.limit);
      applyAfter(qb, q.spec, q.from, province);
      orderBy(qb, q.spec);
      return (await rowsOf<Row & SortColumn>(qb)).map(sorted);
    },
    async count(f: UnitListFilter): Promise<number> {
      const row = await filtered(f).count({ n: '*' }).first();
      return Number(row?.n ?? 0);
    },
    async byIds(ids: number[]): Promise<UnitEntity[]> {
      const qb = db('units as u').select(COLUMNS).whereRaw('u.id = ANY(?)', [ids]);
      return (await rowsOf<Row>(qb)).map(entity);
    },
    /** The unit a parent row's `column` names, as JSON in the parent's statement (src/db/json-rows.ts). */
    byIdJson: (parent: string, column: string, alias: string) =>
      jsonById('units', NAMES, parent, column, alias),
    fromJson: (a: unknown[]) => entity(rowOf<Row>(a, NAMES)),
    /** Units by agency identifier, or by an identifier they had before (unit_code_aliases). */
    async byCodes(codes: string[]): Promise<UnitEntity[]> {
      const qb = db('units as u')
        .select(COLUMNS)
        .whereRaw(`u.id IN (${idsOfCode('= ANY(?)')})`, [codes, codes]);
      return (await rowsOf<Row>(qb)).map(entity);
    },
    /**
     * The unit with this identifier (or an earlier one) as the JSON `json` writes for row `r`
     * (src/graphql/render.ts): the unit whose current identifier it is first, else the lowest id.
     */
    async renderByCode(code: string, json: Rendered): Promise<RawJson | null> {
      const byCode = (select: string) =>
        `SELECT ${select} FROM units r WHERE r.id IN (${idsOfCode('= ?')}) ORDER BY (r.code = ?) DESC, r.id LIMIT 1`;
      if (json.spread) {
        // a list in it (its children) comes back as rows, which PostgreSQL need not copy into one text
        const st = spreadStatement(json.spread, { sql: byCode('r.*'), bindings: [code, code, code] }, 'r');
        const res: { rows: SpreadRow[] } = await preparedSql(db, st.sql, st.bindings);
        return spreadJson(res.rows);
      }
      const sql = byCode(`${json.sql} AS _json`);
      const res: { rows: { _json: string }[] } = await preparedSql(db, sql, [
        ...json.bindings,
        code,
        code,
        code,
      ]);
      return res.rows[0] ? new RawJson(res.rows[0]._json) : null;
    },
    /** Children of many parents in one statement: a window keeps `limit` rows per parent. */
    async childrenOf(
      parentIds: number[],
      q: FetchPage,
      embedded: readonly EmbeddedSql[] = [],
      each?: (u: UnitEntity, row: object) => void,
    ): Promise<(Sorted<UnitEntity> & { parent: number })[]> {
      const inner = db('units as u').select(COLUMNS).whereRaw('u.parent_id = ANY(?)', [parentIds]);
      const rows = await firstPerParent<Row>(db, inner, 'u.parent_id', q, province, embedded);
      return rows.map((r) => {
        const s = { entity: entity(r), sort: r._sort, id: r.id, parent: r._parent };
        each?.(s.entity, r);
        return s;
      });
    },
    /** The children page of one parent as JSON, in the parent's statement (src/db/json-rows.ts). */
    childrenJson(parent: string, alias: string, q: FetchPage, nested: readonly EmbeddedSql[]): Sql {
      const build = (): Sql => {
        const inner = db('units as u')
          .select(COLUMNS)
          .select(db.raw(sortSelect(q.spec)))
          .select(db.raw(`row_number() OVER (ORDER BY ${orderClause(q.spec)}) AS _n`))
          .whereRaw(`u.parent_id = ${parent}.id`)
          .limit(q.limit);
        applyAfter(inner, q.spec, q.from, province);
        orderBy(inner, q.spec);
        const s = inner.toSQL();
        return { sql: s.sql, bindings: [...s.bindings] };
      };
      // a page after a cursor is built each time; the first page of an order and size, once
      const inner = q.from
        ? build()
        : builtOnce(`units.children|${parent}|${q.spec.key}|${q.spec.direction}|${q.limit}`, build);
      return jsonList(inner, JSON_COLUMNS, alias, nested);
    },
    /** childrenJson's rows back, each given to `each` with its row (its relations' JSON in `_e0`, …). */
    childrenFromJson(
      parentId: number,
      json: readonly unknown[][],
      each: (u: UnitEntity, row: object) => void,
    ): (Sorted<UnitEntity> & { parent: number })[] {
      return json.map((a) => {
        const r = rowOf<Row & SortColumn>(a, JSON_COLUMNS);
        const s = { entity: entity(r), sort: r._sort, id: r.id, parent: parentId };
        each(s.entity, r);
        return s;
      });
    },
    async countChildren(parentIds: number[]): Promise<Map<number, number>> {
      const rows = await db('units')
        .select('parent_id')
        .count({ n: '*' })
        .whereRaw('parent_id = ANY(?)', [parentIds])
        .groupBy('parent_id');
      // parent_id = ANY(…) leaves no NULL parent
      return new Map(rows.map((r) => [r.parent_id!, Number(r.n)]));
    },
    /** Implementing units of many procedures. */
    async ofProcedures(procedureIds: number[]): Promise<(UnitEntity & { procedureId: number })[]> {
      const qb = db('procedure_units as pu')
        .join('units as u', 'u.id', 'pu.unit_id')
        .distinct(db.raw('pu.procedure_id AS _parent'), ...COLUMNS)
        .whereRaw('pu.procedure_id = ANY(?)', [procedureIds])
        .orderBy(['_parent', 'u.id']);
      const rows = await rowsOf<Row & { _parent: number }>(qb);
      return rows.map((r) => ({ ...entity(r), procedureId: r._parent }));
    },
    async adminCodes(unitIds: number[]) {
      return db('unit_admin_codes')
        .select('unit_id', 'system', 'code', 'valid_from', 'valid_to')
        .whereRaw('unit_id = ANY(?)', [unitIds])
        .orderBy(['unit_id', 'system', 'valid_from']);
    },
    /** Successors of many units: in this database (unit_lineage) and in other provinces' (external). */
    async successors(unitIds: number[]): Promise<LineageRow[]> {
      const res = await db.raw<{ rows: LineageRow[] }>(
        `SELECT predecessor_id, successor_id, kind, effective_on, document_id,
                NULL::text AS ext_code, NULL::text AS ext_name, NULL::text AS ext_province_code, NULL::text AS ext_province_name
           FROM unit_lineage WHERE predecessor_id = ANY(:ids)
         UNION ALL
         SELECT unit_id, NULL, kind, effective_on, document_id, successor_code, successor_name, province_code, province_name
           FROM unit_external_successors WHERE unit_id = ANY(:ids)
         ORDER BY 1, 4, 2, 7`,
        { ids: unitIds },
      );
      return res.rows;
    },
    /** Predecessors of many units (links whose successor they are). */
    async predecessors(unitIds: number[]): Promise<LineageRow[]> {
      const res = await db.raw<{ rows: LineageRow[] }>(
        `SELECT predecessor_id, successor_id, kind, effective_on, document_id,
                NULL::text AS ext_code, NULL::text AS ext_name, NULL::text AS ext_province_code, NULL::text AS ext_province_name
           FROM unit_lineage WHERE successor_id = ANY(:ids)
          ORDER BY successor_id, effective_on, predecessor_id`,
        { ids: unitIds },
      );
      return res.rows;
    },
    /**
     * The units valid today that each unit rolls up to: successors followed transitively (at most 10
     * steps), keeping those valid today; a unit valid today rolls up to itself.
     */
    async currentUnits(unitIds: number[]): Promise<(UnitEntity & { origin: number })[]> {
      const res = await db.raw<{ rows: (Row & { origin: number })[] }>(
        `WITH RECURSIVE chain(origin, id, depth) AS (
           SELECT u.id, u.id, 0 FROM units u WHERE u.id = ANY(:ids)
           UNION
           SELECT c.origin, l.successor_id, c.depth + 1
             FROM chain c JOIN units u ON u.id = c.id JOIN unit_lineage l ON l.predecessor_id = c.id
            WHERE c.depth < 10 AND u.valid_to IS NOT NULL AND u.valid_to < current_date
         )
         SELECT DISTINCT c.origin, ${COLUMNS.join(', ')}
           FROM chain c JOIN units u ON u.id = c.id
          WHERE u.valid_from <= current_date AND (u.valid_to IS NULL OR u.valid_to >= current_date)
          ORDER BY c.origin, u.id`,
        { ids: unitIds },
      );
      return res.rows.map((r) => ({ ...entity(r), origin: r.origin }));
    },
  };
}
export type UnitStore = ReturnType<typeof unitStore>;
