import type { Knex } from 'knex';
import { currentStatementTally } from '../../src/db/statement-counter.ts';
import type { GraphQLResponse, TestHub } from './hub.ts';

/** One SQL statement a request sent, as knex's `query` event reports it. */
export interface CapturedStatement {
  source: string;
  sql: string;
  bindings: readonly unknown[];
}

interface QueryEvent {
  sql: string;
  bindings?: readonly unknown[];
}

/**
 * Records the SQL each GraphQL request of a test hub sends, from knex's `query` event on the hub's and every
 * source's knex. Only statements issued inside a request (the statement tally is active) are kept, so
 * background work such as health checks never lands in a capture. Requests must not overlap.
 */
export function captureSql(hub: TestHub) {
  let current: CapturedStatement[] | undefined;
  const dbs: [string, Knex][] = [
    ['hub', hub.rt.hub],
    ...hub.rt.sources.all.map((s) => [s.code, s.db] as [string, Knex]),
  ];
  const detach = dbs.map(([source, db]) => {
    const listener = (q: QueryEvent) => {
      if (current && currentStatementTally())
        current.push({ source, sql: q.sql, bindings: q.bindings ?? [] });
    };
    db.on('query', listener);
    return () => void db.off('query', listener);
  });
  return {
    async gql<T = Record<string, unknown>>(
      query: string,
      variables?: Record<string, unknown>,
    ): Promise<{ res: GraphQLResponse<T>; statements: CapturedStatement[] }> {
      if (current) throw new Error('captureSql: one request at a time');
      const statements: CapturedStatement[] = [];
      current = statements;
      try {
        return { res: await hub.gql<T>(query, variables), statements };
      } finally {
        current = undefined;
      }
    },
    stop() {
      for (const off of detach) off();
    },
  };
}

const CLAUSES = ['from', 'where', 'group by', 'having', 'order by', 'limit', 'offset', 'union all', 'union'];
const JOINS = ['inner join', 'left join', 'left outer join', 'cross join lateral', 'cross join', 'join'];

/** One line per top-level clause; text inside parentheses and quotes stays as it is. */
export function layoutSql(sql: string): string {
  const flat = sql.replace(/\s+/g, ' ').trim();
  const keywords = [...JOINS, ...CLAUSES].sort((a, b) => b.length - a.length);
  let out = '';
  let depth = 0;
  let quote: string | undefined;
  for (let i = 0; i < flat.length; i++) {
    const ch = flat[i]!;
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === ' ' && depth === 0) {
      const rest = flat.slice(i + 1).toLowerCase();
      const kw = keywords.find((k) => rest.startsWith(k + ' '));
      if (kw) {
        out += '\n' + (JOINS.includes(kw) ? '  ' : '') + flat.slice(i + 1, i + 1 + kw.length);
        i += kw.length;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** Bindings without what follows the data: lists of row ids become `<ids>`, points in time `<timestamp>`. */
function normaliseBinding(b: unknown): unknown {
  if (Array.isArray(b) && b.length > 0 && b.every((x) => typeof x === 'number' && Number.isInteger(x)))
    return '<ids>';
  if (b instanceof Date || (typeof b === 'string' && ISO_TIME.test(b))) return '<timestamp>';
  return b;
}

/**
 * A stable text for a request's SQL: a header with the GraphQL and the number of statements per source,
 * then each distinct statement (same text and normalised bindings) once, with the sources that sent it,
 * in a fixed order: sources answer concurrently, so arrival order means nothing.
 */
export function sqlSnapshot(title: string, query: string, statements: readonly CapturedStatement[]): string {
  const perSource = new Map<string, number>();
  const distinct = new Map<string, { sql: string; bindings: string; sources: string[] }>();
  for (const s of statements) {
    perSource.set(s.source, (perSource.get(s.source) ?? 0) + 1);
    const sql = layoutSql(s.sql);
    const bindings = s.bindings.map((b) => JSON.stringify(normaliseBinding(b))).join(', ');
    const key = `${sql}\u0000${bindings}`;
    const entry = distinct.get(key) ?? { sql, bindings, sources: [] };
    entry.sources.push(s.source);
    distinct.set(key, entry);
  }
  const counts = [...perSource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([source, n]) => `${source}: ${n}`)
    .join(', ');
  const lines = [
    `-- ${title}`,
    ...query
      .trim()
      .split('\n')
      .map((l) => `-- | ${l.trimEnd()}`),
    `-- statements per source: ${counts || 'none'}`,
  ];
  const entries = [...distinct.values()].sort((a, b) =>
    a.sql === b.sql ? a.bindings.localeCompare(b.bindings) : a.sql.localeCompare(b.sql),
  );
  for (const e of entries) {
    const times = new Map<string, number>();
    for (const source of e.sources) times.set(source, (times.get(source) ?? 0) + 1);
    const sent = [...times.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([source, n]) => (n > 1 ? `${source} ×${n}` : source));
    lines.push('', `-- sources: ${sent.join(', ')}`);
    if (e.bindings) lines.push(`-- bindings: ${e.bindings}`);
    lines.push(`${e.sql};`);
  }
  return lines.join('\n') + '\n';
}
