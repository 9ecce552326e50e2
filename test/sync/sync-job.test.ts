import type { Knex } from 'knex';
import { describe, expect, it } from 'vitest';
import { SyncAlreadyRunningError } from '../../src/errors.ts';
import { runSync } from '../../src/sync/job.ts';
import type { SyncEvent } from '../../src/sync/job.ts';
import { rejectionCodeOf } from '../../src/sync/payload-schema.ts';
import { pickProcedure, pushedBaseline, startSyncWorld } from './fixture.ts';

/**
 * The sync job against the sandbox portal, through one province. Every test has its own databases and
 * portal; most start from copies of one pushed baseline (the whole catalogue acknowledged).
 */

const baseline = pushedBaseline();

const revisionOf = async (db: Knex, id: number) =>
  ((await db('procedures').where({ id }).first('revision')) as { revision: number }).revision;

describe('sync job', () => {
  it('a dry run lists the whole catalogue as NEW, and writes and sends nothing', async () => {
    const w = await startSyncWorld();
    const active = await w.activeProcedures();
    expect(active).toBeGreaterThan(100);
    const result = await runSync(w.deps, { dryRun: true });
    expect(result).toMatchObject({ dryRun: true, runId: null, status: 'SUCCEEDED', portalCheck: null });
    expect(result.plan).toHaveLength(active);
    expect(new Set(result.plan.map((p) => p.change))).toEqual(new Set(['NEW']));
    for (const table of ['sync_runs', 'sync_batches', 'sync_items', 'portal_state']) {
      expect(await w.count(w.hub.rt.hub(table)), table).toBe(0);
    }
    expect(w.sandbox.stats().requests).toBe(0);
  });

  it('the first run pushes the whole catalogue in batches of at most 100', async () => {
    const w = await startSyncWorld();
    const active = await w.activeProcedures();
    const events: SyncEvent[] = [];
    const result = await runSync(w.deps, { onProgress: (e) => events.push(e) });
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts).toEqual({
      planned: active,
      accepted: active,
      unchanged: 0,
      rejected: 0,
      failed: 0,
    });
    expect(result.portalCheck).toEqual({ believed: active, held: active, resent: 0 });
    expect(w.sandbox.stats()).toMatchObject({ accepted: active, stored: active, rejected: 0, stale: 0 });

    expect(events.filter((e) => e.event === 'batch')).toHaveLength(Math.ceil(active / 100));
    expect(events[0]).toMatchObject({
      event: 'start',
      province: w.province,
      mode: 'INCREMENTAL',
      trigger: 'CLI',
    });
    expect(events.at(-1)).toMatchObject({ event: 'finish', status: 'SUCCEEDED' });
    const hubDb = w.hub.rt.hub;
    const sizes = (await hubDb('sync_batches').select(hubDb.raw('jsonb_array_length(payload) AS n'))) as {
      n: number;
    }[];
    expect(Math.max(...sizes.map((s) => s.n))).toBeLessThanOrEqual(100);
    expect(await w.count(hubDb('sync_batches').whereNot({ status: 'DONE' }))).toBe(0);
    expect(await w.count(hubDb('portal_state').whereNotNull('content_hash'))).toBe(active);

    const metrics = await w.hub.rt.metrics.registry.getSingleMetricAsString('lienthong_sync_items_total');
    expect(metrics).toContain(
      `lienthong_sync_items_total{province="${w.province}",outcome="ACCEPTED"} ${active}`,
    );
    await w.expectNoDrift();
  });

  it('a second run with no change sends nothing, and only reads the portal to check it', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const active = await w.activeProcedures();
    const before = w.sandbox.stats();
    const result = await runSync(w.deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 0 } });
    expect(result.portalCheck).toEqual({ believed: active, held: active, resent: 0 });
    // a token and the listing's pages are the only requests
    expect(w.sandbox.stats()).toEqual({ ...before, requests: before.requests + 1 + Math.ceil(active / 500) });
  });

  it('sends again what the portal lost since it acknowledged it, e.g. after a reset', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const active = await w.activeProcedures();
    expect((await fetch(`${w.url}/_sandbox/reset`, { method: 'POST' })).status).toBe(200);
    expect((await w.verify()).missing).toHaveLength(active);

    const events: SyncEvent[] = [];
    const result = await runSync(w.deps, { onProgress: (e) => events.push(e) });
    expect(result).toMatchObject({
      status: 'SUCCEEDED',
      counts: { planned: active, accepted: active, failed: 0 },
      portalCheck: { believed: active, held: 0, resent: active },
    });
    expect(events).toContainEqual(
      expect.objectContaining({ event: 'portal-check', held: 0, resent: active }),
    );
    const resent = (await w.hub.rt.hub('sync_items').where({ run_id: result.runId! }).distinct('change')) as {
      change: string;
    }[];
    expect(resent).toEqual([{ change: 'NEW' }]);
    await w.expectNoDrift();
    expect((await runSync(w.deps)).counts.planned).toBe(0);
  });

  it('changing one procedure bumps its revision and sends exactly that one', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const p = await pickProcedure(w.db);
    await w.db('procedures').where({ id: p.id }).update({ name: 'Thủ tục đã sửa tên' });
    expect(await revisionOf(w.db, p.id)).toBe(p.revision + 1);

    const before = w.sandbox.stats();
    const result = await runSync(w.deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    expect(w.sandbox.stats().accepted).toBe(before.accepted + 1);
    const item = (await w.hub.rt.hub('sync_items').where({ run_id: result.runId! }).first()) as {
      national_code: string;
      change: string;
      revision: number;
    };
    expect(item).toMatchObject({
      national_code: p.national_code,
      change: 'CHANGED',
      revision: p.revision + 1,
    });
    await w.expectNoDrift();
  });

  it('a change to a procedure’s channels, and only a real change, bumps the revision', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const p = await pickProcedure(w.db);
    await w
      .db('procedures')
      .where({ id: p.id })
      .update({ name: w.db('procedures').select('name').where({ id: p.id }) });
    expect(await revisionOf(w.db, p.id)).toBe(p.revision);
    await w.db('procedure_channels').where({ procedure_id: p.id }).increment('fee_vnd', 1000);
    expect(await revisionOf(w.db, p.id)).toBe(p.revision + 1);
    // a revision is never lowered
    await w.db('procedures').where({ id: p.id }).update({ revision: 1 });
    expect(await revisionOf(w.db, p.id)).toBe(p.revision + 1);
    const result = await runSync(w.deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    await w.expectNoDrift();
  });

  it('one transaction is one revision, and a procedure created with its rows keeps its revision', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const p = await pickProcedure(w.db);
    await w.db.transaction(async (trx) => {
      await trx('procedures').where({ id: p.id }).update({ field: 'Lĩnh vực khác' });
      await trx('procedure_requirements').where({ procedure_id: p.id }).increment('copies', 1);
      await trx('procedure_channels').where({ procedure_id: p.id }).increment('processing_time', 1);
    });
    expect(await revisionOf(w.db, p.id)).toBe(p.revision + 1);
    await w.db.transaction(async (trx) => {
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
    expect(await w.db('procedures').where({ national_code: '9.999999' }).first('revision')).toEqual({
      revision: 1,
    });
    const result = await runSync(w.deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 2, accepted: 2 } });
    await w.expectNoDrift();
  });

  it('an abolished procedure is withdrawn from the portal', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const p = await pickProcedure(w.db);
    const stored = w.sandbox.stats().stored;
    await w.db('procedures').where({ id: p.id }).update({ status: 'ABOLISHED' });
    const dry = await runSync(w.deps, { dryRun: true });
    expect(dry.plan).toEqual([
      expect.objectContaining({ nationalCode: p.national_code, change: 'WITHDRAW' }),
    ]);
    const result = await runSync(w.deps);
    expect(result).toMatchObject({ status: 'SUCCEEDED', counts: { planned: 1, accepted: 1 } });
    expect(w.sandbox.stats().stored).toBe(stored - 1);
    const state = (await w.hub.rt.hub('portal_state').where({ national_code: p.national_code }).first()) as {
      status: string;
    };
    expect(state.status).toBe('ABOLISHED');
    await w.expectNoDrift();
    expect((await runSync(w.deps)).counts.planned).toBe(0);
  });

  it('items the portal rejects make the run PARTIAL, with their reasons recorded', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const p = await pickProcedure(w.db);
    const links = await w.db('procedure_units').where({ procedure_id: p.id });
    await w.db('procedure_units').where({ procedure_id: p.id }).del();
    const result = await runSync(w.deps);
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
    const state = (await w.hub.rt.hub('portal_state').where({ national_code: p.national_code }).first()) as {
      last_error: string;
      revision: number;
    };
    expect(state).toMatchObject({ last_error: result.rejected[0]!.reason, revision: p.revision });
    expect((await w.verify()).different.map((d) => d.nationalCode)).toEqual([p.national_code]);

    // fixed in the catalogue: the next run delivers it and clears the error
    await w.db('procedure_units').insert(links);
    expect((await runSync(w.deps)).status).toBe('SUCCEEDED');
    const fixed = (await w.hub.rt.hub('portal_state').where({ national_code: p.national_code }).first()) as {
      last_error: string | null;
    };
    expect(fixed.last_error).toBeNull();
    await w.expectNoDrift();
  });

  it('two runs for one province never overlap: the second refuses', async () => {
    const w = await startSyncWorld();
    const results = await Promise.allSettled([runSync(w.deps), runSync(w.deps)]);
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    expect(refused[0]!.reason).toBeInstanceOf(SyncAlreadyRunningError);
    expect((refused[0]!.reason as Error).message).toBe(
      `a sync for province ${w.province} is already running`,
    );
    expect(await w.count(w.hub.rt.hub('sync_runs'))).toBe(1);
    // the lock is released at the end of a run
    expect((await runSync(w.deps)).status).toBe('SUCCEEDED');
  });

  it('--full pushes every procedure again and the portal answers UNCHANGED', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const active = await w.activeProcedures();
    const before = w.sandbox.stats();
    const result = await runSync(w.deps, { full: true });
    expect(result).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL', portalCheck: null });
    expect(result.counts).toMatchObject({ planned: active, unchanged: active, accepted: 0 });
    expect(w.sandbox.stats().accepted).toBe(before.accepted);
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
    const w = await startSyncWorld({ from: await baseline() });
    const victim = await pickProcedure(w.db);
    await w.db('procedure_units').where({ procedure_id: victim.id }).del();
    expect((await runSync(w.deps)).status).toBe('PARTIAL');
    expect((await runSync(w.deps)).status).toBe('PARTIAL');
    expect((await runSync(w.deps, { full: true })).status).toBe('PARTIAL');

    const all = await w.hub.gql<RunsData>(runsQuery, { first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.syncRuns.totalCount).toBe(4);
    const nodes = all.data!.syncRuns.nodes;
    expect(nodes.map((n) => [n.mode, n.status])).toEqual([
      ['FULL', 'PARTIAL'],
      ['INCREMENTAL', 'PARTIAL'],
      ['INCREMENTAL', 'PARTIAL'],
      ['INCREMENTAL', 'SUCCEEDED'],
    ]);
    const partial = nodes[1]!;
    expect(partial.counts.rejected).toBe(1);
    expect(partial.rejectedItems).toEqual([
      expect.objectContaining({
        nationalCode: victim.national_code,
        outcome: 'REJECTED',
        reason: expect.stringMatching(/^INVALID: /),
      }),
    ]);

    const filtered = await w.hub.gql<RunsData>(runsQuery, {
      filter: { status: 'SUCCEEDED', provinces: [w.province] },
    });
    expect(filtered.data!.syncRuns.nodes.map((n) => n.id)).toEqual([nodes[3]!.id]);

    const page1 = await w.hub.gql<RunsData>(runsQuery, { first: 2 });
    const page2 = await w.hub.gql<RunsData>(runsQuery, {
      first: 2,
      after: page1.data!.syncRuns.pageInfo.endCursor,
    });
    expect([...page1.data!.syncRuns.nodes, ...page2.data!.syncRuns.nodes].map((n) => n.id)).toEqual(
      nodes.map((n) => n.id),
    );
    expect(page2.data!.syncRuns.pageInfo.hasNextPage).toBe(false);

    const node = await w.hub.gql<{ node: { id: string; status: string } }>(
      `query($id: ID!) { node(id: $id) { id ... on SyncRun { status } } }`,
      { id: partial.id },
    );
    expect(node.data!.node).toEqual({ id: partial.id, status: 'PARTIAL' });
  });

  it('rejects an unknown province and an oversized page', async () => {
    const { hub } = await startSyncWorld();
    const res = await hub.gql(runsQuery, { filter: { provinces: ['99'] } });
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // a page beyond 500 is refused by its argument check (the count alone is cheap enough to reach it)
    const big = await hub.gql(`{ syncRuns(first: 100000) { totalCount } }`);
    expect(big.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    // with the runs' fields, the same page is refused before execution, by its cost
    const costly = await hub.gql(runsQuery, { first: 100000 });
    expect(costly.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COSTLY');
  });

  it('shows what the portal acknowledged for each procedure, in one hub statement per page', async () => {
    const { hub, province } = await startSyncWorld({ from: await baseline() });
    const q = `query($n: Int) { procedures(first: $n, filter: { provinces: ["${province}"] }, orderBy: { field: NATIONAL_CODE }) {
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
    const active = large.data!.procedures.nodes.filter((p) => p.status === 'ACTIVE');
    expect(active.length).toBeGreaterThan(100);
    for (const p of active) {
      expect(p.portalStatus, p.nationalCode).not.toBeNull();
      expect(p.portalStatus!.acknowledgedHash).toMatch(/^[0-9a-f]{64}$/);
      expect(p.portalStatus!.status).toBe(p.status);
      expect(p.portalStatus!.acknowledgedRevision).toBeLessThanOrEqual(p.revision);
    }
  });
});
