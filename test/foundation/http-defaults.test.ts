import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp, type App } from '../../src/app.ts';
import { loadConfig, type LogLevel } from '../../src/config.ts';
import { dropDatabase } from '../../src/db/knex.ts';
import { createLogger } from '../../src/logger.ts';
import { openRuntime } from '../../src/runtime.ts';
import { DEMO_PROVINCES } from '../../src/sources/demo.ts';
import { adminUrl, cloneDatabase, dbUrl, startTestHub, type TestHub } from '../helpers/hub.ts';
import { templateName } from '../helpers/templates.ts';

/** The hub's HTTP defaults: loopback bind, CSRF prevention, JSON-only bodies, CORS allowlist, quiet /readyz, bounded metrics, JSON logs. */

const ROOT = path.resolve(import.meta.dirname, '../..');
const ALLOWED = 'https://app.example.gov.vn';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ provinces: ['40'], env: { CORS_ORIGINS: `${ALLOWED}, http://localhost:3000` } });
});
afterAll(() => hub?.close());

const QUERY = '{ provinces { code } }';
const post = (headers: Record<string, string>, body = JSON.stringify({ query: QUERY })) =>
  fetch(`${hub.url}/graphql`, { method: 'POST', headers, body });
const errorCode = async (res: Response) =>
  ((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code;

/** Listening TCP sockets on `port`, from the kernel's socket tables: `address:port` in the usual notation. */
function listeners(port: number): string[] {
  const found: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.trim().split('\n').slice(1)) {
      const [, local, , state] = line.trim().split(/\s+/);
      const [hexIp, hexPort] = local!.split(':') as [string, string];
      if (state !== '0A' || parseInt(hexPort, 16) !== port) continue;
      const ip =
        hexIp.length === 8
          ? (hexIp.match(/../g) ?? [])
              .reverse()
              .map((b) => parseInt(b, 16))
              .join('.')
          : hexIp === '0'.repeat(32)
            ? '::'
            : `ipv6:${hexIp}`;
      found.push(`${ip}:${port}`);
    }
  }
  return found;
}

describe('bind address', () => {
  it('defaults to 127.0.0.1 (HOST unset); HOST is the way to expose it', async () => {
    expect(loadConfig({}, { exists: () => false }).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }, { exists: () => false }).host).toBe('0.0.0.0');

    // `serve` with no HOST, over copies of the test databases (external mode: no seeding)
    const tag = `bind_${process.pid}`;
    const code = DEMO_PROVINCES[0]!.code;
    await cloneDatabase(templateName('hub'), `${tag}_hub`);
    await cloneDatabase(templateName(code), `${tag}_${code}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lienthong-bind-'));
    const sourcesFile = path.join(dir, 'sources.json');
    fs.writeFileSync(
      sourcesFile,
      JSON.stringify([{ code, slug: 'nghe-an', name: 'Nghệ An', url: dbUrl(`${tag}_${code}`) }]),
    );
    const env: Record<string, string | undefined> = {
      ...process.env,
      DATABASE_URL: dbUrl(`${tag}_hub`),
      LIENTHONG_SOURCES: sourcesFile,
      PORT: '0',
      LOG_LEVEL: 'warn',
    };
    delete env.HOST;
    const child = spawn(process.execPath, ['src/cli/lienthong.mjs', 'serve'], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    try {
      const port = await new Promise<number>((resolve, reject) => {
        let out = '';
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /lienthong ready: http:\/\/localhost:(\d+)\/graphql/.exec(out);
          if (m) resolve(Number(m[1]));
        });
        void exit.then((c) => reject(new Error(`serve exited ${c}: ${stderr}`)));
      });
      expect(listeners(port)).toEqual([`127.0.0.1:${port}`]);
      child.kill('SIGTERM');
      expect(await exit).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await dropDatabase(adminUrl(), `${tag}_hub`);
      await dropDatabase(adminUrl(), `${tag}_${code}`);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('CSRF prevention and content types', () => {
  it('a GET without a preflighted header is refused; with one (or a JSON content type) it runs', async () => {
    const url = `${hub.url}/graphql?query=${encodeURIComponent(QUERY)}`;
    const plain = await fetch(url);
    expect(plain.status).toBe(400);
    expect(await plain.text()).toMatch(/Cross-Site Request Forgery/);
    const preflighted: Record<string, string>[] = [
      { 'apollo-require-preflight': 'true' },
      { 'content-type': 'application/json' },
    ];
    for (const headers of preflighted) {
      const ok = await fetch(url, { headers });
      expect(ok.status).toBe(200);
      expect(await ok.json()).toEqual({ data: { provinces: [{ code: '40' }] } });
    }
    // GraphiQL is still served to a browser
    const page = await fetch(`${hub.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
  });

  it.each([
    'text/plain',
    'text/plain; x=json',
    'text/plain; charset=utf-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    'application/graphql',
    'text/json',
  ])('a POST body of %s is refused with 415 UNSUPPORTED_MEDIA_TYPE', async (type) => {
    const res = await post({ 'content-type': type });
    expect(res.status).toBe(415);
    expect(await errorCode(res)).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('a POST without a content type is refused too', async () => {
    const res = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      body: new Blob([JSON.stringify({ query: QUERY })]),
    });
    expect(res.status).toBe(415);
  });

  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON ; charset=UTF-8',
    'application/graphql-response+json',
  ])('a POST body of %s is GraphQL', async (type) => {
    const res = await post({ 'content-type': type });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { provinces: [{ code: '40' }] } });
  });
});

describe('CORS by allowlist (CORS_ORIGINS)', () => {
  it('has no allowed origin by default', () => {
    expect(loadConfig({}, { exists: () => false }).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example/, http://b.example:8080' }).corsOrigins).toEqual([
      'https://a.example',
      'http://b.example:8080',
    ]);
    expect(() => loadConfig({ CORS_ORIGINS: 'https://a.example/path' })).toThrow(/^Invalid CORS_ORIGINS=/);
  });

  it('a listed origin may read answers; any other gets no CORS header', async () => {
    const allowed = await post({ 'content-type': 'application/json', origin: ALLOWED });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    expect(allowed.headers.get('vary')).toMatch(/Origin/);

    const other = await post({ 'content-type': 'application/json', origin: 'https://evil.example' });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const none = await post({ 'content-type': 'application/json' });
    expect(none.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers preflight requests: allowed with methods and headers, refused for other origins', async () => {
    const preflight = (origin?: string) =>
      fetch(`${hub.url}/graphql`, {
        method: 'OPTIONS',
        headers: {
          ...(origin ? { origin } : {}),
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type',
        },
      });
    const ok = await preflight('http://localhost:3000');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(ok.headers.get('access-control-allow-methods')).toMatch(/POST/);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/content-type/);

    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(await errorCode(refused)).toBe('CORS_ORIGIN_NOT_ALLOWED');

    const plain = await preflight();
    expect(plain.status).toBe(204);
    expect(plain.headers.get('allow')).toBe('GET, POST, OPTIONS');
  });
});

describe('metric labels stay bounded', () => {
  it('2,000 distinct operation names fold into "other" after 100', async () => {
    const before = (await (await fetch(`${hub.url}/metrics`)).text()).length;
    for (let batch = 0; batch < 2000; batch += 50) {
      await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          post(
            { 'content-type': 'application/json' },
            JSON.stringify({ query: `query Op${batch + i} { __typename }` }),
          ),
        ),
      );
    }
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    const operations = new Set(
      [...text.matchAll(/^lienthong_graphql_requests_total\{operation="([^"]*)"/gm)].map((m) => m[1]),
    );
    expect(operations.size).toBeLessThanOrEqual(102); // 100 names, other, and anonymous at most
    expect(operations.has('other')).toBe(true);
    const series = text.split('\n').filter((l) => l.startsWith('lienthong_graphql_')).length;
    expect(series).toBeLessThan(102 * 16);
    expect(text.length - before).toBeLessThan(500_000);
    const other = /^lienthong_graphql_requests_total\{operation="other",status="ok"\} (\d+)/m.exec(text);
    expect(Number(other![1])).toBeGreaterThanOrEqual(1900);
  });
});

describe('/readyz and logs with a source that refuses connections', () => {
  let broken: TestHub;
  beforeAll(async () => {
    broken = await startTestHub({
      provinces: ['40', '17'],
      mutateSources: (s) =>
        s.map((x) =>
          x.code === '17' ? { ...x, url: 'postgres://postgres:secret@127.0.0.1:1/province_17' } : x,
        ),
    });
  });
  afterAll(() => broken?.close());

  it('/readyz reports status and latency, never the error text', async () => {
    const res = await fetch(`${broken.url}/readyz`);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as { hub: string; sources: Record<string, Record<string, unknown>> };
    expect(body.hub).toBe('UP');
    expect(body.sources['17']).toEqual({ name: 'Hòa Bình', status: 'DOWN', latencyMs: expect.any(Number) });
    expect(body.sources['40']).toMatchObject({ status: 'UP' });
    // `::1` is the IPv6 loopback; a bare `:1` would also match a latency of 1 ms (`"latencyMs":1`)
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|::1\b|postgres:|secret|error/i);
  });

  async function hubLogging(level: LogLevel): Promise<{ app: App; url: string; lines: string[] }> {
    // the same assembly over the same databases, its logs captured
    const lines: string[] = [];
    const rt = await openRuntime(
      { ...broken.rt.config, logLevel: level },
      createLogger(level, {}, (l) => lines.push(l)),
    );
    const app = await createApp(rt);
    const port = await app.listen(0, '127.0.0.1');
    return { app, url: `http://127.0.0.1:${port}`, lines };
  }

  it.each(['warn', 'error', 'silent'] as const)(
    'pool and driver errors are JSON lines at warn, honouring LOG_LEVEL=%s',
    async (level) => {
      const consoleLog = vi.spyOn(console, 'log');
      const { app, url, lines } = await hubLogging(level);
      try {
        const res = await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ units(first: 1) { totalCount } }' }),
        });
        const body = (await res.json()) as { errors?: { extensions: { code: string; province: string } }[] };
        expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '17' });
      } finally {
        await app.close(1000);
        consoleLog.mockRestore();
      }
      expect(consoleLog).not.toHaveBeenCalled();
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(lines.every((l) => !l.includes('\n'))).toBe(true);
      const driver = parsed.filter((l) => l.msg === 'database driver warning');
      if (level === 'warn') {
        expect(driver.length).toBeGreaterThanOrEqual(1);
        expect(driver[0]).toMatchObject({ level: 'warn', province: '17' });
        expect(String(driver[0]!.error)).toMatch(/^Acquire connection error: .*ECONNREFUSED/);
      } else {
        expect(driver).toEqual([]);
        expect(parsed.filter((l) => l.level === 'warn' || l.level === 'info')).toEqual([]);
      }
      if (level === 'silent') expect(lines).toEqual([]);
    },
  );

  it('a pooled connection the server drops is one JSON warning', async () => {
    let seen: (line: string) => void = () => undefined;
    const lost = new Promise<string>((resolve) => (seen = resolve));
    const lines: string[] = [];
    const rt = await openRuntime(
      broken.rt.config,
      createLogger('warn', {}, (l) => {
        lines.push(l);
        if (l.includes('database connection lost')) seen(l);
      }),
    );
    try {
      const source = rt.sources.byCode('40')!;
      await source.db.raw('select 1'); // one idle connection in the pool
      const dbName = new URL(source.url).pathname.slice(1);
      await broken.rt.hub.raw(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()
           AND state = 'idle' AND backend_type = 'client backend' AND application_name = ?`,
        [dbName, `lienthong:${process.pid}`],
      );
      const line = JSON.parse(await lost) as Record<string, unknown>;
      expect(line).toMatchObject({ level: 'warn', msg: 'database connection lost', province: '40' });
    } finally {
      await rt.close();
    }
  });
});
