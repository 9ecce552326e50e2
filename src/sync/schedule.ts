import { Cron } from 'croner';
import { messageOf, SyncAlreadyRunningError } from '../errors.ts';
import type { Runtime } from '../runtime.ts';
import { portalClientFor, runSync, syncDepsFor } from './job.ts';
import type { SyncResult } from './job.ts';

/** What one tick did for a province. */
export type TickOutcome =
  | { province: string; outcome: 'ran'; result: SyncResult }
  | { province: string; outcome: 'skipped' }
  | { province: string; outcome: 'failed'; error: string };

export interface SyncSchedule {
  /**
   * Syncs every province once, one after the other, as each cron tick does; a tick asked for while
   * another runs is that tick (one run at a time), so it resolves with the running tick's outcomes.
   */
  tick(): Promise<TickOutcome[]>;
  /** No further ticks; a run in progress finishes its province, and the tick ends there. */
  stop(): void;
  /** Resolves once no tick is running (for a graceful shutdown after stop()). */
  drain(): Promise<void>;
}

/**
 * Runs the sync of every province on Config.sync.cron (SYNC_CRON); a province whose lock is held (a CLI
 * run, another hub process) is skipped until the next tick. Returns undefined when no schedule is set.
 */
export function startSyncSchedule(rt: Runtime): SyncSchedule | undefined {
  const pattern = rt.config.sync.cron;
  if (!pattern) return undefined;
  const log = rt.log.child({ component: 'sync-schedule' });
  const portal = portalClientFor(rt.config.portal);
  let stopped = false;
  let running: Promise<TickOutcome[]> | undefined;

  const runAll = async (): Promise<TickOutcome[]> => {
    const outcomes: TickOutcome[] = [];
    for (const source of rt.sources.all) {
      if (stopped) break;
      const province = source.code;
      try {
        const result = await runSync(syncDepsFor(rt, source, portal), { trigger: 'SCHEDULE' });
        outcomes.push({ province, outcome: 'ran', result });
      } catch (err) {
        if (err instanceof SyncAlreadyRunningError) {
          log.info('scheduled sync skipped: another run holds the province', { province });
          outcomes.push({ province, outcome: 'skipped' });
        } else {
          log.error('scheduled sync failed', { province, error: messageOf(err) });
          outcomes.push({ province, outcome: 'failed', error: messageOf(err) });
        }
      }
    }
    return outcomes;
  };

  const tick = (): Promise<TickOutcome[]> => {
    if (running) {
      log.warn('scheduled sync still running, tick skipped');
      return running;
    }
    running = runAll().finally(() => {
      running = undefined;
    });
    return running;
  };

  let job: Cron;
  try {
    job = new Cron(pattern, () => tick().then(() => undefined));
  } catch (err) {
    throw new Error(`Invalid SYNC_CRON "${pattern}": ${messageOf(err)}`);
  }
  log.info('sync scheduled', { cron: pattern, next: job.nextRun()?.toISOString() ?? null });
  return {
    tick,
    stop() {
      stopped = true;
      job.stop();
    },
    drain: async () => {
      await running;
    },
  };
}
