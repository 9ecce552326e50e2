import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeEmbeddedData } from '../../src/db/embedded-postgres.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-serve-'));
afterAll(async () => {
  await removeEmbeddedData(dataDir);
});

function serve(): Promise<{ child: ChildProcess; url: string; ms: number; logs: () => string }> {
  const t0 = Date.now();
  const child = spawn(process.execPath, ['src/cli/lienthong.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LIENTHONG_DATA_DIR: dataDir,
      LIENTHONG_DEMO_DOSSIERS: '300',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /lienthong ready: (http:\/\/\S+)\/graphql/.exec(out);
      if (m)
        resolve({
          child,
          url: m[1]!.replace('localhost', '127.0.0.1'),
          ms: Date.now() - t0,
          logs: () => err,
        });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

const exitCode = (child: ChildProcess) =>
  new Promise<string>((r) =>
    child.on('exit', (code, signal) => r(code === null ? `signal ${signal}` : String(code))),
  );

describe('lienthong serve (what npm start runs)', () => {
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
    const findLine = () =>
      first
        .logs()
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.operation === 'CountUnits');
    for (let i = 0; i < 50 && !findLine(); i++) await new Promise((r) => setTimeout(r, 100));
    const line = findLine();
    expect(line).toMatchObject({ msg: 'graphql request', sqlStatements: 10, status: 200 });
    expect(typeof line!.durationMs).toBe('number');

    // an in-flight request finishes during shutdown
    const slow = fetch(`${first.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: '{ dossiers(first: 500) { totalCount nodes { code events { status } } } }',
      }),
    });
    await new Promise((r) => setTimeout(r, 20));
    first.child.kill('SIGTERM');
    const res = await slow;
    expect(res.status).toBe(200);
    expect(await exitCode(first.child), first.logs()).toBe('0');

    // second start reuses the data: no seeding, ready quickly
    const second = await serve();
    expect(second.ms).toBeLessThan(15_000);
    expect(second.logs()).not.toMatch(/seeding demo province/);
    second.child.kill('SIGTERM');
    expect(await exitCode(second.child), second.logs()).toBe('0');
  });
});
