import { createKnex, dropDatabase, ensureDatabase } from '../db/knex.ts';
import { migrateLatest } from '../db/migrate.ts';
import type { Logger } from '../logger.ts';
import { createPortalSandbox } from '../portal-sandbox/sandbox.ts';
import type { Runtime } from '../runtime.ts';
import { catalogueStore } from '../sync/catalogue-store.ts';
import { portalClientFor, runSync } from '../sync/job.ts';

export interface SyncBenchResult {
  fullPushMs: number;
  noChangeMs: number;
  itemsPerSecond: number;
  items: number;
}

/**
 * Full push of the largest province to a loopback sandbox, then a run with nothing to send. The runs are
 * recorded in a scratch hub database, so the real hub's portal state never points at the sandbox.
 */
export async function benchSync(rt: Runtime, log: Logger): Promise<SyncBenchResult> {
  const sizes = await Promise.all(
    rt.sources.all.map(async (s) => ({ source: s, n: await catalogueStore(s.db).countProcedures() })),
  );
  const largest = sizes.sort((a, b) => b.n - a.n)[0]?.source;
  if (!largest) throw new Error('no provincial source to push');

  const admin = new URL(rt.hubUrl);
  admin.pathname = '/postgres';
  const scratch = `lienthong_bench_sync_${process.pid}`;
  await ensureDatabase(admin.toString(), scratch);
  const hubUrl = new URL(rt.hubUrl);
  hubUrl.pathname = `/${scratch}`;
  const hub = createKnex(hubUrl.toString());
  const sandbox = createPortalSandbox();
  try {
    await migrateLatest(hub, 'hub');
    const { url } = await sandbox.listen(0, '127.0.0.1');
    const deps = {
      hub,
      source: largest,
      portal: portalClientFor({ ...rt.config.portal, url }),
      log,
      concurrency: rt.config.sync.concurrency,
    };
    const full = await runSync(deps, { trigger: 'CLI' });
    if (full.status !== 'SUCCEEDED')
      throw new Error(`full push ended ${full.status}: ${full.error ?? 'rejected items'}`);
    const again = await runSync(deps, { trigger: 'CLI' });
    if (again.counts.planned !== 0) throw new Error(`no-change run planned ${again.counts.planned} items`);
    log.info('sync bench done', { province: largest.code, items: full.counts.planned });
    return {
      fullPushMs: full.durationMs,
      noChangeMs: again.durationMs,
      items: full.counts.planned,
      itemsPerSecond: full.counts.planned / (full.durationMs / 1000),
    };
  } finally {
    await sandbox.close();
    await hub.destroy();
    await dropDatabase(admin.toString(), scratch);
  }
}
