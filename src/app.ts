import type { Runtime } from './runtime.ts';
import { createGraphQLRoute } from './server/graphql-route.ts';
import { createHttpServer, type HubServer } from './server/http-server.ts';
import { startSyncSchedule, type SyncSchedule } from './sync/schedule.ts';

/** How often the health checks probe each source while the hub serves. */
export const HEALTH_INTERVAL_MS = 5000;

/** The running hub: HTTP (GraphQL, GraphiQL, health, metrics), health checks and the sync schedule. */
export interface App {
  rt: Runtime;
  http: HubServer;
  /** Binds, then starts the health checks and the sync schedule (SYNC_CRON); resolves to the port. */
  listen(port: number, host: string): Promise<number>;
  /** Stops the schedule, lets in-flight requests finish (up to graceMs), then closes the runtime. */
  close(graceMs?: number): Promise<void>;
}

/**
 * The one assembly of the hub over an open runtime: what `serve` runs, what `npm run bench` measures
 * (through `serve`) and what the tests start. The runtime is the app's from here on: close() closes it.
 */
export async function createApp(rt: Runtime): Promise<App> {
  const http = createHttpServer(rt, { graphql: await createGraphQLRoute(rt) });
  let schedule: SyncSchedule | undefined;
  return {
    rt,
    http,
    async listen(port, host) {
      const bound = await http.listen(port, host);
      rt.health.start(HEALTH_INTERVAL_MS);
      schedule = startSyncSchedule(rt);
      return bound;
    },
    async close(graceMs) {
      schedule?.stop();
      try {
        await Promise.all([http.close(graceMs), schedule?.drain()]);
      } finally {
        await rt.close();
      }
    },
  };
}
