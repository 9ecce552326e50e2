import { timeout, TimeoutStrategy } from 'cockatiel';
import type { Runtime } from './runtime.ts';
import { createAccess } from './server/access.ts';
import { createExportRoute } from './server/export/route.ts';
import { createGraphQLRoute } from './server/graphql-route.ts';
import { gatedMetricsRoute } from './server/health-routes.ts';
import { createHttpServer, type HubServer, type RouteHandler } from './server/http-server.ts';
import { startSyncSchedule, type SyncSchedule } from './sync/schedule.ts';

/** How often the health checks probe each source while the hub serves. */
export const HEALTH_INTERVAL_MS = 5000;
/** How long a shutdown waits for requests in flight. */
const DEFAULT_GRACE_MS = 10_000;

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
  const access = createAccess(rt);
  const route = await createGraphQLRoute(rt, access);
  // requests still resolving (their client may be gone): the runtime closes only after them, so no
  // statement of theirs is cut by the pools closing under it
  const inFlight = new Set<Promise<void>>();
  const tracked =
    (handler: RouteHandler): RouteHandler =>
    (req, res, url) => {
      const p = handler(req, res, url).finally(() => inFlight.delete(p));
      inFlight.add(p);
      return p;
    };
  const http = createHttpServer(rt, {
    metrics: gatedMetricsRoute(rt, access),
    graphql: tracked(route),
    export: tracked(createExportRoute(rt, access, route)),
  });
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
    async close(graceMs = DEFAULT_GRACE_MS) {
      schedule?.stop();
      try {
        await Promise.all([http.close(graceMs), schedule?.drain()]);
        await timeout(graceMs, TimeoutStrategy.Aggressive)
          .execute(() => Promise.allSettled([...inFlight]))
          .catch(() => undefined); // past the grace period: close anyway
      } finally {
        access.close();
        await rt.close();
      }
    },
  };
}
