import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { countRows, seedMoreDossiers, seedProvince } from '../../seeds/index.ts';
import { demoToday } from '../cli/context.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { openRuntime } from '../runtime.ts';
import { provinceInfo } from '../sources/demo.ts';
import { runFuzz } from './fuzz-run.ts';
import { installPeer, preparePeerDatabase, startPeer } from './postgraphile.ts';
import { runSoak } from './soak.ts';
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
/** PostGraphile as the peer in the throughput part, installed on demand (BENCH_PEER=0 leaves it out). */
const PEER = env.BENCH_PEER !== '0';
const dataDir = env.LIENTHONG_DATA_DIR ?? path.resolve('.lienthong/bench');
/** Which parts run (BENCH_PARTS, comma-separated): throughput against the baseline, sync, fuzz, soak. */
const PARTS = new Set((env.BENCH_PARTS ?? 'throughput,sync,fuzz,soak').split(',').map((p) => p.trim()));
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

console.log(`bench data: ${dataDir} — ${DOSSIERS.toLocaleString('en')} dossiers per province`);
for (const source of rt.sources.all) {
  const t0 = performance.now();
  const before = await countRows(source.db);
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

const hub = await start(
  ['src/cli/lienthong.mjs', 'serve'],
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
const hubUrl = hub.url.replace('localhost', '127.0.0.1');
const baseline = await start(
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
    workloads: workloads(root.code),
    hub: { url: hubUrl, pid: hub.child.pid! },
    baseline: { url: baseline.url, pid: baseline.child.pid! },
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
    hubPid: hub.child.pid!,
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
hub.child.kill('SIGTERM');
baseline.child.kill('SIGTERM');
peer?.child.kill('SIGTERM');
await Promise.all([exited(hub.child), exited(baseline.child), peer && exited(peer.child)]);

if (PARTS.has('sync')) {
  const s = await benchSync(rt, log);
  console.log(
    `\nsync: full push of ${s.items} procedures ${s.fullPushMs.toFixed(0)} ms (${s.itemsPerSecond.toFixed(0)} items/s); no-change run ${s.noChangeMs.toFixed(0)} ms`,
  );
}
await rt.close();
