import { timeout, TimeoutStrategy } from 'cockatiel';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http.ts';
import type { Runtime } from '../runtime.ts';

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

export async function metricsRoute(rt: Runtime, res: ServerResponse): Promise<void> {
  const body = await rt.metrics.registry.metrics();
  res.writeHead(200, { 'content-type': rt.metrics.registry.contentType });
  res.end(body);
}
