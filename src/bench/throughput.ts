import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import type { Workload } from './workloads.ts';

/**
 * The throughput part of `npm run bench`: every workload against the hand-written baseline, the hub and,
 * when it runs, PostGraphile, in alternating rounds (each round starts with the next server, so no
 * server always runs right after the same neighbour), then each server's peak resident memory.
 */
export interface ThroughputOptions {
  workloads: Workload[];
  hub: { url: string; pid: number };
  baseline: { url: string; pid: number };
  peer?: { url: string; pid: number } | undefined;
  rounds: number;
  seconds: number;
  connections: number;
}

interface Result {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
}

type ServerName = 'baseline' | 'hub' | 'PostGraphile';

async function drive(
  opts: { url: string; method: 'GET' | 'POST'; body?: string },
  seconds: number,
  connections: number,
  warm: boolean,
): Promise<Result> {
  const base = {
    url: opts.url,
    method: opts.method,
    connections,
    headers: { 'content-type': 'application/json' },
    ...(opts.body ? { body: opts.body } : {}),
  };
  if (warm) await autocannon({ ...base, duration: 2 }); // warm-up: JIT, pools, caches
  const r = await autocannon({ ...base, duration: seconds });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const post = async (url: string, body: string, headers: Record<string, string> = {}) =>
  (await (
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
  ).json()) as { data?: unknown; errors?: unknown; extensions?: { sqlStatements?: { total: number } } };

/** Lists, their items and scalar values in a response: a size check that two answers are alike. */
export function shape(data: unknown): { lists: number; items: number; values: number; totalCount: number[] } {
  const s = { lists: 0, items: 0, values: 0, totalCount: [] as number[] };
  const walk = (v: unknown, key: string) => {
    if (Array.isArray(v)) {
      s.lists++;
      s.items += v.length;
      for (const x of v) walk(x, '');
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) walk(x, k);
    } else if (key === 'totalCount') s.totalCount.push(v as number);
    else if (v !== null) s.values++;
  };
  walk(data, '');
  return s;
}
const describeShape = (d: unknown) => {
  const s = shape(d);
  return `${s.items} items in ${s.lists} lists, ${s.values} values${s.totalCount.length ? `, totalCount ${s.totalCount.join('+')}` : ''}`;
};

/** Peak resident set (VmHWM) of a process in MB; null once it is gone or off Linux. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

export async function runThroughput(o: ThroughputOptions): Promise<void> {
  const rows: string[][] = [
    [
      'workload',
      'server',
      'req/s',
      'req/s per round',
      'p50 ms',
      'p99 ms',
      'SQL/req',
      'errors',
      'hub/baseline',
      'hub/PostGraphile',
    ],
  ];
  const hubGraphql = `${o.hub.url}/graphql`;
  for (const w of o.workloads) {
    const body = JSON.stringify({ query: w.query, variables: w.variables });
    const probe = await post(hubGraphql, body, { 'x-lienthong-debug': 'sql' });
    if (probe.errors) throw new Error(`${w.name}: ${JSON.stringify(probe.errors)}`);
    const statements = async () =>
      ((await (await fetch(`${o.baseline.url}/_statements`)).json()) as { statements: number }).statements;
    const s0 = await statements();
    const baselineAnswer = (await (await fetch(`${o.baseline.url}${w.baselinePath}`)).json()) as {
      data: unknown;
    };
    const baselineSql = (await statements()) - s0;
    const peerBody = o.peer && w.peer ? JSON.stringify(w.peer) : undefined;
    // the answers compared once, by size, before timing (the peer's dossiers are the newest by id, the
    // hub's by reception time, so the counts of events and documents may differ a little)
    console.log(
      `${w.name}: hub ${describeShape(probe.data)}; baseline ${describeShape(baselineAnswer.data)}`,
    );
    if (peerBody) {
      const p = await post(`${o.peer!.url}`, peerBody);
      if (p.errors) throw new Error(`${w.name} (PostGraphile): ${JSON.stringify(p.errors)}`);
      console.log(`  PostGraphile ${describeShape(p.data)}`);
    }

    const targets: [ServerName, () => Promise<Result>][] = [];
    const first = new Set<ServerName>();
    const target = (name: ServerName, opts: { url: string; method: 'GET' | 'POST'; body?: string }) =>
      targets.push([
        name,
        () => {
          const warm = !first.has(name);
          first.add(name);
          return drive(opts, o.seconds, o.connections, warm);
        },
      ]);
    target('baseline', { url: `${o.baseline.url}${w.baselinePath}`, method: 'GET' });
    target('hub', { url: hubGraphql, method: 'POST', body });
    if (peerBody) target('PostGraphile', { url: o.peer!.url, method: 'POST', body: peerBody });
    const results = new Map<ServerName, Result[]>(targets.map(([n]) => [n, []]));
    for (let round = 0; round < o.rounds; round++) {
      for (let i = 0; i < targets.length; i++) {
        const [name, go] = targets[(round + i) % targets.length]!;
        results.get(name)!.push(await go());
      }
    }
    const med = (name: ServerName) => {
      const rs = results.get(name);
      if (!rs) return undefined;
      return {
        rps: median(rs.map((r) => r.rps)),
        rounds: rs.map((r) => r.rps.toFixed(0)).join(' / '),
        p50: median(rs.map((r) => r.p50)),
        p99: median(rs.map((r) => r.p99)),
        errors: rs.reduce((n, r) => n + r.errors, 0),
      };
    };
    const b = med('baseline')!;
    const h = med('hub')!;
    const p = med('PostGraphile');
    const row = (name: string, r: NonNullable<typeof p>, sql: string, vsB: string, vsP: string) =>
      rows.push([
        w.name,
        name,
        r.rps.toFixed(0),
        r.rounds,
        String(r.p50),
        String(r.p99),
        sql,
        String(r.errors),
        vsB,
        vsP,
      ]);
    row('baseline', b, String(baselineSql), '', '');
    row(
      'hub',
      h,
      String(probe.extensions?.sqlStatements?.total ?? '?'),
      (h.rps / b.rps).toFixed(2),
      p ? (h.rps / p.rps).toFixed(2) : '—',
    );
    if (p) row('PostGraphile', p, '', '', '');
  }

  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(
    `\n${o.connections} connections, ${o.rounds} alternating rounds of ${o.seconds} s per server and workload ` +
      `(medians; a 2 s warm-up before each server's first round); node ${process.version}` +
      (o.peer ? '; PostGraphile on its own Node 22' : '') +
      `; load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} at the end\n`,
  );
  for (const r of rows) console.log('| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |');
  const rss = (name: string, pid: number) => {
    const mb = peakRssMb(pid);
    return `${name} ${mb === null ? '?' : mb.toFixed(0)} MB`;
  };
  console.log(
    `\npeak RSS (VmHWM) after the throughput part: ${[
      rss('hub', o.hub.pid),
      rss('baseline', o.baseline.pid),
      ...(o.peer ? [rss('PostGraphile', o.peer.pid)] : []),
    ].join(', ')}`,
  );
}
