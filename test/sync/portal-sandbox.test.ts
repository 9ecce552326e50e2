import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import type { CliIO } from '../../src/cli/command.ts';
import { main } from '../../src/cli/main.ts';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox, PortalSandboxOptions, SandboxStats } from '../../src/portal-sandbox/sandbox.ts';
import { contentHashOf } from '../../src/sync/payload-schema.ts';
import type { ProcedurePayload, PutResult } from '../../src/sync/payload-schema.ts';

const PROVINCE = '40';

/** A valid payload for procedure number n, with a correct contentHash after the overrides. */
function procedure(n: number, overrides: Partial<ProcedurePayload> = {}): ProcedurePayload {
  const content = {
    nationalCode: `1.${String(n).padStart(6, '0')}`,
    name: `Đăng ký khai sinh ${n}`,
    field: 'Hộ tịch',
    level: 'COMMUNE' as const,
    onlineService: 'FULL' as const,
    processingTimes: [{ channel: 'DIRECT' as const, case: '', value: 3, unit: 'WORKING_DAY' as const }],
    fees: [{ channel: 'DIRECT' as const, case: '', amountVnd: 8000, note: null }],
    requirements: [
      { case: '', position: 1, name: 'Tờ khai đăng ký khai sinh', form: 'TK-01', originals: 1, copies: 0 },
    ],
    legalBasis: [
      { numberSymbol: '123/2015/NĐ-CP', issuedOn: '2015-11-15', summary: 'Quy định chi tiết Luật Hộ tịch' },
    ],
    implementingAgencies: ['000.00.12.H41'],
    status: 'ACTIVE' as const,
    revision: 1,
    ...overrides,
  };
  return { ...content, contentHash: contentHashOf(content) };
}

const running: PortalSandbox[] = [];
const tempDirs: string[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
  await Promise.all(tempDirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lienthong-sandbox-'));
  tempDirs.push(dir);
  return dir;
}

/** A started sandbox plus raw-HTTP helpers: these tests speak the wire protocol directly. */
async function startSandbox(opts: PortalSandboxOptions = {}) {
  const sandbox = createPortalSandbox(opts);
  running.push(sandbox);
  const { url } = await sandbox.listen(0, '127.0.0.1');

  async function token(): Promise<string> {
    const res = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'sandbox',
        client_secret: 'sandbox',
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  }

  async function put(body: unknown, opts: { key?: string | null; province?: string; bearer?: string } = {}) {
    const headers: Record<string, string> = { authorization: `Bearer ${opts.bearer ?? (await token())}` };
    if (opts.key !== null) headers['idempotency-key'] = opts.key ?? crypto.randomUUID();
    const res = await fetch(`${url}/api/v1/provinces/${opts.province ?? PROVINCE}/procedures`, {
      method: 'PUT',
      headers,
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: res.status, headers: res.headers, text: await res.text() };
  }

  async function putItems(
    items: unknown[],
    opts: { key?: string; province?: string } = {},
  ): Promise<PutResult[]> {
    const res = await put({ items }, opts);
    expect(res.status, res.text).toBe(200);
    return (JSON.parse(res.text) as { results: PutResult[] }).results;
  }

  async function list(cursor?: string, province = PROVINCE) {
    const query = cursor === undefined ? '' : `?cursor=${encodeURIComponent(cursor)}`;
    const res = await fetch(`${url}/api/v1/provinces/${province}/procedures${query}`, {
      headers: { authorization: `Bearer ${await token()}` },
    });
    return {
      status: res.status,
      body: (await res.json()) as { items: ProcedurePayload[]; nextCursor: string | null },
    };
  }

  async function stats(): Promise<SandboxStats> {
    return (await (await fetch(`${url}/_sandbox/stats`)).json()) as SandboxStats;
  }

  return { sandbox, url, token, put, putItems, list, stats };
}

describe('portal sandbox: token and bearer', () => {
  it('issues a bearer token for the configured client and refuses others', async () => {
    const { url } = await startSandbox({ clientId: 'hub', clientSecret: 's3cret' });
    const ask = (body: unknown) =>
      fetch(`${url}/oauth/token`, { method: 'POST', body: JSON.stringify(body) });

    const ok = await ask({ grant_type: 'client_credentials', client_id: 'hub', client_secret: 's3cret' });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ access_token: expect.any(String), expires_in: 3600 });

    const wrongSecret = await ask({
      grant_type: 'client_credentials',
      client_id: 'hub',
      client_secret: 'nope',
    });
    expect(wrongSecret.status).toBe(401);
    expect(await wrongSecret.json()).toEqual({ error: 'invalid_client' });
    const wrongGrant = await ask({ grant_type: 'password', client_id: 'hub', client_secret: 's3cret' });
    expect(wrongGrant.status).toBe(400);
    expect(await wrongGrant.json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('answers 401 without a token, with an unknown one and once the token expired', async () => {
    let clock = Date.parse('2025-07-01T00:00:00Z');
    const { url, token } = await startSandbox({ tokenTtlSeconds: 60, now: () => clock });
    const listWith = (authorization?: string) =>
      fetch(
        `${url}/api/v1/provinces/${PROVINCE}/procedures`,
        authorization ? { headers: { authorization } } : {},
      );

    const missing = await listWith();
    expect(missing.status).toBe(401);
    expect(await missing.json()).toEqual({ error: 'missing bearer token' });
    expect((await listWith('Bearer made-up')).status).toBe(401);

    const bearer = await token();
    expect((await listWith(`Bearer ${bearer}`)).status).toBe(200);
    clock += 61_000;
    const expired = await listWith(`Bearer ${bearer}`);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  });
});

describe('portal sandbox: PUT validation', () => {
  const valid = procedure(1);
  const cases: [string, unknown, string][] = [
    ['bad national code', { ...valid, nationalCode: '1.23' }, 'nationalCode must match ^\\d\\.\\d{6}$'],
    ['empty name', { ...valid, name: '' }, 'name must not be empty'],
    ['blank name', { ...valid, name: '   ' }, 'name must not be empty'],
    ['long name', { ...valid, name: 'x'.repeat(501) }, 'name must be at most 500 characters'],
    ['missing name', { ...valid, name: undefined }, 'name is required'],
    ['empty field', { ...valid, field: '' }, 'field must not be empty'],
    ['bad level', { ...valid, level: 'CITY' }, 'level must be one of PROVINCE | DISTRICT | COMMUNE'],
    [
      'bad online service',
      { ...valid, onlineService: 'SOME' },
      'onlineService must be one of FULL | PARTIAL | NONE',
    ],
    ['no processing time', { ...valid, processingTimes: [] }, 'processingTimes must have at least one entry'],
    [
      'bad channel',
      { ...valid, processingTimes: [{ ...valid.processingTimes[0], channel: 'EMAIL' }] },
      'processingTimes[0].channel must be one of DIRECT | ONLINE | POSTAL',
    ],
    [
      'negative time',
      { ...valid, processingTimes: [{ ...valid.processingTimes[0], value: -1 }] },
      'processingTimes[0].value must be ≥ 0',
    ],
    [
      'bad unit',
      { ...valid, processingTimes: [{ ...valid.processingTimes[0], unit: 'MINUTE' }] },
      'processingTimes[0].unit must be one of WORKING_DAY | DAY | HOUR',
    ],
    [
      'repeated channel/case',
      { ...valid, processingTimes: [valid.processingTimes[0], valid.processingTimes[0]] },
      'processingTimes[1] repeats channel DIRECT, case ""',
    ],
    [
      'fractional fee',
      { ...valid, fees: [{ ...valid.fees[0], amountVnd: 1.5 }] },
      'fees[0].amountVnd must be an integer',
    ],
    [
      'negative fee',
      { ...valid, fees: [{ ...valid.fees[0], amountVnd: -1 }] },
      'fees[0].amountVnd must be ≥ 0',
    ],
    ['non-string note', { ...valid, fees: [{ ...valid.fees[0], note: 5 }] }, 'fees[0].note must be a string'],
    [
      'zero position',
      { ...valid, requirements: [{ ...valid.requirements[0], position: 0 }] },
      'requirements[0].position must be ≥ 1',
    ],
    [
      'empty requirement name',
      { ...valid, requirements: [{ ...valid.requirements[0], name: '' }] },
      'requirements[0].name must not be empty',
    ],
    [
      'negative originals',
      { ...valid, requirements: [{ ...valid.requirements[0], originals: -1 }] },
      'requirements[0].originals must be ≥ 0',
    ],
    [
      'textual copies',
      { ...valid, requirements: [{ ...valid.requirements[0], copies: 'two' }] },
      'requirements[0].copies must be a number',
    ],
    [
      'empty number symbol',
      { ...valid, legalBasis: [{ ...valid.legalBasis[0], numberSymbol: '' }] },
      'legalBasis[0].numberSymbol must not be empty',
    ],
    [
      'date format',
      { ...valid, legalBasis: [{ ...valid.legalBasis[0], issuedOn: '15/11/2015' }] },
      'legalBasis[0].issuedOn must be a date YYYY-MM-DD',
    ],
    [
      'impossible date',
      { ...valid, legalBasis: [{ ...valid.legalBasis[0], issuedOn: '2015-02-30' }] },
      'legalBasis[0].issuedOn must be a calendar date',
    ],
    [
      'bad agency code',
      { ...valid, implementingAgencies: ['UBND-NA'] },
      'implementingAgencies[0] must match ^\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}$',
    ],
    [
      'active without agency',
      { ...valid, implementingAgencies: [] },
      'implementingAgencies must have at least one agency when status is ACTIVE',
    ],
    ['bad status', { ...valid, status: 'DELETED' }, 'status must be one of ACTIVE | ABOLISHED'],
    ['zero revision', { ...valid, revision: 0 }, 'revision must be ≥ 1'],
    ['fractional revision', { ...valid, revision: 1.5 }, 'revision must be an integer'],
    ['malformed hash', { ...valid, contentHash: 'abc' }, 'contentHash must match ^[0-9a-f]{64}$'],
    ['unknown field', { ...valid, colour: 'red' }, 'item has unknown field colour'],
    ['not an object', 42, 'item must be an object'],
  ];

  it('rejects each invalid item with a precise reason and applies none of them', async () => {
    const { putItems, stats } = await startSandbox();
    // JSON.stringify drops the undefined name, as a real client's body would
    const results = await putItems(cases.map(([, item]) => item));
    expect(results).toEqual(
      cases.map(([, item, problem]) => ({
        nationalCode:
          typeof item === 'object' && item !== null ? (item as { nationalCode: string }).nationalCode : '',
        status: 'REJECTED',
        reason: `INVALID: ${problem}`,
      })),
    );
    expect(await stats()).toMatchObject({ accepted: 0, rejected: cases.length, stored: 0 });
  });

  it('accepts an abolished procedure without agencies and reports every problem of one item', async () => {
    const { putItems } = await startSandbox();
    const [abolished, twoProblems] = await putItems([
      procedure(2, { status: 'ABOLISHED', implementingAgencies: [] }),
      { ...procedure(3), name: '', revision: 0 },
    ]);
    expect(abolished).toEqual({ nationalCode: '1.000002', status: 'ACCEPTED' });
    expect(twoProblems?.reason).toBe('INVALID: name must not be empty; revision must be ≥ 1');
  });

  it('rejects a contentHash that is not the hash of the content', async () => {
    const { putItems } = await startSandbox();
    const honest = procedure(1);
    const tampered = { ...honest, name: 'Tên khác' };
    expect(await putItems([tampered])).toEqual([
      {
        nationalCode: '1.000001',
        status: 'REJECTED',
        reason: `HASH_MISMATCH: expected ${contentHashOf(tampered)}`,
      },
    ]);
  });

  it('answers 400 with { error } for a malformed request and applies nothing', async () => {
    const { put, stats } = await startSandbox();
    const items101 = Array.from({ length: 101 }, (_, i) => procedure(i + 1));
    const expectations: [Awaited<ReturnType<typeof put>>, string][] = [
      [await put({ items: items101 }), 'at most 100 items per request, got 101'],
      [await put({ items: [procedure(1)] }, { key: null }), 'Idempotency-Key header is required'],
      [await put('{"items": ['), 'body is not JSON'],
      [await put([procedure(1)]), 'body must be { items: [...] }'],
      [await put({ items: 'all of them' }), 'body must be { items: [...] }'],
    ];
    for (const [res, error] of expectations) {
      expect(res.status).toBe(400);
      expect(JSON.parse(res.text)).toEqual({ error });
    }
    expect(await stats()).toMatchObject({ accepted: 0, rejected: 0, stored: 0 });
  });
});

describe('portal sandbox: revisions, idempotency and withdrawal', () => {
  it('answers UNCHANGED for the same revision and hash, ACCEPTED for new content', async () => {
    const { putItems, list, stats } = await startSandbox();
    expect(await putItems([procedure(1)])).toEqual([{ nationalCode: '1.000001', status: 'ACCEPTED' }]);
    expect(await putItems([procedure(1)])).toEqual([{ nationalCode: '1.000001', status: 'UNCHANGED' }]);
    const renamed = procedure(1, { name: 'Đăng ký khai sinh (sửa đổi)', revision: 2 });
    expect(await putItems([renamed])).toEqual([{ nationalCode: '1.000001', status: 'ACCEPTED' }]);
    expect((await list()).body.items).toEqual([renamed]);
    expect(await stats()).toMatchObject({ accepted: 2, unchanged: 1, rejected: 0, stored: 1 });
  });

  it('refuses an older revision as STALE and keeps the newer content', async () => {
    const { putItems, list, stats } = await startSandbox();
    const newer = procedure(1, { revision: 3, name: 'Bản mới' });
    await putItems([newer]);
    expect(await putItems([procedure(1, { revision: 2, name: 'Bản cũ' })])).toEqual([
      { nationalCode: '1.000001', status: 'REJECTED', reason: 'STALE' },
    ]);
    expect((await list()).body.items).toEqual([newer]);
    expect(await stats()).toMatchObject({ accepted: 1, rejected: 1, stale: 1, stored: 1 });
  });

  it('replays the first response verbatim for a repeated Idempotency-Key and applies nothing twice', async () => {
    const { put, stats } = await startSandbox();
    const body = { items: [procedure(1), procedure(2)] };
    const first = await put(body, { key: 'batch-1' });
    // same batch, other key order and spacing: still the same request
    const reordered = JSON.stringify({
      items: body.items.map((p) => Object.fromEntries(Object.entries(p).reverse())),
    });
    const second = await put(reordered, { key: 'batch-1' });
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await stats()).toMatchObject({ accepted: 2, unchanged: 0, replayed: 1, stored: 2 });
  });

  it('answers 422 when an Idempotency-Key comes back with another body', async () => {
    const { put, stats } = await startSandbox();
    await put({ items: [procedure(1)] }, { key: 'batch-1' });
    const reused = await put({ items: [procedure(2)] }, { key: 'batch-1' });
    expect(reused.status).toBe(422);
    expect(JSON.parse(reused.text)).toEqual({
      error: 'Idempotency-Key batch-1 was already used with a different body',
    });
    // keys are per province: the same key elsewhere is a new request
    expect((await put({ items: [procedure(2)] }, { key: 'batch-1', province: '17' })).status).toBe(200);
    expect(await stats()).toMatchObject({ accepted: 2, replayed: 0, stored: 2 });
  });

  it('withdraws an ABOLISHED procedure from the listing and keeps refusing its older revisions', async () => {
    const { putItems, list, stats } = await startSandbox();
    await putItems([procedure(1), procedure(2)]);
    const abolished = procedure(1, { status: 'ABOLISHED', revision: 2 });
    expect(await putItems([abolished])).toEqual([{ nationalCode: '1.000001', status: 'ACCEPTED' }]);
    expect((await list()).body.items.map((p) => p.nationalCode)).toEqual(['1.000002']);
    expect(await stats()).toMatchObject({ stored: 1 });
    // a late retry of the old active revision must not bring it back
    expect(await putItems([procedure(1)])).toEqual([
      { nationalCode: '1.000001', status: 'REJECTED', reason: 'STALE' },
    ]);
    expect(await putItems([abolished])).toEqual([{ nationalCode: '1.000001', status: 'UNCHANGED' }]);
    expect(await stats()).toMatchObject({ stored: 1, stale: 1 });
  });
});

describe('portal sandbox: listing', () => {
  it('pages more than 500 procedures in nationalCode order with an opaque cursor', async () => {
    const { putItems, list } = await startSandbox();
    const numbers = Array.from({ length: 650 }, (_, i) => ((i * 7919) % 650) + 1); // a scrambled order
    for (let start = 0; start < numbers.length; start += 100) {
      await putItems(numbers.slice(start, start + 100).map((n) => procedure(n)));
    }
    await putItems([procedure(9999)], { province: '17' });

    const first = await list();
    expect(first.body.items).toHaveLength(500);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(first.body.nextCursor!);
    expect(second.body.items).toHaveLength(150);
    expect(second.body.nextCursor).toBeNull();
    const codes = [...first.body.items, ...second.body.items].map((p) => p.nationalCode);
    expect(codes).toEqual(Array.from({ length: 650 }, (_, i) => `1.${String(i + 1).padStart(6, '0')}`));

    expect((await list('not-a-cursor')).status).toBe(400);
    expect((await list(undefined, '01')).body).toEqual({ items: [], nextCursor: null });
  });

  it('serves the held items, stats and reset under /_sandbox and 404 JSON elsewhere', async () => {
    const { url, putItems, stats } = await startSandbox();
    await putItems([procedure(2), procedure(1)]);
    const held = (await (await fetch(`${url}/_sandbox/procedures/${PROVINCE}`)).json()) as {
      items: ProcedurePayload[];
    };
    expect(held.items.map((p) => p.nationalCode)).toEqual(['1.000001', '1.000002']);

    const unknown = await fetch(`${url}/api/v2/everything`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/json');
    expect(await unknown.json()).toEqual({ error: 'no route GET /api/v2/everything' });
    expect((await fetch(`${url}/api/v1/provinces/${PROVINCE}/procedures`, { method: 'DELETE' })).status).toBe(
      405,
    );

    expect((await fetch(`${url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect(await stats()).toEqual({
      requests: 0,
      accepted: 0,
      rejected: 0,
      unchanged: 0,
      replayed: 0,
      stale: 0,
      stored: 0,
    });
  });
});

describe('portal sandbox: faults', () => {
  it('answers 429 with Retry-After, or 503, and applies nothing', async () => {
    const throttled = await startSandbox({ failRate: 1, faults: ['throttle'], random: () => 0.75 });
    const res = await fetch(`${throttled.url}/oauth/token`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');

    const unavailable = await startSandbox({ failRate: 1, faults: ['unavailable'] });
    expect((await fetch(`${unavailable.url}/oauth/token`, { method: 'POST', body: '{}' })).status).toBe(503);
    // the test endpoints are never faulted; faulted requests still count
    expect(await unavailable.stats()).toMatchObject({ requests: 1, accepted: 0 });
  });

  it('faults a request before applying it: a reset PUT changes nothing', async () => {
    let faulty = false;
    // failRate 0.5: a draw of 0.9 passes, 0.1 faults
    const { put, token, stats } = await startSandbox({
      failRate: 0.5,
      faults: ['reset'],
      random: () => (faulty ? 0.1 : 0.9),
    });
    const bearer = await token();
    faulty = true;
    await expect(put({ items: [procedure(1)] }, { bearer })).rejects.toThrow();
    faulty = false;
    expect(await stats()).toMatchObject({ accepted: 0, stored: 0 });
  });

  it('holds a timed-out request until the client gives up, and close() ends it at once', async () => {
    // resolves once the sandbox has taken in a request and held it
    let held = () => {};
    const log = createLogger('info', {}, (line) => {
      if (line.includes('sandbox fault injected')) held();
    });
    const { url, sandbox } = await startSandbox({ failRate: 1, faults: ['timeout'], log });
    const started = Date.now();
    await expect(
      fetch(`${url}/oauth/token`, { method: 'POST', body: '{}', signal: AbortSignal.timeout(150) }),
    ).rejects.toThrow(/timeout|aborted/i);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    const holding = new Promise<void>((resolve) => (held = resolve));
    const pending = fetch(`${url}/oauth/token`, { method: 'POST', body: '{}' });
    await holding;
    const closing = Date.now();
    await sandbox.close();
    await expect(pending).rejects.toThrow();
    expect(Date.now() - closing).toBeLessThan(1000);
  });

  it('with lostResponseRate applies the PUT, drops the answer, then replays it for the same key', async () => {
    let loseNext = true;
    const { put, token, stats } = await startSandbox({
      lostResponseRate: 0.5,
      random: () => (loseNext ? 0.1 : 0.9),
    });
    const bearer = await token();
    const body = { items: [procedure(1), procedure(2)] };
    await expect(put(body, { key: 'batch-lost', bearer })).rejects.toThrow();
    expect(await stats()).toMatchObject({ accepted: 2, stored: 2, replayed: 0 });
    loseNext = false;
    const retry = await put(body, { key: 'batch-lost', bearer });
    expect(retry.status).toBe(200);
    expect(JSON.parse(retry.text)).toEqual({
      results: [
        { nationalCode: '1.000001', status: 'ACCEPTED' },
        { nationalCode: '1.000002', status: 'ACCEPTED' },
      ],
    });
    expect(await stats()).toMatchObject({ accepted: 2, unchanged: 0, stored: 2, replayed: 1 });
  });

  it('delays responses by latencyMs', async () => {
    const { url } = await startSandbox({ latencyMs: 120 });
    const started = Date.now();
    await fetch(`${url}/oauth/token`, { method: 'POST', body: '{}' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
  });
});

describe('portal sandbox: persistence', () => {
  it('keeps procedures, revisions and the idempotency cache across a restart with a data file', async () => {
    const dataFile = path.join(await tempDir(), 'nested', 'portal.json');
    const before = await startSandbox({ dataFile });
    const body = {
      items: [procedure(1, { revision: 2 }), procedure(2, { status: 'ABOLISHED' }), procedure(3)],
    };
    const firstAnswer = await before.put(body, { key: 'batch-1' });
    await before.sandbox.close();
    expect(await readdir(path.dirname(dataFile))).toEqual(['portal.json']); // no temporary file left behind

    const after = await startSandbox({ dataFile });
    expect(after.sandbox.stats()).toMatchObject({ accepted: 3, stored: 2 });
    expect((await after.list()).body.items).toEqual([body.items[0], body.items[2]]);
    expect((await after.put(body, { key: 'batch-1' })).text).toBe(firstAnswer.text);
    expect(await after.putItems([procedure(1)])).toEqual([
      { nationalCode: '1.000001', status: 'REJECTED', reason: 'STALE' },
    ]);
    expect(await after.stats()).toMatchObject({ accepted: 3, replayed: 1, stale: 1, stored: 2 });
  });

  it('refuses to start on a data file it cannot read', async () => {
    const dataFile = path.join(await tempDir(), 'portal.json');
    await writeFile(dataFile, '{"version": 2}');
    await expect(createPortalSandbox({ dataFile }).listen(0)).rejects.toThrow(
      /Invalid sandbox data file .*version/,
    );
    expect(JSON.parse(await readFile(dataFile, 'utf8'))).toEqual({ version: 2 }); // left untouched
  });
});

describe('portal-sandbox CLI', () => {
  const capture = () => {
    const out = { stdout: '', stderr: '' };
    const line = (s: string) => (s.endsWith('\n') ? s : s + '\n');
    const io: CliIO = {
      stdout: (s) => (out.stdout += line(s)),
      stderr: (s) => (out.stderr += line(s)),
      env: {},
    };
    return { out, io };
  };

  it('rejects a bad flag with one error line and the usage', async () => {
    for (const [argv, message] of [
      [['--fail-rate', '2'], 'error: --fail-rate must be a number between 0 and 1, got "2"'],
      [['--port', 'http'], 'error: --port must be an integer between 0 and 65535, got "http"'],
      [['--colour'], "error: Unknown option '--colour'"],
      [['--latency-ms', '-3'], "error: Option '--latency-ms' argument is ambiguous"],
    ] as const) {
      const { out, io } = capture();
      expect(await main(['portal-sandbox', ...argv], io)).toBe(1);
      expect(out.stderr.split('\n')[0]).toBe(message);
      expect(out.stderr).toContain('Usage: lienthong portal-sandbox');
      expect(out.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('prints the URL, serves until stopped and returns 0', async () => {
    const { out, io } = capture();
    const stop = new AbortController();
    const exit = main(['portal-sandbox', '--port', '0', '--client-id', 'hub', '--latency-ms', '0'], {
      ...io,
      signal: stop.signal,
    });
    await expect.poll(() => out.stdout).toMatch(/^portal sandbox listening on http:\/\/127\.0\.0\.1:\d+\n$/);
    const url = out.stdout.trim().split(' ').at(-1)!;
    const res = await fetch(`${url}/oauth/token`, {
      method: 'POST',
      body: JSON.stringify({ grant_type: 'client_credentials', client_id: 'hub', client_secret: 'sandbox' }),
    });
    expect(res.status).toBe(200);
    stop.abort();
    expect(await exit).toBe(0);
  });
});
