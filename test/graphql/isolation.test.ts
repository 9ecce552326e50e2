import net from 'node:net';
import { BulkheadRejectedError, TaskCancelledError } from 'cockatiel';
import { KnexTimeoutError } from 'knex';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { BadUserInputError } from '../../src/errors.ts';
import { classifySourceError, markConnectionFailure } from '../../src/sources/failures.ts';
import { adminUrl, startTestHub, type GraphQLResponse, type TestHub } from '../helpers/hub.ts';
import { startProxy } from '../helpers/tcp-proxy.ts';

/** A server error as the pg driver raises it: class DatabaseError, with its SQLSTATE in `code`. */
function dbError(code: string, message = 'some server text') {
  const e = new pg.DatabaseError(message, message.length, 'error');
  e.code = code;
  return e;
}
const sysError = (code: string) => Object.assign(new Error(`connect ${code} 10.1.2.3:5432`), { code });

describe('what an error from a source means is decided by its class, never by its text', () => {
  const marked = new Error('Connection terminated unexpectedly');
  markConnectionFailure(marked);
  it.each([
    ['connection refused', sysError('ECONNREFUSED'), 'down'],
    ['connection reset', sysError('ECONNRESET'), 'down'],
    ['connection timed out', sysError('ETIMEDOUT'), 'down'],
    ['unknown host', sysError('ENOTFOUND'), 'down'],
    ['cockatiel timeout', new TaskCancelledError('Operation timed out after 7000ms'), 'down'],
    ['no pooled connection in time', new KnexTimeoutError('Knex: Timeout acquiring a connection'), 'down'],
    ['statement timeout 57014', dbError('57014'), 'down'],
    ['terminated by administrator 57P01', dbError('57P01'), 'down'],
    ['server starting up 57P03', dbError('57P03'), 'down'],
    ['connection exception 08006', dbError('08006'), 'down'],
    ['too many connections 53300', dbError('53300'), 'down'],
    ['out of memory 53200', dbError('53200'), 'down'],
    ['not accepting connections 55000', dbError('55000'), 'down'],
    ['database missing 3D000', dbError('3D000'), 'down'],
    ['authentication failed 28P01', dbError('28P01'), 'down'],
    ['deadlock 40P01', dbError('40P01'), 'down'],
    ['a lost connection the driver reported', marked, 'down'],
    ['the concurrency limit', new BulkheadRejectedError(10, 10), 'busy'],
    [
      'bad timestamp whose text says "timeout" 22007',
      dbError('22007', 'invalid input: "timeout"'),
      'bad-input',
    ],
    ['numeric out of range 22003', dbError('22003'), 'bad-input'],
    ['invalid text representation 22P02', dbError('22P02'), 'bad-input'],
    ['indeterminate datatype 42P18', dbError('42P18'), 'bad-input'],
    ['statement too complex 54001', dbError('54001'), 'bad-input'],
    ['a BadUserInputError of a store', new BadUserInputError('Argument "x" is wrong'), 'bad-input'],
    ['missing table 42P01 (a source out of step)', dbError('42P01'), 'internal'],
    ['missing column 42703', dbError('42703'), 'internal'],
    ['unique violation 23505', dbError('23505'), 'internal'],
    ['a plain Error whose text says timeout', new Error('Connection terminated due to timeout'), 'internal'],
    ['a TypeError (a bug)', new TypeError('x is undefined'), 'internal'],
    ['something thrown that is not an Error', 'timeout', 'internal'],
  ])('%s → %s', (_name, err, kind) => {
    const c = classifySourceError(err);
    expect(c.kind).toBe(kind);
    // reasons are safe to show: no server text, addresses or ports
    expect(c.reason).not.toMatch(/some server text|10\.1\.2\.3|5432/);
  });
});

describe('configuration of the per-source concurrency limit', () => {
  it('defaults to the pool size running and ten times that waiting', () => {
    const c = loadConfig({ SOURCE_POOL_MAX: '6' }, { exists: () => false });
    expect(c).toMatchObject({ sourcePoolMax: 6, sourceMaxConcurrent: 6, sourceQueue: 60 });
    expect(loadConfig({}, { exists: () => false })).toMatchObject({
      sourceMaxConcurrent: 10,
      sourceQueue: 100,
    });
  });

  it('takes SOURCE_MAX_CONCURRENT and SOURCE_QUEUE, never more slots than connections', () => {
    const c = loadConfig({ SOURCE_MAX_CONCURRENT: '3', SOURCE_QUEUE: '0' }, { exists: () => false });
    expect(c).toMatchObject({ sourceMaxConcurrent: 3, sourceQueue: 0 });
    expect(() => loadConfig({ SOURCE_MAX_CONCURRENT: '11' }, { exists: () => false })).toThrow(
      new ConfigError('Invalid SOURCE_MAX_CONCURRENT="11": expected at most SOURCE_POOL_MAX (10)'),
    );
    expect(() => loadConfig({ SOURCE_QUEUE: '-1' }, { exists: () => false })).toThrow(/SOURCE_QUEUE/);
  });
});

const dbName = (url: string) => new URL(url).pathname.slice(1);

async function admin<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return (await c.query<T>(sql, values)).rows;
  } finally {
    await c.end();
  }
}

/** A province's database, reached directly (not through a test proxy). */
const directUrl = (hub: TestHub, province: string) =>
  hub.sources.find((s) => s.code === province)!.url.replace(/:(\d+)\//, `:${inject('pgPort')}/`);

/** Holds `LOCK TABLE … IN ACCESS EXCLUSIVE MODE` in a province's database over a connection of the test's own. */
async function lockTable(hub: TestHub, province: string, table: string) {
  const c = new pg.Client({ connectionString: directUrl(hub, province) });
  await c.connect();
  await c.query('BEGIN');
  await c.query(`LOCK TABLE ${c.escapeIdentifier(table)} IN ACCESS EXCLUSIVE MODE`);
  return async () => {
    await c.query('ROLLBACK');
    await c.end();
  };
}

/** Resolves once `n` statements of the hub wait for a lock in the province's database. */
async function waitersOnLock(hub: TestHub, province: string, n: number): Promise<void> {
  const db = dbName(hub.sources.find((s) => s.code === province)!.url);
  // PostgreSQL raises no event when a backend starts waiting on a lock: its activity view is checked
  await vi.waitFor(
    async () => {
      const [row] = await admin<{ n: number }>(
        `select count(*)::int n from pg_stat_activity where datname = $1 and wait_event_type = 'Lock'`,
        [db],
      );
      expect(row!.n).toBeGreaterThanOrEqual(n);
    },
    { timeout: 30_000, interval: 20 },
  );
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t0 = performance.now();
  const value = await fn();
  return { ms: performance.now() - t0, value };
}

const codes = (res: GraphQLResponse<unknown>) => (res.errors ?? []).map((e) => e.extensions?.code);

async function statuses(hub: TestHub) {
  const res = await hub.gql<{ provinces: { code: string; status: string }[] }>(
    `{ provinces { code status } }`,
  );
  const ready = (await (await fetch(`${hub.url}/readyz`)).json()) as {
    sources: Record<string, { status: string }>;
  };
  return {
    graphql: Object.fromEntries(res.data!.provinces.map((p) => [p.code, p.status])),
    readyz: Object.fromEntries(Object.entries(ready.sources).map(([code, s]) => [code, s.status])),
  };
}

const ALL_UP = { '40': 'UP', '17': 'UP', '67': 'UP', '30': 'UP', '96': 'UP' };
// short timeouts keep the locked-source cases quick; the cockatiel deadline is statement + connect
const STATEMENT_MS = 1500;
const CONNECT_MS = 1500;

describe('five provinces, one of them slow or failing', () => {
  let hub: TestHub;
  beforeAll(async () => {
    hub = await startTestHub({
      env: {
        SOURCE_STATEMENT_TIMEOUT_MS: String(STATEMENT_MS),
        SOURCE_CONNECT_TIMEOUT_MS: String(CONNECT_MS),
        // the nested trees below count dossiers under every district's communes: over the default cost
        MAX_QUERY_COST: '100000',
      },
    });
  });
  afterAll(() => hub?.close());

  it('three poisoned cursors answer BAD_USER_INPUT and leave every source UP', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ k: 'dossier.receivedAt', v: 'timeout', p: '40', i: 1 }),
      'utf8',
    ).toString('base64url');
    for (let i = 0; i < 3; i++) {
      const res = await hub.gql(`query($c: String) { dossiers(first: 20, after: $c) { nodes { id } } }`, {
        c: cursor,
      });
      expect(codes(res)).toEqual(['BAD_USER_INPUT']);
      expect(res.errors![0]!.message).not.toMatch(/select|"d"\./i);
    }
    expect(await statuses(hub)).toEqual({ graphql: ALL_UP, readyz: ALL_UP });
    const after = await hub.gql(`{ dossiers(first: 5) { nodes { id } } }`);
    expect(after.errors).toBeUndefined();
  });

  it('procedures locked in 96: the other four answer within one timeout, with totalCount or without', async () => {
    await hub.rt.health.checkAll();
    const others = hub.rt.sources.all.filter((s) => s.code !== '96');
    let expected = 0;
    for (const s of others) expected += Number((await s.db('procedures').count({ n: '*' }))[0]!.n);
    const release = await lockTable(hub, '96', 'procedures');
    try {
      type Data = {
        dossiers: {
          nodes: { code: string; province: { code: string }; procedure: { name: string } | null }[];
        };
        procedures: { totalCount?: number; nodes: { province: { code: string } }[] };
      };
      const query = (withCount: boolean) => `{
        dossiers(first: 100) { nodes { code province { code } procedure { name } } }
        procedures(first: 100) { ${withCount ? 'totalCount' : ''} nodes { province { code } } } }`;
      for (const withCount of [true, false]) {
        const { ms, value: res } = await timed(() => hub.gql<Data>(query(withCount)));
        // one timeout, not one per statement (the list, the count, the nested procedures)
        expect(ms).toBeLessThan(2 * STATEMENT_MS);
        expect(res.status).toBe(200);
        expect(res.errors).toHaveLength(1);
        expect(res.errors![0]!.extensions).toMatchObject({ code: 'SOURCE_UNAVAILABLE', province: '96' });
        const dossiers = res.data!.dossiers.nodes;
        expect(new Set(dossiers.map((d) => d.province.code))).toEqual(
          new Set(['40', '17', '67', '30', '96']),
        );
        // the rows of 96 stay; only what 96 could not answer (their procedure) is null
        for (const d of dossiers) expect(d.procedure === null).toBe(d.province.code === '96');
        const procedures = res.data!.procedures;
        expect(procedures.nodes.length).toBe(100);
        expect(procedures.nodes.some((p) => p.province.code === '96')).toBe(false);
        if (withCount) expect(procedures.totalCount).toBe(expected);
      }
    } finally {
      await release();
    }
  });

  it('a rendered dossier page with procedures locked in 96 answers as the resolvers do, within one timeout', async () => {
    await hub.rt.health.checkAll();
    const release = await lockTable(hub, '96', 'procedures');
    try {
      type Data = { dossiers: { nodes: { code: string; id: string; procedure: { name: string } | null }[] } };
      // only fields PostgreSQL can render: tried as one statement per province first (src/graphql/render.ts)
      const { ms, value: res } = await timed(() =>
        hub.gql<Data>(
          `{ dossiers(first: 100) { nodes { code id procedure { name } } } }`,
          {},
          { debugSql: true },
        ),
      );
      expect(ms).toBeLessThan(2 * STATEMENT_MS);
      // 96's statement waited on the lock: the resolvers answered, with 96's rows and their procedure null
      expect(res.extensions?.rendered).toBeUndefined();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        province: '96',
        fields: ['Dossier.procedure'],
      });
      const nodes = res.data!.dossiers.nodes;
      const of96 = (id: string) => Buffer.from(id, 'base64url').toString().split(':')[1] === '96';
      expect(nodes.some((d) => of96(d.id))).toBe(true);
      for (const d of nodes) expect(d.procedure === null).toBe(of96(d.id));
    } finally {
      await release();
    }
  });

  it('a rendered dossier page with dossiers locked in 96: the other four answer within the source time limit', async () => {
    await hub.rt.health.checkAll();
    const release = await lockTable(hub, '96', 'dossiers');
    try {
      const { ms, value: res } = await timed(() =>
        hub.gql<{ dossiers: { nodes: { id: string }[] } }>(`{ dossiers(first: 60) { nodes { id code } } }`),
      );
      // the statement's timeout, then the rows alone wait until the source's time limit (statement + connect)
      expect(ms).toBeLessThan(STATEMENT_MS + CONNECT_MS + 1000);
      expect(res.errors!.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', province: '96' }]);
      const provinces = new Set(
        res.data!.dossiers.nodes.map((d) => Buffer.from(d.id, 'base64url').toString().split(':')[1]),
      );
      expect(provinces).toEqual(new Set(['40', '17', '67', '30']));
    } finally {
      await release();
    }
  });

  it('a rendered unit subtree with units locked in 96: null and the province’s error, within one timeout', async () => {
    await hub.rt.health.checkAll();
    const root = await hub.gql<{ units: { nodes: { code: string }[] } }>(
      `{ units(first: 1, filter: { provinces: ["96"], kind: PEOPLES_COMMITTEE, level: PROVINCE }) { nodes { code } } }`,
    );
    const code = root.data!.units.nodes[0]!.code;
    const subtree = `query($code: String!) { unit(code: $code) { code name
      children(first: 50) { nodes { code name kind children(first: 50) { nodes { code name kind } } } } } }`;
    const whole = await hub.gql<{ unit: { code: string } }>(subtree, { code }, { debugSql: true });
    expect(whole.extensions?.rendered).toBe(true);
    expect(whole.data!.unit.code).toBe(code);
    const release = await lockTable(hub, '96', 'units');
    try {
      const { ms, value: res } = await timed(() =>
        hub.gql<{ unit: null }>(subtree, { code }, { debugSql: true }),
      );
      expect(ms).toBeLessThan(2 * STATEMENT_MS);
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ unit: null });
      expect(res.errors!.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', province: '96' }]);
    } finally {
      await release();
    }
  });

  it('a list locked at the root costs one timeout even with totalCount', async () => {
    await hub.rt.health.checkAll();
    const release = await lockTable(hub, '96', 'procedures');
    try {
      const { ms, value: res } = await timed(() =>
        hub.gql<{ procedures: { totalCount: number } }>(
          `{ procedures(first: 20) { totalCount nodes { id } } }`,
        ),
      );
      expect(ms).toBeLessThan(2 * STATEMENT_MS);
      expect(res.errors!.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', province: '96' }]);
      expect(res.data!.procedures.totalCount).toBeGreaterThan(0);
    } finally {
      await release();
    }
  });

  it('depth 2: units → children → dossiers locked in 96 removes only 96’s dossiers', async () => {
    await hub.rt.health.checkAll();
    const release = await lockTable(hub, '96', 'dossiers');
    try {
      const res = await hub.gql<{
        units: {
          nodes: {
            province: { code: string };
            children: {
              nodes: { name: string; dossiers: { totalCount: number; nodes: { code: string }[] } | null }[];
            };
          }[];
        };
      }>(`{ units(first: 100, filter: { level: DISTRICT }) { nodes { province { code }
            children(first: 3) { nodes { name dossiers(first: 2) { totalCount nodes { code } } } } } } }`);
      expect(res.errors).toHaveLength(1);
      const err = res.errors![0]!;
      expect(err.extensions).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        province: '96',
        fields: ['Unit.dossiers'],
      });
      const units = res.data!.units.nodes;
      expect(new Set(units.map((u) => u.province.code))).toEqual(new Set(['40', '17', '67', '30', '96']));
      // the path points at a row of 96 whose dossiers are missing
      const [, , i, , , j] = err.path as [string, string, number, string, string, number];
      expect(units[i]!.province.code).toBe('96');
      expect(units[i]!.children.nodes[j]!.dossiers).toBeNull();
      for (const u of units) {
        expect(u.children.nodes.length).toBeGreaterThan(0);
        for (const c of u.children.nodes) expect(c.dossiers === null).toBe(u.province.code === '96');
      }
      const others = units.filter((u) => u.province.code !== '96');
      expect(others.some((u) => u.children.nodes.some((c) => c.dossiers!.nodes.length > 0))).toBe(true);
    } finally {
      await release();
    }
  });

  it('depth 3: units → children → dossiers → procedure locked in 96 removes only 96’s procedures', async () => {
    await hub.rt.health.checkAll();
    const release = await lockTable(hub, '96', 'procedures');
    try {
      const res = await hub.gql<{
        units: {
          nodes: {
            province: { code: string };
            children: {
              nodes: { dossiers: { nodes: { code: string; procedure: { name: string } | null }[] } }[];
            };
          }[];
        };
      }>(`{ units(first: 100, filter: { level: DISTRICT }) { nodes { province { code }
            children(first: 3) { nodes { dossiers(first: 2) { nodes { code procedure { name } } } } } } } }`);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.extensions).toMatchObject({
        code: 'SOURCE_UNAVAILABLE',
        province: '96',
        fields: ['Dossier.procedure'],
      });
      expect(res.errors![0]!.path).toEqual([
        'units',
        'nodes',
        expect.any(Number),
        'children',
        'nodes',
        expect.any(Number),
        'dossiers',
        'nodes',
        expect.any(Number),
        'procedure',
      ]);
      const seen = new Set<string>();
      for (const u of res.data!.units.nodes)
        for (const c of u.children.nodes)
          for (const d of c.dossiers.nodes) {
            seen.add(u.province.code);
            expect(d.procedure === null).toBe(u.province.code === '96');
          }
      // old communes hold only the month before 1 July 2025: some districts' first communes have none
      expect(seen.has('96')).toBe(true);
      expect(seen.size).toBeGreaterThanOrEqual(3);
    } finally {
      await release();
    }
  });

  it('a failed row fetched by id is null with one error, not a failed request', async () => {
    await hub.rt.health.checkAll();
    const ids = await hub.gql<{ a: { nodes: { id: string }[] }; b: { nodes: { id: string }[] } }>(
      `{ a: procedures(first: 1, filter: { provinces: ["96"] }) { nodes { id } }
         b: procedures(first: 1, filter: { provinces: ["40"] }) { nodes { id } } }`,
    );
    const [p96, p40] = [ids.data!.a.nodes[0]!.id, ids.data!.b.nodes[0]!.id];
    const release = await lockTable(hub, '96', 'procedures');
    try {
      const res = await hub.gql<{ nodes: ({ id: string } | null)[] }>(
        `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
        { ids: [p96, p40] },
      );
      expect(res.data!.nodes).toEqual([null, { id: p40 }]);
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!).toMatchObject({
        path: ['nodes', 0],
        extensions: { code: 'SOURCE_UNAVAILABLE', province: '96', fields: ['Query.nodes'] },
      });
    } finally {
      await release();
    }
  });
});

describe('a source at its concurrency limit', () => {
  let hub: TestHub;
  beforeAll(async () => {
    // 4 connections: 4 calls run, 4 wait, the rest are turned away at once
    hub = await startTestHub({ provinces: ['40', '17'], env: { SOURCE_POOL_MAX: '4', SOURCE_QUEUE: '4' } });
  });
  afterAll(() => hub?.close());

  it('16 slow requests: the health check still passes, other provinces answer, the excess fails fast', async () => {
    const release = await lockTable(hub, '17', 'dossiers');
    let released = false;
    try {
      const query = `{ dossiers(first: 1, filter: { provinces: ["17"] }) { totalCount nodes { id } } }`;
      // resolves when the eighth request has its answer (the ones turned away answer first)
      let settled = 0;
      let eightSettled!: () => void;
      const eight = new Promise<void>((resolve) => (eightSettled = resolve));
      const slow = Array.from({ length: 16 }, () =>
        timed(() => hub.gql<{ dossiers: { totalCount: number } }>(query)).finally(() => {
          if (++settled === 8) eightSettled();
        }),
      );
      await waitersOnLock(hub, '17', 4);
      // 4 run (waiting for the lock), 4 wait for a slot, 8 are turned away
      await eight;
      const lone = await timed(() => hub.gql(query));
      expect(codes(lone.value)).toEqual(['SOURCE_BUSY']);
      expect(lone.ms).toBeLessThan(500);
      // the health check has a connection of its own: the exhausted pool does not make 17 look down
      const health = await hub.rt.health.checkAll();
      expect(health['17']!.status).toBe('UP');
      expect((await statuses(hub)).readyz).toEqual({ '40': 'UP', '17': 'UP' });
      const cheap = await timed(() =>
        hub.gql(`{ units(first: 1, filter: { provinces: ["40"] }) { nodes { id } } }`),
      );
      expect(cheap.value.errors).toBeUndefined();
      expect(cheap.ms).toBeLessThan(1000);
      await release();
      released = true;
      const results = await Promise.all(slow);
      const busy = results.filter((r) => codes(r.value).includes('SOURCE_BUSY'));
      expect(busy).toHaveLength(8);
      for (const r of busy) {
        expect(r.value.errors).toEqual([
          expect.objectContaining({ extensions: { code: 'SOURCE_BUSY', province: '17' } }),
        ]);
        // fast: well under the source's timeout (3 s in tests)
        expect(r.ms).toBeLessThan(1000);
      }
      const served = results.filter((r) => !r.value.errors);
      expect(served).toHaveLength(8);
      for (const r of served) expect(r.value.data!.dossiers.totalCount).toBeGreaterThan(0);
      // being busy is not being down
      expect((await statuses(hub)).graphql).toEqual({ '40': 'UP', '17': 'UP' });
    } finally {
      if (!released) await release();
    }
  });

  it('a database that refuses connections is SOURCE_UNAVAILABLE, never INTERNAL_SERVER_ERROR', async () => {
    const db = dbName(hub.sources.find((s) => s.code === '17')!.url);
    await admin(`ALTER DATABASE "${db}" ALLOW_CONNECTIONS false`);
    try {
      await admin(`select pg_terminate_backend(pid) from pg_stat_activity where datname = $1`, [db]);
      for (let i = 0; i < 5; i++) {
        const res = await hub.gql<{
          dossiers: { totalCount: number; nodes: { province: { code: string } }[] };
          units: { nodes: { code: string }[] };
        }>(
          `{ dossiers(first: 10) { totalCount nodes { province { code } } } units(first: 5) { nodes { code } } }`,
        );
        expect(res.status).toBe(200);
        expect(codes(res)).toEqual(['SOURCE_UNAVAILABLE']);
        expect(res.errors![0]!.extensions!.province).toBe('17');
        expect(res.data!.dossiers.nodes.map((n) => n.province.code)).toEqual(Array(10).fill('40'));
        expect(res.data!.units.nodes).toHaveLength(5);
      }
      expect((await statuses(hub)).readyz).toEqual({ '40': 'UP', '17': 'DOWN' });
    } finally {
      await admin(`ALTER DATABASE "${db}" ALLOW_CONNECTIONS true`);
    }
    expect((await statuses(hub)).readyz).toEqual({ '40': 'UP', '17': 'UP' });
    const after = await hub.gql(`{ dossiers(first: 10) { nodes { id } } }`);
    expect(after.errors).toBeUndefined();
  });
});

describe('a call that waits for a slot longer than the timeout', () => {
  it('is SOURCE_BUSY (it never reached the source), while the calls that ran are SOURCE_UNAVAILABLE', async () => {
    // one slot, two places in the queue; the timeout of a call is statement (1 s) + connect (0.5 s)
    const hub = await startTestHub({
      provinces: ['40', '17'],
      env: {
        SOURCE_POOL_MAX: '1',
        SOURCE_QUEUE: '2',
        SOURCE_STATEMENT_TIMEOUT_MS: '1000',
        SOURCE_CONNECT_TIMEOUT_MS: '500',
      },
    });
    try {
      const release = await lockTable(hub, '17', 'dossiers');
      try {
        const query = `{ dossiers(first: 1, filter: { provinces: ["17"] }) { nodes { id } } }`;
        const first = hub.gql(query);
        await waitersOnLock(hub, '17', 1);
        // both wait behind the first; the one that gets its slot at 1 s runs out of time on the lock, the
        // other is still waiting when its 1.5 s are up
        const queued = await Promise.all([timed(() => hub.gql(query)), timed(() => hub.gql(query))]);
        expect(codes(await first)).toEqual(['SOURCE_UNAVAILABLE']);
        expect(queued.map((q) => codes(q.value)[0]).sort()).toEqual(['SOURCE_BUSY', 'SOURCE_UNAVAILABLE']);
        const busy = queued.find((q) => codes(q.value)[0] === 'SOURCE_BUSY')!;
        expect(busy.value.errors![0]!.message).toBe('Source 17 is busy: no free slot within 1500 ms');
        expect(busy.ms).toBeLessThan(2500);
      } finally {
        await release();
      }
    } finally {
      await hub.close();
    }
  });
});

describe('a source whose network fails', () => {
  it('a connection lost in the middle of a statement is SOURCE_UNAVAILABLE', async () => {
    const proxy = await startProxy(inject('pgPort'));
    const hub = await startTestHub({
      provinces: ['40', '67'],
      mutateSources: (sources) =>
        sources.map((s) =>
          s.code === '67' ? { ...s, url: s.url.replace(/:(\d+)\//, `:${proxy.port}/`) } : s,
        ),
    });
    try {
      const release = await lockTable(hub, '67', 'units');
      try {
        const pending = hub.gql<{ units: { nodes: { province: { code: string } }[] } }>(
          `{ units(first: 5) { nodes { province { code } } } }`,
        );
        await waitersOnLock(hub, '67', 1);
        await proxy.cut();
        const res = await pending;
        expect(res.errors!.map((e) => e.extensions)).toEqual([
          { code: 'SOURCE_UNAVAILABLE', province: '67' },
        ]);
        expect(res.errors![0]!.message).toBe('Source 67 is unavailable: connection lost');
        expect(res.data!.units.nodes.map((n) => n.province.code)).toEqual(Array(5).fill('40'));
      } finally {
        await release();
      }
    } finally {
      await hub.close();
      await proxy.close();
    }
  });

  it('a black-holed source costs one timeout, and its health says DOWN without addresses', async () => {
    const sockets = new Set<net.Socket>();
    // accepts connections and never answers
    const hole = net.createServer((s) => sockets.add(s));
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const port = (hole.address() as net.AddressInfo).port;
    const hub = await startTestHub({
      provinces: ['40', '30'],
      env: { SOURCE_STATEMENT_TIMEOUT_MS: '1000', SOURCE_CONNECT_TIMEOUT_MS: '1000' },
      mutateSources: (s) =>
        s.map((x) =>
          x.code === '30' ? { ...x, url: `postgres://postgres:x@127.0.0.1:${port}/nowhere` } : x,
        ),
    });
    try {
      const { ms, value: res } = await timed(() =>
        hub.gql<{ dossiers: { totalCount: number; nodes: { province: { code: string } }[] } }>(
          `{ dossiers(first: 5) { totalCount nodes { province { code } } } }`,
        ),
      );
      // the connect timeout (1 s), not the whole deadline (statement + connect)
      expect(ms).toBeLessThan(1800);
      expect(res.errors!.map((e) => e.extensions)).toEqual([{ code: 'SOURCE_UNAVAILABLE', province: '30' }]);
      expect(res.data!.dossiers.nodes.map((n) => n.province.code)).toEqual(Array(5).fill('40'));
      const ready = await (await fetch(`${hub.url}/readyz`)).text();
      expect(JSON.parse(ready).sources['30'].status).toBe('DOWN');
      expect(ready).not.toContain(String(port));
    } finally {
      await hub.close();
      for (const s of sockets) s.destroy();
      await new Promise((r) => hole.close(r));
    }
  });
});
