import type { Knex } from 'knex';
import type { Config } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.ts';
import { createKnex, ensureDatabase } from './db/knex.ts';
import { migrateLatest } from './db/migrate.ts';
import { recordStatement } from './db/statement-counter.ts';
import type { Logger } from './logger.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { DEMO_PROVINCES, HUB_DATABASE, provinceDatabase } from './sources/demo.ts';
import { createSourceHealth, type SourceHealth } from './sources/health.ts';
import {
  createSourceRegistry,
  demoSources,
  readSourcesFile,
  type SourceRegistry,
} from './sources/registry.ts';

/** Everything a command needs: databases, sources, health, metrics. Built once per process. */
export interface Runtime {
  config: Config;
  log: Logger;
  hub: Knex;
  hubUrl: string;
  sources: SourceRegistry;
  health: SourceHealth;
  metrics: Metrics;
  embedded: EmbeddedServer | undefined;
  /** True when the sources are the embedded demo set (so demo seeding applies). */
  demo: boolean;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Create missing databases (embedded mode) and apply migrations to hub and sources. */
  migrate?: boolean;
}

export async function openRuntime(config: Config, log: Logger, opts: OpenOptions = {}): Promise<Runtime> {
  let embedded: EmbeddedServer | undefined;
  let hubUrl: string;
  let infos;
  if (config.databaseUrl && config.sourcesFile) {
    hubUrl = config.databaseUrl;
    infos = readSourcesFile(config.sourcesFile);
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir, log, { systemDir: config.systemDir });
    hubUrl = embedded.url(HUB_DATABASE);
    infos = demoSources(embedded.url);
    const admin = embedded.url('postgres');
    await ensureDatabase(admin, HUB_DATABASE);
    for (const p of DEMO_PROVINCES) await ensureDatabase(admin, provinceDatabase(p.code));
  }
  const metrics = createMetrics();
  const hub = createKnex(hubUrl, {
    connectTimeoutMs: config.sourceConnectTimeoutMs,
    onQuery: () => {
      metrics.sqlQueries.inc({ source: 'hub' });
      recordStatement('hub');
    },
  });
  const sources = createSourceRegistry(infos, config, (code) => {
    metrics.sqlQueries.inc({ source: code });
    recordStatement(code);
  });
  const health = createSourceHealth(sources.all, {
    timeoutMs: config.sourceConnectTimeoutMs,
    log,
    onStatus: (code, up) => metrics.sourceUp.set({ source: code }, up ? 1 : 0),
  });
  const runtime: Runtime = {
    config,
    log,
    hub,
    hubUrl,
    sources,
    health,
    metrics,
    embedded,
    demo: !config.databaseUrl,
    close: async () => {
      health.stop();
      await Promise.allSettled([hub.destroy(), sources.close()]);
      await embedded?.stop();
    },
  };
  try {
    if (opts.migrate) {
      await migrateLatest(hub, 'hub');
      for (const s of sources.all) await migrateLatest(s.db, 'province');
    }
  } catch (err) {
    await runtime.close();
    throw err;
  }
  return runtime;
}
