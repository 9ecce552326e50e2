import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import { ledgerStore } from '../../src/sync/ledger-store.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/** `lienthong sync …` as a user runs it: child processes against test databases and the sandbox portal. */

const PROVINCE = '17';
const ROOT = path.resolve(import.meta.dirname, '../..');

let hub: TestHub;
let sandbox: PortalSandbox;
let portalUrl: string;

beforeAll(async () => {
  hub = await startTestHub({ provinces: [PROVINCE] });
  // slow enough that a run of one batch at a time lasts a few seconds and can be killed half-way
  sandbox = createPortalSandbox({ latencyMs: 250 });
  portalUrl = (await sandbox.listen(0, '127.0.0.1')).url;
});

afterAll(async () => {
  await sandbox?.close();
  await hub?.close();
});

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function start(
  args: string[],
  env: Record<string, string> = {},
): {
  child: ChildProcess;
  exit: Promise<Exit>;
  stderrUntil: (done: (stderr: string) => boolean) => Promise<void>;
} {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['src/cli/lienthong.mjs', ...args], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: hub.rt.hubUrl,
      LIENTHONG_SOURCES: hub.rt.config.sourcesFile!,
      PORTAL_URL: portalUrl,
      PORTAL_TIMEOUT_MS: '3000',
      SYNC_CONCURRENCY: '1',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<Exit>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 })),
  );
  /** Resolves once stderr so far satisfies `done`; rejects if the process ends first. */
  const stderrUntil = (done: (stderr: string) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!done(stderr)) return;
        child.stderr!.off('data', check);
        resolve();
      };
      child.stderr!.on('data', check);
      void exit.then((e) => reject(new Error(`exited ${e.code} before the expected output: ${e.stderr}`)));
      check();
    });
  return { child, exit, stderrUntil };
}

const lienthong = (args: string[], env?: Record<string, string>) => start(args, env).exit;

const db = () => hub.rt.sources.byCode(PROVINCE)!.db;
const activeProcedures = async () =>
  Number(
    (
      (await db()('procedures').where({ status: 'ACTIVE' }).count({ n: '*' }).first()) as {
        n: string | number;
      }
    ).n,
  );
/** Progress events: JSON lines on stderr when stdout is not a terminal. */
const progressEvents = (stderr: string) =>
  stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { event: string; [k: string]: unknown });
const lines = (stdout: string) => stdout.trimEnd().split('\n');

describe('lienthong sync (CLI)', () => {
  it('bad arguments give a one-line error and the usage', async () => {
    const none = await lienthong(['sync']);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(
      /^error: missing subcommand: procedures or verify\n\nUsage: lienthong sync procedures/,
    );
    const noTarget = await lienthong(['sync', 'procedures', '--dry-run']);
    expect(noTarget.code).toBe(1);
    expect(noTarget.stderr.split('\n')[0]).toBe('error: missing --province CODE or --all');
    const unknown = await lienthong(['sync', 'verify', '--province', 'Nghệ An']);
    expect(unknown.code).toBe(1);
    // the sources file names one province: that list, with its name, is what the error offers
    expect(unknown.stderr.split('\n')[0]).toBe(
      `error: unknown province "Nghệ An" (known: ${PROVINCE} Hòa Bình)`,
    );
    expect(unknown.stderr).not.toMatch(/\bat \S+\.ts:\d+/);
  });

  it('--dry-run prints one headed table and a summary line, and records and sends nothing', async () => {
    const active = await activeProcedures();
    const out = await lienthong(['sync', 'procedures', '--province', 'hoa-binh', '--dry-run']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const [header, ...rest] = lines(out.stdout);
    expect(header).toMatch(/^province\s+change\s+national code\s+revision\s+status\s+name$/);
    const rows = rest.slice(0, -1);
    expect(rows).toHaveLength(active);
    for (const row of rows)
      expect(row).toMatch(new RegExp(`^${PROVINCE}\\s+NEW\\s+\\d\\.\\d{6}\\s+\\d+\\s+ACTIVE\\s+\\S`));
    expect(rest.at(-1)).toBe(
      `dry run: would send ${active.toLocaleString('en-US')} procedures for ${PROVINCE} Hòa Bình to ${portalUrl} ` +
        `(${active.toLocaleString('en-US')} NEW); nothing was sent or recorded`,
    );
    expect(out.stdout).not.toMatch(/^\{|SUCCEEDED/m);
    expect(await hub.rt.hub('sync_runs').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(sandbox.stats().requests).toBe(0);
  });

  it('--dry-run --json prints one JSON document and nothing else', async () => {
    const active = await activeProcedures();
    const out = await lienthong(['sync', 'procedures', '--province', 'HÒA BÌNH', '--dry-run', '--json']);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
    const doc = JSON.parse(out.stdout) as {
      dryRun: boolean;
      exitCode: number;
      portal: string;
      provinces: {
        province: string;
        name: string;
        status: string;
        plan: { change: string; nationalCode: string }[];
      }[];
    };
    expect(doc).toMatchObject({ dryRun: true, exitCode: 0, portal: portalUrl });
    expect(doc.provinces).toHaveLength(1);
    expect(doc.provinces[0]).toMatchObject({ province: PROVINCE, name: 'Hòa Bình', status: 'DRY_RUN' });
    expect(doc.provinces[0]!.plan).toHaveLength(active);
    expect(new Set(doc.provinces[0]!.plan.map((p) => p.change))).toEqual(new Set(['NEW']));
    expect(await hub.rt.hub('sync_runs').count({ n: '*' }).first()).toEqual({ n: 0 });
    expect(sandbox.stats().requests).toBe(0);
  });

  it('refuses to start while another run holds the province', async () => {
    const lock = await ledgerStore(hub.rt.hub).tryLock(PROVINCE);
    try {
      const out = await lienthong(['sync', 'procedures', '--province', PROVINCE]);
      expect(out.code).toBe(1);
      expect(out.stderr).toContain(`error: a sync for province ${PROVINCE} is already running`);
    } finally {
      await lock!.release();
    }
  });

  it('a run killed with SIGKILL half-way is resumed by the next one: nothing lost, nothing applied twice', async () => {
    const active = await activeProcedures();
    expect(active).toBeGreaterThan(300);
    const first = start(['sync', 'procedures', '--province', PROVINCE]);
    // progress events on stderr say how far it got: kill it once two batches are acknowledged
    await first.stderrUntil(
      (stderr) => progressEvents(stderr).filter((e) => e.event === 'batch').length >= 2,
    );
    first.child.kill('SIGKILL');
    const killed = await first.exit;
    expect(killed.signal).toBe('SIGKILL');
    expect(sandbox.stats().accepted).toBeLessThan(active);

    const second = await lienthong(['sync', 'procedures', '--province', 'Hoà Bình'], {
      SYNC_CONCURRENCY: '4',
    });
    expect(second.code).toBe(0);
    const events = progressEvents(second.stderr);
    expect(events.map((e) => e.event)).toContain('resume');
    expect(events.at(-1)).toMatchObject({ event: 'finish', status: 'SUCCEEDED' });
    expect(second.stderr.trimEnd().split('\n')).toHaveLength(events.length);
    // stdout is the summary table alone
    expect(lines(second.stdout)).toEqual([
      expect.stringMatching(
        /^province\s+planned\s+accepted\s+unchanged\s+rejected\s+failed\s+seconds\s+status$/,
      ),
      expect.stringMatching(
        new RegExp(`^${PROVINCE}\\s+\\d+\\s+\\d+\\s+\\d+\\s+0\\s+0\\s+[\\d.]+\\s+SUCCEEDED$`),
      ),
    ]);

    expect(sandbox.stats()).toMatchObject({ accepted: active, stored: active, stale: 0, rejected: 0 });
    const runs = (await hub.rt.hub('sync_runs').orderBy('id').select('status', 'error')) as {
      status: string;
      error: string | null;
    }[];
    expect(runs).toEqual([
      { status: 'FAILED', error: 'interrupted' },
      { status: 'SUCCEEDED', error: null },
    ]);
    expect(await hub.rt.hub('sync_batches').whereNot({ status: 'DONE' }).count({ n: '*' }).first()).toEqual({
      n: 0,
    });

    const verify = await lienthong(['sync', 'verify', '--province', 'hoa binh']);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(
      new RegExp(`^${PROVINCE} Hòa Bình: no drift \\(${active} procedures in force, ${active} held`),
    );
    const json = await lienthong(['sync', 'verify', '--province', PROVINCE, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      exitCode: 0,
      provinces: [{ province: PROVINCE, name: 'Hòa Bình', drift: false, expected: active, held: active }],
    });
  });

  it('exits 2 and lists the reasons when the portal rejects items; verify then reports the drift', async () => {
    const victim = (await db()('procedures as p')
      .where('p.status', 'ACTIVE')
      .orderBy('p.national_code')
      .first('p.id', 'p.national_code')) as { id: number; national_code: string };
    await db()('procedure_units').where({ procedure_id: victim.id }).del();
    const out = await lienthong(['sync', 'procedures', '--province', PROVINCE]);
    expect(out.code).toBe(2);
    expect(out.stdout).toMatch(new RegExp(`${PROVINCE}\\s+1\\s+0\\s+0\\s+1\\s+0\\s+[\\d.]+\\s+PARTIAL`));
    expect(out.stdout).toContain('Rejected by the portal (1):');
    expect(out.stdout).toMatch(
      new RegExp(
        `  ${PROVINCE}  ${victim.national_code.replace('.', '\\.')}  r\\d+  INVALID: implementingAgencies`,
      ),
    );

    const verify = await lienthong(['sync', 'verify', '--province', PROVINCE]);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toContain('0 missing, 0 extra, 1 different');
    expect(verify.stdout).toContain(`different  ${victim.national_code}`);
  });

  it('exits 1 within seconds when the portal is unreachable, and records the run FAILED', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const ids = (await db()('procedures')
      .where({ status: 'ACTIVE' })
      .orderBy('id')
      .limit(250)
      .pluck('id')) as number[];
    await db()('procedures')
      .whereIn('id', ids)
      .update({ field: db().raw(`field || ' '`) });

    const out = await lienthong(['sync', 'procedures', '--all'], {
      PORTAL_URL: `http://127.0.0.1:${port}`,
      SYNC_CONCURRENCY: '4',
    });
    expect(out.code).toBe(1);
    expect(out.ms).toBeLessThan(20_000);
    expect(out.stderr).toMatch(new RegExp(`^error: province ${PROVINCE}: .*ECONNREFUSED`, 'm'));
    const row = new RegExp(`\\n${PROVINCE}\\s+(\\d+)\\s+0\\s+0\\s+0\\s+(\\d+)\\s+[\\d.]+\\s+FAILED`).exec(
      out.stdout,
    );
    expect(row).not.toBeNull();
    expect(Number(row![1])).toBeGreaterThanOrEqual(250);
    expect(row![2]).toBe(row![1]);
    const last = (await hub.rt.hub('sync_runs').orderBy('id', 'desc').first('status', 'error')) as {
      status: string;
      error: string;
    };
    expect(last.status).toBe('FAILED');
    expect(last.error).toMatch(/ECONNREFUSED/);
  });
});
