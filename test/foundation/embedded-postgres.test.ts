import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { readPidFile, startEmbeddedPostgres, stopEmbeddedPostgres } from '../../src/db/embedded-postgres.ts';
import { createLogger } from '../../src/logger.ts';

const log = createLogger('silent');
const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-embedded-'));
  dirs.push(d);
  return d;
};
afterAll(async () => {
  for (const d of dirs) {
    await stopEmbeddedPostgres(d);
    fs.rmSync(d, { recursive: true, force: true });
  }
});

/** The process is gone, or a zombie nobody reaps (a container without an init): dead either way. */
function exited(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return true;
  }
}

/** No process is attached to the cluster's System V shared memory (postmaster.pid line 7: key and id). */
function sharedMemoryReleased(pgdata: string): boolean {
  const shmid = fs
    .readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8')
    .split('\n')[6]
    ?.trim()
    .split(/\s+/)[1];
  const segment = fs
    .readFileSync('/proc/sysvipc/shm', 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.trim().split(/\s+/))
    .find((cols) => cols[1] === shmid);
  return segment === undefined || segment[6] === '0';
}

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('starts, stops and restarts with its data kept; unaccent and pg_trgm are available', async () => {
    const dir = tmp();
    const a = await startEmbeddedPostgres(dir, log);
    expect(a.owned).toBe(true);
    await query(a.url('postgres'), 'CREATE DATABASE kept');
    await query(a.url('kept'), 'CREATE EXTENSION unaccent');
    await query(a.url('kept'), 'CREATE EXTENSION pg_trgm');
    const folded = await query(
      a.url('kept'),
      `SELECT unaccent('Hộ tịch Cà Mau') AS v, similarity('dak nong', 'dak song') > 0 AS trgm`,
    );
    expect(folded[0]).toEqual({ v: 'Ho tich Ca Mau', trgm: true });
    await a.stop();
    expect(readPidFile(path.join(dir, 'pg'))).toBeUndefined();

    const b = await startEmbeddedPostgres(dir, log);
    const rows = await query(b.url('postgres'), `SELECT datname FROM pg_database WHERE datname = 'kept'`);
    expect(rows).toHaveLength(1);
    await b.stop();
  });

  it('a second process on the same data directory reuses the running server and leaves it running', async () => {
    const dir = tmp();
    const a = await startEmbeddedPostgres(dir, log);
    const b = await startEmbeddedPostgres(dir, log);
    expect(b.owned).toBe(false);
    expect(b.port).toBe(a.port);
    await b.stop();
    expect((await query(a.url('postgres'), 'SELECT 1 AS one'))[0]!.one).toBe(1);
    await a.stop();
  });

  it('recovers after the postmaster is killed with SIGKILL (stale postmaster.pid)', async () => {
    const dir = tmp();
    const a = await startEmbeddedPostgres(dir, log);
    await query(a.url('postgres'), 'CREATE DATABASE survives');
    const { pid } = readPidFile(path.join(dir, 'pg'))!;
    process.kill(pid, 'SIGKILL');
    // dead postmaster, and no backend of it still attached to the shared memory the next start checks
    await vi.waitFor(() => expect(exited(pid) && sharedMemoryReleased(path.join(dir, 'pg'))).toBe(true), {
      timeout: 30_000,
      interval: 20,
    });
    expect(fs.existsSync(path.join(dir, 'pg', 'postmaster.pid'))).toBe(true);
    const b = await startEmbeddedPostgres(dir, log);
    expect(b.owned).toBe(true);
    const rows = await query(b.url('postgres'), `SELECT datname FROM pg_database WHERE datname = 'survives'`);
    expect(rows).toHaveLength(1);
    await b.stop();
  });

  it('a process killed with SIGKILL leaves a server the next process reuses', async () => {
    const dir = tmp();
    const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/db/embedded-postgres.ts'))};
      import { createLogger } from ${JSON.stringify(path.resolve('src/logger.ts'))};
      await startEmbeddedPostgres(${JSON.stringify(dir)}, createLogger('silent'));
      console.log('up');
      setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (c: Buffer) => c.toString().includes('up') && resolve()),
    );
    child.kill('SIGKILL');
    await new Promise((r) => child.on('exit', r));
    const b = await startEmbeddedPostgres(dir, log);
    expect(b.owned).toBe(false);
    expect((await query(b.url('postgres'), 'SELECT 1 AS one'))[0]!.one).toBe(1);
  });
});
