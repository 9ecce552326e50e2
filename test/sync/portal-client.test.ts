import { afterEach, describe, expect, it } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox, PortalSandboxOptions } from '../../src/portal-sandbox/sandbox.ts';
import { canonicalJson, contentHashOf } from '../../src/sync/payload-schema.ts';
import type { ProcedurePayload, PutResult } from '../../src/sync/payload-schema.ts';
import { DEFAULT_PORTAL_URL } from '../../src/config.ts';
import { ErrorCode, PortalError } from '../../src/errors.ts';
import { createPortalClient, parseRetryAfter } from '../../src/sync/portal-client.ts';
import { createPortalPolicy } from '../../src/sync/portal-policy.ts';
import type { PortalClientOptions } from '../../src/sync/portal-client.ts';

const PROVINCE = '40';

/** A valid payload for procedure number n, with a correct contentHash after the overrides. */
function procedure(n: number, overrides: Partial<ProcedurePayload> = {}): ProcedurePayload {
  const content = {
    nationalCode: `1.${String(n).padStart(6, '0')}`,
    name: `Chứng thực bản sao từ bản chính ${n}`,
    field: 'Chứng thực',
    level: 'DISTRICT' as const,
    onlineService: 'PARTIAL' as const,
    processingTimes: [
      { channel: 'DIRECT' as const, case: '', value: 1, unit: 'WORKING_DAY' as const },
      { channel: 'ONLINE' as const, case: '', value: 4, unit: 'HOUR' as const },
    ],
    fees: [{ channel: 'DIRECT' as const, case: '', amountVnd: 2000, note: 'mỗi trang' }],
    requirements: [{ case: '', position: 1, name: 'Bản chính giấy tờ', form: null, originals: 1, copies: 1 }],
    legalBasis: [
      { numberSymbol: '23/2015/NĐ-CP', issuedOn: '2015-02-16', summary: 'Về cấp bản sao, chứng thực' },
    ],
    implementingAgencies: ['000.00.12.H41', '000.00.13.H41'],
    status: 'ACTIVE' as const,
    revision: 1,
    ...overrides,
  };
  return { ...content, contentHash: contentHashOf(content) };
}

const running: PortalSandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

/** `PUT /api/v1/provinces/40/procedures 200`, one line per request the client made. */
type Exchange = string;

/** The real fetch, recording each exchange; `tamper` may rewrite a request on its way out. */
function recordingFetch(
  log: Exchange[],
  tamper?: (url: string, init: RequestInit) => RequestInit,
): typeof fetch {
  return async (input, init = {}) => {
    const url = input instanceof Request ? input.url : String(input);
    const sent = tamper ? tamper(url, init) : init;
    const res = await fetch(url, sent);
    log.push(`${sent.method ?? 'GET'} ${new URL(url).pathname} ${res.status}`);
    return res;
  };
}

async function setup(sandboxOpts: PortalSandboxOptions = {}, clientOpts: Partial<PortalClientOptions> = {}) {
  const sandbox = createPortalSandbox(sandboxOpts);
  running.push(sandbox);
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const exchanges: Exchange[] = [];
  const client = createPortalClient({
    baseUrl: `${url}/`,
    clientId: 'sandbox',
    clientSecret: 'sandbox',
    timeoutMs: 2000,
    fetch: recordingFetch(exchanges),
    ...clientOpts,
  });
  return { sandbox, url, client, exchanges };
}

async function portalError(promise: Promise<unknown>): Promise<PortalError> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PortalError);
  return err as PortalError;
}

const accepted = (items: ProcedurePayload[]): PutResult[] =>
  items.map((p) => ({ nationalCode: p.nationalCode, status: 'ACCEPTED' }));

/** failRate 0.9 with a settable draw: 0.99 answers normally, below 0.9 faults (≥ 0.5 picks Retry-After: 1). */
function settableRandom() {
  const control = { draw: 0.99 };
  return { control, random: () => control.draw, failRate: 0.9 };
}

describe('portal client: token', () => {
  it('fetches one token and reuses it across calls', async () => {
    const { client, exchanges } = await setup();
    await client.putProcedures(PROVINCE, [procedure(1)], 'k1');
    await client.listProcedures(PROVINCE);
    await client.putProcedures(PROVINCE, [procedure(2)], 'k2');
    expect(exchanges.filter((e) => e.startsWith('POST /oauth/token'))).toEqual(['POST /oauth/token 200']);
  });

  it('refreshes an expired token after a 401 and retries the call once', async () => {
    let portalClock = Date.parse('2025-07-01T00:00:00Z');
    const { client, exchanges, sandbox } = await setup({ now: () => portalClock });
    await client.putProcedures(PROVINCE, [procedure(1)], 'k1');
    portalClock += 2 * 3600_000; // the portal expired the token; the client's clock still trusts it
    expect(await client.putProcedures(PROVINCE, [procedure(2)], 'k2')).toEqual(accepted([procedure(2)]));
    expect(exchanges).toEqual([
      'POST /oauth/token 200',
      'PUT /api/v1/provinces/40/procedures 200',
      'PUT /api/v1/provinces/40/procedures 401',
      'POST /oauth/token 200',
      'PUT /api/v1/provinces/40/procedures 200',
    ]);
    expect(sandbox.stats()).toMatchObject({ accepted: 2, stored: 2 });
  });

  it('renews the token shortly before it expires, without waiting for a 401', async () => {
    let clock = Date.parse('2025-07-01T00:00:00Z');
    const { client, exchanges } = await setup(
      { tokenTtlSeconds: 60, now: () => clock },
      { now: () => clock },
    );
    await client.listProcedures(PROVINCE);
    clock += 55_000;
    await client.listProcedures(PROVINCE);
    expect(exchanges.filter((e) => e.includes('oauth'))).toHaveLength(2);
    expect(exchanges.some((e) => e.endsWith(' 401'))).toBe(false);
  });

  it('retries a 401 only once', async () => {
    const exchanges: Exchange[] = [];
    const stripAuthorization = (_url: string, init: RequestInit): RequestInit => {
      const headers = new Headers(init.headers);
      headers.delete('authorization');
      return { ...init, headers };
    };
    const { client } = await setup({}, { fetch: recordingFetch(exchanges, stripAuthorization) });
    const err = await portalError(client.listProcedures(PROVINCE));
    expect(err).toMatchObject({ kind: 'permanent', status: 401 });
    expect(exchanges.filter((e) => e.startsWith('GET'))).toHaveLength(2);
  });

  it('reports refused credentials as a permanent error carrying the portal message', async () => {
    const { client } = await setup({ clientSecret: 'right' }, { clientSecret: 'wrong' });
    const err = await portalError(client.listProcedures(PROVINCE));
    expect(err).toMatchObject({ kind: 'permanent', status: 401 });
    expect(err.message).toBe('portal token: portal answered 401: invalid_client');
  });
});

describe('portal client: procedures', () => {
  it('pushes procedures and lists them back exactly', async () => {
    const { client } = await setup();
    const items = [procedure(2), procedure(1, { status: 'ACTIVE', revision: 4 }), procedure(3)];
    expect(await client.putProcedures(PROVINCE, items, 'batch-1')).toEqual(accepted(items));
    expect(await client.listProcedures(PROVINCE)).toEqual([items[1], items[0], items[2]]);
    expect(await client.listProcedures('17')).toEqual([]);
  });

  it('follows listing cursors past the 500-item page', async () => {
    const { client, exchanges } = await setup();
    const items = Array.from({ length: 1050 }, (_, i) => procedure(i + 1));
    for (let start = 0; start < items.length; start += 100) {
      await client.putProcedures(PROVINCE, items.slice(start, start + 100), `batch-${start}`);
    }
    expect(await client.listProcedures(PROVINCE)).toEqual(items);
    expect(exchanges.filter((e) => e.startsWith('GET'))).toHaveLength(3);
  });

  it('retries the listing page that failed, not the pages before it', async () => {
    // every request draws once; only the draw numbered faultAt fails (503)
    let draws = 0;
    let faultAt = -1;
    const random = () => (draws++ === faultAt ? 0 : 0.99);
    const { client, exchanges } = await setup({ failRate: 0.5, faults: ['unavailable'], random });
    const items = Array.from({ length: 1050 }, (_, i) => procedure(i + 1));
    for (let start = 0; start < items.length; start += 100) {
      await client.putProcedures(PROVINCE, items.slice(start, start + 100), `batch-${start}`);
    }
    faultAt = draws + 1; // the second page
    const policy = createPortalPolicy({ initialDelayMs: 1, maxDelayMs: 1 });
    expect(await client.listProcedures(PROVINCE, (page) => policy.execute(page))).toEqual(items);
    expect(exchanges.filter((e) => e.startsWith('GET'))).toEqual([
      'GET /api/v1/provinces/40/procedures 200',
      'GET /api/v1/provinces/40/procedures 503',
      'GET /api/v1/provinces/40/procedures 200',
      'GET /api/v1/provinces/40/procedures 200',
    ]);
  });

  it('refuses more than 100 items before sending anything', async () => {
    const { client, exchanges } = await setup();
    const items = Array.from({ length: 101 }, (_, i) => procedure(i + 1));
    const err = await portalError(client.putProcedures(PROVINCE, items, 'too-big'));
    expect(err).toMatchObject({ kind: 'permanent', status: undefined });
    expect(exchanges).toEqual([]);
  });

  it("classifies the portal's 400 as permanent with the portal's message", async () => {
    const exchanges: Exchange[] = [];
    // a batch that grows to 101 items in transit, as a buggy proxy might do
    const inflate = (_url: string, init: RequestInit): RequestInit => {
      if (init.method !== 'PUT') return init;
      const { items } = JSON.parse(String(init.body)) as { items: ProcedurePayload[] };
      return { ...init, body: JSON.stringify({ items: Array.from({ length: 101 }, () => items[0]) }) };
    };
    const { client, sandbox } = await setup({}, { fetch: recordingFetch(exchanges, inflate) });
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'inflated'));
    expect(err).toMatchObject({ kind: 'permanent', status: 400 });
    expect(err.message).toBe(
      'PUT procedures of province 40: portal answered 400: at most 100 items per request, got 101',
    );
    expect(sandbox.stats()).toMatchObject({ accepted: 0 });
  });

  it('treats a response that breaks the contract as permanent', async () => {
    const garbled: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (init?.method !== 'PUT') return res;
      return new Response(JSON.stringify({ results: [{ nationalCode: '1.000001', status: 'MAYBE' }] }), {
        status: 200,
      });
    };
    const { client } = await setup({}, { fetch: garbled });
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(err.kind).toBe('permanent');
    expect(err.message).toMatch(/unexpected response body: .* at results\.0\.status/);
  });
});

describe('portal client: fault classification', () => {
  it('classifies 429 as transient with the Retry-After delay', async () => {
    const { control, random, failRate } = settableRandom();
    const { client } = await setup({ failRate, random, faults: ['throttle'] });
    await client.listProcedures(PROVINCE); // token first, while the portal behaves
    control.draw = 0.6;
    const oneSecond = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(oneSecond).toMatchObject({ kind: 'transient', status: 429, retryAfterMs: 1000 });
    control.draw = 0.2;
    const immediately = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(immediately).toMatchObject({ kind: 'transient', status: 429, retryAfterMs: 0 });
  });

  it('classifies 503 as transient', async () => {
    const { control, random, failRate } = settableRandom();
    const { client, sandbox } = await setup({ failRate, random, faults: ['unavailable'] });
    await client.listProcedures(PROVINCE);
    control.draw = 0.1;
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(err).toMatchObject({ kind: 'transient', status: 503, retryAfterMs: undefined });
    expect(sandbox.stats()).toMatchObject({ accepted: 0, stored: 0 });
  });

  it('classifies a connection reset as transient', async () => {
    const { control, random, failRate } = settableRandom();
    const { client } = await setup({ failRate, random, faults: ['reset'] });
    await client.listProcedures(PROVINCE);
    control.draw = 0.1;
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(err).toMatchObject({ kind: 'transient', status: undefined });
  });

  it('classifies a timeout as transient', async () => {
    const { control, random, failRate } = settableRandom();
    const { client } = await setup({ failRate, random, faults: ['timeout'] }, { timeoutMs: 150 });
    await client.listProcedures(PROVINCE);
    control.draw = 0.1;
    const started = Date.now();
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(err).toMatchObject({ kind: 'transient', status: undefined });
    expect(err.message).toBe('PUT procedures of province 40: no answer within 150 ms');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('classifies a refused connection as transient, naming the URL it tried', async () => {
    const { sandbox, url } = await setup();
    await sandbox.close(); // nothing listens on that port any more
    const client = createPortalClient({
      baseUrl: url,
      clientId: 'sandbox',
      clientSecret: 'sandbox',
      timeoutMs: 1000,
    });
    const err = await portalError(client.listProcedures(PROVINCE));
    expect(err).toMatchObject({ kind: 'transient', code: ErrorCode.PORTAL_UNREACHABLE });
    expect(err.message).toBe(`portal token: cannot reach the portal at ${url} (ECONNREFUSED)`);
  });

  it('suggests starting the sandbox when the default URL cannot be reached', async () => {
    const { sandbox, url } = await setup();
    await sandbox.close();
    // the default URL as configured, its requests sent to a port where nothing listens
    const client = createPortalClient({
      baseUrl: DEFAULT_PORTAL_URL,
      clientId: 'sandbox',
      clientSecret: 'sandbox',
      timeoutMs: 1000,
      fetch: (input, init) => fetch(String(input).replace(DEFAULT_PORTAL_URL, url), init),
    });
    const err = await portalError(client.putProcedures(PROVINCE, [procedure(1)], 'k'));
    expect(err.message).toBe(
      `portal token: cannot reach the portal at ${DEFAULT_PORTAL_URL} (ECONNREFUSED); ` +
        'start the local sandbox with `lienthong portal-sandbox`',
    );
  });

  it('gets the applied answer back when a lost response is retried with the same key', async () => {
    const { control, random } = settableRandom();
    const { client, sandbox } = await setup({ lostResponseRate: 0.9, random });
    await client.listProcedures(PROVINCE);
    const items = [procedure(1), procedure(2)];
    control.draw = 0.1;
    const lost = await portalError(client.putProcedures(PROVINCE, items, 'batch-1'));
    expect(lost.kind).toBe('transient');
    expect(sandbox.stats()).toMatchObject({ accepted: 2, stored: 2, replayed: 0 });
    control.draw = 0.99;
    expect(await client.putProcedures(PROVINCE, items, 'batch-1')).toEqual(accepted(items));
    expect(sandbox.stats()).toMatchObject({ accepted: 2, unchanged: 0, stored: 2, replayed: 1 });
  });

  it('loses and double-applies nothing when the portal policy retries every transient failure', async () => {
    const { client, sandbox } = await setup(
      { failRate: 0.3, lostResponseRate: 0.3, faults: ['throttle', 'unavailable', 'reset'], seed: 42 },
      { timeoutMs: 1000 },
    );
    // no waiting between attempts: the policy's delays are not what this test is about
    const policy = createPortalPolicy({ initialDelayMs: 1, maxDelayMs: 1, maxRetryAfterMs: 0 });
    const items = Array.from({ length: 300 }, (_, i) => procedure(i + 1));
    for (let start = 0; start < items.length; start += 100) {
      const batch = items.slice(start, start + 100);
      expect(await policy.execute(() => client.putProcedures(PROVINCE, batch, `run-1-${start}`))).toEqual(
        accepted(batch),
      );
    }
    const stats = sandbox.stats();
    expect(stats).toMatchObject({ accepted: 300, unchanged: 0, rejected: 0, stored: 300 });
    expect(stats.replayed).toBeGreaterThan(0); // the seed does lose responses
    expect(await client.listProcedures(PROVINCE, (page) => policy.execute(page))).toEqual(items);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2025-07-01T00:00:00Z');
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(' 2 ', now)).toBe(2000);
    expect(parseRetryAfter('Tue, 01 Jul 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Mon, 30 Jun 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe('payload content hash', () => {
  it('writes canonical JSON: sorted keys at every depth, arrays in order, no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 'đ', c: null }, 2], e: undefined, f: { z: true, y: [] } })).toBe(
      '{"a":[{"c":null,"d":"đ"},2],"b":1,"f":{"y":[],"z":true}}',
    );
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(TypeError);
  });

  it('is stable under key order and ignores revision and the hash itself', () => {
    const original = procedure(1);
    const reverseKeys = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverseKeys)
        : typeof value === 'object' && value !== null
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverseKeys(v)]),
            )
          : value;
    expect(contentHashOf(reverseKeys(original) as ProcedurePayload)).toBe(original.contentHash);
    expect(contentHashOf({ ...original, revision: 7, contentHash: '0'.repeat(64) })).toBe(
      original.contentHash,
    );
    expect(original.contentHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any field of the content changes', () => {
    const base = procedure(1);
    const [time, online] = base.processingTimes as [
      ProcedurePayload['processingTimes'][number],
      ProcedurePayload['processingTimes'][number],
    ];
    const fee = base.fees[0]!;
    const requirement = base.requirements[0]!;
    const law = base.legalBasis[0]!;
    const variants: Partial<ProcedurePayload>[] = [
      { nationalCode: '1.000002' },
      { name: base.name + '.' },
      { field: 'Hộ tịch' },
      { level: 'PROVINCE' },
      { onlineService: 'FULL' },
      { processingTimes: [{ ...time, value: 2 }, online] },
      { processingTimes: [{ ...time, unit: 'DAY' }, online] },
      { processingTimes: [{ ...time, case: 'Trường hợp khác' }, online] },
      { processingTimes: [online, time] },
      { fees: [{ ...fee, amountVnd: 2001 }] },
      { fees: [{ ...fee, note: null }] },
      { fees: [{ ...fee, channel: 'ONLINE' }] },
      { requirements: [{ ...requirement, copies: 2 }] },
      { requirements: [{ ...requirement, form: 'Mẫu 01' }] },
      { requirements: [] },
      { legalBasis: [{ ...law, issuedOn: '2015-02-17' }] },
      { legalBasis: [{ ...law, summary: '' }] },
      { implementingAgencies: ['000.00.12.H41'] },
      { status: 'ABOLISHED' },
    ];
    const hashes = variants.map((v) => procedure(1, v).contentHash);
    expect(hashes).not.toContain(base.contentHash);
    expect(new Set(hashes).size).toBe(variants.length);
  });
});
