import type { Knex } from 'knex';
import { BadUserInputError } from '../errors.ts';
import { selectEmbedded, type EmbeddedSql } from './json-rows.ts';
import { rowsOf } from './tables.ts';

/** How a list is ordered: a SQL expression plus the id as tie-breaker (and province across sources). */
export interface SortSpec {
  /** Name of the order field, kept in cursors so a cursor cannot be replayed under another ordering. */
  key: string;
  /** SQL expression of the sort value, qualified with the table alias. */
  expr: string;
  /** SQL expression of the tie-breaking id. */
  idExpr: string;
  kind: 'text' | 'time' | 'date' | 'number';
  direction: 'asc' | 'desc';
}

export type SortValue = string | number;

/** A position in the merged, cross-province order: (sort value, province code, id). */
export interface Position {
  v: SortValue;
  p: string;
  i: number;
}

const MAX_TEXT_SORT_LENGTH = 1000;
const TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{6}Z$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A date PostgreSQL accepts: year 1–9999 (there is no year 0), a real month and day. */
function calendarDate(y: number, m: number, d: number): boolean {
  if (y < 1 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

function validSortValue(kind: SortSpec['kind'], v: unknown): boolean {
  switch (kind) {
    case 'number':
      return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= Number.MAX_SAFE_INTEGER;
    case 'text':
      return typeof v === 'string' && v.length <= MAX_TEXT_SORT_LENGTH && !v.includes('\0');
    case 'time': {
      if (v === 'infinity' || v === '-infinity') return true;
      const m = typeof v === 'string' ? TIME_RE.exec(v) : null;
      if (!m) return false;
      const [y, mo, d, h, mi, sec] = m.slice(1).map(Number) as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      return calendarDate(y, mo, d) && h < 24 && mi < 60 && sec < 60;
    }
    case 'date': {
      if (v === 'infinity' || v === '-infinity') return true;
      const m = typeof v === 'string' ? DATE_RE.exec(v) : null;
      return m !== null && calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
    }
  }
}

/**
 * Whether `pos` can be a position in an ordering of this kind: a sort value of the key's type that
 * PostgreSQL accepts (finite, in range, a real calendar date), a province code and a safe integer id.
 * Cursors are authenticated too; this keeps a value that cannot be cast away from SQL all the same.
 */
export function isValidPosition(
  spec: Pick<SortSpec, 'kind'>,
  pos: { v: unknown; p: unknown; i: unknown },
): boolean {
  return (
    validSortValue(spec.kind, pos.v) &&
    typeof pos.p === 'string' &&
    /^[0-9a-z]{1,10}$/.test(pos.p) &&
    typeof pos.i === 'number' &&
    Number.isSafeInteger(pos.i) &&
    pos.i >= 0
  );
}

const sqlValue = (spec: SortSpec) => (spec.kind === 'text' ? `(${spec.expr}) COLLATE "C"` : spec.expr);
const castParam = (spec: SortSpec) =>
  spec.kind === 'time'
    ? '?::timestamptz'
    : spec.kind === 'date'
      ? '?::date'
      : spec.kind === 'number'
        ? '?::numeric'
        : '? COLLATE "C"';

/** Adds ORDER BY for the spec (text in byte order so every source and the merge agree). */
export function orderBy(qb: Knex.QueryBuilder, spec: SortSpec): void {
  const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
  qb.orderByRaw(`${sqlValue(spec)} ${dir}, ${spec.idExpr} ${dir}`);
}

/** `ORDER BY`'s terms for the spec (text in byte order). */
export const orderClause = (spec: SortSpec) => {
  const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
  return `${sqlValue(spec)} ${dir}, ${spec.idExpr} ${dir}`;
};

/**
 * For rows of a subquery aliased `alias` that selected `sortValueAs(spec)`: their order by that value and
 * the id, as `orderClause` orders the subquery (an aggregate over them keeps the list's order).
 */
export const sortValueAs = (spec: SortSpec) => `${sqlValue(spec)} AS _s`;
export const orderBySortValue = (spec: SortSpec, alias: string) => {
  const dir = spec.direction === 'asc' ? 'ASC' : 'DESC';
  return `${alias}._s ${dir}, ${alias}.id ${dir}`;
};

/** The column sortSelect adds to a row. */
export interface SortColumn {
  _sort: SortValue;
}

/**
 * Selects the sort value under the alias `_sort`. Times travel as UTC text with microseconds (a JS Date
 * would cut them to milliseconds and cursors would skip rows); that text sorts like the instants.
 */
export const sortSelect = (spec: SortSpec) =>
  spec.kind === 'time'
    ? `CASE WHEN isfinite(${spec.expr}) THEN to_char((${spec.expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') ELSE 'infinity' END AS _sort`
    : `${spec.expr} AS _sort`;

/**
 * Restricts a source's rows to those after `pos` in the merged order. Within one source the province is
 * fixed, so the comparison reduces to the sort value alone, or (value, id) in the cursor's own source.
 */
export function applyAfter(
  qb: Knex.QueryBuilder,
  spec: SortSpec,
  pos: Position | undefined,
  sourceCode: string,
): void {
  if (!pos) return;
  if (!isValidPosition(spec, pos))
    throw new BadUserInputError(`The cursor is not a valid position in the ${spec.key} order`);
  const asc = spec.direction === 'asc';
  const val = sqlValue(spec);
  if (sourceCode === pos.p) {
    qb.whereRaw(`(${val}, ${spec.idExpr}) ${asc ? '>' : '<'} (${castParam(spec)}, ?)`, [pos.v, pos.i]);
    return;
  }
  // the province tie-break follows the direction: ascending codes when ascending
  const sourceFirst = asc ? sourceCode < pos.p : sourceCode > pos.p;
  const op = asc ? (sourceFirst ? '>' : '>=') : sourceFirst ? '<' : '<=';
  qb.whereRaw(`${val} ${op} ${castParam(spec)}`, [pos.v]);
}

/** Sort values as they travel in cursors and compare in the merge. */
export function normaliseSortValue(spec: SortSpec, raw: unknown): SortValue {
  if (spec.kind === 'number') return Number(raw);
  return String(raw);
}

/** Compares two positions in the merged order (same rules as the SQL above). */
export function comparePositions(spec: SortSpec, a: Position, b: Position): number {
  // text and time values (fixed-width UTC text, 'infinity' last) compare as strings, like "C" collation
  let c: number;
  if (spec.kind === 'number') c = Number(a.v) - Number(b.v);
  else c = a.v < b.v ? -1 : a.v > b.v ? 1 : 0;
  if (c === 0) c = a.p < b.p ? -1 : a.p > b.p ? 1 : 0;
  if (c === 0) c = a.i - b.i;
  return spec.direction === 'asc' ? c : -c;
}

export function reversed(spec: SortSpec): SortSpec {
  return { ...spec, direction: spec.direction === 'asc' ? 'desc' : 'asc' };
}

/** The columns firstPerParent adds to a row: its sort value, its parent, its rank under the parent. */
export interface PerParentColumns extends SortColumn {
  _parent: number;
  _rn: number;
}

/**
 * Nested lists for many parents in one statement: `inner` selects the rows of every parent (`Row`); a
 * window numbers them per parent in the list's order, after the cursor, and the first `limit` of each
 * are kept. Rows come back with `_sort` and `_parent`, grouped by parent, and with the JSON of the
 * relations `embedded` reads for them (`_e0`, …; src/db/json-rows.ts).
 */
export async function firstPerParent<Row>(
  db: Knex,
  inner: Knex.QueryBuilder,
  parentExpr: string,
  page: { spec: SortSpec; from: Position | undefined; limit: number },
  sourceCode: string,
  embedded: readonly EmbeddedSql[] = [],
): Promise<(Row & PerParentColumns)[]> {
  inner
    .select(db.raw(sortSelect(page.spec)))
    .select(
      db.raw(
        `${parentExpr} AS _parent, row_number() OVER (PARTITION BY ${parentExpr} ORDER BY ${orderClause(page.spec)}) AS _rn`,
      ),
    );
  applyAfter(inner, page.spec, page.from, sourceCode);
  const outer = db.select('*').from(inner.as('x')).where('_rn', '<=', page.limit).orderBy(['_parent', '_rn']);
  return rowsOf<Row & PerParentColumns>(selectEmbedded(db, outer, 'x', embedded));
}
