import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const run = promisify(execFile);

async function cli(argv: string[], env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (s) => out.push(s),
    stderr: (s) => err.push(s),
    env: { ...env },
    isTTY: false,
  });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('lienthong CLI', () => {
  it('--help lists every command', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    for (const c of ['serve', 'migrate', 'seed', 'portal-sandbox']) expect(r.stdout).toContain(c);
  });

  it.each([
    [['frobnicate'], /^error: unknown command "frobnicate"/],
    [['seed', '--dossiers', 'many'], /^error: --dossiers expects a whole number, got "many"/],
    [['seed', '--bogus'], /^error: Unknown option '--bogus'/],
    [['migrate', '--source'], /^error: Option '--source <value>' argument missing/],
    [['serve', 'extra'], /^error: Unexpected argument 'extra'/],
    [['portal-sandbox', '--fail-rate', '2'], /^error: --fail-rate must be/],
  ])('%j prints one line and the usage, exit 1', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/Usage: lienthong/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('a bad environment stops with one line naming the variable', async () => {
    const r = await cli(['migrate'], { PORT: 'abc' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('error: Invalid PORT="abc": expected a TCP port number');
  });

  it('each command has --help', async () => {
    for (const c of ['serve', 'migrate', 'seed', 'portal-sandbox']) {
      const r = await cli([c, '--help']);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/^Usage: lienthong /);
    }
  });

  it('the real binary reports an unknown command without a stack trace', async () => {
    const err = await run(process.execPath, ['src/cli/lienthong.mjs', 'nope']).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/^error: unknown command "nope"/);
  });
});
