import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import { portalClientFor, runSync } from '../../src/sync/job.ts';
import type { SyncEvent, SyncJobDeps } from '../../src/sync/job.ts';
import { verifyProvince } from '../../src/sync/verify.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

/** The sync job against a misbehaving portal: random faults, lost responses, and no portal at all. */

const PROVINCE = '67';

let hub: TestHub;
let sandbox: PortalSandbox;
let deps: SyncJobDeps;

beforeAll(async () => {
  hub = await startTestHub({ provinces: [PROVINCE] });
  // faults drawn for a third of requests, and a tenth of applied PUTs lose their answer
  sandbox = createPortalSandbox({ failRate: 0.3, lostResponseRate: 0.1, timeoutHoldMs: 300 });
  const { url } = await sandbox.listen(0, '127.0.0.1');
  deps = depsWith(url);
});

afterAll(async () => {
  await sandbox?.close();
  await hub?.close();
});

function depsWith(url: string): SyncJobDeps {
  return {
    hub: hub.rt.hub,
    source: hub.rt.sources.byCode(PROVINCE)!,
    portal: portalClientFor({ ...hub.rt.config.portal, url, timeoutMs: 1000 }),
    log: hub.rt.log,
    concurrency: 4,
  };
}

const db = () => deps.source.db;
const hubDb = () => hub.rt.hub;
const activeProcedures = async () =>
  Number(
    (
      (await db()('procedures').where({ status: 'ACTIVE' }).count({ n: '*' }).first()) as {
        n: string | number;
      }
    ).n,
  );

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
    const active = await activeProcedures();
    const events: SyncEvent[] = [];
    const result = await runSync(deps, { onProgress: (e) => events.push(e) });
    expect(result.error).toBeNull();
    expect(result.status).toBe('SUCCEEDED');
    expect(result.counts).toMatchObject({ planned: active, accepted: active, failed: 0 });
    expect(events.some((e) => e.event === 'retry')).toBe(true);
    const stats = sandbox.stats();
    // lost answers were retried under the same key and replayed, never applied twice or out of order
    expect(stats).toMatchObject({ accepted: active, stored: active, stale: 0, rejected: 0 });
    const drift = await verifyProvince({ source: deps.source, portal: deps.portal });
    expect(drift).toMatchObject({ missing: [], extra: [], different: [] });
    expect((await runSync(deps)).counts.planned).toBe(0);
  });

  it('an unreachable portal fails the run within seconds; the next run resends its batches under the same keys', async () => {
    const changed = (await db()('procedures')
      .where({ status: 'ACTIVE' })
      .orderBy('national_code')
      .limit(150)
      .pluck('id')) as number[];
    await db()('procedures')
      .whereIn('id', changed)
      .update({ name: db().raw(`name || ' (sửa đổi)'`) });

    const unreachable = depsWith(`http://127.0.0.1:${await closedPort()}`);
    const t0 = Date.now();
    const failed = await runSync(unreachable);
    expect(Date.now() - t0).toBeLessThan(20_000);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toMatch(/ECONNREFUSED/);
    expect(failed.counts).toMatchObject({ planned: 150, failed: 150, accepted: 0 });
    const run = (await hubDb()('sync_runs').where({ id: failed.runId! }).first()) as {
      status: string;
      error: string;
    };
    expect(run).toMatchObject({ status: 'FAILED', error: failed.error });
    const pending = (await hubDb()('sync_batches')
      .where({ run_id: failed.runId!, status: 'PENDING' })
      .orderBy('id')
      .select('id', 'idempotency_key')) as { id: number; idempotency_key: string }[];
    expect(pending).toHaveLength(2);

    const events: SyncEvent[] = [];
    const resumed = await runSync(deps, { onProgress: (e) => events.push(e) });
    expect(resumed.status).toBe('SUCCEEDED');
    expect(events).toContainEqual(expect.objectContaining({ event: 'resume', batches: 2, items: 150 }));
    expect(resumed.counts).toMatchObject({ planned: 150, accepted: 150 });
    const after = (await hubDb()('sync_batches')
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
    expect(await hubDb()('sync_runs').where({ id: failed.runId! }).first('status', 'failed')).toEqual({
      status: 'FAILED',
      failed: 150,
    });
    expect(sandbox.stats().stale).toBe(0);
    const drift = await verifyProvince({ source: deps.source, portal: deps.portal });
    expect(drift).toMatchObject({ missing: [], extra: [], different: [] });
  });
});
