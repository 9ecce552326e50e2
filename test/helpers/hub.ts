import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { apiKeyStore } from '../../src/auth/api-key-store.ts';
import { loadConfig } from '../../src/config.ts';
import { dropDatabase, ensureDatabase } from '../../src/db/knex.ts';
import { createLogger } from '../../src/logger.ts';
import { openRuntime, type Runtime } from '../../src/runtime.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import type { SourceInfo } from '../../src/sources/registry.ts';
import { templateName } from './templates.ts';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
  extensions?: {
    sqlStatements?: { total: number; bySource: Record<string, number> };
    /** The operation was answered by a rendered read (src/graphql/render.ts). */
    rendered?: boolean;
  };
}

export interface TestHub {
  url: string;
  rt: Runtime;
  sources: SourceInfo[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    opts?: { headers?: Record<string, string>; debugSql?: boolean },
  ): Promise<GraphQLResponse<T>>;
  /** Creates an API key in the hub database (as `lienthong keys create` does); headers carry it. */
  key(
    scopes: string[],
    provinces?: string[] | null,
  ): Promise<{ id: number; secret: string; headers: Record<string, string> }>;
  close(): Promise<void>;
}

let counter = 0;

export function adminUrl(): string {
  return inject('pgAdminUrl');
}

export function dbUrl(name: string): string {
  const u = new URL(adminUrl());
  u.pathname = '/' + name;
  return u.toString();
}

/**
 * A fresh copy of a template database (CREATE DATABASE … TEMPLATE); a leftover of the same name is dropped
 * first. Concurrent copies of one template are fine; a session connected to the template is not
 * (SQLSTATE 55006), so no test may connect to a template: clone it and read the clone.
 */
export async function cloneDatabase(template: string, name: string): Promise<void> {
  await dropDatabase(adminUrl(), name);
  try {
    await ensureDatabase(adminUrl(), name, template);
  } catch (err) {
    if ((err as { code?: string }).code !== '55006') throw err;
    throw new Error(
      `cannot copy template ${template}: a session is connected to it (tests must clone templates, not open them)`,
      { cause: err },
    );
  }
}

/**
 * A prefix for the databases of one test file: its path (readable, and unique among the files running at
 * once) and a counter, so names are the same on every run and never collide.
 */
function databaseTag(): string {
  const file = expect.getState().testPath;
  if (!file) return `t${process.pid}_${++counter}`;
  const rel = path.relative(process.cwd(), file);
  const base = path
    .basename(rel)
    .replace(/\.test\.ts$/, '')
    .replace(/[^a-z0-9]+/gi, '_')
    .toLowerCase()
    .slice(0, 24);
  const hash = createHash('sha1').update(rel).digest('hex').slice(0, 6);
  return `t_${base}_${hash}_${++counter}`;
}

/**
 * A hub over fresh copies of the seeded template databases, in external mode (DATABASE_URL + sources file),
 * serving on a free loopback port.
 */
export async function startTestHub(
  opts: {
    provinces?: string[];
    env?: Record<string, string>;
    mutateSources?: (s: SourceInfo[]) => SourceInfo[];
    /**
     * Calls through gql() carry an API key with these scopes unless the call sets its own headers;
     * without it they are anonymous (masked reads on the loopback hub).
     */
    scopes?: string[];
  } = {},
): Promise<TestHub> {
  const tag = databaseTag();
  const codes = opts.provinces ?? DEMO_PROVINCES.map((p) => p.code);
  const dbs: string[] = [];
  const hubDb = `${tag}_hub`;
  await cloneDatabase(templateName('hub'), hubDb);
  dbs.push(hubDb);
  let sources: SourceInfo[] = [];
  for (const code of codes) {
    const p = DEMO_PROVINCES.find((x) => x.code === code)!;
    const name = `${tag}_${code}`;
    await cloneDatabase(templateName(code), name);
    dbs.push(name);
    sources.push({ code, slug: p.slug, name: p.name, url: dbUrl(name), agencySuffix: p.agencySuffix });
  }
  if (opts.mutateSources) sources = opts.mutateSources(sources);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-hub-'));
  const sourcesFile = path.join(dir, 'sources.json');
  fs.writeFileSync(sourcesFile, JSON.stringify(sources));
  const config = loadConfig({
    DATABASE_URL: dbUrl(hubDb),
    LIENTHONG_SOURCES: sourcesFile,
    LOG_LEVEL: 'silent',
    SOURCE_STATEMENT_TIMEOUT_MS: '3000',
    SOURCE_CONNECT_TIMEOUT_MS: '3000',
    // a test file sends hundreds of requests from one address in seconds: per-caller limits are off
    // unless a test sets them (test/auth/access.test.ts)
    RATE_LIMIT_REQUESTS: '0',
    RATE_LIMIT_COST: '0',
    ...opts.env,
  });
  // the same assembly `serve` runs (health checks and schedule included), over external databases
  const app = await createApp(await openRuntime(config, createLogger(config.logLevel)));
  const rt = app.rt;
  const port = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const createKey = async (scopes: string[], provinces: string[] | null = null) => {
    const k = await apiKeyStore(rt.hub).create({
      name: `test ${scopes.join(' ')}`,
      scopes,
      provinces,
      expiresAt: null,
    });
    return { id: k.id, secret: k.secret, headers: { authorization: `Bearer ${k.secret}` } };
  };
  const asCaller = opts.scopes ? (await createKey(opts.scopes)).headers : {};
  return {
    url,
    rt,
    sources,
    async gql(query, variables, o = {}) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(o.debugSql ? { 'x-lienthong-debug': 'sql' } : {}),
          ...(o.headers ?? asCaller),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GraphQLResponse, 'status'>;
      return { status: res.status, ...body } as GraphQLResponse<never>;
    },
    key: createKey,
    async close() {
      await app.close(1000);
      for (const db of dbs) await dropDatabase(adminUrl(), db);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
