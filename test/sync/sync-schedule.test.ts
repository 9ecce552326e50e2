import { describe, expect, it, onTestFinished } from 'vitest';
import { createPortalSandbox } from '../../src/portal-sandbox/sandbox.ts';
import { ledgerStore } from '../../src/sync/ledger-store.ts';
import { startSyncSchedule } from '../../src/sync/schedule.ts';
import { startTestHub } from '../helpers/hub.ts';

/** serve's schedule, driven through its tick: no test waits for the clock to reach a cron time. */

/** 30 February: a valid cron pattern that never fires, so only the test's own ticks run. */
const NEVER = '0 0 30 2 *';

async function scheduledHub(cron: string, provinces = ['17', '67']) {
  const sandbox = createPortalSandbox();
  onTestFinished(() => sandbox.close());
  const { url } = await sandbox.listen(0, '127.0.0.1');
  const hub = await startTestHub({ provinces, env: { SYNC_CRON: cron, PORTAL_URL: url } });
  onTestFinished(() => hub.close());
  return { hub, sandbox };
}

describe('scheduled sync', () => {
  it('is off without SYNC_CRON, and refuses an invalid one', async () => {
    const { hub } = await scheduledHub(NEVER, ['17']);
    const withCron = (cron: string | undefined) => ({
      ...hub.rt,
      config: { ...hub.rt.config, sync: { ...hub.rt.config.sync, cron } },
    });
    expect(startSyncSchedule(withCron(undefined))).toBeUndefined();
    expect(() => startSyncSchedule(withCron('every minute'))).toThrow(/^Invalid SYNC_CRON "every minute": /);
  });

  it('a tick syncs every province, skipping one whose lock is held', async () => {
    const { hub, sandbox } = await scheduledHub(NEVER);
    const lock = (await ledgerStore(hub.rt.hub).tryLock('67'))!;
    const schedule = startSyncSchedule(hub.rt)!;
    try {
      const outcomes = await schedule.tick();
      expect(outcomes).toEqual([
        { province: '17', outcome: 'ran', result: expect.objectContaining({ status: 'SUCCEEDED' }) },
        { province: '67', outcome: 'skipped' },
      ]);
      const runs = await hub.rt.hub('sync_runs').select('province', 'trigger', 'status');
      expect(runs).toEqual([{ province: '17', trigger: 'SCHEDULE', status: 'SUCCEEDED' }]);
      expect(sandbox.stats().stored).toBeGreaterThan(0);
    } finally {
      schedule.stop();
      await schedule.drain();
      await lock.release();
    }
  });

  it('a tick asked for while one runs joins it, so runs never pile up', async () => {
    const { hub } = await scheduledHub(NEVER);
    const schedule = startSyncSchedule(hub.rt)!;
    try {
      const first = schedule.tick();
      const second = schedule.tick();
      expect(second).toBe(first);
      expect((await first).map((o) => [o.province, o.outcome])).toEqual([
        ['17', 'ran'],
        ['67', 'ran'],
      ]);
      expect(await hub.rt.hub('sync_runs').count({ n: '*' }).first()).toEqual({ n: 2 });
    } finally {
      schedule.stop();
      await schedule.drain();
    }
  });
});
