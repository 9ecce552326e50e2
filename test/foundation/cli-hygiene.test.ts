import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeEmbeddedData } from '../../src/db/embedded-postgres.ts';

/**
 * Process hygiene of the CLI in embedded mode: a closed stdout pipe, a signal or a failure ends a
 * command with its own exit code, no stack trace, and no embedded PostgreSQL left running.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-hygiene-'));
const postmasterPid = () => path.join(dataDir, 'pg', 'postmaster.pid');

const env = (extra: Record<string, string> = {}) => {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  delete base.LIENTHONG_SOURCES;
  return { ...base, LIENTHONG_DATA_DIR: dataDir, LOG_LEVEL: 'info', ...extra };
};

function spawnCli(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['src/cli/lienthong.mjs', ...args], {
    cwd: ROOT,
    env: env(extra),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? `signal ${signal}`)),
  );
  return { child, output, exit };
}

/** Resolves once `stream` has carried text matching `re`. */
const until = (stream: NodeJS.ReadableStream, re: RegExp) =>
  new Promise<void>((resolve) => {
    let text = '';
    const onData = (d: Buffer) => {
      text += d.toString();
      if (!re.test(text)) return;
      stream.off('data', onData);
      resolve();
    };
    stream.on('data', onData);
  });

/**
 * A national portal that holds nothing. Listings after the first wait until `release()`, so a test can act
 * between two provinces of a `sync verify --all` without watching the clock.
 */
async function gatedPortal() {
  let listings = 0;
  let open = false;
  const held: (() => void)[] = [];
  let firstHeld: () => void = () => undefined;
  const someoneWaits = new Promise<void>((resolve) => (firstHeld = resolve));
  const server = http.createServer((req, res) => {
    const answer = (body: unknown) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/oauth/token') return answer({ access_token: 't', expires_in: 3600 });
    const reply = () => answer({ items: [], nextCursor: null });
    if (open || listings++ === 0) return reply();
    held.push(reply);
    firstHeld();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    someoneWaits,
    release() {
      open = true;
      for (const reply of held.splice(0)) reply();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at |EPIPE|Unhandled/);

beforeAll(async () => {
  // a cluster with the five (empty) demo provinces; migrate stops the server it started
  const migrate = spawnCli(['migrate']);
  expect(await migrate.exit, migrate.output.stderr).toBe(0);
  expect(fs.existsSync(postmasterPid())).toBe(false);
}, 180_000);

afterAll(async () => {
  await removeEmbeddedData(dataDir);
});

describe('a closed stdout pipe (`lienthong … | head -1`)', () => {
  it('sync verify --all ends quietly with its normal exit code and stops its embedded PostgreSQL', async () => {
    const portal = await gatedPortal();
    try {
      // the normal run, every line read
      const full = spawnCli(['sync', 'verify', '--all'], { PORTAL_URL: portal.url });
      portal.release();
      const normalCode = await full.exit;
      expect(full.output.stdout.trimEnd().split('\n')).toHaveLength(5);
      expect(normalCode).toBe(0);
    } finally {
      await portal.close();
    }

    const gated = await gatedPortal();
    try {
      const run = spawnCli(['sync', 'verify', '--all'], { PORTAL_URL: gated.url });
      // the reader takes the first line and goes away, as `head -1` does; then the second province answers
      await until(run.child.stdout, /\n/);
      await gated.someoneWaits;
      run.child.stdout.destroy();
      gated.release();
      expect(await run.exit, run.output.stderr).toBe(0);
      expect(run.output.stdout).toMatch(/^40 Nghệ An: no drift/);
      noStack(run.output.stderr);
      expect(fs.existsSync(postmasterPid())).toBe(false);
    } finally {
      await gated.close();
    }
  });
});

describe('signals and failures', () => {
  it('SIGTERM while sync verify waits on the portal: exit 143, no postmaster left', async () => {
    const portal = await gatedPortal();
    try {
      const run = spawnCli(['sync', 'verify', '--all'], { PORTAL_URL: portal.url });
      await portal.someoneWaits;
      run.child.kill('SIGTERM');
      expect(await run.exit, run.output.stderr).toBe(143);
      expect(run.output.stderr).toMatch(/sync: interrupted by SIGTERM; stopped/);
      noStack(run.output.stderr);
      expect(fs.existsSync(postmasterPid())).toBe(false);
    } finally {
      portal.release();
      await portal.close();
    }
  });

  it('a failing command (portal unreachable) exits 1 and leaves no postmaster', async () => {
    const run = spawnCli(['sync', 'verify', '--province', '40'], {
      PORTAL_URL: 'http://127.0.0.1:1',
      PORTAL_TIMEOUT_MS: '2000',
    });
    expect(await run.exit).toBe(1);
    noStack(run.output.stderr);
    expect(fs.existsSync(postmasterPid())).toBe(false);
  });

  it(
    'SIGINT during a seed: exit 130, the load is cut short, no postmaster left',
    { timeout: 180_000 },
    async () => {
      const run = spawnCli(['seed', '--source', '96', '--dossiers', '300000'], {
        LIENTHONG_SEED_TIMING: '1',
      });
      // the dossier load has begun once it reports its first step
      await until(run.child.stderr, /^seed \w+: \d+ ms$/m);
      expect(fs.existsSync(postmasterPid())).toBe(true);
      run.child.kill('SIGINT');
      expect(await run.exit, run.output.stderr).toBe(130);
      expect(run.output.stderr).toMatch(/seed: interrupted by SIGINT; stopped/);
      expect(run.output.stdout).not.toMatch(/seeded 96/);
      noStack(run.output.stderr);
      expect(fs.existsSync(postmasterPid())).toBe(false);
    },
  );
});
