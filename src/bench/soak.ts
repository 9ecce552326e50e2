import fs from 'node:fs';
import autocannon from 'autocannon';
import pg from 'pg';

/**
 * The soak: cheap, heavy-but-allowed and rejected operations at once, while one province's
 * `procedures` table is locked half of the time (5 s locked, 5 s free). Reports answers by error
 * code, the p99 latency of the cheap operations, and the hub's resident memory at start and end.
 */
export interface SoakOptions {
  url: string;
  hubPid: number;
  /** Connection URL of the province database to lock. */
  lockUrl: string;
  seconds: number;
  connections: number;
}

export interface SoakReport {
  seconds: number;
  connections: number;
  requests: number;
  byCode: Record<string, number>;
  http5xx: number;
  cheapP99Ms: number;
  cheapRps: number;
  rssStartMb: number;
  rssEndMb: number;
  lockedSeconds: number;
}

const CHEAP = `query Cheap { provinces { code status } }`;
const HEAVY = `query Heavy { dossiers(first: 50, filter: { provinces: ["40", "96"] }) { nodes {
  code status receivedAt dueAt timeliness procedure { nationalCode name field }
  receivingUnit { code name } events { occurredAt status note } documents { numberSymbol summary } } } }`;
/** The first probe of issue 8: twenty aliased nested pages of 500; must be rejected before any SQL. */
const REJECTED = `query Rejected { dossiers(first: 500) { nodes { receivingUnit { ${Array.from(
  { length: 20 },
  (_, i) => `x${i}: dossiers(first: 500) { nodes { code procedure { name } } }`,
).join(' ')} } } } }`;

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
};

export async function runSoak(o: SoakOptions): Promise<SoakReport> {
  const byCode: Record<string, number> = {};
  let http5xx = 0;
  const count = (status: number, body: string) => {
    if (status >= 500) http5xx++;
    let codes = ['OK'];
    try {
      const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] };
      if (parsed.errors?.length) codes = parsed.errors.map((e) => String(e.extensions?.code ?? 'NONE'));
    } catch {
      codes = [`HTTP_${status}`];
    }
    for (const c of new Set(codes)) byCode[c] = (byCode[c] ?? 0) + 1;
  };
  const request = (query: string) => ({
    method: 'POST' as const,
    path: '/graphql',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
    onResponse: (status: number, body: string) => count(status, body),
  });

  // warm-up, then the starting memory
  await autocannon({ url: o.url, connections: 8, duration: 3, requests: [request(CHEAP), request(HEAVY)] });
  const rssStartMb = rssMb(o.hubPid);

  // the lock: 5 s held, 5 s free, for the whole run
  const locker = new pg.Client({ connectionString: o.lockUrl });
  await locker.connect();
  let lockedMs = 0;
  let stop = false;
  const lockLoop = (async () => {
    while (!stop) {
      const t0 = performance.now();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE procedures IN ACCESS EXCLUSIVE MODE');
      await new Promise((r) => setTimeout(r, 5000));
      await locker.query('ROLLBACK');
      lockedMs += performance.now() - t0;
      if (!stop) await new Promise((r) => setTimeout(r, 5000));
    }
  })();

  const cheapConnections = Math.max(1, Math.round(o.connections / 4));
  const [cheap, mixed] = await Promise.all([
    autocannon({
      url: o.url,
      connections: cheapConnections,
      duration: o.seconds,
      requests: [request(CHEAP)],
    }),
    autocannon({
      url: o.url,
      connections: o.connections - cheapConnections,
      duration: o.seconds,
      requests: [request(HEAVY), request(REJECTED), request(CHEAP)],
    }),
  ]);
  stop = true;
  await lockLoop;
  await locker.end();
  const rssEndMb = rssMb(o.hubPid);
  return {
    seconds: o.seconds,
    connections: o.connections,
    requests: cheap.requests.total + mixed.requests.total,
    byCode,
    http5xx,
    cheapP99Ms: cheap.latency.p99,
    cheapRps: cheap.requests.average,
    rssStartMb,
    rssEndMb,
    lockedSeconds: lockedMs / 1000,
  };
}
