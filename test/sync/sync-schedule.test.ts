import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import type { PortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import { startSyncSchedule } from '../../src/sync/schedule.ts';
import { syncStore } from '../../src/sync/sync-store.ts';
import { startTestHub, type TestHub } from '../helpers/hub.ts';

let hub: TestHub;
let sandbox: PortalSandbox;

beforeAll(async () => {
  sandbox = createPortalSandbox();
  const { url } = await sandbox.listen(0, '127.0.0.1');
  hub = await startTestHub({ provinces: ['17', '67'], env: { SYNC_CRON: '* * * * * *', PORTAL_URL: url } });
});

afterAll(async () => {
  await hub?.close();
  await sandbox?.close();
});

describe('scheduled sync', () => {
  it('is off without SYNC_CRON', () => {
    const rt = { ...hub.rt, config: { ...hub.rt.config, sync: { cron: undefined, concurrency: 1 } } };
    expect(startSyncSchedule(rt)).toBeUndefined();
  });

  it('syncs every province on the cron, skipping one whose lock is held', async () => {
    const lock = (await syncStore(hub.rt.hub).tryLock('67'))!;
    const schedule = startSyncSchedule(hub.rt)!;
    try {
      let runs: { province: string; trigger: string; status: string }[] = [];
      for (let i = 0; i < 150 && !runs.some((r) => r.status === 'SUCCEEDED'); i++) {
        await new Promise((r) => setTimeout(r, 100));
        runs = (await hub.rt.hub('sync_runs').select('province', 'trigger', 'status')) as typeof runs;
      }
      expect(runs).toContainEqual({ province: '17', trigger: 'SCHEDULE', status: 'SUCCEEDED' });
      expect(runs.filter((r) => r.province === '67')).toEqual([]);
      expect(sandbox.stats().stored).toBeGreaterThan(0);
    } finally {
      schedule.stop();
      await schedule.drain();
      await lock.release();
    }
  });
});
