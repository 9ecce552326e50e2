import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { removeEmbeddedData, startEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createLogger } from '../../src/logger.ts';
import { provinceDatabase } from '../../src/sources/demo.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-serve-'));
afterAll(async () => {
  await removeEmbeddedData(dataDir);
});

type LogLine = Record<string, unknown>;

interface Served {
  child: ChildProcess;
  url: string;
  logs: () => string;
  /** Resolves with the first JSON log line that matches, as soon as it is written. */
  logLine: (match: (l: LogLine) => boolean) => Promise<LogLine>;
}

function serve(): Promise<Served> {
  const child = spawn(process.execPath, ['src/cli/lienthong.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LIENTHONG_DATA_DIR: dataDir,
      LIENTHONG_DEMO_DOSSIERS: '300',
      LOG_LEVEL: 'info',
      // a request held on a lock below must wait for the test, not be cancelled by a timeout
      SOURCE_STATEMENT_TIMEOUT_MS: '600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lines = () =>
    err
      .split('\n')
      .filter((l) => l.startsWith('{') && l.endsWith('}'))
      .map((l) => JSON.parse(l) as LogLine);
  const logLine = (match: (l: LogLine) => boolean) =>
    new Promise<LogLine>((resolve) => {
      const check = () => {
        const found = lines().find(match);
        if (!found) return false;
        child.stderr!.off('data', check);
        resolve(found);
        return true;
      };
      if (!check()) child.stderr!.on('data', check);
    });
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /lienthong ready: (http:\/\/\S+)\/graphql/.exec(out);
      if (m) resolve({ child, url: m[1]!.replace('localhost', '127.0.0.1'), logs: () => err, logLine });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<string>((r) =>
    child.on('exit', (code, signal) => r(code === null ? `signal ${signal}` : String(code))),
  );

describe('lienthong serve (what npm start runs)', () => {
  // a first start migrates and seeds five provinces and builds their indicator aggregates: 38 s alone on
  // the two-core machine, over the default 60 s beside another test file
  it('first start: embedded PostgreSQL, five demo provinces migrated and seeded, GraphQL served; SIGTERM exits 0', async () => {
    const first = await serve();
    const provinces = await fetch(
      `${first.url}/graphql?query=${encodeURIComponent('{ provinces { code name status } }')}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    const body = (await provinces.json()) as {
      data: { provinces: { code: string; name: string; status: string }[] };
    };
    expect(body.data.provinces.map((p) => p.code)).toEqual(['40', '17', '67', '30', '96']);
    expect(body.data.provinces.every((p) => p.status === 'UP')).toBe(true);
    expect(body.data.provinces.map((p) => p.name)).toContain('Đắk Nông');
    const ready = await fetch(`${first.url}/readyz`);
    expect(ready.status).toBe(200);

    // one JSON log line per request with the operation name, duration and SQL statement count
    await fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'query CountUnits { units(first: 1) { totalCount } }' }),
    });
    const line = await first.logLine((l) => l.operation === 'CountUnits');
    expect(line).toMatchObject({ msg: 'graphql request', sqlStatements: 10, status: 200 });
    expect(typeof line.durationMs).toBe('number');

    // an in-flight request finishes during shutdown: hold it on a lock in Nghệ An's database, send
    // SIGTERM, and let it go only once the server has begun shutting down
    const embedded = await startEmbeddedPostgres(dataDir, createLogger('silent'));
    expect(embedded.owned).toBe(false);
    // not named lienthong:*, so the server does not stay up for this session when it stops
    const locker = new pg.Client({
      connectionString: embedded.url(provinceDatabase('40')),
      application_name: 'serve-test-lock',
    });
    // the server stops this cluster when it exits: a connection cut then is expected, not an error
    locker.on('error', () => undefined);
    await locker.connect();
    let released = false;
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE dossiers IN ACCESS EXCLUSIVE MODE');
      const slow = fetch(`${first.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          // within the default cost limit: an over-limit query would be refused before any SQL
          query: '{ dossiers(first: 100) { totalCount nodes { code events { status } } } }',
        }),
      });
      await vi.waitFor(
        async () => {
          const waiting = await locker.query<{ n: number }>(
            `SELECT count(*)::int n FROM pg_stat_activity
              WHERE datname = $1 AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
            [provinceDatabase('40')],
          );
          expect(waiting.rows[0]!.n).toBeGreaterThan(0);
        },
        { timeout: 30_000, interval: 20 },
      );
      const exited = exitCode(first.child);
      first.child.kill('SIGTERM');
      await first.logLine((l) => l.msg === 'shutting down');
      await locker.query('ROLLBACK');
      released = true;
      await locker.end();
      const res = await slow;
      expect(res.status).toBe(200);
      const answer = (await res.json()) as { data?: { dossiers: { totalCount: number } }; errors?: unknown };
      expect(answer.errors).toBeUndefined();
      expect(answer.data!.dossiers.totalCount).toBe(1500);
      expect(await exited, first.logs()).toBe('0');
    } finally {
      if (!released) await locker.end();
    }

    // second start reuses the data: no seeding, no new cluster
    const second = await serve();
    expect(second.logs()).not.toMatch(/seeding demo province|initialising embedded PostgreSQL/);
    // SIGTERM under load: requests still resolving when the clients are gone must not meet closed pools
    // (no "aborted" errors), nor leak listeners, and the cluster this serve started stops with it
    const burst = Array.from({ length: 40 }, () =>
      fetch(`${second.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: '{ dossiers(first: 50) { nodes { code procedure { name } events { status } } } }',
        }),
      }).then(
        (r) => r.status,
        () => 'cut',
      ),
    );
    await second.logLine((l) => l.msg === 'graphql request');
    const secondExit = exitCode(second.child);
    second.child.kill('SIGTERM');
    expect(await secondExit, second.logs()).toBe('0');
    expect(await Promise.all(burst)).not.toContain(500);
    expect(second.logs()).not.toMatch(/aborted|MaxListenersExceeded|unexpected error/);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 180_000);
});
