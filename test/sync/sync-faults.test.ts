import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { runSync } from '../../src/sync/job.ts';
import type { SyncEvent } from '../../src/sync/job.ts';
import { portalClientFor } from '../../src/sync/job.ts';
import { pushedBaseline, startSyncWorld } from './fixture.ts';

/** The sync job against a misbehaving portal: seeded faults, lost responses, and no portal at all. */

const baseline = pushedBaseline('67');

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('sync under portal faults', () => {
  it('completes through 30% transient failures and lost responses, applying each item exactly once', async () => {
    // one batch at a time: requests reach the portal in one order, so the seed decides every fault
    const w = await startSyncWorld({
      province: '67',
      sandbox: { failRate: 0.3, lostResponseRate: 0.1, timeoutHoldMs: 300, seed: 7 },
      concurrency: 1,
      timeoutMs: 1000,
    });
    const active = await w.activeProcedures();
    const events: SyncEvent[] = [];
    const result = await runSync(w.deps, { onProgress: (e) => events.push(e) });
    expect(result.error).toBeNull();
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts).toMatchObject({ planned: active, accepted: active, failed: 0 });
    expect(events.some((e) => e.event === 'retry')).toBe(true);
    const stats = w.sandbox.stats();
    // lost answers were retried under the same key and replayed, never applied twice or out of order
    expect(stats).toMatchObject({ accepted: active, stored: active, stale: 0, rejected: 0 });
    expect(stats.replayed).toBeGreaterThan(0);
    // verify lists page by page through the same faults
    await w.expectNoDrift();
    expect((await runSync(w.deps)).counts.planned).toBe(0);
  });

  it('an unreachable portal fails the run within seconds, naming its URL; the next run resends its batches under the same keys', async () => {
    const w = await startSyncWorld({ from: await baseline() });
    const hubDb = w.hub.rt.hub;
    const changed = (await w
      .db('procedures')
      .where({ status: 'ACTIVE' })
      .orderBy('national_code')
      .limit(150)
      .pluck('id')) as number[];
    await w
      .db('procedures')
      .whereIn('id', changed)
      .update({ name: w.db.raw(`name || ' (sửa đổi)'`) });

    const nowhere = `http://127.0.0.1:${await closedPort()}`;
    const unreachable = { ...w.deps, portal: portalClientFor({ ...w.hub.rt.config.portal, url: nowhere }) };
    const t0 = Date.now();
    const failed = await runSync(unreachable);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toContain(`cannot reach the portal at ${nowhere} (ECONNREFUSED)`);
    expect(failed.counts).toMatchObject({ planned: 150, failed: 150, accepted: 0 });
    expect(failed.portalCheck).toBeNull();
    const run = (await hubDb('sync_runs').where({ id: failed.runId! }).first()) as {
      status: string;
      error: string;
    };
    expect(run).toMatchObject({ status: 'FAILED', error: failed.error });
    const pending = (await hubDb('sync_batches')
      .where({ run_id: failed.runId!, status: 'PENDING' })
      .orderBy('id')
      .select('id', 'idempotency_key')) as { id: number; idempotency_key: string }[];
    expect(pending).toHaveLength(2);

    const events: SyncEvent[] = [];
    const resumed = await runSync(w.deps, { onProgress: (e) => events.push(e) });
    expect(resumed.status).toBe('SUCCEEDED');
    expect(events).toContainEqual(expect.objectContaining({ event: 'resume', batches: 2, items: 150 }));
    expect(resumed.counts).toMatchObject({ planned: 150, accepted: 150 });
    const after = (await hubDb('sync_batches')
      .whereIn(
        'id',
        pending.map((b) => b.id),
      )
      .orderBy('id')
      .select('id', 'idempotency_key', 'status', 'run_id')) as {
      idempotency_key: string;
      status: string;
      run_id: number;
    }[];
    expect(after.map((b) => b.idempotency_key)).toEqual(pending.map((b) => b.idempotency_key));
    expect(after.every((b) => b.status === 'DONE' && b.run_id === resumed.runId)).toBe(true);
    // the failed run keeps its own record
    expect(await hubDb('sync_runs').where({ id: failed.runId! }).first('status', 'failed')).toEqual({
      status: 'FAILED',
      failed: 150,
    });
    expect(w.sandbox.stats().stale).toBe(0);
    await w.expectNoDrift();
  });
});
