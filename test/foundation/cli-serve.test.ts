import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeEmbeddedData } from '../../src/db/embedded-postgres.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';

/** First start, `serve --port/--host` and `seed` on seeded data, as a new user runs them (embedded mode). */

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-cli-serve-'));
const DOSSIERS = 300;

afterAll(async () => {
  await removeEmbeddedData(dataDir);
});

const env = (extra: Record<string, string> = {}) => {
  const base: Record<string, string | undefined> = { ...process.env };
  delete base.DATABASE_URL;
  delete base.LIENTHONG_SOURCES;
  return {
    ...base,
    LIENTHONG_DATA_DIR: dataDir,
    LIENTHONG_DEMO_DOSSIERS: String(DOSSIERS),
    LOG_LEVEL: 'info',
    ...extra,
  };
};

function spawnCli(args: string[], extraEnv: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['src/cli/lienthong.mjs', ...args], {
    cwd: ROOT,
    env: env(extraEnv),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (d: Buffer) => (output.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output.stderr += d.toString()));
  const exit = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? `signal ${signal}`)),
  );
  return { child, output, exit };
}

async function lienthong(args: string[]) {
  const { output, exit } = spawnCli(args);
  const code = await exit;
  return { code, ...output };
}

/** Resolves with stdout once it holds the ready line; rejects if serve exits first. */
function untilReady(child: ChildProcess, output: { stdout: string; stderr: string }, exit: Promise<unknown>) {
  return new Promise<string>((resolve, reject) => {
    const check = () => {
      if (!/^lienthong ready: .*$/m.test(output.stdout)) return;
      child.stdout!.off('data', check);
      resolve(output.stdout);
    };
    child.stdout!.on('data', check);
    void exit.then((code) => reject(new Error(`serve exited ${String(code)}: ${output.stderr}`)));
  });
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const logLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const n = (x: number) => x.toLocaleString('en-US');

describe('first start and serve --port/--host', () => {
  it(
    'shows progress per province by name and one summary line, binds the --port given, and seed then has nothing to do',
    { timeout: 300_000 },
    async () => {
      const port = await freePort();
      // PORT and HOST say otherwise: the flags win
      const serve = spawnCli(['serve', '--port', String(port), '--host', '127.0.0.1'], {
        PORT: '0',
        HOST: '0.0.0.0',
      });
      const stdout = await untilReady(serve.child, serve.output, serve.exit);

      const provinceLine = (p: { code: string; name: string }) =>
        new RegExp(
          `^seeded ${p.code} ${p.name} in \\d+\\.\\d s: \\d+ units, [\\d,]+ procedures, [\\d,]+ documents, ` +
            `${DOSSIERS} dossiers \\([\\d,]+ events\\)$`,
        );
      expect(stdout.trimEnd().split('\n')).toEqual([
        `first start: seeding 5 demo provinces (${DOSSIERS} dossiers each) into ${dataDir}`,
        ...DEMO_PROVINCES.map((p) => expect.stringMatching(provinceLine(p))),
        expect.stringMatching(
          new RegExp(`^first start: 5 provinces seeded in \\d+\\.\\d s \\(${n(5 * DOSSIERS)} dossiers\\)$`),
        ),
        `lienthong ready: http://localhost:${port}/graphql`,
      ]);

      // the JSON logs at info stay quiet while seeding: nothing per province
      const logs = logLines(serve.output.stderr);
      expect(logs.filter((l) => 'province' in l || /seed/.test(String(l.msg)))).toEqual([]);
      expect(logs.find((l) => l.msg === 'ready')).toMatchObject({ port, host: '127.0.0.1' });
      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);

      // seeded data: seed says there is nothing to do, by province name, whatever the province is called
      const one = await lienthong(['seed', '--source', 'cà mau']);
      expect(one).toMatchObject({
        code: 0,
        stdout: `province 96 Cà Mau already seeded (${DOSSIERS} dossiers); nothing to do\n`,
      });
      const all = await lienthong(['seed']);
      expect(all.code).toBe(0);
      expect(all.stdout.trimEnd().split('\n')).toEqual([
        ...DEMO_PROVINCES.map(
          (p) => `province ${p.code} ${p.name} already seeded (${DOSSIERS} dossiers); nothing to do`,
        ),
        'nothing to do: all 5 provinces are seeded',
      ]);
      const enough = await lienthong(['seed', '--source', '96', '--dossiers', '100']);
      expect(enough.stdout).toBe(
        `province 96 Cà Mau already seeded (${DOSSIERS} dossiers, at least --dossiers 100); nothing to do\n`,
      );
      expect(enough.stdout).not.toMatch(/seconds|0\.0/);

      // a top-up does work, and says so with the same progress line and summary
      const topUp = await lienthong(['seed', '--source', 'Đắk Nông', '--dossiers', String(DOSSIERS + 50)]);
      expect(topUp.code).toBe(0);
      expect(topUp.stdout.trimEnd().split('\n')).toEqual([
        expect.stringMatching(
          /^seeded 67 Đắk Nông in \d+\.\d s: \d+ units, .*, 350 dossiers \([\d,]+ events\)$/,
        ),
        expect.stringMatching(/^1 province seeded in \d+\.\d s \(50 dossiers\)$/),
      ]);

      // this directory has a cluster, so sync accepts it (a dry run needs no portal)
      const dry = await lienthong(['sync', 'procedures', '--province', 'nghe-an', '--dry-run']);
      expect(dry.code).toBe(0);
      expect(dry.stdout.split('\n')[0]).toMatch(
        /^province\s+change\s+national code\s+revision\s+status\s+name$/,
      );
      expect(dry.stdout.trimEnd().split('\n').at(-1)).toMatch(
        /^dry run: would send [\d,]+ procedures for 40 Nghệ An to http:\/\/\S+ \([\d,]+ NEW\); nothing was sent or recorded$/,
      );

      serve.child.kill('SIGTERM');
      expect(await serve.exit).toBe(0);
    },
  );
});

describe('a first start stopped while seeding', () => {
  const cutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-cli-cut-'));
  afterAll(async () => {
    await removeEmbeddedData(cutDir);
  });

  it(
    'exits 143 soon after SIGTERM, and the next start seeds the provinces it had not finished',
    { timeout: 300_000 },
    async () => {
      const first = spawnCli(['serve', '--port', '0'], { LIENTHONG_DATA_DIR: cutDir });
      // stopped once the first province is in, while the second is loading
      await new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!/^seeded 40 /m.test(first.output.stdout)) return;
          first.child.stdout!.off('data', check);
          resolve();
        };
        first.child.stdout!.on('data', check);
        void first.exit.then((code) =>
          reject(new Error(`serve exited ${String(code)}: ${first.output.stderr}`)),
        );
      });
      first.child.kill('SIGTERM');
      expect(await first.exit).toBe(143);
      expect(first.output.stderr).toMatch(/^serve: interrupted by SIGTERM; stopped$/m);
      expect(first.output.stdout).not.toMatch(/ready/);

      const again = spawnCli(['serve', '--port', '0'], { LIENTHONG_DATA_DIR: cutDir });
      const stdout = await untilReady(again.child, again.output, again.exit);
      // 40 stays; the four others are seeded, the one cut short emptied first
      expect(stdout.split('\n')[0]).toBe(
        `first start: seeding 4 demo provinces (${DOSSIERS} dossiers each) into ${cutDir}`,
      );
      again.child.kill('SIGTERM');
      expect(await again.exit).toBe(0);
      const seed = spawnCli(['seed'], { LIENTHONG_DATA_DIR: cutDir });
      expect(await seed.exit).toBe(0);
      expect(seed.output.stdout.trimEnd().split('\n')).toEqual([
        ...DEMO_PROVINCES.map(
          (p) => `province ${p.code} ${p.name} already seeded (${DOSSIERS} dossiers); nothing to do`,
        ),
        'nothing to do: all 5 provinces are seeded',
      ]);
    },
  );
});
