import { Cron } from 'croner';
import type { Runtime } from '../runtime.ts';
import { portalClientFor, runSync, syncDepsFor, SyncAlreadyRunningError } from './job.ts';

export interface SyncSchedule {
  /** No further ticks; a run in progress finishes its province, and the tick ends there. */
  stop(): void;
  /** Resolves once no tick is running (for a graceful shutdown after stop()). */
  drain(): Promise<void>;
}

/**
 * Runs the sync of every province on Config.sync.cron (SYNC_CRON), one province after the other; a
 * province whose lock is held (a CLI run, another hub process) is skipped until the next tick.
 * Returns undefined when no schedule is configured.
 */
export function startSyncSchedule(rt: Runtime): SyncSchedule | undefined {
  const pattern = rt.config.sync.cron;
  if (!pattern) return undefined;
  const log = rt.log.child({ component: 'sync-schedule' });
  const portal = portalClientFor(rt.config.portal);
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const runAll = async () => {
    for (const source of rt.sources.all) {
      if (stopped) return;
      try {
        await runSync(syncDepsFor(rt, source, portal), { trigger: 'SCHEDULE' });
      } catch (err) {
        if (err instanceof SyncAlreadyRunningError) {
          log.info('scheduled sync skipped: another run holds the province', { province: source.code });
        } else {
          log.error('scheduled sync failed', { province: source.code, error: (err as Error).message });
        }
      }
    }
  };

  const tick = () => {
    running = runAll();
    return running;
  };

  let job: Cron;
  try {
    // protect: a tick that is still running when the next one is due makes the next one a no-op
    job = new Cron(pattern, { protect: () => log.warn('scheduled sync still running, tick skipped') }, tick);
  } catch (err) {
    throw new Error(`Invalid SYNC_CRON "${pattern}": ${(err as Error).message}`);
  }
  log.info('sync scheduled', { cron: pattern, next: job.nextRun()?.toISOString() ?? null });
  return {
    stop() {
      stopped = true;
      job.stop();
    },
    drain: () => running,
  };
}
