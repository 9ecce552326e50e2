import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  EmbeddedPostgresError,
  installedNativeDir,
  readPidFile,
  removeEmbeddedData,
  startEmbeddedPostgres,
  type EmbeddedOptions,
} from '../../src/db/embedded-postgres.ts';
import { createLogger } from '../../src/logger.ts';

const isRoot = process.getuid?.() === 0;
const log = createLogger('silent');
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** A logger that keeps its lines, to see what a start did. */
function recordingLog() {
  const lines: { msg: string; [k: string]: unknown }[] = [];
  return { log: createLogger('debug', {}, (l) => lines.push(JSON.parse(l) as (typeof lines)[0])), lines };
}

interface Layout {
  name: string;
  skip: boolean;
  /** A fresh data directory and the options a start uses for it. */
  make(): { dataDir: string; opts: EmbeddedOptions };
}

const privateTmp = (prefix: string) => fs.mkdtempSync(path.join(os.tmpdir(), prefix)); // mode 0700

/** Like a clone in /root: the binaries and the data directory sit under a 0700 directory. */
function privateClone(): { home: string; clone: string; opts: EmbeddedOptions } {
  const home = privateTmp('lienthong-home-');
  const clone = path.join(home, 'lienthong');
  fs.mkdirSync(clone);
  const systemDir = path.join(os.tmpdir(), `${path.basename(home)}-system`);
  cleanups.push(async () => {
    fs.rmSync(systemDir, { recursive: true, force: true });
    fs.rmSync(home, { recursive: true, force: true });
  });
  return { home, clone, opts: { systemDir, nativeDir: path.join(clone, 'native') } };
}

/** A private clone holding its own copy of the binaries, like `npm ci` in /root/<dir> makes. */
async function newCloneWithBinaries() {
  const made = privateClone();
  fs.cpSync(await installedNativeDir(), made.opts.nativeDir!, { recursive: true, verbatimSymlinks: true });
  return made;
}
let sharedClone: ReturnType<typeof privateClone> | undefined;
const cloneWithBinaries = async () => (sharedClone ??= await newCloneWithBinaries());

let n = 0;
const LAYOUTS: Layout[] = [
  {
    name: 'a data directory made by mkdtemp (mode 0700)',
    skip: false,
    make: () => ({ dataDir: privateTmp('lienthong-embedded-'), opts: {} }),
  },
  {
    name: 'a clone under a private (0700) parent directory, as root',
    skip: !isRoot,
    make: () => {
      const { clone, opts } = sharedClone!;
      return { dataDir: path.join(clone, `.lienthong-${n++}`), opts };
    },
  },
];

async function query(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

describe.each(LAYOUTS)('embedded PostgreSQL in $name', (layout) => {
  const fresh = async () => {
    if (!layout.skip && layout.name.includes('clone')) await cloneWithBinaries();
    const made = layout.make();
    cleanups.push(() => removeEmbeddedData(made.dataDir, made.opts));
    return made;
  };

  it.skipIf(layout.skip)(
    'starts, stops and restarts with its data kept; unaccent and pg_trgm are available',
    async () => {
      const { dataDir, opts } = await fresh();
      const a = await startEmbeddedPostgres(dataDir, log, opts);
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
      expect(readPidFile(path.join(dataDir, 'pg'))).toBeUndefined();

      const b = await startEmbeddedPostgres(dataDir, log, opts);
      const rows = await query(b.url('postgres'), `SELECT datname FROM pg_database WHERE datname = 'kept'`);
      expect(rows).toHaveLength(1);
      await b.stop();
    },
  );

  it.skipIf(layout.skip)(
    'a second process on the same data directory reuses the running server and leaves it running',
    async () => {
      const { dataDir, opts } = await fresh();
      const a = await startEmbeddedPostgres(dataDir, log, opts);
      const b = await startEmbeddedPostgres(dataDir, log, opts);
      expect(b.owned).toBe(false);
      expect(b.port).toBe(a.port);
      await b.stop();
      expect((await query(a.url('postgres'), 'SELECT 1 AS one'))[0]!.one).toBe(1);
      await a.stop();
    },
  );

  it.skipIf(layout.skip)(
    'recovers after the postmaster is killed with SIGKILL (stale postmaster.pid)',
    async () => {
      const { dataDir, opts } = await fresh();
      const a = await startEmbeddedPostgres(dataDir, log, opts);
      await query(a.url('postgres'), 'CREATE DATABASE survives');
      const { pid } = readPidFile(path.join(dataDir, 'pg'))!;
      process.kill(pid, 'SIGKILL');
      await postmasterGone(pid, path.join(dataDir, 'pg'));
      expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
      const b = await startEmbeddedPostgres(dataDir, log, opts);
      expect(b.owned).toBe(true);
      const rows = await query(
        b.url('postgres'),
        `SELECT datname FROM pg_database WHERE datname = 'survives'`,
      );
      expect(rows).toHaveLength(1);
      await b.stop();
    },
  );

  it.skipIf(layout.skip)(
    'a process killed with SIGKILL leaves a server the next process reuses',
    async () => {
      const { dataDir, opts } = await fresh();
      const script = `
      import { startEmbeddedPostgres } from ${JSON.stringify(path.resolve('src/db/embedded-postgres.ts'))};
      import { createLogger } from ${JSON.stringify(path.resolve('src/logger.ts'))};
      await startEmbeddedPostgres(${JSON.stringify(dataDir)}, createLogger('silent'), ${JSON.stringify(opts)});
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
      const b = await startEmbeddedPostgres(dataDir, log, opts);
      expect(b.owned).toBe(false);
      expect((await query(b.url('postgres'), 'SELECT 1 AS one'))[0]!.one).toBe(1);
    },
  );
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

/** A killed postmaster is dead, and no backend of it is still attached to the shared memory the next start checks. */
const postmasterGone = (pid: number, pgdata: string) =>
  vi.waitFor(() => expect(exited(pid) && sharedMemoryReleased(pgdata)).toBe(true), {
    timeout: 30_000,
    interval: 20,
  });

describe.skipIf(!isRoot)('a clone under a private directory, as root', () => {
  it('copies the binaries once, verified, keeps the cluster in the system directory and leaves private directories private', async () => {
    const { home, clone, opts } = await newCloneWithBinaries();
    const dataDir = path.join(clone, '.lienthong');
    cleanups.push(() => removeEmbeddedData(dataDir, opts));
    const first = recordingLog();
    const a = await startEmbeddedPostgres(dataDir, first.log, opts);

    const pgLink = path.join(dataDir, 'pg');
    expect(fs.lstatSync(pgLink).isSymbolicLink()).toBe(true);
    expect(a.pgdata).toBe(fs.realpathSync(pgLink));
    expect(a.pgdata.startsWith(path.join(opts.systemDir!, 'clusters') + path.sep)).toBe(true);
    expect(path.basename(a.pgdata)).toMatch(/^lienthong-[0-9a-f]{12}$/);
    const pgdataStat = fs.statSync(a.pgdata);
    expect(pgdataStat.uid).not.toBe(0);
    expect(pgdataStat.mode & 0o777).toBe(0o700);

    const started = first.lines.find((l) => l.msg === 'embedded PostgreSQL started')!;
    expect(started).toMatchObject({ dataDir, pgdata: a.pgdata, runsAs: 'postgres' });
    const binaries = String(started.binaries);
    expect(binaries.startsWith(path.join(opts.systemDir!, 'postgres') + path.sep)).toBe(true);
    const sha = fs.readFileSync(path.join(binaries, '.sha256'), 'utf8').trim();
    expect(sha).toMatch(/^[0-9a-f]{64}$/);
    expect(binaries).toMatch(new RegExp(`-${sha.slice(0, 16)}$`));
    expect(first.lines.filter((l) => l.msg.startsWith('copied the PostgreSQL binaries'))).toHaveLength(1);

    // the person's directories keep their modes; the password file is theirs alone
    expect(fs.statSync(home).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(dataDir, 'pg-password')).mode & 0o777).toBe(0o600);
    expect((await query(a.url('postgres'), 'SELECT current_user AS u'))[0]!.u).toBe('postgres');
    await a.stop();

    // a restart reuses the verified copy and the relocated cluster
    const second = recordingLog();
    const b = await startEmbeddedPostgres(dataDir, second.log, opts);
    expect(b.pgdata).toBe(a.pgdata);
    expect(second.lines.some((l) => l.msg.startsWith('copied the PostgreSQL binaries'))).toBe(false);
    expect(second.lines.some((l) => l.msg === 'initialising embedded PostgreSQL')).toBe(false);
    await b.stop();
  });

  it('re-copies binaries whose verification marker is missing (a copy cut short)', async () => {
    const { clone, opts } = await newCloneWithBinaries();
    const dataDir = path.join(clone, '.lienthong');
    cleanups.push(() => removeEmbeddedData(dataDir, opts));
    const a = await startEmbeddedPostgres(dataDir, log, opts);
    await a.stop();
    const cached = fs.readdirSync(path.join(opts.systemDir!, 'postgres')).filter((d) => !d.includes('.tmp-'));
    expect(cached).toHaveLength(1);
    fs.rmSync(path.join(opts.systemDir!, 'postgres', cached[0]!, '.sha256'));
    fs.rmSync(path.join(opts.systemDir!, 'postgres', cached[0]!), { recursive: true });
    const again = recordingLog();
    const b = await startEmbeddedPostgres(dataDir, again.log, opts);
    expect(again.lines.filter((l) => l.msg.startsWith('copied the PostgreSQL binaries'))).toHaveLength(1);
    await b.stop();
  });

  it.each([
    ['a system directory below a regular file', (file: string) => path.join(file, 'system')],
    ['a private (0700) system directory', (file: string) => path.dirname(file)],
  ])('stops with one line naming LIENTHONG_SYSTEM_DIR for %s', async (_name, systemDirOf) => {
    const { clone, opts } = await cloneWithBinaries();
    const blocked = privateTmp('lienthong-blocked-');
    const file = path.join(blocked, 'not-a-directory');
    fs.writeFileSync(file, '');
    cleanups.push(async () => fs.rmSync(blocked, { recursive: true, force: true }));
    const dataDir = path.join(clone, `.lienthong-blocked-${n++}`);
    const err = await startEmbeddedPostgres(dataDir, log, { ...opts, systemDir: systemDirOf(file) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(EmbeddedPostgresError);
    const message = (err as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('LIENTHONG_SYSTEM_DIR');
    expect(message).not.toMatch(/spawn .* EACCES/);
  });
});
