import fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { countRows, rowsBeforeSeed, seedMoreDossiers, seedProvince } from '../../seeds/index.ts';
import { demoToday } from '../cli/context.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openRuntime } from '../runtime.ts';
import { DEMO_PROVINCES, provinceInfo } from '../sources/demo.ts';
import { runFuzz } from './fuzz-run.ts';
import { benchIndicators, type IndicatorTiming } from './indicators.ts';
import { installPeer, preparePeerDatabase, startPeer } from './postgraphile.ts';
import { runSoak } from './soak.ts';
import { addDays } from './volume.ts';
import { benchSync } from './sync-bench.ts';
import { runThroughput } from './throughput.ts';
import { workloads } from './workloads.ts';

/**
 * `npm run bench`: seeds a larger data set if needed, starts the hub and a hand-written baseline (plain
 * node:http + SQL + JSON.stringify) and PostGraphile (src/bench/postgraphile.ts) as separate processes, and
 * drives them with autocannon in alternating rounds (src/bench/throughput.ts). Results are ratios
 * against the baseline and PostGraphile measured in the same run.
 */
const env = process.env;
const DOSSIERS = Number(env.BENCH_DOSSIERS ?? 100_000);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 32);
/** Alternating rounds per workload and server (BENCH_ROUNDS); the table gives medians. */
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
/** Throughput workloads whose names contain one of these (BENCH_WORKLOADS, comma-separated); all when unset. */
const WORKLOADS = env.BENCH_WORKLOADS?.split(',').map((w) => w.trim());
/** PostGraphile as the peer in the throughput part, installed on demand (BENCH_PEER=0 leaves it out). */
const PEER = env.BENCH_PEER !== '0';
const dataDir = env.LIENTHONG_DATA_DIR ?? path.resolve('.lienthong/bench');
/** Which parts run (BENCH_PARTS, comma-separated): throughput against the baseline, sync, fuzz, soak, indicators. */
const PARTS = new Set(
  (env.BENCH_PARTS ?? 'throughput,sync,fuzz,soak,indicators').split(',').map((p) => p.trim()),
);
/** Indicator volumes (dossiers per province database, src/bench/indicators.ts): 1m and 10m are opt-in. */
const INDICATOR_VOLUMES = (env.BENCH_INDICATOR_VOLUMES ?? '100k').split(',').map((v) => v.trim());
const INDICATOR_PROVINCES = (env.BENCH_INDICATOR_PROVINCES ?? '40,96').split(',').map((c) => {
  const p = DEMO_PROVINCES.find((d) => d.code === c.trim());
  if (!p) throw new Error(`BENCH_INDICATOR_PROVINCES: ${c} is not a demo province`);
  return p;
});
const INDICATOR_REQUESTS = Number(env.BENCH_INDICATOR_REQUESTS ?? 30);
const FUZZ_CASES = Number(env.BENCH_FUZZ_CASES ?? 10_000);
const FUZZ_SEED = Number(env.BENCH_FUZZ_SEED ?? 20261129);
const SOAK_SECONDS = Number(env.BENCH_SOAK_SECONDS ?? 60);
const SOAK_CONNECTIONS = Number(env.BENCH_SOAK_CONNECTIONS ?? 64);

const log = createLogger('warn');
const config = loadConfig({
  ...env,
  LIENTHONG_DATA_DIR: dataDir,
  DATABASE_URL: undefined,
  LIENTHONG_SOURCES: undefined,
});
const rt = await openRuntime(config, log, { migrate: true });

/** The demo data set serves these parts; the indicator part brings its own databases. */
const DEMO_PARTS = ['throughput', 'fuzz', 'soak', 'sync'].some((p) => PARTS.has(p));
/** The demo hub and the baseline serve these. */
const HUB_PARTS = ['throughput', 'fuzz', 'soak'].some((p) => PARTS.has(p));
console.log(`bench data: ${dataDir} — ${DOSSIERS.toLocaleString('en')} dossiers per province`);
for (const source of DEMO_PARTS ? rt.sources.all : []) {
  const t0 = performance.now();
  const before = await rowsBeforeSeed(source.db);
  if (before.units === 0)
    await seedProvince(source.db, provinceInfo(source), { dossiers: DOSSIERS, today: demoToday(config) });
  else if (before.dossiers < DOSSIERS)
    await seedMoreDossiers(source.db, provinceInfo(source), DOSSIERS - before.dossiers);
  const after = await countRows(source.db);
  if (after.dossiers !== before.dossiers) {
    console.log(
      `  seeded ${source.code} ${source.name}: ${after.dossiers.toLocaleString('en')} dossiers in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
  }
}
const root = (await rt.sources
  .byCode('40')!
  .db('units')
  .select('code')
  .where('kind', 'PEOPLES_COMMITTEE')
  .orderBy('id')
  .first()) as {
  code: string;
};
const sources = rt.sources.all.map((s) => ({ code: s.code, slug: s.slug, name: s.name, url: s.url }));

function start(
  args: string[],
  extraEnv: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...env, ...extraEnv },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', () => undefined);
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${out}`)));
  });
}

/** The Node flags on the CLI's shebang (`#!/usr/bin/env -S node …`): the hub runs as `npm start` runs it. */
const CLI = 'src/cli/lienthong.mjs';
const cliNodeFlags = fs.readFileSync(CLI, 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(3);

const hub = !HUB_PARTS
  ? undefined
  : await start(
      [...cliNodeFlags, CLI, 'serve'],
      {
        PORT: '0',
        HOST: '127.0.0.1',
        LIENTHONG_DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        // one load generator stands for many callers: per-caller limits would measure the limiter, not the hub
        RATE_LIMIT_REQUESTS: '0',
        RATE_LIMIT_COST: '0',
      },
      /ready: (http:\/\/\S+)\/graphql/,
    );
const hubUrl = hub?.url.replace('localhost', '127.0.0.1') ?? '';
const baseline = !HUB_PARTS
  ? undefined
  : await start(
      ['--import', 'tsx', 'src/bench/baseline-main.ts', JSON.stringify(sources)],
      {},
      /baseline ready: (\S+)/,
    );
const peer =
  PEER && PARTS.has('throughput')
    ? await (async () => {
        const source40 = rt.sources.byCode('40')!;
        await preparePeerDatabase(source40.db);
        const dir = path.join(dataDir, 'peer');
        return startPeer(dir, await installPeer(dir), source40.url);
      })()
    : undefined;

if (PARTS.has('throughput')) {
  await runThroughput({
    workloads: workloads(root.code).filter((w) => !WORKLOADS || WORKLOADS.some((n) => w.name.includes(n))),
    hub: { url: hubUrl, pid: hub!.child.pid! },
    baseline: { url: baseline!.url, pid: baseline!.child.pid! },
    peer: peer && { url: peer.url, pid: peer.child.pid! },
    rounds: ROUNDS,
    seconds: SECONDS,
    connections: CONNECTIONS,
  });
}

if (PARTS.has('fuzz')) {
  const f = await runFuzz(hubUrl, { cases: FUZZ_CASES, seed: FUZZ_SEED });
  console.log(
    `\nfuzz: ${f.cases.toLocaleString('en')} schema-driven operations (seed ${f.seed}) in ${f.seconds.toFixed(1)} s; ` +
      `HTTP 5xx ${f.http5xx}, INTERNAL_SERVER_ERROR ${f.byCode.INTERNAL_SERVER_ERROR ?? 0}; answers by code: ${JSON.stringify(f.byCode)}`,
  );
  for (const finding of f.findings.slice(0, 10)) console.log(`  ${finding}`);
}

if (PARTS.has('soak')) {
  const r = await runSoak({
    url: hubUrl,
    hubPid: hub!.child.pid!,
    lockUrl: rt.sources.byCode('96')!.url,
    seconds: SOAK_SECONDS,
    connections: SOAK_CONNECTIONS,
  });
  console.log(
    `\nsoak: ${r.seconds} s at ${r.connections} connections, province 96 locked ${r.lockedSeconds.toFixed(0)} s of it; ` +
      `${r.requests.toLocaleString('en')} requests; HTTP 5xx ${r.http5xx}; answers by code ${JSON.stringify(r.byCode)}; ` +
      `cheap p99 ${r.cheapP99Ms} ms (${r.cheapRps.toFixed(0)} req/s); RSS ${r.rssStartMb.toFixed(0)} MB → ${r.rssEndMb.toFixed(0)} MB`,
  );
}

// both servers end before the runtime closes, so the embedded PostgreSQL this run started stops with it
const exited = (child: ChildProcess) =>
  child.exitCode !== null ? Promise.resolve() : new Promise<void>((r) => child.once('exit', () => r()));
for (const s of [hub, baseline, peer]) s?.child.kill('SIGTERM');
await Promise.all([hub, baseline, peer].map((s) => s && exited(s.child)));

if (PARTS.has('sync')) {
  const s = await benchSync(rt, log);
  console.log(
    `\nsync: full push of ${s.items} procedures ${s.fullPushMs.toFixed(0)} ms (${s.itemsPerSecond.toFixed(0)} items/s); no-change run ${s.noChangeMs.toFixed(0)} ms`,
  );
}
if (PARTS.has('indicators')) {
  const t: IndicatorTiming[] = await benchIndicators({
    adminUrl: rt.embedded!.url('postgres'),
    hubDatabaseUrl: rt.hubUrl,
    dataDir,
    volumes: INDICATOR_VOLUMES,
    provinces: INDICATOR_PROVINCES,
    // a month's last day, so a volume stays valid (and is reused) for a month
    asOf: addDays(`${demoToday(config).slice(0, 7)}-01`, -1),
    requests: INDICATOR_REQUESTS,
    explain: env.BENCH_INDICATOR_EXPLAIN !== '0',
    start,
    log: (line) => console.log(line),
  });
  const rows = [
    [
      'dossiers × provinces',
      'indicators query',
      'rows / groups',
      'SQL/req',
      'p50 ms',
      'p95 ms',
      'max ms',
      'errors',
    ],
    ...t.map((r) => [
      r.volume,
      r.query,
      `${r.rows} / ${r.groups}`,
      String(r.sql),
      r.p50.toFixed(0),
      r.p95.toFixed(0),
      r.max.toFixed(0),
      String(r.errors),
    ]),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  console.log(
    `\nindicators: ${INDICATOR_REQUESTS} sequential requests per query after 3 warm-up ones; one HTTP hub on the bench databases\n`,
  );
  for (const r of rows) console.log('| ' + r.map((c, i) => c.padEnd(widths[i]!)).join(' | ') + ' |');
}
await rt.close();
