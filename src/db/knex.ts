import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import type { Logger } from '../logger.ts';

// Return int8/numeric as JS numbers (counts, ids and fees here stay far below 2^53) and dates as strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export interface KnexOptions {
  /** Per-statement timeout (PostgreSQL statement_timeout), so a slow source cannot hang a request. */
  statementTimeoutMs?: number;
  connectTimeoutMs?: number;
  poolMax?: number;
  /** Called once per SQL statement sent: feeds the per-source statement counters. */
  onQuery?: () => void;
  /**
   * Where knex's and the driver's warnings and errors go. Without it knex prints them (stacks and all)
   * with console.log, whatever LOG_LEVEL says.
   */
  log?: Logger;
}

/** One line, no connection string: driver messages go into JSON logs, never raw stacks. */
const oneLine = (message: unknown): string => {
  const text =
    typeof message === 'string'
      ? message
      : message instanceof Error
        ? message.message
        : (JSON.stringify(message) ?? String(message));
  return (text.split('\n')[0] ?? '').replace(/postgres(ql)?:\/\/\S+/g, 'postgres://…').slice(0, 500);
};

function knexLog(log: Logger): Knex.Config['log'] {
  return {
    warn: (m: unknown) => log.warn('database driver warning', { error: oneLine(m) }),
    error: (m: unknown) => log.error('database driver error', { error: oneLine(m) }),
    deprecate: (m: unknown) => log.debug('database driver deprecation', { detail: oneLine(m) }),
    debug: (m: unknown) => log.debug('database driver debug', { detail: oneLine(m) }),
  };
}

/** A knex instance for one database; application_name lets the embedded server see who is connected. */
export function createKnex(url: string, opts: KnexOptions = {}): Knex {
  const { log } = opts;
  const db = knexFactory({
    client: 'pg',
    connection: {
      connectionString: url,
      application_name: `lienthong:${process.pid}`,
      connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
      ...(opts.statementTimeoutMs ? { statement_timeout: opts.statementTimeoutMs } : {}),
    },
    pool: {
      min: 0,
      max: opts.poolMax ?? 10,
      acquireTimeoutMillis: (opts.connectTimeoutMs ?? 5000) + 1000,
      ...(log
        ? {
            // a pooled connection the server drops (restart, terminated backend) reports it once, as JSON
            afterCreate: (conn: pg.Client, done: (err: Error | null, conn: pg.Client) => void) => {
              conn.on('error', (err) => log.warn('database connection lost', { error: oneLine(err) }));
              done(null, conn);
            },
          }
        : {}),
    },
    acquireConnectionTimeout: (opts.connectTimeoutMs ?? 5000) + 1000,
    ...(log ? { log: knexLog(log) } : {}),
  });
  if (opts.onQuery) db.on('query', opts.onQuery);
  return db;
}

/** Creates a database when missing (CREATE DATABASE cannot run inside a transaction or take parameters). */
export async function ensureDatabase(adminUrl: string, name: string, template?: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return false;
    const tpl = template ? ` TEMPLATE ${client.escapeIdentifier(template)}` : '';
    try {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${tpl}`);
    } catch (err) {
      // 42P04: created concurrently by another process
      if ((err as { code?: string }).code !== '42P04') throw err;
      return false;
    }
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
