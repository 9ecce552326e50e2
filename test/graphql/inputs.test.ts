import { createHmac, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { inject } from 'vitest';
import { createApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { openRuntime } from '../../src/runtime.ts';
import { startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';

/** Hostile inputs: tampered cursors, NUL bytes, dates out of range, and what error messages may show. */

const SECRET = randomBytes(32).toString('hex');

/** The hub's cursor format, rebuilt here from its definition: body "." HMAC-SHA256(key, body). */
const keyOf = (secret: string) => createHmac('sha256', secret).update('lienthong cursor v1').digest();
const signWith = (secret: string, body: unknown) => {
  const text = Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
  return `${text}.${createHmac('sha256', keyOf(secret)).update(text).digest('base64url')}`;
};
const sign = (body: unknown) => signWith(SECRET, body);

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    provinces: ['40', '17'],
    env: { CURSOR_SECRET: SECRET },
    scopes: ['read', 'sync:read'],
  });
});
afterAll(() => hub?.close());

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  message: RegExp = /./,
): Promise<GraphQLResponse> {
  const res = await hub.gql(query, variables, { debugSql: true });
  expect(res.errors, JSON.stringify(res)).toBeDefined();
  expect(res.errors!.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  expect(res.errors![0]!.message).toMatch(message);
  // refused before any SQL was sent
  expect(res.extensions?.sqlStatements?.total ?? 0).toBe(0);
  return res;
}

const DOSSIERS_AFTER = `query($c: String) { dossiers(first: 2, after: $c) { nodes { id } } }`;
const DOSSIERS_BEFORE = `query($c: String) { dossiers(last: 2, before: $c) { nodes { id } } }`;

async function realCursor(): Promise<string> {
  const res = await hub.gql<{ dossiers: { pageInfo: { endCursor: string } } }>(
    `{ dossiers(first: 3) { pageInfo { endCursor } } }`,
  );
  return res.data!.dossiers.pageInfo.endCursor;
}

describe('cursors are authenticated and validated before any SQL', () => {
  it('a cursor the hub issued pages forward and backward', async () => {
    const first = await hub.gql<{
      dossiers: { nodes: { id: string }[]; pageInfo: { endCursor: string } };
    }>(`{ dossiers(first: 4) { nodes { id } pageInfo { endCursor } } }`);
    const cursor = first.data!.dossiers.pageInfo.endCursor;
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const next = await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(DOSSIERS_AFTER, { c: cursor });
    expect(next.errors).toBeUndefined();
    expect(next.data!.dossiers.nodes).toHaveLength(2);
    const back = await hub.gql<{ dossiers: { nodes: { id: string }[] } }>(DOSSIERS_BEFORE, { c: cursor });
    expect(back.data!.dossiers.nodes.map((n) => n.id)).toEqual(
      first.data!.dossiers.nodes.slice(1, 3).map((n) => n.id),
    );
  });

  it('a cursor with a changed MAC, or a changed body under the old MAC, is refused', async () => {
    const cursor = await realCursor();
    const [body, mac] = cursor.split('.') as [string, string];
    const flipped = `${body}.${mac[0] === 'A' ? 'B' : 'A'}${mac.slice(1)}`;
    await expectRefused(
      DOSSIERS_AFTER,
      { c: flipped },
      /"after" is not a valid cursor \(not issued by this hub/,
    );
    const decoded = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const altered = Buffer.from(JSON.stringify({ ...decoded, i: 1 })).toString('base64url');
    await expectRefused(DOSSIERS_AFTER, { c: `${altered}.${mac}` }, /not issued by this hub, or altered/);
    await expectRefused(DOSSIERS_BEFORE, { c: flipped }, /"before" is not a valid cursor/);
  });

  it('a cursor signed with another installation’s secret is refused', async () => {
    const cursor = await realCursor();
    const body = JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString()) as unknown;
    await expectRefused(
      DOSSIERS_AFTER,
      { c: signWith(randomBytes(32).toString('hex'), body) },
      /not issued by this hub/,
    );
  });

  it.each([
    ['truncated', (c: string) => c.slice(0, -5)],
    ['truncated body', (c: string) => c.slice(3)],
    ['without its MAC', (c: string) => c.split('.')[0]!],
    ['with characters outside base64url', (c: string) => c.replace(/^./, '+')],
    ['empty', () => ''],
    ['very long', (c: string) => 'A'.repeat(5000) + c],
  ])('a cursor %s is refused', async (_what, mangle) => {
    await expectRefused(DOSSIERS_AFTER, { c: mangle(await realCursor()) }, /"after" is not a valid cursor/);
  });

  const T = '2025-03-01T08:00:00.000000Z';
  it.each([
    // well signed, but not a position in the dossier.receivedAt (time) order
    ['a word as time', { k: 'dossier.receivedAt', v: 'not-a-date', p: '40', i: 1 }],
    [
      '"timeout" as time (once opened every breaker)',
      { k: 'dossier.receivedAt', v: 'timeout', p: '40', i: 1 },
    ],
    ['a number as time', { k: 'dossier.receivedAt', v: 1e308, p: '40', i: 1 }],
    ['year 0', { k: 'dossier.receivedAt', v: '0000-01-01T00:00:00.000000Z', p: '40', i: 1 }],
    ['February 30', { k: 'dossier.receivedAt', v: '2025-02-30T00:00:00.000000Z', p: '40', i: 1 }],
    ['hour 24', { k: 'dossier.receivedAt', v: '2025-02-01T24:00:00.000000Z', p: '40', i: 1 }],
    ['id 2^63', { k: 'dossier.receivedAt', v: T, p: '40', i: 9223372036854775808 }],
    ['id 1e308', { k: 'dossier.receivedAt', v: T, p: '40', i: 1e308 }],
    ['a negative id', { k: 'dossier.receivedAt', v: T, p: '40', i: -1 }],
    ['a fractional id', { k: 'dossier.receivedAt', v: T, p: '40', i: 1.5 }],
    ['an id as text', { k: 'dossier.receivedAt', v: T, p: '40', i: '1' }],
    ['a province that is no code', { k: 'dossier.receivedAt', v: T, p: "40' or 1=1", i: 1 }],
    ['no province', { k: 'dossier.receivedAt', v: T, i: 1 }],
    ['null value', { k: 'dossier.receivedAt', v: null, p: '40', i: 1 }],
    ['an object value', { k: 'dossier.receivedAt', v: { $gt: 1 }, p: '40', i: 1 }],
    ['a JSON array', [1, 2, 3]],
    ['JSON null', null],
  ])('a signed cursor with %s is refused', async (_what, body) => {
    await expectRefused(DOSSIERS_AFTER, { c: sign(body) }, /"after" is not a valid cursor$/);
  });

  it('a signed cursor of another ordering is refused', async () => {
    await expectRefused(
      DOSSIERS_AFTER,
      { c: sign({ k: 'unit.name', v: 'UBND', p: '40', i: 1 }) },
      /a cursor for another ordering \(unit.name, not dossier.receivedAt\)/,
    );
  });

  it.each([
    [
      'text order: a number',
      `query($c: String) { units(first: 2, after: $c) { nodes { id } } }`,
      { k: 'unit.name', v: 42, p: '40', i: 1 },
    ],
    [
      'text order: a NUL byte',
      `query($c: String) { units(first: 2, after: $c) { nodes { id } } }`,
      { k: 'unit.name', v: 'a\u0000b', p: '40', i: 1 },
    ],
    [
      'date order: a time',
      `query($c: String) { documents(first: 2, after: $c) { nodes { id } } }`,
      { k: 'document.issuedOn', v: '2025-01-01T00:00:00Z', p: '40', i: 1 },
    ],
    [
      'date order: year 0',
      `query($c: String) { documents(first: 2, after: $c) { nodes { id } } }`,
      { k: 'document.issuedOn', v: '0000-01-01', p: '40', i: 1 },
    ],
    [
      'number order: 1e308',
      `query($c: String) { syncRuns(first: 2, after: $c) { nodes { id } } }`,
      { k: 'syncRun.id', v: 1e308, p: 'hub', i: 1 },
    ],
    [
      'number order: 2^63',
      `query($c: String) { syncRuns(first: 2, after: $c) { nodes { id } } }`,
      { k: 'syncRun.id', v: 9223372036854775808, p: 'hub', i: 1 },
    ],
    [
      'number order: text',
      `query($c: String) { syncRuns(first: 2, after: $c) { nodes { id } } }`,
      { k: 'syncRun.id', v: '7', p: 'hub', i: 7 },
    ],
  ])('values must fit the sort key’s type (%s)', async (_what, query, body) => {
    await expectRefused(query, { c: sign(body) }, /not a valid cursor$/);
  });

  it('valid signed positions of every kind are accepted', async () => {
    const ok = async (query: string, body: unknown) => {
      const res = await hub.gql(query, { c: sign(body) });
      expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    };
    await ok(DOSSIERS_AFTER, { k: 'dossier.receivedAt', v: 'infinity', p: '17', i: 1 });
    await ok(DOSSIERS_AFTER, { k: 'dossier.receivedAt', v: '2024-02-29T23:59:59.999999Z', p: '40', i: 1 });
    await ok(`query($c: String) { units(first: 2, after: $c) { nodes { id } } }`, {
      k: 'unit.name',
      v: 'Sở Tư pháp',
      p: '40',
      i: 3,
    });
    await ok(`query($c: String) { documents(first: 2, after: $c) { nodes { id } } }`, {
      k: 'document.issuedOn',
      v: '2020-06-30',
      p: '17',
      i: 2,
    });
  });
});

describe('the cursor secret', () => {
  it('CURSOR_SECRET must be long enough, and is never echoed', () => {
    const short = 'tooshort-but-secret';
    expect(() => loadConfig({ CURSOR_SECRET: short })).toThrow(
      /^Invalid CURSOR_SECRET: expected a secret of at least 32 characters$/,
    );
    expect(loadConfig({ CURSOR_SECRET: SECRET }).cursorSecret).toBe(SECRET);
  });

  it('is generated once per hub database and shared by every hub instance on it', async () => {
    const a = await startTestHub({ provinces: ['40'] });
    try {
      const page = await a.gql<{ dossiers: { pageInfo: { endCursor: string } } }>(
        `{ dossiers(first: 2) { pageInfo { endCursor } } }`,
      );
      const cursor = page.data!.dossiers.pageInfo.endCursor;
      const { rows } = await a.rt.hub.raw<{ rows: { value: string }[] }>(
        `SELECT value FROM hub_settings WHERE name = 'cursor_secret'`,
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]!.value.length).toBeGreaterThanOrEqual(43);

      // a second instance on the same hub database accepts the first one's cursors
      const second = await createApp(await openRuntime(a.rt.config, createLogger('silent')));
      try {
        const port = await second.listen(0, '127.0.0.1');
        const res = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: DOSSIERS_AFTER, variables: { c: cursor } }),
        });
        const body = (await res.json()) as GraphQLResponse<{ dossiers: { nodes: unknown[] } }>;
        expect(body.errors).toBeUndefined();
        expect(body.data!.dossiers.nodes).toHaveLength(2);
      } finally {
        await second.close(1000);
      }
      // another installation (its own secret) refuses them
      const other = await hub.gql(DOSSIERS_AFTER, { c: cursor });
      expect(other.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    } finally {
      await a.close();
    }
  });
});

describe('NUL bytes in any string argument are BAD_USER_INPUT', () => {
  const NUL = '\u0000';
  const UNIT_ID = Buffer.from('Unit:40:1').toString('base64url');
  it.each([
    [
      'search (variable)',
      `query($s: String) { units(filter: { search: $s }) { nodes { id } } }`,
      { s: `ho${NUL}` },
    ],
    ['search (literal)', `{ dossiers(filter: { search: "a\\u0000b" }) { nodes { id } } }`, {}],
    ['a code', `query($c: String) { unit(code: $c) { id } }`, { c: `000.00.00.H41${NUL}` }],
    ['a dossier code', `query($c: String) { dossier(code: $c) { id } }`, { c: `${NUL}` }],
    [
      'a national code and province',
      `query($p: String) { procedure(nationalCode: "1.001193", province: $p) { id } }`,
      { p: `40${NUL}` },
    ],
    [
      'a document number (literal)',
      `{ document(numberSymbol: "5849/UBND\\u0000", province: "40") { id } }`,
      {},
    ],
    ['an id', `query($id: ID!) { node(id: $id) { id } }`, { id: `${UNIT_ID}${NUL}` }],
    ['a list of ids', `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [UNIT_ID, `x${NUL}`] }],
    ['an id filter', `query($u: ID) { dossiers(filter: { unit: $u }) { nodes { id } } }`, { u: `${NUL}` }],
    [
      'a province list',
      `query($p: [String!]) { units(filter: { provinces: $p }) { nodes { id } } }`,
      { p: ['40', `1${NUL}7`] },
    ],
    [
      'a whole filter object',
      `query($f: ProcedureFilter) { procedures(filter: $f) { nodes { id } } }`,
      { f: { field: `Hộ tịch${NUL}` } },
    ],
    ['a document filter (literal)', `{ documents(filter: { issuer: "UBND\\u0000" }) { nodes { id } } }`, {}],
    ['a cursor', `query($c: String) { units(after: $c) { nodes { id } } }`, { c: `abc${NUL}` }],
    [
      'a sync-run filter',
      `query($p: [String!]) { syncRuns(filter: { provinces: $p }) { nodes { id } } }`,
      { p: [`40${NUL}`] },
    ],
  ])('%s', async (_what, query, variables) => {
    const res = await expectRefused(query, variables, /NUL character/);
    expect(res.status).toBe(400);
  });
});

describe('dates out of range are BAD_USER_INPUT', () => {
  const Q = `query($d: Date) { dossiers(filter: { receivedFrom: $d }) { totalCount } }`;
  it.each(['0000-01-01', '1899-12-31', '10000-01-01', '2025-02-30', '2023-02-29', '2025-13-01', '2025-1-1'])(
    'variable %s',
    async (d) => {
      await expectRefused(Q, { d }, /Date/);
    },
  );

  it.each([
    ['dossiers', 'receivedFrom', '0000-01-01'],
    ['dossiers', 'dueTo', '1899-12-31'],
    ['documents', 'issuedFrom', '2025-02-30'],
  ])('literal %s(filter: { %s: "%s" })', async (list, field, d) => {
    const res = await expectRefused(
      `{ ${list}(filter: { ${field}: "${d}" }) { totalCount } }`,
      {},
      /out of range|does not exist/,
    );
    expect(res.status).toBe(400);
  });

  it.each(['1900-01-01', '2024-02-29', '9999-12-31'])('%s is accepted', async (d) => {
    const res = await hub.gql<{ dossiers: { totalCount: number } }>(Q, { d });
    expect(res.errors).toBeUndefined();
    expect(typeof res.data!.dossiers.totalCount).toBe('number');
  });
});

describe('no client-visible message shows SQL, hosts, ports or stacks', () => {
  const pgPort = String(inject('pgPort'));
  const leaks = (text: string) =>
    [
      /\b(select|from|where)\b.*"/i.test(text) ? 'SQL' : '',
      text.includes('127.0.0.1') || text.includes('localhost') ? 'host' : '',
      text.includes(pgPort) ? 'port' : '',
      /postgres(ql)?:\/\//.test(text) ? 'connection string' : '',
      /\n\s+at |\.ts:\d+/.test(text) ? 'stack' : '',
      /relation|applicant_id_number|lt_fold/.test(text) ? 'schema' : '',
    ].filter(Boolean);

  let broken: TestHub;
  beforeAll(async () => {
    broken = await startTestHub({ provinces: ['17'], env: { LOG_LEVEL: 'error' } });
    const db = broken.rt.sources.byCode('17')!.db;
    // a source whose schema broke under the hub: one table gone, search raising an error whose text says "timeout"
    await db.raw('ALTER TABLE document_attachments RENAME TO document_attachments_gone');
    await db.raw(
      `CREATE OR REPLACE FUNCTION lt_fold(t text) RETURNS text LANGUAGE plpgsql IMMUTABLE AS $$ BEGIN RAISE EXCEPTION 'lock timeout on %', t; END $$`,
    );
  });
  afterAll(() => broken?.close());

  it('an unexpected error is INTERNAL_SERVER_ERROR without details, logged with the request id', async () => {
    const lines: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    let res: GraphQLResponse;
    let requestId: string | null;
    try {
      const http = await fetch(`${broken.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': 'probe-unexpected-1' },
        body: JSON.stringify({ query: `{ documents(first: 3) { nodes { attachments { name } } } }` }),
      });
      requestId = http.headers.get('x-request-id');
      res = { status: http.status, ...((await http.json()) as object) };
    } finally {
      spy.mockRestore();
    }
    expect(requestId).toBe('probe-unexpected-1');
    expect(res.errors!.map((e) => e.extensions!.code)).toContain('INTERNAL_SERVER_ERROR');
    expect(res.errors!.every((e) => e.message === 'Internal server error')).toBe(true);
    expect(leaks(JSON.stringify(res))).toEqual([]);
    const logged = lines
      .flatMap((l) => l.split('\n'))
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'unexpected error');
    expect(logged).toMatchObject({ level: 'error', requestId: 'probe-unexpected-1' });
    expect(String(logged!.error)).toMatch(/document_attachments/);
  });

  it('a source failure whose driver message holds SQL comes back without it', async () => {
    const res = await broken.gql(`{ procedures(first: 5, filter: { search: "ho tich" }) { nodes { id } } }`);
    expect(res.errors).toBeDefined();
    for (const e of res.errors!) {
      expect(['SOURCE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).toContain(e.extensions!.code);
      if (e.extensions!.code === 'SOURCE_UNAVAILABLE') expect(e.message).toBe('Source 17 is unavailable');
    }
    expect(leaks(JSON.stringify(res))).toEqual([]);
  });

  it('a BAD_USER_INPUT that would echo SQL or a connection string keeps its code, not the text', async () => {
    for (const id of ['select "d"."id" from dossiers where 1=1', 'postgres://postgres:pw@127.0.0.1:5432/x']) {
      const res = await broken.gql(`query($id: ID!) { node(id: $id) { id } }`, { id });
      expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
      expect(leaks(JSON.stringify(res))).toEqual([]);
    }
  });
});
