import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createCalendar } from './calendar/index.ts';
import type { Config } from './config.ts';
import { startEmbeddedPostgres, type EmbeddedServer } from './db/embedded-postgres.ts';
import { generatedSetting } from './db/hub-settings.ts';
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
  /** The installation's cursor secret: CURSOR_SECRET, or generated once and kept in the hub database. */
  cursorSecret(): Promise<string>;
  /** Stops health checks, closes the pools, then stops the embedded server this process started. Idempotent. */
  close(): Promise<void>;
  /**
   * For a run cut short (a signal): stops the embedded server this process started first, which ends the
   * statements in flight (fast shutdown), then closes as close() does. Idempotent.
   */
  abort(): Promise<void>;
}

/** Runtimes open in this process, for the CLI's last resort (closeAllRuntimes). */
const live = new Set<Runtime>();

/**
 * Aborts every runtime still open in this process (each stops the embedded server it started): for a
 * CLI that is about to exit on an error nothing caught.
 */
export async function closeAllRuntimes(): Promise<void> {
  await Promise.allSettled([...live].map((rt) => rt.abort()));
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
    try {
      await ensureDatabase(admin, HUB_DATABASE);
      for (const p of DEMO_PROVINCES) await ensureDatabase(admin, provinceDatabase(p.code));
    } catch (err) {
      // never leave behind a server this process started
      await embedded.stop();
      throw err;
    }
  }
  const metrics = createMetrics();
  const hub = createKnex(hubUrl, {
    connectTimeoutMs: config.sourceConnectTimeoutMs,
    log: log.child({ db: 'hub' }),
    onQuery: () => {
      metrics.sqlQueries.inc({ source: 'hub' });
      recordStatement('hub');
    },
  });
  const sources = createSourceRegistry(
    infos,
    config,
    (code) => {
      metrics.sqlQueries.inc({ source: code });
      recordStatement(code);
    },
    log,
  );
  const health = createSourceHealth(sources.all, {
    timeoutMs: config.sourceConnectTimeoutMs,
    log,
    onStatus: (code, up) => metrics.sourceUp.set({ source: code }, up ? 1 : 0),
  });
  let stopping: Promise<void> | undefined;
  const stopEmbedded = () => (stopping ??= embedded?.stop() ?? Promise.resolve());
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      live.delete(runtime);
      health.stop();
      await Promise.allSettled([hub.destroy(), sources.close()]);
      await stopEmbedded();
    })());
  let secret: Promise<string> | undefined;
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
    cursorSecret: () =>
      (secret ??= config.cursorSecret
        ? Promise.resolve(config.cursorSecret)
        : generatedSetting(hub, 'cursor_secret', () => randomBytes(32).toString('base64url')).catch(
            (err: unknown) => {
              secret = undefined; // a hub database that was down is asked again next time
              throw err;
            },
          )),
    close,
    abort: async () => {
      health.stop();
      await stopEmbedded();
      await close();
    },
  };
  live.add(runtime);
  try {
    if (opts.migrate) {
      await migrateLatest(hub, 'hub');
      const calendar = createCalendar(config.calendar);
      for (const s of sources.all) await migrateLatest(s.db, 'province', { calendar });
    }
  } catch (err) {
    await runtime.close();
    throw err;
  }
  return runtime;
}
