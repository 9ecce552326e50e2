import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { hasCluster } from '../../src/cli/data-dir.ts';
import { main } from '../../src/cli/main.ts';
import { resolveProvince } from '../../src/cli/provinces.ts';
import { loadConfig } from '../../src/config.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';

const run = promisify(execFile);

const KNOWN = '40 Nghệ An, 17 Hòa Bình, 67 Đắk Nông, 30 Hải Dương, 96 Cà Mau';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-cli-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

async function cli(argv: string[], env: Record<string, string> = {}, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: { ...env },
    signal,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('lienthong CLI', () => {
  it('--help lists every command', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'sync', 'keys', 'audit', 'portal-sandbox'])
      expect(r.stdout).toContain(c);
  });

  it.each([
    [['frobnicate'], /^error: unknown command "frobnicate"/],
    [
      ['seed', '--dossiers', 'many'],
      /^error: --dossiers must be an integer between 0 and 100000000, got "many"\n/,
    ],
    [['seed', '--bogus'], /^error: Unknown option '--bogus'\n/],
    [['migrate', '--source'], /^error: Option '--source <value>' argument missing\n/],
    [['serve', 'extra'], /^error: Unexpected argument 'extra'\n/],
    [['serve', '--port', '70000'], /^error: --port must be an integer between 0 and 65535, got "70000"\n/],
    [['serve', '--host', ' '], /^error: --host must not be empty\n/],
    [
      ['sync', 'procedures', '--province', '40', '--all'],
      /^error: use either --province CODE or --all, not both\n/,
    ],
    [['sync', 'verify'], /^error: missing --province CODE or --all\n/],
  ])('%j prints one line and the usage, exit 1', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/\n\nUsage: lienthong/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad environment stops with one line naming the variable', async () => {
    const r = await cli(['migrate'], { PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Invalid PORT="abc": expected a TCP port number');
  });

  it('each command has --help', async () => {
    for (const c of ['serve', 'migrate', 'seed', 'sync', 'keys', 'audit', 'portal-sandbox']) {
      const r = await cli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: lienthong /);
    }
  });

  it('no help text points outside the repository: the protocol is documented in src/sync/PROTOCOL.md', async () => {
    const help = await cli(['portal-sandbox', '--help']);
    expect(help.stdout).toContain('src/sync/PROTOCOL.md');
    expect(help.stdout).not.toContain('SPEC');
    const root = path.resolve(import.meta.dirname, '../..');
    const protocol = fs.readFileSync(path.join(root, 'src/sync/PROTOCOL.md'), 'utf8');
    expect(protocol).toMatch(/^## Pushing procedures$/m);
    const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
    expect(readme).toContain('(src/sync/PROTOCOL.md)');
    expect(readme).not.toContain('SPEC');
  });

  it('the real binary reports an unknown command without a stack trace', async () => {
    const err = await run(process.execPath, ['src/cli/lienthong.mjs', 'nope']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/^error: unknown command "nope"/);
  });
});

describe('one flag framework, the portal sandbox included', () => {
  it.each([
    [['--fail-rate', '2'], 'error: --fail-rate must be a number between 0 and 1, got "2"'],
    [['--lost-response-rate', 'x'], 'error: --lost-response-rate must be a number between 0 and 1, got "x"'],
    [['--port', 'http'], 'error: --port must be an integer between 0 and 65535, got "http"'],
    [['--latency-ms', '1.5'], 'error: --latency-ms must be an integer between 0 and 600000, got "1.5"'],
    [['--latency-ms', '-3'], "error: Option '--latency-ms' argument is ambiguous"],
    [['--client-id', ''], 'error: --client-id must not be empty'],
    [['--colour'], "error: Unknown option '--colour'"],
  ])('portal-sandbox %j: one line and its usage, exit 1', async (argv, message) => {
    const r = await cli(['portal-sandbox', ...argv]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(message);
    expect(r.stderr).toContain('\n\nUsage: lienthong portal-sandbox [options]');
  });

  it('portal-sandbox applies its flags: credentials, port, then stops on request with exit 0', async () => {
    const stop = new AbortController();
    const out: string[] = [];
    let announce: (line: string) => void = () => undefined;
    const listening = new Promise<string>((resolve) => (announce = resolve));
    const exit = main(['portal-sandbox', '--port', '0', '--client-id', 'hub', '--client-secret', 's3cret'], {
      stdout: (s) => {
        out.push(s);
        announce(s);
      },
      stderr: () => undefined,
      env: {},
      signal: stop.signal,
    });
    const line = await listening;
    expect(line).toMatch(/^portal sandbox listening on http:\/\/127\.0\.0\.1:\d+$/);
    const url = line.split(' ').at(-1)!;
    const token = (id: string, secret: string) =>
      fetch(`${url}/oauth/token`, {
        method: 'POST',
        body: JSON.stringify({ grant_type: 'client_credentials', client_id: id, client_secret: secret }),
      });
    expect((await token('hub', 's3cret')).status).toBe(200);
    expect((await token('sandbox', 'sandbox')).status).toBe(401);
    stop.abort();
    expect(await exit).toBe(0);
    expect(out).toHaveLength(1);
  });
});

describe('serve --port/--host', () => {
  it('override PORT and HOST from the environment', () => {
    const env = { PORT: '4000', HOST: '0.0.0.0' };
    const config = loadConfig(env, { exists: () => false, overrides: { port: 4321, host: '127.0.0.1' } });
    expect(config).toMatchObject({ port: 4321, host: '127.0.0.1' });
    expect(loadConfig(env, { exists: () => false, overrides: {} })).toMatchObject({
      port: 4000,
      host: '0.0.0.0',
    });
  });
});

describe('provinces by code, slug or name', () => {
  it.each([
    ['40', '40'],
    ['nghe-an', '40'],
    ['Nghệ An', '40'],
    ['nghe an', '40'],
    ['NGHỆ AN', '40'],
    ['Nghệ An'.normalize('NFD'), '40'],
    [' Nghe_An ', '40'],
    ['dak-nong', '67'],
    ['Đắk Nông', '67'],
    ['DAK NONG', '67'],
    ['Hoà Bình', '17'],
    ['hai-duong', '30'],
    ['cà mau', '96'],
  ])('%j is province %s', (input, code) => {
    expect(resolveProvince(input, DEMO_PROVINCES).code).toBe(code);
  });

  it('an unknown one is refused with every known province by code and name', () => {
    expect(() => resolveProvince('Hà Nội', DEMO_PROVINCES)).toThrow(
      `unknown province "Hà Nội" (known: ${KNOWN})`,
    );
  });

  it.each([
    [['migrate', '--source']],
    [['seed', '--source']],
    [['sync', 'verify', '--province']],
    [['sync', 'procedures', '--dry-run', '--province']],
  ])('%j refuses an unknown province before opening any database', async (argv) => {
    const dataDir = path.join(tmp, 'untouched');
    const r = await cli([...argv, 'nghe-an,ha-noi'], { LIENTHONG_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe(`error: unknown province "ha-noi" (known: ${KNOWN})`);
    expect(fs.existsSync(dataDir)).toBe(false);
  });
});

describe('a data directory without a cluster', () => {
  it.each([
    [['sync', 'verify', '--province', 'nghe-an']],
    [['sync', 'procedures', '--all', '--dry-run']],
    [['sync', 'procedures', '--province', 'Cà Mau', '--json']],
  ])('%j is refused, naming the directory it looked at', async (argv) => {
    const dataDir = path.join(tmp, 'forgotten');
    const r = await cli(argv, { LIENTHONG_DATA_DIR: dataDir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `error: no lienthong data in ${dataDir} (LIENTHONG_DATA_DIR); run \`lienthong serve\` or \`npm start\` ` +
        'there first, or set LIENTHONG_DATA_DIR to the directory that holds the data',
    );
    expect(fs.existsSync(dataDir)).toBe(false);
  });

  it('a cluster is recognised through a symlinked pg directory', () => {
    const cluster = path.join(tmp, 'system', 'cluster');
    fs.mkdirSync(cluster, { recursive: true });
    const dataDir = path.join(tmp, 'linked');
    fs.mkdirSync(dataDir);
    fs.symlinkSync(cluster, path.join(dataDir, 'pg'));
    expect(hasCluster(dataDir)).toBe(false);
    fs.writeFileSync(path.join(cluster, 'PG_VERSION'), '17\n');
    expect(hasCluster(dataDir)).toBe(true);
  });
});
