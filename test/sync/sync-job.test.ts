import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import { portalClientFor, runSync, SyncAlreadyRunningError } from '../../src/sync/job.ts';
import type { SyncEvent, SyncJobDeps } from '../../src/sync/job.ts';
import { rejectionCodeOf } from '../../src/sync/payload-schema.ts';
import { hasDrift, verifyProvince } from '../../src/sync/verify.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/** The sync job against the sandbox portal, through one province, step by step (tests share state in order). */

const PROVINCE = '17';

let hub: TestHub;
let sandbox: PortalSandbox;
let deps: SyncJobDeps;

beforeAll(async () => {
  hub = await startTestHub({ provinces: [PROVINCE] });
  sandbox = createPortalSandbox();
  const { url } = await sandbox.listen(0, '127.0.0.1');
  deps = {
    hub: hub.rt.hub,
    source: hub.rt.sources.byCode(PROVINCE)!,
    portal: portalClientFor({ ...hub.rt.config.portal, url, timeoutMs: 5000 }),
    log: hub.rt.log,
    concurrency: 4,
    metrics: hub.rt.metrics,
  };
});

afterAll(async () => {
  await sandbox?.close();
  await hub?.close();
});

const db = () => deps.source.db;
const hubDb = () => hub.rt.hub;

async function count(query: Promise<{ n: number | string }[]>): Promise<number> {
  return Number((await query)[0]?.n ?? 0);
}

const activeProcedures = () => count(db()('procedures').where({ status: 'ACTIVE' }).count({ n: '*' }));
const hubRows = async () => ({
  runs: await count(hubDb()('sync_runs').count({ n: '*' })),
  batches: await count(hubDb()('sync_batches').count({ n: '*' })),
  items: await count(hubDb()('sync_items').count({ n: '*' })),
  states: await count(hubDb()('portal_state').count({ n: '*' })),
});

async function expectNoDrift(): Promise<void> {
  const drift = await verifyProvince({ source: deps.source, portal: deps.portal });
  expect(drift).toMatchObject({ missing: [], extra: [], different: [] });
  expect(hasDrift(drift)).toBe(false);
}

/** An ACTIVE procedure with channels and an implementing agency; each test takes another offset. */
async function pickProcedure(
  offset: number,
): Promise<{ id: number; national_code: string; revision: number }> {
  const row = (await db()('procedures as p')
    .select('p.id', 'p.national_code', 'p.revision')
    .where('p.status', 'ACTIVE')
    .whereExists(
      db()('procedure_units as pu').whereRaw('pu.procedure_id = p.id').where('pu.role', 'IMPLEMENTING'),
    )
    .whereExists(db()('procedure_channels as c').whereRaw('c.procedure_id = p.id'))
    .orderBy('p.national_code')
    .offset(offset)
    .first()) as { id: number; national_code: string; revision: number } | undefined;
  return row!;
}

describe('sync job', () => {
  it('a dry run lists the whole catalogue as NEW, and writes and sends nothing', async () => {
    const active = await activeProcedures();
    expect(active).toBeGreaterThan(100);
    const result = await runSync(deps, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, runId: null, status: 'SUCCEEDED' });
    expect(result.plan).toHaveLength(active);
    expect(new Set(result.plan.map((p) => p.change))).toEqual(new Set(['NEW']));
    expect(await hubRows()).toEqual({ runs: 0, batches: 0, items: 0, states: 0 });
    expect(sandbox.stats().requests).toBe(0);
  });

  it('the first run pushes the whole catalogue in batches of at most 100', async () => {
    const active = await activeProcedures();
    const events: SyncEvent[] = [];
    const result = await runSync(deps, { onProgress: (e) => events.push(e) });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts).toEqual({
      planned: active,
      accepted: active,
      unchanged: 0,
      rejected: 0,
      failed: 0,
    });
    expect(sandbox.stats()).toMatchObject({ accepted: active, stored: active, rejected: 0, stale: 0 });

    const batches = events.filter((e) => e.event === 'batch');
    expect(batches).toHaveLength(Math.ceil(active / 100));
    expect(events[0]).toMatchObject({
      event: 'start',
      province: PROVINCE,
      mode: 'INCREMENTAL',
      trigger: 'CLI',
    });
    expect(events.at(-1)).toMatchObject({ event: 'finish', status: 'SUCCEEDED' });
    const sizes = (await hubDb()('sync_batches').select(hubDb().raw('jsonb_array_length(payload) AS n'))) as {
      n: number;
    }[];
    expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(100);
    expect(await count(hubDb()('sync_batches').whereNot({ status: 'DONE' }).count({ n: '*' }))).toBe(0);
    expect(await count(hubDb()('portal_state').whereNotNull('content_hash').count({ n: '*' }))).toBe(active);

    const metrics = await hub.rt.metrics.registry.getSingleMetricAsString('lienthong_sync_items_total');
    expect(metrics).toContain(
      `lienthong_sync_items_total{province="${PROVINCE}",outcome="ACCEPTED"} ${active}`,
    );
    await expectNoDrift();
  });

  it('a second run with no change sends nothing', async () => {
    const before = sandbox.stats();
    const result = await runSync(deps);
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts.planned).toBe(0);
    expect(sandbox.stats()).toEqual(before);
  });

  it('changing one procedure bumps its revision and sends exactly that one', async () => {
    const p = await pickProcedure(0);
    await db()('procedures').where({ id: p.id }).update({ name: 'Thủ tục đã sửa tên' });
    const after = (await db()('procedures').where({ id: p.id }).first('revision')) as { revision: number };
    expect(after.revision).toBe(p.revision + 1);

    const before = sandbox.stats();
    const result = await runSync(deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    expect(sandbox.stats().accepted).toBe(before.accepted + 1);
    const item = (await hubDb()('sync_items').where({ run_id: result.runId! }).first()) as {
      national_code: string;
      change: string;
      revision: number;
    };
    expect(item).toMatchObject({
      national_code: p.national_code,
      change: 'CHANGED',
      revision: p.revision + 1,
    });
    await expectNoDrift();
  });

  it('a change to a procedure’s channels, and only a real change, bumps the revision', async () => {
    const p = await pickProcedure(1);
    await db()('procedures')
      .where({ id: p.id })
      .update({ name: db()('procedures').select('name').where({ id: p.id }) });
    expect(
      ((await db()('procedures').where({ id: p.id }).first('revision')) as { revision: number }).revision,
    ).toBe(p.revision);
    await db()('procedure_channels').where({ procedure_id: p.id }).increment('fee_vnd', 1000);
    expect(
      ((await db()('procedures').where({ id: p.id }).first('revision')) as { revision: number }).revision,
    ).toBe(p.revision + 1);
    // a revision is never lowered
    await db()('procedures').where({ id: p.id }).update({ revision: 1 });
    expect(
      ((await db()('procedures').where({ id: p.id }).first('revision')) as { revision: number }).revision,
    ).toBe(p.revision + 1);
    const result = await runSync(deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    await expectNoDrift();
  });

  it('one transaction is one revision, and a procedure created with its rows keeps its revision', async () => {
    const p = await pickProcedure(4);
    await db().transaction(async (trx) => {
      await trx('procedures').where({ id: p.id }).update({ field: 'Lĩnh vực khác' });
      await trx('procedure_requirements').where({ procedure_id: p.id }).increment('copies', 1);
      await trx('procedure_channels').where({ procedure_id: p.id }).increment('processing_time', 1);
    });
    expect(
      ((await db()('procedures').where({ id: p.id }).first('revision')) as { revision: number }).revision,
    ).toBe(p.revision + 1);
    await db().transaction(async (trx) => {
      const [created] = (await trx('procedures')
        .insert({
          national_code: '9.999999',
          name: 'Thủ tục mới',
          field: 'Hộ tịch',
          level: 'PROVINCE',
          online_service: 'FULL',
          applicants: 'Công dân',
          result: 'Giấy xác nhận',
          revision: 1,
        })
        .returning('id')) as { id: number }[];
      await trx('procedure_channels').insert({
        procedure_id: created!.id,
        channel: 'DIRECT',
        processing_time: 3,
        time_unit: 'WORKING_DAY',
      });
      await trx('procedure_units').insert(
        trx('procedure_units')
          .select(trx.raw('?::bigint', [created!.id]), 'unit_id', 'role')
          .where({ procedure_id: p.id }),
      );
    });
    expect(await db()('procedures').where({ national_code: '9.999999' }).first('revision')).toEqual({
      revision: 1,
    });
    const result = await runSync(deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 2, accepted: 2 } });
    await expectNoDrift();
  });

  it('an abolished procedure is withdrawn from the portal', async () => {
    const p = await pickProcedure(2);
    const stored = sandbox.stats().stored;
    await db()('procedures').where({ id: p.id }).update({ status: 'ABOLISHED' });
    const dry = await runSync(deps, { dryRun: true });
    expect(dry.plan).toEqual([
      expect.objectContaining({ nationalCode: p.national_code, change: 'WITHDRAW' }),
    ]);
    const result = await runSync(deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    expect(sandbox.stats().stored).toBe(stored - 1);
    const state = (await hubDb()('portal_state').where({ national_code: p.national_code }).first()) as {
      status: string;
    };
    expect(state.status).toBe('ABOLISHED');
    await expectNoDrift();
    expect((await runSync(deps)).counts.planned).toBe(0);
  });

  it('items the portal rejects make the run PARTIAL, with their reasons recorded', async () => {
    const p = await pickProcedure(3);
    const links = await db()('procedure_units').where({ procedure_id: p.id });
    await db()('procedure_units').where({ procedure_id: p.id }).del();
    const result = await runSync(deps);
    expect(result.status).toBe('PARTIAL');
    expect(result.counts).toMatchObject({ planned: 1, rejected: 1, accepted: 0 });
    expect(result.rejected).toEqual([
      {
        nationalCode: p.national_code,
        revision: p.revision + 1,
        reason: expect.stringMatching(/implementingAgencies/),
      },
    ]);
    expect(rejectionCodeOf(result.rejected[0]!.reason)).toBe('INVALID');
    const state = (await hubDb()('portal_state').where({ national_code: p.national_code }).first()) as {
      last_error: string;
      revision: number;
    };
    expect(state).toMatchObject({ last_error: result.rejected[0]!.reason, revision: p.revision });
    const drift = await verifyProvince({ source: deps.source, portal: deps.portal });
    expect(drift.different.map((d) => d.nationalCode)).toEqual([p.national_code]);

    // fixed in the catalogue: the next run delivers it and clears the error
    await db()('procedure_units').insert(links);
    expect((await runSync(deps)).status).toBe('SUCCEEDED');
    const fixed = (await hubDb()('portal_state').where({ national_code: p.national_code }).first()) as {
      last_error: string | null;
    };
    expect(fixed.last_error).toBeNull();
    await expectNoDrift();
  });

  it('two runs for one province never overlap: the second refuses', async () => {
    const runsBefore = await count(hubDb()('sync_runs').count({ n: '*' }));
    const results = await Promise.allSettled([runSync(deps, { full: true }), runSync(deps, { full: true })]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(SyncAlreadyRunningError);
    expect((refused[0]!.reason as Error).message).toBe(`a sync for province ${PROVINCE} is already running`);
    expect(await count(hubDb()('sync_runs').count({ n: '*' }))).toBe(runsBefore + 1);
    // the lock is released at the end of a run
    expect((await runSync(deps)).status).toBe('SUCCEEDED');
  });

  it('--full pushes every procedure again and the portal answers UNCHANGED', async () => {
    const active = await activeProcedures();
    const before = sandbox.stats();
    const result = await runSync(deps, { full: true });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.mode).toBe('FULL');
    // every ACTIVE procedure, plus the withdrawn one
    expect(result.counts).toMatchObject({ planned: active + 1, unchanged: active + 1, accepted: 0 });
    expect(sandbox.stats().accepted).toBe(before.accepted);
  });
});

describe('sync runs over GraphQL', () => {
  const runsQuery = `query($first: Int, $after: String, $filter: SyncRunFilter) {
    syncRuns(first: $first, after: $after, filter: $filter) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id province { code name } trigger mode status startedAt finishedAt error
        counts { planned accepted unchanged rejected failed }
        rejectedItems { nationalCode revision outcome reason } }
    }
  }`;
  type RunNode = {
    id: string;
    status: string;
    mode: string;
    counts: { planned: number; rejected: number };
    rejectedItems: { nationalCode: string; reason: string; outcome: string }[];
  };
  type RunsData = {
    syncRuns: { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: RunNode[] };
  };

  it('lists runs newest first with counts and rejected items, filters and pages', async () => {
    const total = await count(hubDb()('sync_runs').count({ n: '*' }));
    const all = await hub.gql<RunsData>(runsQuery, { first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.syncRuns.totalCount).toBe(total);
    const nodes = all.data!.syncRuns.nodes;
    expect(nodes[0]).toMatchObject({ mode: 'FULL', status: 'SUCCEEDED' });
    const partial = nodes.find((n) => n.status === 'PARTIAL')!;
    expect(partial.counts.rejected).toBe(1);
    expect(partial.rejectedItems).toEqual([
      expect.objectContaining({ outcome: 'REJECTED', reason: expect.stringMatching(/^INVALID: /) }),
    ]);

    const filtered = await hub.gql<RunsData>(runsQuery, {
      filter: { status: 'PARTIAL', provinces: [PROVINCE] },
    });
    expect(filtered.data!.syncRuns.nodes.map((n) => n.id)).toEqual([partial.id]);

    const page1 = await hub.gql<RunsData>(runsQuery, { first: 2 });
    const page2 = await hub.gql<RunsData>(runsQuery, {
      first: 2,
      after: page1.data!.syncRuns.pageInfo.endCursor,
    });
    expect([...page1.data!.syncRuns.nodes, ...page2.data!.syncRuns.nodes].map((n) => n.id)).toEqual(
      nodes.slice(0, 4).map((n) => n.id),
    );

    const node = await hub.gql<{ node: { id: string; status: string } }>(
      `query($id: ID!) { node(id: $id) { id ... on SyncRun { status } } }`,
      { id: partial.id },
    );
    expect(node.data!.node).toEqual({ id: partial.id, status: 'PARTIAL' });
  });

  it('rejects an unknown province and an oversized page', async () => {
    const res = await hub.gql(runsQuery, { filter: { provinces: ['99'] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const big = await hub.gql(runsQuery, { first: 100000 });
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('shows what the portal acknowledged for each procedure, in one hub statement per page', async () => {
    const q = `query($n: Int) { procedures(first: $n, filter: { provinces: ["${PROVINCE}"] }, orderBy: { field: NATIONAL_CODE }) {
      nodes { nationalCode revision status portalStatus { acknowledgedHash acknowledgedRevision acknowledgedAt status lastError } } } }`;
    type Data = {
      procedures: {
        nodes: {
          nationalCode: string;
          revision: number;
          status: string;
          portalStatus: { acknowledgedHash: string; acknowledgedRevision: number; status: string } | null;
        }[];
      };
    };
    const small = await hub.gql<Data>(q, { n: 5 }, { debugSql: true });
    const large = await hub.gql<Data>(q, { n: 200 }, { debugSql: true });
    expect(large.errors).toBeUndefined();
    expect(large.extensions!.sqlStatements!.bySource.hub).toBe(1);
    expect(small.extensions!.sqlStatements!.bySource.hub).toBe(1);
    const pushed = large.data!.procedures.nodes.filter((p) => p.status === 'ACTIVE');
    expect(pushed.length).toBeGreaterThan(100);
    for (const p of pushed) {
      expect(p.portalStatus, p.nationalCode).not.toBeNull();
      expect(p.portalStatus!.acknowledgedHash).toMatch(/^[0-9a-f]{64}$/);
      expect(p.portalStatus!.status).toBe(p.status);
      expect(p.portalStatus!.acknowledgedRevision).toBeLessThanOrEqual(p.revision);
    }
  });
});
