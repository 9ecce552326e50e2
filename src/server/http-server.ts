import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Runtime } from '../runtime.ts';
import { sendJson } from '../http.ts';
import { healthz, metricsRoute, readyz } from './health-routes.ts';
import { dashboardRoute } from './dashboard.ts';
import { graphiqlLinkRoute } from './graphiql.ts';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

export interface HubServer {
  server: http.Server;
  listen(port: number, host: string): Promise<number>;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then closes the remaining sockets. */
  close(graceMs?: number): Promise<void>;
}

export function createHttpServer(
  rt: Runtime,
  routes: { graphql?: RouteHandler; metrics?: RouteHandler; export?: RouteHandler } = {},
): HubServer {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const handle = async () => {
      if (url.pathname === '/healthz') return healthz(res);
      if (url.pathname === '/readyz') return readyz(rt, res);
      if (url.pathname === '/metrics')
        return routes.metrics ? routes.metrics(req, res, url) : metricsRoute(rt, res);
      if (url.pathname === '/graphql' && routes.graphql) return routes.graphql(req, res, url);
      if (url.pathname === '/dashboard') return dashboardRoute(req, res, url);
      if (url.pathname === '/graphiql') return graphiqlLinkRoute(req, res, url);
      if (url.pathname.startsWith('/export/') && routes.export) return routes.export(req, res, url);
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204);
        return void res.end();
      }
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/graphql' });
        return void res.end();
      }
      sendJson(res, 404, { error: `No route for ${req.method} ${url.pathname}` });
    };
    handle().catch((err: unknown) => {
      rt.log.error('unhandled request error', { path: url.pathname, error: (err as Error).message });
      if (!res.headersSent) sendJson(res, 500, { error: 'Internal server error' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5000;
  return {
    server,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      }),
    close: (graceMs = 10_000) =>
      new Promise((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
