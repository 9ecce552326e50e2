import fs from 'node:fs';
import { countRows, seedProvince } from '../../../seeds/index.ts';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { openRuntime } from '../../runtime.ts';
import { createGraphQLRoute } from '../../server/graphql-route.ts';
import { createHttpServer } from '../../server/http-server.ts';
import { startSyncSchedule } from '../../sync/schedule.ts';
import { provinceInfo } from '../../sources/demo.ts';
import { parseFlags, type Command } from '../command.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve GraphQL + GraphiQL, health and metrics (what `npm start` runs)',
  usage: `Usage: lienthong serve

Starts the hub: embedded PostgreSQL when DATABASE_URL is unset, migrations, demo data on first
start, then GraphQL and GraphiQL at http://localhost:$PORT/graphql (PORT defaults to 4000).
Environment: PORT, HOST, DATABASE_URL, LIENTHONG_SOURCES, LIENTHONG_DATA_DIR, LOG_LEVEL, SYNC_CRON.`,
  async run(argv, io) {
    parseFlags(argv, {});
    const config = loadConfig(io.env, { exists: fs.existsSync });
    const log = createLogger(config.logLevel, {}, io.stderr);
    const t0 = performance.now();
    // listen for signals before anything else: one that arrives before a handler exists kills the process
    const stopped = new Promise<string>((resolve) => {
      process.once('SIGTERM', () => resolve('SIGTERM'));
      process.once('SIGINT', () => resolve('SIGINT'));
    });
    const rt = await openRuntime(config, log, { migrate: true });
    let httpServer;
    try {
      if (rt.demo) {
        for (const source of rt.sources.all) {
          if ((await countRows(source.db)).units > 0) continue;
          log.info('seeding demo province (first start)', { province: source.code });
          await seedProvince(source.db, provinceInfo(source), { dossiers: config.demoDossiers });
        }
      }
      httpServer = createHttpServer(rt, { graphql: await createGraphQLRoute(rt) });
      const port = await httpServer.listen(config.port, config.host);
      rt.health.start(5000);
      const schedule = startSyncSchedule(rt);
      log.info('ready', { port, startupMs: Math.round(performance.now() - t0) });
      io.stdout(`lienthong ready: http://localhost:${port}/graphql`);
      log.info('shutting down', { signal: await stopped });
      schedule?.stop();
      await Promise.all([httpServer.close(), schedule?.drain()]);
    } finally {
      await rt.close();
    }
    return 0;
  },
};
