import { catchUpDemoDays, rowsBeforeSeed, seedProvince } from '../../../seeds/index.ts';
import { createApp } from '../../app.ts';
import { createLogger } from '../../logger.ts';
import { openRuntime, type Runtime } from '../../runtime.ts';
import { provinceInfo } from '../../sources/demo.ts';
import { untilStopped, type CliIO, type Command } from '../command.ts';
import { cliConfig, count, demoToday, InterruptedError } from '../context.ts';
import { intFlag, parseFlags, textFlag } from '../flags.ts';
import { seedReporter } from '../seed-progress.ts';

/** Loopback and wildcard binds are reached as localhost; any other address as itself. */
const LOCAL_HOSTS = new Set(['127.0.0.1', '0.0.0.0', '::', '::1', 'localhost']);
const urlHost = (host: string) =>
  LOCAL_HOSTS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;

/**
 * The demo set at start: seeds the empty provinces (progress by name, one summary line) and brings the
 * seeded ones up to today, adding the dossiers of the days since they were last seeded.
 */
async function seedDemoProvinces(rt: Runtime, io: CliIO): Promise<void> {
  const today = demoToday(rt.config);
  const empty = [];
  for (const source of rt.sources.all) {
    if ((await rowsBeforeSeed(source.db)).units === 0) {
      empty.push(source);
      continue;
    }
    const added = await catchUpDemoDays(source.db, provinceInfo(source), today);
    if (added > 0) io.stdout(`demo ${source.name}: ${count(added)} dossiers added up to ${today}`);
  }
  if (empty.length === 0) return;
  const dossiers = rt.config.demoDossiers;
  io.stdout(
    `first start: seeding ${empty.length} demo ${empty.length === 1 ? 'province' : 'provinces'} ` +
      `(${count(dossiers)} dossiers each) into ${rt.config.dataDir}`,
  );
  const reporter = seedReporter(io);
  for (const source of empty) {
    rt.log.debug('seeding demo province (first start)', { province: source.code });
    await reporter.province(source, dossiers, (onProgress) =>
      seedProvince(source.db, provinceInfo(source), { dossiers, today, onProgress }),
    );
  }
  io.stdout(`first start: ${reporter.summary()!}`);
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve GraphQL + GraphiQL, health and metrics (what `npm start` runs)',
  usage: `Usage: lienthong serve [--port N] [--host HOST]

Starts the hub: embedded PostgreSQL when DATABASE_URL is unset, migrations, demo data on first
start, then GraphQL and GraphiQL at http://localhost:4000/graphql.
  --port N      TCP port (default: PORT, else 4000; 0 picks a free one)
  --host HOST   address to bind (default: HOST, else 127.0.0.1; 0.0.0.0 exposes the hub)
Environment: PORT, HOST, DATABASE_URL, LIENTHONG_SOURCES, LIENTHONG_DATA_DIR, LIENTHONG_DEMO_DOSSIERS,
LIENTHONG_DEMO_TODAY, LIENTHONG_CALENDAR_FILE, LOG_LEVEL, SYNC_CRON.`,
  async run(argv, io) {
    const { values } = parseFlags(argv, { port: { type: 'string' }, host: { type: 'string' } });
    const config = cliConfig(io, {
      port: intFlag('port', values.port, { min: 0, max: 65535 }),
      host: textFlag('host', values.host),
    });
    // listen for signals before anything else: one that arrives before a handler exists kills the process
    const stopped = untilStopped(io.signal);
    const log = createLogger(config.logLevel, {}, io.stderr);
    const t0 = performance.now();
    const rt = await openRuntime(config, log, { migrate: true });
    let app;
    try {
      if (rt.demo) {
        const seeding = seedDemoProvinces(rt, io);
        seeding.catch(() => undefined); // once stopped, its failure is expected
        const signal = await Promise.race([seeding.then(() => undefined), stopped]);
        if (signal !== undefined) {
          // stopped while seeding (which takes minutes): the embedded server stops first, ending the load;
          // the next start seeds the province it was loading again (seeds/index.ts rowsBeforeSeed)
          await rt.abort();
          throw new InterruptedError(signal === 'abort' ? 'SIGTERM' : signal);
        }
      }
      app = await createApp(rt);
    } catch (err) {
      await rt.close();
      throw err;
    }
    try {
      const port = await app.listen(config.port, config.host);
      log.info('ready', { port, host: config.host, startupMs: Math.round(performance.now() - t0) });
      io.stdout(`lienthong ready: http://${urlHost(config.host)}:${port}/graphql`);
      log.info('shutting down', { signal: await stopped });
    } finally {
      await app.close();
    }
    return 0;
  },
};
