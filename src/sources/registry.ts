import { bulkhead, timeout, TimeoutStrategy, wrap, type IPolicy } from 'cockatiel';
import fs from 'node:fs';
import type { EventEmitter } from 'node:events';
import type { Knex } from 'knex';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { createKnex } from '../db/knex.ts';
import type { Logger } from '../logger.ts';
import { boundByDeadline } from './deadline.ts';
import { DEMO_PROVINCES, provinceDatabase } from './demo.ts';
import { markConnectionFailure } from './failures.ts';

/** One province's database as the hub sees it. */
export interface SourceInfo {
  code: string;
  slug: string;
  name: string;
  url: string;
  /** The H-group of the province's agency identifiers (QCVN 102, e.g. H41), when known. */
  agencySuffix?: string | undefined;
}

export interface Source extends SourceInfo {
  db: Knex;
  /**
   * The share of the pool requests may take, shared by every request: SOURCE_MAX_CONCURRENT calls run,
   * SOURCE_QUEUE wait, the rest are rejected at once (BulkheadRejectedError), so one expensive pattern fails
   * fast instead of queueing on the pool. A call holds its slot for at most one source timeout, even when
   * its connection never answers.
   */
  gate: IPolicy;
}

const SourcesFile = z
  .array(
    z.object({
      code: z.string().regex(/^\d{2}$/, 'a 2-digit province code'),
      slug: z.string().regex(/^[a-z0-9-]+$/, 'a lowercase slug'),
      name: z.string().min(1),
      url: z.string().regex(/^postgres(ql)?:\/\//, 'a postgres:// URL'),
      agencySuffix: z
        .string()
        .regex(/^[A-Z]\d{2}$/, 'an agency-code group such as H41')
        .optional(),
    }),
  )
  .min(1, 'at least one source');

export function readSourcesFile(file: string): SourceInfo[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new Error(`Cannot read sources file ${file}: ${(err as Error).message}`);
  }
  const parsed = SourcesFile.safeParse(raw);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`Invalid sources file ${file} at ${i.path.join('.') || '(root)'}: expected ${i.message}`);
  }
  const codes = new Set<string>();
  for (const s of parsed.data) {
    if (codes.has(s.code)) throw new Error(`Invalid sources file ${file}: province ${s.code} appears twice`);
    codes.add(s.code);
  }
  return parsed.data.map((s) => ({ ...s, name: s.name.normalize('NFC') }));
}

/** The embedded demo set: one database per demo province on the embedded server. */
export function demoSources(urlFor: (db: string) => string): SourceInfo[] {
  return DEMO_PROVINCES.map((p) => ({
    code: p.code,
    slug: p.slug,
    name: p.name,
    url: urlFor(provinceDatabase(p.code)),
    agencySuffix: p.agencySuffix,
  }));
}

export interface SourceRegistry {
  all: readonly Source[];
  byCode(code: string): Source | undefined;
  close(): Promise<void>;
}

/**
 * A timeout that rejects the caller when it passes (the work itself ends by its statement_timeout). It does
 * not abort its signal when the work returns in time: cockatiel's default does, and every abort builds a
 * DOMException with a stack (a few percent of the hub's CPU under load, for a signal nobody listens to then).
 */
export const timeLimit = (ms: number) =>
  timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });

/** The longest a request waits for one source: its statement timeout plus the time to connect. */
export const sourceTimeoutMs = (
  config: Pick<Config, 'sourceStatementTimeoutMs' | 'sourceConnectTimeoutMs'>,
) => config.sourceStatementTimeoutMs + config.sourceConnectTimeoutMs;

/** The pool's events (tarn), as knex documents them under `knex.client.pool`. */
interface PoolEvents {
  on(event: 'createFail', listener: (eventId: number, err: unknown) => void): void;
  on(event: 'createSuccess', listener: (eventId: number, connection: EventEmitter) => void): void;
}

/**
 * The pg driver raises a lost or failed connection as a plain Error without a code; remember those errors
 * as they happen (a failed connect, or an `error` event of a pooled connection) so they count as the source
 * being down, without reading their text.
 */
function watchConnections(db: Knex): void {
  const pool = (db.client as { pool?: PoolEvents }).pool;
  pool?.on('createFail', (_id, err) => markConnectionFailure(err));
  pool?.on('createSuccess', (_id, connection) => connection.on('error', markConnectionFailure));
}

export function createSourceRegistry(
  infos: SourceInfo[],
  config: Pick<
    Config,
    | 'sourceStatementTimeoutMs'
    | 'sourceConnectTimeoutMs'
    | 'sourcePoolMax'
    | 'sourceMaxConcurrent'
    | 'sourceQueue'
  >,
  onQuery?: (code: string) => void,
  /** Where the driver's and the pool's warnings go (as JSON lines at LOG_LEVEL), tagged with the province. */
  log?: Logger,
): SourceRegistry {
  const all = infos.map((info) => {
    const db = createKnex(info.url, {
      statementTimeoutMs: config.sourceStatementTimeoutMs,
      connectTimeoutMs: config.sourceConnectTimeoutMs,
      poolMax: config.sourcePoolMax,
      ...(onQuery ? { onQuery: () => onQuery(info.code) } : {}),
      ...(log ? { log: log.child({ province: info.code }) } : {}),
    });
    watchConnections(db);
    const slot = timeLimit(sourceTimeoutMs(config));
    return { ...info, db, gate: wrap(bulkhead(config.sourceMaxConcurrent, config.sourceQueue), slot) };
  });
  // a statement started for a request obeys the request's deadline (cancelled in PostgreSQL when it passes)
  for (const s of all) s.db.on('start', boundByDeadline);
  const map = new Map(all.map((s) => [s.code, s]));
  return {
    all,
    byCode: (code) => map.get(code),
    close: async () => {
      await Promise.all(all.map((s) => s.db.destroy()));
    },
  };
}
