import type { Knex } from 'knex';

/** Escapes LIKE wildcards in user text. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => '\\' + c);

/** Accent- and case-insensitive containment on an lt_fold()-indexed expression (trigram GIN). */
export function whereFolded(qb: Knex.QueryBuilder, expr: string, text: string): void {
  qb.whereRaw(`lt_fold(${expr}) LIKE '%' || lt_fold(?) || '%'`, [likeEscape(text.normalize('NFC'))]);
}

/**
 * Accent- and case-insensitive containment on a column that already holds lt_fold() of its text (a stored
 * generated column with a trigram GIN index): only the pattern is folded, once, at plan time.
 */
export function whereFoldedColumn(qb: Knex.QueryBuilder, column: string, text: string): void {
  qb.whereRaw(`${column} LIKE '%' || lt_fold(?) || '%'`, [likeEscape(text.normalize('NFC'))]);
}

/** Groups rows by a parent key, keeping each group's order; missing keys get empty lists. */
export function groupBy<R, K>(keys: readonly K[], rows: R[], keyOf: (r: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const r of rows) {
    const k = keyOf(r);
    let list = map.get(k);
    if (!list) map.set(k, (list = []));
    list.push(r);
  }
  return keys.map((k) => map.get(k) ?? []);
}
