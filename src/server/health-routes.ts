import { timeout, TimeoutStrategy } from 'cockatiel';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';
import type { Runtime } from '../runtime.ts';
import type { Access } from './access.ts';
import { wwwAuthenticate } from './scopes.ts';

/** GET /healthz: the process is alive and serving. */
export function healthz(res: ServerResponse): void {
  sendJson(res, 200, { status: 'ok' });
}

/** GET /readyz: 200 when the hub database answers, 503 otherwise; each source's status alongside. */
export async function readyz(rt: Runtime, res: ServerResponse): Promise<void> {
  const hubCheck = timeout(rt.config.sourceConnectTimeoutMs, TimeoutStrategy.Aggressive)
    .execute(() => rt.hub.raw('select 1'))
    .then(
      () => 'UP' as const,
      () => 'DOWN' as const,
    );
  const [hub, sources] = await Promise.all([hubCheck, rt.health.checkAll()]);
  // status and latency only: a check's error text can name hosts, ports and databases
  const byCode = Object.fromEntries(
    rt.sources.all.map((s) => {
      const check = sources[s.code];
      return [s.code, { name: s.name, status: check?.status ?? 'DOWN', latencyMs: check?.latencyMs ?? null }];
    }),
  );
  sendJson(res, hub === 'UP' ? 200 : 503, {
    status: hub === 'UP' ? 'ready' : 'not ready',
    hub,
    sources: byCode,
  });
}

/**
 * GET /metrics (Prometheus). Open to callers on this machine (loopback, no proxy headers); others need a key
 * or token with `metrics:read` (request counts per operation say who uses what).
 */
export function gatedMetricsRoute(rt: Runtime, access: Access) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (!access.isLocal(req)) {
      const viewer = await access.admit(req, res);
      if (!viewer) return;
      if (!viewer.scopes.has('metrics:read')) {
        if (viewer.kind === 'anonymous') {
          return sendJson(
            res,
            401,
            { error: 'GET /metrics needs a key or token with the "metrics:read" scope' },
            { 'www-authenticate': wwwAuthenticate() },
          );
        }
        return sendJson(res, 403, {
          error: 'GET /metrics needs the "metrics:read" scope, which this key or token does not hold',
        });
      }
    }
    return metricsRoute(rt, res);
  };
}

export async function metricsRoute(rt: Runtime, res: ServerResponse): Promise<void> {
  const body = await rt.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': rt.metrics.registry.contentType });
  res.end(body);
}
